package app.wauploader.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends EmulatorTestBase {
  private static final String DAILY_QUOTA =
      "Quota exceeded for quota metric 'All requests' and limit 'All requests per day' of service"
          + " 'photoslibrary.googleapis.com' for consumer 'project_number:1'.";

  @Test
  void statusRuleAnswersDriveErrorsForItsTimesThenStops() {
    addFaults(
        "[{\"route\":\"drive.files\",\"times\":2,\"status\":403,"
            + "\"reason\":\"userRateLimitExceeded\",\"retryAfter\":7}]");
    assertThat(
            http.get("/__emulator/faults")
                .jsonArray()
                .get(0)
                .getAsJsonObject()
                .get("times")
                .getAsInt())
        .isEqualTo(2);

    for (int i = 0; i < 2; i++) {
      TestHttp.Answer answer = http.get("/drive/v3/files");
      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.contentType()).isEqualTo("application/json; charset=UTF-8");
      assertThat(answer.header("Retry-After")).contains("7");
      JsonObject detail =
          answer.json().getAsJsonObject("error").getAsJsonArray("errors").get(0).getAsJsonObject();
      assertThat(detail.get("reason").getAsString()).isEqualTo("userRateLimitExceeded");
      assertThat(detail.get("domain").getAsString()).isEqualTo("usageLimits");
    }
    assertThat(http.get("/drive/v3/files").status()).isEqualTo(200);
    assertThat(http.get("/__emulator/faults").jsonArray()).isEmpty();
  }

  @Test
  void wildcardStatusRuleUsesEachServicesErrorShape() {
    addFaults("[{\"route\":\"*\",\"times\":2,\"status\":503}]");
    JsonObject drive = http.get("/drive/v3/files").json().getAsJsonObject("error");
    assertThat(drive.getAsJsonArray("errors").get(0).getAsJsonObject().get("domain").getAsString())
        .isEqualTo("global");
    JsonObject photos = http.get("/v1/albums").json().getAsJsonObject("error");
    assertThat(photos.get("status").getAsString()).isEqualTo("UNAVAILABLE");
    assertThat(photos.get("code").getAsInt()).isEqualTo(503);
  }

  @Test
  void dailyPhotosQuotaIsAStatusRule() {
    addFaults("[{\"route\":\"photos.upload\",\"status\":429,\"message\":\"" + DAILY_QUOTA + "\"}]");
    TestHttp.Answer answer =
        http.post("/v1/uploads", new byte[100], "X-Goog-Upload-Protocol", "raw");
    assertThat(answer.status()).isEqualTo(429);
    JsonObject error = answer.json().getAsJsonObject("error");
    assertThat(error.get("status").getAsString()).isEqualTo("RESOURCE_EXHAUSTED");
    assertThat(error.get("message").getAsString()).contains("All requests per day");
    assertThat(stats().get("bytesReceived").getAsLong()).isEqualTo(100);
  }

  @Test
  void resetAfterBytesBreaksTheChunkAndKeepsWhole256KiBUnits() throws Exception {
    byte[] content = TestHttp.randomBytes(4 * KIB_256, 41);
    String total = Integer.toString(content.length);
    String session = initiateDrive("{\"name\":\"r.bin\"}", content.length);
    addFaults("[{\"route\":\"drive.upload\",\"action\":\"reset\",\"afterBytes\":700000}]");

    assertThatThrownBy(
            () ->
                http.sendChecked(
                    "PUT",
                    session,
                    content,
                    Duration.ofSeconds(10),
                    "Content-Range",
                    "bytes 0-" + (content.length - 1) + "/" + total))
        .isInstanceOf(IOException.class);

    TestHttp.Answer status = statusQuery(session, total);
    assertThat(status.status()).isEqualTo(308);
    assertThat(status.header("Range")).contains("bytes=0-" + (2 * KIB_256 - 1));
    assertThat(putChunk(session, content, 2 * KIB_256, content.length, total).status())
        .isEqualTo(200);
  }

  @Test
  void resetWithoutBytesDropsTheConnectionAtOnce() {
    addFaults("[{\"route\":\"drive.files\",\"action\":\"reset\"}]");
    byte[] folder =
        "{\"name\":\"f\",\"mimeType\":\"application/vnd.google-apps.folder\"}"
            .getBytes(StandardCharsets.UTF_8);
    // POST: the JDK client silently retries an idempotent GET once on a dropped connection.
    assertThatThrownBy(
            () ->
                http.sendChecked(
                    "POST",
                    "/drive/v3/files",
                    folder,
                    Duration.ofSeconds(5),
                    "Content-Type",
                    "application/json"))
        .isInstanceOf(IOException.class);
    assertThat(inspect("folders")).isEmpty();
    assertThat(http.get("/drive/v3/files").status()).isEqualTo(200);
  }

  @Test
  void stallNeverAnswersAndDoesNotBlockShutdown() {
    addFaults("[{\"route\":\"photos.albums\",\"action\":\"stall\"}]");
    assertThatThrownBy(() -> http.sendChecked("GET", "/v1/albums", null, Duration.ofMillis(500)))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(http.get("/v1/albums").status()).isEqualTo(200);

    long start = System.nanoTime();
    emulator.close();
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(3.0);
  }

  @Test
  void stallAfterBytesKeepsWhatArrived() throws Exception {
    byte[] content = TestHttp.randomBytes(2 * KIB_256, 42);
    String url =
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
                "video/mp4")
            .header("X-Goog-Upload-URL")
            .orElseThrow();
    addFaults("[{\"route\":\"photos.upload\",\"action\":\"stall\",\"afterBytes\":300000}]");

    assertThatThrownBy(
            () ->
                http.sendChecked(
                    "POST",
                    url,
                    content,
                    Duration.ofSeconds(1),
                    "X-Goog-Upload-Command",
                    "upload, finalize",
                    "X-Goog-Upload-Offset",
                    "0"))
        .isInstanceOf(HttpTimeoutException.class);

    TestHttp.Answer query = http.post(url, new byte[0], "X-Goog-Upload-Command", "query");
    assertThat(query.header("X-Goog-Upload-Size-Received")).contains(Integer.toString(KIB_256));
  }

  @Test
  void dropSessionForgetsTheUpload() {
    byte[] content = TestHttp.randomBytes(2 * KIB_256, 43);
    String total = Integer.toString(content.length);
    String session = initiateDrive("{\"name\":\"gone.bin\"}", content.length);
    putChunk(session, content, 0, KIB_256, total);
    addFaults("[{\"route\":\"drive.upload\",\"action\":\"dropSession\"}]");

    assertThat(putChunk(session, content, KIB_256, content.length, total).status()).isEqualTo(404);
    assertThat(statusQuery(session, total).status()).isEqualTo(404);
  }

  @Test
  void partialFailsOnlyTheChosenItemsAndTheirTokensStayUsable() {
    String a = rawPhotosUpload(pngHeader(1, 1), "image/png");
    String b = rawPhotosUpload(pngHeader(1, 1), "image/png");
    String c = rawPhotosUpload(pngHeader(1, 1), "image/png");
    addFaults("[{\"route\":\"photos.batchCreate\",\"action\":\"partial\",\"itemIndexes\":[1]}]");

    JsonArray results =
        batchCreate(null, a, "a.png", b, "b.png", c, "c.png").getAsJsonArray("newMediaItemResults");
    assertThat(results.get(0).getAsJsonObject().has("mediaItem")).isTrue();
    JsonObject failed = results.get(1).getAsJsonObject();
    assertThat(failed.has("mediaItem")).isFalse();
    assertThat(failed.getAsJsonObject("status").get("code").getAsInt()).isEqualTo(13);
    assertThat(results.get(2).getAsJsonObject().has("mediaItem")).isTrue();

    JsonObject retried =
        batchCreate(null, b, "b.png")
            .getAsJsonArray("newMediaItemResults")
            .get(0)
            .getAsJsonObject();
    assertThat(retried.has("mediaItem")).isTrue();
  }

  @Test
  void faultsFileIsLoadedAtStartAndRulesCanBeCleared() throws IOException {
    Path file = dataDir.resolveSibling(dataDir.getFileName() + "-faults.json");
    Files.writeString(
        file,
        "[{\"route\":\"photos.batchCreate\",\"status\":500,\"times\":3}]",
        StandardCharsets.UTF_8);
    emulator.close();
    start(EmulatorConfig.defaults(dataDir).withFaultsFile(file));

    assertThat(http.postJson("/v1/mediaItems:batchCreate", "{}").status()).isEqualTo(500);
    assertThat(
            http.get("/__emulator/faults")
                .jsonArray()
                .get(0)
                .getAsJsonObject()
                .get("times")
                .getAsInt())
        .isEqualTo(2);
    assertThat(http.delete("/__emulator/faults").jsonArray()).isEmpty();
    assertThat(http.postJson("/v1/mediaItems:batchCreate", "{}").status()).isEqualTo(400);
  }

  @Test
  void invalidRulesAreRejected() throws IOException {
    TestHttp.Answer answer =
        http.post(
            "/__emulator/faults", "[{\"route\":\"drive.nope\"}]".getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).contains("unknown route");
    assertThat(
            http.post(
                    "/__emulator/faults",
                    "[{\"route\":\"drive.files\",\"action\":\"partial\",\"itemIndexes\":[0]}]"
                        .getBytes(StandardCharsets.UTF_8))
                .status())
        .isEqualTo(400);

    Path bad = dataDir.resolveSibling(dataDir.getFileName() + "-bad.json");
    Files.writeString(bad, "[{\"route\":\"*\",\"tims\":1}]", StandardCharsets.UTF_8);
    Path otherDir = dataDir.resolveSibling(dataDir.getFileName() + "-other");
    assertThatThrownBy(
            () -> GoogleEmulator.start(EmulatorConfig.defaults(otherDir).withFaultsFile(bad)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("tims");
  }
}
