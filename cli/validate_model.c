/* validate_model.c: the validation suite model (records, expectations, problems, labels) and
 * the rule that decides whether a coded record passed. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "validate.h"

/* Allocation that cannot fail quietly: the command has no way to go on without memory. */
void *vd_alloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) {
    fputs("hooft: out of memory\n", stderr);
    exit(70);
  }
  return q;
}

char *vd_strndup(const char *s, size_t n) {
  char *d = vd_alloc(NULL, n + 1);
  memcpy(d, s, n);
  d[n] = 0;
  return d;
}

/* Copy of s without the blanks around it. */
static char *trimmed(const char *s) {
  while (*s == ' ' || *s == '\t') s++;
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  return vd_strndup(s, n);
}

void vd_suite_init(vd_suite *s) { memset(s, 0, sizeof *s); }

static void record_free(vd_record *r) {
  free(r->id);
  free(r->label);
  free(r->text);
  for (size_t i = 0; i < r->noptions; i++) free(r->options[i]);
  free(r->options);
  free(r->option_lines);
  for (size_t i = 0; i < r->nevents; i++) {
    free(r->events[i].src);
    free(r->events[i].tgt);
    free(r->events[i].code);
  }
  free(r->events);
  free(r->note);
}

void vd_suite_free(vd_suite *s) {
  for (size_t i = 0; i < s->n; i++) record_free(&s->v[i]);
  free(s->v);
  for (size_t i = 0; i < s->nfiles; i++) free(s->files[i]);
  free(s->files);
  free(s->problems);
  free(s->stop);
  memset(s, 0, sizeof *s);
}

void vd_problem(vd_suite *s, const char *file, int line, const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  char head[512];
  if (line > 0)
    snprintf(head, sizeof head, "%s:%d: ", file, line);
  else
    snprintf(head, sizeof head, "%s: ", file);
  size_t need = strlen(head) + strlen(msg) + 2;
  if (s->problems_len + need + 1 > s->problems_cap) {
    s->problems_cap = (s->problems_len + need + 1) * 2;
    s->problems = vd_alloc(s->problems, s->problems_cap);
  }
  s->problems_len += (size_t)sprintf(s->problems + s->problems_len, "%s%s\n", head, msg);
  s->nproblems++;
}

char *vd_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0, k;
  char *buf = vd_alloc(NULL, cap);
  while ((k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += k;
    if (n + 1 == cap) buf = vd_alloc(buf, cap *= 2);
  }
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    free(buf);
    return NULL;
  }
  buf[n] = 0;
  *len = n;
  return buf;
}

const char *vd_file(vd_suite *s, const char *name) {
  for (size_t i = 0; i < s->nfiles; i++)
    if (!strcmp(s->files[i], name)) return s->files[i];
  s->files = vd_alloc(s->files, (s->nfiles + 1) * sizeof *s->files);
  s->files[s->nfiles] = vd_strndup(name, strlen(name));
  return s->files[s->nfiles++];
}

vd_record *vd_add_record(vd_suite *s, const char *file, int line) {
  if (s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 64;
    s->v = vd_alloc(s->v, s->cap * sizeof *s->v);
  }
  vd_record *r = &s->v[s->n++];
  memset(r, 0, sizeof *r);
  r->file = vd_file(s, file);
  r->line = line;
  return r;
}

void vd_drop_record(vd_suite *s) {
  if (s->n) record_free(&s->v[--s->n]);
}

void vd_add_option(vd_record *r, const char *command, int line) {
  r->options = vd_alloc(r->options, (r->noptions + 1) * sizeof *r->options);
  r->option_lines = vd_alloc(r->option_lines, (r->noptions + 1) * sizeof *r->option_lines);
  r->options[r->noptions] = trimmed(command);
  r->option_lines[r->noptions++] = line;
}

/* Whether two events agree: same codes, and same date where both give one. */
static int same_event(const vd_event *a, const vd_event *b, int dates) {
  if (strcmp(a->src, b->src) || strcmp(a->tgt, b->tgt) || strcmp(a->code, b->code)) return 0;
  return !dates || !a->date[0] || !b->date[0] || !strcmp(a->date, b->date);
}

/* Appends an event to a vector unless an identical one (dates included) is there. */
static void add_distinct(vd_event **v, size_t *n, size_t *cap, const char *src, const char *tgt, const char *code,
                         const char *date) {
  vd_event e;
  e.src = trimmed(src && *src ? src : "---");
  e.tgt = trimmed(tgt && *tgt ? tgt : "---");
  e.code = trimmed(code ? code : "");
  snprintf(e.date, sizeof e.date, "%s", date ? date : "");
  for (size_t i = 0; i < *n; i++)
    if (same_event(&(*v)[i], &e, 1) && !strcmp((*v)[i].date, e.date)) {
      free(e.src);
      free(e.tgt);
      free(e.code);
      return;
    }
  if (*n == *cap) {
    *cap = *cap ? *cap * 2 : 8;
    *v = vd_alloc(*v, *cap * sizeof **v);
  }
  (*v)[(*n)++] = e;
}

void vd_add_event(vd_record *r, const char *src, const char *tgt, const char *code, const char *date) {
  add_distinct(&r->events, &r->nevents, &r->events_cap, src, tgt, code, date);
}

void vd_label_records(vd_suite *s) {
  for (size_t i = 0; i < s->n; i++) {
    vd_record *r = &s->v[i];
    const char *id = r->id ? r->id : "?";
    int dup = 0;
    for (size_t j = 0; j < s->n && !dup; j++)
      dup = j != i && s->v[j].file == r->file && s->v[j].id && !strcmp(s->v[j].id, id);
    char buf[512];
    if (dup)
      snprintf(buf, sizeof buf, "%s@%d", id, r->line);
    else
      snprintf(buf, sizeof buf, "%s", id);
    free(r->label);
    r->label = vd_strndup(buf, strlen(buf));
  }
}

int vd_date(const char *d, size_t n, char out[11]) {
  if (n != 6 && n != 8) return -1;
  for (size_t i = 0; i < n; i++)
    if (!isdigit((unsigned char)d[i])) return -1;
  int y, m, day;
  if (n == 6) {
    y = (d[0] - '0') * 10 + (d[1] - '0');
    y += y <= 30 ? 2000 : 1900;
    d += 2;
  } else {
    y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
    d += 4;
  }
  m = (d[0] - '0') * 10 + (d[1] - '0');
  day = (d[2] - '0') * 10 + (d[3] - '0');
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || day < 1) return -1;
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (day > mdays[m - 1] + (m == 2 && leap)) return -1;
  char tmp[32];
  snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, day);
  memcpy(out, tmp, 11);
  return 0;
}

void vd_outcome_add(vd_outcome *o, const char *src, const char *tgt, const char *code, const char *date) {
  add_distinct(&o->events, &o->nevents, &o->cap, src, tgt, code, date);
}

void vd_outcome_clear(vd_outcome *o) {
  for (size_t i = 0; i < o->nevents; i++) {
    free(o->events[i].src);
    free(o->events[i].tgt);
    free(o->events[i].code);
  }
  o->nevents = 0;
  o->status = NULL;
}

void vd_outcome_free(vd_outcome *o) {
  vd_outcome_clear(o);
  free(o->events);
  memset(o, 0, sizeof *o);
}

int vd_passes(const vd_record *r, const vd_outcome *o, int check_dates) {
  const char *st = o->status;
  if ((r->special & VD_EXPECT_NONE) && o->nevents == 0) return 1;
  if ((r->special & VD_EXPECT_COMPLEX) && st && !strncmp(st, "complex", 7)) return 1;
  if ((r->special & VD_EXPECT_DISCARD) && st && !strcmp(st, "discard")) return 1;
  if (r->special && !r->nevents) return 0;
  for (size_t i = 0; i < r->nevents; i++) {
    int found = 0;
    for (size_t j = 0; j < o->nevents && !found; j++) found = same_event(&r->events[i], &o->events[j], check_dates);
    if (!found) return 0;
  }
  if (r->open) return 1;
  for (size_t j = 0; j < o->nevents; j++) {
    int found = 0;
    for (size_t i = 0; i < r->nevents && !found; i++) found = same_event(&r->events[i], &o->events[j], check_dates);
    if (!found) return 0;
  }
  return 1;
}

/* A growing string for the formatters. */
typedef struct sbuf {
  char *s;
  size_t n, cap;
} sbuf;

static void sb_add(sbuf *b, const char *t) {
  size_t k = strlen(t);
  if (b->n + k + 1 > b->cap) {
    b->cap = (b->n + k + 1) * 2;
    b->s = vd_alloc(b->s, b->cap);
  }
  memcpy(b->s + b->n, t, k + 1);
  b->n += k;
}

static void sb_events(sbuf *b, const vd_event *v, size_t n, int open) {
  sb_add(b, "{");
  for (size_t i = 0; i < n; i++) {
    if (i) sb_add(b, ", ");
    sb_add(b, v[i].src);
    sb_add(b, "/");
    sb_add(b, v[i].tgt);
    sb_add(b, "/");
    sb_add(b, v[i].code);
    if (v[i].date[0]) {
      sb_add(b, " ");
      sb_add(b, v[i].date);
    }
  }
  if (open) sb_add(b, n ? ", ..." : "...");
  sb_add(b, "}");
}

char *vd_format_expected(const vd_record *r) {
  sbuf b = {0};
  static const struct {
    unsigned bit;
    const char *text;
  } specials[] = {{VD_EXPECT_NONE, "{---}"}, {VD_EXPECT_COMPLEX, "{+++}"}, {VD_EXPECT_DISCARD, "{###}"}};
  int any = 0;
  for (size_t i = 0; i < 3; i++)
    if (r->special & specials[i].bit) {
      sb_add(&b, any ? " or " : "");
      sb_add(&b, specials[i].text);
      any = 1;
    }
  if (r->nevents || r->open || !any) {
    sb_add(&b, any ? " or " : "");
    sb_events(&b, r->events, r->nevents, r->open);
  }
  return b.s;
}

char *vd_format_outcome(const vd_outcome *o) {
  sbuf b = {0};
  sb_events(&b, o->events, o->nevents, 0);
  return b.s;
}
