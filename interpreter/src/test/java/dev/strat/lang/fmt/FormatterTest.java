package dev.strat.lang.fmt;

import dev.strat.lang.ast.Program;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import dev.strat.lang.parse.ParseResult;
import dev.strat.lang.parse.Parser;
import dev.strat.lang.parse.SketchPrograms;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatterTest {

    static Program parse(String text) {
        ParseResult r = Parser.parse(new Source("t.strat", text));
        assertTrue(r.diagnostics().isEmpty(), () -> DiagnosticFormatter.formatAll(r.diagnostics()) + "\n" + text);
        return r.program();
    }

    static String fmt(String text) {
        return Formatter.format(parse(text));
    }

    /** The AST without positions, to compare programs that differ only in layout. */
    static String shape(Program p) {
        return p.decls().toString().replaceAll("span=[^,\\]]+", "");
    }

    /** Formatting keeps the meaning, is idempotent and yields lines of at most 100 columns. */
    static void assertCanonical(String text) {
        String once = fmt(text);
        String twice = fmt(once);
        assertEquals(once, twice, "format is not idempotent");
        assertEquals(shape(parse(text)), shape(parse(once)), "format changed the program:\n" + once);
        assertEquals(parse(text).comments().stream().map(c -> c.text().strip()).sorted().toList(),
                parse(once).comments().stream().map(c -> c.text().strip()).sorted().toList(), "comments lost:\n" + once);
    }

    @TestFactory
    Stream<DynamicTest> sketchProgramsFormatIdempotently() {
        return SketchPrograms.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> assertCanonical(e.getValue())));
    }

    @Test
    void ripoCanonicalLayout() {
        assertEquals("""
                market sp500 = csv("ripo_sp500_top10_daily.csv.gz")
                    symbols AAPL, MSFT, AMZN, GOOGL, TSLA, GOOG, UNH, NVDA, JNJ, META
                    features ohlcv, ta(all)  # the paper's Appendix A indicators, via Ta4j

                costs fee 0.25%, slippage 0%..0.1%
                capital 1_000_000

                split ms1 = train 2015..2017, valid 2018, test 2019
                split ms2 = train 2015..2019, valid 2020, test 2021-01-01..2022-10-31

                strategy ripo = agent td3(hidden=[400, 300], lr=1e-3, buffer=1e6, batch=100, target_noise=0.2)
                  | risk barrier(window=21d, gamma=0.8, market_risk=0)
                  | adapt dcm(lambda_min=0.8, rho=0.005)
                  | adapt ars(scale=1, window=5d)

                experiment table2 on sp500 split ms2 {
                    compare ripo, td3 = agent td3(hidden=[400, 300]), crp, eg, olmar, pamr, corn
                    seeds 10
                    metrics ar, mdd, sr
                    significance wilcoxon(ripo, alpha=0.05)
                    report "out/ripo-ms2"
                }
                """, fmt(SketchPrograms.RIPO));
    }

    @Test
    void switchingCanonicalLayout() {
        assertEquals("""
                market crypto = csv("crypto_hourly.csv.gz", freq=1h)

                models hc = [hrp(window=w, risk=cdar) for w in 30, 50, 100, 200, 400, 700]
                  + [herc(window=w, risk=cdar) for w in 30, 50, 100, 200, 400, 700]

                strategy switcher = switch ppo(hidden=[64, 64]) every 5 over hc + [hold]
                strategy blended = blend ppo(hidden=[64, 64]) every 5 over hc
                strategy random = switch random every 5 over hc + [hold]

                experiment fig5 on crypto split train ..2021-06-30, test 2021-07-01.. {
                    warmup 700
                    compare switcher, random, bah, hc
                    seeds 30
                }
                """, fmt(SketchPrograms.SWITCHING));
    }

    @Test
    void poolMembersKeepTheirSchedules() {
        assertCanonical("models hc = [hrp(window=w) every 24h for w in [30, 60]] + [herc(window=30) every 5, bah]\n");
    }

    @Test
    void longAgentCallsWrapAfterCommasAlignedToTheParenthesis() {
        String out = fmt("strategy t = agent td3(hidden=[64, 64], features=[returns(window=20), covariance(window=21), weights], "
                + "actions=normalise, reward=simple_return(scale=100), epochs=20)\n");
        assertEquals("""
                strategy t = agent td3(hidden=[64, 64],
                                       features=[returns(window=20), covariance(window=21), weights],
                                       actions=normalise, reward=simple_return(scale=100), epochs=20)
                """, out);
        assertCanonical(out);
        for (String line : out.split("\n")) assertTrue(line.length() <= 100, line);
    }

    @Test
    void hadapsKeepsTheBlock() {
        String out = fmt(SketchPrograms.HADAPS);
        assertTrue(out.contains("""
                strategy hadaps = hierarchy sac(action_scale=5, lr=1e-5, dropout=0.3, buffer=4000, batch=32) {
                    inter mlp(256, 128, 64, 32, 16) on volatility(window=20)
                    intra mlp(256, 128, 64, 32, 16) on price(window=20)
                }
                """), out);
    }

    @Test
    void messySpacingNormalises() {
        String messy = """
                market   m=synthetic   gbm( assets = 5 ,days=1000,seed =7 )
                strategy s=olmar( window = 5 )|constrain(max_weight = 40% )
                strategy   t =
                   crp
                   |   risk barrier( window=21d )
                costs fee 0.25% ,slippage 0%  ..  0.1%
                   capital    1_000_000
                backtest   s   on m
                experiment e on m split train 2015 .. 2017 ,test 2018{compare s,t,x=eg(eta=0.05);seeds 3 ; metrics ar,mdd}
                goal wealth>=1.25*capital at horizon
                models h = [ hrp( window = w ) for w in 30 ,50 ]+[ hold ]
                """;
        assertEquals("""
                market m = synthetic gbm(assets=5, days=1000, seed=7)

                strategy s = olmar(window=5) | constrain(max_weight=40%)
                strategy t = crp | risk barrier(window=21d)

                costs fee 0.25%, slippage 0%..0.1%
                capital 1_000_000

                backtest s on m

                experiment e on m split train 2015..2017, test 2018 {
                    compare s, t, x = eg(eta=0.05)
                    seeds 3
                    metrics ar, mdd
                }

                goal wealth >= 1.25 * capital at horizon

                models h = [hrp(window=w) for w in 30, 50] + [hold]
                """, fmt(messy));
        assertCanonical(messy);
    }

    @Test
    void parenthesesWhereThePrecedenceNeedsThem() {
        String out = fmt("capital (1 + 2) * 3 - (4 - 5) / -(x) + -2 * (a..b).c\n");
        assertEquals("capital (1 + 2) * 3 - (4 - 5) / -x + -2 * (a..b).c\n", out);
        assertCanonical("goal (a >= b) == true at (1..2)..3\n");
        assertCanonical("strategy s = f(data=train, on=on, risk) every 5\n");
        assertCanonical("capital [1 + 2..3, ..-4, 5.., \"q\\\"\\\\\\n\", 2015-01, 2015-02-03, 1e6, 1_0, true]\n");
    }

    @Test
    void commentsStayWhereTheyBelong() {
        String text = """
                # header comment
                market m = csv("x.csv")   # where prices come from
                    # the universe
                    symbols A, B
                # fees
                costs fee 1%
                capital 100 # money
                strategy s =
                    agent td3()      # the learner
                  # a risk overlay
                  | risk barrier()
                experiment e on m {
                    # how many
                    seeds 3  # three
                    metrics ar
                }
                # the end
                """;
        assertEquals("""
                # header comment
                market m = csv("x.csv")  # where prices come from
                    # the universe
                    symbols A, B

                # fees
                costs fee 1%
                capital 100  # money

                strategy s = agent td3()  # the learner
                  # a risk overlay
                  | risk barrier()

                experiment e on m {
                    # how many
                    seeds 3  # three
                    metrics ar
                }

                # the end
                """, fmt(text));
        assertCanonical(text);
    }

    @Test
    void longListsAndPipelinesWrapAtOneHundredColumns() {
        StringBuilder symbols = new StringBuilder("market m = csv(\"x.csv\") symbols ");
        for (int k = 0; k < 40; k++) symbols.append(k > 0 ? ", " : "").append("SYM").append(k);
        String text = symbols + "\nexperiment e on m {\n    compare " + "strategy_number_one, ".repeat(8) + "last\n}\n"
                + "backtest " + "stage_with_a_long_name(window=5) | ".repeat(4) + "ucrp on m split train 2015, test 2016\n";
        String out = fmt(text);
        for (String line : out.split("\n")) assertTrue(line.length() <= 100, () -> "too long: " + line + "\n" + out);
        assertTrue(out.contains("\n            SYM14, "), out);
        assertTrue(out.contains("\n  | ucrp on m split train 2015, test 2016\n"), out);
        assertCanonical(text);
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 120, unit = java.util.concurrent.TimeUnit.SECONDS)
    void randomValidVariantsFormatCanonically() {
        java.util.Random random = new java.util.Random(Long.getLong("fmt.fuzz.seed", 7L));
        java.util.List<String> programs = new java.util.ArrayList<>(SketchPrograms.all().values());
        String[] inserts = {" ", "\n", "  ", "# note\n", " # trailing\n", "\n\n", "\t", ";"};
        int checked = 0;
        for (int n = 0; n < 1500; n++) {
            String text = programs.get(n % programs.size());
            for (int e = 0, edits = 1 + random.nextInt(6); e < edits; e++) {
                int at = random.nextInt(text.length());
                // insert layout at token boundaries (before a blank or a punctuation mark)
                while (at < text.length() && Character.isLetterOrDigit(text.charAt(at))) at++;
                text = random.nextInt(10) < 8
                        ? text.substring(0, at) + inserts[random.nextInt(inserts.length)] + text.substring(at)
                        : dev.strat.lang.parse.ParserRobustnessTestAccess.mutate(text, random);
            }
            ParseResult r = Parser.parse(new Source("v.strat", text));
            if (r.hasErrors()) continue;
            String variant = text;
            try {
                assertCanonical(variant);
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError("case " + n + ":\n" + variant, failure);
            }
            checked++;
        }
        assertTrue(checked > 250, "too few valid variants: " + checked);
    }

    @Test
    void declarationWordsUsedAsNamesNeverStartALine() {
        String text = "experiment e on m { capital 10; seeds 3; goal 1 }\n"
                + "strategy s = hierarchy sac() { capital mlp(1); intra mlp(2) }\n"
                + "experiment f on m {\n    compare " + "a_rather_long_strategy_name, ".repeat(3) + "capital = crp\n}\n";
        String out = fmt(text);
        assertEquals("""
                experiment e on m { capital 10
                    seeds 3; goal 1
                }

                strategy s = hierarchy sac() { capital mlp(1)
                    intra mlp(2)
                }

                experiment f on m {
                    compare a_rather_long_strategy_name, a_rather_long_strategy_name, a_rather_long_strategy_name, capital = crp
                }
                """, out);
        assertCanonical(text);
    }
}
