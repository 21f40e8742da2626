package app.wauploader.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.app.BackupEnvironment;
import app.wauploader.core.app.Doctor;
import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.auth.GoogleScopes;
import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.core.target.EmulatorFixture;
import app.wauploader.core.upload.LockOwner;
import app.wauploader.domain.Service;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Doctor} through the real targets against the emulator, and Google's set-up answers. */
class DoctorTest {
  @TempDir Path dir;

  private BackupEnvironment env(EmulatorFixture emulator, AccessTokens tokens) {
    return BackupEnvironment.google(
        dir.resolve("wa.db"),
        tokens,
        GoogleEndpoints.at(emulator.baseUri()),
        LockOwner.create("test", 1));
  }

  private static CheckResult result(List<CheckResult> results, String check) {
    return results.stream().filter(r -> r.check().equals(check)).findFirst().orElseThrow();
  }

  @Test
  void aClockTenMinutesOffIsAWarningNotAFailure() throws Exception {
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      BackupEnvironment skewed =
          env(emulator, AccessTokens.NONE)
              .withClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)));
      List<CheckResult> results = new Doctor(skewed).check(new SignInState.NotRequired());
      CheckResult clock = result(results, "clock");
      assertThat(clock.status()).isEqualTo(CheckStatus.WARN);
      assertThat(clock.detail()).contains("behind Google's").contains("automatic");
      assertThat(results).allMatch(CheckResult::passed);
    }
  }

  @Test
  void aMissingSignInSkipsEveryGoogleCall() throws Exception {
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      List<CheckResult> results =
          new Doctor(env(emulator, AccessTokens.NONE))
              .check(new SignInState.Missing("not signed in"));
      assertThat(result(results, "sign-in").problem()).contains(SetupProblem.SIGN_IN);
      assertThat(results.subList(1, results.size())).allMatch(r -> r.status() == CheckStatus.SKIP);
      for (String route :
          List.of("drive.files", "photos.albums", "photos.upload", "drive.upload")) {
        assertThat(emulator.inspector().requests(route)).as(route).isZero();
      }
    }
  }

  @Test
  void scopesNotGrantedNameTheServiceToSignInAgainFor() throws Exception {
    AccessTokens renewable =
        new AccessTokens() {
          @Override
          public Optional<String> current() {
            return Optional.empty();
          }

          @Override
          public boolean refresh() {
            return true;
          }
        };
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      List<CheckResult> results =
          new Doctor(env(emulator, renewable))
              .check(
                  new SignInState.SignedIn(
                      Set.of(GoogleScopes.DRIVE_FILE, GoogleScopes.DRIVE_APPDATA)));
      CheckResult scopes = result(results, "scopes");
      assertThat(scopes.problem()).contains(SetupProblem.MISSING_SCOPES);
      assertThat(scopes.service()).contains(Service.PHOTOS);
      assertThat(scopes.detail())
          .isEqualTo(
              "not granted: photoslibrary.appendonly, photoslibrary.readonly.appcreateddata");
    }
  }

  @Test
  void storageComesFromDrivesQuota() {
    GoogleAnswer full =
        new GoogleAnswer(
            200, "{\"storageQuota\":{\"limit\":\"100\",\"usage\":\"100\"}}", Optional.empty());
    assertThat(StorageCheck.of(Optional.of(full)).problem()).contains(SetupProblem.STORAGE_FULL);
    GoogleAnswer roomy =
        new GoogleAnswer(
            200,
            "{\"storageQuota\":{\"limit\":\"16106127360\",\"usage\":\"5368709120\"}}",
            Optional.empty());
    assertThat(StorageCheck.of(Optional.of(roomy)).detail()).isEqualTo("10.0 GiB free of 15.0 GiB");
    GoogleAnswer unlimited =
        new GoogleAnswer(200, "{\"storageQuota\":{\"usage\":\"1048576\"}}", Optional.empty());
    assertThat(StorageCheck.of(Optional.of(unlimited)).detail()).startsWith("unlimited");
    GoogleAnswer silent = new GoogleAnswer(200, "{\"user\":{}}", Optional.empty());
    assertThat(StorageCheck.of(Optional.of(silent)).status()).isEqualTo(CheckStatus.SKIP);
  }

  @Test
  void googlesSetUpAnswersAreToldApart() {
    // Photos' shape: status + ErrorInfo details (google-gemini/gemini-cli#1343).
    assertThat(
            SetupAnswers.classify(
                403,
                "{\"error\":{\"code\":403,\"message\":\"Photos Library API has not been used in"
                    + " project 1 before or it is disabled.\",\"status\":\"PERMISSION_DENIED\","
                    + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\","
                    + "\"reason\":\"SERVICE_DISABLED\"}]}}"))
        .isEqualTo(SetupProblem.API_DISABLED);
    // Drive's shape: errors[].reason (taylorwilsdon/google_workspace_mcp#126).
    assertThat(
            SetupAnswers.classify(
                403,
                "{\"error\":{\"code\":403,\"message\":\"Access Not Configured.\","
                    + "\"errors\":[{\"domain\":\"usageLimits\",\"reason\":\"accessNotConfigured\"}]}}"))
        .isEqualTo(SetupProblem.API_DISABLED);
    assertThat(
            SetupAnswers.classify(
                403,
                "{\"error\":{\"code\":403,\"message\":\"Request had insufficient authentication"
                    + " scopes.\",\"status\":\"PERMISSION_DENIED\"}}"))
        .isEqualTo(SetupProblem.MISSING_SCOPES);
    assertThat(
            SetupAnswers.classify(
                401,
                "{\"error\":{\"code\":16,\"message\":\"Authentication session is not defined.\"}}"))
        .isEqualTo(SetupProblem.MISSING_SCOPES);
    assertThat(SetupAnswers.classify(401, "")).isEqualTo(SetupProblem.SIGN_IN);
    assertThat(SetupAnswers.classify(503, "")).isEqualTo(SetupProblem.UNREACHABLE);
    assertThat(
            SetupAnswers.classify(
                403, "{\"error\":{\"message\":\"The caller does not have" + " permission\"}}"))
        .isEqualTo(SetupProblem.REFUSED);
  }
}
