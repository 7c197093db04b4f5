/* test_lemma.c: unit tests of the Dutch and English lemmatizers. */
#include "testutil.h"
#include "../../src/coder.h"


static void test_dutch(void **state) {
  (void)state;
  assert_string_equal(hf_lemma(coder, HF_LANG_NL, "dwongen"), "dwingen");       /* table */
  assert_string_equal(hf_lemma(coder, HF_LANG_NL, "binnenviel"), "binnenvallen"); /* table, separable */
  assert_string_equal(hf_lemma(coder, HF_LANG_NL, "leverde"), "leveren");        /* weak past */
  assert_string_equal(hf_lemma(coder, HF_LANG_NL, "levert"), "leveren");
  assert_string_equal(hf_lemma(coder, HF_LANG_NL, "gestuurd"), "sturen");        /* participle, long vowel */
  assert_string_equal(hf_lemma(coder, HF_LANG_NL, "stuurden"), "sturen");
  assert_string_equal(hf_lemma(coder, HF_LANG_NL, "gevraagd"), "vragen");        /* participle, long vowel */
  assert_string_equal(hf_lemma(coder, HF_LANG_NL, "troepen"), "troep");          /* noun plural */
  assert_string_equal(hf_lemma(coder, HF_LANG_NL, "wapens"), "wapen");
  assert_string_equal(hf_lemma(coder, HF_LANG_NL, "onbekendwoord"), "onbekendwoord");
}

static void test_english(void **state) {
  (void)state;
  assert_string_equal(hf_lemma(coder, HF_LANG_EN, "went"), "go");   /* WordNet exception list */
  assert_string_equal(hf_lemma(coder, HF_LANG_EN, "sent"), "send");
  assert_string_equal(hf_lemma(coder, HF_LANG_EN, "attacked"), "attack");
  assert_string_equal(hf_lemma(coder, HF_LANG_EN, "supplies"), "supply");
  assert_string_equal(hf_lemma(coder, HF_LANG_EN, "stopped"), "stop");
  assert_string_equal(hf_lemma(coder, HF_LANG_EN, "invading"), "invade");
  assert_string_equal(hf_lemma(coder, HF_LANG_EN, "talks"), "talk");
  assert_string_equal(hf_lemma(coder, HF_LANG_EN, "troops"), "troop");
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_dutch), cmocka_unit_test(test_english)};
  return cmocka_run_group_tests(tests, setup, teardown);
}
