package fr.civicgateway.benchmarks;

import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.dialogue.Dialogue;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time per answer on one thread, by the thread's own CPU clock: on a shared machine, wall-clock figures (JMH's
 * avgt) say as much about the other processes as about the code; the thread's CPU time much less. The same questions
 * as {@link AnswerBenchmark}, each the first message of a new conversation, {@code Dialogue.handle} without HTTP.
 * Each round runs every question {@code ops} times in turn (so that a burst of load spreads over all of them); the
 * first {@code warm-up} rounds are dropped.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar fr.civicgateway.benchmarks.AnswerCpu [data] [rounds] [ops] [warm-up] [question,...]}</pre>
 */
public final class AnswerCpu {

    private AnswerCpu() {
    }

    public static void main(String[] args) {
        String data = args.length > 0 ? args[0] : "data";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int ops = args.length > 2 ? Integer.parseInt(args[2]) : 4_000;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<String> names = args.length > 4 ? List.of(args[4].split(",")) : AnswerQuestions.names();
        Dialogue dialogue = Gateway.load(data).dialogue();
        names.forEach(n -> AnswerQuestions.check(dialogue, n));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> micros = new LinkedHashMap<>();
        names.forEach(n -> micros.put(n, new ArrayList<>()));
        long conversation = 0;
        for (int round = 0; round < rounds; round++) {
            for (String name : names) {
                String text = AnswerQuestions.get(name).text();
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < ops; i++) {
                    dialogue.handle(new IncomingMessage("bench", "c" + conversation++, text, null, null));
                }
                double perOp = (threads.getCurrentThreadCpuTime() - start) / 1_000.0 / ops;
                if (round >= warmUp) {
                    micros.get(name).add(perOp);
                }
            }
        }
        System.out.printf(Locale.ROOT, "CPU µs per answer, one thread, %d rounds of %d after %d warm-up rounds%n",
                rounds - warmUp, ops, warmUp);
        micros.forEach((name, list) -> {
            double[] sorted = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-18s median %7.1f  min %7.1f  max %7.1f  rounds %s%n", name,
                    median(sorted), sorted[0], sorted[sorted.length - 1],
                    Arrays.toString(Arrays.stream(sorted).map(v -> Math.round(v * 10) / 10.0).toArray()));
        });
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
