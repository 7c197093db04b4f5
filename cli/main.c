/* main.c: the hooft command: dispatches to the subcommands code, eval, dict, validate, ingest, query, export and
 * version. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const char *cli_db_url(const char *opt) {
  if (opt && *opt) return opt;
  const char *env = getenv("HOOFT_DB");
  return env && *env ? env : "hooft.db";
}

static void usage(FILE *out) {
  fputs("usage: hooft <command> [options]\n"
        "\n"
        "commands:\n"
        "  code [options] FILE...|-   code articles, print events (JSON Lines or TSV)\n"
        "  eval [options] GOLD.jsonl  precision, recall and F1 against gold files\n"
        "  dict check [--dict DIR]    check a dictionary set, print every problem\n"
        "  dict check --tabari P|--petrarch D   the same for TABARI or PETRARCH-2 dictionaries\n"
        "  dict convert --tabari P|--petrarch D --out DIR   translate them to hooft's format\n"
        "  validate tabari:P | petrarch:D --records X   run TABARI or PETRARCH-2 validation records\n"
        "  ingest [options] FILE...|- code articles and store them (--db URL), deduplicating events\n"
        "  query [options]            list, count or group stored events; --mentions EVENT\n"
        "  export --format F          write stored events as gdelt, plover or csv\n"
        "  version                    print the version\n"
        "\n"
        "Run 'hooft <command> --help' for the options of a command.\n"
        "exit codes: 0 ok, 1 some input skipped, 2 usage, 3 dictionaries, 4 output, 5 eval or validate threshold,\n"
        "            6 event store failed\n",
        out);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "code") == 0) return cmd_code(argc - 1, argv + 1);
  if (strcmp(cmd, "eval") == 0) return cmd_eval(argc - 1, argv + 1);
  if (strcmp(cmd, "dict") == 0) return cmd_dict(argc - 1, argv + 1);
  if (strcmp(cmd, "validate") == 0) return cmd_validate(argc - 1, argv + 1);
  if (strcmp(cmd, "ingest") == 0) return cmd_ingest(argc - 1, argv + 1);
  if (strcmp(cmd, "query") == 0) return cmd_query(argc - 1, argv + 1);
  if (strcmp(cmd, "export") == 0) return cmd_export(argc - 1, argv + 1);
  if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
    printf("hooft %s\n", HOOFT_VERSION);
    return EXIT_OK;
  }
  if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
    usage(stdout);
    return EXIT_OK;
  }
  fprintf(stderr, "hooft: unknown command '%s'\n", cmd);
  usage(stderr);
  return EXIT_USAGE;
}
