package dev.strat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Stable-Baselines3 peer of the RL benchmark ({@code shared/peers/sb3-bench}): SB3 2.4.1 on
 * the benchmark environment in Python, run through its {@code run.sh KIND CONFIG SEED}, which
 * pins one thread and prints one JSON line. Needs Debian's {@code /usr/bin/python3} with
 * PyTorch ({@code apt-get install -y python3-torch python3-pandas python3-matplotlib python3-cloudpickle}).
 *
 * @param dir the peer's folder (holding {@code run.sh})
 */
public record Sb3Peer(Path dir) {

    /** The interpreter {@code run.sh} runs. */
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    /** Where the peer lives relative to the data folder: {@code ../shared/peers} beside {@code ../shared/data}. */
    public static final String BESIDE_DATA = "../peers/sb3-bench";
    /** How to install what the peer needs. */
    public static final String INSTALL = "apt-get install -y python3-torch python3-pandas python3-matplotlib python3-cloudpickle";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The algorithms the peer has (no DDPG). */
    public static boolean has(RlCase.Algorithm algorithm) {
        return algorithm != RlCase.Algorithm.DDPG;
    }

    /**
     * The peer in {@code dir} when it can run here, else why not (a sentence for the terminal).
     *
     * @param python the interpreter to check for PyTorch ({@link #PYTHON})
     */
    public static Found locate(Path dir, Path python) {
        if (!Files.isRegularFile(dir.resolve("run.sh")) || !Files.isRegularFile(dir.resolve("bench_sb3.py"))) {
            return new Found(Optional.empty(), "no peer at " + dir + " (run.sh and bench_sb3.py)");
        }
        if (!Files.isExecutable(python)) return new Found(Optional.empty(), "no " + python + " (" + INSTALL + ")");
        try {
            Process p = new ProcessBuilder(python.toString(), "-c", "import torch, numpy, cloudpickle")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Found(Optional.empty(), python + " did not import torch within 2 minutes");
            }
            if (p.exitValue() != 0) return new Found(Optional.empty(), python + " has no torch (" + INSTALL + ")");
        } catch (IOException e) {
            return new Found(Optional.empty(), "cannot start " + python + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Found(Optional.empty(), "interrupted while checking " + python);
        }
        return new Found(Optional.of(new Sb3Peer(dir.toAbsolutePath().normalize())), "");
    }

    /**
     * What {@link #locate} found.
     *
     * @param peer   the peer, when it can run
     * @param reason why not, otherwise empty
     */
    public record Found(Optional<Sb3Peer> peer, String reason) {
    }

    /**
     * One timing by the peer: its parsed JSON line.
     *
     * @param kind       td3, sac, ppo, a2c or matmul
     * @param config     small or paper
     * @param steps      timed environment steps (0 for matmul)
     * @param seconds    their wall time
     * @param cpuSeconds the process's CPU time over them (one thread)
     * @param gflops     matmul only: GFLOP/s by product, e.g. {@code torch_100x641@641x400}
     */
    public record Run(String kind, String config, long steps, double seconds, double cpuSeconds, Map<String, Double> gflops) {
        public Run {
            gflops = Map.copyOf(gflops);
        }

        public double wallRate() {
            return steps / seconds;
        }

        /** Steps per CPU second, NaN when the peer gave no CPU time. */
        public double cpuRate() {
            return cpuSeconds > 0 ? steps / cpuSeconds : Double.NaN;
        }

        /** The rate by {@code clock} (wall where there is no CPU figure). */
        public double rate(RlBench.Clock clock) {
            double cpu = cpuRate();
            return clock == RlBench.Clock.CPU && !Double.isNaN(cpu) ? cpu : wallRate();
        }

        /**
         * {@code lib}'s rate at {@link GemmProbe#PAPER_SHAPES} combined as one forward pass does
         * them (total FLOPs over total time), NaN when a shape is missing.
         */
        public double paperGflops(String lib) {
            double flops = 0;
            double seconds = 0;
            for (int[] s : GemmProbe.PAPER_SHAPES) {
                Double g = gflops.get(lib + "_" + s[0] + "x" + s[1] + "@" + s[1] + "x" + s[2]);
                if (g == null || !(g > 0)) return Double.NaN;
                double f = 2.0 * s[0] * s[1] * s[2];
                flops += f;
                seconds += f / (g * 1e9);
            }
            return flops / seconds / 1e9;
        }
    }

    /** Parses the peer's JSON line. */
    static Run parse(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException("the SB3 peer printed a line that is not JSON: " + line);
        }
        if (n == null || !n.isObject() || !n.hasNonNull("kind")) throw new IllegalStateException("the SB3 peer printed no result: " + line);
        Map<String, Double> gflops = new LinkedHashMap<>();
        JsonNode mm = n.get("matmul");
        if (mm != null && mm.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = mm.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().hasNonNull("gflops")) gflops.put(e.getKey(), e.getValue().get("gflops").asDouble());
            }
        } else if (!n.hasNonNull("steps") || !n.hasNonNull("seconds")) {
            throw new IllegalStateException("the SB3 peer's line has no steps and seconds: " + line);
        }
        return new Run(n.get("kind").asText(), n.path("config").asText(""), n.path("steps").asLong(0), n.path("seconds").asDouble(Double.NaN),
                n.path("cpu_seconds").asDouble(Double.NaN), gflops);
    }

    /** The last line of {@code out} that starts with '{'. */
    static String jsonLine(List<String> out) {
        for (int k = out.size() - 1; k >= 0; k--) if (out.get(k).startsWith("{")) return out.get(k);
        throw new IllegalStateException("the SB3 peer printed no JSON line: " + String.join("\n", out).strip());
    }

    /**
     * Runs {@code run.sh kind config seed}; off-policy kinds time {@code offPolicySteps} steps
     * after learning starts (the design's 5,000 unless shortened).
     */
    public Run run(String kind, String config, long seed, int offPolicySteps) {
        List<String> cmd = List.of(dir.resolve("run.sh").toString(), kind, config, Long.toString(seed));
        try {
            ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
            builder.environment().put("BENCH_OFFPOLICY_STEPS", Integer.toString(offPolicySteps));
            Process p = builder.start();
            List<String> out = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) out.add(line);
            }
            int code = p.waitFor();
            if (code != 0) {
                List<String> tail = out.subList(Math.max(0, out.size() - 20), out.size());
                throw new IllegalStateException("the SB3 peer (" + String.join(" ", cmd) + ") exited with " + code + ":\n"
                        + String.join("\n", tail).strip());
            }
            return parse(jsonLine(out));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the SB3 peer " + cmd.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the SB3 peer ran " + kind + " " + config, e);
        }
    }
}
