/* validate_tabari.c: reads TABARI validation records (Validate.text, TABARI manual 4.3 and 10.1)
 * and the .project lines that name them into the validation model. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "validate.h"

static int is_blank_line(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return 0;
  return 1;
}

/* Whether s[0..n) is valid UTF-8 (no overlong forms, no surrogates). */
static int valid_utf8(const unsigned char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned c = s[i];
    size_t k;
    unsigned min;
    if (c < 0x80) {
      i++;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      k = 1, min = 0x80, c &= 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      k = 2, min = 0x800, c &= 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      k = 3, min = 0x10000, c &= 0x07;
    } else {
      return 0;
    }
    for (size_t j = 1; j <= k; j++) {
      if (i + j >= n || (s[i + j] & 0xC0) != 0x80) return 0;
      c = (c << 6) | (s[i + j] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    i += k + 1;
  }
  return 1;
}

/* ---- .project ---- */

/* dir of path joined with name (name as is when absolute or when path has no directory). */
static char *join_dir(const char *path, const char *name) {
  const char *slash = strrchr(path, '/');
  if (name[0] == '/' || !slash) return hf_xstrndup(name, strlen(name));
  size_t d = (size_t)(slash - path) + 1, n = strlen(name);
  char *out = hf_xrealloc(NULL, d + n + 1);
  memcpy(out, path, d);
  memcpy(out + d, name, n + 1);
  return out;
}

int vd_read_project(vd_suite *s, const char *path, vd_project *p) {
  memset(p, 0, sizeof *p);
  size_t len;
  char *data = hf_read_file(path, &len, NULL);
  if (!data) {
    vd_problem(s, path, 0, "cannot read the project file");
    return -1;
  }
  int ln = 0;
  for (char *line = data; line && line < data + len;) {
    char *end = memchr(line, '\n', (size_t)(data + len - line));
    if (end) *end = 0;
    ln++;
    char *t = line;
    while (*t == ' ' || *t == '\t') t++;
    static const char *const tags[] = {"<textfile>", "<optionsfile>"};
    for (int k = 0; k < 2; k++) {
      size_t tl = strlen(tags[k]);
      if (strncmp(t, tags[k], tl)) continue;
      char *name = t + tl;
      while (*name == ' ' || *name == '\t') name++;
      size_t n = strlen(name);
      while (n && isspace((unsigned char)name[n - 1])) n--;
      name[n] = 0;
      if (!n) {
        vd_problem(s, path, ln, "%s names no file", tags[k]);
        continue;
      }
      char *full = join_dir(path, name);
      if (k == 0) {
        p->textfiles = hf_xrealloc(p->textfiles, (p->ntextfiles + 1) * sizeof *p->textfiles);
        p->textfile_lines = hf_xrealloc(p->textfile_lines, (p->ntextfiles + 1) * sizeof *p->textfile_lines);
        p->textfile_lines[p->ntextfiles] = ln;
        p->textfiles[p->ntextfiles++] = full;
      } else {
        free(p->optionsfile);
        p->optionsfile = full;
      }
    }
    line = end ? end + 1 : NULL;
  }
  free(data);
  if (!p->ntextfiles) {
    vd_problem(s, path, 0, "the project names no <textfile> of validation records");
    return -1;
  }
  return 0;
}

void vd_project_free(vd_project *p) {
  for (size_t i = 0; i < p->ntextfiles; i++) free(p->textfiles[i]);
  free(p->textfiles);
  free(p->textfile_lines);
  free(p->optionsfile);
  memset(p, 0, sizeof *p);
}

int vd_time_shift_command(const char *command) {
  char key[64];
  size_t n = 0;
  for (const char *c = command; *c && n + 1 < sizeof key; c++)
    if (*c != ' ' && *c != '\t') key[n++] = (char)toupper((unsigned char)*c);
  key[n] = 0;
  if (!strcmp(key, "SET:TIMESHIFT=TRUE")) return 1;
  if (!strcmp(key, "SET:TIMESHIFT=FALSE")) return 0;
  return -1;
}

/* ---- records ---- */

/* One record as read: its lines joined by '\n' in body, with the line number of each
 * byte's line found through starts[]. */
typedef struct rec_text {
  const char *file;
  int header_line;
  char *header;
  char *body;            /* the lines after the header, '\n'-separated */
  size_t len, cap;
  size_t *starts;        /* offset of each body line */
  size_t nlines, lcap;
} rec_text;

static int line_of(const rec_text *t, size_t off) {
  size_t i = 0;
  while (i + 1 < t->nlines && t->starts[i + 1] <= off) i++;
  return t->header_line + 1 + (int)i;
}

/* Finds needle in hay[from..to); returns its offset or (size_t)-1. */
static size_t find(const char *hay, size_t from, size_t to, const char *needle) {
  size_t k = strlen(needle);
  for (size_t i = from; i + k <= to; i++)
    if (!memcmp(hay + i, needle, k)) return i;
  return (size_t)-1;
}

static size_t rfind(const char *hay, size_t from, size_t to, const char *needle) {
  size_t k = strlen(needle);
  for (size_t i = to; i >= from + k && i >= k; i--)
    if (!memcmp(hay + i - k, needle, k)) return i - k;
  return (size_t)-1;
}

/* The record's text: bytes [0, n) of the body with line breaks and TABARI's "\n" display
 * markers turned into blanks, runs of blanks collapsed, trimmed. */
static char *record_text(const char *b, size_t n) {
  char *out = hf_xrealloc(NULL, n + 1);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    char c = b[i];
    if (c == '\\' && i + 1 < n && b[i + 1] == 'n') {
      c = ' ';
      i++;
    }
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    if (c == ' ' && (k == 0 || out[k - 1] == ' ')) continue;
    out[k++] = c;
  }
  while (k && out[k - 1] == ' ') k--;
  out[k] = 0;
  return out;
}

/* Reads the validation field b[a..e) (the inside of { }) of record r, found at line ln; rest is
 * what follows the '}' on its line. Returns 1 for a field, 0 for an empty one, -1 if malformed
 * (reported). */
static int read_field(vd_suite *s, vd_record *r, const char *file, int ln, const char *b, size_t a, size_t e,
                      const char *rest, size_t restn, int checking) {
  while (a < e && (b[a] == ' ' || b[a] == '\t')) a++;
  while (e > a && (b[e - 1] == ' ' || b[e - 1] == '\t')) e--;
  if (a == e) return 0;
  char *f = hf_xstrndup(b + a, e - a);
  int rc = 1;
  if (!strncasecmp(f, "OPTION:", 7)) {
    char *cmd = f + 7;
    while (*cmd == ' ' || *cmd == '\t') cmd++;
    if (!*cmd)
      vd_problem(s, file, ln, "OPTION: without a command"), rc = -1;
    else
      vd_add_option(r, cmd, ln);
    free(f);
    return rc;
  }
  if (!checking) { /* after -{ only options count */
    free(f);
    return 1;
  }
  char compact[8];
  size_t m = 0;
  for (const char *c = f; *c && m < sizeof compact - 1; c++)
    if (*c != ' ' && *c != '\t') compact[m++] = *c;
  compact[m] = 0;
  if (!strcmp(compact, "---")) {
    r->special |= VD_EXPECT_NONE;
  } else if (!strcmp(compact, "+++")) {
    r->special |= VD_EXPECT_COMPLEX;
  } else if (!strcmp(compact, "###")) {
    r->special |= VD_EXPECT_DISCARD;
  } else if (strchr(f, '/')) {
    char *parts[4] = {0};
    int np = 0;
    char *copy = hf_xstrndup(f, strlen(f));
    for (char *p = copy; np < 4;) {
      char *slash = strchr(p, '/');
      if (slash) *slash = 0;
      parts[np++] = p;
      if (!slash) break;
      p = slash + 1;
    }
    int ok = np == 3;
    for (int i = 0; i < np && ok; i++) {
      char *t = parts[i];
      while (*t == ' ' || *t == '\t') t++;
      size_t n = strlen(t);
      while (n && (t[n - 1] == ' ' || t[n - 1] == '\t')) n--;
      t[n] = 0;
      parts[i] = t;
      ok = n > 0 && !strpbrk(t, " \t");
    }
    if (!ok) {
      vd_problem(s, file, ln, "malformed event '{%.80s}' (want { SOURCE / TARGET / EVENT })", f);
      rc = -1;
    } else {
      /* an optional date after the '}' */
      size_t i = 0;
      while (i < restn && (rest[i] == ' ' || rest[i] == '\t')) i++;
      char date[11] = "";
      if (i < restn && isdigit((unsigned char)rest[i])) {
        size_t j = i;
        while (j < restn && rest[j] != ' ' && rest[j] != '\t' && rest[j] != '\n') j++;
        if (vd_date(rest + i, j - i, date) < 0) {
          vd_problem(s, file, ln, "bad date '%.*s' after the event (want YYMMDD or YYYYMMDD)", (int)(j - i),
                     rest + i);
          rc = -1;
        }
      }
      if (rc > 0) vd_add_event(r, parts[0], parts[1], parts[2], date);
    }
    free(copy);
  } else {
    vd_problem(s, file, ln, "unknown validation field '{%.80s}' (want { SOURCE / TARGET / EVENT }, {---}, {+++}, "
               "{###} or { OPTION: command })", f);
    rc = -1;
  }
  free(f);
  return rc;
}

/* Turns one record's lines into a vd_record. Returns 1 when the record is the end marker
 * (no validation fields), else 0. */
static int finish_record(vd_suite *s, rec_text *t, int stop) {
  const char *file = t->file;
  vd_record *r = vd_add_record(s, file, t->header_line);
  int bad = 0;
  /* header: DATE ID [anything]; the date is the leading run of digits */
  const char *h = t->header;
  size_t dn = strspn(h, "0123456789");
  if (vd_date(h, dn, r->date) < 0) {
    size_t shown = strcspn(h, " \t");
    vd_problem(s, file, t->header_line, "bad date '%.*s' in the record header (want YYMMDD or YYYYMMDD)",
               (int)(shown > 40 ? 40 : shown), h);
    r->date[0] = 0;
    bad = 1;
  }
  const char *id = h + dn;
  id += strspn(id, " \t");
  size_t idn = strcspn(id, " \t\r");
  if (!idn) {
    vd_problem(s, file, t->header_line, "the record header has a date but no id");
    bad = 1;
    r->id = hf_xstrndup("?", 1);
  } else {
    r->id = hf_xstrndup(id, idn);
  }
  /* comment: from the first slash-star to the last star-slash */
  const char *b = t->body ? t->body : "";
  size_t n = t->len;
  size_t c0 = find(b, 0, n, "/*");
  size_t stray = find(b, 0, c0 == (size_t)-1 ? n : c0, "*/");
  if (stray != (size_t)-1) {
    vd_problem(s, file, line_of(t, stray), "'*/' without '/*'");
    bad = 1;
  }
  size_t text_end = c0 == (size_t)-1 ? n : c0;
  size_t cstart = c0 == (size_t)-1 ? n : c0 + 2, cend = n;
  if (c0 != (size_t)-1) {
    size_t c1 = rfind(b, cstart, n, "*/");
    if (c1 == (size_t)-1) {
      vd_problem(s, file, line_of(t, c0), "'/*' is not closed by '*/' before the record ends (at the blank line "
                 "after line %d)", line_of(t, n ? n - 1 : 0));
      bad = 1;
    } else {
      cend = c1;
    }
  }
  r->text = record_text(b, text_end);
  if (!valid_utf8((const unsigned char *)r->text, strlen(r->text))) {
    vd_problem(s, file, t->header_line, "the record text is not valid UTF-8");
    bad = 1;
  }
  /* fields */
  int fields = 0, checking = 1;
  for (size_t i = cstart; i < cend; i++) {
    if (b[i] != '{') continue;
    int ln = line_of(t, i);
    int minus = i > cstart && b[i - 1] == '-';
    size_t eol = i;
    while (eol < cend && b[eol] != '\n') eol++;
    size_t close = find(b, i + 1, eol, "}");
    size_t open2 = find(b, i + 1, close == (size_t)-1 ? eol : close, "{");
    if (open2 != (size_t)-1) {
      vd_problem(s, file, ln, "'{' inside a validation field");
      bad = 1;
      i = (close == (size_t)-1 ? eol : close);
      continue;
    }
    if (close == (size_t)-1) {
      /* TABARI reads an OPTION: field to the end of its line; anything else is lost */
      vd_problem(s, file, ln, "'{' without '}'");
      bad = 1;
      if (minus) {
        fields++;
        checking = 0;
        r->open = 1;
      } else if (read_field(s, r, file, ln, b, i + 1, eol, "", 0, 0) != 0) {
        fields++;
      }
      i = eol;
      continue;
    }
    if (minus) { /* -{...}: nothing after it is checked; the events before must be there */
      fields++;
      if (checking) r->open = 1;
      checking = 0;
    } else {
      int k = read_field(s, r, file, ln, b, i + 1, close, b + close + 1, eol - close - 1, checking);
      if (k < 0) bad = 1;
      if (k != 0) fields++;
    }
    i = close;
  }
  if (!fields && !bad && stop) { /* the end of the standard records: TABARI's validation stops here */
    char buf[600];
    snprintf(buf, sizeof buf, "%s (%s:%d)", r->id, file, t->header_line);
    free(s->stop);
    s->stop = hf_xstrndup(buf, strlen(buf));
    vd_drop_record(s);
    return 1;
  }
  if (bad)
    r->unscored = VD_UNSCORED_BAD;
  else if (!fields)
    r->unscored = VD_UNSCORED_NOCHECK;
  else if (!r->nevents && !r->special)
    r->unscored = r->open ? VD_UNSCORED_UNCHECKED : VD_UNSCORED_OPTIONS;
  return 0;
}

int vd_read_tabari(vd_suite *s, const char *file, const char *data, size_t len, int stop) {
  file = vd_file(s, file);
  rec_text t;
  memset(&t, 0, sizeof t);
  t.file = file;
  int in_record = 0, stopped = 0, ln = 0, nul_reported = 0;
  for (size_t pos = 0; pos < len && !stopped;) {
    const char *line = data + pos;
    const char *nl = memchr(line, '\n', len - pos);
    size_t n = nl ? (size_t)(nl - line) : len - pos;
    pos += n + (nl != NULL);
    ln++;
    if (n && line[n - 1] == '\r') n--;
    if (!nul_reported && memchr(line, 0, n)) {
      vd_problem(s, file, ln, "NUL byte in the text (read as a blank)");
      nul_reported = 1;
    }
    if (is_blank_line(line, n)) { /* a blank line ends a record */
      if (in_record) stopped = finish_record(s, &t, stop);
      in_record = 0;
      continue;
    }
    if (!in_record) {
      /* a record starts with a digit; any other block is a comment (TABARI manual 4.3) */
      if (!isdigit((unsigned char)line[0])) continue;
      in_record = 1;
      free(t.header);
      t.header = hf_xstrndup(line, n);
      for (size_t i = 0; i < n; i++)
        if (!t.header[i]) t.header[i] = ' ';
      t.header_line = ln;
      t.len = t.nlines = 0;
      continue;
    }
    if (t.nlines == t.lcap) {
      t.lcap = t.lcap ? t.lcap * 2 : 16;
      t.starts = hf_xrealloc(t.starts, t.lcap * sizeof *t.starts);
    }
    t.starts[t.nlines++] = t.len;
    if (t.len + n + 2 > t.cap) {
      t.cap = (t.len + n + 2) * 2;
      t.body = hf_xrealloc(t.body, t.cap);
    }
    memcpy(t.body + t.len, line, n);
    for (size_t i = t.len; i < t.len + n; i++)
      if (!t.body[i]) t.body[i] = ' ';
    t.len += n;
    t.body[t.len++] = '\n';
    t.body[t.len] = 0;
  }
  if (in_record && !stopped) stopped = finish_record(s, &t, stop);
  free(t.header);
  free(t.body);
  free(t.starts);
  return stopped;
}
