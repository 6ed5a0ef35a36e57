package dev.strat.lang.run;

import dev.strat.lang.Interpreter;
import dev.strat.lang.api.RunOptions;
import dev.strat.lang.api.RunOutcome;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import dev.strat.runtime.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code significance sharpe_diff(...)}, {@code wilcoxon(...)} and {@code ranksum(...)} reach the table and
 * results.json, each naming its test and the metric it compared.
 */
class SignificanceRunTest {

    @TempDir
    Path out;

    private RunOutcome run(String significance) {
        RunOutcome outcome = new Interpreter().run(new Source("t.strat", """
                market m = synthetic gbm(assets=4, days=600, seed=3)
                costs fee 0.1%
                experiment e on m {
                    compare ucrp, bah, olmar(window=5)
                    seeds 2
                    metrics ar, sharpe
                    SIG
                }
                """.replace("SIG", significance)), new RunOptions(out, out, OptionalLong.empty(), Path.of("")), ProgressListener.NONE);
        assertEquals(0, outcome.exitCode(), DiagnosticFormatter.formatAll(outcome.diagnostics()) + outcome.failure());
        return outcome;
    }

    @Test
    void sharpeDiffTestsOverTimeAndShowsPsrAndDsr() throws Exception {
        String table = run("significance sharpe_diff(ucrp, alpha=10%, resamples=199)").tables().get(0);
        assertTrue(table.contains("Ledoit-Wolf Sharpe difference test over time vs ucrp (two-sided, alpha 0.1, paired by period on seed 1's returns"), table);
        assertTrue(table.lines().anyMatch(l -> l.trim().startsWith("sharpe  bah") && l.contains("HAC p = ")), table);
        assertTrue(table.contains("DSR deflates for the 3 strategies compared"), table);
        assertTrue(table.lines().anyMatch(l -> l.trim().startsWith("olmar(window=5)") && l.contains("PSR ") && l.contains("DSR ")), table);
        String json = Files.readString(out.resolve("e").resolve("results.json"));
        assertTrue(json.contains("\"test\" : \"sharpe_diff\""), json);
        assertTrue(json.contains("\"sharpeConfidence\""), json);
    }

    /* With random slippage every seed's values differ; 2 against 2 seeds cannot reach 0.05, which the table says. */
    @Test
    void ranksumTestsTheChosenMetricOverSeeds() throws Exception {
        RunOutcome outcome = run("slippage 0%..0.2%\n    significance ranksum(ucrp, metric=ar)");
        String table = outcome.tables().get(0);
        assertTrue(table.contains("Wilcoxon rank-sum test (Mann-Whitney U) over seeds vs ucrp (two-sided, alpha 0.05, "
                + "unpaired: each strategy's seeds are one sample; exact p over every split of the seeds"), table);
        assertEquals(2, table.lines().filter(l -> l.trim().startsWith("ar ") && l.contains("p = ")).count(), table);
        assertTrue(table.contains("note: with 2 against 2 seed(s) the smallest p the rank-sum test can give is 0.333"), table);
        String json = Files.readString(out.resolve("e").resolve("results.json"));
        assertTrue(json.contains("\"test\" : \"ranksum\""), json);
        assertTrue(json.contains("\"metric\" : \"ar\""), json);
        assertTrue(!json.contains("\"metric\" : \"sharpe\""), json);
    }

    /* Two tests on one line: each its own section of the table, in order, and its own rows of results.json and plan.yaml. */
    @Test
    void severalTestsOnOneLineEachReachTheTableAndResults() throws Exception {
        String table = run("slippage 0%..0.2%\n    significance ranksum(ucrp, metric=ar), wilcoxon(bah, alpha=10%)").tables().get(0);
        int rankSum = table.indexOf("Wilcoxon rank-sum test (Mann-Whitney U) over seeds vs ucrp (two-sided, alpha 0.05");
        int signedRank = table.indexOf("vs bah (two-sided, alpha 0.1, paired by seed");
        assertTrue(rankSum > 0 && signedRank > rankSum, table);
        String json = Files.readString(out.resolve("e").resolve("results.json"));
        assertTrue(json.contains("\"test\" : \"ranksum\"") && json.contains("\"test\" : \"wilcoxon\""), json);
        assertTrue(json.contains("\"reference\" : \"bah\"") && json.contains("\"alpha\" : 0.1"), json);
        String plan = Files.readString(out.resolve("e").resolve("plan.yaml"));
        assertTrue(plan.contains("test=ranksum, reference=ucrp") && plan.contains("test=wilcoxon, reference=bah"), plan);
        // the report shows them too, a table per test under the same headers, in the same order
        String html = Files.readString(out.resolve("e").resolve("index.html"));
        int first = html.indexOf("<table id=\"significance-1\">");
        int second = html.indexOf("<table id=\"significance-2\">");
        assertTrue(html.contains("<a href=\"#significance\">Significance</a>"), "linked from the page's navigation");
        assertTrue(first > 0 && second > first, "two tables, in order");
        assertTrue(html.indexOf("over seeds vs ucrp (two-sided, alpha 0.05") < first
                && html.indexOf("vs bah (two-sided, alpha 0.1, paired by seed") > first, "each under its header");
    }

    @Test
    void wilcoxonTakesAMetricToo() throws Exception {
        run("significance wilcoxon(ucrp, metric=ar)");
        String json = Files.readString(out.resolve("e").resolve("results.json"));
        assertTrue(json.contains("\"test\" : \"wilcoxon\""), json);
        assertTrue(json.contains("\"metric\" : \"ar\""), json);
    }

    @Test
    void wilcoxonStillWorksAndSaysItMeasuresSeeds() throws Exception {
        String table = run("significance wilcoxon(ucrp)").tables().get(0);
        assertTrue(table.contains("Wilcoxon signed-rank test over seeds vs ucrp"), table);
        assertTrue(table.contains("measures seed-to-seed noise"), table);
        assertTrue(Files.readString(out.resolve("e").resolve("results.json")).contains("\"test\" : \"wilcoxon\""));
    }
}
