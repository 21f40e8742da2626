package app.wauploader.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.auth.oauth2.AuthorizationCodeTokenRequest;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.RefreshTokenRequest;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.googleapis.media.MediaHttpUploader;
import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.drive.Drive;
import com.google.api.services.drive.model.File;
import com.google.api.services.drive.model.FileList;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Google's own Java clients against the emulator, with only the root URL changed. */
class GoogleClientCompatibilityTest extends EmulatorTestBase {
  private static final String FOLDER = "application/vnd.google-apps.folder";
  private static final String SHORTCUT = "application/vnd.google-apps.shortcut";

  private final NetHttpTransport transport = new NetHttpTransport();
  private Drive drive;
  private String accessToken;

  @Override
  EmulatorConfig config() {
    return EmulatorConfig.defaults(dataDir).withRequireAuth(true);
  }

  @BeforeEach
  void connect() {
    accessToken =
        http.postJson("/__emulator/tokens", "{}").json().get("access_token").getAsString();
    drive =
        new Drive.Builder(
                transport,
                GsonFactory.getDefaultInstance(),
                request -> request.getHeaders().setAuthorization("Bearer " + accessToken))
            .setRootUrl(emulator.baseUri() + "/")
            .setApplicationName("wa-uploader-emulator-test")
            .build();
  }

  @Test
  void driveClientCreatesListsUpdatesAndUploadsResumably() throws Exception {
    File folder =
        drive
            .files()
            .create(new File().setName("WhatsApp").setMimeType(FOLDER).setParents(List.of("root")))
            .setFields("id,name")
            .execute();
    assertThat(folder.getId()).isNotBlank();

    byte[] content = TestHttp.randomBytes(3 * MediaHttpUploader.MINIMUM_CHUNK_SIZE + 12345, 51);
    String sha256 = TestHttp.sha256(content);
    Drive.Files.Create create =
        drive
            .files()
            .create(
                new File()
                    .setName("VID-001.mp4")
                    .setParents(List.of(folder.getId()))
                    .setAppProperties(Map.of("sha256", sha256)),
                new ByteArrayContent("video/mp4", content));
    create
        .getMediaHttpUploader()
        .setDirectUploadEnabled(false)
        .setChunkSize(MediaHttpUploader.MINIMUM_CHUNK_SIZE);
    File uploaded =
        create
            .setFields("id,name,size,md5Checksum,sha256Checksum,appProperties,parents,mimeType")
            .execute();

    assertThat(uploaded.getSize()).isEqualTo(content.length);
    assertThat(uploaded.getSha256Checksum()).isEqualTo(sha256);
    assertThat(uploaded.getMd5Checksum()).isEqualTo(TestHttp.md5(content));
    assertThat(uploaded.getParents()).containsExactly(folder.getId());
    assertThat(stats().getAsJsonObject("requests").get("drive.upload").getAsLong()).isEqualTo(5);

    Drive.Files.Create direct =
        drive
            .files()
            .create(
                new File().setName("note.txt"),
                new ByteArrayContent("text/plain", "hi".getBytes(StandardCharsets.UTF_8)));
    direct.getMediaHttpUploader().setDirectUploadEnabled(true);
    assertThat(direct.execute().getName()).isEqualTo("note.txt");

    FileList found =
        drive
            .files()
            .list()
            .setQ(
                "appProperties has { key='sha256' and value='" + sha256 + "' } and trashed = false")
            .setFields("files(id,name,size,sha256Checksum),nextPageToken")
            .setSpaces("drive")
            .execute();
    assertThat(found.getFiles()).extracting(File::getId).containsExactly(uploaded.getId());

    File renamed =
        drive.files().update(uploaded.getId(), new File().setName("VID-001-renamed.mp4")).execute();
    assertThat(renamed.getName()).isEqualTo("VID-001-renamed.mp4");
    assertThat(drive.files().get(uploaded.getId()).execute().getName())
        .isEqualTo("VID-001-renamed.mp4");
  }

  @Test
  void driveClientCreatesAndReadsAShortcut() throws Exception {
    File chatA = drive.files().create(new File().setName("Chat A").setMimeType(FOLDER)).execute();
    File chatB = drive.files().create(new File().setName("Chat B").setMimeType(FOLDER)).execute();
    File target =
        drive
            .files()
            .create(
                new File().setName("IMG-1.jpg").setParents(List.of(chatA.getId())),
                new ByteArrayContent("image/jpeg", new byte[] {1, 2, 3}))
            .execute();

    File shortcut =
        drive
            .files()
            .create(
                new File()
                    .setName("IMG-1.jpg")
                    .setMimeType(SHORTCUT)
                    .setParents(List.of(chatB.getId()))
                    .setAppProperties(Map.of("sha256", "abc"))
                    .setShortcutDetails(new File.ShortcutDetails().setTargetId(target.getId())))
            .setFields("id,name,mimeType,parents,appProperties,shortcutDetails")
            .execute();
    assertThat(shortcut.getMimeType()).isEqualTo(SHORTCUT);
    assertThat(shortcut.getParents()).containsExactly(chatB.getId());
    assertThat(shortcut.getShortcutDetails().getTargetId()).isEqualTo(target.getId());
    assertThat(shortcut.getShortcutDetails().getTargetMimeType()).isEqualTo("image/jpeg");

    File got = drive.files().get(shortcut.getId()).setFields("id,shortcutDetails,size").execute();
    assertThat(got.getShortcutDetails().getTargetId()).isEqualTo(target.getId());
    assertThat(got.getSize()).isNull();
    assertThat(drive.files().get(shortcut.getId()).execute().getShortcutDetails())
        .as("not a default field")
        .isNull();

    FileList listed =
        drive
            .files()
            .list()
            .setQ("mimeType = '" + SHORTCUT + "' and '" + chatB.getId() + "' in parents")
            .setFields("files(id,shortcutDetails)")
            .execute();
    assertThat(listed.getFiles()).extracting(File::getId).containsExactly(shortcut.getId());
    assertThat(listed.getFiles().get(0).getShortcutDetails().getTargetId())
        .isEqualTo(target.getId());

    assertThatThrownBy(
            () ->
                drive
                    .files()
                    .create(
                        new File()
                            .setName("broken")
                            .setMimeType(SHORTCUT)
                            .setShortcutDetails(
                                new File.ShortcutDetails().setTargetId("noSuchFile")))
                    .execute())
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(404);
              assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("notFound");
              assertThat(e.getDetails().getMessage()).isEqualTo("File not found: noSuchFile.");
            });
  }

  @Test
  void driveClientSeesGoogleJsonErrors() {
    assertThatThrownBy(() -> drive.files().get("missing").execute())
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(404);
              assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("notFound");
            });

    addFaults("[{\"route\":\"drive.files\",\"status\":403,\"reason\":\"userRateLimitExceeded\"}]");
    assertThatThrownBy(() -> drive.files().list().execute())
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(403);
              assertThat(e.getDetails().getErrors().get(0).getDomain()).isEqualTo("usageLimits");
              assertThat(e.getDetails().getErrors().get(0).getReason())
                  .isEqualTo("userRateLimitExceeded");
            });

    accessToken = "expired-or-forged";
    assertThatThrownBy(() -> drive.files().list().execute())
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(401));
  }

  @Test
  void oauthClientExchangesCodesAndRefreshes() throws Exception {
    String verifier = "a-verifier-that-is-long-enough-to-be-valid-0123456789";
    String challenge =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    String redirect = "http://127.0.0.1:45678";
    TestHttp.Answer approval =
        http.get(
            "/o/oauth2/v2/auth?client_id=desktop&redirect_uri="
                + TestHttp.enc(redirect)
                + "&response_type=code&scope="
                + TestHttp.enc("https://www.googleapis.com/auth/drive.file")
                + "&state=s1&code_challenge="
                + challenge
                + "&code_challenge_method=S256&access_type=offline");
    String query = URI.create(approval.header("Location").orElseThrow()).getRawQuery();
    String code =
        URLDecoder.decode(query.split("&")[0].substring("code=".length()), StandardCharsets.UTF_8);

    ClientParametersAuthentication client = new ClientParametersAuthentication("desktop", "secret");
    TokenResponse tokens =
        new AuthorizationCodeTokenRequest(
                transport,
                GsonFactory.getDefaultInstance(),
                new GenericUrl(emulator.baseUri() + "/token"),
                code)
            .setRedirectUri(redirect)
            .setClientAuthentication(client)
            .set("code_verifier", verifier)
            .execute();
    assertThat(tokens.getRefreshToken()).isNotBlank();
    assertThat(tokens.getExpiresInSeconds()).isEqualTo(3600L);

    TokenResponse refreshed =
        new RefreshTokenRequest(
                transport,
                GsonFactory.getDefaultInstance(),
                new GenericUrl(emulator.baseUri() + "/token"),
                tokens.getRefreshToken())
            .setClientAuthentication(client)
            .execute();
    accessToken = refreshed.getAccessToken();
    assertThat(drive.files().list().execute().getFiles()).isEmpty();

    http.post("/__emulator/tokens/revoke-all", new byte[0]);
    assertThatThrownBy(
            () ->
                new RefreshTokenRequest(
                        transport,
                        GsonFactory.getDefaultInstance(),
                        new GenericUrl(emulator.baseUri() + "/token"),
                        tokens.getRefreshToken())
                    .setClientAuthentication(client)
                    .execute())
        .isInstanceOfSatisfying(
            TokenResponseException.class,
            e -> assertThat(e.getDetails().getError()).isEqualTo("invalid_grant"));
  }
}
