package io.wirestream.enrich.nlp.time;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;

/**
 * A match kept after its matcher has moved on, readable by group name as well as by number: on Java
 * 17 only {@link Matcher} resolves names, {@link MatchResult} does not.
 */
final class Match implements MatchResult {

  private final MatchResult result;
  private final Map<String, Integer> starts;
  private final Map<String, Integer> ends;

  private Match(MatchResult result, Map<String, Integer> starts, Map<String, Integer> ends) {
    this.result = result;
    this.starts = starts;
    this.ends = ends;
  }

  /** Snapshots the current match of {@code m}, recording the spans of the named groups. */
  static Match of(Matcher m, List<String> groupNames) {
    Map<String, Integer> starts = new HashMap<>();
    Map<String, Integer> ends = new HashMap<>();
    for (String name : groupNames) {
      starts.put(name, m.start(name));
      ends.put(name, m.end(name));
    }
    return new Match(m.toMatchResult(), starts, ends);
  }

  /** The text the named group captured, or null if it took no part in the match. */
  String group(String name) {
    int s = start(name);
    return s < 0 ? null : result.group().substring(s - result.start(), end(name) - result.start());
  }

  int start(String name) {
    Integer s = starts.get(name);
    if (s == null) {
      throw new IllegalArgumentException("no group named " + name);
    }
    return s;
  }

  int end(String name) {
    Integer e = ends.get(name);
    if (e == null) {
      throw new IllegalArgumentException("no group named " + name);
    }
    return e;
  }

  @Override
  public int start() {
    return result.start();
  }

  @Override
  public int start(int group) {
    return result.start(group);
  }

  @Override
  public int end() {
    return result.end();
  }

  @Override
  public int end(int group) {
    return result.end(group);
  }

  @Override
  public String group() {
    return result.group();
  }

  @Override
  public String group(int group) {
    return result.group(group);
  }

  @Override
  public int groupCount() {
    return result.groupCount();
  }
}
