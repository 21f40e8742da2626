package app.wauploader.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** core runs on Android (API 26+) and never reaches into the CLI, the app or the emulator. */
class AndroidSafeCoreTest {
  private final JavaClasses core =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("app.wauploader.core");

  @Test
  void usesNoJvmOnlyApis() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net.http..", "com.sun..", "java.awt..", "javax.swing..")
        .because("core must run on Android API 26+")
        .check(core);
  }

  @Test
  void neverDependsOnOuterModules() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "app.wauploader.cli..", "app.wauploader.emulator..", "app.wauploader.android..")
        .because("layers run one way: cli/app -> core -> database")
        .check(core);
  }
}
