package dev.strat.polyglot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a user function may do. Everything is denied but computing: no files, network, processes,
 * threads, environment, host classes, native code or other languages. The program's
 * {@code allow read "dir"} grants are the only way to read anything ({@code strat.read(path)}).
 *
 * <p>The Community Edition limits statements per call (Truffle's {@code ResourceLimits}); it has no
 * heap or CPU-time limit (those are Enterprise-only sandbox options). So a watchdog enforces the
 * wall-clock limit and an allocation budget per call: it reads the bytes the calling thread has
 * allocated and cancels the context when a call goes over.
 *
 * @param readable        folders the program granted read access to, absolute and normalised
 * @param statementLimit  statements one call may execute
 * @param callTimeout     wall-clock time one call may take
 * @param allocationLimit bytes one call may allocate (counted, not live)
 */
public record Sandbox(List<Path> readable, long statementLimit, Duration callTimeout, long allocationLimit) {

    /** Ten million statements, two seconds and 256 MiB per call: far beyond a sane signal, soon enough to stop a runaway one. */
    public static final Sandbox DEFAULT = new Sandbox(List.of(), 10_000_000L, Duration.ofSeconds(2), 256L << 20);

    public Sandbox {
        readable = readable.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (statementLimit <= 0 || allocationLimit <= 0 || callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("sandbox limits must be positive");
        }
    }

    /** This sandbox with {@code dirs} readable too. */
    public Sandbox allowRead(List<Path> dirs) {
        List<Path> all = new java.util.ArrayList<>(readable);
        all.addAll(dirs);
        return new Sandbox(all, statementLimit, callTimeout, allocationLimit);
    }

    public Sandbox withLimits(long statements, Duration timeout, long allocation) {
        return new Sandbox(readable, statements, timeout, allocation);
    }

    /**
     * The wall-clock limit on loading a function's code (its top level and imports). The first
     * Python context of a process parses and runs the modules it imports under the interpreter,
     * which takes tens of seconds for {@code random} on a busy machine, so loading gets at least
     * a minute; the statement limit still applies.
     */
    public Duration loadTimeout() {
        return callTimeout.compareTo(Duration.ofSeconds(60)) > 0 ? callTimeout : Duration.ofSeconds(60);
    }

    /** The allocation budget of loading a function's code: at least 1 GiB, for the same reason. */
    public long loadAllocationLimit() {
        return Math.max(allocationLimit, 1L << 30);
    }

    /** True when {@code file} lies inside a granted folder (after resolving {@code ..}). */
    public boolean mayRead(Path file) {
        Path p = file.toAbsolutePath().normalize();
        return readable.stream().anyMatch(p::startsWith);
    }
}
