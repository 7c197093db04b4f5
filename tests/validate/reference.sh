#!/bin/sh
# Reference test: 'hooft validate' on TABARI's Validate.project and on PETRARCH-2's unit-test
# records in ../shared/ref must run to the end (exit 0, or 1 for the malformed records those
# files have) and print the summary, with the number of records the readers find in them.
# Pass-rate floors: set TABARI_MIN_PASS / PETRARCH_MIN_PASS (percent) to make a lower rate fail.
# Usage: reference.sh HOOFT REFDIR   (exit 77 = skipped: no reference files)
set -u
hooft=$1
ref=$2
TABARI_MIN_PASS=90     # the issue asks for 90%; 97.0% measured (2026-11-29)
PETRARCH_MIN_PASS=65   # 75.5% measured (2026-11-29); PETRARCH-2 itself: 87 of 281
[ -f "$ref/tabari/Validate.project" ] && [ -f "$ref/petrarch2/text/PETR.UnitTest.records.xml" ] \
  || { echo "reference files not found in $ref: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
# run NAME WANT_RECORDS MIN_PASS ARGS...: runs 'hooft validate ARGS' and checks its summary
run() {
  name=$1 want=$2 min=$3
  shift 3
  [ -n "$min" ] && set -- --min-pass "$min" "$@"
  "$hooft" validate "$@" > "$work/out" 2> "$work/err"
  rc=$?
  if [ $rc -gt 1 ]; then
    echo "FAIL $name: exit code $rc"; tail -5 "$work/err"; tail -3 "$work/out"; fail=1; return
  fi
  summary=$(grep '^records: [0-9]* passed: [0-9]* failed: [0-9]* ([0-9.]*%)$' "$work/out")
  if [ -z "$summary" ] || ! grep -q '^failed ids: ' "$work/out"; then
    echo "FAIL $name: no summary"; tail -5 "$work/out"; fail=1; return
  fi
  records=$(echo "$summary" | sed 's/^records: \([0-9]*\) .*/\1/')
  if [ "$records" -ne "$want" ]; then
    echo "FAIL $name: $records records scored, want $want (the record reader changed?)"; fail=1
  fi
  fails=$(grep -c '^FAIL ' "$work/out")
  failed=$(echo "$summary" | sed 's/.* failed: \([0-9]*\) .*/\1/')
  if [ "$fails" -ne "$failed" ]; then
    echo "FAIL $name: $failed failures counted, $fails FAIL lines printed"; fail=1
  fi
  echo "$name: $summary"
  grep -e '^not scored: ' -e '^end: ' -e '^options: ' "$work/out" | sed 's/^/    /'
}
run tabari 440 "$TABARI_MIN_PASS" "tabari:$ref/tabari/Validate.project"
run petrarch 277 "$PETRARCH_MIN_PASS" "petrarch:$ref/petrarch2/dictionaries" \
  --records "$ref/petrarch2/text/PETR.UnitTest.records.xml"
[ $fail -eq 0 ] && echo "validate reference: ok"
exit $fail
