/* code.c: 'hooft code': reads articles, codes them and prints events as JSON Lines or TSV. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "../src/util.h"

static void code_usage(FILE *out) {
  fputs("usage: hooft code [options] FILE...|-\n"
        "  --lang nl|en|auto   language of the articles (default: auto, or the JSONL 'lang' field)\n"
        "  --date YYYY-MM-DD   publication date of plain-text articles (JSONL: the 'date' field)\n"
        "  --format jsonl|tsv  output format (default jsonl)\n"
        "  --input auto|text|jsonl  how to read the inputs (default auto: *.jsonl and input\n"
        "                      starting with '{' are JSON Lines, anything else one plain-text article)\n"
        "  --dict SPEC         the dictionaries (default $HOOFT_DICT or the built-in directory):\n"
        "                      DIR (hooft's own), tabari:FILE.project, petrarch:DIR|CONFIG.ini\n"
        "                      (also --dictionaries; TABARI/PETRARCH sets code English)\n"
        "  --documents         after each article's events, a line {\"type\":\"document\",...} with\n"
        "                      its counts and every quantity it states (JSON Lines only)\n"
        "A bad article (invalid UTF-8, binary, malformed JSON line) is reported on stderr as\n"
        "'file:line: problem' and skipped; the others are still coded, and the exit code is 1.\n",
        out);
}

int cmd_code(int argc, char **argv) {
  static const struct option opts[] = {{"lang", required_argument, 0, 'l'},   {"date", required_argument, 0, 'd'},
                                       {"format", required_argument, 0, 'f'}, {"input", required_argument, 0, 'i'},
                                       {"dict", required_argument, 0, 'D'}, {"dictionaries", required_argument, 0, 'D'},   {"help", no_argument, 0, 'h'},
                                       {"documents", no_argument, 0, 'S'},    {0, 0, 0, 0}};
  const char *lang = "auto", *date = NULL, *format = "jsonl", *input = "auto", *dict = NULL;
  int ch, documents = 0;
  optind = 1;
  while ((ch = getopt_long(argc, argv, "l:d:f:i:D:h", opts, NULL)) != -1) {
    switch (ch) {
      case 'l': lang = optarg; break;
      case 'd': date = optarg; break;
      case 'f': format = optarg; break;
      case 'i': input = optarg; break;
      case 'D': dict = optarg; break;
      case 'S': documents = 1; break;
      case 'h': code_usage(stdout); return EXIT_OK;
      default: code_usage(stderr); return EXIT_USAGE;
    }
  }
  if (strcmp(lang, "nl") && strcmp(lang, "en") && strcmp(lang, "auto")) {
    fprintf(stderr, "hooft code: unknown language '%s' (hooft codes: nl, en, auto)\n", lang);
    return EXIT_USAGE;
  }
  if (date && !hf_parse_date(date, strlen(date))) {
    fprintf(stderr, "hooft code: bad --date '%s' (want YYYY-MM-DD)\n", date);
    return EXIT_USAGE;
  }
  int tsv = strcmp(format, "tsv") == 0;
  if (!tsv && strcmp(format, "jsonl")) {
    fprintf(stderr, "hooft code: unknown format '%s' (jsonl, tsv)\n", format);
    return EXIT_USAGE;
  }
  hooft_input_format fmt = HOOFT_INPUT_AUTO;
  if (strcmp(input, "text") == 0)
    fmt = HOOFT_INPUT_TEXT;
  else if (strcmp(input, "jsonl") == 0)
    fmt = HOOFT_INPUT_JSONL;
  else if (strcmp(input, "auto")) {
    fprintf(stderr, "hooft code: unknown --input '%s' (auto, text, jsonl)\n", input);
    return EXIT_USAGE;
  }
  if (optind >= argc) {
    fprintf(stderr, "hooft code: no input files (use - for stdin)\n");
    code_usage(stderr);
    return EXIT_USAGE;
  }
  hooft_coder *c = cli_load(cli_dict_dir(dict));
  if (!c) return EXIT_DICT;
  int rc = EXIT_OK;
  if (tsv) hooft_write_tsv_header(stdout);
  for (int i = optind; i < argc; i++) {
    hooft_error err;
    hooft_reader *r = hooft_reader_open(argv[i], fmt, date, lang, &err);
    if (!r) {
      fprintf(stderr, "hooft: %s\n", err.message);
      rc = EXIT_BAD_INPUT;
      continue;
    }
    hooft_article a;
    int got;
    while ((got = hooft_reader_next(r, &a, &err)) != 0) {
      if (got < 0) {
        fprintf(stderr, "hooft: %s\n", err.message);
        rc = EXIT_BAD_INPUT;
        continue;
      }
      hooft_doc *d = hooft_code(c, &a, &err);
      if (!d) {
        if (hooft_reader_line(r))
          fprintf(stderr, "hooft: %s:%ld: %s\n", argv[i], hooft_reader_line(r), err.message);
        else /* plain text: the message starts with the article id, the file name */
          fprintf(stderr, "hooft: %s\n", err.message);
        rc = EXIT_BAD_INPUT;
        continue;
      }
      int w = tsv ? hooft_doc_write_tsv(d, stdout) : hooft_doc_write_jsonl(d, stdout);
      if (w == 0 && documents && !tsv) w = hooft_doc_write_summary(d, stdout);
      hooft_doc_free(d);
      if (w < 0) {
        fprintf(stderr, "hooft: write error\n");
        hooft_reader_free(r);
        hooft_coder_free(c);
        return EXIT_OUTPUT;
      }
    }
    hooft_reader_free(r);
  }
  if (fflush(stdout) != 0) rc = EXIT_OUTPUT;
  hooft_coder_free(c);
  return rc;
}
