/* compat_petrarch.c: reads PETRARCH-2 dictionaries (CAMEO.2.0 verbs, Phoenix actors, agents,
 * discards, issues, PETR_config.ini) into the neutral model, reporting every problem as
 * file:line: message. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "compat.h"

enum { CTX_NONE = 0, CTX_SYNSET, CTX_BLOCK };

/* A !SUBSTITUTION! set of an agents file. */
typedef struct subst {
  size_t n;
  const char **vals;
} subst;

typedef HF_VEC(char *) strvec;

typedef struct pctx {
  int kind;
  const char *file;
  int in_comment, comment_line; /* inside <!-- ... --> */
  hf_cx_group group;
  int ctx;                      /* verbs: CTX_* */
  long block, synset;
  hf_map substs;                /* agents: "!NAME!" -> subst* */
  const char *category;         /* issues: the open <ISSUE>, or NULL */
  int numeric, issue_line;
} pctx;

/* Removes PETRARCH comments: <!-- ... --> (possibly over several lines), lines that begin
 * with '<!', and everything from '#' (PETRARCH cuts lines at the first '#'). Returns the line
 * (leading blanks kept) or NULL when nothing is left of it. */
static char *strip(pctx *x, char *line, int ln) {
  if (x->in_comment) {
    char *end = strstr(line, "-->");
    if (!end) return NULL;
    x->in_comment = 0;
    line = end + 3;
  }
  char *t = line;
  while (*t == ' ' || *t == '\t') t++;
  if (t[0] == '<' && t[1] == '!') {
    if (!strncmp(t, "<!--", 4) && !strstr(t + 4, "-->")) {
      x->in_comment = 1;
      x->comment_line = ln;
    }
    return NULL;
  }
  char *w = line; /* removes <!-- ... --> in one pass */
  for (char *r = line; *r;) {
    if (r[0] == '<' && r[1] == '!' && r[2] == '-' && r[3] == '-') {
      char *e = strstr(r + 4, "-->");
      if (!e) {
        x->in_comment = 1;
        x->comment_line = ln;
        break;
      }
      r = e + 3;
      continue;
    }
    *w++ = *r++;
  }
  *w = 0;
  char *hash = strchr(line, '#');
  if (hash) *hash = 0;
  return line;
}

/* ---- Actors ---- */

/* PHRASE [CODE DATE]..., '+' synonyms, code lines ("\t[AFGGOV 780427-780430]"). */
static int actor_line(hf_cx_dict *d, void *vctx, char *line, int ln) {
  pctx *x = vctx;
  char *s = strip(x, line, ln);
  if (!s) return 1;
  char *t = hf_cx_trim(s);
  if (!*t) return 1;
  if (*t == '<') {
    hf_cx_problem(d, x->file, ln, "unexpected tag '%.40s' (PETRARCH comments are <!-- ... -->)", t);
    return 1;
  }
  hf_cx_group_line(d, &x->group, x->file, ln, t, 0, 0, 0,
                   "the codes follow the root or go on their own lines");
  return 1;
}

/* ---- Agents ---- */

/* Releases the substitution sets of an agents file. */
static void free_substs(pctx *x) {
  for (size_t i = 0; i < x->substs.cap; i++)
    if (x->substs.slots[i].key) {
      subst *s = x->substs.slots[i].value;
      free(s->vals);
      free(s);
    }
  hf_map_free(&x->substs);
}

/* !NAME! = A, B, C */
static void subst_line(hf_cx_dict *d, pctx *x, char *t, int ln) {
  char *eq = strchr(t, '=');
  *eq = 0;
  char *name = hf_cx_trim(t);
  size_t n = strlen(name);
  if (n < 3 || name[n - 1] != '!' || strchr(name + 1, '!') != name + n - 1) {
    hf_cx_problem(d, x->file, ln, "bad substitution name '%.40s' (want !NAME!)", name);
    return;
  }
  const char *first = hf_cx_seen(d, HF_CX_SEEN_SUBST, name, x->file, ln);
  if (first) {
    hf_cx_problem(d, x->file, ln, "duplicate substitution set %s (first at %s)", name, first);
    return;
  }
  subst *s = hf_xcalloc(1, sizeof *s);
  char *save = NULL;
  for (char *v = strtok_r(eq + 1, ",", &save); v; v = strtok_r(NULL, ",", &save)) {
    v = hf_cx_trim(v);
    if (!*v) {
      hf_cx_problem(d, x->file, ln, "empty value in substitution set %s", name);
      continue;
    }
    s->vals = hf_xrealloc(s->vals, (s->n + 1) * sizeof *s->vals);
    s->vals[s->n++] = hf_cx_str(d, v, strlen(v));
  }
  if (!s->n) {
    hf_cx_problem(d, x->file, ln, "substitution set %s has no values", name);
    free(s);
    return;
  }
  hf_map_put(&x->substs, hf_cx_str(d, name, n), s);
}

/* Expands every !NAME! of phrase; appends the expansions to out (at most 4096). Returns 0 or
 * -1 when a set is undefined or a '!' unbalanced (reported). */
static int expand(hf_cx_dict *d, pctx *x, int ln, const char *phrase, hf_buf *cur, strvec *out) {
  if (out->n >= 4096) return 0; /* enough: the caller reports it */
  const char *bang = strchr(phrase, '!');
  if (!bang) {
    if (out->n < 4096) {
      size_t keep = cur->len;
      hf_buf_puts(cur, phrase);
      HF_VEC_PUSH(*out, hf_xstrdup(hf_buf_cstr(cur)));
      cur->len = keep;
    }
    return 0;
  }
  const char *end = strchr(bang + 1, '!');
  if (!end) {
    hf_cx_problem(d, x->file, ln, "'!' without a closing '!' in '%.60s'", phrase);
    return -1;
  }
  const subst *s = hf_map_getn(&x->substs, bang, (size_t)(end - bang + 1));
  if (!s) {
    hf_cx_problem(d, x->file, ln, "undefined substitution set %.*s", (int)(end - bang + 1 > 40 ? 40 : end - bang + 1), bang);
    return -1;
  }
  size_t keep = cur->len;
  for (size_t i = 0; i < s->n; i++) {
    cur->len = keep;
    hf_buf_put(cur, phrase, (size_t)(bang - phrase));
    hf_buf_puts(cur, s->vals[i]);
    if (expand(d, x, ln, end + 1, cur, out) < 0) {
      cur->len = keep;
      return -1;
    }
  }
  cur->len = keep;
  return 0;
}

/* PHRASE {PLURALS} [~CODE], with !SUBSTITUTION! sets. */
static int agent_line(hf_cx_dict *d, void *vctx, char *line, int ln) {
  pctx *x = vctx;
  char *s = strip(x, line, ln);
  if (!s) return 1;
  char *t = hf_cx_trim(s);
  if (!*t) return 1;
  if (*t == '!' && strchr(t, '=')) {
    hf_cx_group_close(d, &x->group);
    subst_line(d, x, t, ln);
    return 1;
  }
  if (*t == '[') {
    hf_cx_group_codes(d, &x->group, x->file, ln, t);
    return 1;
  }
  int synonym = *t == '+';
  if (synonym) t = hf_cx_trim(t + 1);
  char *open = strchr(t, '[');
  if (open) *open = 0;
  char *brace = strchr(t, '{');
  char *forms = NULL;
  if (brace) {
    char *close = strchr(brace + 1, '}');
    if (!close || strchr(brace + 1, '{') || *hf_cx_trim(close + 1)) {
      hf_cx_problem(d, x->file, ln, close ? "text after the plural forms '{...}'" : "'{' without '}'");
      hf_cx_group_close(d, &x->group);
      return 1;
    }
    *close = 0;
    *brace = 0;
    forms = brace + 1;
  } else if (strchr(t, '}')) {
    hf_cx_problem(d, x->file, ln, "'}' without '{'");
    hf_cx_group_close(d, &x->group);
    return 1;
  }
  char *phrase = hf_cx_trim(t);
  if (strchr(phrase, ']')) {
    hf_cx_problem(d, x->file, ln, "']' without '['");
    hf_cx_group_close(d, &x->group);
    return 1;
  }
  hf_buf cur = {0};
  strvec exp = {0};
  int ok = expand(d, x, ln, phrase, &cur, &exp) == 0;
  hf_buf_free(&cur);
  if (ok && exp.n >= 4096) {
    hf_cx_problem(d, x->file, ln, "substitution sets expand '%.60s' to more than 4096 phrases", phrase);
    ok = 0;
  }
  if (ok && !*phrase) {
    hf_cx_problem(d, x->file, ln, "missing phrase");
    ok = 0;
  }
  if (ok) {
    for (size_t i = 0; i < exp.n; i++) {
      if (i == 0 && !synonym)
        hf_cx_group_open(d, &x->group, 1, x->file, ln, exp.v[i]);
      else
        hf_cx_group_synonym(d, &x->group, x->file, ln, exp.v[i]);
    }
    if (forms && !synonym) {
      x->group.forms_given = 1;
      x->group.form0 = d->words.n;
      char *save = NULL;
      for (char *w = strtok_r(forms, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
        const char *f = hf_cx_str(d, w, strlen(w));
        HF_VEC_PUSH(d->words, f);
        x->group.nforms++;
      }
    }
  } else {
    hf_cx_group_close(d, &x->group);
  }
  for (size_t i = 0; i < exp.n; i++) free(exp.v[i]);
  free(exp.v);
  if (ok && open) {
    *open = '[';
    hf_cx_group_codes(d, &x->group, x->file, ln, open);
  }
  return 1;
}

/* ---- Verbs ---- */

/* --- DESCRIPTION [code] --- : opens a verb synonym block. */
static void block_line(hf_cx_dict *d, pctx *x, char *t, int ln) {
  while (*t == '-') t++;
  size_t n = strlen(t);
  while (n && t[n - 1] == '-') t[--n] = 0;
  hf_cx_block b = {x->file, ln, HF_CX_BLK_VERB, NULL, {0}, 0};
  char *inner = NULL;
  int r = hf_cx_code_block(d, x->file, ln, t, &inner);
  if (r < 0 && strchr(t, '[')) *strchr(t, '[') = 0;
  char *name = hf_cx_trim(t);
  if (!*name) hf_cx_problem(d, x->file, ln, "verb block header without a description");
  if (r == 1 && hf_cx_evcode_parse(d, x->file, ln, inner, 0, &b.code) == 0) b.has_code = 1;
  if (r == 0) { /* no code: the block's verbs alone code nothing */
    b.code.code = HF_CX_NULL;
    b.has_code = 1;
  }
  b.name = hf_cx_str(d, name, strlen(name));
  HF_VEC_PUSH(d->blocks, b);
  x->block = (long)d->blocks.n - 1;
  x->ctx = CTX_BLOCK;
}

/* Checks the '+' that marks the verb of a multi-word verb: "+ASK_FOR", "KLM_NOP_+RST". */
static int verb_marker_ok(hf_cx_dict *d, pctx *x, int ln, const char *v) {
  const char *plus = strchr(v, '+');
  if (!plus) return 1;
  if (strchr(plus + 1, '+')) {
    hf_cx_problem(d, x->file, ln, "more than one '+' in verb '%.60s'", v);
    return 0;
  }
  if ((plus != v && plus[-1] != '_') || !isalnum((unsigned char)plus[1])) {
    hf_cx_problem(d, x->file, ln, "'+' must begin a word of the multi-word verb '%.60s'", v);
    return 0;
  }
  return 1;
}

/* VERB {FORMS} [code] inside a block. */
static void verb_word_line(hf_cx_dict *d, pctx *x, char *t, int ln) {
  if (x->ctx != CTX_BLOCK) {
    hf_cx_problem(d, x->file, ln, "verb '%.60s' outside a verb block (add a '--- NAME [code] ---' line)", t);
    return;
  }
  char *inner = NULL;
  int r = hf_cx_code_block(d, x->file, ln, t, &inner);
  if (r < 0) return;
  hf_cx_verb v = {x->file, ln, (size_t)x->block, NULL, {0}, 0, d->words.n, 0};
  if (r == 1) {
    if (hf_cx_evcode_parse(d, x->file, ln, inner, 0, &v.code) < 0) return;
    v.has_code = 1;
  }
  char *brace = strchr(t, '{');
  if (brace) {
    char *close = strchr(brace + 1, '}');
    if (!close || strchr(brace + 1, '{')) {
      hf_cx_problem(d, x->file, ln, "'{' without '}'");
      return;
    }
    if (*hf_cx_trim(close + 1)) {
      hf_cx_problem(d, x->file, ln, "unexpected text '%.40s' after the verb forms", hf_cx_trim(close + 1));
      return;
    }
    *close = 0;
    *brace = 0;
    char *save = NULL;
    for (char *w = strtok_r(brace + 1, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
      if (!isalnum((unsigned char)w[strlen(w) - 1]) && w[strlen(w) - 1] != '_') {
        hf_cx_problem(d, x->file, ln, "bad verb form '%.40s' (forms are separated by blanks only)", w);
        continue;
      }
      if (!verb_marker_ok(d, x, ln, w)) continue;
      const char *f = hf_cx_str(d, w, strlen(w));
      HF_VEC_PUSH(d->words, f);
      v.nforms++;
    }
  } else if (strchr(t, '}')) {
    hf_cx_problem(d, x->file, ln, "'}' without '{'");
    return;
  }
  char *verb = hf_cx_trim(t);
  if (!*verb) {
    hf_cx_problem(d, x->file, ln, "missing verb");
    return;
  }
  if (strpbrk(verb, "*$%^&()|")) {
    hf_cx_problem(d, x->file, ln, "'%.40s' is not a verb: patterns start with '- '", verb);
    return;
  }
  if (!verb_marker_ok(d, x, ln, verb)) return;
  char key[600];
  snprintf(key, sizeof key, "%s", hf_cx_phrase_key(d, verb));
  for (char *c = key; *c; c++)
    if (*c == '+') memmove(c, c + 1, strlen(c));
  const char *first = hf_cx_seen(d, HF_CX_SEEN_VERB, key, x->file, ln);
  if (first) hf_cx_problem(d, x->file, ln, "duplicate verb '%.60s' (first at %s)", verb, first);
  v.text = hf_cx_str(d, verb, strlen(verb));
  HF_VEC_PUSH(d->verbs, v);
}

/* &NAME opens a synset; its members follow as +MEMBER lines. */
static void synset_decl(hf_cx_dict *d, pctx *x, char *t, int ln) {
  char *name = hf_cx_trim(t + 1);
  size_t n = strlen(name);
  while (n && name[n - 1] == '_') name[--n] = 0;
  x->ctx = CTX_SYNSET;
  x->synset = -1;
  if (!n || strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") != n) {
    hf_cx_problem(d, x->file, ln, "bad synset name '&%.40s'", name);
    return;
  }
  const char *first = hf_cx_seen(d, HF_CX_SEEN_SYNSET, name, x->file, ln);
  if (first) {
    hf_cx_problem(d, x->file, ln, "duplicate synset '&%s' (first at %s)", name, first);
    return;
  }
  hf_cx_synset s = {x->file, ln, hf_cx_str(d, name, n), d->seqs.n, 0};
  HF_VEC_PUSH(d->synsets, s);
  x->synset = (long)d->synsets.n - 1;
  hf_map_put(&d->synset_names, s.name, (void *)(uintptr_t)(d->synsets.n + 1));
}

/* +MEMBER of the synset declared above. */
static void member_line(hf_cx_dict *d, pctx *x, char *t, int ln) {
  if (x->synset < 0) return; /* the synset line was reported */
  size_t tok0, ntok;
  if (hf_cx_tokenize(d, x->file, ln, t + 1, 0, &tok0, &ntok) < 0) return;
  hf_cx_seq q = {tok0, ntok, ln};
  HF_VEC_PUSH(d->seqs, q);
  d->synsets.v[x->synset].nseqs++;
}

/* - PATTERN [code] */
static void pattern_line(hf_cx_dict *d, pctx *x, char *t, int ln) {
  if (x->ctx != CTX_BLOCK) {
    hf_cx_problem(d, x->file, ln, "pattern outside a verb block");
    return;
  }
  char *inner = NULL;
  int r = hf_cx_code_block(d, x->file, ln, t + 1, &inner);
  if (r < 0) return;
  if (r == 0) {
    hf_cx_problem(d, x->file, ln, "pattern has no code");
    return;
  }
  hf_cx_pattern p = {x->file, ln, (size_t)x->block, NULL, 0, 0, {0}, 1};
  if (hf_cx_evcode_parse(d, x->file, ln, inner, 0, &p.code) < 0) return;
  char *text = hf_cx_trim(t + 1);
  if (hf_cx_tokenize(d, x->file, ln, text, 1, &p.tok0, &p.ntok) < 0) return;
  const char *first = hf_cx_seen(d, HF_CX_SEEN_PATTERN, hf_cx_pattern_key(d, x->block, text), x->file, ln);
  if (first) hf_cx_problem(d, x->file, ln, "duplicate pattern '%.60s' (first at %s)", text, first);
  p.text = hf_cx_str(d, text, strlen(text));
  HF_VEC_PUSH(d->patterns, p);
}

/* ~ a (a b ATTACK) SAY = a b 015 */
static void transform_line(hf_cx_dict *d, pctx *x, char *t, int ln) {
  const char *eq = strchr(t, '=');
  int depth = 0, bad = 0;
  for (const char *c = t; *c && !bad; c++) {
    if (*c == '(') depth++;
    if (*c == ')' && --depth < 0) bad = 1;
  }
  if (!eq || strchr(eq + 1, '='))
    hf_cx_problem(d, x->file, ln, "a transformation has one '=' between its pattern and its result");
  else if (bad || depth)
    hf_cx_problem(d, x->file, ln, "unbalanced parentheses in the transformation");
  else if (!*hf_cx_trim((char *)eq + 1))
    hf_cx_problem(d, x->file, ln, "transformation without a result after '='");
  else {
    hf_cx_entry e = {x->file, ln, HF_CX_E_TRANSFORM, hf_cx_str(d, t, strlen(t)), NULL, NULL};
    HF_VEC_PUSH(d->entries, e);
  }
}

/* One line of a verbs file: block header, pattern, synset, member, verb or transformation. */
static int verb_line(hf_cx_dict *d, void *vctx, char *line, int ln) {
  pctx *x = vctx;
  char *s = strip(x, line, ln);
  if (!s) return 1;
  char *t = hf_cx_trim(s);
  if (!*t) return 1;
  if (!strncmp(t, "---", 3))
    block_line(d, x, t, ln);
  else if (*t == '-')
    pattern_line(d, x, t, ln);
  else if (*t == '&')
    synset_decl(d, x, t, ln);
  else if (*t == '+' && x->ctx == CTX_SYNSET)
    member_line(d, x, t, ln);
  else if (*t == '~')
    transform_line(d, x, t, ln);
  else if (*t == '<')
    hf_cx_problem(d, x->file, ln, "unexpected tag '%.40s' (PETRARCH comments are <!-- ... -->)", t);
  else
    verb_word_line(d, x, t, ln);
  return 1;
}

/* ---- Discards ---- */

/* PHRASE (sentence level) or +PHRASE (story level). */
static int discard_line(hf_cx_dict *d, void *vctx, char *line, int ln) {
  pctx *x = vctx;
  char *s = strip(x, line, ln);
  if (!s) return 1;
  char *t = hf_cx_trim(s);
  if (!*t) return 1;
  int story = *t == '+';
  if (story) t = hf_cx_trim(t + 1);
  if (!*t) {
    hf_cx_problem(d, x->file, ln, "missing phrase");
    return 1;
  }
  if (strpbrk(t, "[]")) {
    hf_cx_problem(d, x->file, ln, "discards take no code");
    return 1;
  }
  char key[600];
  snprintf(key, sizeof key, "discard %s", hf_cx_phrase_key(d, t));
  const char *first = hf_cx_seen(d, HF_CX_SEEN_ENTRY, key, x->file, ln);
  if (first) hf_cx_problem(d, x->file, ln, "duplicate discard '%.60s' (first at %s)", t, first);
  hf_cx_entry e = {x->file, ln, story ? HF_CX_E_DISCARD_STORY : HF_CX_E_DISCARD, hf_cx_str(d, t, strlen(t)), NULL, NULL};
  HF_VEC_PUSH(d->entries, e);
  return 1;
}

/* ---- Issues (both families: TABARI manual 9.2) ---- */

/* Value of attribute name="..." in an <ISSUE ...> tag, copied into the arena, or NULL. */
static const char *attribute(hf_cx_dict *d, const char *tag, const char *name) {
  const char *p = strstr(tag, name);
  if (!p) return NULL;
  p += strlen(name);
  while (*p == ' ') p++;
  if (*p != '=') return NULL;
  p++;
  while (*p == ' ') p++;
  if (*p != '"') return NULL;
  const char *e = strchr(p + 1, '"');
  return e ? hf_cx_str(d, p + 1, (size_t)(e - p - 1)) : NULL;
}

/* <ISSUE CATEGORY="..." TYPE="...">, phrase [CODE], ~phrase, </ISSUE>. */
static int issue_line(hf_cx_dict *d, void *vctx, char *line, int ln) {
  pctx *x = vctx;
  char *t;
  if (d->format == HF_CX_PETRARCH) {
    char *s = strip(x, line, ln);
    if (!s) return 1;
    t = hf_cx_trim(s);
  } else {
    t = hf_cx_trim(line);
    if (*t == '#' || *t == '/') return 1;
    char *semi = strchr(t, ';');
    if (semi) *semi = 0;
    t = hf_cx_trim(t);
  }
  if (!*t) return 1;
  if (!strncmp(t, "<ISSUE", 6) && (t[6] == ' ' || t[6] == '>')) {
    if (x->category) hf_cx_problem(d, x->file, ln, "<ISSUE> inside <ISSUE> (line %d)", x->issue_line);
    if (!strchr(t, '>')) hf_cx_problem(d, x->file, ln, "'<' without '>'");
    const char *cat = attribute(d, t, "CATEGORY");
    const char *type = attribute(d, t, "TYPE");
    if (!cat) hf_cx_problem(d, x->file, ln, "<ISSUE> without CATEGORY=\"...\"");
    x->category = cat ? cat : "";
    x->numeric = type && strstr(type, "NUMERIC");
    x->issue_line = ln;
    return 1;
  }
  if (!strncmp(t, "</ISSUE>", 8)) {
    if (!x->category) hf_cx_problem(d, x->file, ln, "</ISSUE> without <ISSUE>");
    x->category = NULL;
    return 1;
  }
  if (*t == '<') {
    hf_cx_problem(d, x->file, ln, "unknown tag '%.40s'", t);
    return 1;
  }
  if (!x->category) {
    hf_cx_problem(d, x->file, ln, "issue phrase outside <ISSUE> ... </ISSUE>");
    return 1;
  }
  int negative = *t == '~';
  if (negative) t = hf_cx_trim(t + 1);
  char *inner = NULL;
  int r = hf_cx_code_block(d, x->file, ln, t, &inner);
  if (r < 0) return 1;
  char *phrase = hf_cx_trim(t);
  if (!*phrase) {
    hf_cx_problem(d, x->file, ln, "missing phrase");
    return 1;
  }
  const char *code = NULL;
  if (r == 1) {
    inner = hf_cx_trim(inner);
    if (negative) hf_cx_problem(d, x->file, ln, "a '~' (not an issue) phrase takes no code");
    if (!*inner || strspn(inner, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") != strlen(inner)) {
      hf_cx_problem(d, x->file, ln, "bad issue code '%.40s'", inner);
      return 1;
    }
    code = hf_cx_str(d, inner, strlen(inner));
  } else if (!negative && !x->numeric) {
    hf_cx_problem(d, x->file, ln, "issue phrase '%.60s' has no code", phrase);
    return 1;
  }
  char key[700];
  snprintf(key, sizeof key, "issue %s %s", x->category, hf_cx_phrase_key(d, phrase));
  const char *first = hf_cx_seen(d, HF_CX_SEEN_ENTRY, key, x->file, ln);
  if (first) hf_cx_problem(d, x->file, ln, "duplicate issue phrase '%.60s' (first at %s)", phrase, first);
  hf_cx_entry e = {x->file, ln, negative ? HF_CX_E_ISSUE_NOT : HF_CX_E_ISSUE, hf_cx_str(d, phrase, strlen(phrase)), code,
                   x->category};
  HF_VEC_PUSH(d->entries, e);
  return 1;
}

void hf_cx_read_issues(hf_cx_dict *d, const char *file, const char *data, size_t len) {
  pctx x;
  memset(&x, 0, sizeof x);
  x.file = file;
  hf_cx_lines(d, file, data, len, issue_line, &x);
  if (x.category) hf_cx_problem(d, file, x.issue_line, "<ISSUE> is not closed (missing </ISSUE>)");
  if (x.in_comment) hf_cx_problem(d, file, x.comment_line, "'<!--' is not closed (missing '-->')");
}

/* ---- Configuration ---- */

/* The [Dictionaries] section of PETR_config.ini. */
typedef struct config {
  const char *base, *alt; /* directories where the files are looked up */
  int section;            /* inside [Dictionaries] */
} config;

/* Reads one named dictionary file, looked up in the config's directories; problems about
 * a missing file are reported at the config line. */
static void load_named(hf_cx_dict *d, const config *cf, const char *cfgfile, int ln, int kind, const char *name) {
  if (!d->load_files) return;
  char path[2048];
  struct stat st;
  snprintf(path, sizeof path, "%s/%s", cf->base, name);
  if (name[0] == '/') snprintf(path, sizeof path, "%s", name);
  if (stat(path, &st) != 0 && cf->alt && name[0] != '/') {
    char alt[2048];
    snprintf(alt, sizeof alt, "%s/%s", cf->alt, name);
    if (stat(alt, &st) == 0) snprintf(path, sizeof path, "%s", alt);
  }
  if (stat(path, &st) != 0 || S_ISDIR(st.st_mode)) {
    hf_cx_problem(d, cfgfile, ln, "cannot read '%.200s'", path);
    return;
  }
  hf_cx_read_file(d, kind, path);
}

typedef struct cfctx {
  pctx p;
  config cf;
  int have_verbs, have_actors;
} cfctx;

/* key = value lines of [Dictionaries]; every file named is read at once. */
static int config_line(hf_cx_dict *d, void *vctx, char *line, int ln) {
  cfctx *x = vctx;
  char *t = hf_cx_trim(line);
  if (!*t || *t == '#' || *t == ';') return 1;
  if (*t == '[') {
    x->cf.section = !strncmp(t, "[Dictionaries]", 14);
    return 1;
  }
  if (!x->cf.section) return 1;
  char *eq = strchr(t, '=');
  if (!eq) {
    hf_cx_problem(d, x->p.file, ln, "expected key = value");
    return 1;
  }
  *eq = 0;
  char *key = hf_cx_trim(t), *value = hf_cx_trim(eq + 1);
  static const struct {
    const char *key;
    int kind;
  } keys[] = {{"verbfile_name", HF_CX_FILE_VERBS},     {"actorfile_list", HF_CX_FILE_ACTORS},
              {"agentfile_name", HF_CX_FILE_AGENTS},   {"discardfile_name", HF_CX_FILE_DISCARDS},
              {"issuefile_name", HF_CX_FILE_ISSUES}};
  int kind = 0;
  for (size_t i = 0; i < sizeof keys / sizeof *keys && !kind; i++)
    if (!strcmp(key, keys[i].key)) kind = keys[i].kind;
  if (!kind) {
    hf_cx_problem(d, x->p.file, ln, "unknown key '%.40s' in [Dictionaries]", key);
    return 1;
  }
  if (kind == HF_CX_FILE_VERBS) x->have_verbs = 1;
  if (kind == HF_CX_FILE_ACTORS) x->have_actors = 1;
  char *save = NULL;
  for (char *f = strtok_r(value, ",", &save); f; f = strtok_r(NULL, ",", &save)) {
    f = hf_cx_trim(f);
    if (*f) load_named(d, &x->cf, x->p.file, ln, kind, f);
  }
  return 1;
}

void hf_petrarch_read(hf_cx_dict *d, int kind, const char *file, const char *data, size_t len) {
  pctx x;
  memset(&x, 0, sizeof x);
  x.kind = kind;
  x.file = file;
  x.block = x.synset = -1;
  if (kind == HF_CX_FILE_CONFIG) {
    cfctx c;
    memset(&c, 0, sizeof c);
    c.p.file = file;
    char *dir = hf_xstrdup(file);
    char *slash = strrchr(dir, '/');
    if (slash)
      *slash = 0;
    else
      strcpy(dir, ".");
    char *alt = hf_xmalloc(strlen(dir) + 20);
    sprintf(alt, "%s/../dictionaries", dir);
    c.cf.base = d->base_dir ? d->base_dir : dir;
    c.cf.alt = d->base_dir ? NULL : alt;
    hf_cx_lines(d, file, data, len, config_line, &c);
    if (!c.have_verbs) hf_cx_problem(d, file, 0, "no verbfile_name in [Dictionaries]");
    if (!c.have_actors) hf_cx_problem(d, file, 0, "no actorfile_list in [Dictionaries]");
    free(dir);
    free(alt);
    return;
  }
  hf_cx_line_fn fn = kind == HF_CX_FILE_ACTORS     ? actor_line
                     : kind == HF_CX_FILE_AGENTS   ? agent_line
                     : kind == HF_CX_FILE_VERBS    ? verb_line
                     : kind == HF_CX_FILE_DISCARDS ? discard_line
                                                   : NULL;
  if (!fn) {
    hf_cx_problem(d, file, 0, "not a PETRARCH dictionary file");
    return;
  }
  hf_cx_lines(d, file, data, len, fn, &x);
  hf_cx_group_close(d, &x.group);
  if (x.in_comment) hf_cx_problem(d, file, x.comment_line, "'<!--' is not closed (missing '-->')");
  free_substs(&x);
}

int hf_petrarch_load(hf_cx_dict *d, const char *path, const char *config) {
  struct stat st;
  if (stat(path, &st) != 0) {
    hf_cx_problem(d, path, 0, "cannot open: no such file or directory");
    hf_cx_finish(d);
    return -1;
  }
  if (config) {
    if (!S_ISDIR(st.st_mode)) {
      hf_cx_problem(d, path, 0, "is not a directory (with a config, name the dictionary directory)");
      hf_cx_finish(d);
      return -1;
    }
    d->base_dir = path;
    int r = hf_cx_read_file(d, HF_CX_FILE_CONFIG, config);
    d->base_dir = NULL;
    hf_cx_finish(d);
    return r;
  }
  if (!S_ISDIR(st.st_mode)) {
    int r = hf_cx_read_file(d, HF_CX_FILE_CONFIG, path);
    hf_cx_finish(d);
    return r;
  }
  char ini[2048];
  snprintf(ini, sizeof ini, "%s/PETR_config.ini", path);
  if (stat(ini, &st) == 0) {
    int r = hf_cx_read_file(d, HF_CX_FILE_CONFIG, ini);
    hf_cx_finish(d);
    return r;
  }
  /* the release configuration of PETRARCH-2 (data/config/PETR_config.ini) */
  static const struct {
    const char *name;
    int kind;
  } files[] = {{"CAMEO.2.0.txt", HF_CX_FILE_VERBS},
               {"Phoenix.Countries.actors.txt", HF_CX_FILE_ACTORS},
               {"Phoenix.International.actors.txt", HF_CX_FILE_ACTORS},
               {"Phoenix.MilNonState.actors.txt", HF_CX_FILE_ACTORS},
               {"Phoenix.agents.txt", HF_CX_FILE_AGENTS},
               {"Phoenix.discards.txt", HF_CX_FILE_DISCARDS},
               {"Phoenix.IssueCoding.txt", HF_CX_FILE_ISSUES}};
  for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
    char p[2048];
    snprintf(p, sizeof p, "%s/%s", path, files[i].name);
    hf_cx_read_file(d, files[i].kind, p);
  }
  hf_cx_finish(d);
  return 0;
}
