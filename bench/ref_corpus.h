/* ref_corpus.h: the coding benchmarks' text, read from the reference files: the record texts
 * of TABARI .text files and the <Text> of PETRARCH-2 XML sentences. */
#ifndef HOOFT_REF_CORPUS_H
#define HOOFT_REF_CORPUS_H

#include <stddef.h>

/* One text to code with its date ("YYYY-MM-DD"). */
typedef struct ref_text {
  char *text;
  size_t len;
  char date[11];
} ref_text;

typedef struct ref_corpus {
  ref_text *v;
  size_t n, cap;
} ref_corpus;

/* Appends the text of every record of a TABARI .text file up to its end marker, without the
 * /.../ comments; records that only change options, and malformed ones, are left out.
 * Returns the number added, or -1 with a message on stderr when the file cannot be read. */
long ref_corpus_tabari(ref_corpus *c, const char *path);

/* Appends the <Text> of every <Sentence> of a PETRARCH-2 XML file (records or GigaWord
 * sample), with the sentence's date. Returns the number added, or -1 with a message. */
long ref_corpus_petrarch(ref_corpus *c, const char *path);

void ref_corpus_free(ref_corpus *c);

#endif
