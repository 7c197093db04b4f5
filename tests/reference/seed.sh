#!/bin/sh
# Reference test: codes the seed article in ../shared/seed/ (not part of the project) and
# checks the events a careful analyst expects, with their direction. Usage: seed.sh HOOFT
set -u
hooft=$1
here=$(cd "$(dirname "$0")" && pwd)
seed="$here/../../../shared/seed/000_c19d013afee82b47.txt"
if [ ! -f "$seed" ]; then
  echo "FAIL: seed article not found at $seed (the reference suite needs ../shared)"
  exit 1
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
HOOFT_DICT="$here/../../dict" "$hooft" code --lang nl --date 2024-10-31 "$seed" > "$out" || { echo "FAIL: hooft exited $?"; exit 1; }
pass=0 fail=0
expect() { # description, source country, target country, root regex
  if grep -Eq "\"source\":\{[^}]*\"country\":\"$2\"\},\"target\":\{[^}]*\"country\":\"$3\"\},\"cameo\":\"[0-9]+\",\"root\":\"($4)\"" "$out"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "FAIL: $1 ($2 -> $3, root $4)"
  fi
}
expect "western countries appeal to China" WST CHN 02
expect "South Korean and US delegations consult in Washington" KOR USA 04
expect "US and South Korean delegations consult (reciprocal)" USA KOR 04
expect "North Korea sends troops to Russia" PRK RUS 07
expect "Ukraine invaded Russia (Kursk)" UKR RUS 19
expect "North Korea supports Russia with weapons and shells" PRK RUS "05|07"
expect "South Korea considers supplying weapons to Ukraine" KOR UKR 07
expect "Zelensky consulted Yoon" UKR KOR 04
expect "China supplies goods to Russia's arms industry" CHN RUS 07
expect "North and South Korea fought a war" PRK KOR 19
expect "South and North Korea fought a war (reciprocal)" KOR PRK 19
total=$(grep -c '"cameo"' "$out")
if [ "$total" -le 18 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $total events, want at most 18"; cat "$out"; fi
echo "seed: $pass passed, $fail failed"
[ $fail -eq 0 ]
