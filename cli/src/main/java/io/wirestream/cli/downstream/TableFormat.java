package io.wirestream.cli.downstream;

import io.wirestream.cli.UsageException;
import io.wirestream.common.serde.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Output of {@code wirestream query}: an aligned table, CSV (RFC 4180) or JSON lines. */
enum TableFormat {
  TABLE {
    @Override
    void write(StoreQuery.Table table, PrintWriter out) {
      int[] widths = new int[table.columns().size()];
      for (int i = 0; i < widths.length; i++) {
        widths[i] = table.columns().get(i).length();
        for (List<String> row : table.rows()) {
          widths[i] = Math.max(widths[i], cell(row.get(i)).length());
        }
      }
      out.println(line(table.columns(), widths));
      StringBuilder rule = new StringBuilder();
      for (int width : widths) {
        rule.append(rule.isEmpty() ? "" : "  ").append("-".repeat(width));
      }
      out.println(rule);
      table.rows().forEach(row -> out.println(line(row, widths)));
      out.println("(" + table.rows().size() + " rows)");
    }

    private String line(List<String> cells, int[] widths) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        String cell = cell(cells.get(i));
        line.append(i == 0 ? "" : "  ").append(cell);
        if (i < widths.length - 1) {
          line.append(" ".repeat(widths[i] - cell.length()));
        }
      }
      return line.toString();
    }

    private String cell(String value) {
      return value == null ? "" : value.replace('\n', ' ');
    }
  },

  CSV {
    @Override
    void write(StoreQuery.Table table, PrintWriter out) {
      out.print(csvLine(table.columns()));
      table.rows().forEach(row -> out.print(csvLine(row)));
    }

    private String csvLine(List<String> cells) {
      return cells.stream().map(this::quote).collect(Collectors.joining(",")) + "\r\n";
    }

    private String quote(String value) {
      if (value == null) {
        return "";
      }
      boolean needs = value.contains(",") || value.contains("\"") || value.contains("\n");
      return needs ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
  },

  JSON {
    @Override
    void write(StoreQuery.Table table, PrintWriter out) {
      for (List<String> row : table.rows()) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < table.columns().size(); i++) {
          String column = table.columns().get(i);
          String value = row.get(i);
          if (value == null && StoreQuery.DETAIL_COLUMNS.contains(column)) {
            continue;
          }
          object.put(column, jsonValue(column, value));
        }
        try {
          out.println(Json.MAPPER.writeValueAsString(object));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException("cannot write row as JSON", e);
        }
      }
    }
  };

  abstract void write(StoreQuery.Table table, PrintWriter out);

  /** Authors are stored as a JSON array and printed as one; a revision is a number. */
  private static Object jsonValue(String column, String value) {
    if (value == null) {
      return null;
    }
    try {
      return switch (column) {
        case "authors" -> Json.MAPPER.readTree(value);
        case "revision" -> Integer.valueOf(value);
        default -> value;
      };
    } catch (com.fasterxml.jackson.core.JsonProcessingException | NumberFormatException e) {
      return value;
    }
  }

  static TableFormat of(String name) {
    return switch (name) {
      case "table" -> TABLE;
      case "csv" -> CSV;
      case "json", "jsonl" -> JSON;
      default -> throw new UsageException("--format is table, csv or json, not " + name);
    };
  }
}
