package io.wirestream.bench.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes the hostile inputs of the fault suite and their manifest.
 *
 * <pre>
 * HostileInputs --out DIR [--count N] [--seed S] [--scale F] [--controls N] [--source NAME]
 *               [--reuters FILE] [--gazetteers DIR] [--controls-only]
 * </pre>
 *
 * <p>{@code --count} hostile inputs (at least one of each {@link Kind}) and {@code --controls}
 * Reuters stories (default a fifth of the count) go into DIR, the same bytes for the same seed and
 * corpora. The big inputs come first in name order, so the ingest reads the controls behind them.
 * {@code --scale} multiplies the sizes of the big inputs (1: 100 MB line, 10 MB body, ...; about
 * 130 MB in all). {@code --source} must be the ingest's default source, which the ids of records
 * without one depend on. {@code --controls-only} writes just the controls, for a baseline run.
 */
public final class HostileInputs {

  static final String DEFAULT_REUTERS = "/work/shared/corpora/news/reuters21578.jsonl";
  static final String DEFAULT_GAZETTEERS = "/work/shared/corpora/gazetteers";
  static final int MIXED_FILE_LINES = 250;

  private HostileInputs() {}

  public static void main(String[] argv) throws IOException {
    Args args;
    try {
      args =
          Args.parse(
              argv,
              Set.of(
                  "--out",
                  "--count",
                  "--seed",
                  "--scale",
                  "--controls",
                  "--source",
                  "--reuters",
                  "--gazetteers"),
              Set.of("--controls-only"));
      args.required("--out");
    } catch (IllegalArgumentException e) {
      System.err.println("HostileInputs: " + e.getMessage());
      System.err.println(
          "usage: HostileInputs --out DIR [--count N] [--seed S] [--scale F] [--controls N] [--source NAME] [--reuters FILE] [--gazetteers DIR] [--controls-only]");
      System.exit(2);
      return;
    }
    int count = Integer.parseInt(args.get("--count", "1000"));
    Options options =
        new Options(
            Path.of(args.required("--out")),
            count,
            Long.parseLong(args.get("--seed", "1")),
            Double.parseDouble(args.get("--scale", "1")),
            Integer.parseInt(args.get("--controls", Integer.toString(Math.max(20, count / 5)))),
            args.get("--source", "files"),
            Path.of(args.get("--reuters", DEFAULT_REUTERS)),
            Path.of(args.get("--gazetteers", DEFAULT_GAZETTEERS)),
            args.flag("--controls-only"));
    List<ManifestEntry> manifest = generate(options);
    long hostile = manifest.stream().filter(e -> !e.isControl()).count();
    System.out.printf(
        "wrote %d hostile inputs and %d controls to %s (manifest %s)%n",
        hostile,
        manifest.size() - hostile,
        options.out(),
        options.out().resolve(Manifest.FILE_NAME));
  }

  record Options(
      Path out,
      int count,
      long seed,
      double scale,
      int controls,
      String source,
      Path reuters,
      Path gazetteers,
      boolean controlsOnly) {}

  /** Writes the inputs and the manifest; returns the manifest's entries. */
  static List<ManifestEntry> generate(Options o) throws IOException {
    Files.createDirectories(o.out());
    Random random = new Random(o.seed());
    CaseKit kit = new CaseKit(random, o.source(), Names.load(o.gazetteers()));
    List<Case> controls = Controls.pick(o.reuters(), o.controls(), new Random(o.seed()), kit);
    List<ManifestEntry> manifest = new ArrayList<>();
    if (o.controlsOnly()) {
      writeLines(o.out(), "zz-controls.jsonl", controls, manifest);
      Manifest.write(o.out().resolve(Manifest.FILE_NAME), manifest);
      return manifest;
    }
    Iterator<Case> control = controls.iterator();
    new BigCases(kit, o.scale()).write(o.out(), manifest, control);
    int big = manifest.size() - (int) manifest.stream().filter(ManifestEntry::isControl).count();

    List<CaseFamily> families = new ArrayList<>();
    families.addAll(new FormatFamilies(kit).all());
    families.addAll(new FieldFamilies(kit).all());
    families.addAll(new TextFamilies(kit).all());
    List<Case> lines = new ArrayList<>();
    int seedFiles = 0;
    for (int i = 0; i < o.count() - big || i < totalVariants(families); i++) {
      CaseFamily family = families.get(i % families.size());
      Case c = family.make((i / families.size()) % family.variants(), 1000 + i);
      if (c.seedFile()) {
        String name = String.format("seed-%05d-%s.txt", ++seedFiles, c.kind().label());
        Files.write(o.out().resolve(name), c.bytes());
        manifest.add(c.entry(name, 1));
      } else {
        lines.add(c);
      }
    }
    Collections.shuffle(lines, random);

    // Half the remaining controls are spread among the small hostile records, the rest queue at the
    // end.
    List<Case> rest = new ArrayList<>();
    control.forEachRemaining(rest::add);
    int interleaved = rest.size() / 2;
    int every = Math.max(1, lines.size() / Math.max(1, interleaved));
    List<Case> mixed = new ArrayList<>();
    int used = 0;
    for (int i = 0; i < lines.size(); i++) {
      mixed.add(lines.get(i));
      if ((i + 1) % every == 0 && used < interleaved) {
        mixed.add(rest.get(used++));
      }
    }
    for (int from = 0, file = 1; from < mixed.size(); from += MIXED_FILE_LINES, file++) {
      List<Case> chunk = mixed.subList(from, Math.min(mixed.size(), from + MIXED_FILE_LINES));
      writeLines(o.out(), String.format("10-mixed-%02d.jsonl", file), chunk, manifest);
    }
    writeLines(o.out(), "zz-controls.jsonl", rest.subList(used, rest.size()), manifest);
    Manifest.write(o.out().resolve(Manifest.FILE_NAME), manifest);
    return manifest;
  }

  /** Enough inputs that every variant of every family is made at least once. */
  private static int totalVariants(List<CaseFamily> families) {
    int max = families.stream().mapToInt(CaseFamily::variants).max().orElse(0);
    return max * families.size();
  }

  private static void writeLines(
      Path dir, String name, List<Case> cases, List<ManifestEntry> manifest) throws IOException {
    if (cases.isEmpty()) {
      return;
    }
    try (JsonLinesFile f = new JsonLinesFile(dir, name, manifest)) {
      for (Case c : cases) {
        f.add(c);
      }
    }
  }
}
