package io.wirestream.cli.backfill;

import io.wirestream.common.kafka.offsets.PartitionRange;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The dry run's answer: what a range of the raw topic holds, per partition and in total. */
final class RangeReport {

  private RangeReport() {}

  static void print(PrintWriter out, String topic, List<PartitionRange> ranges) {
    out.printf(
        Locale.ROOT, "%-30s %12s %12s %12s%n", "PARTITION", "FROM OFFSET", "TO OFFSET", "RECORDS");
    long total = 0;
    for (PartitionRange range : ranges) {
      out.printf(
          Locale.ROOT,
          "%-30s %12d %12d %12d%n",
          range.partition().toString(),
          range.start(),
          range.end(),
          range.count());
      total += range.count();
    }
    out.printf(
        Locale.ROOT, "total: %d records in %d partitions of %s%n", total, ranges.size(), topic);
    out.flush();
  }
}
