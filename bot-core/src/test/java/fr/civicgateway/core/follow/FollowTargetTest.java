package fr.civicgateway.core.follow;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FollowTargetTest {

    @Test
    void eachKindHasAStableKeyThatParsesBackToTheSameTarget() {
        List<FollowTarget> targets = List.of(new FollowTarget.Deputy("PA720892"), new FollowTarget.Bill("DLR5L17N48483"),
                new FollowTarget.Topic("agriculture"), new FollowTarget.Report(42), new FollowTarget.TownNews("lyon-actualites"));
        assertThat(targets).extracting(FollowTarget::key).containsExactly("deputy:PA720892", "bill:DLR5L17N48483",
                "topic:agriculture", "report:42", "news:lyon-actualites");
        for (FollowTarget t : targets) {
            assertThat(FollowTarget.parse(t.key())).isEqualTo(t);
        }
    }

    @Test
    void topicWordsAreFoldedToOneSpellingSoTheSameTopicIsOneSubscription() {
        assertThat(new FollowTarget.Topic("  Aide   à MOURIR ").key()).isEqualTo("topic:aide à mourir");
        assertThat(FollowTarget.parse("topic:aide à mourir")).isEqualTo(new FollowTarget.Topic("Aide à mourir"));
    }

    @Test
    void aBadKeyIsRefusedWithAMessageThatNamesIt() {
        assertThatThrownBy(() -> FollowTarget.parse("vote:123")).hasMessageContaining("vote:123");
        assertThatThrownBy(() -> FollowTarget.parse("report:abc")).hasMessageContaining("report:abc");
        assertThatThrownBy(() -> FollowTarget.parse("deputy")).hasMessageContaining("deputy");
        assertThatThrownBy(() -> FollowTarget.parse("deputy:")).hasMessageContaining("deputy uid");
        assertThatThrownBy(() -> new FollowTarget.Report(0)).hasMessageContaining("0");
        assertThatThrownBy(() -> new FollowTarget.Topic("   ")).hasMessageContaining("blank");
    }
}
