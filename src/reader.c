/* reader.c: reads articles from plain-text files (first line = title) and JSON Lines files or stdin. */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "hooft.h"
#include "util.h"

struct hooft_reader {
  char *path;        /* as given; "-" for stdin */
  char *name;        /* id for plain text: the file name */
  FILE *f;
  int jsonl;
  int done;
  int id_given;      /* the current record named its own id */
  long lineno;
  char *line;        /* getline buffer */
  size_t cap;
  char *whole;       /* plain text: whole file */
  json_t *record;    /* current JSON record */
  char idbuf[64];
  const char *default_date, *default_lang;
};

static int ends_with(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcmp(s + n - m, suf) == 0;
}

hooft_reader *hooft_reader_open(const char *path, hooft_input_format format, const char *default_date,
                                const char *default_lang, hooft_error *err) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) {
    hf_error(err, "%s: cannot open: %s", path, strerror(errno));
    return NULL;
  }
  hooft_reader *r = hf_xcalloc(1, sizeof *r);
  r->path = hf_xstrdup(path);
  const char *slash = strrchr(path, '/');
  r->name = hf_xstrdup(strcmp(path, "-") == 0 ? "stdin" : slash ? slash + 1 : path);
  r->f = f;
  r->default_date = default_date;
  r->default_lang = default_lang;
  if (format == HOOFT_INPUT_JSONL) {
    r->jsonl = 1;
  } else if (format == HOOFT_INPUT_AUTO) {
    if (ends_with(path, ".jsonl") || ends_with(path, ".json") || ends_with(path, ".ndjson")) {
      r->jsonl = 1;
    } else {
      int ch;
      while ((ch = getc(f)) == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
      }
      if (ch != EOF) ungetc(ch, f);
      r->jsonl = ch == '{';
    }
  }
  return r;
}

void hooft_reader_free(hooft_reader *r) {
  if (!r) return;
  if (r->f && r->f != stdin) fclose(r->f);
  json_decref(r->record);
  free(r->line);
  free(r->whole);
  free(r->path);
  free(r->name);
  free(r);
}

static const char *field(json_t *o, const char *name, int *bad) {
  json_t *v = json_object_get(o, name);
  if (!v || json_is_null(v)) return NULL;
  if (!json_is_string(v)) {
    *bad = 1;
    return NULL;
  }
  return json_string_value(v);
}

static int next_plain(hooft_reader *r, hooft_article *a, hooft_error *err) {
  hf_buf b = {0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, r->f)) > 0) hf_buf_put(&b, chunk, n);
  if (ferror(r->f)) {
    hf_error(err, "%s: read error", r->path);
    hf_buf_free(&b);
    return -1;
  }
  hf_buf_cstr(&b);
  r->whole = b.data;
  size_t len = b.len;
  if (len == 0) {
    hf_error(err, "%s: empty file, nothing to code", r->path);
    return -1;
  }
  if (memchr(r->whole, 0, len)) {
    hf_error(err, "%s: NUL byte at offset %zu (binary file?), skipped", r->path,
             (size_t)((char *)memchr(r->whole, 0, len) - r->whole));
    return -1;
  }
  /* title: the first non-empty line */
  char *p = r->whole;
  while (*p == '\n' || *p == '\r') p++;
  char *nl = strchr(p, '\n');
  memset(a, 0, sizeof *a);
  a->id = r->name;
  r->id_given = 1;
  a->date = r->default_date;
  a->lang = r->default_lang;
  if (nl) {
    *nl = 0;
    if (nl > p && nl[-1] == '\r') nl[-1] = 0;
    a->title = p;
    a->text = nl + 1;
    a->text_len = len - (size_t)(nl + 1 - r->whole);
  } else {
    a->title = NULL;
    a->text = p;
    a->text_len = len - (size_t)(p - r->whole);
  }
  return 1;
}

static int next_jsonl(hooft_reader *r, hooft_article *a, hooft_error *err) {
  json_decref(r->record);
  r->record = NULL;
  for (;;) {
    errno = 0;
    ssize_t n = getline(&r->line, &r->cap, r->f);
    if (n < 0) {
      if (ferror(r->f)) {
        hf_error(err, "%s:%ld: read error: %s", r->path, r->lineno + 1, strerror(errno));
        r->done = 1;
        return -1;
      }
      r->done = 1;
      return 0;
    }
    r->lineno++;
    char *s = r->line;
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t')) s[--n] = 0;
    while (*s == ' ' || *s == '\t') s++, n--;
    if (n <= 0) continue;
    if (memchr(s, 0, (size_t)n)) {
      hf_error(err, "%s:%ld: NUL byte in line (binary data?), skipped", r->path, r->lineno);
      return -1;
    }
    json_error_t je;
    json_t *o = json_loadb(s, (size_t)n, JSON_REJECT_DUPLICATES, &je);
    if (!o) {
      hf_error(err, "%s:%ld: malformed JSON at column %d: %s", r->path, r->lineno, je.column, je.text);
      return -1;
    }
    if (!json_is_object(o)) {
      hf_error(err, "%s:%ld: expected a JSON object", r->path, r->lineno);
      json_decref(o);
      return -1;
    }
    r->record = o;
    int bad = 0;
    memset(a, 0, sizeof *a);
    json_t *id = json_object_get(o, "id");
    r->id_given = json_is_string(id) || json_is_integer(id);
    if (json_is_string(id)) {
      a->id = json_string_value(id);
    } else if (json_is_integer(id)) {
      snprintf(r->idbuf, sizeof r->idbuf, "%lld", (long long)json_integer_value(id));
      a->id = r->idbuf;
    } else {
      snprintf(r->idbuf, sizeof r->idbuf, "%.40s:%ld", r->name, r->lineno);
      a->id = r->idbuf;
    }
    a->date = field(o, "date", &bad);
    a->lang = field(o, "lang", &bad);
    a->title = field(o, "title", &bad);
    a->url = field(o, "url", &bad);
    json_t *text = json_object_get(o, "text");
    if (bad) {
      hf_error(err, "%s:%ld: fields date, lang, title and url must be strings", r->path, r->lineno);
      return -1;
    }
    if (!json_is_string(text)) {
      hf_error(err, "%s:%ld: missing or non-string \"text\" field", r->path, r->lineno);
      return -1;
    }
    a->text = json_string_value(text);
    a->text_len = json_string_length(text);
    if (!a->date || !*a->date) a->date = r->default_date;
    if (!a->lang || !*a->lang) a->lang = r->default_lang;
    return 1;
  }
}

long hooft_reader_line(const hooft_reader *r) { return r->jsonl ? r->lineno : 0; }

int hooft_reader_id_given(const hooft_reader *r) { return r->id_given; }

int hooft_reader_next(hooft_reader *r, hooft_article *a, hooft_error *err) {
  if (r->done) return 0;
  if (r->jsonl) return next_jsonl(r, a, err);
  r->done = 1;
  return next_plain(r, a, err);
}
