/* document.c: codes one article end to end (check, normalize, identify language, tokenize,
 * find actors, code clauses) and owns the resulting events; also the coder's life cycle. */
#include <libexttextcat/textcat.h>
#include <stdlib.h>
#include <string.h>

#include "coder.h"
#include "events.h"
#include "text.h"

struct hooft_doc {
  hf_arena arena;
  const char *id, *date, *lang, *url;
  size_t nsent;
  HF_VEC(hooft_event) events;
};

hooft_coder *hooft_coder_new(const char *dict_dir, hooft_error *err) {
  hooft_coder *c = hf_xcalloc(1, sizeof *c);
  c->dict_dir = hf_xstrdup(dict_dir);
  c->trace = getenv("HOOFT_TRACE") != NULL;
  if (hf_lemma_load(c, err) < 0 || hf_load_dictionaries(c, dict_dir, err) < 0) {
    hooft_coder_free(c);
    return NULL;
  }
  return c;
}

void hooft_coder_free(hooft_coder *c) {
  if (!c) return;
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
  if (c->textcat) textcat_Done(c->textcat);
  hf_intern_free(&c->strings);
  hf_arena_free(&c->arena);
  free(c->dict_dir);
  free(c->warnings);
  free(c);
}

const char *hooft_coder_warnings(const hooft_coder *c) { return c->warnings; }

size_t hooft_coder_count(const hooft_coder *c, const char *kind) {
  if (strcmp(kind, "actors") == 0) return c->nactors;
  if (strcmp(kind, "roles") == 0) return c->nroles;
  if (strcmp(kind, "patterns") == 0) {
    size_t n = 0;
    for (int l = 0; l < HF_NLANG; l++) n += c->lang[l].npatterns;
    return n;
  }
  if (strcmp(kind, "cameo") == 0) return c->cameo.count;
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

  hooft_doc *d = hf_xcalloc(1, sizeof *d);
  d->id = hf_arena_strdup(&d->arena, art->id);
  d->date = art->date && *art->date ? hf_arena_strdup(&d->arena, art->date) : NULL;
  d->lang = hf_lang_names[lang];
  d->url = art->url ? hf_arena_strdup(&d->arena, art->url) : NULL;

  hf_arena scratch = {0};
  hf_token_vec toks = {0};
  hf_tokenize(c, lang, text, n, &scratch, &toks);
  hf_mention_vec ments = {0};
  hf_found_vec found = {0};
  hf_discourse dis;
  memset(&dis, 0, sizeof dis);
  size_t cp_base = 0, byte_base = 0; /* code point offset of byte_base */
  for (size_t s = 0; s < toks.n;) {
    size_t e = s;
    while (e < toks.n && !toks.v[e].sent_end) e++;
    if (e < toks.n) e++;
    d->nsent++;
    ments.n = 0;
    found.n = 0;
    hf_find_actors(c, lang, text, toks.v, (int)s, (int)e, date, &ments);
    if (ments.n) hf_code_sentence(c, lang, text, toks.v, (int)s, (int)e, ments.v, ments.n, &dis, &found);
    if (found.n) {
      size_t sent_start = toks.v[s].start;
      cp_base += hf_utf8_count(text + byte_base, sent_start - byte_base);
      byte_base = sent_start;
      const char *sent = doc_text(d, text, toks.v[s].start, toks.v[e - 1].end);
      for (size_t i = 0; i < found.n; i++) {
        const hf_found *f = &found.v[i];
        hooft_event ev;
        memset(&ev, 0, sizeof ev);
        ev.sentence = (int)d->nsent;
        size_t a = toks.v[f->first].start, b = toks.v[f->last].end;
        ev.span_start = cp_base + hf_utf8_count(text + sent_start, a - sent_start);
        ev.span_end = ev.span_start + hf_utf8_count(text + a, b - a);
        ev.text = sent;
        fill_actor(d, &ev.source, &f->source, text, toks.v);
        fill_actor(d, &ev.target, &f->target, text, toks.v);
        const hf_cameo *cam = f->pattern->cameo;
        ev.cameo = cam->code;
        ev.root = cam->root;
        ev.quad = cam->quad;
        ev.goldstein = cam->goldstein;
        ev.plover = cam->plover;
        ev.cameo_name = cam->name;
        ev.negated = f->negated;
        const hf_token *h = &toks.v[f->head];
        if (f->particle >= 0) {
          const hf_token *p = &toks.v[f->particle];
          char *v = hf_arena_alloc(&d->arena, (h->end - h->start) + (p->end - p->start) + 8);
          sprintf(v, "%.*s ... %.*s", (int)(h->end - h->start), text + h->start, (int)(p->end - p->start),
                  text + p->start);
          if (f->particle < f->head)
            sprintf(v, "%.*s ... %.*s", (int)(p->end - p->start), text + p->start, (int)(h->end - h->start),
                    text + h->start);
          ev.verb = v;
        } else {
          ev.verb = hf_arena_strndup(&d->arena, text + h->start, h->end - h->start);
        }
        ev.pattern = f->pattern->text;
        ev.rule = f->pattern->rule;
        HF_VEC_PUSH(d->events, ev);
      }
    }
    s = e;
  }
  /* Events reference coder strings (codes, rules) which outlive the doc only as
   * long as the coder: copy them so a doc is independent of its coder. */
  for (size_t i = 0; i < d->events.n; i++) {
    hooft_event *ev = &d->events.v[i];
    const char **strs[] = {&ev->source.code, &ev->source.country, &ev->target.code, &ev->target.country,
                           &ev->cameo, &ev->root, &ev->plover, &ev->cameo_name, &ev->pattern, &ev->rule};
    for (size_t k = 0; k < sizeof strs / sizeof *strs; k++)
      if (*strs[k]) *strs[k] = hf_arena_strdup(&d->arena, *strs[k]);
  }
  free(found.v);
  free(ments.v);
  free(toks.v);
  hf_arena_free(&scratch);
  free(text);
  return d;
}

void hooft_doc_free(hooft_doc *d) {
  if (!d) return;
  free(d->events.v);
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
