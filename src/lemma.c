/* lemma.c: lemmatization: English from WordNet's exception lists plus suffix rules, Dutch from our
 * irregular-form table, stem rules indexed by infinitive, and hunspell-nl stems as a fallback. */
#include <hunspell.h>
#include <stdlib.h>
#include <string.h>

#include "coder.h"

#define HF_LEMMA_CACHE_MAX 200000

static int is_vowel(char ch) { return ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u'; }

void hf_nl_stem_variants(const char *base, size_t n, void (*fn)(const char *, void *), void *ctx) {
  char buf[256];
  if (n == 0 || n + 2 >= sizeof buf) return;
  memcpy(buf, base, n);
  buf[n] = 0;
  fn(buf, ctx);
  char last = buf[n - 1];
  /* v -> f, z -> s at the end of a stem (leven -> leef, reizen -> reis) */
  if (last == 'v' || last == 'z') {
    char alt[256];
    memcpy(alt, buf, n + 1);
    alt[n - 1] = last == 'v' ? 'f' : 's';
    fn(alt, ctx);
    if (n >= 3 && !is_vowel(alt[n - 3]) && is_vowel(alt[n - 2])) { /* leven -> leef */
      char dbl[256];
      memcpy(dbl, alt, n - 1);
      dbl[n - 1] = alt[n - 2];
      dbl[n] = alt[n - 1];
      dbl[n + 1] = 0;
      fn(dbl, ctx);
    }
  }
  /* double consonant -> single (zetten -> zet, gesprekken -> gesprek) */
  if (n >= 2 && buf[n - 1] == buf[n - 2] && !is_vowel(last)) {
    buf[n - 1] = 0;
    fn(buf, ctx);
    buf[n - 1] = last;
  }
  /* open syllable: single vowel before the last consonant is long (sturen -> stuur) */
  if (n >= 2 && !is_vowel(last) && is_vowel(buf[n - 2]) && (n < 3 || !is_vowel(buf[n - 3]))) {
    char dbl[256];
    memcpy(dbl, buf, n - 1);
    dbl[n - 1] = buf[n - 2];
    dbl[n] = last;
    dbl[n + 1] = 0;
    fn(dbl, ctx);
    if (last == 'v' || last == 'z') {
      dbl[n] = last == 'v' ? 'f' : 's';
      fn(dbl, ctx);
    }
  }
}

typedef struct {
  hf_map *map;
  const char *found;
} lookup_ctx;

static void lookup_variant(const char *stem, void *vctx) {
  lookup_ctx *ctx = vctx;
  if (ctx->found) return;
  const char *v = hf_map_get(ctx->map, stem);
  if (v) ctx->found = v;
}

/* Looks for base[0..n) or one of its stem variants in map; returns the value. */
static const char *find_variant(hf_map *map, const char *base, size_t n) {
  lookup_ctx ctx = {map, NULL};
  hf_nl_stem_variants(base, n, lookup_variant, &ctx);
  return ctx.found;
}

static Hunhandle *nl_hunspell(hooft_coder *c) {
  if (c->hunspell || c->hunspell_failed) return c->hunspell;
  char aff[1024], dic[1024];
  snprintf(aff, sizeof aff, "%s/nl.aff", c->hunspell_dir);
  snprintf(dic, sizeof dic, "%s/nl.dic", c->hunspell_dir);
  FILE *f = fopen(aff, "r");
  if (!f) {
    c->hunspell_failed = 1;
    return NULL;
  }
  fclose(f);
  c->hunspell = Hunspell_create(aff, dic);
  if (!c->hunspell) c->hunspell_failed = 1;
  return c->hunspell;
}

/* Dutch: returns the lemma of key or NULL if no rule knows it. */
static const char *nl_lemma_rules(hooft_coder *c, const char *key, int depth) {
  hf_langdata *L = &c->lang[HF_LANG_NL];
  const char *v = hf_map_get(&L->lemma_table, key);
  if (v) return v;
  if (hf_map_get(&L->known, key)) return hf_map_get(&L->known, key);
  size_t n = strlen(key);
  /* a separable particle before the verb: binnen-viel, uit-ge-oefend */
  for (size_t pl = 2; depth == 0 && pl + 3 < n && pl <= 8; pl++) {
    if (!hf_is_particle(c, HF_LANG_NL, key, pl)) continue;
    const char *rest = nl_lemma_rules(c, key + pl, 1);
    if (rest) {
      char joined[256];
      snprintf(joined, sizeof joined, "%.*s%s", (int)pl, key, rest);
      const char *j = hf_map_get(&L->known, joined);
      if (j) return j;
    }
  }
  /* strong participles that keep the infinitive's vowel: gevallen, gegeven, geslagen */
  if (n > 6 && key[0] == 'g' && key[1] == 'e' && key[n - 2] == 'e' && key[n - 1] == 'n' && hf_map_get(&L->known, key + 2))
    return hf_map_get(&L->known, key + 2);
  if (n > 4 && key[0] == 'g' && key[1] == 'e' && (key[n - 1] == 'd' || key[n - 1] == 't')) {
    if ((v = find_variant(&L->stem_index, key + 2, n - 3))) return v;
    if ((v = hf_map_get(&L->lemma_table, key + 2))) return v;
  }
  static const char *const suffixes[] = {"den", "ten", "de", "te", "en", "t", "s", NULL};
  for (int s = 0; suffixes[s]; s++) {
    size_t sl = strlen(suffixes[s]);
    if (n > sl + 1 && strcmp(key + n - sl, suffixes[s]) == 0) {
      if ((v = find_variant(&L->stem_index, key, n - sl))) return v;
      if ((v = find_variant(&L->known, key, n - sl))) return v;
    }
  }
  if ((v = find_variant(&L->stem_index, key, n))) return v; /* bare stem: ik lever, stuur */
  return NULL;
}

static const char *nl_lemma(hooft_coder *c, const char *key) {
  const char *v = nl_lemma_rules(c, key, 0);
  if (v) return v;
  /* hunspell stems as a fallback for forms the rules do not reach */
  size_t n = strlen(key);
  if (n < 4 || n > 60) return NULL;
  Hunhandle *h = nl_hunspell(c);
  if (!h) return NULL;
  char **list = NULL;
  /* Only words hunspell accepts are stemmed: its stemmer reads out of bounds on
   * some nonsense compounds (found by fuzz/fuzz_code), its spell checker does not. */
  if (!Hunspell_spell(h, key)) return NULL;
  int k = Hunspell_stem(h, &list, key);
  const char *found = NULL;
  for (int i = 0; i < k && !found; i++) {
    if (strcmp(list[i], key) == 0) continue;
    found = nl_lemma_rules(c, list[i], 0);
  }
  Hunspell_free_list(h, &list, k);
  return found;
}

/* English: exception lists, then suffix rules checked against known lemmas. */
static const char *en_lemma(hooft_coder *c, const char *key) {
  hf_langdata *L = &c->lang[HF_LANG_EN];
  const char *v = hf_map_get(&L->lemma_table, key);
  if (v) return v;
  if ((v = hf_map_get(&L->known, key))) return v;
  size_t n = strlen(key);
  static const struct {
    const char *suf, *rep;
  } rules[] = {{"ies", "y"}, {"ied", "y"}, {"ses", "s"}, {"xes", "x"}, {"ches", "ch"}, {"shes", "sh"},
               {"s", ""},    {"ed", "e"},  {"ed", ""},   {"ing", "e"}, {"ing", ""},   {"es", "e"},
               {"n't", ""}, {NULL, NULL}};
  char buf[256];
  for (int r = 0; rules[r].suf; r++) {
    size_t sl = strlen(rules[r].suf);
    if (n <= sl + 1 || n - sl + strlen(rules[r].rep) + 1 >= sizeof buf) continue;
    if (strcmp(key + n - sl, rules[r].suf) != 0) continue;
    size_t bl = n - sl;
    memcpy(buf, key, bl);
    strcpy(buf + bl, rules[r].rep);
    if ((v = hf_map_get(&L->known, buf))) return v;
    /* doubled consonant: stopped -> stop, shelling -> shell is fine already */
    if (!rules[r].rep[0] && bl >= 3 && buf[bl - 1] == buf[bl - 2] && !is_vowel(buf[bl - 1])) {
      buf[bl - 1] = 0;
      if ((v = hf_map_get(&L->known, buf))) return v;
    }
  }
  return NULL;
}

int hf_is_particle(hooft_coder *c, int lang, const char *s, size_t n) {
  return ((uintptr_t)hf_map_getn(&c->lang[lang].grammar, s, n) & HF_G_PARTICLE) != 0;
}

const char *hf_lemma(hooft_coder *c, int lang, const char *key) {
  size_t n = strlen(key);
  return hf_lemma_hashed(c, lang, key, n, hf_hash(key, n));
}

const char *hf_lemma_hashed(hooft_coder *c, int lang, const char *key, size_t n, uint64_t hash) {
  hf_langdata *L = &c->lang[lang];
  const char *v = hf_map_get_hashed(&L->lemma_cache, key, n, hash);
  if (v) return v;
  const char *lemma = lang == HF_LANG_NL ? nl_lemma(c, key) : en_lemma(c, key);
  if (!lemma) lemma = hf_intern_s(&c->strings, key);
  if (L->lemma_cache.count >= HF_LEMMA_CACHE_MAX) hf_map_free(&L->lemma_cache);
  const char *k = hf_intern_s(&c->strings, key);
  hf_map_put(&L->lemma_cache, k, (void *)lemma);
  return lemma;
}

/* Reads one WordNet file of "form lemma [lemma...]" lines into the table. */
static int load_wordnet_exc(hooft_coder *c, const char *path, hooft_error *err) {
  size_t len;
  char *data = hf_read_file(path, &len, err);
  if (!data) return -1;
  char *p = data;
  hf_map *table = &c->lang[HF_LANG_EN].lemma_table;
  while (*p) {
    char *nl = strchr(p, '\n');
    if (nl) *nl = 0;
    char *sp = strchr(p, ' ');
    if (sp) {
      *sp = 0;
      char *lem = sp + 1;
      char *sp2 = strchr(lem, ' ');
      if (sp2) *sp2 = 0;
      const char *form = hf_intern_s(&c->strings, p);
      if (!hf_map_get(table, form)) hf_map_put(table, form, (void *)hf_intern_s(&c->strings, lem));
    }
    if (!nl) break;
    p = nl + 1;
  }
  free(data);
  return 0;
}

/* Adds the lemmas of WordNet's verb index to the known English lemmas. */
static int load_wordnet_index(hooft_coder *c, const char *path, hooft_error *err) {
  size_t len;
  char *data = hf_read_file(path, &len, err);
  if (!data) return -1;
  char *p = data;
  while (*p) {
    char *nl = strchr(p, '\n');
    if (nl) *nl = 0;
    if (*p != ' ') {
      char *sp = strchr(p, ' ');
      if (sp) {
        *sp = 0;
        if (!strchr(p, '_')) {
          const char *w = hf_intern_s(&c->strings, p);
          hf_map_put(&c->lang[HF_LANG_EN].known, w, (void *)w);
        }
      }
    }
    if (!nl) break;
    p = nl + 1;
  }
  free(data);
  return 0;
}

int hf_lemma_load(hooft_coder *c, hooft_error *err) {
  const char *wn = getenv("HOOFT_WORDNET_DIR");
  if (!wn || !*wn) wn = "/usr/share/wordnet";
  char path[1024];
  snprintf(path, sizeof path, "%s/verb.exc", wn);
  if (load_wordnet_exc(c, path, err) < 0) return -1;
  snprintf(path, sizeof path, "%s/noun.exc", wn);
  if (load_wordnet_exc(c, path, err) < 0) return -1;
  snprintf(path, sizeof path, "%s/index.verb", wn);
  if (load_wordnet_index(c, path, err) < 0) return -1;
  const char *hs = getenv("HOOFT_HUNSPELL_DIR");
  c->hunspell_dir = hf_xstrdup(hs && *hs ? hs : "/usr/share/hunspell");
  return 0;
}

void hf_lemma_free(hooft_coder *c) {
  if (c->hunspell) Hunspell_destroy(c->hunspell);
  c->hunspell = NULL;
  free(c->hunspell_dir);
}
