package dev.strat.lang.run;

import dev.strat.lang.Interpreter;
import dev.strat.lang.api.RunOptions;
import dev.strat.lang.api.RunOutcome;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import dev.strat.runtime.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A user indicator stands in ta(indicators=[...]) beside the built-in ones, and an agent with a
 * random user feature gives the same table for the same seeds (the feature draws from the run's seed).
 */
class UserIndicatorRunTest {

    // QQQ stands for three double quotes, which a Java text block cannot hold unescaped
    private static final String PROGRAM = """
            market m = synthetic gbm(assets=4, days=700, seed=5)
            costs fee 0.1%
            split s = train ..2001-06-30, valid 2001-07-01..2001-12-31, test 2002-01-01..
            function indicator drawdown(window: bars = 20 in 2..500) = js QQQ
            function drawdown(ctx, p) {
              const out = [];
              for (let a = 0; a < ctx.assets; a++) {
                let peak = 0;
                for (let k = 0; k < p.window; k++) peak = Math.max(peak, ctx.close(k, a));
                out.push(ctx.close(0, a) / peak - 1);
              }
              return out;
            }
            QQQ
            function feature noise() = js QQQ
            function noise(ctx, p) { const o = []; for (let a = 0; a < ctx.assets; a++) o.push(Math.random() - 0.5); return o; }
            QQQ
            strategy learner = agent td3(hidden=[16, 16], features=[ta(indicators=[rsi(14), drawdown(window=10)]), noise, weights],
                                         learning_starts=50, epochs=1)
            experiment e on m split s {
                compare learner, ucrp
                seeds 2
                metrics ar, sharpe
            }
            """.replace("QQQ", "\"\"\"");

    @TempDir
    Path out;

    private RunOutcome run(String text) {
        return new Interpreter().run(new Source("ind.strat", text), new RunOptions(out, out, OptionalLong.empty(), Path.of("")),
                ProgressListener.NONE);
    }

    @Test
    void aUserIndicatorRunsInsideTaAndTheSameSeedsGiveTheSameTable() {
        RunOutcome first = run(PROGRAM);
        assertEquals(0, first.exitCode(), DiagnosticFormatter.formatAll(first.diagnostics()) + first.failure());
        assertTrue(first.tables().get(0).contains("learner"), first.tables().get(0));
        RunOutcome again = run(PROGRAM);
        assertEquals(first.tables(), again.tables(), "same program and seeds, same results");
    }

    @Test
    void anIndicatorIsNotAFeature() {
        RunOutcome wrong = run(PROGRAM.replace("noise, weights]", "drawdown(window=5), weights]"));
        assertTrue(wrong.hasErrors(), "an indicator listed as a feature must be refused");
        String messages = DiagnosticFormatter.formatAll(wrong.diagnostics());
        assertTrue(messages.contains("'drawdown' is an indicator"), messages);
    }
}
