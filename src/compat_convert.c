/* compat_convert.c: writes a TABARI/PETRARCH dictionary model as hooft's own dictionary files,
 * with a README of everything that could not be translated faithfully and why. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "compat.h"

/* Outcomes, counted in hf_cx_report.counts. "left out" ones are listed in untranslated.txt. */
enum {
  R_ACTOR_PHRASE = 0, /* written */
  R_ACTOR_STEM,       /* caveat */
  R_ACTOR_PLURAL,     /* written (generated) */
  R_ACTOR_DUP,        /* left out */
  R_ACTOR_BADPHRASE,  /* left out */
  R_ACTOR_SPECIAL,    /* left out (code) */
  R_ACTOR_COMPOUND,   /* left out (code) */
  R_ACTOR_BADCODE,    /* left out (code) */
  R_ACTOR_NOCODE,     /* left out (actor) */
  R_ACTOR_GAP,        /* caveat */
  R_AGENT_PHRASE,     /* written */
  R_AGENT_PLURAL,     /* written (generated) */
  R_AGENT_PREFIX,     /* left out */
  R_AGENT_BADCODE,    /* left out */
  R_AGENT_DUP,        /* left out */
  R_VERB_ROOT,        /* written */
  R_VERB_NULL,        /* faithful: nothing to write */
  R_PAT_VERB_ONLY,    /* written */
  R_PAT_RELAXED,      /* written, caveat */
  R_PAT_BEFORE,       /* left out */
  R_PAT_SLOT,         /* left out */
  R_PAT_PAIRED,       /* left out */
  R_PAT_FLAG,         /* left out */
  R_PAT_DISCARD,      /* left out */
  R_PAT_COMPLEX,      /* left out */
  R_PAT_NOTCAMEO,     /* left out */
  R_PAT_TOOMANY,      /* left out */
  R_PAT_BADWORD,      /* left out */
  R_PAT_NULL_FOLDED,  /* written as exclusions */
  R_PAT_NULL_NOOP,    /* faithful */
  R_PAT_NULL_LOST,    /* left out, caveat */
  R_PAT_NOCODE,       /* left out */
  R_HEAD_STEM,        /* caveat */
  R_HEAD_UNKNOWN,     /* caveat */
  R_HEAD_BAD,         /* left out */
  R_FORM_UNREDUCED,   /* caveat */
  R_TIME,             /* left out */
  R_ATTRIB,           /* left out */
  R_NOUN,             /* left out */
  R_DISCARD,          /* left out */
  R_ISSUE,            /* left out */
  R_TRANSFORM,        /* left out */
  R_OPTION,           /* left out */
  R_LINES_DUP,        /* identical hooft lines written once */
  R_NKINDS
};

typedef struct reason_info {
  const char *tag;  /* in untranslated.txt */
  const char *text; /* README explanation */
} reason_info;

static const reason_info reasons[R_NKINDS] = {
    [R_ACTOR_PHRASE] = {NULL, "actor phrases written"},
    [R_ACTOR_STEM] = {NULL, "actor phrases are TABARI stems (no final '_'): TABARI also matches longer words that "
                            "start with them (ARGENTIN -> ARGENTINA); hooft matches the word itself only"},
    [R_ACTOR_PLURAL] = {NULL, "regular plurals generated for TABARI actor phrases (TABARI adds -S itself)"},
    [R_ACTOR_DUP] = {"duplicate actor phrase", "actor phrases left out as duplicates of another entry (TABARI keeps the "
                                               "first entry, PETRARCH the last; phrases that differ only in '_' versus "
                                               "blank are the same phrase for hooft)"},
    [R_ACTOR_BADPHRASE] = {"phrase hooft cannot represent", "actor or agent phrases left out because hooft cannot "
                                                           "represent them (no word, or a '|' or '#')"},
    [R_ACTOR_SPECIAL] = {"special actor code", "actor codes left out because they are null [---], discard [###] or "
                                               "complex [+++] codes: hooft has no such codes (a null-coded phrase "
                                               "there stops a shorter actor from matching; in hooft it matches)"},
    [R_ACTOR_COMPOUND] = {"coded compound actor", "actor codes left out because they are coded compounds "
                                                  "(FRO/BIL/SAM): hooft gives a phrase one code at a time"},
    [R_ACTOR_BADCODE] = {"actor code hooft cannot use", "actor codes left out because hooft needs 3 to 24 capital "
                                                        "letters or digits"},
    [R_ACTOR_NOCODE] = {"actor without a usable code", "actors left out because none of their codes could be used"},
    [R_ACTOR_GAP] = {NULL, "actors have dated codes that leave dates uncovered and no usable default code: there "
                           "TABARI/PETRARCH assign no code, hooft uses the dated code nearest in time"},
    [R_AGENT_PHRASE] = {NULL, "agent (role) phrases written"},
    [R_AGENT_PLURAL] = {NULL, "regular plurals generated for agents (both programs add them; PETRARCH's {...} "
                              "forms are used instead where given)"},
    [R_AGENT_PREFIX] = {"agent code before the actor's", "agents left out because their code goes before the "
                                                         "actor's (CODE~, e.g. NGO~): hooft appends role codes"},
    [R_AGENT_BADCODE] = {"agent code hooft cannot use", "agents left out because hooft's role codes are 3-letter "
                                                        "groups (GOV, GOVFRM)"},
    [R_AGENT_DUP] = {"duplicate agent phrase", "agent phrases left out as duplicates"},
    [R_VERB_ROOT] = {NULL, "verbs written as a bare head pattern (the verb's own code)"},
    [R_VERB_NULL] = {NULL, "verbs with a null code [---] alone: nothing to write (hooft codes no event without a "
                           "pattern)"},
    [R_PAT_VERB_ONLY] = {NULL, "patterns that are the verb alone (with its extra words), written"},
    [R_PAT_RELAXED] = {NULL, "patterns written with their word order and adjacency relaxed: TABARI/PETRARCH match "
                             "the words in order after the verb ('_' means immediately after, {..} and (..) are "
                             "phrases of the parse); hooft requires them anywhere in the clause"},
    [R_PAT_BEFORE] = {"words before the verb", "patterns left out because they have words before the verb (NOT *, "
                                               "SAID *, + WAS * BY $): TABARI's ordered context; hooft's clause "
                                               "analysis handles negation, passive and reported speech instead"},
    [R_PAT_SLOT] = {"actor slot hooft cannot place", "patterns left out because they place actors with $, %, ^ or @, "
                                                     "or a + that does not follow a preposition"},
    [R_PAT_PAIRED] = {"paired or passive code", "patterns left out because their code is paired or passive "
                                                "([042:043], [:173]): hooft codes one event per clause"},
    [R_PAT_FLAG] = {"dominant or subordinate code", "patterns left out because their code is dominant (!) or "
                                                    "subordinate (?): hooft ranks patterns by their elements"},
    [R_PAT_DISCARD] = {"discard code", "patterns and verbs left out because their code is discard [###]: hooft "
                                       "does not discard sentences"},
    [R_PAT_COMPLEX] = {"complex code", "patterns and verbs left out because their code is complex [+++]: hooft "
                                       "has no complexity filter"},
    [R_PAT_NOTCAMEO] = {"not a CAMEO event code", "patterns and verbs left out because their code is not in hooft's "
                                                  "CAMEO table (WEIS codes, 075A, ...)"},
    [R_PAT_TOOMANY] = {"alternatives too complex", "patterns left out because their alternatives and synsets do "
                                                   "not expand into at most 64 hooft patterns of single words (64 "
                                                   "elements at most)"},
    [R_PAT_BADWORD] = {"word hooft cannot hold", "patterns left out because a word has a character hooft patterns "
                                                 "reserve (| ! * + $ # =)"},
    [R_PAT_NULL_FOLDED] = {NULL, "null-coded patterns '* WORD [---]' written as exclusions (!word) on the verb's "
                                 "bare pattern"},
    [R_PAT_NULL_NOOP] = {NULL, "null-coded patterns of verbs that code nothing alone: no effect in hooft either"},
    [R_PAT_NULL_LOST] = {"null-coded context", "null-coded patterns left out: the context they exclude cannot be "
                                               "expressed, so hooft codes the verb's bare pattern there"},
    [R_PAT_NOCODE] = {"no code", "patterns left out because neither they nor their verb have a code"},
    [R_HEAD_STEM] = {NULL, "verb stems completed to a lemma (CONTRIBUT -> contribute): TABARI also matched other "
                           "words starting with the stem (CONTRIBUTION)"},
    [R_HEAD_UNKNOWN] = {NULL, "verbs kept as written because they are not a known English verb lemma (nouns, "
                              "inflected or misspelt forms): check them"},
    [R_HEAD_BAD] = {"verb hooft cannot use as a head", "verbs left out because they give no usable head word"},
    [R_FORM_UNREDUCED] = {"irregular form not reduced", "irregular verb forms that hooft's lemmatizer does not reduce "
                                                        "to the head: those forms will not match"},
    [R_TIME] = {"<TIME> phrase", "time-shifting phrases left out: hooft dates events from the text itself"},
    [R_ATTRIB] = {"<ATTRIB> phrase", "attribution phrases left out: hooft finds attribution with its claims "
                                     "dictionaries"},
    [R_NOUN] = {"noun or adjective", "<NOUN>/<ADJECTIVE> words left out: hooft's parser does not need them"},
    [R_DISCARD] = {"discard", "discard phrases left out: hooft has no discards"},
    [R_ISSUE] = {"issue", "issue phrases left out: hooft has no issue coding"},
    [R_TRANSFORM] = {"transformation", "PETRARCH transformations left out: hooft's reported-clause analysis plays "
                                       "their part"},
    [R_OPTION] = {"option", "TABARI options left out (complexity filters, labels, output fields)"},
    [R_LINES_DUP] = {NULL, "identical hooft lines written once"},
};

typedef struct conv {
  const hf_cx_dict *d;
  hooft_coder *ref;
  hf_cx_report *rep;
  hf_buf *files;       /* rep->out: countries, regions, igos, leaders, roles, verbs */
  hf_buf *untranslated;
  hf_map lines;        /* verbs lines written (dedup) */
  hf_map states, regions, local3; /* 3-letter codes */
  long budget;         /* synset expansions left for the pattern being translated */
  hf_arena tmp;
} conv;

enum { OUT_COUNTRIES = 0, OUT_REGIONS, OUT_IGOS, OUT_LEADERS, OUT_ROLES, OUT_VERBS };
const char *const hf_cx_out_names[6] = {"actors/countries.txt", "actors/regions.txt", "actors/igos.txt",
                                         "actors/leaders.txt",   "actors/roles.txt",   "en/verbs.txt"};

static void count(conv *cv, int r, size_t n) { cv->rep->counts[r] += n; }

/* Records an entry left out: "file:line: reason: text". */
static void leave_out(conv *cv, int r, const char *file, int line, const char *text) {
  count(cv, r, 1);
  hf_buf_printf(cv->untranslated, "%s:%d: %s: %s\n", file, line, reasons[r].tag ? reasons[r].tag : "note",
                text ? text : "");
}

/* ---- Phrases ---- */

/* hooft's form of a TABARI/PETRARCH phrase: '_' and blanks become one blank, a final '_'
 * or '=' goes, letters are lower-cased. NULL when hooft cannot represent it. */
static const char *hooft_phrase(conv *cv, const char *text, int *stem) {
  size_t n = strlen(text);
  char *o = hf_arena_alloc(&cv->tmp, n + 1);
  size_t k = 0;
  int blank = 0, alnum = 0;
  *stem = 0;
  if (n && text[n - 1] != '_' && text[n - 1] != '=') *stem = 1;
  for (size_t i = 0; i < n; i++) {
    char c = text[i];
    if (c == '_' || c == ' ' || c == '\t') {
      blank = 1;
      continue;
    }
    if (c == '=' && i == n - 1) continue;
    if (c == '|' || c == '#' || (c == '=' && !k)) return NULL;
    if (blank && k) o[k++] = ' ';
    blank = 0;
    if (isalnum((unsigned char)c) || (unsigned char)c >= 0x80) alnum = 1;
    o[k++] = (char)tolower((unsigned char)c);
  }
  o[k] = 0;
  return alnum ? o : NULL;
}

/* Regular English plural of the last word of phrase (NULL when it already ends in s). */
static const char *plural(conv *cv, const char *p) {
  size_t n = strlen(p);
  if (!n || !isalpha((unsigned char)p[n - 1]) || p[n - 1] == 's') return NULL;
  char *o = hf_arena_alloc(&cv->tmp, n + 4);
  memcpy(o, p, n + 1);
  char last = p[n - 1], before = n > 1 ? p[n - 2] : 0;
  if (n >= 3 && !strcmp(p + n - 3, "man")) /* policeman -> policemen */
    strcpy(o + n - 2, "en");
  else if (n >= 6 && !strcmp(p + n - 6, "person"))
    strcpy(o + n - 6, "people");
  else if (n >= 5 && !strcmp(p + n - 5, "child"))
    strcpy(o + n, "ren");
  else if (last == 'y' && before && !strchr("aeiou", before))
    strcpy(o + n - 1, "ies");
  else if (last == 'x' || last == 'z' || (last == 'h' && (before == 'c' || before == 's')))
    strcpy(o + n, "es");
  else
    strcpy(o + n, "s");
  return o;
}

static void ymd(char *buf, size_t n, int v) { snprintf(buf, n, "%04d-%02d-%02d", v / 10000, v / 100 % 100, v % 100); }

/* ---- Actors ---- */

static int is_special(const char *c) {
  return !strcmp(c, HF_CX_NULL) || !strcmp(c, HF_CX_DISCARD) || !strcmp(c, HF_CX_COMPLEX);
}

static int hooft_code_ok(const char *c, size_t min, size_t max) {
  size_t n = strlen(c);
  if (n < min || n > max) return 0;
  for (size_t i = 0; i < n; i++)
    if (!((c[i] >= 'A' && c[i] <= 'Z') || (c[i] >= '0' && c[i] <= '9'))) return 0;
  return 1;
}

/* The hooft actor file for an undated code. */
static int actor_file(conv *cv, const char *code) {
  static const char *const orgs[] = {"IGO", "NGO", "NGM", "IMG", "MNC", "UNO", NULL};
  for (int i = 0; orgs[i]; i++)
    if (!strncmp(code, orgs[i], 3)) return OUT_IGOS;
  if (strlen(code) == 3 && hf_map_get(&cv->regions, code)) return OUT_REGIONS;
  if (hf_map_getn(&cv->states, code, 3) || hf_map_getn(&cv->local3, code, 3)) return OUT_COUNTRIES;
  return OUT_IGOS;
}

static int next_day(int v) {
  int y = v / 10000, m = v / 100 % 100, dd = v % 100;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int dim = m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : days[m - 1];
  if (++dd > dim) {
    dd = 1;
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return y * 10000 + m * 100 + dd;
}

static int cmp_range(const void *a, const void *b) {
  const int *x = a, *y = b;
  return (x[0] > y[0]) - (x[0] < y[0]);
}

/* Do the dated codes cover every date? */
static int covers_all(const hf_cx_code **codes, size_t n) {
  int(*r)[2] = hf_xmalloc((n ? n : 1) * sizeof *r);
  for (size_t i = 0; i < n; i++) {
    r[i][0] = codes[i]->from ? codes[i]->from : 0;
    r[i][1] = codes[i]->to ? codes[i]->to : INT_MAX;
  }
  qsort(r, n, sizeof *r, cmp_range);
  int ok = n && r[0][0] == 0;
  int reach = ok ? r[0][1] : 0;
  for (size_t i = 1; i < n && ok && reach != INT_MAX; i++) {
    if (r[i][0] > next_day(reach)) ok = 0;
    if (r[i][1] > reach) reach = r[i][1];
  }
  ok = ok && reach == INT_MAX;
  free(r);
  return ok;
}

/* Appends "CODE<TAB>p|p|...[<TAB>range]" lines (at most 500 phrases a line). */
static void actor_lines(conv *cv, int out, const char *code, const char **ph, size_t n, int from, int to) {
  for (size_t i = 0; i < n; i += 500) {
    hf_buf *b = &cv->files[out];
    hf_buf_printf(b, "%s\t", code);
    for (size_t k = i; k < n && k < i + 500; k++) hf_buf_printf(b, "%s%s", k > i ? "|" : "", ph[k]);
    if (from || to) {
      char f[16] = "", t[16] = "";
      if (from) ymd(f, sizeof f, from);
      if (to) ymd(t, sizeof t, to);
      hf_buf_printf(b, "\t%s..%s", f, t);
    }
    hf_buf_putc(b, '\n');
    if (out == OUT_ROLES)
      cv->rep->role_lines++;
    else
      cv->rep->actor_lines++;
  }
}

/* The state and region codes hooft knows (for the actor file of each code). */
static void known_codes(conv *cv) {
  hooft_coder *ref = cv->ref;
  hf_map *maps[2] = {&ref->phrases, &ref->exact_phrases};
  for (int m = 0; m < 2; m++)
    for (size_t s = 0; s < maps[m]->cap; s++)
      for (hf_phrase *p = maps[m]->slots[s].key ? maps[m]->slots[s].value : NULL; p; p = p->next)
        for (size_t k = 0; k < p->codes.n; k++) {
          const char *code = p->codes.v[k].code;
          if (p->kind == HF_ACT_STATE && strlen(code) >= 3)
            hf_map_put(&cv->states, hf_arena_strndup(&cv->tmp, code, 3), (void *)code);
          if (p->kind == HF_ACT_REGION && strlen(code) == 3) hf_map_put(&cv->regions, code, (void *)code);
        }
}

/* Writes every actor: phrases in hooft's form (duplicates dropped as the source program
 * does), one line per usable code into the actor file its code belongs to (dated: leaders). */
static void convert_actors(conv *cv) {
  const hf_cx_dict *d = cv->d;
  if (!d->actors.n) return;
  known_codes(cv);
  int tabari = d->format == HF_CX_TABARI;
  /* which actor owns each hooft phrase: TABARI keeps the first entry, PETRARCH the last */
  hf_map owner = {0};
  for (size_t a = 0; a < d->actors.n; a++) {
    const hf_cx_actor *ac = &d->actors.v[a];
    for (size_t i = 0; i < ac->nnames; i++) {
      int stem;
      const char *p = hooft_phrase(cv, d->names.v[ac->name0 + i].text, &stem);
      if (!p) continue;
      void **slot = hf_map_slot_for(&owner, p);
      if (!*slot || !tabari) *slot = (void *)(uintptr_t)(a + 1);
    }
    for (size_t i = 0; i < ac->ncodes; i++) { /* undated 3-letter codes count as states */
      const hf_cx_code *c = &d->codes.v[ac->code0 + i];
      if (!c->from && !c->to && strlen(c->code) == 3 && hooft_code_ok(c->code, 3, 3))
        hf_map_put(&cv->local3, c->code, (void *)c->code);
    }
  }
  HF_VEC(const char *) ph = {0};
  HF_VEC(const hf_cx_code *) usable = {0};
  for (size_t a = 0; a < d->actors.n; a++) {
    const hf_cx_actor *ac = &d->actors.v[a];
    ph.n = usable.n = 0;
    for (size_t i = 0; i < ac->nnames; i++) {
      const hf_cx_name *nm = &d->names.v[ac->name0 + i];
      int stem;
      const char *p = hooft_phrase(cv, nm->text, &stem);
      if (!p) {
        leave_out(cv, R_ACTOR_BADPHRASE, ac->file, nm->line, nm->text);
        continue;
      }
      if ((uintptr_t)hf_map_get(&owner, p) != a + 1) {
        leave_out(cv, R_ACTOR_DUP, ac->file, nm->line, nm->text);
        continue;
      }
      hf_map_put(&owner, p, (void *)(uintptr_t)(SIZE_MAX)); /* written once */
      HF_VEC_PUSH(ph, p);
      count(cv, R_ACTOR_PHRASE, 1);
      if (tabari && stem) count(cv, R_ACTOR_STEM, 1);
      const char *pl = tabari ? plural(cv, p) : NULL;
      if (pl && !hf_map_get(&owner, pl)) {
        hf_map_put(&owner, pl, (void *)(uintptr_t)(SIZE_MAX));
        HF_VEC_PUSH(ph, pl);
        count(cv, R_ACTOR_PLURAL, 1);
      }
    }
    if (!ph.n) continue;
    int dated = 0, has_default = 0;
    for (size_t i = 0; i < ac->ncodes; i++) {
      const hf_cx_code *c = &d->codes.v[ac->code0 + i];
      char what[160];
      snprintf(what, sizeof what, "%s [%s]", d->names.v[ac->name0].text, c->code);
      if (is_special(c->code)) {
        leave_out(cv, R_ACTOR_SPECIAL, ac->file, c->line, what);
        continue;
      }
      if (strchr(c->code, '/')) {
        leave_out(cv, R_ACTOR_COMPOUND, ac->file, c->line, what);
        continue;
      }
      if (!hooft_code_ok(c->code, 3, 24)) {
        leave_out(cv, R_ACTOR_BADCODE, ac->file, c->line, what);
        continue;
      }
      HF_VEC_PUSH(usable, c);
      if (c->from || c->to)
        dated = 1;
      else
        has_default = 1;
    }
    if (!usable.n) {
      leave_out(cv, R_ACTOR_NOCODE, ac->file, ac->line, d->names.v[ac->name0].text);
      continue;
    }
    if (dated && !has_default) {
      HF_VEC(const hf_cx_code *) dc = {0};
      for (size_t i = 0; i < ac->ncodes; i++) HF_VEC_PUSH(dc, &d->codes.v[ac->code0 + i]);
      int null_default = 0; /* an unusable default ([---]) leaves dates without a code too */
      for (size_t i = 0; i < dc.n; i++)
        if (!dc.v[i]->from && !dc.v[i]->to) null_default = 1;
      size_t k = 0;
      for (size_t i = 0; i < dc.n; i++)
        if (dc.v[i]->from || dc.v[i]->to) dc.v[k++] = dc.v[i];
      if (null_default || !covers_all(dc.v, k)) count(cv, R_ACTOR_GAP, 1);
      free(dc.v);
    }
    for (size_t i = 0; i < usable.n; i++) {
      const hf_cx_code *c = usable.v[i];
      int out = dated ? OUT_LEADERS : actor_file(cv, c->code);
      actor_lines(cv, out, c->code, ph.v, ph.n, c->from, c->to);
    }
  }
  free(ph.v);
  free(usable.v);
  hf_map_free(&owner);
}

/* Writes the agents as roles (~CODE only), with their plurals. */
static void convert_agents(conv *cv) {
  const hf_cx_dict *d = cv->d;
  int tabari = d->format == HF_CX_TABARI;
  hf_map owner = {0};
  for (size_t a = 0; a < d->agents.n; a++) {
    int stem;
    const char *p = hooft_phrase(cv, d->agents.v[a].phrase, &stem);
    if (!p) continue;
    void **slot = hf_map_slot_for(&owner, p);
    if (!*slot || !tabari) *slot = (void *)(uintptr_t)(a + 1);
  }
  HF_VEC(const char *) ph = {0};
  for (size_t a = 0; a < d->agents.n; a++) {
    const hf_cx_agent *ag = &d->agents.v[a];
    char what[160];
    snprintf(what, sizeof what, "%s [%s%s%s]", ag->phrase, ag->prefix ? "" : "~", ag->code, ag->prefix ? "~" : "");
    int stem;
    const char *p = hooft_phrase(cv, ag->phrase, &stem);
    if (!p) {
      leave_out(cv, R_ACTOR_BADPHRASE, ag->file, ag->line, what);
      continue;
    }
    if ((uintptr_t)hf_map_get(&owner, p) != a + 1) {
      leave_out(cv, R_AGENT_DUP, ag->file, ag->line, what);
      continue;
    }
    if (ag->prefix) {
      leave_out(cv, R_AGENT_PREFIX, ag->file, ag->line, what);
      continue;
    }
    if (!hooft_code_ok(ag->code, 3, 24) || strlen(ag->code) % 3) {
      leave_out(cv, R_AGENT_BADCODE, ag->file, ag->line, what);
      continue;
    }
    ph.n = 0;
    HF_VEC_PUSH(ph, p);
    count(cv, R_AGENT_PHRASE, 1);
    if (ag->forms_given) {
      for (size_t i = 0; i < ag->nforms; i++) {
        const char *f = hooft_phrase(cv, d->words.v[ag->form0 + i], &stem);
        if (f && strcmp(f, p)) HF_VEC_PUSH(ph, f);
      }
    } else {
      const char *pl = plural(cv, p);
      if (pl && !hf_map_get(&owner, pl)) {
        HF_VEC_PUSH(ph, pl);
        count(cv, R_AGENT_PLURAL, 1);
      }
    }
    actor_lines(cv, OUT_ROLES, ag->code, ph.v, ph.n, 0, 0);
  }
  free(ph.v);
  hf_map_free(&owner);
}

/* ---- Verbs ---- */

/* "text [code:code2!]" for untranslated.txt. */
static void pattern_what(char *buf, size_t n, const hf_cx_pattern *p) {
  char flag[2] = {p->code.flag, 0};
  snprintf(buf, n, "%s [%s%s%s%s]", p->text, p->code.code ? p->code.code : "", p->code.code2 ? ":" : "",
           p->code.code2 ? p->code.code2 : "", flag);
}

/* A verb's head lemma and the other words of a multi-word verb. */
typedef struct head {
  const char *lemma;
  const char *extra[16];
  int nextra;
} head;

static int word_ok(const char *w) {
  if (!*w) return 0;
  for (const char *c = w; *c; c++)
    if (*c == '|' || *c == '!' || *c == '*' || *c == '+' || *c == '$' || *c == '#' || *c == '=' || *c == ' ')
      return 0;
  return 1;
}

static const char *lower(conv *cv, const char *s, size_t n) {
  char *o = hf_arena_alloc(&cv->tmp, n + 1);
  for (size_t i = 0; i < n; i++) o[i] = (char)tolower((unsigned char)s[i]);
  return o;
}

static int known_verb(conv *cv, const char *w) {
  return hf_map_get(&cv->ref->lang[HF_LANG_EN].known, w) != NULL;
}

/* The lemma hooft would give word w, or w itself. */
static const char *lemma_of(conv *cv, const char *w) {
  const char *l = hf_lemma(cv->ref, HF_LANG_EN, w);
  return l ? l : w;
}

/* Splits a verb as written into its head lemma and extra words; 0 or -1. Counts stems
 * completed and heads not known as verbs (once per verb: count set). */
static int make_head(conv *cv, const hf_cx_verb *v, head *h, int count_it) {
  int tabari = cv->d->format == HF_CX_TABARI;
  const char *t = v->text;
  const char *words[17];
  size_t lens[17];
  int nw = 0, verb = 0, exact_last = 0;
  for (const char *p = t; *p && nw < 17;) {
    while (*p == '_' || *p == ' ' || *p == '~') p++;
    if (!*p) break;
    int marked = *p == '+';
    if (marked) {
      p++;
      verb = nw;
    }
    const char *s = p;
    while (*p && *p != '_' && *p != ' ' && *p != '~') p++;
    size_t n = (size_t)(p - s);
    exact_last = *p == '_' || (n && s[n - 1] == '=');
    if (n && s[n - 1] == '=') n--;
    if (!n) continue;
    words[nw] = s;
    lens[nw++] = n;
  }
  if (!nw || nw > 16) return -1;
  if (verb >= nw) verb = 0; /* a '+' with no word after it */
  h->nextra = 0;
  for (int i = 0; i < nw; i++) {
    const char *w = lower(cv, words[i], lens[i]);
    if (!word_ok(w)) return -1;
    if (i != verb) h->extra[h->nextra++] = w;
  }
  const char *w = lower(cv, words[verb], lens[verb]);
  int stem = tabari && nw == 1 && !exact_last;
  static const char *const endings[] = {"", "e", "y", "ize", "ise", "ate", "d", NULL};
  for (int i = 0; endings[i]; i++) {
    if (i && !stem) break;
    size_t wl = strlen(w);
    char *cand = hf_arena_alloc(&cv->tmp, wl + 4);
    memcpy(cand, w, wl);
    strcpy(cand + wl, endings[i]);
    const char *l = lemma_of(cv, cand);
    if (known_verb(cv, l)) {
      h->lemma = hf_arena_strdup(&cv->tmp, l);
      if (i && count_it) count(cv, R_HEAD_STEM, 1);
      return 0;
    }
  }
  h->lemma = lemma_of(cv, w);
  if (count_it) count(cv, R_HEAD_UNKNOWN, 1);
  return 0;
}

/* Why an event code cannot be written (an R_* reason), or -1 when it can. */
static int code_reason(conv *cv, const hf_cx_evcode *c) {
  if (!c->code && c->code2) return R_PAT_PAIRED;
  if (!c->code) return R_PAT_NOCODE;
  if (!strcmp(c->code, HF_CX_DISCARD)) return R_PAT_DISCARD;
  if (!strcmp(c->code, HF_CX_COMPLEX)) return R_PAT_COMPLEX;
  if (!strcmp(c->code, HF_CX_NULL)) return R_VERB_NULL;
  if (c->code2) return R_PAT_PAIRED;
  if (c->flag) return R_PAT_FLAG;
  if (!hf_map_get(&cv->ref->cameo, c->code)) return R_PAT_NOTCAMEO;
  return -1;
}

/* A hooft pattern being built: its elements ("word", "a|b", "in +"). */
typedef struct partial {
  const char *el[64];
  int n;
} partial;

typedef struct expansion {
  partial *p;
  size_t n;
  int overflow;
} expansion;

static void exp_add(expansion *e, const char *el) {
  for (size_t i = 0; i < e->n; i++) {
    if (e->p[i].n >= 60)
      e->overflow = 1;
    else
      e->p[i].el[e->p[i].n++] = el;
  }
}

/* Every partial followed by each of the word sequences in seqs (a cross product). */
static void exp_cross(expansion *e, const char ***seqs, const int *lens, size_t nseq) {
  if (e->n * nseq > 64 || !nseq) {
    e->overflow = 1;
    return;
  }
  partial *np = hf_xcalloc(e->n * nseq, sizeof *np);
  size_t k = 0;
  for (size_t i = 0; i < e->n; i++)
    for (size_t s = 0; s < nseq; s++) {
      np[k] = e->p[i];
      for (int w = 0; w < lens[s]; w++) {
        if (np[k].n >= 60)
          e->overflow = 1;
        else
          np[k].el[np[k].n++] = seqs[s][w];
      }
      k++;
    }
  free(e->p);
  e->p = np;
  e->n = k;
}

/* A word token as a hooft element: TABARI stems become prefix wildcards. */
static const char *word_el(conv *cv, const hf_cx_tok *t) {
  const char *w = lower(cv, t->text, strlen(t->text));
  if (!word_ok(w)) return NULL;
  if (cv->d->format == HF_CX_TABARI && !t->exact) {
    char *s = hf_arena_alloc(&cv->tmp, strlen(w) + 2);
    sprintf(s, "%s*", w);
    return s;
  }
  return w;
}

typedef HF_VEC(const char **) seqvec;
typedef HF_VEC(int) intvec;

/* Appends to seqs the word sequences a synset stands for (members of nested synsets
 * expanded). Returns 0, or -1 when a member has something other than words. */
static int synset_seqs(conv *cv, const char *name, seqvec *seqs, intvec *lens, int depth) {
  const hf_cx_dict *d = cv->d;
  uintptr_t idx = (uintptr_t)hf_map_get(&d->synset_names, name);
  if (idx < 2 || depth > 8 || --cv->budget < 0) return -1;
  const hf_cx_synset *ss = &d->synsets.v[idx - 2];
  for (size_t m = 0; m < ss->nseqs; m++) {
    const hf_cx_seq *q = &d->seqs.v[ss->seq0 + m];
    if (q->ntok == 1 && d->toks.v[q->tok0].kind == HF_CX_T_SYNSET) {
      if (synset_seqs(cv, d->toks.v[q->tok0].text, seqs, lens, depth + 1) < 0) return -1;
      continue;
    }
    const char **ws = hf_arena_alloc(&cv->tmp, (q->ntok + 1) * sizeof *ws);
    int n = 0;
    for (size_t k = 0; k < q->ntok; k++) {
      const hf_cx_tok *t = &d->toks.v[q->tok0 + k];
      if (t->kind != HF_CX_T_WORD) return -1; /* nested synsets inside a longer member, slots */
      const char *w = word_el(cv, t);
      if (!w) return -1;
      ws[n++] = w;
    }
    if (seqs->n >= 4096) return -1;
    HF_VEC_PUSH(*seqs, ws);
    HF_VEC_PUSH(*lens, n);
  }
  return 0;
}

/* Adds a set of alternatives: the one-word alternatives as "a|b|c" elements (at most 32
 * alternatives each, hooft's limit), every longer alternative as its own sequence of words;
 * each partial pattern is then followed by each of these (a cross product). */
static void exp_alternatives(expansion *e, const seqvec *seqs, const intvec *lens, conv *cv) {
  size_t nsingle = 0;
  for (size_t i = 0; i < seqs->n; i++) nsingle += lens->v[i] == 1;
  size_t groups = (nsingle + 31) / 32, nout = groups + (seqs->n - nsingle);
  const char ***out = hf_xcalloc(nout ? nout : 1, sizeof *out);
  int *outl = hf_xcalloc(nout ? nout : 1, sizeof *outl);
  size_t k = 0, seen = 0;
  hf_buf b = {0};
  for (size_t i = 0; i < seqs->n; i++) {
    if (lens->v[i] != 1) {
      out[k] = seqs->v[i];
      outl[k++] = lens->v[i];
      continue;
    }
    const char *w = seqs->v[i][0];
    if (b.len) {
      /* skip an alternative already in this group */
      const char *g = hf_buf_cstr(&b);
      size_t wl = strlen(w);
      int dup = 0;
      for (const char *c = g; *c && !dup; c += strcspn(c, "|"), c += *c == '|')
        dup = !strncmp(c, w, wl) && (c[wl] == '|' || !c[wl]);
      if (dup) continue;
      hf_buf_putc(&b, '|');
    }
    hf_buf_puts(&b, w);
    if (++seen % 32 == 0 || seen == nsingle) {
      const char **one = hf_arena_alloc(&cv->tmp, sizeof *one);
      one[0] = hf_arena_strdup(&cv->tmp, hf_buf_cstr(&b));
      b.len = 0;
      out[k] = one;
      outl[k++] = 1;
    }
  }
  if (b.len) { /* duplicates skipped at the end of the last group */
    const char **one = hf_arena_alloc(&cv->tmp, sizeof *one);
    one[0] = hf_arena_strdup(&cv->tmp, hf_buf_cstr(&b));
    out[k] = one;
    outl[k++] = 1;
  }
  hf_buf_free(&b);
  exp_cross(e, out, outl, k);
  free(out);
  free(outl);
}

/* Translates the tokens after the verb into hooft elements. Returns -1 (all written) or the
 * reason the pattern cannot be translated. *relaxed is set when order or adjacency is lost. */
static int expand_pattern(conv *cv, const hf_cx_pattern *p, expansion *e, int *relaxed) {
  const hf_cx_dict *d = cv->d;
  const hf_cx_tok *t = &d->toks.v[p->tok0];
  size_t n = p->ntok, vi = 0;
  while (vi < n && t[vi].kind != HF_CX_T_VERB) vi++;
  if (vi == n) return R_PAT_SLOT;
  for (size_t k = 0; k < vi; k++) {
    int kind = t[k].kind;
    if (kind == HF_CX_T_SOURCE && vi == 1) continue; /* "$ *" */
    if (kind == HF_CX_T_SOURCE || kind == HF_CX_T_TARGET || kind == HF_CX_T_BOTH || kind == HF_CX_T_SKIP ||
        kind == HF_CX_T_ATTRIB)
      return R_PAT_SLOT;
  }
  *relaxed = 0;
  if (vi == 1 && t[0].kind == HF_CX_T_SOURCE) { /* "$ *": the subject is the source, as in hooft */
    *relaxed = 1;
  } else if (vi > 0) {
    return R_PAT_BEFORE;
  }
  for (size_t k = vi + 1; k < n; k++) {
    const hf_cx_tok *tk = &t[k];
    switch (tk->kind) {
    case HF_CX_T_WORD: {
      if (k + 1 < n && t[k + 1].kind == HF_CX_T_TARGET) { /* PREP + */
        const char *w = lower(cv, tk->text, strlen(tk->text));
        if (!word_ok(w)) return R_PAT_BADWORD;
        char *el = hf_arena_alloc(&cv->tmp, strlen(w) + 3);
        sprintf(el, "%s +", w);
        exp_add(e, el);
        k++;
        *relaxed = 1;
        break;
      }
      const char *el = word_el(cv, tk);
      if (!el) return R_PAT_BADWORD;
      exp_add(e, el);
      *relaxed = 1;
      break;
    }
    case HF_CX_T_TARGET:
      if (t[k - 1].kind != HF_CX_T_VERB) return R_PAT_SLOT;
      *relaxed = 1; /* "* +": the direct object, hooft's default target */
      break;
    case HF_CX_T_SYNSET: {
      seqvec seqs = {0};
      intvec lens = {0};
      int ok = synset_seqs(cv, tk->text, &seqs, &lens, 0) == 0 && seqs.n;
      if (ok) exp_alternatives(e, &seqs, &lens, cv);
      free(seqs.v);
      free(lens.v);
      if (!ok) return R_PAT_TOOMANY;
      *relaxed = 1;
      break;
    }
    case HF_CX_T_ALT_OPEN: {
      seqvec seqs = {0};
      intvec lens = {0};
      size_t m = k + 1;
      int ok = 1;
      while (m < n && t[m].kind != HF_CX_T_ALT_CLOSE && ok) {
        const char **ws = hf_arena_alloc(&cv->tmp, (n + 1) * sizeof *ws);
        int nw = 0;
        for (; m < n && t[m].kind != HF_CX_T_ALT_BAR && t[m].kind != HF_CX_T_ALT_CLOSE; m++) {
          if (t[m].kind == HF_CX_T_SYNSET && nw == 0 && (m + 1 == n || t[m + 1].kind == HF_CX_T_ALT_BAR ||
                                                         t[m + 1].kind == HF_CX_T_ALT_CLOSE)) {
            if (synset_seqs(cv, t[m].text, &seqs, &lens, 0) < 0) ok = 0;
            nw = -1;
            continue;
          }
          const char *w = t[m].kind == HF_CX_T_WORD ? word_el(cv, &t[m]) : NULL;
          if (!w) {
            ok = 0;
            break;
          }
          ws[nw++] = w;
        }
        if (nw > 0 && seqs.n < 4096) {
          HF_VEC_PUSH(seqs, ws);
          HF_VEC_PUSH(lens, nw);
        }
        if (m < n && t[m].kind == HF_CX_T_ALT_BAR) m++;
      }
      if (ok && seqs.n) exp_alternatives(e, &seqs, &lens, cv);
      free(seqs.v);
      free(lens.v);
      if (!ok || !seqs.n) return R_PAT_TOOMANY;
      k = m;
      *relaxed = 1;
      break;
    }
    case HF_CX_T_NP_OPEN:
    case HF_CX_T_NP_CLOSE:
    case HF_CX_T_PP_OPEN:
    case HF_CX_T_PP_CLOSE:
      *relaxed = 1;
      break;
    default:
      return R_PAT_SLOT;
    }
    if (e->overflow) return R_PAT_TOOMANY;
  }
  return -1;
}

/* Writes "CODE<TAB>head extra... elements..." once. */
static void verb_line(conv *cv, const char *code, const head *h, const partial *p, const char *const *excl, size_t nexcl) {
  hf_buf line = {0};
  hf_buf_printf(&line, "%s\t%s", code, h->lemma);
  for (int i = 0; i < h->nextra; i++) hf_buf_printf(&line, " %s", h->extra[i]);
  if (p)
    for (int i = 0; i < p->n; i++) hf_buf_printf(&line, " %s", p->el[i]);
  for (size_t i = 0; i < nexcl; i++) hf_buf_printf(&line, " !%s", excl[i]);
  const char *s = hf_buf_cstr(&line);
  int words = 1;
  for (const char *c = strchr(s, '\t'); c && *c; c++) words += *c == ' ';
  if (words > 64) { /* hooft reads at most 64 words of a pattern */
    count(cv, R_PAT_TOOMANY, 1);
  } else if (hf_map_get(&cv->lines, s)) {
    count(cv, R_LINES_DUP, 1);
  } else {
    hf_map_put(&cv->lines, hf_arena_strdup(&cv->tmp, s), (void *)1);
    hf_buf_printf(&cv->files[OUT_VERBS], "%s\n", s);
    cv->rep->verb_lines++;
  }
  hf_buf_free(&line);
}

/* Writes each verb's bare pattern (with null-coded "* WORD" patterns as exclusions) and every
 * pattern that translates, for every verb of its block; counts or lists everything else. */
static void convert_verbs(conv *cv) {
  const hf_cx_dict *d = cv->d;
  /* verbs and patterns by block */
  size_t nb = d->blocks.n;
  HF_VEC(size_t) *bverbs = hf_xcalloc(nb ? nb : 1, sizeof *bverbs);
  HF_VEC(size_t) *bpats = hf_xcalloc(nb ? nb : 1, sizeof *bpats);
  for (size_t i = 0; i < d->verbs.n; i++) HF_VEC_PUSH(bverbs[d->verbs.v[i].block], i);
  for (size_t i = 0; i < d->patterns.n; i++) HF_VEC_PUSH(bpats[d->patterns.v[i].block], i);
  HF_VEC(const char *) excl = {0};
  for (size_t b = 0; b < nb; b++) {
    const hf_cx_block *blk = &d->blocks.v[b];
    if (blk->kind != HF_CX_BLK_VERB) {
      int r = blk->kind == HF_CX_BLK_TIME ? R_TIME : R_ATTRIB;
      leave_out(cv, r, blk->file, blk->line, blk->name);
      for (size_t i = 0; i < bpats[b].n; i++) {
        const hf_cx_pattern *p = &d->patterns.v[bpats[b].v[i]];
        leave_out(cv, r, p->file, p->line, p->text);
      }
      continue;
    }
    /* null-coded "* WORD" patterns become exclusions on the bare verb */
    excl.n = 0;
    uint8_t *folded = hf_xcalloc(bpats[b].n ? bpats[b].n : 1, 1);
    for (size_t i = 0; i < bpats[b].n; i++) {
      const hf_cx_pattern *p = &d->patterns.v[bpats[b].v[i]];
      if (!p->code.code || strcmp(p->code.code, HF_CX_NULL) || p->code.code2) continue;
      const hf_cx_tok *t = &d->toks.v[p->tok0];
      if (p->ntok == 2 && t[0].kind == HF_CX_T_VERB && t[1].kind == HF_CX_T_WORD) {
        const char *el = word_el(cv, &t[1]);
        if (el) {
          HF_VEC_PUSH(excl, el);
          folded[i] = 1;
        }
      }
    }
    int root_written = 0;
    for (size_t vi = 0; vi < bverbs[b].n; vi++) {
      const hf_cx_verb *v = &d->verbs.v[bverbs[b].v[vi]];
      head h;
      if (make_head(cv, v, &h, 1) < 0) {
        leave_out(cv, R_HEAD_BAD, v->file, v->line, v->text);
        continue;
      }
      for (size_t f = 0; f < v->nforms; f++) {
        const char *form = d->words.v[v->form0 + f];
        const char *s = strchr(form, '+') ? strchr(form, '+') + 1 : form;
        size_t fl = strcspn(s, "_ =");
        const char *lf = lower(cv, s, fl);
        if (fl && strcmp(lemma_of(cv, lf), h.lemma)) leave_out(cv, R_FORM_UNREDUCED, v->file, v->line, form);
      }
      const hf_cx_evcode *code = v->has_code ? &v->code : blk->has_code ? &blk->code : NULL;
      int r = code ? code_reason(cv, code) : R_VERB_NULL;
      if (r < 0) {
        verb_line(cv, code->code, &h, NULL, (const char *const *)excl.v, excl.n);
        count(cv, R_VERB_ROOT, 1);
        root_written = 1;
      } else if (r == R_VERB_NULL) {
        count(cv, R_VERB_NULL, 1);
      } else {
        leave_out(cv, r, v->file, v->line, v->text);
      }
    }
    for (size_t i = 0; i < bpats[b].n; i++) {
      const hf_cx_pattern *p = &d->patterns.v[bpats[b].v[i]];
      char what[300];
      pattern_what(what, sizeof what, p);
      if (p->code.code && !strcmp(p->code.code, HF_CX_NULL) && !p->code.code2) {
        if (folded[i] && root_written)
          count(cv, R_PAT_NULL_FOLDED, 1);
        else if (!root_written)
          count(cv, R_PAT_NULL_NOOP, 1);
        else
          leave_out(cv, R_PAT_NULL_LOST, p->file, p->line, what);
        continue;
      }
      int r = p->has_code ? code_reason(cv, &p->code) : R_PAT_NOCODE;
      if (r >= 0) {
        leave_out(cv, r == R_VERB_NULL ? R_PAT_NULL_NOOP : r, p->file, p->line, what);
        continue;
      }
      expansion e = {hf_xcalloc(1, sizeof(partial)), 1, 0};
      int relaxed = 0;
      cv->budget = 10000;
      r = expand_pattern(cv, p, &e, &relaxed);
      if (r >= 0) {
        leave_out(cv, r, p->file, p->line, what);
        free(e.p);
        continue;
      }
      int wrote = 0;
      for (size_t vi = 0; vi < bverbs[b].n; vi++) {
        const hf_cx_verb *v = &d->verbs.v[bverbs[b].v[vi]];
        head h;
        if (make_head(cv, v, &h, 0) < 0) continue;
        for (size_t k = 0; k < e.n; k++) /* the verb alone keeps the bare pattern's exclusions */
          verb_line(cv, p->code.code, &h, &e.p[k], (const char *const *)excl.v, e.p[k].n ? 0 : excl.n);
        wrote = 1;
      }
      if (wrote) count(cv, relaxed ? R_PAT_RELAXED : R_PAT_VERB_ONLY, 1);
      free(e.p);
    }
    free(folded);
  }
  for (size_t b = 0; b < nb; b++) {
    free(bverbs[b].v);
    free(bpats[b].v);
  }
  free(bverbs);
  free(bpats);
  free(excl.v);
}

/* Lists the entries hooft has no counterpart for (nouns, discards, issues, options...). */
static void convert_entries(conv *cv) {
  static const int map[HF_CX_E_NKINDS] = {[HF_CX_E_NOUN] = R_NOUN,         [HF_CX_E_ADJECTIVE] = R_NOUN,
                                          [HF_CX_E_DISCARD] = R_DISCARD,   [HF_CX_E_DISCARD_STORY] = R_DISCARD,
                                          [HF_CX_E_ISSUE] = R_ISSUE,       [HF_CX_E_ISSUE_NOT] = R_ISSUE,
                                          [HF_CX_E_TRANSFORM] = R_TRANSFORM, [HF_CX_E_OPTION] = R_OPTION};
  for (size_t i = 0; i < cv->d->entries.n; i++) {
    const hf_cx_entry *e = &cv->d->entries.v[i];
    if (e->kind > 0 && e->kind < HF_CX_E_NKINDS) leave_out(cv, map[e->kind], e->file, e->line, e->text);
  }
}

/* ---- Files ---- */

static int make_dir(const char *path, hooft_error *err) {
  if (mkdir(path, 0777) == 0 || errno == EEXIST) return 0;
  hf_error(err, "%s: cannot create directory: %s", path, strerror(errno));
  return -1;
}

static int write_file(const char *dir, const char *rel, const char *data, size_t n, hooft_error *err) {
  if (!data) data = "";
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  FILE *f = fopen(path, "wb");
  if (!f) {
    hf_error(err, "%s: cannot write: %s", path, strerror(errno));
    return -1;
  }
  int bad = n && fwrite(data, 1, n, f) != n;
  if (fclose(f) != 0) bad = 1;
  if (bad) hf_error(err, "%s: write error", path);
  return bad ? -1 : 0;
}

/* Is rel (relative to the reference set) one of the files the converter writes? */
static int written_here(const char *rel) {
  for (int i = 0; i < 6; i++)
    if (!strcmp(rel, hf_cx_out_names[i])) return 1;
  return 0;
}

/* Copies every file of ref/rel into out/rel except the ones we write; lists them in copied. */
static int copy_tree(const char *ref, const char *out, const char *rel, hf_buf *copied, hooft_error *err) {
  char src[4096], dst[4096];
  snprintf(src, sizeof src, "%s%s%s", ref, *rel ? "/" : "", rel);
  snprintf(dst, sizeof dst, "%s%s%s", out, *rel ? "/" : "", rel);
  struct dirent **list = NULL;
  int n = scandir(src, &list, NULL, alphasort);
  if (n < 0) {
    hf_error(err, "%s: cannot read directory: %s", src, strerror(errno));
    return -1;
  }
  int rc = make_dir(dst, err);
  for (int i = 0; i < n; i++) {
    const char *name = list[i]->d_name;
    if (rc == 0 && name[0] != '.') {
      char r2[2048], s2[4096];
      snprintf(r2, sizeof r2, "%s%s%s", rel, *rel ? "/" : "", name);
      snprintf(s2, sizeof s2, "%s/%s", ref, r2);
      struct stat st;
      if (stat(s2, &st) == 0 && S_ISDIR(st.st_mode)) {
        rc = copy_tree(ref, out, r2, copied, err);
      } else if (stat(s2, &st) == 0 && S_ISREG(st.st_mode) && !written_here(r2)) {
        size_t len;
        char *data = hf_read_file(s2, &len, err);
        rc = data ? write_file(out, r2, data, len, err) : -1;
        free(data);
        hf_buf_printf(copied, "  %s\n", r2);
      }
    }
    free(list[i]);
  }
  free(list);
  return rc;
}

/* The README: what was written, what was copied, what could not be translated and why. */
static void readme(const hf_cx_dict *d, hf_cx_report *rep, const char *ref_dir, const char *copied) {
  const size_t *c = rep->counts;
  hf_buf b = {0};
  hf_buf_printf(&b, "Converted by 'hooft dict convert' from these %s dictionaries:\n",
                d->format == HF_CX_TABARI ? "TABARI" : "PETRARCH-2");
  for (size_t i = 0; i < d->files.n; i++) hf_buf_printf(&b, "  %s\n", d->files.v[i]);
  hf_buf_printf(&b, "\nReading them found %d problems ('hooft dict check' lists them); the entries with problems\n"
                    "were left out.\n\n",
                d->pr.count);
  hf_buf_printf(&b, "Written (hooft's formats: docs/dictionaries.md):\n"
                    "  actors/*.txt        %zu lines (actors with dated codes are in leaders.txt, one line per\n"
                    "                      dated code, in the original order: the first range that contains the\n"
                    "                      date wins and an undated line is the default, as in TABARI)\n"
                    "  actors/roles.txt    %zu lines (from the agents)\n"
                    "  en/verbs.txt        %zu patterns\n"
                    "  untranslated.txt    every entry left out, as file:line: reason: entry\n\n",
                rep->actor_lines, rep->role_lines, rep->verb_lines);
  hf_buf_printf(&b, "Copied unchanged from hooft's own set (%s) so that this directory is a complete\n"
                    "dictionary set (hooft code --dict DIR):\n%s\n",
                ref_dir, copied);
  static const struct {
    const char *title;
    int from, to;
  } groups[] = {{"Actors", R_ACTOR_PHRASE, R_ACTOR_GAP},
                {"Agents (roles)", R_AGENT_PHRASE, R_AGENT_DUP},
                {"Verbs and patterns", R_VERB_ROOT, R_FORM_UNREDUCED},
                {"Other entries", R_TIME, R_LINES_DUP}};
  hf_buf_puts(&b, "What was translated, and what could not be translated faithfully (counts):\n");
  for (size_t g = 0; g < sizeof groups / sizeof *groups; g++) {
    int any = 0;
    for (int r = groups[g].from; r <= groups[g].to; r++) any |= c[r] != 0;
    if (!any) continue;
    hf_buf_printf(&b, "\n%s\n", groups[g].title);
    for (int r = groups[g].from; r <= groups[g].to; r++)
      if (c[r]) hf_buf_printf(&b, "  %7zu  %s%s\n", c[r], reasons[r].text, reasons[r].tag ? " [left out]" : "");
  }
  hf_buf_puts(&b, "\nNot translatable in general (no counts):\n"
                  "  * Pattern ordering: TABARI tries a verb's patterns longest first and PETRARCH matches them\n"
                  "    against the parse tree; hooft takes the pattern with most elements in the clause.\n"
                  "  * A role word standing alone is an actor without a country in hooft (TABARI's\n"
                  "    SET: CONVERT AGENTS = TRUE); by default TABARI and PETRARCH do not code it.\n"
                  "  * Events of compound actors, pronoun forwarding and comma-clause rules are hooft's own.\n");
  rep->readme = b.data;
}

void hf_cx_translate(const hf_cx_dict *d, hooft_coder *ref, hf_cx_report *rep) {
  memset(rep, 0, sizeof *rep);
  conv cv;
  memset(&cv, 0, sizeof cv);
  cv.d = d;
  cv.ref = ref;
  cv.rep = rep;
  cv.files = rep->out;
  cv.untranslated = &rep->untranslated;
  for (int i = 0; i < 6; i++)
    hf_buf_printf(&cv.files[i], "# %s: converted by 'hooft dict convert' from %s dictionaries (see README.txt).\n",
                  hf_cx_out_names[i], d->format == HF_CX_TABARI ? "TABARI" : "PETRARCH-2");
  convert_actors(&cv);
  convert_agents(&cv);
  convert_verbs(&cv);
  convert_entries(&cv);
  hf_map_free(&cv.lines);
  hf_map_free(&cv.states);
  hf_map_free(&cv.regions);
  hf_map_free(&cv.local3);
  hf_arena_free(&cv.tmp);
}

int hf_cx_convert(const hf_cx_dict *d, hooft_coder *ref, const char *ref_dir, const char *out_dir,
                  hf_cx_report *rep, hooft_error *err) {
  struct stat sr, so;
  if (stat(ref_dir, &sr) == 0 && stat(out_dir, &so) == 0 && sr.st_dev == so.st_dev && sr.st_ino == so.st_ino) {
    memset(rep, 0, sizeof *rep);
    hf_error(err, "%s: the output directory is the reference dictionary set", out_dir);
    return -1;
  }
  hf_cx_translate(d, ref, rep);
  hf_buf copied = {0};
  int rc = make_dir(out_dir, err);
  if (rc == 0) rc = copy_tree(ref_dir, out_dir, "", &copied, err);
  char sub[4096];
  snprintf(sub, sizeof sub, "%s/actors", out_dir);
  if (rc == 0) rc = make_dir(sub, err);
  snprintf(sub, sizeof sub, "%s/en", out_dir);
  if (rc == 0) rc = make_dir(sub, err);
  for (int i = 0; i < 6 && rc == 0; i++) rc = write_file(out_dir, hf_cx_out_names[i], rep->out[i].data, rep->out[i].len, err);
  readme(d, rep, ref_dir, copied.data ? copied.data : "");
  if (rc == 0) rc = write_file(out_dir, "README.txt", rep->readme, strlen(rep->readme), err);
  if (rc == 0) rc = write_file(out_dir, "untranslated.txt", rep->untranslated.data, rep->untranslated.len, err);
  hf_buf_free(&copied);
  return rc;
}

void hf_cx_report_free(hf_cx_report *rep) {
  for (int i = 0; i < 6; i++) hf_buf_free(&rep->out[i]);
  hf_buf_free(&rep->untranslated);
  free(rep->readme);
  rep->readme = NULL;
}
