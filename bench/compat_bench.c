/* compat_bench.c: load benchmark of the PETRARCH-2 reader: reads the full Phoenix dictionary set
 * (CAMEO.2.0 verbs, the three Phoenix actor files, agents, discards, issues) and prints the load
 * time and peak memory; then the time to convert it to hooft's format and load that as a coder.
 * Usage: hooft-compat-bench [DICTIONARY_DIR [RUNS]] */
#include "bench_util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <time.h>

#include "../src/compat.h"

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : HOOFT_SOURCE_DIR "/../shared/ref/petrarch2/dictionaries";
  int runs = argc > 2 ? atoi(argv[2]) : 5;
  if (runs < 1 || runs > 1000) runs = 5;
  double before = bench_peak_mb();
  double *t = calloc((size_t)runs, sizeof *t);
  /* the first load alone gives the peak memory; the later ones only the time */
  double t0 = bench_now();
  hf_cx_dict *keep = hf_cx_new(HF_CX_PETRARCH);
  hf_petrarch_load(keep, dir, NULL);
  t[0] = bench_now() - t0;
  double peak_one = bench_peak_mb();
  for (int r = 1; r < runs; r++) {
    t0 = bench_now();
    hf_cx_dict *d = hf_cx_new(HF_CX_PETRARCH);
    hf_petrarch_load(d, dir, NULL);
    t[r] = bench_now() - t0;
    hf_cx_free(d);
  }
  qsort(t, (size_t)runs, sizeof *t, bench_cmp_double);
  size_t dated = 0;
  for (size_t i = 0; i < keep->codes.n; i++) dated += keep->codes.v[i].from || keep->codes.v[i].to;
  printf("Phoenix set (%s): %zu files, %zu actors (%zu names, %zu codes, %zu dated), %zu agents, %zu verbs, "
         "%zu patterns, %zu synsets; %d problems\n",
         dir, keep->files.n, keep->actors.n, keep->names.n, keep->codes.n, dated, keep->agents.n, keep->verbs.n,
         keep->patterns.n, keep->synsets.n, keep->pr.count);
  printf("load time: %.1f ms median, %.1f ms min, %.1f ms max over %d runs (target < 300 ms)\n",
         t[runs / 2] * 1e3, t[0] * 1e3, t[runs - 1] * 1e3, runs);
  printf("peak memory: %.1f MB resident (process before loading: %.1f MB; target < 150 MB)\n", peak_one, before);
  int ok = keep->files.n == 7 && keep->actors.n > 0;

  /* the way to coding with it today: convert to hooft's own files, load those */
  hooft_error err;
  const char *ref_dir = HOOFT_SOURCE_DIR "/dict";
  hooft_coder *ref = hooft_coder_new(ref_dir, &err);
  char out[] = "/tmp/hooft-compat-bench-XXXXXX";
  if (ref && mkdtemp(out)) {
    hf_cx_report rep;
    t0 = bench_now();
    int rc = hf_cx_convert(keep, ref, ref_dir, out, &rep, &err);
    double t_conv = bench_now() - t0;
    hooft_coder_free(ref);
    if (rc == 0) {
      t0 = bench_now();
      hooft_coder *c = hooft_coder_new(out, &err);
      double t_load = bench_now() - t0;
      if (c) {
        printf("convert to hooft's format: %.1f ms (%zu actor lines, %zu role lines, %zu verb patterns); "
               "loading the converted set as a coder: %.1f ms; peak memory %.1f MB\n",
               t_conv * 1e3, rep.actor_lines, rep.role_lines, rep.verb_lines, t_load * 1e3, bench_peak_mb());
        hooft_coder_free(c);
      } else {
        ok = 0;
      }
    } else {
      ok = 0;
    }
    hf_cx_report_free(&rep);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", out);
    if (system(cmd) != 0) ok = 0;
  }
  hf_cx_free(keep);
  free(t);
  return ok ? 0 : 1;
}
