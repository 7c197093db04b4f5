/* shallow.h: the shallow-parse coder for TABARI and PETRARCH dictionary sets: their phrases
 * compiled into one lexicon, the options that steer it, and the coding of one sentence. */
#ifndef HOOFT_SHALLOW_H
#define HOOFT_SHALLOW_H

#include <stdint.h>

#include "compat.h"

/* Regular endings a whole-word dictionary word still accepts (TABARI manual 5.2.3). */
enum { SH_END_NOUN = 1, SH_END_VERB = 2 };

/* One word of a dictionary phrase or pattern, keyed like the text (lower case, no diacritics). */
typedef struct sh_word {
  const char *key;
  uint32_t len;
  uint8_t exact;   /* written with a final '_' or '=': the whole word, no stemming */
  uint8_t next;    /* the next word must follow immediately ('_' or '~' connector) */
  uint8_t endings; /* SH_END_* accepted after an exact word */
} sh_word;

/* What a run of text words can be. */
enum { SH_ACTOR = 1, SH_AGENT, SH_VERB, SH_NOUN, SH_ADJ, SH_TIME };

/* A dictionary phrase, chained with the other phrases that share its first word's key. */
typedef struct sh_entry {
  uint8_t kind;
  uint16_t nw;
  const sh_word *w;
  int chars;               /* letters and digits: longer phrases are tried first */
  uint32_t item;           /* index into the actors, agents, verbs or times */
  struct sh_entry *next;
} sh_entry;

/* An event code as written: [072], [042:043], [031!], [023?], [---], [###], [+++]. */
typedef struct sh_code {
  const char *code, *code2; /* NULL when absent */
  char flag;                /* '!', '?' or 0 */
  uint8_t kind, kind2;      /* SH_C_* of code and code2 (an absent code is SH_C_NULL) */
} sh_code;

/* The bit (0..255) of the first min(3, n) characters of a word key: a sentence whose words
 * lack a pattern word's bit cannot match the pattern. */
static inline unsigned sh_prefix_bit(const char *key, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n && i < 3; i++) h = (h ^ (unsigned char)key[i]) * 16777619u;
  return h & 255;
}

/* Code kinds. */
enum { SH_C_NULL = 0, SH_C_EVENT, SH_C_DISCARD, SH_C_COMPLEX }; /* a zeroed sh_code is a null code */
int sh_code_kind(const char *code);

/* One dated code of an actor. */
typedef struct sh_dated {
  const char *code; /* "ARN", "GME/GMW", "---", "###" */
  int from, to;     /* yyyymmdd, 0 = open */
} sh_dated;

typedef struct sh_actor {
  const char *name;  /* the root phrase as written */
  const char *rule;  /* file:line */
  uint32_t code0, ncodes; /* in lex->dated */
} sh_actor;

typedef struct sh_agent {
  const char *code;  /* without '~' */
  int prefix;        /* CODE~: goes before the actor's code */
  const char *rule;
} sh_agent;

/* Pattern elements. */
enum { SH_E_WORD = 1, SH_E_ALT, SH_E_VERB, SH_E_SOURCE, SH_E_TARGET, SH_E_BOTH, SH_E_SKIP };

/* A sequence of words: one alternative of a synset or a { a | b } set. */
typedef struct sh_seq {
  uint16_t nw;
  uint16_t chars;     /* letters and digits of its words */
  uint8_t bit;        /* sh_prefix_bit of the first word */
  uint8_t joined;     /* every word follows the one before immediately */
  const sh_word *w;
} sh_seq;

typedef struct sh_elem {
  uint8_t kind;
  uint8_t next;       /* the next element must follow immediately */
  uint8_t synset;     /* SH_E_ALT from a synset (its length is fixed: its longest member) */
  sh_word word;       /* SH_E_WORD */
  uint16_t nalt;      /* SH_E_ALT */
  const sh_seq *alts;
  uint64_t any[4];    /* SH_E_ALT: the first-word bits of its alternatives */
} sh_elem;

typedef struct sh_pattern {
  uint16_t nel;
  const sh_elem *el;
  int verb_at;        /* index of the '*' element */
  sh_code code;
  int chars;          /* length for the longest-first order */
  int fixed;          /* the part of chars outside alternatives */
  int order;          /* position in the file, for ties */
  int designated;     /* has $, + or %: passive voice is not applied */
  uint64_t need[4];   /* word-prefix bits (sh_prefix_bit) every sentence it matches has */
  const char *text, *rule;
} sh_pattern;

typedef struct sh_verb {
  const char *name;       /* the root as written */
  const char *rule;
  sh_code code;           /* the root's own code (code NULL: none) */
  uint32_t pat0, npat;    /* in lex->order: the patterns, longest first */
} sh_verb;

typedef struct sh_time {
  int days;               /* shift */
  int kind;               /* SH_C_* of the code */
} sh_time;

/* Options (TABARI manual chapter 8), changed by hooft_coder_option. */
enum { SH_BY_CLAUSE = 0, SH_BY_SENTENCE, SH_BY_ALL };
typedef struct sh_options {
  int code_by;
  int min_words;          /* 0 = off */
  int convert_agents;
  int time_shift;         /* time phrases are applied */
  /* COMPLEX: conditions (0 = off) */
  int cx_verbs, cx_actors, cx_pronouns, cx_conj, cx_comma, cx_lateverb;
  int cx_noactprior, cx_noactafter, cx_noverb, cx_nosource, cx_notarget, cx_noevent;
  /* DEFAULT: */
  const char *def_source, *def_target;
  int def_source_prior, def_target_after;
  int null_actors;         /* PETRARCH require_dyad = false: events may lack an actor ("---") */
  /* FORWARD: where a record id holds its story and sentence numbers ("*****NNN*SSS") */
  char fwd_mask[32];
  int fwd_on;
  /* COMMA: limits of the comma-delimited clauses that are dropped */
  int comma_off;
  int bmin, bmax, cmin, cmax, emin, emax;
} sh_options;

/* The whole compiled set. */
typedef struct sh_lex {
  int format;               /* HF_CX_TABARI or HF_CX_PETRARCH */
  hf_arena arena;
  hf_intern strings;
  hf_map first;             /* first word key -> sh_entry chain (longest first) */
  uint64_t first_lens;      /* bit n set: some first word has n characters (n < 64) */
  HF_VEC(sh_actor) actors;
  HF_VEC(sh_dated) dated;
  HF_VEC(sh_agent) agents;
  HF_VEC(sh_verb) verbs;
  HF_VEC(sh_pattern) patterns;
  HF_VEC(uint32_t) order;   /* pattern indexes, grouped by verb */
  HF_VEC(sh_time) times;
  hf_map labels;            /* code -> label (LABEL: lines) */
  sh_options opt, opt0;     /* current and as loaded */
  void *scratch;            /* the sentence being coded (shallow.c) */
  int trace;                /* print each sentence's parse to stderr (HOOFT_TRACE) */
  int cameo;                /* the event codes are CAMEO's (hooft_coder_load_cameo) */
  /* FORWARD (manual 8.4): the last sentence's first actor before a verb, for a pronoun that
   * opens the next sentence; and the story and sentence numbers of the last record */
  const char *fwd_code;
  int fwd_compound;
  char fwd_story[32];
  long fwd_sent;
} sh_lex;

/* Compiles d into a new lexicon (caller owns; sh_lex_free). Problems that make a phrase
 * unusable were already reported by the readers; such phrases are left out. */
sh_lex *sh_lex_build(const hf_cx_dict *d);
void sh_lex_free(sh_lex *lx);
void sh_scratch_free(void *scratch);

/* Applies one options command ("SET: CODE BY SENTENCE"); returns 0, or -1 with err filled. */
int sh_option(sh_lex *lx, const char *command, hooft_error *err);

/* An event the shallow coder found, before it becomes a hooft_event. Byte offsets are into
 * the document text. */
typedef struct sh_event {
  const char *source, *target, *code; /* codes */
  size_t src_a, src_b, tgt_a, tgt_b;  /* the actors' words (a == b: default or pronoun) */
  size_t verb_a, verb_b;
  size_t span_a, span_b;
  const sh_pattern *pattern;          /* or NULL: the verb's own code */
  const sh_verb *verb;
  int date;                           /* yyyymmdd after time shifting, 0 = unknown */
  int dominant, subordinate;
} sh_event;

typedef HF_VEC(sh_event) sh_event_vec;

/* Codes the sentence text[a..b) of a document published on date (yyyymmdd or 0): appends
 * its events to out and returns NULL, or returns why it was not coded ("discard",
 * "complex: ...", "short"; static strings) with no events. forward: the sentence continues
 * the one coded before it, so a pronoun that opens it may stand for that one's first actor. */
const char *sh_code_sentence(sh_lex *lx, const char *text, size_t a, size_t b, int date, int forward,
                             sh_event_vec *out);

/* Does the record id continue the story of the record coded before it (FORWARD: same story
 * number, next sentence number)? Remembers id's numbers for the next call. */
int sh_forward_record(sh_lex *lx, const char *id);

#endif
