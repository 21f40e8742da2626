package app.wauploader.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PhotosTest extends EmulatorTestBase {

  private TestHttp.Answer startResumable(long size, String mime, String name) {
    return http.post(
        "/v1/uploads",
        new byte[0],
        "X-Goog-Upload-Protocol",
        "resumable",
        "X-Goog-Upload-Command",
        "start",
        "X-Goog-Upload-Raw-Size",
        Long.toString(size),
        "X-Goog-Upload-Content-Type",
        mime,
        "X-Goog-Upload-File-Name",
        name);
  }

  private TestHttp.Answer command(String url, String command, long offset, byte[] body) {
    return http.post(
        url, body, "X-Goog-Upload-Command", command, "X-Goog-Upload-Offset", Long.toString(offset));
  }

  private TestHttp.Answer query(String url) {
    return http.post(url, new byte[0], "X-Goog-Upload-Command", "query");
  }

  @Test
  void rawUploadThenBatchCreateMakesAMediaItem() {
    byte[] png = pngHeader(640, 480);
    String token = rawPhotosUpload(png, "image/png");
    assertThat(token).isNotBlank();

    JsonObject result =
        batchCreate(null, token, "IMG-1.png")
            .getAsJsonArray("newMediaItemResults")
            .get(0)
            .getAsJsonObject();

    assertThat(result.get("uploadToken").getAsString()).isEqualTo(token);
    assertThat(result.getAsJsonObject("status").get("message").getAsString()).isEqualTo("Success");
    assertThat(result.getAsJsonObject("status").has("code")).isFalse();
    JsonObject item = result.getAsJsonObject("mediaItem");
    assertThat(item.get("filename").getAsString()).isEqualTo("IMG-1.png");
    assertThat(item.get("mimeType").getAsString()).isEqualTo("image/png");
    assertThat(item.get("description").getAsString()).isEqualTo("item 0");
    assertThat(item.get("productUrl").getAsString()).startsWith("https://photos.google.com/");
    JsonObject metadata = item.getAsJsonObject("mediaMetadata");
    assertThat(metadata.get("width").getAsString()).isEqualTo("640");
    assertThat(metadata.get("height").getAsString()).isEqualTo("480");
    assertThat(metadata.get("creationTime").getAsString()).endsWith("Z");

    String id = item.get("id").getAsString();
    TestHttp.Answer fetched = http.get("/v1/mediaItems/" + id);
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json().get("id").getAsString()).isEqualTo(id);
    assertThat(
            http.get("/v1/mediaItems/unknown")
                .json()
                .getAsJsonObject("error")
                .get("status")
                .getAsString())
        .isEqualTo("NOT_FOUND");

    JsonObject inspected = inspect("items").get(0).getAsJsonObject();
    assertThat(inspected.get("service").getAsString()).isEqualTo("photos");
    assertThat(inspected.get("name").getAsString()).isEqualTo("IMG-1.png");
    assertThat(inspected.get("size").getAsLong()).isEqualTo(png.length);
    assertThat(inspected.get("sha256").getAsString()).isEqualTo(TestHttp.sha256(png));
    assertThat(inspected.getAsJsonArray("parents")).isEmpty();
  }

  @Test
  void resumableUploadStartChunksQueryAndFinalize() {
    byte[] content = mp4Header(2 * KIB_256 + 500, 11);
    TestHttp.Answer start = startResumable(content.length, "video/mp4", "VID-1.mp4");
    assertThat(start.status()).isEqualTo(200);
    assertThat(start.header("X-Goog-Upload-Status")).contains("active");
    assertThat(start.header("X-Goog-Upload-Chunk-Granularity")).contains("262144");
    String url = start.header("X-Goog-Upload-URL").orElseThrow();
    assertThat(url).startsWith(emulator.baseUri() + "/v1/uploads?upload_id=");

    TestHttp.Answer first = command(url, "upload", 0, TestHttp.slice(content, 0, KIB_256));
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("X-Goog-Upload-Status")).contains("active");

    TestHttp.Answer wrong = command(url, "upload", 0, TestHttp.slice(content, 0, KIB_256));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.header("X-Goog-Upload-Status")).contains("active");
    assertThat(wrong.json().getAsJsonObject("error").get("status").getAsString())
        .isEqualTo("INVALID_ARGUMENT");

    TestHttp.Answer status = query(url);
    assertThat(status.header("X-Goog-Upload-Status")).contains("active");
    assertThat(status.header("X-Goog-Upload-Size-Received")).contains(Integer.toString(KIB_256));

    assertThat(
            command(url, "upload", KIB_256, TestHttp.slice(content, KIB_256, 2 * KIB_256)).status())
        .isEqualTo(200);
    TestHttp.Answer last =
        command(
            url,
            "upload,finalize",
            2 * KIB_256,
            TestHttp.slice(content, 2 * KIB_256, content.length));
    assertThat(last.status()).isEqualTo(200);
    assertThat(last.header("X-Goog-Upload-Status")).contains("final");
    String token = last.text();

    TestHttp.Answer finalQuery = query(url);
    assertThat(finalQuery.header("X-Goog-Upload-Status")).contains("final");
    assertThat(finalQuery.text()).isEqualTo(token);
    assertThat(http.post(url, new byte[0], "X-Goog-Upload-Command", "finalize").text())
        .isEqualTo(token);

    JsonObject item =
        batchCreate(null, token, "VID-1.mp4")
            .getAsJsonArray("newMediaItemResults")
            .get(0)
            .getAsJsonObject();
    assertThat(item.getAsJsonObject("mediaItem").get("mimeType").getAsString())
        .isEqualTo("video/mp4");
    assertThat(inspect("items").get(0).getAsJsonObject().get("sha256").getAsString())
        .isEqualTo(TestHttp.sha256(content));
    assertThat(query("/v1/uploads?upload_id=unknown").status()).isEqualTo(404);
  }

  @Test
  void aChunkThatIsNotAMultipleOfTheGranularityIsRefusedAndNothingOfItKept() {
    byte[] content = TestHttp.randomBytes(3 * KIB_256, 21);
    TestHttp.Answer start = startResumable(content.length, "video/mp4", "v.mp4");
    assertThat(start.header("X-Goog-Upload-Chunk-Granularity")).contains(Integer.toString(KIB_256));
    String url = start.header("X-Goog-Upload-URL").orElseThrow();
    TestHttp.Answer shortChunk = command(url, "upload", 0, TestHttp.slice(content, 0, KIB_256 + 1));
    assertThat(shortChunk.status()).isEqualTo(400);
    assertThat(shortChunk.text()).contains("multiple of the chunk granularity");
    assertThat(query(url).header("X-Goog-Upload-Size-Received")).contains("0");
    // Aligned chunks, then the rest as the last one, are fine.
    assertThat(command(url, "upload", 0, TestHttp.slice(content, 0, KIB_256)).status())
        .isEqualTo(200);
    TestHttp.Answer done =
        command(url, "upload, finalize", KIB_256, TestHttp.slice(content, KIB_256, 3 * KIB_256));
    assertThat(done.header("X-Goog-Upload-Status")).contains("final");
  }

  @Test
  void finalizeAloneWithEmptyBodyCompletesTheUpload() {
    byte[] content = TestHttp.randomBytes(1000, 12);
    String url =
        startResumable(content.length, "image/jpeg", "a.jpg")
            .header("X-Goog-Upload-URL")
            .orElseThrow();
    command(url, "upload", 0, content);
    TestHttp.Answer done = command(url, "finalize", content.length, new byte[0]);
    assertThat(done.header("X-Goog-Upload-Status")).contains("final");
    assertThat(done.text()).isNotBlank();
  }

  @Test
  void brokenConnectionKeepsAMultipleOf256KiB() throws Exception {
    byte[] content = TestHttp.randomBytes(3 * KIB_256, 13);
    String url =
        startResumable(content.length, "video/mp4", "v.mp4")
            .header("X-Goog-Upload-URL")
            .orElseThrow();
    http.sendPartialAndClose(
        "POST",
        url,
        content.length,
        TestHttp.slice(content, 0, KIB_256 + 5000),
        "X-Goog-Upload-Command",
        "upload, finalize",
        "X-Goog-Upload-Offset",
        "0");

    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    String received;
    do {
      received = query(url).header("X-Goog-Upload-Size-Received").orElse("");
      Thread.sleep(20);
    } while (!received.equals(Integer.toString(KIB_256)) && System.nanoTime() < deadline);
    assertThat(received).isEqualTo(Integer.toString(KIB_256));

    TestHttp.Answer done =
        command(url, "upload, finalize", KIB_256, TestHttp.slice(content, KIB_256, content.length));
    assertThat(done.header("X-Goog-Upload-Status")).contains("final");
  }

  @Test
  void batchCreateJudgesEachItemsContentOnItsOwn() {
    String good = rawPhotosUpload(pngHeader(1, 1), "image/png");
    String audio = rawPhotosUpload(new byte[] {1, 2, 3}, "audio/ogg");
    String notAJpeg = rawPhotosUpload(TestHttp.randomBytes(500, 3), "image/jpeg");
    String pngAsVideo = rawPhotosUpload(pngHeader(2, 2), "video/mp4");

    JsonArray results =
        batchCreate(
                null,
                good,
                "ok.png",
                audio,
                "voice.opus",
                notAJpeg,
                "IMG-1.jpg",
                pngAsVideo,
                "VID-1.mp4")
            .getAsJsonArray("newMediaItemResults");

    assertThat(results).hasSize(4);
    assertThat(results.get(0).getAsJsonObject().has("mediaItem")).isTrue();
    String[] messages = {
      null,
      "Failed: There was an error while trying to create this media item.",
      "BAD_IMAGE: There was an error while trying to create this media item.",
      "BAD_IMAGE: There was an error while trying to create this media item."
    };
    for (int i = 1; i < 4; i++) {
      JsonObject result = results.get(i).getAsJsonObject();
      assertThat(result.has("mediaItem")).isFalse();
      assertThat(result.getAsJsonObject("status").get("code").getAsInt()).isEqualTo(3);
      assertThat(result.getAsJsonObject("status").get("message").getAsString())
          .isEqualTo(messages[i]);
    }
    assertThat(inspect("items")).hasSize(1);
  }

  @Test
  void batchCreateRejectsMoreThan50Items() {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 51; i++) {
      items
          .append(i == 0 ? "" : ",")
          .append("{\"simpleMediaItem\":{\"uploadToken\":\"t")
          .append(i)
          .append("\"}}");
    }
    TestHttp.Answer answer =
        http.postJson("/v1/mediaItems:batchCreate", "{\"newMediaItems\":[" + items + "]}");
    assertThat(answer.status()).isEqualTo(400);
    JsonObject error = answer.json().getAsJsonObject("error");
    assertThat(error.get("status").getAsString()).isEqualTo("INVALID_ARGUMENT");
    assertThat(error.get("code").getAsInt()).isEqualTo(400);
  }

  @Test
  void uploadTokensExpireAfterOneDayAndThenFailTheWholeCall() {
    String token = rawPhotosUpload(pngHeader(1, 1), "image/png");
    String fresh = rawPhotosUpload(pngHeader(2, 2), "image/png");
    http.postJson("/__emulator/clock/advance", "{\"seconds\":" + (24 * 3600 - 60) + "}");
    String later = rawPhotosUpload(pngHeader(3, 3), "image/png");
    http.postJson("/__emulator/clock/advance", "{\"seconds\":120}");

    TestHttp.Answer answer = batchCreateAnswer(null, later, "ok.png", token, "late.png");

    assertThat(answer.status()).isEqualTo(400);
    JsonObject error = answer.json().getAsJsonObject("error");
    assertThat(error.get("message").getAsString())
        .isEqualTo("Request must contain a valid upload token.");
    assertThat(error.get("status").getAsString()).isEqualTo("INVALID_ARGUMENT");
    assertThat(inspect("items")).isEmpty();
    assertThat(batchCreateAnswer(null, fresh, "f.png").status()).isEqualTo(400);
    assertThat(batchCreate(null, later, "ok.png").getAsJsonArray("newMediaItemResults")).hasSize(1);
  }

  @Test
  void albumsHoldItemsAddedAtCreationOrLater() {
    String album = createAlbum("WhatsApp Images");
    JsonObject albumJson = http.get("/v1/albums/" + album).json();
    assertThat(albumJson.get("title").getAsString()).isEqualTo("WhatsApp Images");
    assertThat(albumJson.get("isWriteable").getAsBoolean()).isTrue();
    assertThat(albumJson.get("mediaItemsCount").getAsString()).isEqualTo("0");

    String inAlbum =
        batchCreate(album, rawPhotosUpload(pngHeader(1, 1), "image/png"), "a.png")
            .getAsJsonArray("newMediaItemResults")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("mediaItem")
            .get("id")
            .getAsString();
    String later =
        batchCreate(null, rawPhotosUpload(pngHeader(2, 2), "image/png"), "b.png")
            .getAsJsonArray("newMediaItemResults")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("mediaItem")
            .get("id")
            .getAsString();
    TestHttp.Answer add =
        http.postJson(
            "/v1/albums/" + album + ":batchAddMediaItems",
            "{\"mediaItemIds\":[\"" + later + "\"]}");
    assertThat(add.status()).isEqualTo(200);
    assertThat(add.json().size()).isZero();

    assertThat(http.get("/v1/albums/" + album).json().get("mediaItemsCount").getAsString())
        .isEqualTo("2");
    JsonObject inspected = inspect("albums").get(0).getAsJsonObject();
    assertThat(inspected.get("title").getAsString()).isEqualTo("WhatsApp Images");
    assertThat(inspected.getAsJsonArray("mediaItemIds"))
        .extracting(JsonElement::getAsString)
        .containsExactly(inAlbum, later);
    assertThat(
            inspect("items")
                .get(0)
                .getAsJsonObject()
                .getAsJsonArray("albumIds")
                .get(0)
                .getAsString())
        .isEqualTo(album);

    TestHttp.Answer search =
        http.postJson("/v1/mediaItems:search", "{\"albumId\":\"" + album + "\"}");
    assertThat(search.json().getAsJsonArray("mediaItems")).hasSize(2);
  }

  @Test
  void albumErrors() {
    String token = rawPhotosUpload(pngHeader(1, 1), "image/png");
    TestHttp.Answer unknownAlbum =
        http.postJson(
            "/v1/mediaItems:batchCreate",
            "{\"albumId\":\"nope\",\"newMediaItems\":[{\"simpleMediaItem\":{\"uploadToken\":\""
                + token
                + "\"}}]}");
    assertThat(unknownAlbum.status()).isEqualTo(400);
    assertThat(inspect("items")).isEmpty();

    String album = createAlbum("A");
    StringBuilder ids = new StringBuilder();
    for (int i = 0; i < 51; i++) {
      ids.append(i == 0 ? "" : ",").append("\"id").append(i).append('"');
    }
    assertThat(
            http.postJson(
                    "/v1/albums/" + album + ":batchAddMediaItems",
                    "{\"mediaItemIds\":[" + ids + "]}")
                .status())
        .isEqualTo(400);
    assertThat(
            http.postJson(
                    "/v1/albums/" + album + ":batchAddMediaItems",
                    "{\"mediaItemIds\":[\"unknown\"]}")
                .status())
        .isEqualTo(400);
    assertThat(http.get("/v1/albums/missing").status()).isEqualTo(404);
    assertThat(http.postJson("/v1/albums", "{\"album\":{\"title\":\"\"}}").status()).isEqualTo(400);
  }

  @Test
  void albumListPages() {
    for (int i = 0; i < 3; i++) {
      createAlbum("album " + i);
    }
    TestHttp.Answer first = http.get("/v1/albums?pageSize=2");
    assertThat(first.json().getAsJsonArray("albums")).hasSize(2);
    String token = first.json().get("nextPageToken").getAsString();
    TestHttp.Answer second = http.get("/v1/albums?pageSize=2&pageToken=" + TestHttp.enc(token));
    assertThat(second.json().getAsJsonArray("albums")).hasSize(1);
    assertThat(second.json().has("nextPageToken")).isFalse();
    assertThat(
            second
                .json()
                .getAsJsonArray("albums")
                .get(0)
                .getAsJsonObject()
                .get("title")
                .getAsString())
        .isEqualTo("album 2");
  }

  @Test
  void rawUploadCountsItsBytes() {
    byte[] content = "x".repeat(12345).getBytes(StandardCharsets.UTF_8);
    rawPhotosUpload(content, "image/jpeg");
    JsonObject stats = stats();
    assertThat(stats.get("bytesReceived").getAsLong()).isEqualTo(12345);
    assertThat(stats.getAsJsonObject("requests").get("photos.upload").getAsLong()).isEqualTo(1);
  }

  // ---- descriptions and albums.batchAddMediaItems ----

  /** Asserts the Photos error shape {@code {"error":{"code","message","status"}}}. */
  private static void assertPhotosError(TestHttp.Answer answer, int code, String status) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(code);
    assertThat(answer.contentType()).isEqualTo("application/json; charset=UTF-8");
    JsonObject error = answer.json().getAsJsonObject("error");
    assertThat(error.get("code").getAsInt()).isEqualTo(code);
    assertThat(error.get("status").getAsString()).isEqualTo(status);
    assertThat(error.get("message").getAsString()).isNotBlank();
  }

  private TestHttp.Answer createWithDescriptions(String... tokensAndDescriptions) {
    JsonArray items = new JsonArray();
    for (int i = 0; i < tokensAndDescriptions.length; i += 2) {
      JsonObject simple = new JsonObject();
      simple.addProperty("uploadToken", tokensAndDescriptions[i]);
      simple.addProperty("fileName", "f" + i + ".png");
      JsonObject item = new JsonObject();
      if (tokensAndDescriptions[i + 1] != null) {
        item.addProperty("description", tokensAndDescriptions[i + 1]);
      }
      item.add("simpleMediaItem", simple);
      items.add(item);
    }
    JsonObject body = new JsonObject();
    body.add("newMediaItems", items);
    return http.postJson("/v1/mediaItems:batchCreate", body.toString());
  }

  private String mediaItemId(TestHttp.Answer answer, int index) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer
        .json()
        .getAsJsonArray("newMediaItemResults")
        .get(index)
        .getAsJsonObject()
        .getAsJsonObject("mediaItem")
        .get("id")
        .getAsString();
  }

  @Test
  void descriptionsAreStoredReturnedAndInspected() {
    String emoji = "\uD83D\uDE00".repeat(1000); // 1000 characters, 2000 UTF-16 units
    TestHttp.Answer created =
        createWithDescriptions(
            rawPhotosUpload(pngHeader(1, 1), "image/png"),
            "Chat: Family \u2014 caption",
            rawPhotosUpload(pngHeader(2, 2), "image/png"),
            null,
            rawPhotosUpload(pngHeader(3, 3), "image/png"),
            emoji);
    String described = mediaItemId(created, 0);
    String plain = mediaItemId(created, 1);
    String longest = mediaItemId(created, 2);

    assertThat(http.get("/v1/mediaItems/" + described).json().get("description").getAsString())
        .isEqualTo("Chat: Family \u2014 caption");
    assertThat(http.get("/v1/mediaItems/" + plain).json().has("description")).isFalse();
    assertThat(http.get("/v1/mediaItems/" + longest).json().get("description").getAsString())
        .isEqualTo(emoji);

    JsonArray items = inspect("items");
    assertThat(items.get(0).getAsJsonObject().get("description").getAsString())
        .isEqualTo("Chat: Family \u2014 caption");
    assertThat(items.get(1).getAsJsonObject().has("description")).isFalse();
    assertThat(items.get(2).getAsJsonObject().get("description").getAsString()).isEqualTo(emoji);
  }

  @Test
  void descriptionOver1000CharactersFailsTheWholeCall() {
    String good = rawPhotosUpload(pngHeader(1, 1), "image/png");
    String other = rawPhotosUpload(pngHeader(2, 2), "image/png");
    TestHttp.Answer answer = createWithDescriptions(good, "fine", other, "x".repeat(1001));
    assertPhotosError(answer, 400, "INVALID_ARGUMENT");
    assertThat(answer.json().getAsJsonObject("error").get("message").getAsString())
        .contains("new_media_items[1].description");
    assertThat(inspect("items")).as("nothing is created").isEmpty();
    // the tokens were not spent: the same items go through with a shorter description
    TestHttp.Answer retried = createWithDescriptions(good, "fine", other, "x".repeat(1000));
    mediaItemId(retried, 1);
    assertThat(inspect("items")).hasSize(2);

    assertPhotosError(
        http.postJson(
            "/v1/mediaItems:batchCreate",
            "{\"newMediaItems\":[{\"description\":{\"text\":\"x\"},"
                + "\"simpleMediaItem\":{\"uploadToken\":\""
                + rawPhotosUpload(pngHeader(3, 3), "image/png")
                + "\"}}]}"),
        400,
        "INVALID_ARGUMENT");
  }

  @Test
  void anItemCanBeInManyAlbumsAndReAddingIsFine() {
    String first = createAlbum("Chat A");
    String second = createAlbum("Chat B");
    String item =
        mediaItemId(createWithDescriptions(rawPhotosUpload(pngHeader(1, 1), "image/png"), null), 0);
    String body = "{\"mediaItemIds\":[\"" + item + "\"]}";
    assertThat(http.postJson("/v1/albums/" + first + ":batchAddMediaItems", body).status())
        .isEqualTo(200);
    assertThat(http.postJson("/v1/albums/" + second + ":batchAddMediaItems", body).status())
        .isEqualTo(200);
    TestHttp.Answer again = http.postJson("/v1/albums/" + first + ":batchAddMediaItems", body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().size()).isZero();

    assertThat(http.get("/v1/albums/" + first).json().get("mediaItemsCount").getAsString())
        .isEqualTo("1");
    assertThat(inspect("items").get(0).getAsJsonObject().getAsJsonArray("albumIds"))
        .extracting(JsonElement::getAsString)
        .containsExactly(first, second);
  }

  @Test
  void batchAddMediaItemsFailsWholeOnAnyInvalidIdOrAlbum() {
    String album = createAlbum("Chat");
    String item =
        mediaItemId(createWithDescriptions(rawPhotosUpload(pngHeader(1, 1), "image/png"), null), 0);

    TestHttp.Answer invalid =
        http.postJson(
            "/v1/albums/" + album + ":batchAddMediaItems",
            "{\"mediaItemIds\":[\"" + item + "\",\"notAnItem\"]}");
    assertPhotosError(invalid, 400, "INVALID_ARGUMENT");
    assertThat(invalid.json().getAsJsonObject("error").get("message").getAsString())
        .isEqualTo("Request contains an invalid media item id.");
    assertThat(inspect("albums").get(0).getAsJsonObject().getAsJsonArray("mediaItemIds"))
        .as("no partial success")
        .isEmpty();

    TestHttp.Answer foreign =
        http.postJson(
            "/v1/albums/notOurAlbum:batchAddMediaItems", "{\"mediaItemIds\":[\"" + item + "\"]}");
    assertPhotosError(foreign, 400, "INVALID_ARGUMENT");
    assertThat(foreign.json().getAsJsonObject("error").get("message").getAsString())
        .isEqualTo("No permission to add media items to this album.");

    StringBuilder ids = new StringBuilder();
    for (int i = 0; i < 51; i++) {
      ids.append(i == 0 ? "" : ",").append('"').append(item).append('"');
    }
    assertPhotosError(
        http.postJson(
            "/v1/albums/" + album + ":batchAddMediaItems", "{\"mediaItemIds\":[" + ids + "]}"),
        400,
        "INVALID_ARGUMENT");
    assertPhotosError(
        http.postJson("/v1/albums/" + album + ":batchAddMediaItems", "{\"mediaItemIds\":[]}"),
        400,
        "INVALID_ARGUMENT");
    assertThat(inspect("albums").get(0).getAsJsonObject().getAsJsonArray("mediaItemIds")).isEmpty();
  }
}
