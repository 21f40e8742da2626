package app.wauploader.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape core keeps for two front ends: media reach the pipeline only through {@code
 * MediaSource} (no {@code java.nio.file.Path} downstream of a source), core names no command of any
 * front end, and no main source file holds two jobs (about 400 lines at most).
 */
class CoreShapeTest {
  private static final Path MAIN = Paths.get("src/main/java/app/wauploader/core");

  private final JavaClasses core =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("app.wauploader.core");

  @Test
  void thePipelineAndTheTargetsSeeNoFilePaths() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "app.wauploader.core.upload..",
            "app.wauploader.core.plan..",
            "app.wauploader.core.target..",
            "app.wauploader.core.hash..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.nio.file.Path")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.nio.file.Files")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.nio.channels.FileChannel")
        .because("media are read through MediaSource by key (local, ZIP, Android SAF)")
        .check(core);
  }

  @Test
  void noCoreMessageNamesACommand() throws IOException {
    List<String> offenders;
    try (Stream<Path> files = Files.walk(MAIN)) {
      offenders =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(CoreShapeTest::namesACommand)
              .map(Path::toString)
              .collect(Collectors.toList());
    }
    assertThat(offenders).as("core classes whose strings name a wa-uploader command").isEmpty();
  }

  @Test
  void noMainSourceFileIsLongerThanAbout400Lines() throws IOException {
    List<String> long_;
    try (Stream<Path> files = Files.walk(MAIN)) {
      long_ =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> lines(p) > 410)
              .map(p -> p + " (" + lines(p) + " lines)")
              .collect(Collectors.toList());
    }
    assertThat(long_).isEmpty();
  }

  private static boolean namesACommand(Path file) {
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String code = line.trim();
        if (!code.startsWith("*")
            && !code.startsWith("//")
            && code.contains("\"")
            && code.matches(".*\"[^\"]*wa-uploader (upload|resume|auth|db|status|errors)\\b.*")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).size();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
