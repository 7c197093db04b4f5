/* store_internal.h: what the event store's source files share: the store handle, filters as SQL, dates. */
#ifndef HOOFT_STORE_INTERNAL_H
#define HOOFT_STORE_INTERNAL_H

#include <pthread.h>

#include "store_db.h"
#include "util.h"

/* Prepared statements of the ingest path (store.c). */
enum {
  ST_CHECK,
  ST_ART_UPDATE,
  ST_OLD_EVENTS,
  ST_DEL_MENTIONS,
  ST_DEL_SENTENCES,
  ST_CANDIDATES,
  ST_EV_MERGE,
  ST_EV_RECODE,
  ST_SRC_INSERT,
  ST_TOUCH_INSERT,
  ST_TOUCH_CLEAR,
  ST_ROLLUP,
  ST_SOURCES,
  ST_FTS_FILL,
  ST_EV_SET,
  ST_EV_SET_WIDE,
  ST_ROLLUP_ADD,
  ST_WRITES_GET,
  ST_WRITES_BUMP,
  ST_COUNT
};

/* Mentions and sentences are numbered within their article: the id of a row
 * is article_id * HF_PER_ARTICLE + its number (seq or sentence), so that an
 * article's rows are one range of ids. HF_PER_ARTICLE_SQL: the same in SQL. */
#define HF_PER_ARTICLE 1048576
#define HF_SQL_NUMBER(x) #x
#define HF_SQL_VALUE(x) HF_SQL_NUMBER(x)
#define HF_PER_ARTICLE_SQL HF_SQL_VALUE(HF_PER_ARTICLE)

/* Phases of a batch, timed for hooft_store_profile. */
enum {
  PR_BEGIN,     /* the transaction and the next ids */
  PR_CAND,      /* reading the candidate events, and the sources of those joined */
  PR_FILE,      /* filing the mentions in memory, queueing the rows */
  PR_ARTICLES,  /* appending rows, table by table */
  PR_SENTENCES,
  PR_MENTIONS,
  PR_SOURCES,
  PR_EVENTS,
  PR_EV_UPDATE, /* the changed stored events (PostgreSQL: into a temporary table, */
  PR_ROLLUP,    /* the rollup's changes (PostgreSQL: the same), */
  PR_APPLY,     /* PostgreSQL: both applied) */
  PR_FTS,       /* SQLite: the full-text index */
  PR_COMMIT,
  PR_COUNT
};

struct hooft_store {
  double prof[PR_COUNT];            /* seconds per phase (hooft_store_profile) */
  hf_db *db;
  int in_batch;
  int64_t next_article, next_event; /* ids handed out in this batch (under the writer lock) */
  int64_t others;                   /* SQLite's data_version, PostgreSQL's count of commits ('writes' in
                                       hooft_meta) when the cache was last known valid; -1 unknown */
  int64_t writes;                   /* PostgreSQL: the count read at begin */
  int64_t batch_seq;                /* batches begun */
  char *absent_key;                 /* the key hooft_store_check last found not stored, in batch absent_batch */
  int64_t absent_batch;
  struct hf_evcache *cache;         /* the articles the open batch put, their events, written at flush */
  struct hf_rowbuf *rows;           /* the rows a flush writes */
  hf_buf terms;                     /* PostgreSQL: a sentence's terms, while it is queued */
  hf_map expected;                  /* PostgreSQL: key -> what the store holds (hooft_store_expect) */
  hf_arena expected_arena;
  pthread_mutex_t inbox_mu;         /* hooft_store_expect's keys from any thread, taken into expected */
  HF_VEC(char *) inbox;             /* by the thread that uses the store (under inbox_mu) */
  hf_stmt *st[ST_COUNT];
};

/* Writes what the open batch holds in memory (its events, the dyad/month
 * rollup, SQLite's full-text index of its sentences), so that reads in the
 * batch see it. Called by commit and before reads. Returns 0, or -1 with err. */
int hf_store_flush(hooft_store *s, hooft_error *err);

/* A filter as SQL: " AND ..." conditions on events "e" and their parameters
 * (text borrowed from the filter or held in buf). */
typedef struct hf_where {
  hf_buf sql;
  hf_val p[48];
  int n;
  char buf[16][96];
  int nbuf;
  char *owned; /* one longer string, freed by hf_where_free */
} hf_where;

/* Appends the filter's conditions (each " AND ...") to w. Returns 0. */
int hf_filter_where(hooft_store *s, const hooft_filter *f, hf_where *w);
void hf_where_free(hf_where *w);

/* The ISO week of a yyyymmdd date as yyyyww (day numbers: hf_day_number in util.h). */
int hf_iso_week(int yyyymmdd);

/* Formats yyyymmdd as "YYYY-MM-DD" (empty for 0) into buf of >= 11 bytes. */
const char *hf_day_text(int yyyymmdd, char *buf);

#endif
