package io.wirestream.lab.ner;

import io.wirestream.common.model.Entity;
import io.wirestream.enrich.nlp.EntityExtractor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;

/**
 * Scores an extractor against gold name samples, conlleval style (exact spans).
 *
 * <p>Token mode feeds the gold tokenisation to the name finder, as CoNLL evaluations do. Raw mode
 * measures the whole text path: each document is rebuilt as text ({@link Detokenizer}), run through
 * sentence detection and tokenisation, and scored on character spans.
 */
public final class NerEvaluator {

  private final EntityExtractor extractor;
  private final Set<String> types;

  /**
   * @param types the types to score; predictions of other types are ignored, so a four-type model
   *     can be scored on three-type corpora
   */
  public NerEvaluator(EntityExtractor extractor, Collection<String> types) {
    this.extractor = extractor;
    this.types = Set.copyOf(types);
  }

  /** The types that occur in {@code samples}. */
  public static Set<String> typesIn(List<NameSample> samples) {
    Set<String> types = new TreeSet<>();
    for (NameSample sample : samples) {
      for (Span name : sample.getNames()) {
        types.add(name.getType());
      }
    }
    return types;
  }

  /**
   * Token-level evaluation.
   *
   * @param out if not null, receives {@code token<TAB>gold<TAB>predicted} rows in IOB2, a blank
   *     line after each sentence
   */
  public SpanScores evaluateTokens(List<NameSample> samples, PrintWriter out) {
    SpanScores scores = new SpanScores(types);
    for (List<NameSample> document : ConllReader.documents(samples)) {
      List<String[]> sentences = new ArrayList<>(document.size());
      for (NameSample sample : document) {
        sentences.add(sample.getSentence());
      }
      List<Span[]> predicted = extractor.findNames(sentences);
      for (int i = 0; i < document.size(); i++) {
        NameSample sample = document.get(i);
        scores.add(mentions(sample.getNames()), mentions(predicted.get(i)));
        if (out != null) {
          write(out, sample.getSentence(), sample.getNames(), predicted.get(i));
        }
      }
    }
    return scores;
  }

  /** Raw-text evaluation on character spans, one document at a time. */
  public SpanScores evaluateRaw(List<NameSample> samples) {
    SpanScores scores = new SpanScores(types);
    for (List<NameSample> document : ConllReader.documents(samples)) {
      Detokenizer.Document text = Detokenizer.rebuild(document);
      List<SpanScores.Mention> predicted = new ArrayList<>();
      for (Entity e : extractor.extract(text.text())) {
        predicted.add(new SpanScores.Mention(e.start(), e.end(), e.type().conllTag()));
      }
      scores.add(text.goldMentions(), predicted);
    }
    return scores;
  }

  private static List<SpanScores.Mention> mentions(Span[] spans) {
    List<SpanScores.Mention> mentions = new ArrayList<>(spans.length);
    for (Span span : spans) {
      mentions.add(new SpanScores.Mention(span.getStart(), span.getEnd(), span.getType()));
    }
    return mentions;
  }

  private static void write(PrintWriter out, String[] tokens, Span[] gold, Span[] predicted) {
    String[] goldTags = tags(tokens.length, gold);
    String[] predictedTags = tags(tokens.length, predicted);
    for (int i = 0; i < tokens.length; i++) {
      out.append(tokens[i])
          .append('\t')
          .append(goldTags[i])
          .append('\t')
          .append(predictedTags[i])
          .append('\n');
    }
    out.append('\n');
  }

  static String[] tags(int length, Span[] names) {
    String[] tags = new String[length];
    java.util.Arrays.fill(tags, "O");
    for (Span name : names) {
      tags[name.getStart()] = "B-" + name.getType();
      for (int i = name.getStart() + 1; i < name.getEnd(); i++) {
        tags[i] = "I-" + name.getType();
      }
    }
    return tags;
  }
}
