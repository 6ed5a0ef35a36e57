package dev.strat.lang.run;

import dev.strat.lang.Interpreter;
import dev.strat.lang.api.RunOptions;
import dev.strat.lang.api.RunOutcome;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import dev.strat.runtime.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.*;

/** Programs with user functions run end to end; a failing function is a located diagnostic. */
class UserFunctionRunTest {

    // QQQ stands for three double quotes, which a Java text block cannot hold unescaped

    @TempDir
    Path out;

    private RunOutcome run(String text) {
        return new Interpreter().run(new Source("t.strat", text.replace("QQQ", "\"\"\"")),
                new RunOptions(out, out, OptionalLong.empty(), Path.of("")), ProgressListener.NONE);
    }

    @Test
    void aJsEqualWeightAllocatorGivesTheNumbersOfTheBuiltinUcrp() throws java.io.IOException {
        RunOutcome outcome = run("""
                market m = synthetic gbm(assets=4, days=400, seed=3)
                costs fee 0.1%
                allow read "."
                function allocator js_ucrp() = js QQQ
                function js_ucrp(ctx, p) { return new Array(ctx.assets).fill(1 / ctx.assets); }
                QQQ
                experiment e on m {
                    compare js_ucrp, ucrp
                    seeds 2
                    metrics ar, vol, sharpe, turnover
                }
                """);
        assertTrue(outcome.failure() == null && !outcome.hasErrors(), DiagnosticFormatter.formatAll(outcome.diagnostics()) + outcome.failure());
        String table = outcome.tables().get(0);
        String js = table.lines().filter(l -> l.startsWith("js_ucrp")).findFirst().orElseThrow().substring("js_ucrp".length()).strip();
        String builtin = table.lines().filter(l -> l.startsWith("ucrp")).findFirst().orElseThrow().substring("ucrp".length()).strip();
        assertEquals(builtin, js, table);
        // the grant is part of what a rerun needs: the report's reproduce section shows it
        String html = java.nio.file.Files.readString(out.resolve("e").resolve("index.html"));
        assertTrue(html.contains("user functions may read") && html.contains("&quot;.&quot;") || html.contains("\".\""), "no grant in the report");
    }

    @Test
    void aFailingFunctionIsReportedAtItsDeclarationWithTheGuestLineAndDate() {
        RunOutcome outcome = run("""
                market m = synthetic gbm(assets=3, days=200, seed=3)
                function allocator shaky() = js QQQ
                function shaky(ctx, p) {
                  if (ctx.step === 5) throw new Error('bad day');
                  return [0, 0, 0, 1];
                }
                QQQ
                experiment e on m { compare shaky }
                """);
        Diagnostic d = outcome.diagnostics().stream().filter(Diagnostic::isError).findFirst()
                .orElseThrow(() -> new AssertionError("no error: " + outcome.failure()));
        assertEquals(2, d.span().line());
        assertTrue(d.message().matches("js allocator 'shaky' at \\d{4}-\\d\\d-\\d\\d: threw Error: bad day"), d.message());
        String printed = DiagnosticFormatter.format(d);
        assertTrue(printed.contains("guest code: if (ctx.step === 5) throw new Error('bad day');"), printed);
        assertTrue(printed.contains("at shaky (t.strat:4:"), printed);
    }

    @Test
    void aSessionsUserFunctionsJoinItsRegistryForHelpAndCompletion() {
        var session = new Interpreter().openSession(new RunOptions(out, out, OptionalLong.empty(), Path.of("")));
        assertTrue(session.registry().find("mine").isEmpty());
        var result = session.eval("function transform mine(cap: number = 50% in 0..1) = js QQQ\nfunction mine(ctx, p) { return ctx.proposal; }\nQQQ\n"
                .replace("QQQ", "\"\"\""), ProgressListener.NONE);
        assertTrue(result.ok(), result.diagnostics().toString());
        assertEquals("mine(cap=50%)", session.registry().find("mine").orElseThrow().signature());
        assertTrue(session.registry().find("ucrp").isPresent());
        session.reset();
        assertTrue(session.registry().find("mine").isEmpty());
    }
}
