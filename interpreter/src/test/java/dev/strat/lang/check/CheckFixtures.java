package dev.strat.lang.check;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import dev.strat.lang.load.InMemorySourceLoader;
import dev.strat.lang.load.SourceLoader;
import dev.strat.lang.plan.ExperimentPlan;
import dev.strat.lang.plan.MarketSourcePlan;
import dev.strat.lang.plan.ProgramPlan;
import dev.strat.lang.plan.StrategyPlan;
import dev.strat.runtime.data.BarCalendar;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.StageKind;
import dev.strat.stdlib.StandardLibrary;
import dev.strat.stdlib.Value;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Shared helpers for checker tests: a fake data catalog and one-call checking of text. */
public final class CheckFixtures {

    private CheckFixtures() {
    }

    public static final List<String> US_SYMBOLS = List.of("AAPL", "MSFT", "JPM", "AMZN", "GOOGL", "XOM", "JNJ");

    /**
     * Knows {@code us_large_caps_daily.csv.gz} (every weekday 2010-01-04..2023-10-27) and {@code crypto_daily.csv.gz}
     * (every day 2018..2022), their symbols, frequency and calendar;
     * says files whose name starts with {@code missing} are not there; knows nothing else.
     */
    public static final MarketCatalog FAKE_CATALOG = source -> {
        String path = source.path();
        if (path.equals("us_large_caps_daily.csv.gz")) {
            return Optional.of(new MarketFacts.Known(path, US_SYMBOLS, LocalDate.of(2010, 1, 4), LocalDate.of(2023, 10, 27),
                    Optional.of(dev.strat.runtime.data.Frequency.DAILY_STOCKS),
                    Optional.of(BarCalendar.weekdays(LocalDate.of(2010, 1, 4), LocalDate.of(2023, 10, 27), US_SYMBOLS))));
        }
        if (path.equals("crypto_daily.csv.gz")) {
            return Optional.of(new MarketFacts.Known(path, List.of("BTC", "ETH", "BNB"), LocalDate.of(2018, 1, 1), LocalDate.of(2022, 12, 31),
                    Optional.of(dev.strat.runtime.data.Frequency.DAILY_CRYPTO),
                    Optional.of(BarCalendar.everyDay(LocalDate.of(2018, 1, 1), LocalDate.of(2022, 12, 31), List.of("BTC", "ETH", "BNB")))));
        }
        if (path.startsWith("missing")) {
            return Optional.of(new MarketFacts.Unavailable("file not found: looked in /data/" + path));
        }
        return Optional.empty();
    };

    public static CheckContext context(Map<String, String> files, boolean withCatalog) {
        return context(new InMemorySourceLoader(files), withCatalog);
    }

    /** The standard library (it has the risk stage {@code barrier} and the adapt stages {@code dcm} and {@code ars}). */
    public static Registry registry() {
        return StandardLibrary.registry();
    }

    /** A stage that hands on the proposal before it. */
    public record PassThrough(String label) implements Stage {
        @Override
        public void reset(RunSetup setup) {
        }

        @Override
        public void propose(Decision decision, double[] out) {
            System.arraycopy(decision.proposal(), 0, out, 0, out.length);
        }
    }

    public static CheckContext context(SourceLoader loader, boolean withCatalog) {
        return new CheckContext(registry(), loader,
                withCatalog ? Optional.of(FAKE_CATALOG) : Optional.empty());
    }

    /** Parses and checks {@code text} as file {@code main.strat}, with the fake catalog. */
    public static CheckResult check(String text) {
        return Checker.check(new Source("main.strat", text), context(Map.of(), true));
    }

    public static CheckResult check(String text, Map<String, String> files) {
        return Checker.check(new Source("main.strat", text), context(files, true));
    }

    public static String messages(CheckResult result) {
        return result.diagnostics().stream().map(Diagnostic::message).collect(Collectors.joining("\n"));
    }

    /** Diagnostics as printed, followed by a summary of the plan when there is one. */
    public static String render(CheckResult result) {
        StringBuilder b = new StringBuilder(DiagnosticFormatter.formatAll(result.diagnostics()));
        result.plan().ifPresent(plan -> b.append(summary(plan)));
        return b.toString();
    }

    public static String summary(ProgramPlan plan) {
        StringBuilder b = new StringBuilder("plan:\n");
        plan.markets().forEach(m -> b.append("  market ").append(m.name()).append(" = ")
                .append(m.sources().stream().map(CheckFixtures::source).collect(Collectors.joining(" + ")))
                .append(m.cash() ? " + cash" : "")
                .append(m.symbols().isEmpty() ? "" : " symbols " + String.join(", ", m.symbols()))
                .append(m.classes().isEmpty() ? "" : " classes " + m.classes())
                .append('\n'));
        plan.splits().forEach((k, v) -> b.append("  split ").append(k).append(" = ").append(v).append('\n'));
        plan.strategies().forEach(s -> b.append("  strategy ").append(s.name()).append(" = ").append(s.pipeline().render()).append('\n'));
        for (ExperimentPlan e : plan.experiments()) {
            b.append("  experiment ").append(e.name()).append(" on ").append(e.market().name()).append(" split ").append(e.split()).append('\n');
            for (StrategyPlan s : e.compare()) b.append("    compare ").append(s.name()).append(" = ").append(s.pipeline().render()).append('\n');
            b.append("    seeds ").append(e.seeds()).append(" metrics ")
                    .append(e.metrics().stream().map(m -> m.key()).collect(Collectors.joining(", ")))
                    .append(" costs ").append(e.costs()).append(" capital ").append(e.capital())
                    .append(" warmup ").append(e.warmup()).append(" rf ").append(e.riskFree())
                    .append(e.significance().stream().map(s -> " significance " + s).collect(java.util.stream.Collectors.joining()))
                    .append(e.reportPath().map(s -> " report " + s).orElse("")).append('\n');
        }
        return b.toString();
    }

    private static String source(MarketSourcePlan s) {
        return switch (s) {
            case MarketSourcePlan.CsvSource c -> "csv(" + c.path() + c.freq().map(f -> ", freq=" + f).orElse("")
                    + (c.periods().isPresent() ? ", periods=" + c.periods().getAsDouble() : "") + ")";
            case MarketSourcePlan.SyntheticSource g -> "gbm(assets=" + g.assets() + ", days=" + g.days() + ", seed=" + g.seed() + ")";
        };
    }
}
