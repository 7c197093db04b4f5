/* shallow_dict.c: compiles a TABARI or PETRARCH dictionary set (the neutral model of compat.h)
 * into the shallow coder's lexicon, and reads the options that steer it. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "shallow.h"
#include "text.h"

int sh_code_kind(const char *code) {
  if (!code) return SH_C_NULL;
  if (!strcmp(code, HF_CX_NULL)) return SH_C_NULL;
  if (!strcmp(code, HF_CX_DISCARD)) return SH_C_DISCARD;
  if (!strcmp(code, HF_CX_COMPLEX)) return SH_C_COMPLEX;
  return SH_C_EVENT;
}

/* The matching key of a dictionary word: the same folding as the text's words. */
static const char *word_key(sh_lex *lx, const char *s, size_t n, uint32_t *len) {
  hf_buf b = {0};
  hf_text_key(&b, s, n);
  const char *k = hf_intern_n(&lx->strings, b.data ? b.data : "", b.len);
  *len = (uint32_t)b.len;
  hf_buf_free(&b);
  return k;
}

static int alnum_count(const char *s) {
  int n = 0;
  for (; *s; s++) n += isalnum((unsigned char)*s) || ((unsigned char)*s & 0x80);
  return n;
}

/* Splits a phrase as written ("AL_GORE", "DURTHANG ORC", "MOUSE=", "BARAD-DUR") into words:
 * a word followed by '_' is exact and joined to the next; '~' joins without making it exact;
 * '=' makes it exact without regular endings. endings: what the last exact word accepts. */
static const sh_word *phrase_words(sh_lex *lx, const char *text, int endings, uint16_t *nw) {
  HF_VEC(sh_word) v = {0};
  const char *p = text;
  while (*p) {
    while (*p == ' ' || *p == '\t' || *p == '+') p++;
    if (!*p) break;
    const char *s = p;
    while (*p && !strchr(" \t_~=-", *p)) p++;
    if (p == s) { /* a stray connector */
      p++;
      continue;
    }
    sh_word w;
    memset(&w, 0, sizeof w);
    w.key = word_key(lx, s, (size_t)(p - s), &w.len);
    if (*p == '_' || *p == '-') {
      w.exact = *p == '_';
      p++;
      if (*p && !strchr(" \t", *p)) w.next = 1;
    } else if (*p == '~') {
      p++;
      if (*p == ' ') p++;
      w.next = 1;
    } else if (*p == '=') {
      w.exact = 2;
      p++;
      if (*p && !strchr(" \t", *p)) w.next = 1;
    }
    if (w.len) HF_VEC_PUSH(v, w);
  }
  if (v.n) {
    sh_word *last = &v.v[v.n - 1];
    last->next = 0;
    if (last->exact == 1) last->endings = (uint8_t)endings;
    for (size_t i = 0; i < v.n; i++)
      if (v.v[i].exact == 2) v.v[i].exact = 1;
  }
  sh_word *out = hf_arena_alloc(&lx->arena, (v.n ? v.n : 1) * sizeof *out);
  if (v.n) memcpy(out, v.v, v.n * sizeof *out);
  *nw = (uint16_t)v.n;
  free(v.v);
  return out;
}

/* Adds a phrase of the given kind to the first-word index (longest first, then file order). */
static void add_entry(sh_lex *lx, int kind, const char *text, int endings, uint32_t item) {
  uint16_t nw;
  const sh_word *w = phrase_words(lx, text, endings, &nw);
  if (!nw) return;
  if (lx->format == HF_CX_PETRARCH) /* PETRARCH's phrases are noun phrases: words in a row */
    for (int i = 0; i + 1 < nw; i++) ((sh_word *)w)[i].next = 1;
  sh_entry *e = hf_arena_alloc(&lx->arena, sizeof *e);
  e->kind = (uint8_t)kind;
  e->nw = nw;
  e->w = w;
  e->item = item;
  for (int i = 0; i < nw; i++) e->chars += alnum_count(w[i].key);
  void **slot = hf_map_slot_for(&lx->first, w[0].key);
  sh_entry **pp = (sh_entry **)slot;
  while (*pp && (*pp)->chars >= e->chars) pp = &(*pp)->next;
  e->next = *pp;
  *pp = e;
  if (w[0].len < 64) lx->first_lens |= 1ULL << w[0].len;
}

static sh_code make_code(sh_lex *lx, const hf_cx_evcode *c) {
  sh_code r;
  r.code = c->code ? hf_intern_s(&lx->strings, c->code) : NULL;
  r.code2 = c->code2 ? hf_intern_s(&lx->strings, c->code2) : NULL;
  r.flag = c->flag;
  r.kind = (uint8_t)sh_code_kind(r.code);
  r.kind2 = (uint8_t)sh_code_kind(r.code2);
  return r;
}

static const char *rule_of(sh_lex *lx, const char *file, int line) {
  char buf[1024];
  const char *base = strrchr(file, '/');
  snprintf(buf, sizeof buf, "%s:%d", base ? base + 1 : file, line);
  return hf_intern_s(&lx->strings, buf);
}

/* ---- patterns ---- */

typedef HF_VEC(sh_seq) seq_vec;

static void expand_synset(sh_lex *lx, const hf_cx_dict *d, const char *name, int depth, seq_vec *out);

/* Appends to out every word sequence the tokens toks[0..n) stand for (synsets expanded). */
static void expand_tokens(sh_lex *lx, const hf_cx_dict *d, const hf_cx_tok *toks, size_t n, int depth, seq_vec *out) {
  seq_vec cur = {0};
  sh_seq empty = {0, 0, 0, 0, NULL};
  HF_VEC_PUSH(cur, empty);
  for (size_t i = 0; i < n && cur.n; i++) {
    const hf_cx_tok *t = &toks[i];
    seq_vec parts = {0};
    if (t->kind == HF_CX_T_WORD) {
      sh_word *w = hf_arena_alloc(&lx->arena, sizeof *w);
      w->key = word_key(lx, t->text, strlen(t->text), &w->len);
      w->exact = t->exact;
      w->next = t->next;
      w->endings = t->exact ? SH_END_NOUN : 0;
      sh_seq s = {1, 0, 0, 0, w};
      HF_VEC_PUSH(parts, s);
    } else if (t->kind == HF_CX_T_SYNSET && depth < 8) {
      expand_synset(lx, d, t->text, depth + 1, &parts);
      if (t->next)
        for (size_t k = 0; k < parts.n; k++)
          if (parts.v[k].nw) ((sh_word *)parts.v[k].w)[parts.v[k].nw - 1].next = 1;
    } else {
      continue;
    }
    seq_vec nxt = {0};
    for (size_t a = 0; a < cur.n && nxt.n < 4096; a++)
      for (size_t b = 0; b < parts.n && nxt.n < 4096; b++) {
        sh_seq s;
        s.nw = (uint16_t)(cur.v[a].nw + parts.v[b].nw);
        sh_word *w = hf_arena_alloc(&lx->arena, (s.nw ? s.nw : 1) * sizeof *w);
        if (cur.v[a].nw) memcpy(w, cur.v[a].w, cur.v[a].nw * sizeof *w);
        if (parts.v[b].nw) memcpy(w + cur.v[a].nw, parts.v[b].w, parts.v[b].nw * sizeof *w);
        s.w = w;
        HF_VEC_PUSH(nxt, s);
      }
    free(parts.v);
    free(cur.v);
    cur = nxt;
  }
  for (size_t i = 0; i < cur.n; i++)
    if (cur.v[i].nw) HF_VEC_PUSH(*out, cur.v[i]);
  free(cur.v);
}

static void expand_synset(sh_lex *lx, const hf_cx_dict *d, const char *name, int depth, seq_vec *out) {
  uintptr_t idx = (uintptr_t)hf_map_get(&d->synset_names, name); /* index + 2; 1: declared only */
  if (idx < 2) return;
  const hf_cx_synset *s = &d->synsets.v[idx - 2];
  for (size_t m = 0; m < s->nseqs; m++) {
    const hf_cx_seq *q = &d->seqs.v[s->seq0 + m];
    expand_tokens(lx, d, &d->toks.v[q->tok0], q->ntok, depth, out);
  }
}

/* Fills in each sequence's first-word bit and whether its words all follow each other. */
static void seal_seqs(sh_seq *a, size_t n) {
  for (size_t k = 0; k < n; k++) {
    int chars = 0;
    for (int i = 0; i < a[k].nw; i++) chars += alnum_count(a[k].w[i].key);
    a[k].chars = (uint16_t)chars;
    a[k].bit = (uint8_t)sh_prefix_bit(a[k].w[0].key, a[k].w[0].len);
    a[k].joined = 1;
    for (int i = 0; i + 1 < a[k].nw; i++)
      if (!a[k].w[i].next) a[k].joined = 0;
  }
}


/* Makes e an alternatives element of the sequences in alts (whose array it frees); returns
 * the letters of the longest alternative. */
static int alt_elem(sh_lex *lx, sh_elem *e, seq_vec *alts) {
  e->kind = SH_E_ALT;
  e->nalt = (uint16_t)alts->n;
  sh_seq *a = hf_arena_alloc(&lx->arena, alts->n * sizeof *a);
  memcpy(a, alts->v, alts->n * sizeof *a);
  seal_seqs(a, alts->n);
  e->alts = a;
  int best = 0;
  for (size_t k = 0; k < alts->n; k++)
    if (a[k].chars > best) best = a[k].chars;
  free(alts->v);
  alts->v = NULL;
  return best;
}

/* Compiles one pattern; returns 0, or -1 when it has nothing the coder can use. */
static int compile_pattern(sh_lex *lx, const hf_cx_dict *d, const hf_cx_pattern *p, sh_pattern *out) {
  HF_VEC(sh_elem) el = {0};
  const hf_cx_tok *toks = &d->toks.v[p->tok0];
  int chars = 0, alt = 0, designated = 0, verb_at = -1;
  for (size_t i = 0; i < p->ntok; i++) {
    const hf_cx_tok *t = &toks[i];
    sh_elem e;
    memset(&e, 0, sizeof e);
    e.next = t->next;
    switch (t->kind) {
    case HF_CX_T_WORD: {
      /* TABARI reads a hyphen in a dictionary as '_': "ANTI-" is ANTI joined to what follows */
      const char *w = t->text;
      const char *h;
      while ((h = strchr(w, '-')) != NULL) {
        if (h > w) {
          sh_elem part = e;
          part.kind = SH_E_WORD;
          part.word.key = word_key(lx, w, (size_t)(h - w), &part.word.len);
          part.word.exact = 1;
          part.word.next = part.next = 1;
          chars += alnum_count(part.word.key);
          HF_VEC_PUSH(el, part);
        }
        w = h + 1;
      }
      if (!*w) continue;
      e.kind = SH_E_WORD;
      e.word.key = word_key(lx, w, strlen(w), &e.word.len);
      e.word.exact = t->exact;
      e.word.next = t->next;
      e.word.endings = 0; /* a pattern word written with "_" matches only itself */
      chars += alnum_count(e.word.key);
      break;
    }
    case HF_CX_T_VERB:
      e.kind = SH_E_VERB;
      verb_at = (int)el.n;
      break;
    case HF_CX_T_SOURCE: e.kind = SH_E_SOURCE; designated = 1; break;
    case HF_CX_T_TARGET: e.kind = SH_E_TARGET; designated = 1; break;
    case HF_CX_T_BOTH: e.kind = SH_E_BOTH; designated = 1; break;
    case HF_CX_T_SKIP: e.kind = SH_E_SKIP; break;
    case HF_CX_T_SYNSET: {
      seq_vec alts = {0};
      expand_synset(lx, d, t->text, 0, &alts);
      if (!alts.n) {
        free(alts.v);
        free(el.v);
        return -1;
      }
      e.synset = 1;
      alt_elem(lx, &e, &alts); /* a synset adds nothing to the length: "* DOLLAR" goes before "* &CURRENCY" */
      break;
    }
    case HF_CX_T_ALT_OPEN: {
      /* { a | b c | d }: each alternative is a token run up to '|' or '}' */
      seq_vec alts = {0};
      size_t j = i + 1, start = j;
      int nextflag = 0;
      for (; j < p->ntok; j++) {
        int k = toks[j].kind;
        if (k == HF_CX_T_ALT_BAR || k == HF_CX_T_ALT_CLOSE) {
          expand_tokens(lx, d, &toks[start], j - start, 0, &alts);
          start = j + 1;
          if (k == HF_CX_T_ALT_CLOSE) {
            nextflag = toks[j].next;
            break;
          }
        }
      }
      i = j;
      if (!alts.n) {
        free(alts.v);
        continue;
      }
      e.next = (uint8_t)nextflag;
      int best = alt_elem(lx, &e, &alts);
      chars += best;
      alt += best;
      break;
    }
    default: /* PETRARCH noun-phrase braces and prepositional parentheses, '@': no constraint here */
      continue;
    }
    HF_VEC_PUSH(el, e);
  }
  if (verb_at < 0) {
    free(el.v);
    return -1;
  }
  memset(out, 0, sizeof *out);
  out->nel = (uint16_t)el.n;
  sh_elem *ev = hf_arena_alloc(&lx->arena, el.n * sizeof *ev);
  memcpy(ev, el.v, el.n * sizeof *ev);
  out->el = ev;
  out->verb_at = verb_at;
  out->chars = chars;
  out->fixed = chars - alt;
  for (size_t k = 0; k < el.n; k++)
    for (int a = 0; ev[k].kind == SH_E_ALT && a < ev[k].nalt; a++)
      ev[k].any[ev[k].alts[a].bit >> 6] |= 1ULL << (ev[k].alts[a].bit & 63);
  for (size_t k = 0; k < el.n; k++)
    if (ev[k].kind == SH_E_WORD) {
      unsigned bit = sh_prefix_bit(ev[k].word.key, ev[k].word.len);
      out->need[bit >> 6] |= 1ULL << (bit & 63);
    }
  out->designated = designated;
  out->code = make_code(lx, &p->code);
  out->text = hf_intern_s(&lx->strings, p->text);
  out->rule = rule_of(lx, p->file, p->line);
  free(el.v);
  return 0;
}

static const sh_pattern *sort_base;
static int by_length(const void *a, const void *b) {
  const sh_pattern *x = &sort_base[*(const uint32_t *)a], *y = &sort_base[*(const uint32_t *)b];
  if (x->chars != y->chars) return y->chars - x->chars;
  return x->order - y->order;
}

static void options_defaults(sh_options *o) {
  memset(o, 0, sizeof *o);
  o->bmin = 128;
  o->bmax = 0;
  o->cmin = 2;
  o->cmax = 10;
  o->emin = 2;
  o->emax = 10;
  o->min_words = 8; /* TABARI manual 8.2.3 */
}

sh_lex *sh_lex_build(const hf_cx_dict *d) {
  sh_lex *lx = hf_xcalloc(1, sizeof *lx);
  lx->format = d->format;
  lx->fwd_sent = -1;
  options_defaults(&lx->opt);
  if (d->format == HF_CX_PETRARCH) lx->opt.min_words = 0; /* TABARI's filter, not PETRARCH's */

  /* actors */
  for (size_t i = 0; i < d->actors.n; i++) {
    const hf_cx_actor *a = &d->actors.v[i];
    sh_actor sa;
    sa.name = hf_intern_s(&lx->strings, d->names.v[a->name0].text);
    sa.rule = rule_of(lx, a->file, a->line);
    sa.code0 = (uint32_t)lx->dated.n;
    for (size_t k = 0; k < a->ncodes; k++) {
      const hf_cx_code *c = &d->codes.v[a->code0 + k];
      sh_dated dc = {hf_intern_s(&lx->strings, c->code), c->from, c->to};
      HF_VEC_PUSH(lx->dated, dc);
    }
    sa.ncodes = (uint32_t)(lx->dated.n - sa.code0);
    HF_VEC_PUSH(lx->actors, sa);
    for (size_t k = 0; k < a->nnames; k++)
      add_entry(lx, SH_ACTOR, d->names.v[a->name0 + k].text, SH_END_NOUN, (uint32_t)(lx->actors.n - 1));
  }
  /* agents */
  for (size_t i = 0; i < d->agents.n; i++) {
    const hf_cx_agent *a = &d->agents.v[i];
    sh_agent sa = {hf_intern_s(&lx->strings, a->code), a->prefix, rule_of(lx, a->file, a->line)};
    HF_VEC_PUSH(lx->agents, sa);
    uint32_t idx = (uint32_t)(lx->agents.n - 1);
    add_entry(lx, SH_AGENT, a->phrase, SH_END_NOUN, idx);
    for (size_t k = 0; k < a->nforms; k++) add_entry(lx, SH_AGENT, d->words.v[a->form0 + k], 0, idx);
  }
  /* nouns, adjectives; PETRARCH's discard phrases become actors coded [###] */
  for (size_t i = 0; i < d->entries.n; i++) {
    const hf_cx_entry *e = &d->entries.v[i];
    if (e->kind == HF_CX_E_NOUN) add_entry(lx, SH_NOUN, e->text, SH_END_NOUN, 0);
    else if (e->kind == HF_CX_E_ADJECTIVE) add_entry(lx, SH_ADJ, e->text, 0, 0);
    else if (e->kind == HF_CX_E_DISCARD || e->kind == HF_CX_E_DISCARD_STORY) {
      sh_actor sa = {hf_intern_s(&lx->strings, e->text), rule_of(lx, e->file, e->line), (uint32_t)lx->dated.n, 1};
      sh_dated dc = {hf_intern_s(&lx->strings, HF_CX_DISCARD), 0, 0};
      HF_VEC_PUSH(lx->dated, dc);
      HF_VEC_PUSH(lx->actors, sa);
      add_entry(lx, SH_ACTOR, e->text, SH_END_NOUN, (uint32_t)(lx->actors.n - 1));
    }
  }
  /* patterns, sorted longest first within each block */
  uint32_t *count = hf_xcalloc(d->blocks.n + 1, sizeof *count);
  int *compiled = hf_xcalloc(d->patterns.n + 1, sizeof *compiled);
  for (size_t i = 0; i < d->patterns.n; i++) {
    const hf_cx_pattern *p = &d->patterns.v[i];
    if (!p->has_code || d->blocks.v[p->block].kind != HF_CX_BLK_VERB) continue;
    sh_pattern sp;
    if (compile_pattern(lx, d, p, &sp) < 0) continue;
    sp.order = (int)i;
    HF_VEC_PUSH(lx->patterns, sp);
    compiled[i] = 1;
    count[p->block]++;
  }
  /* order: pattern indexes grouped by block */
  uint32_t *start = hf_xcalloc(d->blocks.n + 1, sizeof *start);
  for (size_t b = 0; b < d->blocks.n; b++) start[b + 1] = start[b] + count[b];
  lx->order.v = hf_xcalloc(lx->patterns.n + 1, sizeof *lx->order.v);
  lx->order.n = lx->order.cap = lx->patterns.n;
  uint32_t *fill = hf_xcalloc(d->blocks.n + 1, sizeof *fill);
  for (size_t i = 0, k = 0; i < d->patterns.n; i++) {
    if (!compiled[i]) continue;
    size_t b = d->patterns.v[i].block;
    lx->order.v[start[b] + fill[b]++] = (uint32_t)k++;
  }
  sort_base = lx->patterns.v;
  for (size_t b = 0; b < d->blocks.n; b++)
    if (count[b] > 1) qsort(lx->order.v + start[b], count[b], sizeof(uint32_t), by_length);
  /* verbs and time phrases */
  for (size_t i = 0; i < d->verbs.n; i++) {
    const hf_cx_verb *v = &d->verbs.v[i];
    const hf_cx_block *b = &d->blocks.v[v->block];
    if (b->kind == HF_CX_BLK_TIME) {
      const hf_cx_evcode *c = v->has_code ? &v->code : b->has_code ? &b->code : NULL;
      if (!c || !c->code) continue;
      sh_time t = {atoi(c->code), sh_code_kind(c->code)};
      HF_VEC_PUSH(lx->times, t);
      add_entry(lx, SH_TIME, v->text, 0, (uint32_t)(lx->times.n - 1));
      continue;
    }
    if (b->kind != HF_CX_BLK_VERB) continue;
    sh_verb sv;
    memset(&sv, 0, sizeof sv);
    sv.name = hf_intern_s(&lx->strings, v->text);
    sv.rule = rule_of(lx, v->file, v->line);
    if (v->has_code) sv.code = make_code(lx, &v->code);
    else if (b->has_code) sv.code = make_code(lx, &b->code);
    sv.pat0 = start[v->block];
    sv.npat = count[v->block];
    HF_VEC_PUSH(lx->verbs, sv);
    uint32_t idx = (uint32_t)(lx->verbs.n - 1);
    add_entry(lx, SH_VERB, v->text, SH_END_VERB, idx);
    for (size_t k = 0; k < v->nforms; k++) add_entry(lx, SH_VERB, d->words.v[v->form0 + k], SH_END_VERB, idx);
  }
  free(count);
  free(compiled);
  free(start);
  free(fill);
  if (lx->times.n) lx->opt.time_shift = 1;
  for (size_t i = 0; i < d->entries.n; i++) {
    const hf_cx_entry *e = &d->entries.v[i];
    if (e->kind != HF_CX_E_OPTION || !e->code) continue;
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "%s: %s", e->code, e->text ? e->text : "");
    sh_option(lx, cmd, NULL);
  }
  lx->opt0 = lx->opt;
  return lx;
}

int sh_forward_record(sh_lex *lx, const char *id) {
  char story[32] = "";
  long sent = -1;
  size_t ns = 0;
  const char *m = lx->opt.fwd_mask, *p = id;
  int digits = 0;
  for (; lx->opt.fwd_on && *m && *p; m++) {
    if (*m == '^') continue; /* the blanks before the id: hooft's ids have none */
    if (*m == 'N') {
      if (ns + 1 < sizeof story) story[ns++] = *p;
    } else if (*m == 'S') {
      if (sent < 0) sent = 0;
      if (*p >= '0' && *p <= '9') sent = sent * 10 + (*p - '0'), digits++;
    }
    p++;
  }
  story[ns] = 0;
  int cont = lx->opt.fwd_on && ns && digits && lx->fwd_sent >= 0 && !strcmp(story, lx->fwd_story) &&
             sent == lx->fwd_sent + 1;
  snprintf(lx->fwd_story, sizeof lx->fwd_story, "%s", story);
  lx->fwd_sent = digits ? sent : -1;
  return cont;
}

void sh_lex_free(sh_lex *lx) {
  if (!lx) return;
  sh_scratch_free(lx->scratch);
  hf_map_free(&lx->first);
  hf_map_free(&lx->labels);
  free(lx->actors.v);
  free(lx->dated.v);
  free(lx->agents.v);
  free(lx->verbs.v);
  free(lx->patterns.v);
  free(lx->order.v);
  free(lx->times.v);
  hf_intern_free(&lx->strings);
  hf_arena_free(&lx->arena);
  free(lx);
}

/* ---- options ---- */

/* Reads "NAME [n]" style numbers: the integer after s, or -1. */
static int bracket_number(const char *s) {
  const char *b = strchr(s, '[');
  if (!b) return -1;
  return atoi(b + 1);
}

/* Reads "KEY = n" inside args (KEY matched as a whole word); returns 1 and sets *v if present. */
static int keyed_number(const char *args, const char *key, int *v) {
  size_t kl = strlen(key);
  for (const char *p = args; (p = strstr(p, key)) != NULL; p += kl) {
    if (p > args && isalpha((unsigned char)p[-1])) continue;
    const char *q = p + kl;
    while (*q == ' ') q++;
    if (*q != '=') continue;
    q++;
    while (*q == ' ') q++;
    if (!isdigit((unsigned char)*q)) return 0;
    *v = atoi(q);
    return 1;
  }
  return 0;
}

/* The code inside the first [...] after key, interned, or NULL. */
static const char *keyed_code(sh_lex *lx, const char *args, const char *key) {
  const char *p = strstr(args, key);
  if (!p) return NULL;
  const char *b = strchr(p, '['), *e = b ? strchr(b, ']') : NULL;
  if (!b || !e) return NULL;
  char buf[64];
  size_t n = 0;
  for (const char *c = b + 1; c < e && n + 1 < sizeof buf; c++)
    if (*c != ' ') buf[n++] = (char)toupper((unsigned char)*c);
  buf[n] = 0;
  return n ? hf_intern_s(&lx->strings, buf) : NULL;
}

int sh_option(sh_lex *lx, const char *command, hooft_error *err) {
  char buf[1200];
  snprintf(buf, sizeof buf, "%s", command);
  for (char *c = buf; *c; c++) *c = (char)toupper((unsigned char)*c);
  char *colon = strchr(buf, ':');
  if (!colon) {
    hf_error(err, "option '%.60s': expected COMMAND: arguments", command);
    return -1;
  }
  *colon = 0;
  char *cmd = hf_cx_trim(buf), *args = hf_cx_trim(colon + 1);
  sh_options *o = &lx->opt;
  if (!strncmp(cmd, "SET", 3)) {
    int v;
    if (strstr(args, "CODE BY") || strstr(args, "CODE ALL")) {
      o->code_by = strstr(args, "SENTENCE") ? SH_BY_SENTENCE : strstr(args, "ALL") ? SH_BY_ALL : SH_BY_CLAUSE;
    } else if (strstr(args, "MINIMUM")) {
      o->min_words = keyed_number(args, "WORDS", &v) ? v : 0;
    } else if (strstr(args, "CONVERT")) {
      o->convert_agents = strstr(args, "TRUE") || strstr(args, "= T");
    } else if (strstr(args, "TIME")) {
      o->time_shift = (strstr(args, "TRUE") || strstr(args, "= T")) && lx->times.n;
    }
    return 0; /* the other SET parameters concern TABARI's interactive program */
  }
  if (!strncmp(cmd, "COMP", 4)) {
    o->cx_verbs = o->cx_actors = o->cx_pronouns = o->cx_conj = o->cx_comma = o->cx_lateverb = 0;
    o->cx_noactprior = o->cx_noactafter = o->cx_noverb = o->cx_nosource = o->cx_notarget = o->cx_noevent = 0;
    for (char *save = NULL, *w = strtok_r(args, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
      int n = bracket_number(w);
      if (!strncmp(w, "VERBS", 5)) o->cx_verbs = n;
      else if (!strncmp(w, "ACTORS", 6)) o->cx_actors = n;
      else if (!strncmp(w, "PRONOUNS", 8)) o->cx_pronouns = n;
      else if (!strncmp(w, "CONJ", 4)) o->cx_conj = n;
      else if (!strncmp(w, "COMMA", 5)) o->cx_comma = n;
      else if (!strncmp(w, "LATEVERB", 8)) o->cx_lateverb = n;
      else if (!strcmp(w, "NOACTPRIOR")) o->cx_noactprior = 1;
      else if (!strcmp(w, "NOACTAFTER")) o->cx_noactafter = 1;
      else if (!strcmp(w, "NOVERB")) o->cx_noverb = 1;
      else if (!strcmp(w, "NOSOURCE")) o->cx_nosource = 1;
      else if (!strcmp(w, "NOTARGET")) o->cx_notarget = 1;
      else if (!strcmp(w, "NOEVENT")) o->cx_noevent = 1;
    }
    return 0;
  }
  if (!strncmp(cmd, "DEFA", 4)) {
    if (!strncmp(args, "OFF", 3)) {
      o->def_source = o->def_target = NULL;
      o->def_source_prior = o->def_target_after = 0;
      return 0;
    }
    const char *s = keyed_code(lx, args, "SOURCE"), *t = keyed_code(lx, args, "TARGET");
    if (s) {
      o->def_source = s;
      const char *tp = strstr(args, "TARGET");
      const char *pr = strstr(args, "PRIOR");
      o->def_source_prior = pr && (!tp || pr < tp);
    }
    if (t) {
      o->def_target = t;
      o->def_target_after = strstr(strstr(args, "TARGET"), "AFTER") != NULL;
    }
    if (!s && !t) {
      hf_error(err, "DEFAULT: expected SOURCE [code] and/or TARGET [code], or OFF");
      return -1;
    }
    return 0;
  }
  if (!strncmp(cmd, "COMM", 4)) {
    if (!strncmp(args, "OFF", 3)) {
      o->comma_off = 1;
      return 0;
    }
    o->comma_off = 0;
    keyed_number(args, "BMIN", &o->bmin);
    keyed_number(args, "BMAX", &o->bmax);
    keyed_number(args, "EMIN", &o->emin);
    keyed_number(args, "EMAX", &o->emax);
    keyed_number(args, "MIN", &o->cmin);
    keyed_number(args, "MAX", &o->cmax);
    return 0;
  }
  if (!strncmp(cmd, "LABE", 4)) {
    char *eq = strchr(args, '=');
    if (!eq) {
      hf_error(err, "LABEL: expected CODE=text");
      return -1;
    }
    *eq = 0;
    const char *code = hf_intern_s(&lx->strings, hf_cx_trim(args));
    /* labels keep their case as written */
    const char *orig = strchr(command, '=');
    hf_map_put(&lx->labels, code, (void *)hf_intern_s(&lx->strings, orig ? hf_cx_trim((char *)strcpy(buf, orig + 1)) : ""));
    return 0;
  }
  if (!strncmp(cmd, "PETR", 4)) { /* PETRARCH-2's config options, "PETRARCH: name = value" */
    char *eq = strchr(args, '=');
    if (eq && !strncmp(hf_cx_trim(args), "REQUIRE_DYAD", 12)) {
      char *v = hf_cx_trim(eq + 1);
      o->null_actors = !strncmp(v, "F", 1);
      return 0;
    }
    hf_error(err, "PETRARCH option '%.60s' is not implemented (only require_dyad)", args);
    return -1;
  }
  if (!strncmp(cmd, "FORW", 4)) {
    char mask[32] = "";
    sscanf(args, "%31s", mask);
    if (*mask && strcmp(mask, "OFF") && strspn(mask, "^*NS") != strlen(mask)) {
      hf_error(err, "FORWARD: the sequence format takes only ^ * N S, not '%.31s'", mask);
      return -1; /* options unchanged */
    }
    if (!strcmp(mask, "OFF") || !*mask) {
      o->fwd_on = 0;
      return 0;
    }
    snprintf(o->fwd_mask, sizeof o->fwd_mask, "%s", mask);
    o->fwd_on = strstr(args, "OFF") == NULL;
    return 0;
  }
  if (!strncmp(cmd, "OUTP", 4) || !strncmp(cmd, "NONE", 4) || !strncmp(cmd, "ISSU", 4))
    return 0; /* output layout of TABARI's own files: hooft writes its own formats */
  hf_error(err, "unknown option command '%.40s:'", cmd);
  return -1;
}
