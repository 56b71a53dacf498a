package app.laurel.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * A newcomer may change a feature knowing which others can notice: a feature asks another through an interface it
 * owns instead of reading its tables, so the features form no import cycle, and platform serves them without knowing
 * any of them (issue 12). Each top-level package under app.laurel, with its subpackages, is one slice.
 */
class PackageBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.laurel");
    }

    @Test
    void featuresFormNoImportCycle() {
        slices().matching("app.laurel.(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void platformImportsNoFeature() {
        noClasses().that().resideInAPackage("app.laurel.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "app.laurel.contest..", "app.laurel.submission..", "app.laurel.judging..",
                        "app.laurel.publication..", "app.laurel.campaign..", "app.laurel.identity..",
                        "app.laurel.storage..", "app.laurel.demo..")
                .check(classes);
    }
}
