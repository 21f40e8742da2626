package app.wauploader.android;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The app reaches core only through its facade and the types of its API (as the CLI does), and
 * never the CLI or the emulator: neither may end up in the APK.
 */
class AppShapeTest {
  private final JavaClasses app =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("app.wauploader.android");

  @Test
  void theAppReachesCoreOnlyThroughTheFacade() {
    noClasses()
        .that()
        .resideOutsideOfPackage("app.wauploader.android.build..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "app.wauploader.core.target..",
            "app.wauploader.core.hash..",
            "app.wauploader.cli..",
            "app.wauploader.emulator..")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleName("Pipeline")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleName("GoogleTargets")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleName("Router")
        .because("front ends talk to core's facade only, and the APK holds no CLI or emulator")
        .check(app);
  }
}
