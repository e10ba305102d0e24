package io.wirestream.bench.faults;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Set;

/**
 * One hostile input and what may become of it.
 *
 * <p>The record deliberately has no {@code body} or {@code published} field: if the manifest itself
 * is ingested along with its folder, each of its lines is rejected as an article without a body
 * instead of becoming one.
 *
 * @param file the input file, relative to the manifest's folder
 * @param line the 1-based line of a JSON-lines record; 1 for a seed text file
 * @param kind a {@link Kind} label
 * @param variant what exactly is hostile about this input
 * @param bytes the record's size on disk
 * @param ids the article ids the record may get (several where the format leaves it open, e.g.
 *     duplicate keys); empty where no id can be derived
 * @param expect {@link Outcome} labels that keep the promise for this input
 * @param bodySha256 {@link TextHash}es of the bodies a verbatim store may hold
 * @param titleSha256 {@link TextHash}es of the titles a verbatim store may hold ({@link
 *     TextHash#ABSENT} for none)
 */
public record ManifestEntry(
    String file,
    int line,
    String kind,
    String variant,
    long bytes,
    List<String> ids,
    Set<String> expect,
    List<String> bodySha256,
    List<String> titleSha256) {

  /** Where the ingest reports a rejection of this record: {@code file:line}. */
  @JsonIgnore
  public String location() {
    return file + ":" + line;
  }

  @JsonIgnore
  public boolean allows(Outcome outcome) {
    return expect.contains(outcome.label());
  }

  @JsonIgnore
  public boolean isControl() {
    return Kind.CONTROL.label().equals(kind);
  }
}
