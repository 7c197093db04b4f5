/* test_events.c: unit tests of clause analysis: word order, separable verbs, passive, negation,
 * pronouns, reported clauses, compound subjects and prepositional targets, in Dutch and English. */
#include "testutil.h"


/* Asserts that text yields exactly one event src -> tgt with the given code. */
static void expect_one(const char *lang, const char *text, const char *src, const char *tgt, const char *code,
                       int negated) {
  hooft_doc *d = code_text(coder, lang, "2024-10-31", text);
  if (hooft_doc_event_count(d) != 1) {
    for (size_t i = 0; i < hooft_doc_event_count(d); i++) {
      const hooft_event *e = hooft_doc_event(d, i);
      fprintf(stderr, "  got %s -> %s %s\n", e->source.code, e->target.code, e->cameo);
    }
    fail_msg("'%s': %zu events, want 1", text, hooft_doc_event_count(d));
  }
  const hooft_event *e = hooft_doc_event(d, 0);
  if (strcmp(e->source.code, src) || strcmp(e->target.code, tgt) || strcmp(e->cameo, code) || e->negated != negated)
    fail_msg("'%s': got %s -> %s %s neg=%d, want %s -> %s %s neg=%d", text, e->source.code, e->target.code, e->cameo,
             e->negated, src, tgt, code, negated);
  hooft_doc_free(d);
}

static void expect_none(const char *lang, const char *text) {
  hooft_doc *d = code_text(coder, lang, "2024-10-31", text);
  if (hooft_doc_event_count(d) != 0) {
    const hooft_event *e = hooft_doc_event(d, 0);
    fail_msg("'%s': unexpected %s -> %s %s", text, e->source.code, e->target.code, e->cameo);
  }
  hooft_doc_free(d);
}

static void test_english_order(void **state) {
  (void)state;
  expect_one("en", "Russia attacked Ukraine on Tuesday.", "RUS", "UKR", "190", 0);
  expect_one("en", "On Tuesday, Russian troops invaded Ukraine.", "RUSMIL", "UKR", "192", 0);
  expect_one("en", "North Korea has sent troops to Russia, officials said.", "PRK", "RUS", "072", 0);
  expect_one("en", "The West called on China to act.", "WST", "CHN", "0231", 0);
}

static void test_english_passive_and_negation(void **state) {
  (void)state;
  expect_one("en", "Ukraine was attacked by Russia.", "RUS", "UKR", "190", 0);
  expect_one("en", "Russia did not attack Ukraine.", "RUS", "UKR", "190", 1);
  expect_one("en", "Russia refused talks with Ukraine.", "RUS", "UKR", "125", 0);
}

static void test_dutch_order(void **state) {
  (void)state;
  /* verb-second with inversion after a fronted adverbial */
  expect_one("nl", "Donderdag viel Rusland Oekraïne aan.", "RUS", "UKR", "190", 0);
  /* separable verb, split and joined */
  expect_one("nl", "Rusland viel in 2022 Oekraïne binnen.", "RUS", "UKR", "192", 0);
  expect_one("nl", "Het was augustus toen Oekraïne Rusland binnenviel.", "UKR", "RUS", "192", 0);
  /* verb-final reported clause: the embedded event */
  expect_one("nl", "Rutte bevestigt dat Noord-Korea troepen naar Rusland heeft gestuurd.", "PRK", "RUS", "072", 0);
  /* preposition picks the target */
  expect_one("nl", "Noord-Korea leverde wapens aan Rusland.", "PRK", "RUS", "072", 0);
}

static void test_dutch_passive_negation_pronoun(void **state) {
  (void)state;
  expect_one("nl", "Oekraïne werd door Rusland aangevallen.", "RUS", "UKR", "190", 0);
  expect_one("nl", "Rusland viel Oekraïne niet aan.", "RUS", "UKR", "190", 1);
  expect_one("nl", "De Russen zwegen. Later vielen ze Oekraïne aan.", "RUS", "UKR", "190", 0);
  expect_none("nl", "Oekraïne werd aangevallen.");
}

static void test_compound_subjects(void **state) {
  (void)state;
  hooft_doc *d = code_text(coder, "nl", "2024-10-31", "Noord- en Zuid-Korea vochten een verwoestend conflict uit.");
  assert_int_equal(hooft_doc_event_count(d), 2);
  assert_non_null(find_event(d, "PRK", "KOR"));
  assert_non_null(find_event(d, "KOR", "PRK"));
  hooft_doc_free(d);
  d = code_text(coder, "en", "2024-10-31", "Russia and China attacked Ukraine.");
  assert_int_equal(hooft_doc_event_count(d), 2);
  assert_non_null(find_event(d, "RUS", "UKR"));
  assert_non_null(find_event(d, "CHN", "UKR"));
  hooft_doc_free(d);
}

static void test_evidence(void **state) {
  (void)state;
  const char *text = "Volgens de Navo viel Rusland Oekraïne aan.";
  hooft_doc *d = code_text(coder, "nl", "2024-10-31", text);
  assert_int_equal(hooft_doc_event_count(d), 1);
  const hooft_event *e = hooft_doc_event(d, 0);
  assert_string_equal(e->verb, "viel ... aan");
  assert_string_equal(e->pattern, "aanvallen");
  assert_string_equal(e->rule, "dict/nl/verbs.txt:10");
  assert_string_equal(e->source.text, "Rusland");
  assert_int_equal(e->span_start, 16); /* code points: "viel" ... "aan" */
  assert_int_equal(e->span_end, 41);
  assert_string_equal(e->root, "19");
  assert_int_equal(e->quad, 4);
  assert_string_equal(e->plover, "ASSAULT");
  hooft_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_english_order),       cmocka_unit_test(test_english_passive_and_negation),
      cmocka_unit_test(test_dutch_order),         cmocka_unit_test(test_dutch_passive_negation_pronoun),
      cmocka_unit_test(test_compound_subjects),   cmocka_unit_test(test_evidence),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
