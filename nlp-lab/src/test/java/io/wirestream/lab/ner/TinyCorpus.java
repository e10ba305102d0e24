package io.wirestream.lab.ner;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/** A few dozen template sentences, enough for a name model that learns the templates' cues. */
public final class TinyCorpus {

  static final List<String> PEOPLE =
      List.of("Angela Merkel", "John Smith", "Maria Lopez", "Kofi Annan", "Ivan Petrov");
  public static final List<String> PLACES = List.of("Paris", "Berlin", "Nairobi", "Lima", "Oslo");
  public static final List<String> ORGS = List.of("Siemens", "Reuters", "Nestle", "Fiat", "Oxfam");

  private static TokenNameFinderModel model;

  private TinyCorpus() {}

  public static List<NameSample> samples() {
    List<NameSample> samples = new ArrayList<>();
    for (int i = 0; i < PEOPLE.size(); i++) {
      for (int j = 0; j < PLACES.size(); j++) {
        String person = PEOPLE.get(i);
        String place = PLACES.get(j);
        String org = ORGS.get((i + j) % ORGS.size());
        samples.add(
            sample(
                i + j == 0,
                "PER",
                person,
                "said",
                "in",
                "LOC",
                place,
                "that",
                "ORG",
                org,
                "would",
                "grow",
                "."));
        samples.add(
            sample(
                false, "ORG", org, "opened", "an", "office", "in", "LOC", place, ",", "said", "PER",
                person, "."));
      }
    }
    return samples;
  }

  /** Words; a type tag (PER, LOC, ORG) before a name marks the name that follows. */
  private static NameSample sample(boolean documentStart, String... parts) {
    List<String> tokens = new ArrayList<>();
    List<Span> names = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.equals("PER") || part.equals("LOC") || part.equals("ORG")) {
        String[] words = parts[++i].split(" ");
        names.add(new Span(tokens.size(), tokens.size() + words.length, part));
        tokens.addAll(List.of(words));
      } else {
        tokens.add(part);
      }
    }
    return new NameSample(tokens.toArray(String[]::new), names.toArray(Span[]::new), documentStart);
  }

  /** Trained once per test JVM: about a second. */
  public static synchronized TokenNameFinderModel model() {
    if (model == null) {
      model = new NerTrainer(60, 1).train(samples());
    }
    return model;
  }
}
