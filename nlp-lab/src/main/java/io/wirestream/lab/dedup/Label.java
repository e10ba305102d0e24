package io.wirestream.lab.dedup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One pair labelled by reading both stories: {@code dup} if one is the other with small changes (a
 * correction, an update, the same story sent again with a word changed), {@code not} if they are
 * different stories, templated ones with different figures among them.
 *
 * <p>File format: tab-separated {@code id_a id_b label rationale}; {@code #} starts a comment.
 */
record Label(String idA, String idB, boolean duplicate, String rationale) {

  static List<Label> read(Path file) throws IOException {
    List<Label> labels = new ArrayList<>();
    int number = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", 4);
      if (fields.length < 4 || !(fields[2].equals("dup") || fields[2].equals("not"))) {
        throw new IllegalArgumentException(
            file + ":" + number + ": expected id_a, id_b, dup|not, why");
      }
      labels.add(new Label(fields[0], fields[1], fields[2].equals("dup"), fields[3]));
    }
    return labels;
  }
}
