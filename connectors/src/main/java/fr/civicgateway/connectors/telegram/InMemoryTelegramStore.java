package fr.civicgateway.connectors.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@link TelegramStore} of a gateway without a database: the same rules, in this process's memory, so lost on a
 * restart. The application replaces it with its database store; tests of this module use it as the real thing.
 */
class InMemoryTelegramStore implements TelegramStore {

    private record UpdateClaim(String owner, Instant claimedAt, boolean done) {
    }

    private record Message(Stored stored, String owner, Instant leaseUntil) {
    }

    private record Button(String payload, Instant savedAt) {
    }

    private final Map<Long, UpdateClaim> updates = new HashMap<>();
    private final TreeMap<Long, Message> messages = new TreeMap<>();
    private final Map<String, Button> buttons = new HashMap<>();
    private long nextId = 1;

    @Override
    public synchronized Claim claim(long updateId, String owner, Instant now, Duration lease) {
        UpdateClaim existing = updates.get(updateId);
        if (existing == null) {
            updates.put(updateId, new UpdateClaim(owner, now, false));
            return Claim.FIRST;
        }
        if (existing.done()) {
            return Claim.DONE;
        }
        if (existing.owner().equals(owner) || existing.claimedAt().plus(lease).isBefore(now)) {
            updates.put(updateId, new UpdateClaim(owner, now, false));
            return Claim.FIRST;
        }
        return Claim.IN_PROGRESS;
    }

    @Override
    public synchronized List<Stored> complete(Long updateId, String owner, List<Outgoing> outgoing, Instant now,
                                              Duration lease) {
        if (updateId != null) {
            UpdateClaim claim = updates.get(updateId);
            if (claim != null && (claim.done() || !claim.owner().equals(owner))) {
                return List.of();
            }
        }
        List<Stored> stored = new ArrayList<>();
        for (Outgoing o : outgoing) {
            Stored s = new Stored(nextId++, o.chatId(), o.method(), o.body());
            messages.put(s.id(), new Message(s, owner, now.plus(lease)));
            stored.add(s);
        }
        if (updateId != null) {
            updates.put(updateId, new UpdateClaim(owner, now, true));
        }
        return stored;
    }

    @Override
    public synchronized void sent(long messageId) {
        messages.remove(messageId);
    }

    @Override
    public synchronized int dropChat(long chatId) {
        int before = messages.size();
        messages.values().removeIf(m -> m.stored().chatId() == chatId);
        return before - messages.size();
    }

    @Override
    public synchronized void renew(String owner, Instant until) {
        messages.replaceAll((id, m) -> m.owner().equals(owner) ? new Message(m.stored(), owner, until) : m);
    }

    @Override
    public synchronized List<Stored> takeOver(String owner, Instant now, Duration lease, boolean all) {
        // As the database store does: mark what is taken, then return every message this owner holds (its own
        // messages being sent included: the outbox skips those it has queued).
        List<Stored> taken = new ArrayList<>();
        for (Map.Entry<Long, Message> e : messages.entrySet()) {
            Message m = e.getValue();
            if (all || m.leaseUntil().isBefore(now)) {
                e.setValue(new Message(m.stored(), owner, now.plus(lease)));
                taken.add(m.stored());
            } else if (m.owner().equals(owner)) {
                taken.add(m.stored());
            }
        }
        return taken;
    }

    @Override
    public synchronized void releaseUnfinishedClaims() {
        updates.values().removeIf(c -> !c.done());
    }

    @Override
    public synchronized int purgeUpdates(Instant before) {
        int count = 0;
        for (Iterator<UpdateClaim> i = updates.values().iterator(); i.hasNext(); ) {
            if (i.next().claimedAt().isBefore(before)) {
                i.remove();
                count++;
            }
        }
        return count;
    }

    @Override
    public synchronized void saveButton(String token, String payload, Instant now) {
        buttons.put(token, new Button(payload, now));
    }

    @Override
    public synchronized Optional<String> button(String token, Instant notBefore) {
        return Optional.ofNullable(buttons.get(token)).filter(b -> !b.savedAt().isBefore(notBefore)).map(Button::payload);
    }

    @Override
    public synchronized int purgeButtons(Instant before) {
        int size = buttons.size();
        buttons.values().removeIf(b -> b.savedAt().isBefore(before));
        return size - buttons.size();
    }
}
