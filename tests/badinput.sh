#!/bin/sh
# Bad-input tests of 'hooft code': generated inputs that must give a clear message and a
# documented exit code (1 = article skipped), never a crash or a hang, and must not stop
# the rest of the batch. Usage: badinput.sh HOOFT
set -u
hooft=$1
export HOOFT_DICT="$(dirname "$0")/../dict"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # name, expected rc, command...
  name=$1 want=$2
  shift 2
  timeout 600 "$@" > "$tmp/out" 2> "$tmp/err"
  rc=$?
  if [ "$rc" = "$want" ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $name: exit $rc, want $want"; head -c 2000 "$tmp/err"; fi
}
good="$tmp/good.txt"
printf 'Kop\n\nRusland viel Oekraïne aan.\n' > "$good"

# 50 MB on a single line (HOOFT_BIG_MB, default 50; the sanitizer run uses less): coded in
# bounded time, no crash. Clauses without punctuation are the worst case for the matcher.
mb=${HOOFT_BIG_MB:-50}
awk -v mb="$mb" 'BEGIN { s = ""; for (i = 0; i < 1000; i++) s = s "Rusland viel Oekraïne aan en de Navo veroordeelde Rusland, "; for (j = 0; j < mb * 17.6; j++) printf "%s", s }' > "$tmp/big.txt"
check big_single_line 0 "$hooft" code --lang nl --date 2024-01-01 "$tmp/big.txt"
[ "$(wc -l < "$tmp/out")" -gt 1000 ] || { fail=$((fail + 1)); echo "FAIL big_single_line: too few events"; }

# binary garbage (deterministic), then a good file: the good one is still coded
awk 'BEGIN { srand(7); for (i = 0; i < 200000; i++) printf "%c", int(rand() * 256) }' > "$tmp/garbage.bin"
check garbage_then_good 1 "$hooft" code --lang nl "$tmp/garbage.bin" "$good"
grep -q '"cameo"' "$tmp/out" || { fail=$((fail + 1)); echo "FAIL garbage_then_good: good file not coded"; }
grep -q 'garbage.bin' "$tmp/err" || { fail=$((fail + 1)); echo "FAIL garbage_then_good: no message naming the file"; }

# truncated and overlong UTF-8, lone surrogates, a BOM, odd spaces and controls
printf 'Kop\n\nRusland \342\202 viel\n' > "$tmp/trunc.txt"
check truncated_utf8 1 "$hooft" code --lang nl "$tmp/trunc.txt"
printf 'Kop\n\nRusland \300\257 viel\n' > "$tmp/overlong.txt"
check overlong_utf8 1 "$hooft" code --lang nl "$tmp/overlong.txt"
printf 'Kop\n\nRusland \355\240\200 viel\n' > "$tmp/surrogate.txt"
check surrogate_utf8 1 "$hooft" code --lang nl "$tmp/surrogate.txt"
printf '\357\273\277Kop\n\nRusland\342\200\213 viel\302\240Oekra\303\257ne\001\002 aan\342\200\250.\r\n' > "$tmp/odd.txt"
check odd_unicode 0 "$hooft" code --lang nl "$tmp/odd.txt"
# combining marks, emoji, right-to-left text, only punctuation
printf 'T\n\nO\314\210ekrai\314\210ne \360\237\230\200 \327\251\327\234\327\225\327\235 ... !!! ??? \342\200\234\342\200\235\n' > "$tmp/marks.txt"
check marks 0 "$hooft" code --lang nl "$tmp/marks.txt"

# JSON Lines: malformed line in the middle, huge line, wrong types; the good lines are coded
{
  echo '{"id":"ok1","lang":"nl","date":"2024-01-01","text":"Rusland viel Oekraïne aan."}'
  echo '{"id":"bad","lang":"nl","text":'
  echo '{"id":"t","lang":"nl","text":42}'
  echo '[1,2,3]'
  echo '{"id":"nul","lang":"nl","text":"a\u0000b"}'
  echo '{"id":"ok2","lang":"en","date":"2024-01-01","text":"Russia attacked Ukraine."}'
} > "$tmp/mixed.jsonl"
check jsonl_mixed 1 "$hooft" code "$tmp/mixed.jsonl"
[ "$(grep -c '"cameo"' "$tmp/out")" -ge 2 ] || { fail=$((fail + 1)); echo "FAIL jsonl_mixed: good lines not coded"; }
grep -q 'mixed.jsonl:2: malformed JSON' "$tmp/err" || { fail=$((fail + 1)); echo "FAIL jsonl_mixed: no line number"; cat "$tmp/err"; }

# unknown language and stdin
check unknown_lang 2 "$hooft" code --lang xx "$good"
printf '{"id":"s","lang":"en","text":"Russia attacked Ukraine."}\n' | { timeout 60 "$hooft" code - > "$tmp/out" 2>&1; }
grep -q '"cameo"' "$tmp/out" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL stdin_jsonl"; }

# broken dictionary: every problem named with file and line, exit 3
mkdir -p "$tmp/dict"
cp -r "$HOOFT_DICT"/. "$tmp/dict/"
printf '999\tzzz\n072\t\n0231\tvragen +\t+\n' >> "$tmp/dict/nl/verbs.txt"
printf 'BAD code\tx\nPRK\tNoord-Korea\t2024-13-01..\n' >> "$tmp/dict/actors/leaders.txt"
check broken_dict 3 "$hooft" code --dict "$tmp/dict" --lang nl "$good"
for want in "verbs.txt:.*unknown CAMEO code '999'" "leaders.txt:.*bad actor code" "leaders.txt:.*bad date range"; do
  grep -q "$want" "$tmp/err" || { fail=$((fail + 1)); echo "FAIL broken_dict: missing '$want'"; cat "$tmp/err"; }
done

echo "badinput: $pass passed, $fail failed"
[ $fail -eq 0 ]
