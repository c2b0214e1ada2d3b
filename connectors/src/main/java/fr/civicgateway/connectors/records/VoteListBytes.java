package fr.civicgateway.connectors.records;

import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.Scrutin;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * A deputy's vote list, JSON or CSV, written as the concatenation of parts that every list repeats, each written
 * once per version of the data: a scrutin's summary (3,876 of them) and a vote's cells (position, proxy, cause,
 * group: a few dozen kinds). The parts are written by the same writers as the rest of the answers (the app's
 * {@code JsonMapper}, {@link CsvTable}), so the list is the same bytes as one written item by item; a whole list is
 * then a copy of bytes (it was Jackson writing and encoding every item's strings at every request).
 * Thread-safe: parts are filled lazily, and two threads filling the same part write the same bytes.
 */
final class VoteListBytes {

    /** How a vote is shown in a list: the word (absent, not-for… are not the core's position) and the listing. */
    record VoteKey(String word, DeputyVote vote) {
    }

    private static final byte[] COMMA = {','};
    private static final byte[] ITEM_OPEN = "{\"scrutin\":".getBytes(StandardCharsets.UTF_8);
    /** The raw scrutin written into an item to find where the vote's own fields start. */
    private static final String MARK = "0";

    /** By scrutin number: its summary as JSON; its CSV cells before the vote's (with the comma) and after them. */
    private final AtomicReferenceArray<byte[]> scrutinJson;
    private final AtomicReferenceArray<byte[]> scrutinCsvHead;
    private final AtomicReferenceArray<byte[]> scrutinCsvTail;
    private final Map<VoteKey, byte[]> voteJson = new ConcurrentHashMap<>();
    private final Map<VoteKey, byte[]> voteCsv = new ConcurrentHashMap<>();

    VoteListBytes(int maxScrutinNumber) {
        int n = Math.max(0, maxScrutinNumber) + 1;
        this.scrutinJson = new AtomicReferenceArray<>(n);
        this.scrutinCsvHead = new AtomicReferenceArray<>(n);
        this.scrutinCsvTail = new AtomicReferenceArray<>(n);
    }

    /**
     * The JSON list: {@code empty} is the answer written with no item (its items last, {@code "items":[]}), the
     * items are {@code {"scrutin":<summary>} + the vote's fields}, as {@link Views.WrittenVoteItem} writes them.
     *
     * @param summary a scrutin's summary as JSON
     * @param vote    a vote's fields as written after the scrutin: {@code ,"position":…}} (from {@link #voteJson})
     */
    Parts json(byte[] empty, List<Scrutin> scrutins, List<VoteKey> votes, Function<Scrutin, byte[]> summary,
                Function<VoteKey, byte[]> vote) {
        int close = empty.length - 2;
        if (close < 1 || empty[close - 1] != '[' || empty[close] != ']' || empty[close + 1] != '}') {
            throw new IllegalStateException("the list's items are not written last");
        }
        Parts out = new Parts(scrutins.size() * 4 + 2);
        out.add(empty, 0, close);
        for (int i = 0; i < scrutins.size(); i++) {
            if (i > 0) {
                out.add(COMMA);
            }
            out.add(ITEM_OPEN);
            out.add(cached(scrutinJson, scrutins.get(i), summary));
            out.add(voteJson.computeIfAbsent(votes.get(i), vote));
        }
        out.add(empty, close, 2);
        return out;
    }

    /**
     * The vote's fields of an item written by the app's mapper with {@link #MARK} as its scrutin: what follows
     * {@code {"scrutin":0}, up to the item's closing brace.
     */
    static byte[] voteFields(byte[] itemWithMark) {
        byte[] prefix = ("{\"scrutin\":" + MARK).getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(itemWithMark, 0, prefix.length, prefix, 0, prefix.length)) {
            throw new IllegalStateException("an item does not start with its scrutin");
        }
        return Arrays.copyOfRange(itemWithMark, prefix.length, itemWithMark.length);
    }

    static String mark() {
        return MARK;
    }

    /**
     * The CSV list: the header row, then per item the scrutin's cells before the vote's, the vote's, and the
     * scrutin's after them.
     *
     * @param scrutinParts a scrutin's parts: [0] the cells before the vote's, [1] those after
     * @param vote         a vote's cells as CSV (no comma around them)
     */
    Parts csv(byte[] header, List<Scrutin> scrutins, List<VoteKey> votes, Function<Scrutin, CsvTable.Part[]> scrutinParts,
               Function<VoteKey, CsvTable.Part> vote) {
        Parts out = new Parts(scrutins.size() * 3 + 1);
        out.add(header);
        for (int i = 0; i < scrutins.size(); i++) {
            Scrutin s = scrutins.get(i);
            out.add(cached(scrutinCsvHead, s, x -> utf8(scrutinParts.apply(x)[0].text() + ",")));
            out.add(voteCsv.computeIfAbsent(votes.get(i), k -> utf8(vote.apply(k).text())));
            out.add(cached(scrutinCsvTail, s, x -> utf8("," + scrutinParts.apply(x)[1].text() + "\r\n")));
        }
        return out;
    }

    private static byte[] cached(AtomicReferenceArray<byte[]> parts, Scrutin s, Function<Scrutin, byte[]> write) {
        int n = s.number();
        if (n < 0 || n >= parts.length()) {
            return write.apply(s); // not in this version's numbering: written, not kept
        }
        byte[] b = parts.get(n);
        if (b == null) {
            b = write.apply(s);
            parts.set(n, b);
        }
        return b;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An answer as the byte arrays (or ranges of them) it is made of, in order: copied into one array of the exact
     * length ({@link #bytes}, what is gzipped and kept), or written straight to the response ({@link #writeTo}). A
     * whole list is about a megabyte: 32 answers in flight as single arrays are 32 MB that the young collector copies
     * while they are being sent (its pauses were the list's p99, BENCHMARKS.md); the parts are the kept arrays.
     */
    static final class Parts {
        private byte[][] arrays;
        private int[] from;
        private int[] length;
        private int count;
        private int total;

        Parts(int capacity) {
            arrays = new byte[capacity][];
            from = new int[capacity];
            length = new int[capacity];
        }

        void add(byte[] b) {
            add(b, 0, b.length);
        }

        void add(byte[] b, int start, int len) {
            if (count == arrays.length) {
                int grown = Math.max(8, count * 2);
                arrays = Arrays.copyOf(arrays, grown);
                from = Arrays.copyOf(from, grown);
                length = Arrays.copyOf(length, grown);
            }
            arrays[count] = b;
            from[count] = start;
            length[count] = len;
            count++;
            total += len;
        }

        /** The answer's length in bytes (its {@code Content-Length}). */
        int length() {
            return total;
        }

        byte[] bytes() {
            byte[] out = new byte[total];
            int at = 0;
            for (int i = 0; i < count; i++) {
                System.arraycopy(arrays[i], from[i], out, at, length[i]);
                at += length[i];
            }
            return out;
        }

        /** Writes the parts in order (the stream buffers them: the container's response buffer). */
        void writeTo(OutputStream out) throws IOException {
            for (int i = 0; i < count; i++) {
                out.write(arrays[i], from[i], length[i]);
            }
        }
    }
}
