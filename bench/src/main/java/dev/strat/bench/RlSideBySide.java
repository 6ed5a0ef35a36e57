package dev.strat.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code strat bench rl} side by side with Stable-Baselines3: for each case the peer and strat
 * alternate (peer, strat, peer, strat ...), each run in a fresh process on one thread, so that a
 * ratio compares runs minutes apart on the same machine rather than figures from different days;
 * the single-thread GEMM rate of both is measured first, in the same session. Without the peer
 * the comparison falls back to the figures stored in {@link RlCase}, labelled as not comparable.
 */
public final class RlSideBySide {

    /** The date the stored SB3 figures of {@link RlCase.Algorithm} were measured. */
    public static final String STORED_DATE = "2026-11-29";

    private RlSideBySide() {
    }

    /** What one step of the schedule runs. */
    public enum Kind {
        /** The peer's {@code run.sh matmul small}. */
        PEER_GEMM,
        /** strat's {@link GemmProbe}. */
        STRAT_GEMM,
        /** The peer on one case. */
        PEER,
        /** strat on one case. */
        STRAT
    }

    /**
     * One step of the schedule.
     *
     * @param kind   what runs
     * @param rlCase the case, null for the GEMM probes
     * @param repeat 1-based repeat (its seed), 0 for the GEMM probes
     */
    public record Task(Kind kind, RlCase rlCase, int repeat) {
    }

    /**
     * The order of the runs: the GEMM probes (the peer's first when it is here), then per case,
     * per repeat, the peer (when it is here and has the algorithm) and then strat.
     */
    public static List<Task> schedule(List<RlCase> cases, int repeats, boolean peer) {
        if (repeats < 1) throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        List<Task> tasks = new ArrayList<>();
        if (peer) tasks.add(new Task(Kind.PEER_GEMM, null, 0));
        tasks.add(new Task(Kind.STRAT_GEMM, null, 0));
        for (RlCase c : cases) {
            for (int r = 1; r <= repeats; r++) {
                if (peer && Sb3Peer.has(c.algorithm())) tasks.add(new Task(Kind.PEER, c, r));
                tasks.add(new Task(Kind.STRAT, c, r));
            }
        }
        return tasks;
    }

    /** Runs the measurements; {@link #execute} calls it in schedule order. */
    public interface Runner {
        Sb3Peer.Run peerGemm();

        GemmProbe.Result stratGemm();

        Sb3Peer.Run peer(RlCase rlCase, int repeat);

        RlBench.Run strat(RlCase rlCase, int repeat);
    }

    /** The real runner: fresh JVMs started by {@code java}, the peer's {@code run.sh}. */
    public static Runner runner(List<String> java, Sb3Peer peer, double scale) {
        return new Runner() {
            @Override
            public Sb3Peer.Run peerGemm() {
                return peer.run("matmul", "small", 0, 0);
            }

            @Override
            public GemmProbe.Result stratGemm() {
                return GemmProbe.measureForked(RlBench.pinned(java));
            }

            @Override
            public Sb3Peer.Run peer(RlCase rlCase, int repeat) {
                int offPolicy = rlCase.algorithm().offPolicy() ? rlCase.measuredSteps(scale) : RlCase.Algorithm.OFF_POLICY_STEPS;
                return peer.run(rlCase.algorithm().label(), rlCase.size().label(), repeat, offPolicy);
            }

            @Override
            public RlBench.Run strat(RlCase rlCase, int repeat) {
                return RlBench.measureForked(java, rlCase, scale, repeat);
            }
        };
    }

    /** Where the SB3 figures of a comparison came from. */
    public sealed interface Baseline permits Measured, Stored {
    }

    /** The peer ran here, interleaved with strat. */
    public record Measured(Sb3Peer peer) implements Baseline {
    }

    /** The peer is absent: the figures stored in {@link RlCase} on {@code date}, not comparable with today's. */
    public record Stored(String reason, String date) implements Baseline {
    }

    /**
     * One case's runs.
     *
     * @param rlCase the case
     * @param strat  strat's runs, by repeat
     * @param peer   the peer's runs, by repeat (empty when the peer did not run it)
     */
    public record CaseRuns(RlCase rlCase, List<RlBench.Run> strat, List<Sb3Peer.Run> peer) {
        public CaseRuns {
            strat = List.copyOf(strat);
            peer = List.copyOf(peer);
        }
    }

    /**
     * A whole comparison.
     *
     * @param baseline  where SB3's figures come from
     * @param scale     the steps scale (1 = the design's counts)
     * @param repeats   runs of each side per case
     * @param cases     per case, in order
     * @param stratGemm strat's GEMM rate in this session
     * @param peerGemm  the peer's matmul line in this session, or null without the peer
     */
    public record Comparison(Baseline baseline, double scale, int repeats, List<CaseRuns> cases, GemmProbe.Result stratGemm,
                             Sb3Peer.Run peerGemm) {
        public Comparison {
            Objects.requireNonNull(baseline);
            Objects.requireNonNull(stratGemm);
            cases = List.copyOf(cases);
        }

        /** The ceiling: the best single-thread GEMM rate measured in this session (strat's DJL, the peer's torch or numpy), GFLOP/s. */
        public double ceilingGflops() {
            double best = stratGemm.gflops();
            if (peerGemm != null) {
                for (String lib : List.of("torch", "numpy")) {
                    double g = peerGemm.paperGflops(lib);
                    if (g > best) best = g;
                }
            }
            return best;
        }
    }

    /** Runs {@code tasks} in order with {@code runner}; {@code progress} hears of each finished run. */
    public static Comparison execute(List<Task> tasks, Runner runner, Baseline baseline, double scale, int repeats, Consumer<String> progress) {
        Map<RlCase, List<RlBench.Run>> strat = new LinkedHashMap<>();
        Map<RlCase, List<Sb3Peer.Run>> peer = new LinkedHashMap<>();
        GemmProbe.Result stratGemm = null;
        Sb3Peer.Run peerGemm = null;
        int n = 0;
        for (Task t : tasks) {
            n++;
            String at = "[" + n + "/" + tasks.size() + "] ";
            switch (t.kind()) {
                case PEER_GEMM -> {
                    peerGemm = runner.peerGemm();
                    progress.accept(at + String.format(java.util.Locale.ROOT, "SB3 peer's GEMM (torch, paper shapes): %.1f GFLOP/s",
                            peerGemm.paperGflops("torch")));
                }
                case STRAT_GEMM -> {
                    stratGemm = runner.stratGemm();
                    progress.accept(at + String.format(java.util.Locale.ROOT, "strat's GEMM (DJL/PyTorch, paper shapes): %.1f GFLOP/s",
                            stratGemm.gflops()));
                }
                case PEER -> {
                    Sb3Peer.Run r = runner.peer(t.rlCase(), t.repeat());
                    peer.computeIfAbsent(t.rlCase(), k -> new ArrayList<>()).add(r);
                    strat.computeIfAbsent(t.rlCase(), k -> new ArrayList<>());
                    progress.accept(at + String.format(java.util.Locale.ROOT, "SB3   %s repeat %d: %.1f steps/s wall, %.1f per CPU second",
                            t.rlCase().label(), t.repeat(), r.wallRate(), r.cpuRate()));
                }
                case STRAT -> {
                    RlBench.Run r = runner.strat(t.rlCase(), t.repeat());
                    strat.computeIfAbsent(t.rlCase(), k -> new ArrayList<>()).add(r);
                    progress.accept(at + String.format(java.util.Locale.ROOT, "strat %s repeat %d: %.1f steps/s wall, %.1f per CPU second",
                            t.rlCase().label(), t.repeat(), r.wallRate(), r.cpuRate()));
                }
            }
        }
        if (stratGemm == null) throw new IllegalArgumentException("the schedule has no GEMM probe");
        List<CaseRuns> cases = new ArrayList<>();
        for (Map.Entry<RlCase, List<RlBench.Run>> e : strat.entrySet()) {
            cases.add(new CaseRuns(e.getKey(), e.getValue(), peer.getOrDefault(e.getKey(), List.of())));
        }
        return new Comparison(baseline, scale, repeats, cases, stratGemm, peerGemm);
    }
}
