package dev.strat.cli.repl;

import dev.strat.cli.FakeEngine;
import dev.strat.cli.TestRegistry;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplTest {

    @TempDir
    Path dir;

    private final FakeEngine.FakeSession session = new FakeEngine.FakeSession();

    /** Drives the REPL over a dumb terminal with {@code input} typed, and returns what it printed. */
    private String drive(String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // A DumbTerminal directly: TerminalBuilder.streams(..).dumb(true) prefers a pty provider when
        // native support is present, and that one closes its input early.
        try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, StandardCharsets.UTF_8)) {
            new Repl(terminal, session, TestRegistry.registry(), dir.resolve("history"), dir, dir, System::nanoTime).run();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void definitionsErrorsHelpAndQuit() throws Exception {
        String out = drive("""
                strategy fast = olmar(window=5)
                strategy bad = olmr(window=5)
                :help olmar
                backtest fast on m
                :quit
                strategy never = ucrp
                """);
        assertTrue(out.contains("defined strategy fast"), out);
        assertTrue(out.contains("""
                <repl>:1:16: error: unknown built-in 'olmr'
                    1 | strategy bad = olmr(window=5)
                      |                ^~~~
                      = did you mean 'olmar'?
                1 error
                """), out);
        assertTrue(out.contains("olmar(window=5, eps=10)\n  kind: allocator"), out);
        assertTrue(out.contains("ar 12.4%  mdd 18.1%"), out);
        // the error did not end the session, :quit did
        assertEquals(List.of("strategy fast = olmar(window=5)", "strategy bad = olmr(window=5)", "backtest fast on m"),
                session.entries);
        assertFalse(session.definedNames().contains("never"));
        assertEquals(java.util.Set.of("fast"), session.definedNames());
    }

    @Test
    void incompleteEntriesContinueOnTheNextLine() throws Exception {
        String out = drive("strategy s = olmar |\n  constrain(max_weight=40%)\n:q\n");
        assertEquals(List.of("strategy s = olmar |\n  constrain(max_weight=40%)"), session.entries);
        // a dumb terminal does not redraw, so the continuation prompt itself shows only in a real one
        assertTrue(out.contains("defined strategy s"), out);
    }

    @Test
    void endOfInputLeavesAndHistoryPersists() throws Exception {
        drive("strategy a = ucrp\n");
        assertEquals(List.of("strategy a = ucrp"), session.entries);
        String history = Files.readString(dir.resolve("history"));
        assertTrue(history.contains("strategy a = ucrp"), history);
    }

    @Test
    void helpShowsAParameterisedStrategysSignature() throws Exception {
        java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("m", "0.8");
        params.put("v", "0.005");
        session.parameters.put("ripo", params);
        String out = drive(":help ripo\n:quit\n");
        assertTrue(out.contains("strategy ripo(m = 0.8, v = 0.005), defined in this session"), out);
        assertTrue(out.contains("ripo(m=...) changes one by name"), out);
    }

    @Test
    void unknownCommandSuggests() throws Exception {
        String out = drive(":hlep\n:quit\n");
        assertTrue(out.contains("unknown command ':hlep'; did you mean ':help'?"), out);
    }

    @Test
    void helpListsBuiltinsAndUnknownNamesSuggest() throws Exception {
        String out = drive(":help\n:help olmr\n");
        assertTrue(out.contains("allocators\n  olmar      On-line moving average reversion"), out);
        assertTrue(out.contains("unknown built-in 'olmr'; did you mean 'olmar'?"), out);
    }

    @Test
    void loadAndReset() throws Exception {
        Files.writeString(dir.resolve("defs.strat"), "strategy loaded = ucrp\n");
        String out = drive(":load defs.strat\n:load missing.strat\n:reset\n");
        assertTrue(out.contains("defined strategy loaded"), out);
        assertTrue(out.contains("cannot load 'missing.strat': no such file"), out);
        assertTrue(out.contains("session reset"), out);
        assertTrue(session.definedNames().isEmpty());
    }

    @Test
    void aCrashInTheEngineDoesNotEndTheSession() throws Exception {
        String out = drive("strategy x = BOOM\nstrategy ok = ucrp\n");
        assertTrue(out.contains("internal error: java.lang.IllegalStateException: evaluator exploded"), out);
        assertTrue(out.contains("defined strategy ok"), out);
    }
}
