package dev.strat.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a measurement in a fresh JVM, as JMH forks do: a JVM that has already run other work
 * carries that history (megamorphic call sites, a grown heap, loaded natives), and its figures
 * describe the history rather than the code measured. The child is a class's {@code main}, started
 * with this JVM's binary, options and class path; it reports on standard output, its standard
 * error passes through to ours.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** The current JVM's binary, options and class path, or null when the JVM does not say. */
    public static List<String> currentJava() {
        String binary = ProcessHandle.current().info().command().orElse(null);
        if (binary == null) return null;
        List<String> cmd = new ArrayList<>();
        cmd.add(binary);
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // a recording or a debugger belongs to the parent only
            if (!arg.startsWith("-XX:StartFlightRecording") && !arg.startsWith("-agentlib") && !arg.startsWith("-javaagent")) {
                cmd.add(arg);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        return cmd;
    }

    /**
     * Runs {@code mainClass} with {@code args} in a child started by {@code java} (as
     * {@link #currentJava()} gives it, JVM options may be appended), hands each line of its
     * standard output to {@code lines} as it comes, and returns all of them.
     *
     * @param what names the measurement in error messages
     * @throws IllegalStateException when the child cannot start or exits with a non-zero status
     */
    public static List<String> run(List<String> java, Class<?> mainClass, List<String> args, String what, Consumer<String> lines) {
        return run(java, mainClass, args, what, Map.of(), lines);
    }

    /** As {@link #run(List, Class, List, String, Consumer)}, with {@code environment} added to the child's. */
    public static List<String> run(List<String> java, Class<?> mainClass, List<String> args, String what, Map<String, String> environment,
                                   Consumer<String> lines) {
        List<String> cmd = new ArrayList<>(java);
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        try {
            ProcessBuilder builder = new ProcessBuilder(cmd);
            builder.environment().putAll(environment);
            Process p = builder.start();
            Thread errors = Thread.ofPlatform().daemon().start(() -> forwardErrors(p));
            List<String> out = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.add(line);
                    lines.accept(line);
                }
            }
            int code = p.waitFor();
            errors.join();
            if (code != 0) {
                throw new IllegalStateException("the child JVM measuring " + what + " exited with " + code + " and printed: "
                        + String.join("\n", out).strip());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a JVM to measure " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring " + what, e);
        }
    }

    /** The rest of the first line of {@code out} that starts with {@code prefix}. */
    public static String line(List<String> out, String prefix, String what) {
        for (String line : out) if (line.startsWith(prefix)) return line.substring(prefix.length());
        throw new IllegalStateException("the child JVM measuring " + what + " printed no '" + prefix.strip() + "' line: "
                + String.join("\n", out).strip());
    }

    /**
     * The child's standard error, line by line to ours, without the JVM's start-up notice that
     * the Vector API module is incubating: the parent said it once already, and every child
     * repeating it would bury the progress lines.
     */
    private static void forwardErrors(Process p) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                if (!line.startsWith(INCUBATOR_NOTICE)) System.err.println(line);
            }
        } catch (IOException e) {
            System.err.println("(the child JVM's error output could not be read: " + e.getMessage() + ")");
        }
    }

    /** How the JVM's notice of incubating modules starts. */
    static final String INCUBATOR_NOTICE = "WARNING: Using incubator modules:";
}
