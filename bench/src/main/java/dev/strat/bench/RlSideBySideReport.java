package dev.strat.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The side-by-side comparison ({@link RlSideBySide}) as a terminal table, JSON and CSV: per case
 * strat's and SB3's steps per second of each repeat, their ratio per repeat (each strat run over
 * the peer run just before it) and its median, the FLOPs per step ({@link RlFlops}) and, at the
 * paper size, the fraction of the session's GEMM ceiling strat reaches; then the target and its
 * verdict.
 */
public final class RlSideBySideReport {

    /** Small nets: strat at least this many times SB3, every algorithm. */
    public static final double SMALL_RATIO = 3;
    /** Paper-size TD3 and SAC: at least this many times SB3 ... */
    public static final double PAPER_RATIO = 1.5;
    /** ... and at least this percentage of the single-thread GEMM ceiling. */
    public static final double PAPER_CEILING_PERCENT = 75;

    private RlSideBySideReport() {
    }

    /**
     * A case's target: a minimum median ratio, and a minimum percentage of the GEMM ceiling (NaN
     * where none).
     */
    public record Target(double ratio, double ceilingPercent) {
        public String label() {
            return String.format(Locale.ROOT, ">= %sx", trim(ratio)) + (Double.isNaN(ceilingPercent) ? ""
                    : String.format(Locale.ROOT, ", >= %s%% ceiling", trim(ceilingPercent)));
        }
    }

    /** The target of {@code c}, or null where the design sets none (paper PPO, A2C and DDPG). */
    public static Target target(RlCase c) {
        if (c.size() == RlCase.Size.SMALL) return new Target(SMALL_RATIO, Double.NaN);
        return c.algorithm() == RlCase.Algorithm.TD3 || c.algorithm() == RlCase.Algorithm.SAC
                ? new Target(PAPER_RATIO, PAPER_CEILING_PERCENT) : null;
    }

    /**
     * One row of the table.
     *
     * @param rlCase         the case
     * @param strat          strat's steps per second by repeat
     * @param sb3            SB3's by repeat (measured), or the one stored figure, or none
     * @param ratios         strat over SB3 by repeat
     * @param medianRatio    their median, NaN without any
     * @param flopsPerStep   FLOPs of one environment step ({@link RlFlops})
     * @param ceilingPercent strat's median rate times the FLOPs per step over the GEMM ceiling, in percent (paper size only, else NaN)
     * @param target         the target, or null
     * @param verdict        PASS, MISS, or "-" where there is no target or no SB3 figure
     */
    public record Row(RlCase rlCase, double[] strat, double[] sb3, double[] ratios, double medianRatio, double flopsPerStep,
                      double ceilingPercent, Target target, String verdict) {
    }

    /** The rows of {@code c}, rates by {@code clock}. */
    public static List<Row> rows(RlSideBySide.Comparison c, RlBench.Clock clock) {
        List<Row> rows = new ArrayList<>();
        double ceiling = c.ceilingGflops();
        for (RlSideBySide.CaseRuns cr : c.cases()) {
            RlCase rc = cr.rlCase();
            double[] strat = cr.strat().stream().mapToDouble(r -> rate(r, clock)).toArray();
            double[] sb3;
            double[] ratios;
            if (c.baseline() instanceof RlSideBySide.Measured) {
                sb3 = cr.peer().stream().mapToDouble(r -> r.rate(clock)).toArray();
                ratios = new double[Math.min(strat.length, sb3.length)];
                for (int k = 0; k < ratios.length; k++) ratios[k] = strat[k] / sb3[k];
            } else {
                sb3 = Double.isNaN(rc.sb3()) ? new double[0] : new double[] {rc.sb3()};
                ratios = sb3.length == 0 ? new double[0] : Arrays.stream(strat).map(s -> s / rc.sb3()).toArray();
            }
            double median = ratios.length == 0 ? Double.NaN : RlBench.median(ratios);
            double flops = RlFlops.perStep(rc);
            double percent = rc.size() == RlCase.Size.PAPER && strat.length > 0
                    ? 100 * RlBench.median(strat) * flops / (ceiling * 1e9) : Double.NaN;
            Target target = target(rc);
            String verdict;
            if (target == null || Double.isNaN(median)) verdict = "-";
            else {
                boolean pass = median >= target.ratio() && (Double.isNaN(target.ceilingPercent()) || percent >= target.ceilingPercent());
                verdict = (pass ? "PASS" : "MISS") + (c.baseline() instanceof RlSideBySide.Stored ? " (stored)" : "");
            }
            rows.add(new Row(rc, strat, sb3, ratios, median, flops, percent, target, verdict));
        }
        return rows;
    }

    static double rate(RlBench.Run r, RlBench.Clock clock) {
        double cpu = r.cpuRate();
        return clock == RlBench.Clock.CPU && !Double.isNaN(cpu) ? cpu : r.wallRate();
    }

    /** The label of the SB3 figures: measured here, or stored on a day and not comparable. */
    static String baselineLabel(RlSideBySide.Baseline b) {
        return switch (b) {
            case RlSideBySide.Measured m -> "SB3 2.4.1 measured now, interleaved (peer " + m.peer().dir() + ")";
            case RlSideBySide.Stored s -> "SB3 figures stored, " + s.date() + ", not comparable (" + s.reason() + ")";
        };
    }

    /** The terminal table. */
    public static String table(RlSideBySide.Comparison c, RlBench.Clock clock, BenchReport.Machine machine) {
        StringBuilder out = new StringBuilder();
        boolean stored = c.baseline() instanceof RlSideBySide.Stored;
        out.append("RL training benchmark: synthetic portfolio environment (10 assets + cash), environment steps per second with updates,\n"
                + "one compute thread each, by the " + clockWords(clock) + "\n");
        out.append("baseline: ").append(baselineLabel(c.baseline())).append('\n');
        out.append(String.format(Locale.ROOT, "machine: %s, %d cores, load average %s%n", machine.jvm(), machine.processors(),
                machine.loadAverage() < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", machine.loadAverage())));
        out.append("strat's kernels: ").append(dev.strat.runtime.rl.nn.HostKernels.describe())
                .append(dev.strat.runtime.rl.nn.HostKernels.vectorKernels()
                        ? String.format(Locale.ROOT, "; small: every layer under %,d weights%n", dev.strat.runtime.rl.nn.HostKernels.SMALL_LAYER_LIMIT)
                        : "\n");
        out.append(String.format(Locale.ROOT, "single-thread float32 GEMM at the paper net's shapes (100x641@641x400, 100x400@400x300): strat (DJL) %.1f",
                c.stratGemm().gflops()));
        if (c.peerGemm() != null) {
            out.append(String.format(Locale.ROOT, ", SB3's torch %.1f, numpy %.1f", c.peerGemm().paperGflops("torch"), c.peerGemm().paperGflops("numpy")));
        }
        out.append(String.format(Locale.ROOT, " GFLOP/s; ceiling %.1f%n%n", c.ceilingGflops()));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"case", "strat/s by repeat", stored ? "SB3/s (stored, " + ((RlSideBySide.Stored) c.baseline()).date() + ")"
                : "SB3/s by repeat", "ratio by repeat", "median", "GFLOP/step", "% ceiling", "target", "verdict"});
        for (Row r : rows(c, clock)) {
            rows.add(new String[] {r.rlCase().label(), rates(r.strat()), r.sb3().length == 0 ? "-" : rates(r.sb3()),
                    r.ratios().length == 0 ? "-" : Arrays.stream(r.ratios()).mapToObj(RlSideBySideReport::ratio).collect(Collectors.joining(", ")),
                    Double.isNaN(r.medianRatio()) ? "-" : ratio(r.medianRatio()),
                    String.format(Locale.ROOT, r.flopsPerStep() < 1e8 ? "%.3g" : "%.3f", r.flopsPerStep() / 1e9),
                    Double.isNaN(r.ceilingPercent()) ? "-" : String.format(Locale.ROOT, "%.0f%%", r.ceilingPercent()),
                    r.target() == null ? "-" : r.target().label(), r.verdict()});
        }
        TextTable.append(out, rows, new boolean[] {false, true, true, true, true, true, true, false, false});
        out.append('\n');
        out.append(stored
                ? "The peer did not run here, so SB3's column is a figure stored from another day: machine speed moves by tens of percent\n"
                  + "between days, so the ratios and verdicts are not a comparison. Install the peer's Python (" + Sb3Peer.INSTALL + ")\n"
                  + "and keep ../shared/peers/sb3-bench beside the data folder (or pass --peer DIR) to run it side by side.\n"
                : "Each case ran peer, strat, peer, strat ... (one repeat each, seeds 1, 2, ...); a ratio divides a strat run by the peer run just\n"
                  + "before it. ");
        out.append("Off-policy agents take 1,000 random steps before learning starts and are timed for 5,000; PPO is timed for 3 rollouts\n"
                + "of 2,048 with updates (strat after one untimed rollout), A2C for 20,000 steps. % ceiling = strat's median steps/s x FLOPs\n"
                + "per step / the GEMM ceiling (FLOPs of the products a step must do; see RlFlops). Targets: small >= 3x SB3; paper TD3 and\n"
                + "SAC >= 1.5x SB3 and >= 75% of the ceiling.\n");
        if (c.scale() != 1) {
            out.append(String.format(Locale.ROOT, stored ? "Shortened (--steps-scale %s): strat's timed steps scaled.%n"
                    : "Shortened (--steps-scale %s): timed steps scaled on both sides where the peer allows (off-policy).%n", trim(c.scale())));
        }
        return out.toString();
    }

    /** The comparison as JSON: every run of both sides, the GEMM rates, the rows' figures and verdicts. */
    public static String json(RlSideBySide.Comparison c, RlBench.Clock clock, BenchReport.Machine machine) {
        StringBuilder j = new StringBuilder("{\n");
        j.append("  \"benchmark\": \"rl-side-by-side\",\n");
        j.append("  \"machine\": {\"jvm\": ").append(BenchReport.quote(machine.jvm())).append(", \"processors\": ").append(machine.processors())
                .append(", \"load_average\": ").append(BenchReport.number(machine.loadAverage())).append("},\n");
        j.append("  \"clock\": ").append(BenchReport.quote(clock.label())).append(",\n");
        switch (c.baseline()) {
            case RlSideBySide.Measured m -> j.append("  \"baseline\": {\"kind\": \"measured\", \"peer\": ").append(BenchReport.quote(m.peer().dir().toString())).append("},\n");
            case RlSideBySide.Stored s -> j.append("  \"baseline\": {\"kind\": \"stored\", \"date\": ").append(BenchReport.quote(s.date()))
                    .append(", \"comparable\": false, \"reason\": ").append(BenchReport.quote(s.reason())).append("},\n");
        }
        j.append("  \"scale\": ").append(BenchReport.number(c.scale())).append(", \"repeats\": ").append(c.repeats()).append(",\n");
        j.append("  \"gemm_gflops\": {\"strat_djl\": ").append(BenchReport.number(c.stratGemm().gflops()));
        if (c.peerGemm() != null) {
            j.append(", \"sb3_torch\": ").append(BenchReport.number(c.peerGemm().paperGflops("torch")))
                    .append(", \"sb3_numpy\": ").append(BenchReport.number(c.peerGemm().paperGflops("numpy")));
        }
        j.append(", \"ceiling\": ").append(BenchReport.number(c.ceilingGflops())).append("},\n  \"cases\": [");
        List<Row> rows = rows(c, clock);
        for (int k = 0; k < rows.size(); k++) {
            Row r = rows.get(k);
            RlSideBySide.CaseRuns cr = c.cases().get(k);
            j.append(k > 0 ? "," : "").append("\n    {\"algorithm\": ").append(BenchReport.quote(r.rlCase().algorithm().label()))
                    .append(", \"size\": ").append(BenchReport.quote(r.rlCase().size().label()))
                    .append(", \"strat\": [");
            for (int i = 0; i < cr.strat().size(); i++) {
                RlBench.Run run = cr.strat().get(i);
                j.append(i > 0 ? ", " : "").append("{\"steps\": ").append(run.steps()).append(", \"updates\": ").append(run.updates())
                        .append(", \"wall_sps\": ").append(BenchReport.number(run.wallRate())).append(", \"cpu_sps\": ").append(BenchReport.number(run.cpuRate()))
                        .append('}');
            }
            j.append("], \"sb3\": [");
            for (int i = 0; i < cr.peer().size(); i++) {
                Sb3Peer.Run run = cr.peer().get(i);
                j.append(i > 0 ? ", " : "").append("{\"steps\": ").append(run.steps()).append(", \"wall_sps\": ").append(BenchReport.number(run.wallRate()))
                        .append(", \"cpu_sps\": ").append(BenchReport.number(run.cpuRate())).append('}');
            }
            j.append("]");
            if (c.baseline() instanceof RlSideBySide.Stored) j.append(", \"sb3_stored\": ").append(BenchReport.number(r.rlCase().sb3()));
            j.append(", \"ratios\": [").append(Arrays.stream(r.ratios()).mapToObj(BenchReport::number).collect(Collectors.joining(", ")))
                    .append("], \"median_ratio\": ").append(BenchReport.number(r.medianRatio()))
                    .append(", \"flops_per_step\": ").append(BenchReport.number(r.flopsPerStep()))
                    .append(", \"ceiling_percent\": ").append(BenchReport.number(r.ceilingPercent()))
                    .append(", \"target\": ").append(r.target() == null ? "null" : "{\"ratio\": " + BenchReport.number(r.target().ratio())
                            + ", \"ceiling_percent\": " + BenchReport.number(r.target().ceilingPercent()) + "}")
                    .append(", \"pass\": ").append(r.verdict().startsWith("PASS") ? "true" : r.verdict().startsWith("MISS") ? "false" : "null")
                    .append('}');
        }
        return j.append("\n  ]\n}\n").toString();
    }

    /** One line per case and repeat, both clocks of both sides. */
    public static String csv(RlSideBySide.Comparison c, RlBench.Clock clock) {
        StringBuilder s = new StringBuilder("algorithm,size,repeat,baseline,strat_wall_sps,strat_cpu_sps,sb3_wall_sps,sb3_cpu_sps,ratio_"
                + clock.label() + ",flops_per_step,ceiling_gflops\n");
        String baseline = c.baseline() instanceof RlSideBySide.Stored st ? "stored " + st.date() : "measured";
        for (RlSideBySide.CaseRuns cr : c.cases()) {
            RlCase rc = cr.rlCase();
            for (int k = 0; k < cr.strat().size(); k++) {
                RlBench.Run st = cr.strat().get(k);
                double sb3Wall;
                double sb3Cpu;
                if (c.baseline() instanceof RlSideBySide.Measured) {
                    Sb3Peer.Run p = k < cr.peer().size() ? cr.peer().get(k) : null;
                    sb3Wall = p == null ? Double.NaN : p.wallRate();
                    sb3Cpu = p == null ? Double.NaN : p.cpuRate();
                } else {
                    sb3Wall = rc.sb3();
                    sb3Cpu = Double.NaN;
                }
                double sb3 = clock == RlBench.Clock.CPU && !Double.isNaN(sb3Cpu) ? sb3Cpu : sb3Wall;
                s.append(rc.algorithm().label()).append(',').append(rc.size().label()).append(',').append(k + 1).append(',').append(baseline)
                        .append(',').append(csvNumber(st.wallRate())).append(',').append(csvNumber(st.cpuRate()))
                        .append(',').append(csvNumber(sb3Wall)).append(',').append(csvNumber(sb3Cpu))
                        .append(',').append(csvNumber(rate(st, clock) / sb3)).append(',').append(csvNumber(RlFlops.perStep(rc)))
                        .append(',').append(csvNumber(c.ceilingGflops())).append('\n');
            }
        }
        return s.toString();
    }

    private static String clockWords(RlBench.Clock clock) {
        return clock == RlBench.Clock.CPU
                ? "CPU clock (strat's measuring thread, the peer's process: robust to other load on the machine)"
                : "wall clock";
    }

    private static String csvNumber(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : BenchReport.number(v);
    }

    private static String rates(double[] v) {
        return Arrays.stream(v).mapToObj(RlSideBySideReport::rate).collect(Collectors.joining(", "));
    }

    static String rate(double v) {
        if (Double.isNaN(v)) return "-";
        return String.format(Locale.ROOT, v < 100 ? "%,.1f" : "%,.0f", v);
    }

    private static String ratio(double v) {
        return String.format(Locale.ROOT, "%.2fx", v);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
