#!/usr/bin/env bash
# Draws the same random families with this engine and with Graphviz `dot`, as whole
# processes, and prints time, crossings, couples side by side, birth-order inversions and
# parent–child offset for both, measured by the same metric code (docs/layout.md, "How it compares with Graphviz").
#
#   bench/compare-dot.sh [SIZES...]     default sizes: 1000 2000 5000
#   RUNS=3 bench/compare-dot.sh         runs per timing (default 1; the minimum is kept)
#
# Timed as whole processes, from the family file to an SVG file:
# - genogram: `genogram render FAMILY -o OUT.svg` (read, validate, lay out, draw, write);
# - dot:      `genogram export FAMILY --format dot` then `dot -Tsvg` on the exported
#             file (the export's own time is printed apart and not counted for dot).
# dot reads one point node per couple, nodes as wide as this engine's symbol-or-label
# boxes; its person centres are read back from `dot -Tplain` (not timed). At 5,000
# people dot takes minutes. Installs graphviz with apt-get when `dot` is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dot >/dev/null; then
    echo "installing graphviz (dot)…" >&2
    apt-get update -qq && apt-get install -y -qq graphviz >/dev/null
fi
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 2000 5000)
runs=${RUNS:-1}

cargo build -q --release --bin genogram --example genfamily --example quality
bin=target/release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Wall-clock seconds of a command, the minimum over $runs runs.
timed() {
    local best=""
    for _ in $(seq "$runs"); do
        local start end t
        start=$(date +%s.%N)
        "$@" > /dev/null
        end=$(date +%s.%N)
        t=$(echo "$end - $start" | bc)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
    done
    printf '%.3f' "$best"
}

echo "Graphviz: $(dot -V 2>&1)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-7s %-9s %9s %9s %9s %9s %10s %9s\n' people engine "time(s)" crossings adjacent inverted "offset(S)" "speedup"
for n in "${sizes[@]}"; do
    fam="$work/family-$n.yaml"
    "$bin/examples/genfamily" "$n" "$n" > "$fam"
    g=$(timed "$bin/genogram" render "$fam" -o "$work/genogram.svg")
    e=$(timed "$bin/genogram" export "$fam" --format dot -o "$work/family.dot")
    d=$(timed dot -Tsvg "$work/family.dot" -o "$work/dot.svg")
    dot -Tplain "$work/family.dot" > "$work/family.plain"
    "$bin/examples/quality" "$fam" | tail -n 1 | awk -v n="$n" -v t="$g" \
        '{ printf "%-7s %-9s %9s %9s %9s %9s %10s %9s\n", n, "genogram", t, $3, $4, $5, $6, "" }'
    "$bin/examples/quality" "$fam" "$work/family.plain" | tail -n 1 | awk -v n="$n" -v t="$d" -v g="$g" \
        '{ printf "%-7s %-9s %9s %9s %9s %9s %10s %8.1fx\n", n, "dot", t, $3, $4, $5, $6, t / g }'
    echo "        (export to dot: $e s, not counted for dot)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
