package io.wirestream.lab.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;

/**
 * Rebuilds running text from tokenised sentences, keeping the gold names as character spans, so the
 * raw-text path (sentence detection and tokenisation included) can be scored.
 *
 * <p>Tokens are joined by spaces except before closing punctuation and clitics and after opening
 * brackets. A sentence that ends in sentence-final punctuation is followed by a space; any other (a
 * headline, a dateline) ends its line, as it would in an article.
 */
public final class Detokenizer {

  private static final Set<String> NO_SPACE_BEFORE =
      Set.of(
          ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'re", "'ve", "'ll",
          "'d", "'m");
  private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", "{", "$");
  private static final Set<String> SENTENCE_END = Set.of(".", "!", "?", "\"", "'", ")");

  /** A document's text and its gold names as character spans. */
  public record Document(String text, List<SpanScores.Mention> goldMentions) {}

  private Detokenizer() {}

  public static Document rebuild(List<NameSample> sentences) {
    StringBuilder text = new StringBuilder();
    List<SpanScores.Mention> gold = new ArrayList<>();
    for (NameSample sample : sentences) {
      String[] tokens = sample.getSentence();
      int[] starts = new int[tokens.length];
      int[] ends = new int[tokens.length];
      boolean quoteOpen = false;
      for (int i = 0; i < tokens.length; i++) {
        String token = tokens[i];
        boolean space =
            i > 0 && !NO_SPACE_BEFORE.contains(token) && !NO_SPACE_AFTER.contains(tokens[i - 1]);
        if (token.equals("\"")) {
          // Opening quotes attach to what follows, closing ones to what precedes.
          if (quoteOpen) {
            space = false;
          }
          quoteOpen = !quoteOpen;
        } else if (i > 0 && tokens[i - 1].equals("\"") && quoteOpen) {
          space = false;
        }
        if (space) {
          text.append(' ');
        }
        starts[i] = text.length();
        text.append(token);
        ends[i] = text.length();
      }
      for (Span name : sample.getNames()) {
        gold.add(
            new SpanScores.Mention(
                starts[name.getStart()], ends[name.getEnd() - 1], name.getType()));
      }
      String last = tokens.length == 0 ? "" : tokens[tokens.length - 1];
      text.append(SENTENCE_END.contains(last) ? ' ' : '\n');
    }
    return new Document(text.toString(), gold);
  }
}
