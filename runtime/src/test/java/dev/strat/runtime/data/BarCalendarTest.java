package dev.strat.runtime.data;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calendar a file scan finds ({@link CsvFileFacts#calendar()}) is the calendar the loaded
 * market has, for the symbols kept: so a checker counts a split's bars as the run does.
 */
class BarCalendarTest {

    @Test
    void theKeptSymbolsUnionIsCutToTheWindowInWhichAllTrade() {
        long[] times = {10, 20, 30, 40, 50};
        BitSet a = new BitSet();
        a.set(0, 4);            // 10..40
        BitSet b = new BitSet();
        b.set(1);
        b.set(3, 5);            // 20, 40, 50
        BarCalendar calendar = new BarCalendar(times, Map.of("A", a, "B", b));
        assertArrayEquals(new long[]{20, 30, 40}, calendar.times(List.of()));
        assertArrayEquals(new long[]{10, 20, 30, 40}, calendar.times(List.of("A")));
        assertArrayEquals(new long[]{20, 40, 50}, calendar.times(List.of("B")));
        assertArrayEquals(new long[]{20, 40}, BarCalendar.intersect(new long[]{10, 20, 40}, new long[]{20, 30, 40, 50}));
    }

    @Test
    void weekdaysSkipWeekends() {
        // 2024-01-01 is a Monday: two weeks hold ten weekdays
        assertEquals(10, BarCalendar.weekdays(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 14), List.of("A")).size());
        assertEquals(14, BarCalendar.everyDay(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 14), List.of("A")).size());
    }

    @Test
    void aScannedFileHasTheCalendarOfTheMarketLoadedFromIt(@TempDir Path dir) throws Exception {
        // B starts late and has a hole; C trades at weekends only: the loaded calendar depends on who is kept
        StringBuilder csv = new StringBuilder("date,symbol,open,high,low,close,volume\n");
        LocalDate d = LocalDate.of(2021, 1, 1);
        for (int k = 0; k < 60; k++, d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek().getValue() >= 6;
            if (!weekend) csv.append(d).append(",A,1,1,1,").append(1 + 0.01 * k).append(",1\n");
            if (!weekend && k >= 10 && k != 30) csv.append(d).append(",B,1,1,1,").append(2 + 0.01 * k).append(",1\n");
            if (weekend) csv.append(d).append(",C,1,1,1,").append(3 + 0.01 * k).append(",1\n");
        }
        Path file = dir.resolve("cal.csv");
        Files.writeString(file, csv);
        BarCalendar calendar = CsvFileFacts.scan(file).calendar().orElseThrow();
        for (List<String> kept : List.of(List.of("A"), List.of("A", "B"), List.of("B"), List.of("A", "C"))) {
            MarketData loaded = CsvMarketReader.load(file, CsvOptions.defaults().withSymbols(kept)).data();
            assertArrayEquals(times(loaded), calendar.times(kept), kept.toString());
        }
    }

    @Test
    void realFilesScanToTheirLoadedCalendars() {
        DataRoot root = DataRoot.resolve(null, Map.of(), Path.of(System.getProperty("strat.repo.root", ".")));
        Assumptions.assumeTrue(Files.isRegularFile(root.dir().resolve("crypto_daily.csv.gz")), "shared data not present");
        // crypto symbols list at different dates; the HADAPS file mixes weekday stocks with every-day cryptos
        for (var c : List.of(Map.entry("crypto_daily.csv.gz", List.of("BTCUSDT", "ETHUSDT")),
                Map.entry("crypto_daily.csv.gz", List.<String>of()),
                Map.entry("hadaps_crypto_nasdaq_daily.csv.gz", List.<String>of()))) {
            Path file = root.file(c.getKey());
            BarCalendar calendar = CsvFileFacts.scan(file).calendar().orElseThrow();
            CsvOptions options = c.getValue().isEmpty() ? CsvOptions.defaults() : CsvOptions.defaults().withSymbols(c.getValue());
            MarketData loaded = CsvMarketReader.load(file, options).data();
            long[] scanned = calendar.times(c.getValue());
            assertTrue(scanned.length > 100, c.toString());
            assertArrayEquals(times(loaded), scanned, c.toString());
        }
    }

    private static long[] times(MarketData m) {
        long[] t = new long[m.bars()];
        for (int k = 0; k < t.length; k++) t[k] = m.time(k);
        return t;
    }
}
