package fr.civicgateway.app;

/**
 * A periodic task with a name, so that Actuator's {@code scheduledtasks} endpoint tells an admin what runs
 * ({@code "runnable": {"target": "idle-conversation-expiry"}}) rather than a lambda's class name.
 *
 * @param name what an admin reads
 * @param task the work; it handles its own failures (a scheduled task that throws is not run again)
 */
public record NamedTask(String name, Runnable task) implements Runnable {

    @Override
    public void run() {
        task.run();
    }

    @Override
    public String toString() {
        return name;
    }
}
