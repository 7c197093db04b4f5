/* test_validate.c: unit tests of hooft validate's record readers (TABARI records, .project,
 * PETRARCH-2 XML) and of the pass rule, on records written for these tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "validate.h"

/* Reads TABARI records from a string into a fresh suite. */
static int read_text(vd_suite *s, const char *text, int stop) {
  vd_suite_init(s);
  int r = vd_read_tabari(s, "t.text", text, strlen(text), stop);
  vd_label_records(s);
  return r;
}

static int has_problem(const vd_suite *s, const char *needle) {
  return s->problems.data && strstr(s->problems.data, needle) != NULL;
}

static void test_basic_record(void **state) {
  (void)state;
  vd_suite s;
  const char *t =
      "##########\n"
      "# a comment block: no digit first\n"
      "\n"
      "950103  DEMO-04  more id info\n"
      "Dagolath's minister left for \\n\n"
      "Minas Tirith   on Wednesday./*\\n------\n"
      "\\n[Paired events]\n"
      "\\n{ DAG / GON / 032 } 950103   (VISIT) LEFT\n"
      "\\n{ GON / DAG / 033 }\t941204 */  :\n";
  assert_int_equal(read_text(&s, t, 1), 0);
  assert_int_equal(s.nproblems, 0);
  assert_int_equal(s.n, 1);
  vd_record *r = &s.v[0];
  assert_string_equal(r->id, "DEMO-04");
  assert_string_equal(r->label, "DEMO-04");
  assert_int_equal(r->line, 4);
  assert_string_equal(r->date, "1995-01-03");
  assert_string_equal(r->text, "Dagolath's minister left for Minas Tirith on Wednesday.");
  assert_int_equal(r->nevents, 2);
  assert_string_equal(r->events[0].src, "DAG");
  assert_string_equal(r->events[0].tgt, "GON");
  assert_string_equal(r->events[0].code, "032");
  assert_string_equal(r->events[0].date, "1995-01-03");
  assert_string_equal(r->events[1].date, "1994-12-04");
  assert_int_equal(r->unscored, VD_SCORED);
  assert_int_equal(r->open, 0);
  assert_int_equal(r->special, 0);
  vd_suite_free(&s);
}

static void test_specials_and_options(void **state) {
  (void)state;
  vd_suite s;
  const char *t =
      "950101  SPEC-01\n"
      "Some text.\n"
      "/* {---}\n"
      "{ +++ } {###} 950101\n"
      "{}  */\n"
      "\n"
      "950101  OPT-01\n"
      "Changing options.\n"
      "/*\\n{ OPTION: SET: TIME SHIFT = FALSE }\n"
      "\\n{option:  DEFAULT: OFF  } */\n"
      "\n"
      "20150607 YYYY-01\n"
      "A four-digit year.\n"
      "/* { FOR / GON / 064 } 20150607 */\n";
  assert_int_equal(read_text(&s, t, 1), 0);
  assert_int_equal(s.nproblems, 0);
  assert_int_equal(s.n, 3);
  assert_int_equal(s.v[0].special, VD_EXPECT_NONE | VD_EXPECT_COMPLEX | VD_EXPECT_DISCARD);
  assert_int_equal(s.v[0].nevents, 0);
  assert_int_equal(s.v[0].unscored, VD_SCORED);
  assert_int_equal(s.v[1].unscored, VD_UNSCORED_OPTIONS);
  assert_int_equal(s.v[1].noptions, 2);
  assert_string_equal(s.v[1].options[0], "SET: TIME SHIFT = FALSE");
  assert_int_equal(s.v[1].option_lines[0], 9);
  assert_string_equal(s.v[1].options[1], "DEFAULT: OFF");
  assert_int_equal(s.v[1].option_lines[1], 10);
  assert_string_equal(s.v[2].date, "2015-06-07");
  assert_string_equal(s.v[2].events[0].date, "2015-06-07");
  vd_suite_free(&s);
}

/* -{ ends the checks: the events before it are required, others allowed; alone it turns the
 * record's validation off. */
static void test_minus_brace(void **state) {
  (void)state;
  vd_suite s;
  const char *t =
      "950104  COMP-07\n"
      "Mordor, the Shire and Bree welcomed ties.\n"
      "/*\\n{ ORC / GON / 041 }\n"
      "\\n-{ --- / --- / 000 }\n"
      "\\n{ XXX / YYY / 999 }\n"
      "\\n{ OPTION: SET: CODE ALL } */\n"
      "\n"
      "950101  DEMO-05\n"
      "Validation commented out.\n"
      "/*\\n-{ARN / GON / 064  } */\n";
  assert_int_equal(read_text(&s, t, 1), 0);
  assert_int_equal(s.nproblems, 0);
  assert_int_equal(s.n, 2);
  assert_int_equal(s.v[0].open, 1);
  assert_int_equal(s.v[0].nevents, 1); /* XXX/YYY after -{ is not read */
  assert_int_equal(s.v[0].noptions, 1); /* options still are */
  assert_int_equal(s.v[0].unscored, VD_SCORED);
  assert_int_equal(s.v[1].unscored, VD_UNSCORED_UNCHECKED);
  vd_suite_free(&s);
}

/* A record without validation fields ends TABARI's validation; without stop it is kept. */
static void test_end_marker(void **state) {
  (void)state;
  vd_suite s;
  const char *t =
      "950101  A-01\n"
      "Arnor met Gondor.\n"
      "/* { ARN / GON / 031 } */\n"
      "\n"
      "990101  FINAL-01\n"
      "This is the end of the standard validation records.\n"
      "\n"
      "950101  AFTER-01\n"
      "Not read.\n"
      "/* {---} */\n";
  assert_int_equal(read_text(&s, t, 1), 1);
  assert_int_equal(s.n, 1);
  assert_non_null(s.stop);
  assert_string_equal(s.stop, "FINAL-01 (t.text:5)");
  vd_suite_free(&s);
  assert_int_equal(read_text(&s, t, 0), 0);
  assert_int_equal(s.n, 3);
  assert_int_equal(s.v[1].unscored, VD_UNSCORED_NOCHECK);
  assert_string_equal(s.v[1].text, "This is the end of the standard validation records.");
  assert_null(s.stop);
  vd_suite_free(&s);
}

/* The comment runs to the last star-slash: fields after an inner one still count. */
static void test_comment_extent(void **state) {
  (void)state;
  vd_suite s;
  const char *t =
      "950104  PATTERN-26\r\n"
      "Mordor with Fornost and Gondor welcomed ties.\r\n"
      "/*\\n[Compound]\r\n"
      "\\n{ FOR / GON / 044 }  */\r\n"
      "\\n{ GON / FOR / 045 }  */   \r\n";
  assert_int_equal(read_text(&s, t, 1), 0);
  assert_int_equal(s.nproblems, 0);
  assert_int_equal(s.v[0].nevents, 2);
  assert_string_equal(s.v[0].text, "Mordor with Fornost and Gondor welcomed ties.");
  vd_suite_free(&s);
}

static void test_duplicates(void **state) {
  (void)state;
  vd_suite s;
  const char *t =
      "950101  DUP-01\n"
      "Text.\n"
      "/* { ARN / GON / 064 }\n"
      "{ARN/GON/064}\n"
      "{ ARN / GON / 064 } 950101 */\n"
      "\n"
      "950101  DUP-01\n"
      "Text again.\n"
      "/* {---} */\n";
  read_text(&s, t, 1);
  assert_int_equal(s.nproblems, 0);
  assert_int_equal(s.v[0].nevents, 2); /* the dated one differs */
  assert_string_equal(s.v[0].label, "DUP-01@1");
  assert_string_equal(s.v[1].label, "DUP-01@7");
  vd_suite_free(&s);
}

/* Every malformed record is reported with its line and not scored; reading goes on. */
static void test_problems(void **state) {
  (void)state;
  vd_suite s;
  const char *t =
      "9501201  ACTORSYN-01\n"                                  /* 1 */
      "Seven digits.\n"
      "/* { HOB / GON / 064 } */\n"
      "\n"
      "950101\n"                                                /* 5 */
      "No id.\n"
      "/* {---} */\n"
      "\n"
      "950104  COMPOUND-06\n"                                   /* 9 */
      "Unclosed comment.\n"
      "/*\\n[Codes]\n"
      "\\n{ FOR / GON / 045 }   /*\n"
      "\n"
      "970105  MINWRD-03\n"                                     /* 14 */
      "Options with a missing brace.\n"
      "/*\\n{ OPTION: SET: MINIMUM WORDS = 4  */\n"
      "\n"
      "950101  BAD-EVENT\n"                                     /* 18 */
      "Text.\n"
      "/* { ARN / GON } { ARN / GON / 064 } 951301 */\n"
      "\n"
      "950101  STRAY\n"                                         /* 22 */
      "Text */ more.\n"
      "/* { ARN / GON / 064 } */\n"
      "\n"
      "950101  UNKNOWN\n"                                       /* 26 */
      "Text.\n"
      "/* { what is this } { A / B C / 010 } { OPTION: } */\n"
      "\n"
      "950101  GOOD-01\n"                                       /* 30 */
      "Arnor met Gondor.\n"
      "/* { ARN / GON / 031 } */\n";
  read_text(&s, t, 1);
  assert_int_equal(s.n, 8);
  assert_true(has_problem(&s, "t.text:1: bad date '9501201' in the record header (want YYMMDD or YYYYMMDD)\n"));
  assert_true(has_problem(&s, "t.text:5: the record header has a date but no id\n"));
  assert_true(has_problem(&s, "t.text:11: '/*' is not closed by '*/' before the record ends (at the blank line after "
                              "line 12)\n"));
  assert_true(has_problem(&s, "t.text:16: '{' without '}'\n"));
  assert_true(has_problem(&s, "t.text:20: malformed event '{ARN / GON}' (want { SOURCE / TARGET / EVENT })\n"));
  assert_true(has_problem(&s, "t.text:20: bad date '951301' after the event (want YYMMDD or YYYYMMDD)\n"));
  assert_true(has_problem(&s, "t.text:23: '*/' without '/*'\n"));
  assert_true(has_problem(&s, "t.text:28: unknown validation field '{what is this}'"));
  assert_true(has_problem(&s, "t.text:28: malformed event '{A / B C / 010}'"));
  assert_true(has_problem(&s, "t.text:28: OPTION: without a command\n"));
  assert_int_equal(s.nproblems, 10);
  for (size_t i = 0; i < 7; i++) assert_int_equal(s.v[i].unscored, VD_UNSCORED_BAD);
  /* the option of the record with the missing brace is still read, up to the end of its line */
  assert_int_equal(s.v[3].noptions, 1);
  assert_string_equal(s.v[3].options[0], "SET: MINIMUM WORDS = 4");
  assert_int_equal(s.v[7].unscored, VD_SCORED);
  assert_string_equal(s.v[7].id, "GOOD-01");
  vd_suite_free(&s);
}

static void test_bytes(void **state) {
  (void)state;
  vd_suite s;
  static const char t[] = "950101  NUL-01\nText \0with a NUL.\n/* {---} */\n\n950101  UTF-01\nBad \xff byte.\n/* {---} */\n";
  vd_suite_init(&s);
  vd_read_tabari(&s, "t.text", t, sizeof t - 1, 1);
  assert_int_equal(s.n, 2);
  assert_true(has_problem(&s, "t.text:2: NUL byte in the text (read as a blank)\n"));
  assert_string_equal(s.v[0].text, "Text with a NUL.");
  assert_true(has_problem(&s, "t.text:5: the record text is not valid UTF-8\n"));
  assert_int_equal(s.v[1].unscored, VD_UNSCORED_BAD);
  vd_suite_free(&s);
  /* empty input, and input without a final newline */
  vd_suite_init(&s);
  assert_int_equal(vd_read_tabari(&s, "e.text", "", 0, 1), 0);
  assert_int_equal(s.n, 0);
  vd_read_tabari(&s, "e.text", "950101 X-1\nText /* {---}", 24, 1);
  assert_int_equal(s.n, 1);
  assert_true(has_problem(&s, "e.text:2: '/*' is not closed"));
  vd_suite_free(&s);
}

static void test_dates(void **state) {
  (void)state;
  char d[11];
  assert_int_equal(vd_date("950103", 6, d), 0);
  assert_string_equal(d, "1995-01-03");
  assert_int_equal(vd_date("300101", 6, d), 0);
  assert_string_equal(d, "2030-01-01");
  assert_int_equal(vd_date("310101", 6, d), 0);
  assert_string_equal(d, "1931-01-01");
  assert_int_equal(vd_date("20000229", 8, d), 0);
  assert_string_equal(d, "2000-02-29");
  assert_int_equal(vd_date("19000229", 8, d), -1);
  assert_int_equal(vd_date("951301", 6, d), -1);
  assert_int_equal(vd_date("950132", 6, d), -1);
  assert_int_equal(vd_date("9501201", 7, d), -1);
  assert_int_equal(vd_date("95010a", 6, d), -1);
  assert_int_equal(vd_time_shift_command("SET: TIME SHIFT = TRUE"), 1);
  assert_int_equal(vd_time_shift_command("set:time shift=false"), 0);
  assert_int_equal(vd_time_shift_command("SET: CODE ALL"), -1);
}

/* A record with the given expectations, for the pass-rule tests. */
static vd_record expect(unsigned special, int open) {
  vd_record r;
  memset(&r, 0, sizeof r);
  r.special = special;
  r.open = open;
  return r;
}

static void free_record_events(vd_record *r) {
  for (size_t i = 0; i < r->nevents; i++) {
    free(r->events[i].src);
    free(r->events[i].tgt);
    free(r->events[i].code);
  }
  free(r->events);
}

static void test_pass_rule(void **state) {
  (void)state;
  vd_record r = expect(0, 0);
  vd_add_event(&r, "ARN", "GON", "064", "");
  vd_add_event(&r, "DAG", "GON", "032", "1995-01-03");
  vd_outcome o = {0};
  vd_outcome_add(&o, "ARN", "GON", "064", "1995-01-01");
  assert_false(vd_passes(&r, &o, 1)); /* one missing */
  vd_outcome_add(&o, "DAG", "GON", "032", "1995-01-04");
  assert_false(vd_passes(&r, &o, 1)); /* the date differs */
  assert_true(vd_passes(&r, &o, 0));  /* dates not checked */
  vd_outcome_clear(&o);
  vd_outcome_add(&o, "ARN", "GON", "064", "1995-01-01");
  vd_outcome_add(&o, "ARN", "GON", "064", "1995-01-01"); /* the same event twice counts once */
  vd_outcome_add(&o, "DAG", "GON", "032", "1995-01-03");
  assert_int_equal(o.nevents, 2);
  assert_true(vd_passes(&r, &o, 1));
  vd_outcome_add(&o, "GON", "DAG", "033", "1995-01-03");
  assert_false(vd_passes(&r, &o, 1)); /* an event not expected */
  r.open = 1;
  assert_true(vd_passes(&r, &o, 1)); /* -{: others allowed */
  char *w = vd_format_expected(&r), *g = vd_format_outcome(&o);
  assert_string_equal(w, "{ARN/GON/064, DAG/GON/032 1995-01-03, ...}");
  assert_string_equal(g, "{ARN/GON/064 1995-01-01, DAG/GON/032 1995-01-03, GON/DAG/033 1995-01-03}");
  free(w);
  free(g);
  free_record_events(&r);

  /* specials: checked first; the events are the alternative */
  r = expect(VD_EXPECT_COMPLEX, 0);
  vd_add_event(&r, "ERI", "OSG", "172", "");
  vd_outcome_clear(&o);
  o.status = "complex: VERBS[5]";
  assert_true(vd_passes(&r, &o, 1));
  o.status = NULL;
  assert_false(vd_passes(&r, &o, 1));
  vd_outcome_add(&o, "ERI", "OSG", "172", "1995-01-12");
  assert_true(vd_passes(&r, &o, 1));
  w = vd_format_expected(&r);
  assert_string_equal(w, "{+++} or {ERI/OSG/172}");
  free(w);
  free_record_events(&r);

  r = expect(VD_EXPECT_NONE, 0);
  assert_false(vd_passes(&r, &o, 1)); /* an event was coded */
  vd_outcome_clear(&o);
  o.status = "short";
  assert_true(vd_passes(&r, &o, 1));
  r = expect(VD_EXPECT_DISCARD, 0);
  assert_false(vd_passes(&r, &o, 1));
  o.status = "discard";
  assert_true(vd_passes(&r, &o, 1));
  r = expect(VD_EXPECT_COMPLEX, 0);
  assert_false(vd_passes(&r, &o, 1)); /* a discard is not complex */
  /* NULL and empty codes are TABARI's null actor */
  vd_outcome_clear(&o);
  vd_outcome_add(&o, NULL, "", "010", "");
  g = vd_format_outcome(&o);
  assert_string_equal(g, "{---/---/010}");
  free(g);
  vd_outcome_free(&o);
  g = vd_format_outcome(&o);
  assert_string_equal(g, "{}");
  free(g);
}

static void test_project(void **state) {
  (void)state;
  vd_suite s;
  vd_suite_init(&s);
  vd_project p;
  assert_int_equal(vd_read_project(&s, FIXTURES "/tabari/unit.project", &p), 0);
  assert_int_equal(p.ntextfiles, 2);
  assert_string_equal(p.textfiles[0], FIXTURES "/tabari/unit.text");
  assert_int_equal(p.textfile_lines[0], 3);
  assert_string_equal(p.textfiles[1], "/absolute/other.text");
  assert_string_equal(p.optionsfile, FIXTURES "/tabari/unit.options");
  vd_project_free(&p);
  assert_int_equal(vd_read_project(&s, FIXTURES "/tabari/missing.project", &p), -1);
  assert_true(has_problem(&s, "missing.project: cannot read the project file\n"));
  vd_project_free(&p);
  vd_suite_free(&s);
}

static void test_petrarch(void **state) {
  (void)state;
  vd_suite s;
  vd_suite_init(&s);
  vd_environment env;
  assert_int_equal(vd_read_petrarch(&s, FIXTURES "/petrarch/records.xml", &env), 0);
  assert_int_equal(s.nproblems, 0);
  assert_string_equal(env.verbs, "mini.verbs.txt");
  assert_string_equal(env.actors, "mini.actors.txt");
  assert_string_equal(env.agents, "mini.agents.txt");
  assert_string_equal(env.discards, "mini.discards.txt");
  assert_int_equal(s.n, 6); /* AFTER-STOP is not read */
  assert_non_null(s.stop);
  vd_record *r = &s.v[0];
  assert_string_equal(r->id, "BASIC-01");
  assert_string_equal(r->date, "1995-01-01");
  assert_string_equal(r->text, "Gondor attacked Rohan on Monday and Rohan attacked Gondor on Tuesday.");
  assert_int_equal(r->nevents, 2);
  assert_int_equal(r->line, 12);
  assert_int_equal(r->unscored, VD_SCORED);
  r = &s.v[1];
  assert_string_equal(r->id, "NONE-01");
  assert_string_equal(r->date, "2008-08-01");
  assert_int_equal(r->special, VD_EXPECT_NONE);
  assert_int_equal(r->noptions, 3);
  assert_string_equal(r->options[0], "COMMA: MIN = 4");
  assert_string_equal(r->options[1], "PETRARCH: require_dyad = false");
  assert_string_equal(r->options[2], "PETRARCH: new_actor_length = 4");
  assert_int_equal(s.v[2].special, VD_EXPECT_DISCARD);
  assert_int_equal(s.v[2].unscored, VD_SCORED);
  assert_int_equal(s.v[3].unscored, VD_UNSCORED_NOCHECK);
  assert_string_equal(s.v[3].note, "dateline");
  assert_int_equal(s.v[4].unscored, VD_UNSCORED_EXCLUDED);
  assert_string_equal(s.v[4].events[0].src, "\"NEW ACTOR\"");
  assert_int_equal(s.v[5].unscored, VD_UNSCORED_NOCHECK);
  vd_environment_free(&env);
  vd_suite_free(&s);
}

static void test_petrarch_bad(void **state) {
  (void)state;
  vd_suite s;
  vd_environment env;
  vd_suite_init(&s);
  assert_int_equal(vd_read_petrarch(&s, FIXTURES "/petrarch/malformed.xml", &env), -1);
  assert_true(has_problem(&s, "malformed.xml:5: XML: Opening and ending tag mismatch: Sentence line 3 and Sentenc\n"));
  vd_environment_free(&env);
  vd_suite_free(&s);
  vd_suite_init(&s);
  assert_int_equal(vd_read_petrarch(&s, FIXTURES "/petrarch/wrong-root.xml", &env), -1);
  assert_true(has_problem(&s, "wrong-root.xml:1: not PETRARCH validation records: the root element is <Sentences>"));
  vd_environment_free(&env);
  vd_suite_free(&s);
  vd_suite_init(&s);
  assert_int_equal(vd_read_petrarch(&s, FIXTURES "/petrarch/missing.xml", &env), -1);
  assert_true(has_problem(&s, "missing.xml: cannot read the records: No such file or directory\n"));
  vd_environment_free(&env);
  vd_suite_free(&s);
  vd_suite_init(&s);
  assert_int_equal(vd_read_petrarch(&s, FIXTURES "/petrarch/bad-records.xml", &env), 0);
  assert_true(has_problem(&s, "bad-records.xml:4: <Sentence> without an id\n"));
  assert_true(has_problem(&s, "bad-records.xml:8: <Sentence> date '950101' is not YYYYMMDD\n"));
  assert_true(has_problem(&s, "bad-records.xml:13: <EventCoding> needs sourcecode, targetcode and eventcode\n"));
  assert_true(has_problem(&s, "bad-records.xml:16: <Sentence> without <Text>\n"));
  assert_true(has_problem(&s, "bad-records.xml:20: noevents = 'maybe' (want True or False)\n"));
  assert_true(has_problem(&s, "bad-records.xml:23: <Config> needs option and value\n"));
  assert_int_equal(s.nproblems, 6);
  assert_int_equal(s.n, 6);
  for (size_t i = 0; i < 5; i++) assert_int_equal(s.v[i].unscored, VD_UNSCORED_BAD);
  assert_int_equal(s.v[5].unscored, VD_SCORED);
  vd_environment_free(&env);
  vd_suite_free(&s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_basic_record), cmocka_unit_test(test_specials_and_options),
      cmocka_unit_test(test_minus_brace),  cmocka_unit_test(test_end_marker),
      cmocka_unit_test(test_comment_extent), cmocka_unit_test(test_duplicates),
      cmocka_unit_test(test_problems),     cmocka_unit_test(test_bytes),
      cmocka_unit_test(test_dates),        cmocka_unit_test(test_pass_rule),
      cmocka_unit_test(test_project),      cmocka_unit_test(test_petrarch),
      cmocka_unit_test(test_petrarch_bad),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
