package app.wauploader.emulator.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wauploader.emulator.http.ApiError;
import app.wauploader.emulator.store.StoredDriveFile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class DriveQueryTest {
  private static final String ROOT = "0Aroot";

  private static StoredDriveFile file(
      String name, String mimeType, String parent, Map<String, String> appProperties) {
    Instant created = Instant.parse("2024-05-01T10:00:00Z");
    return new StoredDriveFile(
        "id-" + name,
        name,
        mimeType,
        List.of(parent),
        appProperties,
        null,
        created,
        created,
        1,
        "m",
        "s1",
        "s256",
        null,
        false,
        null);
  }

  private static boolean matches(String q, StoredDriveFile file) {
    Predicate<StoredDriveFile> predicate = DriveQuery.parse(q, ROOT);
    return predicate.test(file);
  }

  @Test
  void supportsTheTermsTheUploaderUses() {
    StoredDriveFile photo = file("IMG 1.jpg", "image/jpeg", ROOT, Map.of("sha256", "abc"));

    assertThat(matches("name = 'IMG 1.jpg'", photo)).isTrue();
    assertThat(matches("name != 'IMG 1.jpg'", photo)).isFalse();
    assertThat(matches("'root' in parents", photo)).isTrue();
    assertThat(matches("'" + ROOT + "' in parents and trashed = false", photo)).isTrue();
    assertThat(matches("mimeType != 'application/vnd.google-apps.folder'", photo)).isTrue();
    assertThat(matches("appProperties has { key='sha256' and value='abc' }", photo)).isTrue();
    assertThat(matches("appProperties has {key='sha256' and value='abd'}", photo)).isFalse();
    assertThat(matches("(name = 'x' or name = 'IMG 1.jpg') and not trashed = true", photo))
        .isTrue();
    assertThat(
            matches(
                "modifiedTime > '2024-01-01T00:00:00Z' and createdTime <="
                    + " '2024-05-01T10:00:00.000Z'",
                photo))
        .isTrue();
    assertThat(matches("", photo)).isTrue();
  }

  @Test
  void unescapesQuotesAndBackslashes() {
    assertThat(
            matches(
                "name = 'it\\'s \\\\ fine'", file("it's \\ fine", "text/plain", ROOT, Map.of())))
        .isTrue();
  }

  @Test
  void rejectsSyntaxErrorsAndUnsupportedTerms() {
    for (String bad :
        List.of(
            "name = 'open",
            "name =",
            "name = 'a' and",
            "sharedWithMe",
            "'x' in owners",
            "name ~ 'a'",
            "(name = 'a'")) {
      assertThatThrownBy(() -> DriveQuery.parse(bad, ROOT))
          .as(bad)
          .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(400));
    }
  }
}
