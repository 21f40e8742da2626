package app.wauploader.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Set-up mistakes (API not enabled, a scope the user unticked) and the daily quota, answered in
 * Google's shapes: as faults, and (scopes) as real checks under {@code requireAuth}.
 */
class SetupAndQuotaErrorsTest extends EmulatorTestBase {
  private static final String DRIVE_FILE = "https://www.googleapis.com/auth/drive.file";
  private static final String APPEND = "https://www.googleapis.com/auth/photoslibrary.appendonly";
  private static final String READ_APP =
      "https://www.googleapis.com/auth/photoslibrary.readonly.appcreateddata";

  private static JsonObject errorInfo(JsonObject error) {
    JsonObject info = error.getAsJsonArray("details").get(0).getAsJsonObject();
    assertThat(info.get("@type").getAsString())
        .isEqualTo("type.googleapis.com/google.rpc.ErrorInfo");
    return info;
  }

  @Test
  void aDisabledPhotosApiAnswers403ServiceDisabled() {
    addFaults("[{\"route\":\"photos.albums\",\"action\":\"serviceDisabled\"}]");

    TestHttp.Answer answer = http.get("/v1/albums");

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.contentType()).startsWith("application/json");
    JsonObject error = answer.json().getAsJsonObject("error");
    assertThat(error.get("code").getAsInt()).isEqualTo(403);
    assertThat(error.get("status").getAsString()).isEqualTo("PERMISSION_DENIED");
    assertThat(error.get("message").getAsString())
        .startsWith("Photos Library API has not been used in project ")
        .contains("before or it is disabled");
    JsonObject info = errorInfo(error);
    assertThat(info.get("reason").getAsString()).isEqualTo("SERVICE_DISABLED");
    assertThat(info.get("domain").getAsString()).isEqualTo("googleapis.com");
    assertThat(info.getAsJsonObject("metadata").get("service").getAsString())
        .isEqualTo("photoslibrary.googleapis.com");
    assertThat(http.get("/v1/albums").status()).isEqualTo(200);
  }

  @Test
  void aDisabledDriveApiAnswersAccessNotConfigured() {
    addFaults("[{\"route\":\"*\",\"action\":\"serviceDisabled\"}]");

    TestHttp.Answer answer = http.get("/drive/v3/files");

    assertThat(answer.status()).isEqualTo(403);
    JsonObject error = answer.json().getAsJsonObject("error");
    assertThat(error.get("message").getAsString())
        .startsWith("Google Drive API has not been used in project ");
    JsonObject legacy = error.getAsJsonArray("errors").get(0).getAsJsonObject();
    assertThat(legacy.get("reason").getAsString()).isEqualTo("accessNotConfigured");
    assertThat(legacy.get("domain").getAsString()).isEqualTo("usageLimits");
    assertThat(error.get("status").getAsString()).isEqualTo("PERMISSION_DENIED");
    assertThat(errorInfo(error).get("reason").getAsString()).isEqualTo("SERVICE_DISABLED");
  }

  @Test
  void insufficientScopeFaultsAnswerBothGoogleForms() {
    addFaults(
        "[{\"route\":\"photos.batchCreate\",\"action\":\"insufficientScope\"},"
            + "{\"route\":\"photos.upload\",\"action\":\"insufficientScope\"}]");

    TestHttp.Answer create = http.postJson("/v1/mediaItems:batchCreate", "{\"newMediaItems\":[]}");
    assertThat(create.status()).isEqualTo(403);
    JsonObject error = create.json().getAsJsonObject("error");
    assertThat(error.get("message").getAsString())
        .isEqualTo("Request had insufficient authentication scopes.");
    assertThat(error.get("status").getAsString()).isEqualTo("PERMISSION_DENIED");
    assertThat(errorInfo(error).get("reason").getAsString())
        .isEqualTo("ACCESS_TOKEN_SCOPE_INSUFFICIENT");

    TestHttp.Answer upload =
        http.post("/v1/uploads", pngHeader(1, 1), "X-Goog-Upload-Protocol", "raw");
    assertUploadSessionNotDefined(upload);
  }

  private static void assertUploadSessionNotDefined(TestHttp.Answer upload) {
    assertThat(upload.status()).isEqualTo(401);
    JsonObject bare = JsonParser.parseString(upload.text()).getAsJsonObject();
    assertThat(bare.get("code").getAsInt()).isEqualTo(16);
    assertThat(bare.get("message").getAsString())
        .isEqualTo("Authentication session is not defined.");
    assertThat(bare.has("error")).isFalse();
  }

  @Test
  void dailyQuotaAlternatesBothMessageFormsWithErrorInfo() {
    addFaults("[{\"route\":\"photos.upload\",\"action\":\"dailyQuota\",\"times\":2}]");
    String[] limits = {"All requests per day", "ApiCallsPerProjectPerDay"};
    for (String limit : limits) {
      TestHttp.Answer answer =
          http.post("/v1/uploads", pngHeader(1, 1), "X-Goog-Upload-Protocol", "raw");
      assertThat(answer.status()).isEqualTo(429);
      JsonObject error = answer.json().getAsJsonObject("error");
      assertThat(error.get("code").getAsInt()).isEqualTo(429);
      assertThat(error.get("status").getAsString()).isEqualTo("RESOURCE_EXHAUSTED");
      assertThat(error.get("message").getAsString())
          .startsWith("Quota exceeded for quota metric '")
          .contains("limit '" + limit + "'")
          .contains("photoslibrary.googleapis.com");
      JsonObject info = errorInfo(error);
      assertThat(info.get("reason").getAsString()).isEqualTo("RATE_LIMIT_EXCEEDED");
      assertThat(info.get("domain").getAsString()).isEqualTo("googleapis.com");
      JsonObject metadata = info.getAsJsonObject("metadata");
      assertThat(metadata.get("quota_limit").getAsString()).contains("PerDay");
      assertThat(metadata.get("quota_metric").getAsString()).isNotBlank();
    }
    assertThat(http.post("/v1/uploads", pngHeader(1, 1), "X-Goog-Upload-Protocol", "raw").status())
        .isEqualTo(200);
  }

  @Test
  void dailyQuotaFormCanBeFixed() {
    addFaults(
        "[{\"route\":\"photos.batchCreate\",\"action\":\"dailyQuota\",\"times\":2,"
            + "\"form\":\"apiCallsPerProjectPerDay\"}]");
    for (int i = 0; i < 2; i++) {
      TestHttp.Answer answer =
          http.postJson("/v1/mediaItems:batchCreate", "{\"newMediaItems\":[]}");
      assertThat(answer.json().getAsJsonObject("error").get("message").getAsString())
          .contains("'ApiCallsPerProjectPerDay'");
    }
    TestHttp.Answer bad =
        http.postJson(
            "/__emulator/faults", "[{\"route\":\"drive.files\",\"action\":\"dailyQuota\"}]");
    assertThat(bad.status()).isEqualTo(400);
  }

  @Test
  void withRequireAuthEachRouteNeedsOneOfItsScopes() throws IOException {
    emulator.close();
    start(config().withRequireAuth(true));
    String driveOnly = mint(DRIVE_FILE);
    String appendOnly = mint(APPEND);
    String both = mint(DRIVE_FILE + " " + APPEND + " " + READ_APP);

    assertThat(http.get("/drive/v3/files", "Authorization", "Bearer " + driveOnly).status())
        .isEqualTo(200);
    assertUploadSessionNotDefined(
        http.post(
            "/v1/uploads",
            pngHeader(1, 1),
            "X-Goog-Upload-Protocol",
            "raw",
            "Authorization",
            "Bearer " + driveOnly));
    TestHttp.Answer create =
        http.postJson(
            "/v1/mediaItems:batchCreate",
            "{\"newMediaItems\":[]}",
            "Authorization",
            "Bearer " + driveOnly);
    assertThat(create.status()).isEqualTo(403);
    assertThat(create.header("WWW-Authenticate")).get().asString().contains("insufficient_scope");
    assertThat(create.json().getAsJsonObject("error").get("message").getAsString())
        .isEqualTo("Request had insufficient authentication scopes.");

    TestHttp.Answer driveWithPhotosToken =
        http.get("/drive/v3/files", "Authorization", "Bearer " + appendOnly);
    assertThat(driveWithPhotosToken.status()).isEqualTo(403);
    JsonObject driveError = driveWithPhotosToken.json().getAsJsonObject("error");
    assertThat(
            driveError
                .getAsJsonArray("errors")
                .get(0)
                .getAsJsonObject()
                .get("reason")
                .getAsString())
        .isEqualTo("insufficientPermissions");
    assertThat(errorInfo(driveError).get("reason").getAsString())
        .isEqualTo("ACCESS_TOKEN_SCOPE_INSUFFICIENT");

    assertThat(
            http.postJson(
                    "/v1/albums",
                    "{\"album\":{\"title\":\"A\"}}",
                    "Authorization",
                    "Bearer " + appendOnly)
                .status())
        .isEqualTo(200);
    assertThat(http.get("/v1/albums", "Authorization", "Bearer " + appendOnly).status())
        .as("listing needs readonly.appcreateddata or edit.appcreateddata")
        .isEqualTo(403);
    assertThat(http.get("/v1/albums", "Authorization", "Bearer " + both).status()).isEqualTo(200);
    assertThat(http.get("/v1/albums").status()).as("no token at all").isEqualTo(401);
  }

  @Test
  void anAlbumMadeByAnotherClientIsForbiddenUnderRequireAuth() throws IOException {
    emulator.close();
    start(config().withRequireAuth(true));
    String old = mint("old-client", APPEND + " " + READ_APP);
    String current = mint("new-client", APPEND + " " + READ_APP);
    String album =
        http.postJson(
                "/v1/albums", "{\"album\":{\"title\":\"A\"}}", "Authorization", "Bearer " + old)
            .json()
            .get("id")
            .getAsString();

    assertThat(http.get("/v1/albums/" + album, "Authorization", "Bearer " + old).status())
        .isEqualTo(200);
    TestHttp.Answer other = http.get("/v1/albums/" + album, "Authorization", "Bearer " + current);
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.json().getAsJsonObject("error").get("status").getAsString())
        .isEqualTo("PERMISSION_DENIED");
  }

  private String mint(String scope) {
    return mint("emulator-client", scope);
  }

  private String mint(String clientId, String scope) {
    TestHttp.Answer answer =
        http.post(
            "/__emulator/tokens",
            ("{\"client_id\":\"" + clientId + "\",\"scope\":\"" + scope + "\"}")
                .getBytes(StandardCharsets.UTF_8),
            "Content-Type",
            "application/json");
    assertThat(answer.status()).isEqualTo(200);
    return answer.json().get("access_token").getAsString();
  }
}
