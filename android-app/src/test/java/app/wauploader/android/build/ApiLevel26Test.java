package app.wauploader.android.build;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.android.build.ApiLevel26.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything the app reaches of core and its libraries exists on Android 8.0 (API 26), so that a
 * library update cannot break the app on older phones unnoticed: R8 traces from the app's classes
 * (the APK's entry points) through the runtime classpath against a {@code java.*}/{@code android.*}
 * stand-in made from the API-26 signature (android-all holds no {@code java.*} classes, so a trace
 * against it alone would find nothing missing), then every call and field access of the traced
 * library code is looked up in that signature, less the methods D8 backports for min API 26.
 */
class ApiLevel26Test {
  @TempDir Path dir;

  @Test
  void whatTheAppReachesExistsOnApi26() throws Exception {
    ApiLevel26 check =
        new ApiLevel26(
            Path.of(System.getProperty("wa.apiCheck.signature")),
            Path.of("target/classes"),
            ApkBuilder.classpath(Path.of(System.getProperty("wa.apiCheck.classpath"))),
            Path.of(System.getProperty("wa.apiCheck.rules")),
            "app/wauploader/android/");
    ApiLevel26.Result result =
        check.run(dir, List.of("-keep class app.wauploader.android.** { *; }"));
    assertThat(result.missingClasses()).as("classes missing on API 26").isEmpty();
    List<Finding> findings = result.missingMembers();
    assertThat(findings).as("methods and fields missing on API 26").isEmpty();
    // The trace reached the facade and the pipeline, and the check looked at their calls.
    assertThat(result.tracedClasses())
        .contains(
            "app/wauploader/core/app/Backups",
            "app/wauploader/core/upload/Pipeline",
            "org/sqlite/JDBC",
            "com/google/api/client/http/javanet/NetHttpTransport");
    assertThat(result.checkedReferences()).isGreaterThan(10_000);
  }

  @Test
  void aCallThatApi26LacksIsFound() throws Exception {
    ApiLevel26 check =
        new ApiLevel26(
            Path.of(System.getProperty("wa.apiCheck.signature")),
            Path.of("target/test-classes/app/wauploader/android/build/Api33Caller.class"),
            List.of(),
            Path.of(System.getProperty("wa.apiCheck.rules")),
            "none/");
    ApiLevel26.Result result =
        check.run(dir, List.of("-keep class app.wauploader.android.build.Api33Caller { *; }"));
    assertThat(result.missingMembers())
        .extracting(Finding::reference)
        .contains("java/lang/String.describeConstable()Ljava/util/Optional;");
  }
}
