/* queue.c: the coding queue: a thread of its own codes articles while the caller stores or prints
 * earlier ones; documents come back in the order the articles went in. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hooft.h"
#include "util.h"

/* One article on its way through the queue: the queue's copy of it (one
 * allocation holds every string), the caller's tag, and its result. */
typedef struct job {
  hooft_article a;
  void *tag;
  hooft_doc *doc;
  hooft_error *err; /* when coding failed */
  char *strings;
} job;

/* A ring of depth jobs: [head, head+count) are coded and not taken yet. The
 * thread fills job head+count (reads, copies, codes) while the caller takes job
 * head: neither touches the other's job. The mutex guards head, count, ended,
 * stop and busy. */
struct hooft_queue {
  hooft_coder *coder;
  hooft_article_source next;
  void *ud;
  job *ring;
  size_t depth, head, count;
  int ended, stop;
  double busy; /* seconds the thread spent in hooft_code */
  pthread_mutex_t mu;
  pthread_cond_t space, result; /* a free job (or stop); a coded job (or the end) */
  pthread_t thread;
  job taken; /* the last job taken: its article stays valid until the next pop */
};

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Appends s (NULL: nothing) of n bytes to the job's string block at *at; returns its copy. */
static const char *copy_string(char **at, const char *s, size_t n) {
  if (!s) return NULL;
  char *d = *at;
  memcpy(d, s, n);
  d[n] = 0;
  *at += n + 1;
  return d;
}

/* Copies article a into job j, all its strings in one allocation. */
static void copy_article(job *j, const hooft_article *a) {
  const char *const fields[] = {a->id, a->date, a->lang, a->title, a->url};
  size_t len[5] = {0}, text_len = a->text ? a->text_len : 0, total = text_len + 1;
  for (int i = 0; i < 5; i++)
    if (fields[i]) total += (len[i] = strlen(fields[i])) + 1;
  char *at = j->strings = hf_xmalloc(total);
  j->a.id = copy_string(&at, a->id, len[0]);
  j->a.date = copy_string(&at, a->date, len[1]);
  j->a.lang = copy_string(&at, a->lang, len[2]);
  j->a.title = copy_string(&at, a->title, len[3]);
  j->a.url = copy_string(&at, a->url, len[4]);
  j->a.text = copy_string(&at, a->text ? a->text : "", text_len);
  j->a.text_len = text_len;
}

/* The thread: takes articles from the source and codes them, one job at a
 * time, until the source ends or the queue is told to stop. The source and
 * hooft_code run without the lock. */
static void *coding_thread(void *arg) {
  hooft_queue *q = arg;
  pthread_mutex_lock(&q->mu);
  for (;;) {
    while (!q->stop && q->count == q->depth) pthread_cond_wait(&q->space, &q->mu);
    if (q->stop) break;
    job *j = &q->ring[(q->head + q->count) % q->depth]; /* pops leave head + count as it is */
    pthread_mutex_unlock(&q->mu);
    hooft_article a;
    void *tag = NULL;
    int got = q->next(q->ud, &a, &tag);
    double t = 0;
    if (got > 0) memset(j, 0, sizeof *j);
    if (got == 2) j->tag = tag; /* a marker: nothing to code */
    if (got == 1) {
      copy_article(j, &a);
      j->tag = tag;
      double t0 = now_s();
      hooft_error err;
      j->doc = hooft_code(q->coder, &j->a, &err);
      t = now_s() - t0;
      if (!j->doc) {
        j->err = hf_xmalloc(sizeof err);
        memcpy(j->err, &err, sizeof err);
      }
    }
    pthread_mutex_lock(&q->mu);
    if (got <= 0) break;
    q->busy += t;
    q->count++;
    pthread_cond_signal(&q->result);
  }
  q->ended = 1;
  pthread_cond_signal(&q->result);
  pthread_mutex_unlock(&q->mu);
  return NULL;
}

hooft_queue *hooft_queue_new(hooft_coder *coder, size_t depth, hooft_article_source next, void *ud,
                             hooft_error *err) {
  if (!coder || !next || depth == 0) {
    hf_error(err, "a coding queue needs a coder, a source of articles and a depth of at least 1");
    return NULL;
  }
  hooft_queue *q = hf_xcalloc(1, sizeof *q);
  q->coder = coder;
  q->next = next;
  q->ud = ud;
  q->depth = depth;
  q->ring = hf_xcalloc(depth, sizeof *q->ring);
  pthread_mutex_init(&q->mu, NULL);
  pthread_cond_init(&q->space, NULL);
  pthread_cond_init(&q->result, NULL);
  int rc = pthread_create(&q->thread, NULL, coding_thread, q);
  if (rc != 0) {
    hf_error(err, "cannot start the coding thread: %s", strerror(rc));
    pthread_cond_destroy(&q->space);
    pthread_cond_destroy(&q->result);
    pthread_mutex_destroy(&q->mu);
    free(q->ring);
    free(q);
    return NULL;
  }
  return q;
}

/* Frees what a job owns apart from its document. */
static void job_clear(job *j) {
  free(j->strings);
  free(j->err);
  j->strings = NULL;
  j->err = NULL;
}

int hooft_queue_pop(hooft_queue *q, hooft_doc **doc, const hooft_article **article, void **tag, hooft_error *err) {
  job_clear(&q->taken); /* the article taken before this one */
  pthread_mutex_lock(&q->mu);
  while (q->count == 0 && !q->ended) pthread_cond_wait(&q->result, &q->mu);
  if (q->count == 0) {
    pthread_mutex_unlock(&q->mu);
    return 0;
  }
  q->taken = q->ring[q->head];
  q->head = (q->head + 1) % q->depth;
  q->count--;
  pthread_cond_signal(&q->space);
  pthread_mutex_unlock(&q->mu);
  *doc = q->taken.doc;
  if (q->taken.err && err) *err = *q->taken.err;
  if (article) *article = q->taken.strings ? &q->taken.a : NULL;
  if (tag) *tag = q->taken.tag;
  return 1;
}

int hooft_queue_ready(hooft_queue *q) {
  pthread_mutex_lock(&q->mu);
  int ready = q->count > 0 || q->ended;
  pthread_mutex_unlock(&q->mu);
  return ready;
}

double hooft_queue_busy(hooft_queue *q) {
  pthread_mutex_lock(&q->mu);
  double b = q->busy;
  pthread_mutex_unlock(&q->mu);
  return b;
}

void hooft_queue_free(hooft_queue *q) {
  if (!q) return;
  pthread_mutex_lock(&q->mu);
  q->stop = 1;
  pthread_cond_signal(&q->space);
  pthread_mutex_unlock(&q->mu);
  pthread_join(q->thread, NULL);
  for (size_t i = 0; i < q->count; i++) { /* coded and never taken */
    job *j = &q->ring[(q->head + i) % q->depth];
    hooft_doc_free(j->doc);
    job_clear(j);
  }
  job_clear(&q->taken);
  pthread_cond_destroy(&q->space);
  pthread_cond_destroy(&q->result);
  pthread_mutex_destroy(&q->mu);
  free(q->ring);
  free(q);
}
