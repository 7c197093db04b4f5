/* test_shallow.c: unit tests of coding with a TABARI set (the fixture dictionaries in
 * tests/compat/fixtures/tabari): opening, options, patterns, actors, outcomes, CAMEO fields. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "hooft.h"

#define GOOD "tabari:" FIXTURES "/tabari/good.project"

static hooft_doc *code(hooft_coder *c, const char *date, const char *text) {
  hooft_article a = {"t", date, "en", NULL, text, strlen(text), NULL};
  hooft_error err;
  hooft_doc *d = hooft_code(c, &a, &err);
  assert_non_null(d);
  return d;
}

/* Is there an event source -> target with code in d? */
static int has(const hooft_doc *d, const char *src, const char *tgt, const char *cameo) {
  for (size_t i = 0; i < hooft_doc_event_count(d); i++) {
    const hooft_event *e = hooft_doc_event(d, i);
    if (!strcmp(e->source.code, src) && !strcmp(e->target.code, tgt) && !strcmp(e->cameo, cameo)) return 1;
  }
  return 0;
}

static void test_open_errors(void **state) {
  (void)state;
  hooft_error err;
  assert_null(hooft_coder_open("tabari:" FIXTURES "/tabari/missing.project", &err));
  assert_non_null(strstr(err.message, "cannot open"));
  assert_null(hooft_coder_open("tabari:" FIXTURES "/tabari/good.text", &err));
  assert_non_null(strstr(err.message, "not a TABARI file name"));
  hooft_coder *own = hooft_coder_open(FIXTURE_DICT, &err);
  assert_non_null(own);
  assert_int_equal(hooft_coder_option(own, "SET: CODE ALL", &err), -1);
  assert_int_equal(hooft_coder_load_cameo(own, FIXTURE_DICT, &err), -1);
  hooft_coder_free(own);
}

static void test_options(void **state) {
  (void)state;
  hooft_error err;
  hooft_coder *c = hooft_coder_open(GOOD, &err);
  assert_non_null(c);
  assert_int_equal(hooft_coder_option(c, "SET: CODE BY SENTENCE", &err), 0);
  assert_int_equal(hooft_coder_option(c, "COMMA: MIN = 1 MAX = 8", &err), 0);
  assert_int_equal(hooft_coder_option(c, "BOGUS: 1", &err), -1);
  assert_non_null(strstr(err.message, "unknown option"));
  assert_int_equal(hooft_coder_option(c, "no colon here", &err), -1);
  assert_int_equal(hooft_coder_option(c, "DEFAULT: nothing", &err), -1);
  /* PETRARCH's require_dyad = false: an event may lack an actor */
  const char *alone = "Gondor attacked with swords at the river crossing on Monday morning.";
  hooft_doc *d = code(c, "2000-01-03", alone);
  assert_int_equal(hooft_doc_event_count(d), 0);
  hooft_doc_free(d);
  assert_int_equal(hooft_coder_option(c, "PETRARCH: require_dyad = false", &err), 0);
  assert_int_equal(hooft_coder_option(c, "PETRARCH: new_actor_length = 4", &err), -1);
  d = code(c, "2000-01-03", alone);
  assert_true(has(d, "GON", "---", "190"));
  hooft_doc_free(d);
  hooft_coder_free(c);
}

static void test_patterns(void **state) {
  (void)state;
  hooft_error err;
  hooft_coder *c = hooft_coder_open(GOOD, &err);
  assert_non_null(c);
  /* a synset member with a regular plural; the agent after a possessive actor */
  hooft_doc *d = code(c, "2000-01-03", "Gondor's army attacked Rohan with siege engines on Monday morning.");
  assert_int_equal(hooft_doc_event_count(d), 1);
  const hooft_event *e = hooft_doc_event(d, 0);
  assert_string_equal(e->source.code, "GONMIL");
  assert_string_equal(e->target.code, "ROH");
  assert_string_equal(e->cameo, "190");
  assert_string_equal(e->pattern, "* WITH_ &WEAPON");
  assert_string_equal(e->rule, "good.verbs:15");
  assert_string_equal(e->cameo_name, "FIGHT"); /* the options' LABEL */
  hooft_doc_free(d);
  /* alternatives and a time shift: YESTERDAY [-1] */
  d = code(c, "2000-01-03", "Rohan attacked the fortress gates of Gondor yesterday after a long siege.");
  assert_true(has(d, "ROH", "GON", "193"));
  assert_string_equal(hooft_doc_event(d, 0)->date, "2000-01-02");
  hooft_doc_free(d);
  assert_int_equal(hooft_coder_option(c, "SET: TIME SHIFT = FALSE", &err), 0);
  d = code(c, "2000-01-03", "Rohan attacked the fortress gates of Gondor yesterday after a long siege.");
  assert_string_equal(hooft_doc_event(d, 0)->date, "2000-01-03");
  hooft_doc_free(d);
  assert_int_equal(hooft_coder_option(c, "SET: TIME SHIFT = TRUE", &err), 0);
  /* passive voice swaps source and target */
  d = code(c, "2000-01-03", "Gondor was attacked by Rohan in a raid before dawn on Monday.");
  assert_true(has(d, "ROH", "GON", "190"));
  assert_int_equal(hooft_doc_event_count(d), 1);
  hooft_doc_free(d);
  /* a paired code [036:036] on an irregular form, between the members of a compound */
  d = code(c, "2000-01-03", "Gondor and Rohan met in the hills on Tuesday to discuss the war.");
  assert_true(has(d, "GON", "ROH", "036"));
  assert_true(has(d, "ROH", "GON", "036"));
  assert_int_equal(hooft_doc_event_count(d), 2);
  hooft_doc_free(d);
  /* a null pattern codes nothing */
  d = code(c, "2000-01-03", "Gondor did not attack Rohan at the river crossing on Monday.");
  assert_int_equal(hooft_doc_event_count(d), 0);
  hooft_doc_free(d);
  hooft_coder_free(c);
}

static void test_actors(void **state) {
  (void)state;
  hooft_error err;
  hooft_coder *c = hooft_coder_open(GOOD, &err);
  assert_non_null(c);
  /* BOROMIR_ [GONMIL <990101] [GONELI]: the article's date chooses */
  hooft_doc *d = code(c, "1998-06-01", "Boromir praised Rohan for its help in the long war against the east.");
  assert_true(has(d, "GONMIL", "ROH", "051"));
  hooft_doc_free(d);
  d = code(c, "2001-06-01", "Boromir praised Rohan for its help in the long war against the east.");
  assert_true(has(d, "GONELI", "ROH", "051"));
  hooft_doc_free(d);
  /* a coded compound [ELR/GAL] gives one event per part */
  d = code(c, "2000-01-03", "Lorien praised Gondor for its courage in the long war in the east.");
  assert_true(has(d, "ELR", "GON", "051"));
  assert_true(has(d, "GAL", "GON", "051"));
  hooft_doc_free(d);
  /* the agent before OF + actor */
  d = code(c, "2000-01-03", "The President of Gondor attacked Rohan with swords at dawn on Monday.");
  assert_true(has(d, "GONGOV", "ROH", "190"));
  hooft_doc_free(d);
  hooft_coder_free(c);
}

static void test_outcomes(void **state) {
  (void)state;
  hooft_error err;
  hooft_coder *c = hooft_coder_open(GOOD, &err);
  assert_non_null(c);
  hooft_doc *d = code(c, "2000-01-03", "The One Ring was attacked by Gondor in the last battle of the war.");
  assert_int_equal(hooft_doc_event_count(d), 0);
  assert_string_equal(hooft_doc_status(d), "discard");
  hooft_doc_free(d);
  d = code(c, "2000-01-03", "Gondor attacked Rohan.");
  assert_string_equal(hooft_doc_status(d), "short");
  hooft_doc_free(d);
  /* COMPLEX: VERBS[5] NOACTPRIOR in good.options */
  d = code(c, "2000-01-03", "After long talks the envoys attacked Rohan with swords on Monday at dawn.");
  assert_non_null(hooft_doc_status(d));
  assert_non_null(strstr(hooft_doc_status(d), "complex"));
  hooft_doc_free(d);
  /* a dominant code (PRAISE_ [051!]) pushes out the other events of the sentence */
  d = code(c, "2000-01-03", "Gondor attacked Rohan with swords and Rohan praised Arnor for its help in the war.");
  assert_null(hooft_doc_status(d));
  assert_int_equal(hooft_doc_event_count(d), 1);
  assert_true(has(d, "ROH", "ARN", "051"));
  hooft_doc_free(d);
  /* CODE BY CLAUSE (the default): one event per clause; SENTENCE: the first only */
  const char *two = "Gondor attacked Rohan with swords and Rohan attacked Arnor with bows in the war.";
  d = code(c, "2000-01-03", two);
  assert_int_equal(hooft_doc_event_count(d), 2);
  assert_true(has(d, "GON", "ROH", "190"));
  assert_true(has(d, "ROH", "ARN", "190"));
  hooft_doc_free(d);
  assert_int_equal(hooft_coder_option(c, "SET: CODE BY SENTENCE", &err), 0);
  d = code(c, "2000-01-03", two);
  assert_int_equal(hooft_doc_event_count(d), 1);
  assert_true(has(d, "GON", "ROH", "190"));
  hooft_doc_free(d);
  /* other languages are refused */
  hooft_article a = {"t", "2000-01-03", "nl", NULL, "Gondor viel Rohan aan.", 22, NULL};
  assert_null(hooft_code(c, &a, &err));
  assert_non_null(strstr(err.message, "English only"));
  hooft_coder_free(c);
}

/* FORWARD: a pronoun that opens a sentence stands for the previous sentence's first actor, in an
 * article always, across records when their ids continue a story. */
static void test_forward(void **state) {
  (void)state;
  hooft_error err;
  hooft_coder *c = hooft_coder_open(GOOD, &err);
  assert_non_null(c);
  hooft_doc *d = code(c, "2000-01-03",
                      "Gondor attacked Rohan with swords at the river crossing on Monday morning. "
                      "It also praised Arnor for its help in the long war in the east.");
  assert_true(has(d, "GON", "ARN", "051"));
  hooft_doc_free(d);
  assert_int_equal(hooft_coder_option(c, "FORWARD: ^^*****NNN*SSS", &err), 0);
  assert_int_equal(hooft_coder_option(c, "FORWARD: 12X", &err), -1);
  const char *first = "Gondor attacked Rohan with swords at the river crossing on Monday morning.";
  const char *next = "He also praised Arnor for his help in the long war in the east.";
  const char *ids[] = {"NEWS-001-001", "NEWS-001-002", "NEWS-002-005"};
  const char *texts[] = {first, next, next};
  int want[] = {0, 1, 0};
  for (int k = 0; k < 3; k++) {
    hooft_article a = {ids[k], "2000-01-03", "en", NULL, texts[k], strlen(texts[k]), NULL};
    d = hooft_code(c, &a, &err);
    assert_non_null(d);
    if (k) assert_int_equal(has(d, "GON", "ARN", "051"), want[k]);
    hooft_doc_free(d);
  }
  assert_int_equal(hooft_coder_option(c, "FORWARD: OFF", &err), 0);
  hooft_article a = {"NEWS-002-006", "2000-01-03", "en", NULL, next, strlen(next), NULL};
  d = hooft_code(c, &a, &err);
  assert_false(has(d, "GON", "ARN", "051"));
  hooft_doc_free(d);
  hooft_coder_free(c);
}

static void test_cameo_fields(void **state) {
  (void)state;
  hooft_error err;
  hooft_coder *c = hooft_coder_open(GOOD, &err);
  assert_non_null(c);
  hooft_doc *d = code(c, "2000-01-03", "Gondor was attacked by Rohan in a raid before dawn on Monday.");
  assert_int_equal(hooft_doc_event(d, 0)->quad, 0); /* no CAMEO table yet */
  hooft_doc_free(d);
  assert_int_equal(hooft_coder_load_cameo(c, FIXTURE_DICT, &err), 1); /* the fixture's codes are CAMEO's */
  d = code(c, "2000-01-03", "Gondor was attacked by Rohan in a raid before dawn on Monday.");
  const hooft_event *e = hooft_doc_event(d, 0);
  assert_int_equal(e->quad, 4);
  assert_true(e->goldstein < -9.9);
  assert_string_equal(e->plover, "ASSAULT");
  hooft_doc_free(d);
  assert_int_equal(hooft_coder_load_cameo(c, FIXTURES "/no-such-dir", &err), 1); /* loaded once, kept */
  hooft_coder_free(c);
  c = hooft_coder_open(GOOD, &err);
  assert_int_equal(hooft_coder_load_cameo(c, FIXTURES "/no-such-dir", &err), -1);
  assert_non_null(strstr(err.message, "events.tsv"));
  hooft_coder_free(c);
}

/* A code the reference table leaves unscored (1952) takes its parent's Goldstein score (195). */
static void test_unscored_code(void **state) {
  (void)state;
  char dir[] = "/tmp/hooft-test-shallow.XXXXXX";
  assert_non_null(mkdtemp(dir));
  char path[256];
  snprintf(path, sizeof path, "%s/t.verbs", dir);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs("STRUCK_ [1952]\nHIT_ [195]\n", f);
  fclose(f);
  char actors[256];
  snprintf(actors, sizeof actors, "%s/t.actors", dir);
  f = fopen(actors, "w");
  assert_non_null(f);
  fputs("GONDOR_ [GON]\nROHAN_ [ROH]\n", f);
  fclose(f);
  char project[256], spec[300];
  snprintf(project, sizeof project, "%s/t.project", dir);
  f = fopen(project, "w");
  assert_non_null(f);
  fputs("test\n<actorsfile> t.actors\n<verbsfile> t.verbs\n", f);
  fclose(f);
  snprintf(spec, sizeof spec, "tabari:%s", project);
  hooft_error err;
  hooft_coder *c = hooft_coder_open(spec, &err);
  assert_non_null(c);
  assert_int_equal(hooft_coder_load_cameo(c, FIXTURE_DICT, &err), 1);
  hooft_doc *d = code(c, "2000-01-03", "Gondor struck Rohan with drones on the border on Monday night.");
  assert_int_equal(hooft_doc_event_count(d), 1);
  assert_string_equal(hooft_doc_event(d, 0)->cameo, "1952");
  assert_true(hooft_doc_event(d, 0)->goldstein < -9.9);
  assert_int_equal(hooft_doc_event(d, 0)->quad, 4);
  hooft_doc_free(d);
  hooft_coder_free(c);
  remove(path);
  remove(actors);
  remove(project);
  rmdir(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_open_errors), cmocka_unit_test(test_options),  cmocka_unit_test(test_patterns),
      cmocka_unit_test(test_actors),      cmocka_unit_test(test_outcomes), cmocka_unit_test(test_forward),
      cmocka_unit_test(test_cameo_fields), cmocka_unit_test(test_unscored_code),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
