/* export.c: 'hooft export': writes stored events as GDELT 2.0 event rows, PLOVER JSON Lines or CSV. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void export_usage(FILE *out) {
  fputs("usage: hooft export --format gdelt|plover|csv [options]\n"
        "  --db URL            the store (default $HOOFT_DB, else hooft.db)\n"
        "  --format F          gdelt: the GDELT 2.0 event table's 61 tab-separated columns, no header;\n"
        "                      plover: PLOVER JSON Lines (events without a PLOVER category left out);\n"
        "                      csv: one line per event with a header\n"
        "  -o, --output FILE   write FILE (complete or not at all) instead of standard output\n",
        out);
  fputs(cli_filter_help, out);
}

int cmd_export(int argc, char **argv) {
  static const struct option opts[] = {{"db", required_argument, 0, 'b'},     {"format", required_argument, 0, 'f'},
                                       {"output", required_argument, 0, 'o'}, {"help", no_argument, 0, 'h'},
                                       CLI_FILTER_OPTIONS,                    {0, 0, 0, 0}};
  const char *db = NULL, *format = NULL, *output = NULL;
  hooft_filter f;
  hooft_filter_init(&f);
  f.negated = 1; /* exports carry negated events, flagged */
  int ch;
  optind = 1;
  while ((ch = getopt_long(argc, argv, "b:f:o:h", opts, NULL)) != -1) {
    int r = cli_filter_option(&f, ch, optarg, "export");
    if (r < 0) return EXIT_USAGE;
    if (r > 0) continue;
    switch (ch) {
      case 'b': db = optarg; break;
      case 'f': format = optarg; break;
      case 'o': output = optarg; break;
      case 'h': export_usage(stdout); return EXIT_OK;
      default: export_usage(stderr); return EXIT_USAGE;
    }
  }
  hooft_export_format fmt;
  if (!format) {
    fprintf(stderr, "hooft export: --format is required (gdelt, plover, csv)\n");
    return EXIT_USAGE;
  } else if (!strcmp(format, "gdelt")) {
    fmt = HOOFT_EXPORT_GDELT;
  } else if (!strcmp(format, "plover")) {
    fmt = HOOFT_EXPORT_PLOVER;
  } else if (!strcmp(format, "csv")) {
    fmt = HOOFT_EXPORT_CSV;
  } else {
    fprintf(stderr, "hooft export: unknown --format '%s' (gdelt, plover, csv)\n", format);
    return EXIT_USAGE;
  }
  if (optind < argc) {
    fprintf(stderr, "hooft export: unexpected argument '%s'\n", argv[optind]);
    return EXIT_USAGE;
  }
  hooft_error err;
  hooft_store *s = hooft_store_open(cli_db_url(db), &err);
  if (!s) {
    fprintf(stderr, "hooft export: %s\n", err.message);
    return EXIT_STORE;
  }
  /* to a file: write FILE.tmp, then rename it, so FILE is never half-written */
  char *tmp = NULL;
  FILE *out = stdout;
  if (output) {
    size_t n = strlen(output) + 5;
    tmp = malloc(n);
    snprintf(tmp, n, "%s.tmp", output);
    out = fopen(tmp, "w");
    if (!out) {
      perror(tmp);
      free(tmp);
      hooft_store_close(s);
      return EXIT_OUTPUT;
    }
  }
  int64_t n = hooft_store_export(s, &f, fmt, out, &err);
  int rc = EXIT_OK;
  if (n < 0) {
    fprintf(stderr, "hooft export: %s\n", err.message);
    rc = strstr(err.message, "write error") ? EXIT_OUTPUT : EXIT_STORE;
  }
  if (output) {
    if (fclose(out) != 0 && rc == EXIT_OK) {
      perror(tmp);
      rc = EXIT_OUTPUT;
    }
    if (rc == EXIT_OK && rename(tmp, output) != 0) {
      perror(output);
      rc = EXIT_OUTPUT;
    }
    if (rc != EXIT_OK) remove(tmp);
    free(tmp);
  } else if (fflush(stdout) != 0 && rc == EXIT_OK) {
    fprintf(stderr, "hooft export: write error\n");
    rc = EXIT_OUTPUT;
  }
  if (rc == EXIT_OK && output) fprintf(stderr, "hooft export: %lld events written to %s\n", (long long)n, output);
  hooft_store_close(s);
  return rc;
}
