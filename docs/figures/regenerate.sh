#!/usr/bin/env bash
# Regenerates the README figures in docs/figures/ with the ketamine-pkpd CLI, so that they always match the current
# model. Every run uses a fixed seed (the default, 1), so the same code gives the same figures.
#
#   bash docs/figures/regenerate.sh          # from anywhere; needs the .NET 10 SDK; about a minute on two cores
#
# Then review the PNGs and commit them. Each should stay under about 150 KB (the script warns otherwise).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

dotnet build "$root/src/KetaminePkPd.Cli/KetaminePkPd.Cli.csproj" -c Release --nologo -v quiet
cli=(dotnet "$root/src/KetaminePkPd.Cli/bin/Release/net10.0/ketamine-pkpd.dll")

run() {
    echo "+ ketamine-pkpd $*" >&2
    "${cli[@]}" "$@" > /dev/null
}

cd "$here"

# Routes side by side: plasma concentrations with 5-95% bands of 300 virtual patients (first 12 h), and the two effects
# of the typical patient (dissociation over 6 h above the antidepressant drug effect over 7 days).
run compare --population 300 --plot compare-concentrations.png --quiet
run compare --plot-effects compare-effects.png

# Dose-response of both effects (racemic IV over 40 min, 0.05-1.5 mg/kg) and the correlation dose alone produces.
run dose-response --plot dose-response.png --plot-scatter dose-alone-scatter.png --quiet

# One infusion (0.5 mg/kg over 40 min): concentrations on a log axis, both effects, and the hysteresis loop.
run simulate --plot concentrations-log.png --log --plot-effects effects.png --plot-hysteresis hysteresis.png

# One simulated NIMH trial under exposure only: CADSS against improvement at 230 min.
run trial --plot trial-scatter-230min.png

# The main job: simulated r under each hypothesis vs the observed r (writes hypothesis-r-230min.png and hypothesis-r-7d.png).
run hypothesis --plot hypothesis-r.png --quiet

# The published evidence: each catalogue entry's compatibility p under each hypothesis, the joint p in the legend.
run evidence --plot evidence.png --quiet

# What would it take: the default sensitivity run's tornado plots (sensitivity-tornado-230min.png, -7d.png).
run sensitivity --plot sensitivity-tornado.png --quiet

status=0
for f in *.png; do
    size=$(wc -c < "$f")
    printf '%8d  %s\n' "$size" "docs/figures/$f"
    if (( size > 153600 )); then
        echo "warning: docs/figures/$f is larger than 150 KB" >&2
        status=1
    fi
done
exit $status
