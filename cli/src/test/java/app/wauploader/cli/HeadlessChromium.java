package app.wauploader.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven over the Chrome DevTools Protocol on
 * loopback (the JDK's WebSocket client): it loads a page and reports every request the page made,
 * every console message and uncaught exception, evaluates expressions in the page and takes
 * screenshots. A new profile directory each time, every background service off.
 */
final class HeadlessChromium implements AutoCloseable {
  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final List<JsonObject> events = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  /** The chromium executable on the PATH, if there is one. */
  static Optional<Path> executable() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private HeadlessChromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /** Starts {@code chromium} on about:blank and connects to its page. */
  static HeadlessChromium start(Path chromium) throws Exception {
    Path profile = Files.createTempDirectory("wa-chromium-");
    Process process =
        new ProcessBuilder(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--window-size=412,915",
                "about:blank")
            .redirectErrorStream(true)
            .redirectOutput(profile.resolve("chromium.log").toFile())
            .start();
    try {
      Path activePort = profile.resolve("DevToolsActivePort");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!(Files.exists(activePort) && Files.readAllLines(activePort).size() >= 2)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IOException(
              "chromium did not start: " + Files.readString(profile.resolve("chromium.log")));
        }
        Thread.sleep(50);
      }
      int port = Integer.parseInt(Files.readAllLines(activePort).get(0).trim());
      HttpClient http = HttpClient.newHttpClient();
      String pageSocket = null;
      while (pageSocket == null) {
        HttpResponse<String> list =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonElement target : JsonParser.parseString(list.body()).getAsJsonArray()) {
          if (target.getAsJsonObject().get("type").getAsString().equals("page")) {
            pageSocket = target.getAsJsonObject().get("webSocketDebuggerUrl").getAsString();
          }
        }
        if (pageSocket == null) {
          if (System.nanoTime() > deadline) {
            throw new IOException("chromium shows no page: " + list.body());
          }
          Thread.sleep(50);
        }
      }
      HeadlessChromium[] self = new HeadlessChromium[1];
      WebSocket socket =
          http.newWebSocketBuilder()
              .buildAsync(URI.create(pageSocket), new Listener(() -> self[0]))
              .get(30, TimeUnit.SECONDS);
      self[0] = new HeadlessChromium(process, profile, socket);
      for (String domain : List.of("Network", "Runtime", "Log", "Page", "Audits")) {
        self[0].call(domain + ".enable", new JsonObject());
      }
      return self[0];
    } catch (Exception e) {
      process.destroyForcibly();
      delete(profile);
      throw e;
    }
  }

  /**
   * Loads {@code url} and waits for its load event. The page's Content-Security-Policy is bypassed,
   * so the markup itself is tested: a load it tries shows up as a request, a script in it runs.
   */
  void load(String url) throws Exception {
    JsonObject bypass = new JsonObject();
    bypass.addProperty("enabled", true);
    call("Page.setBypassCSP", bypass);
    JsonObject params = new JsonObject();
    params.addProperty("url", url);
    JsonObject result = call("Page.navigate", params);
    if (result.has("errorText")) {
      throw new IOException("chromium could not load " + url + ": " + result);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (events("Page.loadEventFired").isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IOException("no load event for " + url);
      }
      Thread.sleep(20);
    }
  }

  /** The value of the JavaScript {@code expression} in the page (a string, number, …). */
  JsonElement evaluate(String expression) throws Exception {
    JsonObject params = new JsonObject();
    params.addProperty("expression", expression);
    params.addProperty("returnByValue", true);
    JsonObject result = call("Runtime.evaluate", params);
    if (result.has("exceptionDetails")) {
      throw new IOException("the expression failed: " + result.get("exceptionDetails"));
    }
    return result.getAsJsonObject("result").get("value");
  }

  /** A PNG of the whole page. */
  byte[] screenshot() throws Exception {
    JsonObject params = new JsonObject();
    params.addProperty("format", "png");
    params.addProperty("captureBeyondViewport", true);
    return java.util.Base64.getDecoder()
        .decode(call("Page.captureScreenshot", params).get("data").getAsString());
  }

  /** The URLs of every request the page made (Network.requestWillBeSent), in order. */
  List<String> requests() {
    List<String> urls = new ArrayList<>();
    for (JsonObject e : events("Network.requestWillBeSent")) {
      urls.add(e.getAsJsonObject("params").getAsJsonObject("request").get("url").getAsString());
    }
    return urls;
  }

  /**
   * Console errors and warnings, log entries of level error or warning (a Content-Security-Policy
   * refusal is one), and uncaught exceptions.
   */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (JsonObject e : events("Runtime.exceptionThrown")) {
      problems.add("exception: " + e.get("params"));
    }
    for (JsonObject e : events("Runtime.consoleAPICalled")) {
      String type = e.getAsJsonObject("params").get("type").getAsString();
      if (type.equals("error") || type.equals("warning") || type.equals("assert")) {
        problems.add("console " + type + ": " + e.get("params"));
      }
    }
    for (JsonObject e : events("Page.javascriptDialogOpening")) {
      problems.add("a script opened a dialog: " + e.get("params"));
    }
    for (JsonObject e : events("Audits.issueAdded")) {
      problems.add("issue: " + e.getAsJsonObject("params").getAsJsonObject("issue").get("code"));
    }
    for (JsonObject e : events("Log.entryAdded")) {
      JsonObject entry = e.getAsJsonObject("params").getAsJsonObject("entry");
      String level = entry.get("level").getAsString();
      if (level.equals("error") || level.equals("warning")) {
        problems.add("log " + level + ": " + entry.get("text").getAsString());
      }
    }
    return problems;
  }

  private synchronized List<JsonObject> events(String method) {
    List<JsonObject> found = new ArrayList<>();
    for (JsonObject e : events) {
      if (e.get("method").getAsString().equals(method)) {
        found.add(e);
      }
    }
    return found;
  }

  private JsonObject call(String method, JsonObject params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonObject> answer = new CompletableFuture<>();
    pending.put(id, answer);
    JsonObject message = new JsonObject();
    message.addProperty("id", id);
    message.addProperty("method", method);
    message.add("params", params);
    socket.sendText(message.toString(), true).get(30, TimeUnit.SECONDS);
    JsonObject reply = answer.get(60, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IOException(method + " failed: " + reply.get("error"));
    }
    return reply.getAsJsonObject("result");
  }

  private void received(String text) {
    JsonObject message = JsonParser.parseString(text).getAsJsonObject();
    if (message.has("id")) {
      CompletableFuture<JsonObject> answer = pending.remove(message.get("id").getAsInt());
      if (answer != null) {
        answer.complete(message);
      }
    } else if (message.has("method")) {
      synchronized (this) {
        events.add(message);
      }
      if (message.get("method").getAsString().equals("Page.javascriptDialogOpening")) {
        // A script of the page opened alert()/confirm(): dismiss it (without waiting: this is
        // the socket's thread) so the page goes on; problems() reports it.
        JsonObject dismiss = new JsonObject();
        dismiss.addProperty("id", ids.incrementAndGet());
        dismiss.addProperty("method", "Page.handleJavaScriptDialog");
        JsonObject params = new JsonObject();
        params.addProperty("accept", false);
        dismiss.add("params", params);
        socket.sendText(dismiss.toString(), true);
      }
    }
  }

  @Override
  public void close() throws Exception {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // the browser goes anyway
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    delete(profile);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
      // chromium may still be removing its own files
    }
  }

  /** Collects whole text messages and hands them to the browser object. */
  private static final class Listener implements WebSocket.Listener {
    private final java.util.function.Supplier<HeadlessChromium> owner;
    private final StringBuilder partial = new StringBuilder();
    private final List<String> early = new ArrayList<>();

    Listener(java.util.function.Supplier<HeadlessChromium> owner) {
      this.owner = owner;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        HeadlessChromium browser = owner.get();
        if (browser == null) {
          early.add(text);
        } else {
          for (String e : early) {
            browser.received(e);
          }
          early.clear();
          browser.received(text);
        }
      }
      webSocket.request(1);
      return null;
    }
  }

  /** For messages: the methods of the events received, in order. */
  synchronized List<String> eventMethods() {
    List<String> methods = new ArrayList<>();
    events.forEach(e -> methods.add(e.get("method").getAsString()));
    return methods;
  }
}
