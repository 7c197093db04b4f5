/* common.c: what every subcommand of the hooft command shares: where the dictionaries are
 * and how the coder is loaded (dictionaries, then the gazetteer). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#ifndef HOOFT_DEFAULT_DICT
#define HOOFT_DEFAULT_DICT "dict"
#endif

const char *cli_dict_dir(const char *opt) {
  if (opt && *opt) return opt;
  const char *env = getenv("HOOFT_DICT");
  if (env && *env) return env;
  return HOOFT_DEFAULT_DICT;
}

hooft_coder *cli_load(const char *dict_dir) {
  hooft_error err;
  hooft_coder *c = hooft_coder_open(dict_dir, &err);
  if (!c) {
    fprintf(stderr, "hooft: cannot load dictionaries from %s:\n%s\n", dict_dir, err.message);
    return NULL;
  }
  /* TABARI and PETRARCH sets: coded by TABARI's rules, without locations; CAMEO codes get
   * their names, Goldstein scores and quad classes from our table */
  if (!strncmp(dict_dir, "tabari:", 7) || !strncmp(dict_dir, "petrarch:", 9)) {
    if (hooft_coder_load_cameo(c, HOOFT_DEFAULT_DICT, &err) < 0)
      fprintf(stderr, "hooft: no CAMEO names or Goldstein scores: %s\n", err.message);
    return c;
  }
  /* the gazetteer for event locations: $HOOFT_GAZETTEER ("none" to go without), else the
   * one the build generated */
  const char *gaz = getenv("HOOFT_GAZETTEER");
#ifdef HOOFT_DEFAULT_GAZETTEER
  if (!gaz || !*gaz) gaz = HOOFT_DEFAULT_GAZETTEER;
#endif
  if (gaz && *gaz && strcmp(gaz, "none") && hooft_coder_load_gazetteer(c, gaz, &err) < 0) {
    fprintf(stderr, "hooft: cannot load the gazetteer: %s\n", err.message);
    hooft_coder_free(c);
    return NULL;
  }
  return c;
}
