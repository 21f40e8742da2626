package app.wauploader.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Drive answers only the {@code fields} asked for, takes {@code createdTime}/{@code modifiedTime}
 * on create, rejects resumable chunks that are not 256 KiB multiples, and forgets resumable
 * sessions after their lifetime.
 */
class DriveStrictnessTest extends EmulatorTestBase {

  private String createFile(String name) {
    TestHttp.Answer answer =
        http.postJson("/drive/v3/files", "{\"name\":\"" + name + "\",\"mimeType\":\"text/plain\"}");
    assertThat(answer.status()).isEqualTo(200);
    return answer.json().get("id").getAsString();
  }

  @Test
  void withoutFieldsOnlyTheDefaultFieldsComeBack() {
    String id = createFile("a.txt");

    JsonObject file = http.get("/drive/v3/files/" + id).json();
    assertThat(file.keySet()).containsExactlyInAnyOrder("kind", "id", "name", "mimeType");

    JsonObject list = http.get("/drive/v3/files").json();
    assertThat(list.keySet()).containsExactlyInAnyOrder("kind", "incompleteSearch", "files");
    assertThat(list.getAsJsonArray("files").get(0).getAsJsonObject().keySet())
        .containsExactlyInAnyOrder("kind", "id", "name", "mimeType");
  }

  @Test
  void fieldsSelectExactlyWhatIsAsked() {
    JsonObject uploaded = uploadDrive("{\"name\":\"b.bin\"}", new byte[] {1, 2, 3});
    String id = uploaded.get("id").getAsString();

    JsonObject file =
        http.get("/drive/v3/files/" + id + "?fields=" + TestHttp.enc("id,size,sha256Checksum"))
            .json();
    assertThat(file.keySet()).containsExactlyInAnyOrder("id", "size", "sha256Checksum");

    JsonObject list =
        http.get("/drive/v3/files?fields=" + TestHttp.enc("files(id,md5Checksum)")).json();
    assertThat(list.keySet()).containsExactly("files");
    assertThat(list.getAsJsonArray("files").get(0).getAsJsonObject().keySet())
        .containsExactlyInAnyOrder("id", "md5Checksum");

    JsonObject all = http.get("/drive/v3/files/" + id + "?fields=*").json();
    assertThat(all.keySet()).contains("parents", "appProperties", "createdTime", "size");
  }

  @Test
  void theUploadAnswersWithTheInitiationsFields() {
    byte[] content = TestHttp.randomBytes(1000, 7);
    TestHttp.Answer start =
        http.postJson(
            "/upload/drive/v3/files?uploadType=resumable&fields="
                + TestHttp.enc("id,name,size,md5Checksum,sha256Checksum"),
            "{\"name\":\"c.bin\"}",
            "X-Upload-Content-Length",
            "1000");
    String session = start.header("Location").orElseThrow();
    JsonObject done = putChunk(session, content, 0, content.length, "1000").json();
    assertThat(done.keySet())
        .containsExactlyInAnyOrder("id", "name", "size", "md5Checksum", "sha256Checksum");
    assertThat(done.get("sha256Checksum").getAsString()).isEqualTo(TestHttp.sha256(content));
  }

  @Test
  void anInvalidFieldSelectionIs400AndCreatesNothing() {
    TestHttp.Answer answer =
        http.postJson(
            "/drive/v3/files?fields=" + TestHttp.enc("id,noSuchField"), "{\"name\":\"d.txt\"}");
    assertThat(answer.status()).isEqualTo(400);
    JsonObject error = answer.json().getAsJsonObject("error");
    assertThat(error.get("message").getAsString()).startsWith("Invalid field selection");
    assertThat(error.getAsJsonArray("errors").get(0).getAsJsonObject().get("reason").getAsString())
        .isEqualTo("invalidParameter");
    assertThat(http.get("/drive/v3/files").json().getAsJsonArray("files")).isEmpty();
  }

  @Test
  void aboutNeedsFields() {
    assertThat(http.get("/drive/v3/about").status()).isEqualTo(400);
    JsonObject about =
        http.get("/drive/v3/about?fields=" + TestHttp.enc("user(emailAddress)")).json();
    assertThat(about.keySet()).containsExactly("user");
    assertThat(about.getAsJsonObject("user").keySet()).containsExactly("emailAddress");
  }

  @Test
  void createTakesCreatedAndModifiedTimeAndInspectionShowsThem() {
    TestHttp.Answer answer =
        http.postJson(
            "/drive/v3/files?fields=" + TestHttp.enc("id,createdTime,modifiedTime"),
            "{\"name\":\"IMG-20231105-WA0004.jpg\",\"createdTime\":\"2023-11-05T12:00:00Z\","
                + "\"modifiedTime\":\"2023-11-05T12:00:05Z\"}");
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    JsonObject file = answer.json();
    assertThat(Instant.parse(file.get("createdTime").getAsString()))
        .isEqualTo("2023-11-05T12:00:00Z");
    assertThat(Instant.parse(file.get("modifiedTime").getAsString()))
        .isEqualTo("2023-11-05T12:00:05Z");

    JsonObject uploaded =
        uploadDrive(
            "{\"name\":\"VID-20231105-WA0001.mp4\",\"createdTime\":\"2023-11-05T08:30:00Z\"}",
            new byte[] {9});
    JsonObject item = null;
    for (var element : inspect("items")) {
      if (element
          .getAsJsonObject()
          .get("id")
          .getAsString()
          .equals(uploaded.get("id").getAsString())) {
        item = element.getAsJsonObject();
      }
    }
    assertThat(item).isNotNull();
    assertThat(Instant.parse(item.get("createdTime").getAsString()))
        .isEqualTo("2023-11-05T08:30:00Z");
    assertThat(item.has("modifiedTime")).isTrue();
  }

  @Test
  void storedBytesOfAFileAreServedUnderItsInspectionPath() {
    byte[] content = TestHttp.randomBytes(2000, 8);
    String id = uploadDrive("{\"name\":\"e.bin\"}", content).get("id").getAsString();
    assertThat(http.get("/__emulator/items/" + id + "/content").body()).isEqualTo(content);
  }

  @Test
  void aChunkThatIsNotAMultipleOf256KiBIsRejectedUnlessItIsTheLast() {
    byte[] content = TestHttp.randomBytes(2 * KIB_256 + 10, 9);
    String total = Integer.toString(content.length);
    String session = initiateDrive("{\"name\":\"f.bin\"}", content.length);

    TestHttp.Answer odd = putChunk(session, content, 0, 1000, total);
    assertThat(odd.status()).isEqualTo(400);
    assertThat(odd.json().getAsJsonObject("error").get("message").getAsString())
        .contains("262144")
        .contains("1000 bytes");
    TestHttp.Answer unknownTotal = putChunk(session, content, 0, KIB_256 + 1, "*");
    assertThat(unknownTotal.status()).isEqualTo(400);
    TestHttp.Answer nothingKept = statusQuery(session, total);
    assertThat(nothingKept.status()).isEqualTo(308);
    assertThat(nothingKept.header("Range")).isEmpty();

    assertThat(putChunk(session, content, 0, 2 * KIB_256, total).status()).isEqualTo(308);
    assertThat(putChunk(session, content, 2 * KIB_256, content.length, total).status())
        .isEqualTo(200);
  }

  @Test
  void aResumableSessionExpiresAfterAWeek() {
    byte[] content = TestHttp.randomBytes(2 * KIB_256, 10);
    String total = Integer.toString(content.length);
    String session = initiateDrive("{\"name\":\"g.bin\"}", content.length);
    assertThat(putChunk(session, content, 0, KIB_256, total).status()).isEqualTo(308);

    http.postJson("/__emulator/clock/advance", "{\"seconds\":" + (6 * 24 * 3600) + "}");
    assertThat(statusQuery(session, total).status()).isEqualTo(308);
    http.postJson("/__emulator/clock/advance", "{\"seconds\":" + (24 * 3600 + 60) + "}");

    TestHttp.Answer expired = statusQuery(session, total);
    assertThat(expired.status()).isEqualTo(404);
    assertThat(expired.json().getAsJsonObject("error").get("code").getAsInt()).isEqualTo(404);
    assertThat(putChunk(session, content, KIB_256, content.length, total).status()).isEqualTo(404);
  }

  @Test
  void theSessionLifetimeIsConfigurable() throws IOException {
    emulator.close();
    start(config().withResumableSessionTtl(60));
    byte[] content = TestHttp.randomBytes(KIB_256, 11);
    String session = initiateDrive("{\"name\":\"h.bin\"}", content.length);
    http.postJson("/__emulator/clock/advance", "{\"seconds\":61}");
    assertThat(statusQuery(session, Integer.toString(content.length)).status()).isEqualTo(404);
  }

  @Test
  void sha256CanBeUnavailableWhileMd5IsThere() {
    String id = uploadDrive("{\"name\":\"old.bin\"}", new byte[] {4, 5}).get("id").getAsString();
    addFaults("[{\"route\":\"drive.files\",\"action\":\"withholdSha256\"}]");

    JsonObject list =
        http.get("/drive/v3/files?fields=" + TestHttp.enc("files(id,md5Checksum,sha256Checksum)"))
            .json();
    JsonObject file = list.getAsJsonArray("files").get(0).getAsJsonObject();
    assertThat(file.get("id").getAsString()).isEqualTo(id);
    assertThat(file.keySet()).containsExactlyInAnyOrder("id", "md5Checksum");
    assertThat(
            http.get("/drive/v3/files/" + id + "?fields=sha256Checksum")
                .json()
                .get("sha256Checksum")
                .getAsString())
        .isEqualTo(TestHttp.sha256(new byte[] {4, 5}));
  }
}
