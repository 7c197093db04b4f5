#!/bin/sh
# crash.sh: kills 'hooft ingest' with SIGKILL in the middle of a batch (once at a known point, then at
# random moments), reruns it, and checks that every article is stored exactly once and nothing is lost:
# the store ends up equal to one filled in a single run.
# Usage: crash.sh HOOFT sqlite|pg   (pg: the server in $HOOFT_TEST_PG, postgresql://USER@HOST:PORT)
set -u
hooft=$1
backend=$2
here=$(cd "$(dirname "$0")" && pwd)
script=crash
. "$here/lib.sh"
pid=""
cleanup() {
  [ -n "$pid" ] && kill -9 "$pid" 2> /dev/null
  exec 3>&- 2> /dev/null
  drop_dbs
  rm -rf "$tmp"
}

articles() { "$hooft" query --db "$1" --stats | awk '$1 == "articles" { print $2 }'; }

# 8976 articles: the gold sentences, 24 times under different ids (enough that an ingest, coding
# and storing on two threads, runs long enough to be killed several times)
for k in $(seq 1 24); do
  cat "$here/../gold/nl.jsonl" "$here/../gold/en.jsonl" | sed "s/^{\"id\":\"\([^\"]*\)\"/{\"id\":\"\1-$k\"/"
done > "$tmp/all.jsonl"
total=$(wc -l < "$tmp/all.jsonl")

ref=$(newdb ref)
"$hooft" ingest --batch 25 --db "$ref" "$tmp/all.jsonl" > /dev/null || bad "reference ingest failed"

# 1. killed with 10 articles of an open batch read: the 3 committed batches stay, the 10 do not
db=$(newdb crash)
mkfifo "$tmp/in"
"$hooft" ingest --batch 30 --db "$db" - < "$tmp/in" > /dev/null 2>&1 &
pid=$!
exec 3> "$tmp/in"
head -n 100 "$tmp/all.jsonl" >&3
n=0
for i in $(seq 1 600); do
  n=$(articles "$db" 2> /dev/null)
  [ "${n:-0}" -ge 90 ] && break
  sleep 0.1
done
sleep 0.5 # the 10 articles of the fourth batch are coded and written, not committed
kill -9 "$pid"
wait "$pid" 2> /dev/null
pid=""
exec 3>&-
n=$(articles "$db")
[ "$n" = 90 ] && ok || bad "killed mid-batch: $n articles stored, want the 90 of the committed batches"

# 2. another store, killed several times at varying moments, each after the run committed something new
db2=$(newdb crash2)
for delay in 0.05 0 0.1 0; do
  last=$(articles "$db2")
  "$hooft" ingest --batch 25 --db "$db2" "$tmp/all.jsonl" > /dev/null 2>&1 &
  pid=$!
  for i in $(seq 1 600); do
    kill -0 "$pid" 2> /dev/null || break
    [ "$(articles "$db2" 2> /dev/null)" -gt "$last" ] && break
    sleep 0.02
  done
  sleep "$delay"
  kill -9 "$pid" 2> /dev/null && killed=$((${killed:-0} + 1))
  wait "$pid" 2> /dev/null
  pid=""
done
[ "${killed:-0}" -ge 2 ] && ok || bad "the ingest ended before it could be killed (${killed:-0} kills)"

# 3. the reruns finish the job: every article stored once, the same events as the reference
"$hooft" query --db "$ref" --stats > "$tmp/want"
"$hooft" export --db "$ref" --format csv > "$tmp/want.csv"
grep -qx "articles $total" "$tmp/want" && ok || { bad "reference: want $total articles:"; cat "$tmp/want"; }
for d in "$db" "$db2"; do
  before=$(articles "$d")
  "$hooft" ingest --batch 25 --db "$d" "$tmp/all.jsonl" > "$tmp/out" 2>&1 && ok || { bad "rerun failed"; cat "$tmp/out"; }
  grep -q "$((total - before)) new, 0 replaced, $before unchanged" "$tmp/out" && ok \
    || { bad "rerun: want $((total - before)) new and $before unchanged"; cat "$tmp/out"; }
  "$hooft" query --db "$d" --stats > "$tmp/got"
  cmp -s "$tmp/got" "$tmp/want" && ok || { bad "totals differ from the reference:"; paste "$tmp/got" "$tmp/want"; }
  "$hooft" export --db "$d" --format csv > "$tmp/got.csv"
  cmp -s "$tmp/got.csv" "$tmp/want.csv" && ok || { bad "events differ from the reference"; diff "$tmp/got.csv" "$tmp/want.csv" | head; }
done

echo "store crash ($backend): $pass passed, $fail failed"
[ "$fail" -eq 0 ]
