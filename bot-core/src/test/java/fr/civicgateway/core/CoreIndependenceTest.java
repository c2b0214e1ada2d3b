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

    /** What a channel can do is in {@code IncomingMessage.capabilities()}: the core never decides on a channel's name. */
    @Test
    void theCoreNamesNoChannel() throws java.io.IOException {
        java.util.List<String> naming = new java.util.ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = java.nio.file.Files.readString(file).toLowerCase(java.util.Locale.ROOT);
                for (String channel : java.util.List.of("\"telegram\"", "\"web\"")) {
                    if (source.contains(channel)) {
                        naming.add(file.getFileName() + " names " + channel);
                    }
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(naming).isEmpty();
    }

    @Test
    void theCoreIsNotEmptySoTheRulesAboveReallyCheckSomething() {
        org.assertj.core.api.Assertions.assertThat(CORE.size()).isGreaterThan(30);
    }
}
