#!/bin/sh
# Golden tests of the hooft command: for every NAME.args, runs `hooft <args>` in this
# directory (stdin from NAME.stdin when present) and compares stdout with NAME.out,
# stderr with NAME.err and the exit code with NAME.rc (default 0).
# Usage: run.sh HOOFT [--update]   (--update rewrites the expected files)
set -u
hooft=$1
update=${2:-}
cd "$(dirname "$0")" || exit 2
export HOOFT_DICT=../../dict
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for argsf in *.args; do
  name=${argsf%.args}
  args=$(cat "$argsf")
  if [ -f "$name.stdin" ]; then
    eval "\"$hooft\" $args" < "$name.stdin" > "$tmp/out" 2> "$tmp/err"
  else
    eval "\"$hooft\" $args" < /dev/null > "$tmp/out" 2> "$tmp/err"
  fi
  rc=$?
  if [ "$update" = "--update" ]; then
    cp "$tmp/out" "$name.out"
    if [ -s "$tmp/err" ]; then cp "$tmp/err" "$name.err"; else rm -f "$name.err"; fi
    if [ "$rc" -ne 0 ]; then echo "$rc" > "$name.rc"; else rm -f "$name.rc"; fi
    continue
  fi
  want_rc=0
  [ -f "$name.rc" ] && want_rc=$(cat "$name.rc")
  [ -f "$name.err" ] || : > "$tmp/empty_err"
  ok=1
  if ! diff -u "$name.out" "$tmp/out" > "$tmp/diff"; then ok=0; echo "FAIL $name: stdout differs"; cat "$tmp/diff"; fi
  if [ -f "$name.err" ]; then
    if ! diff -u "$name.err" "$tmp/err" > "$tmp/diff"; then ok=0; echo "FAIL $name: stderr differs"; cat "$tmp/diff"; fi
  elif [ -s "$tmp/err" ]; then
    ok=0; echo "FAIL $name: unexpected stderr:"; cat "$tmp/err"
  fi
  if [ "$rc" != "$want_rc" ]; then ok=0; echo "FAIL $name: exit code $rc, want $want_rc"; fi
  if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
[ "$update" = "--update" ] && { echo "golden files updated"; exit 0; }
echo "golden: $pass passed, $fail failed"
[ $fail -eq 0 ]
