/* actors.c: finds actor mentions in a sentence: dictionary phrases (longest match, dated codes),
 * role words merged with states ("Zuid-Koreaanse regering" -> KORGOV), hyphenated and elided
 * compounds, genitives, governing prepositions and compound groups ("Noord- en Zuid-Korea"). */
#include <stdlib.h>
#include <string.h>

#include "coder.h"
#include "text.h"

/* Picks the code that applies on date (yyyymmdd; 0 = unknown): the entry whose
 * range contains it, else an undated one, else the one nearest in time. */
static const hf_actor_code *pick_code(const hf_phrase *p, int date) {
  const hf_actor_code *undated = NULL, *nearest = NULL;
  long best = -1;
  for (size_t i = 0; i < p->codes.n; i++) {
    const hf_actor_code *ac = &p->codes.v[i];
    if (!ac->from && !ac->to) {
      if (!undated) undated = ac;
      continue;
    }
    if (!date) continue;
    if ((!ac->from || ac->from <= date) && (!ac->to || date <= ac->to)) return ac;
    long d = ac->from && date < ac->from ? hf_day_number(ac->from) - hf_day_number(date)
                                         : hf_day_number(date) - hf_day_number(ac->to);
    if (best < 0 || d < best) {
      best = d;
      nearest = ac;
    }
  }
  if (undated) return undated;
  if (nearest) return nearest;
  return p->codes.n ? &p->codes.v[0] : NULL;
}

/* Tries the phrases of one chain at token i; returns the longest match. */
static const hf_phrase *match_chain(const hf_phrase *p, const char *text, hf_token *toks, int i, int to,
                                    int *genitive) {
  for (; p; p = p->next) {
    if (i + p->ntok > to) continue;
    int ok = 1, gen = 0;
    for (int k = 0; k < p->ntok && ok; k++) {
      const hf_token *t = &toks[i + k];
      if (t->kind != HF_T_WORD && t->kind != HF_T_NUM && t->kind != HF_T_PUNCT) {
        ok = 0;
        break;
      }
      if (p->exact) {
        size_t l = strlen(p->keys[k]);
        ok = (t->end - t->start) == l && memcmp(text + t->start, p->keys[k], l) == 0;
      } else if (t->key == p->keys[k] || strcmp(t->key, p->keys[k]) == 0) {
        ok = 1;
      } else if (k == p->ntok - 1 && t->gen && strcmp(t->gen, p->keys[k]) == 0) {
        gen = 1;
      } else {
        ok = 0;
      }
    }
    if (ok) {
      *genitive = gen;
      return p;
    }
  }
  return NULL;
}

/* Longest phrase (actor or role) starting at token i. */
static const hf_phrase *match_at(hooft_coder *c, const char *text, hf_token *toks, int i, int to, int *genitive) {
  const hf_phrase *best = NULL;
  int bgen = 0;
  const hf_token *t = &toks[i];
  size_t sl = t->end - t->start;
  const hf_phrase *chain = hf_map_getn(&c->exact_phrases, text + t->start, sl);
  if (chain) best = match_chain(chain, text, toks, i, to, &bgen);
  if (!best && t->gen && sl > 2) { /* the EU's, the US's: exact names with a genitive */
    size_t gl = text[t->start + sl - 2] == '\'' ? sl - 2 : sl >= 4 && !memcmp(text + t->end - 4, "\xe2\x80\x99s", 4) ? sl - 4 : 0;
    const hf_phrase *g = gl ? hf_map_getn(&c->exact_phrases, text + t->start, gl) : NULL;
    for (; g && !best; g = g->next)
      if (g->ntok == 1) best = g, bgen = 1;
  }
  chain = hf_map_get_hashed(&c->phrases, t->key, t->key_len, t->key_hash);
  int gen = 0;
  const hf_phrase *m = chain ? match_chain(chain, text, toks, i, to, &gen) : NULL;
  if (!m && t->gen) {
    chain = hf_map_get(&c->phrases, t->gen);
    if (chain) m = match_chain(chain, text, toks, i, to, &gen);
  }
  if (m && (!best || m->ntok > best->ntok)) {
    best = m;
    bgen = gen;
  }
  *genitive = bgen;
  return best;
}

/* One-token lookup of a key in the case-insensitive phrases, by kind class. */
static const hf_phrase *lookup_single(hooft_coder *c, const char *key, int want_role) {
  for (const hf_phrase *p = hf_map_get(&c->phrases, key); p; p = p->next)
    if (p->ntok == 1 && ((p->kind == HF_ACT_ROLE) == want_role)) return p;
  return NULL;
}

const hf_actor_code *hf_actor_lookup(hooft_coder *c, const char *phrase, int date) {
  const char **keys;
  int n = hf_phrase_keys(c, phrase, &keys);
  if (!n) return NULL;
  for (const hf_phrase *p = hf_map_get(&c->phrases, keys[0]); p; p = p->next) {
    if (p->ntok != n) continue;
    int same = 1;
    for (int k = 0; k < n && same; k++) same = p->keys[k] == keys[k];
    if (same) return pick_code(p, date);
  }
  return NULL;
}

/* A raw dictionary hit before merging. */
typedef struct raw {
  int first, last, kind, genitive;
  const hf_actor_code *code; /* actor code, or role codes */
  const char *role;          /* role codes of a role part ("GOV") */
} raw;


/* Builds the merged code: a person's code wins; else base code (+ roles when
 * the base is a three-letter state or region code); else roles alone. */
static const char *merged_code(hooft_coder *c, const raw *base, const raw *person, const char *roles) {
  if (person) return person->code->code;
  if (!base) return hf_intern_s(&c->strings, roles);
  const char *b = base->code->code;
  if (!roles[0] || strlen(b) != 3 || base->kind == HF_ACT_IGO) return b;
  char buf[64];
  snprintf(buf, sizeof buf, "%s%s", b, roles);
  return hf_intern_s(&c->strings, buf);
}

static int is_gap_word(const hf_token *t, int lang) {
  if (t->kind != HF_T_WORD || t->upper || t->gram) return 0;
  size_t n = strlen(t->key);
  if (lang == HF_LANG_NL) return n > 2 && t->key[n - 1] == 'e'; /* attributive adjective */
  return n > 3 && (strcmp(t->key + n - 2, "al") == 0 || strcmp(t->key + n - 3, "ary") == 0 ||
                   strcmp(t->key + n - 3, "ior") == 0 || strcmp(t->key + n - 2, "ic") == 0 ||
                   strcmp(t->key + n - 3, "ish") == 0);
}

void hf_find_actors(hooft_coder *c, int lang, const char *text, hf_token *toks, int from, int to, int date,
                    hf_mention_vec *out) {
  HF_VEC(raw) raws = {0};
  for (int i = from; i < to;) {
    hf_token *t = &toks[i];
    if (t->kind != HF_T_WORD) {
      i++;
      continue;
    }
    int gen = 0;
    const hf_phrase *p = match_at(c, text, toks, i, to, &gen);
    if (p) {
      raw r = {i, i + p->ntok - 1, p->kind, gen, pick_code(p, date), NULL};
      if (p->kind == HF_ACT_ROLE) r.role = r.code->code;
      if (r.code) HF_VEC_PUSH(raws, r);
      i += p->ntok;
      continue;
    }
    size_t kl = strlen(t->key);
    const char *dash = strrchr(t->key, '-');
    if (dash && kl > 1 && t->key[kl - 1] == '-' && i + 2 < to && (toks[i + 1].gram & HF_G_COORD)) {
      /* elided compound: Noord- en Zuid-Korea -> Noord-Korea */
      const char *other = strchr(toks[i + 2].key, '-');
      if (other) {
        char buf[256];
        snprintf(buf, sizeof buf, "%s%s", t->key, other + 1);
        const hf_phrase *e = lookup_single(c, buf, 0);
        if (e) {
          raw r = {i, i, e->kind, 0, pick_code(e, date), NULL};
          if (r.code) HF_VEC_PUSH(raws, r);
        }
      }
    } else if (dash && dash != t->key && dash[1]) {
      /* hyphenated compound: Navo-chef, VN-Veiligheidsraad, Kremlin-woordvoerder */
      char left[256];
      size_t ll = (size_t)(dash - t->key);
      if (ll < sizeof left) {
        memcpy(left, t->key, ll);
        left[ll] = 0;
        const hf_phrase *a = lookup_single(c, left, 0);
        for (const hf_phrase *e = a ? NULL : hf_map_getn(&c->exact_phrases, text + t->start, ll); e && !a; e = e->next)
          if (e->ntok == 1 && e->kind != HF_ACT_ROLE) a = e; /* VN-onderzoekers, EU-landen */
        const hf_phrase *rl = lookup_single(c, dash + 1, 1);
        if (a && (rl || a->kind != HF_ACT_ROLE)) {
          raw r = {i, i, a->kind, 0, pick_code(a, date), NULL};
          if (r.code) HF_VEC_PUSH(raws, r);
          if (rl) {
            raw q = {i, i, HF_ACT_ROLE, 0, pick_code(rl, date), NULL};
            q.role = q.code ? q.code->code : NULL;
            if (q.code) HF_VEC_PUSH(raws, q);
          }
        }
      }
    }
    i++;
  }

  /* Merge adjacent parts into mentions. */
  size_t start_n = out->n;
  for (size_t r = 0; r < raws.n;) {
    const raw *base = NULL, *person = NULL;
    char roles[64] = "";
    size_t q = r;
    int first = raws.v[r].first, last = raws.v[r].last, genitive = 0;
    for (; q < raws.n; q++) {
      const raw *x = &raws.v[q];
      if (q > r) {
        /* allowed link between the previous part and this one */
        int gap_ok = 1, gaps = 0;
        int k = last + 1;
        if (k < x->first && (toks[k].key[0] == 'v' || toks[k].key[0] == 'o') &&
            (strcmp(toks[k].key, "van") == 0 || strcmp(toks[k].key, "of") == 0) && !base && !person && roles[0] &&
            x->kind != HF_ACT_ROLE) {
          k++; /* role van/of (de/the) State */
          while (k < x->first && (toks[k].gram & HF_G_DET)) k++;
        }
        for (; k < x->first; k++) { /* adjectives only between a state and its role */
          if (x->kind != HF_ACT_ROLE || !is_gap_word(&toks[k], lang) || ++gaps > 2) gap_ok = 0;
        }
        /* Dutch: a state's name does not take a role noun (Noord-Korea troepen), its
         * adjective does (Noord-Koreaanse troepen); English allows both (US troops) */
        const raw *pv = &raws.v[q - 1];
        if (lang == HF_LANG_NL && x->kind == HF_ACT_ROLE && pv->kind != HF_ACT_ROLE && !pv->genitive &&
            pv->last < x->first) {
          const char *pk = toks[pv->last].key;
          size_t pl = strlen(pk);
          if (!(pl > 1 && pk[pl - 1] == 'e')) gap_ok = 0;
        }
        if (!gap_ok || (genitive && (x->kind != HF_ACT_ROLE || x->first != last + 1))) break;
        /* do not merge two bases or two persons, unless the second base names a group of
         * the first one's state: "Jemenitische Houthi-rebellen" (YEM + YEMREB) */
        int refines = base && x->kind != HF_ACT_ROLE && x->kind != HF_ACT_PERSON && x->first == last + 1 &&
                      x->code->country && x->code->country == base->code->country &&
                      strlen(x->code->code) > strlen(base->code->code);
        if (refines) {
          base = x;
          last = x->last;
          genitive = x->genitive;
          continue;
        }
        if ((x->kind != HF_ACT_ROLE && x->kind != HF_ACT_PERSON && base) || (x->kind == HF_ACT_PERSON && person))
          break;
        if (x->kind != HF_ACT_ROLE && x->kind != HF_ACT_PERSON && person) break;
      }
      if (x->kind == HF_ACT_ROLE) {
        if (x->role && strlen(roles) + strlen(x->role) < sizeof roles && !strstr(roles, x->role))
          strcat(roles, x->role);
      } else if (x->kind == HF_ACT_PERSON) {
        person = x;
      } else {
        base = x;
      }
      last = x->last;
      genitive = x->genitive;
    }
    hf_mention m;
    memset(&m, 0, sizeof m);
    m.first = first;
    m.last = last;
    m.head = first;
    m.code = merged_code(c, base, person, roles);
    m.country = person ? person->code->country : base ? base->code->country : NULL;
    m.rule = person ? person->code->rule : base ? base->code->rule : raws.v[r].code->rule;
    m.kind = person ? HF_ACT_PERSON : base ? base->kind : HF_ACT_ROLE;
    m.role_only = !person && !base;
    m.prep = -1;
    m.group = -1;
    m.possessive = genitive;
    m.text_first = first;
    m.text_last = last;
    HF_VEC_PUSH(*out, m);
    r = q > r ? q : r + 1;
  }
  free(raws.v);

  /* Pronouns that can stand for an earlier subject. */
  for (int i = from; i < to; i++) {
    if (!(toks[i].gram & HF_G_PRON)) continue;
    int inside = 0;
    for (size_t k = start_n; k < out->n; k++)
      if (out->v[k].first <= i && i <= out->v[k].last) inside = 1;
    if (inside) continue;
    hf_mention m;
    memset(&m, 0, sizeof m);
    m.first = m.last = m.head = i;
    m.pronoun = 1;
    m.prep = -1;
    m.group = -1;
    m.text_first = m.text_last = i;
    HF_VEC_PUSH(*out, m);
  }
  /* keep mentions in text order */
  for (size_t a = start_n + 1; a < out->n; a++) {
    hf_mention x = out->v[a];
    size_t b = a;
    while (b > start_n && out->v[b - 1].first > x.first) {
      out->v[b] = out->v[b - 1];
      b--;
    }
    out->v[b] = x;
  }

  /* A genitive followed closely by another actor modifies it: Noord-Korea's buur China. */
  for (size_t a = start_n; a + 1 < out->n; a++) {
    hf_mention *m = &out->v[a], *n = &out->v[a + 1];
    int prep_between = 0;
    for (int k = m->last + 1; k < n->first; k++)
      prep_between |= (toks[k].gram & (HF_G_PREP | HF_G_COORD)) != 0 || toks[k].kind == HF_T_PUNCT;
    /* "Noord-Korea's grote buur China", not "Russia's invasion of Ukraine" */
    if (m->possessive && !m->pronoun && n->first - m->last <= 3 && !prep_between) m->possessive = 2;
  }

  /* Governing prepositions. */
  for (size_t a = start_n; a < out->n; a++) {
    hf_mention *m = &out->v[a];
    int k = m->first - 1, adjectives = 0;
    while (k >= from && ((toks[k].gram & (HF_G_DET | HF_G_POSS)) || (is_gap_word(&toks[k], lang) && ++adjectives <= 2) ||
                         (toks[k].kind == HF_T_NUM && !(toks[k].num >= 1800 && toks[k].num <= 2100))))
      k--;
    if (k >= from && (toks[k].gram & HF_G_PREP)) m->prep = k;
    /* "om Kim Jong-un te ontmoeten": 'om' opens an infinitive, it governs nothing */
    if (m->prep >= 0 && (toks[m->prep].gram & HF_G_INFMARK))
      for (int j = m->last + 1; j < to && j <= m->last + 8; j++)
        if ((toks[j].gram & HF_G_INFMARK) && strcmp(toks[j].key, toks[m->prep].key) != 0) {
          m->prep = -1;
          break;
        }
    /* "duizenden Georgiërs", "thousands of Georgians", "supporters of X": the quantity
     * or group word does not make the actor a prepositional object */
    if (m->prep >= from + 1 && (toks[m->prep - 1].gram & HF_G_PARTOF)) m->prep = -1;
    if (m->prep >= from + 1 && toks[m->prep - 1].kind == HF_T_NUM) m->prep = -1;
  }
  /* a bare role after a possessive refers back to its owner: "its nuclear forces" */
  for (size_t a = start_n; a < out->n; a++) {
    hf_mention *m = &out->v[a];
    if (!m->role_only) continue;
    for (int k = m->first - 1; k >= from && k >= m->first - 3; k--)
      if (toks[k].gram & HF_G_POSS) m->code = NULL; /* removed below */
  }
  /* possessive modifiers hand their preposition to the noun they modify */
  size_t w = start_n;
  for (size_t a = start_n; a < out->n; a++) {
    if (!out->v[a].code && !out->v[a].pronoun) continue;
    if (out->v[a].possessive == 2) {
      if (a + 1 < out->n && out->v[a + 1].prep < 0) out->v[a + 1].prep = out->v[a].prep;
      continue;
    }
    out->v[w++] = out->v[a];
  }
  out->n = w;

  /* Compound groups: "A en B", "A, B and C". A run linked by commas only is not a
   * group ("According to NATO, Russia attacked"): a list has a coordinator. */
  size_t nm = out->n - start_n;
  int *link = hf_xcalloc(nm + 1, sizeof *link); /* link[i]: i and i+1 joined (1 comma, 2 coordinator) */
  for (size_t a = start_n; a + 1 < out->n; a++) {
    hf_mention *m = &out->v[a], *n = &out->v[a + 1];
    if (m->pronoun || n->pronoun) continue;
    int ok = 1, commas = 0, coords = 0;
    for (int k = m->last + 1; k < n->first; k++) {
      const hf_token *t = &toks[k];
      if (t->gram & HF_G_COORD)
        coords++;
      else if (strcmp(t->key, ",") == 0 || strcmp(t->key, "&") == 0)
        commas++;
      else if (!(t->gram & HF_G_DET))
        ok = 0;
    }
    if (ok && commas + coords >= 1 && commas + coords <= 2) link[a - start_n] = coords ? 2 : 1;
  }
  int gid = 0;
  for (size_t a = 0; a < nm;) {
    size_t b = a;
    int has_coord = 0;
    while (b + 1 < nm && link[b]) has_coord |= link[b] == 2, b++;
    if (b > a && has_coord) {
      int g = gid++ + (int)start_n * 1000;
      for (size_t i = a; i <= b; i++) {
        out->v[start_n + i].group = g;
        if (i > a && out->v[start_n + i].prep < 0) out->v[start_n + i].prep = out->v[start_n + a].prep;
      }
    }
    a = b + 1;
  }
  free(link);
  /* a role on the last member of a group applies to members without one:
   * Zuid-Koreaanse en Amerikaanse delegaties -> KORGOV, USAGOV */
  for (size_t a = start_n; a < out->n; a++) {
    hf_mention *m = &out->v[a];
    if (m->group < 0 || m->kind != HF_ACT_STATE || strlen(m->code) != 3) continue;
    size_t b = a + 1;
    while (b < out->n && out->v[b].group == m->group) b++;
    const hf_mention *lastm = &out->v[b - 1];
    if (lastm == m || lastm->kind != HF_ACT_STATE || strlen(lastm->code) <= 3) continue;
    char buf[64];
    snprintf(buf, sizeof buf, "%s%s", m->code, lastm->code + 3);
    m->code = hf_intern_s(&c->strings, buf);
  }
}
