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
    TestHttp.Answer got = http.get("/drive/v3/files/" + folder);
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
    JsonObject file = http.get("/drive/v3/files/" + id).json();
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
}
