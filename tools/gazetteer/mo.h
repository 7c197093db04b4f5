/* mo.h: GNU gettext .mo catalogs read into string maps (no library reads them directly). */
#ifndef HOOFT_GAZETTEER_MO_H
#define HOOFT_GAZETTEER_MO_H

#include <stddef.h>

#include "util.h"

/* Adds the translations of the .mo catalog data[0..len) to map: msgid ->
 * msgstr (its first plural form), both copied into arena. An msgid already in
 * map keeps its value; the header, untranslated entries and entries with a
 * context are skipped. Returns the number of entries added, or -1 with err
 * filled when data is not a catalog, is truncated or is not UTF-8. */
long mo_parse(const char *data, size_t len, hf_map *map, hf_arena *arena, hooft_error *err);

#endif
