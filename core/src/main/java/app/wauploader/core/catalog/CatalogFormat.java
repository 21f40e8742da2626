package app.wauploader.core.catalog;

import app.wauploader.core.hash.Sha256;
import app.wauploader.db.CatalogRepository.Chat;
import app.wauploader.db.CatalogRepository.ChatLink;
import app.wauploader.db.CatalogRepository.Container;
import app.wauploader.db.CatalogRepository.Content;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The catalog file: gzip'd UTF-8 JSON, one object. Rows are arrays whose columns the file names
 * ({@code contents_columns} …), so 100,000 contents stay a few MB and the file still explains
 * itself:
 *
 * <pre>{@code
 * {"kind":"wa-uploader catalog","format":1,
 *  "device":{"id":"3f0c…","name":"pixel-7"},"version":12,"saved_at":"2026-11-30T18:02:11Z",
 *  "contents_columns":["sha256","service","remote_id","size","mime_type","file_name",
 *                      "uploaded_at","chat_id","sent_sha256"],
 *  "contents":[["9f86…","photos","AKj3…",183201,"image/jpeg","IMG-20231201-WA0001.jpg",
 *               1764525600000,null,"1c2d…"], …],
 *  "containers_columns":["service","name","remote_id","created_at","item_count"],
 *  "containers":[["photos","WhatsApp Images","AF1Q…",1764525500000,31], …],
 *  "chats_columns":[…],"chats":[…],"chat_links_columns":[…],"chat_links":[…],
 *  "settings":{"key":<json>}}
 * }</pre>
 *
 * A reader refuses, with one line and before anything is merged: gzip or JSON garbage, another
 * {@code kind}, a {@code format} newer than {@value #FORMAT}, columns other than this format's, and
 * values out of range (a SHA-256 that is not 64 lowercase hex, an unknown service, an empty remote
 * id). Times are ms since the epoch, {@code saved_at} RFC 3339 UTC.
 */
public final class CatalogFormat {
  /** The format this build writes and the newest it reads. */
  public static final int FORMAT = 1;

  /** The {@code kind} every catalog carries: a file without it is not ours. */
  public static final String KIND = "wa-uploader catalog";

  static final List<String> CONTENT_COLUMNS =
      List.of(
          "sha256",
          "service",
          "remote_id",
          "size",
          "mime_type",
          "file_name",
          "uploaded_at",
          "chat_id",
          "sent_sha256");
  static final List<String> CONTAINER_COLUMNS =
      List.of("service", "name", "remote_id", "created_at", "item_count");
  static final List<String> CHAT_COLUMNS =
      List.of(
          "id",
          "name",
          "format",
          "export_name",
          "first_message_at",
          "last_message_at",
          "position",
          "imported_at");
  static final List<String> CHAT_LINK_COLUMNS =
      List.of("sha256", "chat_id", "linked_at", "placed_id", "placed_at");

  private CatalogFormat() {}

  /** Who saved a catalog, when, which version: the part of the file its digest leaves out. */
  public record Header(
      int format, String deviceId, String deviceName, long version, Instant savedAt) {
    static Header of(Catalog c) {
      return new Header(c.format(), c.deviceId(), c.deviceName(), c.version(), c.savedAt());
    }
  }

  /**
   * What a catalog holds, handed to the writer row by row: from a {@link Catalog} in memory, or
   * straight from the database ({@link CatalogExport}), so 100,000 contents are never all in
   * memory.
   */
  interface Body {
    void contents(Rows<Content> out) throws Exception;

    List<Container> containers() throws Exception;

    List<Chat> chats() throws Exception;

    void chatLinks(Rows<ChatLink> out) throws Exception;

    Map<String, String> settings() throws Exception;
  }

  /** Takes rows as they come. */
  @FunctionalInterface
  interface Rows<T> {
    void add(T row) throws IOException;
  }

  /** What writing a catalog made: its digest ({@link #digest}) and how many contents it holds. */
  public record Written(String digest, long contents) {}

  /** The gzip'd file of {@code catalog}. */
  public static byte[] write(Catalog catalog) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 64 * 1024)) {
      writeJson(Header.of(catalog), body(catalog), gzip);
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Writes the gzip'd file of {@code body} to {@code target} (not closed), row by row.
   *
   * @throws IOException if {@code target} cannot be written or {@code body} cannot be read
   */
  static Written write(Header header, Body body, OutputStream target) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(target, 64 * 1024);
    Written written = writeJson(header, body, gzip);
    gzip.finish();
    return written;
  }

  /**
   * The SHA-256 (64 hex) of what {@code catalog} holds, leaving out who saved it, when, and its
   * version: two catalogs with the same digest hold the same contents, containers, chats and
   * settings.
   */
  public static String digest(Catalog catalog) {
    try {
      return writeJson(Header.of(catalog), body(catalog), new Discard()).digest();
    } catch (IOException e) {
      throw new IllegalStateException("SHA-256 of the catalog", e);
    }
  }

  private static Body body(Catalog c) {
    return new Body() {
      @Override
      public void contents(Rows<Content> out) throws IOException {
        for (Content x : c.contents()) {
          out.add(x);
        }
      }

      @Override
      public List<Container> containers() {
        return c.containers();
      }

      @Override
      public List<Chat> chats() {
        return c.chats();
      }

      @Override
      public void chatLinks(Rows<ChatLink> out) throws IOException {
        for (ChatLink x : c.chatLinks()) {
          out.add(x);
        }
      }

      @Override
      public Map<String, String> settings() {
        return c.settings();
      }
    };
  }

  /**
   * Writes the JSON; the digest is of everything after the header (device, version, time), as
   * written.
   */
  private static Written writeJson(Header h, Body body, OutputStream target) throws IOException {
    MessageDigest sha = Sha256.newDigest();
    DigestOutputStream digesting = new DigestOutputStream(target, sha);
    digesting.on(false);
    Writer text = new OutputStreamWriter(digesting, StandardCharsets.UTF_8);
    JsonWriter w = new JsonWriter(text);
    w.setSerializeNulls(true);
    long[] contents = {0};
    try {
      w.beginObject();
      w.name("kind").value(KIND);
      w.name("format").value(h.format());
      w.name("device").beginObject().name("id").value(h.deviceId());
      w.name("name").value(h.deviceName()).endObject();
      w.name("version").value(h.version());
      w.name("saved_at").value(h.savedAt().toString());
      w.flush();
      digesting.on(true);
      columns(w, "contents_columns", CONTENT_COLUMNS);
      w.name("contents").beginArray();
      body.contents(
          x -> {
            w.beginArray().value(x.sha256()).value(x.service().id()).value(x.remoteId());
            w.value(x.size()).value(x.mimeType()).value(x.fileName()).value(x.uploadedAt());
            w.value(x.chatId().orElse(null)).value(x.sentSha256().orElse(null)).endArray();
            contents[0]++;
          });
      w.endArray();
      columns(w, "containers_columns", CONTAINER_COLUMNS);
      w.name("containers").beginArray();
      for (Container x : body.containers()) {
        w.beginArray().value(x.service().id()).value(x.name()).value(x.remoteId());
        w.value(x.createdAt()).value(x.itemCount()).endArray();
      }
      w.endArray();
      columns(w, "chats_columns", CHAT_COLUMNS);
      w.name("chats").beginArray();
      for (Chat x : body.chats()) {
        w.beginArray().value(x.id()).value(x.name()).value(x.format()).value(x.exportName());
        w.value(x.firstMessageAt().orElse(null)).value(x.lastMessageAt().orElse(null));
        w.value(x.position()).value(x.importedAt()).endArray();
      }
      w.endArray();
      columns(w, "chat_links_columns", CHAT_LINK_COLUMNS);
      w.name("chat_links").beginArray();
      body.chatLinks(
          x -> {
            w.beginArray().value(x.sha256()).value(x.chatId()).value(x.linkedAt());
            w.value(x.placedId().orElse(null)).value(x.placedAt().orElse(null)).endArray();
          });
      w.endArray();
      w.name("settings").beginObject();
      for (Map.Entry<String, String> e : new java.util.TreeMap<>(body.settings()).entrySet()) {
        w.name(e.getKey()).jsonValue(JsonParser.parseString(e.getValue()).toString());
      }
      w.endObject();
      w.endObject();
      w.flush();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot read the catalog's rows: " + e.getMessage(), e);
    }
    return new Written(Sha256.hex(sha.digest()), contents[0]);
  }

  private static void columns(JsonWriter w, String name, List<String> columns) throws IOException {
    w.name(name).beginArray();
    for (String column : columns) {
      w.value(column);
    }
    w.endArray();
  }

  /**
   * Reads a catalog file (see {@link CatalogReader}).
   *
   * @throws CatalogException if it is damaged, foreign or of a newer format (one line saying which)
   */
  public static Catalog read(byte[] file) throws CatalogException {
    return CatalogReader.read(file);
  }

  /** Writes nowhere (the digest is all that is wanted). */
  private static final class Discard extends OutputStream {
    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
