package app.wauploader.core.google;

import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.retry.Failures;
import app.wauploader.core.retry.TargetException;
import app.wauploader.domain.FailureReason;
import com.google.api.client.http.AbstractHttpContent;
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
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP plumbing shared by the Drive and Photos targets: one transport (google-http-client's
 * {@link NetHttpTransport}, which works on Android), the bearer token from {@link AccessTokens},
 * timeouts, and the one place where an HTTP answer becomes a classified {@link TargetException}.
 *
 * <p>No retries happen here, except one: a request refused with 401 is sent once more after the
 * token provider renewed the token.
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
  private final AccessTokens tokens;
  private final HttpRequestFactory requestFactory;
  private final GoogleEndpoints endpoints;
  private final int readTimeoutMs;

  /** Told of every request sent (each execution, retries included), e.g. to count quota use. */
  @FunctionalInterface
  public interface RequestCounter {
    /** No counting. */
    RequestCounter NONE = service -> {};

    /** One request went to {@code service}. Called on the sending thread; must be thread-safe. */
    void sent(app.wauploader.domain.Service service);
  }

  /**
   * @param tokens where access tokens come from; {@link AccessTokens#NONE} for an emulator without
   *     {@code --require-auth}
   */
  public GoogleHttp(HttpTransport transport, AccessTokens tokens, GoogleEndpoints endpoints) {
    this(transport, tokens, endpoints, READ_TIMEOUT_MS);
  }

  /**
   * @param readTimeoutMs how long a request may wait for the server's bytes before it fails as a
   *     stalled transfer (network)
   */
  public GoogleHttp(
      HttpTransport transport, AccessTokens tokens, GoogleEndpoints endpoints, int readTimeoutMs) {
    this(transport, tokens, endpoints, readTimeoutMs, RequestCounter.NONE);
  }

  /**
   * @param counter told of every request to Photos or Drive (both this class's requests and the
   *     Drive client library's)
   */
  public GoogleHttp(
      HttpTransport transport,
      AccessTokens tokens,
      GoogleEndpoints endpoints,
      int readTimeoutMs,
      RequestCounter counter) {
    this.readTimeoutMs = readTimeoutMs;
    this.transport = transport;
    this.tokens = tokens;
    this.credentials = bearer(tokens, endpoints, counter);
    this.endpoints = endpoints;
    this.requestFactory = transport.createRequestFactory(this::initialize);
  }

  /** A {@link GoogleHttp} on a new {@link NetHttpTransport}. */
  public static GoogleHttp create(AccessTokens tokens, GoogleEndpoints endpoints) {
    return create(tokens, endpoints, RequestCounter.NONE);
  }

  /**
   * A {@link GoogleHttp} on a new {@link NetHttpTransport}, telling {@code counter} each request.
   */
  public static GoogleHttp create(
      AccessTokens tokens, GoogleEndpoints endpoints, RequestCounter counter) {
    return new GoogleHttp(new NetHttpTransport(), tokens, endpoints, READ_TIMEOUT_MS, counter);
  }

  /** The access-token provider (asked once before a run, to fail early when signed out). */
  public AccessTokens tokens() {
    return tokens;
  }

  /**
   * Adds {@code Authorization: Bearer …} before each execution and renews the token once after a
   * 401 (https://developers.google.com/identity/protocols/oauth2/native-app#callinganapi).
   */
  private static HttpRequestInitializer bearer(
      AccessTokens tokens, GoogleEndpoints endpoints, RequestCounter counter) {
    return request -> {
      request.setInterceptor(
          r -> {
            endpoints.serviceOf(r.getUrl().build()).ifPresent(counter::sent);
            java.util.Optional<String> token = tokens.current();
            if (token.isPresent()) {
              r.getHeaders().setAuthorization("Bearer " + token.get());
            }
          });
      request.setUnsuccessfulResponseHandler(
          (r, response, supportsRetry) ->
              response.getStatusCode() == 401 && supportsRetry && tokens.refresh());
    };
  }

  private void initialize(HttpRequest request) throws IOException {
    request.setConnectTimeout(CONNECT_TIMEOUT_MS);
    request.setReadTimeout(readTimeoutMs);
    request.setFollowRedirects(false);
    request.setParser(PARSER);
    request.setThrowExceptionOnExecuteError(false);
    // One retry, used only when the token provider renewed its token after a 401.
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
   * @throws TargetException classified as for {@link #execute}; a server failure when the header is
   *     missing
   */
  public String requiredHeader(HttpRequest request, String header, String what)
      throws TargetException {
    HttpResponse response = execute(request, what);
    String value = response.getHeaders().getFirstHeaderStringValue(header);
    disconnect(response);
    if (value == null || value.isEmpty()) {
      throw new TargetException(FailureReason.SERVER, what + ": no " + header + " in the answer");
    }
    return value;
  }

  /**
   * The body of one upload request: {@code length} bytes of {@code bytes}, written in 64 KiB pieces
   * so that a stopping run (its transfer thread interrupted) ends a slow request within one piece
   * instead of after the whole chunk.
   */
  public static AbstractHttpContent chunk(String type, byte[] bytes, int length) {
    return new AbstractHttpContent(type) {
      @Override
      public long getLength() {
        return length;
      }

      @Override
      public boolean retrySupported() {
        return true;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        for (int offset = 0; offset < length; offset += PIECE_BYTES) {
          if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("transfer stopped");
          }
          out.write(bytes, offset, Math.min(PIECE_BYTES, length - offset));
        }
        out.flush();
      }
    };
  }

  /** Bytes written between two checks for a stopping run. */
  private static final int PIECE_BYTES = 64 * 1024;

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
