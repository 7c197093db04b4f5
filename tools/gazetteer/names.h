/* names.h: matching keys of place names and the shapes of those names (divisions, alternates). */
#ifndef HOOFT_GAZETTEER_NAMES_H
#define HOOFT_GAZETTEER_NAMES_H

#include <stddef.h>

#include "util.h"

/* ---- Keys: hf_text_key (NFC, case folded, diacritics stripped) with
 * apostrophes dropped and any other non-letters as single spaces:
 * "Kurskaja oblast'" -> "kurskaja oblast", "Washington, D.C." -> "washington d c".
 * Keys are interned: equal keys are the same pointer until names_free(). */
const char *name_key(const char *name);
const char *key_intern(const char *key, size_t n);
void names_free(void);

/* A set of interned keys, each once, in insertion order. */
typedef HF_VEC(const char *) keyset;
void keyset_add(keyset *ks, const char *key); /* "" is ignored */
int keyset_has(const keyset *ks, const char *key);
size_t keyset_common(const keyset *a, const keyset *b);
void keyset_free(keyset *ks);

/* ---- Lists of names ---- */
typedef struct name_iter {
  const char *p;
  char buf[512];
} name_iter;

/* The next non-empty item of the sep-separated list at it->p (copied into
 * it->buf; items of 512 bytes or more are skipped), or NULL at the end. */
char *list_next(name_iter *it, char sep);

/* The next name of an iso-codes Dutch division name ("Peking,
 * Stadsprovincie; Beijing, Stadsprovincie", "Kiev (stad)"): "Peking",
 * "Beijing", "Kiev". NULL at the end. */
const char *nl_division_next(name_iter *it);

/* ---- Shapes ---- */
/* Only Latin letters, spaces, hyphens, periods and apostrophes. */
int is_latin_name(const char *s);

/* A Latin alternate name worth listing: capitalised (or 's-...), at least
 * four letters, at most four words, not all capitals. */
int good_alternate(const char *s);

/* The English compass word ("north", ..., "central") that word w[0..n) of a
 * key is, or NULL. */
const char *compass(const char *w, size_t n);

/* The compass words of a key as a bit set (North Karelia is not Karelia). */
int compass_words(const char *key);

/* Whether every word of a (non-empty) key is a compass word ("centre est"). */
int only_compass(const char *key);

/* The division name without its generic words ("Kursk Oblast" -> "Kursk",
 * "Provincie Utrecht" -> "Utrecht") into out; out is "" when nothing was
 * removed or too little would remain. */
void div_short(const char *name, hf_buf *out);

/* A division's name as one would write it, into out: without annotations
 * ("Uppsala län [SE-03]", "Bicol (Region V)", "Foru Komunitatea*", "Butel †") and
 * without an inverted type ("Tatarstan, Respublika" -> "Tatarstan",
 * "wallonne, Région" -> "Région wallonne"). */
void tidy_division_name(const char *name, hf_buf *out);

/* What a name says its division is: 1 a city, -1 a province-like division,
 * 0 nothing. */
int kind_of(const char *name);

/* The matching keys of a division: strong ones (the key, without brackets,
 * without generic words, compass words in English) and, in all, also weak
 * ones (Slavic adjective stems: "kurskaja" -> "kursk"; transliteration-
 * insensitive forms). cc is the country (Korean -do/-buk suffixes). */
typedef struct divkeys {
  keyset strong, all;
} divkeys;
void add_name_keys(divkeys *dk, const char *name, const char *cc);
void divkeys_free(divkeys *dk);

/* Dice coefficient of the letter bigrams of two keys (0 if one is too long). */
double dice(const char *a, const char *b);

#endif
