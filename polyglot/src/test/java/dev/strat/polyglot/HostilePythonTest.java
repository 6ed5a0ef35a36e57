package dev.strat.polyglot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Hostile functions written in Python: each attack fails with a clear error naming the function
 * and the decision, and a well-behaved run afterwards (in the same JVM) is unharmed.
 */
class HostilePythonTest {

    /**
     * Runs {@code body} in a function. Its {@code import} lines go to the top level, which loads
     * under the generous loading limits: a cold first import takes seconds under the interpreter,
     * and the attack, not the import, is what is tested.
     */
    private static GuestException attack(String body, Sandbox sandbox) {
        StringBuilder imports = new StringBuilder(), rest = new StringBuilder();
        for (String line : body.strip().split("\n")) (line.startsWith("import ") ? imports : rest).append(line).append('\n');
        String code = imports + "def evil(ctx, p):\n" + rest.toString().indent(4) + "    return [0, 0, 0, 1]\n";
        var spec = Fixtures.py("evil", Role.ALLOCATOR, code);
        long before = System.nanoTime();
        GuestException e = assertThrows(GuestException.class, () -> Fixtures.backtest(Fixtures.stage(spec, sandbox, Map.of()), 1));
        assertTrue(System.nanoTime() - before < Duration.ofSeconds(60).toNanos(), "the attack was stopped in time");
        // an attack at load time (an import) has no decision date yet
        assertTrue(e.getMessage().startsWith("python allocator 'evil' (declared at test.strat:9:1)"), e.getMessage());
        System.out.println("ATTACK (python) " + body.strip().replace('\n', ';') + "\n   -> " + e.problem());
        stillHealthy();
        return e;
    }

    private static void stillHealthy() {
        var spec = Fixtures.py("ok", Role.ALLOCATOR, "def ok(ctx, p):\n    return [0.25, 0.25, 0.25, 0.25]\n");
        assertEquals(Fixtures.MARKET.bars() - 21, Fixtures.backtest(Fixtures.stage(spec, Sandbox.DEFAULT, Map.of()), 1).periods());
    }

    @Test
    void openingAFileIsDenied(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cret");
        assertTrue(attack("open(" + py(secret) + ").read()", HostileFunctionTest.TIGHT).problem().contains("PermissionError"));
        assertTrue(attack("import os\nos.listdir('/')", HostileFunctionTest.TIGHT).problem().contains("PermissionError"));
        GuestException e = attack("strat.read(" + py(secret) + ")", HostileFunctionTest.TIGHT);
        assertTrue(e.problem().contains("is not allowed: the program grants no folder (add: allow read \"dir\")"), e.problem());
        assertEquals("s3cret", Files.readString(secret));
    }

    @Test
    void openingASocketIsDenied() {
        assertEquals("was denied: socket was excluded", attack("import socket\nsocket.socket()", HostileFunctionTest.TIGHT).problem());
    }

    @Test
    void spawningAProcessIsDenied() {
        assertTrue(attack("import os\nos.system('touch /tmp/strat-pwned')", HostileFunctionTest.TIGHT).problem()
                .equals("was denied: Process creation is not allowed"));
        assertTrue(attack("import subprocess\nsubprocess.run(['ls'])", HostileFunctionTest.TIGHT).problem().contains("PermissionError"));
        assertFalse(Files.exists(Path.of("/tmp/strat-pwned")));
    }

    @Test
    void nativeCodeJavaAndOtherLanguagesAreOutOfReach() {
        assertTrue(attack("import ctypes\nctypes.CDLL(None)", HostileFunctionTest.TIGHT).problem().contains("ImportError"));
        assertTrue(attack("import java\njava.type('java.lang.System').exit(1)", HostileFunctionTest.TIGHT).problem()
                .contains("java.lang.System is not defined or access has been denied"));
        assertTrue(attack("import polyglot\npolyglot.eval(language='js', string='1')", HostileFunctionTest.TIGHT).problem()
                .contains("polyglot access is not allowed"));
        assertTrue(attack("import _thread\n_thread.start_new_thread(print, (1,))", HostileFunctionTest.TIGHT).problem()
                .equals("was denied: Creating threads is not allowed."));
        assertTrue(attack("import os\nos.environ['HOME']", HostileFunctionTest.TIGHT).problem().contains("KeyError"));
    }

    @Test
    void spinningForeverIsStopped() {
        // under a generous wall clock the statement limit stops it
        Sandbox statementsOnly = HostileFunctionTest.TIGHT.withLimits(2_000_000, Duration.ofSeconds(30), 64L << 20);
        assertTrue(attack("while True:\n    pass", statementsOnly).problem().contains("ran past its limit of 2000000 statements per call"));
    }

    @Test
    void allocatingWithoutBoundHitsTheAllocationBudget() {
        Sandbox budget = HostileFunctionTest.TIGHT.withLimits(Long.MAX_VALUE / 2, Duration.ofSeconds(30), 64L << 20);
        GuestException e = attack("keep = []\nwhile True:\n    keep.append(bytearray(1 << 20))", budget);
        assertTrue(e.problem().contains("allocated more than its budget of 64 MiB per call"), e.problem());
    }

    @Test
    void anotherRunsModuleStateIsOutOfReach() {
        // a module global and a builtin set by one run are not seen by the next: every run has its own context
        var writer = Fixtures.py("w", Role.ALLOCATOR, "import builtins\ndef w(ctx, p):\n    global leak\n    leak = 42\n"
                + "    builtins.leak2 = 42\n    return [0, 0, 0, 1]\n");
        Fixtures.backtest(Fixtures.stage(writer, HostileFunctionTest.TIGHT, Map.of()), 1);
        GuestException e = attack("import builtins\nif 'leak' not in globals() and not hasattr(builtins, 'leak2'):\n"
                + "    raise RuntimeError('no leak visible')", HostileFunctionTest.TIGHT);
        assertTrue(e.problem().contains("no leak visible"), e.problem());
    }

    private static String py(Path p) {
        return "'" + p.toString().replace("\\", "\\\\") + "'";
    }
}
