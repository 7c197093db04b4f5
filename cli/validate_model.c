/* validate_model.c: the validation suite model (records, expectations, problems, labels) and
 * the rule that decides whether a coded record passed. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "validate.h"

/* Copy of s without the blanks around it. */
static char *trimmed(const char *s) {
  while (*s == ' ' || *s == '\t') s++;
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  return hf_xstrndup(s, n);
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
  hf_buf_free(&s->problems);
  free(s->stop);
  memset(s, 0, sizeof *s);
}

void vd_problem(vd_suite *s, const char *file, int line, const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (line > 0)
    hf_buf_printf(&s->problems, "%s:%d: %s\n", file, line, msg);
  else
    hf_buf_printf(&s->problems, "%s: %s\n", file, msg);
  s->nproblems++;
}


const char *vd_file(vd_suite *s, const char *name) {
  for (size_t i = 0; i < s->nfiles; i++)
    if (!strcmp(s->files[i], name)) return s->files[i];
  s->files = hf_xrealloc(s->files, (s->nfiles + 1) * sizeof *s->files);
  s->files[s->nfiles] = hf_xstrndup(name, strlen(name));
  return s->files[s->nfiles++];
}

vd_record *vd_add_record(vd_suite *s, const char *file, int line) {
  if (s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 64;
    s->v = hf_xrealloc(s->v, s->cap * sizeof *s->v);
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
  r->options = hf_xrealloc(r->options, (r->noptions + 1) * sizeof *r->options);
  r->option_lines = hf_xrealloc(r->option_lines, (r->noptions + 1) * sizeof *r->option_lines);
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
    *v = hf_xrealloc(*v, *cap * sizeof **v);
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
    r->label = hf_xstrndup(buf, strlen(buf));
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
static void sb_events(hf_buf *b, const vd_event *v, size_t n, int open) {
  hf_buf_puts(b, "{");
  for (size_t i = 0; i < n; i++) {
    if (i) hf_buf_puts(b, ", ");
    hf_buf_puts(b, v[i].src);
    hf_buf_puts(b, "/");
    hf_buf_puts(b, v[i].tgt);
    hf_buf_puts(b, "/");
    hf_buf_puts(b, v[i].code);
    if (v[i].date[0]) {
      hf_buf_puts(b, " ");
      hf_buf_puts(b, v[i].date);
    }
  }
  if (open) hf_buf_puts(b, n ? ", ..." : "...");
  hf_buf_puts(b, "}");
}

char *vd_format_expected(const vd_record *r) {
  hf_buf b = {0};
  static const struct {
    unsigned bit;
    const char *text;
  } specials[] = {{VD_EXPECT_NONE, "{---}"}, {VD_EXPECT_COMPLEX, "{+++}"}, {VD_EXPECT_DISCARD, "{###}"}};
  int any = 0;
  for (size_t i = 0; i < 3; i++)
    if (r->special & specials[i].bit) {
      hf_buf_puts(&b, any ? " or " : "");
      hf_buf_puts(&b, specials[i].text);
      any = 1;
    }
  if (r->nevents || r->open || !any) {
    hf_buf_puts(&b, any ? " or " : "");
    sb_events(&b, r->events, r->nevents, r->open);
  }
  return (char *)hf_buf_cstr(&b);
}

char *vd_format_outcome(const vd_outcome *o) {
  hf_buf b = {0};
  sb_events(&b, o->events, o->nevents, 0);
  return (char *)hf_buf_cstr(&b);
}
