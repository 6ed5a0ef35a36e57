package dev.strat.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Smoke tests on the shared data files; numbers come from shared/data/README.md. */
class RealDataTest {

    static DataRoot root;

    @BeforeAll
    static void findData() {
        Path repo = Path.of(System.getProperty("strat.repo.root", "."));
        root = DataRoot.resolve(null, Map.of(), repo);
        Assumptions.assumeTrue(Files.isRegularFile(root.dir().resolve("us_large_caps_daily.csv.gz")), "shared data not present");
    }

    static LoadedMarket load(String file, CsvOptions options) {
        return CsvMarketReader.load(root.file(file), options);
    }

    @Test
    void usLargeCapsFullHistory() {
        LoadedMarket m = load("us_large_caps_daily.csv.gz", CsvOptions.defaults().withSymbols("AAPL", "MSFT", "JPM", "XOM", "^GSPC"));
        MarketData d = m.data();
        assertEquals(5033, d.bars());
        assertEquals(LocalDate.of(2003, 10, 30), d.date(0));
        assertEquals(LocalDate.of(2023, 10, 27), d.date(d.bars() - 1));
        assertEquals(List.of("AAPL", "MSFT", "JPM", "XOM", "^GSPC"), d.symbols());
        assertEquals(Frequency.DAILY_STOCKS, d.frequency());
        assertTrue(d.hasOhlc());
        assertEquals(List.of(), m.warnings(), "no gaps against the ^GSPC calendar");
    }

    @Test
    void usLargeCapsLateStarterIsTrimmed() {
        LoadedMarket m = load("us_large_caps_daily.csv.gz", CsvOptions.defaults().withSymbols("AAPL", "GOOG", "MA"));
        assertEquals(LocalDate.of(2006, 5, 25), m.data().date(0));
        assertEquals(1, m.warnings().size());
        assertTrue(m.warnings().get(0).startsWith("MA starts late, on 2006-05-25: dropped the "), m.warnings().get(0));
    }

    @Test
    void misspeltSymbolSuggestsTheRightOne() {
        DataException e = assertThrows(DataException.class, () -> load("us_large_caps_daily.csv.gz", CsvOptions.defaults().withSymbols("APPL")));
        assertTrue(e.getMessage().contains("symbol APPL is not in the file; did you mean AAPL? Available: AAPL, AMZN, BAC"), e.getMessage());
    }

    @Test
    void ripoCloseBelowLowIsAccepted() {
        MarketData d = load("ripo_sp500_top10_daily.csv.gz", CsvOptions.defaults()).data();
        assertEquals(11, d.assets());
        assertEquals(LocalDate.of(2014, 7, 1), d.date(0));
        assertEquals(LocalDate.of(2022, 10, 31), d.date(d.bars() - 1));
        assertEquals(2100, d.bars());
        int below = 0;
        for (int t = 0; t < d.bars(); t++) for (int i = 0; i < d.assets(); i++) if (d.close(t, i) < d.low(t, i)) below++;
        assertTrue(below > 0, "the file stores adjusted closes below split-only lows");
    }

    @Test
    void cryptoHourlyInfersHourlyCrypto() {
        LoadedMarket m = load("crypto_hourly.csv.gz", CsvOptions.defaults().withSymbols("BTCUSDT", "ETHUSDT"));
        MarketData d = m.data();
        assertEquals(Frequency.HOURLY_CRYPTO, d.frequency());
        assertEquals(Instant.parse("2019-01-01T00:00:00Z"), d.instant(0));
        assertEquals(Instant.parse("2025-12-31T23:00:00Z"), d.instant(d.bars() - 1));
        assertTrue(d.bars() > 61_000 && d.bars() < 61_400, "bars: " + d.bars());
    }

    @Test
    void cryptoDailyDelistedPairEndsTheWindow() {
        LoadedMarket m = load("crypto_daily.csv.gz", CsvOptions.defaults().withSymbols("BTCUSDT", "MATICUSDT"));
        assertEquals(Frequency.DAILY_CRYPTO, m.data().frequency());
        assertEquals(LocalDate.of(2019, 4, 26), m.data().date(0));
        assertEquals(LocalDate.of(2024, 9, 10), m.data().date(m.data().bars() - 1));
        assertTrue(m.warnings().stream().anyMatch(w -> w.startsWith("MATICUSDT ends early, on 2024-09-10")), m.warnings().toString());
    }

    @Test
    void stocksJoinCryptoOnNyseDays() {
        CsvOptions window = CsvOptions.defaults().withDates(LocalDate.of(2018, 1, 1), LocalDate.of(2021, 12, 31));
        LoadedMarket stocks = load("us_large_caps_daily.csv.gz", window.withSymbols("AAPL", "MSFT"));
        LoadedMarket crypto = load("crypto_daily.csv.gz", window.withSymbols("BTCUSDT", "ETHUSDT"));
        LoadedMarket j = MarketJoin.join(stocks.data(), crypto.data());
        assertEquals(stocks.data().bars(), j.data().bars());
        assertEquals(1008, j.data().bars());
        assertEquals(Frequency.DAILY_STOCKS, j.data().frequency());
        assertEquals(List.of("AAPL", "MSFT", "BTCUSDT", "ETHUSDT"), j.data().symbols());
        assertTrue(j.warnings().get(0).contains("dropped 0 of 1008 bars"), j.warnings().toString());
    }

    @Test
    void hourlyStocksAndForexConventions() {
        assertEquals(Frequency.HOURLY_STOCKS, load("stocks_hourly.csv.gz", CsvOptions.defaults().withSymbols("AAPL")).data().frequency());
        assertEquals(Frequency.HOURLY_FOREX, load("forex_hourly_2023_2026.csv.gz", CsvOptions.defaults().withSymbols("EURUSD", "USDJPY")).data().frequency());
    }

    @Test
    void closeOnlyFileHasNoOhlc() {
        MarketData d = load("multi_asset_daily.csv.gz", CsvOptions.defaults().withSymbols("SPY", "TLT", "GLD")).data();
        assertEquals(LocalDate.of(2004, 11, 18), d.date(0));
        assertTrue(!d.hasOhlc());
        assertTrue(Double.isNaN(d.volume(10, 0)));
    }

    @Test
    void gbmCalibratedOnRealReturns() {
        MarketData d = load("us_large_caps_daily.csv.gz", CsvOptions.defaults().withSymbols("AAPL", "JPM", "XOM")).data();
        SplitPlan s = SplitPlan.of(d, DateRange.parse("2015..2019"), null, DateRange.parse("2020"));
        BarRange train = s.bars("train");
        GbmModel g = SyntheticMarkets.calibrate(d, train.from(), train.to());
        assertEquals(0.0, g.ridge());
        double vol = Math.sqrt(g.covariance()[0][0] * 252);
        assertTrue(vol > 0.2 && vol < 0.35, "AAPL 2015-2019 annual volatility " + vol);
        List<MarketData> paths = SyntheticMarkets.simulate(g, 5, 252, 1);
        // Simulated bars follow on business days (no holiday calendar): 2019-12-31 is followed by 2020-01-01.
        assertEquals(LocalDate.of(2020, 1, 1), paths.get(0).date(0));
    }

    @Test
    void mixedStockCryptoFileOnCommonCalendar() {
        LoadedMarket union = load("hadaps_crypto_nasdaq_daily.csv.gz", CsvOptions.defaults().withSymbols("AAPL", "BTC"));
        assertEquals(Frequency.DAILY_CRYPTO, union.data().frequency());
        assertTrue(union.warnings().stream().anyMatch(w -> w.startsWith("AAPL: forward-filled") && w.contains("different calendar")),
                union.warnings().toString());
        LoadedMarket common = load("hadaps_crypto_nasdaq_daily.csv.gz",
                CsvOptions.defaults().withSymbols("AAPL", "BTC").withCalendar(CsvOptions.Calendar.COMMON));
        assertEquals(Frequency.DAILY_STOCKS, common.data().frequency());
        assertEquals(LocalDate.of(2014, 12, 31), common.data().date(0));
        assertTrue(common.warnings().stream().noneMatch(w -> w.contains("forward-filled")), common.warnings().toString());
    }
}
