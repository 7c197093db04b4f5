/* query.c: 'hooft query': filters, groups and measures stored events, or lists an event's mentions,
 * as an aligned table, CSV or JSON. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const char *const cli_filter_help =
    "filters (all given must hold):\n"
    "  --from DATE --to DATE       event date range (YYYY-MM-DD, inclusive)\n"
    "  --actor CODE                actor code on either side (RUS, RUSMIL; RUS* = prefix)\n"
    "  --source CODE --target CODE actor code of one side\n"
    "  --country CC                country (ISO alpha-3) on either side\n"
    "  --root RR --code CCC        CAMEO root (19) or event code (190)\n"
    "  --quad N                    quad class 1..4\n"
    "  --certainty LIST            asserted, reported, hedged, hypothetical (comma-separated)\n"
    "  --location CC               location country\n"
    "  --text WORDS                all the words occur in a sentence of a mention\n"
    "  --negated exclude|include|only   negated events (default exclude)\n"
    "  --event ID --limit N        one event; at most N rows\n";

int cli_filter_option(hooft_filter *f, int ch, const char *arg, const char *cmd) {
  static const char *const names[] = {"from", "to",   "actor",         "country",  "source",
                                      "target", "root", "code",        "quad",     "certainty",
                                      "location", "text", "negated",   "event",    "limit"};
  if (ch < 1000 || ch > 1014) return 0;
  hooft_error err;
  if (hooft_filter_set(f, names[ch - 1000], arg, &err) < 0) {
    fprintf(stderr, "hooft %s: %s\n", cmd, err.message);
    return -1;
  }
  return 1;
}

static void query_usage(FILE *out) {
  fputs("usage: hooft query [options]            list or group stored events\n"
        "       hooft query --mentions EVENT     the mentions an event was built from\n"
        "       hooft query --stats              how many articles, events and mentions are stored\n"
        "  --db URL            the store (default $HOOFT_DB, else hooft.db)\n"
        "  --group-by LIST     day|week|month, dyad, root, quad (comma-separated)\n"
        "  --measure LIST      events, mentions (mention-weighted count), goldstein_sum,\n"
        "                      goldstein_mean (default: all four)\n"
        "  --format table|csv|json   output (default table)\n",
        out);
  fputs(cli_filter_help, out);
}

/* Rows collected for output (the table needs every row to align columns). */
typedef struct rows {
  int fmt; /* 0 table, 1 csv, 2 json */
  FILE *out;
  size_t ncols;
  char **names;
  char *kinds;
  char **cells; /* nrows * ncols, NULL = no value */
  size_t nrows, cap;
  int json_started;
} rows;


static void json_row(FILE *out, const hooft_row *r, int first) {
  json_t *o = json_object();
  for (size_t i = 0; i < r->n; i++) {
    const char *v = r->values[i];
    json_t *j = !v                    ? json_null()
                : r->kinds[i] == 'i' ? json_integer(strtoll(v, NULL, 10))
                : r->kinds[i] == 'f' ? json_real(strtod(v, NULL))
                                     : json_string(v);
    json_object_set_new(o, r->names[i], j);
  }
  char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
  fprintf(out, "%s%s", first ? "[\n" : ",\n", s);
  free(s);
  json_decref(o);
}

/* Keeps the columns of the first row, or of hooft_query_columns when no row
 * came; CSV gets its header line. */
static int header_row(const hooft_row *r, void *ud) {
  rows *t = ud;
  t->ncols = r->n;
  t->names = calloc(r->n, sizeof *t->names);
  t->kinds = calloc(r->n + 1, 1);
  for (size_t i = 0; i < r->n; i++) t->names[i] = strdup(r->names[i]);
  memcpy(t->kinds, r->kinds, r->n);
  if (t->fmt == 1)
    for (size_t i = 0; i < r->n; i++) fprintf(t->out, "%s%s", r->names[i], i + 1 < r->n ? "," : "\n");
  return ferror(t->out) ? -2 : 0;
}

/* Row callback: CSV and JSON are written at once, table rows kept. */
static int on_row(const hooft_row *r, void *ud) {
  rows *t = ud;
  if (!t->names) header_row(r, t);
  if (t->fmt == 1) {
    for (size_t i = 0; i < r->n; i++) {
      hooft_write_csv_field(t->out, r->values[i]);
      fputc(i + 1 < r->n ? ',' : '\n', t->out);
    }
  } else if (t->fmt == 2) {
    json_row(t->out, r, !t->json_started);
    t->json_started = 1;
  } else {
    if (t->nrows == t->cap) {
      t->cap = t->cap ? t->cap * 2 : 64;
      t->cells = realloc(t->cells, t->cap * t->ncols * sizeof *t->cells);
    }
    for (size_t i = 0; i < r->n; i++)
      t->cells[t->nrows * t->ncols + i] = r->values[i] ? strdup(r->values[i]) : NULL;
    t->nrows++;
  }
  return ferror(t->out) ? -2 : 0;
}

/* Display width of UTF-8 text: one column per code point. */
static size_t width(const char *s) {
  size_t n = 0;
  for (; s && *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

static void print_table(rows *t) {
  if (!t->names) return;
  size_t *w = calloc(t->ncols, sizeof *w);
  for (size_t c = 0; c < t->ncols; c++) {
    w[c] = width(t->names[c]);
    for (size_t r = 0; r < t->nrows; r++) {
      size_t x = width(t->cells[r * t->ncols + c]);
      if (x > w[c]) w[c] = x;
    }
  }
  for (size_t r = 0; r <= t->nrows; r++) {
    for (size_t c = 0; c < t->ncols; c++) {
      const char *v = r == 0 ? t->names[c] : t->cells[(r - 1) * t->ncols + c];
      if (!v) v = r ? "-" : "";
      size_t pad = w[c] - width(v);
      int right = r > 0 && t->kinds[c] != 's';
      if (right) fprintf(t->out, "%*s", (int)pad, "");
      fputs(v, t->out);
      if (c + 1 < t->ncols) fprintf(t->out, "%*s  ", right ? 0 : (int)pad, "");
    }
    fputc('\n', t->out);
  }
  free(w);
}

static void rows_free(rows *t) {
  for (size_t i = 0; i < t->nrows * t->ncols; i++) free(t->cells[i]);
  for (size_t i = 0; i < t->ncols && t->names; i++) free(t->names[i]);
  free(t->names);
  free(t->kinds);
  free(t->cells);
}

int cmd_query(int argc, char **argv) {
  static const struct option opts[] = {{"db", required_argument, 0, 'b'},       {"group-by", required_argument, 0, 'g'},
                                       {"measure", required_argument, 0, 'm'},  {"format", required_argument, 0, 'f'},
                                       {"mentions", required_argument, 0, 'M'}, {"help", no_argument, 0, 'h'},
                                       {"stats", no_argument, 0, 'S'},
                                       CLI_FILTER_OPTIONS,                      {0, 0, 0, 0}};
  const char *db = NULL, *format = "table", *mentions = NULL;
  int want_stats = 0;
  unsigned group = 0, measures = 0;
  hooft_filter f;
  hooft_filter_init(&f);
  hooft_error err;
  int ch;
  optind = 1;
  while ((ch = getopt_long(argc, argv, "b:g:m:f:M:h", opts, NULL)) != -1) {
    int r = cli_filter_option(&f, ch, optarg, "query");
    if (r < 0) return EXIT_USAGE;
    if (r > 0) continue;
    switch (ch) {
      case 'b': db = optarg; break;
      case 'g':
        if (hooft_group_parse(optarg, &group, &err) < 0) {
          fprintf(stderr, "hooft query: --group-by: %s\n", err.message);
          return EXIT_USAGE;
        }
        break;
      case 'm':
        if (hooft_measure_parse(optarg, &measures, &err) < 0) {
          fprintf(stderr, "hooft query: --measure: %s\n", err.message);
          return EXIT_USAGE;
        }
        break;
      case 'f': format = optarg; break;
      case 'M': mentions = optarg; break;
      case 'S': want_stats = 1; break;
      case 'h': query_usage(stdout); return EXIT_OK;
      default: query_usage(stderr); return EXIT_USAGE;
    }
  }
  if (optind < argc) {
    fprintf(stderr, "hooft query: unexpected argument '%s'\n", argv[optind]);
    return EXIT_USAGE;
  }
  rows t = {0};
  t.out = stdout;
  t.fmt = !strcmp(format, "table") ? 0 : !strcmp(format, "csv") ? 1 : !strcmp(format, "json") ? 2 : -1;
  if (t.fmt < 0) {
    fprintf(stderr, "hooft query: unknown --format '%s' (table, csv, json)\n", format);
    return EXIT_USAGE;
  }
  if (measures && !group) {
    fprintf(stderr, "hooft query: --measure needs --group-by\n");
    return EXIT_USAGE;
  }
  int64_t event = 0;
  if (mentions) {
    char *end = NULL;
    event = strtoll(mentions, &end, 10);
    if (*end || event <= 0) {
      fprintf(stderr, "hooft query: bad --mentions '%s' (want an event id)\n", mentions);
      return EXIT_USAGE;
    }
  }
  hooft_store *s = hooft_store_open(cli_db_url(db), &err);
  if (!s) {
    fprintf(stderr, "hooft query: %s\n", err.message);
    return EXIT_STORE;
  }
  if (want_stats) {
    hooft_store_stats st;
    int ok = hooft_store_stats_get(s, &st, &err) == 0;
    if (ok)
      printf("articles %lld\nevents %lld\nmentions %lld\n", (long long)st.articles, (long long)st.events,
             (long long)st.mentions);
    else
      fprintf(stderr, "hooft query: %s\n", err.message);
    hooft_store_close(s);
    return ok ? EXIT_OK : EXIT_STORE;
  }
  int rc = mentions ? hooft_store_mentions(s, event, on_row, &t, &err)
                    : hooft_store_query(s, &f, group, measures, on_row, &t, &err);
  /* no rows: the table and CSV still get their header */
  if (rc == 0 && !t.names && t.fmt != 2) rc = hooft_query_columns(group, measures, header_row, &t);
  int exit_code = EXIT_OK;
  if (rc == -2) {
    fprintf(stderr, "hooft query: write error\n");
    exit_code = EXIT_OUTPUT;
  } else if (rc < 0) {
    fprintf(stderr, "hooft query: %s\n", err.message);
    exit_code = strncmp(err.message, "no event", 8) == 0 ? EXIT_USAGE : EXIT_STORE;
  } else if (t.fmt == 0) {
    print_table(&t);
  } else if (t.fmt == 2) {
    fputs(t.json_started ? "\n]\n" : "[]\n", stdout);
  }
  if (fflush(stdout) != 0 && exit_code == EXIT_OK) exit_code = EXIT_OUTPUT;
  rows_free(&t);
  hooft_store_close(s);
  return exit_code;
}
