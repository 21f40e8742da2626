package app.wauploader.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Starts a fresh emulator on a random port with its own data dir for each test. */
abstract class EmulatorTestBase {
  static final int KIB_256 = 256 * 1024;

  @TempDir Path dataDir;
  GoogleEmulator emulator;
  TestHttp http;

  /** The configuration each test starts with; override to change it. */
  EmulatorConfig config() {
    return EmulatorConfig.defaults(dataDir);
  }

  @BeforeEach
  void startEmulator() throws IOException {
    start(config());
  }

  @AfterEach
  void stopEmulator() {
    if (emulator != null) {
      emulator.close();
    }
  }

  void start(EmulatorConfig config) throws IOException {
    emulator = GoogleEmulator.start(config);
    http = new TestHttp(emulator.baseUri());
  }

  /** Stops and starts again on the same port and data dir (so session URIs stay valid). */
  void restart() throws IOException {
    EmulatorConfig config = emulator.config().withPort(emulator.port());
    emulator.close();
    start(config);
  }

  // ---- Drive helpers ----

  String createFolder(String name, String parent) {
    String parents = parent == null ? "" : ",\"parents\":[\"" + parent + "\"]";
    TestHttp.Answer answer =
        http.postJson(
            "/drive/v3/files",
            "{\"name\":\""
                + name
                + "\",\"mimeType\":\"application/vnd.google-apps.folder\""
                + parents
                + "}");
    assertThat(answer.status()).isEqualTo(200);
    return answer.json().get("id").getAsString();
  }

  /** Starts a resumable Drive upload and returns the session URI. */
  String initiateDrive(String metadataJson, long length) {
    TestHttp.Answer answer =
        http.postJson(
            "/upload/drive/v3/files?uploadType=resumable&fields=*",
            metadataJson,
            "X-Upload-Content-Type",
            "application/octet-stream",
            "X-Upload-Content-Length",
            Long.toString(length));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEmpty();
    return answer.header("Location").orElseThrow();
  }

  TestHttp.Answer putChunk(String session, byte[] content, int from, int to, String total) {
    return http.put(
        session,
        TestHttp.slice(content, from, to),
        "Content-Range",
        "bytes " + from + "-" + (to - 1) + "/" + total);
  }

  TestHttp.Answer statusQuery(String session, String total) {
    return http.put(session, new byte[0], "Content-Range", "bytes */" + total);
  }

  /** Uploads {@code content} to Drive in one resumable chunk; returns the File JSON. */
  JsonObject uploadDrive(String metadataJson, byte[] content) {
    String session = initiateDrive(metadataJson, content.length);
    TestHttp.Answer answer =
        putChunk(session, content, 0, content.length, Integer.toString(content.length));
    assertThat(answer.status()).isEqualTo(200);
    return answer.json();
  }

  // ---- Photos helpers ----

  String rawPhotosUpload(byte[] content, String mimeType) {
    TestHttp.Answer answer =
        http.post(
            "/v1/uploads",
            content,
            "Content-Type",
            "application/octet-stream",
            "X-Goog-Upload-Protocol",
            "raw",
            "X-Goog-Upload-Content-Type",
            mimeType);
    assertThat(answer.status()).isEqualTo(200);
    return answer.text();
  }

  JsonObject batchCreate(String albumId, String... tokensAndNames) {
    TestHttp.Answer answer = batchCreateAnswer(albumId, tokensAndNames);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json();
  }

  /** batchCreate without judging the answer. */
  TestHttp.Answer batchCreateAnswer(String albumId, String... tokensAndNames) {
    JsonObject body = new JsonObject();
    if (albumId != null) {
      body.addProperty("albumId", albumId);
    }
    JsonArray items = new JsonArray();
    for (int i = 0; i < tokensAndNames.length; i += 2) {
      JsonObject simple = new JsonObject();
      simple.addProperty("uploadToken", tokensAndNames[i]);
      simple.addProperty("fileName", tokensAndNames[i + 1]);
      JsonObject item = new JsonObject();
      item.addProperty("description", "item " + i / 2);
      item.add("simpleMediaItem", simple);
      items.add(item);
    }
    body.add("newMediaItems", items);
    return http.postJson("/v1/mediaItems:batchCreate", body.toString());
  }

  /**
   * {@code size} bytes that start like an MP4 file (an {@code ftyp} box of brand {@code mp42}), the
   * rest {@code seed}-random: enough for the emulator's format check.
   */
  static byte[] mp4Header(int size, long seed) {
    byte[] bytes = TestHttp.randomBytes(size, seed);
    byte[] ftyp = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0};
    System.arraycopy(ftyp, 0, bytes, 0, Math.min(ftyp.length, size));
    return bytes;
  }

  /** {@code size} bytes that start like a JPEG file (SOI + APP0), the rest random. */
  static byte[] jpegHeader(int size, long seed) {
    byte[] bytes = TestHttp.randomBytes(size, seed);
    byte[] soi = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
    System.arraycopy(soi, 0, bytes, 0, Math.min(soi.length, size));
    return bytes;
  }

  String createAlbum(String title) {
    TestHttp.Answer answer =
        http.postJson("/v1/albums", "{\"album\":{\"title\":\"" + title + "\"}}");
    assertThat(answer.status()).isEqualTo(200);
    return answer.json().get("id").getAsString();
  }

  JsonArray inspect(String what) {
    return http.get("/__emulator/" + what).jsonArray();
  }

  JsonObject stats() {
    return http.get("/__emulator/stats").json();
  }

  void addFaults(String json) {
    TestHttp.Answer answer =
        http.post(
            "/__emulator/faults",
            json.getBytes(StandardCharsets.UTF_8),
            "Content-Type",
            "application/json");
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
  }

  /** A tiny valid PNG of the given size (header only is enough for the emulator). */
  static byte[] pngHeader(int width, int height) {
    byte[] png = new byte[64];
    byte[] signature = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    System.arraycopy(signature, 0, png, 0, signature.length);
    png[16] = (byte) (width >>> 24);
    png[17] = (byte) (width >>> 16);
    png[18] = (byte) (width >>> 8);
    png[19] = (byte) width;
    png[20] = (byte) (height >>> 24);
    png[21] = (byte) (height >>> 16);
    png[22] = (byte) (height >>> 8);
    png[23] = (byte) height;
    return png;
  }
}
