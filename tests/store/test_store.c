/* test_store.c: event store tests, run once per backend (test_store sqlite | test_store pg): articles
 * replaced or left alone, deduplication rules, counts, queries, filters, exports, failures. */
#include <libpq-fe.h>
#include <setjmp.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "hooft_store.h"

static int use_pg;
static char tmpdir[64];
static char url[512];
static int ntest;

/* ---- A fresh, empty store per test ------------------------------------------------------ */

static void quiet(void *arg, const char *msg) {
  (void)arg;
  (void)msg;
}

/* Runs one statement on the PostgreSQL server's maintenance database. */
static void pg_admin(const char *sql) {
  char conn[600];
  snprintf(conn, sizeof conn, "%s/postgres", getenv("HOOFT_TEST_PG"));
  PGconn *c = PQconnectdb(conn);
  if (PQstatus(c) != CONNECTION_OK) fail_msg("cannot connect to %s: %s", conn, PQerrorMessage(c));
  PQsetNoticeProcessor(c, quiet, NULL);
  PGresult *r = PQexec(c, sql);
  if (PQresultStatus(r) != PGRES_COMMAND_OK) fail_msg("%s: %s", sql, PQerrorMessage(c));
  PQclear(r);
  PQfinish(c);
}

static int setup(void **state) {
  ntest++;
  if (use_pg) {
    char sql[128];
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS hooft_test_%d_%d", (int)getpid(), ntest);
    pg_admin(sql);
    snprintf(sql, sizeof sql, "CREATE DATABASE hooft_test_%d_%d", (int)getpid(), ntest);
    pg_admin(sql);
    snprintf(url, sizeof url, "%s/hooft_test_%d_%d", getenv("HOOFT_TEST_PG"), (int)getpid(), ntest);
  } else {
    snprintf(url, sizeof url, "%s/store%d.db", tmpdir, ntest);
  }
  hooft_error err;
  hooft_store *s = hooft_store_open(url, &err);
  if (!s) fail_msg("open %s: %s", url, err.message);
  *state = s;
  return 0;
}

static int teardown(void **state) {
  hooft_store_close(*state);
  if (use_pg) {
    char sql[128];
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS hooft_test_%d_%d", (int)getpid(), ntest);
    pg_admin(sql);
  }
  return 0;
}

/* Runs SQL on the test's store itself, past hooft (to make an older store);
 * returns the first column of the first row ("" if none) in a static buffer. */
static const char *raw_sql(const char *sql) {
  static char out[256];
  out[0] = 0;
  if (use_pg) {
    PGconn *c = PQconnectdb(url);
    if (PQstatus(c) != CONNECTION_OK) fail_msg("cannot connect to %s: %s", url, PQerrorMessage(c));
    PQsetNoticeProcessor(c, quiet, NULL);
    PGresult *r = PQexec(c, sql);
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) fail_msg("%s: %s", sql, PQerrorMessage(c));
    if (st == PGRES_TUPLES_OK && PQntuples(r) > 0) snprintf(out, sizeof out, "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
    PQfinish(c);
    return out;
  }
  sqlite3 *db;
  if (sqlite3_open(url, &db) != SQLITE_OK) fail_msg("open %s: %s", url, sqlite3_errmsg(db));
  sqlite3_stmt *st;
  const char *rest = sql;
  while (*rest) {
    if (sqlite3_prepare_v2(db, rest, -1, &st, &rest) != SQLITE_OK) fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    if (!st) break;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && !out[0]) snprintf(out, sizeof out, "%s", (const char *)sqlite3_column_text(st, 0));
    else if (rc != SQLITE_DONE && rc != SQLITE_ROW) fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return out;
}

/* ---- Building articles and events -------------------------------------------------------- */

static hooft_article art(const char *id, const char *date, const char *url_, const char *text) {
  hooft_article a = {id, date, "en", "Title", text, strlen(text), url_};
  return a;
}

/* The country of an actor code: its first three letters (kept in a static pool). */
static const char *country_of(const char *code) {
  static char pool[256][4];
  static int next;
  char *c = pool[next++ % 256];
  snprintf(c, 4, "%.3s", code);
  return c;
}

/* An event src -> tgt with CAMEO code and root in sentence n; the rest empty. */
static hooft_event ev(const char *src, const char *tgt, const char *cameo, const char *root, int n) {
  hooft_event e;
  memset(&e, 0, sizeof e);
  e.sentence = n;
  e.span_start = 0;
  e.span_end = 10;
  e.text = n == 1 ? "Russia attacked Ukraine." : n == 2 ? "Moscow accused Kyiv of sabotage." : "Other sentence.";
  e.source = (hooft_actor){src, src, country_of(src)};
  e.target = (hooft_actor){tgt, tgt, country_of(tgt)};
  e.cameo = cameo;
  e.root = root;
  e.quad = atoi(root) >= 18 ? 4 : atoi(root) >= 10 ? 3 : 1;
  e.goldstein = atoi(root) >= 18 ? -10.0 : 2.0;
  e.plover = atoi(root) >= 18 ? "ASSAULT" : atoi(root) <= 2 ? NULL : "ACCUSE";
  e.cameo_name = "test";
  e.verb = "attacked";
  e.pattern = "attack";
  e.rule = "test:1";
  return e;
}

/* Stores one article with its events in its own batch; returns the put result. */
static int put(hooft_store *s, hooft_article a, hooft_event *e, size_t n) {
  hooft_error err;
  if (hooft_store_begin(s, &err) < 0) fail_msg("begin: %s", err.message);
  int r = hooft_store_put_events(s, &a, 1, e, n, &err);
  if (r < 0) fail_msg("put %s: %s", a.id, err.message);
  if (hooft_store_commit(s, &err) < 0) fail_msg("commit: %s", err.message);
  return r;
}

static hooft_store_stats stats(hooft_store *s) {
  hooft_store_stats st;
  hooft_error err;
  if (hooft_store_stats_get(s, &st, &err) < 0) fail_msg("stats: %s", err.message);
  return st;
}

/* Query results as one string: rows separated by '\n', values by '|' ("-" = none). */
typedef struct collect {
  char buf[8192];
  size_t len;
  int rows;
} collect;

static int collect_row(const hooft_row *r, void *ud) {
  collect *c = ud;
  for (size_t i = 0; i < r->n; i++)
    c->len += (size_t)snprintf(c->buf + c->len, sizeof c->buf - c->len, "%s%s", i ? "|" : "",
                               r->values[i] ? r->values[i] : "-");
  c->len += (size_t)snprintf(c->buf + c->len, sizeof c->buf - c->len, "\n");
  c->rows++;
  return 0;
}

/* Runs a query with filter settings given as name, value pairs (NULL-terminated). */
static collect query(hooft_store *s, unsigned group, unsigned measures, ...) {
  hooft_filter f;
  hooft_filter_init(&f);
  va_list ap;
  va_start(ap, measures);
  const char *name;
  hooft_error err;
  while ((name = va_arg(ap, const char *)) != NULL) {
    const char *v = va_arg(ap, const char *);
    if (hooft_filter_set(&f, name, v, &err) < 0) fail_msg("filter %s=%s: %s", name, v, err.message);
  }
  va_end(ap);
  collect c = {0};
  if (hooft_store_query(s, &f, group, measures, collect_row, &c, &err) != 0) fail_msg("query: %s", err.message);
  return c;
}

/* Events as "id|date|source|target|cameo|mentions|sources|articles" lines. */
static collect events(hooft_store *s) {
  collect all = query(s, 0, 0, "negated", "include", NULL), out = {0};
  char *save = NULL;
  for (char *line = strtok_r(all.buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    char *f[20];
    int n = 0;
    for (char *p = line; n < 20; p = strchr(p, '|') + 1) {
      f[n++] = p;
      if (!strchr(p, '|')) break;
    }
    for (int i = 0; i < n; i++)
      if (strchr(f[i], '|')) *strchr(f[i], '|') = 0;
    out.len += (size_t)snprintf(out.buf + out.len, sizeof out.buf - out.len, "%s|%s|%s|%s|%s|%s|%s|%s\n", f[0], f[1],
                                f[2], f[4], f[6], f[14], f[15], f[16]);
    out.rows++;
  }
  return out;
}

/* ---- Articles ------------------------------------------------------------------------------- */

static void test_new_unchanged_replaced(void **state) {
  hooft_store *s = *state;
  hooft_event e[2] = {ev("RUS", "UKR", "190", "19", 1), ev("RUS", "UKR", "112", "11", 2)};
  hooft_article a = art("a1", "2024-03-10", "https://nos.nl/1", "Russia attacked Ukraine. Moscow accused Kyiv.");
  assert_int_equal(put(s, a, e, 2), HOOFT_PUT_NEW);
  hooft_error err;
  assert_int_equal(hooft_store_check(s, &a, 1, &err), HOOFT_PUT_UNCHANGED);
  assert_int_equal(put(s, a, e, 2), HOOFT_PUT_UNCHANGED);
  hooft_store_stats st = stats(s);
  assert_int_equal(st.articles, 1);
  assert_int_equal(st.events, 2);
  assert_int_equal(st.mentions, 2);
  /* same id, new text: the old events are replaced */
  hooft_article b = art("a1", "2024-03-10", "https://nos.nl/1", "Russia attacked Ukraine (updated).");
  assert_int_equal(hooft_store_check(s, &b, 1, &err), HOOFT_PUT_REPLACED);
  assert_int_equal(put(s, b, e, 1), HOOFT_PUT_REPLACED);
  st = stats(s);
  assert_int_equal(st.articles, 1);
  assert_int_equal(st.events, 1);
  assert_int_equal(st.mentions, 1);
  /* (the events of the old version are gone, their ids too) */
  assert_string_equal(events(s).buf, "3|2024-03-10|RUS|UKR|190|1|1|1\n");
  hooft_article c = art("other", "2024-03-10", NULL, "x");
  assert_int_equal(hooft_store_check(s, &c, 1, &err), HOOFT_PUT_NEW);
}

/* Full-text search sees the sentences of every article of a batch (also
 * after an article without events), and a replaced article's new sentences
 * instead of its old ones, once each. */
static void test_text_search_batches(void **state) {
  hooft_store *s = *state;
  hooft_error err;
  hooft_event sab = ev("RUS", "UKR", "112", "11", 2), att = ev("RUS", "UKR", "190", "19", 1);
  hooft_event att2 = ev("USA", "IRN", "190", "19", 1);
  hooft_article a1 = art("a1", "2024-03-10", "https://nos.nl/1", "one"), a2 = art("a2", "2024-03-10", NULL, "two");
  hooft_article a3 = art("a3", "2024-06-10", "https://nu.nl/3", "three");
  assert_int_equal(hooft_store_begin(s, &err), 0);
  assert_int_equal(hooft_store_put_events(s, &a1, 1, &sab, 1, &err), HOOFT_PUT_NEW);
  assert_int_equal(hooft_store_put_events(s, &a2, 1, NULL, 0, &err), HOOFT_PUT_NEW);
  assert_int_equal(hooft_store_put_events(s, &a3, 1, &att, 1, &err), HOOFT_PUT_NEW);
  assert_int_equal(hooft_store_commit(s, &err), 0);
  assert_int_equal(query(s, 0, 0, "text", "sabotage", NULL).rows, 1);
  assert_int_equal(query(s, 0, 0, "text", "attacked", NULL).rows, 1);
  /* a1 replaced (its sentence 2 goes, sentence 1 comes) in a batch with a new article */
  hooft_article b1 = art("a1", "2024-03-10", "https://nos.nl/1", "one, updated");
  hooft_article a4 = art("a4", "2024-09-10", "https://nu.nl/4", "four");
  assert_int_equal(hooft_store_begin(s, &err), 0);
  assert_int_equal(hooft_store_put_events(s, &a4, 1, &att2, 1, &err), HOOFT_PUT_NEW);
  assert_int_equal(hooft_store_put_events(s, &b1, 1, &att, 1, &err), HOOFT_PUT_REPLACED);
  assert_int_equal(hooft_store_commit(s, &err), 0);
  assert_int_equal(query(s, 0, 0, "text", "sabotage", NULL).rows, 0);
  assert_int_equal(query(s, 0, 0, "text", "attacked", NULL).rows, 3);
  assert_int_equal(query(s, 0, 0, "text", "attacked", "source", "USA", NULL).rows, 1);
}

/* A store of schema version 4 (before PostgreSQL's sentences had their
 * terms) is read as it is (SQLite, whose tables version 5 left alone) or
 * upgraded when opened (PostgreSQL): text search finds the old sentences,
 * also without their diacritics, and new articles go in beside them. */
static void test_version_4(void **state) {
  hooft_store *s = *state;
  hooft_event e = ev("RUS", "UKR", "190", "19", 1);
  e.text = "Rusland viel Oekraïne aan.";
  put(s, art("old", "2024-03-10", NULL, "Rusland viel Oekraïne aan."), &e, 1);
  hooft_store_close(s);
  *state = NULL;
  if (use_pg)
    raw_sql("ALTER TABLE sentences DROP COLUMN terms;"
            "CREATE INDEX sentences_text ON sentences USING gin (to_tsvector('simple', text));"
            "UPDATE hooft_meta SET value = '4' WHERE name = 'schema'");
  else
    raw_sql("UPDATE hooft_meta SET value = '4' WHERE name = 'schema'");
  hooft_error err;
  s = *state = hooft_store_open(url, &err);
  if (!s) fail_msg("open %s: %s", url, err.message);
  assert_string_equal(raw_sql("SELECT value FROM hooft_meta WHERE name = 'schema'"), use_pg ? "5" : "4");
  if (use_pg) assert_string_equal(raw_sql("SELECT count(*) FROM pg_indexes WHERE indexname = 'sentences_text'"), "0");
  assert_int_equal(query(s, 0, 0, "text", "OEKRAINE viel", NULL).rows, 1);
  hooft_event f = ev("RUS", "UKR", "112", "11", 2);
  f.text = "Rusland beschuldigde Oekraïne.";
  put(s, art("new", "2024-05-10", NULL, "Rusland beschuldigde Oekraïne."), &f, 1);
  assert_int_equal(query(s, 0, 0, "text", "oekraïne", NULL).rows, 2);
  assert_int_equal(query(s, 0, 0, "text", "oekraine beschuldigde", NULL).rows, 1);
}

/* An article that cannot be stored (a bad date, an event without a code) is
 * refused as invalid: nothing of it is stored, and the batch goes on. */
static void test_invalid_article(void **state) {
  hooft_store *s = *state;
  hooft_error err;
  hooft_event e = ev("RUS", "UKR", "190", "19", 1), nocode = ev("RUS", "UKR", "190", "19", 1);
  nocode.cameo = NULL;
  hooft_article bad = art("bad", "2024-13-01", NULL, "x"), good = art("good", "2024-03-10", NULL, "y");
  assert_int_equal(hooft_store_check(s, &bad, 1, &err), HOOFT_PUT_INVALID);
  assert_non_null(strstr(err.message, "bad date '2024-13-01'"));
  assert_int_equal(hooft_store_begin(s, &err), 0);
  assert_int_equal(hooft_store_put_events(s, &bad, 1, &e, 1, &err), HOOFT_PUT_INVALID);
  assert_int_equal(hooft_store_put_events(s, &good, 1, &nocode, 1, &err), HOOFT_PUT_INVALID);
  assert_non_null(strstr(err.message, "no CAMEO code"));
  assert_int_equal(hooft_store_put_events(s, &good, 1, &e, 1, &err), HOOFT_PUT_NEW);
  assert_int_equal(hooft_store_commit(s, &err), 0);
  hooft_store_stats st = stats(s);
  assert_int_equal(st.articles, 1);
  assert_int_equal(st.mentions, 1);
}

static void test_key_without_id(void **state) {
  hooft_store *s = *state;
  hooft_event e = ev("RUS", "UKR", "190", "19", 1);
  hooft_article a = art("feed.jsonl:1", "2024-03-10", "https://nos.nl/1", "Russia attacked Ukraine.");
  hooft_error err;
  assert_int_equal(hooft_store_begin(s, &err), 0);
  assert_int_equal(hooft_store_put_events(s, &a, 0, &e, 1, &err), HOOFT_PUT_NEW);
  /* the same article at another line of another file: the key is the hash of URL and text */
  a.id = "other.jsonl:7";
  assert_int_equal(hooft_store_put_events(s, &a, 0, &e, 1, &err), HOOFT_PUT_UNCHANGED);
  a.url = "https://nu.nl/1";
  assert_int_equal(hooft_store_put_events(s, &a, 0, &e, 1, &err), HOOFT_PUT_NEW);
  assert_int_equal(hooft_store_commit(s, &err), 0);
  assert_int_equal(stats(s).articles, 2);
}

/* An article's key: its id when given, else the hash of URL and text; none for a bad date. */
static void test_article_key(void **state) {
  (void)state;
  hooft_article a = art("feed-1", "2024-03-10", "https://nos.nl/1", "Russia attacked Ukraine.");
  hooft_error err;
  char *k = hooft_article_key(&a, 1, &err);
  assert_string_equal(k, "feed-1");
  free(k);
  k = hooft_article_key(&a, 0, &err);
  assert_int_equal(strlen(k), 7 + 64);
  assert_memory_equal(k, "sha256:", 7);
  a.id = "elsewhere";
  char *k2 = hooft_article_key(&a, 0, &err);
  assert_string_equal(k, k2); /* the id does not count then */
  free(k);
  free(k2);
  a.date = "2024-02-30";
  assert_null(hooft_article_key(&a, 1, &err));
  assert_non_null(strstr(err.message, "bad date '2024-02-30'"));
}

/* Keys announced with hooft_store_expect (PostgreSQL looks them up a batch at
 * a time; SQLite ignores them) give the same answers as puts that ask one by
 * one: new, unchanged, replaced, an article put twice in a batch, one that
 * another connection stored between two batches, keys with the characters of
 * PostgreSQL's array syntax. */
static void test_expect(void **state) {
  hooft_store *s = *state;
  hooft_event e = ev("RUS", "UKR", "190", "19", 1);
  hooft_error err;
  const char *odd = "a\"b\\c,{d} e";
  hooft_article a = art("x1", "2024-03-10", NULL, "one"), b = art(odd, "2024-03-11", NULL, "two"),
                c = art("x3", "2024-03-12", NULL, "three");
  hooft_store_expect(s, "x1");
  hooft_store_expect(s, odd);
  hooft_store_expect(s, "x3"); /* looked up (absent) with the others in the first batch, put in the second */
  hooft_store_expect(s, "never-put");
  assert_int_equal(hooft_store_begin(s, &err), 0);
  assert_int_equal(hooft_store_put_events(s, &a, 1, &e, 1, &err), HOOFT_PUT_NEW);
  assert_int_equal(hooft_store_put_events(s, &b, 1, &e, 1, &err), HOOFT_PUT_NEW);
  assert_int_equal(hooft_store_put_events(s, &b, 1, &e, 1, &err), HOOFT_PUT_UNCHANGED); /* twice in a batch */
  assert_int_equal(hooft_store_commit(s, &err), 0);
  /* another connection stores c between the batches */
  hooft_store *other = hooft_store_open(url, &err);
  assert_non_null(other);
  assert_int_equal(put(other, c, &e, 1), HOOFT_PUT_NEW);
  hooft_store_close(other);
  hooft_article a2 = art("x1", "2024-03-10", NULL, "one, updated");
  hooft_store_expect(s, "x1");
  hooft_store_expect(s, odd);
  assert_int_equal(hooft_store_begin(s, &err), 0);
  assert_int_equal(hooft_store_put_events(s, &c, 1, &e, 1, &err), HOOFT_PUT_UNCHANGED);
  assert_int_equal(hooft_store_put_events(s, &b, 1, &e, 1, &err), HOOFT_PUT_UNCHANGED);
  assert_int_equal(hooft_store_put_events(s, &a2, 1, &e, 1, &err), HOOFT_PUT_REPLACED);
  assert_int_equal(hooft_store_put_events(s, &a2, 1, &e, 1, &err), HOOFT_PUT_UNCHANGED);
  assert_int_equal(hooft_store_commit(s, &err), 0);
  hooft_store_stats st = stats(s);
  assert_int_equal(st.articles, 3);
  assert_int_equal(st.mentions, 3);
}

/* hooft_store_check before a put (as hooft ingest does): the put trusts a
 * "not stored" only for that key, once, in the same batch. */
static void test_check_then_put(void **state) {
  hooft_store *s = *state;
  hooft_event e = ev("RUS", "UKR", "190", "19", 1);
  hooft_article a = art("a1", "2024-03-10", NULL, "one"), a2 = art("a1", "2024-03-10", NULL, "one, updated");
  hooft_error err;
  assert_int_equal(hooft_store_begin(s, &err), 0);
  assert_int_equal(hooft_store_check(s, &a, 1, &err), HOOFT_PUT_NEW);
  assert_int_equal(hooft_store_put_events(s, &a, 1, &e, 1, &err), HOOFT_PUT_NEW);
  assert_int_equal(stats(s).articles, 1); /* flushed: a1 is stored, no longer queued */
  assert_int_equal(hooft_store_put_events(s, &a, 1, &e, 1, &err), HOOFT_PUT_UNCHANGED);
  assert_int_equal(hooft_store_check(s, &a2, 1, &err), HOOFT_PUT_REPLACED);
  assert_int_equal(hooft_store_put_events(s, &a2, 1, &e, 1, &err), HOOFT_PUT_REPLACED);
  hooft_article b = art("b1", "2024-03-10", NULL, "two");
  assert_int_equal(hooft_store_check(s, &b, 1, &err), HOOFT_PUT_NEW);
  assert_int_equal(hooft_store_commit(s, &err), 0);
  /* a check of another batch is not trusted: b1 stored by another connection meanwhile */
  hooft_store *o = hooft_store_open(url, &err);
  if (!o) fail_msg("open %s: %s", url, err.message);
  put(o, b, &e, 1);
  hooft_store_close(o);
  assert_int_equal(hooft_store_begin(s, &err), 0);
  assert_int_equal(hooft_store_put_events(s, &b, 1, &e, 1, &err), HOOFT_PUT_UNCHANGED);
  assert_int_equal(hooft_store_commit(s, &err), 0);
  hooft_store_stats st = stats(s);
  assert_int_equal(st.articles, 2);
  assert_int_equal(st.mentions, 2);
}

static void test_rollback_keeps_nothing(void **state) {
  hooft_store *s = *state;
  hooft_event e = ev("RUS", "UKR", "190", "19", 1);
  hooft_error err;
  assert_int_equal(hooft_store_begin(s, &err), 0);
  hooft_article a = art("a1", "2024-03-10", NULL, "Russia attacked Ukraine.");
  assert_int_equal(hooft_store_put_events(s, &a, 1, &e, 1, &err), HOOFT_PUT_NEW);
  hooft_store_rollback(s);
  hooft_store_stats st = stats(s);
  assert_int_equal(st.articles + st.events + st.mentions, 0);
  /* and a put outside a batch is refused */
  assert_int_equal(hooft_store_put_events(s, &a, 1, &e, 1, &err), -1);
  assert_non_null(strstr(err.message, "batch"));
}

/* hooft_store_flush in the middle of a batch: the rest of the batch joins the
 * events it wrote, the result is that of one write at commit, other
 * connections see nothing before the commit, and a rollback after it keeps nothing. */
static void test_flush_mid_batch(void **state) {
  hooft_store *s = *state;
  hooft_error err;
  hooft_event e = ev("RUS", "UKR", "190", "19", 1), twice[2] = {ev("RUS", "UKR", "190", "19", 1),
                                                                 ev("RUS", "UKR", "190", "19", 3)};
  assert_int_equal(hooft_store_flush(s, &err), -1); /* no batch */
  assert_int_equal(hooft_store_begin(s, &err), 0);
  hooft_article a1 = art("a1", "2024-03-10", "https://nos.nl/1", "one");
  hooft_article a2 = art("a2", "2024-03-10", "https://www.nos.nl/2", "two");
  hooft_article a3 = art("a3", "2024-03-11", "https://reuters.com/3", "three");
  hooft_article a4 = art("a4", "2024-03-11", NULL, "four");
  assert_int_equal(hooft_store_put_events(s, &a1, 1, twice, 2, &err), HOOFT_PUT_NEW);
  assert_int_equal(hooft_store_put_events(s, &a2, 1, &e, 1, &err), HOOFT_PUT_NEW);
  assert_int_equal(hooft_store_flush(s, &err), 0);
  hooft_store *other = hooft_store_open(url, &err);
  assert_non_null(other);
  hooft_store_stats st;
  assert_int_equal(hooft_store_stats_get(other, &st, &err), 0);
  assert_int_equal(st.articles + st.events + st.mentions, 0); /* not committed yet */
  assert_int_equal(hooft_store_put_events(s, &a3, 1, &e, 1, &err), HOOFT_PUT_NEW);
  assert_int_equal(hooft_store_flush(s, &err), 0);
  assert_int_equal(hooft_store_put_events(s, &a4, 1, &e, 1, &err), HOOFT_PUT_NEW);
  assert_int_equal(hooft_store_commit(s, &err), 0);
  /* as test_dedup_counts, where each article is its own batch: one event, 5 mentions, 3 sources, 4 articles */
  assert_string_equal(events(s).buf, "1|2024-03-10|RUS|UKR|190|5|3|4\n");
  assert_int_equal(hooft_store_stats_get(other, &st, &err), 0);
  assert_int_equal(st.mentions, 5);
  /* flushed, then rolled back: nothing of that batch */
  assert_int_equal(hooft_store_begin(s, &err), 0);
  hooft_article a5 = art("a5", "2024-03-12", "https://nu.nl/5", "five");
  assert_int_equal(hooft_store_put_events(s, &a5, 1, &e, 1, &err), HOOFT_PUT_NEW);
  assert_int_equal(hooft_store_flush(s, &err), 0);
  hooft_store_rollback(s);
  assert_string_equal(events(s).buf, "1|2024-03-10|RUS|UKR|190|5|3|4\n");
  assert_int_equal(hooft_store_stats_get(s, &st, &err), 0);
  assert_int_equal(st.articles, 4);
  hooft_store_close(other);
}

/* ---- Deduplication ------------------------------------------------------------------------------ */

static void test_dedup_counts(void **state) {
  hooft_store *s = *state;
  hooft_event e = ev("RUS", "UKR", "190", "19", 1);
  hooft_event twice[2] = {ev("RUS", "UKR", "190", "19", 1), ev("RUS", "UKR", "190", "19", 3)};
  put(s, art("a1", "2024-03-10", "https://nos.nl/1", "one"), twice, 2);
  put(s, art("a2", "2024-03-10", "https://www.nos.nl/2", "two"), &e, 1);   /* same host */
  put(s, art("a3", "2024-03-11", "https://reuters.com/3", "three"), &e, 1);
  put(s, art("a4", "2024-03-11", NULL, "four"), &e, 1);                      /* no URL: its own source */
  /* mentions 5 (two in a1), articles 4, sources nos.nl, reuters.com, id:a4 */
  assert_string_equal(events(s).buf, "1|2024-03-10|RUS|UKR|190|5|3|4\n");
  collect m = {0};
  hooft_error err;
  assert_int_equal(hooft_store_mentions(s, 1, collect_row, &m, &err), 0);
  assert_int_equal(m.rows, 5);
  assert_int_equal(hooft_store_mentions(s, 99, collect_row, &m, &err), -1);
  assert_non_null(strstr(err.message, "no event 99"));
}

static void test_dedup_window(void **state) {
  hooft_store *s = *state;
  hooft_event e = ev("RUS", "UKR", "190", "19", 1);
  put(s, art("d10", "2024-03-10", NULL, "a"), &e, 1);
  put(s, art("d12", "2024-03-12", NULL, "b"), &e, 1); /* 2 days: joins */
  put(s, art("d13", "2024-03-13", NULL, "c"), &e, 1); /* would stretch it to 3 days: a new event */
  put(s, art("d09", "2024-03-09", NULL, "d"), &e, 1); /* joins neither: 10..12 + 9 = 3 days; 13 + 9 = 4 */
  put(s, art("d14", "2024-03-14", NULL, "e"), &e, 1); /* joins the event of the 13th */
  assert_string_equal(events(s).buf,
                      "3|2024-03-09|RUS|UKR|190|1|1|1\n"
                      "1|2024-03-10|RUS|UKR|190|2|2|2\n"
                      "2|2024-03-13|RUS|UKR|190|2|2|2\n");
  /* an undated mention is never merged */
  put(s, art("u1", NULL, NULL, "f"), &e, 1);
  put(s, art("u2", NULL, NULL, "g"), &e, 1);
  assert_int_equal(stats(s).events, 5);
}

static void test_dedup_root_code_actors(void **state) {
  hooft_store *s = *state;
  hooft_event a = ev("RUS", "UKR", "190", "19", 1), b = ev("RUS", "UKR", "195", "19", 1),
              c = ev("RUS", "UKR", "195", "19", 1), d = ev("RUS", "UKR", "112", "11", 2),
              x = ev("UKR", "RUS", "190", "19", 1), y = ev("RUSMIL", "UKR", "190", "19", 1);
  put(s, art("a", "2024-03-10", NULL, "a"), &a, 1);
  put(s, art("b", "2024-03-10", NULL, "b"), &b, 1); /* same root: joins; code now tied, lowest wins */
  put(s, art("d", "2024-03-10", NULL, "d"), &d, 1); /* another root the same day: another event */
  put(s, art("x", "2024-03-10", NULL, "x"), &x, 1); /* reversed dyad */
  put(s, art("y", "2024-03-10", NULL, "y"), &y, 1); /* another actor code */
  assert_string_equal(events(s).buf,
                      "1|2024-03-10|RUS|UKR|190|2|2|2\n"
                      "2|2024-03-10|RUS|UKR|112|1|1|1\n"
                      "3|2024-03-10|UKR|RUS|190|1|1|1\n"
                      "4|2024-03-10|RUSMIL|UKR|190|1|1|1\n");
  put(s, art("c", "2024-03-10", NULL, "c"), &c, 1); /* 195 now the most frequent code */
  assert_string_equal(query(s, 0, 0, "event", "1", NULL).buf,
                      "1|2024-03-10|RUS|RUS|UKR|UKR|195|19|4|-10.0|ASSAULT|0|-|-|3|3|3\n");
  /* negated mentions form their own events */
  hooft_event n = ev("RUS", "UKR", "190", "19", 1);
  n.negated = 1;
  put(s, art("n", "2024-03-10", NULL, "n"), &n, 1);
  assert_int_equal(stats(s).events, 5);
  assert_int_equal(query(s, 0, 0, "negated", "only", NULL).rows, 1);
  assert_int_equal(query(s, 0, 0, NULL).rows, 4);
}

static void test_dedup_places(void **state) {
  hooft_store *s = *state;
  hooft_event kyiv = ev("RUS", "UKR", "190", "19", 1), odesa = kyiv, ukr = kyiv, pl = kyiv, none = kyiv;
  kyiv.location = (hooft_location){.name = "Kyiv", .country = "UKR", .lat = 50.45, .lon = 30.52, .has_coordinates = 1,
                                   .feature = "capital"};
  odesa.location = (hooft_location){.name = "Odesa", .country = "UKR", .lat = 46.48, .lon = 30.72,
                                    .has_coordinates = 1, .feature = "city"};
  ukr.location = (hooft_location){.name = "Donbas", .country = "UKR", .lat = 48.0, .lon = 38.0, .has_coordinates = 1,
                                  .feature = "region"};
  pl.location = (hooft_location){.name = "Rzeszow", .country = "POL", .lat = 50.04, .lon = 22.0, .has_coordinates = 1,
                                 .feature = "city"};
  put(s, art("k", "2024-03-10", NULL, "k"), &kyiv, 1);
  put(s, art("n", "2024-03-10", NULL, "n"), &none, 1);  /* no place: compatible */
  put(s, art("u", "2024-03-10", NULL, "u"), &ukr, 1);   /* a region of the same country: compatible */
  put(s, art("o", "2024-03-10", NULL, "o"), &odesa, 1); /* another town 440 km away: another event */
  put(s, art("p", "2024-03-10", NULL, "p"), &pl, 1);    /* another country: another event */
  assert_string_equal(events(s).buf,
                      "1|2024-03-10|RUS|UKR|190|3|3|3\n"
                      "2|2024-03-10|RUS|UKR|190|1|1|1\n"
                      "3|2024-03-10|RUS|UKR|190|1|1|1\n");
  assert_string_equal(query(s, 0, 0, "location", "POL", NULL).buf,
                      "3|2024-03-10|RUS|RUS|UKR|UKR|190|19|4|-10.0|ASSAULT|0|-|Rzeszow (POL)|1|1|1\n");
}

static void test_replace_recomputes(void **state) {
  hooft_store *s = *state;
  hooft_event e = ev("RUS", "UKR", "190", "19", 1);
  put(s, art("a", "2024-03-10", "https://nos.nl/a", "a"), &e, 1);
  put(s, art("b", "2024-03-11", "https://bbc.co.uk/b", "b"), &e, 1);
  assert_string_equal(events(s).buf, "1|2024-03-10|RUS|UKR|190|2|2|2\n");
  put(s, art("a", "2024-03-10", "https://nos.nl/a", "a, corrected: nothing happened"), NULL, 0);
  assert_string_equal(events(s).buf, "1|2024-03-11|RUS|UKR|190|1|1|1\n");
  put(s, art("b", "2024-03-11", "https://bbc.co.uk/b", "b, corrected"), NULL, 0);
  hooft_store_stats st = stats(s);
  assert_int_equal(st.events, 0);
  assert_int_equal(st.mentions, 0);
  assert_int_equal(st.articles, 2);
}

/* ---- Queries ------------------------------------------------------------------------------------- */

/* A small store: two dyads over two months, with certainty, places and text. */
static void fill(hooft_store *s) {
  hooft_event a = ev("RUS", "UKR", "190", "19", 1), b = ev("RUSMIL", "UKR", "195", "19", 1),
              c = ev("UKR", "RUS", "112", "11", 2), d = ev("NLDGOV", "RUS", "112", "11", 2);
  a.certainty = "asserted";
  b.certainty = "hedged";
  b.location = (hooft_location){.name = "Kyiv", .country = "UKR", .lat = 50.45, .lon = 30.52, .has_coordinates = 1,
                                .feature = "capital"};
  put(s, art("1", "2024-03-10", "https://nos.nl/1", "1"), &a, 1);
  put(s, art("2", "2024-03-11", "https://nu.nl/2", "2"), &a, 1);
  put(s, art("3", "2024-03-30", "https://nu.nl/3", "3"), &b, 1);
  put(s, art("4", "2024-04-02", "https://nu.nl/4", "4"), &c, 1);
  put(s, art("5", "2024-04-20", "https://nu.nl/5", "5"), &d, 1);
}

static void test_query_filters(void **state) {
  hooft_store *s = *state;
  fill(s);
  assert_int_equal(query(s, 0, 0, NULL).rows, 4);
  assert_int_equal(query(s, 0, 0, "from", "2024-03-11", "to", "2024-04-02", NULL).rows, 2);
  assert_int_equal(query(s, 0, 0, "actor", "RUS", NULL).rows, 3);
  assert_int_equal(query(s, 0, 0, "actor", "RUS*", NULL).rows, 4);
  assert_int_equal(query(s, 0, 0, "source", "RUS*", "target", "UKR", NULL).rows, 2);
  assert_int_equal(query(s, 0, 0, "country", "NLD", NULL).rows, 1);
  assert_int_equal(query(s, 0, 0, "root", "19", NULL).rows, 2);
  assert_int_equal(query(s, 0, 0, "code", "195", NULL).rows, 1);
  assert_int_equal(query(s, 0, 0, "quad", "3", NULL).rows, 2);
  assert_int_equal(query(s, 0, 0, "certainty", "asserted", NULL).rows, 1);
  assert_int_equal(query(s, 0, 0, "certainty", "hedged,asserted", NULL).rows, 2);
  assert_int_equal(query(s, 0, 0, "location", "UKR", NULL).rows, 1);
  assert_int_equal(query(s, 0, 0, "text", "moscow KYIV", NULL).rows, 2);
  assert_int_equal(query(s, 0, 0, "text", "sabotage attacked", NULL).rows, 0);
  assert_int_equal(query(s, 0, 0, "limit", "3", NULL).rows, 3);
}

static void test_query_groups(void **state) {
  hooft_store *s = *state;
  fill(s);
  assert_string_equal(query(s, HOOFT_GROUP_MONTH | HOOFT_GROUP_DYAD, 0, NULL).buf,
                      "NLDGOV|RUS|2024-04|1|1|2.0|2.000\n"
                      "RUS|UKR|2024-03|1|2|-10.0|-10.000\n"
                      "RUSMIL|UKR|2024-03|1|1|-10.0|-10.000\n"
                      "UKR|RUS|2024-04|1|1|2.0|2.000\n");
  assert_string_equal(query(s, HOOFT_GROUP_ROOT, HOOFT_MEASURE_EVENTS | HOOFT_MEASURE_MENTIONS, NULL).buf,
                      "11|2|2\n19|2|3\n");
  assert_string_equal(query(s, HOOFT_GROUP_QUAD, HOOFT_MEASURE_GOLDSTEIN_SUM | HOOFT_MEASURE_GOLDSTEIN_MEAN, NULL).buf,
                      "3|4.0|2.000\n4|-20.0|-10.000\n");
  assert_string_equal(query(s, HOOFT_GROUP_WEEK, HOOFT_MEASURE_EVENTS, NULL).buf,
                      "2024-W10|1\n2024-W13|1\n2024-W14|1\n2024-W16|1\n");
  assert_string_equal(query(s, HOOFT_GROUP_DAY, HOOFT_MEASURE_EVENTS, "root", "19", NULL).buf,
                      "2024-03-10|1\n2024-03-30|1\n");
}

/* The (dyad, month) rollup answers dyad/month aggregates as the events table
 * does: after merges, a code change, a replaced article, negated events and
 * several articles in one batch (read before and after the commit). */
static void compare_rollup(hooft_store *s) {
  static const char *const filters[][4] = {{NULL, NULL, NULL, NULL},   {"actor", "RUS", NULL, NULL},
                                           {"actor", "RUS*", NULL, NULL}, {"source", "RUS*", "target", "UKR"},
                                           {"negated", "include", NULL, NULL}, {"negated", "only", NULL, NULL},
                                           {"limit", "2", NULL, NULL}};
  static const unsigned groups[] = {HOOFT_GROUP_MONTH | HOOFT_GROUP_DYAD, HOOFT_GROUP_DYAD, HOOFT_GROUP_MONTH};
  for (size_t i = 0; i < sizeof filters / sizeof *filters; i++)
    for (size_t g = 0; g < sizeof groups / sizeof *groups; g++) {
      const char *const *f = filters[i];
      unsetenv("HOOFT_NO_ROLLUP");
      collect a = query(s, groups[g], 0, f[0], f[1], f[2], f[3], NULL);
      setenv("HOOFT_NO_ROLLUP", "1", 1);
      collect b = query(s, groups[g], 0, f[0], f[1], f[2], f[3], NULL);
      unsetenv("HOOFT_NO_ROLLUP");
      assert_string_equal(a.buf, b.buf);
    }
}

static void test_rollup_matches_events(void **state) {
  hooft_store *s = *state;
  fill(s);
  compare_rollup(s);
  hooft_event x[3] = {ev("RUS", "UKR", "193", "19", 1), ev("RUS", "UKR", "193", "19", 1), ev("USA", "RUS", "190", "19", 2)};
  x[2].negated = 1;
  hooft_error err;
  if (hooft_store_begin(s, &err) < 0) fail_msg("begin: %s", err.message);
  /* joins event 1 with another code twice: its code, quad and Goldstein change */
  hooft_article a6 = art("6", "2024-03-11", "https://x.nl/6", "6"), a7 = art("7", "2024-05-01", NULL, "7");
  assert_int_equal(hooft_store_put_events(s, &a6, 1, x, 3, &err), HOOFT_PUT_NEW);
  assert_int_equal(hooft_store_put_events(s, &a7, 1, x, 3, &err), HOOFT_PUT_NEW);
  compare_rollup(s); /* inside the batch */
  /* article 2 replaced: its event moves to another dyad */
  hooft_event y = ev("UKR", "RUS", "112", "11", 2);
  hooft_article a2 = art("2", "2024-03-11", "https://nu.nl/2", "2 updated");
  assert_int_equal(hooft_store_put_events(s, &a2, 1, &y, 1, &err), HOOFT_PUT_REPLACED);
  hooft_article a8 = art("8", "2024-03-12", "https://y.nl/8", "8");
  assert_int_equal(hooft_store_put_events(s, &a8, 1, x, 1, &err), HOOFT_PUT_NEW);
  if (hooft_store_commit(s, &err) < 0) fail_msg("commit: %s", err.message);
  compare_rollup(s);
  /* an article whose only event goes away */
  assert_int_equal(put(s, art("5", "2024-04-20", "https://nu.nl/5", "5 updated"), NULL, 0), HOOFT_PUT_REPLACED);
  compare_rollup(s);
  assert_string_equal(query(s, HOOFT_GROUP_MONTH | HOOFT_GROUP_DYAD, 0, "actor", "NLDGOV", NULL).buf, "");
}

/* The ingest keeps candidate events in memory from batch to batch: another
 * connection's writes, a rollback, a replaced article and a reopened store
 * must all be seen. */
static void test_cache_between_batches(void **state) {
  hooft_store *s = *state;
  hooft_event e = ev("RUS", "UKR", "190", "19", 1);
  put(s, art("a1", "2024-03-10", "https://nos.nl/1", "a1"), &e, 1);
  assert_string_equal(events(s).buf, "1|2024-03-10|RUS|UKR|190|1|1|1\n");
  hooft_error err;
  hooft_store *b = hooft_store_open(url, &err);
  if (!b) fail_msg("open %s: %s", url, err.message);
  put(b, art("b1", "2024-03-11", "https://bbc.co.uk/b1", "b1"), &e, 1); /* another connection */
  hooft_store_close(b);
  put(s, art("a2", "2024-03-10", "https://nos.nl/2", "a2"), &e, 1);
  assert_string_equal(events(s).buf, "1|2024-03-10|RUS|UKR|190|3|2|3\n");
  if (hooft_store_begin(s, &err) < 0) fail_msg("begin: %s", err.message);
  hooft_article a3 = art("a3", "2024-03-10", "https://reuters.com/3", "a3");
  assert_int_equal(hooft_store_put_events(s, &a3, 1, &e, 1, &err), HOOFT_PUT_NEW);
  assert_string_equal(events(s).buf, "1|2024-03-10|RUS|UKR|190|4|3|4\n"); /* flushed, then rolled back */
  hooft_store_rollback(s);
  put(s, art("a4", "2024-03-12", "https://reuters.com/4", "a4"), &e, 1);
  assert_string_equal(events(s).buf, "1|2024-03-10|RUS|UKR|190|4|3|4\n");
  /* a2 replaced by a version without events; then another mention joins */
  assert_int_equal(put(s, art("a2", "2024-03-10", "https://nos.nl/2", "a2 corrected"), NULL, 0), HOOFT_PUT_REPLACED);
  put(s, art("a5", "2024-03-11", "https://cnn.com/5", "a5"), &e, 1);
  assert_string_equal(events(s).buf, "1|2024-03-10|RUS|UKR|190|4|4|4\n");
  /* the store reopened: the events are read again, with their sources */
  hooft_store_close(s);
  s = *state = hooft_store_open(url, &err);
  if (!s) fail_msg("open %s: %s", url, err.message);
  if (hooft_store_begin(s, &err) < 0) fail_msg("begin: %s", err.message);
  hooft_article a6 = art("a6", "2024-03-12", "https://nos.nl/6", "a6"), a7 = art("a7", "2024-03-09", "https://x.nl/7", "a7");
  assert_int_equal(hooft_store_put_events(s, &a6, 1, &e, 1, &err), HOOFT_PUT_NEW);
  assert_int_equal(hooft_store_put_events(s, &a7, 1, &e, 1, &err), HOOFT_PUT_NEW); /* 9..12: a new event */
  if (hooft_store_commit(s, &err) < 0) fail_msg("commit: %s", err.message);
  put(s, art("a8", "2024-03-11", "https://x.nl/8", "a8"), &e, 1); /* joins event 1 (lowest id): a new host for it */
  assert_string_equal(events(s).buf, "2|2024-03-09|RUS|UKR|190|1|1|1\n1|2024-03-10|RUS|UKR|190|6|5|6\n");
  compare_rollup(s);
}

static void test_bad_filters(void **state) {
  (void)state;
  static const char *const bad[][3] = {{"from", "2024-13-01", "--from"},   {"to", "yesterday", "--to"},
                                       {"actor", "RU S", "--actor"},       {"country", "nl", "--country"},
                                       {"root", "21", "--root"},           {"code", "19x", "--code"},
                                       {"quad", "5", "--quad"},            {"certainty", "sure", "sure"},
                                       {"text", " ... ", "--text"},        {"negated", "maybe", "--negated"},
                                       {"limit", "-1", "--limit"},         {"colour", "red", "colour"}};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    hooft_filter f;
    hooft_filter_init(&f);
    hooft_error err = {{0}};
    assert_int_equal(hooft_filter_set(&f, bad[i][0], bad[i][1], &err), -1);
    if (!strstr(err.message, bad[i][2])) fail_msg("%s=%s: message '%s' does not name %s", bad[i][0], bad[i][1],
                                                  err.message, bad[i][2]);
  }
  hooft_filter f;
  hooft_filter_init(&f);
  hooft_error err;
  assert_int_equal(hooft_filter_set(&f, "from", "2024-05-01", &err), 0);
  assert_int_equal(hooft_filter_set(&f, "to", "2024-04-01", &err), -1);
  unsigned g;
  assert_int_equal(hooft_group_parse("month,dyad", &g, &err), 0);
  assert_int_equal(g, HOOFT_GROUP_MONTH | HOOFT_GROUP_DYAD);
  assert_int_equal(hooft_group_parse("month,year", &g, &err), -1);
  assert_non_null(strstr(err.message, "'year'"));
  assert_int_equal(hooft_group_parse("day,month", &g, &err), -1);
  assert_int_equal(hooft_measure_parse("events,median", &g, &err), -1);
  assert_non_null(strstr(err.message, "'median'"));
}

/* ---- Exports ------------------------------------------------------------------------------------ */

/* Exports to a string; returns the number of events. */
static int64_t export_str(hooft_store *s, hooft_export_format fmt, char **out) {
  size_t len;
  FILE *f = open_memstream(out, &len);
  hooft_filter flt;
  hooft_filter_init(&flt);
  flt.negated = 1;
  hooft_error err;
  int64_t n = hooft_store_export(s, &flt, fmt, f, &err);
  fclose(f);
  if (n < 0) fail_msg("export: %s", err.message);
  return n;
}

static void test_exports(void **state) {
  hooft_store *s = *state;
  fill(s);
  hooft_event p = ev("RUS", "UKR", "020", "02", 1); /* CAMEO 02: no PLOVER category */
  put(s, art("6", "2024-04-21", NULL, "6"), &p, 1);
  char *out = NULL;
  /* GDELT: 61 tab-separated columns */
  assert_int_equal(export_str(s, HOOFT_EXPORT_GDELT, &out), 5);
  char *line = strtok(out, "\n");
  int tabs = 0;
  for (char *c = line; *c; c++) tabs += *c == '\t';
  assert_int_equal(tabs, 60);
  assert_memory_equal(line, "1\t20240310\t202403\t2024\t2024.1885\tRUS\tRUS\tRUS\t", 44);
  assert_non_null(strstr(line, "\t190\t190\t19\t4\t-10.0\t2\t2\t2\t"));
  assert_non_null(strstr(line, "\thttps://nos.nl/1"));
  free(out);
  /* PLOVER: one JSON object per line with the required fields; CAMEO 02 left out */
  assert_int_equal(export_str(s, HOOFT_EXPORT_PLOVER, &out), 4);
  assert_non_null(strstr(out, "{\"id\":\"hooft-1\",\"date\":\"2024-03-10\",\"enddate\":\"2024-03-11\","
                              "\"actor\":[{\"code\":\"RUS\",\"entity_text\":\"RUS\"}],"
                              "\"recipient\":[{\"code\":\"UKR\",\"entity_text\":\"UKR\"}],\"event\":[\"ASSAULT\"]"));
  assert_non_null(strstr(out, "\"event_loc\":{\"extracted_place\":\"Kyiv\",\"lat\":50.45,\"lon\":30.52,"
                              "\"country_code\":\"UKR\",\"resolution\":4}"));
  assert_null(strstr(out, "\"020\""));
  free(out);
  assert_int_equal(export_str(s, HOOFT_EXPORT_CSV, &out), 5);
  assert_memory_equal(out, "id,date,end_date,source,", 24);
  assert_non_null(strstr(out, "\n1,2024-03-10,2024-03-11,RUS,RUS,RUS,UKR,UKR,UKR,190,19,4,-10.0,ASSAULT,0,asserted,,,"
                              "2,2,2,https://nos.nl/1,Russia attacked Ukraine.\n"));
  free(out);
}

/* ---- Failures ------------------------------------------------------------------------------------ */

static void expect_open_error(const char *u, const char *what) {
  hooft_error err = {{0}};
  hooft_store *s = hooft_store_open(u, &err);
  if (s) {
    hooft_store_close(s);
    fail_msg("%s opened", u);
  }
  if (!strstr(err.message, what)) fail_msg("open %s: message '%s' lacks '%s'", u, err.message, what);
}

static void test_sqlite_bad_files(void **state) {
  (void)state;
  char path[128];
  snprintf(path, sizeof path, "%s/garbage.db", tmpdir);
  FILE *f = fopen(path, "w");
  for (int i = 0; i < 4096; i++) fputc("not a database "[i % 15], f);
  fclose(f);
  expect_open_error(path, "not a SQLite database");
  /* a store whose schema page was overwritten */
  snprintf(path, sizeof path, "%s/damaged.db", tmpdir);
  hooft_error err;
  hooft_store *s = hooft_store_open(path, &err);
  assert_non_null(s);
  hooft_store_close(s);
  f = fopen(path, "r+");
  fseek(f, 100, SEEK_SET);
  for (int i = 0; i < 3000; i++) fputc(0x5a, f);
  fclose(f);
  expect_open_error(path, "malformed");
  snprintf(path, sizeof path, "%s/ro.db", tmpdir);
  s = hooft_store_open(path, &err);
  assert_non_null(s);
  hooft_store_close(s);
  chmod(path, 0444);
  expect_open_error(path, "read-only");
  expect_open_error("sqlite:/nonexistent-dir/x.db", "/nonexistent-dir");
  expect_open_error("sqlite:x.db?cache=big", "unknown or malformed store option");
}

/* A store capped at a few pages fills up mid-batch: the error names it, and
 * what was committed before stays whole. */
static void test_sqlite_full(void **state) {
  (void)state;
  char u[160];
  snprintf(u, sizeof u, "sqlite:%s/full.db?max_page_count=40", tmpdir);
  hooft_error err;
  hooft_store *s = hooft_store_open(u, &err);
  if (!s) fail_msg("%s", err.message);
  hooft_event e[8];
  for (int i = 0; i < 8; i++) e[i] = ev(i % 2 ? "RUS" : "UKR", "NLD", "190", "19", i + 1);
  char id[16], text[4096];
  memset(text, 'x', sizeof text - 1);
  text[sizeof text - 1] = 0;
  int failed = 0, batches = 0;
  for (int b = 0; b < 100 && !failed; b++) {
    assert_int_equal(hooft_store_begin(s, &err), 0);
    for (int i = 0; i < 10 && !failed; i++) {
      snprintf(id, sizeof id, "%d-%d", b, i);
      hooft_article a = art(id, "2024-03-10", NULL, text);
      failed = hooft_store_put_events(s, &a, 1, e, 8, &err) < 0;
    }
    if (!failed) failed = hooft_store_commit(s, &err) < 0;
    if (failed)
      hooft_store_rollback(s);
    else
      batches++;
  }
  assert_true(failed);
  if (!strstr(err.message, "full")) fail_msg("message '%s' does not say the store is full", err.message);
  hooft_store_stats st = stats(s);
  assert_int_equal(st.articles, batches * 10);
  assert_int_equal(st.mentions, batches * 80);
  hooft_store_close(s);
}

static void test_pg_unreachable(void **state) {
  (void)state;
  expect_open_error("postgresql://nobody@127.0.0.1:1/none?connect_timeout=3", "cannot connect to PostgreSQL");
  expect_open_error("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=3", "nobody:***@");
}

int main(int argc, char **argv) {
  const char *backend = argc > 1 ? argv[1] : "sqlite";
  use_pg = strcmp(backend, "pg") == 0;
  if (use_pg && !getenv("HOOFT_TEST_PG")) {
    fprintf(stderr, "test_store pg: HOOFT_TEST_PG is unset; run ./scripts/dev.sh test, which starts a throwaway "
                    "PostgreSQL server and sets it (postgresql://USER@HOST:PORT, no database)\n");
    return 1;
  }
  snprintf(tmpdir, sizeof tmpdir, "/tmp/hooft-store-test.XXXXXX");
  if (!mkdtemp(tmpdir)) return 1;
  const struct CMUnitTest common[] = {
      cmocka_unit_test_setup_teardown(test_new_unchanged_replaced, setup, teardown),
      cmocka_unit_test_setup_teardown(test_text_search_batches, setup, teardown),
      cmocka_unit_test_setup_teardown(test_version_4, setup, teardown),
      cmocka_unit_test_setup_teardown(test_article_key, setup, teardown),
      cmocka_unit_test_setup_teardown(test_expect, setup, teardown),
      cmocka_unit_test_setup_teardown(test_invalid_article, setup, teardown),
      cmocka_unit_test_setup_teardown(test_key_without_id, setup, teardown),
      cmocka_unit_test_setup_teardown(test_rollback_keeps_nothing, setup, teardown),
      cmocka_unit_test_setup_teardown(test_flush_mid_batch, setup, teardown),
      cmocka_unit_test_setup_teardown(test_check_then_put, setup, teardown),
      cmocka_unit_test_setup_teardown(test_dedup_counts, setup, teardown),
      cmocka_unit_test_setup_teardown(test_dedup_window, setup, teardown),
      cmocka_unit_test_setup_teardown(test_dedup_root_code_actors, setup, teardown),
      cmocka_unit_test_setup_teardown(test_dedup_places, setup, teardown),
      cmocka_unit_test_setup_teardown(test_replace_recomputes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_query_filters, setup, teardown),
      cmocka_unit_test_setup_teardown(test_query_groups, setup, teardown),
      cmocka_unit_test_setup_teardown(test_rollup_matches_events, setup, teardown),
      cmocka_unit_test_setup_teardown(test_cache_between_batches, setup, teardown),
      cmocka_unit_test_setup_teardown(test_bad_filters, setup, teardown),
      cmocka_unit_test_setup_teardown(test_exports, setup, teardown),
  };
  const struct CMUnitTest sqlite_only[] = {
      cmocka_unit_test(test_sqlite_bad_files),
      cmocka_unit_test(test_sqlite_full),
  };
  const struct CMUnitTest pg_only[] = {
      cmocka_unit_test(test_pg_unreachable),
  };
  int failed = _cmocka_run_group_tests(use_pg ? "store_pg" : "store_sqlite", common, sizeof common / sizeof *common,
                                       NULL, NULL);
  if (use_pg)
    failed += cmocka_run_group_tests_name("store_pg_failures", pg_only, NULL, NULL);
  else
    failed += cmocka_run_group_tests_name("store_sqlite_failures", sqlite_only, NULL, NULL);
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
  if (system(cmd) != 0) failed++;
  return failed ? 1 : 0;
}
