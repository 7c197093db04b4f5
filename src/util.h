/* util.h: memory arenas, growable buffers, string hash maps and small helpers shared by every stage. */
#ifndef HOOFT_UTIL_H
#define HOOFT_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "hooft.h"

/* Aborts with a message when memory runs out: the only fatal error. */
void *hf_xmalloc(size_t n);
void *hf_xcalloc(size_t n, size_t size);
void *hf_xrealloc(void *p, size_t n);
char *hf_xstrdup(const char *s);
char *hf_xstrndup(const char *s, size_t n);

/* Fills err->message with a printf-style message. err may be NULL. */
void hf_error(hooft_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- Arena: bump allocator freed all at once ---- */
typedef struct hf_arena_block hf_arena_block;
typedef struct hf_arena {
  hf_arena_block *head;
} hf_arena;

void *hf_arena_alloc(hf_arena *a, size_t n);          /* 8-byte aligned, zeroed */
char *hf_arena_strndup(hf_arena *a, const char *s, size_t n);
char *hf_arena_strdup(hf_arena *a, const char *s);
void hf_arena_free(hf_arena *a);                       /* frees all blocks */

/* ---- Growable byte buffer ---- */
typedef struct hf_buf {
  char *data;
  size_t len, cap;
} hf_buf;

void hf_buf_put(hf_buf *b, const char *s, size_t n);
void hf_buf_puts(hf_buf *b, const char *s);
void hf_buf_putc(hf_buf *b, char c);
void hf_buf_printf(hf_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *hf_buf_cstr(hf_buf *b);                    /* NUL-terminates, borrowed */
void hf_buf_free(hf_buf *b);

/* Growable array of fixed-size elements. */
#define HF_VEC(T) struct { T *v; size_t n, cap; }
#define HF_VEC_PUSH(vec, x)                                                   \
  do {                                                                        \
    if ((vec).n == (vec).cap) {                                               \
      (vec).cap = (vec).cap ? (vec).cap * 2 : 8;                              \
      (vec).v = hf_xrealloc((vec).v, (vec).cap * sizeof(*(vec).v));           \
    }                                                                         \
    (vec).v[(vec).n++] = (x);                                                 \
  } while (0)

/* ---- String-keyed hash map (open addressing). Keys are borrowed: the caller
 * keeps them alive (usually in an arena) as long as the map. ---- */
typedef struct hf_map_slot {
  const char *key;
  uint64_t hash;
  void *value;
} hf_map_slot;

typedef struct hf_map {
  hf_map_slot *slots;
  size_t cap, count;
} hf_map;

uint64_t hf_hash(const char *s, size_t n);
/* hf_hash byte by byte (FNV-1a), for the hashes of every prefix of a word in one pass:
 * h = HF_HASH_SEED; h = hf_hash_step(h, byte)...; the key's hash is hf_hash_final(h). */
#define HF_HASH_SEED 1469598103934665603ULL
static inline uint64_t hf_hash_step(uint64_t h, unsigned char c) { return (h ^ c) * 1099511628211ULL; }
static inline uint64_t hf_hash_final(uint64_t h) { return h ? h : 1; }
void *hf_map_get(const hf_map *m, const char *key);
void *hf_map_getn(const hf_map *m, const char *key, size_t n);
/* Lookup with a hash already computed by hf_hash(key, n) (tokens carry theirs). */
void *hf_map_get_hashed(const hf_map *m, const char *key, size_t n, uint64_t hash);
/* Returns the address of the value slot for key, inserting NULL if absent. */
void **hf_map_slot_for(hf_map *m, const char *key);
void hf_map_put(hf_map *m, const char *key, void *value);
void hf_map_free(hf_map *m);

/* ---- Interned strings: equal strings share one pointer ---- */
typedef struct hf_intern {
  hf_map map;
  hf_arena arena;
} hf_intern;

const char *hf_intern_n(hf_intern *in, const char *s, size_t n);
const char *hf_intern_s(hf_intern *in, const char *s);
void hf_intern_free(hf_intern *in);

/* ---- Files ---- */
/* Reads a whole file into a NUL-terminated malloc'ed buffer (caller frees).
 * Returns NULL with err filled (err may be NULL) and errno as the failing call left it. */
char *hf_read_file(const char *path, size_t *len, hooft_error *err);

/* Iterates over the data lines of a dictionary text: strips comments ('#' at
 * line start or after whitespace), trailing whitespace and CR. Returns 1 with
 * *line (NUL-terminated, in place) and *lineno set, 0 at the end. */
typedef struct hf_lines {
  char *p, *end;
  int lineno;
} hf_lines;
void hf_lines_init(hf_lines *it, char *data, size_t len);
int hf_lines_next(hf_lines *it, char **line, int *lineno);

/* Splits s in place at every occurrence of sep; returns the field count (at
 * most max); fields[] point into s. */
int hf_split(char *s, char sep, char **fields, int max);

/* Days since 1970-01-01 of a yyyymmdd date, and back (proleptic Gregorian). */
long hf_day_number(int yyyymmdd);
int hf_day_from_number(long days);

/* Parses YYYY-MM-DD into yyyymmdd; returns 0 if malformed. */
int hf_parse_date(const char *s, size_t n);

#endif
