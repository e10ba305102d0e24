package io.wirestream.lab.ner;

import io.wirestream.enrich.nlp.ner.WordClusters;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Distributional word clusters from unlabeled text, a cheap stand-in for Brown clusters: each
 * frequent word is described by the words seen just left and right of it (positive PMI weights over
 * the most frequent context words), and spherical k-means groups words with similar contexts. Words
 * are lowercased. A fixed seed and a fixed input order make the output reproducible.
 *
 * <p>The name finder uses the cluster of a word as a feature, which lets it generalise from
 * "Lavrov" in training to unseen surnames in the same cluster.
 */
public final class WordClusterBuilder {

  private static final Pattern TOKEN =
      Pattern.compile("\\p{L}+(?:['.\\-]\\p{L}+)*|\\d+(?:[.,]\\d+)*|'s|n't|\\S");
  private static final String BOUNDARY = "<s>";

  private final int vocabularySize;
  private final int contextSize;
  private final long seed;

  /**
   * @param vocabularySize how many of the most frequent words get a cluster
   * @param contextSize how many of the most frequent words serve as left and right contexts
   */
  public WordClusterBuilder(int vocabularySize, int contextSize, long seed) {
    this.vocabularySize = vocabularySize;
    this.contextSize = contextSize;
    this.seed = seed;
  }

  /** Lowercased tokens of one line of text, as the clusters see them. */
  static List<String> tokens(String line) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(line);
    while (m.find()) {
      tokens.add(m.group().toLowerCase(Locale.ROOT));
    }
    return tokens;
  }

  /** Counts contexts in {@code files} (one paragraph a line) and clusters at each k. */
  public Map<Integer, Map<String, Integer>> build(List<Path> files, int... ks) {
    Map<String, Integer> frequency = new HashMap<>();
    for (Path file : files) {
      forEachLine(
          file,
          line -> {
            for (String t : tokens(line)) {
              frequency.merge(t, 1, Integer::sum);
            }
          });
    }
    List<String> byFrequency = new ArrayList<>(frequency.keySet());
    byFrequency.sort(
        (a, b) -> {
          int c = Integer.compare(frequency.get(b), frequency.get(a));
          return c != 0 ? c : a.compareTo(b);
        });
    List<String> vocabulary = byFrequency.subList(0, Math.min(vocabularySize, byFrequency.size()));
    Map<String, Integer> wordIndex = index(vocabulary);
    Map<String, Integer> contextIndex =
        index(byFrequency.subList(0, Math.min(contextSize, byFrequency.size())));
    contextIndex.put(BOUNDARY, contextIndex.size());
    int dims = 2 * contextIndex.size();

    int[][] counts = new int[vocabulary.size()][dims];
    for (Path file : files) {
      forEachLine(
          file,
          line -> {
            List<String> t = tokens(line);
            for (int i = 0; i < t.size(); i++) {
              Integer w = wordIndex.get(t.get(i));
              if (w == null) {
                continue;
              }
              Integer left = contextIndex.get(i == 0 ? BOUNDARY : t.get(i - 1));
              Integer right = contextIndex.get(i + 1 == t.size() ? BOUNDARY : t.get(i + 1));
              if (left != null) {
                counts[w][left]++;
              }
              if (right != null) {
                counts[w][contextIndex.size() + right]++;
              }
            }
          });
    }
    SparseVectors vectors = SparseVectors.ppmi(counts, dims);
    Map<Integer, Map<String, Integer>> result = new java.util.TreeMap<>();
    for (int k : ks) {
      int[] assignment = vectors.kmeans(k, 12, new Random(seed));
      Map<String, Integer> clusters = new java.util.LinkedHashMap<>();
      for (int i = 0; i < vocabulary.size(); i++) {
        if (assignment[i] >= 0) {
          clusters.put(vocabulary.get(i), assignment[i]);
        }
      }
      result.put(k, clusters);
    }
    return result;
  }

  /**
   * Writes one {@code word<TAB>cluster...} line per word, a column per granularity in the order of
   * {@code clusterings} (the format {@link WordClusters} reads).
   */
  public static void write(
      Map<Integer, Map<String, Integer>> clusterings, String header, Path file) {
    List<Map<String, Integer>> columns = new ArrayList<>(clusterings.values());
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("# " + header + "\n");
      out.write("# word\tclusters at k=" + clusterings.keySet() + "\n");
      for (String word : columns.get(0).keySet()) {
        StringBuilder line = new StringBuilder(word);
        for (Map<String, Integer> column : columns) {
          line.append('\t').append(column.getOrDefault(word, -1));
        }
        out.write(line.append('\n').toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static Map<String, Integer> index(List<String> words) {
    Map<String, Integer> index = new HashMap<>();
    for (String w : words) {
      index.put(w, index.size());
    }
    return index;
  }

  private static void forEachLine(Path file, java.util.function.Consumer<String> action) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        action.accept(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Unit-length sparse rows with spherical k-means over them. */
  static final class SparseVectors {
    final int[][] indices;
    final float[][] values;
    final int dims;

    private SparseVectors(int[][] indices, float[][] values, int dims) {
      this.indices = indices;
      this.values = values;
      this.dims = dims;
    }

    static SparseVectors ppmi(int[][] counts, int dims) {
      double total = 0;
      double[] column = new double[dims];
      double[] row = new double[counts.length];
      for (int w = 0; w < counts.length; w++) {
        for (int j = 0; j < dims; j++) {
          total += counts[w][j];
          column[j] += counts[w][j];
          row[w] += counts[w][j];
        }
      }
      int[][] indices = new int[counts.length][];
      float[][] values = new float[counts.length][];
      for (int w = 0; w < counts.length; w++) {
        int[] idx = new int[dims];
        float[] val = new float[dims];
        int n = 0;
        double norm = 0;
        for (int j = 0; j < dims; j++) {
          if (counts[w][j] == 0) {
            continue;
          }
          double pmi = Math.log(counts[w][j] * total / (row[w] * column[j]));
          if (pmi > 0) {
            idx[n] = j;
            val[n++] = (float) pmi;
            norm += pmi * pmi;
          }
        }
        indices[w] = Arrays.copyOf(idx, n);
        values[w] = Arrays.copyOf(val, n);
        float inv = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < n; i++) {
          values[w][i] *= inv;
        }
      }
      return new SparseVectors(indices, values, dims);
    }

    /**
     * k-means++ seeding: each next centroid is a row drawn with probability proportional to its
     * squared cosine distance from the nearest centroid so far, so rare context patterns get a
     * centroid of their own instead of all falling to cluster 0. Centroids are stored
     * context-major, so one sparse row updates all k scores in a tight loop.
     */
    private float[] seed(int k, Random random) {
      int rows = indices.length;
      float[] centroids = new float[dims * k];
      double[] nearest = new double[rows];
      java.util.Arrays.fill(nearest, 0.0);
      float[] dense = new float[dims];
      int chosen = random.nextInt(rows);
      for (int c = 0; c < k; c++) {
        for (int i = 0; i < indices[chosen].length; i++) {
          centroids[indices[chosen][i] * k + c] = values[chosen][i];
        }
        java.util.Arrays.fill(dense, 0f);
        for (int i = 0; i < indices[chosen].length; i++) {
          dense[indices[chosen][i]] = values[chosen][i];
        }
        double total = 0;
        double[] weights = new double[rows];
        for (int w = 0; w < rows; w++) {
          double sim = 0;
          for (int i = 0; i < indices[w].length; i++) {
            sim += values[w][i] * dense[indices[w][i]];
          }
          nearest[w] = Math.max(nearest[w], sim);
          double distance = indices[w].length == 0 ? 0 : 1 - nearest[w];
          weights[w] = distance * distance;
          total += weights[w];
        }
        if (total <= 0) {
          chosen = random.nextInt(rows);
          continue;
        }
        double r = random.nextDouble() * total;
        int w = 0;
        while (w < rows - 1 && (r -= weights[w]) > 0) {
          w++;
        }
        chosen = w;
      }
      return centroids;
    }

    /** Cluster of each row, or -1 for rows without any context. */
    int[] kmeans(int k, int iterations, Random random) {
      int rows = indices.length;
      float[] centroids = seed(k, random);
      int[] assignment = new int[rows];
      float[] scores = new float[k];
      for (int it = 0; it < iterations; it++) {
        for (int w = 0; w < rows; w++) {
          if (indices[w].length == 0) {
            assignment[w] = -1;
            continue;
          }
          Arrays.fill(scores, 0f);
          for (int i = 0; i < indices[w].length; i++) {
            int base = indices[w][i] * k;
            float v = values[w][i];
            for (int c = 0; c < k; c++) {
              scores[c] += v * centroids[base + c];
            }
          }
          int best = 0;
          for (int c = 1; c < k; c++) {
            if (scores[c] > scores[best]) {
              best = c;
            }
          }
          assignment[w] = best;
        }
        Arrays.fill(centroids, 0f);
        int[] sizes = new int[k];
        for (int w = 0; w < rows; w++) {
          int c = assignment[w];
          if (c < 0) {
            continue;
          }
          sizes[c]++;
          for (int i = 0; i < indices[w].length; i++) {
            centroids[indices[w][i] * k + c] += values[w][i];
          }
        }
        double[] norms = new double[k];
        for (int j = 0; j < dims; j++) {
          for (int c = 0; c < k; c++) {
            float v = centroids[j * k + c];
            norms[c] += v * v;
          }
        }
        for (int c = 0; c < k; c++) {
          if (sizes[c] == 0) {
            // Reseed an empty cluster with a random word so k clusters stay in use.
            int w = random.nextInt(rows);
            for (int i = 0; i < indices[w].length; i++) {
              centroids[indices[w][i] * k + c] = values[w][i];
            }
            norms[c] = 1;
          }
        }
        for (int j = 0; j < dims; j++) {
          for (int c = 0; c < k; c++) {
            if (norms[c] > 0) {
              centroids[j * k + c] /= (float) Math.sqrt(norms[c]);
            }
          }
        }
      }
      return assignment;
    }
  }
}
