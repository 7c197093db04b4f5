/* cli.h: shared declarations of the hooft command-line tool's subcommands. */
#ifndef HOOFT_CLI_H
#define HOOFT_CLI_H

#include "hooft.h"
#include "hooft_store.h"

/* Exit codes of every subcommand (documented in README "Exit codes"). */
enum {
  EXIT_OK = 0,
  EXIT_BAD_INPUT = 1,   /* some input was skipped; the rest was processed */
  EXIT_USAGE = 2,       /* bad command line */
  EXIT_DICT = 3,        /* dictionaries could not be loaded */
  EXIT_OUTPUT = 4,      /* writing the output failed */
  EXIT_THRESHOLD = 5,   /* eval: a score is below --min-f1; validate: below --min-pass */
  EXIT_STORE = 6        /* the event store failed: cannot open, damaged, read-only, full, unreachable */
};

/* The dictionary directory: --dict, else $HOOFT_DICT, else the built-in default. */
const char *cli_dict_dir(const char *opt);

/* Loads the coder or prints the problems and returns NULL. */
hooft_coder *cli_load(const char *dict_dir);

/* The event store URL: --db, else $HOOFT_DB, else "hooft.db". */
const char *cli_db_url(const char *opt);

/* Query filters shared by 'query' and 'export': the long options and their parsing.
 * Returns 1 if ch was a filter option (applied to f), 0 if not, -1 if malformed (printed). */
#define CLI_FILTER_OPTIONS                                                                          \
  {"from", required_argument, 0, 1000}, {"to", required_argument, 0, 1001},                         \
      {"actor", required_argument, 0, 1002}, {"country", required_argument, 0, 1003},              \
      {"source", required_argument, 0, 1004}, {"target", required_argument, 0, 1005},              \
      {"root", required_argument, 0, 1006}, {"code", required_argument, 0, 1007},                  \
      {"quad", required_argument, 0, 1008}, {"certainty", required_argument, 0, 1009},         \
      {"location", required_argument, 0, 1010}, {"text", required_argument, 0, 1011},              \
      {"negated", required_argument, 0, 1012}, {"event", required_argument, 0, 1013},              \
      {"limit", required_argument, 0, 1014}
int cli_filter_option(hooft_filter *f, int ch, const char *arg, const char *cmd);
extern const char *const cli_filter_help;

int cmd_code(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_export(int argc, char **argv);

#endif
