package app.wauploader.emulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A client for the emulator's own {@code /__emulator/…} endpoints, for tests, the demo and the
 * benchmark: what it stores, what it received, and fault rules.
 */
public final class EmulatorInspector {
  private final URI base;

  /**
   * @param base the emulator's base URI, e.g. {@code http://127.0.0.1:41234}
   */
  public EmulatorInspector(URI base) {
    this.base = base;
  }

  /**
   * {@code GET /__emulator/items}: one object per stored content, a Drive file with content or a
   * Photos media item: {@code {"service":"drive"|"photos","id","name","mimeType","size","sha256",
   * "parents":[…],"albumIds":[…]}}. A media item's {@code albumIds} are every album holding it (it
   * may be in many) and it has {@code "description"} when one was set. Folders and shortcuts have
   * no content and are not items: see {@link #folders()} and {@link #shortcuts()}.
   */
  public JsonArray items() throws IOException {
    return get("/__emulator/items").getAsJsonArray();
  }

  /**
   * {@code GET /__emulator/items?space=appDataFolder}: the files in Drive's hidden application data
   * folder (the app's catalogs), each with {@code "space":"appDataFolder"} and its {@code
   * appProperties}.
   */
  public JsonArray appDataItems() throws IOException {
    return get("/__emulator/items?space=appDataFolder").getAsJsonArray();
  }

  /**
   * {@code GET /__emulator/shortcuts}: Drive shortcuts, {@code {"service":"drive","id","name",
   * "mimeType","parents":[…],"appProperties":{…},"trashed","shortcutDetails":{"targetId",
   * "targetMimeType"}}}. The target may since have been trashed or deleted.
   */
  public JsonArray shortcuts() throws IOException {
    return get("/__emulator/shortcuts").getAsJsonArray();
  }

  /** {@code GET /__emulator/albums}: {@code [{"id","title","mediaItemIds"}]}. */
  public JsonArray albums() throws IOException {
    return get("/__emulator/albums").getAsJsonArray();
  }

  /** {@code GET /__emulator/folders}: {@code [{"id","name","parents"}]}. */
  public JsonArray folders() throws IOException {
    return get("/__emulator/folders").getAsJsonArray();
  }

  /** {@code GET /__emulator/stats}: {@code {"bytesReceived", "requests": {route: count}}}. */
  public JsonObject stats() throws IOException {
    return get("/__emulator/stats").getAsJsonObject();
  }

  /** All upload body bytes received so far. */
  public long bytesReceived() throws IOException {
    return stats().get("bytesReceived").getAsLong();
  }

  /** Requests counted on {@code route} (e.g. {@code photos.batchCreate}), 0 if none. */
  public int requests(String route) throws IOException {
    JsonElement count = stats().getAsJsonObject("requests").get(route);
    return count == null ? 0 : count.getAsInt();
  }

  /** {@code POST /__emulator/faults} with a JSON array of rules. */
  public void addFaults(String rulesJson) throws IOException {
    send("POST", "/__emulator/faults", rulesJson);
  }

  /** {@code DELETE /__emulator/faults}. */
  public void clearFaults() throws IOException {
    send("DELETE", "/__emulator/faults", null);
  }

  /** {@code POST /__emulator/tokens/revoke-all}: as if the user revoked access. */
  public void revokeAllTokens() throws IOException {
    send("POST", "/__emulator/tokens/revoke-all", "");
  }

  /** {@code GET path} as JSON. */
  public JsonElement get(String path) throws IOException {
    return JsonParser.parseString(send("GET", path, null));
  }

  /** {@code DELETE /__emulator/items/{id}}: the item disappears, as if its owner deleted it. */
  public void deleteItem(String id) throws IOException {
    send("DELETE", "/__emulator/items/" + id, null);
  }

  private String send(String method, String path, String body) throws IOException {
    HttpURLConnection c = (HttpURLConnection) base.resolve(path).toURL().openConnection();
    try {
      c.setRequestMethod(method);
      if (body != null) {
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
          out.write(body.getBytes(StandardCharsets.UTF_8));
        }
      }
      int status = c.getResponseCode();
      InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
      String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (status >= 400) {
        throw new IOException(method + " " + path + " answered " + status + ": " + text);
      }
      return text;
    } finally {
      c.disconnect();
    }
  }
}
