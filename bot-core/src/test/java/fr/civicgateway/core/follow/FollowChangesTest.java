package fr.civicgateway.core.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.civicgateway.core.news.NewsItem;
import fr.civicgateway.core.news.NewsSource;
import fr.civicgateway.core.parliament.ScrutinSearch;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts of the diff that need no loaded data: news items, the topic matcher's strictness, the event's rules. */
class FollowChangesTest {

    static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    static final NewsSource MAIRIE = new NewsSource("le-mans-actualites", "Actualités", "Ville du Mans", "Licence Ouverte",
            "https://www.lemans.fr/rss");

    @Test
    void aFeedsNewItemsAreOneEventEachForTheFeedsFollowersKeyedBySourceAndItem() {
        String longLink = "https://www.lemans.fr/actualites/" + "a".repeat(300);
        List<FollowEvent> events = FollowChanges.newNewsItems(MAIRIE, List.of(
                new NewsItem("le-mans-actualites", "guid-42", "Travaux rue Nationale", null,
                        Instant.parse("2026-12-06T17:30:00Z"), null),
                new NewsItem("le-mans-actualites", longLink, "Marché de Noël", longLink, null, null)), NOW);

        assertThat(events).extracting(FollowEvent::key).containsExactly("news:le-mans-actualites:guid-42",
                "news:le-mans-actualites:sha256:" + sha256(longLink));
        assertThat(events).allSatisfy(e -> assertThat(e.targets())
                .containsExactly(new FollowTarget.TownNews("le-mans-actualites")));
        assertThat(events.get(0).date()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(events.get(1).date()).as("undated: the day it was found").isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(events.get(0).payload()).isEqualTo(Map.of("source", "le-mans-actualites", "item", "guid-42"));
    }

    @Test
    void aFollowedTopicMatchesOnlyTitlesWithEveryOneOfItsConceptsAsTheSearchReadsThem() {
        var finances = ScrutinSearch.titleMatcher("loi de finances");
        assertThat(finances.test("l'ensemble du projet de loi de finances pour 2026 (première lecture).")).isTrue();
        assertThat(finances.test("l'article 3 du projet de loi de financement de la sécurité sociale")).isFalse();
        assertThat(ScrutinSearch.titleMatcher("retraites").test("l'amendement n° 12 sur la retraite progressive"))
                .as("plural and singular alike").isTrue();
        assertThat(ScrutinSearch.titleMatcher("agriculture pêche").test("le projet de loi d'orientation agricole"))
                .as("no 'most concepts' fallback").isFalse();
        assertThat(ScrutinSearch.titleMatcher("  ").test("anything")).isFalse();
    }

    @Test
    void anEventsKeyMustNameItsKindAndItsPayloadStaySmall() {
        assertThatThrownBy(() -> new FollowEvent("dossier-step:X:Y", FollowEvent.Kind.SCRUTIN, List.of(),
                LocalDate.of(2026, 1, 1), NOW, Map.of())).hasMessageContaining("must start with 'scrutin:'");
        assertThatThrownBy(() -> new FollowEvent("scrutin:1", FollowEvent.Kind.SCRUTIN, List.of(),
                LocalDate.of(2026, 1, 1), NOW, Map.of("title", "x".repeat(201))))
                .hasMessageContaining("bad follow event payload entry: title");
        FollowTarget panot = new FollowTarget.Deputy("PA720892");
        assertThat(new FollowEvent("scrutin:1", FollowEvent.Kind.SCRUTIN, List.of(panot, panot),
                LocalDate.of(2026, 1, 1), NOW, Map.of()).targets()).containsExactly(panot);
    }

    private static String sha256(String s) throws RuntimeException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
