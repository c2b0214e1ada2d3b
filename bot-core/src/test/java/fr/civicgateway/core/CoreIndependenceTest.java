package fr.civicgateway.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Dependencies point inward: the core knows no adapter, no connector, no web framework and no messenger SDK.
 * This test fails the build as soon as a core class imports one of them.
 */
class CoreIndependenceTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.civicgateway.core");

    @Test
    void theCoreImportsNoOtherModuleOfTheGateway() {
        ArchRule rule = noClasses().that().resideInAPackage("fr.civicgateway.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "fr.civicgateway.opendata..", "fr.civicgateway.connectors..", "fr.civicgateway.app..");
        rule.check(CORE);
    }

    @Test
    void theCoreUsesNoWebFrameworkNorMessengerSdk() {
        ArchRule rule = noClasses().that().resideInAPackage("fr.civicgateway.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.servlet..", "org.telegram..", "okhttp3..",
                        "tools.jackson..", "com.fasterxml.jackson..");
        rule.check(CORE);
    }

    @Test
    void theCoreIsNotEmptySoTheRulesAboveReallyCheckSomething() {
        org.assertj.core.api.Assertions.assertThat(CORE.size()).isGreaterThan(30);
    }
}
