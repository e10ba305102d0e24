package io.wirestream.lab.timeml;

/** A TIMEX3 of a TimeML document: its extent as offsets into the plain text, type and value. */
public record Timex(String tid, int start, int end, String text, String type, String value) {

  boolean overlaps(Timex other) {
    return start < other.end && other.start < end;
  }

  boolean sameExtent(Timex other) {
    return start == other.start && end == other.end;
  }
}
