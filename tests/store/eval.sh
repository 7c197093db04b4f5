#!/bin/sh
# eval.sh: 'hooft eval --db' on one backend: the gold file ingested into a store scores exactly as the
# gold text coded directly; part of it stored scores as that part; and bad input (no such store, a store
# without the gold articles, an article stored with other content) gives a clear message and a non-zero exit.
# Usage: eval.sh HOOFT sqlite|pg   (pg: the server in $HOOFT_TEST_PG, postgresql://USER@HOST:PORT)
set -u
hooft=$1
backend=$2
here=$(cd "$(dirname "$0")" && pwd)
gold="$here/../gold/nl.jsonl"
script=eval
. "$here/lib.sh"

# run WANT_RC NAME OUT cmd...: runs cmd (stdout in OUT, stderr in $tmp/err), checks the exit code
run() {
  want=$1 name=$2 out=$3
  shift 3
  "$@" > "$out" 2> "$tmp/err"
  rc=$?
  if [ "$rc" = "$want" ]; then ok; else bad "$name: exit $rc, want $want"; head -c 2000 "$tmp/err"; fi
}
# says NAME WORDS: stderr contains WORDS
says() {
  if grep -q -- "$2" "$tmp/err"; then ok; else bad "$1: stderr lacks '$2':"; cat "$tmp/err"; fi
}
# same NAME A B: files A and B are equal
same() {
  if diff -u "$2" "$3" > "$tmp/diff"; then ok; else bad "$1: output differs"; head -40 "$tmp/diff"; fi
}

# the whole gold file: the same figures from the store as from the text
db=$(newdb all)
dball=$db
run 0 ingest "$tmp/ingest.out" "$hooft" ingest --db "$db" "$gold"
run 0 eval_text "$tmp/text.out" "$hooft" eval "$gold"
run 0 eval_db "$tmp/db.out" "$hooft" eval --db "$db" "$gold"
same eval_db "$tmp/text.out" "$tmp/db.out"
grep -q "^all  *187 " "$tmp/db.out" && ok || bad "eval_db: no line for all 187 items"
# --misses: the same misses, each spurious one with the event it was filed under
run 0 misses_text "$tmp/text.out" "$hooft" eval --misses "$gold"
run 0 misses_db "$tmp/db.out" "$hooft" eval --misses --db "$db" "$gold"
grep -q "spurious .* in event [0-9]" "$tmp/db.out" && ok || bad "misses_db: no spurious line names its event"
sed 's/ in event [0-9]*$//' "$tmp/db.out" > "$tmp/db2.out"
same misses_db "$tmp/text.out" "$tmp/db2.out"
# the thresholds apply as to coded text
run 5 min_f1 "$tmp/db.out" "$hooft" eval --db "$db" --min-f1 0.99 "$gold"
says min_f1 "F1 .* is below 0.990"

# part of the gold file stored: the rest is named as missing (exit 1), the figures are the part's
head -n 20 "$gold" > "$tmp/part.jsonl"
db=$(newdb part)
run 0 ingest_part "$tmp/ingest.out" "$hooft" ingest --db "$db" "$tmp/part.jsonl"
run 0 eval_part_text "$tmp/text.out" "$hooft" eval "$tmp/part.jsonl"
run 1 eval_part_db "$tmp/db.out" "$hooft" eval --db "$db" "$gold"
says eval_part_db "nl.jsonl:21: article 'nl-021' is not in the store"
same eval_part_db "$tmp/text.out" "$tmp/db.out"

# an article stored with other content is not scored
sed '1s/"text": *"/"text": "Gisteren. /' "$tmp/part.jsonl" > "$tmp/changed.jsonl"
run 0 changed_text "$tmp/text.out" "$hooft" eval "$tmp/changed.jsonl"
run 1 changed_db "$tmp/db.out" "$hooft" eval --db "$db" "$tmp/changed.jsonl"
says changed_db "changed.jsonl:1: article 'nl-001' is stored with other content"
grep -q "^nl  *19 " "$tmp/db.out" && ok || { bad "changed_db: want 19 items scored"; head -3 "$tmp/db.out"; }

# a store without any of the gold articles
db=$(newdb other)
run 0 ingest_other "$tmp/ingest.out" "$hooft" ingest --db "$db" "$here/articles/dedup.jsonl"
run 1 eval_other "$tmp/db.out" "$hooft" eval --db "$db" "$gold"
says eval_other "none of the gold articles is in the store"
says eval_other "nl.jsonl:1: article 'nl-001' is not in the store"
[ -s "$tmp/db.out" ] && bad "eval_other: printed figures" || ok

# no such store: not created
if [ "$backend" = pg ]; then
  db=$(newdb empty)
  run 6 no_store "$tmp/db.out" "$hooft" eval --db "$db" "$gold"
  says no_store "no such store (no hooft tables in it)"
  n=$(psql -qtA "$db" -c "SELECT count(*) FROM pg_tables WHERE tablename = 'events'")
  [ "$n" = 0 ] && ok || bad "no_store: eval made the tables"
else
  run 6 no_store "$tmp/db.out" "$hooft" eval --db "$tmp/none.db" "$gold"
  says no_store "$tmp/none.db: no such store"
  [ -e "$tmp/none.db" ] && bad "no_store: eval created $tmp/none.db" || ok
fi
run 1 no_gold "$tmp/db.out" "$hooft" eval --db "$dball" "$tmp/no-such-gold.jsonl"
says no_gold "no-such-gold.jsonl"

echo "store eval ($backend): $pass passed, $fail failed"
[ "$fail" -eq 0 ]
