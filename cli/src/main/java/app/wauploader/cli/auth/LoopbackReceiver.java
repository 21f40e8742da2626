package app.wauploader.cli.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The loopback redirect target of the installed-app OAuth flow
 * (https://developers.google.com/identity/protocols/oauth2/native-app#redirect-uri_loopback): an
 * HTTP server on 127.0.0.1 and a random port, which receives one redirect with {@code code} and
 * {@code state} (or {@code error}) and answers the browser with a short page.
 * google-oauth-client-jetty's {@code LocalServerReceiver} does not hand back {@code state}, which
 * we verify ourselves, hence this small receiver.
 */
final class LoopbackReceiver implements AutoCloseable {
  private final HttpServer server;
  private final CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();

  LoopbackReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:PORT/} */
  String redirectUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> params = parse(exchange.getRequestURI().getRawQuery());
    boolean ok = params.containsKey("code");
    String page =
        ok
            ? "<html><body><h3>wa-uploader is signed in.</h3>You can close this tab and go back to Termux.</body></html>"
            : "<html><body><h3>Sign-in did not complete.</h3>Go back to Termux for details.</body></html>";
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
    if (ok || params.containsKey("error")) {
      callback.complete(params);
    }
  }

  /**
   * Waits for the redirect.
   *
   * @return its query parameters
   * @throws TimeoutException if none arrives within {@code timeout}
   */
  Map<String, String> await(Duration timeout) throws TimeoutException, InterruptedException {
    try {
      return callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static Map<String, String> parse(String query) {
    Map<String, String> params = new HashMap<>();
    if (query == null) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.putIfAbsent(key, value);
    }
    return params;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
