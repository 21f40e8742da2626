package app.wauploader.core.check;

import app.wauploader.core.google.GoogleHttp;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One answer of a cheap read-only Google call, kept whole: status, body and the {@code Date} header
 * (RFC 9110 §6.6.1: the time the origin server made the answer, in IMF-fixdate, which every Google
 * front end sends, also on errors), so the checks can tell set-up errors apart and compare clocks.
 *
 * @param status HTTP status
 * @param body the body as text (UTF-8)
 * @param date the server's {@code Date}, when sent and readable
 */
public record GoogleAnswer(int status, String body, Optional<Instant> date) {

  /**
   * GETs {@code url} with the sign-in's bearer token (renewed once after a 401, as every call).
   *
   * @throws IOException when no answer came (network, timeout) or the sign-in cannot be renewed
   *     ({@link app.wauploader.core.auth.SignInRequiredException})
   */
  public static GoogleAnswer get(GoogleHttp http, GenericUrl url) throws IOException {
    HttpRequest request = http.requestFactory().buildGetRequest(url);
    HttpResponse response = request.execute();
    try {
      String body = response.parseAsString();
      return new GoogleAnswer(
          response.getStatusCode(),
          body == null ? "" : body,
          parseDate(response.getHeaders().getDate()));
    } finally {
      GoogleHttp.disconnect(response);
    }
  }

  /** True for a 2xx answer. */
  public boolean isSuccess() {
    return status / 100 == 2;
  }

  /** An HTTP-date ({@code Sun, 06 Nov 1994 08:49:37 GMT}); empty if absent or unreadable. */
  static Optional<Instant> parseDate(String value) {
    if (value == null || value.trim().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
