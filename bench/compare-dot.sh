#!/usr/bin/env bash
# Lays out the same random families with this engine and with Graphviz `dot`, and prints
# crossings, couples side by side, birth-order inversions, parent–child offset and time
# for both, measured by the same metric code (layout-research.md §6).
#
#   bench/compare-dot.sh [SIZES...]     default sizes: 100 1000 2000
#
# dot reads `genogram export FILE --format dot` (one point node per couple, nodes as wide
# as this engine's symbol-or-label boxes); its person centres are read back from
# `dot -Tplain`. Installs graphviz with apt-get when `dot` is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dot >/dev/null; then
    echo "installing graphviz (dot)…" >&2
    apt-get update -qq && apt-get install -y -qq graphviz >/dev/null
fi
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100 1000 2000)

cargo build -q --release --bin genogram --example genfamily --example quality
bin=target/release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "Graphviz: $(dot -V 2>&1)"
printf '%-9s %-8s %9s %9s %9s %10s %9s\n' people engine crossings adjacent inverted "offset(S)" "time(s)"
for n in "${sizes[@]}"; do
    fam="$work/family-$n.yaml"
    "$bin/examples/genfamily" "$n" "$n" > "$fam"
    # This engine: layout time measured inside (without loading), metrics by the same code.
    "$bin/examples/quality" "$fam" | tail -n 1 | awk -v n="$n" \
        '{ printf "%-9s %-8s %9s %9s %9s %10s %9.3f\n", n, "genogram", $3, $4, $5, $6, $8 / 1000 }'
    # dot: export, lay out (wall time of dot alone), read back, measure.
    "$bin/genogram" export "$fam" --format dot > "$work/family.dot"
    start=$(date +%s.%N)
    dot -Tplain "$work/family.dot" > "$work/family.plain"
    end=$(date +%s.%N)
    "$bin/examples/quality" "$fam" "$work/family.plain" | tail -n 1 | awk -v n="$n" -v t="$(echo "$end - $start" | bc)" \
        '{ printf "%-9s %-8s %9s %9s %9s %10s %9.3f\n", n, "dot", $3, $4, $5, $6, t }'
done
