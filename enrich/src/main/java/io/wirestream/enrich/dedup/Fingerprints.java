package io.wirestream.enrich.dedup;

import io.wirestream.common.model.Article;
import io.wirestream.common.url.UrlNormalizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What duplicate detection compares of an article: its normalised URL, a hash of its normalised
 * body, its source and normalised title, and a 64-bit SimHash of its body split into LSH bands.
 *
 * <p>Text is normalised the same way for bodies and titles (Unicode NFKC, lower case, every run of
 * characters that are neither letters nor digits one space), so that re-wrapped lines, changed
 * quotes or dashes and a different case do not make a copy look new.
 *
 * <p>The SimHash (Charikar; Manku, Jain and Das Sarma 2007) is taken over word 3-shingles, each
 * hashed to 64 bits; two bodies are near-identical when their hashes differ in at most {@code
 * maxDistance} bits. Splitting the hash into {@code maxDistance + 1} bands finds every such pair
 * through an exact match on one band (pigeonhole): if at most k bits differ, one of k + 1 bands has
 * none of them.
 */
public final class Fingerprints {

  /** Bodies with fewer shingles than this get no SimHash: a few words say too little. */
  public static final int MIN_SHINGLES = 20;

  static final int SHINGLE_WORDS = 3;

  private Fingerprints() {}

  /** Lower case, NFKC, and single spaces in place of anything that is not a letter or digit. */
  public static String normalizeText(String text) {
    if (text == null) {
      return "";
    }
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(folded.length());
    boolean space = true;
    for (int i = 0; i < folded.length(); ) {
      int c = folded.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c)) {
        out.appendCodePoint(c);
        space = false;
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    int end = out.length();
    if (end > 0 && out.charAt(end - 1) == ' ') {
      out.setLength(end - 1);
    }
    return out.toString();
  }

  /** SHA-256 of the normalised body, hex; equal for bodies that differ only in case and spacing. */
  public static String bodyHash(String body) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(normalizeText(body).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * The article's address as the URL normaliser spells it: its canonical URL, else the URL it was
   * read from, else the one its source gave. Empty when none is an http(s) URL.
   */
  public static Optional<String> urlKey(Article article) {
    for (String url : new String[] {article.canonicalUrl(), article.finalUrl(), article.url()}) {
      if (url == null || url.isBlank()) {
        continue;
      }
      try {
        return Optional.of(UrlNormalizer.normalize(url.strip()));
      } catch (IllegalArgumentException e) {
        // Not an http(s) URL; the next one may be.
      }
    }
    return Optional.empty();
  }

  /** Source and normalised title; empty when the article has no title with a letter or digit. */
  public static Optional<String> titleKey(Article article) {
    String title = normalizeText(article.title());
    return title.isEmpty() ? Optional.empty() : Optional.of(article.source() + '|' + title);
  }

  /** The body's SimHash, or empty if it has fewer than {@link #MIN_SHINGLES} shingles. */
  public static Optional<Long> simhash(String body) {
    String[] words = normalizeText(body).split(" ");
    int shingles = words.length - SHINGLE_WORDS + 1;
    if (shingles < MIN_SHINGLES) {
      return Optional.empty();
    }
    int[] weights = new int[64];
    StringBuilder shingle = new StringBuilder();
    for (int i = 0; i < shingles; i++) {
      shingle.setLength(0);
      for (int j = 0; j < SHINGLE_WORDS; j++) {
        if (j > 0) {
          shingle.append(' ');
        }
        shingle.append(words[i + j]);
      }
      long h = hash64(shingle);
      for (int bit = 0; bit < 64; bit++) {
        weights[bit] += ((h >>> bit) & 1L) == 1L ? 1 : -1;
      }
    }
    long simhash = 0L;
    for (int bit = 0; bit < 64; bit++) {
      if (weights[bit] > 0) {
        simhash |= 1L << bit;
      }
    }
    return Optional.of(simhash);
  }

  /** Bits in which two SimHashes differ. */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /**
   * The LSH band keys of a SimHash for {@code maxDistance}: {@code maxDistance + 1} disjoint bit
   * ranges, each named by its index and its bits, so two hashes within the distance share a key.
   */
  public static List<String> bands(long simhash, int maxDistance) {
    int count = maxDistance + 1;
    List<String> keys = new ArrayList<>(count);
    for (int band = 0; band < count; band++) {
      int from = band * 64 / count;
      int to = (band + 1) * 64 / count;
      long mask = to - from == 64 ? -1L : ((1L << (to - from)) - 1) << from;
      keys.add(band + ":" + Long.toHexString((simhash & mask) >>> from));
    }
    return keys;
  }

  /** FNV-1a over the UTF-16 units, then the MurmurHash3 finaliser to spread the bits. */
  static long hash64(CharSequence text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
