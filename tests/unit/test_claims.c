/* test_claims.c: unit tests of claims in Dutch and English: quantities (and the numbers that
 * are not quantities), dates resolved against the publication date, certainty and attribution. */
#include <math.h>

#include "testutil.h"


/* Codes text and checks its only quantity (or none when object is "-"). */
static void expect_quantity(const char *lang, const char *text, double value, int approx, const char *object,
                            int has_min, int has_max) {
  hooft_doc *d = code_text(coder, lang, "2024-10-31", text);
  if (!strcmp(object, "-")) {
    if (hooft_doc_quantity_count(d) != 0)
      fail_msg("'%s': unexpected quantity '%s'", text, hooft_doc_quantity(d, 0)->text);
    hooft_doc_free(d);
    return;
  }
  if (hooft_doc_quantity_count(d) != 1) fail_msg("'%s': %zu quantities, want 1", text, hooft_doc_quantity_count(d));
  const hooft_quantity *q = hooft_doc_quantity(d, 0);
  if (fabs(q->value - value) > 1e-6 || q->approx != approx || q->has_min != has_min || q->has_max != has_max)
    fail_msg("'%s': got %g approx=%d min=%d max=%d", text, q->value, q->approx, q->has_min, q->has_max);
  const char *want_object = !strncmp(object, "money:", 6) ? "money" : object;
  if (strcmp(q->object ? q->object : "(null)", want_object)) fail_msg("'%s': object %s", text, q->object);
  if (!strncmp(object, "money:", 6) && (!q->currency || strcmp(q->currency, object + 6)))
    fail_msg("'%s': currency %s", text, q->currency);
  hooft_doc_free(d);
}

static void test_quantities_dutch(void **state) {
  (void)state;
  expect_quantity("nl", "Er zijn naar schatting 11.000 Noord-Koreaanse manschappen gestuurd.", 11000, 1, "troops", 0, 0);
  expect_quantity("nl", "Pyongyang leverde zo’n 2 miljoen artilleriegranaten.", 2e6, 1, "shells", 0, 0);
  expect_quantity("nl", "Onder hen waren enkele honderden elitemilitairen.", 300, 1, "troops", 1, 0);
  expect_quantity("nl", "Bij de aanval vielen meer dan 500 doden.", 500, 0, "dead", 1, 0);
  expect_quantity("nl", "Nederland trekt 2,5 miljoen euro uit voor noodhulp.", 2.5e6, 0, "money:EUR", 0, 0);
  expect_quantity("nl", "Het leger heeft ruim een miljoen militairen.", 1e6, 0, "troops", 1, 0);
  /* not quantities: a year, a percentage, a time, a duration, a phone number */
  expect_quantity("nl", "In 2014 annexeerde Rusland de Krim.", 0, 0, "-", 0, 0);
  expect_quantity("nl", "De economie groeide 12 procent.", 0, 0, "-", 0, 0);
  expect_quantity("nl", "De top begint om 14.00 uur.", 0, 0, "-", 0, 0);
  expect_quantity("nl", "De oorlog duurt al tweeënhalf jaar.", 0, 0, "-", 0, 0);
  expect_quantity("nl", "Bel het nummer 020 555 1234 voor informatie.", 0, 0, "-", 0, 0);
}

static void test_quantities_english(void **state) {
  (void)state;
  expect_quantity("en", "At least 12 civilians were killed.", 12, 0, "dead", 1, 0);
  expect_quantity("en", "Lithuania expelled two Russian diplomats.", 2, 0, "people", 0, 0);
  expect_quantity("en", "Up to 3,000 troops could be sent.", 3000, 0, "troops", 0, 1);
  expect_quantity("en", "The EU pledged $5 billion.", 5e9, 0, "money:USD", 0, 0);
  expect_quantity("en", "Several hundred protesters gathered.", 300, 1, "people", 1, 0);
  expect_quantity("en", "About 2,000 artillery shells were fired.", 2000, 1, "shells", 0, 0);
  expect_quantity("en", "Inflation reached 12 percent in 2023.", 0, 0, "-", 0, 0);
  expect_quantity("en", "The meeting starts at 10 a.m. tomorrow.", 0, 0, "-", 0, 0);
}

/* Codes a one-event text published on Thursday 2024-10-31 and checks the event's date. */
static void expect_date(const char *lang, const char *text, const char *date, const char *end, const char *precision) {
  hooft_doc *d = code_text(coder, lang, "2024-10-31", text);
  if (hooft_doc_event_count(d) < 1) fail_msg("'%s': no event", text);
  const hooft_event *e = hooft_doc_event(d, 0);
  if (strcmp(e->date, date) || strcmp(e->date_precision, precision) ||
      strcmp(e->date_end ? e->date_end : "-", end ? end : "-"))
    fail_msg("'%s': got %s..%s (%s), want %s..%s (%s)", text, e->date, e->date_end ? e->date_end : "-",
             e->date_precision, date, end ? end : "-", precision);
  hooft_doc_free(d);
}

static void test_dates(void **state) {
  (void)state;
  /* publication: Thursday 2024-10-31 */
  expect_date("nl", "Rusland en Oekraïne voeren donderdag overleg met China.", "2024-10-31", NULL, "day");
  expect_date("nl", "Dinsdag viel Rusland Oekraïne aan.", "2024-10-29", NULL, "day");
  expect_date("nl", "Komende dinsdag valt Rusland Oekraïne aan.", "2024-11-05", NULL, "day");
  expect_date("nl", "In augustus viel Oekraïne Rusland binnen.", "2024-08", NULL, "month");
  expect_date("nl", "Noord- en Zuid-Korea vochten van 1950 tot 1953 een oorlog uit.", "1950", "1953", "year");
  expect_date("nl", "In 2014 viel Rusland Oekraïne binnen.", "2014", NULL, "year");
  expect_date("nl", "Gisteren viel Rusland Oekraïne aan.", "2024-10-30", NULL, "day");
  expect_date("nl", "Vorige week viel Rusland Oekraïne aan.", "2024-10-21", "2024-10-27", "day");
  expect_date("nl", "Rusland viel Oekraïne aan.", "2024-10-31", NULL, "publication");
  expect_date("en", "Russia attacked Ukraine on November 4, 2023.", "2023-11-04", NULL, "day");
  expect_date("en", "Russia attacked Ukraine last month.", "2024-09", NULL, "month");
  expect_date("en", "On Tuesday, Russia attacked Ukraine.", "2024-10-29", NULL, "day");
  expect_date("en", "Russia invaded Ukraine in February 2022.", "2022-02", NULL, "month");
}

/* Codes text and checks the first event's certainty and attribution code ("-" for none). */
static void expect_claim(const char *lang, const char *text, const char *certainty, const char *attribution) {
  hooft_doc *d = code_text(coder, lang, "2024-10-31", text);
  size_t n = hooft_doc_event_count(d);
  if (n < 1) fail_msg("'%s': no event", text);
  const hooft_event *e = hooft_doc_event(d, n - 1);
  const char *got = e->attribution.code ? e->attribution.code : "-";
  if (strcmp(e->certainty, certainty) || strcmp(got, attribution))
    fail_msg("'%s': got %s / %s, want %s / %s", text, e->certainty, got, certainty, attribution);
  hooft_doc_free(d);
}

static void test_certainty_and_attribution(void **state) {
  (void)state;
  expect_claim("nl", "Rusland viel Oekraïne aan.", "asserted", "-");
  expect_claim("nl", "Volgens de Navo viel Rusland Oekraïne aan.", "reported", "IGOWSTNAT");
  expect_claim("nl", "Rutte bevestigt dat Noord-Korea troepen naar Rusland heeft gestuurd.", "reported", "IGOWSTNAT");
  expect_claim("nl", "Rusland zou Oekraïne hebben aangevallen.", "hedged", "-");
  expect_claim("nl", "Rusland overweegt Oekraïne aan te vallen.", "hypothetical", "-");
  expect_claim("nl", "Seoul vreest dat Noord-Korea troepen naar Rusland zal sturen.", "hypothetical", "-");
  /* a hedged sentence continues the report of the sentence before */
  expect_claim("nl", "Volgens de Navo viel Rusland Oekraïne aan. Ook zouden Russische troepen Oekraïne zijn binnengevallen.",
               "hedged", "IGOWSTNAT");
  expect_claim("en", "According to NATO, Russia attacked Ukraine.", "reported", "IGOWSTNAT");
  expect_claim("en", "Russia attacked Ukraine, the United Nations said.", "reported", "IGOUNO");
  expect_claim("en", "Russia reportedly attacked Ukraine.", "hedged", "-");
  expect_claim("en", "Russia plans to invade Ukraine.", "hypothetical", "-");
}

/* Codes text and checks the first event's location ("-" for none). */
static void expect_location(const char *lang, const char *text, const char *name, const char *country) {
  hooft_doc *d = code_text(coder, lang, "2024-10-31", text);
  if (hooft_doc_event_count(d) < 1) fail_msg("'%s': no event", text);
  const hooft_event *e = hooft_doc_event(d, 0);
  const char *got = e->location.name ? e->location.name : "-";
  const char *gotc = e->location.country ? e->location.country : "-";
  if (strcmp(got, name) || strcmp(gotc, country))
    fail_msg("'%s': got %s (%s), want %s (%s)", text, got, gotc, name, country);
  hooft_doc_free(d);
}

static void test_locations(void **state) {
  (void)state;
  expect_location("nl", "Rusland en Oekraïne voeren overleg in Washington.", "Washington", "USA");
  expect_location("nl", "Oekraïne viel Rusland binnen in de Russische grensregio Koersk.", "Koersk", "RUS");
  expect_location("en", "Russia attacked Ukraine near Kyiv.", "Kyiv", "UKR");
  /* a capital as an actor is not a location; a capital after "in" is */
  expect_location("en", "Moscow attacked Ukraine.", "-", "-");
  /* ambiguous names: the region after a comma, else the actors' countries */
  expect_location("en", "Russia and China met in Paris, Texas.", "Paris", "USA");
  expect_location("en", "Russia and China met in Paris.", "Paris", "FRA");
  /* a country named as the place, with its capital's coordinates */
  expect_location("en", "Russia and China met in Ukraine.", "Ukraine", "UKR");
  expect_location("nl", "Rusland viel Oekraïne aan.", "-", "-");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_quantities_dutch), cmocka_unit_test(test_quantities_english),
      cmocka_unit_test(test_dates), cmocka_unit_test(test_certainty_and_attribution),
      cmocka_unit_test(test_locations)};
  return cmocka_run_group_tests(tests, setup, teardown);
}
