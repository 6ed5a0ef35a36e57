package dev.strat.lang.check;

import dev.strat.lang.ast.Decl;
import dev.strat.lang.ast.Expr;
import dev.strat.lang.ast.ExperimentItem;
import dev.strat.lang.ast.Ident;
import dev.strat.lang.ast.PipelineExpr;
import dev.strat.lang.ast.Setting;
import dev.strat.lang.ast.SplitSpec;
import dev.strat.lang.diag.Span;
import dev.strat.lang.plan.CostPlan;
import dev.strat.lang.plan.ExperimentPlan;
import dev.strat.lang.plan.MarketPlan;
import dev.strat.lang.plan.PipelinePlan;
import dev.strat.lang.plan.StageNode;
import dev.strat.lang.plan.SignificancePlan;
import dev.strat.lang.plan.SplitPlan;
import dev.strat.lang.plan.StrategyPlan;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.MetricOptions;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.StageKind;
import dev.strat.stdlib.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks experiments and {@code backtest} commands and plans them. Settings inside an experiment:
 * {@code seeds N} (seeds 1..N, as the runtime's {@code ExperimentSpec.seeds} numbers them) or {@code seeds [s1, s2]}, {@code metrics} (names or aliases of
 * {@link MetricId}), {@code significance wilcoxon(NAME, alpha=0.05, metric=M)} (signed-rank, paired by seed),
 * {@code significance ranksum(NAME, metric=M, alpha=0.05)} (rank-sum, unpaired over seeds) or
 * {@code significance sharpe_diff(NAME, alpha=0.05, resamples=999)} (over time), {@code report "path"},
 * {@code warmup BARS}, {@code rf RATE}, {@code convention ripo} (RiPO's Sharpe, rf 1.6575% unless given, AR at any
 * length), and overrides of {@code capital}, {@code fee} and
 * {@code slippage}.
 */
final class ExperimentChecker {

    static final List<String> SETTINGS = List.of("seeds", "metrics", "significance", "report", "warmup", "rf", "capital", "fee",
            "slippage", "ci", "annualise", "cash_rate", "benchmark",
            "convention");
    /** RiPO's risk-free rate for the S&P 500 setting, which {@code convention ripo} implies unless {@code rf} is given. */
    static final double RIPO_RISK_FREE = 0.016575;
    static final int MAX_SEEDS = 10_000;
    /** One run with seed 1, as {@code seeds 1} would say. */
    static final List<Long> DEFAULT_SEEDS = List.of(1L);

    /** A compared strategy's name: bare ({@code ripo}) or quoted, as a generated name such as {@code "ripo(m=0.8)"} must be. */
    private static final Param REFERENCE = Param.custom("reference", true, v -> v instanceof Value.Word || v instanceof Value.Str
            ? Optional.empty() : Optional.of("'reference' expects the name of a compared strategy, got " + v.typeName() + " " + v.render()
            + "; quote a generated name, e.g. \"ripo(m=0.8)\""));
    private static final Param ALPHA =
            Param.of(ParamSpec.optional("alpha", new ParamType.Number(), new Value.Num(0.05, false, false), Double.NaN, Double.NaN, "level"));
    /** The tested metric of the tests over seeds; without it, the headline metric (Sharpe when shown, else the first). */
    private static final Param METRIC = Param.custom("metric", false, v -> v instanceof Value.Word ? Optional.empty()
            : Optional.of("'metric' expects a metric name such as ar or sharpe, got " + v.typeName() + " " + v.render()));
    private static final List<Param> WILCOXON = List.of(REFERENCE, ALPHA, METRIC);
    private static final List<Param> RANK_SUM = List.of(REFERENCE, METRIC, ALPHA);
    private static final List<Param> SHARPE_DIFF = List.of(REFERENCE, ALPHA,
            Param.of(ParamSpec.optional("resamples", new ParamType.Number(), new Value.Num(SignificancePlan.DEFAULT_RESAMPLES, false, true),
                    Double.NaN, Double.NaN, "bootstrap resamples")));
    /** The tests, with their signatures as messages print them. */
    private static final Map<String, String> TESTS = Map.of(
            "wilcoxon", "wilcoxon(reference, alpha=0.05, metric=headline)",
            "ranksum", "ranksum(reference, metric=headline, alpha=0.05)",
            "sharpe_diff", "sharpe_diff(reference, alpha=0.05, resamples=999)");
    private static final List<String> TEST_NAMES = List.of("wilcoxon", "ranksum", "sharpe_diff");
    private static final int MAX_RESAMPLES = 1_000_000;

    /** What the checker knows when it reaches experiments. */
    record Inputs(Namespace namespace, Map<String, Optional<MarketPlan>> markets, MarketChecker marketChecker,
                  Function<String, Optional<SplitChecker.Checked>> namedSplit, SplitChecker splits,
                  PipelineResolver pipelines, CostPlan costs, double capital, boolean costsWritten) { }

    private final Inputs in;
    private final Reporter r;
    private final CostChecker costChecker;

    ExperimentChecker(Inputs in, Reporter r) {
        this.in = in;
        this.r = r;
        this.costChecker = new CostChecker(r);
    }

    Optional<ExperimentPlan> experiment(Decl.Experiment e) {
        int before = r.errorCount();
        String name = e.name() == null ? "experiment" : e.name().name();
        Optional<MarketPlan> market = market(e.market());
        Optional<SplitPlan> split = split(e.split(), e.market());

        ExperimentItem.Compare compare = null;
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (ExperimentItem item : e.items()) {
            switch (item) {
                case ExperimentItem.Compare c -> {
                    if (compare != null) {
                        r.error(c.span(), "'compare' is given twice in experiment '" + name + "'", "first given at " + compare.span().location());
                    } else {
                        compare = c;
                    }
                }
                case ExperimentItem.Option o -> {
                    Setting s = o.setting();
                    String key = s.key().name();
                    if (!SETTINGS.contains(key)) {
                        r.unknownOrList(s.key().span(), "unknown experiment setting '" + key + "'", key, SETTINGS, "settings");
                        if (key.equals("compare")) continue;
                    } else if (settings.containsKey(key)) {
                        r.error(s.key().span(), "'" + key + "' is given twice in experiment '" + name + "'",
                                "first given at " + settings.get(key).span().location());
                    } else {
                        settings.put(key, s);
                    }
                }
            }
        }
        Span nameSpan = e.name() == null ? e.span() : e.name().span();
        List<StrategyPlan> compared = new ArrayList<>();
        Map<String, Span> entryNames = new LinkedHashMap<>();
        if (compare == null) {
            r.error(nameSpan, "experiment '" + name + "' compares nothing", "add a line such as 'compare mine, ucrp, bah'");
        } else {
            compared = compare(compare, entryNames, split);
        }

        List<Long> seeds = settings.containsKey("seeds") ? seeds(settings.get("seeds")) : DEFAULT_SEEDS;
        int beforeMetrics = r.errorCount();
        List<MetricId> metrics = settings.containsKey("metrics") ? metrics(settings.get("metrics")) : ExperimentPlan.DEFAULT_METRICS;
        // a broken metrics line would make every tested metric look missing from it
        boolean metricsClean = r.errorCount() == beforeMetrics;
        List<SignificancePlan> significance = settings.containsKey("significance")
                ? significance(settings.get("significance"), entryNames, metricsClean ? metrics : null, seeds.size()) : List.of();
        Optional<String> report = settings.containsKey("report") ? report(settings.get("report")) : Optional.empty();
        int warmup = settings.containsKey("warmup") ? integer(settings.get("warmup"), 0, "warmup") : 0;
        // convention ripo: RiPO's Sharpe, its rf unless one is given, and AR = (V_T / V_0)^(P / T) - 1 at any length
        boolean ripo = settings.containsKey("convention") && word(settings.get("convention"), List.of("standard", "ripo"))
                .map("ripo"::equals).orElse(false);
        double rf = settings.containsKey("rf") ? riskFree(settings.get("rf")) : ripo ? RIPO_RISK_FREE : 0;
        double capital = in.capital();
        if (settings.containsKey("capital")) {
            Setting s = settings.get("capital");
            if (one(s)) capital = costChecker.capital(s.values().get(0), s.span()).orElse(capital);
        }
        CostPlan costs = in.costs();
        for (String key : List.of("fee", "slippage")) {
            if (settings.containsKey(key)) costs = costChecker.apply(costs, settings.get(key)).orElse(costs);
        }
        double ci = settings.containsKey("ci") ? ciLevel(settings.get("ci")) : Double.NaN;
        boolean annualiseAlways = settings.containsKey("annualise") ? word(settings.get("annualise"), List.of("auto", "always"))
                .map("always"::equals).orElse(false) : ripo;
        boolean cashEarnsRf = settings.containsKey("cash_rate") && word(settings.get("cash_rate"), List.of("rf", "zero"))
                .map("rf"::equals).orElse(false);
        if (cashEarnsRf && !settings.containsKey("rf")) {
            r.warning(settings.get("cash_rate").span(), "'cash_rate rf' without an 'rf' line: cash earns 0%");
        }
        if (metrics.contains(MetricId.GOAL_PROBABILITY)) {
            Setting m = settings.get("metrics");
            Span at = m.values().stream().filter(v -> v instanceof Expr.Name n
                    && MetricId.byName(n.ident().name()).orElse(null) == MetricId.GOAL_PROBABILITY).findFirst().map(Expr::span).orElse(m.span());
            r.error(at, "'goal_probability' needs a goal, and experiments cannot take one yet",
                    "remove it from 'metrics'; a 'goal' declaration is not runnable yet");
        }
        Optional<ExperimentPlan.Benchmark> benchmark = settings.containsKey("benchmark")
                ? benchmark(settings.get("benchmark"), entryNames, e.market()) : Optional.empty();
        if (benchmark.isEmpty() && !settings.containsKey("benchmark")) {
            Setting m = settings.get("metrics");
            if (m != null) {
                for (Expr v : m.values()) {
                    if (v instanceof Expr.Name n && MetricId.byName(n.ident().name()).filter(MetricId.RELATIVE::contains).isPresent()) {
                        r.error(v.span(), "'" + n.ident().name() + "' is measured against a benchmark, and experiment '" + name + "' has none",
                                "add a line such as 'benchmark SPY' (a symbol of the market) or 'benchmark ucrp' (a compared strategy)");
                    }
                }
            }
        }
        boolean costsGiven = in.costsWritten() || settings.containsKey("fee") || settings.containsKey("slippage");
        if (r.errorCount() > before || market.isEmpty() || split.isEmpty()) return Optional.empty();
        return Optional.of(new ExperimentPlan(name, market.get(), split.get(), compared, seeds, metrics, significance,
                report, costs, capital, warmup, rf, e.span(), new ExperimentPlan.Conventions(ci, annualiseAlways, cashEarnsRf, costsGiven,
                ripo ? MetricOptions.Convention.RIPO : MetricOptions.Convention.STANDARD), benchmark));
    }

    /** A {@code backtest PIPELINE on MARKET [split S]}: one strategy, one seed, defaults elsewhere. */
    Optional<ExperimentPlan> backtest(Decl.Backtest b) {
        int before = r.errorCount();
        Optional<MarketPlan> market = market(b.market());
        Optional<SplitPlan> split = split(b.split(), b.market());
        Optional<PipelinePlan> pipeline = b.pipeline() == null ? Optional.empty() : in.pipelines().resolve(b.pipeline());
        if (pipeline.isPresent() && split.isPresent()) needsTraining(pipeline.get(), split.get(), b.pipeline().span());
        if (r.errorCount() > before || market.isEmpty() || split.isEmpty() || pipeline.isEmpty()) return Optional.empty();
        String strategy = entryName(b.pipeline());
        // a named split is part of the name, so that backtests of one strategy on two splits report apart
        String on = b.split() instanceof SplitSpec.Named n ? " split " + n.name().name() : "";
        return Optional.of(new ExperimentPlan("backtest " + strategy + " on " + market.get().name() + on, market.get(), split.get(),
                List.of(new StrategyPlan(strategy, pipeline.get())), DEFAULT_SEEDS, ExperimentPlan.DEFAULT_METRICS,
                List.of(), Optional.empty(), in.costs(), in.capital(), 0, 0, b.span(),
                new ExperimentPlan.Conventions(Double.NaN, false, false, in.costsWritten()), Optional.empty()));
    }

    private Optional<MarketPlan> market(Ident market) {
        if (market == null) return Optional.empty();
        Optional<Namespace.Entry> entry = in.namespace().find(market.name());
        if (entry.isEmpty()) {
            if (in.namespace().isBroken(market.name())) return Optional.empty();
            r.unknown(market.span(), "unknown market '" + market.name() + "'", market.name(), in.namespace().names(Namespace.Kind.MARKET));
            return Optional.empty();
        }
        if (entry.get().kind() != Namespace.Kind.MARKET) {
            r.error(market.span(), "'" + market.name() + "' is " + entry.get().kind().described() + ", not a market"
                    + (entry.get().kind() == Namespace.Kind.SCENARIOS ? " (scenarios are not runnable yet)" : ""));
            return Optional.empty();
        }
        return in.markets().getOrDefault(market.name(), Optional.empty());
    }

    private Optional<SplitPlan> split(SplitSpec spec, Ident market) {
        if (spec == null) return Optional.of(SplitPlan.wholeDataAsTest());
        Optional<SplitChecker.Checked> checked;
        if (spec instanceof SplitSpec.Named n) {
            Optional<Namespace.Entry> entry = in.namespace().find(n.name().name());
            if (entry.isEmpty()) {
                if (in.namespace().isBroken(n.name().name())) return Optional.empty();
                r.unknown(n.name().span(), "unknown split '" + n.name().name() + "'", n.name().name(), in.namespace().names(Namespace.Kind.SPLIT));
                return Optional.empty();
            }
            if (entry.get().kind() != Namespace.Kind.SPLIT) {
                r.error(n.name().span(), "'" + n.name().name() + "' is " + entry.get().kind().described() + ", not a split");
                return Optional.empty();
            }
            checked = in.namedSplit().apply(n.name().name());
        } else {
            checked = in.splits().check(spec);
        }
        if (checked.isEmpty()) return Optional.empty();
        if (market != null) dataRange(checked.get(), market.name());
        return Optional.of(checked.get().plan());
    }

    /** Every period must overlap the data the market's catalog knows of. */
    private void dataRange(SplitChecker.Checked split, String market) {
        Optional<MarketChecker.DataWindow> window = in.marketChecker().window(market);
        if (window.isEmpty()) return;
        MarketChecker.DataWindow w = window.get();
        for (SplitChecker.Period p : split.periods()) {
            if (p.range().from() != null && p.range().from().isAfter(w.last())) {
                r.error(p.span(), p.label() + " is after the last date of " + w.lastFile() + " (" + w.last() + ")");
            } else if (p.range().to() != null && p.range().to().isBefore(w.first())) {
                r.error(p.span(), p.label() + " is before the first date of " + w.firstFile() + " (" + w.first() + ")");
            }
        }
    }

    private List<StrategyPlan> compare(ExperimentItem.Compare compare, Map<String, Span> names, Optional<SplitPlan> split) {
        List<StrategyPlan> out = new ArrayList<>();
        for (ExperimentItem.Entry entry : compare.entries()) {
            if (entry.pipeline() == null) continue;
            Optional<String> pool = poolName(entry);
            if (pool.isPresent()) {
                // a pool compares as its members, each under its own name
                for (StageNode.Member m : in.pipelines().models(pool.get(), entry.pipeline().span()).orElse(List.of())) {
                    Span firstAt = names.putIfAbsent(m.name(), entry.pipeline().span());
                    if (firstAt != null) {
                        r.error(entry.pipeline().span(), "'" + m.name() + "' of pool '" + pool.get() + "' is compared twice",
                                "first at " + firstAt.location());
                        continue;
                    }
                    split.ifPresent(sp -> needsTraining(m.pipeline(), sp, entry.pipeline().span()));
                    out.add(new StrategyPlan(m.name(), m.pipeline()));
                }
                continue;
            }
            if (!entry.sweeps().isEmpty()) {
                // a sweep compares one entry per value, each named by its text, as if written out by hand
                for (Sweeps.Expanded x : Sweeps.expand(entry, r)) {
                    String name = entryName(x.pipeline());
                    Span first = names.putIfAbsent(name, x.at());
                    if (first != null) {
                        r.error(x.at(), "'" + name + "' is compared twice", "first at " + first.location() + "; each value of a sweep "
                                + "must give another entry");
                        continue;
                    }
                    compared(name, x.pipeline(), x.at(), split).ifPresent(out::add);
                }
                continue;
            }
            String name = entry.alias() != null ? entry.alias().name() : entryName(entry.pipeline());
            Span at = entry.alias() != null ? entry.alias().span() : entry.pipeline().span();
            if (entry.alias() != null) {
                in.namespace().find(name).ifPresent(d -> r.error(entry.alias().span(), "alias '" + name + "' clashes with "
                        + d.kind().word + " '" + name + "' defined at " + d.ident().span().location(), "pick another alias"));
            }
            Span first = names.putIfAbsent(name, at);
            if (first != null) {
                r.error(at, "'" + name + "' is compared twice", "first at " + first.location() + "; give one an alias: other = ...");
            }
            compared(name, entry.pipeline(), at, split).ifPresent(out::add);
        }
        return out;
    }

    private Optional<StrategyPlan> compared(String name, PipelineExpr written, Span at, Optional<SplitPlan> split) {
        Optional<PipelinePlan> pipeline = in.pipelines().resolve(written);
        if (pipeline.isEmpty()) return Optional.empty();
        split.ifPresent(sp -> needsTraining(pipeline.get(), sp, at));
        return Optional.of(new StrategyPlan(name, pipeline.get()));
    }

    /** An entry that names a {@code models} pool without an alias or anything else. */
    private Optional<String> poolName(ExperimentItem.Entry entry) {
        var stages = entry.pipeline().stages();
        if (entry.alias() != null || !entry.sweeps().isEmpty() || stages.size() != 1 || stages.get(0).kind() != null || !stages.get(0).clauses().isEmpty()
                || !(stages.get(0).target() instanceof Expr.Name n)) return Optional.empty();
        return in.namespace().find(n.ident().name(), Namespace.Kind.MODELS).map(e -> n.ident().name());
    }

    /** A pipeline with a learning stage anywhere in its tree needs a training period to learn in. */
    private void needsTraining(PipelinePlan pipeline, SplitPlan split, Span at) {
        if (!(split instanceof SplitPlan.Fixed f) || f.train().isPresent()) return;
        pipeline.walk().stream().filter(n -> n.builtin().kind() == StageKind.AGENT).findFirst().ifPresent(n ->
                r.error(at, "'" + n.builtin().name() + "' learns, but this run has no training period",
                        "give the split a train part, e.g. split train 2015..2018, test 2019, or use rolling(...)"));
    }

    /** A strategy or built-in written bare is named by its name; anything else by its text. */
    static String entryName(PipelineExpr p) {
        if (p.stages().size() == 1 && p.stages().get(0).kind() == null && p.stages().get(0).clauses().isEmpty()
                && p.stages().get(0).target() instanceof Expr.Name n) {
            return n.ident().name();
        }
        return AstText.pipeline(p);
    }

    private boolean one(Setting s) {
        if (s.values().size() == 1) return true;
        r.error(s.span(), "'" + s.key().name() + "' takes one value, got " + s.values().size());
        return false;
    }

    private List<Long> seeds(Setting s) {
        if (!one(s)) return DEFAULT_SEEDS;
        Expr v = s.values().get(0);
        if (v instanceof Expr.Number n && n.integral() && !n.percent()) {
            if (n.value() < 1 || n.value() > MAX_SEEDS) {
                r.error(v.span(), "'seeds' must be a count in [1, " + MAX_SEEDS + "] or a list of seeds, got " + n.text());
                return DEFAULT_SEEDS;
            }
            List<Long> seeds = new ArrayList<>();
            for (long k = 1; k <= (long) n.value(); k++) seeds.add(k);
            return seeds;
        }
        if (v instanceof Expr.ListOf l && !l.items().isEmpty()) {
            List<Long> seeds = new ArrayList<>();
            for (Expr item : l.items()) {
                if (!(item instanceof Expr.Number n) || !n.integral() || n.percent() || n.value() < 0 || n.value() > Long.MAX_VALUE / 2) {
                    r.error(item.span(), "a seed must be a non-negative integer, got '" + AstText.expr(item) + "'");
                    continue;
                }
                if (seeds.contains((long) n.value())) {
                    r.error(item.span(), "seed " + n.text() + " is listed twice");
                    continue;
                }
                seeds.add((long) n.value());
            }
            return seeds.isEmpty() ? DEFAULT_SEEDS : seeds;
        }
        r.error(v.span(), "'seeds' expects a count such as 10 or a list such as [1, 2, 3], not '" + AstText.expr(v) + "'");
        return DEFAULT_SEEDS;
    }

    private List<MetricId> metrics(Setting s) {
        List<String> names = new ArrayList<>();
        for (MetricId m : MetricId.values()) {
            names.add(m.key());
            names.addAll(m.aliases());
        }
        List<MetricId> out = new ArrayList<>();
        if (s.values().isEmpty()) r.error(s.span(), "'metrics' needs at least one metric", "metrics: " + String.join(", ", names));
        for (Expr v : s.values()) {
            if (!(v instanceof Expr.Name n)) {
                r.error(v.span(), "expected a metric name, not " + AstText.describe(v) + " '" + AstText.expr(v) + "'");
                continue;
            }
            Optional<MetricId> m = MetricId.byName(n.ident().name());
            if (m.isEmpty()) {
                r.unknownOr(n.span(), "unknown metric '" + n.ident().name() + "'", n.ident().name(), names,
                        "metrics: " + String.join(", ", Arrays.stream(MetricId.values()).map(MetricId::key).toList()));
                continue;
            }
            if (out.contains(m.get())) {
                r.error(n.span(), "metric '" + m.get().key() + "' is listed twice");
                continue;
            }
            out.add(m.get());
        }
        return out;
    }

    /**
     * The tests of a {@code significance} line: one or several, comma-separated, each with its
     * own reference, alpha and metric ({@code significance ranksum(ripo), ranksum(barrier_only)}).
     * The same test of the same reference on the same metric twice is an error at the second.
     *
     * @param shown the experiment's metrics, or null when its 'metrics' line had errors (then not checked against)
     */
    private List<SignificancePlan> significance(Setting s, Map<String, Span> entries, List<MetricId> shown, int seeds) {
        List<SignificancePlan> tests = new ArrayList<>();
        Map<String, Span> seen = new HashMap<>();
        // without metric= a test compares the headline metric, as the run resolves it (Sharpe when shown, else the first)
        String headline = shown == null || shown.isEmpty() ? "" : shown.contains(MetricId.SHARPE) ? MetricId.SHARPE.key() : shown.get(0).key();
        for (Expr v : s.values()) {
            Optional<SignificancePlan> test = significanceTest(v, entries, shown);
            if (test.isEmpty()) continue;
            SignificancePlan t = test.get();
            String metric = t.test().equals("sharpe_diff") ? MetricId.SHARPE.key() : t.metric().map(MetricId::key).orElse(headline);
            Span first = seen.putIfAbsent(t.test() + "|" + t.reference() + "|" + metric, v.span());
            if (first != null) {
                r.error(v.span(), "the same test is asked for twice: " + t.test() + " of '" + t.reference() + "'"
                        + (metric.isEmpty() ? "" : " on " + metric), "first asked for at " + first.location());
                continue;
            }
            tests.add(t);
            underpowered(t, seeds).ifPresent(why -> r.warning(v.span(), t.test() + "(" + t.reference() + "): " + why));
        }
        return tests;
    }

    /**
     * The caveat, worded as the table words it, for a test that cannot reach significance whatever
     * the results: too few seeds for a test over seeds (counting every seed as differing), too few
     * resamples for the bootstrap. Empty when some result could be significant.
     */
    private static Optional<String> underpowered(SignificancePlan t, int seeds) {
        switch (t.test()) {
            case "wilcoxon" -> {
                double smallest = 2.0 / Math.pow(2, seeds);
                return smallest >= t.alpha() ? Optional.of(dev.strat.runtime.experiment.Wilcoxon.powerNote(seeds, smallest, t.alpha()))
                        : Optional.empty();
            }
            case "ranksum" -> {
                double smallest = dev.strat.runtime.experiment.RankSum.smallestP(seeds, seeds);
                return smallest >= t.alpha() ? Optional.of(dev.strat.runtime.experiment.RankSum.powerNote(seeds, seeds, smallest, t.alpha()))
                        : Optional.empty();
            }
            default -> {
                return 1.0 / (t.resamples() + 1) >= t.alpha()
                        ? Optional.of("with " + t.resamples() + " resamples no bootstrap p can be below " + t.alpha()) : Optional.empty();
            }
        }
    }

    private Optional<SignificancePlan> significanceTest(Expr v, Map<String, Span> entries, List<MetricId> shown) {
        if (!(v instanceof Expr.Call call)) {
            r.error(v.span(), "'significance' expects a test such as sharpe_diff(mine, alpha=0.05) (over time), "
                    + "wilcoxon(mine) or ranksum(mine, metric=ar) (over seeds)");
            return Optional.empty();
        }
        String test = call.callee().name();
        if (!TESTS.containsKey(test)) {
            r.unknown(call.callee().span(), "unknown significance test '" + test
                    + "' (wilcoxon and ranksum test over seeds, sharpe_diff over time)", test, TEST_NAMES);
            return Optional.empty();
        }
        List<Param> params = switch (test) {
            case "wilcoxon" -> WILCOXON;
            case "ranksum" -> RANK_SUM;
            default -> SHARPE_DIFF;
        };
        Optional<Map<String, Value>> bound = ArgumentBinder.bind(test, TESTS.get(test), call.callee().span(), call.args(), params, r);
        if (bound.isEmpty()) return Optional.empty();
        String reference = bound.get().get("reference") instanceof Value.Str str ? str.text()
                : ((Value.Word) bound.get().get("reference")).name();
        double alpha = ((Value.Num) bound.get().get("alpha")).value();
        Span refSpan = ArgumentBinder.valueSpan(call.args(), params, "reference", call.span());
        int resamples = SignificancePlan.DEFAULT_RESAMPLES;
        if (bound.get().get("resamples") instanceof Value.Num n) {
            if (n.value() == Math.rint(n.value()) && !n.percent() && n.value() >= 1 && n.value() <= MAX_RESAMPLES) {
                resamples = (int) n.value();
            } else {
                r.error(ArgumentBinder.valueSpan(call.args(), params, "resamples", call.span()),
                        "'resamples' expects a whole number in [1, " + MAX_RESAMPLES + "], got " + n.render());
                return Optional.empty();
            }
        }
        boolean ok = true;
        Optional<MetricId> metric = Optional.empty();
        if (bound.get().get("metric") instanceof Value.Word w) {
            metric = testedMetric(w.name(), ArgumentBinder.valueSpan(call.args(), params, "metric", call.span()), shown);
            ok = metric.isPresent();
        }
        if (!(alpha > 0 && alpha < 1)) {
            r.error(ArgumentBinder.valueSpan(call.args(), params, "alpha", call.span()), "'alpha' must be in (0, 1), got " + alpha);
            ok = false;
        }
        List<String> swept = entries.keySet().stream().filter(n -> n.startsWith(reference + "(")).toList();
        if (!entries.containsKey(reference) && !swept.isEmpty()) {
            r.error(refSpan, "'" + reference + "' is not compared in this experiment", "its entries are named by their text; "
                    + "quote one, e.g. " + test + "(\"" + swept.get(0) + "\")");
            ok = false;
        } else if (!entries.isEmpty() && !entries.containsKey(reference)) {
            r.unknown(refSpan, "'" + reference + "' is not compared in this experiment", reference, entries.keySet());
            ok = false;
        }
        if (entries.size() == 1 && entries.containsKey(reference)) {
            r.error(refSpan, "a significance test needs at least two compared strategies");
            ok = false;
        }
        return ok ? Optional.of(new SignificancePlan(test, reference, alpha, resamples, metric)) : Optional.empty();
    }

    /** The metric a test over seeds compares: a known metric that the experiment shows. */
    private Optional<MetricId> testedMetric(String name, Span at, List<MetricId> shown) {
        Optional<MetricId> m = MetricId.byName(name);
        if (m.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (MetricId id : MetricId.values()) {
                names.add(id.key());
                names.addAll(id.aliases());
            }
            r.unknownOr(at, "unknown metric '" + name + "'", name, names,
                    shown == null ? null : "this experiment's metrics: " + String.join(", ", shown.stream().map(MetricId::key).toList()));
            return Optional.empty();
        }
        if (shown != null && !shown.contains(m.get())) {
            List<String> keys = shown.stream().map(MetricId::key).toList();
            r.error(at, "metric '" + m.get().key() + "' is not among this experiment's metrics (" + String.join(", ", keys) + ")",
                    "add it to the 'metrics' line; the test compares the values the table shows");
            return Optional.empty();
        }
        return m;
    }

    private Optional<String> report(Setting s) {
        if (!one(s)) return Optional.empty();
        if (s.values().get(0) instanceof Expr.Str str && !str.value().isBlank()) return Optional.of(str.value());
        r.error(s.values().get(0).span(), "'report' expects a folder name in quotes, e.g. report \"out/cmp\"");
        return Optional.empty();
    }

    private int integer(Setting s, int min, String what) {
        if (!one(s)) return 0;
        Expr v = s.values().get(0);
        if (v instanceof Expr.Number n && n.integral() && !n.percent() && n.value() >= min && n.value() <= Integer.MAX_VALUE) {
            return (int) n.value();
        }
        r.error(v.span(), "'" + what + "' expects a whole number >= " + min + ", got '" + AstText.expr(v) + "'");
        return 0;
    }

    /**
     * {@code benchmark NAME}: a compared strategy, or else a symbol of the market (checked here when
     * the market's symbols are known, else when the data is loaded). A symbol must not also name a
     * compared strategy's row, since the benchmark gets a row named by its symbol.
     */
    private Optional<ExperimentPlan.Benchmark> benchmark(Setting s, Map<String, Span> entries, Ident market) {
        if (!one(s)) return Optional.empty();
        Expr v = s.values().get(0);
        String name;
        if (v instanceof Expr.Name n) name = n.ident().name();
        else if (v instanceof Expr.Str str && !str.value().isBlank()) name = str.value();
        else {
            r.error(v.span(), "'benchmark' expects a compared strategy or a symbol of the market, e.g. benchmark ucrp or benchmark \"^GSPC\", not '"
                    + AstText.expr(v) + "'");
            return Optional.empty();
        }
        if (entries.containsKey(name)) return Optional.of(new ExperimentPlan.Benchmark(name, true, v.span()));
        if (in.namespace().find(name, Namespace.Kind.STRATEGY).isPresent()) {
            r.error(v.span(), "benchmark '" + name + "' is a strategy this experiment does not compare", "add it to 'compare'");
            return Optional.empty();
        }
        Optional<List<String>> universe = market == null ? Optional.empty() : in.marketChecker().universe(market.name());
        if (universe.isPresent() && !universe.get().contains(name)) {
            List<String> candidates = new ArrayList<>(entries.keySet());
            candidates.addAll(universe.get());
            r.unknownOr(v.span(), "unknown benchmark '" + name + "': neither a compared strategy nor a symbol of market '"
                    + market.name() + "'", name, candidates, "compared: " + String.join(", ", entries.keySet()));
            return Optional.empty();
        }
        return Optional.of(new ExperimentPlan.Benchmark(name, false, v.span()));
    }

    /** {@code ci 95%}: the coverage of the bootstrap intervals, in (50%, 100%). */
    private double ciLevel(Setting s) {
        if (!one(s)) return Double.NaN;
        Optional<Double> v = costChecker.number(s.values().get(0), "ci");
        if (v.isEmpty()) return Double.NaN;
        if (!(v.get() > 0.5 && v.get() < 1)) {
            r.error(s.values().get(0).span(), "'ci' is a confidence level in (50%, 100%), e.g. ci 95%, got " + AstText.expr(s.values().get(0)));
            return Double.NaN;
        }
        return v.get();
    }

    /** A setting whose one value is one of {@code words}. */
    private Optional<String> word(Setting s, List<String> words) {
        if (!one(s)) return Optional.empty();
        Expr v = s.values().get(0);
        if (v instanceof Expr.Name n && words.contains(n.ident().name())) return Optional.of(n.ident().name());
        String key = s.key().name();
        if (v instanceof Expr.Name n) {
            r.unknownOrList(v.span(), "'" + key + "' expects " + String.join(" or ", words) + ", got '" + n.ident().name() + "'",
                    n.ident().name(), words, "values");
        } else {
            r.error(v.span(), "'" + key + "' expects " + String.join(" or ", words) + ", got '" + AstText.expr(v) + "'");
        }
        return Optional.empty();
    }

    private double riskFree(Setting s) {
        if (!one(s)) return 0;
        Optional<Double> v = costChecker.number(s.values().get(0), "rf");
        if (v.isEmpty()) return 0;
        if (v.get() < 0 || v.get() >= 1) {
            r.error(s.values().get(0).span(), "'rf' is an annual rate in [0%, 100%), got " + AstText.expr(s.values().get(0)));
            return 0;
        }
        return v.get();
    }
}
