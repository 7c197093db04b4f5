/* store.c: the event store, backend-independent: opening by URL, the schema, batches, article identity,
 * deduplication of event mentions into events (rules: docs/store.md), and the flush that files a batch's
 * mentions in memory and writes its rows in bulk, the changed events and the (dyad, month) rollup, FTS5. */
#include <ctype.h>
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <nettle/base16.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "store_internal.h"
#include "text.h"

#define SCHEMA_VERSION "5"

/* The most candidate events kept in memory from batch to batch (the cache is
 * emptied at the next begin when it holds more). */
#define CACHE_EVENTS 100000

/* The batch's articles and events in memory (defined with the deduplication below). */
static struct hf_evcache *cache_new(void);
static void cache_clear(struct hf_evcache *ec);
static void cache_free(struct hf_evcache *ec);
static size_t cache_size(const struct hf_evcache *ec);
/* The rows waiting to be written (defined below). */
static void rows_clear(struct hf_rowbuf *r);
static void rows_free(hooft_store *s);

/* ---- Schema ------------------------------------------------------------- */

/* One schema for both backends. {ID} is an id the store hands out,
 * {NOROWID} SQLite's clustered-table clause. */
static const char *const schema =
    "CREATE TABLE IF NOT EXISTS hooft_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);"
    /* one row per article version stored; key = id, or sha256 of URL and text */
    "CREATE TABLE IF NOT EXISTS articles ("
    " id {ID}, key TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL,"
    " url TEXT, source TEXT NOT NULL, title TEXT, date TEXT, day INTEGER NOT NULL, lang TEXT,"
    " events INTEGER NOT NULL, ingested TEXT NOT NULL);"
    /* deduplicated events: days are yyyymmdd (0 unknown), week yyyyww (ISO), month yyyymm */
    "CREATE TABLE IF NOT EXISTS events ("
    " id {ID}, day INTEGER NOT NULL, last_day INTEGER NOT NULL, week INTEGER NOT NULL, month INTEGER NOT NULL,"
    " source_code TEXT NOT NULL, source_country TEXT, source_name TEXT,"
    " target_code TEXT NOT NULL, target_country TEXT, target_name TEXT,"
    " cameo TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL, goldstein DOUBLE PRECISION NOT NULL,"
    " plover TEXT, negated INTEGER NOT NULL, certainty TEXT,"
    " location_name TEXT, location_country TEXT, location_lat DOUBLE PRECISION, location_lon DOUBLE PRECISION,"
    " location_feature TEXT, mentions INTEGER NOT NULL, sources INTEGER NOT NULL, articles INTEGER NOT NULL,"
    " first_article BIGINT NOT NULL, first_seq INTEGER NOT NULL, added TEXT NOT NULL,"
    " codes TEXT NOT NULL) {FILLFACTOR};"
    /* codes: its mentions per CAMEO code, "190:2,193:1" (version 3). Indexes on
     * columns that merges do not change (version 3): the dedup key (also
     * source filters), target filters, dates */
    "CREATE INDEX IF NOT EXISTS events_key ON events (source_code, target_code, root, negated, day);"
    "CREATE INDEX IF NOT EXISTS events_target ON events (target_code, source_code, month);"
    "CREATE INDEX IF NOT EXISTS events_day ON events (day);"
    /* every event mention: article, sentence, span, the coder's reading of it; day = the event's
     * date as the coder resolved it (publication date when the text gives none); id = article_id *
     * HF_PER_ARTICLE + seq (version 4: SQLite appends rows to a table ordered by id, with no index
     * beside it for the key) */
    "CREATE TABLE IF NOT EXISTS mentions ("
    " id {ID}, article_id BIGINT NOT NULL, seq INTEGER NOT NULL, event_id BIGINT NOT NULL, day INTEGER NOT NULL,"
    " date TEXT, date_end TEXT, date_precision TEXT,"
    " sentence INTEGER NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,"
    " source_code TEXT NOT NULL, source_name TEXT, source_country TEXT,"
    " target_code TEXT NOT NULL, target_name TEXT, target_country TEXT,"
    " cameo TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL, goldstein DOUBLE PRECISION NOT NULL,"
    " plover TEXT, negated INTEGER NOT NULL, verb TEXT, pattern TEXT, rule TEXT,"
    " attribution TEXT, attribution_code TEXT, attribution_country TEXT, certainty TEXT, quantities TEXT,"
    " location_name TEXT, location_country TEXT, location_lat DOUBLE PRECISION, location_lon DOUBLE PRECISION,"
    " location_feature TEXT);"
    "CREATE INDEX IF NOT EXISTS mentions_event ON mentions (event_id);"
    /* the distinct sources (URL hosts, or article keys) of each event */
    "CREATE TABLE IF NOT EXISTS event_sources ("
    " event_id BIGINT NOT NULL, source TEXT NOT NULL, PRIMARY KEY (event_id, source)) {NOROWID};"
    /* the sentences that carry a mention, for text search; id = article_id * HF_PER_ARTICLE + sentence;
     * PostgreSQL: terms, the words as hooft matches them (version 5) */
    "CREATE TABLE IF NOT EXISTS sentences ("
    " id {ID}, article_id BIGINT NOT NULL, sentence INTEGER NOT NULL, text TEXT NOT NULL{TERMS});"
    /* (dyad, month) rollup of events, kept in step at each flush (version 2): what
     * dyad-by-month aggregates read instead of the events; groups may hold 0 events */
    "CREATE TABLE IF NOT EXISTS dyad_months ("
    " source_code TEXT NOT NULL, target_code TEXT NOT NULL, month INTEGER NOT NULL, negated INTEGER NOT NULL,"
    " events BIGINT NOT NULL, mentions BIGINT NOT NULL, goldstein DOUBLE PRECISION NOT NULL,"
    " PRIMARY KEY (source_code, target_code, month, negated)) {NOROWID};"
    "CREATE INDEX IF NOT EXISTS dyad_months_target ON dyad_months (target_code, source_code, month);";

/* Full-text search over sentences: FTS5 filled at each flush with the rows the
 * flush wrote (several times faster than a row trigger), emptied of deleted
 * rows by a trigger; PostgreSQL a GIN index of the terms column, which hooft
 * fills with the sentence's words case-folded and without diacritics (its
 * matching keys: hf_text_terms), as FTS5's unicode61 tokenizer with
 * remove_diacritics finds them. */
static const char *const fts_sqlite =
    "CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5("
    " text, content='sentences', content_rowid='id', columnsize=0, tokenize='unicode61 remove_diacritics 2');"
    "CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN"
    " INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text); END;";
static const char *const fts_pg = "CREATE INDEX IF NOT EXISTS sentences_terms ON sentences USING gin (terms);";

/* Replaces every {NAME} of the schema with the backend's words. */
static char *dialect_sql(const hf_db *db, const char *sql) {
  int pg = hf_db_is_pg(db);
  hf_buf b = {0};
  for (const char *p = sql; *p; p++) {
    if (strncmp(p, "{ID}", 4) == 0) {
      hf_buf_puts(&b, pg ? "BIGINT PRIMARY KEY" : "INTEGER PRIMARY KEY");
      p += 3;
    } else if (strncmp(p, "{FILLFACTOR}", 12) == 0) { /* room on each page for updates in place (HOT) */
      hf_buf_puts(&b, pg ? "WITH (fillfactor = 85)" : "");
      p += 11;
    } else if (strncmp(p, "{TERMS}", 7) == 0) {
      hf_buf_puts(&b, pg ? ", terms TSVECTOR" : "");
      p += 6;
    } else if (strncmp(p, "{NOROWID}", 9) == 0) {
      hf_buf_puts(&b, pg ? "" : "WITHOUT ROWID");
      p += 8;
    } else {
      hf_buf_putc(&b, *p);
    }
  }
  hf_buf_cstr(&b);
  return b.data;
}

/* Starts a transaction holding the writer lock: SQLite's RESERVED lock, or a
 * transaction-scoped advisory lock in PostgreSQL. A SQLite connection that
 * writes gets a page cache of 64 MiB (the events a batch changes stay in it);
 * one that only reads keeps SQLite's 2 MB, with which a scan of millions of
 * events runs 2-3 times faster (measured: --group-by root on 5 M events). */
static int lock_writer(hooft_store *s, hooft_error *err) {
  return s->db->ops->exec(s->db,
                          hf_db_is_pg(s->db) ? "BEGIN; SELECT pg_advisory_xact_lock(4242108871)"
                                             : "PRAGMA cache_size=-65536; BEGIN IMMEDIATE",
                          err);
}

/* The store's schema version: 1 with it in buf, 0 if the store has none yet
 * (checked without the writer lock, so readers never wait for an ingest). */
static int schema_version(hooft_store *s, char *buf, size_t n) {
  /* an error (no such table) means no schema yet */
  hf_stmt *st = s->db->ops->prepare(s->db, "SELECT value FROM hooft_meta WHERE name = 'schema'", 0, NULL);
  int found = 0;
  if (st && s->db->ops->query(st, NULL, 0, NULL) == 0 && s->db->ops->next(st, NULL) == 1) {
    const char *v = s->db->ops->col_text(st, 0);
    snprintf(buf, n, "%s", v ? v : "?");
    found = 1;
    s->db->ops->end(st);
  }
  if (st) s->db->ops->finalize(st);
  return found;
}

/* PostgreSQL, upgrading to version 5: fills the terms of the sentences with
 * an id above *after, up to 10,000 of them, through the temporary table
 * hooft_terms; *after becomes the last id done. Returns the number of
 * sentences done, or -1 with err. */
static long fill_terms(hooft_store *s, int64_t *after, hooft_error *err) {
  const hf_db_ops *o = s->db->ops;
  hf_stmt *st = o->prepare(s->db, "SELECT id, text FROM sentences WHERE id > ? ORDER BY id LIMIT 10000", 0, err);
  if (!st) return -1;
  hf_val p[] = {hf_int(*after)};
  HF_VEC(hf_val) rows = {0};
  hf_arena arena = {0};
  hf_buf terms = {0};
  long n = 0;
  int got = o->query(st, p, 1, err) < 0 ? -1 : 0;
  while (got == 0 && (got = o->next(st, err)) == 1) {
    const char *text = o->col_text(st, 1);
    terms.len = 0;
    hf_text_terms(&terms, text, strlen(text), " ");
    *after = o->col_int(st, 0);
    HF_VEC_PUSH(rows, hf_int(*after));
    HF_VEC_PUSH(rows, hf_text(hf_arena_strdup(&arena, hf_buf_cstr(&terms))));
    n++;
    got = 0;
  }
  o->finalize(st);
  if (got == 0 && n > 0) got = o->bulk(s->db, "hooft_terms", "id, terms", rows.v, 2, (size_t)n, 0, err);
  free(rows.v);
  hf_arena_free(&arena);
  hf_buf_free(&terms);
  return got < 0 ? -1 : n;
}

/* Brings a version-4 PostgreSQL store to version 5 in one transaction under
 * the writer lock: the sentences get their terms column, filled by hooft, and
 * its GIN index instead of the one over to_tsvector('simple', text). Returns
 * 0, or -1 with err (the store stays at version 4). */
static int upgrade_pg_4(hooft_store *s, hooft_error *err) {
  if (lock_writer(s, err) < 0) return -1;
  char version[32] = "";
  int rc = 0;
  if (!schema_version(s, version, sizeof version) || strcmp(version, "4") != 0) {
    rc = strcmp(version, SCHEMA_VERSION) == 0 ? 1 : -1; /* upgraded meanwhile by another hooft */
    if (rc < 0) hf_error(err, "the store has schema version %s; this hooft reads version %s", version, SCHEMA_VERSION);
  }
  if (rc == 0)
    rc = s->db->ops->exec(s->db,
                          "ALTER TABLE sentences ADD COLUMN terms TSVECTOR;"
                          "CREATE TEMP TABLE hooft_terms (id BIGINT, terms TSVECTOR) ON COMMIT DROP",
                          err);
  int64_t after = -1;
  for (long n = 1; rc == 0 && n > 0;) rc = (n = fill_terms(s, &after, err)) < 0 ? -1 : 0;
  if (rc == 0)
    rc = s->db->ops->exec(s->db,
                          "UPDATE sentences SET terms = t.terms FROM hooft_terms t WHERE sentences.id = t.id;"
                          "DROP INDEX IF EXISTS sentences_text;"
                          "UPDATE hooft_meta SET value = '" SCHEMA_VERSION "' WHERE name = 'schema'",
                          err);
  if (rc == 0) rc = s->db->ops->exec(s->db, fts_pg, err);
  if (rc >= 0) return s->db->ops->exec(s->db, "COMMIT", err);
  s->db->ops->exec(s->db, "ROLLBACK", NULL);
  return -1;
}

/* Creates the tables if needed and checks the schema version, in one
 * transaction; a version-4 store is read as it is (SQLite) or upgraded
 * (PostgreSQL). */
static int create_schema(hooft_store *s, hooft_error *err) {
  char version[32];
  if (schema_version(s, version, sizeof version)) {
    if (strcmp(version, SCHEMA_VERSION) == 0) return 0;
    if (strcmp(version, "4") == 0) /* version 5 changed only PostgreSQL's sentences */
      return hf_db_is_pg(s->db) ? upgrade_pg_4(s, err) : 0;
    hf_error(err, "the store has schema version %s; this hooft reads version %s", version, SCHEMA_VERSION);
    return -1;
  }
  if (lock_writer(s, err) < 0) return -1;
  char *sql = dialect_sql(s->db, schema);
  int rc = s->db->ops->exec(s->db, sql, err);
  free(sql);
  if (rc == 0) rc = s->db->ops->exec(s->db, hf_db_is_pg(s->db) ? fts_pg : fts_sqlite, err);
  if (rc == 0)
    rc = s->db->ops->exec(
        s->db, "INSERT INTO hooft_meta (name, value) VALUES ('schema', '" SCHEMA_VERSION "') ON CONFLICT DO NOTHING",
        err);
  hf_stmt *st = rc == 0 ? s->db->ops->prepare(s->db, "SELECT value FROM hooft_meta WHERE name = 'schema'", 0, err)
                        : NULL;
  if (st) {
    rc = s->db->ops->query(st, NULL, 0, err);
    if (rc == 0 && s->db->ops->next(st, err) == 1) {
      const char *v = s->db->ops->col_text(st, 0);
      if (!v || strcmp(v, SCHEMA_VERSION) != 0) {
        hf_error(err, "the store has schema version %s; this hooft reads version %s", v ? v : "?", SCHEMA_VERSION);
        rc = -1;
      }
    }
    s->db->ops->finalize(st);
  } else {
    rc = -1;
  }
  if (rc == 0) return s->db->ops->exec(s->db, "COMMIT", err);
  s->db->ops->exec(s->db, "ROLLBACK", NULL);
  return -1;
}

#define EV_SET_NUMBERED                                                                                      \
  "last_day = ?4, cameo = ?7, quad = ?8, goldstein = ?9, plover = ?10, codes = ?11, certainty = ?12, "         \
  "location_name = ?13, location_country = ?14, location_lat = ?15, location_lon = ?16, location_feature = ?17, " \
  "mentions = ?18, articles = ?19, sources = ?20, first_article = ?21, first_seq = ?22, "                     \
  "source_name = COALESCE(?23, source_name), target_name = COALESCE(?24, target_name)"

/* The statements of the ingest path (most of its rows go in with the
 * backend's bulk write instead), prepared once per connection. */
static const char *const statements[ST_COUNT] = {
    [ST_CHECK] = "SELECT id, content_hash FROM articles WHERE key = ?",
    [ST_ART_UPDATE] = "UPDATE articles SET content_hash = ?, url = ?, source = ?, title = ?, date = ?, day = ?, "
                      "lang = ?, events = ?, ingested = ? WHERE id = ?",
    /* an article's mentions and sentences: the ids from article_id * HF_PER_ARTICLE on */
    [ST_OLD_EVENTS] = "SELECT DISTINCT event_id FROM mentions WHERE id BETWEEN ? AND ? ORDER BY event_id",
    [ST_DEL_MENTIONS] = "DELETE FROM mentions WHERE id BETWEEN ? AND ?",
    [ST_DEL_SENTENCES] = "DELETE FROM sentences WHERE id BETWEEN ? AND ?",
    [ST_CANDIDATES] = "SELECT id, day, last_day, cameo, certainty, location_name, location_country, location_lat, "
                      "location_lon, location_feature, mentions, articles, first_article, first_seq, quad, goldstein, "
                      "plover, codes FROM events "
                      "WHERE source_code = ? AND target_code = ? AND root = ? AND negated = ? AND day BETWEEN ? AND ?",
    /* an event whose mentions changed after a replaced article */
    [ST_EV_MERGE] = "UPDATE events SET day = ?, last_day = ?, week = ?, month = ?, mentions = ?, articles = ?, "
                    "sources = (SELECT count(*) FROM event_sources WHERE event_id = ?), certainty = ?, "
                    "location_name = ?, location_country = ?, location_lat = ?, location_lon = ?, location_feature = ?, "
                    "first_article = ?, first_seq = ?, source_name = COALESCE(?, source_name), "
                    "target_name = COALESCE(?, target_name), codes = ? WHERE id = ?",
    /* the event's code: its mentions' most frequent code, ties to the lowest */
    [ST_EV_RECODE] = "UPDATE events SET (cameo, quad, goldstein, plover) = (SELECT cameo, quad, goldstein, plover "
                     "FROM mentions WHERE event_id = ? GROUP BY cameo, quad, goldstein, plover "
                     "ORDER BY count(*) DESC, cameo LIMIT 1) WHERE id = ?",
    [ST_SRC_INSERT] = "INSERT INTO event_sources (event_id, source) VALUES (?, ?) ON CONFLICT DO NOTHING",
    /* the rollup when an article is replaced: hooft_touched lists the events
     * its old mentions were in; their rows are taken out (sign -1) before they
     * are recomputed and put back (+1) after */
    [ST_TOUCH_INSERT] = "INSERT INTO hooft_touched (id) VALUES (?) ON CONFLICT DO NOTHING",
    [ST_TOUCH_CLEAR] = "DELETE FROM hooft_touched",
    [ST_ROLLUP] = "INSERT INTO dyad_months (source_code, target_code, month, negated, events, mentions, goldstein) "
                  "SELECT source_code, target_code, month, negated, count(*) * ?, sum(mentions) * ?, "
                  "sum(goldstein) * ? FROM events WHERE id IN (SELECT id FROM hooft_touched) "
                  "GROUP BY source_code, target_code, month, negated "
                  "ON CONFLICT (source_code, target_code, month, negated) DO UPDATE SET "
                  "events = dyad_months.events + excluded.events, mentions = dyad_months.mentions + excluded.mentions, "
                  "goldstein = dyad_months.goldstein + excluded.goldstein",
    /* the sources of stored events read into the cache (PostgreSQL: of an array of ids, sources_pg) */
    [ST_SOURCES] = "SELECT event_id, source FROM event_sources WHERE event_id = ?",
    /* SQLite: the sentences of a run of articles into the full-text index (fts_add) */
    [ST_FTS_FILL] = "INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id BETWEEN ? AND ?",
    /* SQLite: a changed stored event (the values of an hooft_ev_update row, EV_UPDATE_COLS, numbered; only
     * an event whose first day moved gets its indexed day, week and month written), and a rollup change */
    [ST_EV_SET] = "UPDATE events SET " EV_SET_NUMBERED " WHERE id = ?1",
    [ST_EV_SET_WIDE] = "UPDATE events SET day = ?3, week = ?5, month = ?6, " EV_SET_NUMBERED " WHERE id = ?1",
    [ST_ROLLUP_ADD] = "INSERT INTO dyad_months (source_code, target_code, month, negated, events, mentions, goldstein) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_code, target_code, month, negated) DO UPDATE SET "
                      "events = events + excluded.events, mentions = mentions + excluded.mentions, "
                      "goldstein = goldstein + excluded.goldstein",
    /* another connection's commits: PostgreSQL counts every commit of a batch in hooft_meta */
    [ST_WRITES_GET] = "SELECT value FROM hooft_meta WHERE name = 'writes'",
    [ST_WRITES_BUMP] = "INSERT INTO hooft_meta (name, value) VALUES ('writes', '1') ON CONFLICT (name) DO UPDATE SET "
                       "value = CAST(CAST(hooft_meta.value AS BIGINT) + 1 AS TEXT)",
};
static const char *const sources_pg = "SELECT event_id, source FROM event_sources WHERE event_id = ANY(?::bigint[])";

/* The temporary tables of the ingest (defined with the flush below). */
static const char *const temp_tables;

/* ---- Opening and closing -------------------------------------------------- */

/* Opens the SQLite file of "sqlite:PATH[?max_page_count=N]" or a plain path. */
static hf_db *open_sqlite(const char *url, hooft_error *err) {
  const char *path = url;
  if (strncmp(path, "sqlite://", 9) == 0)
    path += 9;
  else if (strncmp(path, "sqlite:", 7) == 0)
    path += 7;
  char *p = hf_xstrdup(path);
  long max_pages = 0;
  char *q = strchr(p, '?'), *save = NULL;
  if (q) {
    *q++ = 0;
    for (char *opt = strtok_r(q, "&", &save); opt; opt = strtok_r(NULL, "&", &save)) {
      char *end = NULL;
      if (strncmp(opt, "max_page_count=", 15) == 0 && (max_pages = strtol(opt + 15, &end, 10)) > 0 && !*end)
        continue;
      hf_error(err, "%s: unknown or malformed store option '%s' (known: max_page_count=N)", url, opt);
      free(p);
      return NULL;
    }
  }
  hf_db *db = hf_sqlite_open(p, max_pages, err);
  free(p);
  return db;
}

/* Opens the store at url; existing: refuse one without hooft's tables (or, SQLite, without a file). */
static hooft_store *store_open(const char *url, int existing, hooft_error *err) {
  if (!url || !*url) {
    hf_error(err, "no store given (--db URL, or $HOOFT_DB)");
    return NULL;
  }
  int pg = strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0;
  if (existing && !pg) {
    char *path = hf_xstrdup(strncmp(url, "sqlite://", 9) == 0 ? url + 9 : strncmp(url, "sqlite:", 7) == 0 ? url + 7 : url);
    path[strcspn(path, "?")] = 0;
    struct stat st;
    int there = stat(path, &st) == 0;
    if (!there) hf_error(err, "%s: no such store (the file does not exist)", path);
    free(path);
    if (!there) return NULL;
  }
  hf_db *db = pg ? hf_pg_open(url, err) : open_sqlite(url, err);
  if (!db) return NULL;
  hooft_store *s = hf_xcalloc(1, sizeof *s);
  s->db = db;
  s->others = -1;
  pthread_mutex_init(&s->inbox_mu, NULL);
  char version[32];
  if (existing && !schema_version(s, version, sizeof version)) {
    /* the URL as shown: a password becomes *** */
    const char *at = strchr(url, '@'), *colon = strchr(strstr(url, "://") ? strstr(url, "://") + 3 : url, ':');
    if (pg && at && colon && colon < at)
      hf_error(err, "%.*s***%s: no such store (no hooft tables in it)", (int)(colon + 1 - url), url, at);
    else
      hf_error(err, "%s: no such store (no hooft tables in it)", url);
    hooft_store_close(s);
    return NULL;
  }
  if (create_schema(s, err) < 0) {
    hooft_store_close(s);
    return NULL;
  }
  if (db->ops->exec(db, temp_tables, err) < 0) {
    hooft_store_close(s);
    return NULL;
  }
  for (int i = 0; i < ST_COUNT; i++) {
    if ((i == ST_FTS_FILL || i == ST_EV_SET || i == ST_EV_SET_WIDE || i == ST_ROLLUP_ADD) && hf_db_is_pg(db))
      continue; /* PostgreSQL indexes sentences itself, and updates through temporary tables */
    s->st[i] = db->ops->prepare(db, i == ST_SOURCES && hf_db_is_pg(db) ? sources_pg : statements[i], 1, err);
    if (!s->st[i]) {
      hooft_store_close(s);
      return NULL;
    }
  }
  return s;
}

void hooft_store_close(hooft_store *s) {
  if (!s) return;
  if (s->in_batch) hooft_store_rollback(s);
  cache_free(s->cache);
  rows_free(s);
  hf_buf_free(&s->terms);
  hf_map_free(&s->expected);
  hf_arena_free(&s->expected_arena);
  for (size_t i = 0; i < s->inbox.n; i++) free(s->inbox.v[i]);
  free(s->inbox.v);
  pthread_mutex_destroy(&s->inbox_mu);
  free(s->absent_key);
  for (int i = 0; i < ST_COUNT; i++)
    if (s->st[i]) s->db->ops->finalize(s->st[i]);
  s->db->ops->close(s->db);
  free(s);
}

hooft_store *hooft_store_open(const char *url, hooft_error *err) { return store_open(url, 0, err); }

hooft_store *hooft_store_open_existing(const char *url, hooft_error *err) { return store_open(url, 1, err); }

const char *hooft_store_backend(const hooft_store *s) { return s->db->ops->name; }

/* ---- Small helpers ---------------------------------------------------------- */

/* Seconds on the monotonic clock (the phases of hooft_store_profile). */
static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void hooft_store_profile(const hooft_store *s, char *buf, size_t n) {
  static const char *const names[PR_COUNT] = {
      [PR_BEGIN] = "begin",          [PR_CAND] = "candidates", [PR_FILE] = "filing",
      [PR_ARTICLES] = "articles",    [PR_SENTENCES] = "sentences", [PR_MENTIONS] = "mentions",
      [PR_SOURCES] = "sources",      [PR_EVENTS] = "new events", [PR_EV_UPDATE] = "changed events",
      [PR_ROLLUP] = "rollup",
      [PR_APPLY] = "apply updates",  [PR_FTS] = "fts",         [PR_COMMIT] = "commit"};
  size_t len = 0;
  if (n) buf[0] = 0;
  for (int i = 0; i < PR_COUNT && len < n; i++) {
    int k = snprintf(buf + len, n - len, "%s%s %.2f", i ? ", " : "", names[i], s->prof[i]);
    if (k < 0) break;
    len += (size_t)k;
  }
}

/* Runs a one-row, one-integer query; returns 0 and *out, or -1 with err. */
static int query_int(hooft_store *s, const char *sql, const hf_val *p, int n, int64_t *out, hooft_error *err) {
  hf_stmt *st = s->db->ops->prepare(s->db, sql, 0, err);
  if (!st) return -1;
  int rc = s->db->ops->query(st, p, n, err);
  *out = 0;
  if (rc == 0) {
    int got = s->db->ops->next(st, err);
    if (got < 0) rc = -1;
    if (got == 1) {
      *out = s->db->ops->isnull(st, 0) ? 0 : s->db->ops->col_int(st, 0);
      s->db->ops->end(st);
    }
  }
  s->db->ops->finalize(st);
  return rc;
}

static int write_st(hooft_store *s, int which, const hf_val *p, int n, hooft_error *err) {
  return s->db->ops->write(s->st[which], p, n, err);
}

/* ---- Dates -------------------------------------------------------------------- */

/* As strftime's "%G%V" (the same for every day of 1500-2999), without the
 * calendar conversions: the ISO year is the year of the week's Thursday. */
int hf_iso_week(int ymd) {
  if (!ymd) return 0;
  long dn = hf_day_number(ymd);
  long wd = ((dn + 3) % 7 + 7) % 7; /* Monday 0 (1970-01-01 was a Thursday) */
  long th = dn - wd + 3;
  int year = hf_day_from_number(th) / 10000;
  return year * 100 + (int)((th - hf_day_number(year * 10000 + 101)) / 7 + 1);
}

const char *hf_day_text(int ymd, char *buf) {
  if (!ymd)
    buf[0] = 0;
  else
    snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)ymd / 10000 % 10000, (unsigned)ymd / 100 % 100,
             (unsigned)ymd % 100);
  return buf;
}

/* The UTC time now (or $SOURCE_DATE_EPOCH, for reproducible output) as YYYYMMDDHHMMSS. */
static void now_stamp(char buf[16]) {
  const char *fixed = getenv("SOURCE_DATE_EPOCH");
  time_t t = fixed && *fixed ? (time_t)strtoll(fixed, NULL, 10) : time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(buf, 16, "%Y%m%d%H%M%S", &tm);
}

/* ---- Article identity ----------------------------------------------------------- */

typedef struct ident {
  char *key;         /* owned */
  char hash[65];     /* content hash, hex */
  char *source;      /* URL host or "id:KEY", owned */
  int day;           /* yyyymmdd or 0 */
} ident;

static void hash_field(struct sha256_ctx *c, const char *s, size_t n) {
  char len[24];
  int k = snprintf(len, sizeof len, "%zu:", s ? n : (size_t)0);
  sha256_update(c, (size_t)k, (const uint8_t *)len);
  if (s) sha256_update(c, n, (const uint8_t *)s);
}

/* Writes n bytes as 2n lower-case hex digits and a NUL (nettle's base16). */
static void hex(const uint8_t *d, size_t n, char *out) {
  base16_encode_update(out, n, d);
  out[2 * n] = 0;
}

/* The lower-cased host of an http(s) URL, without "www."; NULL if none. */
static char *url_host(const char *url) {
  if (!url) return NULL;
  const char *p = strstr(url, "://");
  if (!p) return NULL;
  p += 3;
  size_t n = strcspn(p, "/?#");
  const char *at = memchr(p, '@', n);
  if (at) {
    n -= (size_t)(at + 1 - p);
    p = at + 1;
  }
  size_t colon = n;
  if (n && p[0] != '[') { /* a port; IPv6 literals keep their colons */
    const char *c = memchr(p, ':', n);
    if (c) colon = (size_t)(c - p);
  }
  n = colon;
  if (n > 4 && strncasecmp(p, "www.", 4) == 0) p += 4, n -= 4;
  if (!n) return NULL;
  char *h = hf_xstrndup(p, n);
  for (char *c = h; *c; c++) *c = (char)tolower((unsigned char)*c);
  return h;
}

/* The key of article a (malloc'ed): its id, or "sha256:" of URL and text. */
static char *article_key(const hooft_article *a, int id_given) {
  if (id_given && a->id && *a->id) return hf_xstrdup(a->id);
  uint8_t d[SHA256_DIGEST_SIZE];
  struct sha256_ctx c;
  sha256_init(&c);
  hash_field(&c, a->url, a->url ? strlen(a->url) : 0);
  hash_field(&c, a->text ? a->text : "", a->text ? a->text_len : 0);
  sha256_digest(&c, sizeof d, d);
  char *key = hf_xmalloc(8 + 2 * sizeof d);
  memcpy(key, "sha256:", 7);
  hex(d, sizeof d, key + 7);
  return key;
}

/* Checks a's date; returns it as yyyymmdd (0 if none), or -1 with err. */
static int article_day(const hooft_article *a, hooft_error *err) {
  if (!a->date || !*a->date) return 0;
  int day = hf_parse_date(a->date, strlen(a->date));
  if (!day) {
    hf_error(err, "%s: bad date '%s' (want YYYY-MM-DD)", a->id ? a->id : "article", a->date);
    return -1;
  }
  return day;
}

char *hooft_article_key(const hooft_article *a, int id_given, hooft_error *err) {
  return article_day(a, err) < 0 ? NULL : article_key(a, id_given);
}

/* Works out the key, content hash, source and day of article a. */
static int identify(const hooft_article *a, int id_given, ident *id, hooft_error *err) {
  memset(id, 0, sizeof *id);
  const char *text = a->text ? a->text : "";
  size_t tlen = a->text ? a->text_len : 0;
  if ((id->day = article_day(a, err)) < 0) return -1;
  id->key = article_key(a, id_given);
  uint8_t d[SHA256_DIGEST_SIZE];
  struct sha256_ctx c;
  sha256_init(&c);
  const char *fields[5] = {id->key, a->date, a->lang, a->title, a->url};
  for (int i = 0; i < 5; i++) hash_field(&c, fields[i], fields[i] ? strlen(fields[i]) : 0);
  hash_field(&c, text, tlen);
  sha256_digest(&c, sizeof d, d);
  hex(d, sizeof d, id->hash);
  id->source = url_host(a->url);
  if (!id->source) {
    size_t n = strlen(id->key);
    id->source = hf_xmalloc(n + 4);
    memcpy(id->source, "id:", 3);
    memcpy(id->source + 3, id->key, n + 1);
  }
  return 0;
}

static void ident_free(ident *id) {
  free(id->key);
  free(id->source);
}

/* Looks the article up: returns 1 with its id and hash, 0 if absent, -1 on error. */
static int lookup(hooft_store *s, const char *key, int64_t *art, char hash[65], hooft_error *err) {
  hf_stmt *st = s->st[ST_CHECK];
  hf_val p[] = {hf_text(key)};
  if (s->db->ops->query(st, p, 1, err) < 0) return -1;
  int got = s->db->ops->next(st, err);
  if (got == 1) {
    *art = s->db->ops->col_int(st, 0);
    const char *h = s->db->ops->col_text(st, 1);
    snprintf(hash, 65, "%s", h ? h : "");
    s->db->ops->end(st);
  }
  return got;
}

/* PostgreSQL array literals, sent as one text parameter: elements are appended
 * from "{", the caller closes with '}'. */
/* Appends s as an element of a PostgreSQL array literal: quoted, with " and \ escaped. */
static void array_text(hf_buf *b, const char *s) {
  hf_buf_putc(b, b->len ? ',' : '{');
  hf_buf_putc(b, '"');
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') hf_buf_putc(b, '\\');
    hf_buf_putc(b, *s);
  }
  hf_buf_putc(b, '"');
}

static void array_int(hf_buf *b, long long v) { hf_buf_printf(b, "%c%lld", b->len ? ',' : '{', v); }

/* ---- Expected articles (PostgreSQL) ------------------------------------------- */

/* What the store holds for a key hooft_store_expect announced: looked up with
 * every other key not known yet in one query, at the first put that needs
 * one, inside the batch (under the writer lock, so that nothing but this
 * connection changes it before the batch ends). Each answer serves one put;
 * the answers go at the next begin (the keys not put stay, to be asked again). */
enum { EX_UNKNOWN, EX_ABSENT, EX_STORED, EX_USED };
typedef struct expected {
  int state;
  int batches; /* begins it has lived through without its put */
  int64_t art;
  char hash[65];
} expected;

/* The most keys waiting for their put (more are ignored: their puts ask the store one by one). */
#define EXPECT_MAX 100000

void hooft_store_expect(hooft_store *s, const char *key) {
  if (!s || !key || !hf_db_is_pg(s->db)) return; /* SQLite's look-ups cost no round trip */
  pthread_mutex_lock(&s->inbox_mu);
  if (s->inbox.n < EXPECT_MAX) HF_VEC_PUSH(s->inbox, hf_xstrdup(key));
  pthread_mutex_unlock(&s->inbox_mu);
}

/* Files key among the expected ones, as not looked up yet. */
static void expect_key(hooft_store *s, const char *key) {
  expected *e = hf_map_get(&s->expected, key);
  if (!e) {
    if (s->expected.count >= EXPECT_MAX) return;
    e = hf_arena_alloc(&s->expected_arena, sizeof *e);
    hf_map_put(&s->expected, hf_arena_strdup(&s->expected_arena, key), e);
  }
  e->state = EX_UNKNOWN;
}

/* Takes the keys announced since the last time (on the thread that uses the store). */
static void expected_take(hooft_store *s) {
  pthread_mutex_lock(&s->inbox_mu);
  for (size_t i = 0; i < s->inbox.n; i++) {
    expect_key(s, s->inbox.v[i]);
    free(s->inbox.v[i]);
  }
  s->inbox.n = 0;
  pthread_mutex_unlock(&s->inbox_mu);
}

/* At a batch's begin: forgets the answers, keeps the keys not put yet (for
 * two more batches: an article announced but never put, one that could not
 * be stored say, is not asked for again and again). */
static void expected_reset(hooft_store *s) {
  if (!s->expected.count) return;
  hf_map old = s->expected;
  hf_arena old_arena = s->expected_arena;
  memset(&s->expected, 0, sizeof s->expected);
  memset(&s->expected_arena, 0, sizeof s->expected_arena);
  for (size_t i = 0; i < old.cap; i++) {
    const expected *e = old.slots[i].value;
    if (!old.slots[i].key || e->state == EX_USED || e->batches >= 2) continue;
    expect_key(s, old.slots[i].key);
    expected *kept = hf_map_get(&s->expected, old.slots[i].key);
    if (kept) kept->batches = e->batches + 1;
  }
  hf_map_free(&old);
  hf_arena_free(&old_arena);
}

/* Looks up every expected key not known yet, in one query. */
static int expected_fetch(hooft_store *s, hooft_error *err) {
  hf_buf keys = {0}; /* a PostgreSQL array literal: {"k1","k2"} */
  for (size_t i = 0; i < s->expected.cap; i++) {
    expected *e = s->expected.slots[i].value;
    if (!s->expected.slots[i].key || e->state != EX_UNKNOWN) continue;
    e->state = EX_ABSENT; /* unless the store has it (below) */
    array_text(&keys, s->expected.slots[i].key);
  }
  hf_buf_puts(&keys, keys.len ? "}" : "{}");
  const hf_db_ops *o = s->db->ops;
  hf_stmt *st = o->prepare(s->db, "SELECT key, id, content_hash FROM articles WHERE key = ANY(?::text[])", 0, err);
  hf_val p[] = {hf_text(hf_buf_cstr(&keys))};
  int got = !st || o->query(st, p, 1, err) < 0 ? -1 : 0;
  while (got == 0 && (got = o->next(st, err)) == 1) {
    expected *e = hf_map_get(&s->expected, o->col_text(st, 0));
    if (e) {
      e->state = EX_STORED;
      e->art = o->col_int(st, 1);
      const char *h = o->col_text(st, 2);
      snprintf(e->hash, sizeof e->hash, "%s", h ? h : "");
    }
    got = 0;
  }
  if (st) o->finalize(st);
  hf_buf_free(&keys);
  return got < 0 ? -1 : 0;
}

/* The store's answer for key if it was expected: 1 stored (its id and hash),
 * 0 absent, -1 a store error; -2 not expected (ask the store). */
static int expected_lookup(hooft_store *s, const char *key, int64_t *art, char hash[65], hooft_error *err) {
  expected_take(s);
  expected *e = s->expected.count ? hf_map_get(&s->expected, key) : NULL;
  if (!e || e->state == EX_USED) return -2;
  if (e->state == EX_UNKNOWN && expected_fetch(s, err) < 0) return -1;
  int stored = e->state == EX_STORED;
  if (stored) {
    *art = e->art;
    memcpy(hash, e->hash, 65);
  }
  e->state = EX_USED;
  return stored;
}

/* The key and hash of a new article put in the open batch and not flushed yet (defined below). */
static int pending_lookup(hooft_store *s, const char *key, int64_t *art, char hash[65]);

int hooft_store_check(hooft_store *s, const hooft_article *a, int id_given, hooft_error *err) {
  ident id;
  if (identify(a, id_given, &id, err) < 0) return HOOFT_PUT_INVALID;
  int64_t art;
  char hash[65];
  free(s->absent_key);
  s->absent_key = NULL;
  int got = pending_lookup(s, id.key, &art, hash);
  if (!got) {
    got = lookup(s, id.key, &art, hash, err);
    /* not stored: the put that follows in this batch need not ask again (nobody else writes meanwhile) */
    if (got == 0 && s->in_batch) s->absent_key = hf_xstrdup(id.key);
    s->absent_batch = s->batch_seq;
  }
  int r = got < 0 ? -1 : got == 0 ? HOOFT_PUT_NEW : strcmp(hash, id.hash) == 0 ? HOOFT_PUT_UNCHANGED : HOOFT_PUT_REPLACED;
  ident_free(&id);
  return r;
}

/* ---- Batches ---------------------------------------------------------------------- */

int hooft_store_begin(hooft_store *s, hooft_error *err) {
  if (s->in_batch) {
    hf_error(err, "a batch is already open");
    return -1;
  }
  double t0 = now_s();
  if (lock_writer(s, err) < 0) return -1;
  s->in_batch = 1;
  s->batch_seq++;
  expected_reset(s);
  int64_t a, e;
  if (query_int(s, "SELECT max(id) FROM articles", NULL, 0, &a, err) < 0 ||
      query_int(s, "SELECT max(id) FROM events", NULL, 0, &e, err) < 0) {
    hooft_store_rollback(s);
    return -1;
  }
  s->next_article = a + 1;
  s->next_event = e + 1;
  if (!s->cache) s->cache = cache_new();
  /* the cached candidates hold while no other connection has written */
  int pg = hf_db_is_pg(s->db);
  int64_t others = 0;
  if (pg) {
    hf_stmt *st = s->st[ST_WRITES_GET];
    int got = s->db->ops->query(st, NULL, 0, err) < 0 ? -1 : s->db->ops->next(st, err);
    if (got == 1) {
      others = s->db->ops->col_int(st, 0);
      s->db->ops->end(st);
    }
    if (got < 0) {
      hooft_store_rollback(s);
      return -1;
    }
    s->writes = others;
  } else if (query_int(s, "PRAGMA data_version", NULL, 0, &others, err) < 0) {
    hooft_store_rollback(s);
    return -1;
  }
  if (others != s->others || cache_size(s->cache) > CACHE_EVENTS) cache_clear(s->cache);
  if (!pg) s->others = others;
  s->prof[PR_BEGIN] += now_s() - t0;
  return 0;
}

int hooft_store_flush(hooft_store *s, hooft_error *err) {
  if (!s->in_batch) {
    hf_error(err, "no batch is open");
    return -1;
  }
  return hf_store_flush(s, err);
}

int hooft_store_commit(hooft_store *s, hooft_error *err) {
  if (!s->in_batch) {
    hf_error(err, "no batch is open");
    return -1;
  }
  if (hf_store_flush(s, err) < 0) {
    hooft_store_rollback(s);
    return -1;
  }
  double t0 = now_s();
  int pg = hf_db_is_pg(s->db);
  if ((pg && write_st(s, ST_WRITES_BUMP, NULL, 0, err) < 0) || s->db->ops->exec(s->db, "COMMIT", err) < 0) {
    hooft_store_rollback(s);
    return -1;
  }
  if (pg) s->others = s->writes + 1; /* our own commit */
  s->prof[PR_COMMIT] += now_s() - t0;
  s->in_batch = 0;
  return 0;
}

void hooft_store_rollback(hooft_store *s) {
  if (!s->in_batch) return;
  s->db->ops->sync(s->db, NULL);
  s->db->ops->exec(s->db, "ROLLBACK", NULL); /* SQLite may have rolled back already */
  cache_clear(s->cache);
  rows_clear(s->rows);
  s->in_batch = 0;
}

/* ---- Rows written at the flush ------------------------------------------------------- */

/* The rows a flush writes, per table: collected in memory while the batch's
 * mentions are filed, then appended with the backend's bulk write (PostgreSQL
 * COPY, SQLite one prepared INSERT per table). hooft_ev_update and
 * hooft_rollup are temporary tables: the changed stored events and the
 * rollup's changes, applied by one UPDATE and one upsert each. */
enum { RB_ARTICLES, RB_SENTENCES, RB_MENTIONS, RB_SOURCES, RB_EVENTS, RB_EV_UPDATE, RB_ROLLUP,
       RB_COUNT };

#define EVENT_COLS                                                                                                  \
  "id, day, last_day, week, month, source_code, source_country, source_name, target_code, target_country, "        \
  "target_name, cameo, root, quad, goldstein, plover, negated, certainty, location_name, location_country, "       \
  "location_lat, location_lon, location_feature, mentions, sources, articles, first_article, first_seq, added, codes"
#define EV_UPDATE_COLS                                                                                              \
  "id, wide, day, last_day, week, month, cameo, quad, goldstein, plover, codes, certainty, location_name, "         \
  "location_country, location_lat, location_lon, location_feature, mentions, articles, sources, first_article, "  \
  "first_seq, source_name, target_name"

static const struct {
  const char *table, *cols;
  int ignore;          /* rows that are stored already are skipped */
  const char *pg_cols; /* PostgreSQL's columns, where it has more */
} rowbuf_spec[RB_COUNT] = {
    [RB_ARTICLES] = {"articles", "id, key, content_hash, url, source, title, date, day, lang, events, ingested", 0, NULL},
    [RB_SENTENCES] = {"sentences", "id, article_id, sentence, text", 0, "id, article_id, sentence, text, terms"},
    [RB_MENTIONS] = {"mentions",
                     "id, article_id, seq, event_id, day, date, date_end, date_precision, sentence, span_start, span_end, "
                     "source_code, source_name, source_country, target_code, target_name, target_country, cameo, "
                     "root, quad, goldstein, plover, negated, verb, pattern, rule, attribution, attribution_code, "
                     "attribution_country, certainty, quantities, location_name, location_country, location_lat, "
                     "location_lon, location_feature",
                     0, NULL},
    /* an event's new sources: the cache knows its stored ones (read when a mention first joins it) */
    [RB_SOURCES] = {"event_sources", "event_id, source", 0, NULL},
    [RB_EVENTS] = {"events", EVENT_COLS, 0, NULL},
    [RB_EV_UPDATE] = {"hooft_ev_update", EV_UPDATE_COLS, 0, NULL},
    [RB_ROLLUP] = {"hooft_rollup", "source_code, target_code, month, negated, events, mentions, goldstein", 0, NULL},
};

/* The temporary tables, made when the store is opened (one per connection). */
static const char *const temp_tables =
    "CREATE TEMP TABLE IF NOT EXISTS hooft_touched (id BIGINT PRIMARY KEY);"
    "CREATE TEMP TABLE IF NOT EXISTS hooft_ev_update (id BIGINT PRIMARY KEY, wide INTEGER NOT NULL, day INTEGER,"
    " last_day INTEGER, week INTEGER, month INTEGER, cameo TEXT, quad INTEGER, goldstein DOUBLE PRECISION, plover TEXT,"
    " codes TEXT, certainty TEXT, location_name TEXT, location_country TEXT, location_lat DOUBLE PRECISION,"
    " location_lon DOUBLE PRECISION, location_feature TEXT, mentions INTEGER, articles INTEGER, sources INTEGER,"
    " first_article BIGINT,"
    " first_seq INTEGER, source_name TEXT, target_name TEXT);"
    "CREATE TEMP TABLE IF NOT EXISTS hooft_rollup (source_code TEXT, target_code TEXT, month INTEGER,"
    " negated INTEGER, events BIGINT, mentions BIGINT, goldstein DOUBLE PRECISION)";

/* Applies the temporary tables, then empties them: the changed stored events
 * (only those whose first day moved get their indexed day, week and month
 * written: the other updates leave every index alone) and the rollup. */
#define EV_UPDATE_SET                                                                                               \
  "last_day = u.last_day, cameo = u.cameo, quad = u.quad, goldstein = u.goldstein, plover = u.plover, "            \
  "codes = u.codes, certainty = u.certainty, location_name = u.location_name, location_country = u.location_country, " \
  "location_lat = u.location_lat, location_lon = u.location_lon, location_feature = u.location_feature, "          \
  "mentions = u.mentions, articles = u.articles, "                                                                  \
  "sources = u.sources, first_article = u.first_article, "                                                       \
  "first_seq = u.first_seq, source_name = COALESCE(u.source_name, events.source_name), "                          \
  "target_name = COALESCE(u.target_name, events.target_name)"
static const char *const apply_updates =
    "UPDATE events SET " EV_UPDATE_SET " FROM hooft_ev_update u WHERE events.id = u.id AND u.wide = 0;"
    "UPDATE events SET day = u.day, week = u.week, month = u.month, " EV_UPDATE_SET
    " FROM hooft_ev_update u WHERE events.id = u.id AND u.wide = 1;"
    "INSERT INTO dyad_months (source_code, target_code, month, negated, events, mentions, goldstein) "
    "SELECT source_code, target_code, month, negated, events, mentions, goldstein FROM hooft_rollup WHERE true "
    "ON CONFLICT (source_code, target_code, month, negated) DO UPDATE SET "
    "events = dyad_months.events + excluded.events, mentions = dyad_months.mentions + excluded.mentions, "
    "goldstein = dyad_months.goldstein + excluded.goldstein;"
    "DELETE FROM hooft_ev_update; DELETE FROM hooft_rollup";

typedef struct rowbuf {
  int ncols;
  HF_VEC(hf_val) vals; /* waiting rows, text in arena */
  size_t rows;
  hf_arena arena;
} rowbuf;

struct hf_rowbuf {
  rowbuf b[RB_COUNT];
};

/* The columns a kind of row has on the store's backend. */
static const char *rows_cols(const hooft_store *s, int kind) {
  return rowbuf_spec[kind].pg_cols && hf_db_is_pg(s->db) ? rowbuf_spec[kind].pg_cols : rowbuf_spec[kind].cols;
}

static struct hf_rowbuf *rows_new(const hooft_store *s) {
  struct hf_rowbuf *r = hf_xcalloc(1, sizeof *r);
  for (int k = 0; k < RB_COUNT; k++) {
    int n = 1;
    for (const char *p = rows_cols(s, k); *p; p++) n += *p == ',';
    r->b[k].ncols = n;
  }
  return r;
}

/* Drops the waiting rows (after a rollback, or once written). */
static void rows_clear(struct hf_rowbuf *r) {
  if (!r) return;
  for (int k = 0; k < RB_COUNT; k++) {
    r->b[k].vals.n = 0;
    r->b[k].rows = 0;
    hf_arena_free(&r->b[k].arena);
  }
}

static void rows_free(hooft_store *s) {
  struct hf_rowbuf *r = s->rows;
  if (!r) return;
  rows_clear(r);
  for (int k = 0; k < RB_COUNT; k++) free(r->b[k].vals.v);
  free(r);
  s->rows = NULL;
}

/* Queues a row of buffer kind (its ncols values): the text of the columns in
 * mask (bit i: column i) is copied, the rest borrowed (the flush writes the
 * rows before the batch's copies of the coder's strings and the cached
 * events' fields go). */
static void rows_add_copy(hooft_store *s, int kind, const hf_val *p, uint64_t mask) {
  if (!s->rows) s->rows = rows_new(s);
  rowbuf *b = &s->rows->b[kind];
  for (int i = 0; i < b->ncols; i++) {
    hf_val v = p[i];
    if (v.t == HF_TEXT && (mask >> i & 1)) v.s = hf_arena_strdup(&b->arena, v.s);
    HF_VEC_PUSH(b->vals, v);
  }
  b->rows++;
}

/* Queues a row with all its text copied. */
static void rows_add(hooft_store *s, int kind, const hf_val *p) { rows_add_copy(s, kind, p, ~(uint64_t)0); }

#define COL(i) ((uint64_t)1 << (i))

/* SQLite: the sentences just written into the full-text index (defined with the flush below). */
static int fts_add(hooft_store *s, hooft_error *err);

/* Writes every waiting row, table after table in the order of the RB_ kinds,
 * then applies the temporary tables. */
static int rows_flush(hooft_store *s, hooft_error *err) {
  if (!s->rows) return 0;
  int rc = 0, temp = 0;
  static const int phase[RB_COUNT] = {PR_ARTICLES, PR_SENTENCES, PR_MENTIONS, PR_SOURCES,
                                      PR_EVENTS,   PR_EV_UPDATE, PR_ROLLUP};
  for (int k = 0; k < RB_COUNT && rc == 0; k++) {
    rowbuf *b = &s->rows->b[k];
    if (!b->rows) continue;
    double t0 = now_s();
    if ((k == RB_EV_UPDATE || k == RB_ROLLUP) && !hf_db_is_pg(s->db)) {
      /* SQLite: each changed event and rollup row in place, by prepared statements */
      for (size_t r = 0; r < b->rows && rc == 0; r++) {
        const hf_val *v = b->vals.v + r * (size_t)b->ncols;
        int which = k == RB_ROLLUP ? ST_ROLLUP_ADD : v[1].i ? ST_EV_SET_WIDE : ST_EV_SET;
        rc = write_st(s, which, v, b->ncols, err);
      }
    } else {
      rc = s->db->ops->bulk(s->db, rowbuf_spec[k].table, rows_cols(s, k), b->vals.v, b->ncols, b->rows,
                            rowbuf_spec[k].ignore, err);
      temp |= k == RB_EV_UPDATE || k == RB_ROLLUP;
    }
    s->prof[phase[k]] += now_s() - t0;
    if (rc == 0 && k == RB_SENTENCES && !hf_db_is_pg(s->db)) rc = fts_add(s, err);
  }
  double t0 = now_s();
  /* PostgreSQL plans the joins with the temporary tables' real sizes (no autovacuum analyzes them) */
  if (rc == 0 && temp && hf_db_is_pg(s->db)) rc = s->db->ops->exec(s->db, "ANALYZE hooft_ev_update (id)", err);
  if (rc == 0 && temp) rc = s->db->ops->exec(s->db, apply_updates, err);
  s->prof[PR_APPLY] += now_s() - t0;
  rows_clear(s->rows);
  return rc;
}

/* ---- Deduplication ------------------------------------------------------------------ */

/* Where an event happened, as far as known. */
typedef struct place {
  int known;        /* has a country */
  char country[8];
  char *name;       /* owned, or NULL */
  int has_coords;
  double lat, lon;
  char *feature;    /* owned, or NULL: "city", "capital", "region", "country" */
} place;

static void place_set(place *p, const char *name, const char *country, int has_coords, double lat, double lon,
                      const char *feature) {
  p->known = country && *country;
  if (!p->known) return;
  snprintf(p->country, sizeof p->country, "%s", country);
  p->name = name ? hf_xstrdup(name) : NULL;
  p->has_coords = has_coords;
  p->lat = has_coords ? lat : 0;
  p->lon = has_coords ? lon : 0;
  p->feature = feature ? hf_xstrdup(feature) : NULL;
}

/* Sets p from columns i.. of a row: name, country, lat, lon, feature. */
static void place_from_row(place *p, const hf_db_ops *o, hf_stmt *st, int i) {
  int coords = !o->isnull(st, i + 2) && !o->isnull(st, i + 3);
  place_set(p, o->col_text(st, i), o->col_text(st, i + 1), coords, coords ? o->col_real(st, i + 2) : 0,
            coords ? o->col_real(st, i + 3) : 0, o->col_text(st, i + 4));
}

static void place_free(place *p) {
  free(p->name);
  free(p->feature);
  memset(p, 0, sizeof *p);
}

static int is_town(const place *p) {
  return p->has_coords && p->feature && (!strcmp(p->feature, "city") || !strcmp(p->feature, "capital"));
}

/* Great-circle distance in km. */
static double km(const place *a, const place *b) {
  double r = 3.14159265358979323846 / 180, dlat = (b->lat - a->lat) * r, dlon = (b->lon - a->lon) * r;
  double h = sin(dlat / 2) * sin(dlat / 2) + cos(a->lat * r) * cos(b->lat * r) * sin(dlon / 2) * sin(dlon / 2);
  return 2 * 6371.0 * asin(sqrt(h < 1 ? h : 1));
}

/* Two places are compatible unless both are known and lie in different
 * countries, or are both towns more than HOOFT_DEDUP_KM apart. */
#define HOOFT_DEDUP_KM 50.0
static int compatible(const place *a, const place *b) {
  if (!a->known || !b->known) return 1;
  if (strcmp(a->country, b->country) != 0) return 0;
  return !(is_town(a) && is_town(b) && km(a, b) > HOOFT_DEDUP_KM);
}

/* Certainty categories, least to most certain; an event has its most certain mention's. */
static int certainty_rank(const char *c) {
  static const char *const order[] = {"hypothetical", "hedged", "reported", "asserted"};
  for (int i = 0; c && i < 4; i++)
    if (c[0] == order[i][0] && c[1] == order[i][1] && !strcmp(c, order[i])) return i + 1;
  return 0;
}

/* An event's mentions of one code (the events row keeps them all in
 * `codes`), with the code's quad, Goldstein score and PLOVER category when
 * known (the event's own code, or a mention of this batch has it). */
typedef struct tally {
  char code[8];
  int64_t n;
  int known, quad;
  double goldstein;
  char plover[32]; /* "" for none */
} tally;

/* An event a mention may join: read from the store, or made in this batch.
 * The fields mirror the events row, kept up to date as mentions join; the
 * row is written once, at the batch's flush. */
typedef struct cand {
  int64_t id;
  int day, last_day;        /* yyyymmdd */
  char cameo[8];            /* its code now: the most frequent among its mentions */
  int quad;
  double goldstein;
  char *plover;             /* owned, or NULL */
  int recode;               /* its new code's quad, Goldstein, PLOVER are read from its mentions at flush */
  char certainty[16];       /* "" if none */
  place loc;
  int64_t mentions, articles, first_article;
  int first_seq;
  int64_t touched_art;      /* the last article that has a mention in it, -1 none */
  int64_t seen_art;         /* the article for which seen_cameo holds */
  char seen_cameo[8];       /* its code when that article first met it (the rules compare that) */
  int dirty, isnew;         /* changed in this batch; made in this batch */
  const struct evgroup *g;  /* its dedup key */
  char *src_name, *tgt_name; /* owned: the first mention's actor names, when they changed (or new) */
  HF_VEC(tally) codes;      /* all its mentions per code */
  HF_VEC(const char *) srcs; /* its sources (interned in the cache's strs): all of them once srcs_known */
  int srcs_known;           /* made here, or its stored sources were read (when a mention first joined it) */
  /* a stored event's row as read, for the rollup */
  int old_day;
  int64_t old_mentions;
  double old_goldstein;
  /* a new event's fields from the mention that made it (owned) */
  char *src_code, *src_country, *tgt_code, *tgt_country, *root;
  int negated;
  char added[16];
} cand;

/* The events with one dedup key (actors, root, polarity), and the days of
 * the mentions of the batch being filed. */
typedef struct evgroup {
  char *key; /* owned: "SRC\x1fTGT\x1fROOT\x1fNEG" */
  char *src, *tgt, *root; /* owned */
  int negated;
  size_t idx;           /* its place in the cache's list */
  HF_VEC(size_t) cands; /* indexes into the cache's cands */
  HF_VEC(int) days;
} evgroup;

/* A hash map from 64-bit keys to non-negative numbers (open addressing). */
typedef struct i64map {
  uint64_t *keys;
  int64_t *vals; /* value + 1; 0 = empty slot */
  size_t cap, n;
} i64map;

static size_t i64_slot(const i64map *m, uint64_t key) {
  uint64_t h = key * 0x9e3779b97f4a7c15ULL;
  size_t i = (size_t)(h >> 17) & (m->cap - 1);
  while (m->vals[i] && m->keys[i] != key) i = (i + 1) & (m->cap - 1);
  return i;
}

/* The value of key, or -1. */
static int64_t i64_get(const i64map *m, uint64_t key) {
  if (!m->cap) return -1;
  size_t i = i64_slot(m, key);
  return m->vals[i] ? m->vals[i] - 1 : -1;
}

static void i64_put(i64map *m, uint64_t key, int64_t val) {
  if (2 * (m->n + 1) > m->cap) {
    i64map g = {hf_xcalloc(m->cap ? 2 * m->cap : 256, sizeof *g.keys), NULL, m->cap ? 2 * m->cap : 256, m->n};
    g.vals = hf_xcalloc(g.cap, sizeof *g.vals);
    for (size_t i = 0; i < m->cap; i++)
      if (m->vals[i]) {
        size_t j = i64_slot(&g, m->keys[i]);
        g.keys[j] = m->keys[i];
        g.vals[j] = m->vals[i];
      }
    free(m->keys);
    free(m->vals);
    *m = g;
  }
  size_t i = i64_slot(m, key);
  if (!m->vals[i]) m->n++;
  m->keys[i] = key;
  m->vals[i] = val + 1;
}

static void i64_free(i64map *m) {
  free(m->keys);
  free(m->vals);
  memset(m, 0, sizeof *m);
}

/* The candidates of one group whose first day is one day: a list through the cache's nodes. */
typedef struct dnode {
  size_t cand;
  int64_t next; /* -1 at the end */
} dnode;

/* An article put in the open batch, waiting for the flush; its events are
 * deep copies (strings in the cache's arena). */
typedef struct pend_article {
  int64_t art;
  const char *source; /* URL host or "id:KEY" */
  int day;            /* publication date, yyyymmdd or 0 */
  char stamp[16];
  size_t first, n;    /* its events in the cache's events */
} pend_article;

typedef struct pend_event {
  hooft_event e;
  int day;     /* the mention's date (mention_day) */
  evgroup *g;  /* its dedup key's group */
} pend_event;

/* The key and content hash of a new article in the batch (for checks before the flush). */
typedef struct pend_key {
  int64_t art;
  char hash[65];
} pend_key;

/* The candidate events stay in memory from batch to batch (the ingest
 * connection is normally the only writer): covered lists the (group, first
 * day) pairs whose stored events are all in the cache, so only the others are
 * read. The cache is emptied when another connection has written (checked at
 * begin), after a rollback or a failed flush, when an article is replaced
 * (its events are recomputed in the store), and when it grows past
 * CACHE_EVENTS events. */
struct hf_evcache {
  hf_map groups; /* key -> evgroup */
  i64map covered; /* day_key(group, day number) -> 1 */
  hf_intern strs; /* the events' sources */
  HF_VEC(size_t) unloaded; /* candidates joined in this flush whose stored sources are still to be read */
  int fresh;               /* emptied: base is set at the next filing */
  int64_t base;            /* every stored event with a higher id is in the cache (0: all are) */
  HF_VEC(evgroup *) list;
  HF_VEC(cand) cands;
  /* what the batch put since the last flush */
  hf_arena arena;
  HF_VEC(pend_article) arts;
  HF_VEC(pend_event) events;
  hf_map keys; /* article key -> pend_key */
  /* candidates by (group, first day): (group idx << 32 | day number) -> first node */
  i64map byday;
  HF_VEC(dnode) nodes;
  i64map byid; /* event id -> candidate */
  hf_buf key; /* the key being looked up (group_for) */
};

typedef struct article_ctx {
  const pend_article *a;
  HF_VEC(int) sentences;
} article_ctx;

static const char *nz(const char *s) { return s ? s : ""; }
static char *dupz(const char *s) { return s ? hf_xstrdup(s) : NULL; }

static void cand_free(cand *x) {
  place_free(&x->loc);
  free(x->plover);
  free(x->src_name);
  free(x->tgt_name);
  free(x->codes.v);
  free(x->srcs.v);
  free(x->src_code);
  free(x->src_country);
  free(x->tgt_code);
  free(x->tgt_country);
  free(x->root);
}

/* Empties the cache (after a rollback, a failed flush, another writer...). */
static void cache_clear(struct hf_evcache *ec) {
  if (!ec) return;
  i64_free(&ec->covered);
  hf_intern_free(&ec->strs);
  free(ec->unloaded.v);
  for (size_t i = 0; i < ec->cands.n; i++) cand_free(&ec->cands.v[i]);
  for (size_t i = 0; i < ec->list.n; i++) {
    evgroup *g = ec->list.v[i];
    free(g->key);
    free(g->src);
    free(g->tgt);
    free(g->root);
    free(g->cands.v);
    free(g->days.v);
    free(g);
  }
  hf_map_free(&ec->groups);
  hf_map_free(&ec->keys);
  i64_free(&ec->byday);
  i64_free(&ec->byid);
  free(ec->nodes.v);
  hf_arena_free(&ec->arena);
  free(ec->list.v);
  free(ec->cands.v);
  free(ec->arts.v);
  free(ec->events.v);
  hf_buf_free(&ec->key);
  memset(ec, 0, sizeof *ec);
  ec->fresh = 1;
}

/* The cache's size in events (a covered day counts as a small part of one). */
static size_t cache_size(const struct hf_evcache *ec) { return ec->cands.n + ec->covered.n / 16; }

static struct hf_evcache *cache_new(void) {
  struct hf_evcache *ec = hf_xcalloc(1, sizeof(struct hf_evcache));
  ec->fresh = 1;
  return ec;
}

static void cache_free(struct hf_evcache *ec) {
  cache_clear(ec);
  free(ec);
}

/* After a successful flush: the candidates now match their stored rows, and
 * what the batch put is gone. Returns 0, or -1 when the cache cannot be kept
 * (an event was recoded from its stored mentions). */
static int cache_settle(struct hf_evcache *ec) {
  for (size_t i = 0; i < ec->cands.n; i++) {
    cand *x = &ec->cands.v[i];
    if (x->recode) return -1;
    if (!x->dirty) continue;
    x->dirty = x->isnew = 0;
    x->old_day = x->day;
    x->old_mentions = x->mentions;
    x->old_goldstein = x->goldstein;
    free(x->src_name);
    free(x->tgt_name);
    x->src_name = x->tgt_name = NULL;
    free(x->src_code);
    free(x->src_country);
    free(x->tgt_code);
    free(x->tgt_country);
    free(x->root);
    x->src_code = x->src_country = x->tgt_code = x->tgt_country = x->root = NULL;
  }
  for (size_t i = 0; i < ec->list.n; i++) ec->list.v[i]->days.n = 0;
  hf_map_free(&ec->keys);
  hf_arena_free(&ec->arena);
  ec->arts.n = 0;
  ec->events.n = 0;
  ec->unloaded.n = 0;
  return 0;
}

/* The group of key (src, tgt, root, negated), made if new. */
static evgroup *group_for(struct hf_evcache *ec, const char *src, const char *tgt, const char *root, int negated) {
  hf_buf *b = &ec->key; /* "SRC\x1fTGT\x1fROOT\x1fNEG", made without printf: once per mention */
  b->len = 0;
  hf_buf_puts(b, src);
  hf_buf_putc(b, '\x1f');
  hf_buf_puts(b, tgt);
  hf_buf_putc(b, '\x1f');
  hf_buf_puts(b, root);
  hf_buf_putc(b, '\x1f');
  hf_buf_putc(b, negated ? '1' : '0');
  evgroup *g = hf_map_getn(&ec->groups, b->data, b->len);
  if (g) return g;
  g = hf_xcalloc(1, sizeof *g);
  g->key = hf_xstrndup(b->data, b->len);
  g->src = hf_xstrdup(src);
  g->tgt = hf_xstrdup(tgt);
  g->root = hf_xstrdup(root);
  g->negated = negated;
  hf_map_put(&ec->groups, g->key, g);
  g->idx = ec->list.n;
  HF_VEC_PUSH(ec->list, g);
  return g;
}

static uint64_t day_key(const evgroup *g, long dn) { return (uint64_t)g->idx << 32 | (uint32_t)dn; }

/* Files candidate ci under its group and first day (again when that day moved:
 * the old entry is then skipped as stale). */
static void cand_index(struct hf_evcache *ec, const evgroup *g, size_t ci) {
  int day = ec->cands.v[ci].day;
  if (!day) return; /* undated: never joined */
  uint64_t k = day_key(g, hf_day_number(day));
  dnode n = {ci, i64_get(&ec->byday, k)};
  HF_VEC_PUSH(ec->nodes, n);
  i64_put(&ec->byday, k, (int64_t)ec->nodes.n - 1);
}

static int has_day(const evgroup *g, int day) {
  for (size_t i = 0; i < g->days.n; i++)
    if (g->days.v[i] == day) return 1;
  return 0;
}

/* The day of the event mention e: the date the coder resolved (a month or
 * year counts from its first day), else the publication day. */
static int mention_day(const hooft_event *e, int pub_day) {
  const char *d = e->date;
  if (!d) return pub_day;
  size_t n = strlen(d);
  if (n != 10 && n != 7 && n != 4) return pub_day;
  char buf[11] = "0000-01-01"; /* YYYY-MM and YYYY: the first day */
  memcpy(buf, d, n);
  int day = hf_parse_date(buf, 10);
  return day ? day : pub_day;
}

/* Counts n more mentions of code in x's tally; q (may be NULL) gives the
 * code's quad, Goldstein score and PLOVER category. */
static void tally_add(cand *x, const char *code, int64_t n, const hooft_event *q) {
  tally *t = NULL;
  for (size_t i = 0; i < x->codes.n && !t; i++)
    if (!strcmp(x->codes.v[i].code, code)) t = &x->codes.v[i];
  if (!t) {
    tally z = {{0}, 0, 0, 0, 0, {0}};
    size_t n = strlen(code);
    memcpy(z.code, code, n < sizeof z.code ? n : sizeof z.code - 1);
    HF_VEC_PUSH(x->codes, z);
    t = &x->codes.v[x->codes.n - 1];
  }
  t->n += n;
  if (q && !t->known) {
    t->known = 1;
    t->quad = q->quad;
    t->goldstein = q->goldstein;
    snprintf(t->plover, sizeof t->plover, "%s", nz(q->plover));
  }
}

/* Reads a tally "CODE:N,CODE:N" (as codes_text writes it) into x. */
static void tally_parse(cand *x, const char *text) {
  for (const char *p = nz(text); *p;) {
    size_t n = strcspn(p, ":,");
    char code[8];
    snprintf(code, sizeof code, "%.*s", (int)(n < 7 ? n : 7), p);
    p += n;
    int64_t count = 1;
    if (*p == ':') count = strtoll(p + 1, (char **)&p, 10);
    if (*p == ',') p++;
    tally_add(x, code, count, NULL);
  }
}

static int tally_cmp(const void *a, const void *b) { return strcmp(((const tally *)a)->code, ((const tally *)b)->code); }

/* x's tally as text, by code: "190:2,193:1" (into b). */
static const char *codes_text(cand *x, hf_buf *b) {
  b->len = 0;
  if (x->codes.n > 1) qsort(x->codes.v, x->codes.n, sizeof *x->codes.v, tally_cmp);
  for (size_t i = 0; i < x->codes.n; i++) { /* without printf: once per changed event */
    char num[24];
    int k = (int)sizeof num;
    num[--k] = 0;
    for (uint64_t v = (uint64_t)x->codes.v[i].n; v || k == (int)sizeof num - 1; v /= 10) num[--k] = (char)('0' + v % 10);
    if (i) hf_buf_putc(b, ',');
    hf_buf_puts(b, x->codes.v[i].code);
    hf_buf_putc(b, ':');
    hf_buf_puts(b, num + k);
  }
  return hf_buf_cstr(b);
}

/* x takes its most frequent code (ties: the lowest), with that code's quad,
 * Goldstein score and PLOVER category; when the tally does not know them
 * (cannot happen while counts only grow) they are read from the mentions at flush. */
static void tally_pick(cand *x) {
  const tally *best = NULL;
  for (size_t i = 0; i < x->codes.n; i++) {
    const tally *t = &x->codes.v[i];
    if (!best || t->n > best->n || (t->n == best->n && strcmp(t->code, best->code) < 0)) best = t;
  }
  if (!best || !strcmp(best->code, x->cameo)) return;
  memcpy(x->cameo, best->code, sizeof x->cameo);
  if (!best->known) {
    x->recode = 1;
    return;
  }
  x->quad = best->quad;
  x->goldstein = best->goldstein;
  free(x->plover);
  x->plover = best->plover[0] ? hf_xstrdup(best->plover) : NULL;
}

/* Adds the candidate in the current row of st (the columns of ST_CANDIDATES)
 * to group g, unless the batch has it already (its version in memory is newer). */
static void add_candidate(struct hf_evcache *ec, evgroup *g, const hf_db_ops *o, hf_stmt *st) {
  int64_t id = o->col_int(st, 0);
  if (i64_get(&ec->byid, (uint64_t)id) >= 0) return;
  cand x = {0};
  x.id = id;
  x.day = x.old_day = (int)o->col_int(st, 1);
  x.last_day = (int)o->col_int(st, 2);
  snprintf(x.cameo, sizeof x.cameo, "%s", nz(o->col_text(st, 3)));
  snprintf(x.certainty, sizeof x.certainty, "%s", nz(o->col_text(st, 4)));
  place_from_row(&x.loc, o, st, 5);
  x.mentions = x.old_mentions = o->col_int(st, 10);
  x.articles = o->col_int(st, 11);
  x.first_article = o->col_int(st, 12);
  x.first_seq = (int)o->col_int(st, 13);
  x.quad = (int)o->col_int(st, 14);
  x.goldstein = x.old_goldstein = o->col_real(st, 15);
  x.plover = dupz(o->col_text(st, 16));
  tally_parse(&x, o->col_text(st, 17));
  /* the event's own code: its quad, Goldstein score and PLOVER category are the row's */
  hooft_event own = {0};
  own.quad = x.quad;
  own.goldstein = x.goldstein;
  own.plover = x.plover;
  tally_add(&x, x.cameo, 0, &own);
  x.touched_art = x.seen_art = -1;
  x.negated = g->negated;
  x.g = g;
  HF_VEC_PUSH(ec->cands, x);
  HF_VEC_PUSH(g->cands, ec->cands.n - 1);
  i64_put(&ec->byid, (uint64_t)id, (int64_t)ec->cands.n - 1);
  cand_index(ec, g, ec->cands.n - 1);
}

/* Reads the stored events of group g whose first day lies within day
 * numbers lo..hi into the candidates (those not there already). */
static int load_candidates(hooft_store *s, evgroup *g, long lo, long hi, hooft_error *err) {
  hf_val p[] = {hf_text(g->src),         hf_text(g->tgt), hf_text(g->root), hf_int(g->negated),
                hf_int(hf_day_from_number(lo)), hf_int(hf_day_from_number(hi))};
  hf_stmt *st = s->st[ST_CANDIDATES];
  const hf_db_ops *o = s->db->ops;
  if (o->query(st, p, 6, err) < 0) return -1;
  int got;
  while ((got = o->next(st, err)) == 1) add_candidate(s->cache, g, o, st);
  return got < 0 ? -1 : 0;
}

/* A group and the day numbers lo..hi whose candidates are wanted. */
typedef struct gday {
  evgroup *g;
  long lo, hi;
} gday;

/* PostgreSQL: the candidates of many (group, days) ranges in one query (the
 * ranges as arrays, unnested; a lateral join looks each up in events_key):
 * one round trip per CAND_CHUNK ranges instead of one per range. */
#define CAND_CHUNK 4000
static int load_all_candidates(hooft_store *s, const gday *want, size_t n, hooft_error *err) {
  const hf_db_ops *o = s->db->ops;
  for (size_t from = 0; from < n; from += CAND_CHUNK) {
    size_t to = from + CAND_CHUNK < n ? from + CAND_CHUNK : n;
    hf_buf a[7] = {{0}};
    for (size_t i = from; i < to; i++) {
      const evgroup *g = want[i].g;
      array_text(&a[0], g->src);
      array_text(&a[1], g->tgt);
      array_text(&a[2], g->root);
      array_int(&a[3], g->negated);
      array_int(&a[4], hf_day_from_number(want[i].lo));
      array_int(&a[5], hf_day_from_number(want[i].hi));
      array_int(&a[6], (long long)i);
    }
    hf_val p[7];
    for (int k = 0; k < 7; k++) {
      hf_buf_putc(&a[k], '}');
      p[k] = hf_text(hf_buf_cstr(&a[k]));
    }
    hf_stmt *st = o->prepare(
        s->db,
        "SELECT e.id, e.day, e.last_day, e.cameo, e.certainty, e.location_name, e.location_country, e.location_lat, "
        "e.location_lon, e.location_feature, e.mentions, e.articles, e.first_article, e.first_seq, e.quad, "
        "e.goldstein, e.plover, e.codes, k.i FROM unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::int[], "
        "?::int[], ?::bigint[]) AS k(s, t, r, n, lo, hi, i) CROSS JOIN LATERAL (SELECT * FROM events WHERE "
        "source_code = k.s AND target_code = k.t AND root = k.r AND negated = k.n AND day BETWEEN k.lo AND k.hi) e",
        0, err);
    int rc = st ? o->query(st, p, 7, err) : -1;
    int got = 0;
    while (rc == 0 && (got = o->next(st, err)) == 1) {
      int64_t i = o->col_int(st, 18);
      if (i >= (int64_t)from && i < (int64_t)to) add_candidate(s->cache, want[i].g, o, st);
    }
    if (got < 0) rc = -1;
    if (st) o->finalize(st);
    for (int k = 0; k < 7; k++) hf_buf_free(&a[k]);
    if (rc < 0) return -1;
  }
  return 0;
}

/* Reads the stored sources of the stored events that mentions of this flush
 * joined (the cache's `unloaded` list; until now their srcs held only the
 * batch's), and queues the rows of the batch's sources they did not have:
 * PostgreSQL one query per SRC_CHUNK events, with the ids as an array; SQLite
 * one indexed look-up per event. */
#define SRC_CHUNK 4000
static int load_sources(hooft_store *s, hooft_error *err) {
  struct hf_evcache *ec = s->cache;
  const hf_db_ops *o = s->db->ops;
  int pg = hf_db_is_pg(s->db), rc = 0;
  HF_VEC(size_t) nbatch = {0}; /* per unloaded event: how many of its srcs the batch gave */
  for (size_t i = 0; i < ec->unloaded.n; i++) HF_VEC_PUSH(nbatch, ec->cands.v[ec->unloaded.v[i]].srcs.n);
  for (size_t from = 0; from < ec->unloaded.n && rc == 0; from += pg ? SRC_CHUNK : 1) {
    size_t to = pg && from + SRC_CHUNK < ec->unloaded.n ? from + SRC_CHUNK : pg ? ec->unloaded.n : from + 1;
    hf_buf ids = {0};
    hf_val p[1];
    if (pg) {
      for (size_t i = from; i < to; i++) array_int(&ids, (long long)ec->cands.v[ec->unloaded.v[i]].id);
      hf_buf_putc(&ids, '}');
      p[0] = hf_text(hf_buf_cstr(&ids));
    } else {
      p[0] = hf_int(ec->cands.v[ec->unloaded.v[from]].id);
    }
    hf_stmt *st = s->st[ST_SOURCES];
    rc = o->query(st, p, 1, err);
    int got = 0;
    while (rc == 0 && (got = o->next(st, err)) == 1) {
      int64_t ci = i64_get(&ec->byid, (uint64_t)o->col_int(st, 0));
      const char *src = o->col_text(st, 1);
      if (ci < 0 || !src) continue;
      cand *x = &ec->cands.v[ci];
      HF_VEC_PUSH(x->srcs, hf_intern_s(&ec->strs, src));
    }
    if (got < 0) rc = -1;
    hf_buf_free(&ids);
  }
  /* the batch's sources that are not stored yet: queued, and the event's sources are complete */
  for (size_t i = 0; i < ec->unloaded.n && rc == 0; i++) {
    cand *x = &ec->cands.v[ec->unloaded.v[i]];
    size_t nb = nbatch.v[i], n = nb;
    for (size_t j = 0; j < nb; j++) {
      size_t k = nb;
      while (k < x->srcs.n && x->srcs.v[k] != x->srcs.v[j]) k++;
      if (k < x->srcs.n) continue; /* stored already */
      hf_val q[] = {hf_int(x->id), hf_text(x->srcs.v[j])};
      rows_add_copy(s, RB_SOURCES, q, 0); /* interned in the cache */
    }
    for (size_t k = nb; k < x->srcs.n; k++) { /* then the stored ones not among them, once */
      size_t j = 0;
      while (j < nb && x->srcs.v[j] != x->srcs.v[k]) j++;
      if (j == nb) x->srcs.v[n++] = x->srcs.v[k];
    }
    x->srcs.n = n;
    x->srcs_known = 1;
  }
  free(nbatch.v);
  ec->unloaded.n = 0;
  return rc;
}

static long day_gap(long dn, const cand *x) {
  long a = hf_day_number(x->day), b = hf_day_number(x->last_day);
  return dn < a ? a - dn : dn > b ? dn - b : 0;
}

/* The event mention e (day yyyymmdd, place loc) of article art joins, or
 * NULL: same key (group g); all mentions within the window; compatible
 * places; preferring the same code (the event's code when the article first
 * met it), then the nearest dates, then the oldest event. */
static cand *choose(struct hf_evcache *ec, evgroup *g, int64_t art, const hooft_event *e, int day, const place *loc) {
  if (!day) return NULL; /* undated mentions are never merged */
  long dn = hf_day_number(day);
  cand *best = NULL;
  long best_gap = 0;
  int best_same = 0;
  /* an event within the window has its first day within the window around day */
  for (long d = dn - HOOFT_DEDUP_WINDOW; d <= dn + HOOFT_DEDUP_WINDOW; d++) {
    for (int64_t ni = i64_get(&ec->byday, day_key(g, d)); ni >= 0; ni = ec->nodes.v[ni].next) {
      cand *x = &ec->cands.v[ec->nodes.v[ni].cand];
      if (hf_day_number(x->day) != d) continue; /* its first day moved: filed again there */
      long lo = hf_day_number(x->day < day ? x->day : day), hi = hf_day_number(x->last_day > day ? x->last_day : day);
      if (hi - lo > HOOFT_DEDUP_WINDOW) continue;
      if (!compatible(loc, &x->loc)) continue;
      if (x->seen_art != art) {
        x->seen_art = art;
        memcpy(x->seen_cameo, x->cameo, sizeof x->cameo);
      }
      int same = strcmp(x->seen_cameo, e->cameo) == 0;
      long gap = day_gap(dn, x);
      if (!best || same > best_same ||
          (same == best_same && (gap < best_gap || (gap == best_gap && x->id < best->id)))) {
        best = x;
        best_gap = gap;
        best_same = same;
      }
    }
  }
  return best;
}

static hf_val opt_real(int known, double d) { return known ? hf_real(d) : hf_null(); }

/* The five location columns of a row (name, country, lat, lon, feature), in an initializer. */
#define PLACE_VALS(l)                                                                             \
  hf_text((l)->known ? (l)->name : NULL), hf_text((l)->known ? (l)->country : NULL),              \
      opt_real((l)->has_coords, (l)->lat), opt_real((l)->has_coords, (l)->lon),                    \
      hf_text((l)->known ? (l)->feature : NULL)

/* Writes the events row of stored event x at once (after mentions left it:
 * an article was replaced). names: the first mention's actor names. */
static int update_event(hooft_store *s, const cand *x, const char *src_name, const char *tgt_name, const char *codes,
                        hooft_error *err) {
  const place *l = &x->loc;
  hf_val p[] = {hf_int(x->day),
                hf_int(x->last_day),
                hf_int(hf_iso_week(x->day)),
                hf_int(x->day / 100),
                hf_int(x->mentions),
                hf_int(x->articles),
                hf_int(x->id),
                hf_text(x->certainty[0] ? x->certainty : NULL),
                PLACE_VALS(l),
                hf_int(x->first_article),
                hf_int(x->first_seq),
                hf_text(src_name),
                hf_text(tgt_name),
                hf_text(codes),
                hf_int(x->id)};
  return write_st(s, ST_EV_MERGE, p, (int)(sizeof p / sizeof *p), err);
}

static int recode_event(hooft_store *s, int64_t id, hooft_error *err) {
  hf_val p[] = {hf_int(id), hf_int(id)};
  return write_st(s, ST_EV_RECODE, p, 2, err);
}

/* Folds a mention's certainty and place into event x. */
static void absorb(cand *x, const char *certainty, const place *loc) {
  if (certainty_rank(certainty) > certainty_rank(x->certainty))
    snprintf(x->certainty, sizeof x->certainty, "%s", certainty);
  if (!x->loc.known && loc->known)
    place_set(&x->loc, loc->name, loc->country, loc->has_coords, loc->lat, loc->lon, loc->feature);
}

/* The quantities of a mention as JSON ([{"value":..,"object":..,...}]), or
 * NULL when it has none (owned by the caller). */
static char *quantities_json(const hooft_event *e) {
  if (!e->nquantities) return NULL;
  json_t *arr = json_array();
  for (size_t i = 0; i < e->nquantities; i++) {
    const hooft_quantity *q = &e->quantities[i];
    json_t *o = json_object();
    json_object_set_new(o, "value", json_real(q->value));
    if (q->object) json_object_set_new(o, "object", json_string(q->object));
    if (q->text) json_object_set_new(o, "text", json_string(q->text));
    if (q->approx) json_object_set_new(o, "approx", json_true());
    if (q->has_min) json_object_set_new(o, "min", json_real(q->min));
    if (q->has_max) json_object_set_new(o, "max", json_real(q->max));
    if (q->currency) json_object_set_new(o, "currency", json_string(q->currency));
    json_array_append_new(arr, o);
  }
  char *s = json_dumps(arr, JSON_COMPACT | JSON_REAL_PRECISION(17));
  json_decref(arr);
  return s;
}

/* Notes source src for event x, and queues its event_sources row unless the
 * event has it already (a stored event whose sources were not read yet:
 * load_sources decides). */
static void add_source(hooft_store *s, cand *x, const char *src) {
  struct hf_evcache *ec = s->cache;
  src = hf_intern_s(&ec->strs, src);
  for (size_t i = 0; i < x->srcs.n; i++)
    if (x->srcs.v[i] == src) return;
  HF_VEC_PUSH(x->srcs, src);
  if (!x->srcs_known) { /* its stored sources are read after the filing (load_sources) */
    if (x->srcs.n == 1) HF_VEC_PUSH(ec->unloaded, (size_t)(x - ec->cands.v));
    return;
  }
  hf_val q[] = {hf_int(x->id), hf_text(src)};
  rows_add_copy(s, RB_SOURCES, q, 0); /* src: interned in the cache */
}

/* Files mention number seq of the article under an event: a matching one, or a new one. */
static void put_mention(hooft_store *s, article_ctx *c, int64_t seq, const pend_event *pe) {
  struct hf_evcache *ec = s->cache;
  const hooft_event *e = &pe->e;
  const pend_article *a = c->a;
  int day = pe->day;
  evgroup *g = pe->g;
  place loc = {0};
  if (e->location.name)
    place_set(&loc, e->location.name, e->location.country, e->location.has_coordinates, e->location.lat,
              e->location.lon, e->location.feature);
  cand *x = choose(ec, g, a->art, e, day, &loc);
  if (!x) {
    cand n = {0};
    n.id = s->next_event++;
    n.day = n.last_day = day;
    snprintf(n.cameo, sizeof n.cameo, "%s", e->cameo);
    memcpy(n.seen_cameo, n.cameo, sizeof n.cameo);
    n.touched_art = n.seen_art = a->art;
    n.first_article = a->art;
    n.first_seq = (int)seq;
    n.dirty = n.isnew = n.srcs_known = 1;
    n.src_code = hf_xstrdup(nz(e->source.code));
    n.src_country = dupz(e->source.country);
    n.tgt_code = hf_xstrdup(nz(e->target.code));
    n.tgt_country = dupz(e->target.country);
    n.root = hf_xstrdup(e->root);
    n.plover = dupz(e->plover);
    n.quad = e->quad;
    n.negated = e->negated ? 1 : 0;
    n.goldstein = e->goldstein;
    memcpy(n.added, a->stamp, sizeof n.added);
    n.g = g;
    HF_VEC_PUSH(ec->cands, n);
    HF_VEC_PUSH(g->cands, ec->cands.n - 1);
    cand_index(ec, g, ec->cands.n - 1);
    x = &ec->cands.v[ec->cands.n - 1];
  } else {
    x->dirty = 1;
    if (x->touched_art != a->art) x->articles++;
    if (day < x->day) {
      x->day = day;
      cand_index(ec, g, (size_t)(x - ec->cands.v));
    }
    if (day > x->last_day) x->last_day = day;
  }
  x->touched_art = a->art;
  x->mentions++;
  absorb(x, e->certainty, &loc);
  if (a->art < x->first_article || (a->art == x->first_article && seq < x->first_seq) || x->mentions == 1) {
    x->first_article = a->art;
    x->first_seq = (int)seq;
    free(x->src_name);
    free(x->tgt_name);
    x->src_name = dupz(e->source.text);
    x->tgt_name = dupz(e->target.text);
  }
  if (x->mentions == 1) x->articles = 1;
  tally_add(x, e->cameo, 1, e);
  if (strcmp(x->cameo, e->cameo) != 0) tally_pick(x);
  add_source(s, x, a->source);

  const hooft_actor *at = &e->attribution;
  const place *l = &loc;
  char *quantities = quantities_json(e);
  hf_val p[] = {hf_int(a->art * HF_PER_ARTICLE + seq),
                hf_int(a->art),
                hf_int(seq),
                hf_int(x->id),
                hf_int(day),
                hf_text(e->date),
                hf_text(e->date_end),
                hf_text(e->date_precision),
                hf_int(e->sentence),
                hf_int((int64_t)e->span_start),
                hf_int((int64_t)e->span_end),
                hf_text(nz(e->source.code)),
                hf_text(e->source.text),
                hf_text(e->source.country),
                hf_text(nz(e->target.code)),
                hf_text(e->target.text),
                hf_text(e->target.country),
                hf_text(e->cameo),
                hf_text(e->root),
                hf_int(e->quad),
                hf_real(e->goldstein),
                hf_text(e->plover),
                hf_int(e->negated ? 1 : 0),
                hf_text(e->verb),
                hf_text(e->pattern),
                hf_text(e->rule),
                hf_text(at->code ? at->text : NULL),
                hf_text(at->code),
                hf_text(at->code ? at->country : NULL),
                hf_text(e->certainty),
                hf_text(quantities),
                hf_text(l->known ? l->name : NULL),
                hf_text(l->known ? l->country : NULL),
                opt_real(l->has_coords, l->lat),
                opt_real(l->has_coords, l->lon),
                hf_text(l->known ? l->feature : NULL)};
  rows_add_copy(s, RB_MENTIONS, p, COL(30) | COL(31) | COL(32) | COL(35)); /* quantities, loc: freed below */
  free(quantities);
  place_free(&loc);
}

/* Queues the events rows the batch made or changed and the rollup's changes:
 * a changed stored event's old row leaves its (dyad, month), its new row enters. */
typedef struct rollup_delta {
  const char *src, *tgt; /* borrowed from the cache */
  int month, negated;
  int64_t events, mentions;
  double goldstein;
} rollup_delta;
/* The rollup's changes of one flush, by (dyad, month, polarity). */
typedef struct rollup {
  hf_map map;                   /* key -> rollup_delta */
  HF_VEC(rollup_delta *) list;  /* in the order first met */
  hf_arena arena;
  hf_buf key;
} rollup;

static void rollup_add(rollup *r, const char *src, const char *tgt, int month, int negated, int sign,
                       int64_t mentions, double goldstein) {
  /* the key "SRC\x1fTGT\x1fYYYYMM\x1fNEG", made without printf: twice per changed event */
  hf_buf *key = &r->key;
  key->len = 0;
  hf_buf_puts(key, src);
  hf_buf_putc(key, '\x1f');
  hf_buf_puts(key, tgt);
  hf_buf_putc(key, '\x1f');
  for (int sh = 100000; sh; sh /= 10) hf_buf_putc(key, (char)('0' + month / sh % 10));
  hf_buf_putc(key, negated ? '1' : '0');
  rollup_delta *d = hf_map_getn(&r->map, key->data, key->len);
  if (!d) {
    d = hf_arena_alloc(&r->arena, sizeof *d);
    d->src = src;
    d->tgt = tgt;
    d->month = month;
    d->negated = negated;
    hf_map_put(&r->map, hf_arena_strndup(&r->arena, key->data, key->len), d);
    HF_VEC_PUSH(r->list, d);
  }
  d->events += sign;
  d->mentions += sign * mentions;
  d->goldstein += sign * goldstein;
}

static void queue_events(hooft_store *s) {
  struct hf_evcache *ec = s->cache;
  rollup deltas = {0};
  hf_buf codes = {0};
  {
    for (size_t ci = 0; ci < ec->cands.n; ci++) { /* new events in the order of their ids */
      cand *x = &ec->cands.v[ci];
      const evgroup *g = x->g;
      if (!x->dirty) continue;
      const place *l = &x->loc;
      codes_text(x, &codes);
      if (x->isnew) {
        hf_val p[] = {hf_int(x->id),
                      hf_int(x->day),
                      hf_int(x->last_day),
                      hf_int(hf_iso_week(x->day)),
                      hf_int(x->day / 100),
                      hf_text(x->src_code),
                      hf_text(x->src_country),
                      hf_text(x->src_name),
                      hf_text(x->tgt_code),
                      hf_text(x->tgt_country),
                      hf_text(x->tgt_name),
                      hf_text(x->cameo),
                      hf_text(x->root),
                      hf_int(x->quad),
                      hf_real(x->goldstein),
                      hf_text(x->plover),
                      hf_int(x->negated),
                      hf_text(x->certainty[0] ? x->certainty : NULL),
                      PLACE_VALS(l),
                      hf_int(x->mentions),
                      hf_int((int64_t)x->srcs.n),
                      hf_int(x->articles),
                      hf_int(x->first_article),
                      hf_int(x->first_seq),
                      hf_text(x->added),
                      hf_text(hf_buf_cstr(&codes))};
        rows_add_copy(s, RB_EVENTS, p, COL(29)); /* codes: reused */
      } else {
        hf_val p[] = {hf_int(x->id),
                      hf_int(x->day != x->old_day),
                      hf_int(x->day),
                      hf_int(x->last_day),
                      hf_int(hf_iso_week(x->day)),
                      hf_int(x->day / 100),
                      hf_text(x->cameo),
                      hf_int(x->quad),
                      hf_real(x->goldstein),
                      hf_text(x->plover),
                      hf_text(hf_buf_cstr(&codes)),
                      hf_text(x->certainty[0] ? x->certainty : NULL),
                      PLACE_VALS(l),
                      hf_int(x->mentions),
                      hf_int(x->articles),
                      hf_int((int64_t)x->srcs.n),
                      hf_int(x->first_article),
                      hf_int(x->first_seq),
                      hf_text(x->src_name),
                      hf_text(x->tgt_name)};
        rows_add_copy(s, RB_EV_UPDATE, p, COL(10)); /* codes: reused */
        rollup_add(&deltas, g->src, g->tgt, x->old_day / 100, g->negated, -1, x->old_mentions,
                   x->old_goldstein);
      }
      rollup_add(&deltas, g->src, g->tgt, x->day / 100, g->negated, 1, x->mentions,
                 x->goldstein);
    }
  }
  for (size_t i = 0; i < deltas.list.n; i++) {
    const rollup_delta *d = deltas.list.v[i];
    if (!d->events && !d->mentions && d->goldstein == 0) continue;
    hf_val p[] = {hf_text(d->src),        hf_text(d->tgt),        hf_int(d->month),      hf_int(d->negated),
                  hf_int(d->events),      hf_int(d->mentions),    hf_real(d->goldstein)};
    rows_add_copy(s, RB_ROLLUP, p, 0); /* actor codes: the groups' */
  }
  hf_buf_free(&codes);
  free(deltas.list.v);
  hf_map_free(&deltas.map);
  hf_arena_free(&deltas.arena);
  hf_buf_free(&deltas.key);
}

static void put_sentence(hooft_store *s, article_ctx *c, const hooft_event *e) {
  for (size_t i = 0; i < c->sentences.n; i++)
    if (c->sentences.v[i] == e->sentence) return;
  HF_VEC_PUSH(c->sentences, e->sentence);
  const char *text = nz(e->text);
  hf_val p[] = {hf_int(c->a->art * HF_PER_ARTICLE + e->sentence), hf_int(c->a->art), hf_int(e->sentence),
                hf_text(text), hf_null()};
  if (hf_db_is_pg(s->db)) { /* the terms, as a tsvector */
    s->terms.len = 0;
    hf_text_terms(&s->terms, text, strlen(text), " ");
    p[4] = hf_text(hf_buf_cstr(&s->terms));
  }
  rows_add_copy(s, RB_SENTENCES, p, COL(4)); /* text: the batch's copy; terms copied */
}

static int int_cmp(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

static int i64_cmp(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

/* Files the mentions of the articles put since the last flush: reads the
 * candidate events of all of them at once, deduplicates in memory (article
 * by article, mention by mention, as they came), and queues every row. */
static int file_pending(hooft_store *s, hooft_error *err) {
  struct hf_evcache *ec = s->cache;
  HF_VEC(gday) want = {0};
  for (size_t ai = 0; ai < ec->arts.n; ai++) {
    const pend_article *a = &ec->arts.v[ai];
    for (size_t i = a->first; i < a->first + a->n; i++) {
      pend_event *pe = &ec->events.v[i];
      const hooft_event *e = &pe->e;
      pe->day = mention_day(e, a->day);
      pe->g = group_for(ec, nz(e->source.code), nz(e->target.code), e->root, e->negated ? 1 : 0);
      if (!pe->day || has_day(pe->g, pe->day)) continue;
      HF_VEC_PUSH(pe->g->days, pe->day);
    }
  }
  /* each group's days: the windows around them, less the days the cache
   * covers, merged where they meet; none when the cache holds every stored
   * event (it was emptied when the store had none: a first ingest) */
  if (ec->fresh) { /* the events stored now: all flushed, none in the cache */
    ec->base = s->next_event - 1;
    ec->fresh = 0;
  }
  for (size_t gi = 0; gi < ec->list.n && ec->base > 0; gi++) {
    evgroup *g = ec->list.v[gi];
    if (g->days.n > 1) qsort(g->days.v, g->days.n, sizeof *g->days.v, int_cmp);
    long done = LONG_MIN; /* days up to this one are in want or covered */
    for (size_t i = 0; i < g->days.n; i++) {
      long dn = hf_day_number(g->days.v[i]);
      for (long d = dn - HOOFT_DEDUP_WINDOW > done ? dn - HOOFT_DEDUP_WINDOW : done + 1; d <= dn + HOOFT_DEDUP_WINDOW;
           d++) {
        if (i64_get(&ec->covered, day_key(g, d)) >= 0) continue;
        if (want.n && want.v[want.n - 1].g == g && d == want.v[want.n - 1].hi + 1)
          want.v[want.n - 1].hi = d;
        else
          HF_VEC_PUSH(want, ((gday){g, d, d}));
      }
      done = dn + HOOFT_DEDUP_WINDOW;
    }
  }
  int rc = 0;
  double t0 = now_s();
  if (hf_db_is_pg(s->db))
    rc = load_all_candidates(s, want.v, want.n, err);
  else
    for (size_t i = 0; i < want.n && rc == 0; i++) rc = load_candidates(s, want.v[i].g, want.v[i].lo, want.v[i].hi, err);
  for (size_t i = 0; i < want.n && rc == 0; i++)
    for (long d = want.v[i].lo; d <= want.v[i].hi; d++) i64_put(&ec->covered, day_key(want.v[i].g, d), 1);
  free(want.v);
  double t1 = now_s();
  s->prof[PR_CAND] += t1 - t0;
  if (rc < 0) return -1;
  for (size_t ai = 0; ai < ec->arts.n; ai++) {
    article_ctx c = {&ec->arts.v[ai], {0}};
    for (size_t i = 0; i < c.a->n; i++) {
      const pend_event *pe = &ec->events.v[c.a->first + i];
      put_sentence(s, &c, &pe->e);
      put_mention(s, &c, (int64_t)i, pe);
    }
    free(c.sentences.v);
  }
  double t2 = now_s();
  s->prof[PR_FILE] += t2 - t1;
  if (load_sources(s, err) < 0) return -1;
  double t3 = now_s();
  s->prof[PR_CAND] += t3 - t2;
  queue_events(s);
  s->prof[PR_FILE] += now_s() - t3;
  return 0;
}

/* SQLite: puts the sentences of the articles being flushed, just written,
 * into the full-text index: one INSERT ... SELECT per run of consecutive
 * article ids (the new articles are one run, articles without sentences
 * included; a replaced article's old sentences are gone by now). Measured
 * (store-bench): a statement per article, or per row, makes FTS5 write many
 * small segments and the commit 2-3 times slower; so does filling the index
 * after the other tables instead of right after the sentences. */
static int fts_add(hooft_store *s, hooft_error *err) {
  const struct hf_evcache *ec = s->cache;
  double t0 = now_s();
  int64_t *ids = hf_xmalloc(ec->arts.n * sizeof *ids);
  for (size_t i = 0; i < ec->arts.n; i++) ids[i] = ec->arts.v[i].art;
  qsort(ids, ec->arts.n, sizeof *ids, i64_cmp);
  int rc = 0;
  for (size_t i = 0; i < ec->arts.n && rc == 0;) {
    int64_t first = ids[i], last = first;
    while (++i < ec->arts.n && ids[i] <= last + 1) last = ids[i];
    hf_val p[] = {hf_int(first * HF_PER_ARTICLE), hf_int(last * HF_PER_ARTICLE + HF_PER_ARTICLE - 1)};
    rc = write_st(s, ST_FTS_FILL, p, 2, err);
  }
  free(ids);
  s->prof[PR_FTS] += now_s() - t0;
  return rc;
}

int hf_store_flush(hooft_store *s, hooft_error *err) {
  if (!s->in_batch) return 0;
  int rc = s->cache && s->cache->arts.n ? file_pending(s, err) : 0;
  if (rc == 0) rc = rows_flush(s, err);
  /* events whose new code the tally could not describe take their mentions' */
  for (size_t i = 0; s->cache && i < s->cache->cands.n && rc == 0; i++)
    if (s->cache->cands.v[i].recode) rc = recode_event(s, s->cache->cands.v[i].id, err);
  rows_clear(s->rows);
  /* the candidates stay for the next batch, unless something went wrong */
  if (s->cache && (rc < 0 || cache_settle(s->cache) < 0)) cache_clear(s->cache);
  return rc;
}

/* Runs a one-shot write with the single parameter id. */
static int write_id(hooft_store *s, const char *sql, int64_t id, hooft_error *err) {
  hf_stmt *st = s->db->ops->prepare(s->db, sql, 0, err);
  if (!st) return -1;
  hf_val p[] = {hf_int(id)};
  int rc = s->db->ops->write(st, p, 1, err);
  s->db->ops->finalize(st);
  return rc;
}

/* Recomputes event id from its remaining mentions after some were removed;
 * deletes it when none are left. */
static int recompute_event(hooft_store *s, int64_t id, hooft_error *err) {
  const hf_db_ops *o = s->db->ops;
  hf_stmt *st = o->prepare(s->db,
                           "SELECT m.article_id, m.seq, m.day, a.source, m.certainty, m.location_name, "
                           "m.location_country, m.location_lat, m.location_lon, m.location_feature, m.source_name, "
                           "m.target_name, m.cameo FROM mentions m JOIN articles a ON a.id = m.article_id "
                           "WHERE m.event_id = ? ORDER BY m.article_id, m.seq",
                           0, err);
  if (!st) return -1;
  hf_val p[] = {hf_int(id)};
  cand x = {0};
  x.id = id;
  HF_VEC(char *) sources = {0};
  char *src_name = NULL, *tgt_name = NULL;
  int64_t last_art = -1;
  int got = o->query(st, p, 1, err) < 0 ? -1 : 0;
  while (got == 0 && (got = o->next(st, err)) == 1) {
    int64_t art = o->col_int(st, 0);
    int day = (int)o->col_int(st, 2);
    if (x.mentions == 0) {
      x.first_article = art;
      x.first_seq = (int)o->col_int(st, 1);
      x.day = x.last_day = day;
      src_name = o->isnull(st, 10) ? NULL : hf_xstrdup(o->col_text(st, 10));
      tgt_name = o->isnull(st, 11) ? NULL : hf_xstrdup(o->col_text(st, 11));
    }
    x.mentions++;
    if (art != last_art) x.articles++;
    last_art = art;
    if (day < x.day) x.day = day;
    if (day > x.last_day) x.last_day = day;
    const char *src = o->col_text(st, 3);
    int seen = 0;
    for (size_t i = 0; i < sources.n && !seen; i++) seen = strcmp(sources.v[i], src) == 0;
    if (!seen) HF_VEC_PUSH(sources, hf_xstrdup(src));
    place loc = {0};
    place_from_row(&loc, o, st, 5);
    absorb(&x, o->col_text(st, 4), &loc);
    place_free(&loc);
    tally_add(&x, nz(o->col_text(st, 12)), 1, NULL);
    got = 0;
  }
  o->finalize(st);
  int rc = got < 0 ? -1 : 0;
  /* the sources are written anew, or the event goes */
  if (rc == 0) rc = write_id(s, "DELETE FROM event_sources WHERE event_id = ?", id, err);
  if (rc == 0 && x.mentions == 0) {
    rc = write_id(s, "DELETE FROM events WHERE id = ?", id, err);
  } else if (rc == 0) {
    for (size_t i = 0; i < sources.n && rc == 0; i++) {
      hf_val r[] = {hf_int(id), hf_text(sources.v[i])};
      rc = write_st(s, ST_SRC_INSERT, r, 2, err);
    }
    hf_buf codes = {0};
    if (rc == 0) rc = update_event(s, &x, src_name, tgt_name, codes_text(&x, &codes), err);
    hf_buf_free(&codes);
    if (rc == 0) rc = recode_event(s, id, err);
  }
  for (size_t i = 0; i < sources.n; i++) free(sources.v[i]);
  free(sources.v);
  free(src_name);
  free(tgt_name);
  place_free(&x.loc);
  free(x.codes.v);
  return rc;
}

/* Removes the mentions and sentences of article art, then fixes the events they were in. */
static int remove_mentions(hooft_store *s, int64_t art, hooft_error *err) {
  const hf_db_ops *o = s->db->ops;
  hf_stmt *st = s->st[ST_OLD_EVENTS];
  hf_val p[] = {hf_int(art * HF_PER_ARTICLE), hf_int(art * HF_PER_ARTICLE + HF_PER_ARTICLE - 1)};
  HF_VEC(int64_t) ids = {0};
  int got = o->query(st, p, 2, err) < 0 ? -1 : 0;
  while (got == 0 && (got = o->next(st, err)) == 1) {
    HF_VEC_PUSH(ids, o->col_int(st, 0));
    got = 0;
  }
  int rc = got < 0 ? -1 : 0;
  /* the events are recomputed in the store: the cached candidates go */
  cache_clear(s->cache);
  /* the events leave the rollup while they change */
  for (size_t i = 0; i < ids.n && rc == 0; i++) {
    hf_val q[] = {hf_int(ids.v[i])};
    rc = write_st(s, ST_TOUCH_INSERT, q, 1, err);
  }
  hf_val minus[] = {hf_int(-1), hf_int(-1), hf_real(-1)};
  hf_val plus[] = {hf_int(1), hf_int(1), hf_real(1)};
  if (rc == 0) rc = write_st(s, ST_ROLLUP, minus, 3, err);
  if (rc == 0) rc = write_st(s, ST_DEL_MENTIONS, p, 2, err);
  if (rc == 0) rc = write_st(s, ST_DEL_SENTENCES, p, 2, err);
  for (size_t i = 0; i < ids.n && rc == 0; i++) rc = recompute_event(s, ids.v[i], err);
  if (rc == 0) rc = write_st(s, ST_ROLLUP, plus, 3, err);
  if (rc == 0) rc = write_st(s, ST_TOUCH_CLEAR, NULL, 0, err);
  free(ids.v);
  return rc;
}

static int pending_lookup(hooft_store *s, const char *key, int64_t *art, char hash[65]) {
  const pend_key *k = s->cache ? hf_map_get(&s->cache->keys, key) : NULL;
  if (!k) return 0;
  *art = k->art;
  memcpy(hash, k->hash, 65);
  return 1;
}

/* Copies of the coder's strings and quantities, into the batch's arena. */
static const char *adup(hf_arena *a, const char *s) { return s ? hf_arena_strdup(a, s) : NULL; }

static void actor_copy(hf_arena *a, hooft_actor *x) {
  x->text = adup(a, x->text);
  x->code = adup(a, x->code);
  x->country = adup(a, x->country);
}

static void event_copy(hf_arena *a, hooft_event *x) {
  x->text = adup(a, x->text);
  actor_copy(a, &x->source);
  actor_copy(a, &x->target);
  actor_copy(a, &x->attribution);
  x->cameo = adup(a, x->cameo);
  x->root = adup(a, x->root);
  x->plover = adup(a, x->plover);
  x->cameo_name = adup(a, x->cameo_name);
  x->verb = adup(a, x->verb);
  x->pattern = adup(a, x->pattern);
  x->rule = adup(a, x->rule);
  x->certainty = adup(a, x->certainty);
  x->date = adup(a, x->date);
  x->date_end = adup(a, x->date_end);
  x->date_precision = adup(a, x->date_precision);
  x->location.name = adup(a, x->location.name);
  x->location.country = adup(a, x->location.country);
  x->location.feature = adup(a, x->location.feature);
  if (x->nquantities) {
    hooft_quantity *q = hf_arena_alloc(a, x->nquantities * sizeof *q);
    memcpy(q, x->quantities, x->nquantities * sizeof *q);
    for (size_t i = 0; i < x->nquantities; i++) {
      q[i].object = adup(a, q[i].object);
      q[i].currency = adup(a, q[i].currency);
      q[i].text = adup(a, q[i].text);
      q[i].certainty = adup(a, q[i].certainty);
      actor_copy(a, &q[i].attribution);
    }
    x->quantities = q;
  } else {
    x->quantities = NULL;
  }
}

/* Stores article a with its events; lang is the language stored (the one the
 * coder identified), while the identity uses the article as given. A new
 * article's rows and its mentions' deduplication wait for the flush. */
static int put_article(hooft_store *s, const hooft_article *a, int id_given, const char *lang,
                       const hooft_event *events, size_t n, hooft_error *err) {
  if (!s->in_batch) {
    hf_error(err, "storing an article needs an open batch");
    return -1;
  }
  ident id;
  if (identify(a, id_given, &id, err) < 0) return HOOFT_PUT_INVALID;
  for (size_t i = 0; i < n; i++) {
    if (!events[i].cameo || !events[i].root || strlen(events[i].root) != 2) {
      hf_error(err, "%s: event %zu has no CAMEO code or root", id.key, i + 1);
      ident_free(&id);
      return HOOFT_PUT_INVALID;
    }
    if (i >= HF_PER_ARTICLE || events[i].sentence < 0 || events[i].sentence >= HF_PER_ARTICLE) {
      hf_error(err, "%s: more than %d event mentions or sentences in one article (the store numbers them within it)",
               id.key, HF_PER_ARTICLE - 1);
      ident_free(&id);
      return HOOFT_PUT_INVALID;
    }
  }
  struct hf_evcache *ec = s->cache;
  char stamp[16];
  now_stamp(stamp);
  int64_t art = 0;
  char old_hash[65];
  int result = 0, rc = 0;
  const pend_key *pk = hf_map_get(&ec->keys, id.key);
  if (pk) {
    if (strcmp(pk->hash, id.hash) == 0) {
      ident_free(&id);
      return HOOFT_PUT_UNCHANGED;
    }
    rc = hf_store_flush(s, err); /* a new article of this batch changed again: it is stored first */
  }
  if (rc == 0 && s->absent_key && s->absent_batch == s->batch_seq && !strcmp(s->absent_key, id.key))
    result = 0; /* hooft_store_check just found it absent */
  else if (rc == 0 && (result = expected_lookup(s, id.key, &art, old_hash, err)) == -2)
    result = lookup(s, id.key, &art, old_hash, err);
  free(s->absent_key); /* used once: once put, the key is pending or stored */
  s->absent_key = NULL;
  if (result == 1 && strcmp(old_hash, id.hash) == 0) {
    ident_free(&id);
    return HOOFT_PUT_UNCHANGED;
  }
  if (rc == 0 && result < 0) rc = -1;
  if (rc == 0 && result == 1) {
    result = HOOFT_PUT_REPLACED;
    /* what the batch holds goes to the store first: the old mentions' events are recomputed there */
    rc = hf_store_flush(s, err);
    if (rc == 0) rc = remove_mentions(s, art, err);
    hf_val p[] = {hf_text(id.hash), hf_text(a->url), hf_text(id.source), hf_text(a->title), hf_text(a->date),
                  hf_int(id.day),   hf_text(lang),   hf_int((int64_t)n), hf_text(stamp),    hf_int(art)};
    if (rc == 0) rc = write_st(s, ST_ART_UPDATE, p, (int)(sizeof p / sizeof *p), err);
  } else if (rc == 0) {
    result = HOOFT_PUT_NEW;
    art = s->next_article++;
    hf_val p[] = {hf_int(art),        hf_text(id.key),   hf_text(id.hash), hf_text(a->url),
                  hf_text(id.source), hf_text(a->title), hf_text(a->date), hf_int(id.day),
                  hf_text(lang),      hf_int((int64_t)n), hf_text(stamp)};
    rows_add(s, RB_ARTICLES, p);
    pend_key *k = hf_arena_alloc(&ec->arena, sizeof *k);
    k->art = art;
    memcpy(k->hash, id.hash, sizeof k->hash);
    hf_map_put(&ec->keys, hf_arena_strdup(&ec->arena, id.key), k);
  }
  if (rc == 0) {
    pend_article pa = {art, hf_arena_strdup(&ec->arena, id.source), id.day, {0}, ec->events.n, n};
    memcpy(pa.stamp, stamp, sizeof pa.stamp);
    HF_VEC_PUSH(ec->arts, pa);
    for (size_t i = 0; i < n; i++) {
      pend_event pe = {events[i], 0, NULL};
      event_copy(&ec->arena, &pe.e);
      HF_VEC_PUSH(ec->events, pe);
    }
  }
  ident_free(&id);
  return rc < 0 ? -1 : result;
}

int hooft_store_put_events(hooft_store *s, const hooft_article *a, int id_given, const hooft_event *events, size_t n,
                           hooft_error *err) {
  return put_article(s, a, id_given, a->lang, events, n, err);
}

int hooft_store_put(hooft_store *s, const hooft_article *a, int id_given, const hooft_doc *doc, hooft_error *err) {
  /* a document keeps its events in one array (document.c): put_article copies what it keeps */
  return put_article(s, a, id_given, hooft_doc_lang(doc), hooft_doc_event(doc, 0), hooft_doc_event_count(doc), err);
}

int hooft_store_stats_get(hooft_store *s, hooft_store_stats *out, hooft_error *err) {
  if (s->in_batch && hf_store_flush(s, err) < 0) return -1;
  if (query_int(s, "SELECT count(*) FROM articles", NULL, 0, &out->articles, err) < 0 ||
      query_int(s, "SELECT count(*) FROM events", NULL, 0, &out->events, err) < 0 ||
      query_int(s, "SELECT count(*) FROM mentions", NULL, 0, &out->mentions, err) < 0)
    return -1;
  return 0;
}
