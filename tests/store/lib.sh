# lib.sh: shared by the store test scripts (sourced): the environment, a scratch directory ($tmp)
# removed at exit with the databases made, pass/fail counters, the backend check and a fresh
# store URL per test. The caller sets here (its directory), backend (sqlite|pg) and script (its
# name, also the prefix of the PostgreSQL databases it creates); it may redefine cleanup().
export HOOFT_DICT="$here/../../dict" SOURCE_DATE_EPOCH=1710000000 PGOPTIONS="-c client_min_messages=warning"
unset HOOFT_DB
tmp=$(mktemp -d)
cleanup() {
  drop_dbs
  rm -rf "$tmp"
}
trap cleanup EXIT
dbs=""
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

if [ "$backend" = pg ] && [ -z "${HOOFT_TEST_PG:-}" ]; then
  echo "$script.sh pg: HOOFT_TEST_PG is unset; run ./scripts/dev.sh test, which starts a throwaway PostgreSQL server"
  exit 1
fi

# newdb NAME: a fresh, empty store URL
newdb() {
  if [ "$backend" = pg ]; then
    d="hooft_${script}_$$_$1"
    psql -q "$HOOFT_TEST_PG/postgres" -c "DROP DATABASE IF EXISTS $d" -c "CREATE DATABASE $d" > /dev/null || exit 1
    dbs="$dbs $d"
    echo "$HOOFT_TEST_PG/$d"
  else
    echo "sqlite:$tmp/$1.db"
  fi
}

# drop_dbs: removes the PostgreSQL databases newdb created
drop_dbs() {
  for d in $dbs; do psql -q "$HOOFT_TEST_PG/postgres" -c "DROP DATABASE IF EXISTS $d" > /dev/null 2>&1; done
}
