/* fuzz_terms.c: libFuzzer target: the search terms of arbitrary valid UTF-8 (what PostgreSQL's
 * sentences.terms and a --text query are made of): sorted, each once, each a well-quoted lexeme. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../src/text.h"

/* Reads one quoted lexeme at p ('' and \\ inside are one character each); returns the end, or
 * NULL if p does not start a well-formed one. Its content, unescaped, goes into out. */
static const char *lexeme(const char *p, hf_buf *out) {
  if (*p++ != '\'') return NULL;
  out->len = 0;
  for (;;) {
    if (!*p) return NULL;
    if ((*p == '\'' && p[1] == '\'') || (*p == '\\' && p[1] == '\\')) {
      hf_buf_putc(out, *p);
      p += 2;
    } else if (*p == '\'') {
      return p + 1;
    } else if (*p == '\\') {
      return NULL;
    } else {
      hf_buf_putc(out, *p++);
    }
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t bad;
  const char *what;
  if (hf_text_check((const char *)data, size, &bad, &what) < 0) return 0; /* the store gets checked text */
  hf_buf b = {0}, prev = {0}, cur = {0};
  size_t n = hf_text_terms(&b, (const char *)data, size, " ");
  const char *p = hf_buf_cstr(&b);
  size_t seen = 0;
  while (*p) {
    if (seen && *p++ != ' ') abort(); /* the separator */
    p = lexeme(p, &cur);
    if (!p || cur.len == 0 || cur.len > 2000) abort();
    /* strictly ascending: sorted, no repeats */
    if (seen) {
      size_t m = prev.len < cur.len ? prev.len : cur.len;
      int c = memcmp(prev.data, cur.data, m);
      if (c > 0 || (c == 0 && prev.len >= cur.len)) abort();
    }
    prev.len = 0;
    hf_buf_put(&prev, cur.data, cur.len);
    seen++;
  }
  if (seen != n) abort();
  hf_buf_free(&b);
  hf_buf_free(&prev);
  hf_buf_free(&cur);
  return 0;
}
