/* compat_model.c: the neutral model of TABARI/PETRARCH dictionaries and the lexical rules both
 * families share: lines, code blocks, dated codes, pattern tokens, synsets, duplicates. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "compat.h"

hf_cx_dict *hf_cx_new(int format) {
  hf_cx_dict *d = hf_xcalloc(1, sizeof *d);
  d->format = format;
  d->load_files = 1;
  return d;
}

void hf_cx_free(hf_cx_dict *d) {
  if (!d) return;
  free(d->files.v);
  free(d->actors.v);
  free(d->names.v);
  free(d->codes.v);
  free(d->agents.v);
  free(d->blocks.v);
  free(d->verbs.v);
  free(d->patterns.v);
  free(d->toks.v);
  free(d->synsets.v);
  free(d->seqs.v);
  free(d->words.v);
  free(d->entries.v);
  free(d->probs.v);
  hf_map_free(&d->file_order);
  for (size_t i = 0; i < sizeof d->seen / sizeof *d->seen; i++) hf_map_free(&d->seen[i]);
  hf_map_free(&d->synset_names);
  hf_map_free(&d->synset_lines);
  hf_buf_free(&d->pr.text);
  hf_buf_free(&d->pr.warn_text);
  hf_arena_free(&d->arena);
  free(d);
}

/* The order of a file among those mentioned (registered on first mention). */
static uintptr_t file_order(hf_cx_dict *d, const char *file) {
  uintptr_t o = (uintptr_t)hf_map_get(&d->file_order, file);
  if (!o) {
    o = d->file_order.count + 1;
    hf_map_put(&d->file_order, hf_arena_strdup(&d->arena, file), (void *)o);
  }
  return o;
}

void hf_cx_problem(hf_cx_dict *d, const char *file, int line, const char *fmt, ...) {
  char msg[480];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  file_order(d, file);
  hf_cx_prob p = {hf_arena_strdup(&d->arena, file), line, (int)d->probs.n, hf_arena_strdup(&d->arena, msg)};
  HF_VEC_PUSH(d->probs, p);
  d->pr.count++;
}

static const hf_cx_dict *sort_dict; /* qsort has no context argument */

static int cmp_prob(const void *a, const void *b) {
  const hf_cx_prob *x = a, *y = b;
  uintptr_t fx = (uintptr_t)hf_map_get(&sort_dict->file_order, x->file);
  uintptr_t fy = (uintptr_t)hf_map_get(&sort_dict->file_order, y->file);
  if (fx != fy) return fx < fy ? -1 : 1;
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Lists the problems in d->pr.text, by file and line. */
static void render_problems(hf_cx_dict *d) {
  sort_dict = d;
  if (d->probs.n) qsort(d->probs.v, d->probs.n, sizeof *d->probs.v, cmp_prob);
  sort_dict = NULL;
  d->pr.text.len = 0;
  for (size_t i = 0; i < d->probs.n; i++) {
    const hf_cx_prob *p = &d->probs.v[i];
    if (p->line > 0)
      hf_buf_printf(&d->pr.text, "%s:%d: %s\n", p->file, p->line, p->msg);
    else
      hf_buf_printf(&d->pr.text, "%s: %s\n", p->file, p->msg);
  }
}

const char *hf_cx_str(hf_cx_dict *d, const char *s, size_t n) { return hf_arena_strndup(&d->arena, s, n); }

char *hf_cx_trim(char *s) {
  while (*s == ' ' || *s == '\t') s++;
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) s[--n] = 0;
  return s;
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0 if invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n) {
  if (s[0] < 0x80) return 1;
  size_t len = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 && s[0] <= 0xdf ? 2 : 0;
  if (!len || len > n) return 0;
  for (size_t i = 1; i < len; i++)
    if ((s[i] & 0xc0) != 0x80) return 0;
  if (len == 3 && ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] >= 0xa0))) return 0;
  if (len == 4 && ((s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] >= 0x90))) return 0;
  return len;
}

void hf_cx_lines(hf_cx_dict *d, const char *file, const char *data, size_t len, hf_cx_line_fn fn, void *ctx) {
  char *buf = hf_xmalloc(len + 1);
  if (len) memcpy(buf, data, len);
  buf[len] = 0;
  char *p = buf, *end = buf + len;
  int ln = 0;
  while (p < end) {
    char *nl = memchr(p, '\n', (size_t)(end - p));
    char *e = nl ? nl : end;
    ln++;
    int nul = 0, bad = 0;
    for (char *c = p; c < e;) {
      if (!*c) {
        *c = ' ';
        nul = 1;
      }
      size_t k = utf8_seq((const unsigned char *)c, (size_t)(e - c));
      if (!k) {
        bad = 1;
        k = 1;
      }
      c += k;
    }
    if (nul) hf_cx_problem(d, file, ln, "NUL byte (binary data?)");
    if (bad) hf_cx_problem(d, file, ln, "invalid UTF-8 (convert the file to UTF-8)");
    while (e > p && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t')) e--;
    *e = 0;
    char *line = p;
    p = nl ? nl + 1 : end;
    if (!fn(d, ctx, line, ln)) break;
  }
  free(buf);
}

const char *hf_cx_seen(hf_cx_dict *d, int t, const char *key, const char *file, int line) {
  hf_map *m = &d->seen[t];
  const char *where = hf_map_get(m, key);
  if (where) return where;
  char buf[1200];
  snprintf(buf, sizeof buf, "%s:%d", file, line);
  hf_map_put(m, hf_arena_strdup(&d->arena, key), hf_arena_strdup(&d->arena, buf));
  return NULL;
}

const char *hf_cx_phrase_key(hf_cx_dict *d, const char *phrase) {
  size_t n = strlen(phrase);
  char *k = hf_arena_alloc(&d->arena, n + 1);
  size_t o = 0;
  int blank = 0;
  for (size_t i = 0; i < n; i++) {
    char c = phrase[i];
    if (d->format == HF_CX_PETRARCH && c == '_') c = ' ';
    if (d->format == HF_CX_TABARI && c == '-') c = '_'; /* TABARI manual 5.2 */
    if (c == ' ' || c == '\t') {
      blank = 1;
      continue;
    }
    if (blank && o) k[o++] = ' ';
    blank = 0;
    k[o++] = (char)toupper((unsigned char)c);
  }
  k[o] = 0;
  return k;
}

const char *hf_cx_pattern_key(hf_cx_dict *d, long block, const char *text) {
  hf_buf b = {0};
  hf_buf_printf(&b, "%ld ", block);
  int blank = 0;
  for (const char *c = text; *c; c++) {
    if (*c == ' ' || *c == '\t') {
      blank = 1;
      continue;
    }
    if (blank) hf_buf_putc(&b, ' ');
    blank = 0;
    hf_buf_putc(&b, (char)toupper((unsigned char)*c));
  }
  const char *k = hf_arena_strdup(&d->arena, hf_buf_cstr(&b));
  hf_buf_free(&b);
  return k;
}

/* ---- Dates and codes ---- */

static int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return days[m - 1];
}

int hf_cx_date(const char *s, size_t n) {
  if (n != 6 && n != 8) return 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  int v[8];
  for (size_t i = 0; i < n; i++) v[i] = s[i] - '0';
  int y, m, dd;
  if (n == 6) {
    y = v[0] * 10 + v[1];
    y += y <= 30 ? 2000 : 1900; /* TABARI manual 6.5.2: 00-30 are 2000-2030 */
    m = v[2] * 10 + v[3];
    dd = v[4] * 10 + v[5];
  } else {
    y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    m = v[4] * 10 + v[5];
    dd = v[6] * 10 + v[7];
  }
  if (y < 1 || m < 1 || m > 12 || dd < 1 || dd > days_in_month(y, m)) return 0;
  return y * 10000 + m * 100 + dd;
}

static int special_code(const char *s) {
  return !strcmp(s, HF_CX_NULL) || !strcmp(s, HF_CX_DISCARD) || !strcmp(s, HF_CX_COMPLEX);
}

/* Why code s is malformed, or NULL when it is fine. */
static const char *code_problem(const char *s, int compound) {
  if (!*s) return "empty code";
  if (special_code(s)) return NULL;
  int lower = 0;
  const char *part = s;
  for (const char *c = s;; c++) {
    if (*c == '/' && compound) {
      if (c == part) return "empty part in a compound code";
      part = c + 1;
      continue;
    }
    if (!*c) {
      if (c == part) return "empty part in a compound code";
      break;
    }
    if (*c >= 'a' && *c <= 'z')
      lower = 1;
    else if (!((*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9')))
      return "a code has only letters and digits";
  }
  return lower ? "codes are written in upper case" : NULL;
}

const char *hf_cx_code_problem(const char *s, int compound) { return code_problem(s, compound); }

/* Parses a date restriction "<D", ">D" or "D-D" into an inclusive range; 0 or -1 (reported). */
static int date_restriction(hf_cx_dict *d, const char *file, int ln, const char *r, int *from, int *to) {
  size_t n = strlen(r);
  *from = *to = 0;
  if (r[0] == '<' || r[0] == '>') {
    int v = hf_cx_date(r + 1, n - 1);
    if (!v) {
      hf_cx_problem(d, file, ln, "bad date '%.40s' (want YYMMDD or YYYYMMDD)", r + 1);
      return -1;
    }
    if (r[0] == '<')
      *to = v;
    else
      *from = v;
    return 0;
  }
  const char *dash = strchr(r, '-');
  if (!dash) {
    hf_cx_problem(d, file, ln, "bad date restriction '%.40s' (want <DATE, >DATE or DATE-DATE)", r);
    return -1;
  }
  int a = hf_cx_date(r, (size_t)(dash - r)), b = hf_cx_date(dash + 1, strlen(dash + 1));
  if (!a || !b) {
    int n1 = (int)(dash - r);
    hf_cx_problem(d, file, ln, "bad date '%.*s' (want YYMMDD or YYYYMMDD)", !a ? (n1 > 40 ? 40 : n1) : 40,
                  !a ? r : dash + 1);
    return -1;
  }
  if (a > b) {
    hf_cx_problem(d, file, ln, "date range '%.40s' ends before it starts", r);
    return -1;
  }
  *from = a;
  *to = b;
  return 0;
}

/* A date restriction written where the code should be: "<911226", "991201-010114". */
static int looks_like_date(const char *s) {
  size_t n = strlen(s), digits = strspn(s, "0123456789");
  if (s[0] == '<' || s[0] == '>') return 1;
  return digits && (digits == n ? n == 6 || n == 8 : strspn(s, "0123456789-") == n);
}

size_t hf_cx_actor_codes(hf_cx_dict *d, const char *file, int ln, char *text) {
  size_t added = 0;
  char *p = text;
  for (;;) {
    while (*p == ' ' || *p == '\t') p++;
    if (!*p) break;
    if (*p != '[') {
      hf_cx_problem(d, file, ln, "unexpected text '%.40s' after the codes", p);
      break;
    }
    char *close = strchr(p + 1, ']');
    char *open = strchr(p + 1, '[');
    if (!close || (open && open < close)) {
      hf_cx_problem(d, file, ln, "'[' without ']'");
      break;
    }
    *close = 0;
    char *inner = hf_cx_trim(p + 1);
    p = close + 1;
    if (!*inner) {
      hf_cx_problem(d, file, ln, "empty code block []");
      continue;
    }
    char *sp = inner + strcspn(inner, " \t");
    char *rest = *sp ? sp + 1 : sp;
    *sp = 0;
    /* the date restriction may be written with blanks: "< 950601", "950601 - 990815" */
    char date[64];
    size_t dn = 0;
    int long_date = 0;
    for (char *c = rest; *c; c++)
      if (*c != ' ' && *c != '\t') {
        if (dn + 1 < sizeof date)
          date[dn++] = *c;
        else
          long_date = 1;
      }
    date[dn] = 0;
    if (looks_like_date(inner) && (dn == 0 || inner[0] == '<' || inner[0] == '>')) {
      hf_cx_problem(d, file, ln, "code block '[%.40s%s%.40s]' has a date but no code", inner, dn ? " " : "", date);
      continue;
    }
    const char *why = code_problem(inner, 1);
    if (why) {
      hf_cx_problem(d, file, ln, "bad actor code '%.40s' (%s)", inner, why);
      continue;
    }
    hf_cx_code c = {hf_cx_str(d, inner, strlen(inner)), 0, 0, ln};
    if (long_date) {
      hf_cx_problem(d, file, ln, "bad date restriction '%.40s'", rest);
      continue;
    }
    if (dn && date_restriction(d, file, ln, date, &c.from, &c.to) < 0) continue;
    HF_VEC_PUSH(d->codes, c);
    added++;
  }
  return added;
}

void hf_cx_check_codes(hf_cx_dict *d, const hf_cx_actor *a) {
  int undated = 0;
  for (size_t i = 0; i < a->ncodes; i++) {
    const hf_cx_code *c = &d->codes.v[a->code0 + i];
    if (c->from || c->to) continue;
    if (++undated == 2)
      hf_cx_problem(d, a->file, c->line, "more than one undated (default) code: only the first can apply");
    if (d->format == HF_CX_TABARI && i + 1 < a->ncodes && undated == 1)
      hf_cx_problem(d, a->file, c->line, "the undated (default) code '%.40s' must be the last (TABARI manual 6.5.2)",
                    c->code);
  }
}

int hf_cx_evcode_parse(hf_cx_dict *d, const char *file, int ln, char *inner, int time, hf_cx_evcode *out) {
  memset(out, 0, sizeof *out);
  char *o = inner;
  for (char *c = inner; *c; c++)
    if (*c != ' ' && *c != '\t') *o++ = *c;
  *o = 0;
  size_t n = strlen(inner);
  if (!n) {
    hf_cx_problem(d, file, ln, "empty code block []");
    return -1;
  }
  if (time) {
    const char *s = inner + (inner[0] == '+' || inner[0] == '-');
    if (special_code(inner) || (*s && strspn(s, "0123456789") == strlen(s))) {
      out->code = hf_cx_str(d, inner, n);
      return 0;
    }
    hf_cx_problem(d, file, ln, "bad time shift '%.40s' (want +DAYS, -DAYS or a special code)", inner);
    return -1;
  }
  if (inner[n - 1] == '!' || inner[n - 1] == '?') {
    out->flag = inner[n - 1];
    inner[--n] = 0;
  }
  char *colon = strchr(inner, ':');
  char *second = NULL;
  if (colon) {
    *colon = 0;
    second = colon + 1;
    if (strchr(second, ':')) {
      hf_cx_problem(d, file, ln, "more than one ':' in code '%.40s:%.40s'", inner, second);
      return -1;
    }
  }
  if (!*inner && (!second || !*second)) {
    hf_cx_problem(d, file, ln, "empty code");
    return -1;
  }
  const char *parts[2] = {inner, second};
  for (int i = 0; i < 2; i++) {
    if (!parts[i] || !*parts[i]) continue;
    const char *why = code_problem(parts[i], 0);
    if (why) {
      hf_cx_problem(d, file, ln, "bad event code '%.40s' (%s)", parts[i], why);
      return -1;
    }
  }
  out->code = *inner ? hf_cx_str(d, inner, strlen(inner)) : NULL;
  out->code2 = second && *second ? hf_cx_str(d, second, strlen(second)) : NULL;
  return 0;
}

int hf_cx_code_block(hf_cx_dict *d, const char *file, int ln, char *text, char **inner) {
  char *open = strchr(text, '[');
  char *stray = strchr(text, ']');
  if (!open) {
    if (stray) {
      hf_cx_problem(d, file, ln, "']' without '['");
      return -1;
    }
    return 0;
  }
  if (stray && stray < open) {
    hf_cx_problem(d, file, ln, "']' without '['");
    return -1;
  }
  char *close = strchr(open + 1, ']');
  char *again = strchr(open + 1, '[');
  if (!close || (again && again < close)) {
    hf_cx_problem(d, file, ln, "'[' without ']'%s",
                  d->format == HF_CX_PETRARCH && !close ? " ('#' starts a comment in PETRARCH files)" : "");
    return -1;
  }
  char *after = hf_cx_trim(close + 1);
  if (*after) {
    if (*after == '[')
      hf_cx_problem(d, file, ln, "more than one code block");
    else
      hf_cx_problem(d, file, ln, "unexpected text '%.40s' after the code", after);
    return -1;
  }
  *close = 0;
  *open = 0;
  *inner = open + 1;
  return 1;
}

/* ---- Pattern tokens ---- */

static void push_tok(hf_cx_dict *d, int kind, const char *text) {
  hf_cx_tok t = {(uint8_t)kind, 0, 0, text};
  HF_VEC_PUSH(d->toks, t);
}

static int is_blank(char c) { return c == ' ' || c == '\t'; }
static int is_bracket(char c) { return c == '{' || c == '}' || c == '(' || c == ')' || c == '|'; }
static int is_slot(char c) { return c == '*' || c == '$' || c == '+' || c == '%' || c == '^' || c == '@'; }

/* Declared synset whose name is the longest '_'-prefix of name[0..n); its length or 0. */
static size_t synset_prefix(hf_cx_dict *d, const char *name, size_t n) {
  while (n) {
    if (hf_map_getn(&d->synset_names, name, n)) return n;
    while (n && name[n - 1] != '_') n--;
    if (n) n--; /* drop the '_' */
  }
  return 0;
}

int hf_cx_tokenize(hf_cx_dict *d, const char *file, int ln, const char *s, int pattern, size_t *tok0,
                   size_t *ntok) {
  size_t start = d->toks.n;
  int bad = 0, petr = d->format == HF_CX_PETRARCH;
  size_t i = 0, n = strlen(s);
  int joinable = 0; /* the previous character ended a token (no blank since) */
  while (i < n) {
    char c = s[i];
    if (is_blank(c)) {
      joinable = 0;
      i++;
      continue;
    }
    if (c == '_' || c == '~') {
      if (!joinable || d->toks.n == start) {
        hf_cx_problem(d, file, ln, "connector '%c' without a preceding word", c);
        bad = 1;
      } else {
        hf_cx_tok *prev = &d->toks.v[d->toks.n - 1];
        if (c == '_' && prev->kind == HF_CX_T_WORD && !(i && s[i - 1] == '~')) prev->exact = 1;
        if (c == '~' || (i + 1 < n && !is_blank(s[i + 1]))) prev->next = 1;
      }
      i++;
      continue;
    }
    if (is_bracket(c)) {
      int kind = 0;
      if (petr) {
        kind = c == '{' ? HF_CX_T_NP_OPEN : c == '}' ? HF_CX_T_NP_CLOSE : c == '(' ? HF_CX_T_PP_OPEN
               : c == ')' ? HF_CX_T_PP_CLOSE : 0;
        if (!kind) {
          hf_cx_problem(d, file, ln, "'|' alternatives are TABARI syntax, not PETRARCH (use a &SYNSET)");
          bad = 1;
        }
      } else {
        kind = c == '{' ? HF_CX_T_ALT_OPEN : c == '}' ? HF_CX_T_ALT_CLOSE : c == '|' ? HF_CX_T_ALT_BAR : 0;
        if (!kind) {
          hf_cx_problem(d, file, ln, "'%c' is PETRARCH syntax, not TABARI", c);
          bad = 1;
        }
      }
      if (kind) push_tok(d, kind, NULL);
      joinable = 1;
      i++;
      continue;
    }
    if (is_slot(c)) {
      if (i + 1 < n && !is_blank(s[i + 1]) && s[i + 1] != '_' && s[i + 1] != '~' && !is_bracket(s[i + 1])) {
        hf_cx_problem(d, file, ln, "'%c' must stand alone (only '_' may join it to a word)", c);
        bad = 1;
        while (i < n && !is_blank(s[i])) i++;
        continue;
      }
      int kind = c == '*' ? HF_CX_T_VERB : c == '$' ? HF_CX_T_SOURCE : c == '+' ? HF_CX_T_TARGET
                 : c == '%' ? HF_CX_T_BOTH : c == '^' ? HF_CX_T_SKIP : HF_CX_T_ATTRIB;
      push_tok(d, kind, NULL);
      joinable = 1;
      i++;
      continue;
    }
    if (c == '&') {
      size_t j = i + 1;
      while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '_' || s[j] == '-')) j++;
      size_t len = j - i - 1;
      while (len && s[i + len] == '_') len--; /* a final '_' is a connector */
      if (len > 200) {
        hf_cx_problem(d, file, ln, "synset name '&%.40s...' is too long", s + i + 1);
        bad = 1;
        i = j;
        continue;
      }
      if (!len) {
        hf_cx_problem(d, file, ln, "'&' without a synset name");
        bad = 1;
        i = j;
        continue;
      }
      size_t got = synset_prefix(d, s + i + 1, len);
      if (!got) {
        hf_cx_problem(d, file, ln, "undefined synset '&%.*s'", (int)(len > 60 ? 60 : len), s + i + 1);
        bad = 1;
        i = j;
        joinable = 1;
        continue;
      }
      push_tok(d, HF_CX_T_SYNSET, hf_cx_str(d, s + i + 1, got));
      joinable = 1;
      i += 1 + got; /* a '_' after the name is handled as a connector */
      continue;
    }
    /* a word */
    size_t j = i;
    while (j < n && !is_blank(s[j]) && s[j] != '_' && s[j] != '~' && !is_bracket(s[j]) && s[j] != '[' &&
           s[j] != ']')
      j++;
    if (j == i) { /* '[' or ']' inside a pattern */
      hf_cx_problem(d, file, ln, "unexpected '%c' in the pattern", c);
      bad = 1;
      i++;
      continue;
    }
    size_t wl = j - i;
    int exact = 0;
    if (s[j - 1] == '=' && wl > 1) { /* TABARI: WORD= takes no regular endings */
      wl--;
      exact = 1;
    }
    for (size_t k = i; k < i + wl; k++)
      if (is_slot(s[k]) || s[k] == '&') {
        hf_cx_problem(d, file, ln, "'%c' must stand alone in '%.*s' (only '_' may join it to a word)", s[k],
                      (int)(wl > 60 ? 60 : wl), s + i);
        bad = 1;
        break;
      }
    char *w = hf_arena_alloc(&d->arena, wl + 1);
    for (size_t k = 0; k < wl; k++) w[k] = (char)toupper((unsigned char)s[i + k]);
    push_tok(d, HF_CX_T_WORD, w);
    d->toks.v[d->toks.n - 1].exact = (uint8_t)exact;
    joinable = 1;
    i = j;
  }

  /* structure */
  int verbs = 0, sources = 0, targets = 0, depth_alt = 0, alt_items = 0;
  int stack[64], sp = 0;
  for (size_t k = start; k < d->toks.n; k++) {
    const hf_cx_tok *t = &d->toks.v[k];
    switch (t->kind) {
    case HF_CX_T_VERB:
      verbs++;
      break;
    case HF_CX_T_SOURCE:
      sources++;
      break;
    case HF_CX_T_TARGET:
      targets++;
      break;
    case HF_CX_T_SKIP: { /* TABARI: skips an actor while looking for $ or + (manual 5.7.3) */
      int ok = petr;
      for (size_t m = start; m < d->toks.n && !ok; m++)
        ok = d->toks.v[m].kind == HF_CX_T_SOURCE || d->toks.v[m].kind == HF_CX_T_TARGET;
      if (!ok) {
        hf_cx_problem(d, file, ln, "'^' skips an actor but the pattern has no '$' or '+' to find");
        bad = 1;
      }
      while (k + 1 < d->toks.n && d->toks.v[k + 1].kind == HF_CX_T_SKIP) k++;
      break;
    }
    case HF_CX_T_ALT_OPEN:
      if (depth_alt) {
        hf_cx_problem(d, file, ln, "'{' inside '{ }' alternatives");
        bad = 1;
      }
      depth_alt++;
      alt_items = 0;
      break;
    case HF_CX_T_ALT_BAR:
      if (!depth_alt) {
        hf_cx_problem(d, file, ln, "'|' outside '{ }' alternatives");
        bad = 1;
      } else if (!alt_items) {
        hf_cx_problem(d, file, ln, "empty alternative in '{ | }'");
        bad = 1;
      }
      alt_items = 0;
      break;
    case HF_CX_T_ALT_CLOSE:
      if (!depth_alt) {
        hf_cx_problem(d, file, ln, "'}' without '{'");
        bad = 1;
      } else {
        if (!alt_items) {
          hf_cx_problem(d, file, ln, "empty alternative in '{ | }'");
          bad = 1;
        }
        depth_alt--;
      }
      alt_items = 1;
      break;
    case HF_CX_T_NP_OPEN:
    case HF_CX_T_PP_OPEN:
      if (sp < 64) stack[sp] = t->kind;
      sp++;
      break;
    case HF_CX_T_NP_CLOSE:
    case HF_CX_T_PP_CLOSE: {
      int want = t->kind == HF_CX_T_NP_CLOSE ? HF_CX_T_NP_OPEN : HF_CX_T_PP_OPEN;
      if (!sp || (sp <= 64 && stack[sp - 1] != want)) {
        hf_cx_problem(d, file, ln, "'%c' without '%c'", want == HF_CX_T_NP_OPEN ? '}' : ')',
                      want == HF_CX_T_NP_OPEN ? '{' : '(');
        bad = 1;
      } else {
        sp--;
      }
      break;
    }
    default:
      break;
    }
    if (t->kind != HF_CX_T_ALT_OPEN && t->kind != HF_CX_T_ALT_BAR && t->kind != HF_CX_T_ALT_CLOSE) alt_items = 1;
    if (depth_alt && t->kind == HF_CX_T_VERB) {
      hf_cx_problem(d, file, ln, "'*' inside '{ }' alternatives");
      bad = 1;
    }
  }
  if (depth_alt) {
    hf_cx_problem(d, file, ln, "'{' without '}'");
    bad = 1;
  }
  if (sp) {
    hf_cx_problem(d, file, ln, "unbalanced brackets: %d '%c' not closed", sp,
                  sp <= 64 && stack[sp - 1] == HF_CX_T_NP_OPEN ? '{' : '(');
    bad = 1;
  }
  if (pattern) {
    if (!verbs) {
      hf_cx_problem(d, file, ln, "missing the verb marker '*'");
      bad = 1;
    } else if (verbs > 1) {
      hf_cx_problem(d, file, ln, "more than one verb marker '*'");
      bad = 1;
    }
    if (sources > 1 || targets > 1) {
      hf_cx_problem(d, file, ln, "more than one '%c'", sources > 1 ? '$' : '+');
      bad = 1;
    }
  } else {
    if (verbs) {
      hf_cx_problem(d, file, ln, "'*' in a synset member");
      bad = 1;
    }
    if (d->toks.n == start) {
      hf_cx_problem(d, file, ln, "empty synset member");
      bad = 1;
    }
  }
  if (bad) {
    d->toks.n = start;
    return -1;
  }
  *tok0 = start;
  *ntok = d->toks.n - start;
  return 0;
}

void hf_cx_declare_synsets(hf_cx_dict *d, const char *file, const char *data, size_t len) {
  (void)file;
  const char *p = data, *end = data + len;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *e = nl ? nl : end;
    if (*p == '&') {
      const char *q = p + 1;
      while (q < e && (isalnum((unsigned char)*q) || *q == '_' || *q == '-')) q++;
      size_t n = (size_t)(q - p - 1);
      while (n && p[n] == '_') n--;
      if (n) {
        const char *name = hf_cx_str(d, p + 1, n);
        if (!hf_map_get(&d->synset_names, name)) hf_map_put(&d->synset_names, name, (void *)1);
      }
    }
    p = nl ? nl + 1 : end;
  }
}

/* ---- Files ---- */

void hf_cx_read(hf_cx_dict *d, int kind, const char *file, const char *data, size_t len) {
  const char *f = hf_cx_str(d, file, strlen(file));
  HF_VEC_PUSH(d->files, f);
  file_order(d, f);
  if (kind == HF_CX_FILE_VERBS) hf_cx_declare_synsets(d, f, data, len);
  if (kind == HF_CX_FILE_ISSUES)
    hf_cx_read_issues(d, f, data, len);
  else if (d->format == HF_CX_TABARI)
    hf_tabari_read(d, kind, f, data, len);
  else
    hf_petrarch_read(d, kind, f, data, len);
}

int hf_cx_read_file(hf_cx_dict *d, int kind, const char *path) {
  struct stat st;
  if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
    hf_cx_problem(d, path, 0, "is a directory, not a dictionary file");
    d->unreadable++;
    return -1;
  }
  hooft_error e;
  size_t len;
  char *data = hf_read_file(path, &len, &e);
  if (!data) {
    hf_cx_problem(d, path, 0, "cannot open: %s", strerror(errno));
    d->unreadable++;
    return -1;
  }
  hf_cx_read(d, kind, path, data, len);
  free(data);
  return 0;
}

/* Depth-first search from synset s (state: 0 new, 1 on the path, 2 done); reports every synset
 * where a path of references returns to itself. */
static void synset_cycle(hf_cx_dict *d, size_t s, uint8_t *state) {
  state[s] = 1;
  const hf_cx_synset *ss = &d->synsets.v[s];
  for (size_t m = 0; m < ss->nseqs; m++) {
    const hf_cx_seq *q = &d->seqs.v[ss->seq0 + m];
    for (size_t k = 0; k < q->ntok; k++) {
      const hf_cx_tok *t = &d->toks.v[q->tok0 + k];
      if (t->kind != HF_CX_T_SYNSET) continue;
      uintptr_t idx = (uintptr_t)hf_map_get(&d->synset_names, t->text);
      if (idx < 2) continue;
      size_t n = idx - 2;
      if (state[n] == 1)
        hf_cx_problem(d, d->synsets.v[n].file, d->synsets.v[n].line, "synset '&%s' refers to itself", d->synsets.v[n].name);
      else if (state[n] == 0)
        synset_cycle(d, n, state);
    }
  }
  state[s] = 2;
}

void hf_cx_finish(hf_cx_dict *d) {
  for (size_t s = 0; s < d->synsets.n; s++)
    if (!d->synsets.v[s].nseqs)
      hf_cx_problem(d, d->synsets.v[s].file, d->synsets.v[s].line, "synset '&%s' has no members", d->synsets.v[s].name);
  if (d->blocks.n) { /* PETRARCH: a block's patterns apply to its verbs; a block needs one */
    uint8_t *has = hf_xcalloc(d->blocks.n, 1);
    for (size_t v = 0; v < d->verbs.n; v++) has[d->verbs.v[v].block] = 1;
    for (size_t b = 0; b < d->blocks.n; b++)
      if (!has[b]) hf_cx_problem(d, d->blocks.v[b].file, d->blocks.v[b].line, "verb block '%.60s' has no verbs", d->blocks.v[b].name);
    free(has);
  }
  if (!d->synsets.n) {
    render_problems(d);
    return;
  }
  uint8_t *state = hf_xcalloc(d->synsets.n, 1);
  for (size_t s = 0; s < d->synsets.n; s++)
    if (!state[s]) synset_cycle(d, s, state);
  free(state);
  render_problems(d);
}

/* ---- Actor and agent entries assembled over several lines ---- */

/* Adds a name to the open group, reporting a duplicate. */
static void group_name(hf_cx_dict *d, hf_cx_group *g, const char *file, int ln, const char *phrase) {
  const char *key = hf_cx_phrase_key(d, phrase);
  if (!*key) {
    hf_cx_problem(d, file, ln, "missing phrase");
    return;
  }
  const char *first = hf_cx_seen(d, g->agents ? HF_CX_SEEN_AGENT : HF_CX_SEEN_ACTOR, key, file, ln);
  if (first) hf_cx_problem(d, file, ln, "duplicate %s '%.60s' (first at %s)", g->agents ? "agent" : "actor", key, first);
  hf_cx_name nm = {hf_cx_str(d, phrase, strlen(phrase)), ln};
  HF_VEC_PUSH(d->names, nm);
  g->last_line = ln;
}

void hf_cx_group_open(hf_cx_dict *d, hf_cx_group *g, int agents, const char *file, int ln, const char *phrase) {
  g->next_root = ln;
  hf_cx_group_close(d, g);
  memset(g, 0, sizeof *g);
  g->open = 1;
  g->agents = agents;
  g->file = file;
  g->line = ln;
  g->name0 = d->names.n;
  g->code0 = d->codes.n;
  group_name(d, g, file, ln, phrase);
}

void hf_cx_group_synonym(hf_cx_dict *d, hf_cx_group *g, const char *file, int ln, const char *phrase) {
  if (!g->open) {
    hf_cx_problem(d, file, ln, "synonym '+%.60s' without an %s before it", phrase, g->agents ? "agent" : "actor");
    return;
  }
  group_name(d, g, file, ln, phrase);
}

/* Parses the one agent code of text: "[~GOV]" (added after the actor's code) or "[NGO~]"
 * (before it). */
static void agent_code(hf_cx_dict *d, hf_cx_group *g, const char *file, int ln, char *text) {
  char *p = text;
  for (;;) {
    while (*p == ' ' || *p == '\t') p++;
    if (!*p) return;
    if (*p != '[') {
      hf_cx_problem(d, file, ln, "unexpected text '%.40s' after the code", p);
      return;
    }
    char *close = strchr(p + 1, ']'), *open = strchr(p + 1, '[');
    if (!close || (open && open < close)) {
      hf_cx_problem(d, file, ln, "'[' without ']'");
      return;
    }
    *close = 0;
    char *inner = p + 1, *o = inner;
    p = close + 1;
    for (char *c = inner; *c; c++)
      if (*c != ' ' && *c != '\t') *o++ = *c;
    *o = 0;
    size_t n = strlen(inner);
    if (g->agent_code) {
      hf_cx_problem(d, file, ln, "an agent has one code ('%.40s' follows '~%s')", inner, g->agent_code);
      continue;
    }
    int pre = n && inner[n - 1] == '~', post = n && inner[0] == '~';
    if (!n) {
      hf_cx_problem(d, file, ln, "empty code block []");
      continue;
    }
    if (pre == post) {
      hf_cx_problem(d, file, ln, "agent code '%.40s' needs one '~': ~CODE (after the actor's) or CODE~ (before it)", inner);
      continue;
    }
    if (pre) inner[--n] = 0;
    const char *code = post ? inner + 1 : inner;
    const char *why = code_problem(code, 0);
    if (why || special_code(code)) {
      hf_cx_problem(d, file, ln, "bad agent code '%.40s' (%s)", code, why ? why : "special codes are for actors and verbs");
      continue;
    }
    g->agent_code = hf_cx_str(d, code, strlen(code));
    g->prefix = pre;
  }
}

void hf_cx_group_codes(hf_cx_dict *d, hf_cx_group *g, const char *file, int ln, char *text) {
  if (!g->open) {
    hf_cx_problem(d, file, ln, "code line without an %s before it", g->agents ? "agent" : "actor");
    return;
  }
  g->tried = 1;
  if (g->agents)
    agent_code(d, g, file, ln, text);
  else
    hf_cx_actor_codes(d, file, ln, text);
  g->last_line = ln;
}

void hf_cx_group_close(hf_cx_dict *d, hf_cx_group *g) {
  int next_root = g->next_root;
  g->next_root = 0;
  if (!g->open) return;
  g->open = 0;
  const char *hint = next_root && next_root == g->last_line + 1 ? " (a synonym of the next entry needs a leading '+')" : "";
  size_t nn = d->names.n - g->name0;
  if (!nn) {
    d->codes.n = g->code0;
    return;
  }
  const char *root = d->names.v[g->name0].text;
  if (g->agents) {
    if (!g->agent_code) {
      if (!g->tried) hf_cx_problem(d, g->file, g->line, "agent '%.60s' has no code%s", root, hint);
    } else {
      for (size_t i = 0; i < nn; i++) {
        hf_cx_agent a = {g->file, d->names.v[g->name0 + i].line, d->names.v[g->name0 + i].text, g->agent_code,
                         g->prefix, g->forms_given, g->form0, g->nforms};
        HF_VEC_PUSH(d->agents, a);
      }
    }
    d->names.n = g->name0;
    return;
  }
  size_t nc = d->codes.n - g->code0;
  if (!nc) { /* when its codes were malformed, that was the problem reported */
    if (!g->tried) hf_cx_problem(d, g->file, g->line, "actor '%.60s' has no code%s", root, hint);
    d->names.n = g->name0;
    return;
  }
  hf_cx_actor a = {g->file, g->line, g->name0, nn, g->code0, nc};
  HF_VEC_PUSH(d->actors, a);
  hf_cx_check_codes(d, &a);
}

void hf_cx_group_line(hf_cx_dict *d, hf_cx_group *g, const char *file, int ln, char *t, int agents, int tabari,
                      int indented, const char *synonym_hint) {
  if (*t == '+') {
    char *syn = hf_cx_trim(t + 1);
    char *open = strchr(syn, '[');
    if (open) {
      hf_cx_problem(d, file, ln, "a synonym takes no code: %s", synonym_hint);
      *open = 0;
      syn = hf_cx_trim(syn);
    }
    hf_cx_group_synonym(d, g, file, ln, syn);
    return;
  }
  if (*t == '[') {
    if (tabari && !indented) hf_cx_problem(d, file, ln, "a code line must begin with a blank or a tab");
    hf_cx_group_codes(d, g, file, ln, t);
    return;
  }
  char *open = strchr(t, '[');
  if (open) *open = 0;
  char *phrase = hf_cx_trim(t);
  if (strchr(phrase, ']')) {
    hf_cx_problem(d, file, ln, "']' without '['");
    hf_cx_group_close(d, g);
    return;
  }
  if (tabari && strlen(phrase) < 3 && *phrase)
    hf_cx_problem(d, file, ln, "phrase '%s' is shorter than 3 characters (TABARI manual 5.2.4)", phrase);
  hf_cx_group_open(d, g, agents, file, ln, phrase);
  if (open) {
    *open = '[';
    hf_cx_group_codes(d, g, file, ln, open);
  }
}
