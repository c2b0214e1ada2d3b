package fr.civicgateway.core.follow;

import java.util.Locale;
import java.util.Objects;

/**
 * What a conversation can follow. Each target has a stable {@link #key()} ({@code deputy:PA720892},
 * {@code bill:DLR5L17N…}, {@code topic:agriculture}, {@code report:42}, {@code news:<source id>}) that the stores
 * keep and that {@link #parse} reads back; the key, not the record, is what the database and the events compare.
 */
public sealed interface FollowTarget {

    /** Longest key a store must keep (the table's column is sized to it). */
    int MAX_KEY_LENGTH = 300;

    /** The stable key: {@code <kind>:<id>}. */
    String key();

    /** A deputy, by the Assemblée's uid ({@code PA…}). */
    record Deputy(String uid) implements FollowTarget {
        public Deputy {
            uid = id("deputy uid", uid);
        }

        @Override
        public String key() {
            return "deputy:" + uid;
        }
    }

    /** A bill, by its dossier's uid ({@code DLR5L17N…}). */
    record Bill(String dossierUid) implements FollowTarget {
        public Bill {
            dossierUid = id("dossier uid", dossierUid);
        }

        @Override
        public String key() {
            return "bill:" + dossierUid;
        }
    }

    /**
     * A topic: words matched against new scrutins' titles. Kept lower-case, with single spaces, so that
     * "Agriculture" and "agriculture " are one subscription.
     */
    record Topic(String words) implements FollowTarget {
        public Topic {
            Objects.requireNonNull(words, "topic words must not be null");
            words = words.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (words.isEmpty()) {
                throw new IllegalArgumentException("topic words must not be blank");
            }
            if (words.length() > MAX_KEY_LENGTH - "topic:".length()) {
                throw new IllegalArgumentException("topic words too long: " + words.length() + " characters");
            }
        }

        @Override
        public String key() {
            return "topic:" + words;
        }
    }

    /** A problem report taken by the gateway: its status changes. */
    record Report(long id) implements FollowTarget {
        public Report {
            if (id <= 0) {
                throw new IllegalArgumentException("report id must be positive: " + id);
            }
        }

        @Override
        public String key() {
            return "report:" + id;
        }
    }

    /** A town's news feed, by the local source's configured id. */
    record TownNews(String sourceId) implements FollowTarget {
        public TownNews {
            sourceId = id("news source id", sourceId);
        }

        @Override
        public String key() {
            return "news:" + sourceId;
        }
    }

    /**
     * Reads a key written by {@link #key()}.
     *
     * @throws IllegalArgumentException when the key has no known kind or a bad id (the message names the key)
     */
    static FollowTarget parse(String key) {
        Objects.requireNonNull(key, "follow key must not be null");
        int colon = key.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("follow key without a kind: " + key);
        }
        String kind = key.substring(0, colon);
        String rest = key.substring(colon + 1);
        return switch (kind) {
            case "deputy" -> new Deputy(rest);
            case "bill" -> new Bill(rest);
            case "topic" -> new Topic(rest);
            case "report" -> {
                try {
                    yield new Report(Long.parseLong(rest));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("report key without a number: " + key, e);
                }
            }
            case "news" -> new TownNews(rest);
            default -> throw new IllegalArgumentException("unknown follow kind in key: " + key);
        };
    }

    private static String id(String field, String value) {
        Objects.requireNonNull(value, field + " must not be null");
        String v = value.strip();
        if (v.isEmpty() || v.length() > 200 || v.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(field + " must be one non-blank word of at most 200 characters: '" + value + "'");
        }
        return v;
    }
}
