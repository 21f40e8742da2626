package app.wauploader.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The CLI reaches core only through its facade ({@code core.app.Backups}) and the types of its API
 * (options, sources, run control, summaries, sign-in seam): never the pipeline's stages, the
 * targets, hashing or routing.
 */
class FrontEndShapeTest {
  private final JavaClasses cli =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("app.wauploader.cli");

  @Test
  void commandsReachCoreOnlyThroughTheFacade() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("app.wauploader.core.target..", "app.wauploader.core.hash..")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleName("Pipeline")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleName("GoogleTargets")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleName("Router")
        .because("front ends talk to core's facade only (the Android app will too)")
        .check(cli);
  }
}
