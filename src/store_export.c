/* store_export.c: writes stored events as GDELT 2.0 event rows, PLOVER JSON Lines or plain CSV. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

/* Columns of the export query, in order. */
enum {
  X_ID, X_DAY, X_LAST_DAY, X_SRC, X_SRC_NAME, X_SRC_COUNTRY, X_TGT, X_TGT_NAME, X_TGT_COUNTRY, X_CAMEO, X_ROOT,
  X_QUAD, X_GOLDSTEIN, X_PLOVER, X_NEGATED, X_CERTAINTY, X_LOCATION, X_MENTIONS, X_SOURCES, X_ARTICLES, X_ADDED,
  X_URL, X_KEY, X_TITLE, X_LANG, X_SENTENCE, X_SPAN_START, X_SPAN_END, X_TEXT, X_LOC_NAME, X_LOC_LAT, X_LOC_LON,
  X_LOC_FEATURE, X_NCOLS
};

static const char *const export_sql =
    "SELECT e.id, e.day, e.last_day, e.source_code, e.source_name, e.source_country, e.target_code, e.target_name, "
    "e.target_country, e.cameo, e.root, e.quad, e.goldstein, e.plover, e.negated, e.certainty, e.location_country, "
    "e.mentions, e.sources, e.articles, e.added, a.url, a.key, a.title, a.lang, m.sentence, m.span_start, "
    "m.span_end, s.text, e.location_name, e.location_lat, e.location_lon, e.location_feature FROM events e LEFT JOIN articles a ON a.id = e.first_article "
    "LEFT JOIN mentions m ON m.id = e.first_article * " HF_PER_ARTICLE_SQL " + e.first_seq "
    "LEFT JOIN sentences s ON s.id = m.article_id * " HF_PER_ARTICLE_SQL " + m.sentence WHERE 1 = 1";

/* One exported event: the query row's text values (NULL = none). */
typedef struct xrow {
  const char *v[X_NCOLS];
  int day, last_day;
} xrow;

static const char *val(const xrow *r, int i) { return r->v[i] && *r->v[i] ? r->v[i] : NULL; }

/* ---- GDELT 2.0 ---------------------------------------------------------------------- */

/* Writes s with tabs and line breaks replaced by spaces, then a separator. */
static void tsv(FILE *out, const char *s, char sep) {
  for (; s && *s; s++) fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
  fputc(sep, out);
}

/* Actor columns: Code, Name, CountryCode, KnownGroupCode, EthnicCode,
 * Religion1Code, Religion2Code, Type1Code..Type3Code. Types are the 3-letter
 * role codes that follow the country in the actor code (PRKMIL: MIL). */
static void gdelt_actor(FILE *out, const char *code, const char *name, const char *country) {
  tsv(out, code, '\t');
  tsv(out, code ? name : NULL, '\t');
  tsv(out, country, '\t');
  for (int i = 0; i < 4; i++) tsv(out, NULL, '\t');
  const char *rest = code;
  if (code && country && strncmp(code, country, strlen(country)) == 0) rest = code + strlen(country);
  else if (code && strlen(code) > 3) rest = code + 3;
  else rest = NULL;
  for (int i = 0; i < 3; i++) {
    char t[4] = "";
    if (rest && strlen(rest) >= 3) {
      memcpy(t, rest, 3);
      rest += 3;
    }
    tsv(out, t, '\t');
  }
}

/* Geo columns: Type (1 country, 4 world city, 5 world state/region), FullName,
 * CountryCode (ISO alpha-3 here, where GDELT has FIPS), ADM1Code, ADM2Code,
 * Lat, Long, FeatureID. */
static void gdelt_geo(FILE *out, const xrow *r) {
  const char *country = r ? val(r, X_LOCATION) : NULL;
  if (!country) {
    fputs("0\t\t\t\t\t\t\t\t", out);
    return;
  }
  const char *feature = val(r, X_LOC_FEATURE);
  int type = !feature || !strcmp(feature, "country") ? 1 : !strcmp(feature, "region") ? 5 : 4;
  fprintf(out, "%d\t", type);
  tsv(out, val(r, X_LOC_NAME), '\t');
  tsv(out, country, '\t');
  fputs("\t\t", out);
  if (val(r, X_LOC_LAT) && val(r, X_LOC_LON))
    fprintf(out, "%.4f\t%.4f\t\t", strtod(r->v[X_LOC_LAT], NULL), strtod(r->v[X_LOC_LON], NULL));
  else
    fputs("\t\t\t", out);
}

static void write_gdelt(FILE *out, const xrow *r) {
  int d = r->day;
  int y = d / 10000;
  long doy = d ? hf_day_number(d) - hf_day_number(y * 10000 + 101) : 0;
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  fprintf(out, "%s\t%d\t%d\t%d\t%.4f\t", r->v[X_ID], d, d / 100, y, d ? y + (double)doy / (leap ? 366 : 365) : 0.0);
  gdelt_actor(out, val(r, X_SRC), val(r, X_SRC_NAME), val(r, X_SRC_COUNTRY));
  gdelt_actor(out, val(r, X_TGT), val(r, X_TGT_NAME), val(r, X_TGT_COUNTRY));
  /* IsRootEvent: the title or the lead sentence */
  int sentence = val(r, X_SENTENCE) ? atoi(r->v[X_SENTENCE]) : 0;
  const char *cameo = r->v[X_CAMEO];
  char base[4];
  snprintf(base, sizeof base, "%.3s", cameo);
  fprintf(out, "%d\t%s\t%s\t%s\t%s\t%.1f\t%s\t%s\t%s\t\t", sentence > 0 && sentence <= 2, cameo, base, r->v[X_ROOT],
          r->v[X_QUAD], strtod(r->v[X_GOLDSTEIN], NULL), r->v[X_MENTIONS], r->v[X_SOURCES], r->v[X_ARTICLES]);
  gdelt_geo(out, NULL);
  gdelt_geo(out, NULL);
  gdelt_geo(out, r);
  tsv(out, r->v[X_ADDED], '\t');
  tsv(out, val(r, X_URL) ? r->v[X_URL] : r->v[X_KEY], '\n');
}

/* ---- PLOVER ------------------------------------------------------------------------ */

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

/* A PLOVER entity: code = the actor's country (or the first three letters of
 * its code), sector = the rest of the code; entity_text as in the article. */
static json_t *plover_entity(const char *code, const char *name, const char *country) {
  json_t *o = json_object();
  const char *sector = NULL;
  char head[4];
  if (country) {
    json_object_set_new(o, "code", json_string(country));
    sector = strncmp(code, country, strlen(country)) == 0 ? code + strlen(country) : code;
  } else {
    snprintf(head, sizeof head, "%.3s", code);
    json_object_set_new(o, "code", json_string(head));
    sector = strlen(code) > 3 ? code + 3 : NULL;
  }
  if (sector && *sector) json_object_set_new(o, "sector", json_string(sector));
  if (name) json_object_set_new(o, "entity_text", json_string(name));
  return json_pack("[o]", o);
}

static int write_plover(FILE *out, const xrow *r) {
  char day[11], end[11], coded[11];
  json_t *o = json_object();
  char id[40];
  snprintf(id, sizeof id, "hooft-%s", r->v[X_ID]);
  json_object_set_new(o, "id", json_string(id));
  json_object_set_new(o, "date", str_or_null(r->day ? hf_day_text(r->day, day) : NULL));
  if (r->last_day != r->day) json_object_set_new(o, "enddate", json_string(hf_day_text(r->last_day, end)));
  json_object_set_new(o, "actor", val(r, X_SRC) ? plover_entity(r->v[X_SRC], val(r, X_SRC_NAME), val(r, X_SRC_COUNTRY))
                                                : json_array());
  if (val(r, X_TGT))
    json_object_set_new(o, "recipient", plover_entity(r->v[X_TGT], val(r, X_TGT_NAME), val(r, X_TGT_COUNTRY)));
  json_object_set_new(o, "event", json_pack("[s]", r->v[X_PLOVER]));
  if (val(r, X_LOCATION)) { /* the location object of the PLOVER manual, as far as hooft knows it */
    json_t *loc = json_object();
    if (val(r, X_LOC_NAME)) json_object_set_new(loc, "extracted_place", json_string(r->v[X_LOC_NAME]));
    if (val(r, X_LOC_LAT)) json_object_set_new(loc, "lat", json_real(strtod(r->v[X_LOC_LAT], NULL)));
    if (val(r, X_LOC_LON)) json_object_set_new(loc, "lon", json_real(strtod(r->v[X_LOC_LON], NULL)));
    json_object_set_new(loc, "country_code", json_string(r->v[X_LOCATION]));
    const char *feature = val(r, X_LOC_FEATURE);
    json_object_set_new(loc, "resolution", json_integer(!feature || !strcmp(feature, "country") ? 1
                                                        : !strcmp(feature, "region")                ? 2
                                                                                                     : 4));
    json_object_set_new(o, "event_loc", loc);
  }
  if (val(r, X_TEXT)) json_object_set_new(o, "event_text", json_pack("[s]", r->v[X_TEXT]));
  json_object_set_new(o, "quad_code", json_integer(atoi(r->v[X_QUAD])));
  if (atoi(r->v[X_NEGATED])) json_object_set_new(o, "context", json_pack("[s]", "negation"));
  if (val(r, X_SENTENCE))
    json_object_set_new(o, "text_info", json_pack("{s:I, s:I, s:I}", "sequence", (json_int_t)atoll(r->v[X_SENTENCE]),
                                                  "start", (json_int_t)atoll(r->v[X_SPAN_START]), "end",
                                                  (json_int_t)atoll(r->v[X_SPAN_END])));
  json_t *cite = json_object();
  if (val(r, X_URL)) json_object_set_new(cite, "url", json_string(r->v[X_URL]));
  if (val(r, X_TITLE)) json_object_set_new(cite, "title", json_string(r->v[X_TITLE]));
  if (val(r, X_LANG)) json_object_set_new(cite, "language", json_string(r->v[X_LANG]));
  json_object_set_new(cite, "citation", str_or_null(r->v[X_KEY]));
  json_object_set_new(cite, "coder", json_string("hooft " HOOFT_VERSION));
  json_object_set_new(cite, "codebook", json_string("CAMEO, mapped to PLOVER"));
  json_object_set_new(o, "cite_info", cite);
  json_object_set_new(o, "coder", json_string("hooft " HOOFT_VERSION));
  const char *added = r->v[X_ADDED];
  if (added && strlen(added) >= 8) {
    snprintf(coded, sizeof coded, "%.4s-%.2s-%.2s", added, added + 4, added + 6);
    json_object_set_new(o, "coded_date", json_string(coded));
  }
  /* hooft's own fields */
  json_object_set_new(o, "cameo", json_string(r->v[X_CAMEO]));
  json_object_set_new(o, "goldstein", json_real(strtod(r->v[X_GOLDSTEIN], NULL)));
  if (val(r, X_CERTAINTY)) json_object_set_new(o, "certainty", json_string(r->v[X_CERTAINTY]));
  json_object_set_new(o, "mentions", json_integer(atoll(r->v[X_MENTIONS])));
  json_object_set_new(o, "sources", json_integer(atoll(r->v[X_SOURCES])));
  json_object_set_new(o, "articles", json_integer(atoll(r->v[X_ARTICLES])));
  int rc = json_dumpf(o, out, JSON_COMPACT | JSON_REAL_PRECISION(4));
  json_decref(o);
  return rc < 0 || fputc('\n', out) == EOF ? -1 : 0;
}

/* ---- CSV ----------------------------------------------------------------------------- */

static const char *const csv_header =
    "id,date,end_date,source,source_name,source_country,target,target_name,target_country,cameo,root,quad,"
    "goldstein,plover,negated,certainty,location,location_country,mentions,sources,articles,url,text\n";

void hooft_write_csv_field(FILE *out, const char *s) {
  if (s && s[strcspn(s, ",\"\r\n")]) {
    fputc('"', out);
    for (; *s; s++) {
      if (*s == '"') fputc('"', out);
      fputc(*s, out);
    }
    fputc('"', out);
  } else if (s) {
    fputs(s, out);
  }
}

/* Writes one CSV field and sep. */
static void csv(FILE *out, const char *s, char sep) {
  hooft_write_csv_field(out, s);
  fputc(sep, out);
}

static void write_csv(FILE *out, const xrow *r) {
  char day[11], end[11];
  csv(out, r->v[X_ID], ',');
  csv(out, r->day ? hf_day_text(r->day, day) : NULL, ',');
  csv(out, r->last_day ? hf_day_text(r->last_day, end) : NULL, ',');
  static const int cols[] = {X_SRC,     X_SRC_NAME, X_SRC_COUNTRY, X_TGT,       X_TGT_NAME,
                             X_TGT_COUNTRY, X_CAMEO, X_ROOT,        X_QUAD,      X_GOLDSTEIN,
                             X_PLOVER,  X_NEGATED,  X_CERTAINTY,   X_LOC_NAME,  X_LOCATION,  X_MENTIONS,
                             X_SOURCES, X_ARTICLES, X_URL};
  char num[32];
  for (size_t i = 0; i < sizeof cols / sizeof *cols; i++) {
    const char *v = val(r, cols[i]);
    if (cols[i] == X_GOLDSTEIN && v) { /* the same digits from both backends */
      snprintf(num, sizeof num, "%.1f", strtod(v, NULL));
      v = num;
    }
    csv(out, v, ',');
  }
  csv(out, val(r, X_TEXT), '\n');
}

/* ---- Export ---------------------------------------------------------------------------- */

int64_t hooft_store_export(hooft_store *s, const hooft_filter *f, hooft_export_format format, FILE *out,
                           hooft_error *err) {
  const hf_db_ops *o = s->db->ops;
  if (s->in_batch && (hf_store_flush(s, err) < 0 || o->sync(s->db, err) < 0)) return -1;
  hf_where w = {0};
  hf_filter_where(s, f, &w);
  hf_buf sql = {0};
  hf_buf_puts(&sql, export_sql);
  hf_buf_puts(&sql, hf_buf_cstr(&w.sql));
  if (format == HOOFT_EXPORT_PLOVER) hf_buf_puts(&sql, " AND e.plover IS NOT NULL");
  hf_buf_puts(&sql, " ORDER BY e.day, e.id");
  if (f->limit) {
    hf_buf_puts(&sql, " LIMIT ?");
    w.p[w.n++] = hf_int(f->limit);
  }
  hf_stmt *st = o->prepare(s->db, hf_buf_cstr(&sql), 0, err);
  int64_t n = 0;
  int rc = st ? o->query(st, w.p, w.n, err) : -1;
  if (rc == 0 && format == HOOFT_EXPORT_CSV) fputs(csv_header, out);
  int got = 0;
  while (rc == 0 && (got = o->next(st, err)) == 1) {
    xrow r;
    for (int i = 0; i < X_NCOLS; i++) r.v[i] = o->col_text(st, i);
    r.day = (int)o->col_int(st, X_DAY);
    r.last_day = (int)o->col_int(st, X_LAST_DAY);
    if (format == HOOFT_EXPORT_GDELT)
      write_gdelt(out, &r);
    else if (format == HOOFT_EXPORT_CSV)
      write_csv(out, &r);
    else if (write_plover(out, &r) < 0)
      got = -2;
    if (got == -2 || ferror(out)) {
      hf_error(err, "write error while exporting");
      o->end(st);
      rc = -1;
      break;
    }
    n++;
  }
  if (got == -1) rc = -1;
  if (st) o->finalize(st);
  hf_buf_free(&sql);
  hf_where_free(&w);
  return rc < 0 ? -1 : n;
}
