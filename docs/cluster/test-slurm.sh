#!/usr/bin/env bash
# Runs docs/cluster/sensitivity-array.sh on a real single-node Slurm (Debian's slurmctld, slurmd, munge), started and
# stopped by this script in a private directory (its own munge key and socket, its own ports and spool), then checks
# that the merged JSON and CSV equal the unsharded run's byte for byte: once for a one-at-a-time analysis, once for a
# global analysis (sensitivity --global).
#
#   sudo apt-get install slurmctld slurmd slurm-client munge     # once
#   bash docs/cluster/test-slurm.sh                               # as root (slurmd runs jobs as the submitting user)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d /tmp/kpd-slurm.XXXXXX)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

dotnet build "$root/src/KetaminePkPd.Cli/KetaminePkPd.Cli.csproj" -c Release --nologo -v quiet
export CLI="dotnet $root/src/KetaminePkPd.Cli/bin/Release/net10.0/ketamine-pkpd.dll"
export ANALYSIS="--vary dose-spread,placebo-sd --replicates 100 --pool 400 --seed 7"

# munge: a private key and socket.
mkdir -p "$work/munge"
dd if=/dev/urandom bs=1 count=1024 of="$work/munge/munge.key" status=none
chmod 700 "$work/munge"; chmod 400 "$work/munge/munge.key"
munged --key-file="$work/munge/munge.key" --socket="$work/munge/munge.socket" --pid-file="$work/munge/munged.pid" \
    --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed" --force --foreground &
pids+=($!)

host="$(hostname -s)"
cpus="$(nproc)"
mkdir -p "$work/state" "$work/spool"
cat > "$work/slurm.conf" <<CONF
ClusterName=kpd-test
SlurmctldHost=$host
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
AuthInfo=socket=$work/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
SlurmUser=root
NodeName=$host CPUs=$cpus RealMemory=4000 State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES
CONF
export SLURM_CONF="$work/slurm.conf"
sleep 1
slurmctld -D -f "$SLURM_CONF" &
pids+=($!)
slurmd -D -f "$SLURM_CONF" &
pids+=($!)
for _ in $(seq 1 30); do sinfo -h -o %T 2>/dev/null | grep -qE 'idle|mixed' && break; sleep 1; done
sinfo

cd "$work"
export OUT="$work/out"
# The array: 4 shards; the last task submits the merge. --wait blocks until the array is done.
sbatch --wait --array=1-4 --cpus-per-task=1 --mem=500M --export=ALL "$here/sensitivity-array.sh"
# Wait for the dependent merge job.
for _ in $(seq 1 120); do [[ -s "$OUT/sensitivity.json" && -z "$(squeue -h)" ]] && break; sleep 1; done

$CLI sensitivity $ANALYSIS --json --out "$work/whole.csv" --quiet > "$work/whole.json"
cmp "$work/whole.json" "$OUT/sensitivity.json"
cmp "$work/whole.csv" "$OUT/cells.csv"
echo "Slurm array of 4 shards merged byte-identical to the unsharded run ($work)."

# The global analysis (sensitivity --global, issue 18): the same array script, 4 shards of 8 worlds.
export ANALYSIS="--global --worlds 8 --hypothesis exposure-only --replicates 100 --seed 3"
export OUT="$work/out-global"
sbatch --wait --array=1-4 --cpus-per-task=1 --mem=500M --export=ALL "$here/sensitivity-array.sh"
for _ in $(seq 1 120); do [[ -s "$OUT/sensitivity.json" && -z "$(squeue -h)" ]] && break; sleep 1; done

$CLI sensitivity $ANALYSIS --json --out "$work/whole-global.csv" --quiet > "$work/whole-global.json"
cmp "$work/whole-global.json" "$OUT/sensitivity.json"
cmp "$work/whole-global.csv" "$OUT/cells.csv"
echo "Slurm array of 4 global-analysis shards merged byte-identical to the unsharded run ($work)."
