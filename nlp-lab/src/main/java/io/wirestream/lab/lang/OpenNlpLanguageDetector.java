package io.wirestream.lab.lang;

import io.wirestream.enrich.nlp.lang.Detection;
import io.wirestream.enrich.nlp.lang.LanguageDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.langdetect.LanguageSample;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * OpenNLP's maxent language detector (character 1- to 3-grams) trained on the paragraphs of the
 * given texts: the only multilingual text the project has is the web corpus, so this is the
 * candidate a self-trained model would be, measured by cross-validation over its pages.
 */
final class OpenNlpLanguageDetector implements LanguageDetector {

  /** Paragraphs shorter than this say little of their language and only slow training down. */
  private static final int MIN_PARAGRAPH_CHARS = 40;

  private final LanguageDetectorME detector;

  private OpenNlpLanguageDetector(LanguageDetectorModel model) {
    this.detector = new LanguageDetectorME(model);
  }

  /** Trained on every paragraph of each text, labelled with its language. */
  static OpenNlpLanguageDetector train(List<Map.Entry<String, String>> languageAndText) {
    List<LanguageSample> samples = new ArrayList<>();
    for (Map.Entry<String, String> e : languageAndText) {
      for (String paragraph : e.getValue().split("\n\n")) {
        if (paragraph.strip().length() >= MIN_PARAGRAPH_CHARS) {
          samples.add(new LanguageSample(new Language(e.getKey()), paragraph.strip()));
        }
      }
    }
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.CUTOFF_PARAM, 2);
    params.put(TrainingParameters.ITERATIONS_PARAM, 100);
    try {
      return new OpenNlpLanguageDetector(
          LanguageDetectorME.train(
              new CollectionObjectStream<>(samples), params, new LanguageDetectorFactory()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Detection detect(CharSequence text) {
    Language best = detector.predictLanguage(text);
    return best == null ? Detection.UNKNOWN : new Detection(best.getLang(), best.getConfidence());
  }

  @Override
  public String model() {
    return "opennlp-langdetect-web-corpus";
  }
}
