package app.wauploader.emulator.inspect;

import app.wauploader.emulator.http.ApiRoute;
import com.google.gson.JsonObject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters behind {@code GET /__emulator/stats}: upload content bytes read from sockets (counted as
 * they arrive, partial bodies of broken connections included; JSON metadata bodies excluded) and
 * requests per route. In memory only. Thread-safe.
 */
public final class RequestStats {
  private final AtomicLong bytesReceived = new AtomicLong();
  private final AtomicLong appDataBytesReceived = new AtomicLong();
  private final Map<ApiRoute, LongAdder> requests = new EnumMap<>(ApiRoute.class);

  public RequestStats() {
    for (ApiRoute route : ApiRoute.values()) {
      if (route.isCounted()) {
        requests.put(route, new LongAdder());
      }
    }
  }

  /** Counts one request of {@code route} (emulator routes are not counted). */
  public void countRequest(ApiRoute route) {
    LongAdder counter = requests.get(route);
    if (counter != null) {
      counter.increment();
    }
  }

  /** Adds upload content bytes just read from a socket. */
  public void addBytesReceived(long bytes) {
    bytesReceived.addAndGet(bytes);
  }

  /**
   * Moves {@code bytes} just counted by {@link #addBytesReceived} to the bytes of files stored in
   * Drive's application data folder: {@code bytesReceived} stays the media the user backs up.
   */
  public void moveToAppData(long bytes) {
    bytesReceived.addAndGet(-bytes);
    appDataBytesReceived.addAndGet(bytes);
  }

  /** Upload bytes of files stored in Drive's application data folder (the app's own files). */
  public long appDataBytesReceived() {
    return appDataBytesReceived.get();
  }

  public long bytesReceived() {
    return bytesReceived.get();
  }

  /** Sets every counter to zero. */
  public void reset() {
    bytesReceived.set(0);
    appDataBytesReceived.set(0);
    requests.values().forEach(LongAdder::reset);
  }

  /**
   * {@code {"bytesReceived": N, "appDataBytesReceived": N, "requests": {"drive.files": N, …}}},
   * every route listed.
   */
  public JsonObject toJson() {
    JsonObject counts = new JsonObject();
    requests.forEach((route, counter) -> counts.addProperty(route.wireName(), counter.sum()));
    JsonObject json = new JsonObject();
    json.addProperty("bytesReceived", bytesReceived.get());
    json.addProperty("appDataBytesReceived", appDataBytesReceived.get());
    json.add("requests", counts);
    return json;
  }
}
