/* text.c: Unicode checks, NFC normalization, case folding and matching keys, on top of utf8proc. */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int hf_text_check(const char *s, size_t n, size_t *bad, const char **what) {
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0) {
      *bad = i;
      *what = "NUL byte (binary data?)";
      return -1;
    }
    if (c < 0x80) {
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
    if (len < 0) {
      *bad = i;
      *what = "invalid UTF-8";
      return -1;
    }
    i += (size_t)len;
  }
  return 0;
}

char *hf_text_nfc(const char *s, size_t n, size_t *outlen) {
  /* Fast path: pure ASCII needs no normalization. */
  size_t i = 0;
  while (i < n && (unsigned char)s[i] < 0x80) i++;
  if (i == n) {
    *outlen = n;
    return hf_xstrndup(s, n);
  }
  utf8proc_uint8_t *out = NULL;
  utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  if (r < 0) { /* cannot happen on checked input; keep the bytes as they are */
    *outlen = n;
    return hf_xstrndup(s, n);
  }
  *outlen = (size_t)r;
  return (char *)out;
}

int hf_utf8_next(const char *s, size_t n, int32_t *cp) {
  unsigned char c = (unsigned char)s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  utf8proc_int32_t v;
  utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &v);
  if (len < 1) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = v;
  return (int)len;
}

size_t hf_utf8_count(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) c++;
  return c;
}

int hf_is_letter(int32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LT ||
         c == UTF8PROC_CATEGORY_LM || c == UTF8PROC_CATEGORY_LO || c == UTF8PROC_CATEGORY_MN ||
         c == UTF8PROC_CATEGORY_MC;
}

int hf_is_digit(int32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

int hf_is_space(int32_t cp) {
  if (cp < 0x80) return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP ||
         cp == 0x200B || cp == 0xFEFF;
}

int hf_is_upper(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int hf_is_quote(int32_t cp) {
  switch (cp) {
    case '\'': case '"': case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2039: case 0x203A:
      return 1;
    default:
      return 0;
  }
}

int hf_is_dash(int32_t cp) {
  return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63 || cp == 0xFF0D;
}

void hf_text_key(hf_buf *b, const char *s, size_t n) {
  size_t i = 0;
  while (i < n && (unsigned char)s[i] < 0x80) i++;
  if (i == n) { /* ASCII fast path */
    for (i = 0; i < n; i++) {
      char c = s[i];
      hf_buf_putc(b, (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c);
    }
    return;
  }
  utf8proc_uint8_t *out = NULL;
  utf8proc_ssize_t r =
      utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
                   UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
  if (r < 0) {
    hf_buf_put(b, s, n);
    return;
  }
  const char *o = (const char *)out;
  for (utf8proc_ssize_t k = 0; k < r;) {
    int32_t cp;
    int len = hf_utf8_next(o + k, (size_t)(r - k), &cp);
    if (hf_is_quote(cp)) {
      hf_buf_putc(b, (cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x201B || cp == '\'') ? '\'' : '"');
    } else if (hf_is_dash(cp)) {
      hf_buf_putc(b, '-');
    } else if (cp == 0x00DF) { /* casefold keeps ß as "ss" already; safety */
      hf_buf_puts(b, "ss");
    } else {
      hf_buf_put(b, o + k, (size_t)len);
    }
    k += len;
  }
  free(out);
}

/* A word key of hf_text_terms, in its buffer. */
typedef struct term {
  const char *p;
  size_t n;
} term;

static int term_cmp(const void *a, const void *b) {
  const term *x = a, *y = b;
  int c = memcmp(x->p, y->p, x->n < y->n ? x->n : y->n);
  return c ? c : (x->n > y->n) - (x->n < y->n);
}

size_t hf_text_terms(hf_buf *b, const char *s, size_t n, const char *sep) {
  hf_buf keys = {0};
  HF_VEC(size_t) at = {0}; /* where each key starts in keys (keys.data moves while it grows) */
  size_t i = 0;
  while (i < n) {
    int32_t cp;
    int len = hf_utf8_next(s + i, n - i, &cp);
    if (!hf_is_letter(cp) && !hf_is_digit(cp)) {
      i += (size_t)len;
      continue;
    }
    size_t start = i;
    while (i < n) {
      len = hf_utf8_next(s + i, n - i, &cp);
      if (!hf_is_letter(cp) && !hf_is_digit(cp)) break;
      i += (size_t)len;
    }
    size_t from = keys.len;
    hf_text_key(&keys, s + start, i - start);
    if (keys.len == from || keys.len - from > 2000) {
      keys.len = from;
      continue;
    }
    HF_VEC_PUSH(at, from);
  }
  term *t = hf_xcalloc(at.n ? at.n : 1, sizeof *t);
  for (size_t k = 0; k < at.n; k++) {
    t[k].p = keys.data + at.v[k];
    t[k].n = (k + 1 < at.n ? at.v[k + 1] : keys.len) - at.v[k];
  }
  qsort(t, at.n, sizeof *t, term_cmp);
  size_t nterms = 0;
  for (size_t k = 0; k < at.n; k++) {
    if (k && term_cmp(&t[k - 1], &t[k]) == 0) continue;
    if (nterms++) hf_buf_puts(b, sep);
    hf_buf_putc(b, '\'');
    for (size_t j = 0; j < t[k].n; j++) {
      if (t[k].p[j] == '\'' || t[k].p[j] == '\\') hf_buf_putc(b, t[k].p[j]);
      hf_buf_putc(b, t[k].p[j]);
    }
    hf_buf_putc(b, '\'');
  }
  free(t);
  hf_buf_free(&keys);
  free(at.v);
  return nterms;
}
