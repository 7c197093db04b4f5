#!/bin/sh
# Golden tests of 'hooft dict check/convert' on the TABARI and PETRARCH fixtures: the cases in
# tests/compat/golden, run in tests/compat by the project's golden runner (tests/golden/run.sh).
# Usage: golden.sh HOOFT [--update]
here=$(cd "$(dirname "$0")" && pwd)
hooft=$1
shift
exec "$here/../golden/run.sh" "$hooft" "$@" "$here/golden" "$here"
