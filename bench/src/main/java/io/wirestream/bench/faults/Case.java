package io.wirestream.bench.faults;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One small hostile input held in memory: a JSON line (without its newline) or a whole seed text
 * file, with what may become of it.
 */
record Case(
    Kind kind,
    String variant,
    boolean seedFile,
    byte[] bytes,
    Set<Outcome> expect,
    List<String> ids,
    List<String> bodies,
    List<String> titles) {

  static Case rejected(Kind kind, String variant, boolean seedFile, byte[] bytes) {
    return new Case(
        kind,
        variant,
        seedFile,
        bytes,
        EnumSet.of(Outcome.REJECTED),
        List.of(),
        List.of(),
        List.of());
  }

  /**
   * An input that may be stored: {@code bodies}/{@code titles} are as the store would hold them.
   */
  static Case storable(
      Kind kind,
      String variant,
      boolean seedFile,
      byte[] bytes,
      Set<Outcome> expect,
      List<String> ids,
      List<String> bodies,
      List<String> titles) {
    return new Case(kind, variant, seedFile, bytes, expect, ids, bodies, titles);
  }

  static Set<Outcome> outcomes(Outcome... outcomes) {
    return EnumSet.copyOf(Arrays.asList(outcomes));
  }

  ManifestEntry entry(String file, int line) {
    Set<String> labels = new TreeSet<>();
    expect.forEach(o -> labels.add(o.label()));
    return new ManifestEntry(
        file,
        line,
        kind.label(),
        variant,
        bytes.length,
        List.copyOf(new LinkedHashSet<>(ids)),
        labels,
        hashes(bodies),
        hashes(titles));
  }

  static List<String> hashes(List<String> texts) {
    List<String> out = new ArrayList<>();
    for (String text : texts) {
      String hash = TextHash.of(text);
      if (!out.contains(hash)) {
        out.add(hash);
      }
    }
    return out;
  }
}
