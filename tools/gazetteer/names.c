/* names.c: matching keys of place names (hf_text_key) and the shapes of division and alternate names. */
#include "names.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* ------------------------------------------------------------------ keys */

static hf_intern keys;    /* every key, once */
static hf_buf folded, loose_buf; /* scratch */

/* Apostrophes and the letters and primes written for them ("Oʻzbekiston"):
 * dropped from keys, allowed in Latin names. */
static int is_apostrophe(int32_t c)
{
  return c == '\'' || c == '`' || c == 0xB4 || c == 0x2B9 || c == 0x2BB || c == 0x2BC || c == 0x2018 ||
         c == 0x2019 || c == 0x2032;
}

const char *name_key(const char *name)
{
  folded.len = 0;
  hf_text_key(&folded, name, strlen(name));
  /* in place: the key is never longer than the folded name */
  char *f = folded.data;
  size_t w = 0;
  int sep = 0;
  for (size_t i = 0; i < folded.len;) {
    unsigned char b = (unsigned char)f[i];
    int32_t c = b;
    int n = b < 0x80 ? 1 : hf_utf8_next(f + i, folded.len - i, &c);
    if (is_apostrophe(c)) {
      /* dropped: "'s-Gravenhage" -> "s gravenhage", "O'Higgins" -> "ohiggins" */
    } else if (b < 0x80 ? (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') : hf_is_letter(c) || hf_is_digit(c)) {
      if (sep && w) f[w++] = ' ';
      memmove(f + w, f + i, (size_t)n);
      w += (size_t)n;
      sep = 0;
    } else {
      sep = 1;
    }
    i += (size_t)n;
  }
  return hf_intern_n(&keys, w ? f : "", w);
}

const char *key_intern(const char *key, size_t n) { return hf_intern_n(&keys, key, n); }

void names_free(void)
{
  hf_intern_free(&keys);
  hf_buf_free(&folded);
  hf_buf_free(&loose_buf);
}

void keyset_add(keyset *ks, const char *key)
{
  if (*key && !keyset_has(ks, key)) HF_VEC_PUSH(*ks, key);
}

int keyset_has(const keyset *ks, const char *key)
{
  for (size_t i = 0; i < ks->n; i++)
    if (ks->v[i] == key) return 1;
  return 0;
}

size_t keyset_common(const keyset *a, const keyset *b)
{
  size_t n = 0;
  for (size_t i = 0; i < a->n; i++) n += (size_t)keyset_has(b, a->v[i]);
  return n;
}

void keyset_free(keyset *ks)
{
  free(ks->v);
  memset(ks, 0, sizeof *ks);
}

/* ---------------------------------------------------------- lists of names */

char *list_next(name_iter *it, char sep)
{
  while (*it->p) {
    const char *item = it->p, *end = strchr(item, sep);
    size_t n = end ? (size_t)(end - item) : strlen(item);
    it->p = item + n + (end != NULL);
    if (n > 0 && n < sizeof it->buf) {
      memcpy(it->buf, item, n);
      it->buf[n] = '\0';
      return it->buf;
    }
  }
  return NULL;
}

/* Dutch iso-codes names put the type after a comma: "Koersk, Oblast". */
static const char *const nl_type_tail[] = {
  "provincie", "provindie", "oblast", "regio", "republiek", "kraj", "stadsprovincie",
  "autonoom district", "stedelijk gewest", "federaal territorium", "city of",
  "hoofdstedelijk gewest", "hoofdstedelijk gewest van", "territorium van",
  "territoriale eenheid", "stadsgewest", "hoofdstedelijke regio van", "gewest",
  "gemeenschap", "forale gemeenschap", "federatie", "autonome regio",
  "autonome oeigoerse regio", "autonome gemeenschap", "autonome territoriale eenheid",
  "vorstendom", NULL};

const char *nl_division_next(name_iter *it)
{
  char *s;
  while ((s = list_next(it, ';'))) {
    char *paren = strstr(s, " (");
    if (paren) *paren = '\0';
    char *comma = strrchr(s, ',');
    if (comma && comma[1] == ' ') {
      const char *tail = name_key(comma + 2);
      for (int i = 0; nl_type_tail[i]; i++)
        if (strcmp(tail, nl_type_tail[i]) == 0) {
          *comma = '\0';
          break;
        }
    }
    while (*s == ' ') s++;
    if (*s) return s;
  }
  return NULL;
}

/* ------------------------------------------------------------------ shapes */

int is_latin_name(const char *s)
{
  size_t n = strlen(s);
  for (size_t i = 0; i < n;) {
    int32_t c;
    i += (size_t)hf_utf8_next(s + i, n - i, &c);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' || c == '-' || c == '.') continue;
    if (is_apostrophe(c)) continue;
    if (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) continue; /* Latin-1 letters, Extended-A/B */
    if (c >= 0x1E00 && c <= 0x1EFF) continue;                        /* Latin Extended Additional */
    if (c >= 0x300 && c <= 0x36F) continue;                          /* combining marks */
    return 0;
  }
  return 1;
}

int good_alternate(const char *s)
{
  if (!*s || !is_latin_name(s)) return 0;
  if (s[0] == '\'' || strncmp(s, "\xE2\x80\x99", 3) == 0) { /* 's-Gravenhage */
    const char *p = s + (s[0] == '\'' ? 1 : 3);
    if (p[0] != 's' || p[1] != '-') return 0;
  } else {
    int32_t c;
    hf_utf8_next(s, strlen(s), &c);
    if (!hf_is_upper(c)) return 0;
  }
  int lower = 0, words = 1;
  for (const char *q = s; *q; q++) {
    if ((*q >= 'a' && *q <= 'z') || (unsigned char)*q >= 0x80) lower = 1;
    if (*q == ' ') words++;
  }
  return lower && words <= 4 && hf_utf8_count(s, strlen(s)) >= 4;
}

/* Whether w[0..n) is word; whether it ends with suffix. */
static int word_is(const char *w, size_t n, const char *word) { return strlen(word) == n && memcmp(word, w, n) == 0; }

static int ends_with(const char *w, size_t n, const char *suffix)
{
  size_t m = strlen(suffix);
  return n >= m && memcmp(w + n - m, suffix, m) == 0;
}

/* The length of the first word of a key; *next set to the word after it. */
static size_t first_word(const char *w, const char **next)
{
  size_t len = strcspn(w, " ");
  const char *p = w + len;
  while (*p == ' ') p++;
  *next = p;
  return len;
}

const char *compass(const char *w, size_t n)
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
    if (word_is(w, n, words[i][0])) return words[i][1];
  return NULL;
}

int compass_words(const char *key)
{
  int bits = 0;
  for (const char *w = key, *next; *w; w = next) {
    const char *c = compass(w, first_word(w, &next));
    if (c) bits |= c[0] == 'n' ? 1 : c[0] == 's' ? 2 : c[0] == 'e' ? 4 : c[0] == 'w' ? 8 : 16;
  }
  return bits;
}

int only_compass(const char *key)
{
  for (const char *w = key, *next; *w; w = next)
    if (!compass(w, first_word(w, &next))) return 0;
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

/* Whether s starts with prefix, ignoring ASCII case. */
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

void div_short(const char *name, hf_buf *out)
{
  out->len = 0;
  hf_buf_cstr(out);
  size_t n = strlen(name);
  for (int i = 0; div_suffix[i]; i++) {
    size_t m = strlen(div_suffix[i]);
    if (n > m + 2 && ieq_prefix(name + n - m, div_suffix[i])) {
      hf_buf_put(out, name, n - m);
      return;
    }
  }
  for (int i = 0; div_prefix[i]; i++) {
    size_t m = strlen(div_prefix[i]);
    if (n > m + 2 && strncmp(name, div_prefix[i], m) == 0) {
      hf_buf_puts(out, name + m);
      return;
    }
  }
}

void tidy_division_name(const char *name, hf_buf *out)
{
  hf_buf t = {0};
  int depth = 0;
  static const char dagger[] = "\xE2\x80\xA0"; /* iso-codes' mark on Skopje's municipalities */
  for (const char *p = name; *p; p++) {
    if (*p == '(' || *p == '[') depth++;
    else if ((*p == ')' || *p == ']') && depth) depth--;
    else if (strncmp(p, dagger, 3) == 0) p += 2;
    else if (!depth && *p != '*' && !(*p == ' ' && (t.len == 0 || t.data[t.len - 1] == ' ')))
      hf_buf_putc(&t, *p);
  }
  while (t.len && t.data[t.len - 1] == ' ') t.len--;
  const char *s = hf_buf_cstr(&t);
  out->len = 0;
  const char *comma = strstr(s, ", ");
  if (comma && !strstr(comma + 2, ", ")) {
    const char *tail = comma + 2;
    size_t words = 1, tl = strlen(tail);
    for (const char *q = tail; *q; q++) words += *q == ' ';
    int type_tail = words <= 2 || ends_with(tail, tl, " de") || ends_with(tail, tl, " din") ||
                    ends_with(tail, tl, " van") || ends_with(tail, tl, " of") || ends_with(tail, tl, "- en");
    if (type_tail && words <= 3) {
      if (s[0] >= 'a' && s[0] <= 'z') hf_buf_printf(out, "%s %.*s", tail, (int)(comma - s), s);
      else hf_buf_put(out, s, (size_t)(comma - s));
      hf_buf_free(&t);
      hf_buf_cstr(out);
      return;
    }
  }
  hf_buf_puts(out, s);
  hf_buf_free(&t);
}

int kind_of(const char *name)
{
  static const char *const city_words[] = {"city", "capital", "stad", "hoofdstad", "stadt", "ville",
                                           "teukbyeolsi", "gwangyeoksi", NULL};
  static const char *const div_words[] = {"oblast", "province", "provincie", "region", "regio", "governorate",
                                          "krai", "kraj", "republic", "republiek", "county", "prefecture",
                                          "okrug", "voivodeship", NULL};
  for (const char *w = name_key(name), *next; *w; w = next) {
    size_t len = first_word(w, &next);
    for (int i = 0; city_words[i]; i++)
      if (word_is(w, len, city_words[i])) return 1;
    for (int i = 0; div_words[i]; i++)
      if (word_is(w, len, div_words[i])) return -1;
  }
  return 0;
}

/* ------------------------------------------------------------ division keys */

/* Generic words dropped from matching keys. */
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

/* Whether w[0..n) is one of key_generic. */
static int is_generic(const char *w, size_t n)
{
  for (int i = 0; key_generic[i]; i++)
    if (word_is(w, n, key_generic[i])) return 1;
  return 0;
}

/* The transliteration-insensitive form of a key: j and y as i, kh as h, zh
 * as z, no doubled letters ("Burjatija" and "Buryatiya" meet as "buriatia"). */
static const char *loose(const char *key)
{
  hf_buf *b = &loose_buf;
  b->len = 0;
  for (const char *p = key; *p; p++) {
    char c = *p;
    if (c == 'j' || c == 'y') c = 'i';
    else if ((c == 'k' || c == 'z') && p[1] == 'h') {
      p++;
      c = c == 'k' ? 'h' : 'z';
    }
    if (b->len && b->data[b->len - 1] == c && c != ' ') continue;
    hf_buf_putc(b, c);
  }
  return key_intern(b->len ? b->data : "", b->len);
}

/* Adds key k[0..n) (and its loose form) to dk's keys; to the strong ones too if strong. */
static void add_key(divkeys *dk, const char *k, size_t n, int strong)
{
  if (!n) return;
  const char *key = key_intern(k, n);
  if (strong) keyset_add(&dk->strong, key);
  keyset_add(&dk->all, key);
  keyset_add(&dk->all, loose(key));
}

/* Korean provinces ("Gyeongsangbuk-do", "Hamgyong-namdo"): the direction is
 * a word bukto/bukdo/namdo, or the suffix -bukto/-bukdo/-namdo (any word) or
 * -buk/-nam (last word). Returns "north" or "south" and sets *keep to the
 * length of the word without it (0 for the whole word), or returns NULL and
 * leaves *keep alone. */
static const char *korean_direction(const char *w, size_t len, int last, size_t *keep)
{
  if (word_is(w, len, "bukto") || word_is(w, len, "bukdo") || word_is(w, len, "namdo")) {
    *keep = 0;
    return w[0] == 'b' ? "north" : "south";
  }
  if (len > 6 && (ends_with(w, len, "bukto") || ends_with(w, len, "bukdo") || ends_with(w, len, "namdo"))) {
    *keep = len - 5;
    return w[len - 5] == 'b' ? "north" : "south";
  }
  if (len > 5 && last && (ends_with(w, len, "buk") || ends_with(w, len, "nam"))) {
    *keep = len - 3;
    return w[len - 3] == 'b' ? "north" : "south";
  }
  return NULL;
}

void add_name_keys(divkeys *dk, const char *name, const char *cc)
{
  const char *k = name_key(name);
  add_key(dk, k, strlen(k), 1);
  /* without bracketed parts */
  hf_buf s = {0};
  int depth = 0;
  for (const char *p = name; *p; p++) {
    if (*p == '(' || *p == '[') depth++;
    else if ((*p == ')' || *p == ']') && depth) depth--;
    else if (!depth) hf_buf_putc(&s, *p);
  }
  k = name_key(hf_buf_cstr(&s));
  add_key(dk, k, strlen(k), 1);
  /* without generic words, with its compass word in English in front */
  s.len = 0;
  int korean = strcmp(cc, "KR") == 0 || strcmp(cc, "KP") == 0;
  const char *dir = NULL;
  for (const char *w = k, *next; *w; w = next) {
    size_t len = first_word(w, &next), keep = 0; /* keep: how much of the word stays */
    const char *d = compass(w, len);
    if (!d && korean) d = korean_direction(w, len, !*next, &keep);
    if (d) dir = d;
    else if (!is_generic(w, len)) keep = len;
    if (keep) {
      if (s.len) hf_buf_putc(&s, ' ');
      hf_buf_put(&s, w, keep);
    }
  }
  if (!s.len) {
    if (dir) add_key(dk, dir, strlen(dir), 1); /* "Nord", "Noord", "North" */
    hf_buf_free(&s);
    return;
  }
  if (dir) {
    hf_buf d = {0};
    hf_buf_printf(&d, "%s %s", dir, hf_buf_cstr(&s));
    hf_buf_free(&s);
    s = d;
  }
  add_key(dk, s.data, s.len, 1);
  /* Slavic adjectives: "kurskaja" -> "kursk"; Ukrainian "vinnytska" -> "vinnytsia" */
  static const char *const adj[] = {"skaja", "skaya", "skaia", "skiy", "skij", "skii", "skyi", "ska", "ske", NULL};
  size_t n = s.len;
  for (int i = 0; adj[i]; i++) {
    size_t am = strlen(adj[i]);
    if (n > am + 2 && ends_with(s.data, n, adj[i])) {
      int stem = (int)(n - am);
      hf_buf st = {0};
      hf_buf_printf(&st, "%.*ssk", stem, s.data);
      add_key(dk, st.data, st.len, 0);
      add_key(dk, s.data, (size_t)stem, 0);
      if (strcmp(adj[i], "ska") == 0 && s.data[stem - 1] == 't') {
        st.len = 0;
        hf_buf_printf(&st, "%.*ssia", stem, s.data);
        add_key(dk, st.data, st.len, 0);
        st.len = 0;
        hf_buf_printf(&st, "%.*sttia", stem - 1, s.data);
        add_key(dk, st.data, st.len, 0);
      }
      hf_buf_free(&st);
      break;
    }
  }
  hf_buf_free(&s);
}

void divkeys_free(divkeys *dk)
{
  keyset_free(&dk->strong);
  keyset_free(&dk->all);
}

double dice(const char *a, const char *b)
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
