#!/bin/sh
# pg-server.sh: a throwaway PostgreSQL server for the store tests and benchmark, in a temporary
# directory on a loopback port, run as the "postgres" user when started by root (initdb refuses root).
#   pg-server.sh start [PORT]   prints "HOOFT_TEST_PG=URL HOOFT_PG_DIR=DIR" (for eval) once it accepts connections
#   pg-server.sh stop DIR       stops it and removes DIR
set -eu
bin=${HOOFT_PG_BIN:-/usr/lib/postgresql/15/bin}
as_owner() { # runs a command as the owner of the server's files
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-}" in
  start)
    port=${2:-54329}
    [ -x "$bin/initdb" ] || { echo "pg-server.sh: no PostgreSQL in $bin (apt-get install postgresql)" >&2; exit 1; }
    dir=$(mktemp -d /tmp/hooft-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C > "$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
    # the first free port from PORT on
    tries=0
    while :; do
      if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
           -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=40" start > /dev/null 2>&1; then
        break
      fi
      tries=$((tries + 1))
      if [ $tries -ge 10 ]; then cat "$dir/server.log" >&2; rm -rf "$dir"; exit 1; fi
      port=$((port + 1))
    done
    echo "HOOFT_TEST_PG=postgresql://postgres@127.0.0.1:$port HOOFT_PG_DIR=$dir"
    ;;
  stop)
    dir=$2
    case "$dir" in /tmp/hooft-pg.*) ;; *) echo "pg-server.sh: not a test server directory: $dir" >&2; exit 2 ;; esac
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg-server.sh start [PORT] | stop DIR" >&2
    exit 2
    ;;
esac
