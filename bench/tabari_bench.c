/* tabari_bench.c: coding benchmark on the reference dictionary sets: TABARI's demo set on a
 * corpus of N records repeating the texts of TABARI.Demo.text and Validate.text, and the
 * PETRARCH-2 Phoenix set on N sentences repeating the GigaWord sample and the unit-test texts.
 * Prints load time, records (sentences) per second on one core, peak resident memory and the
 * events coded. Each part runs in a process of its own so that its peak memory is its own.
 * Usage: hooft-tabari-bench [tabari|phoenix] [N]   (default: both, N = 100000) */
#include "bench_util.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hooft.h"
#include "ref_corpus.h"

#define RUNS 3

/* The reference files: $HOOFT_REF, else ../shared/ref beside the source tree. */
static const char *ref_dir(void) {
  const char *env = getenv("HOOFT_REF");
  return env && *env ? env : HOOFT_SOURCE_DIR "/../shared/ref";
}

/* The path of reference file rel (under ref_dir()) into buf of n bytes; exits with a clear
 * message when it is missing. Returns buf. */
static const char *ref_file(char *buf, size_t n, const char *rel) {
  snprintf(buf, n, "%s/%s", ref_dir(), rel);
  const char *path = buf;
  struct stat st;
  if (stat(path, &st) != 0) {
    fprintf(stderr, "hooft-tabari-bench: reference file %s not found: the benchmark needs the reference files "
            "(../shared/ref beside the source tree, or $HOOFT_REF)\n", path);
    exit(1);
  }
  return buf;
}

/* Opens the coder of spec `runs` times; returns the last (kept) with the median and min times. */
static hooft_coder *load(const char *spec, int runs, double *median, double *min, double *peak_after_first) {
  double t[16];
  hooft_coder *c = NULL;
  hooft_error err;
  for (int r = 0; r < runs; r++) {
    hooft_coder_free(c);
    double t0 = bench_now();
    c = hooft_coder_open(spec, &err);
    t[r] = bench_now() - t0;
    if (!c) {
      fprintf(stderr, "hooft-tabari-bench: cannot open %s:\n%s\n", spec, err.message);
      exit(1);
    }
    if (r == 0) *peak_after_first = bench_peak_mb();
  }
  qsort(t, (size_t)runs, sizeof *t, bench_cmp_double);
  *median = t[runs / 2] * 1e3;
  *min = t[0] * 1e3;
  return c;
}

/* What one pass over the corpus gave. */
typedef struct pass_counts {
  long texts, sentences, events, refused, complex, discard, shortened;
} pass_counts;

/* Codes texts (each as one article) until target texts (by_sentences: target sentences) are
 * coded: the texts of order in turn when given (it has target entries), else the corpus's texts
 * round and round. Returns the seconds spent coding. */
static double code_pass(hooft_coder *c, const ref_corpus *corpus, const uint32_t *order, long target, int by_sentences,
                        pass_counts *pc) {
  memset(pc, 0, sizeof *pc);
  hooft_error err;
  double t0 = bench_now();
  for (size_t k = 0; (by_sentences ? pc->sentences : pc->texts) < target; k++) {
    const ref_text *t = &corpus->v[order ? order[k] : k % corpus->n];
    hooft_article a = {"bench", t->date, "en", NULL, t->text, t->len, NULL};
    hooft_doc *d = hooft_code(c, &a, &err);
    pc->texts++;
    if (!d) {
      pc->refused++;
      pc->sentences++;
      continue;
    }
    pc->sentences += (long)hooft_doc_sentence_count(d);
    pc->events += (long)hooft_doc_event_count(d);
    const char *st = hooft_doc_status(d);
    if (st && !strncmp(st, "complex", 7)) pc->complex++;
    if (st && !strcmp(st, "discard")) pc->discard++;
    if (st && !strcmp(st, "short")) pc->shortened++;
    hooft_doc_free(d);
  }
  return bench_now() - t0;
}

/* Codes RUNS passes; prints the median and best rates; returns the median rate. */
static double timed(hooft_coder *c, const ref_corpus *corpus, const uint32_t *order, long target, int by_sentences,
                    const char *unit, pass_counts *pc) {
  double rate[RUNS];
  for (int r = 0; r < RUNS; r++) {
    double s = code_pass(c, corpus, order, target, by_sentences, pc);
    rate[r] = (double)(by_sentences ? pc->sentences : pc->texts) / s;
  }
  qsort(rate, RUNS, sizeof *rate, bench_cmp_double);
  printf("coding: %.0f %s/s median of %d runs (best %.0f, worst %.0f), one core\n", rate[RUNS / 2], unit, RUNS,
         rate[RUNS - 1], rate[0]);
  return rate[RUNS / 2];
}

static int bench_tabari(long n) {
  char project[4096], demo[4096], validate[4096], spec[4200];
  ref_file(project, sizeof project, "tabari/TABARI.Demo.project");
  ref_file(demo, sizeof demo, "tabari/TABARI.Demo.text");
  ref_file(validate, sizeof validate, "tabari/Validate.text");
  snprintf(spec, sizeof spec, "tabari:%s", project);
  double before = bench_peak_mb();
  ref_corpus distinct = {0};
  long nd = ref_corpus_tabari(&distinct, demo), nv = ref_corpus_tabari(&distinct, validate);
  if (nd <= 0 || nv <= 0) {
    fprintf(stderr, "hooft-tabari-bench: no record texts in %s or %s\n", demo, validate);
    return 1;
  }
  /* the corpus: n records, each one of the distinct texts in turn (an index: the texts are
   * shared, not copied, so that the peak memory is the coder's) */
  uint32_t *order = malloc((size_t)n * sizeof *order);
  if (!order) return 1;
  size_t bytes = 0;
  for (long i = 0; i < n; i++) {
    order[i] = (uint32_t)((size_t)i % distinct.n);
    bytes += distinct.v[order[i]].len;
  }
  double corpus_mb = bench_peak_mb();
  double median, min, after_load;
  hooft_coder *c = load(spec, 5, &median, &min, &after_load);
  printf("== TABARI demo set (%s)\n", spec);
  printf("corpus: %ld records (%.1f MB of text) repeating %zu distinct record texts (%ld of TABARI.Demo.text, "
         "%ld of Validate.text up to its end marker; comments, option records left out)\n",
         n, (double)bytes / 1e6, distinct.n, nd, nv);
  printf("load: %.1f ms median of 5 (min %.1f ms)\n", median, min);
  pass_counts pc;
  timed(c, &distinct, order, n, 0, "records", &pc);
  printf("events: %ld in %ld records (%.2f per record); complex %ld, discarded %ld, short %ld, refused %ld\n",
         pc.events, pc.texts, (double)pc.events / (double)pc.texts, pc.complex, pc.discard, pc.shortened, pc.refused);
  printf("peak memory: %.1f MB resident (%.1f MB before reading the corpus, %.1f MB with the corpus index, %.1f MB "
         "after loading)\n",
         bench_peak_mb(), before, corpus_mb, after_load);
  printf("targets: >= 94,000 records/s, load about 10 ms (TABARI: 47,000 records/s, 4.7 MB, 10 ms)\n");
  hooft_coder_free(c);
  free(order);
  ref_corpus_free(&distinct);
  return pc.refused == pc.texts;
}

static int bench_phoenix(long n) {
  char dict[4096], giga[4096], unit[4096], spec[4200];
  ref_file(dict, sizeof dict, "petrarch2/dictionaries");
  ref_file(giga, sizeof giga, "petrarch2/text/GigaWord.sample.PETR.xml");
  ref_file(unit, sizeof unit, "petrarch2/text/PETR.UnitTest.records.xml");
  snprintf(spec, sizeof spec, "petrarch:%s", dict);
  double before = bench_peak_mb();
  double median, min, after_load;
  hooft_coder *c = load(spec, 3, &median, &min, &after_load);
  ref_corpus corpus = {0};
  long ng = ref_corpus_petrarch(&corpus, giga), nu = ref_corpus_petrarch(&corpus, unit);
  if (ng <= 0 || nu <= 0) {
    fprintf(stderr, "hooft-tabari-bench: no <Text> in %s or %s\n", giga, unit);
    return 1;
  }
  printf("== Phoenix set (%s)\n", spec);
  printf("corpus: >= %ld sentences repeating %zu texts (%ld of the GigaWord sample, %ld unit-test records)\n", n,
         corpus.n, ng, nu);
  printf("load: %.1f ms median of 3 (min %.1f ms); peak memory after the first load %.1f MB (%.1f MB before)\n",
         median, min, after_load, before);
  pass_counts pc;
  timed(c, &corpus, NULL, n, 1, "sentences", &pc);
  printf("events: %ld in %ld sentences of %ld texts; complex %ld, discarded %ld, short %ld, refused %ld\n", pc.events,
         pc.sentences, pc.texts, pc.complex, pc.discard, pc.shortened, pc.refused);
  printf("peak memory: %.1f MB resident\n", bench_peak_mb());
  printf("targets: load < 300 ms, < 150 MB, >= 30,000 sentences/s\n");
  hooft_coder_free(c);
  ref_corpus_free(&corpus);
  return pc.refused == pc.texts;
}

/* Runs one part in a fresh process (this program again, with the part's name), so that its
 * peak memory is its own; runs it here if that process cannot be started. */
static int in_child(const char *part, long n) {
  fflush(stdout);
  char nbuf[32];
  snprintf(nbuf, sizeof nbuf, "%ld", n);
  pid_t pid = fork();
  if (pid < 0) return !strcmp(part, "tabari") ? bench_tabari(n) : bench_phoenix(n);
  if (pid == 0) {
    execl("/proc/self/exe", "hooft-tabari-bench", part, nbuf, (char *)NULL);
    _exit(!strcmp(part, "tabari") ? bench_tabari(n) : bench_phoenix(n));
  }
  int status;
  if (waitpid(pid, &status, 0) < 0) return 1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

int main(int argc, char **argv) {
  const char *part = "both";
  int ai = 1;
  if (argc > 1 && (!strcmp(argv[1], "tabari") || !strcmp(argv[1], "phoenix"))) part = argv[ai++];
  long n = argc > ai ? atol(argv[ai]) : 100000;
  if (n < 1 || argc > ai + 1) {
    fprintf(stderr, "usage: hooft-tabari-bench [tabari|phoenix] [N]\n");
    return 2;
  }
  if (!strcmp(part, "tabari")) return bench_tabari(n);
  if (!strcmp(part, "phoenix")) return bench_phoenix(n);
  int rc = in_child("tabari", n);
  return in_child("phoenix", n) || rc;
}
