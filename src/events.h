/* events.h: clause analysis and event coding of one sentence (internal). */
#ifndef HOOFT_EVENTS_H
#define HOOFT_EVENTS_H

#include "coder.h"

/* An event found in a sentence, before it is turned into a hooft_event. */
typedef struct hf_found {
  hf_mention source, target;
  const hf_pattern *pattern;
  int head;          /* head token */
  int particle;      /* particle token of a separable verb, or -1 */
  int negated;
  int first, last;   /* token span covering the source, verb and target in this sentence */
  int clause_from;   /* first token of the event's own clause */
  int content_from;  /* first token of the head's infinitive complement ("om ... te"), or scope_to */
  int scope_from, scope_to; /* tokens whose cues (certainty, dates, quantities) bear on the event:
                               its clause, and the clause governing a dat/that/om/to clause */
} hf_found;

typedef HF_VEC(hf_found) hf_found_vec;

/* State carried from sentence to sentence within a document. */
typedef struct hf_discourse {
  hf_mention last_subject; /* code == NULL when none yet */
} hf_discourse;

/* Codes the sentence tokens [from, to) whose actor mentions are in m[0..nm).
 * Appends events to out. */
void hf_code_sentence(hooft_coder *c, int lang, const char *text, hf_token *toks, int from, int to,
                      hf_mention *m, size_t nm, hf_discourse *dis, hf_found_vec *out);

#endif
