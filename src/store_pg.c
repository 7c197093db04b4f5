/* store_pg.c: the PostgreSQL backend of the event store (libpq; writes pipelined, rows in bulk by COPY, reads row by row). */
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "store_db.h"
#include "util.h"

/* Deferred writes are sent in pipeline mode and their results collected at the
 * next read, exec or sync; this many at most, so that neither side's socket
 * buffer fills up while the other waits. */
#define PG_MAX_PENDING 256

typedef struct pg_db {
  hf_db base;
  PGconn *conn;
  char *where;  /* the URL without its password, for messages */
  int pipeline; /* in pipeline mode */
  int pending;  /* writes sent, results not read yet */
  int nstmt;    /* for statement names */
} pg_db;

struct hf_stmt {
  pg_db *db;
  char *sql;     /* with $1, $2... */
  char name[24]; /* prepared statement name, "" if run once */
  PGresult *row; /* current row (single-row mode) */
  int reading;
};

/* Fills err with "WHERE: message" using the connection's or result's message. */
static void pg_error(pg_db *d, const PGresult *res, const char *what, hooft_error *err) {
  const char *msg = res ? PQresultErrorMessage(res) : PQerrorMessage(d->conn);
  if (!msg || !*msg) msg = PQerrorMessage(d->conn);
  size_t n = strlen(msg);
  while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) n--;
  hf_error(err, "%s: %s%.*s", d->where, what, (int)n, msg);
}

/* Collects the results of all pipelined writes and leaves pipeline mode.
 * Returns 0, or -1 with the first error (later writes were then skipped). */
static int pg_sync(hf_db *db, hooft_error *err) {
  pg_db *d = (pg_db *)db;
  if (!d->pipeline) return 0;
  int failed = 0;
  if (PQpipelineSync(d->conn) != 1) {
    pg_error(d, NULL, "", err);
    failed = 1;
  }
  int nulls = 0;
  while (!failed || PQstatus(d->conn) == CONNECTION_OK) {
    PGresult *r = PQgetResult(d->conn);
    if (!r) {
      if (++nulls > d->pending + 1 || PQstatus(d->conn) != CONNECTION_OK) break;
      continue;
    }
    ExecStatusType st = PQresultStatus(r);
    if (st == PGRES_PIPELINE_SYNC) {
      PQclear(r);
      break;
    }
    if (st == PGRES_FATAL_ERROR && !failed) {
      pg_error(d, r, "", err);
      failed = 1;
    }
    PQclear(r);
  }
  if (PQstatus(d->conn) != CONNECTION_OK && !failed) {
    pg_error(d, NULL, "connection lost: ", err);
    failed = 1;
  }
  PQexitPipelineMode(d->conn);
  d->pipeline = 0;
  d->pending = 0;
  return failed ? -1 : 0;
}

static int pg_exec(hf_db *db, const char *sql, hooft_error *err) {
  pg_db *d = (pg_db *)db;
  if (pg_sync(db, err) < 0) return -1;
  PGresult *r = PQexec(d->conn, sql);
  ExecStatusType st = PQresultStatus(r);
  int ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
  if (!ok) pg_error(d, r, "", err);
  PQclear(r);
  return ok ? 0 : -1;
}

/* Rewrites '?' placeholders (outside quoted literals) as $1, $2, ... */
static char *number_params(const char *sql) {
  hf_buf b = {0};
  int n = 0, quote = 0;
  for (const char *p = sql; *p; p++) {
    if (*p == '\'') quote = !quote;
    if (*p == '?' && !quote)
      hf_buf_printf(&b, "$%d", ++n);
    else
      hf_buf_putc(&b, *p);
  }
  hf_buf_cstr(&b);
  return b.data;
}

static hf_stmt *pg_prepare(hf_db *db, const char *sql, int reuse, hooft_error *err) {
  pg_db *d = (pg_db *)db;
  hf_stmt *s = hf_xcalloc(1, sizeof *s);
  s->db = d;
  s->sql = number_params(sql);
  if (reuse) {
    if (pg_sync(db, err) < 0) goto fail;
    snprintf(s->name, sizeof s->name, "hooft%d", ++d->nstmt);
    PGresult *r = PQprepare(d->conn, s->name, s->sql, 0, NULL);
    int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok) pg_error(d, r, "", err);
    PQclear(r);
    if (!ok) goto fail;
  }
  return s;
fail:
  free(s->sql);
  free(s);
  return NULL;
}

/* Parameter values as text, the way libpq sends them (numbers in num). */
typedef struct pg_params {
  const char **v;
  char (*num)[32];
} pg_params;

static void to_params(pg_params *pp, const hf_val *p, int n) {
  pp->v = hf_xcalloc(n ? (size_t)n : 1, sizeof *pp->v);
  pp->num = hf_xcalloc(n ? (size_t)n : 1, sizeof *pp->num);
  for (int i = 0; i < n; i++) {
    switch (p[i].t) {
      case HF_NULL: pp->v[i] = NULL; break;
      case HF_INT:
        snprintf(pp->num[i], sizeof pp->num[i], "%lld", (long long)p[i].i);
        pp->v[i] = pp->num[i];
        break;
      case HF_REAL:
        snprintf(pp->num[i], sizeof pp->num[i], "%.17g", p[i].d);
        pp->v[i] = pp->num[i];
        break;
      case HF_TEXT: pp->v[i] = p[i].s; break;
    }
  }
}

/* Sends one statement with its parameters; returns libpq's 1 or 0. */
static int pg_send(hf_stmt *s, const hf_val *p, int n) {
  pg_params pp;
  to_params(&pp, p, n);
  int ok = s->name[0] ? PQsendQueryPrepared(s->db->conn, s->name, n, pp.v, NULL, NULL, 0)
                      : PQsendQueryParams(s->db->conn, s->sql, n, NULL, pp.v, NULL, NULL, 0);
  free(pp.v);
  free(pp.num);
  return ok;
}

static int pg_query(hf_stmt *s, const hf_val *p, int n, hooft_error *err) {
  if (pg_sync(&s->db->base, err) < 0) return -1;
  if (!pg_send(s, p, n)) {
    pg_error(s->db, NULL, "", err);
    return -1;
  }
  PQsetSingleRowMode(s->db->conn);
  s->reading = 1;
  return 0;
}

/* Reads and drops whatever results of the current read are left. */
static void drain(hf_stmt *s) {
  PGresult *r;
  while ((r = PQgetResult(s->db->conn)) != NULL) PQclear(r);
  s->reading = 0;
}

static int pg_next(hf_stmt *s, hooft_error *err) {
  PQclear(s->row);
  s->row = NULL;
  if (!s->reading) return 0;
  PGresult *r = PQgetResult(s->db->conn);
  if (!r) {
    s->reading = 0;
    return 0;
  }
  ExecStatusType st = PQresultStatus(r);
  if (st == PGRES_SINGLE_TUPLE) {
    s->row = r;
    return 1;
  }
  int ok = st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK;
  if (!ok) pg_error(s->db, r, "", err);
  PQclear(r);
  drain(s);
  return ok ? 0 : -1;
}

static void pg_end(hf_stmt *s) {
  PQclear(s->row);
  s->row = NULL;
  if (s->reading) drain(s);
}

static int pg_ncols(hf_stmt *s) { return s->row ? PQnfields(s->row) : 0; }
static const char *pg_colname(hf_stmt *s, int i) { return s->row ? PQfname(s->row, i) : ""; }
static int pg_isnull(hf_stmt *s, int i) { return PQgetisnull(s->row, 0, i); }
static int64_t pg_col_int(hf_stmt *s, int i) { return strtoll(PQgetvalue(s->row, 0, i), NULL, 10); }
static double pg_col_real(hf_stmt *s, int i) { return strtod(PQgetvalue(s->row, 0, i), NULL); }
static const char *pg_col_text(hf_stmt *s, int i) {
  return PQgetisnull(s->row, 0, i) ? NULL : PQgetvalue(s->row, 0, i);
}

static int pg_write(hf_stmt *s, const hf_val *p, int n, hooft_error *err) {
  pg_db *d = s->db;
  if (!d->pipeline) {
    if (PQenterPipelineMode(d->conn) != 1) {
      pg_error(d, NULL, "", err);
      return -1;
    }
    d->pipeline = 1;
  }
  if (!pg_send(s, p, n)) {
    pg_error(d, NULL, "", err);
    pg_sync(&d->base, NULL);
    return -1;
  }
  if (++d->pending >= PG_MAX_PENDING) return pg_sync(&d->base, err);
  return 0;
}

/* Appends the decimal digits of i (no printf: COPY writes millions of them). */
static void put_int(hf_buf *b, int64_t i) {
  char d[24];
  int n = 0;
  uint64_t u = i < 0 ? 0 - (uint64_t)i : (uint64_t)i;
  do d[n++] = (char)('0' + u % 10); while ((u /= 10) != 0);
  if (i < 0) d[n++] = '-';
  while (n) hf_buf_putc(b, d[--n]);
}

/* Appends v as one field of COPY's text format: \N for NULL, backslash escapes;
 * reals exactly (17 digits), whole ones as integers. */
static void copy_field(hf_buf *b, const hf_val *v) {
  switch (v->t) {
    case HF_NULL: hf_buf_puts(b, "\\N"); break;
    case HF_INT: put_int(b, v->i); break;
    case HF_REAL:
      if (v->d > -1e15 && v->d < 1e15 && v->d == (double)(int64_t)v->d)
        put_int(b, (int64_t)v->d);
      else
        hf_buf_printf(b, "%.17g", v->d);
      break;
    case HF_TEXT:
      for (const char *p = v->s; *p;) {
        size_t n = strcspn(p, "\\\t\n\r");
        hf_buf_put(b, p, n);
        p += n;
        if (!*p) break;
        hf_buf_puts(b, *p == '\\' ? "\\\\" : *p == '\t' ? "\\t" : *p == '\n' ? "\\n" : "\\r");
        p++;
      }
      break;
  }
}

/* COPY FROM STDIN in text format, sent in pieces of about 256 KiB. ignore: the
 * rows go to a temporary copy of the table first, then into the table with
 * ON CONFLICT DO NOTHING. */
static int pg_bulk(hf_db *db, const char *table, const char *cols, const hf_val *v, int ncols, size_t nrows,
                   int ignore, hooft_error *err) {
  pg_db *d = (pg_db *)db;
  if (!nrows) return 0;
  if (pg_sync(db, err) < 0) return -1;
  char target[96];
  snprintf(target, sizeof target, "%s%s", ignore ? "hooft_copy_" : "", table);
  hf_buf sql = {0};
  if (ignore) {
    hf_buf_printf(&sql, "CREATE TEMP TABLE IF NOT EXISTS %s (LIKE %s)", target, table);
    if (pg_exec(db, hf_buf_cstr(&sql), err) < 0) {
      hf_buf_free(&sql);
      return -1;
    }
    sql.len = 0;
  }
  hf_buf_printf(&sql, "COPY %s (%s) FROM STDIN", target, cols);
  PGresult *r = PQexec(d->conn, hf_buf_cstr(&sql));
  int ok = PQresultStatus(r) == PGRES_COPY_IN;
  if (!ok) pg_error(d, r, "", err);
  PQclear(r);
  hf_buf data = {0};
  for (size_t row = 0; row < nrows && ok; row++) {
    for (int c = 0; c < ncols; c++) {
      if (c) hf_buf_putc(&data, '\t');
      copy_field(&data, &v[row * (size_t)ncols + (size_t)c]);
    }
    hf_buf_putc(&data, '\n');
    if (data.len >= 256 * 1024 || row + 1 == nrows) {
      ok = PQputCopyData(d->conn, data.data, (int)data.len) == 1;
      data.len = 0;
    }
  }
  hf_buf_free(&data);
  if (PQputCopyEnd(d->conn, ok ? NULL : "hooft: sending rows failed") != 1) ok = 0;
  while ((r = PQgetResult(d->conn)) != NULL) {
    if (PQresultStatus(r) != PGRES_COMMAND_OK && ok) {
      pg_error(d, r, "", err);
      ok = 0;
    }
    PQclear(r);
  }
  if (ok && ignore) {
    sql.len = 0;
    hf_buf_printf(&sql, "INSERT INTO %s (%s) SELECT %s FROM %s ON CONFLICT DO NOTHING; DELETE FROM %s", table, cols,
                  cols, target, target);
    ok = pg_exec(db, hf_buf_cstr(&sql), err) == 0;
  }
  hf_buf_free(&sql);
  return ok ? 0 : -1;
}

static void pg_finalize(hf_stmt *s) {
  if (!s) return;
  pg_end(s);
  free(s->sql);
  free(s);
}

static void pg_close(hf_db *db) {
  pg_db *d = (pg_db *)db;
  if (!d) return;
  if (d->pipeline) pg_sync(db, NULL);
  PQfinish(d->conn);
  free(d->where);
  free(d);
}

static const hf_db_ops pg_ops = {"postgresql", pg_exec,    pg_prepare,  pg_query,    pg_next,    pg_end,
                                 pg_ncols,     pg_colname, pg_isnull,   pg_col_int,  pg_col_real, pg_col_text,
                                 pg_write,     pg_bulk,    pg_sync,     pg_finalize, pg_close};

static void quiet(void *arg, const char *msg) {
  (void)arg;
  (void)msg;
}

/* The URL as shown in messages: "user:secret@" becomes "user:***@". */
static char *redact(const char *url) {
  char *s = hf_xstrdup(url);
  char *scheme = strstr(s, "://");
  if (!scheme) return s;
  char *at = strchr(scheme + 3, '@'), *colon = strchr(scheme + 3, ':');
  if (at && colon && colon < at) {
    hf_buf b = {0};
    hf_buf_put(&b, s, (size_t)(colon - s + 1));
    hf_buf_puts(&b, "***");
    hf_buf_puts(&b, at);
    free(s);
    return (char *)hf_buf_cstr(&b);
  }
  return s;
}

hf_db *hf_pg_open(const char *url, hooft_error *err) {
  pg_db *d = hf_xcalloc(1, sizeof *d);
  d->base.ops = &pg_ops;
  d->where = redact(url);
  /* defaults first: the URL's own parameters override them */
  const char *keys[] = {"connect_timeout", "application_name", "dbname", NULL};
  const char *vals[] = {"10", "hooft", url, NULL};
  d->conn = PQconnectdbParams(keys, vals, 1);
  if (!d->conn || PQstatus(d->conn) != CONNECTION_OK) {
    if (d->conn)
      pg_error(d, NULL, "cannot connect to PostgreSQL: ", err);
    else
      hf_error(err, "%s: cannot connect to PostgreSQL: out of memory", d->where);
    pg_close(&d->base);
    return NULL;
  }
  PQsetNoticeProcessor(d->conn, quiet, NULL);
  return &d->base;
}
