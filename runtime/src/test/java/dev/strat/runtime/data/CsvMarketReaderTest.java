package dev.strat.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvMarketReaderTest {

    static final String HEADER = "date,symbol,open,high,low,close,volume\n";
    static final String GOOD = HEADER
            + "2020-01-02,AAA,10,11,9,10.5,100\n"
            + "2020-01-02,BBB,20,21,19,20.5,200\n"
            + "2020-01-03,AAA,10.5,12,10,11,150\n"
            + "2020-01-03,BBB,20.5,22,20,21,250\n"
            + "2020-01-06,AAA,11,11.5,10.5,11.25,120\n"
            + "2020-01-06,BBB,21,21.5,20,20.75,220\n";

    @TempDir
    Path dir;

    Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    Path writeGzip(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }

    static LoadedMarket load(Path p) {
        return CsvMarketReader.load(p, CsvOptions.defaults());
    }

    DataException error(String content) throws IOException {
        Path p = write("bad.csv", content);
        return assertThrows(DataException.class, () -> load(p));
    }

    String at(int row, int col) {
        return dir.resolve("bad.csv") + ":" + row + ":" + col + ": ";
    }

    @Test
    void readsPlainCsv() throws IOException {
        LoadedMarket m = load(write("m.csv", GOOD));
        MarketData d = m.data();
        assertEquals(List.of("AAA", "BBB"), d.symbols());
        assertEquals(3, d.bars());
        assertEquals(LocalDate.of(2020, 1, 2), d.date(0));
        assertEquals(LocalDate.of(2020, 1, 6), d.date(2));
        assertEquals(10.5, d.close(0, 0));
        assertEquals(21, d.close(1, 1));
        assertEquals(12, d.high(1, 0));
        assertEquals(10, d.low(1, 0));
        assertEquals(10.5, d.open(1, 0));
        assertEquals(250, d.volume(1, 1));
        assertEquals(11.0 / 10.5, d.relative(1, 0), 1e-15);
        assertEquals(Frequency.DAILY_STOCKS, d.frequency());
        assertTrue(d.hasOhlc());
        assertTrue(m.warnings().isEmpty(), m.warnings().toString());
    }

    @Test
    void gzipIsDetectedByMagicBytesNotByName() throws IOException {
        MarketData plain = load(write("m.csv", GOOD)).data();
        MarketData gz = load(writeGzip("looks_plain.csv", GOOD)).data();
        MarketData gz2 = load(writeGzip("m.csv.gz", GOOD)).data();
        for (MarketData d : List.of(gz, gz2)) {
            assertEquals(plain.bars(), d.bars());
            for (int t = 0; t < d.bars(); t++) {
                for (int i = 0; i < d.assets(); i++) assertEquals(plain.close(t, i), d.close(t, i));
            }
        }
    }

    @Test
    void columnsAreFoundByNameInAnyOrderAndOptionalOnesMayBeMissing() throws IOException {
        String csv = "Close,Date,extra,Symbol\n"
                + "10,2020-01-02,x,AAA\n"
                + "11,2020-01-03,y,AAA\n";
        MarketData d = load(write("m.csv", csv)).data();
        assertEquals(11, d.close(1, 0));
        assertTrue(Double.isNaN(d.open(1, 0)));
        assertTrue(Double.isNaN(d.volume(1, 0)));
        assertFalse(d.hasOhlc());
    }

    @Test
    void emptyFieldsAreNotAvailable() throws IOException {
        String csv = HEADER + "2020-01-02,AAA,,,,10,\n2020-01-03,AAA,,,,11,\n";
        MarketData d = load(write("m.csv", csv)).data();
        assertTrue(Double.isNaN(d.high(0, 0)));
        assertEquals(11, d.close(1, 0));
    }

    @Test
    void unsortedRowsAreSorted() throws IOException {
        String csv = HEADER
                + "2020-01-06,BBB,21,21.5,20,20.75,220\n"
                + "2020-01-02,AAA,10,11,9,10.5,100\n"
                + "2020-01-06,AAA,11,11.5,10.5,11.25,120\n"
                + "2020-01-02,BBB,20,21,19,20.5,200\n";
        MarketData d = load(write("m.csv", csv)).data();
        assertEquals(LocalDate.of(2020, 1, 2), d.date(0));
        assertEquals(10.5, d.close(0, 0));
        assertEquals(20.75, d.close(1, 1));
    }

    @Test
    void symbolsComeInRequestedOrderOrSorted() throws IOException {
        Path p = write("m.csv", GOOD.replace("AAA", "ZZZ"));
        assertEquals(List.of("BBB", "ZZZ"), load(p).data().symbols());
        MarketData d = CsvMarketReader.load(p, CsvOptions.defaults().withSymbols("ZZZ", "BBB")).data();
        assertEquals(List.of("ZZZ", "BBB"), d.symbols());
        assertEquals(10.5, d.close(0, 0));
        MarketData one = CsvMarketReader.load(p, CsvOptions.defaults().withSymbols("BBB")).data();
        assertEquals(List.of("BBB"), one.symbols());
        assertEquals(20.5, one.close(0, 0));
    }

    @Test
    void dateFilterKeepsInclusiveRange() throws IOException {
        Path p = write("m.csv", GOOD);
        MarketData d = CsvMarketReader.load(p, CsvOptions.defaults().withDates(LocalDate.of(2020, 1, 3), LocalDate.of(2020, 1, 3))).data();
        assertEquals(1, d.bars());
        assertEquals(LocalDate.of(2020, 1, 3), d.date(0));
    }

    @Test
    void closeOutsideHighLowIsAccepted() throws IOException {
        // Adjusted close next to split-only-adjusted high/low: normal in several shared files.
        String csv = HEADER + "2020-01-02,AAA,10,11,9,5,100\n2020-01-03,AAA,10,11,9,12,100\n";
        assertEquals(5, load(write("m.csv", csv)).data().close(0, 0));
    }

    @Test
    void unparsableNumber() throws IOException {
        DataException e = error(HEADER + "2020-01-02,AAA,10,11,9,10.5,100\n2020-01-03,AAA,10,11,9,abc,100\n");
        assertEquals(at(3, 6) + "column 'close': cannot read number 'abc'", e.getMessage());
        assertEquals(3, e.row());
        assertEquals(6, e.column());
    }

    @Test
    void unparsableVolume() throws IOException {
        DataException e = error(HEADER + "2020-01-02,AAA,10,11,9,10.5,1x0\n");
        assertEquals(at(2, 7) + "column 'volume': cannot read number '1x0'", e.getMessage());
    }

    @Test
    void unparsableDate() throws IOException {
        DataException e = error(HEADER + "2020-01-02,AAA,10,11,9,10.5,100\n\n2020-02-30,AAA,10,11,9,10.5,100\n");
        assertEquals(at(4, 1) + "column 'date': cannot read date '2020-02-30' (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)", e.getMessage());
        DataException e2 = error(HEADER + "02/01/2020,AAA,10,11,9,10.5,100\n");
        assertTrue(e2.getMessage().startsWith(at(2, 1) + "column 'date': cannot read date '02/01/2020'"), e2.getMessage());
    }

    @Test
    void nonPositiveClose() throws IOException {
        DataException e = error(HEADER + "2020-01-02,AAA,10,11,9,0,100\n");
        assertEquals(at(2, 6) + "column 'close': price 0 is not positive", e.getMessage());
        DataException neg = error(HEADER + "2020-01-02,AAA,10,11,9,-1.5,100\n");
        assertEquals(at(2, 6) + "column 'close': price -1.5 is not positive", neg.getMessage());
    }

    @Test
    void nonFiniteClose() throws IOException {
        DataException e = error(HEADER + "2020-01-02,AAA,10,11,9,NaN,100\n");
        assertEquals(at(2, 6) + "column 'close': price NaN is not a finite number", e.getMessage());
        DataException inf = error(HEADER + "2020-01-02,AAA,10,11,9,Infinity,100\n");
        assertEquals(at(2, 6) + "column 'close': price Infinity is not a finite number", inf.getMessage());
    }

    @Test
    void nonPositiveOpenHighLowWhenPresent() throws IOException {
        DataException e = error(HEADER + "2020-01-02,AAA,-3,11,9,10,100\n");
        assertTrue(e.getMessage().startsWith(at(2, 3) + "column 'open': price -3 is not positive"), e.getMessage());
        DataException low = error(HEADER + "2020-01-02,AAA,3,11,0,10,100\n");
        assertTrue(low.getMessage().startsWith(at(2, 5) + "column 'low': price 0 is not positive"), low.getMessage());
    }

    @Test
    void negativeVolume() throws IOException {
        DataException e = error(HEADER + "2020-01-02,AAA,10,11,9,10,-5\n");
        assertEquals(at(2, 7) + "column 'volume': volume -5 is not a finite non-negative number", e.getMessage());
    }

    @Test
    void highBelowLow() throws IOException {
        DataException e = error(HEADER + "2020-01-02,AAA,10,11,9,10,5\n2020-01-03,AAA,10,8,9,8.5,5\n");
        assertEquals(at(3, 4) + "column 'high': high 8 is below low 9 (AAA)", e.getMessage());
    }

    @Test
    void duplicateDateSymbol() throws IOException {
        DataException e = error(HEADER + "2020-01-02,AAA,10,11,9,10,5\n2020-01-02,BBB,10,11,9,10,5\n2020-01-02,AAA,10,11,9,10,5\n");
        assertEquals(at(4, 1) + "column 'date': duplicate row for AAA at 2020-01-02 (first seen on line 2)", e.getMessage());
    }

    @Test
    void duplicateInUnsortedFilePointsAtLaterLine() throws IOException {
        DataException e = error(HEADER + "2020-01-03,AAA,10,11,9,10,5\n2020-01-02,AAA,10,11,9,10,5\n2020-01-03,AAA,10,11,9,10,5\n");
        assertEquals(at(4, 1) + "column 'date': duplicate row for AAA at 2020-01-03 (first seen on line 2)", e.getMessage());
    }

    @Test
    void missingSymbolListsAvailableAndSuggests() throws IOException {
        Path p = write("m.csv", GOOD.replace("AAA", "AAPL"));
        DataException e = assertThrows(DataException.class, () -> CsvMarketReader.load(p, CsvOptions.defaults().withSymbols("APPL")));
        assertEquals(p + ": symbol APPL is not in the file; did you mean AAPL? Available: AAPL, BBB", e.getMessage());
        DataException far = assertThrows(DataException.class, () -> CsvMarketReader.load(p, CsvOptions.defaults().withSymbols("XOM")));
        assertEquals(p + ": symbol XOM is not in the file. Available: AAPL, BBB", far.getMessage());
    }

    @Test
    void symbolListedTwice() throws IOException {
        Path p = write("m.csv", GOOD);
        DataException e = assertThrows(DataException.class, () -> CsvMarketReader.load(p, CsvOptions.defaults().withSymbols("AAA", "AAA")));
        assertEquals(p + ": symbol AAA is listed twice", e.getMessage());
    }

    @Test
    void wrongHeader() throws IOException {
        DataException e = error("Date,Open,High,Low,Close\n2020-01-02,1,2,0.5,1.5\n");
        assertEquals(dir.resolve("bad.csv") + ":1:1: the header 'Date,Open,High,Low,Close' lacks symbol; expected the long format "
                + "date,symbol,open,high,low,close,volume (open, high, low, volume optional)", e.getMessage());
        assertEquals(1, e.row());
        assertEquals(1, e.column());
        DataException twice = error("date,symbol,close,close\n");
        assertEquals(at(1, 4) + "column 'close': appears twice in the header (also column 3)", twice.getMessage());
    }

    @Test
    void emptyFileAndHeaderOnly() throws IOException {
        assertEquals(dir.resolve("bad.csv") + ": the file is empty (expected a header line date,symbol,open,high,low,close,volume)",
                error("").getMessage());
        assertEquals(dir.resolve("bad.csv") + ": no data rows after the header", error(HEADER).getMessage());
        Path gz = writeGzip("empty.csv.gz", "");
        assertTrue(assertThrows(DataException.class, () -> load(gz)).getMessage().endsWith("the file is empty (expected a header line date,symbol,open,high,low,close,volume)"));
    }

    @Test
    void wrongFieldCount() throws IOException {
        DataException few = error(HEADER + "2020-01-02,AAA,10,11,9\n");
        assertEquals(at(2, 6) + "column 'close': missing: the row has 5 fields, the header 7", few.getMessage());
        DataException many = error(HEADER + "2020-01-02,AAA,10,11,9,10,5,7\n");
        assertEquals(at(2, 8) + "too many fields: expected 7 as in the header", many.getMessage());
    }

    @Test
    void emptySymbol() throws IOException {
        assertEquals(at(2, 2) + "column 'symbol': the symbol is empty", error(HEADER + "2020-01-02,,10,11,9,10,5\n").getMessage());
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("nope.csv");
        assertEquals(p + ": file not found", assertThrows(DataException.class, () -> load(p)).getMessage());
    }

    @Test
    void numberParserMatchesJdkOnManyDecimals() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        for (int k = 0; k < 100_000; k++) {
            double v = Math.exp(rng.nextDouble(-25, 25));
            String s = k % 3 == 0 ? Double.toString(v) : k % 3 == 1 ? String.format(java.util.Locale.ROOT, "%.7g", v)
                    : new java.math.BigDecimal(v).round(new java.math.MathContext(1 + k % 17)).toPlainString();
            assertEquals(Double.parseDouble(s), CsvMarketReader.number(s, 0, s.length()), s);
        }
        for (String s : List.of("0", "0.0", "000.5", "146.9", "1e5", "-2.25", "+3", "12345678901234567890", "0.000000001")) {
            assertEquals(Double.parseDouble(s), CsvMarketReader.number(s, 0, s.length()), s);
        }
        assertTrue(Double.isNaN(CsvMarketReader.number("1.2.3", 0, 5)));
        assertTrue(Double.isNaN(CsvMarketReader.number(".", 0, 1)));
    }

    @Test
    void infersFrequencies() throws IOException {
        String crypto = HEADER + "2020-01-03,X,1,1,1,1,1\n2020-01-04,X,1,1,1,1,1\n2020-01-05,X,1,1,1,1,1\n";
        assertEquals(Frequency.DAILY_CRYPTO, load(write("c.csv", crypto)).data().frequency());
        StringBuilder hourly = new StringBuilder(HEADER);
        for (int h = 14; h < 20; h++) hourly.append("2024-03-05T").append(h).append(":30:00Z,X,1,1,1,1,1\n");
        assertEquals(Frequency.HOURLY_STOCKS, load(write("s.csv", hourly.toString())).data().frequency());
        StringBuilder fx = new StringBuilder(HEADER);
        for (int h = 0; h < 24; h++) fx.append(String.format("2024-03-05T%02d:00:00Z,X,1,1,1,1,1%n", h));
        assertEquals(Frequency.HOURLY_FOREX, load(write("f.csv", fx.toString())).data().frequency());
        StringBuilder cr = new StringBuilder(HEADER);
        for (int h = 0; h < 24; h++) cr.append(String.format("2024-03-09T%02d:00:00Z,X,1,1,1,1,1%n", h));
        assertEquals(Frequency.HOURLY_CRYPTO, load(write("h.csv", cr.toString())).data().frequency());
        Path p = write("o.csv", crypto);
        assertEquals(Frequency.DAILY_STOCKS, CsvMarketReader.load(p, CsvOptions.defaults().withFrequency(Frequency.DAILY_STOCKS)).data().frequency());
    }

    @Test
    void rowOrderDoesNotMatter() throws IOException {
        MarketData byDate = load(write("a.csv", GOOD)).data();
        String[] rows = GOOD.substring(HEADER.length()).split("\n");
        String bySymbol = HEADER + rows[0] + "\n" + rows[2] + "\n" + rows[4] + "\n" + rows[1] + "\n" + rows[3] + "\n" + rows[5] + "\n";
        String mixed = HEADER + rows[1] + "\n" + rows[0] + "\n" + rows[2] + "\n" + rows[3] + "\n" + rows[5] + "\n" + rows[4] + "\n";
        for (String csv : List.of(bySymbol, mixed)) {
            MarketData d = load(write("b.csv", csv)).data();
            assertEquals(byDate.symbols(), d.symbols());
            for (int t = 0; t < 3; t++) {
                assertEquals(byDate.time(t), d.time(t));
                for (int i = 0; i < 2; i++) {
                    assertEquals(byDate.close(t, i), d.close(t, i));
                    assertEquals(byDate.volume(t, i), d.volume(t, i));
                }
            }
        }
    }
}
