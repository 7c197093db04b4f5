#!/bin/sh
# Golden tests of 'hooft validate' on our own fixtures (tests/validate/fixtures): the cases in
# tests/validate/golden, run in tests/validate by the project's golden runner (tests/golden/run.sh).
# Usage: golden.sh HOOFT [--update]
here=$(cd "$(dirname "$0")" && pwd)
hooft=$1
shift
exec "$here/../golden/run.sh" "$hooft" "$@" "$here/golden" "$here"
