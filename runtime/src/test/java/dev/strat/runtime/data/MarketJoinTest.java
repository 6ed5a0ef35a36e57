package dev.strat.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarketJoinTest {

    /** A one-asset market on the given days, close = 100 + day index of the calendar day. */
    static MarketData market(String name, String symbol, LocalDate from, int calendarDays, boolean weekends, Frequency f) {
        List<Long> times = new ArrayList<>();
        List<Double> closes = new ArrayList<>();
        for (int d = 0; d < calendarDays; d++) {
            LocalDate day = from.plusDays(d);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (weekend && !weekends) continue;
            times.add(day.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
            closes.add(100.0 + d);
        }
        long[] t = times.stream().mapToLong(Long::longValue).toArray();
        double[] c = closes.stream().mapToDouble(Double::doubleValue).toArray();
        return new MarketData(name, List.of(symbol), Map.of(), t, null, null, null, c, null, f);
    }

    @Test
    void sevenDayAndFiveDayCalendarsJoinOnWeekdays() {
        LocalDate monday = LocalDate.of(2021, 3, 1);
        MarketData crypto = market("crypto", "BTC", monday, 21, true, Frequency.DAILY_CRYPTO);
        MarketData stocks = market("stocks", "AAPL", monday.plusDays(2), 14, false, Frequency.DAILY_STOCKS);
        LoadedMarket j = MarketJoin.join(stocks, crypto);
        MarketData d = j.data();
        assertEquals(List.of("AAPL", "BTC"), d.symbols());
        assertEquals(10, d.bars());
        assertEquals(Frequency.DAILY_STOCKS, d.frequency());
        for (int t = 0; t < d.bars(); t++) {
            DayOfWeek w = d.date(t).getDayOfWeek();
            assertEquals(false, w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY);
        }
        // Monday 2021-03-08 after Friday 2021-03-05: BTC's relative spans the weekend.
        int monday2 = d.indexAtOrAfter(LocalDate.of(2021, 3, 8));
        assertEquals(LocalDate.of(2021, 3, 5), d.date(monday2 - 1));
        assertEquals(107.0 / 104.0, d.relative(monday2, 1), 1e-15);
        assertEquals(List.of("joined stocks and crypto on their 10 common bars: dropped 0 of 10 bars of stocks and 11 of 21 bars"
                + " of crypto that are not in both calendars"), j.warnings());
        assertEquals("stocks + crypto", d.name());
    }

    @Test
    void sameSymbolInBothIsAnError() {
        MarketData a = market("a", "X", LocalDate.of(2021, 3, 1), 5, false, Frequency.DAILY_STOCKS);
        MarketData b = market("b", "X", LocalDate.of(2021, 3, 1), 5, false, Frequency.DAILY_STOCKS);
        DataException e = assertThrows(DataException.class, () -> MarketJoin.join(a, b));
        assertEquals("cannot join a and b: both contain X; select different symbols from one of them", e.getMessage());
    }

    @Test
    void disjointCalendarsAndDifferentBarLengthsAreErrors() {
        MarketData a = market("a", "X", LocalDate.of(2021, 3, 1), 5, false, Frequency.DAILY_STOCKS);
        MarketData b = market("b", "Y", LocalDate.of(2022, 3, 1), 5, false, Frequency.DAILY_STOCKS);
        assertEquals("cannot join a (2021-03-01..2021-03-05) and b (2022-03-01..2022-03-04): they have no bar time in common",
                assertThrows(DataException.class, () -> MarketJoin.join(a, b)).getMessage());
        MarketData h = market("h", "Z", LocalDate.of(2021, 3, 1), 5, false, Frequency.HOURLY_CRYPTO);
        assertThrows(DataException.class, () -> MarketJoin.join(a, h));
    }

    @Test
    void classesMustNameExistingSymbols() {
        MarketData m = SyntheticMarkets.gbm(4, 10, 1);
        MarketData c = MarketClasses.attach(m, Map.of("growth", List.of("S1", "S2"), "value", List.of("S3")));
        assertEquals(List.of("S1", "S2"), c.classes().get("growth"));
        assertEquals(m.close(5, 3), c.close(5, 3));
        DataException e = assertThrows(DataException.class, () -> MarketClasses.attach(m, Map.of("growth", List.of("S1", "S9", "s2"))));
        assertEquals("unknown symbols S9 in class growth (did you mean S1?), s2 in class growth (did you mean S2?); market "
                + m.name() + " has S1, S2, S3, S4", e.getMessage());
        assertThrows(DataException.class, () -> MarketClasses.attach(m, Map.of("empty", List.of())));
        assertThrows(DataException.class, () -> MarketClasses.attach(m, Map.of("twice", List.of("S1", "S1"))));
    }

    @Test
    void joinKeepsClassesOfBoth() {
        MarketData a = MarketClasses.attach(market("a", "X", LocalDate.of(2021, 3, 1), 5, false, Frequency.DAILY_STOCKS), Map.of("eq", List.of("X")));
        MarketData b = MarketClasses.attach(market("b", "Y", LocalDate.of(2021, 3, 1), 5, false, Frequency.DAILY_STOCKS), Map.of("eq", List.of("Y")));
        assertEquals(List.of("X", "Y"), MarketJoin.join(a, b).data().classes().get("eq"));
    }
}
