package dev.strat.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The side-by-side RL benchmark without Python or timing: the interleaving schedule, the FLOP
 * formula, the peer's JSON line, the fallback's labels and the table, on given figures.
 */
class RlSideBySideTest {

    private static final BenchReport.Machine MACHINE = new BenchReport.Machine("Test VM", 2, 1.5);
    private static final RlCase TD3_SMALL = new RlCase(RlCase.Algorithm.TD3, RlCase.Size.SMALL);
    private static final RlCase TD3_PAPER = new RlCase(RlCase.Algorithm.TD3, RlCase.Size.PAPER);
    private static final RlCase SAC_PAPER = new RlCase(RlCase.Algorithm.SAC, RlCase.Size.PAPER);
    private static final RlCase PPO_PAPER = new RlCase(RlCase.Algorithm.PPO, RlCase.Size.PAPER);
    private static final RlCase DDPG_SMALL = new RlCase(RlCase.Algorithm.DDPG, RlCase.Size.SMALL);
    private static final Sb3Peer PEER = new Sb3Peer(Path.of("/peers/sb3-bench"));

    /** The line {@code run.sh td3 small} printed on this machine (trimmed of its noise gauges). */
    static final String TD3_LINE = "{\"kind\": \"td3\", \"config\": \"small\", \"threads\": 1, \"seed\": 0, \"torch_threads\": 1, \"omp\": \"1\", "
            + "\"steps\": 5000, \"seconds\": 48.48485494800116, \"warmup_seconds\": 0.39, \"cpu_seconds\": 17.263219026, \"grad_steps\": 5000, "
            + "\"sps\": 103.12498625317906}";
    static final String MATMUL_LINE = "{\"kind\": \"matmul\", \"config\": \"small\", \"threads\": 1, \"seed\": 0, \"matmul\": {"
            + "\"torch_100x641@641x400\": {\"us\": 603.3, \"gflops\": 85.0}, \"numpy_100x641@641x400\": {\"us\": 700.0, \"gflops\": 73.3}, "
            + "\"torch_100x400@400x300\": {\"us\": 300.0, \"gflops\": 80.0}, \"numpy_100x400@400x300\": {\"us\": 320.0, \"gflops\": 75.0}, "
            + "\"torch_100x61@61x64\": {\"us\": 20.0, \"gflops\": 39.0}}}";

    @Test
    void scheduleInterleavesPeerAndStratPerRepeatAfterTheGemmProbes() {
        List<RlSideBySide.Task> tasks = RlSideBySide.schedule(List.of(TD3_SMALL, DDPG_SMALL), 2, true);
        List<String> order = tasks.stream().map(t -> t.kind() + (t.rlCase() == null ? "" : " " + t.rlCase().label() + " " + t.repeat())).toList();
        assertEquals(List.of("PEER_GEMM", "STRAT_GEMM", "PEER td3 small 1", "STRAT td3 small 1", "PEER td3 small 2", "STRAT td3 small 2",
                "STRAT ddpg small 1", "STRAT ddpg small 2"), order, "the peer has no DDPG: strat runs alone there");
        List<RlSideBySide.Task> alone = RlSideBySide.schedule(List.of(TD3_SMALL), 3, false);
        assertEquals(4, alone.size());
        assertTrue(alone.stream().noneMatch(t -> t.kind() == RlSideBySide.Kind.PEER || t.kind() == RlSideBySide.Kind.PEER_GEMM));
        assertEquals(RlSideBySide.Kind.STRAT_GEMM, alone.getFirst().kind(), "strat's GEMM ceiling is measured without the peer too");
        assertThrows(IllegalArgumentException.class, () -> RlSideBySide.schedule(List.of(TD3_SMALL), 0, true));
    }

    @Test
    void flopsPerStepFollowTheNetShapesBatchAndGradientSteps() {
        RlFlops.Mlp critic = new RlFlops.Mlp(652, 400, 300, 1);
        assertEquals(652 * 400 + 400 * 300 + 300, critic.forward(), 0);
        assertEquals(400 * 300 + 300, critic.hiddenGradients(), 0, "no gradient for the data the first layer reads");
        assertEquals(400 * 300 + 300 + 11 * 400, critic.inputGradients(11), 0);
        // actor 641-400-300-11, twin critics 652-400-300-1, batch 100, one gradient step, actor every second step
        assertEquals(720_989_400, RlFlops.perStep(TD3_PAPER), 1);
        // SAC: actor 641-400-300-22 through both critics every step
        assertEquals(963_646_000, RlFlops.perStep(SAC_PAPER), 1);
        assertEquals(17_527_808, RlFlops.perStep(TD3_SMALL), 1);
        // PPO: acting, then every sample forward and backward through actor and critic in each of 10 epochs
        assertEquals(36_640_800, RlFlops.perStep(PPO_PAPER), 1);
        assertEquals(5_025_600, RlFlops.perStep(new RlCase(RlCase.Algorithm.A2C, RlCase.Size.PAPER)), 1);
        // twice the batch costs twice the update; DDPG (one critic, no delay) is cheaper than TD3 per actor step count
        RlFlops.Mlp actor = new RlFlops.Mlp(641, 400, 300, 11);
        double acting = 2 * actor.forward();
        assertEquals(2 * (RlFlops.deterministic(actor, critic, 11, 2, 2, 100, 1) - acting),
                RlFlops.deterministic(actor, critic, 11, 2, 2, 200, 1) - acting, 1);
        assertEquals(2 * (RlFlops.deterministic(actor, critic, 11, 2, 2, 100, 1) - acting),
                RlFlops.deterministic(actor, critic, 11, 2, 2, 100, 2) - acting, 1, "two gradient steps per environment step");
    }

    @Test
    void parsesThePeersJsonLines() {
        Sb3Peer.Run td3 = Sb3Peer.parse(TD3_LINE);
        assertEquals("td3", td3.kind());
        assertEquals(5000, td3.steps());
        assertEquals(5000 / 48.48485494800116, td3.wallRate(), 1e-9);
        assertEquals(5000 / 17.263219026, td3.cpuRate(), 1e-9);
        assertEquals(td3.cpuRate(), td3.rate(RlBench.Clock.CPU), 0);
        assertEquals(td3.wallRate(), td3.rate(RlBench.Clock.WALL), 0);
        Sb3Peer.Run mm = Sb3Peer.parse(MATMUL_LINE);
        assertEquals(85.0, mm.gflops().get("torch_100x641@641x400"));
        // 51.28 MFLOP at 85 GFLOP/s and 24 MFLOP at 80: 75.28 MFLOP over their total time
        double f1 = 2.0 * 100 * 641 * 400;
        double f2 = 2.0 * 100 * 400 * 300;
        assertEquals((f1 + f2) / (f1 / 85 + f2 / 80), mm.paperGflops("torch"), 1e-9);
        assertTrue(Double.isNaN(mm.paperGflops("cupy")));
        assertEquals(TD3_LINE, Sb3Peer.jsonLine(List.of("Using cpu device", TD3_LINE)));
        assertTrue(assertThrows(IllegalStateException.class, () -> Sb3Peer.jsonLine(List.of("Traceback", "ImportError: torch")))
                .getMessage().contains("ImportError: torch"));
        assertThrows(IllegalStateException.class, () -> Sb3Peer.parse("{not json"));
        assertThrows(IllegalStateException.class, () -> Sb3Peer.parse("{\"kind\": \"td3\"}"), "a result without steps is no result");
    }

    @Test
    void absentPeerIsSaidAndNeverLooksLikeAComparison() {
        Sb3Peer.Found none = Sb3Peer.locate(Path.of("/nonexistent/peers/sb3-bench"), Sb3Peer.PYTHON);
        assertTrue(none.peer().isEmpty());
        assertTrue(none.reason().contains("no peer at /nonexistent/peers/sb3-bench"), none.reason());

        RlSideBySide.Comparison stored = new RlSideBySide.Comparison(new RlSideBySide.Stored(none.reason(), RlSideBySide.STORED_DATE), 0.5, 2,
                List.of(new RlSideBySide.CaseRuns(TD3_SMALL, List.of(run(5000, 10, 8), run(5000, 10, 10)), List.of())),
                gemm(100), null);
        String table = RlSideBySideReport.table(stored, RlBench.Clock.CPU, MACHINE);
        assertTrue(table.contains("baseline: SB3 figures stored, 2026-11-29, not comparable (no peer at"), table);
        assertTrue(table.contains("SB3/s (stored, 2026-11-29)"), table);
        // 625 and 500 steps/s over the stored 177: 3.53x and 2.82x, median 3.18x, judged but marked as stored
        assertTrue(table.matches("(?s).*\\ntd3 small +625, 500 +177 +3\\.53x, 2\\.82x +3\\.18x +0\\.0175 +- +>= 3x +PASS \\(stored\\)\\n.*"), table);
        assertTrue(table.contains("not a comparison"), table);
        assertTrue(table.contains("Shortened (--steps-scale 0.5): strat's timed steps scaled."), table);
        String json = RlSideBySideReport.json(stored, RlBench.Clock.CPU, MACHINE);
        assertTrue(json.contains("\"baseline\": {\"kind\": \"stored\", \"date\": \"2026-11-29\", \"comparable\": false"), json);
        assertTrue(json.contains("\"sb3\": [], \"sb3_stored\": 177"), json);
        String csv = RlSideBySideReport.csv(stored, RlBench.Clock.CPU);
        assertTrue(csv.contains("\ntd3,small,1,stored 2026-11-29,500,625,177,,"), csv);
    }

    @Test
    void sideBySideRowsPairEachStratRunWithThePeerRunBeforeIt() {
        // TD3 paper: the peer 60 then 50 steps/s (CPU), strat 90 then 80; GEMM ceiling 100 GFLOP/s (the peer's torch is slower)
        Map<String, List<Object>> given = Map.of(
                "peer td3 paper", List.of(peerRun(5000, 100, 5000 / 60.0), peerRun(5000, 100, 100)),
                "strat td3 paper", List.of(run(5000, 70, 5000 / 90.0), run(5000, 70, 5000 / 80.0)),
                "peer sac paper", List.of(peerRun(5000, 200, 200), peerRun(5000, 200, 200)),
                "strat sac paper", List.of(run(5000, 60, 50), run(5000, 60, 50)));
        List<String> calls = new ArrayList<>();
        RlSideBySide.Runner runner = new RlSideBySide.Runner() {
            @Override
            public Sb3Peer.Run peerGemm() {
                calls.add("peer gemm");
                return Sb3Peer.parse(MATMUL_LINE);
            }

            @Override
            public GemmProbe.Result stratGemm() {
                calls.add("strat gemm");
                return gemm(100);
            }

            @Override
            public Sb3Peer.Run peer(RlCase c, int repeat) {
                calls.add("peer " + c.label() + " " + repeat);
                return (Sb3Peer.Run) given.get("peer " + c.label()).get(repeat - 1);
            }

            @Override
            public RlBench.Run strat(RlCase c, int repeat) {
                calls.add("strat " + c.label() + " " + repeat);
                return (RlBench.Run) given.get("strat " + c.label()).get(repeat - 1);
            }
        };
        List<String> progress = new ArrayList<>();
        RlSideBySide.Comparison c = RlSideBySide.execute(RlSideBySide.schedule(List.of(TD3_PAPER, SAC_PAPER), 2, true), runner,
                new RlSideBySide.Measured(PEER), 1, 2, progress::add);
        assertEquals(List.of("peer gemm", "strat gemm", "peer td3 paper 1", "strat td3 paper 1", "peer td3 paper 2", "strat td3 paper 2",
                "peer sac paper 1", "strat sac paper 1", "peer sac paper 2", "strat sac paper 2"), calls);
        assertEquals(10, progress.size());
        assertTrue(progress.get(3).startsWith("[4/10] strat td3 paper repeat 1: "), progress.get(3));
        assertEquals(100, c.ceilingGflops(), 1e-9, "the best of strat's 100 and the peer's torch 83.3 and numpy 73.8");

        List<RlSideBySideReport.Row> rows = RlSideBySideReport.rows(c, RlBench.Clock.CPU);
        RlSideBySideReport.Row td3 = rows.getFirst();
        assertEquals(90, td3.strat()[0], 1e-9);
        assertEquals(1.5, td3.ratios()[0], 1e-9, "90 over the 60 just before it");
        assertEquals(1.6, td3.ratios()[1], 1e-9, "80 over 50");
        assertEquals(1.55, td3.medianRatio(), 1e-9);
        // 85 steps/s x 0.721 GFLOP = 61.3 GFLOP/s of a 100 ceiling
        assertEquals(85.0 * 720_989_400 / 1e9, td3.ceilingPercent(), 1e-6);
        assertEquals("MISS", td3.verdict(), "1.55x passes the ratio, 61% misses the ceiling");
        RlSideBySideReport.Row sac = rows.get(1);
        assertEquals(4, sac.medianRatio(), 1e-9);
        assertEquals(100.0 * 963_646_000 / 1e9, sac.ceilingPercent(), 1e-6);
        assertEquals("PASS", sac.verdict());
        // by the wall clock: strat 5000/70 = 71.4, the peer 50
        assertEquals(71.4286 / 50, RlSideBySideReport.rows(c, RlBench.Clock.WALL).getFirst().ratios()[0], 1e-4);

        String table = RlSideBySideReport.table(c, RlBench.Clock.CPU, MACHINE);
        assertTrue(table.contains("baseline: SB3 2.4.1 measured now, interleaved (peer /peers/sb3-bench)"), table);
        assertTrue(table.contains("strat (DJL) 100.0, SB3's torch 83.3, numpy 73.8 GFLOP/s; ceiling 100.0"), table);
        assertTrue(table.matches("(?s).*\\ntd3 paper +90\\.0, 80\\.0 +60\\.0, 50\\.0 +1\\.50x, 1\\.60x +1\\.55x +0\\.721 +61% +>= 1\\.5x, >= 75% ceiling +MISS\\n.*"),
                table);
        assertTrue(table.matches("(?s).*\\nsac paper +100, 100 +25\\.0, 25\\.0 +4\\.00x, 4\\.00x +4\\.00x +0\\.964 +96% +>= 1\\.5x, >= 75% ceiling +PASS\\n.*"),
                table);
        assertFalse(table.contains("stored"), table);
        String json = RlSideBySideReport.json(c, RlBench.Clock.CPU, MACHINE);
        assertTrue(json.contains("\"baseline\": {\"kind\": \"measured\", \"peer\": \"/peers/sb3-bench\"}"), json);
        assertTrue(json.contains("\"gemm_gflops\": {\"strat_djl\": 100, \"sb3_torch\": 83.3394"), json);
        assertTrue(json.contains("\"ratios\": [1.5, 1.6], \"median_ratio\": 1.55, \"flops_per_step\": 720989000, \"ceiling_percent\": 61.2841, "
                + "\"target\": {\"ratio\": 1.5, \"ceiling_percent\": 75}, \"pass\": false}"), json);
        String csv = RlSideBySideReport.csv(c, RlBench.Clock.CPU);
        assertEquals(5, csv.lines().count(), csv);
        assertTrue(csv.startsWith("algorithm,size,repeat,baseline,strat_wall_sps,strat_cpu_sps,sb3_wall_sps,sb3_cpu_sps,ratio_cpu,"), csv);
        assertTrue(csv.contains("\ntd3,paper,2,measured,71.4286,80,50,50,1.6,720989000,100\n"), csv);
    }

    @Test
    void targetsAreThreeTimesSmallAndOneAndAHalfWithTheCeilingAtPaperSize() {
        assertEquals(new RlSideBySideReport.Target(3, Double.NaN), RlSideBySideReport.target(TD3_SMALL));
        assertEquals(new RlSideBySideReport.Target(3, Double.NaN), RlSideBySideReport.target(DDPG_SMALL));
        assertEquals(new RlSideBySideReport.Target(1.5, 75), RlSideBySideReport.target(SAC_PAPER));
        assertNull(RlSideBySideReport.target(PPO_PAPER));
        assertEquals(">= 1.5x, >= 75% ceiling", RlSideBySideReport.target(TD3_PAPER).label());
    }

    @Test
    void childJvmsArePinnedToOneTorchThread() {
        List<String> cmd = RlBench.pinned(List.of("/usr/bin/java", "-Xmx1g", "-Dai.djl.pytorch.num_threads=4", "-cp", "a.jar"));
        assertEquals(List.of("/usr/bin/java", "-Xmx1g", "-Dai.djl.pytorch.num_threads=4", "-Dai.djl.pytorch.num_threads=1",
                "-Dai.djl.pytorch.num_interop_threads=1", "-cp", "a.jar"), cmd, "the last definition wins");
        assertEquals("1", RlBench.PINNED_ENV.get("OMP_NUM_THREADS"));
        assertEquals("1", RlBench.PINNED_ENV.get("STRAT_TORCH_THREADS"));
    }

    @Test
    void gemmLinesParseAndCombineByTime() {
        GemmProbe.Shape3 s = GemmProbe.parse("100 641 400 600000.0 512800.0");
        assertEquals(2.0 * 100 * 641 * 400, s.flops(), 0);
        GemmProbe.Result r = new GemmProbe.Result(List.of(s, GemmProbe.parse("100 400 300 300000.0 NaN")));
        // CPU time where there is one, wall time where not: 75.28 MFLOP in 812.8 us
        assertEquals((51.28e6 + 24e6) / (512_800 + 300_000), r.gflops(), 1e-9);
        assertThrows(IllegalStateException.class, () -> GemmProbe.parse("100 641"));
    }

    private static RlBench.Run run(long steps, double wallSeconds, double cpuSeconds) {
        return new RlBench.Run(steps, steps, Math.round(wallSeconds * 1e9), Math.round(cpuSeconds * 1e9));
    }

    private static Sb3Peer.Run peerRun(long steps, double seconds, double cpuSeconds) {
        return new Sb3Peer.Run("td3", "paper", steps, seconds, cpuSeconds, Map.of());
    }

    /** A GEMM result of {@code gflops} at both paper shapes. */
    private static GemmProbe.Result gemm(double gflops) {
        List<GemmProbe.Shape3> shapes = new ArrayList<>();
        for (int[] s : GemmProbe.PAPER_SHAPES) {
            double ns = 2.0 * s[0] * s[1] * s[2] / gflops;
            shapes.add(new GemmProbe.Shape3(s[0], s[1], s[2], ns * 2, ns));
        }
        return new GemmProbe.Result(shapes);
    }
}
