package dev.strat.lang.check;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Span;
import dev.strat.lang.plan.ExperimentPlan;
import dev.strat.lang.plan.LearnerBudget;
import dev.strat.lang.plan.MarketPlan;
import dev.strat.lang.plan.MarketSourcePlan;
import dev.strat.lang.plan.PreRun;
import dev.strat.lang.plan.StrategyPlan;
import dev.strat.runtime.data.BarCalendar;
import dev.strat.runtime.data.Frequency;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.SyntheticMarkets;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What {@code strat run} says before it runs, said by {@code strat check}: a run without a
 * {@code costs} line trades for free; what loading the market notes (trimmed spans, filled bars),
 * or why it does not load (a bad value);
 * a split range cut to the data; a learner that makes few
 * updates on its train split (a warning), or none at all (an error: it would be tested untrained).
 * The bars are counted on the data's calendar (the bar times the {@link MarketCatalog} read, cut as
 * the loaded market cuts them), through the same {@link PreRun} and {@link LearnerBudget} that the
 * run uses, so both word it alike. Without a calendar the bar counts are skipped and the run says them.
 */
final class PreRunCheck {

    private final Optional<MarketCatalog> catalog;
    private final Reporter r;
    private final Map<MarketPlan, Optional<MarketData>> calendars = new HashMap<>();
    private final Map<List<Object>, Optional<dev.strat.runtime.data.SplitPlan>> splits = new HashMap<>();
    private final Set<String> reported = new HashSet<>();

    PreRunCheck(Optional<MarketCatalog> catalog, Reporter r) {
        this.catalog = catalog;
        this.r = r;
    }

    /** Reports the experiment's pre-run warnings and its learners' budgets. */
    void check(ExperimentPlan plan) {
        // a backtest's name is its command line; the warning points at the keyword the declaration starts with
        Span at = Checker.keyword(plan.span(), plan.name().startsWith("backtest ") ? "backtest" : "experiment");
        PreRun.frictionless(plan).ifPresent(w -> once(Diagnostic.warning(at, w)));
        if (catalog.isPresent()) {
            MarketCatalog.Load load = catalog.get().load(plan.market());
            load.notes().forEach(w -> once(Diagnostic.warning(plan.market().span(), w)));
            // worded and located as the run words it; a file the scan could not read is reported already
            if (load.error().isPresent() && scanned(plan.market())) once(Diagnostic.error(plan.market().span(), "bad data: " + load.error().get()));
        }
        for (StrategyPlan s : plan.compare()) {
            PreRun.unselectable(s, plan.split()).forEach(f -> once(Diagnostic.warning(f.agent().span(), f.message())));
        }
        Optional<MarketData> calendar = calendars.computeIfAbsent(plan.market(), this::calendar);
        if (calendar.isEmpty()) return;
        resolvedSplit(plan).ifPresent(split -> {
            split.warnings().forEach(w -> once(Diagnostic.warning(at, w)));
            PreRun.noDecision(plan, split.bars("test")).ifPresent(e -> once(Diagnostic.error(plan.span(), e)));
        });
        OptionalLong trainBars = LearnerBudget.trainBars(plan.split(), calendar.get());
        if (trainBars.isEmpty()) return;
        for (StrategyPlan s : plan.compare()) {
            for (LearnerBudget.Finding f : LearnerBudget.findings(s, trainBars.getAsLong(), calendar.get().frequency())) {
                once(f.fatal() ? Diagnostic.error(f.agent().span(), f.message()) : Diagnostic.warning(f.agent().span(), f.message()));
            }
        }
    }

    /**
     * {@code plan}'s split resolved to bars of its market's calendar, as the run resolves it (a
     * rolling split to its whole test span); empty for an unknown calendar or a split that does
     * not resolve (reported by the split's own check).
     */
    Optional<dev.strat.runtime.data.SplitPlan> resolvedSplit(ExperimentPlan plan) {
        // resolved once per market and split: the pre-run checks and the build check both ask
        return splits.computeIfAbsent(List.of(plan.market(), plan.split()), key -> {
            Optional<MarketData> calendar = calendars.computeIfAbsent(plan.market(), this::calendar);
            if (calendar.isEmpty()) return Optional.empty();
            try {
                return Optional.of(PreRun.resolveSplit(plan.split(), calendar.get()));
            } catch (dev.strat.runtime.data.DataException unresolved) {
                return Optional.empty();     // reported by the split's own check
            }
        });
    }

    /** Whether every file of {@code market} was read by the catalog's scan (one it could not read has its own error). */
    private boolean scanned(MarketPlan market) {
        for (MarketSourcePlan source : market.sources()) {
            if (source instanceof MarketSourcePlan.CsvSource csv
                    && !(catalog.get().facts(csv).orElse(null) instanceof MarketFacts.Known)) return false;
        }
        return true;
    }

    /** A strategy shared by several experiments on one split is reported once. */
    private void once(Diagnostic d) {
        if (reported.add(d.span() + "|" + d.message())) r.addAll(List.of(d));
    }

    /**
     * The market's bar times with no prices, as {@code MarketLoader} would align them: each file's
     * calendar cut to the listed symbols it holds, files joined on their common bars; a synthetic
     * source's own calendar. Empty when a file's calendar or frequency is unknown.
     */
    private Optional<MarketData> calendar(MarketPlan market) {
        long[] times = null;
        Frequency frequency = null;
        boolean single = market.sources().size() == 1;
        for (MarketSourcePlan source : market.sources()) {
            long[] own;
            Frequency f;
            switch (source) {
                case MarketSourcePlan.CsvSource csv -> {
                    if (catalog.isEmpty()) return Optional.empty();
                    Optional<MarketFacts> facts = catalog.get().facts(csv);
                    if (facts.isEmpty() || !(facts.get() instanceof MarketFacts.Known known) || known.frequency().isEmpty()
                            || known.calendar().isEmpty()) {
                        return Optional.empty();
                    }
                    List<String> kept = single ? market.symbols() : market.symbols().stream().filter(known.symbols()::contains).toList();
                    own = known.calendar().get().times(kept);
                    f = known.frequency().get();
                    if (csv.periods().isPresent()) f = new Frequency(f.bar(), csv.periods().getAsDouble(), f.barsPerDay(), f.label());
                }
                case MarketSourcePlan.SyntheticSource gbm -> {
                    MarketData sample = SyntheticMarkets.gbm(1, gbm.days(), gbm.seed());
                    own = new long[sample.bars()];
                    for (int t = 0; t < own.length; t++) own[t] = sample.time(t);
                    f = sample.frequency();
                }
            }
            times = times == null ? own : BarCalendar.intersect(times, own);
            frequency = frequency == null || f.periodsPerYear() < frequency.periodsPerYear() ? f : frequency;
        }
        if (times == null || times.length == 0) return Optional.empty();
        return Optional.of(BarCalendar.market(market.name(), times, frequency));
    }
}
