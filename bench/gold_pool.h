/* gold_pool.h: the benchmarks' source text: the sentences and languages of the project's gold files. */
#ifndef HOOFT_GOLD_POOL_H
#define HOOFT_GOLD_POOL_H

#include <stddef.h>

typedef struct gold_pool {
  char **text, **lang; /* owned copies */
  int *events;         /* the gold events of each sentence; -1 where the file gives none */
  size_t n, cap;
} gold_pool;

/* Appends the "text", "lang" (nl or en) and the number of "events" of every
 * line of a gold or article JSONL file; exits with a message when the file
 * cannot be read. */
void gold_pool_load(gold_pool *p, const char *path);

/* Releases the pool's strings. */
void gold_pool_free(gold_pool *p);

#endif
