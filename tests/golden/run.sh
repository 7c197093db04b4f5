#!/bin/sh
# Golden tests of the hooft command: for every NAME.args in CASES (default: this directory),
# runs `hooft <args>` in WORKDIR (default: CASES) with stdin from NAME.stdin when present,
# and compares stdout with NAME.out, stderr with NAME.err (absent: empty) and the exit code
# with NAME.rc (absent: 0). "$TMP" in the arguments is a fresh directory, written as $TMP in
# the outputs.
# Usage: run.sh HOOFT [--update] [CASES [WORKDIR]]   (--update rewrites the expected files)
set -u
hooft=$1
shift
update=""
[ "${1:-}" = "--update" ] && update=--update && shift
cases=$(cd "${1:-$(dirname "$0")}" && pwd) || exit 2
workdir=$(cd "${2:-$cases}" && pwd) || exit 2
cd "$workdir" || exit 2
export HOOFT_DICT=../../dict  # both golden sets live two levels below the top
pass=0 fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for argsf in "$cases"/*.args; do
  name=${argsf%.args}
  TMP=$work/$(basename "$name")
  mkdir -p "$TMP"
  export TMP
  args=$(cat "$argsf")
  stdin=/dev/null
  [ -f "$name.stdin" ] && stdin="$name.stdin"
  (eval "\"$hooft\" $args") < "$stdin" > "$work/out.raw" 2> "$work/err.raw"
  rc=$?
  sed "s|$TMP|\$TMP|g" "$work/out.raw" > "$work/out"
  sed "s|$TMP|\$TMP|g" "$work/err.raw" > "$work/err"
  if [ "$update" = "--update" ]; then
    cp "$work/out" "$name.out"
    if [ -s "$work/err" ]; then cp "$work/err" "$name.err"; else rm -f "$name.err"; fi
    if [ "$rc" -ne 0 ]; then echo "$rc" > "$name.rc"; else rm -f "$name.rc"; fi
    continue
  fi
  want_rc=0
  [ -f "$name.rc" ] && want_rc=$(cat "$name.rc")
  ok=1
  if ! diff -u "$name.out" "$work/out" > "$work/diff"; then ok=0; echo "FAIL $name: stdout differs"; cat "$work/diff"; fi
  if [ -f "$name.err" ]; then
    if ! diff -u "$name.err" "$work/err" > "$work/diff"; then ok=0; echo "FAIL $name: stderr differs"; cat "$work/diff"; fi
  elif [ -s "$work/err" ]; then
    ok=0; echo "FAIL $name: unexpected stderr:"; cat "$work/err"
  fi
  if [ "$rc" != "$want_rc" ]; then ok=0; echo "FAIL $name: exit code $rc, want $want_rc"; fi
  if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
[ "$update" = "--update" ] && { echo "golden files updated"; exit 0; }
echo "golden: $pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
