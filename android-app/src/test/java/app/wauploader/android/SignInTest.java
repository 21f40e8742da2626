package app.wauploader.android;

import static org.assertj.core.api.Assertions.assertThat;
import static org.robolectric.Shadows.shadowOf;

import android.content.Intent;
import android.content.pm.ResolveInfo;
import android.net.Uri;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;

/**
 * The sign-in round trip against the emulator's OAuth: the app opens the consent URL in the
 * browser, the test follows it as the browser would, Google's redirect comes back to the redirect
 * Activity through the manifest's intent filter, the code is exchanged with PKCE and no secret, and
 * the tokens are stored owner-only and open the APIs.
 */
@RunWith(RobolectricTestRunner.class)
public class SignInTest {
  private AppFixture fixture;

  @Before
  public void start() throws Exception {
    fixture = new AppFixture();
  }

  @After
  public void stop() throws Exception {
    fixture.close();
  }

  @Test
  public void theBrowserRoundTripStoresTokensThatWork() throws Exception {
    Robolectric.buildActivity(SignInActivity.class).setup();
    Intent browser = shadowOf(fixture.app).getNextStartedActivity();
    assertThat(browser.getAction()).isEqualTo(Intent.ACTION_VIEW);
    Uri consent = browser.getData();
    assertThat(consent.getQueryParameter("code_challenge_method")).isEqualTo("S256");
    assertThat(consent.getQueryParameter("client_secret")).isNull();
    AppSettings settings = new AppSettings(fixture.app);
    assertThat(consent.getQueryParameter("redirect_uri")).isEqualTo(settings.redirectUri());

    // The browser's part: Google (the emulator) answers with a redirect to the app's scheme.
    HttpURLConnection c = (HttpURLConnection) new URL(consent.toString()).openConnection();
    c.setInstanceFollowRedirects(false);
    assertThat(c.getResponseCode()).isEqualTo(302);
    Uri redirect = Uri.parse(c.getHeaderField("Location"));
    assertThat(redirect.getScheme()).startsWith("com.googleusercontent.apps.");

    // Android hands that URI to the redirect Activity (the manifest's intent filter).
    Intent view = new Intent(Intent.ACTION_VIEW, redirect).addCategory(Intent.CATEGORY_BROWSABLE);
    ResolveInfo handler = fixture.app.getPackageManager().resolveActivity(view, 0);
    assertThat(handler).isNotNull();
    assertThat(handler.activityInfo.name).isEqualTo(OAuthRedirectActivity.class.getName());

    OAuthRedirectActivity activity =
        Robolectric.buildActivity(OAuthRedirectActivity.class, view).setup().get();
    AppFixture.await(
        () -> !activity.message().getText().toString().equals("Signing in…"),
        Duration.ofSeconds(20));
    assertThat(activity.message().getText().toString()).isEqualTo("Signed in.");

    TokenFile file = AppEnvironment.tokenFile(fixture.app);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.file())))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file.file())).contains("refresh_token");
    String access =
        new AndroidTokens(
                file, settings.clientId(), settings.endpoints().tokenUrl(), Clock.systemUTC())
            .current()
            .orElseThrow();
    HttpURLConnection drive =
        (HttpURLConnection)
            new URL(fixture.emulator.baseUri().resolve("/drive/v3/files").toString())
                .openConnection();
    drive.setRequestProperty("Authorization", "Bearer " + access);
    assertThat(drive.getResponseCode()).isEqualTo(200);

    // The answer is good once: the same redirect again is refused (state no longer pending).
    OAuthRedirectActivity replay =
        Robolectric.buildActivity(OAuthRedirectActivity.class, view).setup().get();
    AppFixture.await(
        () -> !replay.message().getText().toString().equals("Signing in…"), Duration.ofSeconds(20));
    assertThat(replay.message().getText().toString()).contains("sign in again");
  }

  @Test
  public void aRenewalGoogleRefusesAsksToSignInAgain() throws Exception {
    fixture.signedIn();
    AppSettings settings = new AppSettings(fixture.app);
    AndroidTokens tokens =
        new AndroidTokens(
            AppEnvironment.tokenFile(fixture.app),
            settings.clientId(),
            settings.endpoints().tokenUrl(),
            Clock.systemUTC());
    fixture.inspector.revokeAllTokens();
    org.assertj.core.api.Assertions.assertThatThrownBy(tokens::refresh)
        .isInstanceOf(app.wauploader.core.auth.SignInRequiredException.class)
        .hasMessageContaining("invalid_grant");
  }
}
