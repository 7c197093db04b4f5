/* eval.c: 'hooft eval': codes gold sentences (or reads their stored mentions, --db) and scores (source
 * country, target country, root) triples: precision, recall and F1 per language and per CAMEO root. */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct counts {
  long tp, fp, fn, items, neg_ok, neg_n;
} counts;

typedef struct triple {
  char src[32], tgt[32], root[3];
  int negated, used;
  json_t *gold;              /* the gold event object (claims), or NULL */
  const hooft_event *event;  /* the coded event, or NULL */
} triple;

/* Agreement on one claim field over matched events: ok out of n. */
typedef struct field_score {
  long ok, n;
} field_score;

enum { F_ATTRIBUTION, F_CERTAINTY, F_DATE, F_QVALUE, F_QOBJECT, F_LOCATION, F_COUNT };
static const char *const field_names[F_COUNT] = {"attribution", "certainty", "date", "quantity value",
                                                 "quantity object", "location"};

static int same_str(const char *a, const char *b) { return (!a && !b) || (a && b && !strcmp(a, b)); }

/* Prints one claim disagreement under --misses. */
static void claim_miss(const char *id, const char *field, const char *want, const char *got) {
  printf("%s: claim %s: gold %s, coded %s\n", id, field, want ? want : "null", got ? got : "null");
}

/* Scores the claims of a matched gold event against the coded one; with id, prints
 * the disagreements. */
static void score_claims(json_t *g, const hooft_event *e, field_score *fs, const char *id) {
  json_t *v;
  if ((v = json_object_get(g, "attribution"))) {
    const char *want = json_is_string(v) ? json_string_value(v) : NULL;
    const char *got = e->attribution.code ? (e->attribution.country ? e->attribution.country : e->attribution.code) : NULL;
    fs[F_ATTRIBUTION].n++;
    fs[F_ATTRIBUTION].ok += same_str(want, got);
    if (id && !same_str(want, got)) claim_miss(id, "attribution", want, got);
  }
  if ((v = json_object_get(g, "certainty")) && json_is_string(v)) {
    fs[F_CERTAINTY].n++;
    fs[F_CERTAINTY].ok += same_str(json_string_value(v), e->certainty);
    if (id && !same_str(json_string_value(v), e->certainty)) claim_miss(id, "certainty", json_string_value(v), e->certainty);
  }
  if ((v = json_object_get(g, "date")) && json_is_string(v)) {
    json_t *end = json_object_get(g, "date_end");
    fs[F_DATE].n++;
    int ok = same_str(json_string_value(v), e->date) &&
             same_str(json_is_string(end) ? json_string_value(end) : NULL, e->date_end);
    fs[F_DATE].ok += ok;
    if (id && !ok) claim_miss(id, "date", json_string_value(v), e->date);
  }
  if ((v = json_object_get(g, "quantities")) && json_is_array(v)) {
    size_t i;
    json_t *q;
    json_array_foreach(v, i, q) {
      double value = json_number_value(json_object_get(q, "value"));
      json_t *obj = json_object_get(q, "object");
      const hooft_quantity *found = NULL;
      for (size_t k = 0; k < e->nquantities && !found; k++)
        if (fabs(e->quantities[k].value - value) <= 1e-6 * (fabs(value) + 1)) found = &e->quantities[k];
      fs[F_QVALUE].n++;
      fs[F_QVALUE].ok += found != NULL;
      fs[F_QOBJECT].n++;
      int ok = found && same_str(json_is_string(obj) ? json_string_value(obj) : NULL, found->object);
      fs[F_QOBJECT].ok += ok;
      if (id && !ok) {
        char want[64];
        snprintf(want, sizeof want, "%g %s", value, json_is_string(obj) ? json_string_value(obj) : "-");
        claim_miss(id, "quantity", want, found ? (found->object ? found->object : "no object") : "not found");
      }
    }
  }
  if ((v = json_object_get(g, "location"))) {
    const char *want = json_is_string(v) ? json_string_value(v) : NULL;
    fs[F_LOCATION].n++;
    fs[F_LOCATION].ok += same_str(want, e->location.country);
    if (id && !same_str(want, e->location.country)) claim_miss(id, "location", want, e->location.country);
  }
}

static void eval_usage(FILE *out) {
  fputs("usage: hooft eval [options] GOLD.jsonl...\n"
        "  --misses          list the missed and spurious events of each item\n"
        "  --min-f1 X        exit with code 5 if the F1 of any language is below X\n"
        "  --min-claims X    exit with code 5 if the agreement on any claim field is below X\n"
        "  --dict DIR        dictionary directory\n"
        "  --db URL          score the events stored in this store instead of coding the text: each\n"
        "                    gold item's predictions are the mentions of the stored article whose id\n"
        "                    is the item's id (ingest the gold file first: hooft ingest --db URL GOLD)\n"
        "Gold lines: {\"id\",\"lang\",\"date\",\"text\",\"events\":[{\"source\",\"target\",\"root\"}]}\n",
        out);
}

static double ratio(long a, long b) { return b ? (double)a / (double)b : 0.0; }

static double f1(const counts *c) {
  double p = ratio(c->tp, c->tp + c->fp), r = ratio(c->tp, c->tp + c->fn);
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static void print_row(const char *label, const counts *c) {
  printf("%-6s %6ld %6ld %6ld %6ld %6ld %6ld %9.3f %7.3f %6.3f\n", label, c->items, c->tp + c->fn, c->tp + c->fp,
         c->tp, c->fp, c->fn, ratio(c->tp, c->tp + c->fp), ratio(c->tp, c->tp + c->fn), f1(c));
}

static void copy_field(char *dst, size_t n, const char *s) { snprintf(dst, n, "%s", s ? s : "-"); }

int cmd_eval(int argc, char **argv) {
  static const struct option opts[] = {{"misses", no_argument, 0, 'm'},
                                       {"min-f1", required_argument, 0, 'f'},
                                       {"min-claims", required_argument, 0, 'c'},
                                       {"dict", required_argument, 0, 'D'}, {"dictionaries", required_argument, 0, 'D'},
                                       {"db", required_argument, 0, 'b'},
                                       {"help", no_argument, 0, 'h'},
                                       {0, 0, 0, 0}};
  int misses = 0, ch;
  double min_f1 = -1, min_claims = -1;
  const char *dict = NULL, *db = NULL;
  optind = 1;
  while ((ch = getopt_long(argc, argv, "mf:c:D:b:h", opts, NULL)) != -1) {
    switch (ch) {
      case 'm': misses = 1; break;
      case 'f': min_f1 = atof(optarg); break;
      case 'c': min_claims = atof(optarg); break;
      case 'D': dict = optarg; break;
      case 'b': db = optarg; break;
      case 'h': eval_usage(stdout); return EXIT_OK;
      default: eval_usage(stderr); return EXIT_USAGE;
    }
  }
  if (optind >= argc) {
    eval_usage(stderr);
    return EXIT_USAGE;
  }
  /* the predictions: coded now, or read from the store (which must exist) */
  hooft_coder *c = NULL;
  hooft_store *store = NULL;
  long missing = 0;
  if (db) {
    hooft_error err;
    store = hooft_store_open_existing(db, &err);
    if (!store) {
      fprintf(stderr, "hooft eval: %s\n", err.message);
      return EXIT_STORE;
    }
  } else if (!(c = cli_load(cli_dict_dir(dict)))) {
    return EXIT_DICT;
  }
  counts lang_c[2] = {{0}}, all = {0};
  counts root_c[2][21];
  field_score fields[2][F_COUNT];
  memset(fields, 0, sizeof fields);
  memset(root_c, 0, sizeof root_c);
  int rc = EXIT_OK;
  for (int fi = optind; fi < argc; fi++) {
    FILE *f = fopen(argv[fi], "r");
    if (!f) {
      perror(argv[fi]);
      rc = EXIT_BAD_INPUT;
      continue;
    }
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    while (getline(&line, &cap, f) >= 0) {
      lineno++;
      if (line[0] == '\n' || line[0] == 0) continue;
      json_error_t je;
      json_t *o = json_loads(line, 0, &je);
      const char *id = NULL, *lang = NULL, *text = NULL, *date = NULL;
      json_t *evs = NULL;
      if (o && json_unpack_ex(o, &je, 0, "{s:s, s:s, s:s, s?s, s:o}", "id", &id, "lang", &lang, "text", &text,
                              "date", &date, "events", &evs) == 0 &&
          json_is_array(evs) && (!strcmp(lang, "nl") || !strcmp(lang, "en"))) {
        int li = strcmp(lang, "nl") == 0 ? 0 : 1;
        hooft_article a = {id, date, lang, NULL, text, strlen(text), NULL};
        hooft_error err;
        hooft_doc *d = NULL;
        hooft_stored_article *sa = NULL;
        int what = store ? hooft_store_check(store, &a, 1, &err) : 0;
        if (store && what == HOOFT_PUT_NEW) {
          fprintf(stderr, "%s:%ld: article '%s' is not in the store %s\n", argv[fi], lineno, id, db);
          missing++;
        } else if (store && what == HOOFT_PUT_REPLACED) {
          fprintf(stderr, "%s:%ld: article '%s' is stored with other content (date, language or text): not scored\n",
                  argv[fi], lineno, id);
        } else if (store && what == HOOFT_PUT_INVALID) { /* a gold item that could never be stored */
          fprintf(stderr, "%s:%ld: %s\n", argv[fi], lineno, err.message);
        } else if (store) {
          sa = what < 0 ? NULL : hooft_store_article(store, id, &err);
          if (!sa) {
            fprintf(stderr, "hooft eval: %s\n", err.message);
            json_decref(o);
            rc = EXIT_STORE;
            break;
          }
        } else if (!(d = hooft_code(c, &a, &err))) {
          fprintf(stderr, "%s:%ld: %s\n", argv[fi], lineno, err.message);
        }
        if (!d && !sa) {
          rc = EXIT_BAD_INPUT;
          json_decref(o);
          continue;
        }
        size_t ng = json_array_size(evs), np = d ? hooft_doc_event_count(d) : hooft_stored_article_count(sa);
        triple *g = calloc(ng + 1, sizeof *g), *p = calloc(np + 1, sizeof *p);
        int bad = 0;
        for (size_t i = 0; i < ng; i++) {
          const char *s = NULL, *t = NULL, *r = NULL;
          int neg = 0;
          if (json_unpack(json_array_get(evs, i), "{s:s, s:s, s:s, s?b}", "source", &s, "target", &t, "root", &r,
                          "negated", &neg) != 0 ||
              strlen(r) != 2 || atoi(r) < 1 || atoi(r) > 20) {
            bad = 1;
            break;
          }
          copy_field(g[i].src, sizeof g[i].src, s);
          copy_field(g[i].tgt, sizeof g[i].tgt, t);
          copy_field(g[i].root, sizeof g[i].root, r);
          g[i].negated = neg;
          g[i].gold = json_array_get(evs, i);
        }
        if (bad) {
          fprintf(stderr, "%s:%ld: each gold event needs string source, target and a root 01..20\n", argv[fi], lineno);
          rc = EXIT_BAD_INPUT;
        } else {
          for (size_t i = 0; i < np; i++) {
            const hooft_event *e = d ? hooft_doc_event(d, i) : hooft_stored_article_event(sa, i);
            copy_field(p[i].src, sizeof p[i].src, e->source.country ? e->source.country : e->source.code);
            copy_field(p[i].tgt, sizeof p[i].tgt, e->target.country ? e->target.country : e->target.code);
            copy_field(p[i].root, sizeof p[i].root, e->root);
            p[i].negated = e->negated;
            p[i].event = e;
          }
          lang_c[li].items++;
          all.items++;
          for (size_t i = 0; i < ng; i++)
            for (size_t j = 0; j < np; j++)
              if (!p[j].used && !strcmp(g[i].src, p[j].src) && !strcmp(g[i].tgt, p[j].tgt) &&
                  !strcmp(g[i].root, p[j].root)) {
                g[i].used = p[j].used = 1;
                score_claims(g[i].gold, p[j].event, fields[li], misses ? id : NULL);
                lang_c[li].neg_n++;
                lang_c[li].neg_ok += g[i].negated == p[j].negated;
                break;
              }
          for (size_t i = 0; i < ng; i++) {
            int r = atoi(g[i].root);
            if (g[i].used) {
              lang_c[li].tp++;
              root_c[li][r].tp++;
            } else {
              lang_c[li].fn++;
              root_c[li][r].fn++;
            }
          }
          for (size_t j = 0; j < np; j++) {
            int r = atoi(p[j].root);
            if (!p[j].used) {
              lang_c[li].fp++;
              if (r >= 1 && r <= 20) root_c[li][r].fp++;
            }
          }
          int any = 0;
          for (size_t i = 0; i < ng; i++) any |= !g[i].used;
          for (size_t j = 0; j < np; j++) any |= !p[j].used;
          if (misses && any) {
            printf("%s: %s\n", id, text);
            for (size_t i = 0; i < ng; i++)
              if (!g[i].used) printf("    missed   %s -> %s %s\n", g[i].src, g[i].tgt, g[i].root);
            for (size_t j = 0; j < np; j++)
              if (!p[j].used) {
                const hooft_event *e = p[j].event;
                printf("    spurious %s -> %s %s (%s: '%s' %s)", p[j].src, p[j].tgt, p[j].root, e->cameo, e->verb,
                       e->rule);
                if (sa) printf(" in event %lld", (long long)hooft_stored_article_event_id(sa, j));
                printf("\n");
              }
          }
        }
        free(g);
        free(p);
        hooft_doc_free(d);
        hooft_stored_article_free(sa);
      } else {
        fprintf(stderr, "%s:%ld: bad gold line: %s\n", argv[fi], lineno,
                o ? "need string id, lang (nl|en), text and an events array" : je.text);
        rc = EXIT_BAD_INPUT;
      }
      json_decref(o);
    }
    free(line);
    fclose(f);
    if (rc == EXIT_STORE) break;
  }
  if (store && rc != EXIT_STORE && !all.items && !lang_c[0].items && !lang_c[1].items) {
    fprintf(stderr, "hooft eval: none of the gold articles is in the store %s (%ld missing; store them first: "
                    "hooft ingest --db %s GOLD.jsonl)\n", db, missing, db);
    hooft_store_close(store);
    return EXIT_BAD_INPUT;
  }
  if (rc == EXIT_STORE) {
    hooft_store_close(store);
    return rc;
  }
  printf("%-6s %6s %6s %6s %6s %6s %6s %9s %7s %6s\n", "lang", "items", "gold", "pred", "tp", "fp", "fn",
         "precision", "recall", "f1");
  static const char *names[2] = {"nl", "en"};
  for (int l = 0; l < 2; l++) {
    if (!lang_c[l].items) continue;
    print_row(names[l], &lang_c[l]);
    all.tp += lang_c[l].tp;
    all.fp += lang_c[l].fp;
    all.fn += lang_c[l].fn;
    all.neg_ok += lang_c[l].neg_ok;
    all.neg_n += lang_c[l].neg_n;
  }
  print_row("all", &all);
  printf("negation agreement on matched events: %ld/%ld\n", all.neg_ok, all.neg_n);
  printf("\nper root (F1):\n%-4s", "root");
  for (int l = 0; l < 2; l++)
    if (lang_c[l].items) printf(" %6s-gold %6s-f1", names[l], names[l]);
  printf("\n");
  for (int r = 1; r <= 20; r++) {
    printf("%02d  ", r);
    for (int l = 0; l < 2; l++)
      if (lang_c[l].items) printf(" %9ld %9.3f", root_c[l][r].tp + root_c[l][r].fn, f1(&root_c[l][r]));
    printf("\n");
  }
  printf("\nclaims on matched events (agreement with gold, where the gold gives the field):\n%-16s", "field");
  for (int l = 0; l < 2; l++)
    if (lang_c[l].items) printf(" %12s", names[l]);
  printf("\n");
  for (int f = 0; f < F_COUNT; f++) {
    printf("%-16s", field_names[f]);
    for (int l = 0; l < 2; l++) {
      if (!lang_c[l].items) continue;
      if (fields[l][f].n)
        printf(" %5.3f (%4ld)", ratio(fields[l][f].ok, fields[l][f].n), fields[l][f].n);
      else
        printf(" %12s", "-");
    }
    printf("\n");
  }
  for (int l = 0; l < 2; l++)
    for (int f = 0; f < F_COUNT; f++)
      if (min_claims >= 0 && fields[l][f].n && ratio(fields[l][f].ok, fields[l][f].n) < min_claims) {
        fprintf(stderr, "hooft eval: %s %s agreement %.3f is below %.3f\n", names[l], field_names[f],
                ratio(fields[l][f].ok, fields[l][f].n), min_claims);
        if (rc == EXIT_OK) rc = EXIT_THRESHOLD;
      }
  for (int l = 0; l < 2; l++)
    if (min_f1 >= 0 && lang_c[l].items && f1(&lang_c[l]) < min_f1) {
      fprintf(stderr, "hooft eval: %s F1 %.3f is below %.3f\n", names[l], f1(&lang_c[l]), min_f1);
      if (rc == EXIT_OK) rc = EXIT_THRESHOLD;
    }
  hooft_coder_free(c);
  hooft_store_close(store);
  return rc;
}
