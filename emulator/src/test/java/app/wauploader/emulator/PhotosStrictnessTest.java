package app.wauploader.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The Photos answers Google really gives that the emulator used to be lenient about: whole-call
 * 400s on batchCreate (invalid token, full storage, full album), capture dates from the bytes,
 * albums of another OAuth client, the token in a final status query.
 */
class PhotosStrictnessTest extends EmulatorTestBase {

  private static JsonObject error(TestHttp.Answer answer) {
    assertThat(answer.contentType()).startsWith("application/json");
    return answer.json().getAsJsonObject("error");
  }

  private static void assertWholeCall400(TestHttp.Answer answer, String message) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    JsonObject error = error(answer);
    assertThat(error.get("code").getAsInt()).isEqualTo(400);
    assertThat(error.get("status").getAsString()).isEqualTo("INVALID_ARGUMENT");
    assertThat(error.get("message").getAsString()).startsWith(message);
    assertThat(answer.json().has("newMediaItemResults")).isFalse();
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = PhotosStrictnessTest.class.getResourceAsStream("/media/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  @Test
  void oneUnknownUsedOrMissingTokenFailsTheWholeCallAndCreatesNothing() {
    String good = rawPhotosUpload(pngHeader(1, 1), "image/png");
    String used = rawPhotosUpload(pngHeader(2, 2), "image/png");
    batchCreate(null, used, "first.png");

    assertWholeCall400(
        batchCreateAnswer(null, good, "a.png", "no-such-token", "b.png"),
        "Request must contain a valid upload token.");
    assertWholeCall400(
        batchCreateAnswer(null, good, "a.png", used, "b.png"),
        "Request must contain a valid upload token.");
    assertWholeCall400(
        batchCreateAnswer(null, good, "a.png", good, "again.png"),
        "Request must contain a valid upload token.");
    assertWholeCall400(
        http.postJson(
            "/v1/mediaItems:batchCreate",
            "{\"newMediaItems\":[{\"simpleMediaItem\":{\"fileName\":\"x.png\"}}]}"),
        "Request must contain a valid upload token.");
    assertThat(inspect("items")).hasSize(1);
    assertThat(batchCreate(null, good, "a.png").getAsJsonArray("newMediaItemResults")).hasSize(1);
  }

  @Test
  void storageFullFaultFailsTheWholeCall() {
    String token = rawPhotosUpload(pngHeader(1, 1), "image/png");
    addFaults("[{\"route\":\"photos.batchCreate\",\"action\":\"storageFull\"}]");

    assertWholeCall400(
        batchCreateAnswer(null, token, "a.png"),
        "The remaining storage in the user's account is not enough to perform this operation.");
    assertThat(inspect("items")).isEmpty();
    assertThat(batchCreate(null, token, "a.png").getAsJsonArray("newMediaItemResults")).hasSize(1);
  }

  @Test
  void storageFullFaultOnlyFitsBatchCreate() {
    TestHttp.Answer answer =
        http.postJson(
            "/__emulator/faults", "[{\"route\":\"photos.upload\",\"action\":\"storageFull\"}]");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).contains("storageFull");
  }

  @Test
  void aStorageQuotaFailsTheBatchThatWouldPassIt() throws IOException {
    emulator.close();
    start(config().withPhotosStorage(100));
    String first = rawPhotosUpload(pngHeader(1, 1), "image/png");
    String second = rawPhotosUpload(pngHeader(2, 2), "image/png");
    batchCreate(null, first, "a.png");

    assertWholeCall400(
        batchCreateAnswer(null, second, "b.png"),
        "The remaining storage in the user's account is not enough to perform this operation.");
    assertThat(inspect("items")).hasSize(1);
  }

  @Test
  void aFullAlbumFailsTheWholeCall() throws IOException {
    emulator.close();
    start(config().withAlbumCapacity(2));
    String album = createAlbum("WhatsApp Images");
    String a = rawPhotosUpload(pngHeader(1, 1), "image/png");
    String b = rawPhotosUpload(pngHeader(2, 2), "image/png");
    String c = rawPhotosUpload(pngHeader(3, 3), "image/png");
    String d = rawPhotosUpload(pngHeader(4, 4), "image/png");
    batchCreate(album, a, "a.png");

    assertWholeCall400(
        batchCreateAnswer(album, b, "b.png", c, "c.png"), "Request contains an invalid album id");
    assertThat(inspect("items")).hasSize(1);
    batchCreate(album, b, "b.png");

    String loose =
        batchCreate(null, c, "c.png")
            .getAsJsonArray("newMediaItemResults")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("mediaItem")
            .get("id")
            .getAsString();
    assertWholeCall400(
        http.postJson(
            "/v1/albums/" + album + ":batchAddMediaItems",
            "{\"mediaItemIds\":[\"" + loose + "\"]}"),
        "Request contains an invalid album id");
    assertWholeCall400(
        batchCreateAnswer(album, d, "d.png"), "Request contains an invalid album id");
    assertThat(inspect("albums").get(0).getAsJsonObject().getAsJsonArray("mediaItemIds"))
        .hasSize(2);
  }

  @Test
  void albumCapacityComesFromTheCommandLine() {
    assertThat(EmulatorMain.parse("--data", "d", "--album-capacity", "3").albumCapacity())
        .isEqualTo(3);
    assertThat(EmulatorMain.parse("--data", "d").albumCapacity()).isEqualTo(20_000);
    assertThat(EmulatorMain.parse("--data", "d", "--photos-storage", "1000", "--session-ttl", "60"))
        .satisfies(
            c -> {
              assertThat(c.photosStorageBytes()).isEqualTo(1000);
              assertThat(c.resumableSessionTtlSeconds()).isEqualTo(60);
              assertThat(c.checkMediaContent()).isTrue();
            });
    assertThat(EmulatorMain.parse("--data", "d", "--accept-any-media").checkMediaContent())
        .isFalse();
  }

  @Test
  void placeholderBytesPassWhenTheContentCheckIsOff() throws IOException {
    emulator.close();
    start(config().withMediaContentCheck(false));
    String token = rawPhotosUpload(TestHttp.randomBytes(300, 5), "image/jpeg");
    JsonObject result =
        batchCreate(null, token, "IMG-1.jpg")
            .getAsJsonArray("newMediaItemResults")
            .get(0)
            .getAsJsonObject();
    assertThat(result.has("mediaItem")).isTrue();
  }

  @Test
  void creationTimeComesFromExifAndTheVideoContainerElseTheUploadTime() throws IOException {
    String jpeg = rawPhotosUpload(resource("Canon_40D.jpg"), "image/jpeg");
    String video = rawPhotosUpload(resource("sample.3gp"), "video/3gpp");
    String png = rawPhotosUpload(pngHeader(1, 1), "image/png");
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    JsonArray results =
        batchCreate(null, jpeg, "IMG-1.jpg", video, "VID-1.3gp", png, "x.png")
            .getAsJsonArray("newMediaItemResults");

    String[] times = new String[3];
    for (int i = 0; i < 3; i++) {
      times[i] =
          results
              .get(i)
              .getAsJsonObject()
              .getAsJsonObject("mediaItem")
              .getAsJsonObject("mediaMetadata")
              .get("creationTime")
              .getAsString();
    }
    assertThat(Instant.parse(times[0])).isEqualTo("2008-05-30T15:56:01Z");
    assertThat(Instant.parse(times[1])).isEqualTo("2005-10-28T17:36:40Z");
    assertThat(Instant.parse(times[2])).isAfterOrEqualTo(before.minusSeconds(1));

    JsonArray items = inspect("items");
    assertThat(Instant.parse(items.get(0).getAsJsonObject().get("creationTime").getAsString()))
        .isEqualTo("2008-05-30T15:56:01Z");
    assertThat(Instant.parse(items.get(1).getAsJsonObject().get("creationTime").getAsString()))
        .isEqualTo("2005-10-28T17:36:40Z");
  }

  @Test
  void storedBytesOfAnItemAreServedUnderItsInspectionPath() throws IOException {
    byte[] jpeg = resource("Canon_40D.jpg");
    String id =
        batchCreate(null, rawPhotosUpload(jpeg, "image/jpeg"), "IMG-1.jpg")
            .getAsJsonArray("newMediaItemResults")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("mediaItem")
            .get("id")
            .getAsString();
    TestHttp.Answer content = http.get("/__emulator/items/" + id + "/content");
    assertThat(content.status()).isEqualTo(200);
    assertThat(content.body()).isEqualTo(jpeg);
    assertThat(http.get("/__emulator/content/" + id).body()).isEqualTo(jpeg);
    assertThat(http.get("/__emulator/items/nope/content").status()).isEqualTo(404);
  }

  @Test
  void aFinalStatusQueryReturnsTheUploadToken() {
    byte[] content = pngHeader(3, 3);
    TestHttp.Answer start =
        http.post(
            "/v1/uploads",
            new byte[0],
            "X-Goog-Upload-Protocol",
            "resumable",
            "X-Goog-Upload-Command",
            "start",
            "X-Goog-Upload-Raw-Size",
            Integer.toString(content.length),
            "X-Goog-Upload-Content-Type",
            "image/png");
    String url = start.header("X-Goog-Upload-URL").orElseThrow();
    TestHttp.Answer done =
        http.post(
            url, content, "X-Goog-Upload-Command", "upload, finalize", "X-Goog-Upload-Offset", "0");
    String token = done.text();

    TestHttp.Answer query = http.post(url, new byte[0], "X-Goog-Upload-Command", "query");

    assertThat(query.status()).isEqualTo(200);
    assertThat(query.header("X-Goog-Upload-Status")).contains("final");
    assertThat(query.text()).isEqualTo(token).isNotBlank();
  }

  @Test
  void anAlbumOfAnotherOAuthClientIsForbidden() {
    String album = createAlbum("From the old client");
    TestHttp.Answer owner =
        http.postJson("/__emulator/albums/" + album + "/owner", "{\"clientId\":\"old-client\"}");
    assertThat(owner.status()).isEqualTo(200);

    TestHttp.Answer get = http.get("/v1/albums/" + album);
    assertThat(get.status()).isEqualTo(403);
    assertThat(error(get).get("status").getAsString()).isEqualTo("PERMISSION_DENIED");
    assertThat(error(get).get("code").getAsInt()).isEqualTo(403);
    assertThat(http.get("/v1/albums").json().getAsJsonArray("albums")).isEmpty();
    assertWholeCall400(
        batchCreateAnswer(album, rawPhotosUpload(pngHeader(1, 1), "image/png"), "a.png"),
        "Invalid album ID");

    http.postJson("/__emulator/albums/" + album + "/owner", "{\"clientId\":null}");
    assertThat(http.get("/v1/albums/" + album).status()).isEqualTo(200);
  }

  /**
   * A JPEG whose only metadata is an EXIF SubIFD with {@code DateTimeOriginal} and {@code
   * OffsetTimeOriginal} (TIFF big-endian, offsets from the TIFF header).
   */
  static byte[] jpegWithExifDate(String dateTimeOriginal, String offsetTimeOriginal) {
    java.io.ByteArrayOutputStream tiff = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(tiff);
    try {
      out.writeBytes("MM");
      out.writeShort(0x2A);
      out.writeInt(8);
      out.writeShort(1); // IFD0: one entry, the Exif SubIFD pointer
      out.writeShort(0x8769);
      out.writeShort(4);
      out.writeInt(1);
      out.writeInt(26);
      out.writeInt(0);
      out.writeShort(2); // Exif SubIFD at 26: two ASCII entries
      out.writeShort(0x9003);
      out.writeShort(2);
      out.writeInt(20);
      out.writeInt(56);
      out.writeShort(0x9011);
      out.writeShort(2);
      out.writeInt(7);
      out.writeInt(76);
      out.writeInt(0);
      out.writeBytes(dateTimeOriginal + "\0"); // 20 bytes at 56
      out.writeBytes(offsetTimeOriginal + "\0"); // 7 bytes at 76
      java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
      java.io.DataOutputStream j = new java.io.DataOutputStream(jpeg);
      j.writeShort(0xFFD8);
      j.writeShort(0xFFE1);
      j.writeShort(2 + 6 + tiff.size());
      j.writeBytes("Exif\0\0");
      j.write(tiff.toByteArray());
      j.writeShort(0xFFD9);
      return jpeg.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void offsetTimeOriginalPlacesTheExifDateOnTheTimeline() {
    String token = rawPhotosUpload(jpegWithExifDate("2023:11:05 12:00:00", "+01:00"), "image/jpeg");
    String time =
        batchCreate(null, token, "IMG-20231105-WA0004.jpg")
            .getAsJsonArray("newMediaItemResults")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("mediaItem")
            .getAsJsonObject("mediaMetadata")
            .get("creationTime")
            .getAsString();
    assertThat(Instant.parse(time)).isEqualTo("2023-11-05T11:00:00Z");
  }
}
