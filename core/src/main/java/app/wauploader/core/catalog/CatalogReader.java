package app.wauploader.core.catalog;

import app.wauploader.db.CatalogRepository.Chat;
import app.wauploader.db.CatalogRepository.ChatLink;
import app.wauploader.db.CatalogRepository.Container;
import app.wauploader.db.CatalogRepository.Content;
import app.wauploader.domain.Service;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a {@link CatalogFormat} file in one streaming pass (a 100,000-content catalog is never a
 * JSON tree in memory), checking as it goes: gzip and JSON syntax, {@code kind}, {@code format} (a
 * newer one is refused as soon as it is read), the columns of each table, and each value's range.
 */
final class CatalogReader {
  /** Largest catalog read, bytes uncompressed (a guard against a gzip bomb): 512 MiB. */
  static final long MAX_UNCOMPRESSED_BYTES = 512L * 1024 * 1024;

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final JsonReader r;
  private final Map<String, List<String>> columns = new LinkedHashMap<>();
  private String kind;
  private Integer format;
  private String deviceId = "";
  private String deviceName = "";
  private long version;
  private Instant savedAt;
  private final List<Content> contents = new ArrayList<>();
  private final List<Container> containers = new ArrayList<>();
  private final List<Chat> chats = new ArrayList<>();
  private final List<ChatLink> links = new ArrayList<>();
  private final Map<String, String> settings = new LinkedHashMap<>();

  private CatalogReader(JsonReader r) {
    this.r = r;
  }

  /**
   * @throws CatalogException if the file is damaged, foreign or of a newer format
   */
  static Catalog read(byte[] file) throws CatalogException {
    try (Reader text =
        new InputStreamReader(
            new Bounded(new GZIPInputStream(new ByteArrayInputStream(file))),
            StandardCharsets.UTF_8)) {
      return new CatalogReader(new JsonReader(text)).catalog();
    } catch (CatalogException e) {
      throw e;
    } catch (ZipException | EOFException e) {
      throw new CatalogException("the catalog file is damaged: not a complete gzip file", e);
    } catch (IOException | RuntimeException e) {
      throw new CatalogException("the catalog file is damaged: " + oneLine(e), e);
    }
  }

  private static String oneLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private Catalog catalog() throws IOException {
    if (r.peek() != JsonToken.BEGIN_OBJECT) {
      throw new CatalogException("not a wa-uploader catalog: the file is not a JSON object");
    }
    r.beginObject();
    while (r.hasNext()) {
      String name = r.nextName();
      switch (name) {
        case "kind" -> {
          kind = r.nextString();
          if (!CatalogFormat.KIND.equals(kind)) {
            throw new CatalogException("not a wa-uploader catalog (kind '" + kind + "')");
          }
        }
        case "format" -> {
          format = r.nextInt();
          if (format > CatalogFormat.FORMAT) {
            throw new CatalogException(
                "the catalog is of format "
                    + format
                    + ", newer than this version of wa-uploader reads ("
                    + CatalogFormat.FORMAT
                    + "): update wa-uploader on this device");
          }
          if (format < 1) {
            throw new CatalogException("the catalog file is damaged: format " + format);
          }
        }
        case "device" -> device();
        case "version" -> version = r.nextLong();
        case "saved_at" -> savedAt = instant(r.nextString());
        case "contents" -> rows(name, CatalogFormat.CONTENT_COLUMNS, this::content);
        case "containers" -> rows(name, CatalogFormat.CONTAINER_COLUMNS, this::container);
        case "chats" -> rows(name, CatalogFormat.CHAT_COLUMNS, this::chat);
        case "chat_links" -> rows(name, CatalogFormat.CHAT_LINK_COLUMNS, this::link);
        case "settings" -> settings();
        default -> {
          if (name.endsWith("_columns")) {
            List<String> list = new ArrayList<>();
            r.beginArray();
            while (r.hasNext()) {
              list.add(r.nextString());
            }
            r.endArray();
            columns.put(name.substring(0, name.length() - "_columns".length()), list);
          } else {
            r.skipValue();
          }
        }
      }
    }
    r.endObject();
    if (kind == null || format == null) {
      throw new CatalogException("not a wa-uploader catalog: no kind or format");
    }
    if (deviceId.isEmpty() || savedAt == null || version < 1) {
      throw new CatalogException("the catalog file is damaged: no device, version or time");
    }
    return new Catalog(
        format,
        deviceId,
        deviceName,
        version,
        savedAt,
        contents,
        containers,
        chats,
        links,
        settings);
  }

  private void device() throws IOException {
    r.beginObject();
    while (r.hasNext()) {
      switch (r.nextName()) {
        case "id" -> deviceId = r.nextString();
        case "name" -> deviceName = r.nextString();
        default -> r.skipValue();
      }
    }
    r.endObject();
  }

  private void settings() throws IOException {
    r.beginObject();
    while (r.hasNext()) {
      String key = r.nextName();
      settings.put(key, JsonParser.parseReader(r).toString());
    }
    r.endObject();
  }

  private interface Row {
    void read() throws IOException;
  }

  private void rows(String table, List<String> expected, Row row) throws IOException {
    if (!expected.equals(columns.get(table))) {
      throw new CatalogException(
          "the catalog file is damaged: "
              + table
              + " without the columns of format "
              + CatalogFormat.FORMAT);
    }
    r.beginArray();
    while (r.hasNext()) {
      r.beginArray();
      row.read();
      r.endArray();
    }
    r.endArray();
  }

  private void content() throws IOException {
    String sha256 = sha256(r.nextString());
    Service service = service(r.nextString());
    String remoteId = nonEmpty(r.nextString(), "remote id");
    long size = nonNegative(r.nextLong());
    String mimeType = r.nextString();
    String fileName = r.nextString();
    long uploadedAt = r.nextLong();
    Optional<String> chatId = optionalString();
    Optional<String> sent = optionalString();
    if (sent.isPresent()) {
      sha256(sent.get());
    }
    contents.add(
        new Content(sha256, service, remoteId, size, mimeType, fileName, uploadedAt, chatId, sent));
  }

  private void container() throws IOException {
    containers.add(
        new Container(
            service(r.nextString()),
            nonEmpty(r.nextString(), "container name"),
            nonEmpty(r.nextString(), "container id"),
            r.nextLong(),
            nonNegative(r.nextLong())));
  }

  private void chat() throws IOException {
    chats.add(
        new Chat(
            nonEmpty(r.nextString(), "chat id"),
            nonEmpty(r.nextString(), "chat name"),
            r.nextString(),
            r.nextString(),
            optionalLong(),
            optionalLong(),
            r.nextLong(),
            r.nextLong()));
  }

  private void link() throws IOException {
    links.add(
        new ChatLink(
            sha256(r.nextString()),
            nonEmpty(r.nextString(), "chat id"),
            r.nextLong(),
            optionalString(),
            optionalLong()));
  }

  private Optional<String> optionalString() throws IOException {
    if (r.peek() == JsonToken.NULL) {
      r.nextNull();
      return Optional.empty();
    }
    return Optional.of(r.nextString());
  }

  private Optional<Long> optionalLong() throws IOException {
    if (r.peek() == JsonToken.NULL) {
      r.nextNull();
      return Optional.empty();
    }
    return Optional.of(r.nextLong());
  }

  private static String sha256(String value) throws CatalogException {
    if (!SHA256.matcher(value).matches()) {
      throw new CatalogException("the catalog file is damaged: '" + value + "' is not a SHA-256");
    }
    return value;
  }

  private static Service service(String id) throws CatalogException {
    try {
      return Service.fromId(id);
    } catch (IllegalArgumentException e) {
      throw new CatalogException("the catalog file is damaged: unknown service '" + id + "'");
    }
  }

  private static String nonEmpty(String value, String what) throws CatalogException {
    if (value.isEmpty()) {
      throw new CatalogException("the catalog file is damaged: an empty " + what);
    }
    return value;
  }

  private static long nonNegative(long value) throws CatalogException {
    if (value < 0) {
      throw new CatalogException("the catalog file is damaged: a negative count " + value);
    }
    return value;
  }

  private static Instant instant(String text) throws CatalogException {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new CatalogException("the catalog file is damaged: saved_at '" + text + "'");
    }
  }

  /** Stops reading past {@link #MAX_UNCOMPRESSED_BYTES}. */
  private static final class Bounded extends FilterInputStream {
    private long read;

    Bounded(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) throws CatalogException {
      read += n;
      if (read > MAX_UNCOMPRESSED_BYTES) {
        throw new CatalogException("the catalog file is damaged: larger than 512 MiB unpacked");
      }
    }
  }
}
