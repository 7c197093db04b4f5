/* test_seed_claims.c: reference test: the claims of the seed article in ../shared/seed/ (read,
 * never copied): attribution, certainty, quantities, dates and places an analyst expects. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "hooft.h"

#ifndef SEED_ARTICLE
#define SEED_ARTICLE "../shared/seed/000_c19d013afee82b47.txt"
#endif

static hooft_coder *seed_coder;
static hooft_doc *seed;

static int seed_setup(void **state) {
  (void)state;
  hooft_error err;
  seed_coder = hooft_coder_new(PROJECT_DICT, &err);
  if (!seed_coder) fail_msg("dictionaries: %s", err.message);
  if (hooft_coder_load_gazetteer(seed_coder, PROJECT_GAZETTEER, &err) < 0) fail_msg("gazetteer: %s", err.message);
  hooft_reader *r = hooft_reader_open(SEED_ARTICLE, HOOFT_INPUT_TEXT, "2024-10-31", "nl", &err);
  if (!r) fail_msg("the seed article is needed (../shared): %s", err.message);
  hooft_article a;
  if (hooft_reader_next(r, &a, &err) != 1) fail_msg("reading the seed: %s", err.message);
  seed = hooft_code(seed_coder, &a, &err);
  hooft_reader_free(r);
  if (!seed) fail_msg("coding the seed: %s", err.message);
  return 0;
}

static int seed_teardown(void **state) {
  (void)state;
  hooft_doc_free(seed);
  hooft_coder_free(seed_coder);
  return 0;
}

/* The first event src country -> tgt country with the root, or a failure. */
static const hooft_event *event(const char *src, const char *tgt, const char *root) {
  for (size_t i = 0; i < hooft_doc_event_count(seed); i++) {
    const hooft_event *e = hooft_doc_event(seed, i);
    if (e->source.country && e->target.country && !strcmp(e->source.country, src) &&
        !strcmp(e->target.country, tgt) && !strcmp(e->root, root))
      return e;
  }
  fail_msg("no event %s -> %s %s", src, tgt, root);
  return NULL;
}

/* The article's quantity of this value, or a failure. */
static const hooft_quantity *quantity(double value) {
  for (size_t i = 0; i < hooft_doc_quantity_count(seed); i++)
    if (fabs(hooft_doc_quantity(seed, i)->value - value) < 0.5) return hooft_doc_quantity(seed, i);
  fail_msg("no quantity %g", value);
  return NULL;
}

static void test_troops(void **state) {
  (void)state;
  /* 11,000 troops, approx, according to South Korean military intelligence: reported */
  const hooft_event *e = event("PRK", "RUS", "07");
  assert_int_equal(e->nquantities, 1);
  assert_true(e->quantities[0].value == 11000 && e->quantities[0].approx);
  assert_string_equal(e->quantities[0].object, "troops");
  assert_string_equal(e->attribution.code, "KORMILSPY");
  assert_string_equal(e->certainty, "reported");
  /* about 3,000 of them arrived: approx, hedged ("zouden") */
  const hooft_quantity *q = quantity(3000);
  assert_true(q->approx);
  assert_string_equal(q->certainty, "hedged");
  /* about 2 million artillery shells, according to NATO estimates */
  q = quantity(2000000);
  assert_true(q->approx);
  assert_string_equal(q->object, "shells");
  assert_string_equal(q->attribution.country, "IGOWSTNAT");
}

static void test_dates_and_places(void **state) {
  (void)state;
  /* the consultation in Washington on Thursday, the publication day */
  const hooft_event *e = event("KOR", "USA", "04");
  assert_string_equal(e->date, "2024-10-31");
  assert_string_equal(e->date_precision, "day");
  assert_string_equal(e->location.name, "Washington");
  assert_string_equal(e->location.country, "USA");
  /* Zelensky consulted Yoon on Tuesday (past tense): two days before */
  e = event("UKR", "KOR", "04");
  assert_string_equal(e->date, "2024-10-29");
  /* Ukraine invaded Russia in August, in the Kursk region */
  e = event("UKR", "RUS", "19");
  assert_string_equal(e->date, "2024-08");
  assert_string_equal(e->date_precision, "month");
  assert_string_equal(e->location.name, "Koersk");
  assert_string_equal(e->location.country, "RUS");
  /* the Korean war: 1950 to 1953, not 2024 */
  e = event("PRK", "KOR", "19");
  assert_string_equal(e->date, "1950");
  assert_string_equal(e->date_end, "1953");
  assert_string_equal(e->date_precision, "year");
}

static void test_certainty_and_attribution(void **state) {
  (void)state;
  /* South Korea considers supplying weapons: hypothetical */
  const hooft_event *e = event("KOR", "UKR", "07");
  int found = 0;
  for (size_t i = 0; i < hooft_doc_event_count(seed); i++) {
    e = hooft_doc_event(seed, i);
    if (!strcmp(e->source.code, "KORGOV") && !strcmp(e->target.country, "UKR") && !strcmp(e->root, "07")) {
      assert_string_equal(e->certainty, "hypothetical");
      found = 1;
    }
  }
  assert_true(found);
  /* North Korea prepares a test of an ICBM that can reach the United States: hypothetical */
  e = event("PRK", "USA", "15");
  assert_string_equal(e->certainty, "hypothetical");
  /* NATO's chief confirms North Korea's troop deployment: the attribution */
  found = 0;
  for (size_t i = 0; i < hooft_doc_event_count(seed); i++) {
    e = hooft_doc_event(seed, i);
    if (e->attribution.code && !strcmp(e->attribution.code, "IGOWSTNAT") && !strcmp(e->source.country, "PRK") &&
        !strcmp(e->target.country, "RUS")) {
      assert_string_equal(e->certainty, "reported");
      found = 1;
    }
  }
  assert_true(found);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_troops), cmocka_unit_test(test_dates_and_places),
                                     cmocka_unit_test(test_certainty_and_attribution)};
  return cmocka_run_group_tests(tests, seed_setup, seed_teardown);
}
