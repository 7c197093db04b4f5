/* compat.h: neutral in-memory model of TABARI and PETRARCH-2 dictionaries, their readers and the
 * converter to hooft's own dictionary format (internal to libhooft). */
#ifndef HOOFT_COMPAT_H
#define HOOFT_COMPAT_H

#include <stdint.h>

#include "coder.h"

/* Dictionary families. */
enum { HF_CX_TABARI = 1, HF_CX_PETRARCH = 2 };

/* Kinds of dictionary file (the in-memory readers take one of these). */
enum {
  HF_CX_FILE_PROJECT = 1, /* TABARI .project */
  HF_CX_FILE_ACTORS,      /* .actors, Phoenix.*.actors.txt */
  HF_CX_FILE_AGENTS,      /* .agents, Phoenix.agents.txt */
  HF_CX_FILE_VERBS,       /* .verbs, CAMEO.2.0.txt */
  HF_CX_FILE_OPTIONS,     /* TABARI .options */
  HF_CX_FILE_DISCARDS,    /* PETRARCH discards */
  HF_CX_FILE_ISSUES,      /* <ISSUE> files (both families) */
  HF_CX_FILE_CONFIG       /* PETR_config.ini */
};

/* Special codes shared by both families (TABARI manual chapter 6). */
#define HF_CX_NULL "---"     /* null: not an actor / no event */
#define HF_CX_DISCARD "###"  /* discard the sentence */
#define HF_CX_COMPLEX "+++"  /* divert the sentence as too complex */

/* One [CODE DATE] block of an actor: the code applies from..to (yyyymmdd, inclusive; 0 = open). */
typedef struct hf_cx_code {
  const char *code; /* "USAGOV", "FRO/BIL/SAM" (coded compound), or a special code */
  int from, to;
  int line;
} hf_cx_code;

/* A phrase as written (upper case, connectors kept): "AFGHANISTAN_", "AL GORE", "MOUSE=". */
typedef struct hf_cx_name {
  const char *text;
  int line;
} hf_cx_name;

/* An actor: its names (the first is the root, the others its '+' synonyms) and its codes
 * in the order written; ranges index dict->names and dict->codes. */
typedef struct hf_cx_actor {
  const char *file;
  int line;
  size_t name0, nnames;
  size_t code0, ncodes;
} hf_cx_actor;

/* An agent: a common noun that adds a role code to an adjacent actor. One entry per
 * phrase (synonyms and !SUBSTITUTION! expansions become entries of their own). */
typedef struct hf_cx_agent {
  const char *file;
  int line;
  const char *phrase; /* as written after substitution */
  const char *code;   /* the agent code without '~': "GOV", "GOVFRM" */
  int prefix;         /* written CODE~: the agent code goes before the actor's */
  int forms_given;    /* PETRARCH {...} present: no regular plural is generated */
  size_t form0, nforms; /* irregular plural forms, in dict->words */
} hf_cx_agent;

/* An event code block: [072], [042:043] (TABARI paired / PETRARCH passive), [:173],
 * [031!] (dominant), [023?] (subordinate), [---], [###], [+++], or a TABARI time shift [+7]. */
typedef struct hf_cx_evcode {
  const char *code;  /* NULL when empty ("[:173]") */
  const char *code2; /* the code after ':', or NULL */
  char flag;         /* '!', '?' or 0 */
} hf_cx_evcode;

/* Verb blocks: a TABARI verb root with its patterns, a PETRARCH synonym block, or a
 * TABARI <TIME> / <ATTRIB> root. */
enum { HF_CX_BLK_VERB = 0, HF_CX_BLK_TIME, HF_CX_BLK_ATTRIB };

typedef struct hf_cx_block {
  const char *file;
  int line;
  int kind;            /* HF_CX_BLK_* */
  const char *name;    /* TABARI: the root as written; PETRARCH: the header's description */
  hf_cx_evcode code;   /* the block's code (PETRARCH header; TABARI: the root's) */
  int has_code;
} hf_cx_block;

/* A verb of a block: TABARI has one per block (the root); PETRARCH several synonyms. */
typedef struct hf_cx_verb {
  const char *file;
  int line;
  size_t block;
  const char *text;    /* "BREAK_", "+ASK_FOR", "KLM_NOP_+RST", "BURN DOWN" */
  hf_cx_evcode code;   /* its own code ([020] after a PETRARCH verb) */
  int has_code;        /* else the block's code applies */
  size_t form0, nforms; /* irregular forms {BROKE BROKEN}, in dict->words */
} hf_cx_verb;

/* Pattern tokens. Words keep TABARI's connector semantics: a word written with a final '_'
 * matches exactly (no stemming); '_' or '~' directly followed by the next token requires that
 * token to follow immediately. */
enum {
  HF_CX_T_WORD = 1,
  HF_CX_T_VERB,      /* *  the verb */
  HF_CX_T_SOURCE,    /* $  source actor */
  HF_CX_T_TARGET,    /* +  target actor */
  HF_CX_T_BOTH,      /* %  compound actor: source and target */
  HF_CX_T_SKIP,      /* ^  skip an actor */
  HF_CX_T_ATTRIB,    /* @  attribution actor (TABARI) */
  HF_CX_T_SYNSET,    /* &NAME */
  HF_CX_T_ALT_OPEN,  /* TABARI { a | b } alternatives */
  HF_CX_T_ALT_BAR,
  HF_CX_T_ALT_CLOSE,
  HF_CX_T_NP_OPEN,   /* PETRARCH {noun phrase} */
  HF_CX_T_NP_CLOSE,
  HF_CX_T_PP_OPEN,   /* PETRARCH (prepositional phrase) */
  HF_CX_T_PP_CLOSE
};

typedef struct hf_cx_tok {
  uint8_t kind;
  uint8_t exact;  /* word ended in '_' (or '='): no stemming */
  uint8_t next;   /* joined to the next token: it must follow immediately */
  const char *text; /* word, or synset name without '&' */
} hf_cx_tok;

/* A verb pattern ("- * TO_LET_ESCAPE [066]") of a block; tokens index dict->toks. */
typedef struct hf_cx_pattern {
  const char *file;
  int line;
  size_t block;
  const char *text;   /* the pattern as written, without the code and comment */
  size_t tok0, ntok;
  hf_cx_evcode code;
  int has_code;       /* TABARI attribution patterns may have none */
} hf_cx_pattern;

/* A synonym set (&NAME) and its members; each member is a token sequence (dict->seqs). */
typedef struct hf_cx_seq {
  size_t tok0, ntok;
  int line;
} hf_cx_seq;

typedef struct hf_cx_synset {
  const char *file;
  int line;
  const char *name;   /* without '&' and trailing '_' */
  size_t seq0, nseqs;
} hf_cx_synset;

/* Other phrase lists the coder has no counterpart for. */
enum {
  HF_CX_E_NOUN = 1,     /* TABARI <NOUN> */
  HF_CX_E_ADJECTIVE,    /* TABARI <ADJECTIVE> */
  HF_CX_E_DISCARD,      /* PETRARCH sentence-level discard */
  HF_CX_E_DISCARD_STORY,/* PETRARCH story-level discard (+PHRASE) */
  HF_CX_E_ISSUE,        /* issue phrase [CODE] */
  HF_CX_E_ISSUE_NOT,    /* ~phrase: not an issue */
  HF_CX_E_TRANSFORM,    /* PETRARCH transformation "~ a (a b ATTACK) SAY = a b 015" */
  HF_CX_E_OPTION,       /* TABARI .options command */
  HF_CX_E_NKINDS
};

typedef struct hf_cx_entry {
  const char *file;
  int line;
  int kind;           /* HF_CX_E_* */
  const char *text;   /* phrase, or the option line */
  const char *code;   /* issue code, option command, or NULL */
  const char *group;  /* issue category, or NULL */
} hf_cx_entry;

/* A problem found while reading, kept to be listed in file and line order. */
typedef struct hf_cx_prob {
  const char *file;
  int line, seq;
  const char *msg;
} hf_cx_prob;

/* A whole dictionary set as read. Strings live in the arena; the vectors are malloc'ed. */
typedef struct hf_cx_dict {
  int format;              /* HF_CX_TABARI or HF_CX_PETRARCH */
  int load_files;          /* a .project / config may open the files it names (off when fuzzing) */
  int unreadable;          /* files that could not be read (a coder refuses such a set) */
  const char *base_dir;    /* PETRARCH: where a config's file names are looked up (borrowed), or NULL */
  hf_arena arena;
  hf_problems pr;          /* every problem: pr.count as found, pr.text ("file:line: message"
                              lines in file and line order) once hf_cx_finish has run */
  HF_VEC(hf_cx_prob) probs;
  hf_map file_order;       /* file name -> order of first mention + 1 */
  HF_VEC(const char *) files; /* files read, in order */
  HF_VEC(hf_cx_actor) actors;
  HF_VEC(hf_cx_name) names;
  HF_VEC(hf_cx_code) codes;
  HF_VEC(hf_cx_agent) agents;
  HF_VEC(hf_cx_block) blocks;
  HF_VEC(hf_cx_verb) verbs;
  HF_VEC(hf_cx_pattern) patterns;
  HF_VEC(hf_cx_tok) toks;
  HF_VEC(hf_cx_synset) synsets;
  HF_VEC(hf_cx_seq) seqs;
  HF_VEC(const char *) words;
  HF_VEC(hf_cx_entry) entries;
  hf_map seen[8];          /* duplicate detection: key -> "file:line" (see compat_model.c) */
  hf_map synset_names;     /* declared synset name -> (index + 1) */
  hf_map synset_lines;     /* synset name -> where it was declared ("file:line") */
} hf_cx_dict;

/* ---- Model (compat_model.c) ---- */

/* A new, empty dictionary set of the given family (caller owns; hf_cx_free). */
hf_cx_dict *hf_cx_new(int format);
void hf_cx_free(hf_cx_dict *d);

/* Reads one file of the given kind into d (family chosen by d->format) from memory: data
 * need not be NUL-terminated and may hold any bytes; every problem is recorded as
 * "file:line: message" and reading goes on. */
void hf_cx_read(hf_cx_dict *d, int kind, const char *file, const char *data, size_t len);

/* Reads a file from disk (a missing file is a problem). Returns 0, or -1 if unreadable. */
int hf_cx_read_file(hf_cx_dict *d, int kind, const char *path);

/* Final checks across files (synset cycles, empty synsets, blocks without verbs); lists the
 * problems in d->pr.text, ordered by file (in the order read) and line. Call after the last read. */
void hf_cx_finish(hf_cx_dict *d);

/* Loads a TABARI .project and every dictionary it names, or a single TABARI dictionary
 * file chosen by its extension (.actors, .agents, .verbs, .options). Returns 0 or -1
 * when path itself cannot be read. */
int hf_tabari_load(hf_cx_dict *d, const char *path);

/* Loads a PETRARCH-2 dictionary set: path is a directory (with config: the files that
 * config .ini names, looked up in the directory; else its PETR_config.ini if present, else
 * the Phoenix file names of PETRARCH-2's release configuration) or a config .ini (files are
 * looked up next to it, then in ../dictionaries). Returns 0 or -1. */
int hf_petrarch_load(hf_cx_dict *d, const char *path, const char *config);

/* ---- Shared lexical helpers (compat_model.c), used by the two readers ---- */

/* Every problem goes through here: "file:line: message". */
void hf_cx_problem(hf_cx_dict *d, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Splits text into lines; fn gets each line (NUL-terminated, CR and trailing blanks
 * removed, NUL bytes replaced by blanks) with its number. Lines with invalid UTF-8 are
 * reported. fn returns 0 to stop early (TABARI's ~~FINISH). */
typedef int (*hf_cx_line_fn)(hf_cx_dict *d, void *ctx, char *line, int ln);
void hf_cx_lines(hf_cx_dict *d, const char *file, const char *data, size_t len, hf_cx_line_fn fn, void *ctx);

/* Trims blanks (space, tab) on both sides, in place. */
char *hf_cx_trim(char *s);

/* Records key in duplicate table t (0..7); returns NULL if new, else where it was first seen. */
const char *hf_cx_seen(hf_cx_dict *d, int t, const char *key, const char *file, int line);
enum { HF_CX_SEEN_ACTOR = 0, HF_CX_SEEN_AGENT, HF_CX_SEEN_VERB, HF_CX_SEEN_PATTERN, HF_CX_SEEN_SYNSET,
       HF_CX_SEEN_ENTRY, HF_CX_SEEN_SUBST };

/* Copies s[0..n) into the arena. */
const char *hf_cx_str(hf_cx_dict *d, const char *s, size_t n);

/* Parses a date of 6 (YYMMDD, years 00-30 are 2000-2030) or 8 (YYYYMMDD) digits into
 * yyyymmdd; returns 0 if malformed or not a calendar date. */
int hf_cx_date(const char *s, size_t n);

/* Why s is not a well-formed code (upper-case letters and digits, or a special code), or
 * NULL when it is. With compound set, '/'-separated codes are allowed (TABARI coded
 * compound actors). */
const char *hf_cx_code_problem(const char *s, int compound);

/* Parses the actor code blocks of text ("[USAGOV 991201-010114] [---]") into d->codes;
 * returns the number added, reporting every malformed block. */
size_t hf_cx_actor_codes(hf_cx_dict *d, const char *file, int ln, char *text);

/* Checks the order rules of an actor's codes (a single default; TABARI: default last). */
void hf_cx_check_codes(hf_cx_dict *d, const hf_cx_actor *a);

/* Parses the inside of an event code block ("042:043", "031!", "---"); 0 or -1 with the
 * problem reported. time: a TABARI <TIME> shift ("+7", "-30") is expected. */
int hf_cx_evcode_parse(hf_cx_dict *d, const char *file, int ln, char *inner, int time, hf_cx_evcode *out);

/* Finds the single code block of a line ("PHRASE [CODE]"). Returns 1 with text cut at
 * the '[' and *inner set to the block's inside, 0 when there is none, -1 when malformed
 * (unbalanced brackets, two blocks, text after the block: reported). */
int hf_cx_code_block(hf_cx_dict *d, const char *file, int ln, char *text, char **inner);

/* Tokenizes a pattern (or synset member) into d->toks; returns 0 or -1 with every
 * problem reported; tok0 and ntok get the range. pattern: one '*' is required. */
int hf_cx_tokenize(hf_cx_dict *d, const char *file, int ln, const char *text, int pattern, size_t *tok0,
                   size_t *ntok);

/* Declares synset names before their file is tokenized (both families allow a use before the
 * declaration within a verbs file). */
void hf_cx_declare_synsets(hf_cx_dict *d, const char *file, const char *data, size_t len);

/* Upper-cased copy of a phrase key: blanks collapsed; PETRARCH also maps '_' to blanks. */
const char *hf_cx_phrase_key(hf_cx_dict *d, const char *phrase);

/* Key of a pattern for duplicate detection: upper case, blanks collapsed, connectors kept. */
const char *hf_cx_pattern_key(hf_cx_dict *d, long block, const char *text);

/* An actor or agent entry assembled over several lines: the root phrase (with or without
 * codes), '+' synonyms, indented code lines. Names and codes go straight into d->names and
 * d->codes; closing the group checks it and records the actor (or one agent per name). */
typedef struct hf_cx_group {
  int open, agents;
  const char *file;
  int line;
  size_t name0, code0;
  const char *agent_code; /* agents: the one code, without '~' */
  int prefix;             /* agents: CODE~ */
  int forms_given;        /* agents: PETRARCH {...} present */
  size_t form0, nforms;   /* agents: plural forms in d->words */
  int last_line;          /* the last line that added to the group */
  int tried;              /* a code block was given (perhaps malformed) */
  int next_root;          /* the line of the root that closes it, or 0 */
} hf_cx_group;

void hf_cx_group_open(hf_cx_dict *d, hf_cx_group *g, int agents, const char *file, int ln, const char *phrase);
void hf_cx_group_synonym(hf_cx_dict *d, hf_cx_group *g, const char *file, int ln, const char *phrase);
void hf_cx_group_codes(hf_cx_dict *d, hf_cx_group *g, const char *file, int ln, char *text);
void hf_cx_group_close(hf_cx_dict *d, hf_cx_group *g);

/* One line of an actor or agent entry in either family: "+SYNONYM", "[CODE ...]" or
 * "ROOT [CODE ...]". tabari: TABARI's checks too (code lines indented: indented says whether this
 * one is; phrases of three or more characters). synonym_hint ends the problem reported for a
 * synonym written with a code. */
void hf_cx_group_line(hf_cx_dict *d, hf_cx_group *g, const char *file, int ln, char *t, int agents, int tabari,
                      int indented, const char *synonym_hint);

/* ---- Family readers (compat_tabari.c, compat_petrarch.c) ---- */
void hf_tabari_read(hf_cx_dict *d, int kind, const char *file, const char *data, size_t len);
void hf_petrarch_read(hf_cx_dict *d, int kind, const char *file, const char *data, size_t len);
/* <ISSUE> files: the same layout in both families (TABARI manual 9.2). */
void hf_cx_read_issues(hf_cx_dict *d, const char *file, const char *data, size_t len);

/* ---- Converter (compat_convert.c) ---- */

/* What a conversion did: the texts of the files it writes and counts by outcome. */
typedef struct hf_cx_report {
  size_t actor_lines, role_lines, verb_lines;   /* lines written */
  size_t counts[64];                            /* by outcome (compat_convert.c) */
  hf_buf out[6];                                /* the files, named by hf_cx_out_names */
  hf_buf untranslated;                          /* untranslated.txt */
  char *readme;                                 /* README.txt (hf_cx_convert only) */
} hf_cx_report;

/* actors/countries.txt, actors/regions.txt, actors/igos.txt, actors/leaders.txt,
 * actors/roles.txt, en/verbs.txt */
extern const char *const hf_cx_out_names[6];

/* Translates d into the texts of hooft's dictionary files (in memory: rep->out, and
 * rep->untranslated listing every entry left out with its file:line and reason). ref is a
 * coder with hooft's own dictionaries (CAMEO table, English lemmas, state and region codes).
 * The caller releases rep with hf_cx_report_free. */
void hf_cx_translate(const hf_cx_dict *d, hooft_coder *ref, hf_cx_report *rep);

/* Translates d and writes it under out_dir: the actor files, en/verbs.txt, README.txt (what
 * could not be translated faithfully, with counts) and untranslated.txt; every other file of
 * the reference set ref_dir (the one ref was loaded from) is copied so that out_dir is a
 * complete dictionary set. Returns 0, or -1 with err filled. */
int hf_cx_convert(const hf_cx_dict *d, hooft_coder *ref, const char *ref_dir, const char *out_dir,
                  hf_cx_report *rep, hooft_error *err);
void hf_cx_report_free(hf_cx_report *rep);

#endif
