/* dict.c: 'hooft dict check' (hooft's own set, or TABARI / PETRARCH-2 dictionaries: every problem as
 * file:line: message) and 'hooft dict convert' (TABARI / PETRARCH-2 to hooft's own format). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "../src/compat.h"

static void dict_usage(void) {
  fputs("usage: hooft dict check [--dict DIR | --tabari FILE.project | --petrarch DIR|CONFIG.ini [--config INI]]\n"
        "       hooft dict convert (--tabari FILE.project | --petrarch DIR|CONFIG.ini [--config INI]) --out DIR\n"
        "                          [--dict DIR]\n"
        "  --tabari also takes a single .actors, .agents, .verbs or .options file. --petrarch DIR reads the\n"
        "  files named in --config INI (a PETR_config.ini), else DIR/PETR_config.ini, else the Phoenix\n"
        "  files of PETRARCH-2's release configuration.\n"
        "  convert writes hooft's own files under --out (README.txt lists what could not be translated);\n"
        "  --dict is the hooft set it takes the CAMEO table, lemmas and the other files from.\n",
        stderr);
}

/* Checks hooft's own dictionary set. */
static int check_own(const char *dict) {
  const char *dir = cli_dict_dir(dict);
  hooft_error err;
  hooft_coder *c = hooft_coder_new(dir, &err);
  if (!c) {
    fprintf(stderr, "%s\n", err.message);
    return EXIT_DICT;
  }
  const char *warn = hooft_coder_warnings(c);
  if (warn) fputs(warn, stderr);
  printf("%s: %s: %zu actor phrases, %zu role phrases, %zu verb patterns, %zu CAMEO codes\n", dir, warn ? "warnings" : "ok",
         hooft_coder_count(c, "actors"), hooft_coder_count(c, "roles"), hooft_coder_count(c, "patterns"),
         hooft_coder_count(c, "cameo"));
  hooft_coder_free(c);
  return warn ? EXIT_BAD_INPUT : EXIT_OK;
}

/* Reads a TABARI or PETRARCH set, prints its problems on stderr; NULL when path is unreadable. */
static hf_cx_dict *load_compat(const char *tabari, const char *petrarch, const char *config) {
  hf_cx_dict *d = hf_cx_new(tabari ? HF_CX_TABARI : HF_CX_PETRARCH);
  int rc = tabari ? hf_tabari_load(d, tabari) : hf_petrarch_load(d, petrarch, config);
  if (d->pr.text.len) fputs(hf_buf_cstr(&d->pr.text), stderr);
  if (rc < 0) {
    hf_cx_free(d);
    return NULL;
  }
  return d;
}

static size_t count_entries(const hf_cx_dict *d, int kind) {
  size_t n = 0;
  for (size_t i = 0; i < d->entries.n; i++) n += d->entries.v[i].kind == kind;
  return n;
}

/* One line: the problem count and what was read. */
static void print_summary(const hf_cx_dict *d, const char *path) {
  size_t dated = 0;
  for (size_t i = 0; i < d->codes.n; i++) dated += d->codes.v[i].from || d->codes.v[i].to;
  printf("%s %s: %d problem%s; %zu actors (%zu names, %zu codes, %zu dated), %zu agents, %zu verbs in %zu blocks, "
         "%zu patterns, %zu synsets, %zu nouns/adjectives, %zu discards, %zu issue phrases, %zu transformations, "
         "%zu options\n",
         d->format == HF_CX_TABARI ? "tabari" : "petrarch", path, d->pr.count, d->pr.count == 1 ? "" : "s", d->actors.n,
         d->names.n, d->codes.n, dated, d->agents.n, d->verbs.n, d->blocks.n, d->patterns.n, d->synsets.n,
         count_entries(d, HF_CX_E_NOUN) + count_entries(d, HF_CX_E_ADJECTIVE),
         count_entries(d, HF_CX_E_DISCARD) + count_entries(d, HF_CX_E_DISCARD_STORY),
         count_entries(d, HF_CX_E_ISSUE) + count_entries(d, HF_CX_E_ISSUE_NOT), count_entries(d, HF_CX_E_TRANSFORM),
         count_entries(d, HF_CX_E_OPTION));
}

static int convert(const hf_cx_dict *d, const char *dict, const char *out) {
  const char *ref_dir = cli_dict_dir(dict);
  hooft_error err;
  hooft_coder *ref = hooft_coder_new(ref_dir, &err);
  if (!ref) {
    fprintf(stderr, "%s\n", err.message);
    return EXIT_DICT;
  }
  hf_cx_report rep;
  int rc = hf_cx_convert(d, ref, ref_dir, out, &rep, &err);
  hooft_coder_free(ref);
  if (rc < 0) {
    fprintf(stderr, "%s\n", err.message);
    hf_cx_report_free(&rep);
    return EXIT_OUTPUT;
  }
  /* the result must be a dictionary set hooft loads */
  hooft_coder *c = hooft_coder_new(out, &err);
  if (!c) {
    fprintf(stderr, "hooft dict convert: the converted set does not load:\n%s\n", err.message);
    hf_cx_report_free(&rep);
    return EXIT_DICT;
  }
  printf("%s: wrote %zu actor lines, %zu role lines, %zu English verb patterns; hooft loads them: %zu actor "
         "phrases, %zu role phrases, %zu English verb patterns; see %s/README.txt\n",
         out, rep.actor_lines, rep.role_lines, rep.verb_lines, hooft_coder_count(c, "actors"),
         hooft_coder_count(c, "roles"), c->lang[HF_LANG_EN].npatterns, out);
  hooft_coder_free(c);
  hf_cx_report_free(&rep);
  return d->pr.count ? EXIT_BAD_INPUT : EXIT_OK;
}

int cmd_dict(int argc, char **argv) {
  int is_check = argc >= 2 && strcmp(argv[1], "check") == 0;
  int is_convert = argc >= 2 && strcmp(argv[1], "convert") == 0;
  if (!is_check && !is_convert) {
    dict_usage();
    return EXIT_USAGE;
  }
  static const struct option opts[] = {{"dict", required_argument, 0, 'D'},
                                       {"tabari", required_argument, 0, 'T'},
                                       {"petrarch", required_argument, 0, 'P'},
                                       {"out", required_argument, 0, 'o'},
                                       {"config", required_argument, 0, 'c'},
                                       {0, 0, 0, 0}};
  const char *dict = NULL, *tabari = NULL, *petrarch = NULL, *out = NULL, *config = NULL;
  int ch;
  optind = 1;
  while ((ch = getopt_long(argc - 1, argv + 1, "D:", opts, NULL)) != -1) {
    if (ch == 'D')
      dict = optarg;
    else if (ch == 'T')
      tabari = optarg;
    else if (ch == 'P')
      petrarch = optarg;
    else if (ch == 'o' && is_convert)
      out = optarg;
    else if (ch == 'c')
      config = optarg;
    else {
      dict_usage();
      return EXIT_USAGE;
    }
  }
  if (optind < argc - 1 || (tabari && petrarch) || (config && !petrarch) || ((tabari || petrarch) && dict && is_check) ||
      (is_convert && (!out || (!tabari && !petrarch)))) {
    dict_usage();
    return EXIT_USAGE;
  }
  if (!tabari && !petrarch) return check_own(dict);
  hf_cx_dict *d = load_compat(tabari, petrarch, config);
  if (!d) return EXIT_DICT;
  int rc;
  if (is_check) {
    print_summary(d, tabari ? tabari : petrarch);
    rc = d->pr.count ? EXIT_BAD_INPUT : EXIT_OK;
  } else {
    rc = convert(d, dict, out);
  }
  hf_cx_free(d);
  return rc;
}
