package io.wirestream.enrich.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.model.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One shared factory, one extractor per thread: threads must not see each other's state. */
class ConcurrentExtractionTest {

  private static final List<String> ARTICLES =
      List.of(
          "Russian President Vladimir Putin met Donald Trump in Helsinki. Putin said talks went well.",
          "Angela Merkel told the Bundestag in Berlin that Germany would act. Merkel left for Paris.",
          "Shares of Siemens AG rose in Frankfurt after the European Central Bank held rates.",
          "Sergei Lavrov met Rex Tillerson in Moscow.\n\nThe statement came as Tillerson was holding"
              + " talks with Lavrov.",
          "NAIROBI 1996-08-30\nKenya's Daniel Komen won the 5,000 metres at the Brussels meeting.");

  @Test
  void shouldGiveEachThreadTheSameMentionsAsOneThread() throws Exception {
    OpenNlpEntityExtractorFactory factory = new OpenNlpEntityExtractorFactory();
    OpenNlpEntityExtractor single = factory.create();
    List<List<Entity>> expected = new ArrayList<>();
    for (String article : ARTICLES) {
      expected.add(single.extract(article));
    }

    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<List<Entity>>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        Callable<List<List<Entity>>> task =
            () -> {
              OpenNlpEntityExtractor own = factory.create();
              List<List<Entity>> out = new ArrayList<>();
              // Different start points and repeats so threads interleave different documents.
              for (int round = 0; round < 20; round++) {
                for (int i = 0; i < ARTICLES.size(); i++) {
                  out.add(own.extract(ARTICLES.get((i + offset) % ARTICLES.size())));
                }
              }
              return out;
            };
        results.add(pool.submit(task));
      }
      for (int t = 0; t < threads; t++) {
        List<List<Entity>> got = results.get(t).get();
        for (int k = 0; k < got.size(); k++) {
          int article = (k % ARTICLES.size() + t) % ARTICLES.size();
          assertThat(got.get(k))
              .as("thread %d, article %d", t, article)
              .isEqualTo(expected.get(article));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(expected.get(0)).extracting(Entity::text).contains("Vladimir Putin");
  }
}
