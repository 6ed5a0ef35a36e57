package dev.strat.lang.check;

import dev.strat.lang.ast.Decl;
import dev.strat.lang.ast.Expr;
import dev.strat.lang.ast.Ident;
import dev.strat.lang.ast.MarketClause;
import dev.strat.lang.ast.MarketSource;
import dev.strat.lang.diag.Span;
import dev.strat.lang.plan.MarketPlan;
import dev.strat.lang.plan.MarketSourcePlan;
import dev.strat.runtime.data.TimeLength;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Value;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Checks market declarations: sources ({@code csv("file", freq=1d|1h, periods=N)},
 * {@code synthetic gbm(assets, days, seed)}, {@code cash}), symbols and classes, and, when a
 * {@link MarketCatalog} is given, that the listed symbols are in the data. A {@code features}
 * clause still parses (a syntax error would explain less) but is rejected: observations are the
 * agent's {@code features=[...]}.
 */
final class MarketChecker {

    /** The error for a market's {@code features} clause, which nothing reads: agents declare their observation. */
    static final String FEATURES_UNUSED = "a market's 'features' clause is not used: observation features belong to the agent";
    /** Where observation features are declared instead, shown in the error's help line. */
    static final String FEATURES_AGENT_FORM = "agent td3(features=[ohlcv(window=20), ta(indicators=all)])";
    static final String FEATURES_HELP = "remove it and give the agent its observation, e.g. " + FEATURES_AGENT_FORM;

    /** Words that name the cash asset in a class. */
    static final Set<String> CASH_WORDS = Set.of("USD", "cash");

    private static final List<Param> CSV = List.of(
            Param.required(ParamSpec.required("path", new ParamType.Text(), Double.NaN, Double.NaN, "the data file")),
            Param.optional(ParamSpec.optional("freq", new ParamType.Length(), null, Double.NaN, Double.NaN, "bar length, 1d or 1h")),
            Param.optional(ParamSpec.optional("periods", new ParamType.Number(), null, 1, 1e6, "periods per year")));
    private static final String CSV_SIGNATURE = "csv(\"file.csv.gz\", freq=1d, periods=252)";

    private static final List<Param> GBM = List.of(
            Param.of(ParamSpec.required("assets", new ParamType.Integer(), 1, 500, "number of assets")),
            Param.of(ParamSpec.required("days", new ParamType.Integer(), 10, Double.NaN, "number of daily bars")),
            Param.of(ParamSpec.optional("seed", new ParamType.Integer(), new Value.Num(0, false, true), Double.NaN, Double.NaN, "random seed")));
    private static final String GBM_SIGNATURE = "gbm(assets=5, days=1000, seed=0)";

    /**
     * The dates a market's data cover, when a catalog knows them.
     *
     * @param file the file whose limit it is, for messages
     */
    record DataWindow(String firstFile, LocalDate first, String lastFile, LocalDate last) { }

    private final Optional<MarketCatalog> catalog;
    private final Reporter r;
    private final Map<String, DataWindow> windows = new HashMap<>();
    private final Map<String, List<String>> universes = new HashMap<>();

    MarketChecker(Optional<MarketCatalog> catalog, Reporter r) {
        this.catalog = catalog;
        this.r = r;
    }

    /** The symbols of a market when the checker knows them (listed, or read from every file's header). */
    Optional<List<String>> universe(String market) {
        return Optional.ofNullable(universes.get(market));
    }

    Optional<DataWindow> window(String market) {
        return Optional.ofNullable(windows.get(market));
    }

    Optional<MarketPlan> check(Decl.Market m) {
        String name = m.name().name();
        int before = r.errorCount();
        List<MarketSourcePlan> sources = new ArrayList<>();
        List<MarketFacts.Known> facts = new ArrayList<>();
        boolean cash = false;
        boolean synthetic = false;
        boolean files = false;
        for (MarketSource s : m.sources()) {
            switch (s) {
                case MarketSource.Cash c -> {
                    if (cash) r.error(c.span(), "'cash' is listed twice in market '" + name + "'");
                    cash = true;
                }
                case MarketSource.File f -> {
                    if (synthetic) r.error(f.span(), "market '" + name + "' mixes synthetic and file data", "use one kind of source per market");
                    files = true;
                    csv(f.call()).ifPresent(src -> {
                        sources.add(src);
                        facts(src, f.span()).ifPresent(facts::add);
                    });
                }
                case MarketSource.Synthetic g -> {
                    if (synthetic || files) {
                        r.error(g.span(), synthetic ? "market '" + name + "' has two synthetic sources"
                                : "market '" + name + "' mixes synthetic and file data", "use one kind of source per market");
                    }
                    synthetic = true;
                    gbm(g.call()).ifPresent(sources::add);
                }
            }
        }
        if (m.sources().stream().noneMatch(s -> !(s instanceof MarketSource.Cash))) {
            r.error(m.name().span(), "market '" + name + "' has no data source", "e.g. csv(\"file.csv.gz\") or synthetic gbm(assets=5, days=1000)");
        }
        // symbols are checked against the data only when every file's symbols are known
        long fileSources = sources.stream().filter(x -> x instanceof MarketSourcePlan.CsvSource).count();
        Set<String> fileSymbols = new LinkedHashSet<>();
        if (facts.size() == fileSources) facts.forEach(k -> fileSymbols.addAll(k.symbols()));
        String files1 = String.join(" + ", facts.stream().map(MarketFacts.Known::file).toList());
        if (!facts.isEmpty()) {
            MarketFacts.Known firstLimit = facts.stream().max((a, b) -> a.first().compareTo(b.first())).orElseThrow();
            MarketFacts.Known lastLimit = facts.stream().min((a, b) -> a.last().compareTo(b.last())).orElseThrow();
            windows.put(name, new DataWindow(firstLimit.file(), firstLimit.first(), lastLimit.file(), lastLimit.last()));
        }

        List<String> symbols = new ArrayList<>();
        Map<String, List<String>> classes = new LinkedHashMap<>();
        Span symbolsAt = null, classesAt = null;
        // errors that leave the market itself sound: its plan is still built so experiments on it are checked
        int unusedClauses = 0;
        for (MarketClause clause : m.clauses()) {
            switch (clause) {
                case MarketClause.Symbols s -> {
                    if (symbolsAt != null) {
                        r.error(s.span(), "'symbols' is given twice for market '" + name + "'", "first given at " + symbolsAt.location());
                        continue;
                    }
                    symbolsAt = s.span();
                    symbols(s, name, fileSymbols, files1, symbols);
                }
                case MarketClause.Classes c -> {
                    if (classesAt != null) {
                        r.error(c.span(), "'classes' is given twice for market '" + name + "'", "first given at " + classesAt.location());
                        continue;
                    }
                    classesAt = c.span();
                    classes(c, name, m.clauses(), fileSymbols, files1, classes);
                }
                case MarketClause.Features f -> {
                    r.error(f.span(), FEATURES_UNUSED, FEATURES_HELP);
                    unusedClauses++;
                }
            }
        }
        for (MarketSourcePlan src : sources) {
            if (src instanceof MarketSourcePlan.SyntheticSource g && symbolsAt != null && symbols.size() != g.assets()) {
                r.error(symbolsAt, "market '" + name + "' lists " + symbols.size() + " symbols but its synthetic source has "
                        + g.assets() + " assets");
            }
        }
        if (!symbols.isEmpty()) universes.put(name, List.copyOf(symbols));
        else if (files && !fileSymbols.isEmpty()) universes.put(name, List.copyOf(fileSymbols));
        if (r.errorCount() - unusedClauses > before) return Optional.empty();
        return Optional.of(new MarketPlan(name, sources, cash, symbols, classes, m.span()));
    }

    private Optional<MarketSourcePlan.CsvSource> csv(Expr.Call call) {
        if (!call.callee().name().equals("csv")) {
            r.unknownOr(call.callee().span(), "unknown data source '" + call.callee().name() + "'", call.callee().name(), List.of("csv"),
                    "sources: csv(\"file.csv.gz\"), synthetic gbm(assets=5, days=1000), cash");
            return Optional.empty();
        }
        Optional<Map<String, Value>> bound = ArgumentBinder.bind("csv", CSV_SIGNATURE, call.callee().span(), call.args(), CSV, r);
        if (bound.isEmpty()) return Optional.empty();
        Map<String, Value> v = bound.get();
        String path = ((Value.Str) v.get("path")).text();
        if (path.isBlank()) {
            r.error(ArgumentBinder.valueSpan(call.args(), CSV, "path", call.span()), "the data file name is empty");
            return Optional.empty();
        }
        Optional<TimeLength> freq = Optional.empty();
        if (v.get("freq") instanceof Value.Length l) {
            TimeLength t = l.length();
            if (t.amount() != 1 || t.unit() != TimeLength.Unit.DAY && t.unit() != TimeLength.Unit.HOUR) {
                r.error(ArgumentBinder.valueSpan(call.args(), CSV, "freq", call.span()), "'freq' must be 1d or 1h, got " + t);
                return Optional.empty();
            }
            freq = Optional.of(t);
        }
        OptionalDouble periods = v.get("periods") instanceof Value.Num n ? OptionalDouble.of(n.value()) : OptionalDouble.empty();
        return Optional.of(new MarketSourcePlan.CsvSource(path, freq, periods));
    }

    private Optional<MarketSourcePlan> gbm(Expr.Call call) {
        if (!call.callee().name().equals("gbm")) {
            r.unknown(call.callee().span(), "unknown synthetic source '" + call.callee().name() + "'", call.callee().name(), List.of("gbm"));
            return Optional.empty();
        }
        return ArgumentBinder.bind("gbm", GBM_SIGNATURE, call.callee().span(), call.args(), GBM, r)
                .map(v -> new MarketSourcePlan.SyntheticSource((int) num(v, "assets"), (int) num(v, "days"), (long) num(v, "seed")));
    }

    private static double num(Map<String, Value> v, String name) {
        return ((Value.Num) v.get(name)).value();
    }

    private Optional<MarketFacts.Known> facts(MarketSourcePlan.CsvSource src, Span at) {
        if (catalog.isEmpty()) return Optional.empty();
        Optional<MarketFacts> facts;
        try {
            facts = catalog.get().facts(src);
        } catch (RuntimeException e) {
            r.error(at, "cannot read market data \"" + src.path() + "\": " + e.getMessage());
            return Optional.empty();
        }
        if (facts.isEmpty()) return Optional.empty();
        return switch (facts.get()) {
            case MarketFacts.Known k -> Optional.of(k);
            case MarketFacts.Unavailable u -> {
                r.error(at, "cannot read market data \"" + src.path() + "\"", u.message());
                yield Optional.empty();
            }
        };
    }

    private void symbols(MarketClause.Symbols s, String market, Set<String> fileSymbols, String files, List<String> out) {
        if (s.symbols().isEmpty()) {
            r.error(s.span(), "'symbols' needs at least one symbol");
            return;
        }
        Map<String, Span> seen = new HashMap<>();
        for (Ident sym : s.symbols()) {
            Span first = seen.putIfAbsent(sym.name(), sym.span());
            if (first != null) {
                r.error(sym.span(), "symbol '" + sym.name() + "' is listed twice in market '" + market + "'", "first listed at " + first.location());
                continue;
            }
            if (!fileSymbols.isEmpty() && !fileSymbols.contains(sym.name())) {
                r.unknown(sym.span(), "symbol '" + sym.name() + "' is not in " + files, sym.name(), fileSymbols);
                continue;
            }
            out.add(sym.name());
        }
    }

    private void classes(MarketClause.Classes c, String market, List<MarketClause> clauses, Set<String> fileSymbols,
                         String files, Map<String, List<String>> out) {
        Set<String> listed = new LinkedHashSet<>();
        clauses.stream().filter(x -> x instanceof MarketClause.Symbols).findFirst()
                .ifPresent(x -> ((MarketClause.Symbols) x).symbols().forEach(i -> listed.add(i.name())));
        Set<String> universe = listed.isEmpty() ? fileSymbols : listed;
        String where = listed.isEmpty() ? files : "the symbols of market '" + market + "'";
        Map<String, String> classOf = new HashMap<>();
        for (MarketClause.AssetClass ac : c.classes()) {
            String cls = ac.name().name();
            if (out.containsKey(cls)) {
                r.error(ac.name().span(), "class '" + cls + "' is defined twice in market '" + market + "'");
                continue;
            }
            if (ac.members().isEmpty()) r.error(ac.span(), "class '" + cls + "' has no members");
            List<String> members = new ArrayList<>();
            for (Ident mem : ac.members()) {
                String sym = mem.name();
                String other = classOf.putIfAbsent(sym, cls);
                if (other != null) {
                    r.error(mem.span(), "'" + sym + "' is already in class '" + other + "'", "an asset belongs to one class");
                    continue;
                }
                if (!CASH_WORDS.contains(sym) && !universe.isEmpty() && !universe.contains(sym)) {
                    r.unknown(mem.span(), "'" + sym + "' in class '" + cls + "' is not among " + where, sym, universe);
                    continue;
                }
                members.add(sym);
            }
            out.put(cls, members);
        }
    }
}
