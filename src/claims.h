/* claims.h: what is said about an event: attribution, certainty, quantities and dates (internal). */
#ifndef HOOFT_CLAIMS_H
#define HOOFT_CLAIMS_H

#include "coder.h"
#include "events.h"
#include "places.h"

/* Claim cue classes (dict/<lang>/claims.txt and dates.txt). */
enum {
  HF_C_ACCORDING = 1 << 0, /* volgens, according to */
  HF_C_ESTIMATE = 1 << 1,  /* schattingen (van X) */
  HF_C_HEDGE = 1 << 2,     /* zou, reportedly */
  HF_C_HYPO = 1 << 3,      /* wil, overweegt, may, plans to */
  HF_C_APPROX = 1 << 4,    /* zo'n, about */
  HF_C_MIN = 1 << 5,       /* meer dan, at least */
  HF_C_MAX = 1 << 6,       /* tot, up to */
  HF_C_WEEKDAY = 1 << 7,
  HF_C_MONTH = 1 << 8,
  HF_C_DAY = 1 << 9,       /* gisteren = -1 */
  HF_C_NEXT = 1 << 10,     /* komende, next */
  HF_C_LAST = 1 << 11,     /* vorige, last */
  HF_C_WEEK = 1 << 12,
  HF_C_MONTHWORD = 1 << 13,
  HF_C_YEAR = 1 << 14,
  HF_C_THIS = 1 << 15,
  HF_C_EARLIER = 1 << 16,
  HF_C_FROM = 1 << 17,
  HF_C_TO = 1 << 18,
  HF_C_FUTURE = 1 << 19
};

/* A cue phrase: one or more token keys, its classes and (dates) its value. */
typedef struct hf_cue {
  int ntok;
  const char **keys;
  uint32_t classes;
  int value;
  struct hf_cue *next; /* same first key, longest first */
} hf_cue;

/* A number word (numbers.txt). */
typedef struct hf_numword {
  double value;
  int kind; /* 0 unit, 1 mult, 2 vague */
} hf_numword;

/* Refines a quantity's object when a word occurs in its sentence ("people>dead: killed"). */
typedef struct hf_refine {
  const char *from; /* object before (interned), or NULL for none */
  const char *to;
  const char *word;
} hf_refine;

/* Per-language claim data, owned by the coder. */
typedef struct hf_claims_lang {
  hf_map cues;        /* first key -> hf_cue chain */
  hf_map report;      /* lemma of a reporting verb -> non-NULL */
  hf_map numbers;     /* key -> hf_numword* */
  hf_map objects;     /* key -> object name ("troops", "money:EUR") */
  HF_VEC(const char *) suffix_keys; /* "*granaten" style object words, without the star */
  HF_VEC(const char *) suffix_objects;
  HF_VEC(hf_refine) refines;
  /* the cue starting at each token of the sentence being coded (filled once per sentence) */
  const hf_cue **cache;       /* NULL outside hf_sentence_claims */
  const hf_cue **cache_store;
  int cache_from, cache_to;
  size_t cache_cap;
} hf_claims_lang;

/* Loads dict/<lang>/{claims,numbers,quantities,dates}.txt for every language,
 * reporting problems into pr. */
void hf_claims_load(hooft_coder *c, hf_problems *pr);
void hf_claims_free(hooft_coder *c);

/* Precision of a date. */
enum { HF_DATE_PUBLICATION = 0, HF_DATE_YEAR, HF_DATE_MONTH, HF_DATE_DAY };

typedef struct hf_date {
  int from, to;   /* yyyymmdd (month precision: day 00; year precision: month and day 00) */
  int precision;
} hf_date;

typedef struct hf_quantity {
  double value;
  int approx;
  int has_min, has_max;
  double min, max;
  const char *object; /* "troops", "money:EUR", or NULL */
  int first, last;    /* tokens */
} hf_quantity;

typedef HF_VEC(hf_quantity) hf_quantity_vec;

/* The claims of one event. */
typedef struct hf_event_claims {
  int has_attribution;
  hf_mention attribution;
  const char *certainty; /* "asserted", "reported", "hedged", "hypothetical" */
  hf_date date;
  int nquant;            /* quantities of the event: indexes into the sentence's list */
  int quant[8];
  int has_location;
  int country_location;  /* a country without known coordinates */
  hf_located location;
} hf_event_claims;

/* Attribution carried from sentence to sentence. */
typedef struct hf_claims_state {
  int has_attribution;
  hf_mention attribution;
  int sentence;          /* sentence index of that attribution */
} hf_claims_state;

/* Finds the quantities of tokens [from, to). */
void hf_find_quantities(hooft_coder *c, int lang, const char *text, const hf_token *toks, int from, int to,
                        hf_quantity_vec *out);

/* Resolves the date expressed in tokens [from, to) against the publication date
 * (yyyymmdd; 0 = unknown); past is the tense of the clause (1 past, 0 present,
 * 2 future). Returns 1 and fills *d if a date expression was found. */
int hf_find_date(hooft_coder *c, int lang, const hf_token *toks, int from, int to, int published, int tense,
                 hf_date *d);

/* Tense of tokens [from, to): 1 past, 2 future, 0 present. */
int hf_tense(hooft_coder *c, int lang, const hf_token *toks, int from, int to);

/* The attribution of a sentence ("volgens X", "X zei dat", "..., zei X"), or 0. */
int hf_find_attribution(hooft_coder *c, int lang, const hf_token *toks, int from, int to, const hf_mention *m,
                        size_t nm, const hf_found *events, size_t nev, hf_mention *out);

/* Computes the claims of every event of a sentence; quantities of the sentence go
 * to *quants (indexes in hf_event_claims refer to it). */
void hf_sentence_claims(hooft_coder *c, int lang, const char *text, const hf_token *toks, int from, int to,
                        const hf_mention *m, size_t nm, const hf_found *events, size_t nev, int published,
                        hf_claims_state *st, int sentence, hf_quantity_vec *quants, hf_event_claims *out,
                        const char **sentence_certainty, int *sentence_has_attr, hf_mention *sentence_attr);

/* Formats a date as "2024-10-31", "2024-08" or "1950" into buf (>= 16 bytes). */
void hf_format_date(int yyyymmdd, int precision, char *buf);

#endif
