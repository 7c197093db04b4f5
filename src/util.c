/* util.c: memory arenas, growable buffers, string hash maps and file helpers. */
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void *hf_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) {
    fputs("hooft: out of memory\n", stderr);
    abort();
  }
  return p;
}

void *hf_xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p) {
    fputs("hooft: out of memory\n", stderr);
    abort();
  }
  return p;
}

void *hf_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) {
    fputs("hooft: out of memory\n", stderr);
    abort();
  }
  return q;
}

char *hf_xstrndup(const char *s, size_t n) {
  char *d = hf_xmalloc(n + 1);
  memcpy(d, s, n);
  d[n] = 0;
  return d;
}

char *hf_xstrdup(const char *s) { return hf_xstrndup(s, strlen(s)); }

void hf_error(hooft_error *err, const char *fmt, ...) {
  if (!err) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
}

/* ---- Arena ---- */
struct hf_arena_block {
  hf_arena_block *next;
  size_t used, cap;
  _Alignas(8) unsigned char data[];
};

void *hf_arena_alloc(hf_arena *a, size_t n) {
  n = (n + 7) & ~(size_t)7;
  hf_arena_block *b = a->head;
  if (!b || b->cap - b->used < n) {
    size_t cap = n > 16384 ? n : 16384;
    b = hf_xmalloc(sizeof *b + cap);
    b->cap = cap;
    b->used = 0;
    b->next = a->head;
    a->head = b;
  }
  void *p = b->data + b->used;
  b->used += n;
  memset(p, 0, n);
  return p;
}

char *hf_arena_strndup(hf_arena *a, const char *s, size_t n) {
  char *d = hf_arena_alloc(a, n + 1);
  memcpy(d, s, n);
  d[n] = 0;
  return d;
}

char *hf_arena_strdup(hf_arena *a, const char *s) { return hf_arena_strndup(a, s, strlen(s)); }

void hf_arena_free(hf_arena *a) {
  hf_arena_block *b = a->head;
  while (b) {
    hf_arena_block *n = b->next;
    free(b);
    b = n;
  }
  a->head = NULL;
}

/* ---- Buffer ---- */
static void buf_reserve(hf_buf *b, size_t extra) {
  if (b->len + extra + 1 <= b->cap) return;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < b->len + extra + 1) cap *= 2;
  b->data = hf_xrealloc(b->data, cap);
  b->cap = cap;
}

void hf_buf_put(hf_buf *b, const char *s, size_t n) {
  buf_reserve(b, n);
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = 0;
}

void hf_buf_puts(hf_buf *b, const char *s) { hf_buf_put(b, s, strlen(s)); }

void hf_buf_putc(hf_buf *b, char c) { hf_buf_put(b, &c, 1); }

void hf_buf_printf(hf_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  buf_reserve(b, (size_t)n);
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

const char *hf_buf_cstr(hf_buf *b) {
  buf_reserve(b, 0);
  b->data[b->len] = 0;
  return b->data;
}

void hf_buf_free(hf_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

/* ---- Hash map ---- */
uint64_t hf_hash(const char *s, size_t n) {
  uint64_t h = HF_HASH_SEED; /* FNV-1a */
  for (size_t i = 0; i < n; i++) h = hf_hash_step(h, (unsigned char)s[i]);
  return hf_hash_final(h);
}

static hf_map_slot *map_find(const hf_map *m, const char *key, size_t n, uint64_t h) {
  if (!m->cap) return NULL;
  size_t mask = m->cap - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    hf_map_slot *s = &m->slots[i];
    if (!s->key) return s;
    if (s->hash == h && strncmp(s->key, key, n) == 0 && s->key[n] == 0) return s;
  }
}

void *hf_map_getn(const hf_map *m, const char *key, size_t n) {
  hf_map_slot *s = map_find(m, key, n, hf_hash(key, n));
  return s && s->key ? s->value : NULL;
}

void *hf_map_get(const hf_map *m, const char *key) { return hf_map_getn(m, key, strlen(key)); }

void *hf_map_get_hashed(const hf_map *m, const char *key, size_t n, uint64_t hash) {
  hf_map_slot *s = map_find(m, key, n, hash);
  return s && s->key ? s->value : NULL;
}

static void map_grow(hf_map *m) {
  size_t ncap = m->cap ? m->cap * 2 : 64;
  hf_map_slot *old = m->slots;
  size_t ocap = m->cap;
  m->slots = hf_xcalloc(ncap, sizeof *m->slots);
  m->cap = ncap;
  for (size_t i = 0; i < ocap; i++) {
    if (!old[i].key) continue;
    size_t j = old[i].hash & (ncap - 1);
    while (m->slots[j].key) j = (j + 1) & (ncap - 1);
    m->slots[j] = old[i];
  }
  free(old);
}

void **hf_map_slot_for(hf_map *m, const char *key) {
  if ((m->count + 1) * 4 >= m->cap * 3) map_grow(m);
  size_t n = strlen(key);
  uint64_t h = hf_hash(key, n);
  hf_map_slot *s = map_find(m, key, n, h);
  if (!s->key) {
    s->key = key;
    s->hash = h;
    s->value = NULL;
    m->count++;
  }
  return &s->value;
}

void hf_map_put(hf_map *m, const char *key, void *value) { *hf_map_slot_for(m, key) = value; }

void hf_map_free(hf_map *m) {
  free(m->slots);
  m->slots = NULL;
  m->cap = m->count = 0;
}

/* ---- Interning ---- */
const char *hf_intern_n(hf_intern *in, const char *s, size_t n) {
  if (in->map.cap) {
    hf_map_slot *slot = map_find(&in->map, s, n, hf_hash(s, n));
    if (slot->key) return slot->key;
  }
  char *copy = hf_arena_strndup(&in->arena, s, n);
  hf_map_put(&in->map, copy, copy);
  return copy;
}

const char *hf_intern_s(hf_intern *in, const char *s) { return hf_intern_n(in, s, strlen(s)); }

void hf_intern_free(hf_intern *in) {
  hf_map_free(&in->map);
  hf_arena_free(&in->arena);
}

/* ---- Files ---- */
char *hf_read_file(const char *path, size_t *len, hooft_error *err) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    int e = errno;
    hf_error(err, "%s: cannot open: %s", path, strerror(e));
    errno = e;
    return NULL;
  }
  hf_buf b = {0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) hf_buf_put(&b, chunk, n);
  int bad = ferror(f), e = errno;
  fclose(f);
  if (bad) {
    hf_error(err, "%s: read error", path);
    hf_buf_free(&b);
    errno = e;
    return NULL;
  }
  hf_buf_cstr(&b);
  *len = b.len;
  return b.data;
}

void hf_lines_init(hf_lines *it, char *data, size_t len) {
  it->p = data;
  it->end = data + len;
  it->lineno = 0;
}

int hf_lines_next(hf_lines *it, char **line, int *lineno) {
  while (it->p < it->end) {
    char *s = it->p;
    char *nl = memchr(s, '\n', (size_t)(it->end - s));
    char *e = nl ? nl : it->end;
    it->p = nl ? nl + 1 : it->end;
    it->lineno++;
    *e = 0;
    for (char *c = s; c < e; c++) {
      if (*c == '#' && (c == s || c[-1] == ' ' || c[-1] == '\t')) {
        e = c;
        break;
      }
    }
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
    *e = 0;
    if (e == s) continue;
    *line = s;
    *lineno = it->lineno;
    return 1;
  }
  return 0;
}

int hf_split(char *s, char sep, char **fields, int max) {
  int n = 0;
  fields[n++] = s;
  for (char *c = s; *c && n < max; c++) {
    if (*c == sep) {
      *c = 0;
      fields[n++] = c + 1;
    }
  }
  return n;
}

int hf_parse_date(const char *s, size_t n) {
  if (n != 10 || s[4] != '-' || s[7] != '-') return 0;
  int v[3] = {0, 0, 0}, k = 0;
  for (size_t i = 0; i < 10; i++) {
    if (i == 4 || i == 7) {
      k++;
      continue;
    }
    if (s[i] < '0' || s[i] > '9') return 0;
    v[k] = v[k] * 10 + (s[i] - '0');
  }
  static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > mdays[v[1] - 1]) return 0;
  if (v[1] == 2 && v[2] == 29 && !((v[0] % 4 == 0 && v[0] % 100 != 0) || v[0] % 400 == 0)) return 0;
  return v[0] * 10000 + v[1] * 100 + v[2];
}

long hf_day_number(int ymd) {
  /* days from civil, proleptic Gregorian (H. Hinnant's algorithm) */
  long y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int hf_day_from_number(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp + (mp < 10 ? 3 : -9);
  y += m <= 2;
  return (int)(y * 10000 + m * 100 + d);
}
