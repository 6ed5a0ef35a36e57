package dev.strat.bench;

import dev.strat.runtime.data.CsvMarketReader;
import dev.strat.runtime.data.CsvOptions;
import dev.strat.runtime.data.DataException;
import dev.strat.runtime.data.LoadedMarket;

import java.nio.file.Path;
import java.util.List;

/**
 * The real data {@code strat bench} runs on: daily closes of US large caps from the shared data
 * folder, twenty symbols that trade over the file's whole history (5,033 bars, 2003-10-30 on).
 */
public final class BenchData {

    /** The data file, resolved against the data root. */
    public static final String FILE = "us_large_caps_daily.csv.gz";

    /** Symbols with full history in {@link #FILE}, in the order the first {@code --assets} are taken. */
    public static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "AMZN", "JPM", "JNJ", "XOM", "PG", "KO", "WMT", "INTC",
            "CSCO", "PFE", "VZ", "T", "CVX", "PEP", "MRK", "WFC", "DIS", "ORCL");

    private BenchData() {
    }

    /** Loads the first {@code assets} of {@link #SYMBOLS} from {@code file}. */
    public static LoadedMarket load(Path file, int assets) {
        if (assets < 1 || assets > SYMBOLS.size()) {
            throw new IllegalArgumentException("the benchmark takes 1 to " + SYMBOLS.size() + " assets, got " + assets);
        }
        LoadedMarket loaded = CsvMarketReader.load(file, CsvOptions.defaults().withSymbols(SYMBOLS.subList(0, assets)));
        if (loaded.data().assets() != assets) {
            throw new DataException(file + ": expected " + assets + " symbols, found " + loaded.data().assets());
        }
        return loaded;
    }
}
