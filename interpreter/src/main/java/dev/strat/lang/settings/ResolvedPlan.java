package dev.strat.lang.settings;

import dev.strat.lang.plan.ExperimentPlan;
import dev.strat.lang.plan.MarketSourcePlan;
import dev.strat.lang.plan.SplitPlan;
import dev.strat.runtime.metrics.MetricId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One experiment as it ran, the content of a result folder's {@code plan.yaml}: the program text
 * itself (with its SHA-256), the options the command line and {@code strat.yaml} resolved to, the
 * seeds, and every data file with the SHA-256 of its bytes. The {@code resolved} section spells
 * out every default the program left implicit (metrics, capital, costs, split, warm-up) so a
 * reader sees what ran without knowing the defaults; a rerun runs the program text, which with
 * the same data and seeds gives the same numbers.
 *
 * @param planVersion  the layout of this file (1)
 * @param stratVersion the toolchain that ran it
 * @param experiment   the experiment's name in the program; a rerun runs only it
 * @param program      the program text and where it came from
 * @param options      the resolved run options
 * @param seeds        the seeds every strategy ran with
 * @param data         the data files read, with their hashes, in the program's order
 * @param resolved     the experiment with every default explicit (for reading; a rerun does not use it)
 */
public record ResolvedPlan(int planVersion, String stratVersion, String experiment, Program program, Options options,
                           List<Long> seeds, List<DataFile> data, Resolved resolved) {

    /** The layout written today. */
    public static final int VERSION = 1;

    public ResolvedPlan {
        seeds = seeds == null ? List.of() : List.copyOf(seeds);
        data = data == null ? List.of() : List.copyOf(data);
    }

    /**
     * @param name   the program's name as given on the command line
     * @param path   its absolute path when it was run (imports and user functions resolve beside it)
     * @param sha256 SHA-256 of {@code text} (UTF-8)
     * @param text   the whole program
     */
    public record Program(String name, String path, String sha256, String text) { }

    /**
     * @param dataRoot the data folder the files were read from
     * @param outDir   the output folder
     * @param outGiven true when {@code --out} named it (then it won over the program's report path)
     * @param seed     the seed override ({@code --seed} or {@code strat.yaml}), null for the program's own
     * @param training what learning strategies did with saved models: fresh, resume or reuse
     */
    public record Options(String dataRoot, String outDir, boolean outGiven, Long seed, String training) { }

    /** A data file by its name in the program, and the SHA-256 of its bytes as read. */
    public record DataFile(String file, String sha256) { }

    /** A compared strategy and its pipeline with every argument written out. */
    public record Strategy(String name, String pipeline) { }

    /** The experiment with every default the program left implicit made explicit. */
    public record Resolved(String market, List<String> sources, List<String> symbols, String split, List<Strategy> strategies,
                           List<String> metrics, double capital, String costs, int warmup, double riskFree,
                           String benchmark, String significance, String reportPath) { }

    /**
     * The plan of {@code experiment} as it ran.
     *
     * @param hashes SHA-256 of each data file by its name in the program (the market loader's)
     * @param seeds  the seeds the run used (the program's, or counted up from the override)
     */
    public static ResolvedPlan of(ExperimentPlan experiment, Program program, Options options, List<Long> seeds,
                                  Map<String, String> hashes, String version) {
        List<DataFile> files = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (MarketSourcePlan s : experiment.market().sources()) {
            switch (s) {
                case MarketSourcePlan.CsvSource csv -> {
                    files.add(new DataFile(csv.path(), hashes.getOrDefault(csv.path(), "")));
                    sources.add("csv \"" + csv.path() + "\"" + csv.freq().map(f -> " freq=" + f).orElse("")
                            + (csv.periods().isPresent() ? " periods=" + csv.periods().getAsDouble() : ""));
                }
                case MarketSourcePlan.SyntheticSource g ->
                        sources.add("gbm(assets=" + g.assets() + ", days=" + g.days() + ", seed=" + g.seed() + ")");
            }
        }
        List<Strategy> strategies = experiment.compare().stream().map(s -> new Strategy(s.name(), s.pipeline().render())).toList();
        Resolved resolved = new Resolved(experiment.market().name(), sources, experiment.market().symbols(), split(experiment.split()),
                strategies, experiment.metrics().stream().map(MetricId::key).toList(), experiment.capital(),
                experiment.costs().toString(), experiment.warmup(), experiment.riskFree(),
                experiment.benchmark().map(ExperimentPlan.Benchmark::name).orElse(null),
                experiment.significance().isEmpty() ? null
                        : experiment.significance().stream().map(Object::toString).collect(java.util.stream.Collectors.joining("; ")), experiment.reportPath().orElse(null));
        return new ResolvedPlan(VERSION, version, experiment.name(), program, options, seeds, files, resolved);
    }

    /** The seeds a run uses: the planned ones, or as many counted up from the override. */
    public static List<Long> seeds(List<Long> planned, java.util.OptionalLong override) {
        if (override.isEmpty()) return planned;
        List<Long> out = new ArrayList<>(planned.size());
        for (int k = 0; k < planned.size(); k++) out.add(override.getAsLong() + k);
        return out;
    }

    private static String split(SplitPlan split) {
        return switch (split) {
            case SplitPlan.Fixed f -> f.train().map(r -> "train " + range(r) + ", ").orElse("")
                    + f.valid().map(r -> "valid " + range(r) + ", ").orElse("") + "test " + range(f.test());
            case SplitPlan.Rolling r -> "rolling(train=" + r.train() + ", test=" + r.test() + (r.expanding() ? ", expanding" : "")
                    + (r.valid() == null ? "" : ", valid=" + r.valid()) + ", retrain=" + r.retrain()
                    + (r.from() == null ? "" : ", from=" + r.from()) + (r.to() == null ? "" : ", to=" + r.to()) + ")";
            default -> split.toString();
        };
    }

    private static String range(dev.strat.runtime.data.DateRange r) {
        return (r.from() == null ? "start" : r.from().toString()) + ".." + (r.to() == null ? "end" : r.to().toString());
    }
}
