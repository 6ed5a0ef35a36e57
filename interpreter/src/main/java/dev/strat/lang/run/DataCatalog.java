package dev.strat.lang.run;

import dev.strat.lang.check.MarketCatalog;
import dev.strat.lang.check.MarketFacts;
import dev.strat.lang.plan.MarketPlan;
import dev.strat.lang.plan.MarketSourcePlan;
import dev.strat.runtime.data.CsvFileFacts;
import dev.strat.runtime.data.DataException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checker's view of the data folder: the symbols and date span of each CSV file, read once
 * per file by a fast scan and cached for the life of the engine (a REPL session re-checks often);
 * and the {@link MarketLoader} whose loaded markets the checker's {@link #loadNotes} and the run
 * share, so a market is read once whether check or run asks first.
 */
public final class DataCatalog implements MarketCatalog {

    private final Path dataRoot;
    private final Map<Path, MarketFacts> cache = new ConcurrentHashMap<>();
    private final MarketLoader loader;
    private final Map<MarketPlan, Load> loads = new ConcurrentHashMap<>();

    public DataCatalog(Path dataRoot) {
        this.dataRoot = dataRoot;
        this.loader = new MarketLoader(this);
    }

    /** The loader of this data folder's markets, caching each loaded market. */
    public MarketLoader loader() {
        return loader;
    }

    @Override
    public Load load(MarketPlan market) {
        // a failure is kept too, so that check's experiments on one bad market read it once
        return loads.computeIfAbsent(market, m -> {
            try {
                return new Load(loader.load(m).warnings(), Optional.empty());
            } catch (DataException e) {
                return new Load(List.of(), Optional.of(e.getMessage()));
            }
        });
    }

    /** Where a file name as written in a program resolves: absolute as is, else under the data root. */
    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : dataRoot.resolve(p);
    }

    @Override
    public Optional<MarketFacts> facts(MarketSourcePlan.CsvSource source) {
        Path file = resolve(source.path()).toAbsolutePath().normalize();
        return Optional.of(cache.computeIfAbsent(file, f -> scan(source.path(), f)));
    }

    private MarketFacts scan(String written, Path file) {
        if (!Files.isRegularFile(file)) {
            return new MarketFacts.Unavailable("data file '" + written + "' not found: looked for " + file
                    + " (the data folder comes from --data, then STRAT_DATA, then ../shared/data)");
        }
        try {
            CsvFileFacts facts = CsvFileFacts.scan(file);
            return new MarketFacts.Known(written, facts.symbols(), facts.first(), facts.last(), facts.frequency(), facts.calendar());
        } catch (DataException e) {
            return new MarketFacts.Unavailable(e.getMessage());
        }
    }
}
