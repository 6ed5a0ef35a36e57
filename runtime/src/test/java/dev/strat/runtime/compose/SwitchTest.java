package dev.strat.runtime.compose;

import dev.strat.runtime.allocators.BuyAndHold;
import dev.strat.runtime.allocators.ConstantRebalanced;
import dev.strat.runtime.allocators.HoldCash;
import dev.strat.runtime.allocators.Olmar;
import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.backtest.Backtester;
import dev.strat.runtime.backtest.TestStages;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.SyntheticMarkets;
import dev.strat.runtime.pipeline.Pipeline;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.transform.Constrain;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SwitchTest {

    static final MarketData MARKET = SyntheticMarkets.gbm(4, 400, 5);
    /** Costs with random slippage, so that shadow accounts must draw the same numbers as the real one. */
    static final Backtester SLIPPY = new Backtester(new BacktestConfig(1_000_000, 0.002, 0, 0.003));
    static final int FIRST = 30, LAST = 399;
    static final List<String> NAMES = List.of("crp", "bah", "olmar", "mixed");

    /** Fresh members: stateless, drifting, stateful with its own state, and a two-stage pipeline. */
    static List<Stage> members() {
        return List.of(
                new ConstantRebalanced("crp", new double[]{0.4, 0.3, 0.2, 0.1, 0}),
                new BuyAndHold("bah"),
                new Olmar("olmar", 5, 10),
                new Pipeline("mixed", List.of(TestStages.randomWeights(), new Constrain("constrain", 0.3, 0, 0.1))));
    }

    static BacktestResult run(Stage stage, long seed) {
        return SLIPPY.run("s", stage, MARKET, FIRST, LAST, seed);
    }

    @Test
    void aFixedSwitchRunsExactlyAsItsMemberAlone() {
        for (int i = 0; i < NAMES.size(); i++) {
            int member = i;
            BacktestResult alone = run(members().get(member), 3);
            BacktestResult switched = run(new Switch("sw", Policies.fixed(member), 1, members(), NAMES), 3);
            assertArrayEquals(alone.wealth(), switched.wealth(), NAMES.get(member));
            assertArrayEquals(alone.weights(), switched.weights(), NAMES.get(member));
            assertArrayEquals(alone.costs(), switched.costs(), NAMES.get(member));
            double[] choice = switched.reports().series().get("sw/choice");
            for (double c : choice) assertEquals(member, c);
            assertEquals(LAST - FIRST, switched.reports().counters().get("sw/chosen/" + NAMES.get(member)));
        }
        // choosing every 7 decisions changes nothing when the choice is fixed
        assertArrayEquals(run(members().get(2), 3).wealth(), run(new Switch("sw", Policies.fixed(2), 7, members(), NAMES), 3).wealth());
    }

    @Test
    void aRandomSwitchIsReproducibleForASeedAndDiffersAcrossSeeds() {
        Supplier<Stage> random = () -> new Switch("sw", Policies.random(), 5, members(), NAMES);
        BacktestResult a = run(random.get(), 1), b = run(random.get(), 1), c = run(random.get(), 2);
        assertArrayEquals(a.wealth(), b.wealth());
        double[] choiceA = a.reports().series().get("sw/choice");
        assertArrayEquals(choiceA, b.reports().series().get("sw/choice"));
        assertFalse(java.util.Arrays.equals(choiceA, c.reports().series().get("sw/choice")));
        assertNotEquals(a.finalWealth(), c.finalWealth());
        assertEquals(NAMES, a.reports().categoriesOf("sw/choice"));
        // the choice is made every 5 decisions and held in between; every member gets chosen
        for (int s = 0; s < choiceA.length; s++) if (s % 5 != 0) assertEquals(choiceA[s - 1], choiceA[s], "step " + s);
        long total = 0;
        for (String name : NAMES) total += a.reports().counters().getOrDefault("sw/chosen/" + name, 0L);
        assertEquals(LAST - FIRST, total);
        for (String name : NAMES) assertTrue(a.reports().counters().getOrDefault("sw/chosen/" + name, 0L) > 0, name);
    }

    @Test
    void theChosenMembersProposalIsExecutedFromItsOwnAccount() {
        // bah proposes its own drifted holdings: executed after a switch it trades to them, not to the real account's
        Switch sw = new Switch("sw", Policies.random(), 3, members(), NAMES);
        BacktestResult r = run(sw, 9);
        double[] choice = r.reports().series().get("sw/choice");
        BacktestResult bah = run(members().get(1), 9);
        int n = MARKET.assets() + 1;
        for (int s = 0; s < choice.length; s++) {
            if (choice[s] != 1) continue;
            for (int j = 0; j < n; j++) assertEquals(bah.weight(s, j), r.weight(s, j), 1e-9, "step " + s);
        }
    }

    @Test
    void bestChoosesTheMemberThatDidBestAndUsesNoLaterBars() {
        // asset 0 rises steadily after bar 200, the others fall: crp on asset 0 must win on total return
        double[][] closes = new double[300][3];
        for (int t = 0; t < 300; t++) {
            closes[t][0] = 100 * Math.pow(t < 200 ? 0.999 : 1.01, t < 200 ? t : t - 200) * (t < 200 ? 1 : Math.pow(0.999, 200));
            closes[t][1] = 100 * Math.pow(t < 200 ? 1.002 : 0.995, t < 200 ? t : t - 200) * (t < 200 ? 1 : Math.pow(1.002, 200));
            closes[t][2] = 100 + 5 * Math.sin(t / 3.0);
        }
        MarketData up = TestStages.market(List.of("A", "B", "C"), closes);
        List<String> names = List.of("cash", "onA", "onB");
        Supplier<List<Stage>> pool = () -> List.of(new HoldCash("hold"), new ConstantRebalanced("a", new double[]{1, 0, 0, 0}),
                new ConstantRebalanced("b", new double[]{0, 1, 0, 0}));
        Backtester bt = new Backtester(BacktestConfig.FRICTIONLESS);
        BacktestResult r = bt.run("s", new Switch("sw", new BestMember(BestMember.Metric.TOTAL_RETURN, 10), 1, pool.get(), names),
                up, 100, 299, 1);
        double[] choice = r.reports().series().get("sw/choice");
        for (int s = 0; s < 10; s++) assertEquals(0, choice[s], "member 0 until the record is 10 steps long");
        assertEquals(2, choice[50], "B rises before bar 200");
        assertEquals(2, choice[199 - 100], "at bar 199 B has done best over the last 10 steps");
        assertEquals(1, choice[215 - 100], "A rises after bar 200 and has done best over the last 10 steps");

        // the same market up to bar 200 and a crash of everything after: the choices up to bar 200 cannot change
        double[][] crash = new double[300][];
        for (int t = 0; t < 300; t++) crash[t] = t <= 200 ? closes[t].clone() : new double[]{1, 1, 1};
        MarketData other = TestStages.market(List.of("A", "B", "C"), crash);
        for (BestMember.Metric metric : BestMember.Metric.values()) {
            double[] x = bt.run("s", new Switch("sw", new BestMember(metric, 10), 1, pool.get(), names), up, 100, 299, 1)
                    .reports().series().get("sw/choice");
            double[] y = bt.run("s", new Switch("sw", new BestMember(metric, 10), 1, pool.get(), names), other, 100, 299, 1)
                    .reports().series().get("sw/choice");
            for (int s = 0; s <= 100; s++) assertEquals(x[s], y[s], metric + " step " + s);
        }
    }

    @Test
    void aPolicySeesTheDecisionBarAndTheRecordUpToItOnly() {
        List<Integer> bars = new java.util.ArrayList<>();
        SwitchPolicy spy = new SwitchPolicy() {
            @Override
            public String label() { return "spy"; }

            @Override
            public void reset(dev.strat.runtime.pipeline.RunSetup setup, String owner, int members) { }

            @Override
            public int choose(dev.strat.runtime.data.History history, TrackRecord record) {
                bars.add(history.now());
                assertThrows(dev.strat.runtime.data.LookAheadException.class, () -> history.close(-1, 0));
                assertThrows(IndexOutOfBoundsException.class, () -> record.wealth(0, -1));
                // one wealth point per step before this decision, plus the capital
                assertEquals(history.now() - FIRST, record.periods());
                return 0;
            }
        };
        run(new Switch("sw", spy, 10, members(), NAMES), 1);
        assertEquals(FIRST, bars.get(0));
        assertEquals(FIRST + 10, bars.get(1));
        assertEquals((LAST - FIRST + 9) / 10, bars.size());
    }

    @Test
    void bestScoresByTheChosenMetric() {
        TrackRecord record = new TrackRecord(2);
        record.start(100, 4);
        double[][] path = {{110, 99, 120, 121}, {101, 102, 103, 104}};
        for (int s = 0; s < 4; s++) {
            record.record(0, path[0][s]);
            record.record(1, path[1][s]);
            record.advance();
        }
        assertEquals(0.21, new BestMember(BestMember.Metric.TOTAL_RETURN, 4).score(record, 0), 1e-12);
        assertEquals(0, new BestMember(BestMember.Metric.TOTAL_RETURN, 4).choose(null, record));
        // member 0 fell 10% from its peak of 110; member 1 never fell
        assertEquals(-0.1, new BestMember(BestMember.Metric.DRAWDOWN, 4).score(record, 0), 1e-12);
        assertEquals(1, new BestMember(BestMember.Metric.DRAWDOWN, 4).choose(null, record));
        assertEquals(1, new BestMember(BestMember.Metric.SHARPE, 4).choose(null, record));
        assertEquals(1, new BestMember(BestMember.Metric.SORTINO, 4).choose(null, record));
        assertEquals(0, new BestMember(BestMember.Metric.TOTAL_RETURN, 5).choose(null, record), "too short a record");
    }

    @Test
    void membersAreResetUnderTheirNamesAndWarmUpIsTheLongest() {
        Switch sw = new Switch("sw", Policies.fixed(0), 1, members(), NAMES);
        assertEquals(5, sw.warmup());
        assertEquals(4, sw.children().size());
        assertThrows(IllegalArgumentException.class, () -> new Switch("sw", Policies.random(), 1, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Switch("sw", Policies.random(), 1, members(), List.of("a", "a", "b", "c")));
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> run(new Switch("sw", Policies.fixed(4), 1, members(), NAMES), 1));
        assertTrue(tooFew.getMessage().contains("at least 5 members"), tooFew.getMessage());
    }

    @Test
    void aBadMemberIsNamed() {
        Stage bad = TestStages.constant("bad", 0.5, 0.5, 0.5, 0, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> run(new Switch("sw", Policies.fixed(0), 1, List.of(members().get(0), bad), List.of("crp", "broken")), 1));
        assertTrue(e.getMessage().contains("'broken'"), e.getMessage());
    }
}
