/* bench.c: throughput benchmark: codes a corpus of N sentences built from the project's gold
 * sentences and sample articles, on one core, and prints load time, sentences/s and peak memory. */
#include "bench_util.h"
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "gold_pool.h"
#include "hooft.h"

/* Codes articles of about 20 sentences of one language each until target sentences
 * are coded; returns the sentences per second and fills the counts. */
static double run(hooft_coder *c, const gold_pool *p, long target, char *buf, long *sentences, long *events,
                  long *articles) {
  size_t k = 0;
  hooft_error err;
  *sentences = *events = *articles = 0;
  double t1 = bench_now();
  while (*sentences < target) {
    const char *lang = p->lang[k % p->n];
    size_t len = 0;
    for (int j = 0; j < 20; j++, k++) {
      size_t i = k % p->n;
      if (strcmp(p->lang[i], lang)) continue;
      size_t tl = strlen(p->text[i]);
      memcpy(buf + len, p->text[i], tl);
      len += tl;
      buf[len++] = ' ';
    }
    hooft_article a = {"bench", "2024-10-31", lang, NULL, buf, len, NULL};
    hooft_doc *d = hooft_code(c, &a, &err);
    if (!d) {
      fprintf(stderr, "bench: %s\n", err.message);
      exit(1);
    }
    *sentences += (long)hooft_doc_sentence_count(d);
    *events += (long)hooft_doc_event_count(d);
    (*articles)++;
    hooft_doc_free(d);
  }
  return (double)*sentences / (bench_now() - t1);
}

int main(int argc, char **argv) {
  long target = argc > 1 ? atol(argv[1]) : 100000;
  const char *dict = getenv("HOOFT_DICT") ? getenv("HOOFT_DICT") : HOOFT_SOURCE_DIR "/dict";
  const char *gaz = getenv("HOOFT_GAZETTEER");
#ifdef HOOFT_DEFAULT_GAZETTEER
  if (!gaz || !*gaz) gaz = HOOFT_DEFAULT_GAZETTEER;
#endif
  gold_pool p = {0};
  gold_pool_load(&p, HOOFT_SOURCE_DIR "/tests/gold/nl.jsonl");
  gold_pool_load(&p, HOOFT_SOURCE_DIR "/tests/gold/en.jsonl");
  if (!p.n) {
    fprintf(stderr, "bench: no sentences\n");
    return 1;
  }
  hooft_error err;
  double t0 = bench_now();
  hooft_coder *c = hooft_coder_new(dict, &err);
  double t_load = bench_now() - t0;
  if (!c) {
    fprintf(stderr, "bench: %s\n", err.message);
    return 1;
  }
  double t_gaz = 0;
  if (gaz && *gaz && strcmp(gaz, "none")) {
    t0 = bench_now();
    if (hooft_coder_load_gazetteer(c, gaz, &err) < 0) {
      fprintf(stderr, "bench: %s\n", err.message);
      return 1;
    }
    t_gaz = bench_now() - t0;
  }
  /* the first Dutch article loads hunspell-nl; then warm the lemma cache once, as a
   * long-running coder would be */
  t0 = bench_now();
  for (size_t i = 0; i < p.n; i++) {
    hooft_article a = {"warm", "2024-10-31", p.lang[i], NULL, p.text[i], strlen(p.text[i]), NULL};
    hooft_doc_free(hooft_code(c, &a, &err));
  }
  double t_warm = bench_now() - t0;
  char *buf = malloc(1 << 20);
  long sentences, events, articles;
  double with_claims = run(c, &p, target, buf, &sentences, &events, &articles);
  long s2, e2, a2;
  hooft_coder_set_claims(c, 0);
  double without_claims = run(c, &p, target, buf, &s2, &e2, &a2);
  printf("dictionaries: %zu actor phrases, %zu role phrases, %zu patterns, %zu places\n",
         hooft_coder_count(c, "actors"), hooft_coder_count(c, "roles"), hooft_coder_count(c, "patterns"),
         hooft_coder_count(c, "places"));
  printf("load time:    %.1f ms dictionaries, %.1f ms gazetteer, %.1f ms first pass over %zu sentences"
         " (loads hunspell-nl)\n",
         t_load * 1000, t_gaz * 1000, t_warm * 1000, p.n);
  printf("corpus:       %ld sentences in %ld articles (the %zu gold sentences, repeated)\n", sentences, articles, p.n);
  printf("events:       %ld\n", events);
  printf("throughput:   %.0f sentences/s on one core with claims, %.0f without (claims keep %.0f%%)\n",
         with_claims, without_claims, 100.0 * with_claims / without_claims);
  printf("peak memory:  %.1f MB resident\n", bench_peak_mb());
  hooft_coder_free(c);
  gold_pool_free(&p);
  free(buf);
  return 0;
}
