package io.wirestream.enrich.nlp;

/** Finds dates and normalises them against the document's date. */
public final class DateAnnotator implements Annotator {

  private final TemporalTagger tagger;

  public DateAnnotator(TemporalTagger tagger) {
    this.tagger = tagger;
  }

  @Override
  public String name() {
    return "timex";
  }

  @Override
  public String model() {
    return tagger.name();
  }

  @Override
  public Worker worker() {
    // The tagger is thread-safe, so all workers share it.
    return document -> document.dates(tagger.tag(document.text(), document.documentDate()));
  }
}
