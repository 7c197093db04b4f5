/* store.c: the event store, backend-independent: opening by URL, the schema, batches, article identity,
 * deduplication of event mentions into events (rules: docs/store.md), and the batch's writes: events
 * once per flush, mentions/sentences/sources in multi-row INSERTs, the (dyad, month) rollup, FTS5. */
#include <ctype.h>
#include <math.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "store_internal.h"

#define SCHEMA_VERSION "2"

/* The batch's events in memory (defined with the deduplication below). */
static struct hf_evcache *cache_new(void);
static void cache_clear(struct hf_evcache *ec);
static void cache_free(struct hf_evcache *ec);
/* The rows waiting to be written (defined below). */
static void rows_clear(struct hf_rowbuf *r);
static void rows_free(hooft_store *s);

/* ---- Schema ------------------------------------------------------------- */

/* One schema for both backends. {ID} is an id the store hands out, {AUTOID}
 * one the database hands out, {NOROWID} SQLite's clustered-table clause. */
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
    " first_article BIGINT NOT NULL, first_seq INTEGER NOT NULL, added TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS events_key ON events (source_code, target_code, root, negated, day);"
    /* covers the dyad-by-period aggregates without reading the table */
    "CREATE INDEX IF NOT EXISTS events_dyad_month ON events (source_code, target_code, month, negated, mentions,"
    " goldstein);"
    "CREATE INDEX IF NOT EXISTS events_target ON events (target_code, source_code, month, negated, mentions,"
    " goldstein);"
    "CREATE INDEX IF NOT EXISTS events_day ON events (day);"
    /* every event mention: article, sentence, span, the coder's reading of it; day = the event's
     * date as the coder resolved it (publication date when the text gives none) */
    "CREATE TABLE IF NOT EXISTS mentions ("
    " article_id BIGINT NOT NULL, seq INTEGER NOT NULL, event_id BIGINT NOT NULL, day INTEGER NOT NULL,"
    " date TEXT, date_precision TEXT,"
    " sentence INTEGER NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,"
    " source_code TEXT NOT NULL, source_name TEXT, source_country TEXT,"
    " target_code TEXT NOT NULL, target_name TEXT, target_country TEXT,"
    " cameo TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL, goldstein DOUBLE PRECISION NOT NULL,"
    " plover TEXT, negated INTEGER NOT NULL, verb TEXT, pattern TEXT, rule TEXT,"
    " attribution TEXT, attribution_code TEXT, certainty TEXT,"
    " location_name TEXT, location_country TEXT, location_lat DOUBLE PRECISION, location_lon DOUBLE PRECISION,"
    " location_feature TEXT,"
    " PRIMARY KEY (article_id, seq)) {NOROWID};"
    "CREATE INDEX IF NOT EXISTS mentions_event ON mentions (event_id);"
    /* the distinct sources (URL hosts, or article keys) of each event */
    "CREATE TABLE IF NOT EXISTS event_sources ("
    " event_id BIGINT NOT NULL, source TEXT NOT NULL, PRIMARY KEY (event_id, source)) {NOROWID};"
    /* the sentences that carry a mention, for text search */
    "CREATE TABLE IF NOT EXISTS sentences ("
    " id {AUTOID}, article_id BIGINT NOT NULL, sentence INTEGER NOT NULL, text TEXT NOT NULL,"
    " UNIQUE (article_id, sentence));"
    /* (dyad, month) rollup of events, kept in step at each flush (version 2): what
     * dyad-by-month aggregates read instead of the events; groups may hold 0 events */
    "CREATE TABLE IF NOT EXISTS dyad_months ("
    " source_code TEXT NOT NULL, target_code TEXT NOT NULL, month INTEGER NOT NULL, negated INTEGER NOT NULL,"
    " events BIGINT NOT NULL, mentions BIGINT NOT NULL, goldstein DOUBLE PRECISION NOT NULL,"
    " PRIMARY KEY (source_code, target_code, month, negated)) {NOROWID};"
    "CREATE INDEX IF NOT EXISTS dyad_months_target ON dyad_months (target_code, source_code, month);";

/* Full-text search over sentences: FTS5 filled once per flush (new rows in
 * one statement: several times faster than a row trigger), emptied of deleted
 * rows by a trigger; a GIN index. */
static const char *const fts_sqlite =
    "CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5("
    " text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
    "CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN"
    " INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text); END;";
static const char *const fts_pg =
    "CREATE INDEX IF NOT EXISTS sentences_text ON sentences USING gin (to_tsvector('simple', text));";

/* Replaces every {NAME} of the schema with the backend's words. */
static char *dialect_sql(const hf_db *db, const char *sql) {
  int pg = hf_db_is_pg(db);
  hf_buf b = {0};
  for (const char *p = sql; *p; p++) {
    if (strncmp(p, "{ID}", 4) == 0) {
      hf_buf_puts(&b, pg ? "BIGINT PRIMARY KEY" : "INTEGER PRIMARY KEY");
      p += 3;
    } else if (strncmp(p, "{AUTOID}", 8) == 0) {
      hf_buf_puts(&b, pg ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY");
      p += 7;
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
 * transaction-scoped advisory lock in PostgreSQL. */
static int lock_writer(hooft_store *s, hooft_error *err) {
  return s->db->ops->exec(s->db,
                          hf_db_is_pg(s->db) ? "BEGIN; SELECT pg_advisory_xact_lock(4242108871)" : "BEGIN IMMEDIATE",
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

/* Creates the tables if needed and checks the schema version, in one transaction. */
static int create_schema(hooft_store *s, hooft_error *err) {
  char version[32];
  if (schema_version(s, version, sizeof version)) {
    if (strcmp(version, SCHEMA_VERSION) == 0) return 0;
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

/* The ingest path's statements, prepared once per connection. */
static const char *const statements[ST_COUNT] = {
    [ST_CHECK] = "SELECT id, content_hash FROM articles WHERE key = ?",
    [ST_ART_INSERT] = "INSERT INTO articles (id, key, content_hash, url, source, title, date, day, lang, events, "
                      "ingested) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [ST_ART_UPDATE] = "UPDATE articles SET content_hash = ?, url = ?, source = ?, title = ?, date = ?, day = ?, "
                      "lang = ?, events = ?, ingested = ? WHERE id = ?",
    [ST_OLD_EVENTS] = "SELECT DISTINCT event_id FROM mentions WHERE article_id = ? ORDER BY event_id",
    [ST_DEL_MENTIONS] = "DELETE FROM mentions WHERE article_id = ?",
    [ST_DEL_SENTENCES] = "DELETE FROM sentences WHERE article_id = ?",
    [ST_CANDIDATES] = "SELECT id, day, last_day, cameo, certainty, location_name, location_country, location_lat, "
                      "location_lon, location_feature, mentions, articles, first_article, first_seq FROM events "
                      "WHERE source_code = ? AND target_code = ? AND root = ? AND negated = ? AND day BETWEEN ? AND ?",
    [ST_EV_INSERT] = "INSERT INTO events (id, day, last_day, week, month, source_code, source_country, source_name, "
                     "target_code, target_country, target_name, cameo, root, quad, goldstein, plover, negated, "
                     "certainty, location_name, location_country, location_lat, location_lon, location_feature, "
                     "mentions, sources, articles, first_article, first_seq, added) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                     "(SELECT count(*) FROM event_sources WHERE event_id = ?), ?, ?, ?, ?)",
    [ST_EV_MERGE] = "UPDATE events SET day = ?, last_day = ?, week = ?, month = ?, mentions = ?, articles = ?, "
                    "sources = (SELECT count(*) FROM event_sources WHERE event_id = ?), certainty = ?, "
                    "location_name = ?, location_country = ?, location_lat = ?, location_lon = ?, location_feature = ?, "
                    "first_article = ?, first_seq = ?, source_name = COALESCE(?, source_name), "
                    "target_name = COALESCE(?, target_name) WHERE id = ?",
    /* the event's code: its mentions' most frequent code, ties to the lowest */
    [ST_EV_RECODE] = "UPDATE events SET (cameo, quad, goldstein, plover) = (SELECT cameo, quad, goldstein, plover "
                     "FROM mentions WHERE event_id = ? GROUP BY cameo, quad, goldstein, plover "
                     "ORDER BY count(*) DESC, cameo LIMIT 1) WHERE id = ?",
    [ST_SRC_INSERT] = "INSERT INTO event_sources (event_id, source) VALUES (?, ?) ON CONFLICT DO NOTHING",
    [ST_MENTION_INSERT] = "INSERT INTO mentions (article_id, seq, event_id, day, date, date_precision, sentence, "
                          "span_start, span_end, source_code, source_name, source_country, target_code, target_name, "
                          "target_country, cameo, root, quad, goldstein, plover, negated, verb, pattern, rule, "
                          "attribution, attribution_code, certainty, location_name, location_country, location_lat, "
                          "location_lon, location_feature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                          "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [ST_SENTENCE_INSERT] = "INSERT INTO sentences (article_id, sentence, text) VALUES (?, ?, ?) "
                           "ON CONFLICT DO NOTHING",
    /* the rollup: hooft_touched lists the stored events a flush changes; their
     * rows are taken out (sign -1) before and put back (+1) after, with the
     * new events (ids from the second parameter on) */
    [ST_TOUCH_INSERT] = "INSERT INTO hooft_touched (id) VALUES (?) ON CONFLICT DO NOTHING",
    [ST_TOUCH_CLEAR] = "DELETE FROM hooft_touched",
    [ST_ROLLUP] = "INSERT INTO dyad_months (source_code, target_code, month, negated, events, mentions, goldstein) "
                  "SELECT source_code, target_code, month, negated, count(*) * ?, sum(mentions) * ?, "
                  "sum(goldstein) * ? FROM events WHERE id IN (SELECT id FROM hooft_touched) OR id >= ? "
                  "GROUP BY source_code, target_code, month, negated "
                  "ON CONFLICT (source_code, target_code, month, negated) DO UPDATE SET "
                  "events = dyad_months.events + excluded.events, mentions = dyad_months.mentions + excluded.mentions, "
                  "goldstein = dyad_months.goldstein + excluded.goldstein",
};

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
  char *q = strchr(p, '?');
  if (q) {
    *q++ = 0;
    for (char *opt = strtok(q, "&"); opt; opt = strtok(NULL, "&")) {
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

hooft_store *hooft_store_open(const char *url, hooft_error *err) {
  if (!url || !*url) {
    hf_error(err, "no store given (--db URL, or $HOOFT_DB)");
    return NULL;
  }
  int pg = strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0;
  hf_db *db = pg ? hf_pg_open(url, err) : open_sqlite(url, err);
  if (!db) return NULL;
  hooft_store *s = hf_xcalloc(1, sizeof *s);
  s->db = db;
  if (create_schema(s, err) < 0) {
    hooft_store_close(s);
    return NULL;
  }
  if (db->ops->exec(db, "CREATE TEMP TABLE IF NOT EXISTS hooft_touched (id BIGINT PRIMARY KEY)", err) < 0) {
    hooft_store_close(s);
    return NULL;
  }
  for (int i = 0; i < ST_COUNT; i++) {
    s->st[i] = db->ops->prepare(db, statements[i], 1, err);
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
  for (int i = 0; i < ST_COUNT; i++)
    if (s->st[i]) s->db->ops->finalize(s->st[i]);
  s->db->ops->close(s->db);
  free(s);
}

const char *hooft_store_backend(const hooft_store *s) { return s->db->ops->name; }

/* ---- Small helpers ---------------------------------------------------------- */

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

int hf_iso_week(int ymd) {
  if (!ymd) return 0;
  time_t t = (time_t)hf_day_number(ymd) * 86400;
  struct tm tm;
  gmtime_r(&t, &tm);
  char buf[16];
  strftime(buf, sizeof buf, "%G%V", &tm);
  return atoi(buf);
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

static void hex(const uint8_t *d, size_t n, char *out) {
  for (size_t i = 0; i < n; i++) snprintf(out + 2 * i, 3, "%02x", d[i]);
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

/* Works out the key, content hash, source and day of article a. */
static int identify(const hooft_article *a, int id_given, ident *id, hooft_error *err) {
  memset(id, 0, sizeof *id);
  const char *text = a->text ? a->text : "";
  size_t tlen = a->text ? a->text_len : 0;
  if (a->date && *a->date) {
    id->day = hf_parse_date(a->date, strlen(a->date));
    if (!id->day) {
      hf_error(err, "%s: bad date '%s' (want YYYY-MM-DD)", a->id ? a->id : "article", a->date);
      return -1;
    }
  }
  uint8_t d[SHA256_DIGEST_SIZE];
  struct sha256_ctx c;
  if (id_given && a->id && *a->id) {
    id->key = hf_xstrdup(a->id);
  } else {
    sha256_init(&c);
    hash_field(&c, a->url, a->url ? strlen(a->url) : 0);
    hash_field(&c, text, tlen);
    sha256_digest(&c, sizeof d, d);
    id->key = hf_xmalloc(8 + 2 * sizeof d);
    memcpy(id->key, "sha256:", 7);
    hex(d, sizeof d, id->key + 7);
  }
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

int hooft_store_check(hooft_store *s, const hooft_article *a, int id_given, hooft_error *err) {
  ident id;
  if (identify(a, id_given, &id, err) < 0) return -1;
  int64_t art;
  char hash[65];
  int got = lookup(s, id.key, &art, hash, err);
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
  if (lock_writer(s, err) < 0) return -1;
  s->in_batch = 1;
  int64_t a, e;
  if (query_int(s, "SELECT max(id) FROM articles", NULL, 0, &a, err) < 0 ||
      query_int(s, "SELECT max(id) FROM events", NULL, 0, &e, err) < 0) {
    hooft_store_rollback(s);
    return -1;
  }
  s->next_article = a + 1;
  s->next_event = s->first_unflushed_event = e + 1;
  if (!hf_db_is_pg(s->db) && query_int(s, "SELECT max(id) FROM sentences", NULL, 0, &s->fts_mark, err) < 0) {
    hooft_store_rollback(s);
    return -1;
  }
  if (!s->cache) s->cache = cache_new();
  return 0;
}

int hooft_store_commit(hooft_store *s, hooft_error *err) {
  if (!s->in_batch) {
    hf_error(err, "no batch is open");
    return -1;
  }
  if (hf_store_flush(s, err) < 0 || s->db->ops->exec(s->db, "COMMIT", err) < 0) {
    hooft_store_rollback(s);
    return -1;
  }
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

/* ---- Rows written many at a time ---------------------------------------------------- */

/* Mentions, sentences and event sources are collected and written with
 * multi-row INSERTs of up to ROWBUF_PARAMS parameters: one statement per
 * dozens of rows (PostgreSQL runs each statement at a cost of its own). */
#define ROWBUF_PARAMS 960
enum { RB_MENTIONS, RB_SENTENCES, RB_SOURCES, RB_COUNT };
static const int rowbuf_statement[RB_COUNT] = {ST_MENTION_INSERT, ST_SENTENCE_INSERT, ST_SRC_INSERT};

typedef struct rowbuf {
  int ncols, per_stmt; /* columns of a row; rows of a full statement */
  HF_VEC(hf_val) vals; /* waiting rows, text in arena */
  hf_arena arena;
  hf_stmt *full;       /* the statement for per_stmt rows, prepared on first use */
} rowbuf;

struct hf_rowbuf {
  rowbuf b[RB_COUNT];
};

/* The INSERT of rowbuf_statement[kind] for rows rows. */
static char *rows_sql(int kind, int rows) {
  const char *one = statements[rowbuf_statement[kind]];
  const char *v = strstr(one, "VALUES (") + 7, *end = strchr(v, ')') + 1;
  hf_buf b = {0};
  hf_buf_put(&b, one, (size_t)(v - one));
  for (int r = 0; r < rows; r++) {
    if (r) hf_buf_puts(&b, ", ");
    hf_buf_put(&b, v, (size_t)(end - v));
  }
  hf_buf_puts(&b, end);
  hf_buf_cstr(&b);
  return b.data;
}

static struct hf_rowbuf *rows_new(void) {
  struct hf_rowbuf *r = hf_xcalloc(1, sizeof *r);
  for (int k = 0; k < RB_COUNT; k++) {
    const char *one = statements[rowbuf_statement[k]];
    int n = 0;
    for (const char *p = strstr(one, "VALUES ("); *p && *p != ')'; p++) n += *p == '?';
    r->b[k].ncols = n;
    r->b[k].per_stmt = ROWBUF_PARAMS / n;
  }
  return r;
}

/* Drops the waiting rows (after a rollback, or once written). */
static void rows_clear(struct hf_rowbuf *r) {
  if (!r) return;
  for (int k = 0; k < RB_COUNT; k++) {
    r->b[k].vals.n = 0;
    hf_arena_free(&r->b[k].arena);
  }
}

static void rows_free(hooft_store *s) {
  struct hf_rowbuf *r = s->rows;
  if (!r) return;
  rows_clear(r);
  for (int k = 0; k < RB_COUNT; k++) {
    free(r->b[k].vals.v);
    if (r->b[k].full) s->db->ops->finalize(r->b[k].full);
  }
  free(r);
  s->rows = NULL;
}

/* Writes rows [from, from + n) of buffer kind in one statement. */
static int rows_write(hooft_store *s, int kind, size_t from, int n, hooft_error *err) {
  rowbuf *b = &s->rows->b[kind];
  const hf_db_ops *o = s->db->ops;
  hf_stmt *st = b->full;
  int once = n != b->per_stmt;
  if (!st || once) {
    char *sql = rows_sql(kind, n);
    st = o->prepare(s->db, sql, !once, err);
    free(sql);
    if (!st) return -1;
    if (!once) b->full = st;
  }
  int rc = o->write(st, b->vals.v + from * (size_t)b->ncols, n * b->ncols, err);
  if (once) o->finalize(st);
  return rc;
}

/* Queues a row of buffer kind (text copied); writes a full statement's worth. */
static int rows_add(hooft_store *s, int kind, const hf_val *p, hooft_error *err) {
  if (!s->rows) s->rows = rows_new();
  rowbuf *b = &s->rows->b[kind];
  for (int i = 0; i < b->ncols; i++) {
    hf_val v = p[i];
    if (v.t == HF_TEXT) v.s = hf_arena_strdup(&b->arena, v.s);
    HF_VEC_PUSH(b->vals, v);
  }
  if (b->vals.n < (size_t)(b->per_stmt * b->ncols)) return 0;
  int rc = rows_write(s, kind, 0, b->per_stmt, err);
  b->vals.n = 0;
  hf_arena_free(&b->arena);
  return rc;
}

/* Writes every waiting row. */
static int rows_flush(hooft_store *s, hooft_error *err) {
  if (!s->rows) return 0;
  int rc = 0;
  for (int k = 0; k < RB_COUNT && rc == 0; k++) {
    rowbuf *b = &s->rows->b[k];
    size_t n = b->vals.n / (size_t)b->ncols;
    for (size_t from = 0; from < n && rc == 0; from += (size_t)b->per_stmt) {
      size_t m = n - from < (size_t)b->per_stmt ? n - from : (size_t)b->per_stmt;
      rc = rows_write(s, k, from, (int)m, err);
    }
  }
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
    if (!strcmp(c, order[i])) return i + 1;
  return 0;
}

/* An event a mention may join: read from the store, or made in this batch.
 * The fields mirror the events row, kept up to date as mentions join; the
 * row is written once, at the batch's next flush. */
typedef struct tally {
  char code[8];
  int64_t n;
} tally;

typedef struct cand {
  int64_t id;
  int day, last_day;        /* yyyymmdd */
  char cameo[8];            /* its code now: the most frequent among its mentions */
  int mixed;                /* a mention of another code joined in this batch: recode at flush */
  char certainty[16];       /* "" if none */
  place loc;
  int64_t mentions, articles, first_article;
  int first_seq;
  int64_t touched_art;      /* the last article that has a mention in it, -1 none */
  int64_t seen_art;         /* the article for which seen_cameo holds */
  char seen_cameo[8];       /* its code when that article first met it (the rules compare that) */
  int dirty, isnew;         /* changed in this batch; made in this batch */
  char *src_name, *tgt_name; /* owned: the first mention's actor names, when they changed (or new) */
  HF_VEC(tally) codes;      /* its mentions per code, once needed (loaded: codes_known) */
  int codes_known;
  /* a new event's fields from the mention that made it (owned) */
  char *src_code, *src_country, *tgt_code, *tgt_country, *root, *plover;
  int quad, negated;
  double goldstein;
  char added[16];
} cand;

/* The events with one dedup key (actors, root, polarity), and the days whose
 * candidates have been read from the store in this batch. */
typedef struct evgroup {
  char *key; /* owned: "SRC\x1fTGT\x1fROOT\x1fNEG" */
  char *src, *tgt, *root; /* owned */
  int negated;
  HF_VEC(size_t) cands; /* indexes into the cache's cands */
  HF_VEC(int) days;
} evgroup;

struct hf_evcache {
  hf_map groups; /* key -> evgroup */
  HF_VEC(evgroup *) list;
  HF_VEC(cand) cands;
};

typedef struct article_ctx {
  int64_t art;
  const ident *id;
  char stamp[16];
  HF_VEC(int) sentences;
} article_ctx;

static const char *nz(const char *s) { return s ? s : ""; }
static char *dupz(const char *s) { return s ? hf_xstrdup(s) : NULL; }

static void cand_free(cand *x) {
  place_free(&x->loc);
  free(x->src_name);
  free(x->tgt_name);
  free(x->codes.v);
  free(x->src_code);
  free(x->src_country);
  free(x->tgt_code);
  free(x->tgt_country);
  free(x->root);
  free(x->plover);
}

/* Empties the cache (after a flush or a rollback). */
static void cache_clear(struct hf_evcache *ec) {
  if (!ec) return;
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
  free(ec->list.v);
  free(ec->cands.v);
  memset(ec, 0, sizeof *ec);
}

static struct hf_evcache *cache_new(void) { return hf_xcalloc(1, sizeof(struct hf_evcache)); }

static void cache_free(struct hf_evcache *ec) {
  cache_clear(ec);
  free(ec);
}

/* The group of key (src, tgt, root, negated), made if new. */
static evgroup *group_for(struct hf_evcache *ec, const char *src, const char *tgt, const char *root, int negated) {
  hf_buf b = {0};
  hf_buf_printf(&b, "%s\x1f%s\x1f%s\x1f%d", src, tgt, root, negated);
  const char *k = hf_buf_cstr(&b);
  evgroup *g = hf_map_get(&ec->groups, k);
  if (g) {
    hf_buf_free(&b);
    return g;
  }
  g = hf_xcalloc(1, sizeof *g);
  g->key = b.data;
  g->src = hf_xstrdup(src);
  g->tgt = hf_xstrdup(tgt);
  g->root = hf_xstrdup(root);
  g->negated = negated;
  hf_map_put(&ec->groups, g->key, g);
  HF_VEC_PUSH(ec->list, g);
  return g;
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
  char buf[11];
  size_t n = strlen(d);
  if (n == 10)
    snprintf(buf, sizeof buf, "%s", d);
  else if (n == 7)
    snprintf(buf, sizeof buf, "%.7s-01", d);
  else if (n == 4)
    snprintf(buf, sizeof buf, "%.4s-01-01", d);
  else
    return pub_day;
  int day = hf_parse_date(buf, 10);
  return day ? day : pub_day;
}

/* Adds the candidate in the current row of st (columns from ST_CANDIDATES) to
 * group g, unless the batch has it already (its version in memory is newer). */
static void add_candidate(struct hf_evcache *ec, evgroup *g, const hf_db_ops *o, hf_stmt *st) {
  int64_t id = o->col_int(st, 0);
  for (size_t i = 0; i < g->cands.n; i++)
    if (ec->cands.v[g->cands.v[i]].id == id) return;
  cand x = {0};
  x.id = id;
  x.day = (int)o->col_int(st, 1);
  x.last_day = (int)o->col_int(st, 2);
  snprintf(x.cameo, sizeof x.cameo, "%s", nz(o->col_text(st, 3)));
  snprintf(x.certainty, sizeof x.certainty, "%s", nz(o->col_text(st, 4)));
  place_from_row(&x.loc, o, st, 5);
  x.mentions = o->col_int(st, 10);
  x.articles = o->col_int(st, 11);
  x.first_article = o->col_int(st, 12);
  x.first_seq = (int)o->col_int(st, 13);
  x.touched_art = x.seen_art = -1;
  HF_VEC_PUSH(ec->cands, x);
  HF_VEC_PUSH(g->cands, ec->cands.n - 1);
}

/* Reads the stored events of group g whose first day lies within the window
 * around day into the candidates (those not there already). */
static int load_candidates(hooft_store *s, evgroup *g, int day, hooft_error *err) {
  long dn = hf_day_number(day);
  hf_val p[] = {hf_text(g->src),
                hf_text(g->tgt),
                hf_text(g->root),
                hf_int(g->negated),
                hf_int(hf_day_from_number(dn - HOOFT_DEDUP_WINDOW)),
                hf_int(hf_day_from_number(dn + HOOFT_DEDUP_WINDOW))};
  hf_stmt *st = s->st[ST_CANDIDATES];
  const hf_db_ops *o = s->db->ops;
  if (o->query(st, p, 6, err) < 0) return -1;
  int got;
  while ((got = o->next(st, err)) == 1) add_candidate(s->cache, g, o, st);
  return got < 0 ? -1 : 0;
}

/* The same for many (group, day) pairs in one query (up to 8 a query): one
 * round trip for the PostgreSQL backend instead of one per pair. */
typedef struct gday {
  evgroup *g;
  int day;
} gday;

static int load_all_candidates(hooft_store *s, const gday *want, size_t n, hooft_error *err) {
  const hf_db_ops *o = s->db->ops;
  for (size_t from = 0; from < n; from += 8) {
    size_t to = from + 8 < n ? from + 8 : n;
    hf_buf sql = {0};
    hf_val p[48];
    int np = 0;
    hf_buf_puts(&sql, statements[ST_CANDIDATES]);
    sql.len = (size_t)(strstr(sql.data, " FROM ") - sql.data); /* the same columns, and the key's */
    hf_buf_puts(&sql, ", source_code, target_code, root, negated FROM events WHERE ");
    for (size_t i = from; i < to; i++) {
      const evgroup *g = want[i].g;
      long dn = hf_day_number(want[i].day);
      hf_buf_printf(&sql, "%s(source_code = ? AND target_code = ? AND root = ? AND negated = ? AND day BETWEEN ? AND ?)",
                    i > from ? " OR " : "");
      p[np++] = hf_text(g->src);
      p[np++] = hf_text(g->tgt);
      p[np++] = hf_text(g->root);
      p[np++] = hf_int(g->negated);
      p[np++] = hf_int(hf_day_from_number(dn - HOOFT_DEDUP_WINDOW));
      p[np++] = hf_int(hf_day_from_number(dn + HOOFT_DEDUP_WINDOW));
    }
    hf_stmt *st = o->prepare(s->db, hf_buf_cstr(&sql), 0, err);
    int rc = st ? o->query(st, p, np, err) : -1;
    int got = 0;
    while (rc == 0 && (got = o->next(st, err)) == 1) {
      hf_buf k = {0};
      hf_buf_printf(&k, "%s\x1f%s\x1f%s\x1f%d", nz(o->col_text(st, 14)), nz(o->col_text(st, 15)),
                    nz(o->col_text(st, 16)), (int)o->col_int(st, 17));
      evgroup *g = hf_map_get(&s->cache->groups, hf_buf_cstr(&k));
      hf_buf_free(&k);
      if (g) add_candidate(s->cache, g, o, st);
    }
    if (got < 0) rc = -1;
    if (st) o->finalize(st);
    hf_buf_free(&sql);
    if (rc < 0) return -1;
  }
  return 0;
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
  for (size_t i = 0; i < g->cands.n; i++) {
    cand *x = &ec->cands.v[g->cands.v[i]];
    long lo = hf_day_number(x->day < day ? x->day : day), hi = hf_day_number(x->last_day > day ? x->last_day : day);
    if (hi - lo > HOOFT_DEDUP_WINDOW) continue;
    if (!compatible(loc, &x->loc)) continue;
    if (x->seen_art != art) {
      x->seen_art = art;
      memcpy(x->seen_cameo, x->cameo, sizeof x->cameo);
    }
    int same = strcmp(x->seen_cameo, e->cameo) == 0;
    long gap = day_gap(dn, x);
    if (!best || same > best_same || (same == best_same && (gap < best_gap || (gap == best_gap && x->id < best->id)))) {
      best = x;
      best_gap = gap;
      best_same = same;
    }
  }
  return best;
}

static hf_val opt_real(int known, double d) { return known ? hf_real(d) : hf_null(); }

/* Inserts the events row of new event x. */
static int insert_event(hooft_store *s, const cand *x, hooft_error *err) {
  const place *l = &x->loc;
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
                hf_text(l->known ? l->name : NULL),
                hf_text(l->known ? l->country : NULL),
                opt_real(l->has_coords, l->lat),
                opt_real(l->has_coords, l->lon),
                hf_text(l->known ? l->feature : NULL),
                hf_int(x->mentions),
                hf_int(x->id),
                hf_int(x->articles),
                hf_int(x->first_article),
                hf_int(x->first_seq),
                hf_text(x->added)};
  return write_st(s, ST_EV_INSERT, p, (int)(sizeof p / sizeof *p), err);
}

/* Writes the events row of x (after mentions joined or left it). names: the
 * first mention's actor names when it changed, else NULL (kept). */
static int update_event(hooft_store *s, const cand *x, const char *src_name, const char *tgt_name,
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
                hf_text(l->known ? l->name : NULL),
                hf_text(l->known ? l->country : NULL),
                opt_real(l->has_coords, l->lat),
                opt_real(l->has_coords, l->lon),
                hf_text(l->known ? l->feature : NULL),
                hf_int(x->first_article),
                hf_int(x->first_seq),
                hf_text(src_name),
                hf_text(tgt_name),
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

/* Counts one more mention of code in x's tally. */
static void tally_add(cand *x, const char *code, int64_t n) {
  for (size_t i = 0; i < x->codes.n; i++)
    if (!strcmp(x->codes.v[i].code, code)) {
      x->codes.v[i].n += n;
      return;
    }
  tally t = {{0}, n};
  snprintf(t.code, sizeof t.code, "%s", code);
  HF_VEC_PUSH(x->codes, t);
}

/* Reads the tally of stored event x's mentions per code (the mentions of
 * this batch are written already). */
static int tally_load(hooft_store *s, cand *x, hooft_error *err) {
  const hf_db_ops *o = s->db->ops;
  hf_stmt *st = o->prepare(s->db, "SELECT cameo, count(*) FROM mentions WHERE event_id = ? GROUP BY cameo", 0, err);
  if (!st) return -1;
  hf_val p[] = {hf_int(x->id)};
  int got = o->query(st, p, 1, err) < 0 ? -1 : 0;
  while (got == 0 && (got = o->next(st, err)) == 1) {
    tally_add(x, nz(o->col_text(st, 0)), o->col_int(st, 1));
    got = 0;
  }
  o->finalize(st);
  x->codes_known = got == 0;
  return got < 0 ? -1 : 0;
}

/* x's most frequent code (ties: the lowest) into x->cameo. */
static void tally_pick(cand *x) {
  const tally *best = NULL;
  for (size_t i = 0; i < x->codes.n; i++) {
    const tally *t = &x->codes.v[i];
    if (!best || t->n > best->n || (t->n == best->n && strcmp(t->code, best->code) < 0)) best = t;
  }
  if (best) memcpy(x->cameo, best->code, sizeof x->cameo);
}

/* Files mention number seq of the article under an event: a matching one, or a new one. */
static int put_mention(hooft_store *s, article_ctx *c, int64_t seq, const hooft_event *e, hooft_error *err) {
  struct hf_evcache *ec = s->cache;
  int day = mention_day(e, c->id->day);
  evgroup *g = group_for(ec, nz(e->source.code), nz(e->target.code), e->root, e->negated ? 1 : 0);
  if (day && !has_day(g, day)) {
    HF_VEC_PUSH(g->days, day);
    if (load_candidates(s, g, day, err) < 0) return -1;
  }
  place loc = {0};
  if (e->location.name)
    place_set(&loc, e->location.name, e->location.country, e->location.has_coordinates, e->location.lat,
              e->location.lon, e->location.feature);
  cand *x = choose(ec, g, c->art, e, day, &loc);
  int64_t event_id;
  if (!x) {
    cand n = {0};
    n.id = s->next_event++;
    n.day = n.last_day = day;
    snprintf(n.cameo, sizeof n.cameo, "%s", e->cameo);
    memcpy(n.seen_cameo, n.cameo, sizeof n.cameo);
    absorb(&n, e->certainty, &loc);
    n.mentions = n.articles = 1;
    n.first_article = c->art;
    n.first_seq = (int)seq;
    n.touched_art = n.seen_art = c->art;
    n.dirty = n.isnew = 1;
    n.src_name = dupz(e->source.text);
    n.tgt_name = dupz(e->target.text);
    tally_add(&n, e->cameo, 1);
    n.codes_known = 1;
    n.src_code = hf_xstrdup(nz(e->source.code));
    n.src_country = dupz(e->source.country);
    n.tgt_code = hf_xstrdup(nz(e->target.code));
    n.tgt_country = dupz(e->target.country);
    n.root = hf_xstrdup(e->root);
    n.plover = dupz(e->plover);
    n.quad = e->quad;
    n.negated = e->negated ? 1 : 0;
    n.goldstein = e->goldstein;
    memcpy(n.added, c->stamp, sizeof n.added);
    HF_VEC_PUSH(ec->cands, n);
    HF_VEC_PUSH(g->cands, ec->cands.n - 1);
    event_id = n.id;
  } else {
    event_id = x->id;
  }
  const hooft_actor *at = &e->attribution;
  const place *l = &loc;
  hf_val p[] = {hf_int(c->art),
                hf_int(seq),
                hf_int(event_id),
                hf_int(day),
                hf_text(e->date),
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
                hf_text(e->certainty),
                hf_text(l->known ? l->name : NULL),
                hf_text(l->known ? l->country : NULL),
                opt_real(l->has_coords, l->lat),
                opt_real(l->has_coords, l->lon),
                hf_text(l->known ? l->feature : NULL)};
  hf_val q[] = {hf_int(event_id), hf_text(c->id->source)};
  int rc = 0;
  /* a stored event's code tally is read (before this mention is written) when another code joins */
  if (x && !x->codes_known && strcmp(x->cameo, e->cameo) != 0) {
    rc = rows_flush(s, err);
    if (rc == 0) rc = tally_load(s, x, err);
  }
  if (rc == 0) rc = rows_add(s, RB_MENTIONS, p, err);
  if (rc == 0) rc = rows_add(s, RB_SOURCES, q, err);
  if (rc < 0 || !x) {
    place_free(&loc);
    return rc;
  }
  /* joined an event: its counts, dates, representative and code */
  x->mentions++;
  if (x->touched_art != c->art) x->articles++;
  x->touched_art = c->art;
  x->dirty = 1;
  if (day < x->day) x->day = day;
  if (day > x->last_day) x->last_day = day;
  absorb(x, e->certainty, &loc);
  place_free(&loc);
  if (c->art < x->first_article || (c->art == x->first_article && seq < x->first_seq)) {
    x->first_article = c->art;
    x->first_seq = (int)seq;
    free(x->src_name);
    free(x->tgt_name);
    x->src_name = dupz(e->source.text);
    x->tgt_name = dupz(e->target.text);
  }
  if (x->codes_known) tally_add(x, e->cameo, 1);
  if (strcmp(x->cameo, e->cameo) != 0) {
    x->mixed = 1;
    tally_pick(x);
  }
  return 0;
}

/* Writes the events the batch made or changed, and puts them back into the
 * (dyad, month) rollup: their old rows are taken out first. */
static int flush_events(hooft_store *s, hooft_error *err) {
  struct hf_evcache *ec = s->cache;
  int rc = 0, any = 0;
  for (size_t i = 0; i < ec->cands.n && rc == 0; i++) {
    cand *x = &ec->cands.v[i];
    if (!x->dirty) continue;
    any = 1;
    if (!x->isnew) {
      hf_val p[] = {hf_int(x->id)};
      rc = write_st(s, ST_TOUCH_INSERT, p, 1, err);
    }
  }
  if (!any) return 0;
  hf_val minus[] = {hf_int(-1), hf_int(-1), hf_real(-1), hf_int(INT64_MAX)};
  if (rc == 0) rc = write_st(s, ST_ROLLUP, minus, 4, err);
  for (size_t i = 0; i < ec->cands.n && rc == 0; i++) {
    cand *x = &ec->cands.v[i];
    if (!x->dirty) continue;
    rc = x->isnew ? insert_event(s, x, err) : update_event(s, x, x->src_name, x->tgt_name, err);
    if (rc == 0 && x->mixed) rc = recode_event(s, x->id, err);
  }
  hf_val plus[] = {hf_int(1), hf_int(1), hf_real(1), hf_int(s->first_unflushed_event)};
  if (rc == 0) rc = write_st(s, ST_ROLLUP, plus, 4, err);
  if (rc == 0) rc = write_st(s, ST_TOUCH_CLEAR, NULL, 0, err);
  return rc;
}

int hf_store_flush(hooft_store *s, hooft_error *err) {
  if (!s->in_batch) return 0;
  int rc = rows_flush(s, err);
  if (rc == 0 && s->cache) rc = flush_events(s, err);
  cache_clear(s->cache);
  s->first_unflushed_event = s->next_event;
  if (rc == 0 && !hf_db_is_pg(s->db)) { /* the new sentences into the full-text index, in one statement */
    int64_t mark;
    rc = query_int(s, "SELECT max(id) FROM sentences", NULL, 0, &mark, err);
    if (rc == 0 && mark > s->fts_mark) {
      hf_stmt *st = s->db->ops->prepare(
          s->db, "INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id > ?", 0, err);
      hf_val p[] = {hf_int(s->fts_mark)};
      rc = st ? s->db->ops->write(st, p, 1, err) : -1;
      if (st) s->db->ops->finalize(st);
    }
    if (rc == 0) s->fts_mark = mark;
  }
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
                           "m.target_name FROM mentions m JOIN articles a ON a.id = m.article_id "
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
    if (rc == 0) rc = update_event(s, &x, src_name, tgt_name, err);
    if (rc == 0) rc = recode_event(s, id, err);
  }
  for (size_t i = 0; i < sources.n; i++) free(sources.v[i]);
  free(sources.v);
  free(src_name);
  free(tgt_name);
  place_free(&x.loc);
  return rc;
}

/* Removes the mentions and sentences of article art, then fixes the events they were in. */
static int remove_mentions(hooft_store *s, int64_t art, hooft_error *err) {
  const hf_db_ops *o = s->db->ops;
  hf_stmt *st = s->st[ST_OLD_EVENTS];
  hf_val p[] = {hf_int(art)};
  HF_VEC(int64_t) ids = {0};
  int got = o->query(st, p, 1, err) < 0 ? -1 : 0;
  while (got == 0 && (got = o->next(st, err)) == 1) {
    HF_VEC_PUSH(ids, o->col_int(st, 0));
    got = 0;
  }
  int rc = got < 0 ? -1 : 0;
  /* the events leave the rollup while they change */
  for (size_t i = 0; i < ids.n && rc == 0; i++) {
    hf_val q[] = {hf_int(ids.v[i])};
    rc = write_st(s, ST_TOUCH_INSERT, q, 1, err);
  }
  hf_val minus[] = {hf_int(-1), hf_int(-1), hf_real(-1), hf_int(INT64_MAX)};
  hf_val plus[] = {hf_int(1), hf_int(1), hf_real(1), hf_int(INT64_MAX)};
  if (rc == 0) rc = write_st(s, ST_ROLLUP, minus, 4, err);
  if (rc == 0) rc = write_st(s, ST_DEL_MENTIONS, p, 1, err);
  if (rc == 0) rc = write_st(s, ST_DEL_SENTENCES, p, 1, err);
  for (size_t i = 0; i < ids.n && rc == 0; i++) rc = recompute_event(s, ids.v[i], err);
  if (rc == 0) rc = write_st(s, ST_ROLLUP, plus, 4, err);
  if (rc == 0) rc = write_st(s, ST_TOUCH_CLEAR, NULL, 0, err);
  free(ids.v);
  /* every sentence left is indexed; new ones may reuse the ids of deleted ones */
  if (rc == 0 && !hf_db_is_pg(s->db)) rc = query_int(s, "SELECT max(id) FROM sentences", NULL, 0, &s->fts_mark, err);
  return rc;
}

static int put_sentence(hooft_store *s, article_ctx *c, const hooft_event *e, hooft_error *err) {
  for (size_t i = 0; i < c->sentences.n; i++)
    if (c->sentences.v[i] == e->sentence) return 0;
  HF_VEC_PUSH(c->sentences, e->sentence);
  hf_val p[] = {hf_int(c->art), hf_int(e->sentence), hf_text(nz(e->text))};
  return rows_add(s, RB_SENTENCES, p, err);
}

/* Stores article a with its events; lang is the language stored (the one the
 * coder identified), while the identity uses the article as given. */
static int put_article(hooft_store *s, const hooft_article *a, int id_given, const char *lang,
                       const hooft_event *events, size_t n, hooft_error *err) {
  if (!s->in_batch) {
    hf_error(err, "storing an article needs an open batch");
    return -1;
  }
  ident id;
  if (identify(a, id_given, &id, err) < 0) return -1;
  for (size_t i = 0; i < n; i++) {
    if (!events[i].cameo || !events[i].root || strlen(events[i].root) != 2) {
      hf_error(err, "%s: event %zu has no CAMEO code or root", id.key, i + 1);
      ident_free(&id);
      return -1;
    }
  }
  article_ctx c = {0};
  c.id = &id;
  now_stamp(c.stamp);
  char old_hash[65];
  int result = lookup(s, id.key, &c.art, old_hash, err);
  if (result == 1 && strcmp(old_hash, id.hash) == 0) {
    ident_free(&id);
    return HOOFT_PUT_UNCHANGED;
  }
  int rc = result < 0 ? -1 : 0;
  if (rc == 0 && result == 1) {
    result = HOOFT_PUT_REPLACED;
    /* what the batch holds goes to the store first: the old mentions' events are recomputed there */
    rc = hf_store_flush(s, err);
    if (rc == 0) rc = remove_mentions(s, c.art, err);
    hf_val p[] = {hf_text(id.hash), hf_text(a->url), hf_text(id.source), hf_text(a->title), hf_text(a->date),
                  hf_int(id.day),   hf_text(lang),   hf_int((int64_t)n), hf_text(c.stamp), hf_int(c.art)};
    if (rc == 0) rc = write_st(s, ST_ART_UPDATE, p, (int)(sizeof p / sizeof *p), err);
  } else if (rc == 0) {
    result = HOOFT_PUT_NEW;
    c.art = s->next_article++;
    hf_val p[] = {hf_int(c.art),     hf_text(id.key),   hf_text(id.hash), hf_text(a->url),
                  hf_text(id.source), hf_text(a->title), hf_text(a->date), hf_int(id.day),
                  hf_text(lang),      hf_int((int64_t)n), hf_text(c.stamp)};
    rc = write_st(s, ST_ART_INSERT, p, (int)(sizeof p / sizeof *p), err);
  }
  if (rc == 0 && hf_db_is_pg(s->db)) { /* all candidates in one round trip */
    HF_VEC(gday) want = {0};
    for (size_t i = 0; i < n; i++) {
      const hooft_event *e = &events[i];
      int day = mention_day(e, id.day);
      evgroup *g = group_for(s->cache, nz(e->source.code), nz(e->target.code), e->root, e->negated ? 1 : 0);
      if (!day || has_day(g, day)) continue;
      HF_VEC_PUSH(g->days, day);
      HF_VEC_PUSH(want, ((gday){g, day}));
    }
    rc = load_all_candidates(s, want.v, want.n, err);
    free(want.v);
  }
  for (size_t i = 0; i < n && rc == 0; i++) {
    rc = put_sentence(s, &c, &events[i], err);
    if (rc == 0) rc = put_mention(s, &c, (int64_t)i, &events[i], err);
  }
  free(c.sentences.v);
  ident_free(&id);
  return rc < 0 ? -1 : result;
}

int hooft_store_put_events(hooft_store *s, const hooft_article *a, int id_given, const hooft_event *events, size_t n,
                           hooft_error *err) {
  return put_article(s, a, id_given, a->lang, events, n, err);
}

int hooft_store_put(hooft_store *s, const hooft_article *a, int id_given, const hooft_doc *doc, hooft_error *err) {
  size_t n = hooft_doc_event_count(doc);
  hooft_event *ev = hf_xcalloc(n ? n : 1, sizeof *ev);
  for (size_t i = 0; i < n; i++) ev[i] = *hooft_doc_event(doc, i);
  int r = put_article(s, a, id_given, hooft_doc_lang(doc), ev, n, err);
  free(ev);
  return r;
}

int hooft_store_stats_get(hooft_store *s, hooft_store_stats *out, hooft_error *err) {
  if (query_int(s, "SELECT count(*) FROM articles", NULL, 0, &out->articles, err) < 0 ||
      query_int(s, "SELECT count(*) FROM events", NULL, 0, &out->events, err) < 0 ||
      query_int(s, "SELECT count(*) FROM mentions", NULL, 0, &out->mentions, err) < 0)
    return -1;
  return 0;
}
