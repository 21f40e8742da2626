package app.wauploader.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.drive.Drive;
import com.google.api.services.drive.model.File;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Drive's application data folder
 * (https://developers.google.com/workspace/drive/api/guides/appdata) through Google's own Drive
 * client: its own space, its own scope, the app's own files.
 */
class AppDataFolderTest extends EmulatorTestBase {
  private static final String AUTH = "https://www.googleapis.com/auth/";
  private static final String APPDATA = AUTH + "drive.appdata";
  private static final String FILE = AUTH + "drive.file";

  @Override
  EmulatorConfig config() {
    return EmulatorConfig.defaults(dataDir).withRequireAuth(true);
  }

  private Drive drive(String scope) {
    String token =
        http.post(
                "/__emulator/tokens",
                ("{\"client_id\":\"emulator-client\",\"scope\":\"" + scope + "\"}")
                    .getBytes(StandardCharsets.UTF_8),
                "Content-Type",
                "application/json")
            .json()
            .get("access_token")
            .getAsString();
    return new Drive.Builder(
            new NetHttpTransport(),
            GsonFactory.getDefaultInstance(),
            request -> request.getHeaders().setAuthorization("Bearer " + token))
        .setRootUrl(emulator.baseUri() + "/")
        .setApplicationName("wa-uploader-emulator-test")
        .build();
  }

  private static File createIn(Drive drive, String parent, String name, byte[] content)
      throws IOException {
    Drive.Files.Create create =
        drive
            .files()
            .create(
                new File()
                    .setName(name)
                    .setParents(List.of(parent))
                    .setAppProperties(Map.of("catalogDevice", "d1")),
                new ByteArrayContent("application/gzip", content))
            .setFields("id,name,parents");
    create.getMediaHttpUploader().setDirectUploadEnabled(true);
    return create.execute();
  }

  @Test
  void appDataFilesAreListedOnlyInTheirOwnSpace() throws Exception {
    Drive drive = drive(FILE + " " + APPDATA);
    File hidden = createIn(drive, "appDataFolder", "catalog-d1-v000001.json.gz", new byte[] {1, 2});
    File visible = createIn(drive, "root", "IMG-1.jpg", new byte[] {3});

    List<File> inDrive = drive.files().list().setFields("files(id)").execute().getFiles();
    assertThat(inDrive).extracting(File::getId).containsExactly(visible.getId());
    List<File> inAppData =
        drive.files().list().setSpaces("appDataFolder").setFields("files(id)").execute().getFiles();
    assertThat(inAppData).extracting(File::getId).containsExactly(hidden.getId());
    List<File> both =
        drive
            .files()
            .list()
            .setSpaces("drive,appDataFolder")
            .setFields("files(id)")
            .execute()
            .getFiles();
    assertThat(both).hasSize(2);
    List<File> byParent =
        drive
            .files()
            .list()
            .setSpaces("appDataFolder")
            .setQ("'appDataFolder' in parents")
            .setFields("files(id)")
            .execute()
            .getFiles();
    assertThat(byParent).extracting(File::getId).containsExactly(hidden.getId());

    ByteArrayOutputStream read = new ByteArrayOutputStream();
    drive.files().get(hidden.getId()).executeMediaAndDownloadTo(read);
    assertThat(read.toByteArray()).containsExactly(1, 2);
  }

  @Test
  void theAppDataFolderNeedsTheDriveAppdataScope() throws Exception {
    Drive fileOnly = drive(FILE);
    GoogleJsonResponseException create =
        (GoogleJsonResponseException)
            catchThrowable(() -> createIn(fileOnly, "appDataFolder", "c.json.gz", new byte[] {1}));
    assertThat(create.getStatusCode()).isEqualTo(403);
    assertThat(create.getDetails().getMessage())
        .isEqualTo("The granted scopes do not give access to all of the requested spaces.");
    assertThat(create.getDetails().getErrors().get(0).getReason())
        .isEqualTo("insufficientPermissions");
    GoogleJsonResponseException list =
        (GoogleJsonResponseException)
            catchThrowable(() -> fileOnly.files().list().setSpaces("appDataFolder").execute());
    assertThat(list.getStatusCode()).isEqualTo(403);
    assertThat(list.getDetails().getMessage())
        .isEqualTo("The granted scopes do not give access to all of the requested spaces.");

    Drive appDataOnly = drive(APPDATA);
    File hidden = createIn(appDataOnly, "appDataFolder", "c.json.gz", new byte[] {1});
    assertThat(appDataOnly.files().list().setSpaces("appDataFolder").execute().getFiles())
        .hasSize(1);
    assertThatThrownBy(() -> appDataOnly.files().list().execute())
        .as("the default space is drive, which drive.appdata does not cover")
        .isInstanceOf(GoogleJsonResponseException.class)
        .satisfies(
            e -> assertThat(((GoogleJsonResponseException) e).getStatusCode()).isEqualTo(403));
    assertThatThrownBy(() -> fileOnly.files().get(hidden.getId()).execute())
        .isInstanceOf(GoogleJsonResponseException.class);
  }

  @Test
  void appDataFilesCannotBeTrashedNorMovedToMyDrive() throws Exception {
    Drive drive = drive(FILE + " " + APPDATA);
    File hidden = createIn(drive, "appDataFolder", "c.json.gz", new byte[] {1});
    GoogleJsonResponseException trash =
        (GoogleJsonResponseException)
            catchThrowable(
                () -> drive.files().update(hidden.getId(), new File().setTrashed(true)).execute());
    assertThat(trash.getStatusCode()).isEqualTo(403);
    assertThat(trash.getDetails().getErrors().get(0).getReason())
        .isEqualTo("notSupportedForAppDataFolderFiles");
    GoogleJsonResponseException move =
        (GoogleJsonResponseException)
            catchThrowable(
                () ->
                    drive
                        .files()
                        .update(hidden.getId(), new File())
                        .setAddParents("root")
                        .execute());
    assertThat(move.getDetails().getErrors().get(0).getReason())
        .isEqualTo("notSupportedForAppDataFolderFiles");
    drive.files().delete(hidden.getId()).execute();
    assertThat(drive.files().list().setSpaces("appDataFolder").execute().getFiles()).isEmpty();
  }

  @Test
  void inspectionShowsAppDataFilesApartWithTheirSpace() throws Exception {
    Drive drive = drive(FILE + " " + APPDATA);
    createIn(drive, "root", "IMG-1.jpg", new byte[] {9});
    long media = http.get("/__emulator/stats").json().get("bytesReceived").getAsLong();
    createIn(drive, "appDataFolder", "catalog-d1-v000001.json.gz", new byte[] {1, 2, 3, 4});

    JsonArray items = http.get("/__emulator/items").jsonArray();
    assertThat(items).hasSize(1);
    assertThat(items.get(0).getAsJsonObject().get("space").getAsString()).isEqualTo("drive");
    JsonArray hidden = http.get("/__emulator/items?space=appDataFolder").jsonArray();
    assertThat(hidden).hasSize(1);
    JsonObject file = hidden.get(0).getAsJsonObject();
    assertThat(file.get("space").getAsString()).isEqualTo("appDataFolder");
    assertThat(file.get("name").getAsString()).isEqualTo("catalog-d1-v000001.json.gz");
    assertThat(file.getAsJsonObject("appProperties").get("catalogDevice").getAsString())
        .isEqualTo("d1");
    assertThat(http.get("/__emulator/items?space=all").jsonArray()).hasSize(2);

    JsonObject stats = http.get("/__emulator/stats").json();
    assertThat(stats.get("bytesReceived").getAsLong()).as("media bytes only").isEqualTo(media);
    assertThat(stats.get("appDataBytesReceived").getAsLong()).isGreaterThan(4);
  }

  private static Throwable catchThrowable(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(t).isInstanceOf(GoogleJsonResponseException.class);
    return t;
  }
}
