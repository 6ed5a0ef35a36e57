package dev.strat.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlignmentTest {

    static final String HEADER = "date,symbol,open,high,low,close,volume\n";

    @TempDir
    Path dir;

    /** Daily rows for {@code symbol} on consecutive calendar days from 2021-03-01 (a Monday), skipping the given day offsets. */
    static String rows(String symbol, int fromDay, int toDay, double base, int... skip) {
        StringBuilder b = new StringBuilder();
        outer:
        for (int d = fromDay; d <= toDay; d++) {
            for (int s : skip) if (s == d) continue outer;
            LocalDate date = LocalDate.of(2021, 3, 1).plusDays(d);
            double c = base + d;
            b.append(date).append(',').append(symbol).append(',').append(c - 0.5).append(',').append(c + 1).append(',')
                    .append(c - 1).append(',').append(c).append(',').append(1000 + d).append('\n');
        }
        return b.toString();
    }

    LoadedMarket load(String csv, CsvOptions options) throws IOException {
        Path p = dir.resolve("m.csv");
        Files.writeString(p, csv);
        return CsvMarketReader.load(p, options);
    }

    @Test
    void missingBarsAreForwardFilledFromPreviousClose() throws IOException {
        LoadedMarket m = load(HEADER + rows("AAA", 0, 9, 100) + rows("BBB", 0, 9, 200, 3, 4, 7), CsvOptions.defaults());
        MarketData d = m.data();
        assertEquals(10, d.bars());
        int b = 1;
        assertEquals(202, d.close(2, b));
        for (int t : new int[] {3, 4}) {
            assertEquals(202, d.close(t, b));
            assertEquals(202, d.open(t, b));
            assertEquals(202, d.high(t, b));
            assertEquals(202, d.low(t, b));
            assertEquals(0, d.volume(t, b));
            assertEquals(1.0, d.relative(t, b));
        }
        assertEquals(205, d.close(5, b));
        assertEquals(206, d.close(7, b));
        assertEquals(208.0 / 206.0, d.relative(8, b), 1e-15);
        assertEquals(List.of("BBB: forward-filled 3 missing bars from the previous close (longest gap 2 bars, first at 2021-03-04)"), m.warnings());
    }

    @Test
    void gapLongerThanMaximumIsAnError() throws IOException {
        String csv = HEADER + rows("AAA", 0, 12, 100) + rows("BBB", 0, 12, 200, 3, 4, 5, 6, 7, 8);
        DataException e = assertThrows(DataException.class, () -> load(csv, CsvOptions.defaults()));
        assertEquals(dir.resolve("m.csv") + ": BBB has no data for 6 consecutive bars of the calendar, from 2021-03-04 to 2021-03-09 "
                + "(last bar 2021-03-03, next bar 2021-03-10); at most 5 missing bars are forward-filled: raise the maximum gap, "
                + "pick other dates, or leave the symbol out", e.getMessage());
        // A larger allowance fills it; a smaller one rejects shorter gaps.
        assertEquals(13, load(csv, CsvOptions.defaults().withMaxGap(6)).data().bars());
        String small = HEADER + rows("AAA", 0, 5, 100) + rows("BBB", 0, 5, 200, 2);
        assertThrows(DataException.class, () -> load(small, CsvOptions.defaults().withMaxGap(0)));
    }

    @Test
    void lateStarterTrimsLeadingBars() throws IOException {
        LoadedMarket m = load(HEADER + rows("AAA", 0, 9, 100) + rows("LATE", 4, 9, 300), CsvOptions.defaults());
        MarketData d = m.data();
        assertEquals(6, d.bars());
        assertEquals(LocalDate.of(2021, 3, 5), d.date(0));
        assertEquals(104, d.close(0, 0));
        assertEquals(1.0, d.relative(0, 0));
        assertEquals(List.of("LATE starts late, on 2021-03-05: dropped the 4 earlier bars of the other symbols so that all start together"),
                m.warnings());
    }

    @Test
    void earlyEnderTrimsTrailingBars() throws IOException {
        LoadedMarket m = load(HEADER + rows("AAA", 0, 9, 100) + rows("GONE", 0, 6, 300) + rows("CCC", 0, 9, 50), CsvOptions.defaults());
        assertEquals(7, m.data().bars());
        assertEquals(LocalDate.of(2021, 3, 7), m.data().date(6));
        assertEquals(List.of("GONE ends early, on 2021-03-07: dropped the 3 later bars of the other symbols so that all end together"),
                m.warnings());
    }

    @Test
    void symbolMissingAtWindowStartIsFilledFromItsEarlierRow() throws IOException {
        // BBB has no row on day 2, where LATE starts: its bar 0 is its day-1 close.
        LoadedMarket m = load(HEADER + rows("BBB", 0, 6, 200, 2) + rows("LATE", 2, 6, 300), CsvOptions.defaults());
        assertEquals(201, m.data().close(0, 0));
        assertEquals(203, m.data().close(1, 0));
    }

    @Test
    void symbolsThatNeverOverlapAreAnError() throws IOException {
        DataException e = assertThrows(DataException.class, () -> load(HEADER + rows("OLD", 0, 3, 100) + rows("NEW", 5, 8, 100), CsvOptions.defaults()));
        assertEquals(dir.resolve("m.csv") + ": the symbols never trade at the same time: OLD ends 2021-03-04 before NEW starts 2021-03-06", e.getMessage());
    }

    @Test
    void emptyCloseRowsCountAsMissing() throws IOException {
        String csv = HEADER + rows("AAA", 0, 4, 100, 2) + "2021-03-03,AAA,1,2,0.5,,7\n" + rows("BBB", 0, 4, 200);
        LoadedMarket m = load(csv, CsvOptions.defaults());
        assertEquals(5, m.data().bars());
        assertEquals(101, m.data().close(2, 0));
        assertEquals(List.of("AAA: 1 row has an empty close and was treated as missing",
                "AAA: forward-filled 1 missing bar from the previous close (longest gap 1 bar, first at 2021-03-03)"), m.warnings());
    }

    @Test
    void commonCalendarKeepsOnlySharedTimes() throws IOException {
        LoadedMarket m = load(HEADER + rows("AAA", 0, 9, 100) + rows("BBB", 0, 9, 200, 3, 4, 7), CsvOptions.defaults().withCalendar(CsvOptions.Calendar.COMMON));
        MarketData d = m.data();
        assertEquals(7, d.bars());
        assertEquals(LocalDate.of(2021, 3, 6), d.date(3));
        assertEquals(105.0 / 102.0, d.relative(3, 0), 1e-15); // spans the two dropped days
        assertEquals(List.of("kept the 7 bar times shared by all symbols: dropped 3 of 10 at which some symbol has no row"), m.warnings());
    }
}
