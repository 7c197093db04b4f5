/* coder.h: internal data model shared by the pipeline stages: the loaded dictionaries (the coder),
 * tokens, actor mentions and clauses of the document being coded. */
#ifndef HOOFT_CODER_H
#define HOOFT_CODER_H

#include <stdint.h>

#include "hooft.h"
#include "util.h"

enum { HF_LANG_NL = 0, HF_LANG_EN = 1, HF_NLANG = 2 };
extern const char *const hf_lang_names[HF_NLANG];

/* ---- Grammar word classes (bit flags), from dict/<lang>/grammar.txt ---- */
enum {
  HF_G_PREP = 1 << 0,     /* preposition: actors after it are not subjects */
  HF_G_NEG = 1 << 1,      /* negation: niet, geen, not, never */
  HF_G_PRON = 1 << 2,     /* personal pronoun that can stand for the last subject */
  HF_G_SUBORD = 1 << 3,   /* subordinating conjunction: starts a clause */
  HF_G_REL = 1 << 4,      /* relative pronoun: starts a (relative) clause */
  HF_G_COORD = 1 << 5,    /* coordinating conjunction: en, and, maar, but */
  HF_G_PASSIVE = 1 << 6,  /* passive auxiliary: worden/werd, be/was/were */
  HF_G_AGENT = 1 << 7,    /* passive agent preposition: door, by */
  HF_G_PARTICLE = 1 << 8, /* separable verb particle: binnen, uit, aan */
  HF_G_INFMARK = 1 << 9,  /* infinitive marker: om, te, to */
  HF_G_DET = 1 << 10,     /* article/determiner */
  HF_G_BE = 1 << 11,      /* perfect auxiliary 'zijn' forms (passive with a door-phrase) */
  HF_G_CLAUSE = 1 << 12,  /* adverbial clause starter that also blocks: 'waar', 'toen' */
  HF_G_POSS = 1 << 13,    /* possessive determiner (zijn, haar, hun, his, their) */
  HF_G_COMP = 1 << 14,    /* complementizer of an embedded clause: dat, om, that */
  HF_G_COND = 1 << 15,    /* conditional: als, indien, if, unless (events there are not coded) */
  HF_G_PARTOF = 1 << 16   /* quantity or group word before van/of: duizenden, thousands, members */
};

typedef struct hf_gazetteer hf_gazetteer;

/* ---- CAMEO event table ---- */
typedef struct hf_cameo {
  const char *code, *root, *name, *plover;
  double goldstein;
  int quad;
} hf_cameo;

/* ---- Actors ---- */
enum { HF_ACT_STATE = 1, HF_ACT_IGO, HF_ACT_REGION, HF_ACT_PERSON, HF_ACT_ROLE };

typedef struct hf_actor_code {
  const char *code;    /* interned */
  const char *country; /* interned; NULL for roles */
  int from, to;        /* yyyymmdd; 0 = open */
  const char *rule;    /* "dict/actors/leaders.txt:12" */
} hf_actor_code;

typedef struct hf_phrase {
  int ntok;
  const char **keys;   /* interned token keys (or surface forms when exact) */
  int exact;           /* matched case-sensitively on surface forms */
  int kind;            /* HF_ACT_* */
  HF_VEC(hf_actor_code) codes;
  struct hf_phrase *next; /* next phrase with the same first key, longest first */
} hf_phrase;

/* ---- Verb patterns ---- */
enum { HF_E_WORD = 1, HF_E_NOT, HF_E_PREP_TARGET, HF_E_TARGET };
/* how one alternative of an element matches a token */
enum { HF_A_EXACT = 0, HF_A_SUFFIX, HF_A_PREFIX, HF_A_INFIX };

typedef struct hf_elem {
  int kind;
  int nalt;
  const char **alts;   /* interned keys */
  uint8_t *alt_kind;   /* HF_A_* per alternative */
  uint64_t *alt_hash;  /* hf_hash of each alternative, to skip most string compares */
  uint32_t *alt_len;
  int all_exact;       /* every alternative is matched exactly (no wildcard) */
} hf_elem;

typedef struct hf_pattern {
  const hf_cameo *cameo;
  const char *head;  /* interned lemma key */
  int nelem;
  hf_elem *elems;
  const char *prep;  /* target preposition key, or NULL for direct object */
  const char *text;  /* pattern as written */
  const char *rule;  /* file:line */
  int order;         /* position in the dictionary, for ties */
  int weight;        /* number of elements that constrain the match */
} hf_pattern;

typedef HF_VEC(const hf_pattern *) hf_pattern_list;

typedef struct hf_langdata {
  hf_map grammar;     /* key -> (uintptr_t) class bits */
  hf_map abbrev;      /* key "o.a." -> non-NULL */
  hf_map patterns;    /* head lemma -> hf_pattern_list* */
  hf_map lemma_table; /* form -> lemma (interned) */
  hf_map known;       /* lemma -> non-NULL: words the lemmatizer may return */
  hf_map stem_index;  /* nl: stem variant -> infinitive; en: unused */
  hf_map lemma_cache; /* key -> lemma, filled while coding */
  size_t npatterns;
} hf_langdata;

struct hooft_coder {
  hf_intern strings;        /* every interned key, code and rule */
  hf_arena arena;           /* dictionary structures */
  hf_map cameo;             /* code -> hf_cameo* */
  hf_map phrases;           /* first key -> hf_phrase* chain (case-insensitive) */
  hf_map exact_phrases;     /* first surface form -> hf_phrase* chain */
  size_t nactors, nroles;
  hf_langdata lang[HF_NLANG];
  void *hunspell;           /* Hunhandle*, created on first need */
  char *hunspell_dir;
  int hunspell_failed;
  void *textcat;            /* libexttextcat handle, created on first need */
  char *dict_dir;
  int trace;                /* HOOFT_TRACE set: print clause analysis to stderr */
  int no_claims;            /* code events only (hooft_coder_set_claims) */
  void *claims;             /* hf_claims_lang[HF_NLANG] (claims.h) */
  struct hf_gazetteer *gazetteer; /* places (places.h), or NULL when none is loaded */
  char *warnings;           /* non-fatal dictionary problems, or NULL */
  HF_VEC(hf_pattern_list *) lists; /* owned pattern lists, freed at the end */
  struct sh_lex *shallow;   /* a TABARI or PETRARCH set (shallow.h), or NULL for hooft's own */
};

/* ---- Tokens ---- */
enum { HF_T_WORD = 1, HF_T_NUM, HF_T_PUNCT, HF_T_QUOTE };

typedef struct hf_token {
  uint32_t start, end;  /* byte offsets in the document text */
  const char *key;      /* matching key (doc arena) */
  const char *gen;      /* key without a genitive ending, or NULL */
  const char *lemma;    /* lemma key (interned in the coder), words only */
  uint64_t key_hash, lemma_hash; /* hf_hash of key and lemma */
  uint32_t key_len, lemma_len;
  uint32_t gram;        /* HF_G_* bits */
  uint8_t kind;         /* HF_T_* */
  uint8_t upper;        /* starts with an upper-case letter */
  uint8_t sent_end;     /* ends a sentence */
  uint8_t para_start;   /* first token after a paragraph break */
  double num;           /* value of a number token */
} hf_token;

/* Tokenizes text[0..n) (valid NFC UTF-8) and marks sentence ends. Keys are
 * allocated in arena. Appends to *toks. */
typedef HF_VEC(hf_token) hf_token_vec;
void hf_tokenize(hooft_coder *c, int lang, const char *text, size_t n, hf_arena *arena,
                 hf_token_vec *toks);

/* Parses a number token written in the convention of lang ("11.000" nl =
 * 11000, "2,5" nl = 2.5, "1,000" en = 1000). Returns 1 and sets *value. */
int hf_parse_number(const char *s, size_t n, int lang, double *value);

/* Returns the lemma key of a word key (interned; cached per language). */
const char *hf_lemma(hooft_coder *c, int lang, const char *key);
/* The same with the key's length and hf_hash already known. */
const char *hf_lemma_hashed(hooft_coder *c, int lang, const char *key, size_t n, uint64_t hash);

/* Is s[0..n) a separable verb particle of lang (grammar class 'particle')? */
int hf_is_particle(hooft_coder *c, int lang, const char *s, size_t n);

/* Loads the lemmatizer's external data (WordNet exception lists for English). */
int hf_lemma_load(hooft_coder *c, hooft_error *err);
void hf_lemma_free(hooft_coder *c);

/* Stem variants of a Dutch infinitive or plural noun (lever, stuur, zet...):
 * calls fn(stem, ctx) for each. */
void hf_nl_stem_variants(const char *base, size_t n, void (*fn)(const char *, void *), void *ctx);

/* ---- Actor mentions in a sentence ---- */
typedef struct hf_mention {
  int first, last;       /* token range, inclusive */
  int head;              /* token whose position counts for ordering */
  const char *code;      /* full code (interned) */
  const char *country;   /* interned or NULL */
  const char *rule;
  int kind;              /* HF_ACT_* of the main part */
  int role_only;         /* a role word without a state */
  int prep;              /* index of the governing preposition token, or -1 */
  int group;             /* compound group id (mentions joined by en/and/,) or -1 */
  int pronoun;           /* stands for an antecedent */
  int possessive;        /* genitive that modifies a following noun */
  int text_first, text_last; /* tokens of the words to show: the antecedent's for a pronoun */
} hf_mention;

typedef HF_VEC(hf_mention) hf_mention_vec;

/* Finds the actor mentions in tokens [from, to) of a sentence, for the
 * article date (yyyymmdd, 0 = unknown). */
void hf_find_actors(hooft_coder *c, int lang, const char *text, hf_token *toks, int from, int to,
                    int date, hf_mention_vec *out);

/* Looks up a phrase key in the actor tables (exported for tests). */
const hf_actor_code *hf_actor_lookup(hooft_coder *c, const char *phrase, int date);

/* ---- Dictionary loading (lexicon.c) ---- */

/* Every problem found while loading, as "file:line: message" lines. */
typedef struct hf_problems {
  hf_buf text;      /* errors: loading fails */
  int count;
  hf_buf warn_text; /* duplicates: reported by 'dict check', not fatal */
  int warnings;
  const char *dir;  /* the dictionary directory; file names are relative to it */
} hf_problems;

void hf_problem(hf_problems *pr, const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void hf_warning(hf_problems *pr, const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* A dictionary file being read line by line (comments and blank lines skipped). */
typedef struct hf_dict_file {
  hf_lines it;
  char *data;
  const char *rel;
} hf_dict_file;

/* Opens pr->dir/rel; a missing file is a problem and gives 0. */
int hf_dict_open(hf_dict_file *df, hf_problems *pr, const char *rel);
/* The next data line (NUL-terminated, in place) and its number; 0 at the end, when
 * the file's memory is released. */
int hf_dict_next(hf_dict_file *df, char **line, int *ln);

int hf_load_dictionaries(hooft_coder *c, const char *dir, hooft_error *err);

/* Loads only dir/cameo/events.tsv into c->cameo (for a TABARI or PETRARCH coder). */
int hf_load_cameo_table(hooft_coder *c, const char *dir, hooft_error *err);

/* Makes a verb lemma known to the lemmatizer (its inflected forms then reduce to it). */
void hf_index_verb(hooft_coder *c, int lang, const char *lemma);

/* Tokenizes a dictionary phrase into interned keys; returns the count. */
int hf_phrase_keys(hooft_coder *c, const char *phrase, const char ***keys);

#endif
