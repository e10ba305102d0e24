package io.wirestream.common.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlNormalizerTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "HTTPS://News.Example.COM/a/b | https://news.example.com/a/b",
        "https://example.com | https://example.com/",
        "http://example.com:80/x | http://example.com/x",
        "https://example.com:443/x | https://example.com/x",
        "https://example.com:8443/x | https://example.com:8443/x",
        "https://example.com./x | https://example.com/x",
        "https://example.com/a/./b/../c | https://example.com/a/c",
        "https://example.com/../a | https://example.com/a",
        "https://example.com/x#comments | https://example.com/x",
        "https://example.com/x?utm_source=rss&utm_medium=feed | https://example.com/x",
        "https://example.com/x?id=7&utm_campaign=a#top | https://example.com/x?id=7",
        "https://example.com/x?fbclid=abc&page=2 | https://example.com/x?page=2",
        "https://example.com/x?gclid=1&UTM_Source=2&msclkid=3 | https://example.com/x",
        "https://example.com/x?b=2&a=1 | https://example.com/x?a=1&b=2",
        "https://example.com/x?a=2&a=1 | https://example.com/x?a=2&a=1",
        "https://example.com/x? | https://example.com/x",
        "https://example.com/x?&&a=1& | https://example.com/x?a=1",
        "https://example.com/%7euser/%c3%a9 | https://example.com/~user/%C3%A9",
        "https://example.com/a%2Fb | https://example.com/a%2Fb",
        "https://bücher.example/x | https://xn--bcher-kva.example/x",
        "  https://example.com/x  | https://example.com/x",
      })
  void writesOneSpellingForVariantsOfTheSameLink(String url, String expected) {
    assertEquals(expected, UrlNormalizer.normalize(url));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "   ", "/relative/path", "ftp://example.com/x", "mailto:a@b.c", "http://"})
  void refusesWhatIsNotAnAbsoluteWebUrl(String url) {
    assertThrows(IllegalArgumentException.class, () -> UrlNormalizer.normalize(url));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"utm_source", "UTM_TERM", "fbclid", "gclid", "mc_eid", "_ga", "pk_campaign"})
  void knowsTheTrackingParameters(String name) {
    assertEquals(true, UrlNormalizer.isTracking(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "page", "p", "story", "utm"})
  void keepsParametersThatNameContent(String name) {
    assertEquals(false, UrlNormalizer.isTracking(name));
  }

  @org.junit.jupiter.api.Test
  void isIdempotent() {
    String once = UrlNormalizer.normalize("HTTP://Example.com:80/a/../b?utm_x=1&z=%7e#f");
    assertEquals(once, UrlNormalizer.normalize(once));
  }
}
