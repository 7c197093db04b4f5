/* mo.c: reads GNU gettext .mo catalogs (the GeoNames and iso-codes translations). */
#include "mo.h"

#include <stdint.h>
#include <string.h>

#include "text.h"

#define MO_MAGIC 0x950412deu

/* A 32-bit word of the catalog, little-endian unless swap. */
static uint32_t rd32(const unsigned char *p, int swap)
{
  return swap ? ((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3])
              : ((uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0]);
}

static int valid_utf8(const char *s)
{
  size_t bad;
  const char *what;
  return hf_text_check(s, strlen(s), &bad, &what) == 0;
}

long mo_parse(const char *data, size_t len, hf_map *map, hf_arena *arena, hooft_error *err)
{
  const unsigned char *b = (const unsigned char *)data;
  if (len < 28) {
    hf_error(err, "not a .mo catalog");
    return -1;
  }
  int swap;
  if (rd32(b, 0) == MO_MAGIC) swap = 0;
  else if (rd32(b, 1) == MO_MAGIC) swap = 1;
  else {
    hf_error(err, "not a .mo catalog (bad magic)");
    return -1;
  }
  /* header: magic, revision, count, offsets of the msgid and msgstr tables */
  uint32_t n = rd32(b + 8, swap), oo = rd32(b + 12, swap), to = rd32(b + 16, swap);
  if ((size_t)oo + 8ull * n > len || (size_t)to + 8ull * n > len) {
    hf_error(err, "truncated .mo catalog");
    return -1;
  }
  long added = 0;
  for (uint32_t i = 0; i < n; i++) {
    /* each table entry: length, offset of a NUL-terminated string */
    uint32_t ol = rd32(b + oo + 8 * i, swap), of = rd32(b + oo + 8 * i + 4, swap);
    uint32_t tl = rd32(b + to + 8 * i, swap), tf = rd32(b + to + 8 * i + 4, swap);
    if ((size_t)of + ol >= len || (size_t)tf + tl >= len || b[of + ol] || b[tf + tl]) {
      hf_error(err, "truncated .mo catalog");
      return -1;
    }
    if (ol == 0 || tl == 0) continue; /* the header, untranslated */
    const char *id = data + of, *str = data + tf;
    if (memchr(id, '\x04', ol)) continue; /* msgctxt: not used by these catalogs */
    if (!valid_utf8(id) || !valid_utf8(str)) {
      hf_error(err, "invalid UTF-8");
      return -1;
    }
    if (hf_map_get(map, id)) continue;
    /* id and str end at their first NUL: the singular forms */
    hf_map_put(map, hf_arena_strdup(arena, id), hf_arena_strdup(arena, str));
    added++;
  }
  return added;
}
