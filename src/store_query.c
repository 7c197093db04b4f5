/* store_query.c: event store queries: filters (checked, then turned into SQL), event lists, grouped measures, mentions. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "text.h"

/* ---- Filters ---------------------------------------------------------------- */

void hooft_filter_init(hooft_filter *f) { memset(f, 0, sizeof *f); }

/* An actor code: letters and digits, optionally ending in '*' (a prefix). */
static int valid_code(const char *v) {
  size_t n = strlen(v);
  if (n && v[n - 1] == '*') n--;
  if (!n || n > 32) return 0;
  for (size_t i = 0; i < n; i++)
    if (!isalnum((unsigned char)v[i])) return 0;
  return 1;
}

static int all_digits(const char *v, size_t min, size_t max) {
  size_t n = strlen(v);
  if (n < min || n > max) return 0;
  for (size_t i = 0; i < n; i++)
    if (!isdigit((unsigned char)v[i])) return 0;
  return 1;
}

static int has_word(const char *v) {
  for (; *v; v++)
    if (isalnum((unsigned char)*v) || (unsigned char)*v >= 0x80) return 1;
  return 0;
}

int hooft_filter_set(hooft_filter *f, const char *name, const char *v, hooft_error *err) {
  if (!v) v = "";
  if (!strcmp(name, "from") || !strcmp(name, "to")) {
    int d = hf_parse_date(v, strlen(v));
    if (!d) {
      hf_error(err, "bad --%s date '%s' (want YYYY-MM-DD)", name, v);
      return -1;
    }
    *(name[0] == 'f' ? &f->from : &f->to) = d;
    if (f->from && f->to && f->from > f->to) {
      hf_error(err, "empty date range: --from is after --to");
      return -1;
    }
    return 0;
  }
  if (!strcmp(name, "actor") || !strcmp(name, "source") || !strcmp(name, "target")) {
    if (!valid_code(v)) {
      hf_error(err, "bad --%s '%s' (want a CAMEO actor code such as RUS or RUSMIL; RUS* for a prefix)", name, v);
      return -1;
    }
    *(name[0] == 'a' ? &f->actor : name[0] == 's' ? &f->source : &f->target) = v;
    return 0;
  }
  if (!strcmp(name, "country") || !strcmp(name, "location")) {
    size_t n = strlen(v);
    int ok = n >= 2 && n <= 3;
    for (size_t i = 0; i < n && ok; i++) ok = isupper((unsigned char)v[i]);
    if (!ok) {
      hf_error(err, "bad --%s '%s' (want an upper-case ISO alpha-3 or region code such as NLD)", name, v);
      return -1;
    }
    *(name[0] == 'c' ? &f->country : &f->location) = v;
    return 0;
  }
  if (!strcmp(name, "root")) {
    if (!all_digits(v, 2, 2) || atoi(v) < 1 || atoi(v) > 20) {
      hf_error(err, "bad --root '%s' (want a two-digit CAMEO root, 01 to 20)", v);
      return -1;
    }
    f->root = v;
    return 0;
  }
  if (!strcmp(name, "code")) {
    if (!all_digits(v, 2, 4) || atoi((char[3]){v[0], v[1], 0}) < 1 || atoi((char[3]){v[0], v[1], 0}) > 20) {
      hf_error(err, "bad --code '%s' (want a CAMEO event code of 2 to 4 digits, such as 190)", v);
      return -1;
    }
    f->code = v;
    return 0;
  }
  if (!strcmp(name, "quad")) {
    if (!all_digits(v, 1, 1) || v[0] < '1' || v[0] > '4') {
      hf_error(err, "bad --quad '%s' (want 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
                    "4 material conflict)", v);
      return -1;
    }
    f->quad = v[0] - '0';
    return 0;
  }
  if (!strcmp(name, "certainty")) {
    static const char *const known[] = {"asserted", "reported", "hedged", "hypothetical"};
    const char *p = v;
    do {
      size_t n = strcspn(p, ",");
      int ok = 0;
      for (int i = 0; i < 4 && !ok; i++) ok = strlen(known[i]) == n && !strncmp(p, known[i], n);
      if (!ok) {
        hf_error(err, "bad --certainty '%s': '%.*s' is not one of asserted, reported, hedged, hypothetical", v,
                 (int)n, p);
        return -1;
      }
      p += n;
    } while (*p++ == ',');
    f->certainty = v;
    return 0;
  }
  if (!strcmp(name, "text")) {
    if (!has_word(v)) {
      hf_error(err, "bad --text '%s' (no words to search for)", v);
      return -1;
    }
    f->text = v;
    return 0;
  }
  if (!strcmp(name, "negated")) {
    if (!strcmp(v, "exclude"))
      f->negated = 0;
    else if (!strcmp(v, "include"))
      f->negated = 1;
    else if (!strcmp(v, "only"))
      f->negated = 2;
    else {
      hf_error(err, "bad --negated '%s' (want exclude, include or only)", v);
      return -1;
    }
    return 0;
  }
  if (!strcmp(name, "event") || !strcmp(name, "limit")) {
    char *end = NULL;
    long long x = strtoll(v, &end, 10);
    if (!*v || *end || x <= 0) {
      hf_error(err, "bad --%s '%s' (want a positive whole number)", name, v);
      return -1;
    }
    if (name[0] == 'e')
      f->event = x;
    else
      f->limit = (long)x;
    return 0;
  }
  hf_error(err, "unknown filter '%s'", name);
  return -1;
}

/* ---- Filters as SQL ---------------------------------------------------------- */

/* A copy of s[0..n) kept in w (at most 16: the filters need 12 at most). */
static const char *wbuf(hf_where *w, const char *s, size_t n) {
  char *b = w->buf[w->nbuf < 15 ? w->nbuf++ : 15];
  snprintf(b, sizeof w->buf[0], "%.*s", (int)n, s);
  return b;
}

/* "col = ?" for an exact code, "col >= ? AND col < ?" for a "PREFIX*". */
static void code_cond(hf_where *w, const char *col, const char *code) {
  size_t n = strlen(code);
  if (n && code[n - 1] == '*') {
    const char *lo = wbuf(w, code, n - 1);
    char *hi = (char *)wbuf(w, code, n - 1);
    hi[n - 2]++; /* codes are ASCII letters and digits: the next string after the prefix */
    hf_buf_printf(&w->sql, "(%s >= ? AND %s < ?)", col, col);
    w->p[w->n++] = hf_text(lo);
    w->p[w->n++] = hf_text(hi);
  } else {
    hf_buf_printf(&w->sql, "%s = ?", col);
    w->p[w->n++] = hf_text(code);
  }
}

/* The FTS5 query for words: each word quoted (so none is an operator), all
 * required. The string is kept in w until hf_where_free. */
static const char *fts_words(hf_where *w, const char *text) {
  hf_buf b = {0};
  const unsigned char *p = (const unsigned char *)text;
  while (*p) {
    while (*p && !(isalnum(*p) || *p >= 0x80)) p++;
    if (!*p) break;
    hf_buf_putc(&b, '"');
    while (*p && (isalnum(*p) || *p >= 0x80)) hf_buf_putc(&b, (char)*p++);
    hf_buf_puts(&b, "\" ");
  }
  hf_buf_cstr(&b);
  free(w->owned);
  w->owned = b.data;
  return w->owned;
}

/* The PostgreSQL query for words: their terms as the store keeps them
 * (hf_text_terms), all required. Kept in w until hf_where_free. */
static const char *pg_terms(hf_where *w, const char *text) {
  hf_buf b = {0};
  hf_text_terms(&b, text, strlen(text), " & ");
  hf_buf_cstr(&b);
  free(w->owned);
  w->owned = b.data;
  return w->owned;
}

int hf_filter_where(hooft_store *s, const hooft_filter *f, hf_where *w) {
  hf_buf *q = &w->sql;
  if (f->from) {
    hf_buf_puts(q, " AND e.day >= ?");
    w->p[w->n++] = hf_int(f->from);
  }
  if (f->to) {
    hf_buf_puts(q, " AND e.day BETWEEN 1 AND ?");
    w->p[w->n++] = hf_int(f->to);
  }
  if (f->actor) {
    hf_buf_puts(q, " AND (");
    code_cond(w, "e.source_code", f->actor);
    hf_buf_puts(q, " OR ");
    code_cond(w, "e.target_code", f->actor);
    hf_buf_puts(q, ")");
  }
  if (f->source) {
    hf_buf_puts(q, " AND ");
    code_cond(w, "e.source_code", f->source);
  }
  if (f->target) {
    hf_buf_puts(q, " AND ");
    code_cond(w, "e.target_code", f->target);
  }
  if (f->country) {
    hf_buf_puts(q, " AND (e.source_country = ? OR e.target_country = ?)");
    w->p[w->n++] = hf_text(f->country);
    w->p[w->n++] = hf_text(f->country);
  }
  if (f->root) {
    hf_buf_puts(q, " AND e.root = ?");
    w->p[w->n++] = hf_text(f->root);
  }
  if (f->code) {
    hf_buf_puts(q, " AND e.cameo = ?");
    w->p[w->n++] = hf_text(f->code);
  }
  if (f->quad) {
    hf_buf_puts(q, " AND e.quad = ?");
    w->p[w->n++] = hf_int(f->quad);
  }
  if (f->certainty) { /* a list of categories, checked by hooft_filter_set */
    hf_buf_puts(q, " AND e.certainty IN (");
    for (const char *p = f->certainty; *p;) {
      size_t n = strcspn(p, ",");
      hf_buf_printf(q, "%s?", p == f->certainty ? "" : ", ");
      w->p[w->n++] = hf_text(wbuf(w, p, n));
      p += n + (p[n] == ',');
    }
    hf_buf_puts(q, ")");
  }
  if (f->location) {
    hf_buf_puts(q, " AND e.location_country = ?");
    w->p[w->n++] = hf_text(f->location);
  }
  if (f->negated != 1) {
    /* "+": polarity never chooses the index (it is the fourth column of events_key; seeking on it
     * alone meant reading every event through that index, 26 s for --group-by root on 5 M events
     * against 3 s for a plain scan) */
    hf_buf_puts(q, f->negated == 2 ? " AND +e.negated = 1" : " AND +e.negated = 0");
  }
  if (f->event) {
    hf_buf_puts(q, " AND e.id = ?");
    w->p[w->n++] = hf_int(f->event);
  }
  if (f->text) {
    hf_buf_puts(q, " AND e.id IN (SELECT m.event_id FROM mentions m JOIN sentences s"
                   " ON s.id = m.article_id * " HF_PER_ARTICLE_SQL " + m.sentence WHERE ");
    if (hf_db_is_pg(s->db)) {
      hf_buf_puts(q, "s.terms @@ ?::tsquery)");
      w->p[w->n++] = hf_text(pg_terms(w, f->text));
    } else {
      hf_buf_puts(q, "s.id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?))");
      w->p[w->n++] = hf_text(fts_words(w, f->text));
    }
  }
  return 0;
}

void hf_where_free(hf_where *w) {
  hf_buf_free(&w->sql);
  free(w->owned);
  w->owned = NULL;
}

/* ---- Group and measure lists ------------------------------------------------------- */

static const char *const group_names[] = {"day", "week", "month", "dyad", "root", "quad"};
static const char *const measure_names[] = {"events", "mentions", "goldstein_sum", "goldstein_mean"};

/* Parses a comma-separated list of names[] into a bit set. */
static int parse_list(const char *list, const char *const *names, int nnames, const char *what, unsigned *out,
                      hooft_error *err) {
  *out = 0;
  const char *p = list ? list : "";
  if (!*p) {
    hf_error(err, "empty %s list", what);
    return -1;
  }
  while (*p) {
    size_t n = strcspn(p, ",");
    int found = -1;
    for (int i = 0; i < nnames; i++)
      if (strlen(names[i]) == n && strncmp(p, names[i], n) == 0) found = i;
    if (found < 0) {
      hf_buf b = {0};
      for (int i = 0; i < nnames; i++) hf_buf_printf(&b, "%s%s", i ? ", " : "", names[i]);
      hf_error(err, "unknown %s '%.*s' (known: %s)", what, (int)n, p, hf_buf_cstr(&b));
      hf_buf_free(&b);
      return -1;
    }
    *out |= 1u << found;
    p += n;
    if (*p == ',') p++;
  }
  return 0;
}

int hooft_group_parse(const char *list, unsigned *out, hooft_error *err) {
  if (parse_list(list, group_names, 6, "grouping", out, err) < 0) return -1;
  int periods = !!(*out & HOOFT_GROUP_DAY) + !!(*out & HOOFT_GROUP_WEEK) + !!(*out & HOOFT_GROUP_MONTH);
  if (periods > 1) {
    hf_error(err, "group by one period at most (day, week or month)");
    return -1;
  }
  return 0;
}

int hooft_measure_parse(const char *list, unsigned *out, hooft_error *err) {
  return parse_list(list, measure_names, 4, "measure", out, err);
}

/* ---- Running queries ----------------------------------------------------------------- */

/* How each output column is made from the result: 'd' a yyyymmdd day, 'w' a
 * week, 'm' a month, 'a' an actor code ("" = none), 'g' a real with one
 * decimal, 'f' three, 'r' four digits, 'i' an integer, 's' text; 'M' the mean
 * col / col2 (sum and count). col: the result column, or -1 for its position. */
typedef struct colspec {
  const char *name;
  char conv;
  int col, col2;
} colspec;

/* A row's kinds ('s', 'i', 'f') from the columns' conversions. */
static void col_kinds(const colspec *cols, size_t n, char *kinds) {
  for (size_t i = 0; i < n; i++) {
    char c = cols[i].conv;
    kinds[i] = c == 'i' ? 'i' : c == 'g' || c == 'f' || c == 'r' || c == 'M' ? 'f' : 's';
  }
  kinds[n] = 0;
}

/* Runs sql with w's parameters and calls cb with each row converted per cols.
 * Numbers are read as numbers (no text conversion by the database). */
static int run_rows(hooft_store *s, const char *sql, hf_where *w, const colspec *cols, size_t ncols, hooft_row_fn cb,
                    void *ud, int64_t *count, hooft_error *err) {
  const hf_db_ops *o = s->db->ops;
  if (s->in_batch && (hf_store_flush(s, err) < 0 || o->sync(s->db, err) < 0)) return -1;
  hf_stmt *st = o->prepare(s->db, sql, 0, err);
  if (!st) return -1;
  if (o->query(st, w->p, w->n, err) < 0) {
    o->finalize(st);
    return -1;
  }
  const char *names[40], *values[40];
  char kinds[41];
  char bufs[40][48];
  for (size_t i = 0; i < ncols; i++) names[i] = cols[i].name;
  col_kinds(cols, ncols, kinds);
  hooft_row row = {ncols, names, values, kinds};
  int got, rc = 0;
  while (rc == 0 && (got = o->next(st, err)) == 1) {
    for (size_t i = 0; i < ncols; i++) {
      int c = cols[i].col >= 0 ? cols[i].col : (int)i;
      char *b = bufs[i];
      const char *v = NULL;
      if (!o->isnull(st, c)) switch (cols[i].conv) {
          case 's': v = o->col_text(st, c); break;
          case 'a':
            v = o->col_text(st, c);
            if (v && !*v) v = NULL;
            break;
          case 'd': {
            int d = (int)o->col_int(st, c);
            v = d ? hf_day_text(d, b) : NULL;
            break;
          }
          case 'w': {
            int wk = (int)o->col_int(st, c);
            if (wk) snprintf(b, 48, "%04d-W%02d", wk / 100, wk % 100);
            v = wk ? b : NULL;
            break;
          }
          case 'm': {
            int m = (int)o->col_int(st, c);
            if (m) snprintf(b, 48, "%04d-%02d", m / 100, m % 100);
            v = m ? b : NULL;
            break;
          }
          case 'g': snprintf(b, 48, "%.1f", o->col_real(st, c)); v = b; break;
          case 'f': snprintf(b, 48, "%.3f", o->col_real(st, c)); v = b; break;
          case 'r': snprintf(b, 48, "%.4g", o->col_real(st, c)); v = b; break;
          case 'M': {
            int64_t n = o->col_int(st, cols[i].col2);
            snprintf(b, 48, "%.3f", n ? o->col_real(st, c) / (double)n : 0.0);
            v = b;
            break;
          }
          default: snprintf(b, 48, "%lld", (long long)o->col_int(st, c)); v = b; break;
        }
      values[i] = v;
    }
    if (count) (*count)++;
    if (cb) rc = cb(&row, ud);
  }
  if (rc != 0)
    o->end(st);
  else if (got < 0)
    rc = -1;
  o->finalize(st);
  return rc;
}

static const colspec event_cols[] = {
    {"id", 'i', -1, 0},        {"date", 'd', -1, 0},       {"source", 'a', -1, 0},   {"source_country", 's', -1, 0},
    {"target", 'a', -1, 0},    {"target_country", 's', -1, 0}, {"cameo", 's', -1, 0}, {"root", 's', -1, 0},
    {"quad", 'i', -1, 0},      {"goldstein", 'g', -1, 0},  {"plover", 's', -1, 0},   {"negated", 'i', -1, 0},
    {"certainty", 's', -1, 0}, {"location", 's', -1, 0},   {"mentions", 'i', -1, 0}, {"sources", 'i', -1, 0},
    {"articles", 'i', -1, 0}};

/* Whether the (dyad, month) rollup answers this aggregate: grouped by dyad
 * and/or month only, filtered on actor codes and polarity only. Setting
 * HOOFT_NO_ROLLUP (tests) always reads the events. */
static int rollup_answers(const hooft_filter *f, unsigned group) {
  const char *off = getenv("HOOFT_NO_ROLLUP");
  if (off && *off && strcmp(off, "0") != 0) return 0;
  if (!group || (group & ~(unsigned)(HOOFT_GROUP_DYAD | HOOFT_GROUP_MONTH))) return 0;
  return !f->from && !f->to && !f->country && !f->root && !f->code && !f->quad && !f->certainty && !f->location &&
         !f->text && !f->event;
}

/* The groupings' SQL and columns, in the order they come out: the dyad
 * first, then the period, root and quad class (a time series per dyad). */
static const struct {
  unsigned bit;
  const char *expr;
  colspec col;
} group_keys[] = {{HOOFT_GROUP_DYAD, "e.source_code", {"source", 'a', -1, 0}},
                  {HOOFT_GROUP_DYAD, "e.target_code", {"target", 'a', -1, 0}},
                  {HOOFT_GROUP_DAY, "e.day", {"day", 'd', -1, 0}},
                  {HOOFT_GROUP_WEEK, "e.week", {"week", 'w', -1, 0}},
                  {HOOFT_GROUP_MONTH, "e.month", {"month", 'm', -1, 0}},
                  {HOOFT_GROUP_ROOT, "e.root", {"root", 's', -1, 0}},
                  {HOOFT_GROUP_QUAD, "e.quad", {"quad", 'i', -1, 0}}};

/* The output columns of a query (at most 24): the events' for group 0, else
 * the grouping keys, then the measures (0 = all four) computed from the three
 * sums that follow the keys in the result. Returns their number. */
static size_t query_cols(unsigned group, unsigned measures, colspec *cols) {
  if (!group) {
    memcpy(cols, event_cols, sizeof event_cols);
    return sizeof event_cols / sizeof *event_cols;
  }
  if (!measures) measures = 15;
  size_t nc = 0;
  for (size_t i = 0; i < sizeof group_keys / sizeof *group_keys; i++) {
    if (!(group & group_keys[i].bit)) continue;
    cols[nc] = group_keys[i].col;
    cols[nc].col = (int)nc;
    nc++;
  }
  int k = (int)nc;
  if (measures & HOOFT_MEASURE_EVENTS) cols[nc++] = (colspec){"events", 'i', k, 0};
  if (measures & HOOFT_MEASURE_MENTIONS) cols[nc++] = (colspec){"mentions", 'i', k + 1, 0};
  if (measures & HOOFT_MEASURE_GOLDSTEIN_SUM) cols[nc++] = (colspec){"goldstein_sum", 'g', k + 2, 0};
  if (measures & HOOFT_MEASURE_GOLDSTEIN_MEAN) cols[nc++] = (colspec){"goldstein_mean", 'M', k + 2, k};
  return nc;
}

int hooft_query_columns(unsigned group, unsigned measures, hooft_row_fn cb, void *ud) {
  colspec cols[24];
  size_t nc = query_cols(group, measures, cols);
  const char *names[24], *values[24] = {0};
  char kinds[25];
  for (size_t i = 0; i < nc; i++) names[i] = cols[i].name;
  col_kinds(cols, nc, kinds);
  hooft_row row = {nc, names, values, kinds};
  return cb(&row, ud);
}

int hooft_store_query(hooft_store *s, const hooft_filter *f, unsigned group, unsigned measures, hooft_row_fn cb,
                      void *ud, hooft_error *err) {
  int rollup = rollup_answers(f, group);
  hf_where w = {0};
  hf_filter_where(s, f, &w);
  hf_buf sql = {0};
  colspec cols[24];
  size_t nc = query_cols(group, measures, cols);
  if (!group) {
    hf_buf_puts(&sql, "SELECT e.id, e.day, e.source_code, e.source_country, e.target_code, e.target_country, "
                      "e.cameo, e.root, e.quad, e.goldstein, e.plover, e.negated, e.certainty, "
                      "e.location_name || ' (' || e.location_country || ')', e.mentions, e.sources, e.articles "
                      "FROM events e WHERE 1 = 1");
    hf_buf_puts(&sql, hf_buf_cstr(&w.sql));
    hf_buf_puts(&sql, " ORDER BY e.day, e.id");
  } else {
    hf_buf keys = {0};
    /* SQLite, over the events: "+" keeps the grouping from reading the events in an index's order
     * (a row look-up per event: 20.8 s against 6.1 s for a scan and a sort of 5 M events) */
    const char *plus = !rollup && !hf_db_is_pg(s->db) ? "+" : "";
    for (size_t i = 0; i < sizeof group_keys / sizeof *group_keys; i++)
      if (group & group_keys[i].bit) hf_buf_printf(&keys, "%s%s%s", keys.len ? ", " : "", plus, group_keys[i].expr);
    /* the three sums after the keys (query_cols); the mean is computed from two of them */
    if (rollup) /* the same sums from the rollup, whose rows are events "e" of a dyad and month */
      hf_buf_printf(&sql, "SELECT %s, sum(e.events), sum(e.mentions), sum(e.goldstein)", hf_buf_cstr(&keys));
    else
      hf_buf_printf(&sql, "SELECT %s, count(*), sum(e.mentions), sum(e.goldstein)", hf_buf_cstr(&keys));
    hf_buf_printf(&sql, " FROM %s e WHERE 1 = 1%s GROUP BY %s%s ORDER BY %s", rollup ? "dyad_months" : "events",
                  hf_buf_cstr(&w.sql), hf_buf_cstr(&keys), rollup ? " HAVING sum(e.events) > 0" : "",
                  hf_buf_cstr(&keys));
    hf_buf_free(&keys);
  }
  if (f->limit) {
    hf_buf_puts(&sql, " LIMIT ?");
    w.p[w.n++] = hf_int(f->limit);
  }
  int rc = run_rows(s, hf_buf_cstr(&sql), &w, cols, nc, cb, ud, NULL, err);
  hf_buf_free(&sql);
  hf_where_free(&w);
  return rc;
}

static const colspec mention_cols[] = {
    {"event", 'i', -1, 0},       {"article", 's', -1, 0},     {"url", 's', -1, 0},
    {"published", 's', -1, 0},   {"lang", 's', -1, 0},        {"date", 'd', -1, 0},
    {"precision", 's', -1, 0},   {"sentence", 'i', -1, 0},    {"span_start", 'i', -1, 0},
    {"span_end", 'i', -1, 0},    {"source", 'a', -1, 0},      {"source_text", 's', -1, 0},
    {"target", 'a', -1, 0},      {"target_text", 's', -1, 0}, {"cameo", 's', -1, 0},
    {"negated", 'i', -1, 0},     {"verb", 's', -1, 0},        {"rule", 's', -1, 0},
    {"attribution", 's', -1, 0}, {"attributed_to", 's', -1, 0}, {"certainty", 's', -1, 0},
    {"location", 's', -1, 0},    {"location_country", 's', -1, 0}, {"text", 's', -1, 0}};

int hooft_store_mentions(hooft_store *s, int64_t event, hooft_row_fn cb, void *ud, hooft_error *err) {
  hf_where w = {0};
  w.p[w.n++] = hf_int(event);
  int64_t n = 0;
  int rc = run_rows(s,
                    "SELECT m.event_id, a.key, a.url, a.date, a.lang, m.day, m.date_precision, m.sentence, "
                    "m.span_start, m.span_end, m.source_code, m.source_name, m.target_code, m.target_name, m.cameo, "
                    "m.negated, m.verb, m.rule, m.attribution_code, m.attribution, m.certainty, m.location_name, "
                    "m.location_country, s.text FROM mentions m "
                    "JOIN articles a ON a.id = m.article_id "
                    "LEFT JOIN sentences s ON s.id = m.article_id * " HF_PER_ARTICLE_SQL " + m.sentence "
                    "WHERE m.event_id = ? ORDER BY m.day, a.id, m.seq",
                    &w, mention_cols, sizeof mention_cols / sizeof *mention_cols, cb, ud, &n, err);
  hf_where_free(&w);
  if (rc == 0 && n == 0) {
    hf_error(err, "no event %lld in the store", (long long)event);
    return -1;
  }
  return rc;
}
