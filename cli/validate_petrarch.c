/* validate_petrarch.c: reads PETRARCH-2 unit-test records (PETR.UnitTest.records.xml: the
 * <Environment>, <Config> options and <Sentence>s with their <EventCoding>s) with libxml2 into
 * the validation model. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "validate.h"

static char *xstrdup(const char *s) {
  size_t n = strlen(s);
  char *d = malloc(n + 1);
  if (!d) {
    fputs("hooft: out of memory\n", stderr);
    exit(70);
  }
  memcpy(d, s, n + 1);
  return d;
}

/* libxml2's errors become problems of the suite; only the first is kept (the parse stops). */
typedef struct xml_errors {
  vd_suite *s;
  const char *file;
  int seen;
} xml_errors;

static void on_xml_error(void *ctx, xmlErrorPtr e) {
  xml_errors *x = ctx;
  if (!e || e->level < XML_ERR_ERROR || x->seen) return;
  x->seen = 1;
  char msg[512];
  snprintf(msg, sizeof msg, "%s", e->message ? e->message : "XML error");
  size_t n = strlen(msg);
  while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) msg[--n] = 0;
  vd_problem(x->s, x->file, e->line, "XML: %s", msg);
}

static void silent(void *ctx, const char *fmt, ...) {
  (void)ctx;
  (void)fmt;
}

static int is(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

/* An attribute's value without the blanks around it (malloc'ed), or NULL. */
static char *attr(xmlNode *n, const char *name) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
  if (!v) return NULL;
  const char *a = (const char *)v;
  while (isspace((unsigned char)*a)) a++;
  size_t k = strlen(a);
  while (k && isspace((unsigned char)a[k - 1])) k--;
  char *out = malloc(k + 1);
  if (!out) exit(70);
  memcpy(out, a, k);
  out[k] = 0;
  xmlFree(v);
  return out;
}

/* An element's text with every run of white space made one blank, trimmed (malloc'ed). */
static char *text_of(xmlNode *n) {
  xmlChar *v = xmlNodeGetContent(n);
  const char *c = v ? (const char *)v : "";
  char *out = malloc(strlen(c) + 1);
  if (!out) exit(70);
  size_t k = 0;
  for (; *c; c++) {
    char ch = isspace((unsigned char)*c) ? ' ' : *c;
    if (ch == ' ' && (k == 0 || out[k - 1] == ' ')) continue;
    out[k++] = ch;
  }
  while (k && out[k - 1] == ' ') k--;
  out[k] = 0;
  if (v) xmlFree(v);
  return out;
}

char *vd_petrarch_option(const char *option, const char *value) {
  char buf[512];
  static const char *const comma[] = {"comma_min", "comma_max", "comma_emin", "comma_emax", "comma_bmin", "comma_bmax"};
  for (size_t i = 0; i < sizeof comma / sizeof *comma; i++)
    if (!strcasecmp(option, comma[i])) {
      char key[8];
      size_t k = 0;
      for (const char *c = comma[i] + 6; *c && k < sizeof key - 1; c++) key[k++] = (char)toupper((unsigned char)*c);
      key[k] = 0;
      snprintf(buf, sizeof buf, "COMMA: %s = %s", key, value);
      return xstrdup(buf);
    }
  snprintf(buf, sizeof buf, "PETRARCH: %s = %s", option, value);
  return xstrdup(buf);
}

void vd_environment_free(vd_environment *env) {
  free(env->verbs);
  free(env->actors);
  free(env->agents);
  free(env->discards);
  memset(env, 0, sizeof *env);
}

/* Whether word is one of the blank-separated words of list (NULL list: everything is). */
static int in_list(const char *list, const char *word) {
  if (!list) return 1;
  size_t n = strlen(word);
  for (const char *p = list; *p;) {
    p += strspn(p, " \t\r\n");
    size_t k = strcspn(p, " \t\r\n");
    if (k && k == n && !strncmp(p, word, n)) return 1;
    p += k;
  }
  return 0;
}

/* Reads one <Sentence> into a record: the options pending from <Config>s before it are
 * applied before it is coded. */
static void read_sentence(vd_suite *s, const char *file, xmlNode *n, const char *include, char ***pending,
                          int **pending_lines, size_t *npending) {
  int line = (int)xmlGetLineNo(n);
  vd_record *r = vd_add_record(s, file, line);
  for (size_t i = 0; i < *npending; i++) {
    vd_add_option(r, (*pending)[i], (*pending_lines)[i]);
    free((*pending)[i]);
  }
  *npending = 0;
  int bad = 0;
  char *id = attr(n, "id"), *date = attr(n, "date"), *category = attr(n, "category");
  if (!id || !*id) {
    vd_problem(s, file, line, "<Sentence> without an id");
    bad = 1;
  }
  r->id = xstrdup(id && *id ? id : "?");
  if (!date || vd_date(date, strlen(date), r->date) < 0 || strlen(date) != 8) {
    vd_problem(s, file, line, "<Sentence> date '%.40s' is not YYYYMMDD", date ? date : "");
    r->date[0] = 0;
    bad = 1;
  }
  int has_text = 0, checkable = 0;
  for (xmlNode *c = n->children; c; c = c->next) {
    if (is(c, "Text")) {
      free(r->text);
      r->text = text_of(c);
      has_text = 1;
    } else if (is(c, "EventCoding")) {
      int cl = (int)xmlGetLineNo(c);
      char *src = attr(c, "sourcecode"), *tgt = attr(c, "targetcode"), *ev = attr(c, "eventcode");
      char *noev = attr(c, "noevents"), *err = attr(c, "error");
      if (src || tgt || ev) {
        if (!src || !tgt || !ev || !*src || !*tgt || !*ev) {
          vd_problem(s, file, cl, "<EventCoding> needs sourcecode, targetcode and eventcode");
          bad = 1;
        } else {
          vd_add_event(r, src, tgt, ev, "");
          checkable = 1;
        }
      } else if (noev) {
        if (!strcasecmp(noev, "true")) {
          r->special |= VD_EXPECT_NONE;
          checkable = 1;
        } else if (strcasecmp(noev, "false")) {
          vd_problem(s, file, cl, "noevents = '%.40s' (want True or False)", noev);
          bad = 1;
        }
      } else if (err) {
        if (!strcasecmp(err, "sentencediscard") || !strcasecmp(err, "storydiscard")) {
          r->special |= VD_EXPECT_DISCARD;
          checkable = 1;
        } else if (!r->note) {
          r->note = xstrdup(err);
        }
      } else {
        vd_problem(s, file, cl, "<EventCoding> with neither codes, noevents nor error");
        bad = 1;
      }
      free(src);
      free(tgt);
      free(ev);
      free(noev);
      free(err);
    }
  }
  if (!has_text) {
    vd_problem(s, file, line, "<Sentence> without <Text>");
    bad = 1;
  }
  if (!r->text) r->text = xstrdup("");
  if (bad)
    r->unscored = VD_UNSCORED_BAD;
  else if (!in_list(include, category ? category : ""))
    r->unscored = VD_UNSCORED_EXCLUDED;
  else if (!checkable)
    r->unscored = VD_UNSCORED_NOCHECK;
  free(id);
  free(date);
  free(category);
}

int vd_read_petrarch(vd_suite *s, const char *path, vd_environment *env) {
  memset(env, 0, sizeof *env);
  const char *file = vd_file(s, path);
  size_t len;
  char *data = hf_read_file(path, &len, NULL);
  if (!data) {
    vd_problem(s, file, 0, "cannot read the records: %s", strerror(errno));
    return -1;
  }
  if (len > INT_MAX) {
    vd_problem(s, file, 0, "too large for an XML file of records");
    free(data);
    return -1;
  }
  xml_errors xe = {s, file, 0};
  xmlSetGenericErrorFunc(NULL, silent);
  xmlSetStructuredErrorFunc(&xe, on_xml_error);
  xmlDoc *doc = xmlReadMemory(data, (int)len, path, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
  xmlSetStructuredErrorFunc(NULL, NULL);
  xmlSetGenericErrorFunc(NULL, NULL);
  free(data);
  if (!doc) {
    if (!xe.seen) vd_problem(s, file, 0, "not well-formed XML");
    return -1;
  }
  xmlNode *root = xmlDocGetRootElement(doc);
  if (!root || !is(root, "Validation")) {
    vd_problem(s, file, root ? (int)xmlGetLineNo(root) : 0, "not PETRARCH validation records: the root element is <%s>, "
               "want <Validation>", root ? (const char *)root->name : "");
    xmlFreeDoc(doc);
    return -1;
  }
  char *include = NULL;
  xmlNode *sentences = NULL;
  for (xmlNode *c = root->children; c; c = c->next) {
    if (is(c, "Environment")) {
      for (xmlNode *e = c->children; e; e = e->next) {
        char **slot = is(e, "Verbfile") ? &env->verbs : is(e, "Actorfile") ? &env->actors
                      : is(e, "Agentfile") ? &env->agents : is(e, "Discardfile") ? &env->discards : NULL;
        if (slot) {
          free(*slot);
          *slot = text_of(e);
        } else if (is(e, "Include")) {
          free(include);
          include = text_of(e);
        }
      }
    } else if (is(c, "Sentences")) {
      sentences = c;
    }
  }
  if (!sentences) vd_problem(s, file, (int)xmlGetLineNo(root), "no <Sentences>");
  char **pending = NULL;
  int *pending_lines = NULL;
  size_t npending = 0, cap = 0;
  for (xmlNode *c = sentences ? sentences->children : NULL; c; c = c->next) {
    if (is(c, "Sentence")) {
      read_sentence(s, file, c, include, &pending, &pending_lines, &npending);
    } else if (is(c, "Config")) {
      char *opt = attr(c, "option"), *val = attr(c, "value");
      if (!opt || !*opt || !val) {
        vd_problem(s, file, (int)xmlGetLineNo(c), "<Config> needs option and value");
      } else {
        if (npending == cap) {
          cap = cap ? cap * 2 : 8;
          pending = realloc(pending, cap * sizeof *pending);
          pending_lines = realloc(pending_lines, cap * sizeof *pending_lines);
          if (!pending || !pending_lines) exit(70);
        }
        pending_lines[npending] = (int)xmlGetLineNo(c);
        pending[npending++] = vd_petrarch_option(opt, val);
      }
      free(opt);
      free(val);
    } else if (is(c, "Stop")) { /* PETRARCH's <Stop> record ends the run */
      char buf[600];
      snprintf(buf, sizeof buf, "<Stop> (%s:%d)", file, (int)xmlGetLineNo(c));
      free(s->stop);
      s->stop = xstrdup(buf);
      break;
    }
  }
  for (size_t i = 0; i < npending; i++) free(pending[i]);
  free(pending);
  free(pending_lines);
  free(include);
  xmlFreeDoc(doc);
  return 0;
}
