package dev.strat.runtime.data;

import java.nio.file.Path;
import java.util.Map;

/**
 * Prints how long the shared files take to load (not a test: timings do not belong in
 * assertions). Run with the test classpath: {@code java -cp runtime/target/classes:runtime/target/test-classes
 * dev.strat.runtime.data.LoadTimes [repo root]}.
 */
public final class LoadTimes {

    private LoadTimes() {}

    public static void main(String[] args) {
        DataRoot root = DataRoot.resolve(null, Map.of(), Path.of(args.length > 0 ? args[0] : "."));
        String[] files = {"crypto_hourly.csv.gz", "forex_hourly.csv.gz", "us_large_caps_daily.csv.gz", "crypto_daily.csv.gz",
                "stocks_hourly.csv.gz", "multi_asset_daily.csv.gz"};
        for (int round = 1; round <= 3; round++) {
            for (String f : files) {
                long t0 = System.nanoTime();
                LoadedMarket m = CsvMarketReader.load(root.file(f), CsvOptions.defaults());
                long t1 = System.nanoTime();
                System.out.printf("round %d  %-28s %6.0f ms  %s%n", round, f, (t1 - t0) / 1e6, m.data());
            }
        }
    }
}
