package app.wauploader.db;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The database module runs on Android (API 26+): no JVM-only packages. */
class AndroidSafeDatabaseTest {
  @Test
  void usesNoJvmOnlyApis() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net.http..", "com.sun..", "java.awt..", "javax.swing..")
        .because("the database module must run on Android API 26+")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.wauploader.db"));
  }
}
