/* compat_tabari.c: reads TABARI 0.8 dictionaries (.project, .actors, .agents, .verbs, .options)
 * into the neutral model, reporting every problem as file:line: message (TABARI manual ch. 4-8). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"

enum { SEC_NONE = 0, SEC_NOUN, SEC_ADJECTIVE, SEC_SYNSETS, SEC_TIME, SEC_ATTRIB };
enum { LAST_OTHER = 0, LAST_ROOT, LAST_FORMS };

typedef struct tctx {
  int kind;            /* HF_CX_FILE_* */
  const char *file;
  int section, sec_line;
  hf_cx_group group;   /* actors and agents */
  long block;          /* verbs: the current root, or -1 */
  long verb;           /* verbs: its verb record */
  long synset;         /* verbs: the synset being read, or -1 */
  int last;            /* verbs: what the previous data line was */
  int actors, verbs, options; /* project: files named */
} tctx;

static const char *const section_names[] = {"", "NOUN", "ADJECTIVE", "SYNSETS", "TIME", "ATTRIB"};

/* Strips a TABARI comment: a line beginning with '#' or '/' is one, else ';' starts one.
 * Returns the trimmed text (possibly empty) or NULL for a comment line. */
static char *strip_comment(char *line) {
  char *t = hf_cx_trim(line);
  if (*t == '#' || *t == '/') return NULL;
  char *semi = strchr(t, ';');
  if (semi) *semi = 0;
  return hf_cx_trim(t);
}

/* Section tags: <NOUN> </NOUN> <ADJECTIVE> </ADJECTIVE> (actors), <SYNSETS> <TIME> <ATTRIB> (verbs).
 * Returns 1 if t was a tag (handled or reported). */
static int section_tag(hf_cx_dict *d, tctx *x, const char *t, int ln) {
  if (*t != '<') return 0;
  const char *gt = strchr(t, '>');
  if (!gt) {
    hf_cx_problem(d, x->file, ln, "'<' without '>'");
    return 1;
  }
  int closing = t[1] == '/';
  const char *name = t + 1 + closing;
  size_t n = (size_t)(gt - name);
  int sec = 0;
  if (x->kind == HF_CX_FILE_ACTORS) {
    if (n == 4 && !strncmp(name, "NOUN", 4)) sec = SEC_NOUN;
    if ((n == 9 && !strncmp(name, "ADJECTIVE", 9)) || (n == 3 && !strncmp(name, "ADJ", 3))) sec = SEC_ADJECTIVE;
  } else if (x->kind == HF_CX_FILE_VERBS) {
    if ((n == 7 && !strncmp(name, "SYNSETS", 7)) || (n == 6 && !strncmp(name, "SYNSET", 6))) sec = SEC_SYNSETS;
    if (n == 4 && !strncmp(name, "TIME", 4)) sec = SEC_TIME;
    if ((n == 6 && !strncmp(name, "ATTRIB", 6)) || (n == 11 && !strncmp(name, "ATTRIBUTION", 11))) sec = SEC_ATTRIB;
  }
  hf_cx_group_close(d, &x->group); /* a tag line ends the entry before it */
  if (!sec) {
    hf_cx_problem(d, x->file, ln, "unknown section <%s%.*s>", closing ? "/" : "", (int)(n > 40 ? 40 : n), name);
    x->block = x->verb = x->synset = -1;
    x->last = LAST_OTHER;
    return 1;
  }
  if (*hf_cx_trim((char *)gt + 1))
    hf_cx_problem(d, x->file, ln, "unexpected text after <%s%s>", closing ? "/" : "", section_names[sec]);
  hf_cx_group_close(d, &x->group);
  if (closing) {
    if (x->section != sec)
      hf_cx_problem(d, x->file, ln, "</%s> without <%s>", section_names[sec], section_names[sec]);
    else
      x->section = SEC_NONE;
  } else {
    if (x->section)
      hf_cx_problem(d, x->file, ln, "<%s> inside <%s> (line %d)", section_names[sec], section_names[x->section],
                    x->sec_line);
    x->section = sec;
    x->sec_line = ln;
  }
  x->block = x->verb = x->synset = -1;
  x->last = LAST_OTHER;
  return 1;
}

static void add_entry(hf_cx_dict *d, const char *file, int ln, int kind, const char *text, const char *code,
                      const char *group) {
  hf_cx_entry e = {file, ln, kind, text ? hf_cx_str(d, text, strlen(text)) : NULL,
                   code ? hf_cx_str(d, code, strlen(code)) : NULL, group};
  HF_VEC_PUSH(d->entries, e);
}

/* <NOUN> and <ADJECTIVE> words: no codes, no duplicates. */
static void noun_line(hf_cx_dict *d, tctx *x, const char *t, int ln) {
  if (strchr(t, '[') || strchr(t, ']')) {
    hf_cx_problem(d, x->file, ln, "nouns and adjectives take no code");
    return;
  }
  char key[600];
  snprintf(key, sizeof key, "%d %s", x->section, hf_cx_phrase_key(d, t));
  const char *first = hf_cx_seen(d, HF_CX_SEEN_ENTRY, key, x->file, ln);
  if (first) hf_cx_problem(d, x->file, ln, "duplicate %s '%.60s' (first at %s)", x->section == SEC_NOUN ? "noun" : "adjective", t, first);
  add_entry(d, x->file, ln, x->section == SEC_NOUN ? HF_CX_E_NOUN : HF_CX_E_ADJECTIVE, t, NULL, NULL);
}

/* Problems common to every dictionary line: TABARI reads at most 255 characters. */
static void check_length(hf_cx_dict *d, tctx *x, const char *line, int ln) {
  if (strlen(line) > 255) hf_cx_problem(d, x->file, ln, "line longer than 255 characters (TABARI's limit)");
}

/* .actors and .agents: PHRASE [CODE...] ; comment, '+' synonyms, indented code lines. */
static int actor_line(hf_cx_dict *d, void *vctx, char *line, int ln) {
  tctx *x = vctx;
  if (!strncmp(line, "~~", 2)) return 0; /* ~~FINISH: the rest is not read */
  check_length(d, x, line, ln);
  int indented = line[0] == ' ' || line[0] == '\t';
  char *t = strip_comment(line);
  if (!t || !*t) return 1;
  if (section_tag(d, x, t, ln)) return 1;
  if (x->section) {
    noun_line(d, x, t, ln);
    return 1;
  }
  hf_cx_group_line(d, &x->group, x->file, ln, t, x->kind == HF_CX_FILE_AGENTS, 1, indented,
                   "the codes follow the synonyms on indented lines");
  return 1;
}

/* A synset line inside <SYNSETS>: &NAME, then +member lines. */
static void synset_line(hf_cx_dict *d, tctx *x, char *t, int ln) {
  if (*t == '&') {
    char *name = hf_cx_trim(t + 1);
    size_t n = strlen(name);
    while (n && name[n - 1] == '_') name[--n] = 0;
    size_t ok = strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
    if (!n || ok != n) {
      hf_cx_problem(d, x->file, ln, "bad synset name '&%.40s'", name);
      x->synset = -1;
      return;
    }
    const char *first = hf_cx_seen(d, HF_CX_SEEN_SYNSET, name, x->file, ln);
    if (first) {
      hf_cx_problem(d, x->file, ln, "duplicate synset '&%s' (first at %s)", name, first);
      x->synset = -1;
      return;
    }
    hf_cx_synset s = {x->file, ln, hf_cx_str(d, name, n), d->seqs.n, 0};
    HF_VEC_PUSH(d->synsets, s);
    x->synset = (long)d->synsets.n - 1;
    hf_map_put(&d->synset_names, s.name, (void *)(uintptr_t)(d->synsets.n + 1));
    return;
  }
  if (*t == '+') {
    if (x->synset < 0) {
      hf_cx_problem(d, x->file, ln, "synset member '%.40s' without a synset before it", t);
      return;
    }
    size_t tok0, ntok;
    if (hf_cx_tokenize(d, x->file, ln, t + 1, 0, &tok0, &ntok) < 0) return;
    for (size_t k = tok0; k < tok0 + ntok; k++) {
      const hf_cx_tok *tk = &d->toks.v[k];
      if (tk->kind == HF_CX_T_ALT_OPEN) {
        hf_cx_problem(d, x->file, ln, "a synset cannot contain '{ | }' alternatives (TABARI manual 5.6)");
        d->toks.n = tok0;
        return;
      }
      if (tk->kind == HF_CX_T_SYNSET && (uintptr_t)hf_map_get(&d->synset_names, tk->text) == 1) {
        hf_cx_problem(d, x->file, ln, "synset '&%s' is used before it is declared", tk->text);
        d->toks.n = tok0;
        return;
      }
    }
    hf_cx_seq q = {tok0, ntok, ln};
    HF_VEC_PUSH(d->seqs, q);
    d->synsets.v[x->synset].nseqs++;
    return;
  }
  hf_cx_problem(d, x->file, ln, "expected '&NAME' or '+member' inside <SYNSETS>");
}

/* Checks that every synset a pattern uses was declared above it (TABARI reads in one pass). */
static int synsets_declared(hf_cx_dict *d, tctx *x, int ln, size_t tok0, size_t ntok) {
  for (size_t k = tok0; k < tok0 + ntok; k++) {
    const hf_cx_tok *tk = &d->toks.v[k];
    if (tk->kind == HF_CX_T_SYNSET && (uintptr_t)hf_map_get(&d->synset_names, tk->text) == 1) {
      hf_cx_problem(d, x->file, ln, "synset '&%s' is used before it is declared", tk->text);
      return 0;
    }
  }
  return 1;
}

/* A verb root (or <TIME>/<ATTRIB> root): PHRASE [code]. */
static void root_line(hf_cx_dict *d, tctx *x, char *t, int ln) {
  x->last = LAST_OTHER;
  x->block = x->verb = -1;
  int kind = x->section == SEC_TIME ? HF_CX_BLK_TIME : x->section == SEC_ATTRIB ? HF_CX_BLK_ATTRIB : HF_CX_BLK_VERB;
  char *inner = NULL;
  int r = hf_cx_code_block(d, x->file, ln, t, &inner);
  char *phrase = hf_cx_trim(t);
  hf_cx_block b = {x->file, ln, kind, NULL, {0}, 0};
  if (!*phrase) {
    hf_cx_problem(d, x->file, ln, "missing verb");
    x->block = -1;
    return;
  }
  if (strpbrk(phrase, "*$%^{}|")) {
    hf_cx_problem(d, x->file, ln, "'%.40s' is not a verb: patterns start with '- '", phrase);
    x->block = -1;
    return;
  }
  if (r == 1) {
    if (hf_cx_evcode_parse(d, x->file, ln, inner, kind == HF_CX_BLK_TIME, &b.code) == 0) b.has_code = 1;
  } else if (r == 0 && kind != HF_CX_BLK_ATTRIB) {
    hf_cx_problem(d, x->file, ln, "verb '%.60s' has no code", phrase);
  }
  char key[600];
  snprintf(key, sizeof key, "%d %s", kind, hf_cx_phrase_key(d, phrase));
  const char *first = hf_cx_seen(d, HF_CX_SEEN_VERB, key, x->file, ln);
  if (first) hf_cx_problem(d, x->file, ln, "duplicate verb '%.60s' (first at %s)", phrase, first);
  b.name = hf_cx_str(d, phrase, strlen(phrase));
  HF_VEC_PUSH(d->blocks, b);
  x->block = (long)d->blocks.n - 1;
  hf_cx_verb v = {x->file, ln, (size_t)x->block, b.name, {0}, 0, d->words.n, 0};
  HF_VEC_PUSH(d->verbs, v);
  x->verb = (long)d->verbs.n - 1;
  x->last = LAST_ROOT;
}

/* {BROKE_ BROKEN_}: irregular forms of the verb on the line above. */
static void forms_line(hf_cx_dict *d, tctx *x, char *t, int ln) {
  if ((x->last != LAST_ROOT && x->last != LAST_FORMS) || x->verb < 0) {
    hf_cx_problem(d, x->file, ln, "verb forms '{...}' must directly follow their verb");
    return;
  }
  size_t n = strlen(t);
  if (t[n - 1] != '}') {
    hf_cx_problem(d, x->file, ln, "'{' without '}'");
    return;
  }
  t[n - 1] = 0;
  char *body = t + 1;
  if (strpbrk(body, "{}[]")) {
    hf_cx_problem(d, x->file, ln, "verb forms are words inside one '{ }' (no codes, no nesting)");
    return;
  }
  char *save = NULL;
  for (char *w = strtok_r(body, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
    const char *f = hf_cx_str(d, w, strlen(w));
    HF_VEC_PUSH(d->words, f);
    d->verbs.v[x->verb].nforms++;
  }
  x->last = LAST_FORMS;
}

/* - PATTERN [code] */
static void pattern_line(hf_cx_dict *d, tctx *x, char *t, int ln) {
  x->last = LAST_OTHER;
  if (x->block < 0) {
    hf_cx_problem(d, x->file, ln, "pattern before any verb");
    return;
  }
  const hf_cx_block *b = &d->blocks.v[x->block];
  char *inner = NULL;
  int r = hf_cx_code_block(d, x->file, ln, t + 1, &inner);
  if (r < 0) return;
  hf_cx_pattern p = {x->file, ln, (size_t)x->block, NULL, 0, 0, {0}, 0};
  if (r == 1) {
    if (hf_cx_evcode_parse(d, x->file, ln, inner, b->kind == HF_CX_BLK_TIME, &p.code) < 0) return;
    p.has_code = 1;
  } else if (b->kind != HF_CX_BLK_ATTRIB) {
    hf_cx_problem(d, x->file, ln, "pattern has no code");
    return;
  }
  char *text = hf_cx_trim(t + 1);
  if (hf_cx_tokenize(d, x->file, ln, text, 1, &p.tok0, &p.ntok) < 0) return;
  if (!synsets_declared(d, x, ln, p.tok0, p.ntok)) {
    d->toks.n = p.tok0;
    return;
  }
  const char *first = hf_cx_seen(d, HF_CX_SEEN_PATTERN, hf_cx_pattern_key(d, x->block, text), x->file, ln);
  if (first) hf_cx_problem(d, x->file, ln, "duplicate pattern '%.60s' (first at %s)", text, first);
  p.text = hf_cx_str(d, text, strlen(text));
  HF_VEC_PUSH(d->patterns, p);
}

/* .verbs: <SYNSETS>, <TIME>, <ATTRIB> sections, roots, {forms}, patterns. */
static int verb_line(hf_cx_dict *d, void *vctx, char *line, int ln) {
  tctx *x = vctx;
  if (!strncmp(line, "~~", 2)) return 0;
  check_length(d, x, line, ln);
  char *t = strip_comment(line);
  if (!t || !*t) return 1;
  if (section_tag(d, x, t, ln)) return 1;
  if (x->section == SEC_SYNSETS) {
    synset_line(d, x, t, ln);
    return 1;
  }
  if (*t == '-')
    pattern_line(d, x, t, ln);
  else if (*t == '{')
    forms_line(d, x, t, ln);
  else if (*t == '&' || *t == '+') {
    hf_cx_problem(d, x->file, ln, "synset line outside <SYNSETS>");
    x->last = LAST_OTHER;
  } else
    root_line(d, x, t, ln);
  return 1;
}

/* .options commands: the program looks at the first four characters (manual 8.1.1). */
static const char *const option_commands[] = {"SET", "LABEL", "FORWARD", "DEFAULT", "COMMA",
                                              "COMPLEX", "NONEVENTS", "OUTPUT", NULL};
static const char *const complex_words[] = {"VERBS[", "ACTORS[", "PRONOUNS[", "CONJ[", "COMMA[", "LATEVERB[",
                                            "NOACTPRIOR", "NOACTAFTER", "NOVERB", "NOSOURCE", "NOTARGET",
                                            "NOEVENT", "EXPLAIN", "NOSAVE", NULL};
static const char *const output_words[] = {"ACT", "AGE", "PAR", "SHI", "MAT", "LOC", "PAT",
                                           "ID",  "TEX", "STO", "SEN", "DOC", NULL};

/* Checks the conditions of a COMPLEX: command (manual 8.7); args is modified. */
static void check_complex(hf_cx_dict *d, tctx *x, char *args, int ln) {
  char *save = NULL;
  for (char *w = strtok_r(args, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
    int ok = 0;
    for (int i = 0; complex_words[i] && !ok; i++) {
      size_t n = strlen(complex_words[i]);
      if (complex_words[i][n - 1] == '[') {
        if (strncmp(w, complex_words[i], n)) continue;
        const char *num = w + n;
        size_t digits = strspn(num, "0123456789");
        ok = digits > 0 && num[digits] == ']' && !num[digits + 1];
        if (!ok) {
          hf_cx_problem(d, x->file, ln, "COMPLEX condition '%.40s' needs a number: %.*sn]", w, (int)n, complex_words[i]);
          ok = 1;
        }
      } else {
        ok = !strcmp(w, complex_words[i]);
      }
    }
    if (!ok) hf_cx_problem(d, x->file, ln, "unknown COMPLEX condition '%.40s'", w);
  }
}

/* One .options line: COMMAND: arguments (comments // and #; ~~ ends the file). */
static int option_line(hf_cx_dict *d, void *vctx, char *line, int ln) {
  tctx *x = vctx;
  if (!strncmp(line, "~~", 2)) return 0;
  check_length(d, x, line, ln);
  char *slash = strstr(line, "//");
  if (slash) *slash = 0;
  char *hash = strchr(line, '#');
  if (hash) *hash = 0;
  char *t = hf_cx_trim(line);
  if (!*t) return 1;
  char *colon = strchr(t, ':');
  if (!colon) {
    hf_cx_problem(d, x->file, ln, "expected COMMAND: arguments");
    return 1;
  }
  *colon = 0;
  char *cmd = hf_cx_trim(t), *args = hf_cx_trim(colon + 1);
  for (char *c = cmd; *c; c++) *c = (char)toupper((unsigned char)*c);
  const char *known = NULL;
  for (int i = 0; option_commands[i] && !known; i++) {
    size_t n = strlen(option_commands[i]);
    size_t cmp = n < 4 ? n : 4;
    if (strlen(cmd) >= cmp && !strncmp(cmd, option_commands[i], cmp)) known = option_commands[i];
  }
  if (!known) {
    hf_cx_problem(d, x->file, ln, "unknown option command '%.40s:'", cmd);
    return 1;
  }
  char *argcopy = hf_xstrdup(args);
  if (!strcmp(known, "LABEL") && !strchr(args, '='))
    hf_cx_problem(d, x->file, ln, "LABEL needs CODE=text");
  else if (!strcmp(known, "SET") && !strchr(args, '=') && strncmp(args, "CODE BY", 7))
    hf_cx_problem(d, x->file, ln, "SET needs PARAMETER = value");
  else if (!strcmp(known, "COMPLEX"))
    check_complex(d, x, argcopy, ln);
  else if (!strcmp(known, "OUTPUT"))
    for (char *save = NULL, *w = strtok_r(argcopy, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
      int ok = 0;
      for (int i = 0; output_words[i] && !ok; i++) ok = !strncmp(w, output_words[i], strlen(output_words[i]));
      if (!ok) hf_cx_problem(d, x->file, ln, "unknown OUTPUT field '%.40s'", w);
    }
  free(argcopy);
  add_entry(d, x->file, ln, HF_CX_E_OPTION, args, known, NULL);
  return 1;
}

/* Resolves name relative to the directory of the file that names it. */
static char *relative_to(const char *file, const char *name) {
  if (name[0] == '/') return hf_xstrdup(name);
  const char *slash = strrchr(file, '/');
  size_t dl = slash ? (size_t)(slash - file + 1) : 0;
  char *p = hf_xmalloc(dl + strlen(name) + 1);
  memcpy(p, file, dl);
  strcpy(p + dl, name);
  return p;
}

/* .project: <actorfile> name ... ; the program looks at the first two letters of a tag. */
static int project_line(hf_cx_dict *d, void *vctx, char *line, int ln) {
  tctx *x = vctx;
  char *t = hf_cx_trim(line);
  if (*t != '<') return 1; /* any other line is a comment (manual 4.1) */
  char *gt = strchr(t, '>');
  if (!gt) {
    hf_cx_problem(d, x->file, ln, "'<' without '>'");
    return 1;
  }
  *gt = 0;
  char tag[64];
  snprintf(tag, sizeof tag, "%s", hf_cx_trim(t + 1));
  for (char *c = tag; *c; c++) *c = (char)tolower((unsigned char)*c);
  char *value = gt + 1;
  char *term = strstr(value, "</"); /* optional terminator; comments may follow it */
  if (term) *term = 0;
  value = hf_cx_trim(value);
  static const struct {
    const char *prefix;
    int kind;
  } tags[] = {{"ac", HF_CX_FILE_ACTORS}, {"ve", HF_CX_FILE_VERBS}, {"op", HF_CX_FILE_OPTIONS},
              {"ag", HF_CX_FILE_AGENTS}, {"is", HF_CX_FILE_ISSUES}, {"te", 0}, {"ev", 0}, {"ou", 0},
              {"pr", 0}, {"er", 0}, {"co", 0}, {"sy", 0}, {"ru", 0}, {"se", 0}, {"do", 0}, {"fr", 0}};
  int kind = -1;
  for (size_t i = 0; i < sizeof tags / sizeof *tags && kind < 0; i++)
    if (!strncmp(tag, tags[i].prefix, 2)) kind = tags[i].kind;
  if (kind < 0) {
    hf_cx_problem(d, x->file, ln, "unknown tag <%.40s>", tag);
    return 1;
  }
  if (!kind) return 1; /* text, event, problem files...: not dictionaries */
  if (!*value) {
    hf_cx_problem(d, x->file, ln, "<%s> without a file name", tag);
    return 1;
  }
  if (kind == HF_CX_FILE_ACTORS) x->actors++;
  if (kind == HF_CX_FILE_VERBS) x->verbs++;
  if (kind == HF_CX_FILE_OPTIONS) x->options++;
  if (!d->load_files) return 1;
  char *path = relative_to(x->file, value);
  hooft_error e;
  size_t len;
  char *data = hf_read_file(path, &len, &e);
  if (!data) {
    const char *why = strstr(e.message, ": cannot open: ");
    hf_cx_problem(d, x->file, ln, "cannot read <%s> '%.200s': %s", tag, path, why ? why + 15 : e.message);
  } else {
    hf_cx_read(d, kind, path, data, len);
    free(data);
  }
  free(path);
  return 1;
}

void hf_tabari_read(hf_cx_dict *d, int kind, const char *file, const char *data, size_t len) {
  tctx x;
  memset(&x, 0, sizeof x);
  x.kind = kind;
  x.file = file;
  x.block = x.verb = x.synset = -1;
  hf_cx_line_fn fn = kind == HF_CX_FILE_ACTORS || kind == HF_CX_FILE_AGENTS ? actor_line
                     : kind == HF_CX_FILE_VERBS                            ? verb_line
                     : kind == HF_CX_FILE_OPTIONS                          ? option_line
                     : kind == HF_CX_FILE_PROJECT                          ? project_line
                                                                           : NULL;
  if (!fn) {
    hf_cx_problem(d, file, 0, "not a TABARI dictionary file");
    return;
  }
  hf_cx_lines(d, file, data, len, fn, &x);
  hf_cx_group_close(d, &x.group);
  if (x.section)
    hf_cx_problem(d, file, x.sec_line, "<%s> is not closed (missing </%s>)", section_names[x.section],
                  section_names[x.section]);
  if (kind == HF_CX_FILE_PROJECT) {
    if (!x.actors) hf_cx_problem(d, file, 0, "no <actorfile> line");
    if (!x.verbs) hf_cx_problem(d, file, 0, "no <verbfile> line");
    if (!x.options) hf_cx_problem(d, file, 0, "no <optionsfile> line");
  }
}

int hf_tabari_load(hf_cx_dict *d, const char *path) {
  static const struct {
    const char *ext;
    int kind;
  } exts[] = {{".project", HF_CX_FILE_PROJECT}, {".actors", HF_CX_FILE_ACTORS}, {".agents", HF_CX_FILE_AGENTS},
              {".verbs", HF_CX_FILE_VERBS},     {".options", HF_CX_FILE_OPTIONS}};
  size_t n = strlen(path);
  int kind = 0;
  for (size_t i = 0; i < sizeof exts / sizeof *exts && !kind; i++) {
    size_t el = strlen(exts[i].ext);
    if (n > el && !strcmp(path + n - el, exts[i].ext)) kind = exts[i].kind;
  }
  if (!kind) {
    hf_cx_problem(d, path, 0, "not a TABARI file name (want .project, .actors, .agents, .verbs or .options)");
    hf_cx_finish(d);
    return -1;
  }
  int r = hf_cx_read_file(d, kind, path);
  hf_cx_finish(d);
  return r;
}
