package dev.strat.runtime.rl.algo;

import ai.djl.Device;
import dev.strat.runtime.rl.SyntheticPortfolioEnv;
import dev.strat.runtime.rl.nn.Compute;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GPU checks of issue 13, run only where PyTorch sees a CUDA device (skipped elsewhere, so
 * the normal suite stays CPU-only): one TD3, SAC and PPO update on the CPU and on the GPU from the
 * same weights and batch agree within float tolerance; every tensor of an agent built for the GPU
 * lives there (parameters, optimiser moments, constants); a short seeded GPU training run repeats
 * bit for bit. {@code dev/gpu-check} runs these on a lent machine; with
 * {@code -Dstrat.gpu.report=FILE} each test appends its numbers to FILE as one JSON line.
 *
 * <p>Tolerances: the forward passes and the reported losses differ only by rounding (relative
 * 1e-4 allowed). Adam's first steps move a weight by about {@code lr * sign(gradient)}, so a
 * weight whose gradient is near zero may step the other way on the other device: a difference
 * up to {@code 2 lr} is allowed for at most 0.1% of the values.
 *
 * <p>Determinism: strat draws all randomness in Java, so a run's inputs are identical; the MLP
 * kernels used here (cuBLAS matrix products, element-wise and reduction kernels) are
 * deterministic on one GPU when {@code CUBLAS_WORKSPACE_CONFIG=:4096:8} is set, which
 * {@code gpu/check.sh} does.
 */
@Tag("gpu")
@EnabledIf("cuda")
class GpuDeviceTest {

    static boolean cuda() {
        try {
            return Compute.engine().getGpuCount() > 0;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Compute gpu() {
        Compute c = Compute.of("gpu");
        assertTrue(c.device().isGpu(), "device=gpu resolves to a CUDA device, got " + c.device());
        return c;
    }

    @Test
    void td3UpdateAgreesOnCpuAndGpu() {
        parity(DeviceParity.td3(Compute.cpu(), gpu()), 1e-3);
    }

    @Test
    void sacUpdateAgreesOnCpuAndGpu() {
        parity(DeviceParity.sac(Compute.cpu(), gpu()), 3e-4);
    }

    @Test
    void ppoUpdateAgreesOnCpuAndGpu() {
        parity(DeviceParity.ppo(Compute.cpu(), gpu()), 3e-4);
    }

    private static void parity(DeviceParity.Result r, double lr) {
        report("parity", r.json());
        assertTrue(r.startEqual(), r.algorithm() + ": the GPU agent starts from the CPU agent's weights, bit for bit");
        assertTrue(r.moved() > 1e-5, r.json());
        assertTrue(r.lossMaxRel() <= 1e-4, r.json());
        assertTrue(r.maxAbs() <= 2.05 * lr, r.json());
        assertTrue(r.fractionOver() <= 1e-3, r.json());
    }

    @Test
    void everyTensorOfAGpuAgentIsOnTheGpu() {
        Compute gpu = gpu();
        for (String name : List.of("td3", "sac", "ppo")) {
            try (Agent agent = switch (name) {
                case "td3" -> DeviceParity.td3(gpu);
                case "sac" -> DeviceParity.sac(gpu);
                default -> DeviceParity.ppo(gpu);
            }) {
                if (agent instanceof OffPolicyAgent off) {
                    DeviceParity.update(off, 1);
                    DeviceParity.update(off, 2);
                }
                TensorCensus census = TensorCensus.of(agent);
                List<String> elsewhere = census.elsewhere(gpu.device());
                report("devices", String.format(Locale.ROOT, "{\"algorithm\":\"%s\",\"tensors\":%d,\"parameters\":%d,\"offGpu\":%d}",
                        name, census.tensors().size(), census.params().size(), elsewhere.size()));
                assertEquals(List.of(), elsewhere, name + ": tensors off the GPU");
                // Optimiser moments are tensors too on the GPU (two per trained parameter): the census must have seen them.
                assertTrue(census.tensors().size() >= census.params().size() + 4, name + ": optimiser state found");
            }
        }
    }

    @Test
    void aSeededGpuTrainingRunRepeats() {
        Compute gpu = gpu();
        repeat("td3", seed -> new Td3(env().spec(), Td3.Config.defaults().withNets(DeviceParity.NET, DeviceParity.NET).withBatch(64)
                .withBuffer(10_000).withLearningStarts(100), seed, gpu));
        repeat("sac", seed -> new Sac(env().spec(), Sac.Config.defaults().withNets(DeviceParity.NET, DeviceParity.NET).withBatch(64)
                .withBuffer(10_000).withLearningStarts(100), seed, gpu));
        repeat("ppo", seed -> new Ppo(env().spec(), Ppo.Config.defaults().withNet(DeviceParity.NET).withNSteps(128).withBatchSize(32)
                .withEpochs(2), seed, gpu));
    }

    private static SyntheticPortfolioEnv env() {
        return new SyntheticPortfolioEnv(new SyntheticPortfolioEnv.Config(6, 200, 5, 10, null, 0.02, 5, 0.001));
    }

    private static void repeat(String name, Function<Long, Agent> agents) {
        OffPolicyTesting.Trace[] traces = new OffPolicyTesting.Trace[2];
        @SuppressWarnings("unchecked")
        Map<String, float[]>[] weights = new Map[2];
        for (int run = 0; run < 2; run++) {
            try (Agent agent = agents.apply(3L)) {
                traces[run] = OffPolicyTesting.train(agent, env(), 400, 1);
                weights[run] = TensorCensus.of(agent).values();
            }
        }
        int firstDifferentStep = -1;
        for (int t = 0; t < 400 && firstDifferentStep < 0; t++) {
            if (!Arrays.equals(traces[0].actions().get(t), traces[1].actions().get(t))) firstDifferentStep = t;
        }
        long differentWeights = weights[0].keySet().stream().filter(k -> !Arrays.equals(weights[0].get(k), weights[1].get(k))).count();
        report("repeat", String.format(Locale.ROOT, "{\"algorithm\":\"%s\",\"steps\":400,\"firstDifferentStep\":%d,\"differentTensors\":%d}",
                name, firstDifferentStep, differentWeights));
        assertEquals(-1, firstDifferentStep, name + ": the same seed acts identically on the GPU, first difference at this step");
        assertEquals(0, differentWeights, name + ": the same seed ends with identical weights");
    }

    /** Appends {@code {"check": ..., "result": json}} to the report file, if one was named. */
    static void report(String check, String json) {
        String file = System.getProperty("strat.gpu.report");
        if (file == null || file.isBlank()) return;
        try {
            Files.writeString(Path.of(file), "{\"check\":\"" + check + "\",\"result\":" + json + "}\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
