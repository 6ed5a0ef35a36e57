package dev.strat.cli;

import dev.strat.bench.BacktestSuite;
import dev.strat.bench.BenchData;
import dev.strat.bench.BenchReport;
import dev.strat.bench.ChildJvm;
import dev.strat.bench.ForkedThroughput;
import dev.strat.bench.RlBench;
import dev.strat.bench.RlBenchReport;
import dev.strat.bench.RlCase;
import dev.strat.bench.RlMemoryCheck;
import dev.strat.bench.RlSideBySide;
import dev.strat.bench.RlSideBySideReport;
import dev.strat.bench.Sb3Peer;
import dev.strat.runtime.data.DataException;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.experiment.NamedStrategy;
import dev.strat.runtime.io.AtomicFiles;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.BuildException;
import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.MarketInfo;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code strat bench [backtest|rl]}. {@code rl} is the RL training benchmark
 * ({@code shared/design/rl-benchmark.md}, {@link RlBench}) or, with {@code --memory}, its
 * native-memory check ({@link RlMemoryCheck}). {@code backtest} is the backtest benchmark on real data. Loads twenty US large caps,
 * runs the baseline comparison once cold (first work of the JVM) and a few times warm through the
 * experiment runner, measures the asset-steps per second of CRP and OLMAR on one core, and prints
 * the figures next to the project's targets.
 *
 * <p>The strategies are built from the standard library exactly as a {@code .strat} program with
 * default parameters would build them, so the benchmark measures what users run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Benchmark the backtest loop on real data: CRP and OLMAR throughput (asset-steps per second, one core) "
                + "and the time of the full baseline comparison (hold, bah, ucrp, crp, eg, olmar, pamr, corn, tsm, csm, mr).",
                "The comparison runs first, so its first run is timed cold (and from JVM start); each throughput is "
                        + "measured in a fresh JVM.",
                "'strat bench rl' measures the RL agents' training steps per second (updates included, one compute thread) on the "
                        + "synthetic portfolio environment side by side with Stable-Baselines3: peer, strat, peer, strat ... per case, "
                        + "each in a fresh process, with the single-thread GEMM ceiling measured in the same run (without the peer, "
                        + "against SB3 figures stored from another day, labelled as not comparable); 'strat bench rl --memory' checks "
                        + "that a long TD3 run's resident memory stops growing."},
        footer = {"", "Exit codes: 0 ok (whether or not the targets are met), 1 internal error, 2 bad options or missing data."})
public final class BenchCommand implements Callable<Integer> {

    /** The baseline comparison, in report order: every classic allocator of the standard library. */
    static final List<String> BASELINES = List.of("hold", "bah", "ucrp", "crp", "eg", "olmar", "pamr", "corn", "tsm", "csm", "mr");

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "WHAT", defaultValue = "backtest",
            description = "What to benchmark: 'backtest' (the default), 'rl' (training steps per second of the RL agents) or 'hc' "
                    + "(one HRP/HERC allocation, and the HC-DRL pool of twelve models over the hourly crypto file) or 'polyglot' "
                    + "(user functions: per-call overhead in JavaScript and Python, a JavaScript csm against the built-in; --rounds).")
    String what;

    @Option(names = "--algorithms", paramLabel = "LIST", split = ",",
            description = "rl: algorithms to measure, of td3, sac, ddpg, ppo, a2c (default: td3,sac,ppo,a2c; the memory check: td3).")
    List<String> algorithms;

    @Option(names = "--sizes", paramLabel = "LIST", split = ",",
            description = "rl: sizes, of small (61 observations, MLP 64-64) and paper (641, MLP 400-300) (default: small,paper; the memory check: small).")
    List<String> sizes;

    @Option(names = "--runs", paramLabel = "N", description = "rl: the same as --repeats.")
    Integer runs;

    @Option(names = "--peer", paramLabel = "DIR",
            description = "rl: the Stable-Baselines3 peer's folder (default: ../peers/sb3-bench beside the data folder, i.e. ../shared/peers).")
    Path peer;

    @Option(names = "--no-peer", description = "rl: do not run the peer; compare with SB3's stored figures (not comparable).")
    boolean noPeer;

    @Option(names = "--csv", paramLabel = "FILE", description = "rl: write the runs as CSV to FILE (atomically; default: beside the JSON).")
    Path csv;

    @Option(names = "--steps-scale", paramLabel = "F",
            description = "rl: multiply the timed steps (and the memory check's steps) by F, e.g. 0.2 for a quick look (default: 1).")
    Double stepsScale;

    @Option(names = "--clock", paramLabel = "cpu|wall",
            description = "rl: the clock of the rates and ratios: cpu (strat's measuring thread, the peer's process; robust to other load) "
                    + "or wall (default: cpu).")
    String clock;

    @Option(names = "--memory",
            description = "rl: instead of throughput, the native-memory check: 100,000 TD3 steps, resident memory, heap, JVM "
                    + "and direct-buffer memory and live NDArrays every 10,000; PASS when no NDArrays accumulate and the resident "
                    + "memory's trend from step 20,000 on grows it by less than 20 MiB.")
    boolean memory;

    @Option(names = "--max-direct-mb", paramLabel = "MB",
            description = "rl --memory: cap the child JVM's direct buffers (-XX:MaxDirectMemorySize), which DJL allocates per "
                    + "created array and the JVM frees only when it collects (default: the JVM's, the heap size).")
    Integer maxDirectMb;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder holding " + BenchData.FILE + " (default: $STRAT_DATA, else ../shared/data of the strat home).")
    Path data;

    @Option(names = "--assets", paramLabel = "N", defaultValue = "20", description = "Assets, 1 to 20 (default: ${DEFAULT-VALUE}).")
    int assets;

    @Option(names = "--bars", paramLabel = "N", defaultValue = "2520",
            description = "Bars of the run, the file's last ones, at least 2000 for the targets to apply (default: ${DEFAULT-VALUE}).")
    int bars;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "7", description = "Timed throughput rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--repeats", paramLabel = "N",
            description = "Timed warm comparison runs (default: 5); rl: interleaved runs of each side per case (default: 2).")
    Integer repeats;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "100",
            description = "CRP backtests per throughput round; OLMAR runs a quarter as many (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup-ms", paramLabel = "MS", defaultValue = "2000",
            description = "Minimum warm-up before each throughput measurement (default: ${DEFAULT-VALUE}).")
    long warmupMillis;

    @Option(names = "--no-fork",
            description = "Measure throughput in this JVM, after the comparison, instead of in a fresh JVM per stage.")
    boolean noFork;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the results as JSON to FILE (atomically); rl writes out/bench/rl-<time>.json and .csv unless told.")
    Path json;

    private Path dataFile;

    public BenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (what.equals("rl")) return rl();
        if (what.equals("hc")) return hc();
        if (what.equals("polyglot")) return polyglot();
        if (!what.equals("backtest")) throw new UserError("unknown benchmark '" + what + "'; use 'backtest', 'rl', 'hc' or 'polyglot'");
        if (algorithms != null || sizes != null || runs != null || stepsScale != null || clock != null || memory || maxDirectMb != null
                || peer != null || noPeer || csv != null) {
            throw new UserError("--algorithms, --sizes, --runs, --steps-scale, --clock, --memory, --max-direct-mb, --peer, --no-peer and --csv "
                    + "belong to 'strat bench rl'");
        }
        int repeats = this.repeats == null ? 5 : this.repeats;
        if (assets < 1 || assets > BenchData.SYMBOLS.size()) {
            throw new UserError("--assets must be between 1 and " + BenchData.SYMBOLS.size() + ", got " + assets);
        }
        if (rounds < 1) throw new UserError("--rounds must be at least 1, got " + rounds);
        if (repeats < 0) throw new UserError("--repeats must be at least 0, got " + repeats);
        if (iterations < 1) throw new UserError("--iterations must be at least 1, got " + iterations);
        if (warmupMillis < 0) throw new UserError("--warmup-ms must be at least 0, got " + warmupMillis);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        long loadStart = System.nanoTime();
        MarketData market = load();
        long loadNanos = System.nanoTime() - loadStart;
        if (bars < 2 || bars > market.bars()) {
            throw new UserError("--bars must be between 2 and " + market.bars() + " (the file's length), got " + bars);
        }
        if (bars < 2000) err.println("strat: note: the targets are defined for at least 2000 bars; this run has " + bars);
        int lastBar = market.bars() - 1;
        int firstBar = market.bars() - bars;
        MarketInfo info = new MarketInfo(market.symbols(), market.classes(), market.frequency());
        Registry registry = ctx.registry();
        List<NamedStrategy> comparison = new ArrayList<>();
        for (String name : BASELINES) comparison.add(strategy(registry, name, info));
        Optional<ForkedThroughput.Fork> fork = Optional.empty();
        List<String> java = noFork ? null : ForkedThroughput.Fork.currentJava();
        if (java != null) fork = Optional.of(new ForkedThroughput.Fork(java, dataFile, assets, bars));
        else if (!noFork) err.println("strat: note: cannot tell how this JVM was started; measuring throughput in it");
        BacktestSuite.Plan plan = new BacktestSuite.Plan(market, firstBar, lastBar, comparison,
                stage(registry, "ucrp", info), stage(registry, "olmar", info), rounds, iterations, warmupMillis * 1_000_000L, repeats,
                loadNanos, fork, olmarSpec(registry, info));
        BacktestSuite.Result result = BacktestSuite.run(plan, dev.strat.runtime.pipeline.ProgressListener.NONE);

        BenchReport.Machine machine = BenchReport.Machine.current();
        out.print(BenchReport.table(result, machine));
        if (json != null) writeJson(out, BenchReport.json(result, machine));
        out.flush();
        return 0;
    }

    /** {@code strat bench polyglot}: what a user function costs, in this JVM ({@link dev.strat.polyglot.PolyglotBench}). */
    private int polyglot() {
        if (rounds < 1) throw new UserError("--rounds must be at least 1, got " + rounds);
        dev.strat.polyglot.PolyglotBench.run(spec.commandLine().getOut(), rounds, 100_000,
                List.of(dev.strat.polyglot.GuestLanguage.JS, dev.strat.polyglot.GuestLanguage.PYTHON));
        return 0;
    }

    /** {@code strat bench rl}: every (algorithm, size) side by side with the SB3 peer, or the memory check. */
    private int rl() {
        RlBench.Clock verdictClock = parse(clock == null ? "cpu" : clock, RlBench.Clock::parse);
        List<RlCase.Algorithm> algos = parseAll(algorithms != null ? algorithms : memory ? List.of("td3") : List.of("td3", "sac", "ppo", "a2c"),
                RlCase.Algorithm::parse);
        List<RlCase.Size> sizeList = parseAll(sizes != null ? sizes : memory ? List.of("small") : List.of("small", "paper"), RlCase.Size::parse);
        if (runs != null && runs < 1) throw new UserError("--runs must be at least 1, got " + runs);
        if (repeats != null && repeats < 1) throw new UserError("--repeats must be at least 1, got " + repeats);
        if (runs != null && repeats != null && !runs.equals(repeats)) throw new UserError("--runs and --repeats are the same option; give one");
        int repeatCount = runs != null ? runs : repeats != null ? repeats : 2;
        double scale = stepsScale == null ? 1 : stepsScale;
        if (!(scale > 0) || scale > 100) throw new UserError("--steps-scale must be above 0 and at most 100, got " + scale);
        if (maxDirectMb != null && !memory) throw new UserError("--max-direct-mb belongs to the memory check (--memory)");
        if (maxDirectMb != null && maxDirectMb < 1) throw new UserError("--max-direct-mb must be at least 1, got " + maxDirectMb);
        if (memory && (peer != null || noPeer || csv != null)) throw new UserError("--peer, --no-peer and --csv belong to the throughput comparison, not --memory");
        if (peer != null && noPeer) throw new UserError("--peer and --no-peer contradict each other");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> java = ChildJvm.currentJava();
        if (java == null) throw new UserError("cannot tell how this JVM was started, so cannot start fresh JVMs to measure in");
        Consumer<String> progress = line -> {
            err.println("strat: " + line);
            err.flush();
        };
        if (memory) {
            if (algos.size() != 1) throw new UserError("--memory runs one algorithm (td3 by default), got " + algorithms);
            if (sizeList.size() != 1) throw new UserError("--memory runs one size (small by default), got " + sizes);
            RlMemoryCheck.Result r = RlMemoryCheck.runForked(java, new RlCase(algos.getFirst(), sizeList.getFirst()), scale,
                    maxDirectMb == null ? inheritedDirectCapMb() : maxDirectMb, progress);
            BenchReport.Machine machine = BenchReport.Machine.current();
            out.print(RlBenchReport.memoryTable(r, machine));
            writeJson(out, RlBenchReport.memoryJson(r, machine));
            out.flush();
            return 0;
        }
        List<RlCase> cases = new ArrayList<>();
        for (RlCase.Size size : sizeList) for (RlCase.Algorithm algo : algos) cases.add(new RlCase(algo, size));
        RlSideBySide.Baseline baseline;
        Sb3Peer found = null;
        if (noPeer) {
            baseline = new RlSideBySide.Stored("--no-peer", RlSideBySide.STORED_DATE);
        } else {
            Path dir = peer != null ? ctx.cwd().resolve(peer).normalize() : peerBesideData();
            Sb3Peer.Found f = Sb3Peer.locate(dir, Sb3Peer.PYTHON);
            if (f.peer().isPresent()) {
                found = f.peer().get();
                baseline = new RlSideBySide.Measured(found);
            } else {
                if (peer != null) throw new UserError("--peer " + peer + ": " + f.reason());
                err.println("strat: the Stable-Baselines3 peer cannot run here: " + f.reason());
                err.println("strat: comparing with SB3's figures stored on " + RlSideBySide.STORED_DATE + ", which are NOT comparable with today's");
                baseline = new RlSideBySide.Stored(f.reason(), RlSideBySide.STORED_DATE);
            }
        }
        List<RlSideBySide.Task> tasks = RlSideBySide.schedule(cases, repeatCount, found != null);
        RlSideBySide.Runner runner = RlSideBySide.runner(java, found, scale);
        RlSideBySide.Comparison comparison = RlSideBySide.execute(tasks, runner, baseline, scale, repeatCount, progress);
        BenchReport.Machine machine = BenchReport.Machine.current();
        out.print(RlSideBySideReport.table(comparison, verdictClock, machine));
        Path jsonFile = json != null ? json : Path.of("out", "bench", "rl-" + LocalDateTime.now()
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        Path csvFile = csv != null ? csv : jsonFile.resolveSibling(stripJson(jsonFile.getFileName().toString()) + ".csv");
        write(out, jsonFile, RlSideBySideReport.json(comparison, verdictClock, machine));
        write(out, csvFile, RlSideBySideReport.csv(comparison, verdictClock));
        out.flush();
        return 0;
    }

    /** The peer's default place: {@code ../peers/sb3-bench} beside the data folder. */
    private Path peerBesideData() {
        return ctx.dataRoots().dataRoot(data).dir().resolve(Sb3Peer.BESIDE_DATA).normalize();
    }

    private static String stripJson(String name) {
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    private static <T> T parse(String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Parses each name, in order, without repeats. */
    private static <T> List<T> parseAll(List<String> names, Function<String, T> parser) {
        List<T> parsed = new ArrayList<>();
        for (String name : names) {
            T t = parse(name, parser);
            if (!parsed.contains(t)) parsed.add(t);
        }
        if (parsed.isEmpty()) throw new UserError("an empty list");
        return parsed;
    }

    private void writeJson(PrintWriter out, String text) {
        if (json != null) write(out, json, text);
    }

    private void write(PrintWriter out, Path file, String text) {
        try {
            AtomicFiles.writeString(ctx.cwd().resolve(file), text);
        } catch (UncheckedIOException e) {
            throw new UserError(e.getMessage());
        }
        out.println("results: " + file);
    }

    /**
     * HRP and HERC: one allocation for 20 assets x 700 bars (median, variance and CDaR), then the
     * HC-DRL pool of twelve models every 24 bars over the whole hourly crypto file on one thread.
     */
    private int hc() {
        PrintWriter out = spec.commandLine().getOut();
        for (dev.strat.runtime.allocators.HierarchicalAllocation.Model m : dev.strat.runtime.allocators.HierarchicalAllocation.Model.values()) {
            for (dev.strat.runtime.risk.RiskMeasure rm : new dev.strat.runtime.risk.RiskMeasure[] {
                    dev.strat.runtime.risk.RiskMeasure.VARIANCE, dev.strat.runtime.risk.RiskMeasure.CDAR}) {
                var c = new dev.strat.bench.HierarchicalBench.Case(m, rm);
                double us = dev.strat.bench.HierarchicalBench.medianMicros(c, 700, 20, rounds * 2 + 1, 200, warmupMillis * 1_000_000L);
                out.printf("%-18s 20 assets x 700 bars: %7.1f us per allocation (median)   target < %.0f us: %s%n", c.label(), us,
                        dev.strat.bench.HierarchicalBench.TARGET_MICROS, us < dev.strat.bench.HierarchicalBench.TARGET_MICROS ? "met" : "NOT met");
            }
        }
        Path file;
        try {
            file = ctx.dataRoots().dataRoot(data).file(dev.strat.bench.PoolBench.FILE);
        } catch (dev.strat.runtime.data.DataException e) {
            throw new UserError(e.getMessage());
        }
        dev.strat.bench.PoolBench.print(dev.strat.bench.PoolBench.run(file, 24), out);
        return 0;
    }

    private MarketData load() {
        try {
            dataFile = ctx.dataRoots().dataRoot(data).file(BenchData.FILE);
            return BenchData.load(dataFile, assets).data();
        } catch (DataException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** A baseline with its default parameters; {@code crp} gets uniform weights over the assets. */
    private static NamedStrategy strategy(Registry registry, String name, MarketInfo info) {
        Builtin builtin = registry.find(name).orElseThrow(() -> new InternalError("the standard library has no '" + name + "'"));
        Arguments args = Arguments.of(builtin, arguments(name, info));
        // build once up front so a bad default surfaces here, not inside a timed run
        create(builtin, args, info);
        return new NamedStrategy(name, name + args.render(), seed -> create(builtin, args, info));
    }

    private static Supplier<Stage> stage(Registry registry, String name, MarketInfo info) {
        Builtin builtin = registry.find(name).orElseThrow(() -> new InternalError("the standard library has no '" + name + "'"));
        Arguments args = Arguments.of(builtin, arguments(name, info));
        return () -> create(builtin, args, info);
    }

    /** OLMAR with the standard library's defaults, as the forked JVM builds it. */
    private static String olmarSpec(Registry registry, MarketInfo info) {
        Builtin olmar = registry.find("olmar").orElseThrow(() -> new InternalError("the standard library has no 'olmar'"));
        Arguments args = Arguments.of(olmar, Map.of());
        return "olmar:" + args.bars("window", info.frequency()) + ":" + args.number("eps");
    }

    private static Map<String, Value> arguments(String name, MarketInfo info) {
        if (!name.equals("crp")) return Map.of();
        Value w = new Value.Num(1.0 / info.assets(), false, false);
        return Map.of("weights", new Value.ListOf(Collections.nCopies(info.assets(), w)));
    }

    private static Stage create(Builtin builtin, Arguments args, MarketInfo info) {
        try {
            return builtin.factory().create(args, dev.strat.stdlib.BuildContext.leaf(info, builtin.name()));
        } catch (BuildException e) {
            throw new InternalError(builtin.name() + ": " + e.getMessage());
        }
    }

    /** The direct-memory cap this JVM was started with (the launcher sets one), in MiB, or 0 for the default. */
    static int inheritedDirectCapMb() {
        for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-XX:MaxDirectMemorySize=")) continue;
            String v = arg.substring("-XX:MaxDirectMemorySize=".length()).toLowerCase(java.util.Locale.ROOT);
            long bytes;
            try {
                char unit = v.charAt(v.length() - 1);
                long n = Character.isDigit(unit) ? Long.parseLong(v) : Long.parseLong(v.substring(0, v.length() - 1));
                bytes = switch (unit) {
                    case 'k' -> n << 10;
                    case 'm' -> n << 20;
                    case 'g' -> n << 30;
                    default -> n;
                };
            } catch (NumberFormatException e) {
                return 0;
            }
            return (int) Math.max(1, bytes >> 20);
        }
        return 0;
    }
}
