#!/bin/sh
# cli.sh: CLI tests of the event store on one backend: the same event reported in differently worded Dutch
# and English articles becomes one event, re-ingesting changes nothing, an updated article replaces its
# events, query formats, exports, and bad input (each a clear message and a non-zero exit).
# Usage: cli.sh HOOFT sqlite|pg   (pg: the server in $HOOFT_TEST_PG, postgresql://USER@HOST:PORT)
set -u
hooft=$1
backend=$2
here=$(cd "$(dirname "$0")" && pwd)
script=cli
. "$here/lib.sh"



# run WANT_RC NAME cmd...: runs cmd (stdout in $tmp/out, stderr in $tmp/err), checks the exit code
run() {
  want=$1 name=$2
  shift 2
  "$@" > "$tmp/out" 2> "$tmp/err"
  rc=$?
  if [ "$rc" = "$want" ]; then ok; else bad "$name: exit $rc, want $want"; head -c 2000 "$tmp/err"; fi
}
# same NAME EXPECTED: compares $tmp/out with the expected text
same() {
  if printf '%s\n' "$2" | diff -u - "$tmp/out" > "$tmp/diff"; then ok; else bad "$1: output differs"; cat "$tmp/diff"; fi
}
# says NAME WORDS: stderr contains WORDS
says() {
  if grep -q -- "$2" "$tmp/err"; then ok; else bad "$1: stderr lacks '$2':"; cat "$tmp/err"; fi
}
# events (date, dyad, root, counts) of the store, as CSV without the header
summary() {
  "$hooft" query --db "$1" --format csv | awk -F, 'NR > 1 { print $2 "," $3 "," $5 "," $8 "," $15 "," $16 "," $17 }'
}

# ---- deduplication across languages and sources
db=$(newdb dedup)
run 0 ingest "$hooft" ingest --db "$db" "$here/articles/dedup.jsonl"
same ingest "ingested: 6 new, 0 replaced, 0 unchanged, 0 skipped; store: 6 articles, 3 events, 8 mentions"
summary "$db" > "$tmp/out"
# the attack: 4 mentions in 4 articles from 4 hosts (Dutch and English, over two days); the
# accusation the same day between the same actors stays apart (3 mentions, 2 articles, 2 sources);
# the attack ten days later too
same dedup "2024-03-10,RUS,UKR,19,4,4,4
2024-03-10,RUS,UKR,11,3,2,2
2024-03-20,RUS,UKR,19,1,1,1"
run 0 mentions "$hooft" query --db "$db" --mentions 1 --format csv
awk -F, 'NR > 1 { print $2 "," $5 "," $8 }' "$tmp/out" > "$tmp/m" && mv "$tmp/m" "$tmp/out"
# (by event date: nu-1, published on the 11th, says "zondag", the 10th)
same mentions "nos-1,nl,2
nu-1,nl,2
reuters-1,en,2
bbc-1,en,2"
run 0 reingest "$hooft" ingest --db "$db" "$here/articles/dedup.jsonl"
same reingest "ingested: 0 new, 0 replaced, 6 unchanged, 0 skipped; store: 6 articles, 3 events, 8 mentions"
run 0 update "$hooft" ingest --db "$db" "$here/articles/updated.jsonl"
same update "ingested: 0 new, 1 replaced, 0 unchanged, 0 skipped; store: 6 articles, 3 events, 7 mentions"
summary "$db" > "$tmp/out"
same updated "2024-03-10,RUS,UKR,19,3,3,3
2024-03-10,RUS,UKR,11,3,2,2
2024-03-20,RUS,UKR,19,1,1,1"

# ---- query output
run 0 group "$hooft" query --db "$db" --group-by month,root --measure events,mentions,goldstein_mean --format csv
head -1 "$tmp/out" > "$tmp/h" && mv "$tmp/h" "$tmp/out"
same group_header "month,root,events,mentions,goldstein_mean"
run 0 json "$hooft" query --db "$db" --group-by dyad --measure events,mentions --format json
same json '[
{"source":"RUS","target":"UKR","events":3,"mentions":7}
]'
run 0 table "$hooft" query --db "$db" --group-by week --measure events,mentions
same table "week      events  mentions
2024-W10       2         6
2024-W12       1         1"
run 0 text "$hooft" query --db "$db" --text "sabotage" --format csv
[ "$(wc -l < "$tmp/out")" -eq 2 ] && ok || bad "text search: want one event"
# words match case-folded and without diacritics on both backends ("Oekraïne" in the Dutch sentences)
run 0 text_folded "$hooft" query --db "$db" --text "OEKRAINE rusland" --format csv
cp "$tmp/out" "$tmp/folded"
run 0 text_accents "$hooft" query --db "$db" --text "oekraïne, Rusland!" --format csv
if [ "$(wc -l < "$tmp/out")" -eq 3 ] && cmp -s "$tmp/out" "$tmp/folded"; then ok; else
  bad "text search: want the same two events without diacritics and with them"; cat "$tmp/folded" "$tmp/out"; fi
# no rows: CSV and the table still have their header, JSON is an empty array
run 0 text_none "$hooft" query --db "$db" --text "oekraine sabotage drones" --format csv
same text_none "id,date,source,source_country,target,target_country,cameo,root,quad,goldstein,plover,negated,certainty,location,mentions,sources,articles"
run 0 none_table "$hooft" query --db "$db" --root 01 --group-by dyad,week --measure events,goldstein_mean
same none_table "source  target  week  events  goldstein_mean"
run 0 none_json "$hooft" query --db "$db" --root 01 --group-by quad --format json
same none_json "[]"

# ---- exports
run 0 gdelt "$hooft" export --db "$db" --format gdelt
[ "$(wc -l < "$tmp/out")" -eq 3 ] && ok || bad "gdelt: want 3 rows"
awk -F'\t' 'NF != 61 { bad = 1 } END { exit bad }' "$tmp/out" && ok || bad "gdelt: every row needs 61 columns"
run 0 plover "$hooft" export --db "$db" --format plover
grep -c '^{"id":"hooft-[0-9]*","date":"2024-03-[0-9]*",.*"actor":\[{"code":"RUS".*"event":\["[A-Z]*"\]' "$tmp/out" \
  | grep -qx 3 && ok || { bad "plover: want 3 events with id, date, actor, event"; cat "$tmp/out"; }
run 0 csv_file "$hooft" export --db "$db" --format csv -o "$tmp/events.csv"
[ "$(wc -l < "$tmp/events.csv")" -eq 4 ] && [ ! -e "$tmp/events.csv.tmp" ] && ok || bad "csv: want header + 3 rows"

# ---- bad input: a clear message naming the problem, a non-zero exit, nothing half-written
run 2 bad_date "$hooft" query --db "$db" --from 2024-02-30
says bad_date "bad --from date '2024-02-30'"
run 2 bad_quad "$hooft" query --db "$db" --quad 7
says bad_quad "bad --quad '7'"
run 2 bad_group "$hooft" query --db "$db" --group-by year
says bad_group "unknown grouping 'year'"
run 2 bad_event "$hooft" query --db "$db" --mentions 999
says bad_event "no event 999"
run 2 bad_format "$hooft" export --db "$db" --format xml
says bad_format "unknown --format 'xml'"
# bad records among good ones (malformed JSON, a bad date, an unknown language): each named with
# its file and line, in input order (reading and coding run on another thread than storing), the
# others stored, exit 1
db_bad=$(newdb badrecords)
cp "$here/../golden/batch.jsonl" "$tmp/batch.jsonl"
run 1 bad_records "$hooft" ingest --db "$db_bad" "$tmp/batch.jsonl"
same bad_records "ingested: 3 new, 0 replaced, 0 unchanged, 3 skipped; store: 3 articles, 7 events, 7 mentions"
sed "s|$tmp/||" "$tmp/err" > "$tmp/out"
same bad_records_order "hooft: batch.jsonl:2: malformed JSON at column 115: '}' expected near end of file
hooft: batch.jsonl:4: a4: bad date '2024-13-01' (want YYYY-MM-DD)
hooft: batch.jsonl:5: a5: unknown language 'fr' (hooft codes: nl, en, auto)"
run 6 unreachable "$hooft" query --db "postgresql://hooft@127.0.0.1:1/none?connect_timeout=3"
says unreachable "cannot connect to PostgreSQL"
run 6 unreachable_ingest "$hooft" ingest --db "postgresql://hooft@127.0.0.1:1/none?connect_timeout=3" \
  "$here/articles/dedup.jsonl"
says unreachable_ingest "127.0.0.1:1"

if [ "$backend" = sqlite ]; then
  head -c 8192 /dev/urandom > "$tmp/garbage.db"
  run 6 corrupt "$hooft" ingest --db "$tmp/garbage.db" "$here/articles/dedup.jsonl"
  says corrupt "garbage.db: file is not a database"
  cp "$tmp/dedup.db" "$tmp/ro.db"
  chmod 444 "$tmp/ro.db"
  run 6 readonly "$hooft" ingest --db "$tmp/ro.db" "$here/articles/dedup.jsonl"
  says readonly "ro.db: the store file is read-only"
  # full disk: a store capped at 24 pages of 16 KiB; the batch that does not fit is rolled back,
  # and a rerun with room finishes the job with the same result as one ingest in one go
  cat "$here/../gold/nl.jsonl" "$here/../gold/en.jsonl" > "$tmp/gold.jsonl"
  run 6 full "$hooft" ingest --batch 20 --db "sqlite:$tmp/full.db?max_page_count=24" "$tmp/gold.jsonl"
  says full "database or disk is full"
  says full "rolled back"
  run 0 after_full "$hooft" query --db "$tmp/full.db" --stats
  stored=$(awk '$1 == "articles" { print $2 }' "$tmp/out")
  [ "$((stored % 20))" -eq 0 ] && [ "$stored" -gt 0 ] && ok || bad "full: $stored articles stored, want whole batches"
  run 0 refill "$hooft" ingest --batch 20 --db "$tmp/full.db" "$tmp/gold.jsonl"
  run 0 reference "$hooft" ingest --batch 20 --db "$tmp/ref.db" "$tmp/gold.jsonl"
  "$hooft" export --db "$tmp/full.db" --format csv > "$tmp/a.csv"
  "$hooft" export --db "$tmp/ref.db" --format csv > "$tmp/b.csv"
  cmp -s "$tmp/a.csv" "$tmp/b.csv" && ok || { bad "full: the refilled store differs from the reference"; diff "$tmp/a.csv" "$tmp/b.csv" | head; }
fi

echo "store cli ($backend): $pass passed, $fail failed"
[ "$fail" -eq 0 ]
