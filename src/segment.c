/* segment.c: tokenization and sentence segmentation (abbreviations, numbers, quotes, hyphenated and elided compounds). */
#include <string.h>

#include "coder.h"
#include "text.h"

#define HF_MAX_SENTENCE_TOKENS 400

/* Appends a token for text[s..e) with its key, genitive key, grammar bits and lemma. */
static hf_token *push_token(hooft_coder *c, int lang, const char *text, size_t s, size_t e, int kind,
                            hf_arena *arena, hf_token_vec *toks, hf_buf *scratch) {
  hf_token t;
  memset(&t, 0, sizeof t);
  t.start = (uint32_t)s;
  t.end = (uint32_t)e;
  t.kind = (uint8_t)kind;
  scratch->len = 0;
  hf_text_key(scratch, text + s, e - s);
  t.key = hf_arena_strndup(arena, scratch->data, scratch->len);
  t.key_len = (uint32_t)scratch->len;
  t.key_hash = hf_hash(t.key, t.key_len);
  int32_t cp;
  hf_utf8_next(text + s, e - s, &cp);
  t.upper = (uint8_t)hf_is_upper(cp);
  if (kind == HF_T_WORD) {
    size_t kl = scratch->len;
    const char *k = t.key;
    if (kl > 2 && k[kl - 2] == '\'' && k[kl - 1] == 's')
      t.gen = hf_arena_strndup(arena, k, kl - 2);
    else if (kl > 3 && k[kl - 1] == 's' && t.upper)
      t.gen = hf_arena_strndup(arena, k, kl - 1);
    if (lang >= 0) {
      t.gram = (uint32_t)(uintptr_t)hf_map_get_hashed(&c->lang[lang].grammar, t.key, t.key_len, t.key_hash);
      /* closed-class words are matched by their form; only open-class words get lemmas */
      t.lemma = t.gram ? hf_intern_n(&c->strings, t.key, t.key_len) : hf_lemma_hashed(c, lang, t.key, t.key_len, t.key_hash);
    }
  } else if (kind == HF_T_NUM) {
    hf_parse_number(text + s, e - s, lang < 0 ? HF_LANG_EN : lang, &t.num);
    t.lemma = t.key;
  }
  if (t.lemma) {
    t.lemma_len = (uint32_t)strlen(t.lemma);
    t.lemma_hash = t.lemma == t.key ? t.key_hash : hf_hash(t.lemma, t.lemma_len);
  }
  HF_VEC_PUSH(*toks, t);
  return &toks->v[toks->n - 1];
}

static int is_sentence_punct(const hf_token *t) {
  return t->kind == HF_T_PUNCT && (strcmp(t->key, ".") == 0 || strcmp(t->key, "!") == 0 ||
                                   strcmp(t->key, "?") == 0 || strcmp(t->key, "\xe2\x80\xa6") == 0);
}

/* At a period ending the word text[i..j): returns the end of the longest
 * abbreviation starting at i ("o.a.", "Gen.", "U.S.", "J."), or 0 if the
 * period is punctuation. */
static size_t scan_abbreviation(hooft_coder *c, int lang, const char *text, size_t n, size_t i, size_t j,
                                hf_buf *scratch) {
  size_t ends[8];
  int nends = 0, single_letters = (hf_utf8_count(text + i, j - i) == 1);
  ends[nends++] = j + 1;
  size_t p = j;
  while (nends < 8) {
    size_t q = p + 1, r = q;
    while (r < n) {
      int32_t cp;
      int len = hf_utf8_next(text + r, n - r, &cp);
      if (!hf_is_letter(cp)) break;
      r += (size_t)len;
    }
    if (r == q || r >= n || text[r] != '.') break;
    if (hf_utf8_count(text + q, r - q) != 1) single_letters = 0;
    ends[nends++] = r + 1;
    p = r;
  }
  for (int k = nends - 1; k >= 0 && lang >= 0; k--) {
    scratch->len = 0;
    hf_text_key(scratch, text + i, ends[k] - i);
    if (hf_map_getn(&c->lang[lang].abbrev, scratch->data, scratch->len)) return ends[k];
  }
  int32_t first;
  hf_utf8_next(text + i, j - i, &first);
  if (single_letters && nends >= 2) return ends[nends - 1]; /* U.S., U.K. */
  if (single_letters && hf_is_upper(first)) return ends[0];  /* initial: J. Smith */
  return 0;
}

/* Scans one word starting at i (a letter or digit); returns its end. Handles
 * internal hyphens and apostrophes, number punctuation, trailing hyphens of
 * elided compounds ("Noord- en"), and abbreviations with periods. */
static size_t scan_word(hooft_coder *c, int lang, const char *text, size_t n, size_t i, int *kind,
                        hf_buf *scratch) {
  int32_t cp;
  size_t j = i;
  int all_digits = 1;
  while (j < n) {
    int len = hf_utf8_next(text + j, n - j, &cp);
    if (hf_is_letter(cp) || hf_is_digit(cp)) {
      if (!hf_is_digit(cp)) all_digits = 0;
      j += (size_t)len;
      continue;
    }
    int32_t nx = 0;
    int nlen = 0;
    if (j + (size_t)len < n) nlen = hf_utf8_next(text + j + len, n - j - (size_t)len, &nx);
    (void)nlen;
    if (all_digits && (cp == '.' || cp == ',') && hf_is_digit(nx)) { /* 11.000 2,5 */
      j += (size_t)len;
      continue;
    }
    if ((hf_is_dash(cp) && cp != 0x2013 && cp != 0x2014) && (hf_is_letter(nx) || hf_is_digit(nx))) {
      all_digits = 0;
      j += (size_t)len;
      continue;
    }
    if ((cp == '\'' || cp == 0x2019) && hf_is_letter(nx) && !all_digits) {
      j += (size_t)len;
      continue;
    }
    if (cp == '-' && !all_digits && (nx == ' ' || nx == '\n')) { /* Noord- en Zuid-Korea */
      size_t k = j + 1;
      while (k < n && text[k] == ' ') k++;
      static const char *const coords[] = {"en ", "of ", "and ", "or ", "tot ", "to "};
      for (size_t q = 0; q < sizeof coords / sizeof *coords; q++) {
        size_t ql = strlen(coords[q]);
        if (k + ql <= n && memcmp(text + k, coords[q], ql) == 0) {
          *kind = HF_T_WORD;
          return j + 1;
        }
      }
    }
    if (cp == '.' && !all_digits) {
      size_t e = scan_abbreviation(c, lang, text, n, i, j, scratch);
      if (e) return *kind = HF_T_WORD, e;
    }
    break;
  }
  *kind = all_digits ? HF_T_NUM : HF_T_WORD;
  return j;
}

void hf_tokenize(hooft_coder *c, int lang, const char *text, size_t n, hf_arena *arena, hf_token_vec *toks) {
  hf_buf scratch = {0};
  size_t i = 0;
  size_t sent_first = toks->n;
  int newlines = 2; /* start of text counts as a paragraph start */
  while (i < n) {
    int32_t cp;
    int len = hf_utf8_next(text + i, n - i, &cp);
    if (hf_is_space(cp)) {
      if (cp == '\n') newlines++;
      i += (size_t)len;
      continue;
    }
    size_t before = toks->n;
    if (hf_is_letter(cp) || hf_is_digit(cp)) {
      int kind;
      size_t e = scan_word(c, lang, text, n, i, &kind, &scratch);
      push_token(c, lang, text, i, e, kind, arena, toks, &scratch);
      i = e;
    } else {
      push_token(c, lang, text, i, i + (size_t)len, hf_is_quote(cp) ? HF_T_QUOTE : HF_T_PUNCT, arena, toks,
                 &scratch);
      i += (size_t)len;
    }
    hf_token *t = &toks->v[before];
    if (newlines >= 2) {
      t->para_start = 1;
      if (before > 0) toks->v[before - 1].sent_end = 1;
    }
    newlines = 0;
  }
  /* Sentence ends. */
  for (size_t m = sent_first; m < toks->n; m++) {
    hf_token *t = &toks->v[m];
    if (is_sentence_punct(t)) {
      size_t q = m + 1;
      /* closing quotes and brackets attached to the period stay with this sentence;
       * an opening quote after a space starts the next one */
      while (q < toks->n && !toks->v[q].para_start && toks->v[q].start == toks->v[q - 1].end &&
             (toks->v[q].kind == HF_T_QUOTE || strcmp(toks->v[q].key, ")") == 0 || is_sentence_punct(&toks->v[q])))
        q++;
      if (q >= toks->n) {
        toks->v[toks->n - 1].sent_end = 1;
      } else {
        /* the next sentence may open with a quote or bracket before its capital */
        size_t r = q;
        while (r < toks->n && r < q + 2 && (toks->v[r].kind == HF_T_QUOTE || strcmp(toks->v[r].key, "(") == 0)) r++;
        if (toks->v[q].para_start || (r < toks->n && (toks->v[r].upper || toks->v[r].kind == HF_T_NUM))) {
          toks->v[q - 1].sent_end = 1;
          m = q - 1;
        }
      }
    } else if (t->kind == HF_T_QUOTE && m > sent_first && m + 1 < toks->n && !toks->v[m + 1].para_start &&
               toks->v[m - 1].kind == HF_T_WORD && toks->v[m - 1].end == t->start &&
               toks->v[m + 1].start > t->end && toks->v[m + 1].kind == HF_T_WORD && toks->v[m + 1].upper) {
      /* ‘... internationaliseert’ Westerse landen: a closing quote then a new capitalized sentence */
      int open_seen = 0;
      for (size_t b = m; b-- > sent_first && !toks->v[b].sent_end;)
        if (toks->v[b].kind == HF_T_QUOTE && (b == 0 || toks->v[b].start > toks->v[b - 1].end)) {
          open_seen = 1;
          break;
        }
      if (open_seen) t->sent_end = 1;
    }
  }
  if (toks->n > sent_first) toks->v[toks->n - 1].sent_end = 1;
  /* Bound sentence length so that pathological input stays linear. */
  size_t run = 0;
  for (size_t m = sent_first; m < toks->n; m++) {
    if (toks->v[m].sent_end) {
      run = 0;
      continue;
    }
    if (++run >= HF_MAX_SENTENCE_TOKENS) {
      toks->v[m].sent_end = 1;
      run = 0;
    }
  }
  hf_buf_free(&scratch);
}

int hf_parse_number(const char *s, size_t n, int lang, double *value) {
  /* Separators: in Dutch '.' groups thousands and ',' is decimal; in English the
   * reverse. A separator followed by exactly three digits and then another
   * separator of the same kind or the end is a group separator in either
   * language when the other convention cannot apply ("1,000" nl is ambiguous:
   * read as the language says). */
  char group = lang == HF_LANG_NL ? '.' : ',';
  char dec = lang == HF_LANG_NL ? ',' : '.';
  double v = 0, frac = 0, scale = 1;
  int in_frac = 0, digits = 0;
  for (size_t i = 0; i < n; i++) {
    char ch = s[i];
    if (ch >= '0' && ch <= '9') {
      digits++;
      if (in_frac) {
        scale /= 10;
        frac += (ch - '0') * scale;
      } else {
        v = v * 10 + (ch - '0');
      }
    } else if (ch == group && !in_frac) {
      continue;
    } else if (ch == dec && !in_frac) {
      in_frac = 1;
    } else {
      return 0;
    }
  }
  if (!digits) return 0;
  *value = v + frac;
  return 1;
}
