/* gold_pool.c: reads the sentences of the project's gold files for the benchmarks. */
#include "gold_pool.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void add(gold_pool *p, const char *text, const char *lang, int events) {
  if (p->n == p->cap) {
    p->cap = p->cap ? p->cap * 2 : 256;
    p->text = realloc(p->text, p->cap * sizeof *p->text);
    p->lang = realloc(p->lang, p->cap * sizeof *p->lang);
    p->events = realloc(p->events, p->cap * sizeof *p->events);
    if (!p->text || !p->lang || !p->events) {
      fputs("bench: out of memory\n", stderr);
      exit(1);
    }
  }
  p->text[p->n] = strdup(text);
  p->lang[p->n] = strdup(lang);
  p->events[p->n] = events;
  p->n++;
}

void gold_pool_load(gold_pool *p, const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "bench: cannot open %s\n", path);
    exit(1);
  }
  char *line = NULL;
  size_t cap = 0;
  while (getline(&line, &cap, f) > 0) {
    json_t *o = json_loads(line, 0, NULL);
    const char *t = json_string_value(json_object_get(o, "text"));
    const char *l = json_string_value(json_object_get(o, "lang"));
    json_t *ev = json_object_get(o, "events");
    if (t && l && (!strcmp(l, "nl") || !strcmp(l, "en")))
      add(p, t, l, json_is_array(ev) ? (int)json_array_size(ev) : -1);
    json_decref(o);
  }
  free(line);
  fclose(f);
}

void gold_pool_free(gold_pool *p) {
  for (size_t i = 0; i < p->n; i++) {
    free(p->text[i]);
    free(p->lang[i]);
  }
  free(p->text);
  free(p->lang);
  free(p->events);
  p->text = p->lang = NULL;
  p->events = NULL;
  p->n = p->cap = 0;
}
