/* hooft_store.h: public API of the event store: ingest coded articles, deduplicate events, query, export. */
#ifndef HOOFT_STORE_H
#define HOOFT_STORE_H

#include <stdint.h>
#include <stdio.h>

#include "hooft.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A store holds articles, their event mentions, and the deduplicated events
 * those mentions are grouped into (rules: docs/store.md). One schema, two
 * backends: SQLite (a single file in WAL mode, the default) and PostgreSQL.
 * A store handle is one connection: not thread-safe, use one per thread.
 * Ownership as in hooft.h: "caller owns" means release with the named function. */
typedef struct hooft_store hooft_store;

/* Days: a mention joins an event only if all the event's mentions, with it,
 * lie within this many days of each other (so within DEDUP_WINDOW+1 calendar
 * days). A mention's day is the event date the coder resolved, else the
 * publication date. */
#define HOOFT_DEDUP_WINDOW 2

/* Opens (and creates, if empty) the store at url:
 *   "postgresql://..." or "postgres://..."   a PostgreSQL database (libpq URI)
 *   "sqlite:PATH", "sqlite://PATH" or PATH   a SQLite file, created if missing;
 *       "?max_page_count=N" caps its size at N pages (to simulate a full disk).
 * Returns a store (caller owns; hooft_store_close) or NULL with err filled:
 * the message names the file or server and the problem (not a database,
 * read-only, connection refused, schema of another version). */
hooft_store *hooft_store_open(const char *url, hooft_error *err);

/* Like hooft_store_open, for readers that need a store to be there: a
 * missing SQLite file, or a PostgreSQL database without hooft's tables, is
 * refused ("PATH: no such store") instead of created. */
hooft_store *hooft_store_open_existing(const char *url, hooft_error *err);

/* Rolls back an open batch, closes the connection and frees s. NULL is allowed. */
void hooft_store_close(hooft_store *s);

/* "sqlite" or "postgresql" (static string). */
const char *hooft_store_backend(const hooft_store *s);

/* Batches: every put happens inside a batch; a batch is one transaction that
 * holds the store's writer lock (concurrent ingesters wait for each other).
 * Returns 0, or -1 with err filled. After a failed put or commit, the batch is
 * rolled back: nothing of it is stored. A put may keep part of its writes in
 * memory until the commit (or the next query or export on the same handle),
 * so a store error (a full disk) may show only then. */
int hooft_store_begin(hooft_store *s, hooft_error *err);
int hooft_store_commit(hooft_store *s, hooft_error *err);
void hooft_store_rollback(hooft_store *s);

/* How hooft ingest (and the store benchmark, which measures it) runs the
 * coding queue: at most this many coded articles wait for the storing thread,
 * and a flush while the coder keeps the storing thread waiting once this many
 * articles are unwritten (flushing fewer at a time rewrites the same events
 * more often). */
#define HOOFT_INGEST_QUEUE_MAX 1000
#define HOOFT_INGEST_IDLE_FLUSH 250

/* Writes what the open batch holds so far into its transaction (files the
 * mentions put since the last flush, writes their rows and indexes) without
 * committing it, so that a commit has less left to do: for an ingest that is
 * waiting for its next article anyway. Nothing is visible to other
 * connections before the commit. Returns 0, or -1 with err filled (the batch
 * must then be rolled back). */
int hooft_store_flush(hooft_store *s, hooft_error *err);

/* What hooft_store_check / hooft_store_put found or did. */
typedef enum hooft_put_result {
  HOOFT_PUT_UNCHANGED = 0, /* same key, same content: nothing to do */
  HOOFT_PUT_NEW = 1,       /* not stored yet */
  HOOFT_PUT_REPLACED = 2   /* same key, different content: old events replaced */
} hooft_put_result;

/* Returned by hooft_store_check and hooft_store_put instead of -1 when the
 * article itself cannot be stored (a date that is not YYYY-MM-DD, an event
 * without a CAMEO code, more than 1,048,575 events in one article): err says
 * why. Nothing was stored or changed: the batch goes on. */
#define HOOFT_PUT_INVALID (-2)

/* An article's identity: its id when it has one (id_given: the input named
 * it; a plain-text file's name counts as its id), otherwise "sha256:" of URL
 * and text. The content hash covers id, date, language, title, URL and text. */

/* Tells, before coding, what putting article a would do (so unchanged articles
 * need not be coded again). Returns a hooft_put_result, HOOFT_PUT_INVALID, or
 * -1 with err filled (a store error). Needs no batch. */
int hooft_store_check(hooft_store *s, const hooft_article *a, int id_given, hooft_error *err);

/* The key article a is stored under (see above): its id when id_given, else
 * "sha256:" of URL and text. Returns it (caller frees), or NULL with err
 * filled when the article cannot be stored (a bad date). Needs no store. */
char *hooft_article_key(const hooft_article *a, int id_given, hooft_error *err);

/* Announces that an article with this key (hooft_article_key) is to be put
 * soon: on PostgreSQL, the first put in a batch that needs to know whether
 * its article is stored asks for every announced key at once, instead of a
 * round trip per article. Optional (a put of an article not announced asks
 * for it alone); does nothing on SQLite. Unlike the other calls on a store,
 * it may come from any thread, also while another uses the store (hooft
 * ingest announces from its coding thread). Copies key. */
void hooft_store_expect(hooft_store *s, const char *key);

/* Stores article a with its coded events (doc, from hooft_code(a)), inside a
 * batch, replacing the article's old events if its content changed, and files
 * every event mention (with the attribution, certainty, resolved date and
 * location the coder gave it) under a deduplicated event. Returns a
 * hooft_put_result, HOOFT_PUT_INVALID (nothing stored; the batch goes on), or
 * -1 with err filled (a store error: the batch must then be rolled back).
 * Borrows a and doc. */
int hooft_store_put(hooft_store *s, const hooft_article *a, int id_given, const hooft_doc *doc,
                    hooft_error *err);

/* Like hooft_store_put, with the n events given directly (for other coders,
 * tests and benchmarks); a->lang is stored as the language. Borrows all. */
int hooft_store_put_events(hooft_store *s, const hooft_article *a, int id_given, const hooft_event *events, size_t n,
                           hooft_error *err);

/* Totals of what the store holds. */
typedef struct hooft_store_stats {
  int64_t articles, events, mentions;
} hooft_store_stats;
int hooft_store_stats_get(hooft_store *s, hooft_store_stats *out, hooft_error *err);

/* Where the store's batches spent their time since it was opened (for
 * benchmarks): writes "begin 0.00, candidates 0.12, ..." (seconds per phase,
 * monotonic clock; docs/store.md, Benchmark) into buf of n bytes. */
void hooft_store_profile(const hooft_store *s, char *buf, size_t n);

/* ---- Queries ------------------------------------------------------------ */

/* Filters on events; all given ones must hold. Fill with hooft_filter_init
 * and hooft_filter_set. Strings are borrowed: they must outlive the filter. */
typedef struct hooft_filter {
  int from, to;                  /* yyyymmdd of the event date, 0 = open */
  const char *actor;             /* actor code on either side; "RUS*" = prefix */
  const char *country;           /* country on either side */
  const char *source, *target;   /* actor code of one side; "RUS*" = prefix */
  const char *root, *code;       /* CAMEO root ("19") or code ("190") */
  int quad;                      /* 1..4, 0 = any */
  const char *certainty;         /* comma-separated: asserted, reported, hedged, hypothetical */
  const char *location;          /* location country */
  const char *text;              /* words that must all occur in a mention's sentence */
  int negated;                   /* 0 exclude negated events (default), 1 include, 2 only */
  int64_t event;                 /* one event id, 0 = any */
  long limit;                    /* at most this many rows, 0 = all */
} hooft_filter;

void hooft_filter_init(hooft_filter *f);

/* Sets filter name ("from", "to", "actor", "country", "source", "target",
 * "root", "code", "quad", "certainty", "location", "text", "negated"
 * (exclude|include|only), "event", "limit") from its text value (borrowed).
 * Returns 0, or -1 with err naming the filter and what is wrong with it. */
int hooft_filter_set(hooft_filter *f, const char *name, const char *value, hooft_error *err);

/* Grouping keys and measures of an aggregate query (bit sets). */
enum {
  HOOFT_GROUP_DAY = 1,
  HOOFT_GROUP_WEEK = 2,  /* ISO week, "2024-W44" */
  HOOFT_GROUP_MONTH = 4,
  HOOFT_GROUP_DYAD = 8,  /* source and target actor codes */
  HOOFT_GROUP_ROOT = 16,
  HOOFT_GROUP_QUAD = 32
};
enum {
  HOOFT_MEASURE_EVENTS = 1,         /* number of events */
  HOOFT_MEASURE_MENTIONS = 2,       /* mention-weighted count: sum of mentions */
  HOOFT_MEASURE_GOLDSTEIN_SUM = 4,
  HOOFT_MEASURE_GOLDSTEIN_MEAN = 8
};

/* Parses a comma-separated list ("month,dyad"; "events,goldstein_mean") into
 * a bit set. Returns 0, or -1 with err naming the unknown word. */
int hooft_group_parse(const char *list, unsigned *out, hooft_error *err);
int hooft_measure_parse(const char *list, unsigned *out, hooft_error *err);

/* One result row, borrowed for the duration of the callback. */
typedef struct hooft_row {
  size_t n;
  const char *const *names;  /* column names */
  const char *const *values; /* text of each value; NULL = no value */
  const char *kinds;         /* per column: 's' text, 'i' integer, 'f' number */
} hooft_row;

/* Called once per row; a non-zero return stops the query (and is returned). */
typedef int (*hooft_row_fn)(const hooft_row *row, void *ud);

/* Runs a query. group == 0 lists the matching events (id, date, actors, code,
 * counts...); otherwise one row per group with the measures (0 = all four).
 * Returns 0, the callback's non-zero value, or -1 with err filled. */
int hooft_store_query(hooft_store *s, const hooft_filter *f, unsigned group, unsigned measures, hooft_row_fn cb,
                      void *ud, hooft_error *err);

/* Calls cb once with the columns that hooft_store_query gives for group and
 * measures (names and kinds; every value NULL), without reading a store: the
 * header of a result with no rows. Returns cb's value. */
int hooft_query_columns(unsigned group, unsigned measures, hooft_row_fn cb, void *ud);

/* Lists the mentions of event id: article, URL, date, sentence, span, text,
 * actors as written, code, evidence, attribution. Returns 0, the callback's
 * value, or -1 with err filled (also when there is no such event). */
int hooft_store_mentions(hooft_store *s, int64_t event, hooft_row_fn cb, void *ud, hooft_error *err);

/* ---- One article's mentions, as the coder gave them ------------------------ */

/* The event mentions stored for one article, rebuilt as hooft_events (the
 * fields the store keeps: actors, code, negation, verb, pattern, rule, claims,
 * sentence text; cameo_name and quantity attributions are not kept). */
typedef struct hooft_stored_article hooft_stored_article;

/* Reads the mentions of the article with key key (its id), in the order the
 * coder gave them. Returns them (caller owns; hooft_stored_article_free), or
 * NULL with err filled: "no article 'KEY' in the store", or a store error. */
hooft_stored_article *hooft_store_article(hooft_store *s, const char *key, hooft_error *err);

size_t hooft_stored_article_count(const hooft_stored_article *a);
/* Mention i (borrowed from a). */
const hooft_event *hooft_stored_article_event(const hooft_stored_article *a, size_t i);
/* The id of the deduplicated event mention i was filed under. */
int64_t hooft_stored_article_event_id(const hooft_stored_article *a, size_t i);
/* The language stored with the article ("nl", "en"; borrowed from a). */
const char *hooft_stored_article_lang(const hooft_stored_article *a);
void hooft_stored_article_free(hooft_stored_article *a);

/* ---- Export ------------------------------------------------------------- */

typedef enum hooft_export_format {
  HOOFT_EXPORT_GDELT,  /* GDELT 2.0 event table, 61 tab-separated columns, no header */
  HOOFT_EXPORT_PLOVER, /* PLOVER JSON Lines; events without a PLOVER category are left out */
  HOOFT_EXPORT_CSV     /* plain CSV with a header line */
} hooft_export_format;

/* Writes s as one CSV field, quoted as RFC 4180 asks when it holds a comma, quote or
 * line break; NULL writes nothing. */
void hooft_write_csv_field(FILE *out, const char *s);

/* Writes the events matching f (f->limit applies) to out. Returns the number
 * of events written, or -1 with err filled (query or write error). */
int64_t hooft_store_export(hooft_store *s, const hooft_filter *f, hooft_export_format format, FILE *out,
                           hooft_error *err);

#ifdef __cplusplus
}
#endif

#endif
