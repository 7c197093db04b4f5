/* validate.h: the model of a validation suite (TABARI Validate.text or PETRARCH-2 unit-test
 * records): records with their text, expected outcomes and option changes, the readers that
 * fill it, and the rule that decides whether a record passed. */
#ifndef HOOFT_VALIDATE_H
#define HOOFT_VALIDATE_H

#include <stddef.h>

#include "../src/util.h" /* hf_buf, hf_xrealloc, hf_xstrndup, hf_read_file */

/* An expected (or coded) event: codes as written ("---" for a missing actor) and an optional
 * date "YYYY-MM-DD" ("" when the record gives none). */
typedef struct vd_event {
  char *src, *tgt, *code;
  char date[11];
} vd_event;

/* Special outcomes a record may expect ({---}, {+++}, {###}; PETRARCH noevents and discards). */
enum { VD_EXPECT_NONE = 1, VD_EXPECT_COMPLEX = 2, VD_EXPECT_DISCARD = 4 };

/* Why a record is not scored. */
enum {
  VD_SCORED = 0,
  VD_UNSCORED_OPTIONS,   /* only option changes ({ OPTION: ... }) */
  VD_UNSCORED_UNCHECKED, /* TABARI -{...} before any check: validation commented out */
  VD_UNSCORED_EXCLUDED,  /* PETRARCH: category not in <Include> */
  VD_UNSCORED_NOCHECK,   /* nothing to check: PETRARCH without codings, noevents or discard;
                            TABARI without fields (read with stop off) */
  VD_UNSCORED_BAD        /* the record is malformed (its problem was reported) */
};

typedef struct vd_record {
  char *id;         /* as in the file */
  char *label;      /* id, or "id@line" when the id is not unique in its file */
  const char *file; /* borrowed from the suite */
  int line;         /* of the header / <Sentence> */
  char date[11];    /* YYYY-MM-DD, "" when malformed */
  char *text;       /* the text to code: lines joined by blanks */
  char **options;   /* TABARI .options commands to apply before coding, in order */
  int *option_lines;
  size_t noptions;
  vd_event *events; /* expected events (duplicates removed) */
  size_t nevents, events_cap;
  unsigned special; /* VD_EXPECT_* */
  int open;         /* TABARI -{: coded events beyond the expected ones are not checked */
  int unscored;     /* VD_SCORED or VD_UNSCORED_* */
  char *note;       /* PETRARCH: the error kind expected when not checkable, else NULL */
} vd_record;

/* A suite read from one or more files, and every problem found in them. */
typedef struct vd_suite {
  vd_record *v;
  size_t n, cap;
  char **files;           /* file names (owned), records point into them */
  size_t nfiles;
  hf_buf problems;        /* "file:line: message\n" lines, in the order found */
  int nproblems;
  char *stop;             /* where reading stopped at an end marker ("FINAL-01 (file:line)"), or NULL */
} vd_suite;

/* ---- The model (validate_model.c) ---- */

void vd_suite_init(vd_suite *s);
void vd_suite_free(vd_suite *s);

/* Records a problem "file:line: message" (line 0: "file: message"). */
void vd_problem(vd_suite *s, const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 4, 5)));


/* Keeps a copy of a file name for the records to point at; returns the copy. */
const char *vd_file(vd_suite *s, const char *name);

/* Appends an empty record (zeroed; id and text NULL) and returns it; valid until the next add. */
vd_record *vd_add_record(vd_suite *s, const char *file, int line);

/* Removes the last record added. */
void vd_drop_record(vd_suite *s);

/* Adds an option command (copied) to r. */
void vd_add_option(vd_record *r, const char *command, int line);

/* Adds an expected event to r unless it is already there (codes trimmed and copied). */
void vd_add_event(vd_record *r, const char *src, const char *tgt, const char *code, const char *date);

/* Gives every record its label: the id, or "id@line" for ids that occur more than once. */
void vd_label_records(vd_suite *s);

/* Turns a date of 6 (YYMMDD; years 00-30 are 2000-2030) or 8 digits (YYYYMMDD) into
 * "YYYY-MM-DD" in out; returns 0, or -1 if it is not such a calendar date. */
int vd_date(const char *digits, size_t n, char out[11]);

/* The coded outcome of one record. */
typedef struct vd_outcome {
  vd_event *events;   /* distinct coded events */
  size_t nevents, cap;
  const char *status; /* hooft_doc_status, or NULL */
} vd_outcome;

/* Adds a coded event (copied) unless the same (source, target, code, date) is there. NULL
 * or empty actor codes become "---". */
void vd_outcome_add(vd_outcome *o, const char *src, const char *tgt, const char *code, const char *date);
void vd_outcome_clear(vd_outcome *o);
void vd_outcome_free(vd_outcome *o);

/* The pass rule (see docs/validate.md): a special expectation that holds passes the record;
 * else the expected events must equal the distinct coded ones (with -{, be among them),
 * comparing dates only where the record gives one and check_dates is set. A record that
 * expects only special outcomes fails when none holds. */
int vd_passes(const vd_record *r, const vd_outcome *o, int check_dates);

/* Writes the expectation of r as "{ARN/GON/064, DAG/GON/032 1995-01-03}" (specials "{+++}",
 * alternatives joined by " or "; a trailing ", ..." for -{) into a malloc'ed string. */
char *vd_format_expected(const vd_record *r);
/* Writes the coded events as "{ARN/GON/064}" ("{}" when none) into a malloc'ed string. */
char *vd_format_outcome(const vd_outcome *o);

/* ---- TABARI (validate_tabari.c) ---- */

/* The files a TABARI project names that validation needs (owned strings; paths joined to the
 * project's directory). */
typedef struct vd_project {
  char **textfiles;
  int *textfile_lines; /* where the project names them */
  size_t ntextfiles;
  char *optionsfile; /* or NULL */
} vd_project;

/* Reads a .project file: its <textfile> and <optionsfile> lines. Returns 0, or -1 with the
 * problem recorded (unreadable file, no <textfile>). */
int vd_read_project(vd_suite *s, const char *path, vd_project *p);
void vd_project_free(vd_project *p);

/* Reads TABARI records from data (the contents of file) into s. With stop, reading ends at the
 * first record without validation fields (the end of the standard validation records) and 1
 * is returned; without, such records are kept (VD_UNSCORED_NOCHECK) and 0 is returned.
 * Problems are recorded with their line. */
int vd_read_tabari(vd_suite *s, const char *file, const char *data, size_t len, int stop);

/* Whether an options command turns TABARI's time shifting on (1) or off (0), or -1 when it is
 * not a SET: TIME SHIFT command. */
int vd_time_shift_command(const char *command);

/* ---- PETRARCH-2 (validate_petrarch.c) ---- */

/* The dictionary file names of a unit-test file's <Environment> (owned, or NULL). */
typedef struct vd_environment {
  char *verbs, *actors, *agents, *discards;
} vd_environment;

/* Reads a PETRARCH-2 validation XML file (libxml2) into s: one record per <Sentence> in a
 * category of <Include>, <Config> options attached to the next sentence; env gets the
 * <Environment>'s dictionary names. Returns 0, or -1 when the file cannot be read or is not
 * well-formed XML (the problem is recorded with its line). */
int vd_read_petrarch(vd_suite *s, const char *path, vd_environment *env);
void vd_environment_free(vd_environment *env);

/* The TABARI options command for a PETRARCH <Config option= value=> (comma_min = 4 ->
 * "COMMA: MIN = 4"), or, for an option TABARI has no command for, "PETRARCH: option = value";
 * malloc'ed. */
char *vd_petrarch_option(const char *option, const char *value);


#endif
