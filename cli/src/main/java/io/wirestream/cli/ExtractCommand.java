package io.wirestream.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.common.serde.Json;
import io.wirestream.ingest.page.ExtractedPage;
import io.wirestream.ingest.page.PageExtractor;
import io.wirestream.ingest.page.PublicationDate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Extracts the article of saved HTML pages, for a look at what the extractor makes of them. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Extracts the article of each .html or .html.gz page (folders are searched) and writes one"
          + " JSON object keyed by file name without .html/.html.gz:"
          + " {\"NAME\": {\"articleBody\", \"title\", \"authors\", \"published\", \"language\"}}."
    })
public final class ExtractCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConfigOptions config;

  @Option(names = "--out", paramLabel = "FILE", description = "write here, not to standard output")
  Path out;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = ".html/.html.gz files, folders")
  List<Path> inputs;

  @Override
  public Integer call() throws IOException {
    PageExtractor extractor = PageExtractor.from(config.load(Map.of()));
    Map<String, Path> pages = pages(inputs);
    ObjectNode result = Json.MAPPER.createObjectNode();
    for (Map.Entry<String, Path> page : pages.entrySet()) {
      ExtractedPage extracted =
          extractor.extract(read(page.getValue()), page.getValue().toUri(), null);
      ObjectNode o = result.putObject(page.getKey());
      o.put("articleBody", extracted.body());
      o.put("title", extracted.title());
      ArrayNode authors = o.putArray("authors");
      extracted.authors().forEach(authors::add);
      o.put("published", extracted.published().map(PublicationDate::iso).orElse(null));
      o.put("language", extracted.language());
      extracted.cutReason().ifPresent(reason -> o.put("cut", reason));
    }
    if (out == null) {
      PrintWriter writer = spec.commandLine().getOut();
      writer.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));
      writer.flush();
    } else {
      try (OutputStream stream = Files.newOutputStream(out)) {
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(stream, result);
      }
    }
    return 0;
  }

  /** Pages by name, sorted; two pages of one name are an error, not a silent overwrite. */
  static Map<String, Path> pages(List<Path> inputs) throws IOException {
    Map<String, Path> pages = new TreeMap<>();
    for (Path input : inputs) {
      List<Path> files = new ArrayList<>();
      if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          walk.filter(Files::isRegularFile)
              .filter(ExtractCommand::isPage)
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(input)) {
        if (!isPage(input)) {
          throw new UsageException(input + " is not an .html or .html.gz file");
        }
        files.add(input);
      } else {
        throw new UsageException(input + " does not exist");
      }
      for (Path file : files) {
        Path before = pages.put(name(file), file);
        if (before != null && !before.equals(file)) {
          throw new UsageException(
              "two pages are named " + name(file) + ": " + before + " and " + file);
        }
      }
    }
    if (pages.isEmpty()) {
      throw new UsageException("no .html or .html.gz page in " + inputs);
    }
    return pages;
  }

  private static boolean isPage(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".html") || name.endsWith(".html.gz");
  }

  private static String name(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".gz")
        ? name.substring(0, name.length() - ".html.gz".length())
        : name.substring(0, name.length() - ".html".length());
  }

  private static byte[] read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      if (!file.getFileName().toString().endsWith(".gz")) {
        return in.readAllBytes();
      }
      try {
        return new GZIPInputStream(in).readAllBytes();
      } catch (ZipException e) {
        throw new UsageException(file + " is not gzip: " + e.getMessage());
      }
    }
  }
}
