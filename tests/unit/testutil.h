/* testutil.h: helpers shared by the unit tests: a fixture coder and event lookups. */
#ifndef HOOFT_TESTUTIL_H
#define HOOFT_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "hooft.h"

#ifndef FIXTURE_GAZETTEER
#define FIXTURE_GAZETTEER "tests/fixtures/gazetteer.tsv"
#endif

#ifndef FIXTURE_DICT
#define FIXTURE_DICT "tests/fixtures/dict"
#endif

/* Loads the fixture dictionaries; fails the test if they do not load. */
static inline hooft_coder *fixture_coder(void) {
  hooft_error err;
  hooft_coder *c = hooft_coder_new(FIXTURE_DICT, &err);
  if (!c) fail_msg("fixture dictionaries: %s", err.message);
  if (hooft_coder_load_gazetteer(c, FIXTURE_GAZETTEER, &err) < 0) fail_msg("fixture gazetteer: %s", err.message);
  return c;
}

/* The fixture coder of a test program, loaded once by setup() for the group. */
static hooft_coder *coder;

static int setup(void **state) {
  (void)state;
  coder = fixture_coder();
  return 0;
}

static int teardown(void **state) {
  (void)state;
  hooft_coder_free(coder);
  return 0;
}

/* Codes text as one article (no title) in lang on date; the caller frees it. */
static inline hooft_doc *code_text(hooft_coder *c, const char *lang, const char *date, const char *text) {
  hooft_article a = {"test", date, lang, NULL, text, strlen(text), NULL};
  hooft_error err;
  hooft_doc *d = hooft_code(c, &a, &err);
  if (!d) fail_msg("coding failed: %s", err.message);
  return d;
}

/* Returns the first event from source code src to target code tgt, or NULL. */
static inline const hooft_event *find_event(const hooft_doc *d, const char *src, const char *tgt) {
  for (size_t i = 0; i < hooft_doc_event_count(d); i++) {
    const hooft_event *e = hooft_doc_event(d, i);
    if (strcmp(e->source.code, src) == 0 && strcmp(e->target.code, tgt) == 0) return e;
  }
  return NULL;
}

#endif
