/* ref_corpus.c: reads the coding benchmarks' text from the reference files: TABARI record texts
 * (through hooft validate's record reader) and PETRARCH-2 <Sentence><Text>s (libxml2). */
#include <ctype.h>
#include <errno.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ref_corpus.h"
#include "validate.h"

static void add(ref_corpus *c, const char *text, const char *date) {
  if (c->n == c->cap) {
    c->cap = c->cap ? c->cap * 2 : 256;
    c->v = realloc(c->v, c->cap * sizeof *c->v);
    if (!c->v) exit(70);
  }
  ref_text *t = &c->v[c->n++];
  t->len = strlen(text);
  t->text = malloc(t->len + 1);
  if (!t->text) exit(70);
  memcpy(t->text, text, t->len + 1);
  snprintf(t->date, sizeof t->date, "%s", date);
}

long ref_corpus_tabari(ref_corpus *c, const char *path) {
  size_t len;
  char *data = hf_read_file(path, &len, NULL);
  if (!data) {
    fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
    return -1;
  }
  vd_suite s;
  vd_suite_init(&s);
  vd_read_tabari(&s, path, data, len, 1);
  free(data);
  long added = 0;
  for (size_t i = 0; i < s.n; i++) {
    const vd_record *r = &s.v[i];
    if (r->unscored == VD_UNSCORED_OPTIONS || r->unscored == VD_UNSCORED_BAD || !r->text[0]) continue;
    add(c, r->text, r->date);
    added++;
  }
  vd_suite_free(&s);
  return added;
}

/* Appends the sentences under node n, in document order. */
static long walk(ref_corpus *c, xmlNode *n) {
  long added = 0;
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (strcmp((const char *)n->name, "Sentence")) {
      added += walk(c, n->children);
      continue;
    }
    xmlChar *date = xmlGetProp(n, (const xmlChar *)"date");
    char iso[11] = "";
    const char *d = date ? (const char *)date : "";
    while (isspace((unsigned char)*d)) d++;
    if (strlen(d) >= 8) snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", d, d + 4, d + 6);
    for (xmlNode *t = n->children; t; t = t->next) {
      if (t->type != XML_ELEMENT_NODE || strcmp((const char *)t->name, "Text")) continue;
      xmlChar *v = xmlNodeGetContent(t);
      /* white space runs become one blank, as in hooft validate */
      char *s = (char *)v, *o = s;
      for (char *p = s; p && *p; p++) {
        char ch = isspace((unsigned char)*p) ? ' ' : *p;
        if (ch == ' ' && (o == s || o[-1] == ' ')) continue;
        *o++ = ch;
      }
      while (o && o > s && o[-1] == ' ') o--;
      if (o) *o = 0;
      if (s && *s) {
        add(c, s, iso[0] ? iso : "2000-01-01");
        added++;
      }
      xmlFree(v);
    }
    xmlFree(date);
  }
  return added;
}

long ref_corpus_petrarch(ref_corpus *c, const char *path) {
  xmlDoc *doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) {
    const xmlError *e = xmlGetLastError();
    fprintf(stderr, "%s:%d: cannot read: %s", path, e ? e->line : 0, e && e->message ? e->message : "not XML\n");
    return -1;
  }
  long added = walk(c, xmlDocGetRootElement(doc));
  xmlFreeDoc(doc);
  return added;
}

void ref_corpus_free(ref_corpus *c) {
  for (size_t i = 0; i < c->n; i++) free(c->v[i].text);
  free(c->v);
  memset(c, 0, sizeof *c);
}
