package fr.civicgateway.core.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The state of a multi-turn flow in progress, kept in the conversation state (and so in the database): which flow,
 * which question it is waiting an answer to, and the slots filled so far. Plain strings only, so that it is stored
 * as it is and read back by any instance.
 *
 * @param flowId the {@link Flow#id()} of the flow
 * @param step   the flow's name for the question it asked last (e.g. {@code "where"}); the flow's own vocabulary
 * @param slots  the answers collected so far, by slot name, in the order they were filled
 */
public record ActiveFlow(String flowId, String step, Map<String, String> slots) {

    /** The step of a flow that has ended and is kept for one more message only (see {@link Flow#again}). */
    public static final String ENDED = "ended";

    public ActiveFlow {
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(step, "step");
        slots = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(slots));
    }

    public static ActiveFlow start(String flowId, String step) {
        return new ActiveFlow(flowId, step, Map.of());
    }

    /** True when the flow is over and kept only to answer a repeat of its last message ({@link Flow#again}). */
    public boolean ended() {
        return ENDED.equals(step);
    }

    public String slot(String name) {
        return slots.get(name);
    }

    public boolean has(String name) {
        return slots.containsKey(name);
    }

    /** This flow with one more slot filled (or replaced), still at the same step. */
    public ActiveFlow with(String name, String value) {
        Objects.requireNonNull(value, () -> "value of slot " + name);
        Map<String, String> copy = new LinkedHashMap<>(slots);
        copy.put(name, value);
        return new ActiveFlow(flowId, step, copy);
    }

    public ActiveFlow without(String name) {
        Map<String, String> copy = new LinkedHashMap<>(slots);
        copy.remove(name);
        return new ActiveFlow(flowId, step, copy);
    }

    public ActiveFlow at(String nextStep) {
        return new ActiveFlow(flowId, nextStep, slots);
    }
}
