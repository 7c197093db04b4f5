/* test_compat.c: unit tests of the TABARI and PETRARCH-2 dictionary readers and the converter, on
 * in-memory texts and the fixture dictionaries in tests/compat/fixtures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/compat.h"

/* Reads text as one file of the given family and kind (named "t"), never opening other files. */
static hf_cx_dict *read1(int family, int kind, const char *text) {
  hf_cx_dict *d = hf_cx_new(family);
  d->load_files = 0;
  hf_cx_read(d, kind, "t", text, strlen(text));
  hf_cx_finish(d);
  return d;
}

static const char *problems(hf_cx_dict *d) { return d->pr.text.len ? hf_buf_cstr(&d->pr.text) : ""; }

static const hf_cx_code *code_of(const hf_cx_dict *d, size_t actor, size_t i) {
  assert_true(actor < d->actors.n);
  assert_true(i < d->actors.v[actor].ncodes);
  return &d->codes.v[d->actors.v[actor].code0 + i];
}

static const char *name_of(const hf_cx_dict *d, size_t actor, size_t i) {
  assert_true(i < d->actors.v[actor].nnames);
  return d->names.v[d->actors.v[actor].name0 + i].text;
}

/* ---- dates ---- */

static void test_dates(void **state) {
  (void)state;
  assert_int_equal(hf_cx_date("991201", 6), 19991201);
  assert_int_equal(hf_cx_date("011214", 6), 20011214); /* 00-30 are 2000-2030 */
  assert_int_equal(hf_cx_date("300101", 6), 20300101);
  assert_int_equal(hf_cx_date("310101", 6), 19310101);
  assert_int_equal(hf_cx_date("19950601", 8), 19950601);
  assert_int_equal(hf_cx_date("20000229", 8), 20000229); /* leap year */
  assert_int_equal(hf_cx_date("19000229", 8), 0);        /* not a leap year */
  assert_int_equal(hf_cx_date("000229", 6), 20000229);
  assert_int_equal(hf_cx_date("010229", 6), 0);
  assert_int_equal(hf_cx_date("2003031", 7), 0); /* seven digits */
  assert_int_equal(hf_cx_date("991301", 6), 0);
  assert_int_equal(hf_cx_date("990100", 6), 0);
  assert_int_equal(hf_cx_date("99a201", 6), 0);
  assert_int_equal(hf_cx_date("", 0), 0);
}

/* ---- TABARI actors ---- */

static void test_tabari_actors(void **state) {
  (void)state;
  hf_cx_dict *d = read1(HF_CX_TABARI, HF_CX_FILE_ACTORS,
                        "<NOUN>\n"
                        "LEADER  ;a noun\n"
                        "</NOUN>\n"
                        "ALBRIGHT  [USAGOV 991201-010114] [---] ;ems 02 Feb 2001\n"
                        "AXNOR  [AR1 <911226] [AR2]\n"
                        "BOUTROS-GHALI [EGY < 911231] [UNO > 920101]\n"
                        "#ALBRIGHZ  [991201-010114] [---] ; commented out\n"
                        "\n"
                        "GOLLUM  ; pas 27 Apr 03\n"
                        "+SMEAGOL\n"
                        "+SLINKER\n"
                        "\t[HOB < 950601]\n"
                        "\t[HOBGOV 19950601 - 19990815]\n"
                        "\t[HOBREB > 990816]\n"
                        "THE_SHIRE  [FRO/BIL/SAM]\n"
                        "~~FINISH\n"
                        "NOT READ [\n");
  assert_string_equal(problems(d), "");
  assert_int_equal(d->actors.n, 5);
  assert_string_equal(name_of(d, 0, 0), "ALBRIGHT");
  assert_string_equal(code_of(d, 0, 0)->code, "USAGOV");
  assert_int_equal(code_of(d, 0, 0)->from, 19991201);
  assert_int_equal(code_of(d, 0, 0)->to, 20010114);
  assert_string_equal(code_of(d, 0, 1)->code, "---");
  assert_int_equal(code_of(d, 0, 1)->from + code_of(d, 0, 1)->to, 0);
  assert_int_equal(code_of(d, 1, 0)->from, 0);
  assert_int_equal(code_of(d, 1, 0)->to, 19911226); /* <D: up to and including D */
  assert_int_equal(code_of(d, 2, 0)->to, 19911231); /* blanks inside the restriction */
  assert_int_equal(code_of(d, 2, 1)->from, 19920101);
  assert_int_equal(code_of(d, 2, 1)->to, 0);
  assert_int_equal(d->actors.v[3].nnames, 3);
  assert_string_equal(name_of(d, 3, 2), "SLINKER");
  assert_int_equal(d->actors.v[3].ncodes, 3);
  assert_int_equal(code_of(d, 3, 1)->from, 19950601);
  assert_int_equal(code_of(d, 3, 1)->to, 19990815);
  assert_int_equal(code_of(d, 3, 2)->line, 14);
  assert_string_equal(code_of(d, 4, 0)->code, "FRO/BIL/SAM");
  assert_int_equal(d->entries.n, 1);
  assert_int_equal(d->entries.v[0].kind, HF_CX_E_NOUN);
  hf_cx_free(d);
}

static void test_tabari_actor_problems(void **state) {
  (void)state;
  hf_cx_dict *d = read1(HF_CX_TABARI, HF_CX_FILE_ACTORS,
                        "GONDOR_  [GON]\n"
                        "GONDOR_  [GNR]\n"
                        "ROHAN_  [ROH\n"
                        "ARNOR_  [arn]\n"
                        "ERIADOR_  [ERI 991301-000101]\n"
                        "RIVENDELL_  [ELF 000101-991231]\n"
                        "HOBBITON_  [991201-010114]\n"
                        "BREE_  [BRE 990101]\n"
                        "SHIRE_  [SHR] [SHRGOV <990101]\n"
                        "MORIA_\n"
                        "+KHAZAD_DUM_\n"
                        "<HOBBITS>\n"
                        "+ORPHAN\n");
  assert_string_equal(problems(d),
                      "t:2: duplicate actor 'GONDOR_' (first at t:1)\n"
                      "t:3: '[' without ']'\n"
                      "t:4: bad actor code 'arn' (codes are written in upper case)\n"
                      "t:5: bad date '991301' (want YYMMDD or YYYYMMDD)\n"
                      "t:6: date range '000101-991231' ends before it starts\n"
                      "t:7: code block '[991201-010114]' has a date but no code\n"
                      "t:8: bad date restriction '990101' (want <DATE, >DATE or DATE-DATE)\n"
                      "t:9: the undated (default) code 'SHR' must be the last (TABARI manual 6.5.2)\n"
                      "t:10: actor 'MORIA_' has no code\n"
                      "t:12: unknown section <HOBBITS>\n"
                      "t:13: synonym '+ORPHAN' without an actor before it\n");
  assert_int_equal(d->pr.count, 11);
  assert_int_equal(d->actors.n, 3); /* GONDOR_ twice (both read), SHIRE_ */
  hf_cx_free(d);
}

static void test_tabari_agents(void **state) {
  (void)state;
  hf_cx_dict *d = read1(HF_CX_TABARI, HF_CX_FILE_AGENTS,
                        "PRESIDENT_  [ ~GOVPRS] ;ns 6/26/01\n"
                        "HUMAN_RIGHTS_BODY_   [  NGO~] ;BNL\n"
                        "MINISTER_  [GOV]\n"
                        "ARMY_  [~MIL] [~GOV]\n");
  assert_string_equal(problems(d), "t:3: agent code 'GOV' needs one '~': ~CODE (after the actor's) or CODE~ (before it)\n"
                                   "t:4: an agent has one code ('~GOV' follows '~MIL')\n");
  assert_int_equal(d->agents.n, 3);
  assert_string_equal(d->agents.v[0].code, "GOVPRS");
  assert_int_equal(d->agents.v[0].prefix, 0);
  assert_string_equal(d->agents.v[1].code, "NGO");
  assert_int_equal(d->agents.v[1].prefix, 1);
  assert_string_equal(d->agents.v[2].phrase, "ARMY_");
  hf_cx_free(d);
}

/* ---- TABARI verbs ---- */

static const hf_cx_tok *tok(const hf_cx_dict *d, const hf_cx_pattern *p, size_t i) {
  assert_true(i < p->ntok);
  return &d->toks.v[p->tok0 + i];
}

static void test_tabari_verbs(void **state) {
  (void)state;
  hf_cx_dict *d = read1(HF_CX_TABARI, HF_CX_FILE_VERBS,
                        "<SYNSETS>\n"
                        "&TIETYPES\n"
                        "+MILITARY\n"
                        "+ECONOMIC\n"
                        "&TIEPHRASE\n"
                        "+&TIETYPES_MEMOS\n"
                        "</SYNSETS>\n"
                        "<TIME>\n"
                        "LAST_WEEK [-7]\n"
                        "</TIME>\n"
                        "ACCORD  [---]\n"
                        "- SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS  [111] ;blank padding\n"
                        "- * BACK~ POLICY  [062]\n"
                        "- $ * TO + [032:033]\n"
                        "- % * IN ^ WITH + [031!]\n"
                        "- * &TIEPHRASE [912]\n"
                        "BREAK_ [1717]\n"
                        "{ BROKE_ BROKEN_ }\n"
                        "SAID  [023?]\n");
  assert_string_equal(problems(d), "");
  assert_int_equal(d->synsets.n, 2);
  assert_int_equal(d->blocks.n, 4);
  assert_int_equal(d->blocks.v[0].kind, HF_CX_BLK_TIME);
  assert_string_equal(d->blocks.v[0].code.code, "-7");
  assert_int_equal(d->patterns.n, 5);
  const hf_cx_pattern *p = &d->patterns.v[0];
  assert_int_equal(p->ntok, 10);
  assert_int_equal(tok(d, p, 0)->kind, HF_CX_T_WORD);
  assert_string_equal(tok(d, p, 0)->text, "SUGGESTED");
  assert_true(tok(d, p, 0)->exact && tok(d, p, 0)->next);
  assert_int_equal(tok(d, p, 1)->kind, HF_CX_T_TARGET);
  assert_int_equal(tok(d, p, 2)->kind, HF_CX_T_VERB);
  assert_int_equal(tok(d, p, 3)->kind, HF_CX_T_WORD);
  assert_true(tok(d, p, 3)->next); /* DEMAND_{ */
  assert_int_equal(tok(d, p, 4)->kind, HF_CX_T_ALT_OPEN);
  assert_true(tok(d, p, 5)->exact);           /* GENEVA_ */
  assert_false(tok(d, p, 5)->next);           /* blank after the '_' */
  assert_int_equal(tok(d, p, 6)->kind, HF_CX_T_ALT_BAR);
  assert_false(tok(d, p, 7)->exact);          /* INTERNATIONAL: a stem */
  assert_int_equal(tok(d, p, 8)->kind, HF_CX_T_ALT_CLOSE);
  assert_true(tok(d, p, 8)->next); /* }_CONVENTIONS */
  assert_string_equal(tok(d, p, 9)->text, "CONVENTIONS");
  assert_string_equal(p->code.code, "111");
  p = &d->patterns.v[1]; /* BACK~ POLICY: a stem that must be followed at once */
  assert_false(tok(d, p, 1)->exact);
  assert_true(tok(d, p, 1)->next);
  p = &d->patterns.v[2];
  assert_string_equal(p->code.code, "032");
  assert_string_equal(p->code.code2, "033");
  p = &d->patterns.v[3];
  assert_int_equal(p->code.flag, '!');
  assert_int_equal(tok(d, p, 0)->kind, HF_CX_T_BOTH);
  assert_int_equal(tok(d, p, 3)->kind, HF_CX_T_SKIP);
  /* the synset member &TIETYPES_MEMOS is the synset TIETYPES joined to MEMOS */
  const hf_cx_seq *q = &d->seqs.v[d->synsets.v[1].seq0];
  assert_int_equal(q->ntok, 2);
  assert_int_equal(d->toks.v[q->tok0].kind, HF_CX_T_SYNSET);
  assert_string_equal(d->toks.v[q->tok0].text, "TIETYPES");
  assert_true(d->toks.v[q->tok0].next);
  const hf_cx_verb *v = &d->verbs.v[2];
  assert_string_equal(v->text, "BREAK_");
  assert_int_equal(v->nforms, 2);
  assert_string_equal(d->words.v[v->form0 + 1], "BROKEN_");
  assert_int_equal(d->blocks.v[3].code.flag, '?');
  hf_cx_free(d);
}

static void test_tabari_verb_problems(void **state) {
  (void)state;
  hf_cx_dict *d = read1(HF_CX_TABARI, HF_CX_FILE_VERBS,
                        "<SYNSETS>\n"
                        "&WEAPON\n"
                        "+SWORD_\n"
                        "+{ BOW | SPEAR }\n"
                        "&LOOP\n"
                        "+&LOOP\n"
                        "</SYNSETS>\n"
                        "- * ORPHAN  [190]\n"
                        "ATTACK_  [190]\n"
                        "- * &MISSILE  [190]\n"
                        "- * { CITY | FORTRESS  [190]\n"
                        "- WITH SWORD  [190]\n"
                        "- * WITH SHIELD\n"
                        "- * WITH SWORD  [190]\n"
                        "- * WITH   SWORD  [191]\n"
                        "- * AT ( CITY )  [190]\n"
                        "- * WITH BOW  [19x]\n"
                        "ATTACK_  [190]\n"
                        "<TIME>\n");
  assert_string_equal(problems(d),
                      "t:4: a synset cannot contain '{ | }' alternatives (TABARI manual 5.6)\n"
                      "t:5: synset '&LOOP' refers to itself\n"
                      "t:8: pattern before any verb\n"
                      "t:10: undefined synset '&MISSILE'\n"
                      "t:11: '{' without '}'\n"
                      "t:12: missing the verb marker '*'\n"
                      "t:13: pattern has no code\n"
                      "t:15: duplicate pattern '* WITH   SWORD' (first at t:14)\n"
                      "t:16: '(' is PETRARCH syntax, not TABARI\n"
                      "t:16: ')' is PETRARCH syntax, not TABARI\n"
                      "t:17: bad event code '19x' (codes are written in upper case)\n"
                      "t:18: duplicate verb 'ATTACK_' (first at t:9)\n"
                      "t:19: <TIME> is not closed (missing </TIME>)\n");
  hf_cx_free(d);
  /* fuzz finding: verb forms after a tag line that ended the verb */
  d = read1(HF_CX_TABARI, HF_CX_FILE_VERBS, "ATTACK  [190]\n<FOO>\n{ X_ }\n*  [190]\n{ Y_ }\n");
  assert_string_equal(problems(d), "t:2: unknown section <FOO>\n"
                                   "t:3: verb forms '{...}' must directly follow their verb\n"
                                   "t:4: '*' is not a verb: patterns start with '- '\n"
                                   "t:5: verb forms '{...}' must directly follow their verb\n");
  hf_cx_free(d);
}

static void test_tabari_options_and_project(void **state) {
  (void)state;
  hf_cx_dict *d = read1(HF_CX_TABARI, HF_CX_FILE_OPTIONS,
                        "// comment\n"
                        "COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN\n"
                        "LABE: 01=YIELD\n"
                        "OUTPUT: ACTOR MATCH ID\n"
                        "COMPLEX: VERBS[] SOMETIMES\n"
                        "FROB: x\n"
                        "~~~~~\n"
                        "NOT READ\n");
  assert_string_equal(problems(d), "t:5: COMPLEX condition 'VERBS[]' needs a number: VERBS[n]\n"
                                   "t:5: unknown COMPLEX condition 'SOMETIMES'\n"
                                   "t:6: unknown option command 'FROB:'\n");
  assert_int_equal(d->entries.n, 4);
  assert_string_equal(d->entries.v[1].code, "LABEL");
  hf_cx_free(d);
  d = read1(HF_CX_TABARI, HF_CX_FILE_PROJECT,
            "A comment line\n"
            "<actorsfile> \tTABARI.Demo.actors\n"
            "<verbfile> x.verbs </verbfile> trailing comment\n"
            "<optionsfile>\n"
            "<glossary> x\n"
            "<coder TEST\n"
            "<session 1> <coder pas> <date Mon 18 Jun 2007>\n");
  assert_string_equal(problems(d), "t: no <optionsfile> line\n"
                                   "t:4: <optionsfile> without a file name\n"
                                   "t:5: unknown tag <glossary>\n"
                                   "t:6: '<' without '>'\n");
  hf_cx_free(d);
}

/* ---- PETRARCH ---- */

static void test_petrarch_actors(void **state) {
  (void)state;
  hf_cx_dict *d = read1(HF_CX_PETRARCH, HF_CX_FILE_ACTORS,
                        "<!-- PETRARCH VALIDATION SUITE ACTOR DICTIONARY -->\n"
                        "<!--\n"
                        "# a note [ with brackets\n"
                        "# -->\n"
                        "AFGHANISTAN_  [AFG]\n"
                        "+AFGHAN_ \n"
                        "+HELMAND # Other provinces\n"
                        "MOHAMMAD_ZAHIR_SHAH_  # CountryInfo.txt\n"
                        "\t[AFGELI 320101-331108]\n"
                        "\t[AFGGOV 331108-730717]\n"
                        "  \t[AFGELI]\n"
                        "SAM_GAMGEE [HOB]  # default first\n"
                        "\t[HOBCIV <20080120]\n"
                        "\t[HOBELI >20130119]\n"
                        "GOLLUM\n"
                        "\t[HOB < 950601]\n"
                        "\t[HOBGOV 19950601 - 19990815]\n");
  assert_string_equal(problems(d), "");
  assert_int_equal(d->actors.n, 4);
  assert_int_equal(d->actors.v[0].nnames, 3);
  assert_string_equal(name_of(d, 0, 2), "HELMAND");
  assert_int_equal(code_of(d, 1, 0)->from, 19320101);
  assert_int_equal(code_of(d, 1, 1)->to, 19730717);
  assert_int_equal(code_of(d, 2, 1)->to, 20080120);
  assert_int_equal(code_of(d, 2, 2)->from, 20130119);
  assert_int_equal(code_of(d, 3, 0)->to, 19950601);
  assert_int_equal(code_of(d, 3, 1)->from, 19950601);
  hf_cx_free(d);
  d = read1(HF_CX_PETRARCH, HF_CX_FILE_ACTORS,
            "GONDOR [GON]\n"
            "GONDOR_ [GNR]\n"
            "DENETHOR_\n"
            "\t[GONGOV 19900101-2003031]\n"
            "\t[GONELI 20030315-20030314]\n"
            "FARAMIR_ [gon]\n"
            "IVO_JOSIPOVIC_\n"
            "PRESIDENT_JOSIPOVIC_\n"
            "\t[HRVGOV >20120219]\n"
            "<!-- never closed\n");
  assert_string_equal(problems(d), "t:2: duplicate actor 'GONDOR' (first at t:1)\n"
                                   "t:4: bad date '2003031' (want YYMMDD or YYYYMMDD)\n"
                                   "t:5: date range '20030315-20030314' ends before it starts\n"
                                   "t:6: bad actor code 'gon' (codes are written in upper case)\n"
                                   "t:7: actor 'IVO_JOSIPOVIC_' has no code (a synonym of the next entry needs a "
                                   "leading '+')\n"
                                   "t:10: '<!--' is not closed (missing '-->')\n");
  hf_cx_free(d);
}

static void test_petrarch_agents(void **state) {
  (void)state;
  hf_cx_dict *d = read1(HF_CX_PETRARCH, HF_CX_FILE_AGENTS,
                        "!PERSON! = MAN, MEN, WOMAN\n"
                        "CATTLE!PERSON! [~AGR]\n"
                        "FOREIGN_!PERSON!_!PERSON! [~GOV]\n"
                        "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV] # mj\n"
                        "POLICE {} [~COP]\n"
                        "MSF {}  [NGO~]\n"
                        "FIRE!PEOPLE! [~GOV]\n"
                        "DEPARMENT_OF_ENVIRONMENT [~ENV}\n"
                        "ISLAMIC_EXTREMIST\n");
  assert_string_equal(problems(d), "t:7: undefined substitution set !PEOPLE!\n"
                                   "t:8: '[' without ']'\n"
                                   "t:9: agent 'ISLAMIC_EXTREMIST' has no code\n");
  assert_int_equal(d->agents.n, 3 + 9 + 1 + 1 + 1);
  assert_string_equal(d->agents.v[1].phrase, "CATTLEMEN");
  assert_string_equal(d->agents.v[3].phrase, "FOREIGN_MAN_MAN");
  assert_string_equal(d->agents.v[11].phrase, "FOREIGN_WOMAN_WOMAN");
  const hf_cx_agent *a = &d->agents.v[12];
  assert_string_equal(a->phrase, "ATTORNEY_GENERAL");
  assert_true(a->forms_given);
  assert_int_equal(a->nforms, 1);
  assert_string_equal(d->words.v[a->form0], "ATTORNEYS_GENERAL");
  assert_true(d->agents.v[13].forms_given);
  assert_int_equal(d->agents.v[13].nforms, 0);
  assert_true(d->agents.v[14].prefix);
  hf_cx_free(d);
}

static void test_petrarch_verbs(void **state) {
  (void)state;
  hf_cx_dict *d = read1(HF_CX_PETRARCH, HF_CX_FILE_VERBS,
                        "&AUXVERB1_\n"
                        "+WAS\n"
                        "+WERE\n"
                        "&FIGHT_OF_WORDS\n"
                        "+ARGUMENT\n"
                        "&FIGHT\n"
                        "+BATTLE\n"
                        "---  ACCELERATE   [---]  ---\n"
                        "ACCELERATE \n"
                        "HURRY {HURRIES HURRYING HURRIED }\n"
                        "+ASK_FOR {+ASKED_FOR +ASKING_FOR} [020]\n"
                        "KLM_NOP_+RST [002]\n"
                        "- * (TO BORDER)                 [154]         # RUSH\n"
                        "- * {ARMS SHIPMENT}             [072]\n"
                        "- * &SECURITY_                  [151]\n"
                        "- &FIGHT_GAMES * &FIGHT_OF_WORDS [062:062]\n"
                        "- * (BEFORE COURT)              [:173]\n"
                        "- * (OVER {&FIGHT ATTACK})      [151]\n"
                        "&SECURITY\n"
                        "+GUARD\n"
                        "---  OFFEND   [:110]  ---\n"
                        "OFFEND\n"
                        "~ a (a b ATTACK) SAY = a b 015\n");
  assert_string_equal(problems(d), "");
  assert_int_equal(d->blocks.n, 2);
  assert_string_equal(d->blocks.v[0].name, "ACCELERATE");
  assert_string_equal(d->blocks.v[0].code.code, "---");
  assert_null(d->blocks.v[1].code.code);
  assert_string_equal(d->blocks.v[1].code.code2, "110");
  assert_int_equal(d->verbs.n, 5);
  assert_int_equal(d->verbs.v[1].nforms, 3);
  assert_string_equal(d->verbs.v[2].text, "+ASK_FOR");
  assert_string_equal(d->verbs.v[2].code.code, "020");
  assert_string_equal(d->verbs.v[3].text, "KLM_NOP_+RST");
  assert_int_equal(d->patterns.n, 6);
  const hf_cx_pattern *p = &d->patterns.v[0];
  assert_int_equal(p->ntok, 5);
  assert_int_equal(tok(d, p, 1)->kind, HF_CX_T_PP_OPEN);
  assert_string_equal(tok(d, p, 2)->text, "TO");
  assert_int_equal(tok(d, p, 4)->kind, HF_CX_T_PP_CLOSE);
  p = &d->patterns.v[1];
  assert_int_equal(tok(d, p, 1)->kind, HF_CX_T_NP_OPEN);
  p = &d->patterns.v[2]; /* used before its declaration further down */
  assert_string_equal(tok(d, p, 1)->text, "SECURITY");
  p = &d->patterns.v[3]; /* &FIGHT_GAMES: synset FIGHT joined to GAMES; &FIGHT_OF_WORDS: one synset */
  assert_int_equal(p->ntok, 4);
  assert_string_equal(tok(d, p, 0)->text, "FIGHT");
  assert_true(tok(d, p, 0)->next);
  assert_string_equal(tok(d, p, 1)->text, "GAMES");
  assert_string_equal(tok(d, p, 3)->text, "FIGHT_OF_WORDS");
  p = &d->patterns.v[4];
  assert_null(p->code.code);
  assert_string_equal(p->code.code2, "173");
  assert_int_equal(d->entries.n, 1);
  assert_int_equal(d->entries.v[0].kind, HF_CX_E_TRANSFORM);
  hf_cx_free(d);
}

static void test_petrarch_verb_problems(void **state) {
  (void)state;
  hf_cx_dict *d = read1(HF_CX_PETRARCH, HF_CX_FILE_VERBS,
                        "- * ORPHAN  [190]\n"
                        "VERBLESS\n"
                        "--- DELAY [120]  [031:031]  ---\n"
                        "--- ATTACK [190] ---\n"
                        "ATTACK\n"
                        "STUN {STUNS, STUNNED}\n"
                        "STUN\n"
                        "- * &WEATHER [190]\n"
                        "- * VENTURE (WITH VISIT)   VISIT)[042:043]\n"
                        "- * DIPLXMATIC  [###]\n"
                        "- *SCEPTICAL [012]\n"
                        "- * (ON ^) [190]\n"
                        "~ a (a b ATTACK SAY = a b 190\n");
  assert_string_equal(problems(d), "t:1: pattern outside a verb block\n"
                                   "t:2: verb 'VERBLESS' outside a verb block (add a '--- NAME [code] ---' line)\n"
                                   "t:3: more than one code block\n"
                                   "t:3: verb block 'DELAY' has no verbs\n"
                                   "t:6: bad verb form 'STUNS,' (forms are separated by blanks only)\n"
                                   "t:7: duplicate verb 'STUN' (first at t:6)\n"
                                   "t:8: undefined synset '&WEATHER'\n"
                                   "t:9: ')' without '('\n"
                                   "t:10: '[' without ']' ('#' starts a comment in PETRARCH files)\n"
                                   "t:11: '*' must stand alone (only '_' may join it to a word)\n"
                                   "t:11: missing the verb marker '*'\n"
                                   "t:13: unbalanced parentheses in the transformation\n");
  hf_cx_free(d);
}

static void test_petrarch_discards_issues(void **state) {
  (void)state;
  hf_cx_dict *d = read1(HF_CX_PETRARCH, HF_CX_FILE_DISCARDS,
                        "# Story-level discards are indicated with a '+'.\n"
                        "1914\n"
                        "+World Golf Championships   # pas 26-Feb-2014\n"
                        "WORLD_GOLF_CHAMPIONSHIPS\n");
  assert_string_equal(problems(d), "t:4: duplicate discard 'WORLD_GOLF_CHAMPIONSHIPS' (first at t:3)\n");
  assert_int_equal(d->entries.v[1].kind, HF_CX_E_DISCARD_STORY);
  hf_cx_free(d);
  d = read1(HF_CX_PETRARCH, HF_CX_FILE_ISSUES,
            "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n"
            "n:preschool [EARLY_CHILDHOOD_EDUCATION]\n"
            "~a head start\n"
            "head start\n"
            "</ISSUE>\n"
            "stray [X]\n");
  assert_string_equal(problems(d), "t:4: issue phrase 'head start' has no code\n"
                                   "t:6: issue phrase outside <ISSUE> ... </ISSUE>\n");
  assert_int_equal(d->entries.n, 2);
  assert_string_equal(d->entries.v[0].group, "EDUCATION");
  hf_cx_free(d);
}

/* ---- robustness ---- */

static void test_robustness(void **state) {
  (void)state;
  static const int kinds[] = {HF_CX_FILE_PROJECT, HF_CX_FILE_ACTORS,   HF_CX_FILE_AGENTS, HF_CX_FILE_VERBS,
                              HF_CX_FILE_OPTIONS, HF_CX_FILE_DISCARDS, HF_CX_FILE_ISSUES, HF_CX_FILE_CONFIG};
  size_t big = 200000;
  char *huge = malloc(big + 1);
  for (size_t i = 0; i < big; i++) huge[i] = "[{(&+*_~!<"[i % 10];
  huge[big] = 0;
  const char nul[] = "GONDOR\0 [GON]\n- * \0 [190]\n&\0\n";
  const char *texts[] = {"", "\n\n\n", "[", "]", "{", "- * {{{{{{{{{{{{{{{{{{ [190]", "\xff\xfe GON [GON]\n",
                         "--- X [1] ---\n- ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((( * [1]\n",
                         "!A! = !A!\n!A!B [~X]\n", "&A\n+&A\n&B\n+&A_&B\n- * &A [1]\n", huge};
  for (int fam = HF_CX_TABARI; fam <= HF_CX_PETRARCH; fam++)
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
      for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        hf_cx_dict *d = read1(fam, kinds[k], texts[t]);
        hf_cx_free(d);
      }
      hf_cx_dict *d = hf_cx_new(fam);
      d->load_files = 0;
      hf_cx_read(d, kinds[k], "t", nul, sizeof nul - 1);
      hf_cx_finish(d);
      if (kinds[k] == HF_CX_FILE_ACTORS) assert_non_null(strstr(problems(d), "t:1: NUL byte"));
      hf_cx_free(d);
    }
  hf_cx_dict *d = read1(HF_CX_TABARI, HF_CX_FILE_ACTORS, "\xff\xfe GON [GON]\n");
  assert_string_equal(problems(d), "t:1: invalid UTF-8 (convert the file to UTF-8)\n");
  hf_cx_free(d);
  free(huge);
}

/* ---- loading and converting the fixture sets ---- */

static void test_fixture_sets(void **state) {
  (void)state;
  hf_cx_dict *d = hf_cx_new(HF_CX_TABARI);
  assert_int_equal(hf_tabari_load(d, FIXTURES "/tabari/good.project"), 0);
  assert_string_equal(problems(d), "");
  assert_int_equal(d->files.n, 5);
  hf_cx_free(d);
  d = hf_cx_new(HF_CX_TABARI);
  assert_int_equal(hf_tabari_load(d, FIXTURES "/tabari/bad.project"), 0);
  assert_true(d->pr.count > 40);
  assert_non_null(strstr(problems(d), "/tabari/bad.actors:14: bad date '19990230' (want YYMMDD or YYYYMMDD)\n"));
  hf_cx_free(d);
  d = hf_cx_new(HF_CX_PETRARCH);
  assert_int_equal(hf_petrarch_load(d, FIXTURES "/petrarch/good", NULL), 0);
  assert_string_equal(problems(d), "");
  assert_int_equal(d->files.n, 7);
  hf_cx_free(d);
  d = hf_cx_new(HF_CX_PETRARCH);
  assert_int_equal(hf_petrarch_load(d, FIXTURES "/no-such-dir", NULL), -1);
  hf_cx_free(d);
}

/* Finds line in text (a whole line). */
static int has_line(const char *text, const char *line) {
  size_t n = strlen(line);
  for (const char *p = text; (p = strstr(p, line)); p++)
    if ((p == text || p[-1] == '\n') && (p[n] == '\n' || !p[n])) return 1;
  return 0;
}

static void test_translate(void **state) {
  (void)state;
  hooft_error err;
  hooft_coder *ref = hooft_coder_new(FIXTURE_DICT, &err);
  assert_non_null(ref);
  hf_cx_dict *d = hf_cx_new(HF_CX_TABARI);
  hf_tabari_load(d, FIXTURES "/tabari/good.project");
  hf_cx_report rep;
  hf_cx_translate(d, ref, &rep);
  const char *leaders = hf_buf_cstr(&rep.out[3]), *roles = hf_buf_cstr(&rep.out[4]), *verbs = hf_buf_cstr(&rep.out[5]);
  assert_true(has_line(leaders, "GONMIL\tboromir|boromirs\t..1999-01-01"));
  assert_true(has_line(leaders, "GONELI\tboromir|boromirs"));
  assert_true(has_line(leaders, "GONGOV\tfaramir|faramirs\t2004-01-01.."));
  assert_true(has_line(roles, "MIL\tarmy|armies"));
  assert_false(strstr(roles, "rights group")); /* NGO~ goes before the actor's code */
  assert_true(has_line(verbs, "190\tattack !talk*"));
  assert_true(has_line(verbs, "193\tattack city*|fortress* gates*"));
  assert_true(has_line(verbs, "0234\tsend troops to +"));
  assert_true(has_line(verbs, "071\tcontribute money*"));
  assert_false(strstr(verbs, "\tmeet")); /* [036:036]: two events */
  assert_non_null(strstr(hf_buf_cstr(&rep.untranslated), "good.verbs:19: actor slot hooft cannot place: + WAS * BY $ [190]\n"));
  hf_cx_report_free(&rep);
  hf_cx_free(d);
  d = hf_cx_new(HF_CX_PETRARCH);
  hf_petrarch_load(d, FIXTURES "/petrarch/good", NULL);
  hf_cx_translate(d, ref, &rep);
  leaders = hf_buf_cstr(&rep.out[3]);
  roles = hf_buf_cstr(&rep.out[4]);
  verbs = hf_buf_cstr(&rep.out[5]);
  assert_true(has_line(leaders, "GONGOV\tdenethor|steward denethor\t1990-01-01..2003-03-14"));
  assert_true(has_line(leaders, "GONELI\tdenethor|steward denethor\t2003-03-15.."));
  assert_true(has_line(roles, "COP\tpoliceman|policemen"));
  assert_true(has_line(roles, "GGS\tgolden goose|golden geese"));
  assert_true(has_line(verbs, "190\tstrike air with sword|bow"));
  assert_true(has_line(verbs, "111\tassault argument|debate"));
  assert_true(has_line(verbs, "040\tconfer with +"));
  hf_cx_report_free(&rep);
  hf_cx_free(d);
  /* fuzz finding: a verb whose '+' has no word after it */
  d = read1(HF_CX_TABARI, HF_CX_FILE_VERBS, "ABC_+  [190]\n- * DEF  [190]\n+  [190]\nX_+_+  [190]\n");
  hf_cx_translate(d, ref, &rep);
  assert_true(has_line(hf_buf_cstr(&rep.out[5]), "190\tabc"));
  hf_cx_report_free(&rep);
  hf_cx_free(d);
  hooft_coder_free(ref);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_dates),
      cmocka_unit_test(test_tabari_actors),
      cmocka_unit_test(test_tabari_actor_problems),
      cmocka_unit_test(test_tabari_agents),
      cmocka_unit_test(test_tabari_verbs),
      cmocka_unit_test(test_tabari_verb_problems),
      cmocka_unit_test(test_tabari_options_and_project),
      cmocka_unit_test(test_petrarch_actors),
      cmocka_unit_test(test_petrarch_agents),
      cmocka_unit_test(test_petrarch_verbs),
      cmocka_unit_test(test_petrarch_verb_problems),
      cmocka_unit_test(test_petrarch_discards_issues),
      cmocka_unit_test(test_robustness),
      cmocka_unit_test(test_fixture_sets),
      cmocka_unit_test(test_translate),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
