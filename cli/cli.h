/* cli.h: shared declarations of the hooft command-line tool's subcommands. */
#ifndef HOOFT_CLI_H
#define HOOFT_CLI_H

#include "hooft.h"

/* Exit codes of every subcommand (documented in README "Exit codes"). */
enum {
  EXIT_OK = 0,
  EXIT_BAD_INPUT = 1,   /* some input was skipped; the rest was processed */
  EXIT_USAGE = 2,       /* bad command line */
  EXIT_DICT = 3,        /* dictionaries could not be loaded */
  EXIT_OUTPUT = 4,      /* writing the output failed */
  EXIT_THRESHOLD = 5    /* eval: a score is below the --min-f1 threshold */
};

/* The dictionary directory: --dict, else $HOOFT_DICT, else the built-in default. */
const char *cli_dict_dir(const char *opt);

/* Loads the coder or prints the problems and returns NULL. */
hooft_coder *cli_load(const char *dict_dir);

int cmd_code(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_dict(int argc, char **argv);

#endif
