/* store_bench.c: event store benchmark: ingest throughput (articles/s) into SQLite and PostgreSQL with the
 * share of time spent in storage vs coding, and the latency of a dyad-by-month query on a store of
 * N (default 5,000,000) events generated directly through the store interface. */
#include "bench_util.h"
#include <dirent.h>
#include <jansson.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hooft.h"
#include "gold_pool.h"
#include "hooft_store.h"

static long BATCH = 1000; /* hooft ingest's default */
static long IDLE_FLUSH = HOOFT_INGEST_IDLE_FLUSH; /* flush what is put while the coder keeps us waiting */
static int REOPEN;         /* HOOFT_BENCH_REOPEN=1: a new connection per batch (nothing cached from the last) */
static int EXPECT = 1;     /* HOOFT_BENCH_NO_EXPECT: no hooft_store_expect (each put asks for its article alone) */
/* "YYYY-MM-DD" of the day that many days after 1970-01-01. */
static void day_text(long days, char buf[11]) {
  time_t t = (time_t)days * 86400;
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(buf, 11, "%Y-%m-%d", &tm);
}

static void die(const char *what, const hooft_error *err) {
  fprintf(stderr, "store-bench: %s: %s\n", what, err ? err->message : "");
  exit(1);
}

/* ---- Ingest: coding and storing articles built from the gold sentences ---------------------------- */

/* One corpus article: about 20 gold sentences of one language. */
typedef struct corpus_article {
  char id[32], date[11], url[64], *text, *lang;
} corpus_article;

/* Builds n articles of about 20 gold sentences each, in one language, in the
 * pool's order. density > 0: sentences with gold events and without are
 * mixed so that the articles hold about that many gold events per sentence
 * (each kind taken in the pool's order); 0: every sentence in turn (most hold
 * an event). */
static corpus_article *make_corpus(const gold_pool *p, long n, double density) {
  corpus_article *c = calloc((size_t)n, sizeof *c);
  size_t k = 0, kev = 0, knone = 0;
  long sentences = 0, events = 0;
  for (long a = 0; a < n; a++) {
    const char *lang = p->lang[k % p->n];
    size_t len = 0, cap = 8192;
    char *buf = malloc(cap);
    for (int j = 0; j < 20; j++, k++) {
      size_t i = k % p->n;
      if (density > 0) { /* the next sentence of the kind that keeps the mix at density */
        int want_event = (double)events < density * (double)(sentences + 1);
        size_t *next = want_event ? &kev : &knone;
        do i = (*next)++ % p->n;
        while ((p->events[i] > 0) != want_event || strcmp(p->lang[i], lang));
        sentences++;
        events += p->events[i] > 0 ? p->events[i] : 0;
      }
      if (strcmp(p->lang[i], lang)) continue;
      size_t tl = strlen(p->text[i]);
      if (len + tl + 2 > cap) buf = realloc(buf, cap = 2 * (len + tl + 2));
      memcpy(buf + len, p->text[i], tl);
      len += tl;
      buf[len++] = ' ';
    }
    buf[len] = 0;
    c[a].text = buf;
    c[a].lang = (char *)lang;
    snprintf(c[a].id, sizeof c[a].id, "bench-%ld", a);
    day_text(19358 + a % 365, c[a].date); /* 2023-01-01 on */
    snprintf(c[a].url, sizeof c[a].url, "https://news%ld.example/a/%ld", a % 30, a);
  }
  return c;
}

/* A fresh PostgreSQL database on the server at base (postgresql://USER@HOST:PORT); returns its URL. */
static char *pg_fresh(const char *base, const char *name) {
  char conn[512];
  snprintf(conn, sizeof conn, "%s/postgres", base);
  PGconn *c = PQconnectdb(conn);
  if (PQstatus(c) != CONNECTION_OK) {
    fprintf(stderr, "store-bench: %s: %s", conn, PQerrorMessage(c));
    exit(1);
  }
  char sql[256];
  snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", name);
  PQclear(PQexec(c, sql));
  snprintf(sql, sizeof sql, "CREATE DATABASE %s", name);
  PGresult *r = PQexec(c, sql);
  if (PQresultStatus(r) != PGRES_COMMAND_OK) {
    fprintf(stderr, "store-bench: %s: %s", sql, PQerrorMessage(c));
    exit(1);
  }
  PQclear(r);
  PQfinish(c);
  char *u = malloc(strlen(base) + strlen(name) + 2);
  sprintf(u, "%s/%s", base, name);
  return u;
}

/* The articles of the corpus, handed to the coding queue (hooft_article_source) as hooft ingest's
 * reader would, each checked against the store on a connection of its own first. */
typedef struct corpus_source {
  const corpus_article *c;
  long n, next;
  hooft_store *check;
  double t_check; /* seconds in hooft_store_check, on the queue's thread */
  hooft_store *store; /* the storing thread's, told the keys coming unless HOOFT_BENCH_NO_EXPECT */
} corpus_source;

static int corpus_next(void *ud, hooft_article *a, void **tag) {
  corpus_source *src = ud;
  if (src->next == src->n) return 0;
  const corpus_article *x = &src->c[src->next++];
  *a = (hooft_article){x->id, x->date, x->lang, "Bench", x->text, strlen(x->text), x->url};
  hooft_error err;
  double t0 = bench_now();
  if (hooft_store_check(src->check, a, 1, &err) != HOOFT_PUT_NEW) die("check", &err);
  if (EXPECT) { /* as hooft ingest */
    char *key = hooft_article_key(a, 1, &err);
    hooft_store_expect(src->store, key);
    free(key);
  }
  src->t_check += bench_now() - t0;
  *tag = NULL;
  return 1;
}

/* CPU seconds used so far by the processes of a PostgreSQL server on this
 * machine (every process named "postgres", from /proc), or -1 if none is
 * seen: a server elsewhere, or no /proc. */
static double local_server_cpu(void) {
  DIR *d = opendir("/proc");
  if (!d) return -1;
  double ticks = (double)sysconf(_SC_CLK_TCK), total = 0;
  int seen = 0;
  struct dirent *de;
  while ((de = readdir(d)) != NULL) {
    if (de->d_name[0] < '0' || de->d_name[0] > '9') continue;
    char path[300], buf[1024];
    snprintf(path, sizeof path, "/proc/%s/stat", de->d_name);
    FILE *f = fopen(path, "r");
    if (!f) continue;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *name = strchr(buf, '('), *end = strrchr(buf, ')');
    if (!name || !end || strncmp(name, "(postgres)", 10) != 0) continue;
    unsigned long ut = 0, st = 0; /* fields 14 and 15: user and system time, in ticks */
    if (sscanf(end + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) == 2) {
      total += (double)(ut + st) / ticks;
      seen = 1;
    }
  }
  closedir(d);
  return seen ? total : -1;
}

/* Codes and stores the corpus as hooft ingest does: the articles are read, checked and coded on the
 * coding queue's thread while this thread stores them in batches of BATCH. Prints the rate, how much
 * of the ingest the coding thread was busy, the storage work and its phases. */
static void bench_ingest(hooft_coder *coder, const corpus_article *c, long n, const char *url, const char *label) {
  hooft_error err;
  double cpu0 = bench_cpu_s(), server0 = strstr(url, "postgres") == url ? local_server_cpu() : -1;
  double t0 = bench_now();
  hooft_store *s = hooft_store_open(url, &err);
  corpus_source src = {c, n, 0, NULL, 0, s};
  if (!s || !(src.check = hooft_store_open(url, &err))) die(url, &err);
  double t_open = bench_now() - t0;
  double start = bench_now(), t_store = 0, t_wait = 0;
  hooft_queue *q = hooft_queue_new(coder, (size_t)(BATCH < HOOFT_INGEST_QUEUE_MAX ? BATCH : HOOFT_INGEST_QUEUE_MAX),
                                   corpus_next, &src, &err);
  if (!q) die("queue", &err);
  long events = 0, done = 0, unflushed = 0;
  hooft_doc *d;
  const hooft_article *a;
  for (;;) {
    if (unflushed >= IDLE_FLUSH && !hooft_queue_ready(q)) { /* as hooft ingest: write while waiting */
      double tf = bench_now();
      if (hooft_store_flush(s, &err) < 0) die("flush", &err);
      t_store += bench_now() - tf;
      unflushed = 0;
    }
    double t1 = bench_now();
    int got = hooft_queue_pop(q, &d, &a, NULL, &err);
    double t2 = bench_now();
    t_wait += t2 - t1;
    if (!got) break;
    if (!d) die("code", &err);
    if (done % BATCH == 0 && hooft_store_begin(s, &err) < 0) die("begin", &err);
    if (hooft_store_put(s, a, 1, d, &err) < 0) die("put", &err);
    done++;
    unflushed = done % BATCH == 0 ? 0 : unflushed + 1;
    if ((done % BATCH == 0 || done == n) && hooft_store_commit(s, &err) < 0) die("commit", &err);
    if (REOPEN && done % BATCH == 0 && done != n) { /* opening is counted apart, as the first one */
      hooft_store_close(s);
      double to = bench_now();
      if (!(s = hooft_store_open(url, &err))) die(url, &err);
      t_open += bench_now() - to;
      t2 += bench_now() - to;
    }
    events += (long)hooft_doc_event_count(d);
    hooft_doc_free(d);
    t_store += bench_now() - t2;
  }
  double total = bench_now() - start, t_code = hooft_queue_busy(q);
  hooft_queue_free(q);
  double cpu = bench_cpu_s() - cpu0, server = server0 >= 0 ? local_server_cpu() - server0 : -1;
  hooft_store_stats st;
  if (hooft_store_stats_get(s, &st, &err) < 0) die("stats", &err);
  char prof[512];
  hooft_store_profile(s, prof, sizeof prof);
  hooft_store_close(src.check);
  hooft_store_close(s);
  printf("%-10s %ld articles (%ld event mentions -> %lld events) in %.2f s: %.0f articles/s\n", label, n, events,
         (long long)st.events, total, (double)n / total);
  printf("%-10s coding thread busy %.2f s = %.0f%% of the ingest; storage alone (coding idle) %.2f s = %.0f%%\n", "",
         t_code, 100 * t_code / total, total - t_code, 100 * (total - t_code) / total);
  printf("%-10s storage work %.2f s on the storing thread + %.2f s of checks on the coding thread = %.0f%% of "
         "coding + storage work (waiting for coding %.2f s; open %.0f ms)\n",
         "", t_store, src.t_check, 100 * (t_store + src.t_check) / (t_store + src.t_check + t_code), t_wait,
         t_open * 1000);
  printf("%-10s phases (s%s): %s\n", "", REOPEN ? ", the last connection" : "", prof);
  /* what the two cores (or more) had to do: the ingest cannot take less than the CPU work over the cores */
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  if (server >= 0)
    printf("%-10s CPU: this process %.2f s, the local PostgreSQL server %.2f s, on %ld cores: the ingest takes at "
           "least %.2f s\n",
           "", cpu, server, cores, (cpu + server) / (double)cores);
  else
    printf("%-10s CPU: this process %.2f s, on %ld cores\n", "", cpu, cores);
}

/* ---- A large store: events generated directly through the store interface ------------------------- */

static const char *const actors[] = {
    "RUS", "UKR", "USA", "CHN", "DEU", "FRA", "GBR", "NLD", "BEL", "POL", "TUR", "IRN", "ISR", "PSE", "SYR",
    "IRQ", "SAU", "EGY", "IND", "PAK", "AFG", "JPN", "KOR", "PRK", "TWN", "BRA", "MEX", "VEN", "COL", "ZAF",
    "NGA", "ETH", "SDN", "KEN", "LBY", "ITA", "ESP", "SWE", "FIN", "NOR", "RUSMIL", "UKRMIL", "USAGOV",
    "CHNGOV", "RUSGOV", "UKRGOV", "IGOWSTNAT", "IGOEUREEC", "IGOUNO", "ISRMIL"};
#define NACTORS (sizeof actors / sizeof *actors)
static const char *const codes[] = {"010", "020", "036", "042", "043", "046", "051", "057", "061", "071",
                                    "081", "090", "100", "112", "120", "130", "141", "150", "163", "173",
                                    "181", "190", "193", "195", "200"};
#define NCODES (sizeof codes / sizeof *codes)

static uint64_t rng = 88172645463325252ULL;
static uint64_t next_rand(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

/* Skewed pick: small indexes far more often, as in news (a few dyads dominate). */
static size_t skewed(size_t n) {
  size_t a = next_rand() % n, b = next_rand() % n;
  return a < b ? a : b;
}

/* Fills the store at url until it holds at least target events; 10 events per article. */
static void generate(const char *url, long target) {
  hooft_error err;
  hooft_store *s = hooft_store_open(url, &err);
  if (!s) die(url, &err);
  hooft_store_stats st;
  if (hooft_store_stats_get(s, &st, &err) < 0) die("stats", &err);
  if (st.events >= target) {
    printf("store:     %s already holds %lld events (%lld mentions, %lld articles)\n", url, (long long)st.events,
           (long long)st.mentions, (long long)st.articles);
    hooft_store_close(s);
    return;
  }
  double t0 = bench_now();
  long article = st.articles, made = st.events;
  static const char *const sentences[] = {
      "The government said the talks would resume next week.", "Troops crossed the border early on Monday.",
      "The minister condemned the attack in a statement.", "Both sides agreed to a ceasefire.",
      "Officials accused the neighbour of violating the agreement."};
  while (made < target) {
    if (hooft_store_begin(s, &err) < 0) die("begin", &err);
    for (int a = 0; a < 1000; a++, article++) {
      hooft_event ev[10];
      char day[11];
      day_text(16436 + (long)(next_rand() % 3650), day); /* 2015-01-01 on, ten years */
      char roots[10][3];
      for (int i = 0; i < 10; i++) {
        memset(&ev[i], 0, sizeof ev[i]);
        const char *src = actors[skewed(NACTORS)], *tgt = actors[next_rand() % NACTORS];
        const char *code = codes[next_rand() % NCODES];
        snprintf(roots[i], sizeof roots[i], "%.2s", code);
        int r = atoi(roots[i]);
        ev[i].sentence = 1 + i / 2;
        ev[i].span_end = 20;
        ev[i].text = sentences[i / 2];
        ev[i].source = (hooft_actor){src, src, src};
        ev[i].target = (hooft_actor){tgt, tgt, tgt};
        ev[i].cameo = code;
        ev[i].root = roots[i];
        ev[i].quad = r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4;
        ev[i].goldstein = r <= 9 ? 3.0 : -5.0;
        ev[i].plover = r <= 2 ? NULL : "CONSULT";
        ev[i].verb = "said";
        ev[i].pattern = "say";
        ev[i].rule = "bench:1";
      }
      char id[32], link[64];
      snprintf(id, sizeof id, "gen-%ld", article);
      snprintf(link, sizeof link, "https://source%ld.example/%ld", article % 500, article);
      hooft_article art = {id, day, "en", "Generated", id, strlen(id), link};
      if (hooft_store_put_events(s, &art, 1, ev, 10, &err) < 0) die("put", &err);
      made += 10;
    }
    if (hooft_store_commit(s, &err) < 0) die("commit", &err);
    if (made >= target) { /* merges make fewer events than mentions: count */
      if (hooft_store_stats_get(s, &st, &err) < 0) die("stats", &err);
      made = st.events;
    }
  }
  if (hooft_store_stats_get(s, &st, &err) < 0) die("stats", &err);
  double t = bench_now() - t0;
  printf("generated: %lld events from %lld mentions in %lld articles in %.0f s (%.0f mentions/s through "
         "hooft_store_put_events)\n",
         (long long)st.events, (long long)st.mentions, (long long)st.articles, t,
         (double)(st.mentions) / t);
  hooft_store_close(s);
}

static int count_row(const hooft_row *r, void *ud) {
  (void)r;
  (*(long *)ud)++;
  return 0;
}

/* Times a grouped query 5 times; prints the first and the best. */
static void time_query(hooft_store *s, const char *label, const hooft_filter *f, unsigned group) {
  double first = 0, best = 1e9;
  long rows = 0;
  for (int i = 0; i < 5; i++) {
    hooft_error err;
    rows = 0;
    double t0 = bench_now();
    if (hooft_store_query(s, f, group, 0, count_row, &rows, &err) < 0) die("query", &err);
    double t = bench_now() - t0;
    if (i == 0) first = t;
    if (t < best) best = t;
  }
  printf("query:     %-44s %7ld rows: first %.3f s, best of 5 %.3f s\n", label, rows, first, best);
}

static void bench_query(const char *url, const char *label) {
  hooft_error err;
  hooft_store *s = hooft_store_open(url, &err);
  if (!s) die(url, &err);
  printf("%s:\n", label);
  hooft_filter f;
  hooft_filter_init(&f);
  time_query(s, "dyad by month, all dyads", &f, HOOFT_GROUP_DYAD | HOOFT_GROUP_MONTH);
  hooft_filter_set(&f, "source", "RUS", &err);
  hooft_filter_set(&f, "target", "UKR", &err);
  time_query(s, "dyad by month, RUS -> UKR", &f, HOOFT_GROUP_DYAD | HOOFT_GROUP_MONTH);
  hooft_filter_init(&f);
  hooft_filter_set(&f, "actor", "RUS", &err);
  time_query(s, "dyad by month, RUS on either side", &f, HOOFT_GROUP_DYAD | HOOFT_GROUP_MONTH);
  hooft_store_close(s);
}

int main(int argc, char **argv) {
  long target = argc > 1 ? atol(argv[1]) : 5000000;
  if (getenv("HOOFT_BENCH_BATCH")) BATCH = atol(getenv("HOOFT_BENCH_BATCH"));
  if (getenv("HOOFT_BENCH_IDLE_FLUSH")) IDLE_FLUSH = atol(getenv("HOOFT_BENCH_IDLE_FLUSH"));
  REOPEN = getenv("HOOFT_BENCH_REOPEN") && atoi(getenv("HOOFT_BENCH_REOPEN")) > 0;
  EXPECT = !getenv("HOOFT_BENCH_NO_EXPECT");
  long narticles = getenv("HOOFT_BENCH_ARTICLES") ? atol(getenv("HOOFT_BENCH_ARTICLES")) : 5000;
  const char *pg = getenv("HOOFT_BENCH_PG") ? getenv("HOOFT_BENCH_PG") : getenv("HOOFT_TEST_PG");
  const char *dict = getenv("HOOFT_DICT") ? getenv("HOOFT_DICT") : HOOFT_SOURCE_DIR "/dict";
  gold_pool p = {0};
  gold_pool_load(&p, HOOFT_SOURCE_DIR "/tests/gold/nl.jsonl");
  gold_pool_load(&p, HOOFT_SOURCE_DIR "/tests/gold/en.jsonl");
  hooft_error err;
  hooft_coder *coder = hooft_coder_new(dict, &err);
  if (!coder) die(dict, &err);
  for (size_t i = 0; i < p.n; i++) { /* warm the lemma cache, as a long-running ingest would be */
    hooft_article a = {"warm", "2024-10-31", p.lang[i], NULL, p.text[i], strlen(p.text[i]), NULL};
    hooft_doc_free(hooft_code(coder, &a, &err));
  }
  double density = getenv("HOOFT_BENCH_DENSITY") ? atof(getenv("HOOFT_BENCH_DENSITY")) : 0;
  corpus_article *c = make_corpus(&p, narticles, density);
  if (density > 0)
    printf("ingest: %ld articles of about 20 gold sentences each, mixed to %.2f gold events per sentence, ", narticles,
           density);
  else
    printf("ingest: %ld articles of about 20 gold sentences each (event-dense: most sentences hold an event), ",
           narticles);
  printf("dates over 2023, 30 hosts, batches of %ld\n", BATCH);
  char dir[] = "/tmp/hooft-store-bench.XXXXXX";
  if (!mkdtemp(dir)) die("mkdtemp", NULL);
  char sqlite_url[128];
  snprintf(sqlite_url, sizeof sqlite_url, "%s/ingest.db", dir);
  bench_ingest(coder, c, narticles, sqlite_url, "SQLite");
  if (pg) {
    char *u = pg_fresh(pg, "hooft_bench_ingest");
    bench_ingest(coder, c, narticles, u, "PostgreSQL");
    free(u);
  } else {
    printf("PostgreSQL skipped: set HOOFT_BENCH_PG (or HOOFT_TEST_PG) to postgresql://USER@HOST:PORT\n");
  }
  if (getenv("HOOFT_BENCH_KEEP")) { /* to inspect the ingested store */
    printf("kept:      %s\n", sqlite_url);
  } else {
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0) fprintf(stderr, "store-bench: could not remove %s\n", dir);
  }

  /* the large store is kept in bench/out/ and reused while it is big enough */
  mkdir(HOOFT_SOURCE_DIR "/bench/out", 0755);
  char big[256];
  snprintf(big, sizeof big, "%s/bench/out/store-%ld.db", HOOFT_SOURCE_DIR, target);
  generate(big, target);
  bench_query(big, "SQLite");
  if (pg && getenv("HOOFT_BENCH_PG_BIG")) {
    char *u = pg_fresh(pg, "hooft_bench_big");
    generate(u, target);
    bench_query(u, "PostgreSQL");
    free(u);
  }
  for (long a = 0; a < narticles; a++) free(c[a].text);
  free(c);
  gold_pool_free(&p);
  hooft_coder_free(coder);
  return 0;
}
