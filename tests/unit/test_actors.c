/* test_actors.c: unit tests of actor matching: roles, dates, compounds, genitives, prepositions. */
#include "testutil.h"
#include "../../src/coder.h"


/* Finds the mentions of a one-sentence text; writes "CODE[prep] CODE ..." to out
 * (prep shown as '/p' when a preposition governs the mention, '*' for groups). */
static void mentions(int lang, int date, const char *text, char *out, size_t outlen) {
  hf_arena arena = {0};
  hf_token_vec toks = {0};
  hf_mention_vec m = {0};
  hf_tokenize(coder, lang, text, strlen(text), &arena, &toks);
  hf_find_actors(coder, lang, text, toks.v, 0, (int)toks.n, date, &m);
  out[0] = 0;
  for (size_t i = 0; i < m.n; i++) {
    char one[96];
    snprintf(one, sizeof one, "%s%s%s%s", i ? " " : "", m.v[i].pronoun ? "PRON" : m.v[i].code,
             m.v[i].prep >= 0 ? "/p" : "", m.v[i].group >= 0 ? "*" : "");
    if (strlen(out) + strlen(one) < outlen) strcat(out, one);
  }
  free(m.v);
  free(toks.v);
  hf_arena_free(&arena);
}

static void test_roles(void **state) {
  (void)state;
  char buf[256];
  mentions(HF_LANG_NL, 20241031, "De Zuid-Koreaanse regering protesteert.", buf, sizeof buf);
  assert_string_equal(buf, "KORGOV");
  mentions(HF_LANG_NL, 20241031, "De Zuid-Koreaanse militaire inlichtingendienst meldt het.", buf, sizeof buf);
  assert_string_equal(buf, "KORMILSPY");
  mentions(HF_LANG_EN, 20241031, "The army of Russia moved.", buf, sizeof buf);
  assert_string_equal(buf, "RUSMIL");
  mentions(HF_LANG_EN, 20241031, "US troops left.", buf, sizeof buf);
  assert_string_equal(buf, "USAMIL");
  /* Dutch: a country name does not take a following role noun */
  mentions(HF_LANG_NL, 20241031, "dat Noord-Korea troepen stuurde", buf, sizeof buf);
  assert_string_equal(buf, "PRK MIL");
  mentions(HF_LANG_NL, 20241031, "De Russische president Poetin sprak.", buf, sizeof buf);
  assert_string_equal(buf, "RUSGOV");
}

static void test_dates(void **state) {
  (void)state;
  char buf[256];
  mentions(HF_LANG_NL, 20240101, "Rutte sprak.", buf, sizeof buf);
  assert_string_equal(buf, "NLDGOV");
  mentions(HF_LANG_NL, 20241031, "Rutte sprak.", buf, sizeof buf);
  assert_string_equal(buf, "IGOWSTNAT");
  /* between the two offices: the nearest entry in time */
  mentions(HF_LANG_NL, 20240801, "Rutte sprak.", buf, sizeof buf);
  assert_string_equal(buf, "NLDGOV");
  const hf_actor_code *ac = hf_actor_lookup(coder, "Mark Rutte", 20250101);
  assert_non_null(ac);
  assert_string_equal(ac->code, "IGOWSTNAT");
  assert_string_equal(ac->country, "IGOWSTNAT");
}

static void test_compounds_and_genitives(void **state) {
  (void)state;
  char buf[256];
  mentions(HF_LANG_NL, 0, "Noord- en Zuid-Korea vochten.", buf, sizeof buf);
  assert_string_equal(buf, "PRK* KOR*");
  mentions(HF_LANG_NL, 0, "Zuid-Koreaanse en Amerikaanse delegaties praten.", buf, sizeof buf);
  assert_string_equal(buf, "KORGOV* USAGOV*");
  mentions(HF_LANG_NL, 0, "Noord-Korea steunde Poetins oorlog.", buf, sizeof buf);
  assert_string_equal(buf, "PRK RUSGOV");
  mentions(HF_LANG_EN, 0, "Russia's army attacked.", buf, sizeof buf);
  assert_string_equal(buf, "RUSMIL");
  /* a genitive that modifies another actor gives way to it */
  mentions(HF_LANG_NL, 0, "contact met Noord-Korea\xe2\x80\x99s grote buur China", buf, sizeof buf);
  assert_string_equal(buf, "CHN/p");
  /* case-sensitive entries: US the country, not 'us' */
  mentions(HF_LANG_EN, 0, "They told us that the US would help.", buf, sizeof buf);
  assert_string_equal(buf, "PRON USA");
}

static void test_prepositions(void **state) {
  (void)state;
  char buf[256];
  mentions(HF_LANG_NL, 0, "Volgens de Navo leverde Pyongyang granaten aan Rusland.", buf, sizeof buf);
  assert_string_equal(buf, "IGOWSTNAT/p PRK RUS/p");
  mentions(HF_LANG_NL, 0, "Rusland viel in augustus Oekraïne binnen.", buf, sizeof buf);
  assert_string_equal(buf, "RUS UKR");
  mentions(HF_LANG_NL, 0, "in de Russische grensregio", buf, sizeof buf);
  assert_string_equal(buf, "RUS/p");
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_roles), cmocka_unit_test(test_dates),
                                     cmocka_unit_test(test_compounds_and_genitives),
                                     cmocka_unit_test(test_prepositions)};
  return cmocka_run_group_tests(tests, setup, teardown);
}
