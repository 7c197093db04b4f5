/* fuzz_validate.c: libFuzzer target: reads arbitrary bytes as a TABARI validation file
 * (hooft validate's record reader), then formats every record's expectations. */
#include <stdint.h>
#include <stdlib.h>

#include "../cli/validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  for (int stop = 0; stop < 2; stop++) {
    vd_suite s;
    vd_suite_init(&s);
    vd_read_tabari(&s, "fuzz.text", (const char *)data, size, stop);
    vd_label_records(&s);
    for (size_t i = 0; i < s.n; i++) free(vd_format_expected(&s.v[i]));
    vd_suite_free(&s);
  }
  return 0;
}
