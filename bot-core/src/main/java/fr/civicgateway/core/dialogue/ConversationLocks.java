package fr.civicgateway.core.dialogue;

import fr.civicgateway.core.conversation.Reply;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Handles one conversation's messages one at a time: a double-clicked « oui » or two tabs of one web chat must not
 * both read the same context and both act on it (two reports stored, one context update lost). The {@link Dialogue}
 * runs each turn, from reading the context to saving it, inside {@link #oneAtATime}.
 *
 * <p>Scope: an implementation orders the turns of every process that shares the conversations. In one process
 * (tests, the embedded database that only one process can open) {@link #inProcess()} is enough; instances sharing a
 * database take a lock in that database.
 *
 * <p>Threading: called on the thread that handles the message; the turn runs on that thread, once. Messages of other
 * conversations are not held up (a rare hash collision may order two conversations, which is harmless). Errors: what
 * the turn throws passes through; an implementation that cannot take its lock throws
 * {@link ConversationStore.ConversationStoreException}, and the dialogue apologises.
 *
 * <pre>{@code
 * ConversationLocks locks = ConversationLocks.inProcess();
 * List<Reply> replies = locks.oneAtATime("web:abc", () -> answer(message));
 * }</pre>
 */
@FunctionalInterface
public interface ConversationLocks {

    List<Reply> oneAtATime(String conversationKey, Supplier<List<Reply>> turn);

    /** Orders the turns of one conversation within this process: a fixed set of locks, chosen by the key's hash. */
    static ConversationLocks inProcess() {
        return new Striped(1024);
    }

    /** One lock per stripe: bounded memory whatever the number of conversations, no clean-up. */
    final class Striped implements ConversationLocks {

        private final ReentrantLock[] stripes;

        Striped(int count) {
            stripes = new ReentrantLock[count];
            for (int i = 0; i < count; i++) {
                stripes[i] = new ReentrantLock();
            }
        }

        @Override
        public List<Reply> oneAtATime(String conversationKey, Supplier<List<Reply>> turn) {
            int h = conversationKey.hashCode();
            ReentrantLock lock = stripes[Math.floorMod(h ^ (h >>> 16), stripes.length)];
            lock.lock();
            try {
                return turn.get();
            } finally {
                lock.unlock();
            }
        }
    }
}
