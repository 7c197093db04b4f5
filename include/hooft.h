/* hooft.h: public API of libhooft, a political event-data coder (news text in, CAMEO events out). */
#ifndef HOOFT_H
#define HOOFT_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HOOFT_VERSION "0.1.0"

/* Pipeline (see README "Source tour"):
 *   text -> sentences -> tokens -> actors -> clauses -> events
 *
 * Ownership, as in cmark: a function that returns a pointer says who owns it.
 * "Caller owns" means the caller must release it with the named _free function;
 * "borrowed" means it stays valid as long as the object it came from. */

/* A coder holds the dictionaries (actors, roles, verb patterns, grammar words,
 * lemma tables, the CAMEO table) for all languages. Load it once, code many
 * documents with it. A coder is not thread-safe (it keeps a lemma cache); use
 * one coder per thread. */
typedef struct hooft_coder hooft_coder;

/* A coded document: the events found in one article. Owns all its strings. */
typedef struct hooft_doc hooft_doc;

/* Error details: filled on failure by functions that take one. */
typedef struct hooft_error {
  char message[4096];
} hooft_error;

/* One article to code. All strings are borrowed for the duration of the call. */
typedef struct hooft_article {
  const char *id;    /* article id or file name (required) */
  const char *date;  /* publication date YYYY-MM-DD, or NULL/"" if unknown */
  const char *lang;  /* "nl", "en", or "auto"/NULL to identify the language */
  const char *title; /* may be NULL */
  const char *text;  /* body text, UTF-8 (required, may be empty) */
  size_t text_len;   /* length of text in bytes */
  const char *url;   /* may be NULL */
} hooft_article;

/* An actor slot of an event. Strings borrowed from the hooft_doc. */
typedef struct hooft_actor {
  const char *text;    /* the words in the article, or the antecedent's words for a pronoun */
  const char *code;    /* CAMEO actor code: "PRKMIL", "IGOWSTNAT", "WST", "GOV" */
  const char *country; /* ISO alpha-3 state, or IGO/region code; NULL if none */
} hooft_actor;

/* Where an event takes place, from the gazetteer. Strings borrowed from the hooft_doc. */
typedef struct hooft_location {
  const char *name;     /* as in the text ("Koersk"); NULL when no place was found */
  const char *country;  /* ISO alpha-3 */
  double lat, lon;      /* a country's are its capital's */
  int has_coordinates;  /* 0 when lat/lon are unknown */
  const char *feature;  /* "city", "capital", "region", "country" */
} hooft_location;

/* A quantity stated in the article ("naar schatting 11.000 manschappen"). Strings
 * borrowed from the hooft_doc. */
typedef struct hooft_quantity {
  double value;
  int approx;            /* zo'n, about, naar schatting, "hundreds" */
  int has_min, has_max;  /* meer dan / at least; tot / up to */
  double min, max;
  const char *object;    /* troops, shells, missiles, dead, injured, arrested, refugees, money, ...; or NULL */
  const char *currency;  /* ISO 4217 code when object is "money", else NULL */
  const char *text;      /* the words */
  int sentence;          /* 1-based sentence number */
  hooft_actor attribution; /* who says so (code NULL if nobody is named) */
  const char *certainty; /* of the sentence: asserted, reported, hedged, hypothetical */
} hooft_quantity;

/* One coded event. All strings borrowed from the hooft_doc. */
typedef struct hooft_event {
  int sentence;          /* 1-based sentence number in the article (title = 1) */
  size_t span_start;     /* character (code point) offsets in the article text, */
  size_t span_end;       /* end exclusive, covering source, verb and target words */
  const char *text;      /* the sentence */
  hooft_actor source;
  hooft_actor target;
  const char *cameo;     /* "072" */
  const char *root;      /* "07" */
  int quad;              /* 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict */
  double goldstein;
  const char *plover;    /* PLOVER category, or NULL where PLOVER has none (CAMEO 01, 02) */
  const char *cameo_name;
  int negated;           /* 1 if the clause negates the event */
  const char *verb;      /* the head word(s) that matched, as in the text */
  const char *pattern;   /* the dictionary pattern */
  const char *rule;      /* "dict/nl/verbs.txt:123" */
  /* claims */
  hooft_actor attribution;    /* who the event is attributed to; code NULL if nobody */
  const char *certainty;      /* "asserted", "reported", "hedged" or "hypothetical" */
  const char *date;           /* "2024-10-31", "2024-08" or "1950"; the publication date if no clue */
  const char *date_end;       /* end of a range ("1953"), or NULL */
  const char *date_precision; /* "day", "month", "year" or "publication" */
  size_t nquantities;
  const hooft_quantity *quantities; /* the quantities in the event's clause */
  hooft_location location;          /* name NULL if no place was found */
} hooft_event;

/* Loads every dictionary under dict_dir (hooft's own layout, see
 * docs/dictionaries.md). Returns a coder (caller owns; hooft_coder_free) or
 * NULL with err filled ("file:line: message"; every problem found is listed). */
hooft_coder *hooft_coder_new(const char *dict_dir, hooft_error *err);

/* Opens a coder from the dictionary set that spec names:
 *   "DIR" or "hooft:DIR"          hooft's own dictionaries (the same as hooft_coder_new)
 *   "tabari:FILE.project"         a TABARI project: the .actors, .agents, .verbs and .options
 *                                 files it names (a single .verbs/.actors file also works)
 *   "petrarch:DIR" or "petrarch:CONFIG.ini"
 *                                 a PETRARCH-2 set: actors, agents, verb patterns, discards
 * A TABARI or PETRARCH set is translated into the coder's own tables and codes English with
 * the shallow-parse rules those dictionaries were written for (TABARI manual, chapters 5-7):
 * ordered patterns with $ + % ^ slots, stems, paired codes, compounds, passive voice. Claims
 * are off for such a coder. With the option FORWARD set, a record may take its opening
 * pronoun's actor from the record coded just before it (TABARI manual 8.4). Returns a coder
 * (caller owns; hooft_coder_free) or NULL with err filled ("file:line: message" for every
 * problem found). */
hooft_coder *hooft_coder_open(const char *spec, hooft_error *err);

/* Gives a coder opened from a TABARI or PETRARCH set hooft's CAMEO table (dict_dir/cameo/events.tsv):
 * when the set's event codes are CAMEO codes (at least 90% of them are in the table), its events
 * get CAMEO names, Goldstein scores, quad classes and PLOVER categories. Returns 1 if the set's
 * codes are CAMEO, 0 if not (WEIS, own schemes: the events keep only their codes), or -1 with
 * err filled when the table cannot be read. */
int hooft_coder_load_cameo(hooft_coder *coder, const char *dict_dir, hooft_error *err);

/* Applies one TABARI .options command ("SET: CODE BY SENTENCE", "COMPLEX: VERBS[5] NOACTPRIOR",
 * "DEFAULT: SOURCE [SRC]", "DEFAULT: OFF", "COMMA: OFF") to a coder opened from a TABARI or
 * PETRARCH set, as the validation records do between sentences. Returns 0, or -1 with err
 * filled (a command the coder does not know, or a coder of hooft's own dictionaries). */
int hooft_coder_option(hooft_coder *coder, const char *command, hooft_error *err);

/* Releases a coder and everything it owns. NULL is allowed. */
void hooft_coder_free(hooft_coder *coder);

/* Number of dictionary entries loaded, by kind: "actors", "roles", "patterns", "places". */
size_t hooft_coder_count(const hooft_coder *coder, const char *kind);

/* Loads a gazetteer for event locations: a tab-separated file of name, ISO alpha-3
 * country, latitude, longitude, feature (city, capital, region) and population, one
 * name per line ('#' comments); see docs/gazetteer.md. Replaces any gazetteer loaded
 * before. Returns 0, or -1 with err filled ("file:line: problem"). */
int hooft_coder_load_gazetteer(hooft_coder *coder, const char *path, hooft_error *err);

/* Non-fatal dictionary problems found while loading (duplicates), one
 * "file:line: message" per line, or NULL if none. Borrowed from the coder. */
const char *hooft_coder_warnings(const hooft_coder *coder);

/* Turns the claims (attribution, certainty, quantities, dates, locations) on (the
 * default) or off; off, events carry only the publication date and no claims. */
void hooft_coder_set_claims(hooft_coder *coder, int enabled);

/* Identifies the language of text among the languages the coder has
 * dictionaries for. Returns "nl" or "en" (static string), or NULL if unsure. */
const char *hooft_identify_language(hooft_coder *coder, const char *text, size_t len);

/* Codes one article. Returns a document (caller owns; hooft_doc_free), or NULL
 * with err filled when the article cannot be coded (invalid UTF-8, NUL bytes,
 * unknown language, bad date); a NULL return never affects the coder. */
hooft_doc *hooft_code(hooft_coder *coder, const hooft_article *article, hooft_error *err);

/* Releases a document. NULL is allowed. */
void hooft_doc_free(hooft_doc *doc);

/* Accessors. Returned pointers are borrowed from the document. */
size_t hooft_doc_event_count(const hooft_doc *doc);
const hooft_event *hooft_doc_event(const hooft_doc *doc, size_t i);
size_t hooft_doc_sentence_count(const hooft_doc *doc);
const char *hooft_doc_id(const hooft_doc *doc);
const char *hooft_doc_lang(const hooft_doc *doc);
const char *hooft_doc_date(const hooft_doc *doc);
const char *hooft_doc_url(const hooft_doc *doc);

/* Why sentences were not coded, for a coder opened from a TABARI or PETRARCH set: NULL when
 * every sentence was coded normally, else the first sentence's outcome: "discard" (a [###]
 * phrase), "complex: REASON" (a [+++] phrase or a COMPLEX: condition of the options) or
 * "short" (fewer words than SET: MINIMUM WORDS). Borrowed from the document. */
const char *hooft_doc_status(const hooft_doc *doc);

/* Every quantity found in the article, in text order. Borrowed from the document. */
size_t hooft_doc_quantity_count(const hooft_doc *doc);
const hooft_quantity *hooft_doc_quantity(const hooft_doc *doc, size_t i);

/* Writes one JSON line describing the document itself (type "document": id, language,
 * publication date, counts, and every quantity with its sentence). Returns 0 or -1. */
int hooft_doc_write_summary(const hooft_doc *doc, FILE *out);

/* Writes the events of doc as JSON Lines (one event per line, field order as
 * in README "Output"). Returns 0, or -1 on a write error. */
int hooft_doc_write_jsonl(const hooft_doc *doc, FILE *out);

/* Writes the events of doc as GDELT-style tab-separated rows (no header).
 * Returns 0, or -1 on a write error. */
int hooft_doc_write_tsv(const hooft_doc *doc, FILE *out);

/* Writes the TSV header line matching hooft_doc_write_tsv. */
int hooft_write_tsv_header(FILE *out);

/* ---- Coding queue ----------------------------------------------------- */

/* Codes articles on a thread of its own, so that the caller can store (or
 * print) some articles while the next ones are read and coded; documents come
 * back in the order the source gave the articles. From hooft_queue_new to
 * hooft_queue_free the queue's thread is the only user of the coder. */
typedef struct hooft_queue hooft_queue;

/* Where a queue's articles come from. Called on the queue's thread, one call
 * at a time, until it returns 0: returns 1 with *article filled (its strings
 * borrowed until the next call; the queue copies them) and *tag (any pointer
 * of the caller's, given back with the article's document); 2 with only *tag,
 * a marker passed on uncoded in its place in the order (a bad record to report
 * in order); or 0 when there are no more articles. It may skip articles itself
 * (already stored) and may block (a pipe). */
typedef int (*hooft_article_source)(void *ud, hooft_article *article, void **tag);

/* Starts the thread, which reads articles from next(ud) and codes them while
 * fewer than depth coded articles wait to be taken. Returns a queue (caller
 * owns; hooft_queue_free) or NULL with err filled (depth 0, no source, no
 * thread). Borrows coder and ud, which must outlive the queue. */
hooft_queue *hooft_queue_new(hooft_coder *coder, size_t depth, hooft_article_source next, void *ud,
                             hooft_error *err);

/* Takes the next article, in source order, waiting for its coding. Returns 1
 * with *doc (caller owns; hooft_doc_free) or *doc NULL and err filled as
 * hooft_code would; *article (the queue's copy, valid until the next pop or
 * hooft_queue_free; NULL for a marker; article may be NULL to skip) and *tag
 * (may be NULL). Returns 0 when the source has ended and every article has
 * been taken. */
int hooft_queue_pop(hooft_queue *q, hooft_doc **doc, const hooft_article **article, void **tag, hooft_error *err);

/* 1 if hooft_queue_pop would return at once (a coded article is waiting, or
 * the source has ended), 0 if it would wait: time to do other work. */
int hooft_queue_ready(hooft_queue *q);

/* Seconds the thread has spent in hooft_code (monotonic clock). */
double hooft_queue_busy(hooft_queue *q);

/* Stops the thread once the source call or coding under way returns, drops
 * the coded articles not taken, and frees q. Waits for a source call that
 * blocks (a pipe with nothing to read yet). NULL is allowed. */
void hooft_queue_free(hooft_queue *q);

/* ---- Article input ---------------------------------------------------- */

/* Reads articles from one input: a plain-text file (one article; first line
 * is the title) or a JSON Lines file of {"id","date","lang","title","text","url"}
 * objects. */
typedef struct hooft_reader hooft_reader;

typedef enum hooft_input_format {
  HOOFT_INPUT_AUTO,  /* .jsonl/.json or "-" read as JSONL only if it starts with '{' */
  HOOFT_INPUT_TEXT,
  HOOFT_INPUT_JSONL
} hooft_input_format;

/* Opens path ("-" is stdin). default_date and default_lang apply to plain
 * text and to JSONL lines that lack them (borrowed; must outlive the reader).
 * Returns a reader (caller owns; hooft_reader_free) or NULL with err filled. */
hooft_reader *hooft_reader_open(const char *path, hooft_input_format format,
                                const char *default_date, const char *default_lang,
                                hooft_error *err);

/* Reads the next article. Returns 1 and fills *article (its strings borrowed
 * from the reader until the next call), 0 at end of input, or -1 when this
 * record is bad: err names the file and line; the caller may call again to
 * go on with the next record. */
int hooft_reader_next(hooft_reader *reader, hooft_article *article, hooft_error *err);

/* Line number of the record last returned (JSON Lines), or 0 for plain text. */
long hooft_reader_line(const hooft_reader *reader);

/* 1 if the record last returned carried its own id (a JSONL "id" field; a
 * plain-text file's name is its id), 0 if the reader made one up ("file:line"). */
int hooft_reader_id_given(const hooft_reader *reader);

/* Releases a reader and closes its file. NULL is allowed. */
void hooft_reader_free(hooft_reader *reader);

#ifdef __cplusplus
}
#endif

#endif
