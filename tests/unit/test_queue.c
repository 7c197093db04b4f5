/* test_queue.c: unit tests of the coding queue: documents come back in source order, equal to
 * coding on the caller's thread; markers and articles that cannot be coded keep their place;
 * a small depth still passes everything through; freeing with articles left frees them. */
#include "testutil.h"

/* A source of articles from a list of texts; a text of NULL is a marker. */
typedef struct list_source {
  const char *const *texts;
  size_t n, next;
  char id[32];
  long tags[64];
} list_source;

static int list_next(void *ud, hooft_article *a, void **tag) {
  list_source *src = ud;
  if (src->next == src->n) return 0;
  size_t i = src->next++;
  src->tags[i] = (long)i;
  *tag = &src->tags[i];
  if (!src->texts[i]) return 2;
  snprintf(src->id, sizeof src->id, "a%zu", i);
  const char *t = src->texts[i];
  /* strings that change with every call: the queue must have copied them */
  *a = (hooft_article){src->id, "2024-10-31", "en", NULL, t, strlen(t), NULL};
  return 1;
}

static const char *const texts[] = {
    "Russia attacked Ukraine on Sunday.",
    NULL,
    "The Netherlands condemned the attack.",
    "bad \xff utf-8",
    "North Korea sent troops to Russia.",
    "",
    "Ukraine accused Russia of shelling Kharkiv.",
};
#define NTEXTS (sizeof texts / sizeof *texts)

/* The JSON Lines of a document, for comparing two codings of an article. */
static char *jsonl(const hooft_doc *d) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  hooft_doc_write_jsonl(d, f);
  fclose(f);
  return buf;
}

/* Pops everything, then (the queue's thread has ended: the coder is free
 * again) checks each document against coding its text on this thread. */
static void drain_and_compare(hooft_queue *q, list_source *src) {
  char *out[NTEXTS] = {0}, msg[NTEXTS][sizeof(hooft_error)];
  size_t got = 0;
  hooft_doc *d;
  const hooft_article *a;
  void *tag;
  hooft_error err;
  while (hooft_queue_pop(q, &d, &a, &tag, &err) == 1) {
    assert_true(got < NTEXTS);
    assert_ptr_equal(tag, &src->tags[got]);
    msg[got][0] = 0;
    if (!texts[got]) {
      assert_null(a);
      assert_null(d);
    } else {
      char id[32];
      snprintf(id, sizeof id, "a%zu", got);
      assert_non_null(a);
      assert_string_equal(a->id, id);
      assert_string_equal(a->text, texts[got]);
      if (d) out[got] = jsonl(d);
      else snprintf(msg[got], sizeof msg[got], "%s", err.message);
      hooft_doc_free(d);
    }
    got++;
  }
  assert_int_equal(got, NTEXTS);
  assert_int_equal(hooft_queue_pop(q, &d, &a, &tag, &err), 0); /* and stays ended */
  for (size_t i = 0; i < NTEXTS; i++) {
    if (!texts[i]) continue;
    char id[32];
    snprintf(id, sizeof id, "a%zu", i);
    hooft_article same = {id, "2024-10-31", "en", NULL, texts[i], strlen(texts[i]), NULL};
    hooft_doc *want = hooft_code(coder, &same, &err);
    if (!want) {
      assert_null(out[i]);
      assert_string_equal(msg[i], err.message);
    } else {
      char *y = jsonl(want);
      assert_non_null(out[i]);
      assert_string_equal(out[i], y);
      free(y);
    }
    hooft_doc_free(want);
    free(out[i]);
  }
}

static void test_order_and_results(void **state) {
  (void)state;
  for (size_t depth = 1; depth <= 8; depth *= 2) {
    list_source src = {texts, NTEXTS, 0, {0}, {0}};
    hooft_error err;
    hooft_queue *q = hooft_queue_new(coder, depth, list_next, &src, &err);
    assert_non_null(q);
    hooft_doc *d;
    const hooft_article *a;
    void *tag;
    size_t got = 0;
    while (hooft_queue_pop(q, &d, &a, &tag, &err) == 1) { /* first pass: order and markers only */
      assert_ptr_equal(tag, &src.tags[got]);
      assert_true((a == NULL) == (texts[got] == NULL));
      assert_true(d != NULL || texts[got] == NULL || !strcmp(texts[got], "bad \xff utf-8"));
      if (!d && texts[got]) assert_non_null(strstr(err.message, "UTF-8"));
      hooft_doc_free(d);
      got++;
    }
    assert_int_equal(got, NTEXTS);
    assert_true(hooft_queue_busy(q) > 0);
    hooft_queue_free(q);
  }
}

/* The queue's documents are those of coding on the caller's thread. */
static void test_same_as_direct(void **state) {
  (void)state;
  list_source src = {texts, NTEXTS, 0, {0}, {0}};
  hooft_error err;
  hooft_queue *q = hooft_queue_new(coder, NTEXTS, list_next, &src, &err);
  assert_non_null(q);
  drain_and_compare(q, &src);
  hooft_queue_free(q);
}

/* Freed with coded articles never taken and a thread still coding: nothing leaks (valgrind, LSan). */
static void test_free_early(void **state) {
  (void)state;
  list_source src = {texts, NTEXTS, 0, {0}, {0}};
  hooft_error err;
  hooft_queue *q = hooft_queue_new(coder, 2, list_next, &src, &err);
  assert_non_null(q);
  hooft_doc *d;
  const hooft_article *a;
  assert_int_equal(hooft_queue_pop(q, &d, &a, NULL, &err), 1);
  assert_non_null(d);
  hooft_doc_free(d);
  hooft_queue_free(q);
  hooft_queue_free(NULL);
}

static void test_bad_arguments(void **state) {
  (void)state;
  hooft_error err;
  list_source src = {texts, NTEXTS, 0, {0}, {0}};
  assert_null(hooft_queue_new(coder, 0, list_next, &src, &err));
  assert_non_null(strstr(err.message, "depth"));
  assert_null(hooft_queue_new(coder, 4, NULL, &src, &err));
  assert_null(hooft_queue_new(NULL, 4, list_next, &src, &err));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_order_and_results),
      cmocka_unit_test(test_same_as_direct),
      cmocka_unit_test(test_free_early),
      cmocka_unit_test(test_bad_arguments),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
