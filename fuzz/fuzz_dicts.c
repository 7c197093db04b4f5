/* fuzz_dicts.c: libFuzzer target: reads arbitrary bytes as one kind of TABARI or PETRARCH-2
 * dictionary file (chosen by the first byte), then translates the model to hooft's format. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../src/compat.h"

static hooft_coder *ref;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!ref) {
    hooft_error err;
    ref = hooft_coder_new(HOOFT_FUZZ_DICT, &err);
    if (!ref) abort();
  }
  if (size < 1) return 0;
  static const int tabari[] = {HF_CX_FILE_PROJECT, HF_CX_FILE_ACTORS,  HF_CX_FILE_AGENTS,
                               HF_CX_FILE_VERBS,   HF_CX_FILE_OPTIONS, HF_CX_FILE_ISSUES};
  static const int petrarch[] = {HF_CX_FILE_CONFIG, HF_CX_FILE_ACTORS,   HF_CX_FILE_AGENTS,
                                 HF_CX_FILE_VERBS,  HF_CX_FILE_DISCARDS, HF_CX_FILE_ISSUES};
  unsigned sel = data[0] % 12;
  hf_cx_dict *d = hf_cx_new(sel < 6 ? HF_CX_TABARI : HF_CX_PETRARCH);
  d->load_files = 0; /* a .project or config names files: never open them */
  hf_cx_read(d, sel < 6 ? tabari[sel] : petrarch[sel - 6], "fuzz", (const char *)data + 1, size - 1);
  hf_cx_finish(d);
  /* every problem is one "fuzz:LINE: message" line (or "fuzz: message") */
  const char *t = d->pr.text.len ? hf_buf_cstr(&d->pr.text) : "";
  int lines = 0;
  for (const char *p = t; *p; p = strchr(p, '\n') + 1, lines++)
    if (strncmp(p, "fuzz:", 5) != 0 || !strchr(p, '\n')) abort();
  if (lines != d->pr.count) abort();
  hf_cx_report rep;
  hf_cx_translate(d, ref, &rep);
  hf_cx_report_free(&rep);
  hf_cx_free(d);
  return 0;
}
