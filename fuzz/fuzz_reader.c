/* fuzz_reader.c: libFuzzer target: reads arbitrary bytes as a JSON Lines article file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "hooft.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char path[] = "/tmp/hooft-fuzz-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return 0;
  if (write(fd, data, size) != (ssize_t)size) {
    close(fd);
    unlink(path);
    return 0;
  }
  close(fd);
  hooft_error err;
  hooft_reader *r = hooft_reader_open(path, HOOFT_INPUT_JSONL, NULL, "nl", &err);
  if (r) {
    hooft_article a;
    int got, guard = 0;
    while ((got = hooft_reader_next(r, &a, &err)) != 0 && guard++ < 100000) {
    }
    hooft_reader_free(r);
  }
  unlink(path);
  return 0;
}
