/* dict.c: 'hooft dict check': loads a dictionary set and prints every problem as file:line: message. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cmd_dict(int argc, char **argv) {
  if (argc < 2 || strcmp(argv[1], "check") != 0) {
    fputs("usage: hooft dict check [--dict DIR]\n", stderr);
    return EXIT_USAGE;
  }
  static const struct option opts[] = {{"dict", required_argument, 0, 'D'}, {0, 0, 0, 0}};
  const char *dict = NULL;
  int ch;
  optind = 1;
  while ((ch = getopt_long(argc - 1, argv + 1, "D:", opts, NULL)) != -1) {
    if (ch == 'D')
      dict = optarg;
    else
      return EXIT_USAGE;
  }
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
