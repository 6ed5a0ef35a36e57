package dev.strat.bench;

import dev.strat.runtime.rl.Env;
import dev.strat.runtime.rl.SyntheticPortfolioEnv;
import dev.strat.runtime.rl.algo.Agent;
import dev.strat.runtime.rl.algo.Td3;
import dev.strat.runtime.rl.nn.Activation;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.NetSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Training steps per second on the CPU against the GPU, so a user can tell when the GPU pays:
 * the benchmark's paper-size cases ({@link RlCase}: TD3, SAC and PPO at 641 observations with
 * MLP 400-300) and larger networks at larger batches, TD3 with a structured actor (a CNN over
 * OHLCV windows, the GRU-attention scorer) on {@link OhlcvWindowEnv}, batch 256 and 1024.
 *
 * <p>A step is one environment step with its share of the updates (one gradient step per step
 * for TD3 and SAC; PPO's 10 epochs over each 2,048-step rollout), timed by the wall clock: on the
 * GPU every step reads its action back, so the clock waits for the device. Each cell runs for
 * about a fixed time after a warm-up, so the whole table fits the one device call that
 * {@code gpu/check.sh} makes. Run one JVM per device and thread count:
 * {@code GpuBench DEVICE SECONDS [CELL...]}, which prints one {@code GPUBENCH {json}} line a cell.
 */
public final class GpuBench {

    private static final String PREFIX = "GPUBENCH ";

    private GpuBench() {
    }

    /** The networks of the table. */
    public enum Net {
        /** RlCase's paper size: MLP 400-300 on 641 observations. */
        MLP_PAPER,
        /** Actor: two 1-D convolutions (32, 32 filters, kernel 3) over 32 bars of 11 columns x 5 channels, head 256-256. */
        CNN,
        /** Actor: GRU 64 over each column's 32 bars, temporal and cross-column attention (d 32), a score per column. */
        GRU_ATTENTION;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One cell of the table.
     *
     * @param algorithm td3, sac or ppo
     * @param net       the network
     * @param batch     minibatch size
     */
    public record Cell(String algorithm, Net net, int batch) {
        public String label() {
            return algorithm + "/" + net.label() + "/b" + batch;
        }

        /** Parses a {@link #label()}. */
        public static Cell parse(String label) {
            for (Cell c : ALL) if (c.label().equals(label)) return c;
            throw new IllegalArgumentException("unknown cell '" + label + "'; the cells are " + ALL.stream().map(Cell::label).toList());
        }

        Env env() {
            return net == Net.MLP_PAPER ? new SyntheticPortfolioEnv(SyntheticPortfolioEnv.Config.paper()) : OhlcvWindowEnv.standard();
        }

        /** Off-policy agents learn from this many random steps first (untimed); at least one batch. */
        int learningStarts() {
            return Math.max(1_000, batch);
        }

        Agent agent(Env env, long seed, Compute compute) {
            if (net == Net.MLP_PAPER && (batch == 100 || algorithm.equals("ppo"))) {
                // The RL benchmark's own paper-size agents, settings and all.
                RlCase.Algorithm a = RlCase.Algorithm.parse(algorithm);
                return new RlCase(a, RlCase.Size.PAPER).agent((SyntheticPortfolioEnv) env, seed, compute, BUFFER);
            }
            NetSpec critic = NetSpec.Mlp.of(400, 300);
            NetSpec actor = switch (net) {
                case MLP_PAPER -> critic;
                case CNN -> new NetSpec.Cnn(List.of(32, 32), 3, List.of(256, 256), Activation.RELU);
                case GRU_ATTENTION -> new NetSpec.GruAttention(64, 32);
            };
            return new Td3(env.spec(), Td3.Config.defaults().withNets(actor, critic).withBatch(batch).withBuffer(BUFFER)
                    .withLearningStarts(learningStarts()).withTraining(1, 1), seed, compute);
        }

        /** Untimed steps before the clock starts: the random phase and then some updates (a whole PPO rollout). */
        int warmupSteps() {
            return algorithm.equals("ppo") ? RlCase.Algorithm.PPO_ROLLOUT : learningStarts() + 3;
        }

        /** Steps timed at a time: PPO in whole rollouts, so every timed step's update is timed too. */
        int chunk() {
            return algorithm.equals("ppo") ? RlCase.Algorithm.PPO_ROLLOUT : 3;
        }
    }

    /** Replay capacity: every cell stays well inside it. */
    static final int BUFFER = 20_000;

    /** The table, in order. */
    public static final List<Cell> ALL = List.of(
            new Cell("td3", Net.MLP_PAPER, 100),
            new Cell("sac", Net.MLP_PAPER, 100),
            new Cell("ppo", Net.MLP_PAPER, 64),
            new Cell("td3", Net.MLP_PAPER, 256),
            new Cell("td3", Net.MLP_PAPER, 1024),
            new Cell("td3", Net.CNN, 256),
            new Cell("td3", Net.CNN, 1024),
            new Cell("td3", Net.GRU_ATTENTION, 256),
            new Cell("td3", Net.GRU_ATTENTION, 1024));

    /**
     * One cell's timing.
     *
     * @param cell    what ran
     * @param device  {@code cpu} or {@code gpu}
     * @param threads PyTorch intra-op threads
     * @param steps   timed environment steps
     * @param updates gradient updates among them
     * @param seconds wall-clock time of the timed steps
     */
    public record Measurement(Cell cell, String device, int threads, long steps, long updates, double seconds) {
        public double stepsPerSecond() {
            return steps / seconds;
        }

        public String json() {
            return String.format(Locale.ROOT, "{\"cell\":\"%s\",\"algorithm\":\"%s\",\"net\":\"%s\",\"batch\":%d,\"device\":\"%s\","
                            + "\"threads\":%d,\"steps\":%d,\"updates\":%d,\"seconds\":%.3f,\"stepsPerSecond\":%.1f}",
                    cell.label(), cell.algorithm(), cell.net().label(), cell.batch(), device, threads, steps, updates, seconds, stepsPerSecond());
        }
    }

    /** Runs {@code cell} on {@code compute} for about {@code seconds} after its warm-up (at least one chunk). */
    public static Measurement measure(Cell cell, Compute compute, double seconds, long seed) {
        Env env = cell.env();
        try (Agent agent = cell.agent(env, seed, compute)) {
            RlBench.Driver driver = new RlBench.Driver(env, agent, seed);
            driver.steps(cell.warmupSteps());
            long updates0 = agent.updates();
            long steps = 0;
            long start = System.nanoTime();
            long budget = (long) (seconds * 1e9);
            do {
                driver.steps(cell.chunk());
                steps += cell.chunk();
            } while (System.nanoTime() - start < budget);
            double elapsed = (System.nanoTime() - start) * 1e-9;
            return new Measurement(cell, compute.name(), threads(), steps, agent.updates() - updates0, elapsed);
        }
    }

    /**
     * What DJL loaded, as JSON: PyTorch's version, the libtorch folder, the features the JNI
     * library reports (CUDA, CUDNN, ...) and the GPUs DJL counts. {@code GpuBench info} prints it.
     */
    public static String engineInfo() {
        var engine = Compute.engine();
        String features = ai.djl.pytorch.jni.JniUtils.getFeatures().stream().sorted().map(f -> "\"" + f + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        return String.format(Locale.ROOT, "{\"engine\":\"%s\",\"version\":\"%s\",\"libtorch\":\"%s\",\"features\":[%s],\"gpus\":%d}",
                engine.getEngineName(), engine.getVersion(), ai.djl.pytorch.jni.LibUtils.getLibtorchPath().replace("\"", "'"),
                features, engine.getGpuCount());
    }

    private static int threads() {
        return Integer.parseInt(System.getProperty("ai.djl.pytorch.num_threads", "1"));
    }

    /**
     * {@code GpuBench DEVICE SECONDS [--out FILE] [CELL...]}: measures the cells (all by default)
     * on {@code cpu} or {@code gpu}, printing one line per cell and appending it to FILE.
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("info")) {
            System.out.println(PREFIX + engineInfo());
            return;
        }
        if (args.length < 2) {
            System.err.println("usage: GpuBench cpu|gpu SECONDS [--out FILE] [CELL...]; cells: " + ALL.stream().map(Cell::label).toList());
            System.exit(2);
        }
        Compute.engine();
        Compute compute = Compute.of(args[0]);
        double seconds = Double.parseDouble(args[1]);
        Path out = null;
        List<Cell> cells = new ArrayList<>();
        List<String> rest = Arrays.asList(args).subList(2, args.length);
        for (int i = 0; i < rest.size(); i++) {
            if (rest.get(i).equals("--out")) out = Path.of(rest.get(++i));
            else cells.add(Cell.parse(rest.get(i)));
        }
        if (cells.isEmpty()) cells = ALL;
        for (Cell cell : cells) {
            String line;
            try {
                line = measure(cell, compute, seconds, 1).json();
            } catch (RuntimeException e) {
                // One failing cell (say, out of memory) must not cost the rest of the table.
                line = String.format(Locale.ROOT, "{\"cell\":\"%s\",\"device\":\"%s\",\"error\":\"%s\"}", cell.label(), compute.name(),
                        String.valueOf(e).replace('"', '\'').replace('\n', ' '));
            }
            System.out.println(PREFIX + line);
            System.out.flush();
            if (out != null) {
                Files.writeString(out, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
    }
}
