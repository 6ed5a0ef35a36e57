package dev.strat.lang.check;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.runtime.data.DateRange;
import dev.strat.lang.plan.SplitPlan;
import dev.strat.runtime.data.TimeLength;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitCheckTest {

    private static SplitPlan split(String spec) {
        CheckResult r = TestRegistry.check("split s = " + spec);
        assertTrue(r.ok(), () -> CheckFixtures.messages(r));
        return r.plan().orElseThrow().splits().get("s");
    }

    private static List<String> errors(String spec) {
        return TestRegistry.check("split s = " + spec).errors().stream().map(Diagnostic::message).toList();
    }

    private static DateRange range(String from, String to) {
        return new DateRange(from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    @Test
    void yearsAndYearRangesCoverWholeYears() {
        SplitPlan.Fixed f = (SplitPlan.Fixed) split("train 2015..2017, valid 2018, test 2019");
        assertEquals(Optional.of(range("2015-01-01", "2017-12-31")), f.train());
        assertEquals(Optional.of(range("2018-01-01", "2018-12-31")), f.valid());
        assertEquals(range("2019-01-01", "2019-12-31"), f.test());
    }

    @Test
    void datesMonthsAndOpenEnds() {
        SplitPlan.Fixed f = (SplitPlan.Fixed) split("train ..2021-06-30, test 2021-07..");
        assertEquals(Optional.of(range(null, "2021-06-30")), f.train());
        assertEquals(Optional.empty(), f.valid());
        assertEquals(range("2021-07-01", null), f.test());
        SplitPlan.Fixed g = (SplitPlan.Fixed) split("train 2020-02, test 2021-01-01..2022-10-31");
        assertEquals(Optional.of(range("2020-02-01", "2020-02-29")), g.train());
    }

    @Test
    void testAloneIsEnough() {
        assertEquals(range("2020-01-01", "2020-12-31"), ((SplitPlan.Fixed) split("test 2020")).test());
    }

    @Test
    void overlappingPartsNameBothPeriods() {
        assertEquals(List.of("train 2015..2018 overlaps test 2018"), errors("train 2015..2018, test 2018"));
        assertEquals(List.of("valid 2018-06..2019 overlaps test 2019-03-01.."), errors("valid 2018-06..2019, test 2019-03-01.."));
    }

    @Test
    void partsMustBeInOrder() {
        assertEquals(List.of("test 2015 comes before train 2016"), errors("train 2016, test 2015"));
    }

    @Test
    void rangesMustNotEndBeforeTheyStart() {
        assertEquals(List.of("period 2017..2015 ends before it starts"), errors("test 2017..2015"));
    }

    @Test
    void onlyTheEndsOfTheSplitMayBeOpen() {
        assertEquals(List.of("train 2015.. has an open end, but only the last part may"), errors("train 2015.., test 2017"));
        assertEquals(List.of("test ..2017 has an open start, but only the first part may"), errors("train 2015, test ..2017"));
    }

    @Test
    void testIsRequiredAndRolesAreChecked() {
        assertEquals(List.of("a split needs a test period"), errors("train 2015"));
        assertEquals(List.of("unknown split part 'tst'"), errors("train 2015, tst 2016"));
        assertEquals(List.of("'test' is given twice in this split"), errors("test 2015, test 2016"));
    }

    @Test
    void periodsMustBeYearsOrDates() {
        assertEquals(List.of("expected a year between 1900 and 2200 or a date, got 15"), errors("test 15"));
        assertEquals(List.of("expected a year, a date or a range of them, not a string '\"2015\"'"), errors("test \"2015\""));
    }

    @Test
    void rollingSplitsAreValidated() {
        SplitPlan.Rolling r = (SplitPlan.Rolling) split("rolling(train=2y, test=1mo, from=2021-01-01, to=2021-12-31)");
        assertEquals(new TimeLength(2, TimeLength.Unit.YEAR), r.train());
        assertEquals(new TimeLength(1, TimeLength.Unit.MONTH), r.test());
        assertEquals(false, r.expanding());
        assertEquals(LocalDate.of(2021, 12, 31), r.to());
        SplitPlan.Rolling y = (SplitPlan.Rolling) split("rolling(train=1y, test=2w, expanding=true, from=2019, to=2020)");
        assertEquals(LocalDate.of(2019, 1, 1), y.from());
        assertEquals(LocalDate.of(2020, 12, 31), y.to());
        assertEquals(new TimeLength(2, TimeLength.Unit.WEEK), y.test());
        assertTrue(y.expanding());
        assertEquals(List.of("'rolling' needs argument 'test'"), errors("rolling(train=2y)"));
        assertEquals(List.of("'train' expects length (e.g. 5d, 1mo, 2y), got an integer 5"), errors("rolling(train=5, test=1mo)"));
        assertEquals(List.of("rolling 'to' 2020-01-01 is before 'from' 2021-01-01"),
                errors("rolling(train=1y, test=1mo, from=2021-01-01, to=2020-01-01)"));
        // the parser explains the misspelt call; the checker does not repeat it at the same token
        assertEquals(List.of("expected a split, found 'rollin(...)'"), errors("rollin(train=1y, test=1mo)"));
    }
}
