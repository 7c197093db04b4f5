/* fuzz_code.c: libFuzzer target: codes arbitrary bytes as a Dutch and an English article. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hooft.h"

static hooft_coder *coder;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!coder) {
    hooft_error err;
    coder = hooft_coder_new(HOOFT_FUZZ_DICT, &err);
    if (!coder) abort();
  }
  static const char *const langs[] = {"nl", "en"};
  for (int l = 0; l < 2; l++) {
    hooft_article a = {"fuzz", "2024-10-31", langs[l], NULL, (const char *)data, size, NULL};
    hooft_error err;
    hooft_doc *d = hooft_code(coder, &a, &err);
    if (d) {
      for (size_t i = 0; i < hooft_doc_event_count(d); i++) {
        const hooft_event *e = hooft_doc_event(d, i);
        if (!e->source.code || !e->target.code || e->span_end < e->span_start) abort();
      }
      hooft_doc_free(d);
    }
  }
  return 0;
}
