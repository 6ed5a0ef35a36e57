package dev.strat.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitPlanTest {

    // Business days 2000-01-03 .. 2003-10-31 (1000 bars).
    static final MarketData M = SyntheticMarkets.gbm(2, 1000, 1);

    @Test
    void parsesDateRanges() {
        assertEquals(new DateRange(LocalDate.of(2015, 1, 1), LocalDate.of(2017, 12, 31)), DateRange.parse("2015..2017"));
        assertEquals(new DateRange(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31)), DateRange.parse("2018"));
        assertEquals(new DateRange(LocalDate.of(2018, 2, 1), LocalDate.of(2018, 3, 31)), DateRange.parse("2018-02..2018-03"));
        assertEquals(new DateRange(LocalDate.of(2019, 1, 15), null), DateRange.parse("2019-01-15.."));
        assertEquals(new DateRange(null, LocalDate.of(2017, 12, 31)), DateRange.parse("..2017"));
        assertEquals("cannot read date '20x5' in range '20x5..2017' (expected YYYY, YYYY-MM or YYYY-MM-DD)",
                assertThrows(DataException.class, () -> DateRange.parse("20x5..2017")).getMessage());
        assertEquals("date range 2018-01-01..2017-12-31 ends before it starts",
                assertThrows(DataException.class, () -> DateRange.parse("2018..2017")).getMessage());
    }

    @Test
    void resolvesTrainValidTestToBars() {
        SplitPlan p = SplitPlan.of(M, DateRange.parse("2000..2001"), DateRange.parse("2002"), DateRange.parse("2003.."));
        BarRange train = p.bars("train"), valid = p.bars("valid"), test = p.bars("test");
        assertEquals(0, train.from());
        assertEquals(LocalDate.of(2001, 12, 31), M.date(train.to() - 1));
        assertEquals(train.to(), valid.from());
        assertEquals(LocalDate.of(2002, 1, 1), M.date(valid.from()));
        assertEquals(valid.to(), test.from());
        assertEquals(M.bars(), test.to());
        assertTrue(p.warnings().isEmpty());
        assertEquals(List.of("train", "valid", "test"), p.parts().stream().map(SplitPlan.Part::name).toList());
    }

    @Test
    void rangesPastTheDataAreCutWithWarning() {
        SplitPlan p = SplitPlan.of(M, DateRange.parse("1999..2001"), null, DateRange.parse("2003"));
        assertEquals(0, p.bars("train").from());
        assertEquals(M.bars(), p.bars("test").to());
        assertEquals(List.of("train 1999-01-01..2001-12-31 starts before the data; it begins at the first bar, 2000-01-03",
                "test 2003-01-01..2003-12-31 runs past the data; it ends at the last bar, 2003-10-31"), p.warnings());
    }

    @Test
    void errors() {
        String span = M.name() + " has data from 2000-01-03 to 2003-10-31";
        assertEquals("test 2005-01-01..2005-12-31 starts after the data ends: " + span,
                assertThrows(DataException.class, () -> SplitPlan.of(M, DateRange.parse("2000"), null, DateRange.parse("2005"))).getMessage());
        assertEquals("train 1990-01-01..1995-12-31 ends before the data starts: " + span,
                assertThrows(DataException.class, () -> SplitPlan.of(M, DateRange.parse("1990..1995"), null, DateRange.parse("2001"))).getMessage());
        assertEquals("valid 2001-01-06..2001-01-07 contains no bar: " + span,
                assertThrows(DataException.class, () -> SplitPlan.of(M, DateRange.parse("2000"), DateRange.parse("2001-01-06..2001-01-07"),
                        DateRange.parse("2002"))).getMessage());
        assertEquals("valid 2001-01-01..2001-12-31 overlaps train 2000-01-01..2001-06-30 (they share 130 bars from 2001-01-01): "
                        + "the parts of a split must not overlap",
                assertThrows(DataException.class, () -> SplitPlan.of(M, DateRange.parse("2000..2001-06"), DateRange.parse("2001"),
                        DateRange.parse("2002"))).getMessage());
        assertEquals("test 2000-01-01..2000-12-31 comes before train 2001-01-01..2001-12-31: list the parts of a split in time order",
                assertThrows(DataException.class, () -> SplitPlan.of(M, DateRange.parse("2001"), null, DateRange.parse("2000"))).getMessage());
        SplitPlan ok = SplitPlan.of(M, DateRange.parse("2000"), null, DateRange.parse("2001"));
        assertEquals("the split has no part valid; it has train, test", assertThrows(DataException.class, () -> ok.bars("valid")).getMessage());
    }

    @Test
    void rollingWalkForward() {
        List<WalkForward.Window> w = WalkForward.windows(M, 500, 200, DateRange.all(), false);
        assertEquals(3, w.size());
        assertEquals(new BarRange(0, 500), w.get(0).train());
        assertEquals(new BarRange(500, 700), w.get(0).test());
        assertEquals(new BarRange(200, 700), w.get(1).train());
        assertEquals(new BarRange(700, 900), w.get(1).test());
        assertEquals(new BarRange(900, 1000), w.get(2).test());
        for (WalkForward.Window x : w) assertEquals(x.train().to(), x.test().from());
        List<WalkForward.Window> anchored = WalkForward.windows(M, 500, 200, DateRange.all(), true);
        assertEquals(new BarRange(0, 700), anchored.get(1).train());
    }

    @Test
    void walkForwardWithinDatesAndTimeLengths() {
        List<WalkForward.Window> w = WalkForward.windows(M, new TimeLength(1, TimeLength.Unit.YEAR), new TimeLength(3, TimeLength.Unit.MONTH),
                DateRange.parse("2001..2002"), false);
        int from = M.indexAtOrAfter(LocalDate.of(2001, 1, 1)), to = M.indexAtOrAfter(LocalDate.of(2003, 1, 1));
        assertEquals(from, w.get(0).train().from());
        assertEquals(252, w.get(0).train().bars());
        assertEquals(63, w.get(0).test().bars());
        assertEquals(to, w.get(w.size() - 1).test().to());
        DataException e = assertThrows(DataException.class, () -> WalkForward.windows(M, 300, 20, DateRange.parse("2001"), false));
        assertEquals("walk-forward needs more than 300 training bars, but 2001-01-01..2001-12-31 holds only 261 bars of " + M.name()
                + " (2001-01-01 to 2001-12-31)", e.getMessage());
    }

    @Test
    void generalResolveKeepsGivenOrder() {
        Map<String, DateRange> r = new LinkedHashMap<>();
        r.put("a", DateRange.parse("2000"));
        r.put("b", DateRange.parse("2001"));
        r.put("c", DateRange.parse("2002"));
        assertEquals(3, SplitPlan.resolve(M, r).parts().size());
    }
}
