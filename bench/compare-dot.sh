#!/usr/bin/env bash
# Draws the same families with this engine and with Graphviz `dot`, as whole processes,
# and prints time, crossings, couples side by side, birth-order inversions and
# parent–child offset for both, measured by the same metric code (docs/layout.md, "How
# it compares with Graphviz").
#
#   bench/compare-dot.sh [SIZES... | FILES...]   default: 100 300 1000 and royal92
#   SEEDS="1 2 3" bench/compare-dot.sh 300       seeds of the random families (default 1 2 3)
#   RUNS=3 bench/compare-dot.sh                  runs per timing (default 1; minimum kept)
#
# A number is a random family of that size from `examples/genfamily SIZE SEED`, one per
# seed; anything else is a family file (`.ged` files are imported first).
#
# `crossings` counts the points where two drawn lines cross, lines that share a person or
# a couple never counting: for genogram its routed lines (partner, descent, sibship and
# child lines; relationship lines are left out because dot is given none), for dot its
# edges as `dot -Tplain` gives them (person to couple point, couple point to child).
# `segments` counts crossings of straight couple-to-child segments on the person centres
# of both.
#
# Timed as whole processes, from the family file to an SVG file:
# - genogram: `genogram render FAMILY -o OUT.svg` (read, validate, lay out, draw, write);
# - dot:      `genogram export FAMILY --format dot` then `dot -Tsvg` on the exported
#             file (the export's own time is printed apart and not counted for dot).
# dot reads one point node per couple, nodes as wide as this engine's symbol-or-label
# boxes; its placement is read back from `dot -Tplain` (not timed). At 5,000 people dot
# takes minutes. Installs graphviz with apt-get when `dot` is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dot >/dev/null; then
    echo "installing graphviz (dot)…" >&2
    apt-get update -qq && apt-get install -y -qq graphviz >/dev/null
fi
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(100 300 1000 tests/data/gedcom/royal92/royal92.ged)
seeds=(${SEEDS:-1 2 3})
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

# One family: both engines, two lines of the table.
compare() {
    local name=$1 fam=$2 g e d
    g=$(timed "$bin/genogram" render "$fam" -o "$work/genogram.svg")
    e=$(timed "$bin/genogram" export "$fam" --format dot -o "$work/family.dot")
    d=$(timed dot -Tsvg "$work/family.dot" -o "$work/dot.svg")
    dot -Tplain "$work/family.dot" > "$work/family.plain"
    "$bin/examples/quality" "$fam" | tail -n 1 | awk -v n="$name" -v t="$g" \
        '{ printf "%-12s %6s %-9s %8s %9s %9s %9s %9s %10s %8s\n", n, $2, "genogram", t, $3, $4, $5, $6, $7, "" }'
    "$bin/examples/quality" "$fam" "$work/family.plain" | tail -n 1 | awk -v n="$name" -v t="$d" -v g="$g" \
        '{ printf "%-12s %6s %-9s %8s %9s %9s %9s %9s %10s %7.1fx\n", n, $2, "dot", t, $3, $4, $5, $6, $7, t / g }'
    echo "             (export to dot: $e s, not counted for dot)"
}

echo "Graphviz: $(dot -V 2>&1)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-12s %6s %-9s %8s %9s %9s %9s %9s %10s %8s\n' family people engine "time(s)" crossings segments adjacent inverted "offset(S)" "speedup"
for a in "${args[@]}"; do
    if [[ "$a" =~ ^[0-9]+$ ]]; then
        for s in "${seeds[@]}"; do
            fam="$work/family-$a-$s.yaml"
            "$bin/examples/genfamily" "$a" "$s" > "$fam"
            compare "random-$a/$s" "$fam"
        done
    else
        fam=$a
        if [[ "$a" == *.ged ]]; then
            fam="$work/$(basename "$a" .ged).yaml"
            "$bin/genogram" import "$a" -o "$fam" > /dev/null 2>&1
        fi
        compare "$(basename "${a%.*}")" "$fam"
    fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
