package io.wirestream.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassifierTest {

  private static final String BODY = TextHash.of("the body");
  private static final String TITLE = TextHash.of("the title");

  private static ManifestEntry entry(int line, String id, String... expect) {
    return new ManifestEntry(
        "in.jsonl",
        line,
        "sql-injection",
        "v",
        10,
        List.of(id),
        Set.of(expect),
        List.of(BODY),
        List.of(TITLE));
  }

  private static Observations.StoredRow row(String id, String title, String body) {
    return new Observations.StoredRow(id, TextHash.of(title), TextHash.of(body), null, null);
  }

  private static Observations seen(
      Map<String, Observations.StoredRow> stored,
      Map<String, List<Observations.DeadLetter>> letters,
      Map<String, List<String>> rejections) {
    return new Observations(stored, letters, rejections);
  }

  @Test
  void aRejectionWithAReasonIsRejected() {
    Verdict v =
        Classifier.classify(
            entry(3, "a", "rejected"),
            seen(Map.of(), Map.of(), Map.of("in.jsonl:3", List.of("broken JSON"))));
    assertThat(v.outcome()).isEqualTo("rejected");
    assertThat(v.isViolation()).isFalse();
    assertThat(v.detail()).isEqualTo("broken JSON");
  }

  @Test
  void aRejectionWithoutAReasonIsAViolation() {
    Verdict v =
        Classifier.classify(
            entry(3, "a", "rejected"),
            seen(Map.of(), Map.of(), Map.of("in.jsonl:3", List.of(" "))));
    assertThat(v.violation()).isEqualTo("rejected without a reason");
  }

  @Test
  void aRejectionOfAnotherLineDoesNotCount() {
    Verdict v =
        Classifier.classify(
            entry(3, "a", "rejected"),
            seen(Map.of(), Map.of(), Map.of("in.jsonl:4", List.of("broken JSON"))));
    assertThat(v.outcome()).isEqualTo(Verdict.MISSING);
    assertThat(v.isViolation()).isTrue();
  }

  @Test
  void aRowWithTheExpectedBodyAndTitleIsStoredVerbatim() {
    Verdict v =
        Classifier.classify(
            entry(1, "a", "stored-verbatim"),
            seen(Map.of("a", row("a", "the title", "the body")), Map.of(), Map.of()));
    assertThat(v.outcome()).isEqualTo("stored-verbatim");
    assertThat(v.isViolation()).isFalse();
  }

  @Test
  void aRowWithAnotherBodyIsStoredAltered() {
    Verdict v =
        Classifier.classify(
            entry(1, "a", "stored-verbatim"),
            seen(Map.of("a", row("a", "the title", "the body?")), Map.of(), Map.of()));
    assertThat(v.violation()).isEqualTo("stored altered: body");
  }

  @Test
  void aRowWithAnotherTitleIsStoredAltered() {
    Verdict v =
        Classifier.classify(
            entry(1, "a", "stored-verbatim"),
            seen(Map.of("a", row("a", null, "the body")), Map.of(), Map.of()));
    assertThat(v.violation()).isEqualTo("stored altered: title");
  }

  @Test
  void aLetterWithAReasonIsDeadLettered() {
    Verdict v =
        Classifier.classify(
            entry(1, "a", "dead-lettered", "stored-verbatim"),
            seen(
                Map.of(),
                Map.of("a", List.of(new Observations.DeadLetter("a", "too big", "enrich"))),
                Map.of()));
    assertThat(v.outcome()).isEqualTo("dead-lettered");
    assertThat(v.isViolation()).isFalse();
    assertThat(v.detail()).isEqualTo("enrich: too big");
  }

  @Test
  void aLetterWithoutAReasonIsAViolation() {
    Verdict v =
        Classifier.classify(
            entry(1, "a", "dead-lettered"),
            seen(
                Map.of(),
                Map.of("a", List.of(new Observations.DeadLetter("a", null, "sink"))),
                Map.of()));
    assertThat(v.violation()).isEqualTo("dead-lettered without a reason");
  }

  @Test
  void aStoredRowOutweighsAnEarlierLetter() {
    Verdict v =
        Classifier.classify(
            entry(1, "a", "stored-verbatim"),
            seen(
                Map.of("a", row("a", "the title", "the body")),
                Map.of("a", List.of(new Observations.DeadLetter("a", "x", "sink"))),
                Map.of()));
    assertThat(v.outcome()).isEqualTo("stored-verbatim");
    assertThat(v.isViolation()).isFalse();
  }

  @Test
  void anOutcomeTheManifestDoesNotAllowIsAViolation() {
    Verdict v =
        Classifier.classify(
            entry(1, "a", "rejected"),
            seen(Map.of("a", row("a", "the title", "the body")), Map.of(), Map.of()));
    assertThat(v.outcome()).isEqualTo("stored-verbatim");
    assertThat(v.violation()).isEqualTo("stored-verbatim but expected rejected");
  }

  @Test
  void anInputNobodyAccountsForIsMissing() {
    Verdict v =
        Classifier.classify(
            entry(1, "a", "stored-verbatim"),
            seen(Map.of("b", row("b", "the title", "the body")), Map.of(), Map.of()));
    assertThat(v.outcome()).isEqualTo(Verdict.MISSING);
    assertThat(v.violation()).startsWith("missing");
  }

  @Test
  void anyOfSeveralCandidateIdsFindsTheRow() {
    ManifestEntry e =
        new ManifestEntry(
            "in.jsonl",
            1,
            "duplicate-keys",
            "id twice",
            10,
            List.of("first", "second"),
            Set.of("stored-verbatim"),
            List.of(BODY),
            List.of(TITLE));
    Verdict v =
        Classifier.classify(
            e, seen(Map.of("second", row("second", "the title", "the body")), Map.of(), Map.of()));
    assertThat(v.outcome()).isEqualTo("stored-verbatim");
    assertThat(v.isViolation()).isFalse();
  }
}
