package fr.civicgateway.app.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The followers' sealed Telegram addresses and the widget's mailbox (V11), run on each supported database. */
abstract class FollowAddressesContract {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final String SECRET = "a test key of sixteen bytes or more";

    abstract DataSource newDatabase();

    private final List<HikariDataSource> pools = new ArrayList<>();
    private DataSource ds;
    private JdbcChatAddresses addresses;
    private JdbcFollowMailbox mailbox;

    DataSource pooled(HikariDataSource ds) {
        pools.add(ds);
        return ds;
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @BeforeEach
    void migrate() {
        ds = newDatabase();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        addresses = new JdbcChatAddresses(ds, ChatIdSeal.fromSecrets(null, SECRET));
        mailbox = new JdbcFollowMailbox(ds);
    }

    @Test
    void keepsAChatIdSealedAndReadsItBack() {
        addresses.save("telegram:alice", "chat-a", 987_654_321L, T0);
        addresses.save("telegram:alice", "chat-a", 987_654_321L, T0.plusSeconds(1));

        assertThat(addresses.chatOf("telegram:alice")).contains(987_654_321L);
        assertThat(addresses.chatOf("telegram:nobody")).isEmpty();
        String stored = JdbcClient.create(ds).sql("SELECT chat_id_sealed FROM follow_address").query(String.class).single();
        assertThat(stored).doesNotContain("987654321").doesNotContain(Long.toHexString(987_654_321L));
    }

    @Test
    void aSealedIdDoesNotOpenUnderAnotherKeyNorForAnotherConversation() {
        ChatIdSeal seal = ChatIdSeal.fromSecrets(null, SECRET);
        String sealed = seal.seal(42L, "telegram:alice");
        assertThat(seal.open(sealed, "telegram:alice")).isEqualTo(42L);
        assertThatThrownBy(() -> seal.open(sealed, "telegram:bob")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChatIdSeal.fromSecrets("another key of sixteen bytes!", null).open(sealed, "telegram:alice"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(seal.seal(42L, "telegram:alice")).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void anAddressSavedUnderAnOldKeyIsForgottenNotMisread() {
        addresses.save("telegram:alice", "chat-a", 42L, T0);
        JdbcChatAddresses rekeyed = new JdbcChatAddresses(ds, ChatIdSeal.fromSecrets("a new key of sixteen bytes!!", null));

        assertThat(rekeyed.chatOf("telegram:alice")).isEmpty();
        assertThat(addresses.chatOf("telegram:alice")).as("deleted when met").isEmpty();
    }

    @Test
    void aGroupsRemovalForgetsEveryMembersAddress() {
        addresses.save("telegram:member1", "group-g", -100_123L, T0);
        addresses.save("telegram:member2", "group-g", -100_123L, T0);
        addresses.save("telegram:elsewhere", "chat-b", 7L, T0);

        assertThat(addresses.deleteChat("group-g")).containsExactly("telegram:member1", "telegram:member2");
        assertThat(addresses.chatOf("telegram:member1")).isEmpty();
        assertThat(addresses.chatOf("telegram:elsewhere")).contains(7L);
        assertThat(addresses.delete("telegram:elsewhere")).isTrue();
        assertThat(addresses.delete("telegram:elsewhere")).isFalse();
    }

    @Test
    void theMailboxGivesAConversationsDigestsOnceInOrder() {
        mailbox.put("web:w1", "first", T0);
        mailbox.put("web:w2", "other", T0);
        mailbox.put("web:w1", "second", T0.plusSeconds(1));

        assertThat(mailbox.take("web:w1")).containsExactly("first", "second");
        assertThat(mailbox.take("web:w1")).isEmpty();
        assertThat(mailbox.forget("web:w2")).isEqualTo(1);
        assertThat(mailbox.take("web:w2")).isEmpty();
    }
}
