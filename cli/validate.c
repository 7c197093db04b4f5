/* validate.c: 'hooft validate': codes TABARI validation records (tabari:FILE.project) or
 * PETRARCH-2 unit-test records (petrarch:DIR --records FILE.xml) with their dictionaries and
 * prints every failure and the pass rate. The record rules are in docs/validate.md. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "validate.h"

static void validate_usage(FILE *out) {
  fputs("usage: hooft validate [options] tabari:FILE.project\n"
        "       hooft validate [options] petrarch:DIR|petrarch:CONFIG.ini --records FILE.xml\n"
        "  codes validation records with the dictionaries of the set and prints one line per failure:\n"
        "  FAIL ID: expected {...} got {...} [status], then the pass rate and the failed ids\n"
        "  --records FILE    PETRARCH-2 unit-test records (PETR.UnitTest.records.xml); the dictionaries\n"
        "                    its <Environment> names are read from DIR\n"
        "  --only ID         code and score only the records with this id (or ID@LINE); the options of\n"
        "                    the records before it still apply\n"
        "  --verbose         list the passes and the records not scored too\n"
        "  --min-pass PCT    exit with code 5 if fewer than PCT percent of the scored records pass\n"
        "  --check           read the records and report their problems; code nothing\n"
        "exit codes: 0 done, 1 some records were malformed (listed as file:line: message) or the\n"
        "            records cannot be read, 2 usage, 3 dictionaries, 5 below --min-pass\n",
        out);
}

/* The outcome of a run, for the summary. */
typedef struct tally {
  long scored, passed, failed, options_applied, options_refused;
  long unscored[VD_UNSCORED_BAD + 1];
  char *failed_ids;
  size_t failed_len, failed_cap;
} tally;

static void add_failed(tally *t, const char *label) {
  size_t k = strlen(label) + 2;
  if (t->failed_len + k > t->failed_cap) {
    t->failed_cap = (t->failed_len + k) * 2;
    char *p = realloc(t->failed_ids, t->failed_cap);
    if (!p) exit(70);
    t->failed_ids = p;
  }
  t->failed_len += (size_t)sprintf(t->failed_ids + t->failed_len, "%s%s", t->failed_len ? " " : "", label);
}

/* Reads the TABARI records the project names into s; returns 0, or -1 when nothing can be
 * validated (reported in s). *time_shift gets the state the project's .options file leaves. */
static int read_tabari_suite(vd_suite *s, const char *project, int *time_shift) {
  vd_project p;
  if (vd_read_project(s, project, &p) < 0) {
    vd_project_free(&p);
    return -1;
  }
  *time_shift = 1; /* TABARI's default where the verbs have <TIME> phrases */
  size_t len;
  char *data;
  if (p.optionsfile && (data = hf_read_file(p.optionsfile, &len, NULL)) != NULL) {
    for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n")) {
      int v = vd_time_shift_command(line);
      if (v >= 0) *time_shift = v;
    }
    free(data);
  }
  int rc = 0;
  for (size_t i = 0; i < p.ntextfiles; i++) {
    data = hf_read_file(p.textfiles[i], &len, NULL);
    if (!data) {
      vd_problem(s, project, p.textfile_lines[i], "cannot read <textfile> '%s': %s", p.textfiles[i], strerror(errno));
      rc = -1;
      break;
    }
    int stopped = vd_read_tabari(s, p.textfiles[i], data, len, 1);
    free(data);
    if (stopped) break;
  }
  vd_project_free(&p);
  return rc;
}

/* The coder spec for a PETRARCH run: with a dictionary directory and an <Environment> that
 * names the files, a config .ini written to a fresh directory (its path in ini_dir, to be
 * removed) that names them by absolute path; else the spec as given. NULL when the directory
 * cannot be written (reported). */
static char *petrarch_spec(const char *spec, const vd_environment *env, char *ini_dir, size_t n, char abs[PATH_MAX]) {
  const char *dir = spec + strlen("petrarch:");
  struct stat st;
  ini_dir[0] = abs[0] = 0;
  if (!env->verbs || !env->actors || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) return strdup(spec);
  if (dir[0] == '/') {
    snprintf(abs, PATH_MAX, "%s", dir);
  } else {
    char cwd[PATH_MAX / 2];
    if (!getcwd(cwd, sizeof cwd)) return strdup(spec);
    snprintf(abs, PATH_MAX, "%s/%s", cwd, dir);
  }
  for (size_t k = strlen(abs); k > 1 && abs[k - 1] == '/'; k--) abs[k - 1] = 0;
  const char *tmp = getenv("TMPDIR");
  snprintf(ini_dir, n, "%s/hooft-validate-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(ini_dir)) {
    fprintf(stderr, "hooft: cannot make a temporary directory in %s: %s\n", tmp && *tmp ? tmp : "/tmp", strerror(errno));
    ini_dir[0] = 0;
    return NULL;
  }
  char ini[PATH_MAX + 64];
  snprintf(ini, sizeof ini, "%s/validate.ini", ini_dir);
  FILE *f = fopen(ini, "w");
  if (!f) {
    fprintf(stderr, "hooft: cannot write %s: %s\n", ini, strerror(errno));
    return NULL;
  }
  static const char *const keys[] = {"verbfile_name", "actorfile_list", "agentfile_name", "discardfile_name"};
  const char *names[] = {env->verbs, env->actors, env->agents, env->discards};
  fputs("[Dictionaries]\n", f);
  for (int k = 0; k < 4; k++) {
    if (!names[k] || !*names[k]) continue;
    fprintf(f, "%s = ", keys[k]);
    /* actorfile_list is a comma-separated list */
    char *copy = strdup(names[k]), *save = NULL;
    int first = 1;
    for (char *name = strtok_r(copy, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
      name += strspn(name, " \t");
      if (!*name) continue;
      fprintf(f, "%s%s/%s", first ? "" : ", ", name[0] == '/' ? "" : abs, name);
      first = 0;
    }
    fputc('\n', f);
    free(copy);
  }
  if (fclose(f) != 0) {
    fprintf(stderr, "hooft: cannot write %s\n", ini);
    return NULL;
  }
  char *out = malloc(strlen(ini) + 16);
  if (!out) exit(70);
  sprintf(out, "petrarch:%s", ini);
  return out;
}

/* Removes the temporary config that petrarch_spec wrote. */
static void remove_ini(const char *ini_dir) {
  if (!ini_dir[0]) return;
  char ini[PATH_MAX + 64];
  snprintf(ini, sizeof ini, "%s/validate.ini", ini_dir);
  unlink(ini);
  rmdir(ini_dir);
}

/* Lists the problems found in the dictionaries (they do not stop a validation): the first ten
 * lines, then how many more; file names that begin with abs (the absolute dictionary directory
 * of a PETRARCH run) are shown as dir, as the user wrote it. */
static void print_warnings(const char *spec, const char *warnings, const char *abs, const char *dir) {
  if (!warnings || !*warnings) return;
  long n = 0;
  for (const char *p = warnings; *p; p++) n += *p == '\n';
  if (warnings[strlen(warnings) - 1] != '\n') n++;
  fprintf(stderr, "hooft: %ld problem%s in the dictionaries of %s (validation goes on; 'hooft dict check' lists them):\n",
          n, n == 1 ? "" : "s", spec);
  const char *p = warnings;
  for (int k = 0; k < 10 && *p; k++) {
    size_t len = strcspn(p, "\n"), al = strlen(abs);
    for (size_t i = 0; i < len; i++) {
      if (al && i + al <= len && !strncmp(p + i, abs, al)) {
        fputs(dir, stderr);
        i += al - 1;
      } else {
        fputc(p[i], stderr);
      }
    }
    fputc('\n', stderr);
    p += len + (p[len] == '\n');
  }
  if (n > 10) fprintf(stderr, "... and %ld more\n", n - 10);
}

/* Codes one record and fills o. Returns 0, or -1 with err filled when the coder refused it. */
static int code_record(hooft_coder *c, const vd_record *r, vd_outcome *o, char *status, size_t n, hooft_error *err) {
  vd_outcome_clear(o);
  hooft_article a = {r->id, r->date, "en", NULL, r->text, strlen(r->text), NULL};
  hooft_doc *d = hooft_code(c, &a, err);
  if (!d) return -1;
  for (size_t i = 0; i < hooft_doc_event_count(d); i++) {
    const hooft_event *e = hooft_doc_event(d, i);
    const char *date = e->date && strlen(e->date) == 10 ? e->date : "";
    vd_outcome_add(o, e->source.code, e->target.code, e->cameo, date);
  }
  const char *st = hooft_doc_status(d);
  snprintf(status, n, "%s", st ? st : "");
  o->status = st ? status : NULL;
  hooft_doc_free(d);
  return 0;
}

/* Why records are not scored: in the summary (plural) and on a SKIP line. */
static const char *const unscored_names[] = {"", "option records", "unchecked (-{ before any check)",
                                             "outside the <Include> categories", "without a check",
                                             "malformed (reported above)"};
static const char *const unscored_reasons[] = {"", "options only", "unchecked (-{ before any check)",
                                               "category not in <Include>", "nothing to check", "malformed"};

int cmd_validate(int argc, char **argv) {
  static const struct option opts[] = {{"records", required_argument, 0, 'r'}, {"only", required_argument, 0, 'o'},
                                       {"verbose", no_argument, 0, 'v'},       {"min-pass", required_argument, 0, 'm'},
                                       {"check", no_argument, 0, 'c'},         {"help", no_argument, 0, 'h'},
                                       {0, 0, 0, 0}};
  const char *records = NULL, *only = NULL;
  int verbose = 0, check = 0, ch;
  double min_pass = -1;
  optind = 1;
  while ((ch = getopt_long(argc, argv, "r:o:vm:ch", opts, NULL)) != -1) {
    switch (ch) {
      case 'r': records = optarg; break;
      case 'o': only = optarg; break;
      case 'v': verbose = 1; break;
      case 'c': check = 1; break;
      case 'm': {
        char *end;
        min_pass = strtod(optarg, &end);
        if (end == optarg || *end || min_pass < 0 || min_pass > 100) {
          fprintf(stderr, "hooft validate: --min-pass wants a percentage from 0 to 100, not '%s'\n", optarg);
          return EXIT_USAGE;
        }
        break;
      }
      case 'h': validate_usage(stdout); return EXIT_OK;
      default: validate_usage(stderr); return EXIT_USAGE;
    }
  }
  if (optind != argc - 1) {
    validate_usage(stderr);
    return EXIT_USAGE;
  }
  const char *spec = argv[optind];
  int tabari = !strncmp(spec, "tabari:", 7), petrarch = !strncmp(spec, "petrarch:", 9);
  if ((!tabari && !petrarch) || (tabari && records) || (petrarch && !records)) {
    fprintf(stderr, "hooft validate: %s\n",
            !tabari && !petrarch ? "name the dictionary set as tabari:FILE.project or petrarch:DIR"
            : tabari             ? "--records is for PETRARCH-2 records; a TABARI project names its own <textfile>"
                                 : "petrarch: needs --records FILE.xml");
    validate_usage(stderr);
    return EXIT_USAGE;
  }

  vd_suite s;
  vd_suite_init(&s);
  vd_environment env = {0};
  int time_shift = 0;
  int rc = tabari ? read_tabari_suite(&s, spec + 7, &time_shift) : vd_read_petrarch(&s, records, &env);
  vd_label_records(&s);
  if (s.problems.len) fputs(s.problems.data, stderr);
  if (rc < 0) {
    vd_environment_free(&env);
    vd_suite_free(&s);
    return EXIT_BAD_INPUT;
  }
  int status = s.nproblems ? EXIT_BAD_INPUT : EXIT_OK;

  tally t;
  memset(&t, 0, sizeof t);
  hooft_coder *c = NULL;
  if (!check) {
    char ini_dir[PATH_MAX], abs[PATH_MAX] = "";
    char *coder_spec = tabari ? strdup(spec) : petrarch_spec(spec, &env, ini_dir, sizeof ini_dir, abs);
    hooft_error err;
    if (coder_spec) c = hooft_coder_open(coder_spec, &err);
    if (!tabari) remove_ini(ini_dir);
    if (!c) {
      if (coder_spec) fprintf(stderr, "hooft: cannot load the dictionaries of %s:\n%s\n", spec, err.message);
      free(coder_spec);
      vd_environment_free(&env);
      vd_suite_free(&s);
      return EXIT_DICT;
    }
    free(coder_spec);
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", spec + (tabari ? 7 : 9));
    for (size_t k = strlen(dir); k > 1 && dir[k - 1] == '/'; k--) dir[k - 1] = 0;
    print_warnings(spec, hooft_coder_warnings(c), abs, dir);
  }

  vd_outcome o = {0};
  char st[256];
  int matched = 0;
  for (size_t i = 0; i < s.n; i++) {
    const vd_record *r = &s.v[i];
    for (size_t k = 0; k < r->noptions && c; k++) {
      hooft_error err;
      if (hooft_coder_option(c, r->options[k], &err) < 0) {
        fprintf(stderr, "%s:%d: option '%s' not applied: %s\n", r->file, r->option_lines[k], r->options[k],
                err.message);
        t.options_refused++;
      } else {
        int v = vd_time_shift_command(r->options[k]);
        if (v >= 0) time_shift = v;
        t.options_applied++;
      }
    }
    if (only && strcmp(only, r->id) && strcmp(only, r->label)) continue;
    matched = 1;
    if (r->unscored) {
      t.unscored[r->unscored]++;
      if (verbose) printf("SKIP %s: %s%s%s\n", r->label, unscored_reasons[r->unscored], r->note ? ": expects " : "",
                          r->note ? r->note : "");
      continue;
    }
    t.scored++;
    if (check) continue;
    hooft_error err;
    int pass = 0;
    if (code_record(c, r, &o, st, sizeof st, &err) == 0) {
      pass = vd_passes(r, &o, time_shift);
    } else {
      snprintf(st, sizeof st, "error: %.200s", err.message);
      o.status = st;
    }
    if (pass)
      t.passed++;
    else
      t.failed++, add_failed(&t, r->label);
    if (!pass || verbose) {
      char *want = vd_format_expected(r), *got = vd_format_outcome(&o);
      if (pass)
        printf("PASS %s: %s", r->label, got);
      else
        printf("FAIL %s: expected %s got %s", r->label, want, got);
      if (o.status) printf(" [%s]", o.status);
      putchar('\n');
      free(want);
      free(got);
    }
  }
  vd_outcome_free(&o);
  if (only && !matched) {
    fprintf(stderr, "hooft validate: no record has the id '%s'\n", only);
    status = EXIT_USAGE;
  }

  /* summary: what was not scored, where reading stopped, then the pass rate and the failures */
  int any = 0;
  for (int k = 1; k <= VD_UNSCORED_BAD; k++)
    if (t.unscored[k]) printf("%s %ld %s", any++ ? "," : "not scored:", t.unscored[k], unscored_names[k]);
  if (any) putchar('\n');
  if (s.stop) printf("end: %s%s\n", s.stop, tabari ? ", the first record without validation fields" : "");
  if (c) printf("options: %ld applied, %ld not taken by the coder\n", t.options_applied, t.options_refused);
  if (check) {
    printf("records: %ld to score (checked only, nothing coded)\n", t.scored);
  } else {
    double pct = t.scored ? 100.0 * (double)t.passed / (double)t.scored : 0.0;
    printf("records: %ld passed: %ld failed: %ld (%.1f%%)\n", t.scored, t.passed, t.failed, pct);
    printf("failed ids: %s\n", t.failed_len ? t.failed_ids : "-");
    if (min_pass >= 0 && pct < min_pass) {
      fprintf(stderr, "hooft validate: %.1f%% of the records pass, below --min-pass %g\n", pct, min_pass);
      status = EXIT_THRESHOLD;
    }
  }
  if (fflush(stdout) != 0) status = EXIT_OUTPUT;
  free(t.failed_ids);
  hooft_coder_free(c);
  vd_environment_free(&env);
  vd_suite_free(&s);
  return status;
}
