package app.wauploader.emulator;

import static app.wauploader.emulator.TestHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriveFilesTest extends EmulatorTestBase {

  private List<String> names(TestHttp.Answer answer) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    for (JsonElement file : answer.json().getAsJsonArray("files")) {
      names.add(file.getAsJsonObject().get("name").getAsString());
    }
    return names;
  }

  private List<String> query(String q) {
    return names(http.get("/drive/v3/files?q=" + enc(q) + "&fields=" + enc("files(id,name)")));
  }

  @Test
  void foldersAndFilesCanBeCreatedAndFetched() {
    String folder = createFolder("WhatsApp", "root");
    TestHttp.Answer got = http.get("/drive/v3/files/" + folder + "?fields=*");
    assertThat(got.status()).isEqualTo(200);
    JsonObject json = got.json();
    assertThat(json.get("mimeType").getAsString()).isEqualTo("application/vnd.google-apps.folder");
    assertThat(json.has("size")).isFalse();
    assertThat(json.has("sha256Checksum")).isFalse();

    String rootId = http.get("/drive/v3/files/root").json().get("id").getAsString();
    assertThat(json.getAsJsonArray("parents").get(0).getAsString()).isEqualTo(rootId);
    assertThat(inspect("folders").get(0).getAsJsonObject().get("name").getAsString())
        .isEqualTo("WhatsApp");
  }

  @Test
  void missingFileIs404WithDriveErrorShape() {
    TestHttp.Answer answer = http.get("/drive/v3/files/doesNotExist");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).isEqualTo("application/json; charset=UTF-8");
    JsonObject error = answer.json().getAsJsonObject("error");
    assertThat(error.get("code").getAsInt()).isEqualTo(404);
    JsonObject detail = error.getAsJsonArray("errors").get(0).getAsJsonObject();
    assertThat(detail.get("reason").getAsString()).isEqualTo("notFound");
    assertThat(detail.get("domain").getAsString()).isEqualTo("global");
    assertThat(detail.get("message").getAsString()).contains("doesNotExist");
  }

  @Test
  void listHonoursQueryTerms() {
    String media = createFolder("Media", null);
    String other = createFolder("Other", null);
    uploadDrive(
        "{\"name\":\"a.jpg\",\"mimeType\":\"image/jpeg\",\"parents\":[\""
            + media
            + "\"],\"appProperties\":{\"sha256\":\"aaa\"}}",
        new byte[] {1});
    uploadDrive(
        "{\"name\":\"b.opus\",\"mimeType\":\"audio/ogg\",\"parents\":[\""
            + media
            + "\"],\"appProperties\":{\"sha256\":\"bbb\"}}",
        new byte[] {2});
    uploadDrive(
        "{\"name\":\"it's.txt\",\"mimeType\":\"text/plain\",\"parents\":[\""
            + other
            + "\"],\"appProperties\":{\"sha256\":\"ccc\"}}",
        new byte[] {3});

    assertThat(query("'" + media + "' in parents and trashed = false"))
        .containsExactly("a.jpg", "b.opus");
    assertThat(
            query(
                "name = 'Media' and mimeType = 'application/vnd.google-apps.folder' and 'root' in"
                    + " parents"))
        .containsExactly("Media");
    assertThat(query("mimeType != 'application/vnd.google-apps.folder'"))
        .containsExactly("a.jpg", "b.opus", "it's.txt");
    assertThat(query("appProperties has { key='sha256' and value='bbb' } and trashed = false"))
        .containsExactly("b.opus");
    assertThat(query("appProperties has { key='sha256' and value='nope' }")).isEmpty();
    assertThat(query("name = 'it\\'s.txt'")).containsExactly("it's.txt");
    assertThat(
            query("('" + other + "' in parents or name = 'a.jpg') and not mimeType = 'text/csv'"))
        .containsExactly("a.jpg", "it's.txt");
    assertThat(query("name contains 'OPUS'")).containsExactly("b.opus");
  }

  @Test
  void unsupportedQueryIs400Invalid() {
    TestHttp.Answer answer = http.get("/drive/v3/files?q=" + enc("sharedWithMe = true"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(
            answer
                .json()
                .getAsJsonObject("error")
                .getAsJsonArray("errors")
                .get(0)
                .getAsJsonObject()
                .get("reason")
                .getAsString())
        .isEqualTo("invalid");
  }

  @Test
  void listPagesWithNextPageToken() {
    for (int i = 0; i < 5; i++) {
      createFolder("f" + i, null);
    }
    List<String> all = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      TestHttp.Answer answer =
          http.get(
              "/drive/v3/files?pageSize=2&spaces=drive"
                  + (token == null ? "" : "&pageToken=" + enc(token)));
      all.addAll(names(answer));
      JsonElement next = answer.json().get("nextPageToken");
      token = next == null ? null : next.getAsString();
      pages++;
    } while (token != null);
    assertThat(all).containsExactly("f0", "f1", "f2", "f3", "f4");
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void methodOverridePatchUpdatesMetadata() {
    String id =
        uploadDrive(
                "{\"name\":\"old.bin\",\"appProperties\":{\"a\":\"1\",\"b\":\"2\"}}",
                new byte[] {7})
            .get("id")
            .getAsString();
    TestHttp.Answer answer =
        http.send(
            "POST",
            "/drive/v3/files/" + id,
            "{\"name\":\"new.bin\",\"appProperties\":{\"a\":null,\"c\":\"3\"}}"
                .getBytes(StandardCharsets.UTF_8),
            "Content-Type",
            "application/json",
            "X-HTTP-Method-Override",
            "PATCH");
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    JsonObject file = http.get("/drive/v3/files/" + id + "?fields=*").json();
    assertThat(file.get("name").getAsString()).isEqualTo("new.bin");
    assertThat(file.getAsJsonObject("appProperties").keySet()).containsExactly("b", "c");
    assertThat(file.get("size").getAsString()).isEqualTo("1");
  }

  @Test
  void methodOverrideGetCarriesTheQueryAsAFormBody() {
    createFolder("Wanted", null);
    createFolder("Unwanted", null);
    byte[] form = ("q=" + enc("name = 'Wanted'") + "&pageSize=10").getBytes(StandardCharsets.UTF_8);
    TestHttp.Answer answer =
        http.send(
            "POST",
            "/drive/v3/files?fields=" + enc("files(id,name),nextPageToken"),
            form,
            "Content-Type",
            "application/x-www-form-urlencoded; charset=UTF-8",
            "X-HTTP-Method-Override",
            "GET");
    assertThat(names(answer)).containsExactly("Wanted");
  }

  @Test
  void gzipChunkedCreateBodyIsDecoded() {
    byte[] body =
        "{\"name\":\"zipped\",\"mimeType\":\"application/vnd.google-apps.folder\"}"
            .getBytes(StandardCharsets.UTF_8);
    TestHttp.Answer answer =
        http.sendChunked(
            "POST",
            "/drive/v3/files",
            TestHttp.gzip(body),
            "Content-Type",
            "application/json; charset=UTF-8",
            "Content-Encoding",
            "gzip");
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(answer.json().get("name").getAsString()).isEqualTo("zipped");
  }

  @Test
  void appPropertiesLimitsAreEnforced() {
    String tooLong = "x".repeat(120);
    TestHttp.Answer answer =
        http.postJson(
            "/drive/v3/files",
            "{\"name\":\"p\",\"appProperties\":{\"sha256\":\"" + tooLong + "\"}}");
    assertThat(answer.status()).isEqualTo(400);
    String sha = "a".repeat(64);
    assertThat(
            http.postJson(
                    "/drive/v3/files",
                    "{\"name\":\"p\",\"appProperties\":{\"sha256\":\"" + sha + "\"}}")
                .status())
        .isEqualTo(200);
  }

  @Test
  void deleteRemovesAFolderWithItsContent() {
    String folder = createFolder("Doomed", null);
    uploadDrive("{\"name\":\"inner.bin\",\"parents\":[\"" + folder + "\"]}", new byte[] {1, 2});
    assertThat(http.delete("/drive/v3/files/" + folder).status()).isEqualTo(204);
    JsonArray items = inspect("items");
    assertThat(items).isEmpty();
    assertThat(http.get("/drive/v3/files/" + folder).status()).isEqualTo(404);
  }

  // ---- shortcuts (https://developers.google.com/drive/api/guides/shortcuts) ----

  private static final String SHORTCUT = "application/vnd.google-apps.shortcut";

  /** Asserts Drive's error shape: {@code {"error":{"code","message","errors":[{reason,…}]}}}. */
  private static void assertDriveError(TestHttp.Answer answer, int status, String reason) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(answer.contentType()).isEqualTo("application/json; charset=UTF-8");
    JsonObject error = answer.json().getAsJsonObject("error");
    assertThat(error.get("code").getAsInt()).isEqualTo(status);
    assertThat(error.get("message").getAsString()).isNotBlank();
    JsonObject detail = error.getAsJsonArray("errors").get(0).getAsJsonObject();
    assertThat(detail.get("reason").getAsString()).isEqualTo(reason);
    assertThat(detail.get("domain").getAsString()).isEqualTo("global");
  }

  private TestHttp.Answer createShortcut(String fields, String body) {
    return http.postJson(
        "/drive/v3/files" + (fields == null ? "" : "?fields=" + enc(fields)), body);
  }

  private static String shortcutBody(String name, String parent, String targetId) {
    return "{"
        + (name == null ? "" : "\"name\":\"" + name + "\",")
        + "\"mimeType\":\""
        + SHORTCUT
        + "\",\"parents\":[\""
        + parent
        + "\"],\"appProperties\":{\"sha256\":\"abc\"},"
        + "\"shortcutDetails\":{\"targetId\":\""
        + targetId
        + "\"}}";
  }

  @Test
  void shortcutLinksToAnExistingFileInAnotherFolder() {
    String chatA = createFolder("Chat A", null);
    String chatB = createFolder("Chat B", null);
    String target =
        uploadDrive(
                "{\"name\":\"IMG-1.jpg\",\"mimeType\":\"image/jpeg\",\"parents\":[\""
                    + chatA
                    + "\"]}",
                new byte[] {1, 2, 3})
            .get("id")
            .getAsString();

    TestHttp.Answer created =
        createShortcut(
            "id,name,mimeType,parents,appProperties,shortcutDetails",
            shortcutBody("IMG-1 (from A).jpg", chatB, target));
    assertThat(created.status()).as(created.text()).isEqualTo(200);
    JsonObject shortcut = created.json();
    String id = shortcut.get("id").getAsString();
    assertThat(shortcut.get("name").getAsString()).isEqualTo("IMG-1 (from A).jpg");
    assertThat(shortcut.get("mimeType").getAsString()).isEqualTo(SHORTCUT);
    assertThat(shortcut.getAsJsonArray("parents").get(0).getAsString()).isEqualTo(chatB);
    assertThat(shortcut.getAsJsonObject("appProperties").get("sha256").getAsString())
        .isEqualTo("abc");
    JsonObject details = shortcut.getAsJsonObject("shortcutDetails");
    assertThat(details.get("targetId").getAsString()).isEqualTo(target);
    assertThat(details.get("targetMimeType").getAsString()).isEqualTo("image/jpeg");
    assertThat(shortcut.has("size")).as("a shortcut has no size").isFalse();
    assertThat(shortcut.has("md5Checksum")).isFalse();

    // shortcutDetails is not a default field: only returned when fields asks for it.
    assertThat(http.get("/drive/v3/files/" + id).json().has("shortcutDetails")).isFalse();
    JsonObject got =
        http.get("/drive/v3/files/" + id + "?fields=" + enc("id,shortcutDetails/targetId")).json();
    assertThat(got.getAsJsonObject("shortcutDetails").get("targetId").getAsString())
        .isEqualTo(target);

    assertThat(query("mimeType = '" + SHORTCUT + "' and '" + chatB + "' in parents"))
        .containsExactly("IMG-1 (from A).jpg");
    assertThat(query("'" + chatA + "' in parents")).containsExactly("IMG-1.jpg");
    JsonObject listed =
        http.get(
                "/drive/v3/files?q="
                    + enc("'" + chatB + "' in parents and trashed = false")
                    + "&fields="
                    + enc("files(id,name,shortcutDetails)"))
            .json()
            .getAsJsonArray("files")
            .get(0)
            .getAsJsonObject();
    assertThat(listed.getAsJsonObject("shortcutDetails").get("targetId").getAsString())
        .isEqualTo(target);

    // Inspection: the shortcut is listed apart; items() still holds one entry per content.
    assertThat(inspect("items")).hasSize(1);
    JsonObject inspected = inspect("shortcuts").get(0).getAsJsonObject();
    assertThat(inspected.get("id").getAsString()).isEqualTo(id);
    assertThat(inspected.get("mimeType").getAsString()).isEqualTo(SHORTCUT);
    assertThat(inspected.getAsJsonArray("parents").get(0).getAsString()).isEqualTo(chatB);
    assertThat(inspected.getAsJsonObject("shortcutDetails").get("targetId").getAsString())
        .isEqualTo(target);
    assertThat(inspected.getAsJsonObject("shortcutDetails").get("targetMimeType").getAsString())
        .isEqualTo("image/jpeg");
  }

  @Test
  void shortcutWithoutANameTakesTheTargetsName() {
    String folder = createFolder("Chat", null);
    String target =
        uploadDrive("{\"name\":\"voice.opus\"}", new byte[] {9}).get("id").getAsString();
    TestHttp.Answer created = createShortcut(null, shortcutBody(null, folder, target));
    assertThat(created.status()).as(created.text()).isEqualTo(200);
    assertThat(created.json().get("name").getAsString()).isEqualTo("voice.opus");
  }

  @Test
  void shortcutToAMissingOrTrashedTargetIs404NotFound() {
    String folder = createFolder("Chat", null);
    TestHttp.Answer missing = createShortcut(null, shortcutBody("x", folder, "noSuchFile"));
    assertDriveError(missing, 404, "notFound");
    assertThat(missing.json().getAsJsonObject("error").get("message").getAsString())
        .isEqualTo("File not found: noSuchFile.");

    String target = uploadDrive("{\"name\":\"gone.jpg\"}", new byte[] {1}).get("id").getAsString();
    assertThat(
            http.send(
                    "PATCH",
                    "/drive/v3/files/" + target,
                    "{\"trashed\":true}".getBytes(StandardCharsets.UTF_8),
                    "Content-Type",
                    "application/json")
                .status())
        .isEqualTo(200);
    assertDriveError(createShortcut(null, shortcutBody("x", folder, target)), 404, "notFound");
    assertThat(inspect("shortcuts")).isEmpty();
  }

  @Test
  void shortcutFieldsMustMatch() {
    String target = uploadDrive("{\"name\":\"a.jpg\"}", new byte[] {1}).get("id").getAsString();
    // the shortcut MIME type without a target
    assertDriveError(
        http.postJson("/drive/v3/files", "{\"name\":\"s\",\"mimeType\":\"" + SHORTCUT + "\"}"),
        400,
        "badRequest");
    assertDriveError(
        http.postJson(
            "/drive/v3/files",
            "{\"name\":\"s\",\"mimeType\":\"" + SHORTCUT + "\",\"shortcutDetails\":{}}"),
        400,
        "badRequest");
    // shortcutDetails on a file that is not a shortcut
    assertDriveError(
        http.postJson(
            "/drive/v3/files",
            "{\"name\":\"s\",\"shortcutDetails\":{\"targetId\":\"" + target + "\"}}"),
        400,
        "badRequest");
    assertDriveError(
        http.postJson(
            "/drive/v3/files",
            "{\"name\":\"s\",\"mimeType\":\"application/vnd.google-apps.folder\","
                + "\"shortcutDetails\":{\"targetId\":\""
                + target
                + "\"}}"),
        400,
        "badRequest");
    // targetMimeType is output only
    assertDriveError(
        http.postJson(
            "/drive/v3/files",
            "{\"name\":\"s\",\"mimeType\":\""
                + SHORTCUT
                + "\",\"shortcutDetails\":{\"targetId\":\""
                + target
                + "\",\"targetMimeType\":\"image/png\"}}"),
        403,
        "fieldNotWritable");
    assertThat(inspect("shortcuts")).isEmpty();
  }

  @Test
  void shortcutsCannotBeUploaded() {
    String target = uploadDrive("{\"name\":\"a.jpg\"}", new byte[] {1}).get("id").getAsString();
    String metadata =
        "{\"name\":\"s\",\"mimeType\":\""
            + SHORTCUT
            + "\",\"shortcutDetails\":{\"targetId\":\""
            + target
            + "\"}}";
    assertDriveError(
        http.postJson(
            "/upload/drive/v3/files?uploadType=resumable&fields=*",
            metadata,
            "X-Upload-Content-Length",
            "1"),
        400,
        "badRequest");
    assertDriveError(
        http.postJson(
            "/upload/drive/v3/files?uploadType=resumable&fields=*",
            "{\"name\":\"s\"}",
            "X-Upload-Content-Type",
            SHORTCUT),
        400,
        "badRequest");
    assertDriveError(
        http.post(
            "/upload/drive/v3/files?uploadType=media&fields=*",
            new byte[] {1},
            "Content-Type",
            SHORTCUT),
        400,
        "badRequest");
    String multipart =
        "--b\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n"
            + metadata
            + "\r\n--b\r\nContent-Type: application/octet-stream\r\n\r\nx\r\n--b--\r\n";
    assertDriveError(
        http.post(
            "/upload/drive/v3/files?uploadType=multipart&fields=*",
            multipart.getBytes(StandardCharsets.UTF_8),
            "Content-Type",
            "multipart/related; boundary=b"),
        400,
        "badRequest");
    assertThat(inspect("shortcuts")).isEmpty();
    assertThat(inspect("items")).hasSize(1);
  }

  @Test
  void shortcutOutlivesItsTargetAndHasNoContent() {
    String folder = createFolder("Chat B", null);
    String target = uploadDrive("{\"name\":\"a.jpg\"}", new byte[] {1}).get("id").getAsString();
    String id =
        createShortcut(null, shortcutBody("a.jpg", folder, target)).json().get("id").getAsString();

    assertDriveError(http.get("/drive/v3/files/" + id + "?alt=media"), 403, "fileNotDownloadable");
    assertThat(http.get("/__emulator/content/" + id).status()).isEqualTo(404);

    // files.update cannot set shortcutDetails, nor change what a shortcut is
    assertDriveError(
        http.send(
            "PATCH",
            "/drive/v3/files/" + id,
            ("{\"shortcutDetails\":{\"targetId\":\"" + folder + "\"}}")
                .getBytes(StandardCharsets.UTF_8),
            "Content-Type",
            "application/json"),
        403,
        "fieldNotWritable");
    assertDriveError(
        http.send(
            "PATCH",
            "/drive/v3/files/" + id,
            "{\"mimeType\":\"image/jpeg\"}".getBytes(StandardCharsets.UTF_8),
            "Content-Type",
            "application/json"),
        400,
        "badRequest");
    assertDriveError(
        http.send(
            "PATCH",
            "/drive/v3/files/" + target,
            ("{\"mimeType\":\"" + SHORTCUT + "\"}").getBytes(StandardCharsets.UTF_8),
            "Content-Type",
            "application/json"),
        400,
        "badRequest");
    // renaming the shortcut is fine and keeps its details
    TestHttp.Answer renamed =
        http.send(
            "PATCH",
            "/drive/v3/files/" + id + "?fields=" + enc("name,shortcutDetails"),
            "{\"name\":\"renamed.jpg\"}".getBytes(StandardCharsets.UTF_8),
            "Content-Type",
            "application/json");
    assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
    assertThat(renamed.json().getAsJsonObject("shortcutDetails").get("targetId").getAsString())
        .isEqualTo(target);

    // trashing, then deleting the target leaves the (now broken) shortcut in place
    assertThat(
            http.send(
                    "PATCH",
                    "/drive/v3/files/" + target,
                    "{\"trashed\":true}".getBytes(StandardCharsets.UTF_8),
                    "Content-Type",
                    "application/json")
                .status())
        .isEqualTo(200);
    assertThat(http.get("/drive/v3/files/" + id).status()).isEqualTo(200);
    assertThat(http.delete("/drive/v3/files/" + target).status()).isEqualTo(204);
    JsonObject still =
        http.get("/drive/v3/files/" + id + "?fields=" + enc("id,trashed,shortcutDetails")).json();
    assertThat(still.get("trashed").getAsBoolean()).isFalse();
    assertThat(still.getAsJsonObject("shortcutDetails").get("targetId").getAsString())
        .isEqualTo(target);
    assertThat(inspect("shortcuts")).hasSize(1);
    assertThat(inspect("items")).isEmpty();
  }
}
