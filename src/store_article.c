/* store_article.c: one stored article's event mentions rebuilt as hooft_events (for eval --db). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

struct hooft_stored_article {
  hf_arena arena; /* every string and quantity */
  hooft_event *ev;
  int64_t *event_id;
  size_t n;
  char *lang;
};

size_t hooft_stored_article_count(const hooft_stored_article *a) { return a->n; }
const hooft_event *hooft_stored_article_event(const hooft_stored_article *a, size_t i) { return &a->ev[i]; }
int64_t hooft_stored_article_event_id(const hooft_stored_article *a, size_t i) { return a->event_id[i]; }
const char *hooft_stored_article_lang(const hooft_stored_article *a) { return a->lang; }

void hooft_stored_article_free(hooft_stored_article *a) {
  if (!a) return;
  hf_arena_free(&a->arena);
  free(a->ev);
  free(a->event_id);
  free(a);
}

/* Column i of the current row as a string in the arena; NULL for SQL NULL
 * and, where empty means none (actor codes), for "". */
static const char *col(hf_arena *ar, const hf_db_ops *o, hf_stmt *st, int i, int empty_none) {
  const char *v = o->isnull(st, i) ? NULL : o->col_text(st, i);
  if (!v || (empty_none && !*v)) return NULL;
  return hf_arena_strdup(ar, v);
}

/* The quantities of a mention from their JSON (as the store writes them). */
static void read_quantities(hf_arena *ar, hooft_event *e, const char *json, int sentence) {
  json_t *arr = json ? json_loads(json, 0, NULL) : NULL;
  size_t n = json_is_array(arr) ? json_array_size(arr) : 0;
  if (n) {
    hooft_quantity *q = hf_arena_alloc(ar, n * sizeof *q);
    for (size_t i = 0; i < n; i++) {
      json_t *o = json_array_get(arr, i), *v;
      q[i].value = json_number_value(json_object_get(o, "value"));
      q[i].approx = json_is_true(json_object_get(o, "approx"));
      if ((v = json_object_get(o, "min"))) q[i].has_min = 1, q[i].min = json_number_value(v);
      if ((v = json_object_get(o, "max"))) q[i].has_max = 1, q[i].max = json_number_value(v);
      if (json_is_string(v = json_object_get(o, "object"))) q[i].object = hf_arena_strdup(ar, json_string_value(v));
      if (json_is_string(v = json_object_get(o, "currency"))) q[i].currency = hf_arena_strdup(ar, json_string_value(v));
      if (json_is_string(v = json_object_get(o, "text"))) q[i].text = hf_arena_strdup(ar, json_string_value(v));
      q[i].sentence = sentence;
    }
    e->quantities = q;
    e->nquantities = n;
  }
  json_decref(arr);
}

hooft_stored_article *hooft_store_article(hooft_store *s, const char *key, hooft_error *err) {
  const hf_db_ops *o = s->db->ops;
  if (s->in_batch && (hf_store_flush(s, err) < 0 || o->sync(s->db, err) < 0)) return NULL;
  hf_stmt *st = o->prepare(s->db, "SELECT id, lang FROM articles WHERE key = ?", 0, err);
  if (!st) return NULL;
  hf_val p[] = {hf_text(key)};
  int got = o->query(st, p, 1, err) < 0 ? -1 : o->next(st, err);
  int64_t art = got == 1 ? o->col_int(st, 0) : 0;
  char *lang = got == 1 && !o->isnull(st, 1) ? hf_xstrdup(o->col_text(st, 1)) : NULL;
  if (got == 1) o->end(st);
  o->finalize(st);
  if (got <= 0) {
    if (got == 0) hf_error(err, "no article '%s' in the store", key);
    return NULL;
  }
  hooft_stored_article *a = hf_xcalloc(1, sizeof *a);
  a->lang = lang ? hf_arena_strdup(&a->arena, lang) : NULL;
  free(lang);
  st = o->prepare(s->db,
                  "SELECT m.event_id, m.sentence, m.span_start, m.span_end, m.source_code, m.source_name, "
                  "m.source_country, m.target_code, m.target_name, m.target_country, m.cameo, m.root, m.quad, "
                  "m.goldstein, m.plover, m.negated, m.verb, m.pattern, m.rule, m.attribution, m.attribution_code, "
                  "m.attribution_country, m.certainty, m.date, m.date_end, m.date_precision, m.quantities, "
                  "m.location_name, m.location_country, m.location_lat, m.location_lon, m.location_feature, s.text "
                  "FROM mentions m LEFT JOIN sentences s ON s.id = m.article_id * " HF_PER_ARTICLE_SQL " + m.sentence "
                  "WHERE m.id BETWEEN ? AND ? ORDER BY m.id",
                  0, err);
  hf_val q[] = {hf_int(art * HF_PER_ARTICLE), hf_int(art * HF_PER_ARTICLE + HF_PER_ARTICLE - 1)};
  got = st && o->query(st, q, 2, err) == 0 ? 0 : -1;
  size_t cap = 0;
  hf_arena *ar = &a->arena;
  while (got == 0 && (got = o->next(st, err)) == 1) {
    if (a->n == cap) {
      cap = cap ? 2 * cap : 16;
      a->ev = hf_xrealloc(a->ev, cap * sizeof *a->ev);
      a->event_id = hf_xrealloc(a->event_id, cap * sizeof *a->event_id);
    }
    hooft_event *e = &a->ev[a->n];
    memset(e, 0, sizeof *e);
    a->event_id[a->n] = o->col_int(st, 0);
    e->sentence = (int)o->col_int(st, 1);
    e->span_start = (size_t)o->col_int(st, 2);
    e->span_end = (size_t)o->col_int(st, 3);
    e->source = (hooft_actor){col(ar, o, st, 5, 0), col(ar, o, st, 4, 1), col(ar, o, st, 6, 0)};
    e->target = (hooft_actor){col(ar, o, st, 8, 0), col(ar, o, st, 7, 1), col(ar, o, st, 9, 0)};
    e->cameo = col(ar, o, st, 10, 0);
    e->root = col(ar, o, st, 11, 0);
    e->quad = (int)o->col_int(st, 12);
    e->goldstein = o->col_real(st, 13);
    e->plover = col(ar, o, st, 14, 0);
    e->negated = (int)o->col_int(st, 15);
    e->verb = col(ar, o, st, 16, 0);
    e->pattern = col(ar, o, st, 17, 0);
    e->rule = col(ar, o, st, 18, 0);
    e->attribution = (hooft_actor){col(ar, o, st, 19, 0), col(ar, o, st, 20, 0), col(ar, o, st, 21, 0)};
    e->certainty = col(ar, o, st, 22, 0);
    e->date = col(ar, o, st, 23, 0);
    e->date_end = col(ar, o, st, 24, 0);
    e->date_precision = col(ar, o, st, 25, 0);
    read_quantities(ar, e, o->isnull(st, 26) ? NULL : o->col_text(st, 26), e->sentence);
    e->location.name = col(ar, o, st, 27, 0);
    e->location.country = col(ar, o, st, 28, 0);
    e->location.has_coordinates = !o->isnull(st, 29) && !o->isnull(st, 30);
    e->location.lat = e->location.has_coordinates ? o->col_real(st, 29) : 0;
    e->location.lon = e->location.has_coordinates ? o->col_real(st, 30) : 0;
    e->location.feature = col(ar, o, st, 31, 0);
    e->text = col(ar, o, st, 32, 0);
    a->n++;
    got = 0;
  }
  if (st) o->finalize(st);
  if (got < 0) {
    hooft_stored_article_free(a);
    return NULL;
  }
  return a;
}
