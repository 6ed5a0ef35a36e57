package dev.strat.polyglot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Hostile user functions: each attack fails with a clear error naming the function and the
 * decision, and a well-behaved run afterwards (in the same JVM) is unharmed.
 */
class HostileFunctionTest {

    /** Tight limits so the runaway cases end fast; an honest function stays far below them. */
    static final Sandbox TIGHT = Sandbox.DEFAULT.withLimits(2_000_000, Duration.ofMillis(1500), 64L << 20);

    private static GuestException attack(String body, Sandbox sandbox) {
        var spec = Fixtures.spec("evil", Role.ALLOCATOR, "function evil(ctx, p) {\n" + body + "\nreturn [0, 0, 0, 1];\n}");
        long before = System.nanoTime();
        GuestException e = assertThrows(GuestException.class, () -> Fixtures.backtest(Fixtures.stage(spec, sandbox, Map.of()), 1));
        assertTrue(System.nanoTime() - before < Duration.ofSeconds(20).toNanos(), "the attack was stopped in time");
        assertTrue(e.getMessage().startsWith("js allocator 'evil' (declared at test.strat:9:1) at "), e.getMessage());
        System.out.println("ATTACK " + body.strip().replace('\n', ' ') + "\n   -> " + e.getMessage());
        stillHealthy();
        return e;
    }

    /** After an attack a fresh function still runs and the JVM still works. */
    private static void stillHealthy() {
        var spec = Fixtures.spec("ok", Role.ALLOCATOR, "function ok(ctx, p) { return [0.25, 0.25, 0.25, 0.25]; }");
        assertEquals(Fixtures.MARKET.bars() - 21, Fixtures.backtest(Fixtures.stage(spec, Sandbox.DEFAULT, Map.of()), 1).periods());
    }

    @Test
    void readingAFileIsDenied(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cret");
        GuestException e = attack("strat.read(" + js(secret) + ");", TIGHT);
        assertTrue(e.problem().contains("reading '" + secret + "' is not allowed: the program grants no folder (add: allow read \"dir\")"), e.problem());
        // load() goes through Truffle's file system, which the sandbox gives no access to
        assertTrue(attack("load(" + js(secret) + ");", TIGHT).problem().contains("threw"));
    }

    @Test
    void aReadGrantOpensItsFolderOnly(@TempDir Path dir) throws IOException {
        Path granted = Files.createDirectories(dir.resolve("granted"));
        Files.writeString(granted.resolve("w.txt"), "0.25");
        Path outside = Files.writeString(dir.resolve("other.txt"), "x");
        Sandbox allowed = TIGHT.allowRead(List.of(granted));
        var spec = Fixtures.spec("fromFile", Role.ALLOCATOR, "function fromFile(ctx, p) { const w = Number(strat.read("
                + js(granted.resolve("w.txt")) + ")); return [w, w, w, 1 - 3 * w]; }");
        assertEquals(0.25, Fixtures.backtest(Fixtures.stage(spec, allowed, Map.of()), 1).weight(0, 0), 1e-12);
        // '..' does not climb out of the grant
        GuestException e = attack("strat.read(" + js(granted.resolve("../other.txt")) + ");", allowed);
        assertTrue(e.problem().contains("is not allowed: the program grants only [" + granted + "]"), e.problem());
        assertTrue(Files.exists(outside));
    }

    @Test
    void openingASocketIsDenied() {
        // no host classes, no Java interop and no Node modules: nothing that could open one exists
        GuestException e = attack("const s = new java.net.Socket('localhost', 80);", TIGHT);
        assertTrue(e.problem().contains("Access to host class java.net.Socket is not allowed"), e.problem());
        assertTrue(attack("require('net').connect(80);", TIGHT).problem().contains("require is not defined"));
    }

    @Test
    void spawningAProcessIsDenied() {
        assertTrue(attack("Java.type('java.lang.ProcessBuilder');", TIGHT).problem().contains("Access to host class java.lang.ProcessBuilder is not allowed"));
        assertTrue(attack("Polyglot.eval('python', 'import os');", TIGHT).problem().startsWith("threw"));
    }

    @Test
    void loadingAJavaClassIsDenied() {
        assertTrue(attack("Java.type('java.lang.System').exit(1);", TIGHT).problem().contains("Access to host class java.lang.System is not allowed"));
        // a host object handed in (a proxy) exposes no class, no reflection
        assertTrue(attack("ctx.getClass().forName('java.lang.Runtime');", TIGHT).problem().startsWith("threw TypeError"));
    }

    @Test
    void spinningForeverHitsTheStatementLimit() {
        // a generous wall clock, so that the statement limit is what stops it even on a busy machine
        Sandbox statementsOnly = TIGHT.withLimits(2_000_000, Duration.ofSeconds(30), 64L << 20);
        assertTrue(attack("while (true) {}", statementsOnly).problem().contains("ran past its limit of 2000000 statements per call"));
    }

    @Test
    void spinningWithoutStatementsHitsTheWallClock() {
        // one statement that takes ages: a back-reference makes the regex engine backtrack exponentially
        Sandbox clockOnly = TIGHT.withLimits(Long.MAX_VALUE / 2, Duration.ofMillis(500), 1L << 40);
        GuestException e = attack("/^(a+)+\\1$/.test('a'.repeat(40) + 'b');", clockOnly);
        assertTrue(e.problem().contains("ran past its wall-clock limit of 500 ms per call"), e.problem());
    }

    @Test
    void allocatingWithoutBoundHitsTheAllocationBudget() {
        Sandbox budget = TIGHT.withLimits(Long.MAX_VALUE / 2, Duration.ofSeconds(30), 64L << 20);
        GuestException e = attack("const keep = []; while (true) keep.push(new Float64Array(1 << 20));", budget);
        assertTrue(e.problem().contains("allocated more than its budget of 64 MiB per call"), e.problem());
    }

    @Test
    void anotherContextsStateIsOutOfReach() {
        // a global set by one run is not seen by another: every run has its own context
        var writer = Fixtures.spec("w", Role.ALLOCATOR, "function w(ctx, p) { globalThis.leak = 42; return [0, 0, 0, 1]; }");
        Fixtures.backtest(Fixtures.stage(writer, TIGHT, Map.of()), 1);
        GuestException e = attack("if (typeof leak === 'undefined') throw new Error('no leak visible');", TIGHT);
        assertTrue(e.problem().contains("no leak visible"), e.problem());
        // and Math.random cannot be replaced to steer another function
        attack("'use strict'; Math.random = () => 0;", TIGHT);
    }

    private static String js(Path p) {
        return "'" + p.toString().replace("\\", "\\\\") + "'";
    }
}
