package io.wirestream.bench.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rejections in an ingest's standard error, {@code rejected FILE:LINE: reason}, and the
 * publisher's {@code could not publish article ID: error}. Other lines (logging, progress, stack
 * traces) are skipped.
 */
public final class IngestLog {

  private static final Pattern REJECTED = Pattern.compile("^rejected (.+?):(\\d+):(?: (.*))?$");
  private static final Pattern NOT_PUBLISHED =
      Pattern.compile("could not publish article (\\S+): (.*)$");

  private IngestLog() {}

  /** Reasons by {@code file:line}, the file without its folder, in log order. */
  public static Map<String, List<String>> rejections(List<String> lines) {
    Map<String, List<String>> byLocation = new HashMap<>();
    for (String line : lines) {
      Matcher m = REJECTED.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String file = m.group(1);
      int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
      String location = file.substring(slash + 1) + ":" + m.group(2);
      byLocation
          .computeIfAbsent(location, k -> new ArrayList<>())
          .add(m.group(3) == null ? "" : m.group(3));
    }
    return byLocation;
  }

  /** The publisher's error by article id, for records accepted but never acknowledged. */
  public static Map<String, String> publishFailures(List<String> lines) {
    Map<String, String> byId = new HashMap<>();
    for (String line : lines) {
      Matcher m = NOT_PUBLISHED.matcher(line);
      if (m.find()) {
        byId.putIfAbsent(m.group(1), m.group(2));
      }
    }
    return byId;
  }
}
