package io.wirestream.enrich.nlp.ner;

import io.wirestream.common.model.Entity;
import io.wirestream.common.model.EntityType;
import io.wirestream.common.model.Sentence;
import io.wirestream.enrich.nlp.EntityExtractor;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

/**
 * Sentence detection, tokenisation and name finding over one article body. Not thread-safe: one
 * instance per thread, from {@link OpenNlpEntityExtractorFactory}.
 *
 * <p>Lines are split first: news bodies put headlines, datelines and paragraphs on lines of their
 * own, often without a full stop the sentence detector could split at.
 */
public final class OpenNlpEntityExtractor implements EntityExtractor {

  private final SentenceDetectorME sentences;
  private final TokenizerME tokenizer;
  private final FastNameFinder names;

  OpenNlpEntityExtractor(OpenNlpEntityExtractorFactory.NerModels models) {
    this.sentences = new SentenceDetectorME(models.sentences());
    this.tokenizer = new TokenizerME(models.tokens());
    this.names = new FastNameFinder(models.names());
  }

  @Override
  public List<Entity> extract(String text) {
    return analyse(text).mentions();
  }

  @Override
  public Analysis analyse(String text) {
    Tokens doc = tokens(text);
    List<Sentence> sentenceSpans = new ArrayList<>(doc.tokens.size());
    for (int s = 0; s < doc.tokens.size(); s++) {
      if (doc.tokens.get(s).length > 0) {
        int[] starts = doc.starts.get(s);
        int[] ends = doc.ends.get(s);
        List<int[]> tokenSpans = new ArrayList<>(starts.length);
        for (int t = 0; t < starts.length; t++) {
          tokenSpans.add(new int[] {starts[t], ends[t]});
        }
        sentenceSpans.add(new Sentence(starts[0], ends[ends.length - 1], tokenSpans));
      }
    }
    List<Span[]> found = findNames(doc.tokens);
    List<Entity> entities = new ArrayList<>();
    for (int s = 0; s < found.size(); s++) {
      for (Span name : found.get(s)) {
        int start = doc.starts.get(s)[name.getStart()];
        int end = doc.ends.get(s)[name.getEnd() - 1];
        entities.add(
            new Entity(
                text.substring(start, end), EntityType.fromTag(name.getType()), start, end, null));
      }
    }
    return new Analysis(entities, sentenceSpans);
  }

  /** The tokens of each sentence of {@code text}, as {@link #extract} sees them. */
  public List<String[]> tokenize(String text) {
    return tokens(text).tokens;
  }

  /** Tokens of each sentence with their character offsets into the text. */
  private record Tokens(List<String[]> tokens, List<int[]> starts, List<int[]> ends) {}

  private Tokens tokens(String text) {
    String plain = asciiPunctuation(text);
    Tokens doc = new Tokens(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    int lineStart = 0;
    int length = plain.length();
    while (lineStart < length) {
      int lineEnd = plain.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = length;
      }
      if (lineEnd > lineStart) {
        tokenizeLongRunsApart(plain, lineStart, lineEnd, doc);
      }
      lineStart = lineEnd + 1;
    }
    return doc;
  }

  /**
   * Longest run of non-whitespace characters the sentence detector and tokenizer see. Both look at
   * the whole run around every candidate position (the tokenizer's features include the run's
   * prefix and suffix at each character), so their time grows with the square of its length, which
   * a long run without a space (a base64 image, a run of dashes) makes prohibitive (measured in
   * docs/benchmarks.md). No word is that long, and a URL rarely is; a longer run is a sentence of
   * its own, cut into tokens of this length, past the sentence detector and tokenizer. (Given one
   * very long token, the name finder's beam search ends with no hypothesis of finite score.)
   */
  static final int MAX_RUN_CHARS = 256;

  private void tokenizeLongRunsApart(String text, int lineStart, int lineEnd, Tokens doc) {
    int segmentStart = lineStart;
    int i = lineStart;
    while (i < lineEnd) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
        continue;
      }
      int runStart = i;
      while (i < lineEnd && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i - runStart > MAX_RUN_CHARS) {
        if (runStart > segmentStart) {
          tokenizeLine(text, segmentStart, runStart, doc);
        }
        addPieces(text, runStart, i, doc);
        segmentStart = i;
      }
    }
    if (lineEnd > segmentStart) {
      tokenizeLine(text, segmentStart, lineEnd, doc);
    }
  }

  /**
   * Names in the tokenised sentences of one document, token offsets per sentence. The name finder's
   * adaptive data is cleared before and after, so documents do not influence each other.
   */
  @Override
  public List<Span[]> findNames(List<String[]> document) {
    names.clearAdaptiveData();
    List<Span[]> found = new ArrayList<>(document.size());
    try (DocumentScope scope = DocumentScope.open(DocumentFeatures.of(document))) {
      for (String[] sentence : document) {
        found.add(
            sentence.length == 0 ? new Span[0] : NameRules.apply(sentence, names.find(sentence)));
      }
    } finally {
      names.clearAdaptiveData();
    }
    return DocumentConsistency.apply(document, found);
  }

  /**
   * The tokenizer leaves the full stop on a sentence's last word when it does not know the word
   * ("with Lavrov."), which hides the name from the model. Split it off unless the word is an
   * abbreviation (has another dot, or is short and capitalised like "Inc." or "Jr.").
   */
  static Span[] splitFinalPeriod(String sentence, Span[] spans) {
    if (spans.length == 0) {
      return spans;
    }
    Span last = spans[spans.length - 1];
    String token = last.getCoveredText(sentence).toString();
    int length = token.length();
    if (length < 3
        || token.charAt(length - 1) != '.'
        || token.indexOf('.') != length - 1
        || ABBREVIATIONS.contains(token)) {
      return spans;
    }
    Span[] split = java.util.Arrays.copyOf(spans, spans.length + 1);
    split[spans.length - 1] = new Span(last.getStart(), last.getEnd() - 1);
    split[spans.length] = new Span(last.getEnd() - 1, last.getEnd());
    return split;
  }

  private static final java.util.Set<String> ABBREVIATIONS =
      java.util.Set.of(
          "Inc.", "Corp.", "Co.", "Ltd.", "Jr.", "Sr.", "Bros.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.",
          "Gen.", "Col.", "Lt.", "Sgt.", "Capt.", "Gov.", "Sen.", "Rep.", "Prof.", "Rev.", "Mt.",
          "etc.", "Ave.", "Blvd.", "No.", "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.",
          "Dec.", "vs.");

  /**
   * The tokenizer and the CoNLL training text know only ASCII quotes and dashes, and would keep
   * "Russia’s" as one token. Each replacement is one char for one char, so offsets still point into
   * the original text.
   */
  static String asciiPunctuation(String text) {
    char[] chars = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char ascii =
          switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
            case '\u00A0', '\u2009', '\u202F', '\u2007' -> ' ';
            default -> c;
          };
      if (ascii != c) {
        if (chars == null) {
          chars = text.toCharArray();
        }
        chars[i] = ascii;
      }
    }
    return chars == null ? text : new String(chars);
  }

  private static void addPieces(String text, int start, int end, Tokens doc) {
    int count = (end - start + MAX_RUN_CHARS - 1) / MAX_RUN_CHARS;
    List<String> pieces = new ArrayList<>(count);
    List<Integer> starts = new ArrayList<>(count);
    for (int s = start; s < end; ) {
      int e = Math.min(end, s + MAX_RUN_CHARS);
      if (e < end && Character.isLowSurrogate(text.charAt(e))) {
        e--;
      }
      pieces.add(text.substring(s, e));
      starts.add(s);
      s = e;
    }
    int[] s = new int[pieces.size()];
    int[] e = new int[pieces.size()];
    for (int p = 0; p < s.length; p++) {
      s[p] = starts.get(p);
      e[p] = s[p] + pieces.get(p).length();
    }
    doc.tokens.add(pieces.toArray(String[]::new));
    doc.starts.add(s);
    doc.ends.add(e);
  }

  private void tokenizeLine(String text, int lineStart, int lineEnd, Tokens doc) {
    String line = text.substring(lineStart, lineEnd);
    for (Span sentence : sentences.sentPosDetect(line)) {
      int sentenceStart = lineStart + sentence.getStart();
      String sentenceText = line.substring(sentence.getStart(), sentence.getEnd());
      Span[] spans = splitFinalPeriod(sentenceText, tokenizer.tokenizePos(sentenceText));
      if (spans.length == 0) {
        continue;
      }
      int[] s = new int[spans.length];
      int[] e = new int[spans.length];
      for (int i = 0; i < spans.length; i++) {
        s[i] = sentenceStart + spans[i].getStart();
        e[i] = sentenceStart + spans[i].getEnd();
      }
      doc.tokens.add(Span.spansToStrings(spans, sentenceText));
      doc.starts.add(s);
      doc.ends.add(e);
    }
  }
}
