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

    /** The names of the channels there are or may be. */
    private static final java.util.List<String> CHANNEL_NAMES = java.util.List.of("\"telegram\"", "\"web\"",
            "\"open311\"",
            "\"whatsapp\"", "\"signal\"", "\"matrix\"", "\"messenger\"", "\"sms\"", "\"email\"", "\"widget\"");

    /** What a channel can do is in {@code IncomingMessage.capabilities()}: the core never decides on a channel's name. */
    @Test
    void theCoreNamesNoChannel() throws java.io.IOException {
        java.util.List<String> naming = new java.util.ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = java.nio.file.Files.readString(file).toLowerCase(java.util.Locale.ROOT);
                for (String channel : CHANNEL_NAMES) {
                    if (source.contains(channel)) {
                        naming.add(file.getFileName() + " names " + channel);
                    }
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(naming).isEmpty();
    }

    /**
     * The town is configuration ({@code civic.town}, core.town.Town) and data (geo/arrondissements.tsv): no town, no
     * Paris postcode and no time zone is written in the core's code.
     */
    /**
     * Where the core may name Paris as one French place among all, not as the town served: the grammar of place
     * names ("de Paris", no article), a word that is no person's name, the national examples of the help ("député du
     * 75011", beside "J'habite à Annecy"). A time zone is never allowed.
     */
    private static final java.util.Set<String> NATIONAL = java.util.Set.of("Places.java", "NameGuess.java",
            "Capabilities.java");

    @Test
    void theCoreNamesNoTownNorTimeZone() throws java.io.IOException {
        java.util.List<String> naming = new java.util.ArrayList<>();
        java.util.regex.Pattern forbidden = java.util.regex.Pattern.compile(
                "\"[^\"\\n]*(?:Europe/|75[01]\\d\\d|\\b(?:paris|lyon|marseille)\\b)[^\"\\n]*\"|ZoneId\\.of\\(",
                java.util.regex.Pattern.CASE_INSENSITIVE);
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = java.nio.file.Files.readString(file)
                        .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
                java.util.regex.Matcher m = forbidden.matcher(code);
                while (m.find()) {
                    if (m.group().contains("Europe/") || m.group().startsWith("ZoneId")
                            || !NATIONAL.contains(file.getFileName().toString())) {
                        naming.add(file.getFileName() + ": " + m.group());
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
