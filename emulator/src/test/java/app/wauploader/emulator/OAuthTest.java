package app.wauploader.emulator;

import static app.wauploader.emulator.TestHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class OAuthTest extends EmulatorTestBase {
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-verifier";
  private static final String REDIRECT = "http://127.0.0.1:8765/callback";
  private static final String SCOPE =
      "https://www.googleapis.com/auth/drive.file"
          + " https://www.googleapis.com/auth/photoslibrary.appendonly";

  @Override
  EmulatorConfig config() {
    return EmulatorConfig.defaults(dataDir).withRequireAuth(true).withTokenTtl(600);
  }

  private static String challenge(String verifier) throws Exception {
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
  }

  private TestHttp.Answer authorize(String clientId, String redirect, String challenge) {
    return http.get(
        "/o/oauth2/v2/auth?client_id="
            + enc(clientId)
            + "&redirect_uri="
            + enc(redirect)
            + "&response_type=code&scope="
            + enc(SCOPE)
            + "&state=xyz"
            + (challenge == null
                ? ""
                : "&code_challenge=" + challenge + "&code_challenge_method=S256")
            + "&access_type=offline");
  }

  private String codeFrom(TestHttp.Answer redirect) {
    assertThat(redirect.status()).as(redirect.text()).isEqualTo(302);
    URI location = URI.create(redirect.header("Location").orElseThrow());
    assertThat(location.getQuery()).contains("state=xyz");
    for (String pair : location.getRawQuery().split("&")) {
      if (pair.startsWith("code=")) {
        return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no code in " + location);
  }

  private TestHttp.Answer token(String form) {
    return http.post(
        "/token",
        form.getBytes(StandardCharsets.UTF_8),
        "Content-Type",
        "application/x-www-form-urlencoded");
  }

  private TestHttp.Answer exchange(String code, String verifier, String clientId, String secret) {
    return token(
        "grant_type=authorization_code&code="
            + enc(code)
            + "&code_verifier="
            + enc(verifier)
            + "&redirect_uri="
            + enc(REDIRECT)
            + "&client_id="
            + enc(clientId)
            + "&client_secret="
            + enc(secret));
  }

  private TestHttp.Answer refresh(String refreshToken) {
    return token(
        "grant_type=refresh_token&refresh_token="
            + enc(refreshToken)
            + "&client_id=app&client_secret=s3cret");
  }

  private int driveStatus(String accessToken) {
    return accessToken == null
        ? http.get("/drive/v3/files").status()
        : http.get("/drive/v3/files", "Authorization", "Bearer " + accessToken).status();
  }

  @Test
  void codeFlowWithPkceGivesTokensThatOpenTheApis() throws Exception {
    TestHttp.Answer redirect = authorize("app", REDIRECT, challenge(VERIFIER));
    assertThat(redirect.header("Location").orElseThrow()).startsWith(REDIRECT + "?code=");
    String code = codeFrom(redirect);

    TestHttp.Answer answer = exchange(code, VERIFIER, "app", "s3cret");

    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith("application/json");
    JsonObject tokens = answer.json();
    assertThat(tokens.get("token_type").getAsString()).isEqualTo("Bearer");
    assertThat(tokens.get("expires_in").getAsLong()).isEqualTo(600);
    assertThat(tokens.get("scope").getAsString()).isEqualTo(SCOPE);
    assertThat(tokens.get("refresh_token").getAsString()).isNotBlank();
    String access = tokens.get("access_token").getAsString();
    assertThat(driveStatus(access)).isEqualTo(200);
    assertThat(
            http.post(
                    "/v1/albums",
                    "{\"album\":{\"title\":\"A\"}}".getBytes(StandardCharsets.UTF_8),
                    "Content-Type",
                    "application/json",
                    "Authorization",
                    "Bearer " + access)
                .status())
        .isEqualTo(200);
    assertThat(http.get("/__emulator/items").status()).isEqualTo(200);

    TestHttp.Answer reused = exchange(code, VERIFIER, "app", "s3cret");
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.json().get("error").getAsString()).isEqualTo("invalid_grant");
    assertThat(stats().getAsJsonObject("requests").get("oauth.auth").getAsLong()).isEqualTo(1);
    assertThat(stats().getAsJsonObject("requests").get("oauth.token").getAsLong()).isEqualTo(2);
  }

  @Test
  void wrongVerifierIsInvalidGrant() throws Exception {
    String code = codeFrom(authorize("app", REDIRECT, challenge(VERIFIER)));
    TestHttp.Answer answer = exchange(code, VERIFIER.replace('d', 'e'), "app", "s3cret");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").getAsString()).isEqualTo("invalid_grant");
    assertThat(answer.json().get("error_description").getAsString()).isNotBlank();
  }

  @Test
  void authorizationRequestsAreValidated() throws Exception {
    TestHttp.Answer notLoopback = authorize("app", "https://example.com/cb", challenge(VERIFIER));
    assertThat(notLoopback.status()).isEqualTo(400);
    assertThat(notLoopback.text()).contains("invalid_request");
    assertThat(authorize("app", REDIRECT, null).status()).isEqualTo(400);
    assertThat(codeFrom(authorize("app", "http://localhost:9999", challenge(VERIFIER))))
        .isNotBlank();

    http.postJson(
        "/__emulator/clients", "{\"client_id\":\"registered\",\"client_secret\":\"s3cret\"}");
    assertThat(authorize("app", REDIRECT, challenge(VERIFIER)).status()).isEqualTo(401);
    String code = codeFrom(authorize("registered", REDIRECT, challenge(VERIFIER)));
    TestHttp.Answer wrongSecret = exchange(code, VERIFIER, "registered", "nope");
    assertThat(wrongSecret.status()).isEqualTo(401);
    assertThat(wrongSecret.json().get("error").getAsString()).isEqualTo("invalid_client");
    assertThat(exchange(code, VERIFIER, "registered", "s3cret").status()).isEqualTo(200);
  }

  @Test
  void anAndroidClientRedirectsToItsReversedIdAndNeedsNoSecret() throws Exception {
    String client = "1234-abc.apps.googleusercontent.com";
    String redirect = "com.googleusercontent.apps.1234-abc:/oauth2redirect";
    TestHttp.Answer answer = authorize(client, redirect, challenge(VERIFIER));
    assertThat(answer.header("Location").orElseThrow()).startsWith(redirect + "?code=");
    TestHttp.Answer tokens =
        token(
            "grant_type=authorization_code&code="
                + enc(codeFrom(answer))
                + "&code_verifier="
                + enc(VERIFIER)
                + "&redirect_uri="
                + enc(redirect)
                + "&client_id="
                + enc(client));
    assertThat(tokens.status()).as(tokens.text()).isEqualTo(200);
    assertThat(tokens.json().has("refresh_token")).isTrue();

    // Another client's scheme, a host after the scheme, or a plain id are refused.
    for (String wrong :
        new String[] {
          "com.googleusercontent.apps.9999-xyz:/oauth2redirect",
          "com.googleusercontent.apps.1234-abc://oauth2redirect",
          "com.googleusercontent.apps.1234-abc:oauth2redirect"
        }) {
      assertThat(authorize(client, wrong, challenge(VERIFIER)).status()).as(wrong).isEqualTo(400);
    }
    assertThat(authorize("app", "com.googleusercontent.apps.app:/cb", challenge(VERIFIER)).status())
        .isEqualTo(400);
  }

  @Test
  void refreshGivesANewAccessTokenAndRevocationEndsBoth() throws Exception {
    JsonObject tokens =
        exchange(
                codeFrom(authorize("app", REDIRECT, challenge(VERIFIER))),
                VERIFIER,
                "app",
                "s3cret")
            .json();
    String refreshToken = tokens.get("refresh_token").getAsString();

    TestHttp.Answer refreshed = refresh(refreshToken);
    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(refreshed.json().has("refresh_token")).isFalse();
    String access = refreshed.json().get("access_token").getAsString();
    assertThat(access).isNotEqualTo(tokens.get("access_token").getAsString());
    assertThat(driveStatus(access)).isEqualTo(200);

    assertThat(http.post("/revoke?token=" + enc(refreshToken), new byte[0]).status())
        .isEqualTo(200);
    assertThat(driveStatus(access)).isEqualTo(401);
    assertThat(driveStatus(tokens.get("access_token").getAsString())).isEqualTo(401);
    TestHttp.Answer afterRevoke = refresh(refreshToken);
    assertThat(afterRevoke.status()).isEqualTo(400);
    assertThat(afterRevoke.json().get("error").getAsString()).isEqualTo("invalid_grant");
    assertThat(stats().getAsJsonObject("requests").get("oauth.revoke").getAsLong()).isEqualTo(1);
  }

  @Test
  void revokeAllMakesRefreshFailWithInvalidGrant() {
    JsonObject minted = http.postJson("/__emulator/tokens", "{\"client_id\":\"app\"}").json();
    String access = minted.get("access_token").getAsString();
    assertThat(driveStatus(access)).isEqualTo(200);

    assertThat(http.post("/__emulator/tokens/revoke-all", new byte[0]).status()).isEqualTo(200);

    assertThat(driveStatus(access)).isEqualTo(401);
    assertThat(refresh(minted.get("refresh_token").getAsString()).json().get("error").getAsString())
        .isEqualTo("invalid_grant");
  }

  @Test
  void apiCallsWithoutAValidTokenGet401InEachServicesShape() {
    TestHttp.Answer drive = http.get("/drive/v3/files");
    assertThat(drive.status()).isEqualTo(401);
    assertThat(drive.contentType()).isEqualTo("application/json; charset=UTF-8");
    assertThat(
            drive
                .json()
                .getAsJsonObject("error")
                .getAsJsonArray("errors")
                .get(0)
                .getAsJsonObject()
                .get("reason")
                .getAsString())
        .isEqualTo("authError");
    TestHttp.Answer photos =
        http.post("/v1/uploads", new byte[10], "Authorization", "Bearer forged");
    assertThat(photos.status()).isEqualTo(401);
    assertThat(photos.json().getAsJsonObject("error").get("status").getAsString())
        .isEqualTo("UNAUTHENTICATED");
    assertThat(inspect("items")).isEmpty();
  }

  @Test
  void accessTokensExpireAfterTheirTtl() {
    JsonObject minted = http.postJson("/__emulator/tokens", "{}").json();
    String access = minted.get("access_token").getAsString();
    assertThat(driveStatus(access)).isEqualTo(200);
    http.postJson("/__emulator/clock/advance", "{\"seconds\":601}");
    assertThat(driveStatus(access)).isEqualTo(401);
    JsonObject refreshed =
        token(
                "grant_type=refresh_token&refresh_token="
                    + enc(minted.get("refresh_token").getAsString())
                    + "&client_id=emulator-client")
            .json();
    assertThat(driveStatus(refreshed.get("access_token").getAsString())).isEqualTo(200);
  }
}
