/* claims.c: what is said about an event: attribution (volgens X, X zei), certainty (asserted,
 * reported, hedged, hypothetical), quantities (11.000 manschappen) and dates resolved against
 * the publication date (donderdag, in augustus, van 1950 tot 1953). */
#include "claims.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* ---- Loading ---- */

static const struct {
  const char *name;
  uint32_t bit;
} cue_classes[] = {{"according", HF_C_ACCORDING}, {"estimate", HF_C_ESTIMATE}, {"hedge", HF_C_HEDGE},
                   {"hypo", HF_C_HYPO},           {"approx", HF_C_APPROX},     {"min", HF_C_MIN},
                   {"max", HF_C_MAX},             {"weekday", HF_C_WEEKDAY},   {"month", HF_C_MONTH},
                   {"day", HF_C_DAY},             {"next", HF_C_NEXT},         {"last", HF_C_LAST},
                   {"week", HF_C_WEEK},           {"monthword", HF_C_MONTHWORD}, {"year", HF_C_YEAR},
                   {"this", HF_C_THIS},           {"earlier", HF_C_EARLIER},   {"from", HF_C_FROM},
                   {"to", HF_C_TO},               {"future", HF_C_FUTURE}};

static hf_claims_lang *claims_of(hooft_coder *c, int lang) { return &((hf_claims_lang *)c->claims)[lang]; }

/* Adds a cue phrase (or merges its classes into an existing one). */
static void add_cue(hooft_coder *c, hf_claims_lang *L, const char *phrase, uint32_t bit, int value) {
  const char **keys;
  int n = hf_phrase_keys(c, phrase, &keys);
  if (!n) return;
  void **slot = hf_map_slot_for(&L->cues, keys[0]);
  for (hf_cue *q = *slot; q; q = q->next) {
    int same = q->ntok == n;
    for (int i = 0; same && i < n; i++) same = q->keys[i] == keys[i];
    if (same) {
      q->classes |= bit;
      if (value) q->value = value;
      return;
    }
  }
  hf_cue *cue = hf_arena_alloc(&c->arena, sizeof *cue);
  cue->ntok = n;
  cue->keys = keys;
  cue->classes = bit;
  cue->value = value;
  hf_cue *prev = NULL, *cur = *slot;
  while (cur && cur->ntok >= n) prev = cur, cur = cur->next;
  cue->next = cur;
  if (prev)
    prev->next = cue;
  else
    *slot = cue;
}

typedef struct loader {
  hooft_coder *c;
  hf_problems *pr;
} loader;

/* Reads one claims data file; calls fn for each data line split at tabs. */
static void read_lines(loader *ld, const char *rel, int want_fields,
                       void (*fn)(loader *, int lang, const char *rel, int line, char **f), int lang) {
  hf_dict_file df;
  if (!hf_dict_open(&df, ld->pr, rel)) return;
  char *line;
  int ln;
  while (hf_dict_next(&df, &line, &ln)) {
    char *f[4];
    if (hf_split(line, '\t', f, 4) != want_fields) {
      hf_problem(ld->pr, rel, ln, "%s",
                 want_fields == 3 ? "expected word<TAB>value<TAB>kind" : "expected CLASS<TAB>phrase|phrase");
      continue;
    }
    fn(ld, lang, rel, ln, f);
  }
}

static void cue_line(loader *ld, int lang, const char *rel, int ln, char **f) {
  hf_claims_lang *L = claims_of(ld->c, lang);
  int report = strcmp(f[0], "report") == 0;
  uint32_t bit = 0;
  for (size_t i = 0; i < sizeof cue_classes / sizeof *cue_classes; i++)
    if (strcmp(f[0], cue_classes[i].name) == 0) bit = cue_classes[i].bit;
  if (!bit && !report) {
    hf_problem(ld->pr, rel, ln, "unknown class '%s'", f[0]);
    return;
  }
  char *w[256];
  int nw = hf_split(f[1], '|', w, 256);
  hf_buf key = {0};
  for (int i = 0; i < nw; i++) {
    if (!*w[i]) continue;
    int value = 0;
    char *eq = strchr(w[i], '=');
    if (eq) {
      *eq = 0;
      char *end;
      value = (int)strtol(eq + 1, &end, 10);
      if (*end || end == eq + 1) {
        hf_problem(ld->pr, rel, ln, "bad value in '%s'", w[i]);
        continue;
      }
    }
    if (report) {
      key.len = 0;
      hf_text_key(&key, w[i], strlen(w[i]));
      const char *k = hf_intern_n(&ld->c->strings, key.data, key.len);
      hf_map_put(&L->report, k, (void *)k);
      hf_index_verb(ld->c, lang, k);
    } else {
      add_cue(ld->c, L, w[i], bit, value);
    }
  }
  hf_buf_free(&key);
}

static void number_line(loader *ld, int lang, const char *rel, int ln, char **f) {
  hf_claims_lang *L = claims_of(ld->c, lang);
  char *end;
  double v = strtod(f[1], &end);
  int kind = !strcmp(f[2], "unit") ? 0 : !strcmp(f[2], "mult") ? 1 : !strcmp(f[2], "vague") ? 2 : -1;
  if (*end || end == f[1] || kind < 0) {
    hf_problem(ld->pr, rel, ln, "bad number entry '%s'", f[0]);
    return;
  }
  hf_buf key = {0};
  hf_text_key(&key, f[0], strlen(f[0]));
  hf_numword *nw = hf_arena_alloc(&ld->c->arena, sizeof *nw);
  nw->value = v;
  nw->kind = kind;
  hf_map_put(&L->numbers, hf_intern_n(&ld->c->strings, key.data, key.len), nw);
  hf_buf_free(&key);
}

static void object_line(loader *ld, int lang, const char *rel, int ln, char **f) {
  (void)rel;
  (void)ln;
  hf_claims_lang *L = claims_of(ld->c, lang);
  char *arrow = strchr(f[0], '>');
  if (arrow) { /* "people>dead<TAB>killed|..." refines an object by the words of its sentence */
    *arrow = 0;
    hf_refine r = {strcmp(f[0], "-") ? hf_intern_s(&ld->c->strings, f[0]) : NULL, hf_intern_s(&ld->c->strings, arrow + 1), NULL};
    char *w[128];
    int nw = hf_split(f[1], '|', w, 128);
    hf_buf key = {0};
    for (int i = 0; i < nw; i++) {
      key.len = 0;
      hf_text_key(&key, w[i], strlen(w[i]));
      r.word = hf_intern_n(&ld->c->strings, key.data, key.len);
      HF_VEC_PUSH(L->refines, r);
    }
    hf_buf_free(&key);
    return;
  }
  const char *object = hf_intern_s(&ld->c->strings, f[0]);
  char *w[256];
  int nw = hf_split(f[1], '|', w, 256);
  hf_buf key = {0};
  for (int i = 0; i < nw; i++) {
    int suffix = w[i][0] == '*';
    const char *word = suffix ? w[i] + 1 : w[i];
    if (!*word) continue;
    /* multi-word objects ("artillery shells") are matched on their last word */
    const char *sp = strrchr(word, ' ');
    if (sp) word = sp + 1;
    key.len = 0;
    hf_text_key(&key, word, strlen(word));
    const char *k = hf_intern_n(&ld->c->strings, key.data, key.len);
    if (suffix) {
      HF_VEC_PUSH(L->suffix_keys, k);
      HF_VEC_PUSH(L->suffix_objects, object);
    } else if (!hf_map_get(&L->objects, k)) {
      hf_map_put(&L->objects, k, (void *)object);
    }
  }
  hf_buf_free(&key);
}

void hf_claims_load(hooft_coder *c, hf_problems *pr) {
  c->claims = hf_xcalloc(HF_NLANG, sizeof(hf_claims_lang));
  loader ld = {c, pr};
  for (int lang = 0; lang < HF_NLANG; lang++) {
    char rel[64];
    snprintf(rel, sizeof rel, "%s/claims.txt", hf_lang_names[lang]);
    read_lines(&ld, rel, 2, cue_line, lang);
    snprintf(rel, sizeof rel, "%s/dates.txt", hf_lang_names[lang]);
    read_lines(&ld, rel, 2, cue_line, lang);
    snprintf(rel, sizeof rel, "%s/numbers.txt", hf_lang_names[lang]);
    read_lines(&ld, rel, 3, number_line, lang);
    snprintf(rel, sizeof rel, "%s/quantities.txt", hf_lang_names[lang]);
    read_lines(&ld, rel, 2, object_line, lang);
  }
}

void hf_claims_free(hooft_coder *c) {
  if (!c->claims) return;
  for (int lang = 0; lang < HF_NLANG; lang++) {
    hf_claims_lang *L = claims_of(c, lang);
    hf_map_free(&L->cues);
    hf_map_free(&L->report);
    hf_map_free(&L->numbers);
    hf_map_free(&L->objects);
    free(L->suffix_keys.v);
    free(L->suffix_objects.v);
    free(L->refines.v);
    free(L->cache_store);
  }
  free(c->claims);
  c->claims = NULL;
}

/* The longest cue starting at token i (before `to`), or NULL. */
static const hf_cue *cue_at(hf_claims_lang *L, const hf_token *toks, int i, int to) {
  if (toks[i].kind != HF_T_WORD && toks[i].kind != HF_T_PUNCT) return NULL;
  const hf_cue *q = NULL;
  if (L->cache && i >= L->cache_from && i < L->cache_to) {
    q = L->cache[i - L->cache_from];
    if (!q || i + q->ntok <= to) return q; /* the sentence's longest cue fits: it is the answer */
  }
  for (q = hf_map_get_hashed(&L->cues, toks[i].key, toks[i].key_len, toks[i].key_hash); q; q = q->next) {
    if (i + q->ntok > to) continue;
    int ok = 1;
    for (int k = 0; ok && k < q->ntok; k++) ok = strcmp(toks[i + k].key, q->keys[k]) == 0;
    if (ok) return q;
  }
  return NULL;
}

/* A cue of one of the classes that ends exactly at token `end` (looking back at most 4 tokens). */
static const hf_cue *cue_ending_at(hf_claims_lang *L, const hf_token *toks, int from, int end, uint32_t classes) {
  for (int s = end; s >= from && s > end - 4; s--) {
    const hf_cue *q = cue_at(L, toks, s, end + 1);
    if (q && (q->classes & classes) && s + q->ntok - 1 == end) return q;
  }
  return NULL;
}

/* ---- Calendar ---- */

static long to_days(int ymd) { return hf_day_number(ymd); }

/* ISO weekday 1 (Monday) .. 7 (Sunday). */
static int weekday(int ymd) {
  long z = to_days(ymd);
  int w = (int)((z % 7 + 7 + 3) % 7); /* 1970-01-01 was a Thursday: z=0 -> 3 (0 = Monday) */
  return w + 1;
}

void hf_format_date(int ymd, int precision, char *buf) {
  unsigned y = (unsigned)(ymd / 10000) % 10000u, m = (unsigned)(ymd / 100 % 100) % 100u, d = (unsigned)(ymd % 100) % 100u;
  if (precision == HF_DATE_YEAR)
    snprintf(buf, 16, "%04u", y);
  else if (precision == HF_DATE_MONTH)
    snprintf(buf, 16, "%04u-%02u", y, m);
  else
    snprintf(buf, 16, "%04u-%02u-%02u", y, m, d);
}

/* ---- Tense ---- */

static int is_year(const hf_token *t) {
  return t->kind == HF_T_NUM && t->num >= 1800 && t->num <= 2100 && t->num == floor(t->num) && t->end - t->start == 4;
}

int hf_tense(hooft_coder *c, int lang, const hf_token *toks, int from, int to) {
  hf_claims_lang *L = claims_of(c, lang);
  int past = 0;
  static const char *const nl_past_aux[] = {"was", "waren", "werd", "werden", "had", "hadden", NULL};
  static const char *const en_past_aux[] = {"was", "were", "had", "did", "didn't", NULL};
  static const char *const nl_present[] = {"is", "kan", "wil", "zal", "mag", "ben", "bent", "zijn", "zullen",
                                           "kunnen", "willen", "mogen", "moet", "moeten", "heeft", "hebben",
                                           "gaat", "gaan", "staat", "staan", "doet", "doen", "komt", "komen",
                                           "ziet", "zien", "ligt", "liggen", NULL};
  for (int i = from; i < to; i++) {
    const hf_token *t = &toks[i];
    if (t->kind != HF_T_WORD) continue;
    const hf_cue *q = cue_at(L, toks, i, to);
    if (q && (q->classes & HF_C_FUTURE)) return 2;
    const char *const *aux = lang == HF_LANG_NL ? nl_past_aux : en_past_aux;
    for (int k = 0; aux[k]; k++)
      if (!strcmp(t->key, aux[k])) past = 1;
    if (!t->lemma || t->lemma == t->key || !strcmp(t->lemma, t->key)) continue;
    size_t n = t->key_len;
    if (lang == HF_LANG_EN) {
      if (n > 3 && !strcmp(t->key + n - 2, "ed")) past = 1;
      else if (hf_map_get(&c->lang[HF_LANG_EN].lemma_table, t->key) && t->key[n - 1] != 's' &&
               hf_map_get(&c->lang[HF_LANG_EN].known, t->lemma))
        past = 1;
    } else {
      int present = 0;
      for (int k = 0; nl_present[k]; k++)
        if (!strcmp(t->key, nl_present[k])) present = 1;
      if (present) continue;
      int weak = n > 4 && (!strcmp(t->key + n - 2, "de") || !strcmp(t->key + n - 2, "te") ||
                           !strcmp(t->key + n - 3, "den") || !strcmp(t->key + n - 3, "ten"));
      int strong = hf_map_get(&c->lang[HF_LANG_NL].lemma_table, t->key) && t->key[n - 1] != 't';
      int participle = n > 4 && !strncmp(t->key, "ge", 2);
      if (weak || strong || participle) past = 1;
    }
  }
  return past;
}

/* ---- Dates ---- */

/* Resolves a month (1-12) without a year: the last one before publication, or
 * the next one in a future sentence. */
static int resolve_month(int month, int published, int tense) {
  int y = published / 10000, pm = published / 100 % 100;
  if (tense == 2)
    y += month < pm;
  else
    y -= month > pm;
  return y * 10000 + month * 100;
}

int hf_find_date(hooft_coder *c, int lang, const hf_token *toks, int from, int to, int published, int tense,
                 hf_date *d) {
  hf_claims_lang *L = claims_of(c, lang);
  for (int i = from; i < to; i++) {
    const hf_token *t = &toks[i];
    /* year ranges and years: "van 1950 tot 1953", "in 2014", "sinds 2019" */
    if (is_year(t)) {
      int prev_month = i > from && cue_at(L, toks, i - 1, i) && (cue_at(L, toks, i - 1, i)->classes & HF_C_MONTH);
      if (prev_month) continue; /* handled with its month */
      int y = (int)t->num;
      d->from = d->to = y * 10000;
      d->precision = HF_DATE_YEAR;
      if (i + 2 < to && is_year(&toks[i + 2])) {
        const hf_cue *q = cue_at(L, toks, i + 1, to);
        if ((q && (q->classes & HF_C_TO)) || toks[i + 1].kind == HF_T_PUNCT) d->to = (int)toks[i + 2].num * 10000;
      }
      return 1;
    }
    const hf_cue *q = cue_at(L, toks, i, to);
    if (!q) continue;
    int next = i > from && cue_at(L, toks, i - 1, i) && (cue_at(L, toks, i - 1, i)->classes & HF_C_NEXT);
    int last = i > from && cue_at(L, toks, i - 1, i) && (cue_at(L, toks, i - 1, i)->classes & HF_C_LAST);
    if ((q->classes & HF_C_MONTH) && q->value >= 1 && q->value <= 12) {
      /* English "May" in lower case is a modal verb, not a month */
      if (lang == HF_LANG_EN && !t->upper) continue;
      int month = q->value, day = 0, year = 0;
      int j = i + q->ntok;
      if (i > from && toks[i - 1].kind == HF_T_NUM && toks[i - 1].num >= 1 && toks[i - 1].num <= 31)
        day = (int)toks[i - 1].num; /* 4 november */
      else if (j < to && toks[j].kind == HF_T_NUM && toks[j].num >= 1 && toks[j].num <= 31 && !is_year(&toks[j]))
        day = (int)toks[j++].num; /* November 4 */
      if (j < to && !strcmp(toks[j].key, ",")) j++;
      if (j < to && is_year(&toks[j])) year = (int)toks[j].num;
      if (!published && !year) continue;
      int base = year ? year * 10000 + month * 100 : resolve_month(month, published, tense);
      if (day) {
        d->from = d->to = base + day;
        d->precision = HF_DATE_DAY;
      } else {
        d->from = d->to = base;
        d->precision = HF_DATE_MONTH;
      }
      return 1;
    }
    if (!published) continue;
    long pd = to_days(published);
    if (q->classes & HF_C_WEEKDAY) {
      int w = weekday(published), want = q->value;
      long delta;
      if (next || (tense == 2 && !last) || (tense == 0 && !last)) {
        delta = (want - w + 7) % 7;
        if (next && delta == 0) delta = 7;
      } else {
        delta = -((w - want + 7) % 7);
        if (last && delta == 0) delta = -7;
      }
      d->from = d->to = hf_day_from_number(pd + delta);
      d->precision = HF_DATE_DAY;
      return 1;
    }
    if (q->classes & HF_C_DAY) {
      d->from = d->to = hf_day_from_number(pd + q->value);
      d->precision = HF_DATE_DAY;
      return 1;
    }
    /* vorige week, last month, vorig jaar, eerder dit jaar */
    int j = i + q->ntok;
    const hf_cue *unit = j < to ? cue_at(L, toks, j, to) : NULL;
    if ((q->classes & (HF_C_LAST | HF_C_NEXT | HF_C_THIS | HF_C_EARLIER)) && unit) {
      if ((q->classes & HF_C_EARLIER) && (unit->classes & HF_C_THIS) && j + unit->ntok < to) {
        unit = cue_at(L, toks, j + unit->ntok, to); /* "eerder dit jaar" */
        if (!unit) continue;
      }
      int step = (q->classes & HF_C_LAST) ? -1 : (q->classes & HF_C_NEXT) ? 1 : 0;
      if (unit->classes & HF_C_WEEK) {
        long monday = pd - (weekday(published) - 1) + 7L * step;
        d->from = hf_day_from_number(monday);
        d->to = hf_day_from_number(monday + 6);
        d->precision = HF_DATE_DAY;
        return 1;
      }
      if (unit->classes & HF_C_MONTHWORD) {
        int y = published / 10000, m = published / 100 % 100 + step;
        if (m < 1) m += 12, y--;
        if (m > 12) m -= 12, y++;
        d->from = d->to = y * 10000 + m * 100;
        d->precision = HF_DATE_MONTH;
        return 1;
      }
      if (unit->classes & HF_C_YEAR) {
        d->from = d->to = (published / 10000 + step) * 10000;
        d->precision = HF_DATE_YEAR;
        return 1;
      }
    }
  }
  return 0;
}

/* ---- Quantities ---- */

/* Object counted by the words after a number (up to 4 tokens), or NULL. */
static const char *quantity_object(hf_claims_lang *L, const hf_token *toks, int j, int to, int *last) {
  for (int k = j; k < to && k < j + 4; k++) {
    const hf_token *t = &toks[k];
    if (t->kind == HF_T_PUNCT && strcmp(t->key, "$") && strcmp(t->key, "\xe2\x82\xac") && strcmp(t->key, "\xc2\xa3"))
      return NULL;
    /* "7.000 containers met munitie" counts containers; "hundreds of soldiers" is partitive */
    if ((t->gram & HF_G_PREP) && !(k == j && (!strcmp(t->key, "of") || !strcmp(t->key, "van")))) return NULL;
    const char *o = hf_map_get_hashed(&L->objects, t->key, t->key_len, t->key_hash);
    if (!o && t->lemma) o = hf_map_get(&L->objects, t->lemma);
    for (size_t s = 0; !o && s < L->suffix_keys.n; s++) {
      size_t sl = strlen(L->suffix_keys.v[s]);
      if (t->key_len >= sl && !strcmp(t->key + t->key_len - sl, L->suffix_keys.v[s])) o = L->suffix_objects.v[s];
    }
    if (o) {
      *last = k;
      return o;
    }
    if (t->kind == HF_T_NUM) return NULL;
  }
  return NULL;
}

/* Refines a counted object by the words of its sentence: people who were "killed"
 * are dead, soldiers whose "bodies" are returned are dead, people "released" were prisoners. */
static const char *refine_object(hf_claims_lang *L, const hf_token *toks, int from, int to, const char *object) {
  for (size_t r = 0; r < L->refines.n; r++) {
    const hf_refine *rf = &L->refines.v[r];
    if (rf->from != object) continue;
    for (int k = from; k < to; k++)
      if (!strcmp(toks[k].key, rf->word) || (toks[k].lemma && !strcmp(toks[k].lemma, rf->word))) return rf->to;
  }
  return object;
}

void hf_find_quantities(hooft_coder *c, int lang, const char *text, const hf_token *toks, int from, int to,
                        hf_quantity_vec *out) {
  hf_claims_lang *L = claims_of(c, lang);
  for (int i = from; i < to; i++) {
    const hf_token *t = &toks[i];
    double value = 0;
    int have = 0, vague = 0, j = i + 1;
    const hf_numword *nw = t->kind == HF_T_WORD ? hf_map_get_hashed(&L->numbers, t->key, t->key_len, t->key_hash) : NULL;
    if (t->kind == HF_T_NUM) {
      const char *s = text + t->start;
      size_t len = t->end - t->start;
      if (len > 1 && s[0] == '0') continue; /* codes, phone numbers */
      /* phone-number-like runs: several numbers separated by spaces or dashes */
      int run = i + 1 < to && toks[i + 1].kind == HF_T_NUM && toks[i + 1].start == t->end + 1;
      if (run || (i > from && toks[i - 1].kind == HF_T_NUM && toks[i - 1].end + 1 == t->start)) {
        while (i + 1 < to && (toks[i + 1].kind == HF_T_NUM || !strcmp(toks[i + 1].key, "-"))) i++;
        continue;
      }
      value = t->num;
      have = 1;
    } else if (nw && nw->kind == 0) {
      /* "een" alone is an article, only "een miljoen" is a number */
      const hf_numword *after = j < to ? hf_map_get(&L->numbers, toks[j].key) : NULL;
      if (nw->value == 1 && !(after && after->kind == 1)) continue;
      value = nw->value;
      have = 1;
    } else if (nw && nw->kind == 2) {
      value = nw->value;
      have = vague = 1;
    } else if (t->kind == HF_T_WORD && j < to) {
      /* "enkele honderden", "several hundred" */
      const hf_numword *after = hf_map_get(&L->numbers, toks[j].key);
      static const char *const several[] = {"enkele", "several", "paar", "few", "some", NULL};
      int sev = 0;
      for (int k = 0; several[k]; k++)
        if (!strcmp(t->key, several[k])) sev = 1;
      if (sev && after && after->kind >= 1) {
        value = (after->kind == 2 ? after->value / 2 : after->value) * 3;
        have = vague = 1;
        j++;
      }
    }
    if (!have) continue;
    int multiplied = 0;
    while (j < to) {
      const hf_numword *m = hf_map_get(&L->numbers, toks[j].key);
      if (!m || m->kind != 1) break;
      value *= m->value;
      multiplied = 1;
      j++;
    }
    /* not quantities: percentages, times, dates */
    if (j < to) {
      static const char *const units[] = {"procent", "percent", "%", "pct", "procentpunt", "uur", "o'clock",
                                          "a.m.", "p.m.", "am", "pm", "jaar", "years", "year", "jarige", NULL};
      int skip = 0;
      for (int k = 0; units[k]; k++)
        if (!strcmp(toks[j].key, units[k])) skip = 1;
      if (skip) {
        i = j;
        continue;
      }
    }
    const hf_cue *mq = j < to ? cue_at(L, toks, j, to) : NULL;
    const hf_cue *pq = i > from ? cue_ending_at(L, toks, from, i - 1, HF_C_MONTH) : NULL;
    if ((mq && (mq->classes & HF_C_MONTH)) || pq) continue;
    int last = j - 1;
    const char *object = quantity_object(L, toks, j, to, &last);
    if (i > from && (!strcmp(toks[i - 1].key, "$") || !strcmp(toks[i - 1].key, "\xe2\x82\xac") ||
                     !strcmp(toks[i - 1].key, "\xc2\xa3")))
      object = hf_map_get(&L->objects, toks[i - 1].key);
    if (t->kind == HF_T_NUM && is_year(t) && !multiplied && !object) continue; /* a year */
    object = refine_object(L, toks, from, to, object);
    hf_quantity q;
    memset(&q, 0, sizeof q);
    q.value = value;
    q.approx = vague;
    if (vague) q.has_min = 1, q.min = value;
    q.object = object;
    q.first = i;
    q.last = last;
    /* qualifiers before the number: zo'n, meer dan, up to */
    /* the qualifier may stand before a determiner or adjective: "meer dan de huidige 11.000" */
    int qend = i - 1;
    while (qend > from && qend >= i - 2 && (toks[qend].gram & HF_G_DET || (!toks[qend].gram && !toks[qend].upper &&
                                                                             toks[qend].kind == HF_T_WORD &&
                                                                             toks[qend].key[toks[qend].key_len - 1] == 'e')))
      qend--;
    const hf_cue *qual = i > from ? cue_ending_at(L, toks, from, i - 1, HF_C_APPROX | HF_C_MIN | HF_C_MAX) : NULL;
    if (!qual && qend < i - 1) qual = cue_ending_at(L, toks, from, qend, HF_C_APPROX | HF_C_MIN | HF_C_MAX);
    if (qual) {
      if (qual->classes & HF_C_APPROX) q.approx = 1;
      if (qual->classes & HF_C_MIN) q.has_min = 1, q.min = value;
      if (qual->classes & HF_C_MAX) q.has_max = 1, q.max = value;
      q.first = (qual == cue_ending_at(L, toks, from, i - 1, HF_C_APPROX | HF_C_MIN | HF_C_MAX) ? i : qend + 1) - qual->ntok;
    }
    HF_VEC_PUSH(*out, q);
    i = last;
  }
}

/* ---- Attribution ---- */

static int is_boundary(const hf_token *t) {
  return t->kind == HF_T_QUOTE || (t->kind == HF_T_PUNCT && (!strcmp(t->key, ",") || !strcmp(t->key, ";") ||
                                                             !strcmp(t->key, ":") || !strcmp(t->key, "(")));
}

int hf_find_attribution(hooft_coder *c, int lang, const hf_token *toks, int from, int to, const hf_mention *m,
                        size_t nm, const hf_found *events, size_t nev, hf_mention *out) {
  hf_claims_lang *L = claims_of(c, lang);
  /* volgens X, according to X; schattingen van X */
  for (size_t i = 0; i < nm; i++) {
    if (m[i].prep < from || m[i].pronoun) continue;
    if (cue_ending_at(L, toks, from, m[i].prep, HF_C_ACCORDING)) {
      *out = m[i];
      return 1;
    }
    if (m[i].prep > from && cue_ending_at(L, toks, from, m[i].prep - 1, HF_C_ESTIMATE)) {
      *out = m[i];
      return 1;
    }
  }
  /* X zei (dat), "...", zei X */
  for (int r = from; r < to; r++) {
    if (toks[r].kind != HF_T_WORD || !toks[r].lemma ||
        !hf_map_get_hashed(&L->report, toks[r].lemma, toks[r].lemma_len, toks[r].lemma_hash))
      continue;
    int skip = 0; /* an event's own verb, or a word inside a name ("the United States") */
    for (size_t e = 0; e < nev; e++)
      if (events[e].head == r) skip = 1;
    for (size_t i = 0; i < nm; i++)
      if (m[i].first <= r && r <= m[i].last) skip = 1;
    if (skip) continue;
    const hf_mention *best = NULL;
    for (size_t i = 0; i < nm; i++) { /* nearest free actor before it, in the same segment */
      if (m[i].last >= r || m[i].prep >= 0) continue;
      int cut = 0;
      for (int k = m[i].last + 1; k < r; k++) cut |= is_boundary(&toks[k]) || (toks[k].gram & HF_G_SUBORD);
      if (!cut) best = &m[i];
    }
    if (!best)
      for (size_t i = 0; i < nm && !best; i++) { /* "..., zei X" */
        if (m[i].first <= r || m[i].prep >= 0) continue;
        int cut = 0;
        for (int k = r + 1; k < m[i].first; k++) cut |= is_boundary(&toks[k]);
        if (!cut) best = &m[i];
      }
    if (best) {
      *out = *best;
      return 1;
    }
  }
  return 0;
}

/* ---- Per-event claims ---- */

/* Certainty cues in tokens [from, to): HF_C_HYPO and HF_C_HEDGE bits. */
static uint32_t certainty_cues(hooft_coder *c, int lang, const hf_token *toks, int from, int to, int sent_from) {
  hf_claims_lang *L = claims_of(c, lang);
  uint32_t bits = 0;
  for (int i = from; i < to; i++) {
    if (toks[i].gram & HF_G_COND) bits |= HF_C_HYPO;
    const hf_cue *q = cue_at(L, toks, i, to);
    if (!q) continue;
    /* "May" inside an English sentence is the month */
    if (lang == HF_LANG_EN && toks[i].upper && i > sent_from && (q->classes & HF_C_MONTH)) continue;
    bits |= q->classes & (HF_C_HYPO | HF_C_HEDGE);
    i += q->ntok - 1;
  }
  return bits;
}

static const char *certainty_name(uint32_t cues, int attributed) {
  if (cues & HF_C_HYPO) return "hypothetical";
  if (cues & HF_C_HEDGE) return "hedged";
  return attributed ? "reported" : "asserted";
}

void hf_sentence_claims(hooft_coder *c, int lang, const char *text, const hf_token *toks, int from, int to,
                        const hf_mention *m, size_t nm, const hf_found *events, size_t nev, int published,
                        hf_claims_state *st, int sentence, hf_quantity_vec *quants, hf_event_claims *out,
                        const char **sentence_certainty, int *sentence_has_attr, hf_mention *sentence_attr) {
  hf_claims_lang *L = claims_of(c, lang);
  L->cache = NULL;
  if ((size_t)(to - from) > L->cache_cap) {
    L->cache_cap = (size_t)(to - from) * 2;
    free(L->cache_store);
    L->cache_store = hf_xmalloc(L->cache_cap * sizeof *L->cache_store);
  }
  for (int i = from; i < to; i++) L->cache_store[i - from] = cue_at(L, toks, i, to);
  L->cache = L->cache_store;
  L->cache_from = from;
  L->cache_to = to;
  quants->n = 0;
  hf_find_quantities(c, lang, text, toks, from, to, quants);
  hf_mention attr;
  memset(&attr, 0, sizeof attr);
  int has_attr = hf_find_attribution(c, lang, toks, from, to, m, nm, events, nev, &attr);
  uint32_t sent_cues = certainty_cues(c, lang, toks, from, to, from);
  /* a report goes on in the next sentences while they hedge: "zouden", "reportedly";
   * it covers the hedged clauses only */
  int carried = 0;
  if (!has_attr && (sent_cues & HF_C_HEDGE) && st->has_attribution && sentence - st->sentence <= 2) {
    attr = st->attribution;
    has_attr = carried = 1;
  }
  if (has_attr) {
    st->has_attribution = 1;
    st->attribution = attr;
    st->sentence = sentence;
  }
  *sentence_has_attr = has_attr;
  if (has_attr) *sentence_attr = attr;
  *sentence_certainty = certainty_name(sent_cues, has_attr);
  for (size_t e = 0; e < nev; e++) {
    const hf_found *f = &events[e];
    hf_event_claims *ec = &out[e];
    memset(ec, 0, sizeof *ec);
    /* the speaker of the sentence, unless the event is the speaker's own act */
    int own = has_attr && ((attr.first >= f->source.first && attr.last <= f->source.last && attr.first >= from) ||
                           (f->source.pronoun && attr.code == f->source.code)); /* "Trump said he would ..." */
    ec->has_attribution = has_attr && !own;
    if (ec->has_attribution) ec->attribution = attr;
    /* an intention or a threat is itself the event (roots 03, 13): the cues of its own
     * clause ("dreigt", "is ready to") do not make it hypothetical; a governing clause can */
    const char *root = f->pattern->cameo->root;
    int intent = !strcmp(root, "03") || !strcmp(root, "13");
    uint32_t cues = certainty_cues(c, lang, toks, f->scope_from, f->scope_to, from);
    if (intent)
      cues = (cues & HF_C_HEDGE) | (certainty_cues(c, lang, toks, f->scope_from, f->clause_from, from) & HF_C_HYPO);
    if (carried && !(cues & HF_C_HEDGE)) ec->has_attribution = 0;
    ec->certainty = certainty_name(cues, ec->has_attribution);
    int tense = hf_tense(c, lang, toks, f->scope_from, f->scope_to);
    /* a fronted adverbial before the event's clause dates it too ("On Tuesday, Russia
     * attacked"), unless another event stands there */
    int date_from = f->scope_from;
    int other = 0;
    for (size_t o = 0; o < nev; o++)
      if (events[o].head >= from && events[o].head < f->scope_from) other = 1;
    if (!other) date_from = from;
    if (!hf_find_date(c, lang, toks, date_from, f->scope_to, published, tense, &ec->date)) {
      ec->date.from = ec->date.to = published;
      ec->date.precision = HF_DATE_PUBLICATION;
    }
    /* where: a locative phrase in the event's clause (or a fronted adverbial); an
     * ambiguous name prefers the countries of the sentence's actors */
    const char *countries[16];
    int ncountries = 0;
    for (size_t i = 0; i < nm && ncountries < 16; i++)
      if (m[i].country) countries[ncountries++] = m[i].country;
    /* a place inside the content of an appeal or promise ("riep Israël op om te stoppen
     * met bombarderen in Gaza") is not where the appeal happened */
    int loc_to = f->content_from < f->scope_to ? f->content_from : f->scope_to;
    ec->has_location = hf_find_location(c, toks, date_from, loc_to, to, countries, ncountries, &ec->location);
    /* a visit to a city, or an attack on one, happens there: "bezoek aan Pyongyang",
     * "bestookte Kyiv" (a capital that only stands for its government stays an actor) */
    if (!ec->has_location && !f->target.pronoun &&
        (!strcmp(root, "04") || !strcmp(root, "18") || !strcmp(root, "19") || !strcmp(root, "20")) &&
        f->target.first >= from && f->target.last < to)
      ec->has_location = hf_place_named(c, toks, f->target.first, f->target.last, &ec->location);
    /* else a country named as the place: "in Oekraïne" (not the event's own target) */
    for (size_t i = 0; !ec->has_location && i < nm; i++) {
      const hf_mention *x = &m[i];
      if (x->prep < date_from || x->prep >= loc_to || !x->country || x->kind != HF_ACT_STATE ||
          strlen(x->code) != 3 || !hf_is_locative(&toks[x->prep]) || x->first == f->target.first)
        continue;
      /* the country's name, not its adjective: "in de Finse Golf", "in de Japanse Zee" */
      if (x->last + 1 < to && toks[x->last + 1].kind == HF_T_WORD && !toks[x->last + 1].gram) continue;
      ec->has_location = 1;
      ec->country_location = !hf_country_location(c, x->country, &ec->location);
      ec->location.first = x->first;
      ec->location.last = x->last;
    }
    /* quantities: the event's clause, and a trailing clause without an event of its own
     * ("..., killing at least 12 people") */
    int qto = f->scope_to;
    int later = 0;
    for (size_t o = 0; o < nev; o++)
      if (events[o].head >= f->scope_to) later = 1;
    if (!later) qto = to;
    for (size_t q = 0; q < quants->n && ec->nquant < 8; q++)
      if (quants->v[q].first >= f->scope_from && quants->v[q].last < qto) ec->quant[ec->nquant++] = (int)q;
  }
  L->cache = NULL;
}
