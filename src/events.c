/* events.c: clause analysis and event coding: splits a sentence into clauses, matches verb
 * patterns (separable verbs, negation, passive), and assigns source and target actors
 * (subjects, objects, preposition targets, compound subjects, pronouns, relative clauses). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events.h"

#define HF_MAX_CLAUSES 128

typedef struct clause {
  int from, to;  /* token range [from, to) */
  int hole_from, hole_to; /* an inserted phrase inside the range that is not part of it */
  int after_comma;        /* the clause was split off at a comma */
  int rel_antecedent; /* mention index of the antecedent of a relative clause, or -1 */
  int starts_coord, starts_sub;
} clause;

static int key_is(const hf_token *t, const char *s) { return strcmp(t->key, s) == 0; }

static int is_boundary_punct(const hf_token *t) {
  if (t->kind == HF_T_QUOTE) return 1;
  if (t->kind != HF_T_PUNCT) return 0;
  return key_is(t, ",") || key_is(t, ";") || key_is(t, ":") || key_is(t, "(") || key_is(t, ")") ||
         key_is(t, "-") || key_is(t, "\xe2\x80\x93") || key_is(t, "\xe2\x80\x94");
}

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
  cl[n] = (clause){from, to, 0, 0, 0, -1, 0, 0};
  for (int k = from + 1; k < to && n + 1 < HF_MAX_CLAUSES; k++) {
    const hf_token *t = &toks[k], *prev = &toks[k - 1];
    int split = 0, skip = 0;
    if (is_boundary_punct(t)) {
      int a = mention_at(m, nm, k - 1), b = -1;
      int j = k + 1;
      while (j < to && ((toks[j].gram & (HF_G_COORD | HF_G_DET)))) j++;
      if (j < to) b = mention_at(m, nm, j);
      if (key_is(t, ",") && a >= 0 && b >= 0 && m[a].group >= 0 && m[a].group == m[b].group) continue;
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
    if (!split) continue;
    cl[n].to = k;
    n++;
    cl[n] = (clause){skip ? k + 1 : k, to, 0, 0, key_is(t, ","), -1, 0, 0};
  }
  n++;
  /* An inserted prepositional phrase between commas does not end the clause:
   * "Noord- en Zuid-Korea vochten van 1950 tot 1953, met steun van ..., een conflict uit." */
  for (int i = 1; i + 1 < n; i++) {
    if (!cl[i].after_comma || !cl[i + 1].after_comma || !(toks[cl[i].from].gram & HF_G_PREP)) continue;
    if (cl[i + 1].from < cl[i + 1].to && (toks[cl[i + 1].from].gram & (HF_G_SUBORD | HF_G_REL | HF_G_COORD)))
      continue;
    cl[i - 1].hole_from = cl[i].from - 1;
    cl[i - 1].hole_to = cl[i + 1].from;
    cl[i - 1].to = cl[i + 1].to;
    cl[i].to = cl[i].from;
    cl[i + 1].from = cl[i + 1].to;
    i++;
  }
  for (int i = 0; i < n; i++) {
    clause *c = &cl[i];
    while (c->from < c->to && is_boundary_punct(&toks[c->from])) c->from++;
    if (c->from >= c->to) continue;
    const hf_token *f = &toks[c->from];
    c->starts_coord = (f->gram & (HF_G_COORD | HF_G_INFMARK)) != 0;
    c->starts_sub = (f->gram & (HF_G_SUBORD | HF_G_REL | HF_G_CLAUSE)) != 0;
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
  for (int k = cl->from; k < cl->to; k++) {
    if (k == skip || toks[k].kind != HF_T_WORD || !in_clause(cl, k)) continue;
    const hf_token *t = &toks[k];
    for (int a = 0; a < e->nalt; a++) {
      const char *alt = e->alts[a];
      if (e->alt_kind[a] == HF_A_EXACT) {
        if (t->key == alt || t->lemma == alt || strcmp(t->key, alt) == 0 || (t->lemma && strcmp(t->lemma, alt) == 0))
          return k;
        continue;
      }
      const char *forms[2] = {t->key, t->lemma};
      size_t al = strlen(alt);
      for (int f = 0; f < 2; f++) {
        if (!forms[f]) continue;
        size_t fl = strlen(forms[f]);
        int hit = e->alt_kind[a] == HF_A_SUFFIX   ? (fl >= al && strcmp(forms[f] + fl - al, alt) == 0)
                  : e->alt_kind[a] == HF_A_PREFIX ? strncmp(forms[f], alt, al) == 0
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

/* Finds the best pattern match of the clause. */
static match best_match(hooft_coder *c, int lang, const hf_token *toks, const clause *cl) {
  match best = {0};
  best.head = -1;
  for (int h = cl->from; h < cl->to; h++) {
    const hf_token *t = &toks[h];
    if (!in_clause(cl, h)) continue;
    if (t->kind != HF_T_WORD || (t->gram & (HF_G_DET | HF_G_NEG))) continue;
    try_head(c, lang, t->lemma, toks, cl, h, -1, &best);
    if (t->key != t->lemma && strcmp(t->key, t->lemma) != 0) try_head(c, lang, t->key, toks, cl, h, -1, &best);
    if (lang == HF_LANG_NL) { /* separable verbs: viel ... binnen, uit te oefenen */
      for (int k = cl->from; k < cl->to; k++) {
        if (k == h || !(toks[k].gram & HF_G_PARTICLE) || !in_clause(cl, k)) continue;
        char joined[256];
        snprintf(joined, sizeof joined, "%s%s", toks[k].key, t->lemma);
        const char *j = hf_map_get(&c->lang[lang].known, joined);
        if (j) try_head(c, lang, j, toks, cl, h, k, &best);
      }
    }
  }
  return best;
}

static int token_used(const match *mt, int k) {
  if (!mt->p) return 0;
  for (int i = 0; i < mt->nused; i++)
    if (mt->used[i] == k) return 1;
  return k == mt->head || k == mt->particle;
}

static int consumed(const match *mt, const hf_mention *m) {
  for (int i = 0; i < mt->nused; i++)
    if (m->first <= mt->used[i] && mt->used[i] <= m->last) return 1;
  return m->first <= mt->head && mt->head <= m->last;
}

static int is_participle(const hf_token *t, int lang) {
  size_t n = strlen(t->key);
  if (!t->lemma || t->key == t->lemma || strcmp(t->key, t->lemma) == 0) return 0;
  if (lang == HF_LANG_NL) return n > 3 && (strstr(t->key, "ge") != NULL || t->key[n - 1] == 'd' || t->key[n - 1] == 't');
  if (n > 3 && strcmp(t->key + n - 3, "ing") == 0) return 0;
  return n > 2 && t->key[n - 1] != 's';
}

/* Resolves a pronoun mention to the discourse's last subject. */
static int resolve(hf_mention *m, const hf_discourse *dis) {
  if (!m->pronoun) return m->code != NULL;
  if (!dis->last_subject.code) return 0;
  int first = m->first, last = m->last;
  *m = dis->last_subject;
  m->first = first;
  m->last = last;
  m->head = first;
  m->pronoun = 1;
  m->text = dis->last_subject_text;
  m->group = -1;
  return 1;
}

static void emit(hf_found_vec *out, const hf_mention *src, const hf_mention *tgt, const match *mt, int negated,
                 int sfrom, int sto) {
  if (!src->code || !tgt->code || src->code == tgt->code) return;
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
  const hf_mention *ms[2] = {src, tgt};
  for (int i = 0; i < 2; i++) {
    if (ms[i]->first < sfrom || ms[i]->last >= sto || ms[i]->text) continue;
    if (ms[i]->first < f.first) f.first = ms[i]->first;
    if (ms[i]->last > f.last) f.last = ms[i]->last;
  }
  if (mt->particle >= 0 && mt->particle > f.last) f.last = mt->particle;
  if (mt->particle >= 0 && mt->particle < f.first) f.first = mt->particle;
  HF_VEC_PUSH(*out, f);
}

void hf_code_sentence(hooft_coder *c, int lang, const char *text, hf_token *toks, int from, int to, hf_mention *m,
                      size_t nm, hf_discourse *dis, hf_found_vec *out) {
  (void)text;
  clause cl[HF_MAX_CLAUSES];
  int ncl = split_clauses(c, lang, toks, from, to, m, nm, cl);
  hf_mention prev_source = {0}, prev_target = {0};
  int prev_root_request = 0;
  for (int ci = 0; ci < ncl; ci++) {
    clause *k = &cl[ci];
    if (k->from >= k->to) continue;
    /* mentions of this clause */
    int idx[64], ni = 0;
    for (size_t i = 0; i < nm && ni < 64; i++)
      if (in_clause(k, m[i].first)) idx[ni++] = (int)i;
    match mt = best_match(c, lang, toks, k);
    if (c->trace) {
      fprintf(stderr, "[clause %d]", ci);
      for (int t = k->from; t < k->to; t++)
        fprintf(stderr, " %s%s%s", toks[t].key, toks[t].lemma && strcmp(toks[t].lemma, toks[t].key) ? "/" : "",
                toks[t].lemma && strcmp(toks[t].lemma, toks[t].key) ? toks[t].lemma : "");
      fprintf(stderr, "\n   pattern: %s %s\n", mt.p ? mt.p->cameo->code : "-", mt.p ? mt.p->text : "");
      for (int i = 0; i < ni; i++)
        fprintf(stderr, "   mention %s [%d-%d] prep=%d group=%d%s\n", m[idx[i]].code ? m[idx[i]].code : "(pron)",
                m[idx[i]].first, m[idx[i]].last, m[idx[i]].prep, m[idx[i]].group, m[idx[i]].role_only ? " role" : "");
    }
    int negated = 0, passive = 0, agent = -1;
    for (int t = k->from; t < k->to; t++) {
      if (!in_clause(k, t)) continue;
      if ((toks[t].gram & HF_G_NEG) && !token_used(&mt, t)) negated = 1;
      if (toks[t].gram & HF_G_PASSIVE) passive = 1;
    }
    hf_mention *free_m[64];
    int nfree = 0;
    for (int i = 0; i < ni; i++) {
      hf_mention *x = &m[idx[i]];
      if (mt.p && consumed(&mt, x)) continue;
      int governed = x->prep >= 0 && in_clause(k, x->prep);
      if (governed && (toks[x->prep].gram & HF_G_AGENT) && agent < 0) agent = idx[i];
      if (!governed) free_m[nfree++] = x;
    }
    hf_mention src = {0}, tgt = {0};
    int have_src = 0, have_tgt = 0;
    if (mt.p) {
      if (passive && !(is_participle(&toks[mt.head], lang) || agent >= 0)) passive = 0;
      if (!passive && lang == HF_LANG_NL && agent >= 0) {
        for (int t = k->from; t < k->to; t++)
          if (toks[t].gram & HF_G_BE) passive = 1;
      }
      /* target through a preposition named by the pattern */
      if (mt.p->prep) {
        for (int i = 0; i < ni && !have_tgt; i++) {
          hf_mention *x = &m[idx[i]];
          if (x->prep >= 0 && in_clause(k, x->prep) && strcmp(toks[x->prep].key, mt.p->prep) == 0 && !consumed(&mt, x)) {
            tgt = *x;
            have_tgt = 1;
          }
        }
      }
      if (passive) {
        if (agent >= 0) {
          src = m[agent];
          have_src = 1;
          if (!have_tgt && nfree > 0) {
            tgt = *free_m[0];
            have_tgt = 1;
          }
        } else if (have_tgt && nfree > 0) {
          src = *free_m[0];
          have_src = 1;
        }
      } else {
        int s = -1;
        if (k->rel_antecedent >= 0) {
          src = m[k->rel_antecedent];
          have_src = 1;
        } else if (lang == HF_LANG_EN) {
          for (int i = 0; i < nfree; i++)
            if (free_m[i]->last < mt.head) s = i;
          if (s >= 0) /* the whole compound subject starts at its first member */
            while (s > 0 && free_m[s]->group >= 0 && free_m[s - 1]->group == free_m[s]->group) s--;
        } else if (nfree > 0) {
          s = 0;
        }
        if (s >= 0) {
          src = *free_m[s];
          have_src = 1;
        }
        if (!have_tgt) {
          for (int i = (s >= 0 ? s + 1 : 0); i < nfree && !have_tgt; i++) {
            if (src.group >= 0 && free_m[i]->group == src.group) continue;
            if (lang == HF_LANG_EN && free_m[i]->first < mt.head) continue;
            if (free_m[i]->role_only && free_m[i]->first > mt.head + 6) continue;
            tgt = *free_m[i];
            have_tgt = 1;
          }
        }
      }
      if (!have_src && ci > 0 && (k->starts_coord || !k->starts_sub) && prev_source.code) {
        src = (prev_root_request && prev_target.code) ? prev_target : prev_source;
        src.text = NULL;
        have_src = 1;
      }
      if (have_src && !resolve(&src, dis)) have_src = 0;
      if (have_tgt && !resolve(&tgt, dis)) have_tgt = 0;
      /* compound subject without a target: reciprocal events */
      if (have_src && !have_tgt && src.group >= 0) {
        for (int a = 0; a < ni; a++)
          for (int b = 0; b < ni; b++) {
            hf_mention *x = &m[idx[a]], *y = &m[idx[b]];
            if (a != b && x->group == src.group && y->group == src.group) emit(out, x, y, &mt, negated, from, to);
          }
      } else if (have_src && !have_tgt && ci + 1 < ncl && cl[ci + 1].rel_antecedent < 0 &&
                 (toks[cl[ci + 1].from].gram & HF_G_REL)) {
        /* target named in a following relative clause: ... goederen die door X ... */
        for (size_t i = 0; i < nm && !have_tgt; i++)
          if (m[i].first >= cl[ci + 1].from && m[i].first < cl[ci + 1].to && !m[i].pronoun) {
            tgt = m[i];
            have_tgt = 1;
          }
      }
      if (have_src && have_tgt) {
        if (src.group >= 0 && !src.text) { /* every member of a compound source */
          for (int a = 0; a < ni; a++)
            if (m[idx[a]].group == src.group) emit(out, &m[idx[a]], &tgt, &mt, negated, from, to);
        } else {
          emit(out, &src, &tgt, &mt, negated, from, to);
        }
      }
    }
    /* discourse: remember this clause's subject */
    hf_mention *subj = NULL;
    if (have_src && !src.pronoun)
      subj = &src;
    else if (nfree > 0 && !free_m[0]->pronoun && !free_m[0]->role_only)
      subj = free_m[0];
    if (subj && subj->code) {
      dis->last_subject = *subj;
      if (!subj->text) {
        dis->last_subject_text = NULL;
        dis->last_subject.text_first = subj->first;
        dis->last_subject.text_last = subj->last;
      }
    }
    if (have_src) {
      prev_source = src;
      prev_target = have_tgt ? tgt : (hf_mention){0};
      prev_root_request = mt.p && (strcmp(mt.p->cameo->root, "02") == 0 || strcmp(mt.p->cameo->root, "10") == 0);
    } else if (nfree > 0 && !free_m[0]->pronoun) {
      prev_source = *free_m[0];
      prev_target = (hf_mention){0};
      prev_root_request = 0;
    }
  }
}
