/* ingest.c: 'hooft ingest': codes articles and stores them in the event store, one transaction per batch. */
#include <getopt.h>
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
        "ingest is killed, run it again on the same input to finish the job.\n"
        "exit codes: 0 ok, 1 some articles skipped (bad input), 2 usage, 3 dictionaries,\n"
        "            6 the store failed (the open batch was rolled back; earlier batches are kept)\n",
        out);
}

typedef struct tally {
  long added, replaced, unchanged, skipped, in_batch, committed;
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

/* Codes and stores every article of one input. Returns EXIT_OK, EXIT_BAD_INPUT
 * (some articles skipped) or EXIT_STORE (the batch was rolled back). */
static int ingest_file(hooft_coder *c, hooft_store *s, const char *path, hooft_input_format fmt, const char *date,
                       const char *lang, long batch, tally *t) {
  hooft_error err;
  hooft_reader *r = hooft_reader_open(path, fmt, date, lang, &err);
  if (!r) {
    fprintf(stderr, "hooft: %s\n", err.message);
    t->skipped++;
    return EXIT_BAD_INPUT;
  }
  int rc = EXIT_OK;
  hooft_article a;
  int got;
  while ((got = hooft_reader_next(r, &a, &err)) != 0) {
    if (got < 0) {
      fprintf(stderr, "hooft: %s\n", err.message);
      t->skipped++;
      rc = EXIT_BAD_INPUT;
      continue;
    }
    int id_given = hooft_reader_id_given(r);
    int what = hooft_store_check(s, &a, id_given, &err);
    if (what == HOOFT_PUT_UNCHANGED) {
      t->unchanged++;
      continue;
    }
    hooft_doc *d = what < 0 ? NULL : hooft_code(c, &a, &err);
    if (!d && what >= 0) {
      if (hooft_reader_line(r))
        fprintf(stderr, "hooft: %s:%ld: %s\n", path, hooft_reader_line(r), err.message);
      else
        fprintf(stderr, "hooft: %s\n", err.message);
      t->skipped++;
      rc = EXIT_BAD_INPUT;
      continue;
    }
    int put = d ? hooft_store_put(s, &a, id_given, d, &err) : -1;
    hooft_doc_free(d);
    if (put < 0) {
      fprintf(stderr, "hooft ingest: %s\n", err.message);
      hooft_reader_free(r);
      return EXIT_STORE;
    }
    if (put == HOOFT_PUT_NEW) t->added++;
    if (put == HOOFT_PUT_REPLACED) t->replaced++;
    if (put == HOOFT_PUT_UNCHANGED) t->unchanged++;
    if (put != HOOFT_PUT_UNCHANGED && ++t->in_batch >= batch && next_batch(s, t, 1) < 0) {
      hooft_reader_free(r);
      return EXIT_STORE;
    }
  }
  hooft_reader_free(r);
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
  hooft_store *s = hooft_store_open(cli_db_url(db), &err);
  if (!s || hooft_store_begin(s, &err) < 0) {
    fprintf(stderr, "hooft ingest: %s\n", err.message);
    hooft_store_close(s);
    hooft_coder_free(c);
    return EXIT_STORE;
  }
  tally t = {0};
  int rc = EXIT_OK;
  for (int i = optind; i < argc && rc != EXIT_STORE; i++) {
    int r = ingest_file(c, s, argv[i], fmt, date, lang, batch, &t);
    if (r != EXIT_OK) rc = r;
  }
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
             t.added, t.replaced, t.unchanged, t.skipped, (long long)st.articles, (long long)st.events,
             (long long)st.mentions);
  }
  hooft_store_close(s);
  hooft_coder_free(c);
  return rc;
}
