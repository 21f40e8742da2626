package app.wauploader.core.google;

import app.wauploader.core.retry.FailureClass;
import app.wauploader.core.retry.Failures;
import app.wauploader.core.retry.TargetException;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.JsonObjectParser;
import com.google.api.client.json.gson.GsonFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP plumbing shared by the Drive and Photos targets: one transport (google-http-client's
 * {@link NetHttpTransport}, which works on Android), the caller's credentials, timeouts, and the
 * one place where an HTTP answer becomes a classified {@link TargetException}.
 *
 * <p>No retries happen here; the credential may still refresh an access token on a 401.
 */
public final class GoogleHttp {
  /** Connect timeout, ms. */
  public static final int CONNECT_TIMEOUT_MS = 20_000;

  /** Default read timeout, ms: a stalled transfer fails after this long without an answer. */
  public static final int READ_TIMEOUT_MS = 60_000;

  /** One parser for every request: it is immutable and thread-safe. */
  private static final JsonObjectParser PARSER = new JsonObjectParser(json());

  private final HttpTransport transport;
  private final HttpRequestInitializer credentials;
  private final HttpRequestFactory requestFactory;
  private final GoogleEndpoints endpoints;
  private final int readTimeoutMs;

  /**
   * @param credentials adds the Authorization header (and refreshes it); for an emulator without
   *     {@code --require-auth}, {@link #NO_CREDENTIALS}
   */
  public GoogleHttp(
      HttpTransport transport, HttpRequestInitializer credentials, GoogleEndpoints endpoints) {
    this(transport, credentials, endpoints, READ_TIMEOUT_MS);
  }

  /**
   * @param readTimeoutMs how long a request may wait for the server's bytes before it fails as a
   *     stalled transfer (transient)
   */
  public GoogleHttp(
      HttpTransport transport,
      HttpRequestInitializer credentials,
      GoogleEndpoints endpoints,
      int readTimeoutMs) {
    this.readTimeoutMs = readTimeoutMs;
    this.transport = transport;
    this.credentials = credentials;
    this.endpoints = endpoints;
    this.requestFactory = transport.createRequestFactory(this::initialize);
  }

  /** Credentials that add nothing (emulator without auth). */
  public static final HttpRequestInitializer NO_CREDENTIALS = request -> {};

  /** A {@link GoogleHttp} on a new {@link NetHttpTransport}. */
  public static GoogleHttp create(HttpRequestInitializer credentials, GoogleEndpoints endpoints) {
    return new GoogleHttp(new NetHttpTransport(), credentials, endpoints);
  }

  private void initialize(HttpRequest request) throws IOException {
    request.setConnectTimeout(CONNECT_TIMEOUT_MS);
    request.setReadTimeout(readTimeoutMs);
    request.setFollowRedirects(false);
    request.setParser(PARSER);
    request.setThrowExceptionOnExecuteError(false);
    // One retry, used only when the credential refreshed its token after a 401.
    request.setNumberOfRetries(1);
    credentials.initialize(request);
  }

  /** The transport every request goes through (shared with the Drive client library). */
  public HttpTransport transport() {
    return transport;
  }

  /** Request initializer for Google client libraries (the Drive client): credentials + timeouts. */
  public HttpRequestInitializer clientInitializer() {
    return request -> {
      request.setConnectTimeout(CONNECT_TIMEOUT_MS);
      request.setReadTimeout(readTimeoutMs);
      credentials.initialize(request);
    };
  }

  /** Builds requests with credentials, timeouts and no automatic redirects or retries. */
  public HttpRequestFactory requestFactory() {
    return requestFactory;
  }

  /** Where the calls go (Google, or the emulator). */
  public GoogleEndpoints endpoints() {
    return endpoints;
  }

  /** The JSON factory of every request and response (Gson; works on Android). */
  public static JsonFactory json() {
    return GsonFactory.getDefaultInstance();
  }

  /**
   * Executes {@code request}; answers with a status in {@code accepted} (or any 2xx) are returned,
   * everything else becomes a classified {@link TargetException} (the response is consumed).
   *
   * @param what what is being done, for messages ("Drive upload", "Photos batchCreate")
   */
  public HttpResponse execute(HttpRequest request, String what, int... accepted)
      throws TargetException {
    HttpResponse response;
    try {
      response = request.execute();
    } catch (IOException e) {
      throw Failures.fromIo(e, what);
    }
    int status = response.getStatusCode();
    if (status / 100 == 2) {
      return response;
    }
    for (int code : accepted) {
      if (status == code) {
        return response;
      }
    }
    String body = "";
    try {
      body = response.parseAsString();
    } catch (IOException ignored) {
      // the status alone still classifies
    } finally {
      disconnect(response);
    }
    throw Failures.fromResponse(
        status, body, response.getHeaders().getFirstHeaderStringValue("Retry-After"), what);
  }

  /**
   * Executes a request that opens an upload and returns the header naming where it continues (Drive
   * {@code Location}, Photos {@code X-Goog-Upload-URL}).
   *
   * @throws TargetException classified as for {@link #execute}; transient when the header is
   *     missing
   */
  public String requiredHeader(HttpRequest request, String header, String what)
      throws TargetException {
    HttpResponse response = execute(request, what);
    String value = response.getHeaders().getFirstHeaderStringValue(header);
    disconnect(response);
    if (value == null || value.isEmpty()) {
      throw new TargetException(FailureClass.TRANSIENT, what + ": no " + header + " in the answer");
    }
    return value;
  }

  /** Reads a response body as UTF-8 text and releases the connection. */
  public static String bodyText(HttpResponse response, String what) throws TargetException {
    try {
      java.io.InputStream content = response.getContent();
      if (content == null) {
        return "";
      }
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      com.google.api.client.util.IOUtils.copy(content, bytes);
      return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw Failures.fromIo(e, what);
    } finally {
      disconnect(response);
    }
  }

  /** Releases a response's connection, ignoring errors. */
  public static void disconnect(HttpResponse response) {
    try {
      response.disconnect();
    } catch (IOException ignored) {
      // nothing to recover
    }
  }
}
