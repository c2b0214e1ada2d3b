package fr.civicgateway.core.follow.delivery;

import fr.civicgateway.core.follow.FollowEvent;
import fr.civicgateway.core.follow.FollowEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The follow events' queue ({@link FollowEvents}) as the delivery loop reads it: each claimed delivery becomes a
 * {@link DueDelivery} holding the ids of its event's payload, which the {@link DigestWriter} looks up in the current
 * data.
 */
public final class FollowEventsQueue implements DeliveryQueue {

    private final FollowEvents events;

    public FollowEventsQueue(FollowEvents events) {
        this.events = events;
    }

    @Override
    public List<List<DueDelivery>> claimDue(String owner, Instant now, Duration lease, int maxSubscribers) {
        return events.claimDue(owner, now, lease, maxSubscribers).stream()
                .map(owed -> owed.deliveries().stream().map(FollowEventsQueue::due).toList()).toList();
    }

    @Override
    public void markSent(String owner, Collection<Long> ids, Instant now, Runnable handOver) {
        events.markSent(owner, ids, now, () -> {
            handOver.run();
            return null;
        });
    }

    @Override
    public void release(String owner, Collection<Long> ids, Instant dueAgain) {
        events.release(owner, ids, dueAgain);
    }

    static DueDelivery due(FollowEvents.Delivery d) {
        FollowEvent e = d.event();
        Map<String, String> p = e.payload();
        return switch (e.kind()) {
            case SCRUTIN -> new DueDelivery(d.id(), d.conversationKey(), d.target(), DueDelivery.Kind.SCRUTIN,
                    Integer.toString(Integer.parseInt(p.get("number"))), null, null, null, null, d.dueAt(), e.targets());
            case DOSSIER_STEP -> new DueDelivery(d.id(), d.conversationKey(), d.target(), DueDelivery.Kind.BILL_STEP,
                    p.get("dossier"), p.get("step"), null, e.date(), null, d.dueAt(), e.targets());
            case QUESTION -> new DueDelivery(d.id(), d.conversationKey(), d.target(), DueDelivery.Kind.QUESTION,
                    p.get("deputy"), p.get("seance"), null, e.date(), p.get("rank"), d.dueAt(), e.targets());
            case SPEECH -> new DueDelivery(d.id(), d.conversationKey(), d.target(), DueDelivery.Kind.SPEECH,
                    p.get("deputy"), p.get("seance"), null, e.date(), null, d.dueAt(), e.targets());
            case NEWS -> new DueDelivery(d.id(), d.conversationKey(), d.target(), DueDelivery.Kind.NEWS_ITEM,
                    p.get("source"), p.getOrDefault("title", p.get("item")), p.get("url"), e.date(), null, d.dueAt(), e.targets());
        };
    }
}
