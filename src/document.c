/* document.c: codes one article end to end (check, normalize, identify language, tokenize,
 * find actors, code clauses) and owns the resulting events; also the coder's life cycle. */
#include <libexttextcat/textcat.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "coder.h"
#include "compat.h"
#include "shallow.h"
#include "places.h"
#include "events.h"
#include "text.h"

struct hooft_doc {
  hf_arena arena;
  const char *id, *date, *lang, *url;
  size_t nsent;
  HF_VEC(hooft_event) events;
  HF_VEC(hooft_quantity) quantities;
  const char *status; /* shallow coding: why the first uncoded sentence was not coded */
};

hooft_coder *hooft_coder_new(const char *dict_dir, hooft_error *err) {
  hooft_coder *c = hf_xcalloc(1, sizeof *c);
  c->dict_dir = hf_xstrdup(dict_dir);
  const char *trace = getenv("HOOFT_TRACE");
  c->trace = trace && *trace && strcmp(trace, "0") != 0;
  if (hf_lemma_load(c, err) < 0 || hf_load_dictionaries(c, dict_dir, err) < 0) {
    hooft_coder_free(c);
    return NULL;
  }
  return c;
}

/* Opens a TABARI or PETRARCH set: read into the neutral model (compat.h), compiled into the
 * shallow coder's lexicon. Problems in single lines are kept as warnings (TABARI skips such
 * lines too); the set fails when a file it names cannot be read or nothing codable is left. */
static hooft_coder *open_compat(int format, const char *path, hooft_error *err) {
  hf_cx_dict *d = hf_cx_new(format);
  int r = format == HF_CX_TABARI ? hf_tabari_load(d, path) : hf_petrarch_load(d, path, NULL);
  if (r < 0 || d->unreadable || (!d->verbs.n && !d->actors.n)) {
    hf_error(err, "%s", d->pr.text.len ? hf_buf_cstr(&d->pr.text) : "no actors and no verbs in the dictionary set");
    hf_cx_free(d);
    return NULL;
  }
  hooft_coder *c = hf_xcalloc(1, sizeof *c);
  c->no_claims = 1;
  c->shallow = sh_lex_build(d);
  const char *trace = getenv("HOOFT_TRACE");
  c->shallow->trace = trace && *trace && strcmp(trace, "0") != 0;
  if (d->pr.count) c->warnings = hf_xstrdup(hf_buf_cstr(&d->pr.text));
  c->nactors = d->actors.n;
  c->nroles = d->agents.n;
  c->lang[HF_LANG_EN].npatterns = c->shallow->patterns.n + c->shallow->verbs.n;
  hf_cx_free(d);
  return c;
}

hooft_coder *hooft_coder_open(const char *spec, hooft_error *err) {
  int tabari = !strncmp(spec, "tabari:", 7), petrarch = !strncmp(spec, "petrarch:", 9);
  if ((tabari || petrarch) && !spec[tabari ? 7 : 9]) {
    hf_error(err, "%s needs a path: tabari:FILE.project, petrarch:DIR or petrarch:CONFIG.ini", spec);
    return NULL;
  }
  if (tabari) return open_compat(HF_CX_TABARI, spec + 7, err);
  if (petrarch) return open_compat(HF_CX_PETRARCH, spec + 9, err);
  if (!strncmp(spec, "hooft:", 6)) spec += 6;
  return hooft_coder_new(spec, err);
}

/* Counts how many distinct event codes of the lexicon (roots and patterns, paired codes too)
 * are in the CAMEO table. */
static void count_cameo(const hooft_coder *c, const sh_code *code, hf_map *seen, size_t *all, size_t *found) {
  const char *codes[2] = {code->code, code->code2};
  for (int k = 0; k < 2; k++) {
    if (!codes[k] || sh_code_kind(codes[k]) != SH_C_EVENT || hf_map_get(seen, codes[k])) continue;
    hf_map_put(seen, codes[k], (void *)1);
    (*all)++;
    if (hf_map_get(&c->cameo, codes[k])) (*found)++;
  }
}

int hooft_coder_load_cameo(hooft_coder *c, const char *dict_dir, hooft_error *err) {
  if (!c->shallow) {
    hf_error(err, "a coder of hooft's own dictionaries has its CAMEO table already");
    return -1;
  }
  if (!c->cameo.count && hf_load_cameo_table(c, dict_dir, err) < 0) return -1;
  hf_map seen = {0};
  size_t all = 0, found = 0;
  const sh_lex *lx = c->shallow;
  for (size_t i = 0; i < lx->verbs.n; i++) count_cameo(c, &lx->verbs.v[i].code, &seen, &all, &found);
  for (size_t i = 0; i < lx->patterns.n; i++) count_cameo(c, &lx->patterns.v[i].code, &seen, &all, &found);
  hf_map_free(&seen);
  c->shallow->cameo = all && found * 10 >= all * 9;
  return c->shallow->cameo;
}

int hooft_coder_option(hooft_coder *c, const char *command, hooft_error *err) {
  if (!c->shallow) {
    hf_error(err, "options apply to TABARI and PETRARCH dictionary sets only");
    return -1;
  }
  return sh_option(c->shallow, command, err);
}

void hooft_coder_free(hooft_coder *c) {
  if (!c) return;
  sh_lex_free(c->shallow);
  for (size_t i = 0; i < c->lists.n; i++) {
    free(c->lists.v[i]->v);
    free(c->lists.v[i]);
  }
  free(c->lists.v);
  hf_map *maps[2] = {&c->phrases, &c->exact_phrases};
  for (int m = 0; m < 2; m++) {
    for (size_t s = 0; s < maps[m]->cap; s++)
      for (hf_phrase *p = maps[m]->slots[s].key ? maps[m]->slots[s].value : NULL; p; p = p->next) free(p->codes.v);
    hf_map_free(maps[m]);
  }
  for (int l = 0; l < HF_NLANG; l++) {
    hf_langdata *L = &c->lang[l];
    hf_map_free(&L->grammar);
    hf_map_free(&L->abbrev);
    hf_map_free(&L->patterns);
    hf_map_free(&L->lemma_table);
    hf_map_free(&L->known);
    hf_map_free(&L->stem_index);
    hf_map_free(&L->lemma_cache);
  }
  hf_map_free(&c->cameo);
  hf_lemma_free(c);
  hf_claims_free(c);
  hf_places_free(c->gazetteer);
  if (c->textcat) textcat_Done(c->textcat);
  hf_intern_free(&c->strings);
  hf_arena_free(&c->arena);
  free(c->dict_dir);
  free(c->warnings);
  free(c);
}

const char *hooft_coder_warnings(const hooft_coder *c) { return c->warnings; }

void hooft_coder_set_claims(hooft_coder *c, int enabled) { c->no_claims = !enabled; }

size_t hooft_coder_count(const hooft_coder *c, const char *kind) {
  if (strcmp(kind, "actors") == 0) return c->nactors;
  if (strcmp(kind, "roles") == 0) return c->nroles;
  if (strcmp(kind, "patterns") == 0) {
    size_t n = 0;
    for (int l = 0; l < HF_NLANG; l++) n += c->lang[l].npatterns;
    return n;
  }
  if (strcmp(kind, "cameo") == 0) return c->cameo.count;
  if (strcmp(kind, "places") == 0) return hf_places_count(c->gazetteer);
  return 0;
}

const char *hooft_identify_language(hooft_coder *c, const char *text, size_t len) {
  if (!c->textcat) {
    char conf[2048];
    snprintf(conf, sizeof conf, "%s/langid.conf", c->dict_dir);
    const char *prefix = getenv("HOOFT_TEXTCAT_DIR");
    c->textcat = special_textcat_Init(conf, prefix && *prefix ? prefix : "/usr/share/libexttextcat/");
    if (!c->textcat) return NULL;
  }
  if (len > 4096) { /* enough to decide; cut at a character boundary */
    len = 4096;
    while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80) len--;
  }
  const char *r = textcat_Classify(c->textcat, text, len);
  if (!r) return NULL;
  /* "[nl]" is sure; "[nl][en]" means both are close: take the first */
  if (strncmp(r, "[nl]", 4) == 0) return "nl";
  if (strncmp(r, "[en]", 4) == 0) return "en";
  return NULL;
}

static int lang_index(const char *lang) {
  for (int l = 0; l < HF_NLANG; l++)
    if (strcmp(lang, hf_lang_names[l]) == 0) return l;
  return -1;
}

/* Copies text[a..b) into the doc arena with whitespace runs folded to one space. */
static const char *doc_text(hooft_doc *d, const char *text, size_t a, size_t b) {
  char *s = hf_arena_alloc(&d->arena, b - a + 1);
  size_t n = 0;
  int space = 0;
  for (size_t i = a; i < b; i++) {
    char ch = text[i];
    if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
      space = 1;
      continue;
    }
    if (space && n) s[n++] = ' ';
    space = 0;
    s[n++] = ch;
  }
  s[n] = 0;
  return s;
}

static void fill_actor(hooft_doc *d, hooft_actor *a, const hf_mention *m, const char *text, const hf_token *toks) {
  a->text = doc_text(d, text, toks[m->text_first].start, toks[m->text_last].end);
  a->code = m->code;
  a->country = m->country;
}

/* Copies a coder-owned string into the document, so a document outlives its coder. */
static const char *own(hooft_doc *d, const char *s) { return s ? hf_arena_strdup(&d->arena, s) : NULL; }

/* State of the sentence loop of one document. */
typedef struct sentence_ctx {
  hooft_coder *c;
  hooft_doc *d;
  int lang;
  const char *text;
  hf_token *toks;
  int published;            /* yyyymmdd or 0 */
  hf_mention_vec ments;
  hf_found_vec found;
  hf_quantity_vec quants;
  hf_event_claims *claims;
  size_t claims_cap;
  hf_discourse dis;
  hf_claims_state cst;
  size_t cp_base, byte_base; /* code point offset of byte_base in text */
} sentence_ctx;

static void fill_owned_actor(hooft_doc *d, hooft_actor *a, const hf_mention *m, const char *text, const hf_token *toks) {
  fill_actor(d, a, m, text, toks);
  a->code = own(d, a->code);
  a->country = own(d, a->country);
}

/* Resolves a pronoun attribution ("hij zei") to the last subject. */
static int resolve_attribution(hf_mention *a, const hf_discourse *dis) {
  if (!a->pronoun) return 1;
  if (!dis->last_subject.code) return 0;
  *a = dis->last_subject;
  return 1;
}

/* Finds actors, events and claims of tokens [s, e) and appends them to the document. */
static void code_one_sentence(sentence_ctx *sc, int s, int e) {
  hooft_doc *d = sc->d;
  const char *text = sc->text;
  hf_token *toks = sc->toks;
  d->nsent++;
  sc->ments.n = 0;
  sc->found.n = 0;
  hf_find_actors(sc->c, sc->lang, text, toks, s, e, sc->published, &sc->ments);
  if (sc->ments.n) hf_code_sentence(sc->c, sc->lang, text, toks, s, e, sc->ments.v, sc->ments.n, &sc->dis, &sc->found);
  if (sc->found.n > sc->claims_cap) {
    sc->claims_cap = sc->found.n * 2;
    sc->claims = hf_xrealloc(sc->claims, sc->claims_cap * sizeof *sc->claims);
  }
  const char *sent_cert;
  int sent_has_attr;
  hf_mention sent_attr;
  if (sc->c->no_claims) { /* events only: every claim field empty */
    sc->quants.n = 0;
    memset(sc->claims, 0, sc->found.n * sizeof *sc->claims);
    sent_cert = NULL;
    sent_has_attr = 0;
  } else {
    hf_sentence_claims(sc->c, sc->lang, text, toks, s, e, sc->ments.v, sc->ments.n, sc->found.v, sc->found.n,
                       sc->published, &sc->cst, (int)d->nsent, &sc->quants, sc->claims, &sent_cert, &sent_has_attr,
                       &sent_attr);
  }
  if (sent_has_attr && !resolve_attribution(&sent_attr, &sc->dis)) sent_has_attr = 0;
  if (!sc->found.n && !sc->quants.n) return;

  size_t sent_start = toks[s].start;
  sc->cp_base += hf_utf8_count(text + sc->byte_base, sent_start - sc->byte_base);
  sc->byte_base = sent_start;
  const char *sent = doc_text(d, text, toks[s].start, toks[e - 1].end);

  /* the sentence's quantities, for the document and its events */
  size_t qbase = d->quantities.n;
  for (size_t q = 0; q < sc->quants.n; q++) {
    const hf_quantity *hq = &sc->quants.v[q];
    hooft_quantity out;
    memset(&out, 0, sizeof out);
    out.value = hq->value;
    out.approx = hq->approx;
    out.has_min = hq->has_min;
    out.has_max = hq->has_max;
    out.min = hq->min;
    out.max = hq->max;
    if (hq->object && !strncmp(hq->object, "money:", 6)) {
      out.object = "money";
      out.currency = own(d, hq->object + 6);
    } else {
      out.object = own(d, hq->object);
    }
    out.text = doc_text(d, text, toks[hq->first].start, toks[hq->last].end);
    out.sentence = (int)d->nsent;
    if (sent_has_attr) fill_owned_actor(d, &out.attribution, &sent_attr, text, toks);
    out.certainty = sent_cert;
    HF_VEC_PUSH(d->quantities, out);
  }

  for (size_t i = 0; i < sc->found.n; i++) {
    const hf_found *f = &sc->found.v[i];
    hf_event_claims *ec = &sc->claims[i];
    hooft_event ev;
    memset(&ev, 0, sizeof ev);
    ev.sentence = (int)d->nsent;
    size_t a = toks[f->first].start, b = toks[f->last].end;
    ev.span_start = sc->cp_base + hf_utf8_count(text + sent_start, a - sent_start);
    ev.span_end = ev.span_start + hf_utf8_count(text + a, b - a);
    ev.text = sent;
    fill_owned_actor(d, &ev.source, &f->source, text, toks);
    fill_owned_actor(d, &ev.target, &f->target, text, toks);
    const hf_cameo *cam = f->pattern->cameo;
    ev.cameo = own(d, cam->code);
    ev.root = own(d, cam->root);
    ev.quad = cam->quad;
    ev.goldstein = cam->goldstein;
    ev.plover = own(d, cam->plover);
    ev.cameo_name = own(d, cam->name);
    ev.negated = f->negated;
    const hf_token *h = &toks[f->head];
    if (f->particle >= 0) {
      const hf_token *p = &toks[f->particle];
      const hf_token *x = f->particle < f->head ? p : h, *y = f->particle < f->head ? h : p;
      char *v = hf_arena_alloc(&d->arena, (h->end - h->start) + (p->end - p->start) + 8);
      sprintf(v, "%.*s ... %.*s", (int)(x->end - x->start), text + x->start, (int)(y->end - y->start),
              text + y->start);
      ev.verb = v;
    } else {
      ev.verb = hf_arena_strndup(&d->arena, text + h->start, h->end - h->start);
    }
    ev.pattern = own(d, f->pattern->text);
    ev.rule = own(d, f->pattern->rule);
    /* claims */
    hf_mention attr = ec->attribution;
    if (ec->has_attribution && resolve_attribution(&attr, &sc->dis))
      fill_owned_actor(d, &ev.attribution, &attr, text, toks);
    ev.certainty = ec->certainty;
    char buf[16];
    int prec = ec->date.precision;
    if (ec->date.from) {
      hf_format_date(ec->date.from, prec, buf);
      ev.date = hf_arena_strdup(&d->arena, buf);
      if (ec->date.to != ec->date.from) {
        hf_format_date(ec->date.to, prec, buf);
        ev.date_end = hf_arena_strdup(&d->arena, buf);
      }
    }
    static const char *const precisions[] = {"publication", "year", "month", "day"};
    ev.date_precision = ec->date.from ? precisions[prec] : NULL;
    if (ec->has_location) {
      ev.location.name = doc_text(d, text, toks[ec->location.first].start, toks[ec->location.last].end);
      ev.location.country = own(d, ec->location.country);
      ev.location.feature = own(d, ec->location.feature);
      ev.location.lat = ec->location.lat;
      ev.location.lon = ec->location.lon;
      ev.location.has_coordinates = !ec->country_location;
    }
    if (ec->nquant) {
      hooft_quantity *qs = hf_arena_alloc(&d->arena, (size_t)ec->nquant * sizeof *qs);
      for (int q = 0; q < ec->nquant; q++) qs[q] = d->quantities.v[qbase + (size_t)ec->quant[q]];
      ev.quantities = qs;
      ev.nquantities = (size_t)ec->nquant;
    }
    HF_VEC_PUSH(d->events, ev);
  }
}

/* A new, empty document for art in language lang (static string). */
static hooft_doc *new_doc(const hooft_article *art, const char *lang) {
  hooft_doc *d = hf_xcalloc(1, sizeof *d);
  d->id = hf_arena_strdup(&d->arena, art->id);
  d->date = art->date && *art->date ? hf_arena_strdup(&d->arena, art->date) : NULL;
  d->lang = lang;
  d->url = art->url ? hf_arena_strdup(&d->arena, art->url) : NULL;
  return d;
}

/* End of the sentence that starts at byte i of text[0..n): after . ! or ? followed by a blank
 * and a capital letter or a quote (not after an initial, "U.S." or a short capitalized
 * abbreviation such as "Gen."), or at a blank line. */
static size_t shallow_sentence_end(const char *text, size_t i, size_t n) {
  /* a run-on "sentence" is coded in pieces of at most 4 KB, cut at a blank: the shallow
   * parse is quadratic in the words of a sentence */
  if (n - i > 4096) {
    size_t cut = i + 4096;
    while (cut > i + 1024 && text[cut] != ' ' && text[cut] != '\n') cut--;
    while (cut > i && ((unsigned char)text[cut] & 0xC0) == 0x80) cut--;
    n = cut;
  }
  for (; i < n; i++) {
    char ch = text[i];
    if (ch == '\n' && i + 1 < n && text[i + 1] == '\n') return i + 1;
    if (ch != '.' && ch != '!' && ch != '?') continue;
    size_t j = i + 1;
    while (j < n && (text[j] == '"' || text[j] == '\'' || text[j] == ')')) j++;
    if (j >= n) return n;
    if (text[j] != ' ' && text[j] != '\n' && text[j] != '\t') continue;
    while (j < n && (text[j] == ' ' || text[j] == '\n' || text[j] == '\t')) j++;
    if (j >= n) return n;
    if (!(text[j] >= 'A' && text[j] <= 'Z') && text[j] != '"') continue;
    if (ch == '.') {
      size_t w = i;
      while (w > 0 && text[w - 1] != ' ' && text[w - 1] != '\n') w--;
      size_t len = i - w;
      int inner_dot = memchr(text + w, '.', len) != NULL;
      if (len <= 1 || inner_dot || (len <= 3 && text[w] >= 'A' && text[w] <= 'Z')) continue;
    }
    return j;
  }
  return n;
}

/* Codes an article with a TABARI or PETRARCH set: sentence by sentence with the shallow coder. */
static void code_shallow(hooft_coder *c, hooft_doc *d, const char *text, size_t n, int date) {
  sh_event_vec evs = {0};
  size_t cp_base = 0, byte_base = 0;
  for (size_t a = 0; a < n;) {
    while (a < n && (text[a] == ' ' || text[a] == '\n' || text[a] == '\t' || text[a] == '\r')) a++;
    if (a >= n) break;
    size_t b = shallow_sentence_end(text, a, n);
    d->nsent++;
    evs.n = 0;
    /* a later sentence continues the one before; the first continues the last record when
     * FORWARD's numbers in the ids say so */
    int forward = d->nsent > 1 || sh_forward_record(c->shallow, d->id);
    const char *why = sh_code_sentence(c->shallow, text, a, b, date, forward, &evs);
    if (why && !d->status) d->status = why;
    if (evs.n) {
      cp_base += hf_utf8_count(text + byte_base, a - byte_base);
      byte_base = a;
      size_t e = b;
      while (e > a && (text[e - 1] == ' ' || text[e - 1] == '\n')) e--;
      const char *sent = doc_text(d, text, a, e);
      for (size_t i = 0; i < evs.n; i++) {
        const sh_event *x = &evs.v[i];
        hooft_event ev;
        memset(&ev, 0, sizeof ev);
        ev.sentence = (int)d->nsent;
        ev.span_start = cp_base + hf_utf8_count(text + a, x->span_a - a);
        ev.span_end = ev.span_start + hf_utf8_count(text + x->span_a, x->span_b - x->span_a);
        ev.text = sent;
        const char *codes[2] = {x->source, x->target};
        size_t A[2] = {x->src_a, x->tgt_a}, B[2] = {x->src_b, x->tgt_b};
        hooft_actor *act[2] = {&ev.source, &ev.target};
        for (int k = 0; k < 2; k++) {
          act[k]->code = own(d, codes[k]);
          act[k]->text = B[k] > A[k] ? doc_text(d, text, A[k], B[k]) : "";
          /* CAMEO's convention: a code's first three letters name its country */
          if (strlen(codes[k]) >= 3 && codes[k][0] != '~') act[k]->country = hf_arena_strndup(&d->arena, codes[k], 3);
        }
        ev.cameo = own(d, x->code);
        ev.root = hf_arena_strndup(&d->arena, x->code, 2);
        const char *label = hf_map_get(&c->shallow->labels, x->code);
        const hf_cameo *cam = c->shallow->cameo ? hf_map_get(&c->cameo, x->code) : NULL;
        ev.cameo_name = label ? own(d, label) : cam ? own(d, cam->name) : NULL;
        if (cam) {
          ev.quad = cam->quad;
          ev.goldstein = cam->goldstein;
          ev.plover = own(d, cam->plover);
        }
        ev.verb = hf_arena_strndup(&d->arena, text + x->verb_a, x->verb_b - x->verb_a);
        ev.pattern = own(d, x->pattern ? x->pattern->text : x->verb->name);
        ev.rule = own(d, x->pattern ? x->pattern->rule : x->verb->rule);
        if (x->date) {
          char buf[16];
          hf_format_date(x->date, 3, buf);
          ev.date = hf_arena_strdup(&d->arena, buf);
          ev.date_precision = x->date == date ? "publication" : "day";
        }
        HF_VEC_PUSH(d->events, ev);
      }
    }
    a = b;
  }
  free(evs.v);
}

hooft_doc *hooft_code(hooft_coder *c, const hooft_article *art, hooft_error *err) {
  if (!art->id || !*art->id) {
    hf_error(err, "article has no id");
    return NULL;
  }
  int date = 0;
  if (art->date && *art->date && !(date = hf_parse_date(art->date, strlen(art->date)))) {
    hf_error(err, "%s: bad date '%s' (want YYYY-MM-DD)", art->id, art->date);
    return NULL;
  }
  const char *title = art->title ? art->title : "";
  size_t tl = strlen(title);
  size_t bad;
  const char *what;
  if (hf_text_check(title, tl, &bad, &what) < 0) {
    hf_error(err, "%s: %s in the title at byte %zu", art->id, what, bad);
    return NULL;
  }
  if (hf_text_check(art->text, art->text_len, &bad, &what) < 0) {
    hf_error(err, "%s: %s at byte %zu of the text", art->id, what, bad);
    return NULL;
  }
  hf_buf raw = {0};
  if (tl) {
    hf_buf_put(&raw, title, tl);
    hf_buf_puts(&raw, "\n\n");
  }
  hf_buf_put(&raw, art->text, art->text_len);
  size_t n;
  char *text = hf_text_nfc(raw.data ? raw.data : "", raw.len, &n);
  hf_buf_free(&raw);

  if (c->shallow) { /* TABARI and PETRARCH sets code English */
    if (art->lang && *art->lang && strcmp(art->lang, "auto") && strcmp(art->lang, "en")) {
      hf_error(err, "%s: language '%s': TABARI and PETRARCH dictionaries code English only", art->id, art->lang);
      free(text);
      return NULL;
    }
    hooft_doc *d = new_doc(art, "en");
    code_shallow(c, d, text, n, date);
    free(text);
    return d;
  }
  int lang = -1;
  if (!art->lang || !*art->lang || strcmp(art->lang, "auto") == 0) {
    const char *l = hooft_identify_language(c, text, n);
    if (!l) {
      hf_error(err, "%s: cannot identify the language (hooft codes: nl, en); give it with --lang", art->id);
      free(text);
      return NULL;
    }
    lang = lang_index(l);
  } else if ((lang = lang_index(art->lang)) < 0) {
    hf_error(err, "%s: unknown language '%s' (hooft codes: nl, en, auto)", art->id, art->lang);
    free(text);
    return NULL;
  }

  hooft_doc *d = new_doc(art, hf_lang_names[lang]);

  hf_arena scratch = {0};
  hf_token_vec toks = {0};
  hf_tokenize(c, lang, text, n, &scratch, &toks);
  sentence_ctx sc;
  memset(&sc, 0, sizeof sc);
  sc.c = c;
  sc.d = d;
  sc.lang = lang;
  sc.text = text;
  sc.toks = toks.v;
  sc.published = date;
  for (size_t s = 0; s < toks.n;) {
    size_t e = s;
    while (e < toks.n && !toks.v[e].sent_end) e++;
    if (e < toks.n) e++;
    code_one_sentence(&sc, (int)s, (int)e);
    s = e;
  }
  free(sc.found.v);
  free(sc.ments.v);
  free(sc.quants.v);
  free(sc.claims);
  free(toks.v);
  hf_arena_free(&scratch);
  free(text);
  return d;
}

void hooft_doc_free(hooft_doc *d) {
  if (!d) return;
  free(d->events.v);
  free(d->quantities.v);
  hf_arena_free(&d->arena);
  free(d);
}

size_t hooft_doc_event_count(const hooft_doc *d) { return d->events.n; }
const hooft_event *hooft_doc_event(const hooft_doc *d, size_t i) { return i < d->events.n ? &d->events.v[i] : NULL; }
size_t hooft_doc_sentence_count(const hooft_doc *d) { return d->nsent; }
const char *hooft_doc_id(const hooft_doc *d) { return d->id; }
const char *hooft_doc_lang(const hooft_doc *d) { return d->lang; }
const char *hooft_doc_date(const hooft_doc *d) { return d->date; }
const char *hooft_doc_url(const hooft_doc *d) { return d->url; }
size_t hooft_doc_quantity_count(const hooft_doc *d) { return d->quantities.n; }
const char *hooft_doc_status(const hooft_doc *d) { return d->status; }
const hooft_quantity *hooft_doc_quantity(const hooft_doc *d, size_t i) {
  return i < d->quantities.n ? &d->quantities.v[i] : NULL;
}
