package dev.strat.lang.check;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.plan.ExperimentPlan;
import dev.strat.lang.plan.MarketPlan;
import dev.strat.lang.plan.MarketSourcePlan;
import dev.strat.lang.plan.PipelineBuilder;
import dev.strat.lang.plan.StrategyPlan;
import dev.strat.runtime.data.Frequency;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.SyntheticMarkets;
import dev.strat.stdlib.MarketInfo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.strat.runtime.data.BarRange;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.rl.portfolio.LearningAgentStage;
import java.util.Set;

/**
 * The checks that need the market's facts but no prices: every compared strategy is built, as a
 * run would build it, for the universe, asset classes and calendar of its experiment's market, so
 * that `strat check` reports what building reports at run time: a selector's {@code k} not below
 * the number of assets, a {@code fixed} index past the pool, {@code crp} weights of the wrong
 * length, windows written as lengths that are shorter than a bar of the data, bounds no portfolio
 * meets. The facts come from the {@link MarketCatalog} (symbols and the frequency inferred from
 * the file's times) or from the synthetic source; when they are not known the check is skipped
 * and the run reports such errors instead.
 */
final class BuildCheck {

    private final Optional<MarketCatalog> catalog;
    private final Reporter r;
    private final Set<String> reported = new HashSet<>();

    BuildCheck(Optional<MarketCatalog> catalog, Reporter r) {
        this.catalog = catalog;
        this.r = r;
    }

    /**
     * Builds each compared strategy of the experiment; errors are reported once however many
     * experiments share them. With the split resolved to bars: a strategy whose warm-up outlasts
     * the data up to the test's end, so that it can never trade, is a warning at it (the run finds
     * it only after running); a learner whose features' warm-up leaves it fewer than two decisions
     * in its train part is an error at its agent, in the words the run would fail with.
     */
    void check(ExperimentPlan plan, Optional<dev.strat.runtime.data.SplitPlan> split) {
        for (StrategyPlan s : plan.compare()) {
            Optional<PipelineBuilder.Result> built = check(s, plan.market());
            if (built.isEmpty() || split.isEmpty() || built.get().pipeline().isEmpty()) continue;
            BarRange test = split.get().bars("test");
            int history = built.get().pipeline().get().warmup();
            if (history >= test.to() && !s.name().equals("hold")) {
                report(Diagnostic.warning(agentSpan(s), "strategy '" + s.name() + "' needs " + history + " bars of history before its "
                        + "first decision, but the data holds " + test.to() + " up to the end of the test of " + plan.name()
                        + ": it will never trade"));
            }
            Optional<BarRange> train = split.get().part("train").map(dev.strat.runtime.data.SplitPlan.Part::bars);
            if (train.isEmpty()) continue;
            for (PipelineBuilder.Learner l : built.get().learners()) {
                if (l.inTree() || !(l.trainable() instanceof LearningAgentStage agent)) continue;
                int warmup = Math.max(agent.warmup(), l.downstream().map(Stage::warmup).orElse(0));
                LearningAgentStage.tooShort(agent.label(), train.get(), warmup)
                        .ifPresent(why -> report(Diagnostic.error(agentSpan(s), why)));
            }
        }
    }

    /** Builds one strategy for a market's facts; empty when the facts are unknown. */
    Optional<PipelineBuilder.Result> check(StrategyPlan strategy, MarketPlan market) {
        Optional<MarketInfo> info = info(market);
        if (info.isEmpty()) return Optional.empty();
        PipelineBuilder.Result result = PipelineBuilder.build(strategy, info.get());
        result.diagnostics().forEach(this::report);
        return Optional.of(result);
    }

    private void report(Diagnostic d) {
        if (reported.add(d.span() + "|" + d.message())) r.addAll(List.of(d));
    }

    /** The strategy's agent when it has one agent, else its first stage: where a finding about it is located. */
    private static dev.strat.lang.diag.Span agentSpan(StrategyPlan strategy) {
        List<dev.strat.lang.plan.StageNode> agents = strategy.pipeline().walk().stream()
                .filter(n -> n.builtin().kind() == dev.strat.stdlib.StageKind.AGENT).toList();
        return (agents.size() == 1 ? agents.get(0) : strategy.pipeline().stages().get(0)).span();
    }

    /** The facts a factory may use, when every source's facts are known and the calendars agree. */
    Optional<MarketInfo> info(MarketPlan market) {
        Set<String> symbols = new LinkedHashSet<>();
        Frequency frequency = null;
        for (MarketSourcePlan source : market.sources()) {
            Frequency f;
            switch (source) {
                case MarketSourcePlan.CsvSource csv -> {
                    if (catalog.isEmpty()) return Optional.empty();
                    Optional<MarketFacts> facts = catalog.get().facts(csv);
                    if (facts.isEmpty() || !(facts.get() instanceof MarketFacts.Known known) || known.frequency().isEmpty()) {
                        return Optional.empty();
                    }
                    symbols.addAll(known.symbols());
                    f = known.frequency().get();
                    if (csv.periods().isPresent()) {
                        f = new Frequency(f.bar(), csv.periods().getAsDouble(), f.barsPerDay(), f.label());
                    }
                }
                case MarketSourcePlan.SyntheticSource gbm -> {
                    MarketData sample = SyntheticMarkets.gbm(gbm.assets(), 3, gbm.seed());
                    symbols.addAll(sample.symbols());
                    f = sample.frequency();
                }
            }
            if (frequency != null && !frequency.bar().equals(f.bar())) return Optional.empty();
            frequency = f;
        }
        if (frequency == null) return Optional.empty();
        List<String> universe = market.symbols().isEmpty() ? new ArrayList<>(symbols) : market.symbols();
        Map<String, List<String>> classes = new LinkedHashMap<>();
        market.classes().forEach((name, members) -> {
            // the cash class names the implicit cash weight, not a column of the data
            List<String> assets = members.stream().filter(m -> !m.equals("USD") && !m.equals("cash")).toList();
            if (!assets.isEmpty()) classes.put(name, assets);
        });
        return Optional.of(new MarketInfo(universe, classes, frequency));
    }
}
