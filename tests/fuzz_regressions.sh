#!/bin/sh
# Codes every input the fuzzers once crashed on (fuzz/corpus/), in both languages: each must
# end with exit code 0 or 1 (coded, or skipped with a message), never a crash.
# Usage: fuzz_regressions.sh HOOFT
set -u
hooft=$1
dir="$(dirname "$0")/../fuzz/corpus"
export HOOFT_DICT="$(dirname "$0")/../dict"
pass=0 fail=0
for f in "$dir"/*; do
  for lang in nl en; do
    "$hooft" code --lang "$lang" --date 2024-10-31 "$f" > /dev/null 2>&1
    rc=$?
    if [ "$rc" -le 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $f ($lang): exit $rc"; fi
  done
done
echo "fuzz regressions: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
