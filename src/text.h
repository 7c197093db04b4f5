/* text.h: Unicode checks, normalization and matching keys (utf8proc). */
#ifndef HOOFT_TEXT_H
#define HOOFT_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Checks that s[0..n) is valid UTF-8 without NUL bytes. Returns 0 if so, or
 * -1 with *bad set to the byte offset of the first problem and *what to a
 * static description ("invalid UTF-8", "NUL byte (binary data?)"). */
int hf_text_check(const char *s, size_t n, size_t *bad, const char **what);

/* Returns the NFC form of valid UTF-8 s (malloc'ed, caller frees), *outlen set. */
char *hf_text_nfc(const char *s, size_t n, size_t *outlen);

/* Writes the matching key of s[0..n) into b (appending): case-folded,
 * diacritics stripped, curly quotes and apostrophes made straight, dashes
 * made '-'. s must be valid UTF-8. */
void hf_text_key(hf_buf *b, const char *s, size_t n);

/* Appends the search terms of s[0..n) (valid UTF-8) to b: its words (runs of
 * letters, marks and digits) as matching keys (hf_text_key), sorted, each once,
 * each written as a quoted lexeme 'word' ('' and \\ escaped), separated by sep.
 * Words whose key is over 2,000 bytes are left out. Returns the number of terms. */
size_t hf_text_terms(hf_buf *b, const char *s, size_t n, const char *sep);
/* Decodes one code point at s (n bytes left); returns its length (>= 1) and
 * sets *cp (U+FFFD for a bad sequence). */
int hf_utf8_next(const char *s, size_t n, int32_t *cp);

/* Number of code points in s[0..n). */
size_t hf_utf8_count(const char *s, size_t n);

/* Character classes used by the tokenizer. */
int hf_is_letter(int32_t cp);   /* letters and combining marks */
int hf_is_digit(int32_t cp);
int hf_is_space(int32_t cp);
int hf_is_upper(int32_t cp);
int hf_is_quote(int32_t cp);    /* ' " and the curly/angle quotes */
int hf_is_dash(int32_t cp);     /* - and the Unicode hyphens/dashes */

#endif
