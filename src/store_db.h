/* store_db.h: the small SQL interface the event store needs from a backend (SQLite, PostgreSQL). */
#ifndef HOOFT_STORE_DB_H
#define HOOFT_STORE_DB_H

#include <stdint.h>

#include "hooft_store.h"

/* A backend connection and its prepared statements. SQL is written once, with
 * '?' placeholders (the PostgreSQL backend numbers them $1, $2...). Results
 * are read row by row; a read must be finished (next() returned 0, or end())
 * before the next statement runs on the same connection. */
typedef struct hf_db hf_db;
typedef struct hf_stmt hf_stmt;

typedef enum hf_type { HF_NULL, HF_INT, HF_REAL, HF_TEXT } hf_type;

/* A parameter value; text is borrowed for the duration of the call. */
typedef struct hf_val {
  hf_type t;
  int64_t i;
  double d;
  const char *s;
} hf_val;

static inline hf_val hf_int(int64_t i) { return (hf_val){HF_INT, i, 0, 0}; }
static inline hf_val hf_real(double d) { return (hf_val){HF_REAL, 0, d, 0}; }
static inline hf_val hf_text(const char *s) { return s ? (hf_val){HF_TEXT, 0, 0, s} : (hf_val){HF_NULL, 0, 0, 0}; }
static inline hf_val hf_null(void) { return (hf_val){HF_NULL, 0, 0, 0}; }

typedef struct hf_db_ops {
  const char *name; /* "sqlite" or "postgresql" */
  /* Runs SQL without parameters or rows (DDL, BEGIN, COMMIT); several
   * statements separated by ';' are allowed. Waits for deferred writes. */
  int (*exec)(hf_db *db, const char *sql, hooft_error *err);
  /* Prepares sql. reuse: kept for many calls (else run once, then finalized). */
  hf_stmt *(*prepare)(hf_db *db, const char *sql, int reuse, hooft_error *err);
  /* Starts a read with n parameters; rows come from next(). */
  int (*query)(hf_stmt *st, const hf_val *p, int n, hooft_error *err);
  /* Next row: 1 row, 0 no more rows (the read is finished), -1 error. */
  int (*next)(hf_stmt *st, hooft_error *err);
  /* Ends a read early. */
  void (*end)(hf_stmt *st);
  /* Column access of the current row; text is borrowed until next(); NULL for SQL NULL. */
  int (*ncols)(hf_stmt *st);
  const char *(*colname)(hf_stmt *st, int i);
  int (*isnull)(hf_stmt *st, int i);
  int64_t (*col_int)(hf_stmt *st, int i);
  double (*col_real)(hf_stmt *st, int i);
  const char *(*col_text)(hf_stmt *st, int i);
  /* Runs a statement that returns no rows. The backend may defer it (the
   * PostgreSQL backend pipelines writes); its error then shows at the next
   * sync(), exec() or query(). */
  int (*write)(hf_stmt *st, const hf_val *p, int n, hooft_error *err);
  /* Appends nrows rows of ncols values (row after row in v) to table's
   * columns cols ("a, b, c"), in the open transaction: PostgreSQL COPY,
   * SQLite one prepared INSERT stepped per row. ignore: rows whose key is
   * stored already are skipped (ON CONFLICT DO NOTHING). Returns 0, or -1
   * with err. */
  int (*bulk)(hf_db *db, const char *table, const char *cols, const hf_val *v, int ncols, size_t nrows, int ignore,
              hooft_error *err);
  /* Waits for deferred writes; returns -1 with err if any failed. */
  int (*sync)(hf_db *db, hooft_error *err);
  void (*finalize)(hf_stmt *st);
  void (*close)(hf_db *db);
} hf_db_ops;

/* Every backend connection starts with this header. */
struct hf_db {
  const hf_db_ops *ops;
};

/* Backend constructors: return a connection (caller owns; ops->close) or NULL
 * with err naming the file or server and the problem. */
hf_db *hf_sqlite_open(const char *path, long max_page_count, hooft_error *err);
hf_db *hf_pg_open(const char *url, hooft_error *err);

/* The backend's name: the two dialects differ in a few places. */
static inline int hf_db_is_pg(const hf_db *db) { return db->ops->name[0] == 'p'; }

#endif
