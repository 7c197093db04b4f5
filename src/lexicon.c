/* lexicon.c: loads hooft's own dictionaries (CAMEO table, actors, roles, grammar words,
 * abbreviations, lemma tables, verb patterns) into the coder's lookup tables. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "coder.h"
#include "text.h"

const char *const hf_lang_names[HF_NLANG] = {"nl", "en"};

/* Formats a problem into one of the problem buffers. */
static void report(hf_problems *pr, hf_buf *into, const char *file, int line, const char *msg) {
  const char *sep = file[0] == '/' || !pr->dir ? "" : "/";
  const char *dir = file[0] == '/' || !pr->dir ? "" : pr->dir;
  if (line > 0)
    hf_buf_printf(into, "%s%s%s:%d: %s\n", dir, sep, file, line, msg);
  else
    hf_buf_printf(into, "%s%s%s: %s\n", dir, sep, file, msg);
}

void hf_problem(hf_problems *pr, const char *file, int line, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  pr->count++;
  report(pr, &pr->text, file, line, msg);
}

void hf_warning(hf_problems *pr, const char *file, int line, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  pr->warnings++;
  report(pr, &pr->warn_text, file, line, msg);
}

int hf_dict_open(hf_dict_file *df, hf_problems *pr, const char *rel) {
  char path[2048];
  snprintf(path, sizeof path, "%s/%s", pr->dir, rel);
  hooft_error e;
  size_t len;
  memset(df, 0, sizeof *df);
  df->rel = rel;
  df->data = hf_read_file(path, &len, &e);
  if (!df->data) {
    hf_problem(pr, rel, 0, "%s", strstr(e.message, ": ") ? strstr(e.message, ": ") + 2 : e.message);
    return 0;
  }
  hf_lines_init(&df->it, df->data, len);
  return 1;
}

int hf_dict_next(hf_dict_file *df, char **line, int *ln) {
  if (df->data && hf_lines_next(&df->it, line, ln)) return 1;
  free(df->data);
  df->data = NULL;
  return 0;
}

static const char *rule_ref(hooft_coder *c, const char *rel, int line) {
  char buf[512];
  snprintf(buf, sizeof buf, "dict/%s:%d", rel, line);
  return hf_intern_s(&c->strings, buf);
}

static int valid_code_chars(const char *s, size_t min, size_t max) {
  size_t n = strlen(s);
  if (n < min || n > max) return 0;
  for (size_t i = 0; i < n; i++)
    if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9'))) return 0;
  return 1;
}

/* ---- CAMEO table ---- */
static void load_cameo(hooft_coder *c, hf_problems *pr) {
  const char *rel = "cameo/events.tsv";
  hf_dict_file df;
  if (!hf_dict_open(&df, pr, rel)) return;
  char *line;
  int ln;
  while (hf_dict_next(&df, &line, &ln)) {
    char *f[6];
    int nf = hf_split(line, '\t', f, 6);
    if (nf != 5) {
      hf_problem(pr, rel, ln, "expected 5 tab-separated fields (code, name, goldstein, quad, plover), found %d", nf);
      continue;
    }
    size_t cl = strlen(f[0]);
    int digits = cl >= 2 && cl <= 4;
    for (size_t i = 0; i < cl; i++)
      if (f[0][i] < '0' || f[0][i] > '9') digits = 0;
    char *end;
    int no_score = !*f[2]; /* the reference table leaves a few newer codes unscored */
    double g = no_score ? 0 : strtod(f[2], &end);
    if (no_score) end = f[2];
    int quad = atoi(f[3]);
    if (!digits) {
      hf_problem(pr, rel, ln, "bad CAMEO code '%s'", f[0]);
      continue;
    }
    if (*end || g < -10 || g > 10) {
      hf_problem(pr, rel, ln, "bad Goldstein score '%s'", f[2]);
      continue;
    }
    if (quad < 1 || quad > 4) {
      hf_problem(pr, rel, ln, "bad quad class '%s'", f[3]);
      continue;
    }
    hf_cameo *e = hf_arena_alloc(&c->arena, sizeof *e);
    e->code = hf_intern_s(&c->strings, f[0]);
    e->root = hf_intern_n(&c->strings, f[0], 2);
    e->name = hf_intern_s(&c->strings, f[1]);
    e->plover = strcmp(f[4], "-") ? hf_intern_s(&c->strings, f[4]) : NULL;
    e->goldstein = no_score ? NAN : g;
    e->quad = quad;
    if (hf_map_get(&c->cameo, e->code)) hf_problem(pr, rel, ln, "duplicate CAMEO code %s", f[0]);
    hf_map_put(&c->cameo, e->code, e);
  }
  /* an unscored code takes the score of its nearest scored parent (1952 -> 195) */
  for (size_t i = 0; i < c->cameo.cap; i++) {
    hf_cameo *e = c->cameo.slots[i].key ? c->cameo.slots[i].value : NULL;
    if (!e || !isnan(e->goldstein)) continue;
    char parent[8];
    snprintf(parent, sizeof parent, "%s", e->code);
    double g = NAN;
    for (size_t n = strlen(parent); n > 2 && isnan(g); n--) {
      parent[n - 1] = 0;
      const hf_cameo *p = hf_map_get(&c->cameo, parent);
      if (p) g = p->goldstein;
    }
    e->goldstein = isnan(g) ? 0 : g;
  }
}

/* ---- Phrases (actors and roles) ---- */
int hf_phrase_keys(hooft_coder *c, const char *phrase, const char ***keys) {
  hf_token_vec toks = {0};
  hf_arena tmp = {0};
  int exact = phrase[0] == '=';
  const char *p = exact ? phrase + 1 : phrase;
  hf_tokenize(c, -1, p, strlen(p), &tmp, &toks);
  const char **k = hf_arena_alloc(&c->arena, (toks.n ? toks.n : 1) * sizeof *k);
  for (size_t i = 0; i < toks.n; i++) {
    if (exact)
      k[i] = hf_intern_n(&c->strings, p + toks.v[i].start, toks.v[i].end - toks.v[i].start);
    else
      k[i] = hf_intern_s(&c->strings, toks.v[i].key);
  }
  int n = (int)toks.n;
  free(toks.v);
  hf_arena_free(&tmp);
  *keys = k;
  return n;
}

/* Finds or creates the phrase entry for the given keys in map. */
static hf_phrase *phrase_entry(hooft_coder *c, hf_map *map, const char **keys, int n, int exact, int kind) {
  void **slot = hf_map_slot_for(map, keys[0]);
  hf_phrase *prev = NULL;
  for (hf_phrase *p = *slot; p; prev = p, p = p->next) {
    if (p->ntok == n && p->kind == kind) {
      int same = 1;
      for (int i = 0; i < n && same; i++) same = p->keys[i] == keys[i];
      if (same) return p;
    }
  }
  hf_phrase *ph = hf_arena_alloc(&c->arena, sizeof *ph);
  ph->ntok = n;
  ph->keys = keys;
  ph->exact = exact;
  ph->kind = kind;
  /* keep the chain sorted longest first */
  prev = NULL;
  hf_phrase *cur = *slot;
  while (cur && cur->ntok >= n) {
    prev = cur;
    cur = cur->next;
  }
  ph->next = cur;
  if (prev)
    prev->next = ph;
  else
    *slot = ph;
  return ph;
}

/* Parses "YYYY-MM-DD..YYYY-MM-DD" (either side may be empty). */
static int parse_range(const char *s, int *from, int *to) {
  const char *dots = strstr(s, "..");
  if (!dots) return 0;
  size_t a = (size_t)(dots - s);
  const char *b = dots + 2;
  *from = a ? hf_parse_date(s, a) : 0;
  *to = *b ? hf_parse_date(b, strlen(b)) : 0;
  if ((a && !*from) || (*b && !*to)) return 0;
  if (*from && *to && *from > *to) return 0;
  return 1;
}

static void load_actor_file(hooft_coder *c, const char *rel, int kind, hf_problems *pr) {
  hf_dict_file df;
  if (!hf_dict_open(&df, pr, rel)) return;
  char *line;
  int ln;
  while (hf_dict_next(&df, &line, &ln)) {
    char *f[4];
    int nf = hf_split(line, '\t', f, 4);
    if (nf < 2 || nf > 3) {
      hf_problem(pr, rel, ln, "expected CODE<TAB>phrases[<TAB>FROM..TO], found %d fields", nf);
      continue;
    }
    int is_role = kind == HF_ACT_ROLE;
    if (!valid_code_chars(f[0], 3, 24) || (is_role && strlen(f[0]) % 3 != 0)) {
      hf_problem(pr, rel, ln, "bad actor code '%s'", f[0]);
      continue;
    }
    int from = 0, to = 0;
    if (nf == 3 && !parse_range(f[2], &from, &to)) {
      hf_problem(pr, rel, ln, "bad date range '%s' (want YYYY-MM-DD..YYYY-MM-DD, either side may be empty)", f[2]);
      continue;
    }
    hf_actor_code ac = {hf_intern_s(&c->strings, f[0]), NULL, from, to, rule_ref(c, rel, ln)};
    char *phr[512];
    int np = hf_split(f[1], '|', phr, 512);
    for (int i = 0; i < np; i++) {
      char *ph = phr[i];
      while (*ph == ' ') ph++;
      size_t pl = strlen(ph);
      while (pl && ph[pl - 1] == ' ') ph[--pl] = 0;
      if (!pl || (ph[0] == '=' && pl == 1)) {
        hf_problem(pr, rel, ln, "empty phrase");
        continue;
      }
      const char **keys;
      int nk = hf_phrase_keys(c, ph, &keys);
      if (nk == 0) {
        hf_problem(pr, rel, ln, "phrase '%s' has no words", ph);
        continue;
      }
      int exact = ph[0] == '=';
      hf_phrase *e = phrase_entry(c, exact ? &c->exact_phrases : &c->phrases, keys, nk, exact, kind);
      for (size_t k = 0; k < e->codes.n; k++) {
        if (e->codes.v[k].code == ac.code && e->codes.v[k].from == from && e->codes.v[k].to == to) {
          hf_warning(pr, rel, ln, "duplicate phrase '%s' for %s (also %s)", ph, f[0], e->codes.v[k].rule);
          goto next_phrase;
        }
      }
      HF_VEC_PUSH(e->codes, ac);
      if (is_role)
        c->nroles++;
      else
        c->nactors++;
    next_phrase:;
    }
  }
}

/* Sets the country of every actor code: a state or region code's first three
 * letters, else the longest IGO/NGO code it starts with, else itself. */
static void assign_countries(hooft_coder *c, hf_map *states, hf_map *orgs) {
  hf_map *maps[2] = {&c->phrases, &c->exact_phrases};
  for (int m = 0; m < 2; m++) {
    for (size_t s = 0; s < maps[m]->cap; s++) {
      for (hf_phrase *p = maps[m]->slots[s].key ? maps[m]->slots[s].value : NULL; p; p = p->next) {
        for (size_t k = 0; k < p->codes.n; k++) {
          hf_actor_code *ac = &p->codes.v[k];
          if (p->kind == HF_ACT_ROLE) continue;
          const char *code = ac->code;
          if (hf_map_getn(states, code, 3)) {
            ac->country = hf_intern_n(&c->strings, code, 3);
            continue;
          }
          size_t best = 0;
          for (size_t l = strlen(code); l >= 3; l -= 3)
            if (hf_map_getn(orgs, code, l)) {
              best = l;
              break;
            }
          ac->country = best ? hf_intern_n(&c->strings, code, best) : code;
        }
      }
    }
  }
}

static void collect_codes(hooft_coder *c, int kind, hf_map *into) {
  hf_map *maps[2] = {&c->phrases, &c->exact_phrases};
  for (int m = 0; m < 2; m++)
    for (size_t s = 0; s < maps[m]->cap; s++)
      for (hf_phrase *p = maps[m]->slots[s].key ? maps[m]->slots[s].value : NULL; p; p = p->next)
        if (p->kind == kind)
          for (size_t k = 0; k < p->codes.n; k++) {
            const char *code = p->codes.v[k].code;
            if (kind == HF_ACT_STATE || kind == HF_ACT_REGION)
              hf_map_put(into, hf_intern_n(&c->strings, code, 3), (void *)code);
            else
              hf_map_put(into, code, (void *)code);
          }
}

/* ---- Per-language files ---- */
static const struct {
  const char *name;
  uint32_t bit;
} grammar_classes[] = {{"prep", HF_G_PREP},       {"neg", HF_G_NEG},         {"pron", HF_G_PRON},
                       {"subord", HF_G_SUBORD},   {"rel", HF_G_REL},         {"coord", HF_G_COORD},
                       {"passive", HF_G_PASSIVE}, {"agent", HF_G_AGENT},     {"particle", HF_G_PARTICLE},
                       {"infmark", HF_G_INFMARK}, {"det", HF_G_DET},         {"be", HF_G_BE},
                       {"clause", HF_G_CLAUSE},   {"poss", HF_G_POSS},
                       {"comp", HF_G_COMP},       {"cond", HF_G_COND},       {"partof", HF_G_PARTOF}};

static void load_grammar(hooft_coder *c, int lang, hf_problems *pr) {
  char rel[64];
  snprintf(rel, sizeof rel, "%s/grammar.txt", hf_lang_names[lang]);
  hf_dict_file df;
  if (!hf_dict_open(&df, pr, rel)) return;
  char *line;
  int ln;
  hf_buf key = {0};
  while (hf_dict_next(&df, &line, &ln)) {
    char *f[3];
    if (hf_split(line, '\t', f, 3) != 2) {
      hf_problem(pr, rel, ln, "expected CLASS<TAB>word|word|...");
      continue;
    }
    uint32_t bit = 0;
    for (size_t i = 0; i < sizeof grammar_classes / sizeof *grammar_classes; i++)
      if (strcmp(f[0], grammar_classes[i].name) == 0) bit = grammar_classes[i].bit;
    if (!bit) {
      hf_problem(pr, rel, ln, "unknown word class '%s'", f[0]);
      continue;
    }
    char *w[512];
    int nw = hf_split(f[1], '|', w, 512);
    for (int i = 0; i < nw; i++) {
      key.len = 0;
      hf_text_key(&key, w[i], strlen(w[i]));
      if (!key.len) continue;
      const char *k = hf_intern_n(&c->strings, key.data, key.len);
      void **slot = hf_map_slot_for(&c->lang[lang].grammar, k);
      *slot = (void *)((uintptr_t)*slot | bit);
    }
  }
  hf_buf_free(&key);
}

static void load_abbrev(hooft_coder *c, int lang, hf_problems *pr) {
  char rel[64];
  snprintf(rel, sizeof rel, "%s/abbrev.txt", hf_lang_names[lang]);
  hf_dict_file df;
  if (!hf_dict_open(&df, pr, rel)) return;
  char *line;
  int ln;
  hf_buf key = {0};
  while (hf_dict_next(&df, &line, &ln)) {
    size_t n = strlen(line);
    if (line[n - 1] != '.' || strchr(line, ' ') || strchr(line, '\t')) {
      hf_problem(pr, rel, ln, "an abbreviation is one word ending in a period: '%s'", line);
      continue;
    }
    key.len = 0;
    hf_text_key(&key, line, n);
    const char *k = hf_intern_n(&c->strings, key.data, key.len);
    hf_map_put(&c->lang[lang].abbrev, k, (void *)k);
  }
  hf_buf_free(&key);
}

static void add_known(hooft_coder *c, int lang, const char *word, const char *lemma) {
  if (!hf_map_get(&c->lang[lang].known, word)) hf_map_put(&c->lang[lang].known, word, (void *)lemma);
}

typedef struct {
  hooft_coder *c;
  const char *inf;
} stem_ctx;

static void add_stem(const char *stem, void *vctx) {
  stem_ctx *ctx = vctx;
  hf_map *idx = &ctx->c->lang[HF_LANG_NL].stem_index;
  const char *k = hf_intern_s(&ctx->c->strings, stem);
  if (!hf_map_get(idx, k)) hf_map_put(idx, k, (void *)ctx->inf);
}

/* Registers a Dutch infinitive: known word plus its stem variants; for a
 * separable verb also the verb without its particle. */
static void index_nl_verb(hooft_coder *c, const char *inf) {
  add_known(c, HF_LANG_NL, inf, inf);
  size_t n = strlen(inf);
  stem_ctx ctx = {c, inf};
  if (n > 3 && strcmp(inf + n - 2, "en") == 0)
    hf_nl_stem_variants(inf, n - 2, add_stem, &ctx);
  for (size_t pl = 2; pl + 3 < n && pl <= 8; pl++) {
    if (!hf_is_particle(c, HF_LANG_NL, inf, pl)) continue;
    const char *rest = hf_intern_s(&c->strings, inf + pl);
    add_known(c, HF_LANG_NL, rest, rest);
    stem_ctx r = {c, rest};
    size_t rl = strlen(rest);
    if (rl > 3 && strcmp(rest + rl - 2, "en") == 0) hf_nl_stem_variants(rest, rl - 2, add_stem, &r);
  }
}

void hf_index_verb(hooft_coder *c, int lang, const char *lemma) {
  if (lang == HF_LANG_NL)
    index_nl_verb(c, lemma);
  else
    add_known(c, lang, lemma, lemma);
}

static void load_lemma_table(hooft_coder *c, int lang, hf_problems *pr) {
  char rel[64];
  snprintf(rel, sizeof rel, "%s/lemmas.txt", hf_lang_names[lang]);
  hf_dict_file df;
  if (!hf_dict_open(&df, pr, rel)) return;
  char *line;
  int ln;
  hf_buf key = {0};
  while (hf_dict_next(&df, &line, &ln)) {
    char *f[3];
    if (hf_split(line, '\t', f, 3) != 2 || !*f[0] || !*f[1]) {
      hf_problem(pr, rel, ln, "expected form<TAB>lemma");
      continue;
    }
    key.len = 0;
    hf_text_key(&key, f[0], strlen(f[0]));
    const char *form = hf_intern_n(&c->strings, key.data, key.len);
    key.len = 0;
    hf_text_key(&key, f[1], strlen(f[1]));
    const char *lemma = hf_intern_n(&c->strings, key.data, key.len);
    const char *old = hf_map_get(&c->lang[lang].lemma_table, form);
    if (old && old != lemma) hf_warning(pr, rel, ln, "'%s' already has lemma '%s'", f[0], old);
    hf_map_put(&c->lang[lang].lemma_table, form, (void *)lemma);
    if (lang == HF_LANG_NL) index_nl_verb(c, lemma);
  }
  hf_buf_free(&key);
}

/* Parses one pattern line into p; returns 0 or -1 with msg set. */
static int parse_pattern(hooft_coder *c, int lang, char *text, hf_pattern *p, char *msg, size_t msglen) {
  char *words[64];
  int nw = 0;
  for (char *tok = strtok(text, " "); tok && nw < 64; tok = strtok(NULL, " ")) words[nw++] = tok;
  if (nw == 0) {
    snprintf(msg, msglen, "empty pattern");
    return -1;
  }
  hf_buf key = {0};
  hf_elem *elems = hf_arena_alloc(&c->arena, (size_t)nw * sizeof *elems);
  int ne = 0;
  for (int i = 0; i < nw; i++) {
    char *w = words[i];
    hf_elem e = {0};
    if (strcmp(w, "+") == 0) {
      e.kind = HF_E_TARGET;
      elems[ne++] = e;
      continue;
    }
    if (i + 1 < nw && strcmp(words[i + 1], "+") == 0) {
      e.kind = HF_E_PREP_TARGET;
      i++;
    } else if (w[0] == '!') {
      e.kind = HF_E_NOT;
      w++;
    } else {
      e.kind = HF_E_WORD;
    }
    char *alts[32];
    int na = hf_split(w, '|', alts, 32);
    e.all_exact = 1;
    e.alts = hf_arena_alloc(&c->arena, (size_t)na * sizeof *e.alts);
    e.alt_kind = hf_arena_alloc(&c->arena, (size_t)na);
    e.alt_hash = hf_arena_alloc(&c->arena, (size_t)na * sizeof *e.alt_hash);
    e.alt_len = hf_arena_alloc(&c->arena, (size_t)na * sizeof *e.alt_len);
    for (int a = 0; a < na; a++) {
      char *alt = alts[a];
      uint8_t kind = HF_A_EXACT;
      size_t al = strlen(alt);
      if (al > 2 && alt[0] == '*' && alt[al - 1] == '*') {
        kind = HF_A_INFIX;
        alt[al - 1] = 0;
        alt++;
      } else if (al > 1 && alt[0] == '*') {
        kind = HF_A_SUFFIX;
        alt++;
      } else if (al > 1 && alt[al - 1] == '*') {
        kind = HF_A_PREFIX;
        alt[al - 1] = 0;
      }
      if (!*alt || strchr(alt, '*') || strchr(alt, '+') || strchr(alt, '$') || strchr(alt, '!') ||
          (kind != HF_A_EXACT && e.kind == HF_E_PREP_TARGET)) {
        snprintf(msg, msglen, "bad pattern element '%s'", words[i]);
        hf_buf_free(&key);
        return -1;
      }
      key.len = 0;
      hf_text_key(&key, alt, strlen(alt));
      e.alt_kind[e.nalt] = kind;
      if (kind != HF_A_EXACT) e.all_exact = 0;
      e.alt_len[e.nalt] = (uint32_t)key.len;
      e.alt_hash[e.nalt] = hf_hash(key.data, key.len);
      e.alts[e.nalt++] = hf_intern_n(&c->strings, key.data, key.len);
      if (e.kind == HF_E_WORD && kind == HF_A_EXACT) add_known(c, lang, e.alts[e.nalt - 1], e.alts[e.nalt - 1]);
    }
    if (e.kind == HF_E_PREP_TARGET && e.nalt > 0) p->prep = e.alts[0];
    elems[ne++] = e;
  }
  hf_buf_free(&key);
  if (elems[0].kind != HF_E_WORD || elems[0].nalt != 1 || elems[0].alt_kind[0] != HF_A_EXACT) {
    snprintf(msg, msglen, "a pattern must start with one head word");
    return -1;
  }
  p->head = elems[0].alts[0];
  p->elems = elems + 1;
  p->nelem = ne - 1;
  p->weight = 1;
  for (int i = 0; i < p->nelem; i++)
    if (p->elems[i].kind != HF_E_TARGET && p->elems[i].kind != HF_E_NOT) p->weight++;
  return 0;
}

static void load_verbs(hooft_coder *c, int lang, hf_problems *pr) {
  char rel[64];
  snprintf(rel, sizeof rel, "%s/verbs.txt", hf_lang_names[lang]);
  hf_dict_file df;
  if (!hf_dict_open(&df, pr, rel)) return;
  char *line;
  int ln, order = 0;
  hf_map seen = {0};
  while (hf_dict_next(&df, &line, &ln)) {
    char *f[3];
    if (hf_split(line, '\t', f, 3) != 2) {
      hf_problem(pr, rel, ln, "expected CAMEO<TAB>pattern");
      continue;
    }
    const hf_cameo *cam = hf_map_get(&c->cameo, f[0]);
    if (!cam) {
      hf_problem(pr, rel, ln, "unknown CAMEO code '%s'", f[0]);
      continue;
    }
    char dupkey[600];
    snprintf(dupkey, sizeof dupkey, "%s\t%s", f[0], f[1]);
    const char *dk = hf_intern_s(&c->strings, dupkey);
    if (hf_map_get(&seen, dk)) {
      hf_warning(pr, rel, ln, "duplicate pattern (first at line %d)", (int)(intptr_t)hf_map_get(&seen, dk));
      continue;
    }
    hf_map_put(&seen, dk, (void *)(intptr_t)ln);
    hf_pattern *p = hf_arena_alloc(&c->arena, sizeof *p);
    p->text = hf_intern_s(&c->strings, f[1]);
    char msg[256];
    if (parse_pattern(c, lang, f[1], p, msg, sizeof msg) < 0) {
      hf_problem(pr, rel, ln, "%s", msg);
      continue;
    }
    p->cameo = cam;
    p->rule = rule_ref(c, rel, ln);
    p->order = order++;
    void **slot = hf_map_slot_for(&c->lang[lang].patterns, p->head);
    if (!*slot) {
      hf_pattern_list *l = hf_xcalloc(1, sizeof *l);
      HF_VEC_PUSH(c->lists, l);
      *slot = l;
    }
    HF_VEC_PUSH(*(hf_pattern_list *)*slot, p);
    add_known(c, lang, p->head, p->head);
    if (lang == HF_LANG_NL) index_nl_verb(c, p->head);
    c->lang[lang].npatterns++;
  }
  hf_map_free(&seen);
}

int hf_load_cameo_table(hooft_coder *c, const char *dir, hooft_error *err) {
  hf_problems pr = {{0}, 0, {0}, 0, dir};
  load_cameo(c, &pr);
  hf_buf_free(&pr.warn_text);
  if (pr.count) {
    const char *t = hf_buf_cstr(&pr.text);
    hf_error(err, "%.*s", (int)strlen(t) - 1, t);
    hf_buf_free(&pr.text);
    return -1;
  }
  hf_buf_free(&pr.text);
  return 0;
}

int hf_load_dictionaries(hooft_coder *c, const char *dir, hooft_error *err) {
  hf_problems pr = {{0}, 0, {0}, 0, dir};
  load_cameo(c, &pr);
  for (int lang = 0; lang < HF_NLANG; lang++) {
    load_grammar(c, lang, &pr);
    load_abbrev(c, lang, &pr);
  }
  load_lemma_table(c, HF_LANG_NL, &pr);
  for (int lang = 0; lang < HF_NLANG; lang++) load_verbs(c, lang, &pr);
  static const struct {
    const char *file;
    int kind;
  } actor_files[] = {{"actors/countries.txt", HF_ACT_STATE},
                     {"actors/regions.txt", HF_ACT_REGION},
                     {"actors/igos.txt", HF_ACT_IGO},
                     {"actors/leaders.txt", HF_ACT_PERSON},
                     {"actors/roles.txt", HF_ACT_ROLE}};
  for (size_t i = 0; i < sizeof actor_files / sizeof *actor_files; i++)
    load_actor_file(c, actor_files[i].file, actor_files[i].kind, &pr);
  hf_claims_load(c, &pr);
  hf_map states = {0}, orgs = {0};
  collect_codes(c, HF_ACT_STATE, &states);
  collect_codes(c, HF_ACT_REGION, &states);
  collect_codes(c, HF_ACT_IGO, &orgs);
  assign_countries(c, &states, &orgs);
  hf_map_free(&states);
  hf_map_free(&orgs);
  c->warnings = pr.warn_text.data; /* owned by the coder */
  if (pr.count) {
    const char *t = hf_buf_cstr(&pr.text);
    size_t room = sizeof err->message - 64;
    if (strlen(t) > room) {
      size_t cut = room;
      while (cut && t[cut] != '\n') cut--;
      hf_error(err, "%.*s\n... %d problems in all", (int)cut, t, pr.count);
    } else {
      hf_error(err, "%.*s", (int)strlen(t) - 1, t);
    }
    hf_buf_free(&pr.text);
    return -1;
  }
  hf_buf_free(&pr.text);
  return 0;
}
