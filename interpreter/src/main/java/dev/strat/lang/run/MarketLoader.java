package dev.strat.lang.run;

import dev.strat.lang.plan.MarketPlan;
import dev.strat.lang.plan.MarketSourcePlan;
import dev.strat.runtime.data.CsvMarketReader;
import dev.strat.runtime.data.CsvOptions;
import dev.strat.runtime.data.Frequency;
import dev.strat.runtime.data.LoadedMarket;
import dev.strat.runtime.data.MarketClasses;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.MarketJoin;
import dev.strat.runtime.data.SyntheticMarkets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the runtime market a {@link MarketPlan} describes: reads each source, joins them on
 * their common calendar, keeps the listed symbols and attaches the asset classes. Loaded markets
 * are cached by plan, so a REPL session or an experiment file with several experiments on one
 * market reads its files once.
 */
public final class MarketLoader {

    private final DataCatalog catalog;
    private final Map<MarketPlan, LoadedMarket> cache = new ConcurrentHashMap<>();
    /** SHA-256 of every file a cached market was read from, by the name the program gives it. */
    private final Map<MarketPlan, Map<String, String>> hashes = new ConcurrentHashMap<>();

    public MarketLoader(DataCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @throws dev.strat.runtime.data.DataException for unreadable or inconsistent data, naming
     *         the file, row and column
     */
    public LoadedMarket load(MarketPlan plan) {
        LoadedMarket cached = cache.get(plan);
        if (cached != null) return cached;
        Map<String, String> fileHashes = new LinkedHashMap<>();
        LoadedMarket loaded = read(plan, fileHashes);
        hashes.put(plan, Map.copyOf(fileHashes));
        cache.put(plan, loaded);
        return loaded;
    }

    /**
     * The SHA-256 (lower-case hex) of each data file {@code plan}'s market was read from, keyed by
     * the file's name in the program, in source order; computed once, when the market is loaded.
     * Empty for a market not loaded yet or one with no files.
     */
    public Map<String, String> fileHashes(MarketPlan plan) {
        Map<String, String> h = hashes.get(plan);
        if (h == null) return Map.of();
        Map<String, String> ordered = new LinkedHashMap<>();
        for (MarketSourcePlan source : plan.sources()) {
            if (source instanceof MarketSourcePlan.CsvSource csv && h.containsKey(csv.path())) ordered.put(csv.path(), h.get(csv.path()));
        }
        return ordered;
    }

    /** SHA-256 of a file's bytes, streamed. */
    static String sha256(java.nio.file.Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) digest.update(buf, 0, n);
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.io.IOException e) {
            throw new dev.strat.runtime.data.DataException("cannot read " + file + " to hash it: " + e.getMessage());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private LoadedMarket read(MarketPlan plan, Map<String, String> fileHashes) {
        List<LoadedMarket> parts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        boolean single = plan.sources().size() == 1;
        for (MarketSourcePlan source : plan.sources()) {
            switch (source) {
                case MarketSourcePlan.CsvSource csv -> {
                    CsvOptions options = CsvOptions.defaults();
                    // each file reads only the listed symbols it holds, so that a late starter elsewhere in the
                    // file does not cut the calendar of the symbols the user asked for
                    if (!plan.symbols().isEmpty()) options = options.withSymbols(single ? plan.symbols() : listedIn(csv, plan.symbols()));
                    java.nio.file.Path file = catalog.resolve(csv.path());
                    LoadedMarket part = CsvMarketReader.load(file, options);
                    // hashed after a successful read, so a missing or bad file keeps its own message
                    fileHashes.put(csv.path(), sha256(file));
                    MarketData data = part.data().withName(csv.path());
                    if (csv.periods().isPresent()) {
                        Frequency f = data.frequency();
                        double periods = csv.periods().getAsDouble();
                        data = data.withFrequency(new Frequency(f.bar(), periods, f.barsPerDay(),
                                f.label().replaceAll(",.*", "") + ", " + trim(periods) + " periods/yr (set by periods=)"));
                    }
                    parts.add(new LoadedMarket(data, part.warnings()));
                    files.add(csv.path());
                }
                case MarketSourcePlan.SyntheticSource gbm -> parts.add(new LoadedMarket(
                        SyntheticMarkets.gbm(gbm.assets(), gbm.days(), gbm.seed()), List.of()));
            }
        }
        LoadedMarket joined = parts.size() == 1 ? parts.get(0) : MarketJoin.joinAll(parts);
        MarketData data = joined.data();
        if (!single && !plan.symbols().isEmpty()) data = data.select(plan.symbols());
        if (!plan.classes().isEmpty()) {
            Map<String, List<String>> classes = new LinkedHashMap<>();
            plan.classes().forEach((name, members) -> {
                // the cash class names the implicit cash weight, not a column of the data
                List<String> assets = members.stream().filter(m -> !m.equals("USD") && !m.equals("cash")).toList();
                if (!assets.isEmpty()) classes.put(name, assets);
            });
            data = MarketClasses.attach(data, classes);
        }
        String name = plan.name() + " = " + (files.isEmpty() ? data.name() : String.join(" + ", files));
        return new LoadedMarket(data.withName(name), joined.warnings());
    }

    private List<String> listedIn(MarketSourcePlan.CsvSource csv, List<String> listed) {
        return catalog.facts(csv)
                .filter(f -> f instanceof dev.strat.lang.check.MarketFacts.Known)
                .map(f -> ((dev.strat.lang.check.MarketFacts.Known) f).symbols())
                .map(inFile -> listed.stream().filter(inFile::contains).toList())
                .orElse(listed);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
