package app.wauploader.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class PersistenceAndInspectionTest extends EmulatorTestBase {

  @Test
  void restartWithTheSameDataDirKeepsFilesItemsAlbumsAndUnfinishedUploads() throws IOException {
    String folder = createFolder("Kept", null);
    byte[] driveContent = TestHttp.randomBytes(5000, 21);
    String fileId =
        uploadDrive(
                "{\"name\":\"doc.pdf\",\"mimeType\":\"application/pdf\",\"parents\":[\""
                    + folder
                    + "\"],\"appProperties\":{\"sha256\":\""
                    + TestHttp.sha256(driveContent)
                    + "\"}}",
                driveContent)
            .get("id")
            .getAsString();
    String album = createAlbum("Kept album");
    byte[] photo = pngHeader(3, 4);
    String mediaId =
        batchCreate(album, rawPhotosUpload(photo, "image/png"), "p.png")
            .getAsJsonArray("newMediaItemResults")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("mediaItem")
            .get("id")
            .getAsString();
    byte[] big = TestHttp.randomBytes(2 * KIB_256, 22);
    String session = initiateDrive("{\"name\":\"half.bin\"}", big.length);
    putChunk(session, big, 0, KIB_256, Integer.toString(big.length));
    String unusedToken = rawPhotosUpload(pngHeader(5, 5), "image/png");
    JsonArray itemsBefore = inspect("items");

    restart();

    assertThat(inspect("items")).isEqualTo(itemsBefore);
    assertThat(
            inspect("albums")
                .get(0)
                .getAsJsonObject()
                .getAsJsonArray("mediaItemIds")
                .get(0)
                .getAsString())
        .isEqualTo(mediaId);
    assertThat(inspect("folders").get(0).getAsJsonObject().get("id").getAsString())
        .isEqualTo(folder);
    assertThat(http.get("/drive/v3/files/" + fileId + "?alt=media").body()).isEqualTo(driveContent);
    assertThat(
            http.get(
                    "/drive/v3/files?q="
                        + TestHttp.enc(
                            "appProperties has { key='sha256' and value='"
                                + TestHttp.sha256(driveContent)
                                + "' }"))
                .json()
                .getAsJsonArray("files"))
        .hasSize(1);

    TestHttp.Answer status = statusQuery(session, Integer.toString(big.length));
    assertThat(status.status()).isEqualTo(308);
    assertThat(status.header("Range")).contains("bytes=0-" + (KIB_256 - 1));
    TestHttp.Answer done =
        putChunk(session, big, KIB_256, big.length, Integer.toString(big.length));
    assertThat(done.json().get("sha256Checksum").getAsString()).isEqualTo(TestHttp.sha256(big));

    JsonObject result =
        batchCreate(null, unusedToken, "later.png")
            .getAsJsonArray("newMediaItemResults")
            .get(0)
            .getAsJsonObject();
    assertThat(result.has("mediaItem")).isTrue();
    assertThat(Files.exists(dataDir.resolve("state.json"))).isTrue();
  }

  @Test
  void restartKeepsShortcutsAndDescriptions() throws IOException {
    String chatA = createFolder("Chat A", null);
    String chatB = createFolder("Chat B", null);
    String target =
        uploadDrive(
                "{\"name\":\"IMG-1.jpg\",\"mimeType\":\"image/jpeg\",\"parents\":[\""
                    + chatA
                    + "\"]}",
                new byte[] {1, 2})
            .get("id")
            .getAsString();
    String shortcut =
        http.postJson(
                "/drive/v3/files",
                "{\"name\":\"IMG-1.jpg\",\"mimeType\":\"application/vnd.google-apps.shortcut\","
                    + "\"parents\":[\""
                    + chatB
                    + "\"],\"appProperties\":{\"chat\":\"B\"},"
                    + "\"shortcutDetails\":{\"targetId\":\""
                    + target
                    + "\"}}")
            .json()
            .get("id")
            .getAsString();
    String album = createAlbum("Chat A");
    String other = createAlbum("Chat B");
    String media =
        batchCreate(album, rawPhotosUpload(pngHeader(1, 1), "image/png"), "p.png")
            .getAsJsonArray("newMediaItemResults")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("mediaItem")
            .get("id")
            .getAsString();
    http.postJson(
        "/v1/albums/" + other + ":batchAddMediaItems", "{\"mediaItemIds\":[\"" + media + "\"]}");
    JsonArray shortcutsBefore = inspect("shortcuts");
    JsonArray itemsBefore = inspect("items");

    restart();
    // twice: the first start replays the journal, the second reads the snapshot it folded into
    restart();

    assertThat(inspect("shortcuts")).isEqualTo(shortcutsBefore);
    assertThat(inspect("items")).isEqualTo(itemsBefore);
    JsonObject got =
        http.get(
                "/drive/v3/files/"
                    + shortcut
                    + "?fields="
                    + TestHttp.enc("id,mimeType,parents,appProperties,shortcutDetails"))
            .json();
    assertThat(got.getAsJsonObject("shortcutDetails").get("targetId").getAsString())
        .isEqualTo(target);
    assertThat(got.getAsJsonObject("shortcutDetails").get("targetMimeType").getAsString())
        .isEqualTo("image/jpeg");
    assertThat(got.getAsJsonObject("appProperties").get("chat").getAsString()).isEqualTo("B");
    JsonObject item = http.get("/v1/mediaItems/" + media).json();
    assertThat(item.get("description").getAsString()).isEqualTo("item 0");
    assertThat(inspect("items").get(1).getAsJsonObject().getAsJsonArray("albumIds"))
        .extracting(e -> e.getAsString())
        .containsExactly(album, other);
  }

  @Test
  void aSecondEmulatorCannotShareTheDataDir() {
    assertThatThrownBy(() -> GoogleEmulator.start(EmulatorConfig.defaults(dataDir)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("in use");
  }

  @Test
  void statsCountRoutesAndUploadBytesAndCanBeReset() {
    createFolder("x", null);
    uploadDrive("{\"name\":\"a\"}", new byte[1000]);
    rawPhotosUpload(new byte[300], "image/jpeg");
    createAlbum("al");
    http.get("/v1/albums");

    JsonObject stats = stats();
    assertThat(stats.get("bytesReceived").getAsLong()).isEqualTo(1300);
    JsonObject requests = stats.getAsJsonObject("requests");
    assertThat(requests.get("drive.files").getAsLong()).isEqualTo(1);
    assertThat(requests.get("drive.upload").getAsLong()).isEqualTo(2);
    assertThat(requests.get("photos.upload").getAsLong()).isEqualTo(1);
    assertThat(requests.get("photos.albums").getAsLong()).isEqualTo(2);
    assertThat(requests.keySet())
        .contains(
            "photos.batchCreate", "photos.mediaItems", "oauth.token", "oauth.auth", "oauth.revoke");

    assertThat(http.post("/__emulator/reset-stats", new byte[0]).status()).isEqualTo(200);
    JsonObject reset = stats();
    assertThat(reset.get("bytesReceived").getAsLong()).isZero();
    assertThat(reset.getAsJsonObject("requests").get("drive.upload").getAsLong()).isZero();
  }

  @Test
  void inspectionItemsHaveTheDocumentedShape() {
    String folder = createFolder("F", null);
    byte[] content = {1, 2, 3};
    uploadDrive(
        "{\"name\":\"d.bin\",\"mimeType\":\"application/zip\",\"parents\":[\"" + folder + "\"]}",
        content);

    JsonObject item = inspect("items").get(0).getAsJsonObject();
    assertThat(item.keySet())
        .containsExactlyInAnyOrder(
            "service",
            "id",
            "name",
            "mimeType",
            "size",
            "sha256",
            "parents",
            "albumIds",
            "createdTime",
            "modifiedTime",
            "space");
    assertThat(item.get("service").getAsString()).isEqualTo("drive");
    assertThat(item.get("space").getAsString()).isEqualTo("drive");
    assertThat(item.get("size").getAsJsonPrimitive().isNumber()).isTrue();
    assertThat(item.get("size").getAsLong()).isEqualTo(3);
    assertThat(item.get("sha256").getAsString()).isEqualTo(TestHttp.sha256(content));
    assertThat(item.getAsJsonArray("parents").get(0).getAsString()).isEqualTo(folder);
    assertThat(item.getAsJsonArray("albumIds")).isEmpty();
    assertThat(inspect("folders").get(0).getAsJsonObject().keySet())
        .containsExactlyInAnyOrder("id", "name", "parents");

    String target = item.get("id").getAsString();
    http.postJson(
        "/drive/v3/files",
        "{\"name\":\"link\",\"mimeType\":\"application/vnd.google-apps.shortcut\","
            + "\"shortcutDetails\":{\"targetId\":\""
            + target
            + "\"}}");
    JsonObject shortcut = inspect("shortcuts").get(0).getAsJsonObject();
    assertThat(shortcut.keySet())
        .containsExactlyInAnyOrder(
            "service",
            "id",
            "name",
            "mimeType",
            "parents",
            "appProperties",
            "trashed",
            "shortcutDetails");
    assertThat(shortcut.getAsJsonObject("shortcutDetails").keySet())
        .containsExactlyInAnyOrder("targetId", "targetMimeType");
    assertThat(inspect("items")).as("a shortcut is not an item: it has no content").hasSize(1);

    batchCreate(null, rawPhotosUpload(pngHeader(1, 1), "image/png"), "p.png");
    JsonObject photo = inspect("items").get(1).getAsJsonObject();
    assertThat(photo.keySet())
        .containsExactlyInAnyOrder(
            "service",
            "id",
            "name",
            "mimeType",
            "size",
            "sha256",
            "parents",
            "albumIds",
            "description",
            "creationTime");
    assertThat(photo.get("service").getAsString()).isEqualTo("photos");
    assertThat(photo.get("description").getAsString()).isEqualTo("item 0");
  }

  @Test
  void unknownRoutesAnswer404() {
    assertThat(http.get("/nothing/here").status()).isEqualTo(404);
    assertThat(http.get("/v1/nothing").json().getAsJsonObject("error").get("status").getAsString())
        .isEqualTo("NOT_FOUND");
    assertThat(http.delete("/v1/albums").status()).isEqualTo(405);
  }
}
