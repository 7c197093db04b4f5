# store.cmake: the event store (SQLite embedded, PostgreSQL), its CLI commands, tests' targets and benchmark.
pkg_check_modules(STORE_DEPS REQUIRED IMPORTED_TARGET sqlite3 libpq nettle)

target_sources(hooft PRIVATE
  src/store.c          # opening by URL, schema, batches, article identity, deduplication
  src/store_query.c    # filters, event lists, grouped measures, mentions
  src/store_export.c   # GDELT 2.0, PLOVER JSON Lines, CSV
  src/store_article.c  # one article's mentions as hooft_events (eval --db)
  src/store_sqlite.c   # SQLite backend (WAL, FTS5)
  src/store_pg.c)      # PostgreSQL backend (libpq, pipelined writes)
target_link_libraries(hooft PUBLIC PkgConfig::STORE_DEPS m)

target_sources(hooft-cli PRIVATE cli/ingest.c cli/query.c cli/export.c)

add_executable(hooft-store-bench bench/store_bench.c bench/gold_pool.c)
target_compile_definitions(hooft-store-bench PRIVATE HOOFT_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
target_link_libraries(hooft-store-bench PRIVATE hooft)
