/* places.c: the gazetteer (place names in Dutch and English with country and coordinates) and
 * the location of an event: the place a locative phrase names ("in Washington", "in de
 * grensregio Koersk"), disambiguated by a following region ("Paris, Texas") or the actors. */
#include "places.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

/* One name of a place; places sharing a name form a list, most populous first. */
typedef struct hf_place {
  const char *name, *country, *feature;
  double lat, lon;
  long population;
  struct hf_place *next_same_name;
} hf_place;

/* A name (one or more tokens) with its places. */
typedef struct hf_placename {
  int ntok;
  const char **keys;
  hf_place *places;
  struct hf_placename *next; /* same first key, longest first */
} hf_placename;

struct hf_gazetteer {
  hf_map names;    /* first key -> hf_placename chain */
  hf_map capitals; /* country code -> its most populous capital (hf_place*) */
  hf_arena arena;
  size_t nplaces;
};

/* Inserts place p under the name made of keys. */
static void add_name(hooft_coder *c, hf_gazetteer *g, const char **keys, int n, hf_place *p) {
  (void)c;
  void **slot = hf_map_slot_for(&g->names, keys[0]);
  hf_placename *pn = *slot;
  for (; pn; pn = pn->next) {
    if (pn->ntok != n) continue;
    int same = 1;
    for (int i = 0; same && i < n; i++) same = pn->keys[i] == keys[i];
    if (same) break;
  }
  if (!pn) {
    pn = hf_arena_alloc(&g->arena, sizeof *pn);
    pn->ntok = n;
    pn->keys = keys;
    hf_placename *prev = NULL, *cur = *slot;
    while (cur && cur->ntok >= n) prev = cur, cur = cur->next;
    pn->next = cur;
    if (prev)
      prev->next = pn;
    else
      *slot = pn;
  }
  /* keep the list ordered by population, largest first; one entry per country and feature */
  hf_place **at = &pn->places;
  for (hf_place *q = pn->places; q; q = q->next_same_name)
    if (q->country == p->country && !strcmp(q->feature, p->feature)) return;
  while (*at && (*at)->population >= p->population) at = &(*at)->next_same_name;
  p->next_same_name = *at;
  *at = p;
}

int hooft_coder_load_gazetteer(hooft_coder *c, const char *path, hooft_error *err) {
  size_t len;
  char *data = hf_read_file(path, &len, err);
  if (!data) return -1;
  hf_gazetteer *g = hf_xcalloc(1, sizeof *g);
  hf_lines it;
  hf_lines_init(&it, data, len);
  char *line;
  int ln, bad = 0;
  while (hf_lines_next(&it, &line, &ln)) {
    char *f[7];
    char *end1, *end2;
    if (hf_split(line, '\t', f, 7) != 6 || strlen(f[1]) != 3) {
      if (!bad++) hf_error(err, "%s:%d: expected name, country, lat, lon, feature, population", path, ln);
      continue;
    }
    double lat = strtod(f[2], &end1), lon = strtod(f[3], &end2);
    if (*end1 || *end2 || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
      if (!bad++) hf_error(err, "%s:%d: bad coordinates '%s %s'", path, ln, f[2], f[3]);
      continue;
    }
    hf_place *p = hf_arena_alloc(&g->arena, sizeof *p);
    p->name = hf_intern_s(&c->strings, f[0]);
    p->country = hf_intern_s(&c->strings, f[1]);
    p->feature = hf_intern_s(&c->strings, f[4]);
    p->lat = lat;
    p->lon = lon;
    p->population = atol(f[5]);
    const char **keys;
    int n = hf_phrase_keys(c, f[0], &keys);
    if (n > 0) add_name(c, g, keys, n, p);
    if (!strcmp(p->feature, "capital")) {
      hf_place *cap = hf_map_get(&g->capitals, p->country);
      if (!cap || cap->population < p->population) hf_map_put(&g->capitals, p->country, p);
    }
    g->nplaces++;
  }
  free(data);
  if (bad) {
    hf_places_free(g);
    return -1;
  }
  hf_places_free(c->gazetteer);
  c->gazetteer = g;
  return 0;
}

size_t hf_places_count(const hf_gazetteer *g) { return g ? g->nplaces : 0; }

void hf_places_free(hf_gazetteer *g) {
  if (!g) return;
  hf_map_free(&g->names);
  hf_map_free(&g->capitals);
  hf_arena_free(&g->arena);
  free(g);
}

/* The longest place name starting at token i, or NULL. */
static const hf_placename *name_at(const hf_gazetteer *g, const hf_token *toks, int i, int to) {
  if (toks[i].kind != HF_T_WORD || !toks[i].upper) return NULL; /* place names are capitalized */
  for (const hf_placename *pn = hf_map_get(&g->names, toks[i].key); pn; pn = pn->next) {
    if (i + pn->ntok > to) continue;
    int ok = 1;
    for (int k = 0; ok && k < pn->ntok; k++) ok = !strcmp(toks[i + k].key, pn->keys[k]);
    if (ok) return pn;
  }
  return NULL;
}

/* Words that may stand between a locative preposition and the name: articles,
 * adjectives and place nouns ("in de Russische grensregio Koersk", "in the city of"). */
static int locative_filler(const hf_token *t) {
  if (t->gram & (HF_G_DET | HF_G_POSS)) return 1;
  if (t->kind != HF_T_WORD) return 0;
  static const char *const nouns[] = {"regio", "grensregio", "provincie", "stad", "hoofdstad", "havenstad",
                                      "dorp", "plaats", "gebied", "oblast", "region", "province", "city",
                                      "capital", "town", "village", "port", "area", "of", "van", "district",
                                      "state", "staat", NULL};
  for (int k = 0; nouns[k]; k++)
    if (!strcmp(t->key, nouns[k])) return 1;
  return !t->gram && t->key_len > 3; /* an adjective or noun: "Russische", "border" */
}

static int is_region_noun(const hf_token *t) {
  static const char *const nouns[] = {"regio", "grensregio", "provincie", "oblast", "region", "province",
                                      "gebied", "deelstaat", NULL};
  for (int k = 0; nouns[k]; k++)
    if (!strcmp(t->key, nouns[k])) return 1;
  return 0;
}

int hf_is_locative(const hf_token *t) {
  static const char *const preps[] = {"in", "bij", "nabij", "rond", "near", "at", "outside", "around", "inside",
                                      "buiten", "binnen", "nearby", NULL};
  for (int k = 0; preps[k]; k++)
    if (!strcmp(t->key, preps[k])) return 1;
  return 0;
}

int hf_find_location(hooft_coder *c, const hf_token *toks, int from, int to, int sent_to,
                     const char *const *countries, int ncountries, hf_located *out) {
  const hf_gazetteer *g = c->gazetteer;
  if (!g) return 0;
  for (int i = from; i < to; i++) {
    const hf_placename *pn = name_at(g, toks, i, to);
    if (!pn) continue;
    /* governed by a locative preposition, possibly with fillers between */
    int k = i - 1, fillers = 0, region = 0;
    while (k >= from && fillers < 4 && locative_filler(&toks[k]) && !hf_is_locative(&toks[k])) {
      region |= is_region_noun(&toks[k]);
      k--, fillers++;
    }
    if (k < from || !hf_is_locative(&toks[k])) {
      i += pn->ntok - 1;
      continue;
    }
    const hf_place *best = pn->places;
    /* "Paris, Texas": a following name of a region narrows the country */
    int j = i + pn->ntok;
    if (j + 1 < sent_to && !strcmp(toks[j].key, ",")) {
      const hf_placename *qual = name_at(g, toks, j + 1, sent_to);
      for (const hf_place *q = qual ? qual->places : NULL; q; q = q->next_same_name)
        for (const hf_place *p = pn->places; p; p = p->next_same_name)
          if (p->country == q->country && strcmp(q->feature, "city") && best == pn->places) best = p;
    }
    /* else a place in a country of the sentence's actors */
    if (best == pn->places)
      for (int a = 0; a < ncountries && best == pn->places; a++)
        for (const hf_place *p = pn->places; p; p = p->next_same_name)
          if (countries[a] && !strcmp(p->country, countries[a])) {
            best = p;
            break;
          }
    /* "in de grensregio Koersk": the region of that name, in the same country */
    for (const hf_place *p = pn->places; region && p; p = p->next_same_name)
      if (p->country == best->country && !strcmp(p->feature, "region")) {
        best = p;
        break;
      }
    out->first = i;
    out->last = i + pn->ntok - 1;
    out->country = best->country;
    out->lat = best->lat;
    out->lon = best->lon;
    out->feature = best->feature;
    return 1;
  }
  return 0;
}

int hf_country_location(hooft_coder *c, const char *country, hf_located *out) {
  const hf_place *cap = c->gazetteer ? hf_map_get(&c->gazetteer->capitals, country) : NULL;
  out->country = country;
  out->feature = "country";
  out->lat = cap ? cap->lat : 0;
  out->lon = cap ? cap->lon : 0;
  return cap != NULL;
}

int hf_place_named(hooft_coder *c, const hf_token *toks, int first, int last, hf_located *out) {
  const hf_gazetteer *g = c->gazetteer;
  if (!g) return 0;
  const hf_placename *pn = name_at(g, toks, first, last + 1);
  if (!pn || first + pn->ntok - 1 != last) return 0;
  const hf_place *p = pn->places;
  if (strcmp(p->feature, "city") && strcmp(p->feature, "capital")) return 0;
  out->first = first;
  out->last = last;
  out->country = p->country;
  out->lat = p->lat;
  out->lon = p->lon;
  out->feature = p->feature;
  return 1;
}
