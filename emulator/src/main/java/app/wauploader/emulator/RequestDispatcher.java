package app.wauploader.emulator;

import app.wauploader.emulator.faults.FaultAction;
import app.wauploader.emulator.faults.FaultPlan;
import app.wauploader.emulator.faults.FaultRule;
import app.wauploader.emulator.faults.FaultTripwire;
import app.wauploader.emulator.faults.FaultsApi;
import app.wauploader.emulator.faults.InjectedDisconnect;
import app.wauploader.emulator.faults.InjectedItemFailures;
import app.wauploader.emulator.http.ApiError;
import app.wauploader.emulator.http.ApiRequest;
import app.wauploader.emulator.http.ApiRoute;
import app.wauploader.emulator.http.Bandwidth;
import app.wauploader.emulator.http.ClientDisconnectedException;
import app.wauploader.emulator.http.ErrorReplies;
import app.wauploader.emulator.http.QueryParameters;
import app.wauploader.emulator.http.Reply;
import app.wauploader.emulator.http.Router;
import app.wauploader.emulator.http.Service;
import app.wauploader.emulator.http.SocketBody;
import app.wauploader.emulator.inspect.RequestStats;
import app.wauploader.emulator.oauth.Caller;
import app.wauploader.emulator.oauth.OAuthApi;
import app.wauploader.emulator.oauth.ScopeRules;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Runs every request through the same steps: method override, routing, stats, fault rules, body
 * decoding (gzip; chunked is decoded by the JDK server), auth, the route handler, and writing the
 * answer — or closing the connection without one when the client went away or a {@code
 * reset}/{@code stall} rule fired.
 *
 * <p>{@code X-HTTP-Method-Override} on a POST replaces the method (google-http-client's
 * NetHttpTransport cannot send PATCH, and turns long GETs into POSTs with the query as a form body:
 * https://github.com/googleapis/google-http-java-client, class MethodOverride).
 */
final class RequestDispatcher implements HttpHandler {
  /** Bytes of an unread body read and dropped before answering, so the client sees the answer. */
  private static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;

  /** Longest a {@code stall} holds a connection. */
  private static final long STALL_MINUTES = 10;

  private final Router router;
  private final URI baseUri;
  private final RequestStats stats;
  private final Bandwidth bandwidth;
  private final FaultPlan faults;
  private final Optional<OAuthApi> auth;
  private final Map<ApiRoute, SessionDropper> droppers;
  private final CountDownLatch shutdown;

  /** Forgets an upload session by its {@code upload_id} (the {@code dropSession} fault). */
  @FunctionalInterface
  interface SessionDropper {
    void drop(String uploadId) throws IOException;
  }

  /**
   * @param auth the token checker when {@code requireAuth} is on; empty otherwise
   * @param shutdown counted down when the emulator closes; releases stalled connections
   */
  RequestDispatcher(
      Router router,
      URI baseUri,
      RequestStats stats,
      Bandwidth bandwidth,
      FaultPlan faults,
      Optional<OAuthApi> auth,
      Map<ApiRoute, SessionDropper> droppers,
      CountDownLatch shutdown) {
    this.router = router;
    this.baseUri = baseUri;
    this.stats = stats;
    this.bandwidth = bandwidth;
    this.faults = faults;
    this.auth = auth;
    this.droppers = Map.copyOf(droppers);
    this.shutdown = shutdown;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try {
      dispatch(exchange);
    } catch (RuntimeException | IOException e) {
      abort(exchange);
    }
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    Headers headers = exchange.getRequestHeaders();
    String wireMethod = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String override = headers.getFirst("X-HTTP-Method-Override");
    String method =
        wireMethod.equals("POST") && override != null && !override.isBlank()
            ? override.trim().toUpperCase(Locale.ROOT)
            : wireMethod;
    String path = exchange.getRequestURI().getPath();
    Router.Match match = router.match(method, path);
    if (match instanceof Router.Found found) {
      serve(exchange, found, wireMethod, method, path);
    } else {
      answerUnrouted(exchange, match, method, path);
    }
  }

  private void answerUnrouted(
      HttpExchange exchange, Router.Match match, String method, String path) {
    new SocketBody(exchange.getRequestBody(), n -> {}, Bandwidth.unlimited())
        .drain(MAX_DRAIN_BYTES);
    if (match instanceof Router.MethodNotAllowed notAllowed) {
      String message = "Method " + method + " is not allowed on " + path + ".";
      send(
          exchange,
          ErrorReplies.render(
              notAllowed.api().service(), ApiError.of(405, "methodNotAllowed", message)));
    } else {
      String message = "No emulator route for " + method + " " + path + ".";
      send(exchange, ErrorReplies.render(serviceOf(path), ApiError.of(404, "notFound", message)));
    }
  }

  private void serve(
      HttpExchange exchange, Router.Found found, String wireMethod, String method, String path)
      throws IOException {
    Headers headers = exchange.getRequestHeaders();
    boolean bodyKnownEmpty = isBodyKnownEmpty(headers);
    Router.Route route = found.route();
    ApiRoute api = route.api();
    stats.countRequest(api);
    QueryParameters query;
    try {
      query = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
    } catch (ApiError e) {
      send(exchange, ErrorReplies.render(api.service(), e));
      return;
    }
    boolean content = route.contentBody().test(query);
    java.util.concurrent.atomic.LongAdder counted = new java.util.concurrent.atomic.LongAdder();
    SocketBody socket =
        new SocketBody(
            exchange.getRequestBody(),
            content
                ? n -> {
                  stats.addBytesReceived(n);
                  counted.add(n);
                }
                : n -> {},
            content ? bandwidth : Bandwidth.unlimited());

    Optional<FaultPlan.Selection> fault =
        api.isCounted() ? faults.select(api, bodyKnownEmpty) : Optional.empty();
    try {
      if (fault.isPresent()) {
        actBeforeHandler(fault.get(), api, query);
      }
      InputStream body = socket;
      if (!bodyKnownEmpty && isGzip(headers)) {
        body = gunzip(body);
      }
      if (fault.isPresent() && fault.get().rule().isByteTriggered()) {
        body = new FaultTripwire(body, faults, fault.get().armed());
      }
      if (wireMethod.equals("POST") && method.equals("GET") && isForm(headers)) {
        String form =
            new String(body.readNBytes(ApiRequest.MAX_PARSED_BODY_BYTES), StandardCharsets.UTF_8);
        query = query.merge(QueryParameters.parse(form));
        body = new ByteArrayInputStream(new byte[0]);
      }
      ApiRequest request =
          new ApiRequest(
              method, path, found.parameters(), query, headers, body, bodyKnownEmpty, baseUri);
      if (fault.isPresent() && fault.get().rule().action() == FaultAction.PARTIAL) {
        request.setAttribute(
            InjectedItemFailures.class, FaultsApi.itemFailures(fault.get().rule()));
      }
      if (auth.isPresent() && api.service().isGoogleApi()) {
        Caller caller = checkBearer(headers, auth.get());
        ScopeRules.check(api, method, caller.scope());
        request.setAttribute(Caller.class, caller);
      }
      Reply reply = route.handler().handle(request);
      if (fault.isPresent() && fault.get().rule().action() == FaultAction.WITHHOLD_SHA256) {
        reply = withoutSha256(reply);
      }
      socket.drain(MAX_DRAIN_BYTES);
      if (request
          .attribute(app.wauploader.emulator.drive.DriveSpaces.AppDataBody.class)
          .isPresent()) {
        // The app's own file (a catalog), not media the user backs up: counted apart.
        stats.moveToAppData(counted.sum());
      }
      if (fault.isPresent() && fault.get().rule().action() == FaultAction.LOSE_ANSWER) {
        abort(exchange); // done, but the client never hears it
        return;
      }
      send(exchange, reply);
    } catch (InjectedDisconnect e) {
      if (e.isStall()) {
        stall(exchange);
      } else {
        abort(exchange);
      }
    } catch (ClientDisconnectedException e) {
      abort(exchange);
    } catch (ApiError e) {
      socket.drain(MAX_DRAIN_BYTES);
      send(exchange, ErrorReplies.render(api.service(), e));
    } catch (IOException | RuntimeException e) {
      socket.drain(MAX_DRAIN_BYTES);
      send(
          exchange,
          ErrorReplies.render(
              api.service(), ApiError.of(500, "backendError", "Internal emulator error: " + e)));
    }
  }

  /**
   * Applies what a rule does before the handler runs: answer with an error, drop the connection, or
   * forget the addressed upload session. Byte-triggered and {@code partial} rules act later.
   */
  private void actBeforeHandler(FaultPlan.Selection selection, ApiRoute api, QueryParameters query)
      throws IOException {
    FaultRule rule = selection.rule();
    switch (rule.action()) {
      case SERVICE_DISABLED, INSUFFICIENT_SCOPE, DAILY_QUOTA, STORAGE_FULL ->
          throw FaultsApi.googleError(rule, api, selection.armed().usesTaken());
      case STATUS -> throw FaultsApi.statusError(rule);
      case RESET, STALL -> {
        if (!rule.isByteTriggered()) {
          throw new InjectedDisconnect(rule.action() == FaultAction.STALL);
        }
      }
      case DROP_SESSION -> {
        Optional<String> uploadId = query.first("upload_id");
        SessionDropper dropper = droppers.get(api);
        if (uploadId.isPresent() && dropper != null) {
          dropper.drop(uploadId.get());
        }
      }
      case PARTIAL, WITHHOLD_SHA256, LOSE_ANSWER -> {
        // PARTIAL: attached to the request as InjectedItemFailures; WITHHOLD_SHA256: see
        // withoutSha256, applied to the handler's answer; LOSE_ANSWER: after the handler
      }
    }
  }

  /** The JSON answer without {@code sha256Checksum}/{@code sha1Checksum}, at any depth. */
  private static Reply withoutSha256(Reply reply) {
    if (!(reply.body() instanceof Reply.Bytes bytes)
        || !bytes.contentType().startsWith("application/json")) {
      return reply;
    }
    com.google.gson.JsonElement json =
        com.google.gson.JsonParser.parseString(new String(bytes.content(), StandardCharsets.UTF_8));
    strip(json);
    Reply stripped = Reply.json(reply.status(), json);
    for (var header : reply.headers().entrySet()) {
      stripped = stripped.withHeader(header.getKey(), header.getValue());
    }
    return stripped;
  }

  private static void strip(com.google.gson.JsonElement json) {
    if (json.isJsonObject()) {
      json.getAsJsonObject().remove("sha256Checksum");
      json.getAsJsonObject().remove("sha1Checksum");
      json.getAsJsonObject().entrySet().forEach(e -> strip(e.getValue()));
    } else if (json.isJsonArray()) {
      json.getAsJsonArray().forEach(RequestDispatcher::strip);
    }
  }

  private static boolean isBodyKnownEmpty(Headers headers) {
    if (headers.getFirst("Transfer-Encoding") != null) {
      return false;
    }
    String length = headers.getFirst("Content-Length");
    return length == null || length.trim().equals("0");
  }

  private static boolean isGzip(Headers headers) {
    String encoding = headers.getFirst("Content-Encoding");
    return encoding != null && encoding.trim().equalsIgnoreCase("gzip");
  }

  private static boolean isForm(Headers headers) {
    String type = headers.getFirst("Content-Type");
    return type != null
        && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }

  private static InputStream gunzip(InputStream body) throws IOException {
    try {
      return new GZIPInputStream(body, 16 * 1024);
    } catch (ZipException | EOFException e) {
      throw ApiError.badRequest("Malformed gzip request body: " + e.getMessage());
    }
  }

  private static Caller checkBearer(Headers headers, OAuthApi oauth) {
    String authorization = headers.getFirst("Authorization");
    String credentials =
        "Expected OAuth 2 access token, login cookie or other valid authentication credential. "
            + "See https://developers.google.com/identity/sign-in/web/devconsole-project.";
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ApiError.of(
              401,
              "authError",
              "Request is missing required authentication credential. " + credentials)
          .withHeader("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\"");
    }
    return oauth
        .caller(authorization.substring(7).trim())
        .orElseThrow(
            () ->
                ApiError.of(
                        401,
                        "authError",
                        "Request had invalid authentication credentials. " + credentials)
                    .withHeader(
                        "WWW-Authenticate",
                        "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\""));
  }

  private static Service serviceOf(String path) {
    if (path.startsWith("/drive/")
        || path.startsWith("/upload/")
        || path.startsWith("/resumable/")) {
      return Service.DRIVE;
    }
    if (path.startsWith("/v1/")) {
      return Service.PHOTOS;
    }
    if (path.startsWith("/o/")
        || path.equals("/token")
        || path.equals("/revoke")
        || path.startsWith("/oauth2/")) {
      return Service.OAUTH;
    }
    return Service.EMULATOR;
  }

  private static void send(HttpExchange exchange, Reply reply) {
    try {
      Headers out = exchange.getResponseHeaders();
      reply.headers().forEach(out::set);
      Reply.Body body = reply.body();
      if (body instanceof Reply.Bytes bytes) {
        out.set("Content-Type", bytes.contentType());
        byte[] content = bytes.content();
        exchange.sendResponseHeaders(reply.status(), content.length == 0 ? -1 : content.length);
        if (content.length > 0) {
          try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(content);
          }
        }
      } else if (body instanceof Reply.FileContent file) {
        out.set("Content-Type", file.contentType());
        exchange.sendResponseHeaders(reply.status(), file.length() == 0 ? -1 : file.length());
        if (file.length() > 0) {
          try (InputStream in = Files.newInputStream(file.file());
              OutputStream stream = exchange.getResponseBody()) {
            byte[] buffer = new byte[64 * 1024];
            long left = file.length();
            while (left > 0) {
              int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
              if (n < 0) {
                break;
              }
              stream.write(buffer, 0, n);
              left -= n;
            }
          }
        }
      } else {
        exchange.sendResponseHeaders(reply.status(), -1);
      }
    } catch (IOException e) {
      // The client went away while we answered; nothing more to do.
    } finally {
      exchange.close();
    }
  }

  /** Closes the connection without an answer (no response headers were sent yet). */
  private static void abort(HttpExchange exchange) {
    exchange.close();
  }

  /** Holds the connection unanswered until shutdown (at most 10 minutes), then drops it. */
  private void stall(HttpExchange exchange) {
    try {
      shutdown.await(STALL_MINUTES, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      abort(exchange);
    }
  }
}
