#!/bin/sh
# Golden tests of 'hooft dict check/convert' on the TABARI and PETRARCH fixtures: for every
# golden/NAME.args, runs `hooft <args>` in tests/compat and compares stdout with NAME.out,
# stderr with NAME.err (absent: empty) and the exit code with NAME.rc (absent: 0). "$TMP" in
# the arguments is a fresh directory; its path is written as $TMP in the outputs.
# Usage: golden.sh HOOFT [--update]   (--update rewrites the expected files for review)
set -u
hooft=$1
update=${2:-}
cd "$(dirname "$0")" || exit 2
export HOOFT_DICT=../../dict
pass=0 fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for argsf in golden/*.args; do
  name=${argsf%.args}
  TMP=$work/$(basename "$name")
  mkdir -p "$TMP"
  export TMP
  args=$(cat "$argsf")
  (eval "\"$hooft\" $args") < /dev/null > "$work/out" 2> "$work/err"
  rc=$?
  sed "s|$TMP|\$TMP|g" "$work/out" > "$work/out2"
  sed "s|$TMP|\$TMP|g" "$work/err" > "$work/err2"
  if [ "$update" = "--update" ]; then
    cp "$work/out2" "$name.out"
    if [ -s "$work/err2" ]; then cp "$work/err2" "$name.err"; else rm -f "$name.err"; fi
    if [ "$rc" -ne 0 ]; then echo "$rc" > "$name.rc"; else rm -f "$name.rc"; fi
    continue
  fi
  want_rc=0
  [ -f "$name.rc" ] && want_rc=$(cat "$name.rc")
  ok=1
  if ! diff -u "$name.out" "$work/out2" > "$work/diff"; then ok=0; echo "FAIL $name: stdout differs"; cat "$work/diff"; fi
  if [ -f "$name.err" ]; then
    if ! diff -u "$name.err" "$work/err2" > "$work/diff"; then ok=0; echo "FAIL $name: stderr differs"; cat "$work/diff"; fi
  elif [ -s "$work/err2" ]; then
    ok=0; echo "FAIL $name: unexpected stderr:"; cat "$work/err2"
  fi
  if [ "$rc" != "$want_rc" ]; then ok=0; echo "FAIL $name: exit code $rc, want $want_rc"; fi
  if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
[ "$update" = "--update" ] && { echo "golden files updated"; exit 0; }
echo "compat golden: $pass passed, $fail failed"
[ $fail -eq 0 ]
