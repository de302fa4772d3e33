#!/usr/bin/env bash
# Slurm job array: one task per shard of a `ketamine-pkpd sensitivity` run, then one dependent job that merges them.
#
#   sbatch --array=1-8 docs/cluster/sensitivity-array.sh            # 8 shards of the default analysis
#   ANALYSIS="--pair placebo-sd,dose-spread --replicates 4000" sbatch --array=1-16 docs/cluster/sensitivity-array.sh
#   ANALYSIS="--global --worlds 10000 --allow-long-run" sbatch --array=1-50 docs/cluster/sensitivity-array.sh   # a global analysis
#
# Every task runs the same analysis arguments with its own --shard K/N (K = SLURM_ARRAY_TASK_ID, N = the array size)
# and writes $OUT/part-K.json; the last task to start submits the merge with afterok on the whole array.
#SBATCH --job-name=kpd-sensitivity
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=00:30:00
#SBATCH --output=kpd-sensitivity-%A_%a.log
set -euo pipefail

CLI=${CLI:-ketamine-pkpd}                      # the installed tool (dotnet tool install -g KetaminePkPd.Cli), or "dotnet path/to/ketamine-pkpd.dll"
ANALYSIS=${ANALYSIS:-}                         # the analysis options, identical for every shard
OUT=${OUT:-$PWD/kpd-sensitivity-$SLURM_ARRAY_JOB_ID}
N=${SLURM_ARRAY_TASK_COUNT:?run with sbatch --array=1-N}
K=${SLURM_ARRAY_TASK_ID:?run with sbatch --array=1-N}
mkdir -p "$OUT"

# shellcheck disable=SC2086  # ANALYSIS is a list of options
$CLI sensitivity $ANALYSIS --shard "$K/$N" --out "$OUT/part-$K.json" --quiet

if [[ "$K" == "$SLURM_ARRAY_TASK_MAX" ]]; then
    sbatch --dependency="afterok:$SLURM_ARRAY_JOB_ID" --job-name=kpd-merge --wrap \
        "$CLI merge $OUT/part-*.json --json --out $OUT/cells.csv > $OUT/sensitivity.json && $CLI merge $OUT/part-*.json > $OUT/report.txt"
fi
