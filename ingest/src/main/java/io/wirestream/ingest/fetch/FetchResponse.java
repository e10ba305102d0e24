package io.wirestream.ingest.fetch;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The final response of a fetch, after redirects.
 *
 * @param uri the URL that answered (the last redirect's target)
 * @param status the HTTP status; 200 for a file
 * @param body the decoded body of a 2xx response, else empty
 */
public record FetchResponse(URI uri, int status, HttpHeaders headers, byte[] body) {

  private static final Pattern CHARSET =
      Pattern.compile(";\\s*charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

  static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);

  public boolean isSuccess() {
    return status >= 200 && status <= 299;
  }

  public boolean isNotModified() {
    return status == 304;
  }

  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  /** The validators to send back on the next fetch of the same URL. */
  public Validators validators() {
    return new Validators(header("ETag").orElse(null), header("Last-Modified").orElse(null));
  }

  /** The charset the Content-Type names, or null if none or unknown. */
  public Charset charset() {
    return charset(header("Content-Type").orElse(""));
  }

  /** The charset parameter of a Content-Type, or null if absent or unknown. */
  public static Charset charset(String contentType) {
    Matcher m = CHARSET.matcher(contentType);
    if (!m.find()) {
      return null;
    }
    try {
      return Charset.forName(m.group(1));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
