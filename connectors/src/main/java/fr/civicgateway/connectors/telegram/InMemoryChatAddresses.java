package fr.civicgateway.connectors.telegram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ChatAddresses} in memory: for tests and a gateway without a database (lost on a restart). */
final class InMemoryChatAddresses implements ChatAddresses {

    private record Entry(String chatKey, long chatId) {
    }

    private final Map<String, Entry> byConversation = new ConcurrentHashMap<>();

    @Override
    public void save(String conversationKey, String chatKey, long chatId, Instant at) {
        byConversation.put(conversationKey, new Entry(chatKey, chatId));
    }

    @Override
    public Optional<Long> chatOf(String conversationKey) {
        return Optional.ofNullable(byConversation.get(conversationKey)).map(Entry::chatId);
    }

    @Override
    public boolean delete(String conversationKey) {
        return byConversation.remove(conversationKey) != null;
    }

    @Override
    public synchronized List<String> deleteChat(String chatKey) {
        List<String> keys = new ArrayList<>();
        byConversation.forEach((k, e) -> {
            if (e.chatKey().equals(chatKey)) {
                keys.add(k);
            }
        });
        keys.forEach(byConversation::remove);
        return keys;
    }
}
