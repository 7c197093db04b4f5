/* places.h: the gazetteer and the location of an event (internal). */
#ifndef HOOFT_PLACES_H
#define HOOFT_PLACES_H

#include "coder.h"

/* A place found in a sentence. */
typedef struct hf_located {
  int first, last;         /* tokens of its name */
  const char *country;     /* interned ISO alpha-3 */
  double lat, lon;
  const char *feature;     /* "city", "capital", "region" */
} hf_located;

/* Finds the first place in tokens [from, to) that a locative preposition governs
 * ("in Washington", "in de grensregio Koersk"). Ambiguous names prefer a place in
 * the region named after a comma ("Paris, Texas"; looked up to sent_to), then one in
 * countries[], then the most populous. Returns 1 and fills *out, or 0. */
int hf_find_location(hooft_coder *c, const hf_token *toks, int from, int to, int sent_to,
                     const char *const *countries, int ncountries, hf_located *out);

/* Is tokens [first, last] exactly the name of a city or capital ("Kyiv", "Odesa")?
 * Returns 1 and fills *out with the most populous place of that name. */
int hf_place_named(hooft_coder *c, const hf_token *toks, int first, int last, hf_located *out);

/* Is t a locative preposition (in, bij, near, at)? */
int hf_is_locative(const hf_token *t);

/* A country as a location ("in Oekraïne"): fills out with the country and, when the
 * gazetteer knows its capital, the capital's coordinates as a representative point
 * (returns 1), else coordinates 0 (returns 0). */
int hf_country_location(hooft_coder *c, const char *country, hf_located *out);

/* Number of places loaded. */
size_t hf_places_count(const hf_gazetteer *g);

/* Releases a gazetteer. NULL is allowed. */
void hf_places_free(hf_gazetteer *g);

#endif
