/* output.c: writes coded events as JSON Lines (jansson) or GDELT-style tab-separated rows. */
#include <jansson.h>
#include <string.h>

#include "hooft.h"

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

static json_t *actor_json(const hooft_actor *a) {
  if (!a->code) return json_null();
  json_t *o = json_object();
  json_object_set_new(o, "text", str_or_null(a->text));
  json_object_set_new(o, "code", str_or_null(a->code));
  json_object_set_new(o, "country", str_or_null(a->country));
  return o;
}

static json_t *location_json(const hooft_location *l) {
  if (!l->name) return json_null();
  json_t *o = json_object();
  json_object_set_new(o, "name", json_string(l->name));
  json_object_set_new(o, "country", str_or_null(l->country));
  json_object_set_new(o, "lat", l->has_coordinates ? json_real(l->lat) : json_null());
  json_object_set_new(o, "lon", l->has_coordinates ? json_real(l->lon) : json_null());
  json_object_set_new(o, "feature", str_or_null(l->feature));
  return o;
}

static json_t *quantity_json(const hooft_quantity *q, int with_context) {
  json_t *o = json_object();
  json_object_set_new(o, "value", json_real(q->value));
  json_object_set_new(o, "approx", json_boolean(q->approx));
  json_object_set_new(o, "min", q->has_min ? json_real(q->min) : json_null());
  json_object_set_new(o, "max", q->has_max ? json_real(q->max) : json_null());
  json_object_set_new(o, "object", str_or_null(q->object));
  if (q->currency) json_object_set_new(o, "currency", json_string(q->currency));
  json_object_set_new(o, "text", json_string(q->text));
  if (with_context) {
    json_object_set_new(o, "sentence", json_integer(q->sentence));
    json_object_set_new(o, "attribution", actor_json(&q->attribution));
    json_object_set_new(o, "certainty", str_or_null(q->certainty));
  }
  return o;
}

int hooft_doc_write_summary(const hooft_doc *doc, FILE *out) {
  json_t *o = json_object();
  json_object_set_new(o, "type", json_string("document"));
  json_object_set_new(o, "doc", json_string(hooft_doc_id(doc)));
  json_object_set_new(o, "lang", json_string(hooft_doc_lang(doc)));
  json_object_set_new(o, "published", str_or_null(hooft_doc_date(doc)));
  json_object_set_new(o, "url", str_or_null(hooft_doc_url(doc)));
  json_object_set_new(o, "sentences", json_integer((json_int_t)hooft_doc_sentence_count(doc)));
  json_object_set_new(o, "events", json_integer((json_int_t)hooft_doc_event_count(doc)));
  json_t *qs = json_array();
  for (size_t i = 0; i < hooft_doc_quantity_count(doc); i++)
    json_array_append_new(qs, quantity_json(hooft_doc_quantity(doc, i), 1));
  json_object_set_new(o, "quantities", qs);
  int r = json_dumpf(o, out, JSON_COMPACT | JSON_REAL_PRECISION(12));
  json_decref(o);
  if (r < 0 || fputc('\n', out) == EOF) return -1;
  return ferror(out) ? -1 : 0;
}

int hooft_doc_write_jsonl(const hooft_doc *doc, FILE *out) {
  for (size_t i = 0; i < hooft_doc_event_count(doc); i++) {
    const hooft_event *e = hooft_doc_event(doc, i);
    json_t *o = json_object();
    json_object_set_new(o, "doc", json_string(hooft_doc_id(doc)));
    json_object_set_new(o, "sentence", json_integer(e->sentence));
    json_object_set_new(o, "span", json_pack("[II]", (json_int_t)e->span_start, (json_int_t)e->span_end));
    json_object_set_new(o, "text", json_string(e->text));
    json_object_set_new(o, "date", str_or_null(e->date));
    json_object_set_new(o, "source", actor_json(&e->source));
    json_object_set_new(o, "target", actor_json(&e->target));
    json_object_set_new(o, "cameo", json_string(e->cameo));
    json_object_set_new(o, "root", json_string(e->root));
    json_object_set_new(o, "quad", json_integer(e->quad));
    json_object_set_new(o, "goldstein", json_real(e->goldstein));
    json_object_set_new(o, "plover", str_or_null(e->plover));
    json_object_set_new(o, "negated", json_boolean(e->negated));
    json_object_set_new(o, "evidence",
                        json_pack("{s:s, s:s, s:s}", "verb", e->verb, "pattern", e->pattern, "rule", e->rule));
    json_object_set_new(o, "lang", json_string(hooft_doc_lang(doc)));
    json_object_set_new(o, "name", json_string(e->cameo_name));
    json_object_set_new(o, "date_precision", str_or_null(e->date_precision));
    json_object_set_new(o, "date_end", str_or_null(e->date_end));
    json_object_set_new(o, "published", str_or_null(hooft_doc_date(doc)));
    json_object_set_new(o, "attribution", actor_json(&e->attribution));
    json_object_set_new(o, "certainty", str_or_null(e->certainty));
    json_t *qs = json_array();
    for (size_t q = 0; q < e->nquantities; q++) json_array_append_new(qs, quantity_json(&e->quantities[q], 0));
    json_object_set_new(o, "quantities", qs);
    json_object_set_new(o, "location", location_json(&e->location));
    int r = json_dumpf(o, out, JSON_COMPACT | JSON_REAL_PRECISION(12));
    json_decref(o);
    if (r < 0 || fputc('\n', out) == EOF) return -1;
  }
  return ferror(out) ? -1 : 0;
}

/* Writes s with tabs and newlines replaced by spaces ("" for NULL). */
static void tsv_field(FILE *out, const char *s) {
  for (; s && *s; s++) fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

int hooft_write_tsv_header(FILE *out) {
  fputs("DocId\tSentence\tDay\tActor1Code\tActor1Name\tActor1CountryCode\tActor2Code\tActor2Name\t"
        "Actor2CountryCode\tEventCode\tEventBaseCode\tEventRootCode\tQuadClass\tGoldsteinScale\tNegated\t"
        "SpanStart\tSpanEnd\tRule\tSOURCEURL\tCertainty\tAttributionCode\tDatePrecision\n",
        out);
  return ferror(out) ? -1 : 0;
}

int hooft_doc_write_tsv(const hooft_doc *doc, FILE *out) {
  for (size_t i = 0; i < hooft_doc_event_count(doc); i++) {
    const hooft_event *e = hooft_doc_event(doc, i);
    char day[9] = "";
    const char *d = e->date;
    if (d && strlen(d) == 10)
      snprintf(day, sizeof day, "%.4s%.2s%.2s", d, d + 5, d + 8);
    else if (d && strlen(d) == 7) /* month precision: day 00, as GDELT does */
      snprintf(day, sizeof day, "%.4s%.2s00", d, d + 5);
    else if (d && strlen(d) == 4)
      snprintf(day, sizeof day, "%.4s0000", d);
    char base[4];
    snprintf(base, sizeof base, "%.3s", e->cameo);
    tsv_field(out, hooft_doc_id(doc));
    fprintf(out, "\t%d\t%s\t", e->sentence, day);
    const hooft_actor *as[2] = {&e->source, &e->target};
    for (int k = 0; k < 2; k++) {
      tsv_field(out, as[k]->code);
      fputc('\t', out);
      tsv_field(out, as[k]->text);
      fputc('\t', out);
      tsv_field(out, as[k]->country);
      fputc('\t', out);
    }
    fprintf(out, "%s\t%s\t%s\t%d\t%.1f\t%d\t%zu\t%zu\t", e->cameo, base, e->root, e->quad, e->goldstein, e->negated,
            e->span_start, e->span_end);
    tsv_field(out, e->rule);
    fputc('\t', out);
    tsv_field(out, hooft_doc_url(doc));
    fputc('\t', out);
    tsv_field(out, e->certainty);
    fputc('\t', out);
    tsv_field(out, e->attribution.code);
    fputc('\t', out);
    tsv_field(out, e->date_precision);
    fputc('\n', out);
  }
  return ferror(out) ? -1 : 0;
}
