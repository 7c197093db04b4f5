/* test_text.c: unit tests of the text stage: UTF-8 checks, keys, numbers, tokens and sentences. */
#include "testutil.h"
#include "../../src/coder.h"
#include "../../src/text.h"


static void test_utf8_check(void **state) {
  (void)state;
  size_t bad;
  const char *what;
  assert_int_equal(hf_text_check("Oekra\xc3\xafne", 9, &bad, &what), 0);
  assert_int_equal(hf_text_check("ab\xff" "cd", 5, &bad, &what), -1);
  assert_int_equal(bad, 2);
  assert_string_equal(what, "invalid UTF-8");
  assert_int_equal(hf_text_check("ab\0cd", 5, &bad, &what), -1);
  assert_int_equal(bad, 2);
  assert_int_equal(hf_text_check("\xe2\x80", 2, &bad, &what), -1); /* truncated sequence */
}

static void test_keys(void **state) {
  (void)state;
  hf_buf b = {0};
  hf_text_key(&b, "Oekra\xc3\xafne", 9);
  assert_string_equal(hf_buf_cstr(&b), "oekraine");
  b.len = 0;
  hf_text_key(&b, "Korea\xe2\x80\x99s", 9); /* curly apostrophe */
  assert_string_equal(hf_buf_cstr(&b), "korea's");
  b.len = 0;
  hf_text_key(&b, "ERDO\xc4\x9e" "AN", 8);
  assert_string_equal(hf_buf_cstr(&b), "erdogan");
  hf_buf_free(&b);
}

/* Search terms: words as keys, sorted, once each, quoted; punctuation splits words. */
static void test_terms(void **state) {
  (void)state;
  hf_buf b = {0};
  const char *s = "Oekra\xc3\xafne, OEKRAINE en Kyiv\xe2\x80\x99s 2024-plan!";
  assert_int_equal(hf_text_terms(&b, s, strlen(s), " "), 6);
  assert_string_equal(hf_buf_cstr(&b), "'2024' 'en' 'kyiv' 'oekraine' 'plan' 's'");
  b.len = 0;
  assert_int_equal(hf_text_terms(&b, "b a", 3, " & "), 2);
  assert_string_equal(hf_buf_cstr(&b), "'a' & 'b'");
  b.len = 0;
  assert_int_equal(hf_text_terms(&b, "-- ... !", 8, " "), 0);
  assert_string_equal(hf_buf_cstr(&b), "");
  hf_buf_free(&b);
}

static void test_numbers(void **state) {
  (void)state;
  double v;
  assert_true(hf_parse_number("11.000", 6, HF_LANG_NL, &v));
  assert_true(v == 11000);
  assert_true(hf_parse_number("2,5", 3, HF_LANG_NL, &v));
  assert_true(v == 2.5);
  assert_true(hf_parse_number("1,000", 5, HF_LANG_EN, &v));
  assert_true(v == 1000);
  assert_true(hf_parse_number("2.5", 3, HF_LANG_EN, &v));
  assert_true(v == 2.5);
  assert_true(hf_parse_number("1,234,567.5", 11, HF_LANG_EN, &v));
  assert_true(v == 1234567.5);
  assert_false(hf_parse_number("12a", 3, HF_LANG_EN, &v));
}

/* Tokenizes text and returns the number of sentences; fills keys of the first
 * tokens into out (space-separated) when out is given. */
static int sentences(int lang, const char *text, char *out, size_t outlen) {
  hf_arena arena = {0};
  hf_token_vec toks = {0};
  hf_tokenize(coder, lang, text, strlen(text), &arena, &toks);
  int n = 0;
  if (out) out[0] = 0;
  for (size_t i = 0; i < toks.n; i++) {
    if (out && strlen(out) + strlen(toks.v[i].key) + 2 < outlen) {
      strcat(out, toks.v[i].key);
      strcat(out, toks.v[i].sent_end ? "|" : " ");
    }
    n += toks.v[i].sent_end;
  }
  free(toks.v);
  hf_arena_free(&arena);
  return n;
}

static void test_sentences(void **state) {
  (void)state;
  char buf[512];
  assert_int_equal(sentences(HF_LANG_NL, "Dhr. Jansen sprak o.a. met de minister. Daarna vertrok hij.", NULL, 0), 2);
  assert_int_equal(sentences(HF_LANG_NL, "Er zijn 11.000 militairen gestuurd. Zo'n 3000 kwamen aan.", NULL, 0), 2);
  assert_int_equal(sentences(HF_LANG_NL, "Op 4 nov. komt hij terug. Dan praten ze.", NULL, 0), 2);
  assert_int_equal(sentences(HF_LANG_EN, "Mr. Smith met Gen. Jones in the U.S. capital. They talked.", NULL, 0), 2);
  assert_int_equal(sentences(HF_LANG_EN, "It cost 2.5 million dollars. No one paid.", NULL, 0), 2);
  /* a closing quote followed by a capitalized word starts a new sentence */
  assert_int_equal(sentences(HF_LANG_NL, "\xe2\x80\x98" "De oorlog groeit\xe2\x80\x99 Westerse landen reageren.", NULL, 0), 2);
  /* a quote followed by a comma does not */
  assert_int_equal(sentences(HF_LANG_NL, "\xe2\x80\x9c" "Het is duidelijk\xe2\x80\x9d, zei hij.", NULL, 0), 1);
  /* paragraphs end sentences even without a period */
  assert_int_equal(sentences(HF_LANG_NL, "Kop van het stuk\n\nDe tekst begint hier.", NULL, 0), 2);
  sentences(HF_LANG_NL, "Noord- en Zuid-Korea vochten.", buf, sizeof buf);
  assert_string_equal(buf, "noord- en zuid-korea vochten .|");
  sentences(HF_LANG_NL, "raket- en atoomtechnologie", buf, sizeof buf);
  assert_string_equal(buf, "raket- en atoomtechnologie|");
}

static void test_long_sentence_is_bounded(void **state) {
  (void)state;
  size_t n = 5000 * 4;
  char *text = malloc(n + 1);
  for (size_t i = 0; i < n; i += 4) memcpy(text + i, "aap ", 4);
  text[n] = 0;
  int s = sentences(HF_LANG_NL, text, NULL, 0);
  assert_true(s >= 5000 / 400);
  free(text);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_utf8_check), cmocka_unit_test(test_keys), cmocka_unit_test(test_terms),     cmocka_unit_test(test_numbers),
      cmocka_unit_test(test_sentences),  cmocka_unit_test(test_long_sentence_is_bounded),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
