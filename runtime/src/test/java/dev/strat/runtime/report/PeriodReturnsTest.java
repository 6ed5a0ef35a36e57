package dev.strat.runtime.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodReturnsTest {

    private static long at(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    private static long[] times(String... dates) {
        long[] t = new long[dates.length];
        for (int i = 0; i < dates.length; i++) t[i] = at(dates[i]);
        return t;
    }

    /** Starts late in January, one bar in February's middle, ends on 1 March: both ends partial. */
    private static final long[] T = times("2019-01-30", "2019-01-31", "2019-02-01", "2019-02-28", "2019-03-01");
    private static final double[] W = {100, 110, 99, 108.9, 43.56};

    @Test
    void monthsCompoundFromTheLastBarBeforeThem() {
        PeriodReturns r = PeriodReturns.of("s", T, W);
        assertEquals(3, r.months().size());
        PeriodReturns.Period jan = r.months().get(0), feb = r.months().get(1), mar = r.months().get(2);
        // January from the run's start: 100 -> 110
        assertEquals(2019, jan.year());
        assertEquals(1, jan.month());
        assertEquals(0.10, jan.value(), 1e-12);
        assertTrue(jan.partial(), "the run starts after January's first trading days");
        assertEquals(T[0], jan.from());
        assertEquals(T[1], jan.to());
        // February from January's last bar: 110 -> 99 -> 108.9 compounds to -1%
        assertEquals(-0.01, feb.value(), 1e-12);
        assertFalse(feb.partial());
        assertEquals(T[1], feb.from());
        assertEquals(T[3], feb.to());
        // March: 108.9 -> 43.56, and the run stops on its first day
        assertEquals(-0.6, mar.value(), 1e-12);
        assertTrue(mar.partial());

        assertEquals(1, r.years().size());
        PeriodReturns.Period y = r.years().get(0);
        assertEquals(0, y.month());
        assertEquals(-0.5644, y.value(), 1e-12);
        assertEquals((1 + 0.10) * (1 - 0.01) * (1 - 0.6) - 1, y.value(), 1e-12);
        assertTrue(y.partial());
    }

    @Test
    void aRunOverTheWholeTradingYearIsNotPartial() {
        // 2 January is the first trading day (1 January is closed), 29 November a Friday: November is whole
        long[] t = times("2019-01-02", "2019-01-03", "2019-06-28", "2019-11-29", "2019-12-02", "2019-12-31");
        PeriodReturns r = PeriodReturns.of("s", t, new double[]{1, 1.01, 1.02, 1.03, 1.04, 1.05});
        assertTrue(r.months().stream().noneMatch(PeriodReturns.Period::partial), r.months().toString());
        assertFalse(r.years().get(0).partial());
        assertEquals(0.05, r.years().get(0).value(), 1e-12);
    }

    @Test
    void dataWithWeekendBarsCountsEveryDay() {
        // a crypto path (it has a Saturday bar) that stops on Friday 29 November misses the 30th
        long[] t = times("2019-11-01", "2019-11-02", "2019-11-29");
        PeriodReturns r = PeriodReturns.of("s", t, new double[]{1, 1, 1});
        assertTrue(r.months().get(0).partial());
        // the same bars without the Saturday: 30 November is a Saturday, so November ends whole
        PeriodReturns weekdays = PeriodReturns.of("s", times("2019-11-01", "2019-11-29"), new double[]{1, 1});
        assertFalse(weekdays.months().get(0).partial());
    }

    @Test
    void aMonthWithOnlyTheStartingBarHasNoReturnOfItsOwn() {
        // the run starts on January's last day: February is measured from it and is whole
        long[] t = times("2019-01-31", "2019-02-01", "2019-02-28");
        PeriodReturns r = PeriodReturns.of("s", t, new double[]{100, 101, 102});
        assertEquals(1, r.months().size());
        assertEquals(2, r.months().get(0).month());
        assertEquals(0.02, r.months().get(0).value(), 1e-12);
        assertFalse(r.months().get(0).partial());
    }

    @Test
    void aTotalLossLeavesLaterPeriodsUndefinedAndPrintsNoNaN(@TempDir Path dir) throws Exception {
        long[] t = times("2019-01-02", "2019-01-31", "2019-02-15", "2019-02-28", "2019-03-29");
        double[] w = {100, 50, 0, 0, 0};
        PeriodReturns r = PeriodReturns.of("broke", t, w);
        assertEquals(-0.5, r.months().get(0).value(), 1e-12);
        assertEquals(-1.0, r.months().get(1).value(), 1e-12);
        assertTrue(Double.isNaN(r.months().get(2).value()), "nothing left to earn a return on");
        assertEquals(-1.0, r.years().get(0).value(), 1e-12);

        ReportData data = new ReportData("t", "", Map.of(), List.of(), List.of(),
                List.of(SeriesSet.withoutWeights("broke", t, w), SeriesSet.withoutWeights("fine", t, new double[]{1, 1, 1, 1, 1})),
                252, List.of());
        ReportWriter.write(data, dir);
        String html = Files.readString(dir.resolve("index.html"));
        String section = html.substring(html.indexOf("<section id=\"returns\">"));
        section = section.substring(0, section.indexOf("</section>"));
        assertFalse(section.contains("NaN"), section);
        assertFalse(section.contains("Infinity"), section);
        assertTrue(section.contains("-100.0%"), section);
        assertTrue(section.contains("&#8211;</td>"), "the undefined March shows a dash");
        String csv = Files.readString(dir.resolve(ReturnsTables.CSV));
        assertFalse(csv.contains("NaN") || csv.contains("Infinity"), csv);
        assertTrue(csv.contains("broke,2019-03,2019-02-28,2019-03-29,,false\n"), csv);
    }

    @Test
    void theReportShowsMonthlyAndYearlyTablesAndTheCsv(@TempDir Path dir) throws Exception {
        ReportData data = new ReportData("t", "", Map.of(), List.of(), List.of(),
                List.of(SeriesSet.withoutWeights("a, b", T, W)), 252, List.of());
        List<Path> written = ReportWriter.write(data, dir);
        assertTrue(written.contains(dir.resolve("monthly.csv")));
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("<a href=\"#returns\">Calendar returns</a>"));
        assertTrue(html.contains("<details open><summary><h3>"), "one strategy's months are shown unfolded");
        String monthly = table(html, "monthly-a__b");
        // one row, 2019: Jan partial +10%, Feb -1%, Mar partial -60%, the rest of the year empty, then the year
        String row = monthly.substring(monthly.indexOf("<tbody>"));
        List<String> cells = cells(row);
        assertEquals(13, cells.size(), row);
        assertEquals("10.0%*", cells.get(0));
        assertEquals("-1.0%", cells.get(1));
        assertEquals("-60.0%*", cells.get(2));
        for (int m = 3; m < 12; m++) assertEquals("", cells.get(m), "month " + (m + 1));
        assertEquals("-56.4%*", cells.get(12));
        // gains green, losses red: the green channel leads on a gain, the red on a loss
        assertTrue(row.contains("background:" + ReturnsTables.tint(0.10, ReturnsTables.scale(new double[]{0.10, -0.01, -0.6}))));
        String yearly = table(html, "yearly-returns");
        assertTrue(yearly.contains("a, b</th>"), yearly);
        assertEquals(List.of("-56.4%*"), cells(yearly.substring(yearly.indexOf("<tbody>"))));
        assertEquals("""
                strategy,period,from,to,return,partial
                "a, b",2019-01,2019-01-30,2019-01-31,0.10000000000000009,true
                "a, b",2019-02,2019-01-31,2019-02-28,-0.009999999999999898,false
                "a, b",2019-03,2019-02-28,2019-03-01,-0.6,true
                "a, b",2019,2019-01-30,2019-03-01,-0.5644,true
                """, Files.readString(dir.resolve("monthly.csv")));
    }

    @Test
    void manyStrategiesMonthsStartFolded() {
        List<PeriodReturns> many = new java.util.ArrayList<>();
        for (int i = 0; i <= ReturnsTables.OPEN_UP_TO; i++) many.add(PeriodReturns.of("s" + i, T, W));
        Palette palette = Palette.forStrategies(many.stream().map(PeriodReturns::strategy).toList());
        String folded = ReturnsTables.html(many, palette);
        assertFalse(folded.contains("<details open>"));
        assertEquals(ReturnsTables.OPEN_UP_TO + 1, folded.split("<details>", -1).length - 1);
        String open = ReturnsTables.html(many.subList(0, ReturnsTables.OPEN_UP_TO), palette);
        assertEquals(ReturnsTables.OPEN_UP_TO, open.split("<details open>", -1).length - 1);
        assertEquals("", ReturnsTables.html(List.of(PeriodReturns.of("flat", new long[]{0}, new double[]{1})), palette));
    }

    @Test
    void tintsAreGreenForGainsRedForLossesAndWhiteAtZero() {
        assertEquals("#ffffff", ReturnsTables.tint(0, 0.05));
        String gain = ReturnsTables.tint(0.05, 0.05), loss = ReturnsTables.tint(-0.05, 0.05);
        int g = Integer.parseInt(gain.substring(1), 16), l = Integer.parseInt(loss.substring(1), 16);
        assertTrue(((g >> 8) & 0xff) > ((g >> 16) & 0xff), gain);
        assertTrue(((l >> 16) & 0xff) > ((l >> 8) & 0xff), loss);
        // beyond the scale the tint stops growing, so text stays readable
        assertEquals(gain, ReturnsTables.tint(0.5, 0.05));
        assertEquals("0.0%", ReturnsTables.percent(-0.00001));
    }

    private static String table(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertTrue(at >= 0, "no table " + id);
        return html.substring(at, html.indexOf("</table>", at));
    }

    private static List<String> cells(String html) {
        List<String> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(html);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
