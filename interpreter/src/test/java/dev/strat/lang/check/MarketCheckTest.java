package dev.strat.lang.check;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.plan.MarketPlan;
import dev.strat.lang.plan.MarketSourcePlan;
import dev.strat.runtime.data.TimeLength;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketCheckTest {

    private static MarketPlan market(String text) {
        CheckResult r = CheckFixtures.check(text);
        assertTrue(r.ok(), () -> CheckFixtures.messages(r));
        return r.plan().orElseThrow().markets().get(0);
    }

    private static List<String> errors(String text) {
        return CheckFixtures.check(text).errors().stream().map(Diagnostic::message).toList();
    }

    @Test
    void csvSourceWithOptions() {
        MarketPlan m = market("market c = csv(\"crypto_daily.csv.gz\", freq=1h, periods=8760) + cash symbols BTC, ETH");
        assertEquals(List.of(new MarketSourcePlan.CsvSource("crypto_daily.csv.gz", Optional.of(new TimeLength(1, TimeLength.Unit.HOUR)),
                java.util.OptionalDouble.of(8760))), m.sources());
        assertTrue(m.cash());
        assertEquals(List.of("BTC", "ETH"), m.symbols());
    }

    @Test
    void syntheticSourceWithDefaultSeed() {
        MarketPlan m = market("market g = synthetic gbm(assets=3, days=250)");
        assertEquals(List.of(new MarketSourcePlan.SyntheticSource(3, 250, 0)), m.sources());
        assertEquals(List.of("'assets' must be in [1, 500], got 0"), errors("market g = synthetic gbm(assets=0, days=250)"));
        assertEquals(List.of("'gbm' needs argument 'days'"), errors("market g = synthetic gbm(assets=2)"));
    }

    @Test
    void symbolsAreCheckedAgainstTheFile() {
        CheckResult r = CheckFixtures.check("market us = csv(\"us_large_caps_daily.csv.gz\") symbols AAPL, MSTF");
        assertEquals(1, r.errors().size());
        Diagnostic d = r.errors().get(0);
        assertEquals("symbol 'MSTF' is not in us_large_caps_daily.csv.gz", d.message());
        assertEquals(Optional.of("did you mean 'MSFT'?"), d.hint());
        assertEquals(61, d.span().column());
    }

    @Test
    void withoutCatalogSymbolsAreNotCheckedAgainstData() {
        CheckResult r = Checker.check(new dev.strat.lang.diag.Source("m.strat", "market us = csv(\"nowhere.csv\") symbols ZZZ"),
                CheckFixtures.context(Map.of(), false));
        assertTrue(r.ok(), () -> CheckFixtures.messages(r));
    }

    @Test
    void missingFileSaysWhereItLooked() {
        CheckResult r = CheckFixtures.check("market x = csv(\"missing.csv.gz\")");
        assertEquals("cannot read market data \"missing.csv.gz\"", r.errors().get(0).message());
        assertEquals(Optional.of("file not found: looked in /data/missing.csv.gz"), r.errors().get(0).hint());
    }

    @Test
    void duplicateSymbolsAndEmptyPath() {
        assertEquals(List.of("symbol 'BTC' is listed twice in market 'c'"), errors("market c = csv(\"crypto_daily.csv.gz\") symbols BTC, BTC"));
        assertEquals(List.of("the data file name is empty"), errors("market c = csv(\"\")"));
    }

    @Test
    void classesMustUseListedSymbolsOrCash() {
        MarketPlan m = market("market c = csv(\"crypto_daily.csv.gz\") + cash symbols BTC, ETH, BNB classes big: [BTC, ETH], small: [BNB], cash: [USD]");
        assertEquals(Map.of("big", List.of("BTC", "ETH"), "small", List.of("BNB"), "cash", List.of("USD")), m.classes());
        assertEquals(List.of("big", "small", "cash"), List.copyOf(m.classes().keySet()));
        assertEquals(List.of("'BNB' in class 'big' is not among the symbols of market 'c'"),
                errors("market c = csv(\"crypto_daily.csv.gz\") symbols BTC, ETH classes big: [BTC, BNB]"));
        assertEquals(List.of("class 'big' is defined twice in market 'c'"),
                errors("market c = csv(\"crypto_daily.csv.gz\") classes big: [BTC], big: [ETH]"));
    }

    @Test
    void aFeaturesClauseIsRejectedWhereItStandsAndPointsToTheAgent() {
        CheckResult r = CheckFixtures.check("""
                market c = csv("crypto_daily.csv.gz")
                    symbols BTC, ETH
                    features ohlcv, ta(all)
                """);
        assertEquals(1, r.errors().size(), () -> CheckFixtures.messages(r));
        Diagnostic d = r.errors().get(0);
        assertEquals("a market's 'features' clause is not used: observation features belong to the agent", d.message());
        assertTrue(d.hint().orElseThrow().contains("agent td3(features=[ohlcv(window=20), ta(indicators=all)])"), d.hint().toString());
        assertEquals(3, d.span().line());
        assertEquals(5, d.span().column());
        // every clause is reported, a repeated one too
        assertEquals(List.of(MarketChecker.FEATURES_UNUSED, MarketChecker.FEATURES_UNUSED),
                errors("market g = synthetic gbm(assets=2, days=20) features returns features weights"));
    }

    @Test
    void theAgentFormTheHintShowsChecks() {
        // the help line must not point to something that fails in turn
        assertTrue(MarketChecker.FEATURES_HELP.endsWith(MarketChecker.FEATURES_AGENT_FORM));
        market("market c = csv(\"crypto_daily.csv.gz\")\nstrategy s = " + MarketChecker.FEATURES_AGENT_FORM);
    }

    @Test
    void aMarketWithAFeaturesClauseIsStillCheckedAgainst() {
        // the clause is harmless to the market's plan, so experiments on it are checked as usual
        List<String> errors = errors("""
                market us = csv("us_large_caps_daily.csv.gz") symbols AAPL, MSFT features ohlcv
                experiment late on us split test 2024 {
                    compare ucrp
                }
                """);
        assertEquals(2, errors.size(), errors::toString);
        assertEquals(MarketChecker.FEATURES_UNUSED, errors.get(0));
        assertTrue(errors.get(1).contains("2024"), errors::toString);
    }

    @Test
    void theSketchOfRipoNoLongerChecksItsMarketFeatures() {
        // the language sketch still writes features on the market; it parses, and the check says where they belong
        CheckResult r = CheckFixtures.check(dev.strat.lang.parse.SketchPrograms.RIPO);
        assertTrue(r.errors().stream().anyMatch(d -> d.message().equals(MarketChecker.FEATURES_UNUSED) && d.span().line() == 3),
                () -> CheckFixtures.messages(r));
    }

    @Test
    void sourcesAreValidated() {
        assertEquals(List.of("'freq' must be 1d or 1h, got 4h"), errors("market c = csv(\"crypto_daily.csv.gz\", freq=4h)"));
        assertEquals(List.of("market 'c' mixes synthetic and file data"),
                errors("market c = csv(\"crypto_daily.csv.gz\") + synthetic gbm(assets=2, days=20)"));
        assertEquals(List.of("'cash' is listed twice in market 'c'"), errors("market c = synthetic gbm(assets=2, days=20) + cash + cash"));
        assertEquals(List.of("market 'c' has no data source"), errors("market c = cash"));
        assertEquals(List.of("unknown data source 'cvs'"), errors("market c = cvs(\"a.csv\")"));
    }
}
