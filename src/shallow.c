/* shallow.c: codes one English sentence with a TABARI or PETRARCH lexicon by TABARI's shallow
 * parse (manual chapters 5-7): words typed by the dictionaries, agents joined to actors,
 * compounds, pronouns, comma clauses dropped, clauses split at conjunctions, then each
 * clause's verbs tried pattern by pattern, longest first, with TABARI's actor search rules. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shallow.h"
#include "text.h"

/* Word types after the parse. */
enum { T_NULL = 0, T_ACTOR, T_AGENT, T_VERB, T_NOUN, T_ADJ, T_DET, T_CONJ, T_PRON, T_AUX, T_BY, T_COMMA, T_NUM };

/* Built-in grammatical words (TABARI manual 7.1). */
enum { P_NONE = 0, P_HE, P_ITS, P_THEY };

typedef struct tok {
  size_t a, b;        /* bytes in the text */
  const char *key;    /* lower case, no diacritics (scratch) */
  uint32_t koff;      /* key's offset in the sentence's key buffer */
  uint32_t len;
  uint8_t cap;        /* written with a capital first letter */
  uint8_t type;       /* T_* */
  uint8_t used;       /* part of a dictionary phrase already */
  uint8_t gone;       /* inside a dropped comma clause */
  uint8_t joined;     /* a comma or conjunction inside a compound: no clause break */
  uint8_t pron;       /* P_* */
  int item;           /* index of the item that starts here, or -1 */
} tok;

/* A typed phrase: actor, agent, verb, noun, adjective, or a resolved pronoun. */
typedef struct item {
  uint8_t type;
  int first, last;    /* tokens, inclusive */
  int lastw;          /* the token of the phrase's last word (== last unless gaps) */
  const sh_verb *verb;
  const sh_agent *agent;  /* agents: the entry; actors: the agent joined to them */
  int former;
  const char *code;   /* actors: the date's code, agents added ("ARNGOV", "GME/GMW") */
  const char *code0;  /* actors: the code before agents were added */
  int group;          /* compound group, or -1 */
  int ref;            /* pronouns: the item they stand for, or -1 */
} item;

typedef struct sent {
  sh_lex *lx;
  const char *text;
  int date;
  HF_VEC(tok) t;
  HF_VEC(item) it;
  hf_buf keys;
  hf_map builtins;    /* the built-in words */
  uint64_t have[4];   /* prefix bits of the sentence's words (sh_prefix_bit) */
  int ngroups;
  int discard, complex;
  const char *why;
  int shift;          /* days, from a time phrase */
  int forward;        /* continues the sentence coded before (FORWARD) */
} sent;

/* ---- words ---- */

static int is_sep(int32_t cp) {
  if (cp < 0x80 && (isalnum(cp) || cp == '.' || cp == '\'' || cp == ' ')) return 0;
  return cp == '_' || cp == ',' || cp == ';' || cp == '"' || cp == '(' || cp == ')' || cp == '[' || cp == ']' || cp == '?' ||
         cp == '!' || cp == ':' || cp == '/' || cp == '{' || cp == '}' || hf_is_dash(cp) ||
         (hf_is_quote(cp) && cp != '\'' && cp != 0x2019);
}

/* Splits text[a..b) into words and commas (TABARI's input filter, manual 7.3). */
static void tokenize(sent *s, size_t a, size_t b) {
  const char *text = s->text;
  s->t.n = 0;
  s->keys.len = 0;
  size_t i = a;
  while (i < b) {
    int32_t cp;
    int l = hf_utf8_next(text + i, b - i, &cp);
    if (hf_is_space(cp) || cp < 0x20 || cp == 0x7f) { /* control characters (^Z in old files) too */
      i += (size_t)l;
      continue;
    }
    if (cp == ',' || cp == ';') {
      /* commas inside numbers vanish: 1,500 */
      if (cp == ',' && s->t.n && i > a && isdigit((unsigned char)text[i - 1]) && i + 1 < b &&
          isdigit((unsigned char)text[i + 1]))
        goto word;
      tok t;
      memset(&t, 0, sizeof t);
      t.a = i;
      t.b = i + 1;
      t.type = T_COMMA;
      t.item = -1;
      t.koff = (uint32_t)s->keys.len;
      hf_buf_putc(&s->keys, 0);
      HF_VEC_PUSH(s->t, t);
      i += (size_t)l;
      continue;
    }
    if (is_sep(cp)) {
      i += (size_t)l;
      continue;
    }
  word:;
    size_t start = i;
    int first = 1, cap = 0;
    while (i < b) {
      int32_t c2;
      int l2;
      if ((unsigned char)text[i] < 0x80) {
        c2 = (unsigned char)text[i];
        l2 = 1;
        if (isalnum(c2)) { /* the common case */
          if (first) cap = isupper(c2) != 0;
          first = 0;
          i++;
          continue;
        }
      } else {
        l2 = hf_utf8_next(text + i, b - i, &c2);
      }
      if (hf_is_space(c2) || c2 < 0x20 || c2 == 0x7f) break;
      if (c2 == ',' && !(i > start && isdigit((unsigned char)text[i - 1]) && i + 1 < b &&
                         isdigit((unsigned char)text[i + 1])))
        break;
      if (c2 != ',' && is_sep(c2)) break;
      if (first) cap = hf_is_upper(c2);
      first = 0;
      i += (size_t)l2;
    }
    size_t end = i;
    /* a final period after a lower-case letter ends the sentence, not the word (U.N. keeps its) */
    while (end > start && (text[end - 1] == '.') && end - start > 1 && islower((unsigned char)text[end - 2])) end--;
    if (end > start && text[end - 1] == '.' && end - start == 1) end--;
    if (end == start) continue;
    tok t;
    memset(&t, 0, sizeof t);
    t.a = start;
    t.b = end;
    t.cap = (uint8_t)cap;
    t.item = -1;
    t.koff = (uint32_t)s->keys.len;
    int ascii = 1;
    for (size_t j = start; j < end; j++)
      if ((unsigned char)text[j] >= 0x80) ascii = 0;
    if (ascii) {
      for (size_t j = start; j < end; j++) {
        char ch = text[j];
        if (ch != ',') hf_buf_putc(&s->keys, (char)tolower((unsigned char)ch));
      }
    } else {
      hf_text_key(&s->keys, text + start, end - start);
    }
    t.len = (uint32_t)(s->keys.len - t.koff);
    hf_buf_putc(&s->keys, 0);
    t.type = isdigit((unsigned char)text[start]) ? T_NUM : T_NULL;
    HF_VEC_PUSH(s->t, t);
  }
  memset(s->have, 0, sizeof s->have);
  for (size_t k = 0; k < s->t.n; k++) {
    tok *t = &s->t.v[k];
    t->key = s->keys.data + t->koff; /* the buffer has stopped moving */
    for (uint32_t l = 1; l <= 3 && l <= t->len; l++) {
      unsigned bit = sh_prefix_bit(t->key, l);
      s->have[bit >> 6] |= 1ULL << (bit & 63);
    }
  }
}

static int key_is(const tok *t, const char *w) { return !strncmp(t->key, w, t->len + 1); }

static const char *const noun_endings[] = {"s", "'s", "s'", "es", NULL};
static const char *const verb_endings[] = {"s", "ed", "es", "en", "ing", "d", NULL};

/* Does text word t match dictionary word w (stem, exact, or exact plus a regular ending)? */
static int word_match(const sh_word *w, const tok *t) {
  if (t->type == T_COMMA || t->len < w->len || memcmp(t->key, w->key, w->len)) return 0;
  if (t->len == w->len || !w->exact) return 1;
  const char *rest = t->key + w->len;
  if (w->endings & SH_END_NOUN)
    for (int i = 0; noun_endings[i]; i++)
      if (!strcmp(rest, noun_endings[i])) return 1;
  if (w->endings & SH_END_VERB)
    for (int i = 0; verb_endings[i]; i++)
      if (!strcmp(rest, verb_endings[i])) return 1;
  return 0;
}

/* Next token at or after i that is still in the sentence (not dropped), or n. */
static int live(const sent *s, int i) {
  while (i < (int)s->t.n && s->t.v[i].gone) i++;
  return i;
}

/* Matches the words w[0..nw) from token i on (w[0] must be at i): joined words must follow
 * immediately, others may come later, before limit. Returns the last token or -1. */
static int match_words(const sent *s, const sh_word *w, int nw, int i, int limit, int *lastw) {
  if (i >= limit || !word_match(&w[0], &s->t.v[i])) return -1;
  int pos = i;
  for (int k = 1; k < nw; k++) {
    int j = live(s, pos + 1);
    if (w[k - 1].next) {
      if (j >= limit || !word_match(&w[k], &s->t.v[j])) return -1;
      pos = j;
    } else {
      while (j < limit && (s->t.v[j].gone || !word_match(&w[k], &s->t.v[j]))) j++;
      if (j >= limit) return -1;
      pos = j;
    }
  }
  if (lastw) *lastw = pos;
  return pos;
}

/* Calls fn for every dictionary phrase whose first word can match token i (longest first
 * within each first-word key). Stops when fn returns nonzero. */
typedef int (*entry_fn)(sent *s, int i, const sh_entry *e, void *ctx);
static void each_candidate(sent *s, int i, entry_fn fn, void *ctx) {
  const tok *t = &s->t.v[i];
  if (t->type == T_COMMA) return;
  uint64_t h = HF_HASH_SEED;
  for (uint32_t l = 1; l <= t->len; l++) {
    h = hf_hash_step(h, (unsigned char)t->key[l - 1]);
    if (l < 64 && !(s->lx->first_lens >> l & 1)) continue;
    const sh_entry *e = hf_map_get_hashed(&s->lx->first, t->key, l, hf_hash_final(h));
    for (; e; e = e->next)
      if (word_match(&e->w[0], t) && fn(s, i, e, ctx)) return;
  }
}

/* ---- typing words ---- */

/* What the one pass of dictionary lookups over a word finds: the longest phrase that types it
 * (when it is not inside a phrase already), and the first <TIME> phrase that starts there. */
typedef struct best {
  const sh_entry *e;
  int last, lastw;
  int typing;         /* the word is not part of a phrase typed before */
  int time_done;
} best;

/* A <TIME> phrase at token i shifts the date (or discards, or makes the sentence complex). */
static void take_time(sent *s, int i, const sh_entry *e, best *b) {
  if (b->time_done || match_words(s, e->w, e->nw, i, (int)s->t.n, NULL) < 0) return;
  b->time_done = 1;
  const sh_time *t = &s->lx->times.v[e->item];
  if (t->kind == SH_C_DISCARD) s->discard = 1;
  else if (t->kind == SH_C_COMPLEX && !s->complex) s->complex = 1, s->why = "complex: time [+++]";
  else if (t->kind == SH_C_EVENT && !s->shift && s->lx->opt.time_shift) s->shift = t->days; /* SET: TIME SHIFT */
}

/* On equal length, which kind of phrase wins a word: actor, agent, noun, adjective, verb. */
static int kind_rank(int kind) {
  switch (kind) {
  case SH_ACTOR: return 5;
  case SH_AGENT: return 4;
  case SH_NOUN: return 3;
  case SH_ADJ: return 2;
  case SH_VERB: return 1;
  default: return 0;
  }
}

/* each_candidate callback: keeps in ctx (a best) the longest phrase that matches from token i,
 * and applies a <TIME> phrase found there. */
static int take_best(sent *s, int i, const sh_entry *e, void *ctx) {
  best *b = ctx;
  if (e->kind == SH_TIME) {
    take_time(s, i, e, b);
    return 0;
  }
  if (!b->typing) return 0;
  if (b->e && (e->chars < b->e->chars || (e->chars == b->e->chars && kind_rank(e->kind) <= kind_rank(b->e->kind))))
    return 0;
  int lastw;
  int last = match_words(s, e->w, e->nw, i, (int)s->t.n, &lastw);
  if (last < 0) return 0;
  b->e = e;
  b->last = last;
  b->lastw = lastw;
  return 0;
}

/* The code an actor has on date (TABARI manual 6.5.2): the first restriction that holds, else
 * the unrestricted default, else the null code. */
static const char *actor_code(const sh_lex *lx, const sh_actor *a, int date) {
  const char *dflt = NULL;
  int restricted = 0;
  for (uint32_t k = 0; k < a->ncodes; k++) {
    const sh_dated *c = &lx->dated.v[a->code0 + k];
    if (!c->from && !c->to) {
      if (!dflt) dflt = c->code;
      continue;
    }
    restricted++;
    if (date && (!c->from || date >= c->from) && (!c->to || date <= c->to)) return c->code;
  }
  if (dflt) return dflt;
  if (!date && restricted) return lx->dated.v[a->code0].code;
  return HF_CX_NULL;
}

/* Built-in grammatical words (TABARI manual 7.1): key -> type | pronoun kind << 8. */
static const struct {
  const char *w;
  int type, pron;
} builtin_words[] = {{"the", T_DET, 0},     {"a", T_DET, 0},       {"an", T_DET, 0},        {"and", T_CONJ, 0},
                     {"but", T_CONJ, 0},    {"or", T_CONJ, 0},     {"nor", T_CONJ, 0},      {"he", T_PRON, P_HE},
                     {"she", T_PRON, P_HE}, {"it", T_PRON, P_HE},  {"its", T_PRON, P_ITS},  {"his", T_PRON, P_ITS},
                     {"her", T_PRON, P_ITS}, {"him", T_PRON, P_HE}, {"they", T_PRON, P_THEY}, {"them", T_PRON, P_THEY},
                     {"their", T_PRON, P_THEY}, {"was", T_AUX, 0}, {"were", T_AUX, 0},   {"been", T_AUX, 0},
                     {"by", T_BY, 0}};

static int builtin(const sent *s, tok *t) {
  if (t->len > 5) return 0;
  uintptr_t v = (uintptr_t)hf_map_getn(&s->builtins, t->key, t->len);
  if (!v) return 0;
  t->type = (uint8_t)(v & 0xff);
  t->pron = (uint8_t)(v >> 8);
  return 1;
}

/* Records a typed phrase over tokens first..last (lastw: its last word) and returns its index. */
static int add_item(sent *s, int type, int first, int last, int lastw) {
  item x;
  memset(&x, 0, sizeof x);
  x.type = (uint8_t)type;
  x.first = first;
  x.last = last;
  x.lastw = lastw;
  x.group = -1;
  x.ref = -1;
  HF_VEC_PUSH(s->it, x);
  s->t.v[first].item = (int)s->it.n - 1;
  return (int)s->it.n - 1;
}

/* Types every word: the longest dictionary phrase starting there, else a built-in word. */
static void type_words(sent *s) {
  int n = (int)s->t.n;
  int allcaps = 1;
  for (int i = 0; i < n && allcaps; i++)
    for (size_t j = s->t.v[i].a; j < s->t.v[i].b; j++)
      if (islower((unsigned char)s->text[j])) {
        allcaps = 0;
        break;
      }
  int times = s->lx->times.n > 0;
  for (int i = 0; i < n; i++) {
    tok *t = &s->t.v[i];
    if (t->type == T_COMMA || (t->used && !times)) continue;
    best b = {NULL, 0, 0, !t->used, 0};
    each_candidate(s, i, take_best, &b);
    if (t->used) continue;
    int single = b.e && b.e->nw == 1;
    if ((!b.e || single) && builtin(s, t)) continue;
    if (!b.e) continue;
    int type = b.e->kind == SH_ACTOR ? T_ACTOR : b.e->kind == SH_AGENT ? T_AGENT : b.e->kind == SH_VERB ? T_VERB
               : b.e->kind == SH_NOUN ? T_NOUN : T_ADJ;
    /* mark the phrase's words as taken: the joined ones, the first and the last */
    int joined = 1;
    for (int k = 0; k + 1 < b.e->nw; k++) joined &= b.e->w[k].next;
    for (int k = i; k <= b.last; k++)
      if (joined || k == i || k == b.lastw) {
        s->t.v[k].used = 1;
        tok probe = s->t.v[k];
        if (builtin(s, &probe) && probe.type == T_CONJ) s->t.v[k].joined = 1; /* SHOT_AND_KILLED */
      }
    int x = add_item(s, type, i, b.last, b.lastw);
    item *it = &s->it.v[x];
    t->type = (uint8_t)type;
    if (type == T_ACTOR) {
      const sh_actor *a = &s->lx->actors.v[b.e->item];
      it->code = it->code0 = actor_code(s->lx, a, s->date);
      int k = sh_code_kind(it->code);
      if (k == SH_C_DISCARD) s->discard = 1;
      else if (k == SH_C_COMPLEX && !s->complex) s->complex = 1, s->why = "complex: actor [+++]";
      if (k != SH_C_EVENT) it->type = t->type = T_NOUN;
    } else if (type == T_AGENT) {
      it->agent = &s->lx->agents.v[b.e->item];
    } else if (type == T_VERB) {
      it->verb = &s->lx->verbs.v[b.e->item];
      int k = it->verb->code.kind;
      if (k == SH_C_DISCARD) s->discard = 1;
      else if (k == SH_C_COMPLEX && !s->complex) s->complex = 1, s->why = "complex: verb [+++]";
      /* a verb after a determiner, or capitalized inside a mixed-case sentence, is a noun */
      int prev = i - 1;
      if ((prev >= 0 && s->t.v[prev].type == T_DET) || (i > 0 && t->cap && !allcaps)) it->type = t->type = T_NOUN;
      else if (k == SH_C_NULL && !it->verb->npat) it->type = t->type = T_NULL;
    }
    for (int k = i + 1; k <= b.last; k++)
      if (s->t.v[k].used && s->t.v[k].type == T_NULL) s->t.v[k].type = t->type;
  }
}

/* ---- agents, compounds, pronouns ---- */

/* Adds an agent's code to an actor's ("ISR" + "~GOV" = "ISRGOV"), unless the actor's code has it
 * already on a 3-character boundary; each part of a coded compound gets it. */
static const char *with_agent(sent *s, const char *code, const sh_agent *ag, int former) {
  const char *add = former ? "ELI" : ag->code;
  hf_buf b = {0};
  const char *p = code;
  while (*p) {
    const char *slash = strchr(p, '/');
    size_t n = slash ? (size_t)(slash - p) : strlen(p);
    size_t al = strlen(add);
    int has = 0;
    if (ag->prefix) has = n >= al && !memcmp(p, add, al);
    else
      for (size_t k = 3; k + al <= n && !has; k += 3) has = !memcmp(p + k, add, al);
    if (b.len) hf_buf_putc(&b, '/');
    if (ag->prefix && !has) hf_buf_puts(&b, add);
    hf_buf_put(&b, p, n);
    if (!ag->prefix && !has) hf_buf_puts(&b, add);
    p += n;
    if (*p == '/') p++;
  }
  const char *r = hf_intern_n(&s->lx->strings, b.data ? b.data : "", b.len);
  hf_buf_free(&b);
  return r;
}

static int prev_live(const sent *s, int i) {
  i--;
  while (i >= 0 && s->t.v[i].gone) i--;
  return i;
}

/* The item whose words include token i (starting there), or -1. */
static int item_at(const sent *s, int i) { return i >= 0 && i < (int)s->t.n ? s->t.v[i].item : -1; }

/* Joins each agent to its actor (manual 5.4): the actor just before it (across FORMER), else
 * just after it, else after OF/IN; a lone agent becomes "~CODE" with CONVERT AGENTS, else a noun. */
static void join_agents(sent *s) {
  for (size_t x = 0; x < s->it.n; x++) {
    item *ag = &s->it.v[x];
    if (ag->type != T_AGENT) continue;
    int pre = prev_live(s, ag->first);
    int former = pre >= 0 && key_is(&s->t.v[pre], "former");
    if (former) pre = prev_live(s, pre); /* "Arnor former officials" */
    int target = -1;
    int after = item_at(s, live(s, ag->last + 1));
    int before = -1; /* the item whose last word is just before the agent */
    int petrarch = s->lx->format == HF_CX_PETRARCH;
    /* PETRARCH's agents belong to the noun phrase: up to two modifiers may stand between
     * ("Dagolath's first Deputy Prime Minister") */
    for (int gap = 0; gap <= (petrarch ? 2 : 0) && before < 0 && pre >= 0; gap++) {
      for (int k = pre; k >= 0 && k > pre - 16; k--) {
        int y = item_at(s, k);
        if (y < 0) continue;
        if (s->it.v[y].last == pre) before = y;
        break;
      }
      if (before >= 0 || s->t.v[pre].type != T_NULL || s->t.v[pre].used) break;
      pre = prev_live(s, pre);
    }
    if (before >= 0 && s->it.v[before].type == T_ACTOR) target = before;
    else if (after >= 0 && s->it.v[after].type == T_ACTOR) target = after;
    else {
      int j = live(s, ag->last + 1);
      if (j < (int)s->t.n && (key_is(&s->t.v[j], "of") || key_is(&s->t.v[j], "in") ||
                              (petrarch && key_is(&s->t.v[j], "from")))) {
        j = live(s, j + 1);
        while (j < (int)s->t.n && s->t.v[j].type == T_DET) j = live(s, j + 1);
        int y = item_at(s, j);
        if (y >= 0 && s->it.v[y].type == T_ACTOR) target = y;
      }
    }
    if (target >= 0) {
      item *a = &s->it.v[target];
      if (!former) {
        int p2 = prev_live(s, a->first);
        former = p2 >= 0 && key_is(&s->t.v[p2], "former");
      }
      a->code = with_agent(s, a->code, ag->agent, former);
      a->agent = ag->agent; /* PETRARCH gives it to the whole compound (find_compounds) */
      a->former = former;
      ag->type = T_NULL;
      s->t.v[ag->first].type = T_NOUN;
    } else if (s->lx->opt.convert_agents) {
      char buf[64];
      snprintf(buf, sizeof buf, ag->agent->prefix ? "%s~" : "~%s", former ? "ELI" : ag->agent->code);
      ag->code = hf_intern_s(&s->lx->strings, buf);
      ag->type = T_ACTOR;
      s->t.v[ag->first].type = T_ACTOR;
    } else {
      ag->type = T_NOUN;
      s->t.v[ag->first].type = T_NOUN;
    }
  }
}

static int is_actor_item(const sent *s, int i) {
  int x = item_at(s, i);
  return x >= 0 && s->it.v[x].type == T_ACTOR ? x : -1;
}

/* Parsed compound actors: actor {, actor} [,] AND actor, where only adjectives and determiners
 * may stand before each actor (manual 7.5); compound nouns and adjectives (7.5.1). */
static void find_compounds(sent *s) {
  int n = (int)s->t.n;
  for (int i = 0; i < n; i++) {
    int x = is_actor_item(s, i);
    if (x < 0 || s->it.v[x].group >= 0) continue;
    int members[64], nm = 0, links[64][2], nl = 0, last_and = -1;
    members[nm++] = x;
    int j = s->it.v[x].last + 1;
    for (;;) {
      int k = live(s, j), comma = -1, conj = -1;
      while (k < n && (s->t.v[k].type == T_COMMA ||
                       (s->t.v[k].type == T_CONJ && (key_is(&s->t.v[k], "and") || key_is(&s->t.v[k], "or") ||
                                                     key_is(&s->t.v[k], "nor"))))) {
        if (s->t.v[k].type == T_COMMA) comma = k;
        else conj = k;
        k = live(s, k + 1);
      }
      int mods = 0; /* "Israeli Prime Minister Sharon": adjectives alone may link two actors */
      while (k < n && (s->t.v[k].type == T_DET || s->t.v[k].type == T_ADJ)) {
        mods += s->t.v[k].type == T_ADJ;
        k = live(s, k + 1);
      }
      /* a possessive actor before another: "Arnor's Elrond" */
      const tok *lt = &s->t.v[s->it.v[members[nm - 1]].lastw];
      int poss = lt->len > 2 && !strcmp(lt->key + lt->len - 2, "'s");
      if (comma < 0 && conj < 0 && !mods && !poss) break;
      int y = is_actor_item(s, k);
      if (y < 0 || nm >= 64) break;
      links[nl][0] = comma;
      links[nl][1] = conj;
      nl++;
      members[nm++] = y;
      if (conj >= 0) last_and = nm - 1;
      j = s->it.v[y].last + 1;
    }
    if (last_and < 1) continue;
    while (last_and + 1 < nm && links[last_and][0] < 0 && links[last_and][1] < 0) last_and++; /* "... awful Gondor" */
    int g = s->ngroups++;
    for (int m = 0; m <= last_and; m++) s->it.v[members[m]].group = g;
    if (s->lx->format == HF_CX_PETRARCH) /* "the ambassadors of Arnor, Osgiliath and Gondor" */
      for (int m = 0; m <= last_and; m++) {
        const item *src = &s->it.v[members[m]];
        if (!src->agent) continue;
        for (int o = 0; o <= last_and; o++) {
          item *dst = &s->it.v[members[o]];
          if (!dst->agent) dst->code = with_agent(s, dst->code, src->agent, src->former);
        }
        break;
      }
    for (int l = 0; l < last_and; l++) {
      if (links[l][0] >= 0) s->t.v[links[l][0]].joined = 1;
      if (links[l][1] >= 0) s->t.v[links[l][1]].joined = 1;
    }
    i = s->it.v[members[last_and]].last;
  }
  /* noun AND adj* noun; adj AND adj */
  for (int i = 1; i + 1 < n; i++) {
    tok *c = &s->t.v[i];
    if (c->type != T_CONJ || c->joined) continue;
    int p = prev_live(s, i);
    if (p < 0) continue;
    int k = live(s, i + 1);
    int pt = s->t.v[p].type;
    if (pt == T_NOUN) {
      while (k < n && s->t.v[k].type == T_ADJ) k = live(s, k + 1);
      if (k < n && s->t.v[k].type == T_NOUN) c->joined = 1;
    } else if (pt == T_ADJ && k < n && s->t.v[k].type == T_ADJ) {
      c->joined = 1;
    }
  }
}

/* The first actor (not a resolved pronoun; in a compound if want_group) in tokens [from, to), or -1. */
static int first_actor(const sent *s, int from, int to, int want_group) {
  for (int i = live(s, from); i < to; i = live(s, i + 1)) {
    int x = is_actor_item(s, i);
    if (x >= 0 && s->it.v[x].ref < 0 && (!want_group || s->it.v[x].group >= 0)) return x;
  }
  return -1;
}

/* HE/SHE/IT: the first actor of the sentence; ITS/HIS/HER: the first actor before the pronoun;
 * THEY/THEM/THEIR: the first compound, else the first actor (manual 7.7). */
static void coreference(sent *s) {
  int n = (int)s->t.n;
  for (int i = 0; i < n; i++) {
    tok *t = &s->t.v[i];
    if (t->type != T_PRON || t->gone) continue;
    /* a pronoun before any actor of a sentence that continues the last one: that sentence's
     * first actor (THEY only for a compound) */
    if (s->forward && s->lx->fwd_code && first_actor(s, 0, i, 0) < 0 && (t->pron != P_THEY || s->lx->fwd_compound)) {
      int x = add_item(s, T_ACTOR, i, i, i);
      s->it.v[x].code = s->it.v[x].code0 = s->lx->fwd_code;
      t->type = T_ACTOR;
      continue;
    }
    int ref = -1;
    if (t->pron == P_HE) ref = first_actor(s, 0, n, 0);
    else if (t->pron == P_ITS) ref = first_actor(s, 0, i, 0);
    else {
      ref = first_actor(s, 0, n, 1);
      if (ref < 0) ref = first_actor(s, 0, n, 0);
    }
    if (ref < 0) continue;
    int x = add_item(s, T_ACTOR, i, i, i);
    item *p = &s->it.v[x];
    p->ref = ref;
    p->code = s->it.v[ref].code;
    p->code0 = s->it.v[ref].code0;
    p->group = -1;
    t->type = T_ACTOR;
  }
}

/* Drops comma-delimited clauses of the lengths the options give (manual 7.8, 8.6). */
static void drop_comma_clauses(sent *s) {
  const sh_options *o = &s->lx->opt;
  if (o->comma_off) return;
  int n = (int)s->t.n;
  int commas[256], nc = 0;
  for (int i = 0; i < n && nc < 256; i++)
    if (s->t.v[i].type == T_COMMA && !s->t.v[i].joined) commas[nc++] = i;
  if (!nc) return;
  for (int c = 0; c <= nc; c++) {
    int from = c == 0 ? 0 : commas[c - 1] + 1, to = c == nc ? n : commas[c];
    int words = to - from;
    int lo, hi;
    if (c == 0) lo = o->bmin, hi = o->bmax;
    else if (c == nc) lo = o->emin, hi = o->emax;
    else lo = o->cmin, hi = o->cmax;
    /* the phrase after a dropped one starts at its closing comma, which went with it */
    if (c > 0 && s->t.v[commas[c - 1]].gone) continue;
    if (words > lo && words <= hi) {
      int a = c == 0 ? 0 : commas[c - 1], b = c == nc ? n : commas[c] + 1;
      if (c == 0) b = commas[0] + 1;
      for (int i = a; i < b; i++) s->t.v[i].gone = 1;
    }
  }
}

/* ---- coding ---- */

typedef struct match {
  int src, tgt, both;     /* designated items, or -1 */
  int skip[8], nskip;     /* actors skipped by ^: not sources or targets */
  int first, last;        /* tokens the pattern covered */
  int alt_chars;          /* letters of the alternatives that matched */
} match;

/* Does token i end the words a pattern may match after its verb (a comma or a clause break)? */
static int clause_stop(const sent *s, int i) {
  const tok *t = &s->t.v[i];
  return (t->type == T_CONJ && !t->joined) || (t->type == T_COMMA && !t->joined);
}

/* Last token of the actor x including the rest of its compound. */
static int actor_end(const sent *s, int x) {
  const item *a = &s->it.v[x];
  if (a->group < 0) return a->last;
  int end = a->last;
  for (size_t y = 0; y < s->it.n; y++)
    if (s->it.v[y].group == a->group && s->it.v[y].last > end && s->it.v[y].ref < 0) end = s->it.v[y].last;
  return end;
}

/* Matches the words of seq at token i (consecutive where joined). Returns the last token or -1. */
static int match_seq(const sent *s, const sh_seq *q, int i, int limit) {
  return match_words(s, q->w, q->nw, i, limit, NULL);
}

/* Does element e match with its first token at k? Sets *end to its last token. */
static int elem_at(const sent *s, const sh_elem *e, int k, int limit, match *m, int *end) {
  switch (e->kind) {
  case SH_E_WORD:
    if (!word_match(&e->word, &s->t.v[k])) return 0;
    *end = k;
    return 1;
  case SH_E_ALT:
    for (int a = 0; a < e->nalt; a++) {
      unsigned bit = e->alts[a].bit;
      if (!(s->have[bit >> 6] >> (bit & 63) & 1)) continue;
      int l = match_seq(s, &e->alts[a], k, limit);
      if (l >= 0) {
        *end = l;
        if (!e->synset) m->alt_chars += e->alts[a].chars;
        return 1;
      }
    }
    return 0;
  default: {
    int x = is_actor_item(s, k);
    if (x < 0 || (e->kind == SH_E_BOTH && s->it.v[x].group < 0)) return 0;
    for (int q = 0; q < m->nskip; q++)
      if (m->skip[q] == x) return 0;
    if (e->kind == SH_E_SOURCE) m->src = x;
    else if (e->kind == SH_E_TARGET) m->tgt = x;
    else if (e->kind == SH_E_BOTH) m->both = x;
    else if (m->nskip < 8) m->skip[m->nskip++] = x;
    *end = actor_end(s, x);
    return 1;
  }
  }
}

/* Forward search for element e from token pos (exactly at pos when adjacent), before limit. */
static int match_fwd(const sent *s, const sh_elem *e, int pos, int limit, int adjacent, match *m, int *start, int *end) {
  for (int k = live(s, pos); k < limit; k = live(s, k + 1)) {
    if (elem_at(s, e, k, limit, m, end)) {
      *start = k;
      return 1;
    }
    if (adjacent) return 0;
  }
  return 0;
}

/* Backward search for element e ending at token pos or before it (exactly at pos when
 * adjacent), not before lo: TABARI reads the words before the verb from the verb back. */
static int match_back(const sent *s, const sh_elem *e, int pos, int lo, int adjacent, match *m, int *start) {
  for (int k = pos; k >= lo; k = prev_live(s, k)) {
    /* the element may start a few tokens earlier and end at k (actors: at most 16 words;
     * alternatives of words in a row: as many as their longest) */
    int from = e->kind == SH_E_WORD ? k : k - 16;
    if (e->kind == SH_E_ALT) {
      int longest = 1, gaps = 0;
      for (int a = 0; a < e->nalt; a++) {
        if (e->alts[a].nw > longest) longest = e->alts[a].nw;
        gaps |= !e->alts[a].joined;
      }
      from = gaps ? lo : k - longest - 1;
    }
    if (from < lo) from = lo;
    for (int st = k; st >= from; st--) {
      if (s->t.v[st].gone) continue;
      int end;
      match save = *m;
      if (elem_at(s, e, st, pos + 1, m, &end) && end == k) {
        *start = st;
        return 1;
      }
      *m = save;
      if (e->kind == SH_E_WORD) break;
    }
    if (adjacent) return 0;
  }
  return 0;
}

/* Matches pattern p around verb item v inside the clause [cs, ce). */
static int match_pattern(const sent *s, const sh_pattern *p, const item *v, int cs, int ce, match *m) {
  for (int k = 0; k < p->nel; k++) /* an alternative set none of whose words is here */
    if (p->el[k].kind == SH_E_ALT && !((p->el[k].any[0] & s->have[0]) | (p->el[k].any[1] & s->have[1]) |
                                        (p->el[k].any[2] & s->have[2]) | (p->el[k].any[3] & s->have[3])))
      return 0;
  memset(m, 0, sizeof *m);
  m->src = m->tgt = m->both = -1;
  m->first = v->first;
  m->last = v->last;
  /* words before the verb, from the verb back to the clause start */
  int pos = prev_live(s, v->first);
  for (int k = p->verb_at - 1; k >= 0; k--) {
    const sh_elem *e = &p->el[k];
    int st;
    if (pos < cs || !match_back(s, e, pos, cs, e->next, m, &st)) return 0;
    if (st < m->first) m->first = st;
    pos = prev_live(s, st);
  }
  /* words after the verb: up to the clause end, and not across a comma */
  int limit = v->last + 1;
  while (limit < ce && !clause_stop(s, limit)) limit++;
  pos = v->lastw + 1;
  int adjacent = p->el[p->verb_at].next;
  for (int k = p->verb_at + 1; k < p->nel; k++) {
    const sh_elem *e = &p->el[k];
    int st, en;
    if (!match_fwd(s, e, pos, limit, adjacent, m, &st, &en)) return 0;
    if (en > m->last) m->last = en;
    pos = en + 1;
    adjacent = e->next;
  }
  return 1;
}

/* The members of actor x: its compound group's items (or itself). */
static int members(const sent *s, int x, int *out, int max) {
  const item *a = &s->it.v[x];
  if (a->ref >= 0) return members(s, a->ref, out, max);
  if (a->group < 0) {
    out[0] = x;
    return 1;
  }
  int n = 0;
  for (size_t y = 0; y < s->it.n && n < max; y++)
    if (s->it.v[y].group == a->group && s->it.v[y].ref < 0) out[n++] = (int)y;
  return n;
}

static int same_actor(const sent *s, int x, int y) {
  if (x < 0 || y < 0) return 0;
  const item *a = &s->it.v[x], *b = &s->it.v[y];
  if (a->ref >= 0) a = &s->it.v[a->ref];
  if (b->ref >= 0) b = &s->it.v[b->ref];
  return a->code == b->code;
}

/* Builds the events of one coded verb: every source member with every target member, the
 * second code of a pair reversed; no event with the same source and target code. */
static void emit(sent *s, sh_event_vec *out, int src, int src_solo, int tgt, int tgt_solo, const char *dsrc,
                 const char *dtgt, const sh_code *code, const item *v, const sh_pattern *p, const match *m) {
  int sm[64], tm[64], ns = 0, nt = 0;
  if (src >= 0) ns = src_solo ? (sm[0] = src, 1) : members(s, src, sm, 64);
  if (tgt >= 0) nt = tgt_solo ? (tm[0] = tgt, 1) : members(s, tgt, tm, 64);
  const char *scodes[256], *tcodes[256];
  int nsc = 0, ntc = 0;
  size_t sa[256], sb[256], ta[256], tb[256];
  /* coded compounds "A/B" split into their parts */
  for (int pass = 0; pass < 2; pass++) {
    int *mem = pass ? tm : sm, nmem = pass ? nt : ns;
    const char **codes = pass ? tcodes : scodes;
    int *nc = pass ? &ntc : &nsc;
    size_t *A = pass ? ta : sa, *B = pass ? tb : sb;
    const char *dflt = pass ? dtgt : dsrc;
    if (!nmem && dflt) {
      codes[(*nc)++] = dflt;
      A[0] = B[0] = v->first < (int)s->t.n ? s->t.v[v->first].a : 0;
    }
    for (int k = 0; k < nmem && *nc < 256; k++) {
      const item *it = &s->it.v[mem[k]];
      const char *c = it->code;
      while (c && *c && *nc < 256) {
        const char *slash = strchr(c, '/');
        size_t len = slash ? (size_t)(slash - c) : strlen(c);
        A[*nc] = s->t.v[it->first].a;
        B[*nc] = s->t.v[it->lastw].b;
        codes[(*nc)++] = hf_intern_n(&s->lx->strings, c, len);
        c += len;
        if (*c == '/') c++;
      }
    }
  }
  for (int i = 0; i < nsc; i++)
    for (int j = 0; j < ntc; j++) {
      if (scodes[i] == tcodes[j]) continue;
      for (int pair = 0; pair < 2; pair++) {
        const char *ec = pair ? code->code2 : code->code;
        if ((pair ? code->kind2 : code->kind) != SH_C_EVENT) continue;
        sh_event e;
        memset(&e, 0, sizeof e);
        e.source = pair ? tcodes[j] : scodes[i];
        e.target = pair ? scodes[i] : tcodes[j];
        e.code = ec;
        e.src_a = pair ? ta[j] : sa[i];
        e.src_b = pair ? tb[j] : sb[i];
        e.tgt_a = pair ? sa[i] : ta[j];
        e.tgt_b = pair ? sb[i] : tb[j];
        e.verb_a = s->t.v[v->first].a;
        e.verb_b = s->t.v[v->lastw].b;
        e.span_a = s->t.v[m->first].a;
        e.span_b = s->t.v[m->last].b;
        size_t lo = e.src_a < e.tgt_a ? e.src_a : e.tgt_a, hi = e.src_b > e.tgt_b ? e.src_b : e.tgt_b;
        if (e.src_b > e.src_a && lo < e.span_a) e.span_a = lo;
        if (hi > e.span_b) e.span_b = hi;
        e.pattern = p;
        e.verb = v->verb;
        e.date = s->date;
        e.dominant = code->flag == '!';
        e.subordinate = code->flag == '?';
        int dup = 0;
        for (size_t q = 0; q < out->n && !dup; q++)
          dup = out->v[q].source == e.source && out->v[q].target == e.target && out->v[q].code == e.code;
        if (!dup) HF_VEC_PUSH(*out, e);
      }
    }
}

/* Finds the first actor before token 'before' (from the sentence start) whose code differs
 * from that of 'other'. */
static int skipped(const match *m, int x) {
  for (int q = 0; m && q < m->nskip; q++)
    if (m->skip[q] == x) return 1;
  return 0;
}

/* The first actor in [from, before) whose code differs from other's and that the pattern did not
 * skip, or -1. */
static int actor_before(const sent *s, int from, int before, int other, const match *m) {
  for (int i = live(s, from); i < before; i = live(s, i + 1)) {
    int x = is_actor_item(s, i);
    if (x >= 0 && !same_actor(s, x, other) && !skipped(m, x)) return x;
  }
  return -1;
}

/* The same after the verb: the first such actor in [from, limit), or -1. */
static int actor_after(const sent *s, int from, int limit, int other, const match *m) {
  for (int i = live(s, from); i < limit; i = live(s, i + 1)) {
    int x = is_actor_item(s, i);
    if (x >= 0 && !same_actor(s, x, other) && !skipped(m, x)) return x;
  }
  return -1;
}

/* Passive voice (manual 7.9): WAS, WERE or BEEN one or two words before the verb, and BY
 * right after it or after one modifier ("was opposed earlier by"). */
static int passive(const sent *s, const item *v) {
  int b = live(s, v->lastw + 1);
  if (b < (int)s->t.n && s->t.v[b].type == T_NULL) b = live(s, b + 1);
  if (b >= (int)s->t.n || s->t.v[b].type != T_BY) return 0;
  int p1 = prev_live(s, v->first), p2 = p1 >= 0 ? prev_live(s, p1) : -1;
  return (p1 >= 0 && s->t.v[p1].type == T_AUX) || (p2 >= 0 && s->t.v[p2].type == T_AUX);
}

/* Codes the verbs of clause [cs, ce): returns the number of non-subordinate events added. */
static int code_clause(sent *s, int cs, int ce, int *subject, sh_event_vec *out, int *stop) {
  const sh_options *o = &s->lx->opt;
  int found = 0;
  for (int i = live(s, cs); i < ce; i = live(s, i + 1)) {
    int vx = item_at(s, i);
    if (vx < 0 || s->it.v[vx].type != T_VERB) continue;
    const item *v = &s->it.v[vx];
    const sh_verb *vb = v->verb;
    match m;
    const sh_code *code = NULL;
    const sh_pattern *pat = NULL;
    for (uint32_t k = 0; k < vb->npat && !pat; k++) {
      const sh_pattern *p = &s->lx->patterns.v[s->lx->order.v[vb->pat0 + k]];
      if ((p->need[0] & ~s->have[0]) | (p->need[1] & ~s->have[1]) | (p->need[2] & ~s->have[2]) |
          (p->need[3] & ~s->have[3]))
        continue;
      if (!match_pattern(s, p, v, cs, ce, &m)) continue;
      pat = p;
      /* a match through alternatives counts the letters it matched: longer patterns go first */
      int actual = p->fixed + m.alt_chars;
      for (uint32_t j = k + 1; j < vb->npat && p->fixed < p->chars; j++) {
        const sh_pattern *q = &s->lx->patterns.v[s->lx->order.v[vb->pat0 + j]];
        if (q->chars <= actual) break;
        match m2;
        if (match_pattern(s, q, v, cs, ce, &m2)) {
          pat = q;
          m = m2;
          break;
        }
      }
      code = &pat->code;
    }
    if (!pat) {
      memset(&m, 0, sizeof m);
      m.src = m.tgt = m.both = -1;
      m.first = v->first;
      m.last = v->lastw;
      if (vb->code.code) code = &vb->code;
    }
    if (s->lx->trace)
      fprintf(stderr, "shallow: verb %s: %s [%s]\n", vb->name, pat ? pat->text : "(root)", code && code->code ? code->code : "");
    if (!code) continue;
    int kind = code->kind;
    if (kind == SH_C_DISCARD) {
      s->discard = 1;
      return found;
    }
    if (kind == SH_C_COMPLEX) {
      s->complex = 1;
      s->why = "complex: pattern [+++]";
      return found;
    }
    if (kind == SH_C_NULL && code->kind2 != SH_C_EVENT) continue;
    int src = m.src, tgt = m.tgt, src_solo = 0, tgt_solo = 0;
    if (m.both >= 0) src = tgt = m.both;
    int designated = pat && pat->designated;
    const char *dsrc = NULL, *dtgt = NULL;
    /* the source: the clause's subject, else the first actor before the verb; with no actor
     * there, DEFAULT: SOURCE ... PRIOR, else (TABARI is greedy) the first actor after it */
    if (src < 0) {
      if (cs > 0 && *subject >= 0) src = *subject; /* a later clause keeps the subject */
      else src = actor_before(s, cs, v->first, tgt, &m);
      if (src < 0 && cs > 0) src = actor_before(s, 0, v->first, tgt, &m);
      if (src < 0 && o->def_source && o->def_source_prior) dsrc = o->def_source;
      else if (src < 0 && (src = actor_after(s, v->lastw + 1, ce, tgt, &m)) >= 0) src_solo = 1;
      if (src < 0 && !dsrc) dsrc = o->def_source;
    }
    /* the target: the first other actor after the verb (after the source when that came
     * from there); none: DEFAULT: TARGET ... AFTER, else the first other actor before it */
    if (tgt < 0) {
      int from = src_solo ? s->it.v[src].last + 1 : v->lastw + 1;
      tgt = actor_after(s, from, ce, src, &m);
      if (tgt < 0 && o->def_target && o->def_target_after) dtgt = o->def_target;
      else if (tgt < 0 && (tgt = actor_before(s, cs, v->first, src, &m)) >= 0) tgt_solo = 1;
      if (tgt < 0 && !dtgt && src >= 0 && s->it.v[src].group >= 0 && !src_solo) tgt = src;
      if (tgt < 0 && !dtgt) dtgt = o->def_target;
    }
    if (!designated && passive(s, v)) {
      int t = src;
      src = tgt;
      tgt = t;
      t = src_solo;
      src_solo = tgt_solo;
      tgt_solo = t;
      const char *d = dsrc;
      dsrc = dtgt;
      dtgt = d;
    }
    if (o->null_actors) { /* PETRARCH with require_dyad = false */
      if (src < 0 && !dsrc) dsrc = HF_CX_NULL;
      if (tgt < 0 && !dtgt) dtgt = HF_CX_NULL;
    }
    if (s->lx->trace) fprintf(stderr, "shallow:   source %d target %d\n", src, tgt);
    if ((src < 0 && !dsrc) || (tgt < 0 && !dtgt)) continue;
    size_t before = out->n;
    emit(s, out, src, src_solo, tgt, tgt_solo, dsrc, dtgt, code, v, pat, &m);
    if (out->n == before) continue;
    if (src >= 0) *subject = src;
    int sub = code->flag == '?';
    if (!sub) found++;
    if (!sub && o->code_by != SH_BY_ALL) {
      if (o->code_by == SH_BY_SENTENCE) *stop = 1;
      return found;
    }
  }
  return found;
}

/* Prints the parse: each word with its type, code and marks (HOOFT_TRACE). */
static void trace_parse(const sent *s) {
  static const char *const names[] = {"-", "ACTOR", "agent", "VERB", "noun", "adj", "det", "conj", "pron", "aux",
                                      "by", ",", "num"};
  fprintf(stderr, "shallow:");
  for (size_t i = 0; i < s->t.n; i++) {
    const tok *t = &s->t.v[i];
    fprintf(stderr, " %s/%s", t->key, names[t->type]);
    if (t->item >= 0) {
      const item *x = &s->it.v[t->item];
      if (x->code) fprintf(stderr, "[%s%s]", x->code, x->group >= 0 ? "+" : "");
      if (x->verb) fprintf(stderr, "[%s]", x->verb->name);
      if (x->last > x->first) fprintf(stderr, "<%d", x->last);
    }
    if (t->gone) fputs("(gone)", stderr);
    if (t->joined) fputs("(joined)", stderr);
  }
  fputc('\n', stderr);
}

/* Checks the COMPLEX: conditions that depend on the parse alone. */
static const char *complexity(const sent *s) {
  const sh_options *o = &s->lx->opt;
  int verbs = 0, actors = 0, prons = 0, conj = 0, first_verb = -1;
  for (size_t x = 0; x < s->it.n; x++) {
    const item *it = &s->it.v[x];
    if (s->t.v[it->first].gone) continue;
    if (it->type == T_VERB) {
      verbs++;
      if (first_verb < 0 || it->first < first_verb) first_verb = it->first;
    } else if (it->type == T_ACTOR) {
      if (it->ref >= 0) prons++;
      else actors++;
    }
  }
  for (size_t i = 0; i < s->t.n; i++)
    if (s->t.v[i].type == T_CONJ && !s->t.v[i].joined && !s->t.v[i].gone) conj++;
  if (o->cx_verbs && verbs >= o->cx_verbs) return "complex: verbs";
  if (o->cx_actors && actors >= o->cx_actors) return "complex: actors";
  if (o->cx_pronouns && prons >= o->cx_pronouns) return "complex: pronouns";
  if (o->cx_conj && conj >= o->cx_conj) return "complex: conjunctions";
  if (o->cx_noverb && !verbs) return "complex: no verb";
  if (o->cx_lateverb && (first_verb < 0 || first_verb >= o->cx_lateverb)) return "complex: late verb";
  if (o->cx_noactprior && (first_verb < 0 ? !verbs : first_actor(s, 0, first_verb, 0) < 0))
    return first_verb < 0 ? "complex: no verb" : "complex: no actor before the verb";
  if (first_verb >= 0 && o->cx_noactafter && first_actor(s, first_verb + 1, (int)s->t.n, 0) < 0)
    return "complex: no actor after the verb";
  return NULL;
}

/* The sentence state lives with the lexicon and is reused from sentence to sentence. */
static sent *scratch_sent(sh_lex *lx) {
  if (!lx->scratch) {
    sent *s = hf_xcalloc(1, sizeof(sent));
    for (size_t k = 0; k < sizeof builtin_words / sizeof *builtin_words; k++)
      hf_map_put(&s->builtins, builtin_words[k].w,
                 (void *)(uintptr_t)(builtin_words[k].type | builtin_words[k].pron << 8));
    lx->scratch = s;
  }
  return lx->scratch;
}

void sh_scratch_free(void *p) {
  sent *s = p;
  if (!s) return;
  free(s->t.v);
  free(s->it.v);
  hf_buf_free(&s->keys);
  hf_map_free(&s->builtins);
  free(s);
}

/* Remembers the sentence's first actor before its first verb, for FORWARD. */
static void remember_subject(sent *s) {
  int first_verb = (int)s->t.n;
  for (int i = 0; i < (int)s->t.n; i++)
    if (s->t.v[i].type == T_VERB && !s->t.v[i].gone) {
      first_verb = i;
      break;
    }
  int x = first_actor(s, 0, first_verb, 0);
  if (x < 0) { /* a resolved pronoun counts too */
    for (int i = live(s, 0); i < first_verb && x < 0; i = live(s, i + 1)) x = is_actor_item(s, i);
  }
  s->lx->fwd_code = x >= 0 ? s->it.v[x].code0 : NULL;
  s->lx->fwd_compound = x >= 0 && s->it.v[x].group >= 0;
}

const char *sh_code_sentence(sh_lex *lx, const char *text, size_t a, size_t b, int date, int forward,
                             sh_event_vec *out) {
  sent *s = scratch_sent(lx);
  s->forward = forward;
  s->lx = lx;
  s->text = text;
  s->date = date;
  s->it.n = 0;
  s->ngroups = 0;
  s->discard = s->complex = 0;
  s->why = NULL;
  s->shift = 0;
  tokenize(s, a, b);
  if (lx->opt.min_words && (int)s->t.n < lx->opt.min_words) { /* a comma counts as a word */
    lx->fwd_code = NULL;
    return "short";
  }
  if (!s->t.n) return NULL;
  type_words(s);
  if (s->discard) {
    lx->fwd_code = NULL;
    return "discard";
  }
  join_agents(s);
  find_compounds(s);
  drop_comma_clauses(s);
  coreference(s);
  remember_subject(s);
  if (lx->trace) trace_parse(s);
  if (s->complex) return s->why;
  const char *cx = complexity(s);
  if (cx) return cx;
  size_t base = out->n;
  int subject = -1, stop = 0;
  int n = (int)s->t.n;
  for (int cs = 0; cs < n && !stop;) {
    int ce = cs;
    while (ce < n && !(s->t.v[ce].type == T_CONJ && !s->t.v[ce].joined && !s->t.v[ce].gone)) ce++;
    int clause_subject = subject;
    if (cs > 0) {
      int k = live(s, cs);
      int x = k < ce ? is_actor_item(s, k) : -1;
      if (x >= 0) clause_subject = x;
    }
    int got = code_clause(s, cs, ce, &clause_subject, out, &stop);
    if (s->discard || s->complex) break;
    int verbs = 0;
    for (int k = cs; k < ce && !verbs; k++) verbs = s->t.v[k].type == T_VERB && !s->t.v[k].gone;
    if (verbs) { /* a clause without a verb ("Ithilen's awful and ...") gives no subject */
      if (got || clause_subject >= 0) subject = clause_subject;
      if (!got && subject < 0) subject = first_actor(s, cs, ce, 0);
    }
    cs = ce + 1;
  }
  if (s->discard || s->complex) {
    out->n = base;
    return s->discard ? "discard" : s->why;
  }
  /* dominant codes push out the others; subordinate codes stay only when alone */
  int dom = 0, nonsub = 0;
  for (size_t i = base; i < out->n; i++) {
    dom |= out->v[i].dominant;
    nonsub |= !out->v[i].subordinate;
  }
  size_t w = base;
  for (size_t i = base; i < out->n; i++) {
    if (dom && !out->v[i].dominant) continue;
    if (nonsub && out->v[i].subordinate) continue;
    out->v[i].date = s->shift && date ? hf_day_from_number(hf_day_number(date) + s->shift) : date;
    out->v[w++] = out->v[i];
  }
  out->n = w;
  if (lx->opt.cx_noevent && out->n == base) return "complex: no event";
  return NULL;
}

