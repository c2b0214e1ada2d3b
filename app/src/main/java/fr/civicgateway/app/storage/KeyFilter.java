package fr.civicgateway.app.storage;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A Bloom filter of conversation keys: answers "certainly never added" or "perhaps added", in a fixed, small amount
 * of memory (ten bits a key at the expected count, about 1 % false positives there; more keys only raise that rate,
 * never give a wrong "never added"). Thread-safe and lock-free; keys cannot be removed.
 */
final class KeyFilter {

    private static final int HASHES = 7;
    /** The largest size it is built for (32 MiB of bits); with more keys it only answers "perhaps" more often. */
    static final int MAXIMUM_KEYS = 1 << 24;

    private final AtomicLongArray words;
    private final int bitMask;

    /** @param expectedKeys how many keys it is sized for; rounded up to a power of two of bits */
    KeyFilter(int expectedKeys) {
        if (expectedKeys < 1 || expectedKeys > MAXIMUM_KEYS) {
            throw new IllegalArgumentException(
                    "expectedKeys must be within [1, " + MAXIMUM_KEYS + "], was " + expectedKeys);
        }
        int bits = Integer.highestOneBit(Math.max(64, expectedKeys * 10 - 1)) << 1;
        this.words = new AtomicLongArray(bits / 64);
        this.bitMask = bits - 1;
    }

    void add(String key) {
        long h = hash(key);
        int h1 = (int) h;
        int h2 = (int) (h >>> 32) | 1;
        for (int i = 0; i < HASHES; i++) {
            int bit = (h1 + i * h2) & bitMask;
            long mask = 1L << bit;
            int word = bit >>> 6;
            long current;
            while (((current = words.get(word)) & mask) == 0 && !words.compareAndSet(word, current, current | mask)) {
                Thread.onSpinWait();
            }
        }
    }

    boolean mightContain(String key) {
        long h = hash(key);
        int h1 = (int) h;
        int h2 = (int) (h >>> 32) | 1;
        for (int i = 0; i < HASHES; i++) {
            int bit = (h1 + i * h2) & bitMask;
            if ((words.get(bit >>> 6) & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** FNV-1a over the UTF-16 units, then a 64-bit finaliser (SplitMix64) so that both halves are well mixed. */
    private static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
