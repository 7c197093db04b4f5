/* events.c: clause analysis and event coding: splits a sentence into clauses, matches verb
 * patterns (separable verbs, negation, passive), and assigns source and target actors
 * (subjects, objects, preposition targets, compound subjects, pronouns, relative clauses). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events.h"

#define HF_MAX_CLAUSES 128
#define HF_MAX_CLAUSE_TOKENS 48

typedef struct clause {
  int from, to;  /* token range [from, to) */
  uint64_t bloom;  /* one bit per key and lemma hash of the clause's words: rules out most elements at once */
  int hole_from, hole_to; /* an inserted phrase inside the range that is not part of it */
  int after_comma;        /* the clause was split off at a comma */
  int rel_antecedent; /* mention index of the antecedent of a relative clause, or -1 */
  int starts_coord, starts_sub;
  int relative;           /* a relative clause, or a coordinated continuation of one */
  int scope_from;         /* first token whose certainty and date cues apply to this clause */
} clause;

static int key_is(const hf_token *t, const char *s) { return strcmp(t->key, s) == 0; }

static int is_boundary_punct(const hf_token *t) {
  if (t->kind == HF_T_QUOTE) return 1;
  if (t->kind != HF_T_PUNCT) return 0;
  return key_is(t, ",") || key_is(t, ";") || key_is(t, ":") || key_is(t, "(") || key_is(t, ")") ||
         key_is(t, "-") || key_is(t, "\xe2\x80\x93") || key_is(t, "\xe2\x80\x94");
}

static uint64_t bloom_bit(uint64_t hash) { return 1ULL << (hash >> 58); }

/* Is token k part of clause cl (inside its range, outside its hole)? */
static int in_clause(const clause *cl, int k) {
  return k >= cl->from && k < cl->to && !(k >= cl->hole_from && k < cl->hole_to);
}

/* Index of the mention covering token k, or -1. */
static int mention_at(const hf_mention *m, size_t nm, int k) {
  for (size_t i = 0; i < nm; i++)
    if (m[i].first <= k && k <= m[i].last) return (int)i;
  return -1;
}

/* Splits [from, to) into clauses at punctuation (except inside compound actor
 * groups), subordinators, relative pronouns and clause-level coordination. */
static int split_clauses(hooft_coder *c, int lang, hf_token *toks, int from, int to, const hf_mention *m, size_t nm,
                         clause *cl) {
  int n = 0;
  cl[n] = (clause){.from = from, .to = to, .rel_antecedent = -1};
  for (int k = from + 1; k < to && n + 1 < HF_MAX_CLAUSES; k++) {
    const hf_token *t = &toks[k], *prev = &toks[k - 1];
    int split = 0, skip = 0;
    if (is_boundary_punct(t)) {
      int a = mention_at(m, nm, k - 1), b = -1;
      int j = k + 1;
      while (j < to && ((toks[j].gram & (HF_G_COORD | HF_G_DET)))) j++;
      if (j < to) b = mention_at(m, nm, j);
      if (key_is(t, ",") && a >= 0 && b >= 0 && m[a].group >= 0 && m[a].group == m[b].group &&
          k - cl[n].from < HF_MAX_CLAUSE_TOKENS / 2)
        continue;
      split = 1;
      skip = 1;
    } else if ((t->gram & (HF_G_SUBORD | HF_G_REL | HF_G_CLAUSE)) && !is_boundary_punct(prev) &&
               !(prev->gram & (HF_G_PREP | HF_G_DET))) {
      split = 1;
    } else if (t->gram & HF_G_COORD) {
      /* clause coordination when a verb of ours follows: "... aan en bombardeerde Kyiv";
       * not noun coordination: "wapens en munitie" */
      int inside_prev = mention_at(m, nm, k - 1) >= 0;
      int verb_next = 0;
      for (int j = k + 1; j < to && j <= k + 2; j++)
        if (toks[j].lemma && hf_map_get(&c->lang[lang].patterns, toks[j].lemma)) verb_next = 1;
      if (key_is(t, "maar") || key_is(t, "but") || (!inside_prev && verb_next)) split = 1;
    }
    if (!split && k - cl[n].from >= HF_MAX_CLAUSE_TOKENS) split = 1; /* keep pathological input linear */
    if (!split) continue;
    cl[n].to = k;
    n++;
    cl[n] = (clause){.from = skip ? k + 1 : k, .to = to, .after_comma = key_is(t, ","), .rel_antecedent = -1};
  }
  n++;
  for (int i = 0; i < n; i++) {
    cl[i].bloom = 0;
    for (int k = cl[i].from; k < cl[i].to; k++)
      if (toks[k].kind == HF_T_WORD) cl[i].bloom |= bloom_bit(toks[k].key_hash) | bloom_bit(toks[k].lemma_hash);
  }
  /* An inserted prepositional phrase between commas does not end the clause:
   * "Noord- en Zuid-Korea vochten van 1950 tot 1953, met steun van ..., een conflict uit." */
  for (int i = 1; i + 1 < n; i++) {
    if (!cl[i].after_comma || !cl[i + 1].after_comma || !(toks[cl[i].from].gram & HF_G_PREP)) continue;
    if (cl[i + 1].from < cl[i + 1].to && (toks[cl[i + 1].from].gram & (HF_G_SUBORD | HF_G_REL | HF_G_COORD)))
      continue;
    cl[i - 1].hole_from = cl[i].from - 1;
    cl[i - 1].hole_to = cl[i + 1].from;
    cl[i - 1].to = cl[i + 1].to;
    cl[i - 1].bloom |= cl[i + 1].bloom;
    cl[i].to = cl[i].from;
    cl[i + 1].from = cl[i + 1].to;
    i++;
  }
  for (int i = 0; i < n; i++) {
    clause *c = &cl[i];
    while (c->from < c->to && is_boundary_punct(&toks[c->from])) c->from++;
    c->scope_from = c->from;
    if (c->from >= c->to) {
      if (i > 0) c->scope_from = cl[i - 1].scope_from, c->relative = cl[i - 1].relative; /* empty: pass through */
      continue;
    }
    const hf_token *f = &toks[c->from];
    c->starts_coord = (f->gram & (HF_G_COORD | HF_G_INFMARK)) != 0;
    c->starts_sub = (f->gram & (HF_G_SUBORD | HF_G_REL | HF_G_CLAUSE)) != 0;
    c->relative = (f->gram & HF_G_REL) || (i > 0 && c->starts_coord && cl[i - 1].relative);
    /* a complement (dat/om/that/to) or coordinated clause is governed by the clause before
     * it: "Seoul vreest dat ... zal sturen" is a fear */
    c->scope_from = i > 0 && !c->relative && (f->gram & (HF_G_COMP | HF_G_INFMARK | HF_G_COORD)) && !(f->gram & HF_G_CLAUSE)
                        ? cl[i - 1].scope_from
                        : c->from;
    if ((f->gram & HF_G_REL) && c->from > from) {
      int k = c->from - 1;
      while (k > from && is_boundary_punct(&toks[k])) k--;
      c->rel_antecedent = mention_at(m, nm, k);
    }
  }
  return n;
}

/* Does some token of the clause (other than skip) match one of the element's alternatives? */
static int elem_token(const hf_token *toks, const clause *cl, const hf_elem *e, int skip) {
  int possible = 0;
  for (int a = 0; a < e->nalt && !possible; a++)
    possible = e->alt_kind[a] != HF_A_EXACT || (cl->bloom & bloom_bit(e->alt_hash[a]));
  if (!possible) return -1;
  for (int k = cl->from; k < cl->to; k++) {
    if (k == skip || toks[k].kind != HF_T_WORD || !in_clause(cl, k)) continue;
    const hf_token *t = &toks[k];
    for (int a = 0; a < e->nalt; a++) {
      const char *alt = e->alts[a];
      uint32_t al = e->alt_len[a];
      if (e->alt_kind[a] == HF_A_EXACT) {
        if ((t->key_hash == e->alt_hash[a] && strcmp(t->key, alt) == 0) ||
            (t->lemma && t->lemma_hash == e->alt_hash[a] && strcmp(t->lemma, alt) == 0))
          return k;
        continue;
      }
      const char *forms[2] = {t->key, t->lemma};
      uint32_t lens[2] = {t->key_len, t->lemma_len};
      for (int f = 0; f < 2; f++) {
        if (!forms[f] || lens[f] < al) continue;
        int hit = e->alt_kind[a] == HF_A_SUFFIX   ? memcmp(forms[f] + lens[f] - al, alt, al) == 0
                  : e->alt_kind[a] == HF_A_PREFIX ? memcmp(forms[f], alt, al) == 0
                                                  : strstr(forms[f], alt) != NULL;
        if (hit) return k;
      }
    }
  }
  return -1;
}

typedef struct match {
  const hf_pattern *p;
  int head, particle;
  int complement; /* the head is an infinitive complement ("te leveren", "to send") */
  int used[16]; /* tokens consumed by word elements */
  int nused;
} match;

/* Checks pattern p against the clause with its head at token h. */
static int pattern_matches(const hf_pattern *p, const hf_token *toks, const clause *cl, int h, match *out) {
  out->nused = 0;
  /* required words first: the clause's bloom filter rejects most patterns there */
  for (int i = 0; i < p->nelem; i++) {
    const hf_elem *e = &p->elems[i];
    if (e->kind == HF_E_WORD && e->all_exact && elem_token(toks, cl, e, h) < 0) return 0;
  }
  for (int i = 0; i < p->nelem; i++) {
    const hf_elem *e = &p->elems[i];
    if (e->kind == HF_E_TARGET) continue;
    int k = elem_token(toks, cl, e, h);
    if (e->kind == HF_E_NOT) {
      if (k >= 0) return 0;
      continue;
    }
    if (k < 0) return 0;
    if (e->kind == HF_E_PREP_TARGET && k < h && toks[h].gram == 0 && 0) return 0;
    if (e->kind != HF_E_PREP_TARGET && out->nused < 16) out->used[out->nused++] = k;
  }
  return 1;
}

/* The best match of a clause: a main verb before its infinitive complement
 * ("beloofde wapens te leveren" is a promise), then the most elements, then the
 * first head, then the first dictionary line. */
static int better(const match *a, const match *b) {
  if (!b->p) return 1;
  if (a->complement != b->complement) return b->complement;
  if (a->p->weight != b->p->weight) return a->p->weight > b->p->weight;
  if (a->head != b->head) return a->head < b->head;
  return a->p->order < b->p->order;
}

/* Tries every pattern whose head is `head` at token h. */
static void try_head(hooft_coder *c, int lang, const char *head, const hf_token *toks, const clause *cl, int h,
                     int particle, match *best) {
  const hf_pattern_list *l = hf_map_get(&c->lang[lang].patterns, head);
  if (!l) return;
  int complement = 0;
  for (int k = h - 1; k >= cl->from && k >= h - 2; k--)
    if ((toks[k].gram & HF_G_INFMARK) && strcmp(toks[k].key, "om") != 0) complement = 1;
  for (size_t i = 0; i < l->n; i++) {
    match m = {l->v[i], h, particle, complement, {0}, 0};
    if (pattern_matches(l->v[i], toks, cl, h, &m) && better(&m, best)) *best = m;
  }
}

/* Finds the best pattern match of every head in the clause (at most max,
 * into cands) and returns the index of the best one, or -1. */
static int clause_matches(hooft_coder *c, int lang, const hf_token *toks, const clause *cl, match *cands, int max,
                          int *ncands) {
  int n = 0, best = -1;
  for (int h = cl->from; h < cl->to && n < max; h++) {
    const hf_token *t = &toks[h];
    if (!in_clause(cl, h)) continue;
    if (t->kind != HF_T_WORD || (t->gram & (HF_G_DET | HF_G_NEG))) continue;
    match hb = {0};
    hb.head = -1;
    try_head(c, lang, t->lemma, toks, cl, h, -1, &hb);
    if (t->key != t->lemma && strcmp(t->key, t->lemma) != 0) try_head(c, lang, t->key, toks, cl, h, -1, &hb);
    if (lang == HF_LANG_NL) { /* separable verbs: viel ... binnen, uit te oefenen */
      for (int k = cl->from; k < cl->to; k++) {
        if (k == h || !(toks[k].gram & HF_G_PARTICLE) || !in_clause(cl, k)) continue;
        char joined[256];
        snprintf(joined, sizeof joined, "%s%s", toks[k].key, t->lemma);
        const char *j = hf_map_get(&c->lang[lang].known, joined);
        if (j) try_head(c, lang, j, toks, cl, h, k, &hb);
      }
    }
    if (!hb.p) continue;
    cands[n++] = hb;
  }
  /* English gerund complements: "ruled out sending", "refused talking" */
  for (int i = 0; lang == HF_LANG_EN && i < n; i++) {
    const char *key = toks[cands[i].head].key;
    size_t kl = strlen(key);
    if (kl < 5 || strcmp(key + kl - 3, "ing") != 0) continue;
    for (int j = 0; j < n; j++)
      if (cands[j].head < cands[i].head && cands[i].head - cands[j].head <= 3) cands[i].complement = 1;
  }
  for (int i = 0; i < n; i++)
    if (best < 0 || better(&cands[i], &cands[best])) best = i;
  *ncands = n;
  return best;
}

static int token_used(const match *mt, int k) {
  if (!mt->p) return 0;
  for (int i = 0; i < mt->nused; i++)
    if (mt->used[i] == k) return 1;
  return k == mt->head || k == mt->particle;
}

/* Is mention m part of the pattern rather than an actor? A role word the pattern
 * names ("sturen troepen naar") is; "the Chinese ambassador" in "summoned the
 * Chinese ambassador" stays an actor although the pattern names "ambassador". */
static int consumed(const match *mt, const hf_mention *m) {
  if (m->first <= mt->head && mt->head <= m->last) return 1;
  if (!m->role_only) return 0;
  for (int i = 0; i < mt->nused; i++)
    if (m->first <= mt->used[i] && mt->used[i] <= m->last) return 1;
  return 0;
}

/* Does an event of this pattern have an embedded clause as its content
 * (appeal, intent, demand, disapproval, rejection, threat, denial)? */
static int takes_content(const hf_pattern *p) {
  const char *r = p->cameo->root;
  return !strcmp(r, "02") || !strcmp(r, "03") || !strcmp(r, "10") || !strcmp(r, "11") || !strcmp(r, "12") ||
         !strcmp(r, "13") || !strcmp(p->cameo->code, "016");
}

static int is_participle(const hf_token *t, int lang) {
  size_t n = strlen(t->key);
  if (!t->lemma || t->key == t->lemma || strcmp(t->key, t->lemma) == 0) return 0;
  if (lang == HF_LANG_NL) return n > 3 && (strstr(t->key, "ge") != NULL || t->key[n - 1] == 'd' || t->key[n - 1] == 't');
  if (n > 3 && strcmp(t->key + n - 3, "ing") == 0) return 0;
  return n > 2 && t->key[n - 1] != 's';
}

/* Resolves a pronoun mention to the discourse's last subject. */
static int resolve(hf_mention *m, const hf_discourse *dis, const hf_mention *all, size_t nm) {
  if (!m->pronoun) return m->code != NULL;
  /* "Trump said he would meet Putin": an earlier subject in the same sentence */
  const hf_mention *ante = NULL;
  for (size_t i = 0; i < nm; i++)
    if (all[i].last < m->first && !all[i].pronoun && all[i].code && all[i].prep < 0 && !all[i].role_only)
      ante = &all[i];
  if (!ante && !dis->last_subject.code) return 0;
  int first = m->first, last = m->last;
  *m = ante ? *ante : dis->last_subject;
  m->first = first;
  m->last = last;
  m->head = first;
  m->pronoun = 1;
  m->group = -1;
  return 1;
}

static void emit(hf_found_vec *out, const hf_mention *src, const hf_mention *tgt, const match *mt, int negated,
                 int sfrom, int sto, const clause *k, int content_from) {
  if (!src->code || !tgt->code || src->code == tgt->code) return;
  /* a bare state as the target of its own people ("Zelensky ... Ukrainian territory") is
   * almost always an adjective misread as an actor; domestic events need a role on the
   * target side (GEO -> GEOGOV) */
  if (src->country && src->country == tgt->country && strlen(tgt->code) == 3) return;
  if (src->country && tgt->country && src->country == tgt->country && strlen(src->code) <= 3 &&
      strlen(tgt->code) <= 3)
    return;
  hf_found f;
  memset(&f, 0, sizeof f);
  f.source = *src;
  f.target = *tgt;
  f.pattern = mt->p;
  f.head = mt->head;
  f.particle = mt->particle;
  f.negated = negated;
  f.first = f.last = mt->head;
  f.scope_from = k->scope_from;
  f.clause_from = k->from;
  f.content_from = content_from;
  f.scope_to = k->to;
  const hf_mention *ms[2] = {src, tgt};
  for (int i = 0; i < 2; i++) {
    if (ms[i]->first < sfrom || ms[i]->last >= sto) continue;
    if (ms[i]->first < f.first) f.first = ms[i]->first;
    if (ms[i]->last > f.last) f.last = ms[i]->last;
  }
  if (mt->particle >= 0 && mt->particle > f.last) f.last = mt->particle;
  if (mt->particle >= 0 && mt->particle < f.first) f.first = mt->particle;
  HF_VEC_PUSH(*out, f);
}

/* Everything known about one clause while its roles are assigned. */
typedef struct clause_ctx {
  const clause *k;
  const hf_token *toks;
  hf_mention *m;          /* all mentions of the sentence */
  size_t nm;
  int idx[64], ni;        /* mentions in this clause */
  hf_mention *free_m[64]; /* mentions not governed by a preposition, nor used by the pattern */
  int nfree;
  int agent;              /* mention index of the passive agent (door/by), or -1 */
  int negated, passive;
  match cands[16];        /* best match of every head */
  int ncands, best;
  match mt;               /* the winning match (mt.p NULL if none) */
  int complement_from;    /* first token of the winning head's infinitive complement, or the clause end */
  hf_mention *weak_target; /* a bare role word as direct object, used when nothing better is found */
} clause_ctx;

/* The first mention of clause k governed by preposition prep (a key), not used by mt. */
static hf_mention *prep_mention(clause_ctx *x, const char *prep) {
  for (int i = 0; i < x->ni; i++) {
    hf_mention *y = &x->m[x->idx[i]];
    if (y->prep >= 0 && in_clause(x->k, y->prep) && strcmp(x->toks[y->prep].key, prep) == 0 && !consumed(&x->mt, y))
      return y;
  }
  return NULL;
}

/* The first mention in clause k that no preposition of k governs, or NULL. */
static hf_mention *subject_of(const clause *k, hf_mention *m, size_t nm) {
  for (size_t i = 0; i < nm; i++)
    if (in_clause(k, m[i].first) && (m[i].prep < 0 || !in_clause(k, m[i].prep))) return &m[i];
  return NULL;
}

/* Collects the clause's mentions, pattern matches, negation and voice. */
static void analyze_clause(hooft_coder *c, int lang, clause_ctx *x) {
  const clause *k = x->k;
  const hf_token *toks = x->toks;
  x->ni = x->nfree = 0;
  x->agent = -1;
  x->negated = x->passive = 0;
  for (size_t i = 0; i < x->nm && x->ni < 64; i++)
    if (in_clause(k, x->m[i].first)) x->idx[x->ni++] = (int)i;
  x->best = clause_matches(c, lang, toks, k, x->cands, 16, &x->ncands);
  memset(&x->mt, 0, sizeof x->mt);
  x->mt.head = x->mt.particle = -1;
  if (x->best >= 0) x->mt = x->cands[x->best];
  /* a negation inside the infinitive complement of the winning head negates the
   * complement, not the event: "vroeg Noord-Korea om de spanningen niet op te voeren" */
  int complement_from = k->to;
  x->complement_from = k->to;
  if (x->mt.p && !x->mt.complement)
    for (int t = x->mt.head + 1; t < k->to && complement_from == k->to; t++)
      if (in_clause(k, t) && (toks[t].gram & HF_G_INFMARK)) complement_from = t;
  for (int t = k->from; t < k->to; t++) {
    if (!in_clause(k, t)) continue;
    if ((toks[t].gram & HF_G_NEG) && !token_used(&x->mt, t) && t < complement_from) x->negated = 1;
    x->complement_from = complement_from;
    if (toks[t].gram & HF_G_PASSIVE) x->passive = 1;
  }
  for (int i = 0; i < x->ni; i++) {
    hf_mention *y = &x->m[x->idx[i]];
    if (x->mt.p && consumed(&x->mt, y)) continue;
    int governed = y->prep >= 0 && in_clause(k, y->prep) && !(y->prep == k->from && (toks[y->prep].gram & HF_G_SUBORD));
    if (governed && (toks[y->prep].gram & HF_G_AGENT) && x->agent < 0) x->agent = x->idx[i];
    if (!governed) x->free_m[x->nfree++] = y;
  }
  if (!x->mt.p) return;
  /* passive: an auxiliary with a participle head, or (Dutch) zijn with a door-phrase */
  int adjectival = x->mt.head + 1 < k->to && (toks[x->mt.head + 1].gram & HF_G_INFMARK); /* "was prepared to" */
  if (x->passive && (adjectival || !(is_participle(&toks[x->mt.head], lang) || x->agent >= 0))) x->passive = 0;
  if (!x->passive && lang == HF_LANG_NL && x->agent >= 0)
    for (int t = k->from; t < k->to; t++)
      if (in_clause(k, t) && (toks[t].gram & HF_G_BE)) x->passive = 1;
}

static void trace_clause(const clause_ctx *x, int ci) {
  const hf_token *toks = x->toks;
  fprintf(stderr, "[clause %d]", ci);
  for (int t = x->k->from; t < x->k->to; t++) {
    if (!in_clause(x->k, t)) continue;
    int lem = toks[t].lemma && strcmp(toks[t].lemma, toks[t].key);
    fprintf(stderr, " %s%s%s", toks[t].key, lem ? "/" : "", lem ? toks[t].lemma : "");
  }
  fprintf(stderr, "\n   pattern: %s %s%s%s%s\n", x->mt.p ? x->mt.p->cameo->code : "-", x->mt.p ? x->mt.p->text : "",
          x->passive ? " [passive]" : "", x->negated ? " [negated]" : "", x->mt.complement ? " [complement]" : "");
  for (int i = 0; i < x->ni; i++) {
    const hf_mention *y = &x->m[x->idx[i]];
    fprintf(stderr, "   mention %s tokens %d-%d%s%s%s\n", y->code ? y->code : "(pronoun)", y->first, y->last,
            y->prep >= 0 && in_clause(x->k, y->prep) ? " after a preposition" : "", y->group >= 0 ? " in a group" : "",
            y->role_only ? " (role only)" : "");
  }
}

/* Assigns source and target of the clause's winning match (voice, word order,
 * relative antecedent, preposition targets). Returns which were found. */
static void assign_roles(clause_ctx *x, int lang, hf_mention *src, int *have_src, hf_mention *tgt, int *have_tgt) {
  const match *mt = &x->mt;
  hf_mention *p = mt->p->prep ? prep_mention(x, mt->p->prep) : NULL;
  if (p) *tgt = *p, *have_tgt = 1;
  if (x->passive) {
    if (x->agent >= 0) {
      *src = x->m[x->agent], *have_src = 1;
      if (!*have_tgt && x->nfree > 0) *tgt = *x->free_m[0], *have_tgt = 1;
    } else if (*have_tgt && x->nfree > 0) { /* "troepen werden naar Rusland gestuurd" */
      *src = *x->free_m[0], *have_src = 1;
    }
    return;
  }
  int s = -1;
  if (x->k->rel_antecedent >= 0) {
    *src = x->m[x->k->rel_antecedent], *have_src = 1;
  } else if (lang == HF_LANG_EN) { /* the nearest actor before the verb, with its whole group */
    for (int i = 0; i < x->nfree; i++)
      if (x->free_m[i]->last < mt->head) s = i;
    while (s > 0 && x->free_m[s]->group >= 0 && x->free_m[s - 1]->group == x->free_m[s]->group) s--;
  } else if (x->nfree > 0) { /* Dutch: the first actor (verb-second and verb-final orders) */
    s = 0;
  }
  if (s >= 0) *src = *x->free_m[s], *have_src = 1;
  x->weak_target = NULL;
  for (int i = (s >= 0 ? s + 1 : 0); i < x->nfree && !*have_tgt; i++) {
    hf_mention *y = x->free_m[i];
    if (*have_src && src->group >= 0 && y->group == src->group) continue;
    if (lang == HF_LANG_EN && y->first < mt->head) continue;
    if (y->role_only) { /* "share intelligence with Estonia": a bare role is a last resort */
      if (!x->weak_target && y->first <= mt->head + 6) x->weak_target = y;
      continue;
    }
    *tgt = *y, *have_tgt = 1;
  }
}

/* Can a compound subject without a target be read as acting on each other?
 * Agreeing, consulting, signing, cooperating, exchanging, fighting: yes;
 * appealing, accusing, threatening: no. */
static int symmetric(const hf_pattern *p) {
  static const char *const roots[] = {"03", "04", "05", "06", "08", "19"};
  for (size_t i = 0; i < sizeof roots / sizeof *roots; i++)
    if (!strcmp(p->cameo->root, roots[i])) return 1;
  return 0;
}

/* Emits the events of a clause: every member of a compound source, and the
 * reciprocal pairs of a compound subject without a target. */
static void emit_clause(clause_ctx *x, const hf_mention *src, int have_src, const hf_mention *tgt, int have_tgt,
                        int from, int to, hf_found_vec *out) {
  if (!have_src) return;
  if (!have_tgt && src->group >= 0) {
    if (!symmetric(x->mt.p)) return;
    for (int a = 0; a < x->ni; a++)
      for (int b = 0; b < x->ni; b++) {
        hf_mention *p = &x->m[x->idx[a]], *q = &x->m[x->idx[b]];
        if (a != b && p->group == src->group && q->group == src->group) emit(out, p, q, &x->mt, x->negated, from, to, x->k, x->complement_from);
      }
    return;
  }
  if (!have_tgt) return;
  /* every member of a compound source, towards every member of a compound target */
  const hf_mention *srcs[16], *tgts[16];
  int ns = 0, nt = 0;
  for (int a = 0; a < x->ni; a++) {
    const hf_mention *y = &x->m[x->idx[a]];
    if (src->group >= 0 && !src->pronoun && y->group == src->group && ns < 16) srcs[ns++] = y;
    if (tgt->group >= 0 && !tgt->pronoun && tgt->group != src->group && y->group == tgt->group && nt < 16)
      tgts[nt++] = y;
  }
  if (!ns) srcs[ns++] = src;
  if (!nt) tgts[nt++] = tgt;
  for (int a = 0; a < ns; a++)
    for (int b = 0; b < nt; b++) emit(out, srcs[a], tgts[b], &x->mt, x->negated, from, to, x->k, x->complement_from);
}

void hf_code_sentence(hooft_coder *c, int lang, const char *text, hf_token *toks, int from, int to, hf_mention *m,
                      size_t nm, hf_discourse *dis, hf_found_vec *out) {
  (void)text;
  clause cl[HF_MAX_CLAUSES];
  int ncl = split_clauses(c, lang, toks, from, to, m, nm, cl);
  hf_mention prev_source = {0}, prev_target = {0};
  int prev_request = 0, suppress = 0;
  clause_ctx x;
  x.toks = toks;
  x.m = m;
  x.nm = nm;
  for (int ci = 0; ci < ncl; ci++) {
    clause *k = &cl[ci];
    if (k->from >= k->to) continue;
    x.k = k;
    /* the embedded clause of a demand, appeal, promise, threat, accusation or
     * denial is its content, not an event of its own; nor is a conditional clause */
    int skip_events = suppress || (toks[k->from].gram & HF_G_COND);
    suppress = 0;
    x.weak_target = NULL;
    analyze_clause(c, lang, &x);
    const clause *next = ci + 1 < ncl && cl[ci + 1].from < cl[ci + 1].to ? &cl[ci + 1] : NULL;
    int next_is_content = x.mt.p && !skip_events && next && (toks[next->from].gram & HF_G_COMP) && takes_content(x.mt.p);
    if (c->trace) trace_clause(&x, ci);
    hf_mention src = {0}, tgt = {0};
    int have_src = 0, have_tgt = 0;
    if (x.mt.p) {
      assign_roles(&x, lang, &src, &have_src, &tgt, &have_tgt);
      /* no subject: a coordinated or infinitive clause continues the previous one;
       * after a request the requested party is the subject ("vroeg X om ... te") */
      if (!have_src && ci > 0 && (k->starts_coord || !k->starts_sub) && prev_source.code) {
        src = (prev_request && prev_target.code) ? prev_target : prev_source;
        have_src = 1;
      }
      /* an outer verb without a target takes its complement's: "weigert wapens aan Oekraïne te leveren" */
      for (int ca = 0; ca < x.ncands && !have_tgt; ca++) {
        hf_mention *p = ca != x.best && x.cands[ca].p->prep ? prep_mention(&x, x.cands[ca].p->prep) : NULL;
        if (p) tgt = *p, have_tgt = 1;
      }
      /* "De Navo eiste dat Rusland ...": the embedded subject is the target */
      hf_mention *e = !have_tgt && next_is_content ? subject_of(next, m, nm) : NULL;
      if (e) tgt = *e, have_tgt = 1;
      /* "... goederen die door de Russische wapenindustrie ...": the target in a relative clause */
      if (!have_tgt && src.group < 0 && next && next->rel_antecedent < 0 && (toks[next->from].gram & HF_G_REL)) {
        for (size_t i = 0; i < nm && !have_tgt; i++)
          if (in_clause(next, m[i].first) && !m[i].pronoun) tgt = m[i], have_tgt = 1;
      }
      if (!have_tgt && x.weak_target) tgt = *x.weak_target, have_tgt = 1;
      if (have_src && !resolve(&src, dis, m, nm)) have_src = 0;
      if (have_tgt && !resolve(&tgt, dis, m, nm)) have_tgt = 0;
      if (!skip_events) emit_clause(&x, &src, have_src, &tgt, have_tgt, from, to, out);
    }
    if (next_is_content) suppress = 1;
    /* discourse: this clause's subject is what a later pronoun refers to */
    const hf_mention *subj = have_src && !src.pronoun ? &src
                             : x.nfree > 0 && !x.free_m[0]->pronoun && !x.free_m[0]->role_only ? x.free_m[0]
                                                                                              : NULL;
    if (subj && subj->code) dis->last_subject = *subj;
    if (k->relative || k->starts_sub) {
      /* a relative or subordinate clause does not supply the subject of what follows */
    } else if (have_src) {
      prev_source = src;
      prev_target = have_tgt ? tgt : (hf_mention){0};
      prev_request = x.mt.p && (!strcmp(x.mt.p->cameo->root, "02") || !strcmp(x.mt.p->cameo->root, "10"));
    } else if (x.nfree > 0 && !x.free_m[0]->pronoun) {
      prev_source = *x.free_m[0];
      prev_target = (hf_mention){0};
      prev_request = 0;
    }
  }
}
