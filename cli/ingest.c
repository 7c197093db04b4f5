/* ingest.c: 'hooft ingest': codes articles and stores them in the event store, one transaction per batch. */
#include <getopt.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../src/util.h"

static void ingest_usage(FILE *out) {
  fputs("usage: hooft ingest [options] FILE...|-\n"
        "  --db URL            the store: postgresql://..., sqlite:PATH or a file name\n"
        "                      (default $HOOFT_DB, else hooft.db)\n"
        "  --batch N           articles per transaction (default 1000)\n"
        "  --lang, --date, --input, --dict   as for 'hooft code'\n"
        "Articles are keyed by id (JSONL \"id\"; a plain-text file's name), or by a hash of URL\n"
        "and text. An article already stored with the same content is skipped without coding;\n"
        "one whose content changed replaces its old events. Each batch is one transaction: if\n"
        "ingest is killed, run it again on the same input to finish the job. Articles are read\n"
        "and coded on a second thread while the batches are written.\n"
        "exit codes: 0 ok, 1 some articles skipped (bad input), 2 usage, 3 dictionaries,\n"
        "            6 the store failed (the open batch was rolled back; earlier batches are kept)\n",
        out);
}


/* Where an article came from, for messages; or a bad record's message. */
typedef struct origin {
  const char *path;
  long line;
  int id_given;
  char *message; /* a marker: why the record could not be read or stored (owned; NULL for an article) */
} origin;

/* The articles to code: read from the inputs in turn on the coding queue's
 * thread, which also skips those the store holds unchanged (asking its own
 * connection: the ingesting one is busy writing) and reports bad records. */
typedef struct source {
  hooft_store *check;
  char **paths;
  int npaths, next_path;
  const char *path;
  hooft_reader *r;
  hooft_input_format fmt;
  const char *date, *lang;
  origin *origins; /* a ring: one for each article queued, being coded or being stored */
  size_t norigins, used;
  long unchanged;
  int failed;
  atomic_int stop; /* set by the storing thread when it gives up */
  hooft_store *store; /* the storing thread's: told the keys of the articles coming (hooft_store_expect) */
} source;

/* The next slot of the ring of origins (its message from an earlier turn freed). */
static origin *next_origin(source *src) {
  origin *o = &src->origins[src->used++ % src->norigins];
  free(o->message);
  memset(o, 0, sizeof *o);
  return o;
}

/* A marker for a record that could not be read or stored: its message (prefixed with the file
 * and line when where and the input has lines) is printed in input order. Returns 2. */
static int bad_record(source *src, const hooft_error *err, int where, void **tag) {
  origin *o = next_origin(src);
  long line = where && src->r ? hooft_reader_line(src->r) : 0;
  hf_buf b = {0};
  if (line) hf_buf_printf(&b, "%s:%ld: ", src->path, line);
  hf_buf_puts(&b, err->message);
  o->message = (char *)hf_buf_cstr(&b);
  *tag = o;
  return 2;
}

/* The queue's source (hooft_article_source): the next article that is not
 * stored unchanged, or a marker for a record that could not be read. */
static int next_article(void *ud, hooft_article *a, void **tag) {
  source *src = ud;
  hooft_error err;
  while (!atomic_load(&src->stop)) {
    if (!src->r) {
      if (src->next_path >= src->npaths) return 0;
      src->path = src->paths[src->next_path++];
      if (!(src->r = hooft_reader_open(src->path, src->fmt, src->date, src->lang, &err)))
        return bad_record(src, &err, 0, tag);
      continue;
    }
    int got = hooft_reader_next(src->r, a, &err);
    if (got == 0) {
      hooft_reader_free(src->r);
      src->r = NULL;
      continue;
    }
    if (got < 0) return bad_record(src, &err, 0, tag);
    int id_given = hooft_reader_id_given(src->r);
    int what = hooft_store_check(src->check, a, id_given, &err);
    if (what == HOOFT_PUT_INVALID) return bad_record(src, &err, 1, tag); /* a bad date */
    if (what < 0) {
      fprintf(stderr, "hooft ingest: %s\n", err.message);
      src->failed = 1;
      return 0;
    }
    if (what == HOOFT_PUT_UNCHANGED) {
      src->unchanged++;
      continue;
    }
    char *key = hooft_article_key(a, id_given, &err); /* the check accepted its date */
    hooft_store_expect(src->store, key); /* PostgreSQL then looks the batch's articles up at once */
    free(key);
    origin *o = next_origin(src);
    o->path = src->path;
    o->line = hooft_reader_line(src->r);
    o->id_given = id_given;
    *tag = o;
    return 1;
  }
  return 0;
}

typedef struct tally {
  long added, replaced, unchanged, in_batch, committed;
} tally;

/* Commits the open batch and opens the next one. Returns 0 or -1 (printed). */
static int next_batch(hooft_store *s, tally *t, int reopen) {
  hooft_error err;
  if (hooft_store_commit(s, &err) < 0 || (reopen && hooft_store_begin(s, &err) < 0)) {
    fprintf(stderr, "hooft ingest: %s\n", err.message);
    return -1;
  }
  t->committed += t->in_batch;
  t->in_batch = 0;
  return 0;
}

/* Reports an article skipped: "hooft: FILE:LINE: message" (a JSONL record), or
 * "hooft: message" (a plain-text file: the message names it, its id). */
static void report_skip(const origin *o, const char *message, long *skipped) {
  if (o->line)
    fprintf(stderr, "hooft: %s:%ld: %s\n", o->path, o->line, message);
  else
    fprintf(stderr, "hooft: %s\n", message);
  (*skipped)++;
}

/* Stores the queue's articles in order as they are coded, a transaction per
 * batch. Returns EXIT_OK, EXIT_BAD_INPUT (records skipped: printed) or
 * EXIT_STORE (printed; the open batch must be rolled back). */
static int store_all(hooft_queue *q, hooft_store *s, long batch, tally *t, long *skipped) {
  hooft_doc *d;
  const hooft_article *a;
  void *tag;
  hooft_error err;
  int rc = EXIT_OK;
  long unflushed = 0;
  for (;;) {
    if (unflushed >= HOOFT_INGEST_IDLE_FLUSH && !hooft_queue_ready(q)) { /* write while the coder works */
      if (hooft_store_flush(s, &err) < 0) {
        fprintf(stderr, "hooft ingest: %s\n", err.message);
        return EXIT_STORE;
      }
      unflushed = 0;
    }
    if (hooft_queue_pop(q, &d, &a, &tag, &err) <= 0) break;
    const origin *o = tag;
    int put = a && d ? hooft_store_put(s, a, o->id_given, d, &err) : HOOFT_PUT_INVALID;
    hooft_doc_free(d);
    if (put == HOOFT_PUT_INVALID) { /* unreadable, not coded, or not storable: nothing stored, the batch goes on */
      report_skip(o, a ? err.message : o->message, skipped); /* a marker has its place in its message */
      rc = EXIT_BAD_INPUT;
      continue;
    }
    if (put < 0) {
      fprintf(stderr, "hooft ingest: %s\n", err.message);
      return EXIT_STORE;
    }
    if (put == HOOFT_PUT_UNCHANGED) { /* coded twice: the article came again in the same input */
      t->unchanged++;
      continue;
    }
    if (put == HOOFT_PUT_NEW) t->added++;
    if (put == HOOFT_PUT_REPLACED) t->replaced++;
    unflushed++;
    if (++t->in_batch >= batch) {
      if (next_batch(s, t, 1) < 0) return EXIT_STORE;
      unflushed = 0;
    }
  }
  return rc;
}

int cmd_ingest(int argc, char **argv) {
  static const struct option opts[] = {{"db", required_argument, 0, 'b'},   {"batch", required_argument, 0, 'n'},
                                       {"lang", required_argument, 0, 'l'}, {"date", required_argument, 0, 'd'},
                                       {"input", required_argument, 0, 'i'}, {"dict", required_argument, 0, 'D'},
                                       {"help", no_argument, 0, 'h'},       {0, 0, 0, 0}};
  const char *db = NULL, *lang = "auto", *date = NULL, *input = "auto", *dict = NULL;
  long batch = 1000;
  int ch;
  optind = 1;
  while ((ch = getopt_long(argc, argv, "b:n:l:d:i:D:h", opts, NULL)) != -1) {
    switch (ch) {
      case 'b': db = optarg; break;
      case 'n': {
        char *end = NULL;
        batch = strtol(optarg, &end, 10);
        if (*end || batch <= 0) {
          fprintf(stderr, "hooft ingest: bad --batch '%s' (want a positive whole number)\n", optarg);
          return EXIT_USAGE;
        }
        break;
      }
      case 'l': lang = optarg; break;
      case 'd': date = optarg; break;
      case 'i': input = optarg; break;
      case 'D': dict = optarg; break;
      case 'h': ingest_usage(stdout); return EXIT_OK;
      default: ingest_usage(stderr); return EXIT_USAGE;
    }
  }
  if (strcmp(lang, "nl") && strcmp(lang, "en") && strcmp(lang, "auto")) {
    fprintf(stderr, "hooft ingest: unknown language '%s' (hooft codes: nl, en, auto)\n", lang);
    return EXIT_USAGE;
  }
  if (date && !hf_parse_date(date, strlen(date))) {
    fprintf(stderr, "hooft ingest: bad --date '%s' (want YYYY-MM-DD)\n", date);
    return EXIT_USAGE;
  }
  hooft_input_format fmt = !strcmp(input, "text") ? HOOFT_INPUT_TEXT : !strcmp(input, "jsonl") ? HOOFT_INPUT_JSONL
                                                                                                 : HOOFT_INPUT_AUTO;
  if (fmt == HOOFT_INPUT_AUTO && strcmp(input, "auto")) {
    fprintf(stderr, "hooft ingest: unknown --input '%s' (auto, text, jsonl)\n", input);
    return EXIT_USAGE;
  }
  if (optind >= argc) {
    fprintf(stderr, "hooft ingest: no input files (use - for stdin)\n");
    ingest_usage(stderr);
    return EXIT_USAGE;
  }
  hooft_coder *c = cli_load(cli_dict_dir(dict));
  if (!c) return EXIT_DICT;
  hooft_error err;
  const char *url = cli_db_url(db);
  hooft_store *s = hooft_store_open(url, &err), *check = NULL;
  if (!s || !(check = hooft_store_open(url, &err)) || hooft_store_begin(s, &err) < 0) {
    fprintf(stderr, "hooft ingest: %s\n", err.message);
    hooft_store_close(check);
    hooft_store_close(s);
    hooft_coder_free(c);
    return EXIT_STORE;
  }
  /* the queue holds a batch (a bound on memory for larger ones): while a batch is written, the thread
   * codes the next one */
  size_t depth = batch < HOOFT_INGEST_QUEUE_MAX ? (size_t)batch : HOOFT_INGEST_QUEUE_MAX;
  source src = {.check = check, .store = s, .paths = argv + optind, .npaths = argc - optind, .fmt = fmt, .date = date,
                .lang = lang, .norigins = depth + 2};
  atomic_init(&src.stop, 0);
  src.origins = hf_xcalloc(src.norigins, sizeof *src.origins);
  hooft_queue *q = hooft_queue_new(c, depth, next_article, &src, &err);
  tally t = {0};
  long skipped = 0;
  int rc = q ? store_all(q, s, batch, &t, &skipped) : EXIT_STORE;
  if (!q) fprintf(stderr, "hooft ingest: %s\n", err.message);
  atomic_store(&src.stop, 1);
  hooft_queue_free(q); /* after a store error: waits for the article being read or coded */
  hooft_reader_free(src.r);
  for (size_t i = 0; i < src.norigins; i++) free(src.origins[i].message);
  free(src.origins);
  hooft_store_close(check);
  t.unchanged += src.unchanged;
  if (src.failed) rc = EXIT_STORE;
  if (rc != EXIT_STORE && next_batch(s, &t, 0) < 0) rc = EXIT_STORE;
  if (rc == EXIT_STORE) {
    hooft_store_rollback(s);
    fprintf(stderr,
            "hooft ingest: stopped; the open batch of %ld articles was rolled back, %ld articles stored before "
            "it are kept\n",
            t.in_batch, t.committed);
  } else {
    hooft_store_stats st;
    if (hooft_store_stats_get(s, &st, &err) == 0)
      printf("ingested: %ld new, %ld replaced, %ld unchanged, %ld skipped; store: %lld articles, %lld events, "
             "%lld mentions\n",
             t.added, t.replaced, t.unchanged, skipped, (long long)st.articles, (long long)st.events,
             (long long)st.mentions);
  }
  hooft_store_close(s);
  hooft_coder_free(c);
  return rc;
}
