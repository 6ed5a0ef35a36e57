package dev.strat.lang.check;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What building reports at run time is reported by the check, from the market's facts alone. */
class BuildCheckTest {

    private static List<String> errors(String text, boolean withCatalog) {
        CheckResult r = Checker.check(new Source("b.strat", text), CheckFixtures.context(Map.of(), withCatalog));
        return r.errors().stream().map(Diagnostic::message).toList();
    }

    @Test
    void compositeArgumentsAreCheckedAgainstTheUniverseAndThePool() {
        List<String> e = errors("""
                market m = synthetic gbm(assets=3, days=300, seed=1)
                experiment x on m { compare select top(3) by momentum(lookback=20) | ucrp, switch fixed(4) over [ucrp, bah] }
                """, false);
        assertEquals(2, e.size(), e::toString);
        assertTrue(e.get(0).startsWith("top(3) must pick fewer assets than the market's 3"), e.get(0));
        assertTrue(e.get(1).startsWith("fixed(index=4) names member 4, but the pool has 2 members"), e.get(1));
    }

    @Test
    void withOneMarketEveryDeclaredStrategyIsBuiltEvenUnused() {
        List<String> e = errors("""
                market m = synthetic gbm(assets=3, days=300, seed=1)
                strategy u = crp(weights=[50%, 60%, 10%])
                """, false);
        assertTrue(e.contains("crp: weights must sum to 100%, they sum to 120%"), e::toString);
    }

    @Test
    void lengthsAreConvertedWithTheFilesCalendar() {
        List<String> e = errors("""
                market us = csv("us_large_caps_daily.csv.gz") symbols AAPL, MSFT, JPM
                backtest olmar(window=12h) on us
                """, true);
        assertEquals(1, e.size(), e::toString);
        assertTrue(e.get(0).contains("12h"), e.get(0));
    }

    @Test
    void withoutTheFactsTheRunReportsInstead() {
        // a file the catalog does not know: no universe or calendar to build for, so nothing is claimed
        assertEquals(List.of(), errors("""
                market other = csv("unknown.csv.gz")
                backtest select top(99) by momentum(lookback=5) | ucrp on other
                """, true));
    }
}
