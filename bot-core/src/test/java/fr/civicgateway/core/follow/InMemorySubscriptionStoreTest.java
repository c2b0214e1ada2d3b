package fr.civicgateway.core.follow;

import fr.civicgateway.core.nlu.Language;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemorySubscriptionStoreTest {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    final SubscriptionStore store = new InMemorySubscriptionStore();
    final FollowTarget panot = new FollowTarget.Deputy("PA720892");
    final FollowTarget farming = new FollowTarget.Topic("agriculture");

    @Test
    void followingTwiceKeepsTheFirstSubscription() {
        assertThat(store.add(new Subscription("web:a", panot, Language.FR, T0))).isTrue();
        assertThat(store.add(new Subscription("web:a", panot, Language.EN, T0.plusSeconds(60)))).isFalse();
        assertThat(store.list("web:a")).containsExactly(new Subscription("web:a", panot, Language.FR, T0));
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void listsOldestFirstAndRemovesOneOrAll() {
        store.add(new Subscription("web:a", farming, Language.FR, T0.plusSeconds(10)));
        store.add(new Subscription("web:a", panot, Language.FR, T0));
        store.add(new Subscription("web:b", panot, Language.EN, T0));
        assertThat(store.list("web:a")).extracting(Subscription::target).containsExactly(panot, farming);

        assertThat(store.remove("web:a", panot)).isTrue();
        assertThat(store.remove("web:a", panot)).isFalse();
        assertThat(store.followersOf(panot, null, 10)).extracting(Subscription::conversationKey).containsExactly("web:b");

        store.add(new Subscription("web:a", panot, Language.FR, T0));
        assertThat(store.removeAll("web:a")).isEqualTo(2);
        assertThat(store.removeAll("web:a")).isZero();
        assertThat(store.list("web:a")).isEmpty();
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void pagesThroughFollowersByConversationKeyWithoutRepeatsOrGaps() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String key = "tg:" + (char) ('a' + (i * 7) % 25);
            store.add(new Subscription(key, panot, Language.FR, T0));
            expected.add(key);
        }
        store.add(new Subscription("tg:zz", farming, Language.FR, T0));
        List<String> seen = new ArrayList<>();
        String after = null;
        for (List<Subscription> page; !(page = store.followersOf(panot, after, 10)).isEmpty(); ) {
            page.forEach(s -> seen.add(s.conversationKey()));
            after = page.getLast().conversationKey();
        }
        assertThat(seen).isSorted().containsExactlyInAnyOrderElementsOf(expected);
    }
}
