/* fuzz_shallow.c: libFuzzer target: codes arbitrary bytes with a TABARI set (the fixture
 * dictionaries of tests/compat), under every CODE BY setting. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hooft.h"

static hooft_coder *coder;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  hooft_error err;
  if (!coder && !(coder = hooft_coder_open("tabari:" HOOFT_FUZZ_TABARI, &err))) abort();
  static const char *const by[] = {"SET: CODE BY CLAUSE", "SET: CODE BY SENTENCE", "SET: CODE ALL"};
  hooft_coder_option(coder, by[size % 3], &err);
  hooft_article a = {"fuzz", "2000-01-03", "en", NULL, (const char *)data, size, NULL};
  hooft_doc *d = hooft_code(coder, &a, &err);
  if (d) {
    for (size_t i = 0; i < hooft_doc_event_count(d); i++) {
      const hooft_event *e = hooft_doc_event(d, i);
      if (!e->source.code || !e->target.code || !e->cameo || e->span_end < e->span_start) abort();
    }
    hooft_doc_free(d);
  }
  return 0;
}
