#!/usr/bin/env bash
# Times genogram on hostile inputs, one whole process each, with the release build.
# Prints: case, command, expected exit status, actual status, wall seconds, peak memory
# (KB), and the first line of the message of each refusal (FILE:LINE:COL: error: …).
# Exits non-zero when a case ends with an unexpected status (a panic is 101, a hang is
# cut at 60 s and shows 124), when a refusal does not name a line and column, or when a
# case takes a second or more: the promise is under a second each, whole process.
# LIMIT=seconds changes that bound (for a slow or busy machine).
#
#   bash bench/hostile.sh            # builds target/release/genogram if needed
#   GENOGRAM=path/to/genogram bash bench/hostile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${GENOGRAM:-target/release/genogram}
if [[ -z ${GENOGRAM:-} ]]; then
    cargo build --release --locked --quiet
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

rep() { # rep TEXT N: TEXT repeated N times
    awk -v t="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", t }'
}

gen() {
    local f=$work
    { printf 'people: '; rep '[' 100000; rep ']' 100000; echo; } >"$f/deep-flow-sequence.yaml"
    { printf 'people: '; rep '{a: ' 100000; printf 1; rep '}' 100000; echo; } >"$f/deep-flow-mapping.yaml"
    { printf 'people:\n'; rep '- ' 100000; echo x; } >"$f/deep-block-sequence.yaml"
    awk 'BEGIN { print "people:"; for (i = 1; i <= 3000; i++) { printf "%*s", i, ""; print "k:" } }' >"$f/deep-block-mapping-3000.yaml"
    awk 'BEGIN { print "a0: &a0 [lol]"; for (i = 1; i < 10; i++) { printf "a%d: &a%d [", i, i; for (j = 0; j < 10; j++) printf "%s*a%d", (j ? ", " : ""), i - 1; print "]" } print "people: *a9" }' >"$f/alias-bomb-laughs.yaml"
    awk 'BEGIN { printf "base: &big ["; for (i = 0; i < 10000; i++) printf "%sx", (i ? ", " : ""); print "]"; printf "people: ["; for (i = 0; i < 10000; i++) printf "%s*big", (i ? ", " : ""); print "]" }' >"$f/alias-bomb-quadratic.yaml"
    { printf 'people:\n  a: {name: "'; rep x 31457280; printf '"}\n'; } >"$f/huge-scalar-30mib.yaml"
    { printf 'people:\n  a: {name: "'; rep x 1048576; printf '"}\n'; } >"$f/huge-scalar-1mib.yaml"
    { printf 'people:\n  a:\n    notes: |\n'; rep '      line of text\n' 200000; } >"$f/huge-block-scalar.yaml"
    { printf 'people:\n  a: {sex: '; rep f 4194304; printf '}\n'; } >"$f/huge-unknown-word.yaml"
    # Words with spaces between: only the first pass over the YAML events sees it whole.
    { printf 'people:\n  a: {name: '; rep 'word ' 6291456; printf '}\n'; } >"$f/huge-plain-words-30mib.yaml"
    { printf 'people:\n  a:\n    name: "'; rep 'line of a quoted text\n      ' 1000000; printf '"\n'; } >"$f/huge-multiline-quoted.yaml"
    { printf 'people:\n  a: {name: "'; rep x 10000; printf '", notes: "'; rep y 10000; printf '", sex: male}\n'; } >"$f/long-word-10000.yaml"
    { printf 'people:\n  a: {name: Jos\xe9}\n'; } >"$f/invalid-utf8.yaml"
    { printf 'people:\n  a: {name: "x\0"}\n'; } >"$f/nul-byte.yaml"
    { printf 'people:\n  a: {raised_by: [a]}\n'; } >"$f/raised-by-self.yaml"
    awk 'BEGIN { print "people:"; for (i = 0; i < 2000; i++) printf "  p%d: {raised_by: [p%d]}\n", i, (i + 1) % 2000 }' >"$f/raised-by-loop-2000.yaml"
    cp tests/fixtures/hostile/duplicate-*.yaml "$f/"
    printf '\xff\xfe' >"$f/utf16-le-bom.yaml"
    printf 'people:\n  zoe: {name: Zoe, sex: female, born: 1990}\n' | iconv -f UTF-8 -t UTF-16LE >>"$f/utf16-le-bom.yaml"
    { printf '# '; rep 'comment ' 200000; echo; printf 'people: {'; awk 'BEGIN { for (i = 0; i < 2000; i++) printf "%sp%d: {sex: male}", (i ? ", " : ""), i }'; echo '}'; } >"$f/long-lines.yaml"
    # A minified family: every key on one line, with accents (columns are characters).
    { printf 'people: {'; awk 'BEGIN { for (i = 0; i < 5000; i++) printf "%s\"zoë%d\": {name: Zoë Brontë, sex: female}", (i ? ", " : ""), i }'; echo '}'; } >"$f/long-line-accents.yaml"
    printf 'people:\n  ana: {name: "Ann\xe2\x80\xaea\xe2\x81\xa6x\xe2\x81\xa9 Red\xe2\x80\x8d", sex: female}\n' >"$f/bidi-names.yaml"
    # YAML itself refuses raw C0 controls such as ESC.
    printf 'people:\n  ana: {name: "\x1b[31mRed", sex: female}\n' >"$f/escape-in-name.yaml"
    awk 'BEGIN { print "people:\n  hub: {sex: male}"; for (i = 0; i < 10000; i++) printf "  p%d: {sex: female}\n", i; print "couples:"; for (i = 0; i < 10000; i++) printf "  - partners: [hub, p%d]\n", i }' >"$f/partners-10000.yaml"
    awk 'BEGIN { print "people:\n  ma: {sex: female}\n  pa: {sex: male}"; for (i = 0; i < 10000; i++) printf "  c%d: {sex: female}\n", i; printf "couples:\n  - partners: [ma, pa]\n    children: ["; for (i = 0; i < 10000; i++) printf "%sc%d", (i ? ", " : ""), i; print "]" }' >"$f/children-10000.yaml"
}

expect() { # the exit status each case must end with
    case $1 in
        utf16-le-bom | long-lines | long-line-accents | long-word-10000 | bidi-names | partners-10000 | children-10000) echo 0 ;;
        *) echo 1 ;;
    esac
}

gen
limit=${LIMIT:-1}
failed=0
printf '%-30s %8s %6s %6s %8s %10s  %s\n' case command expect got seconds max-KB message
for file in "$work"/*.yaml; do
    name=$(basename "$file" .yaml)
    want=$(expect "$name")
    for cmd in check render; do
        [[ $cmd == render && $want != 0 ]] && continue
        set +e
        /usr/bin/time -f '%e %M' -o "$work/time" timeout 60 "$bin" "$cmd" "$file" >"$work/out" 2>"$work/err"
        got=$?
        set -e
        read -r secs kb < <(tail -n 1 "$work/time") || { secs=?; kb=?; }
        first=$(head -n 1 "$work/err" | cut -c 1-160)
        message=${first#"$file"}
        printf '%-30s %8s %6s %6s %8s %10s  %s\n' "$name" "$cmd" "$want" "$got" "$secs" "$kb" "$message"
        problem=
        if [[ $got != "$want" ]] || grep -q panicked "$work/err"; then
            problem="unexpected exit status"
        elif [[ $got == 1 ]] && ! [[ $first == "$file":[0-9]*:[0-9]*": error: "* ]]; then
            problem="the refusal names no line and column"
        elif [[ $secs == ? ]] || awk -v s="$secs" -v l="$limit" 'BEGIN { exit !(s >= l) }'; then
            problem="took ${secs}s, the promise is under ${limit}s"
        fi
        if [[ -n $problem ]]; then
            failed=1
            echo "  FAILED: $problem" >&2
            head -c 600 "$work/err" >&2
        fi
    done
done
exit $failed
