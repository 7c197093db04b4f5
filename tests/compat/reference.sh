#!/bin/sh
# Reference test: 'hooft dict check' on the real TABARI and PETRARCH-2 files in ../shared/ref
# must finish without crashing (exit 0 or 1, one summary line) and report its problem count;
# 'hooft dict convert' of the full Phoenix set must give a set hooft loads.
# Usage: reference.sh HOOFT REFDIR   (exit 77 = skipped: no reference files)
set -u
hooft=$1
ref=$2
here=$(cd "$(dirname "$0")" && pwd)
[ -d "$ref/tabari" ] && [ -d "$ref/petrarch2/dictionaries" ] || { echo "reference files not found in $ref: skipped"; exit 77; }
export HOOFT_DICT="$here/../../dict"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
# check ARGS...: runs 'hooft dict check ARGS', prints the summary and the number of problem lines
check() {
  "$hooft" dict check "$@" > "$work/out" 2> "$work/err"
  rc=$?
  if [ $rc -gt 1 ]; then
    echo "FAIL dict check $*: exit code $rc"; head -5 "$work/err"; fail=1; return
  fi
  if [ "$(wc -l < "$work/out")" -ne 1 ] || ! grep -q ' problems\?; ' "$work/out"; then
    echo "FAIL dict check $*: no summary line"; cat "$work/out"; fail=1; return
  fi
  problems=$(sed 's/^[^:]*: \([0-9]*\) problem.*/\1/' "$work/out")
  lines=$(wc -l < "$work/err")
  if [ "$problems" -ne "$lines" ]; then
    echo "FAIL dict check $*: $problems problems counted, $lines printed"; fail=1
  fi
  cat "$work/out"
  sed 's/^[^:]*:[0-9]*: //; s/^[^:]*: //' "$work/err" | sed "s/'[^']*'/'...'/g; s/(first at [^)]*)/(first at ...)/; s/&[A-Z_]*/\&.../g" \
    | sort | uniq -c | sort -rn | head -8 | sed 's/^/    /'
}
for f in TABARI.Demo.project Validate.project CAMEO.091003.master.verbs CAMEO.09b5.options; do
  check --tabari "$ref/tabari/$f"
done
check --petrarch "$ref/petrarch2/dictionaries"
check --petrarch "$ref/petrarch2/dictionaries" --config "$here/fixtures/petrarch/validate.ini"
"$hooft" dict convert --petrarch "$ref/petrarch2/dictionaries" --out "$work/phoenix" > "$work/out" 2> /dev/null
rc=$?
if [ $rc -gt 1 ]; then echo "FAIL dict convert of the Phoenix set: exit code $rc"; fail=1; else cat "$work/out"; fi
"$hooft" dict convert --tabari "$ref/tabari/Validate.project" --out "$work/validate" > "$work/out" 2> /dev/null
rc=$?
if [ $rc -gt 1 ]; then echo "FAIL dict convert of Validate.project: exit code $rc"; fail=1; else cat "$work/out"; fi
[ $fail -eq 0 ] && echo "compat reference: ok"
exit $fail
