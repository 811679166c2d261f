#!/usr/bin/env bash
# Whole-process time and peak memory of `genogram check` and `genogram render` on random
# families of growing size, and the ratio render/check (how much layout and drawing add
# above the floor of reading and validating the file).
#
#   bench/scale.sh [SIZES...]        default sizes: 1000 2000 10000 20000 100000
#   RUNS=5 bench/scale.sh            runs per measurement (default 3; the minimum is kept)
#   GENOGRAM=/tmp/old bench/scale.sh measure another build of genogram (before/after)
#
# Time is wall-clock of the whole process and its CPU time (user + system), each the
# minimum over RUNS runs (the least disturbed by other work on a shared machine); `ratio`
# is render/check in wall time, `cpu-r` in CPU time; peak memory is the maximum resident set
# size reported by GNU time. Families come from `examples/genfamily` (seed = size).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time (for peak memory)…" >&2
    apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 2000 10000 20000 100000)
runs=${RUNS:-3}

bin=target/release
if [ -z "${GENOGRAM:-}" ] || [ ! -x "$bin/examples/genfamily" ]; then
    cargo build -q --release --bin genogram --example genfamily
fi
# GENOGRAM=path/to/another/genogram measures that binary instead (before/after comparisons).
genogram=${GENOGRAM:-$bin/genogram}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs a command $runs times; prints "min_wall_seconds min_cpu_seconds max_rss_mb". CPU time
# (user + system) is what the process itself used, which other work on a shared machine
# disturbs far less than wall-clock time.
measure() {
    local best="" cpu="" rss=0
    for _ in $(seq "$runs"); do
        local start end t c m
        start=$(date +%s.%N)
        /usr/bin/time -f '%U %S %M' -o "$work/rss" "$@" > /dev/null
        end=$(date +%s.%N)
        t=$(echo "$end - $start" | bc)
        read -r u s m < <(tail -n 1 "$work/rss")
        c=$(echo "$u + $s" | bc)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
        if [ -z "$cpu" ] || [ "$(echo "$c < $cpu" | bc)" = 1 ]; then cpu=$c; fi
        [ "$m" -gt "$rss" ] && rss=$m
    done
    printf '%.3f %.2f %.0f\n' "$best" "$cpu" "$(echo "$rss / 1024" | bc -l)"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-7s %8s %9s %8s %9s %9s %8s %9s %8s %6s %6s\n' people lines "check(s)" "cpu(s)" "peak(MB)" \
    "render(s)" "cpu(s)" "peak(MB)" "svg(MB)" ratio "cpu-r"
for n in "${sizes[@]}"; do
    fam="$work/family-$n.yaml"
    "$bin/examples/genfamily" "$n" "$n" > "$fam"
    read -r ct cc cm < <(measure "$genogram" check "$fam")
    read -r rt rc rm < <(measure "$genogram" render "$fam" -o "$work/out.svg")
    svg=$(echo "$(stat -c %s "$work/out.svg") / 1048576" | bc -l)
    # A ratio of times too small to measure (0.00 s) is shown as 0.
    ratio() { if [ "$(echo "$2 > 0" | bc)" = 1 ]; then echo "$1 / $2" | bc -l; else echo 0; fi; }
    printf '%-7s %8s %9s %8s %9s %9s %8s %9s %8.1f %6.2f %6.2f\n' "$n" "$(wc -l < "$fam")" "$ct" "$cc" "$cm" \
        "$rt" "$rc" "$rm" "$svg" "$(ratio "$rt" "$ct")" "$(ratio "$rc" "$cc")"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
