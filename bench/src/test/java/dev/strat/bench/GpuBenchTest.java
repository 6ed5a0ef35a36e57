package dev.strat.bench;

import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.NetSpec;
import dev.strat.runtime.rl.nn.Activation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GPU benchmark's machinery, run on the CPU: its environment, its cells and one short measurement each of the larger nets. */
class GpuBenchTest {

    @Test
    void theOhlcvEnvironmentHasAWindowTheStructuredNetsAccept() {
        OhlcvWindowEnv env = OhlcvWindowEnv.standard();
        var layout = env.spec().observation();
        assertEquals(32, layout.window());
        assertEquals(11, layout.columns());
        assertEquals(5, layout.channels());
        assertEquals(32 * 11 * 5 + 11, env.spec().observationSize());
        assertTrue(new NetSpec.Cnn(List.of(32, 32), 3, List.of(256, 256), Activation.RELU).incompatibility(layout).isEmpty());
        assertTrue(new NetSpec.GruAttention(64, 32).incompatibility(layout).isEmpty());
        float[] a = new float[env.spec().observationSize()];
        float[] b = new float[a.length];
        env.reset(3, a);
        OhlcvWindowEnv other = OhlcvWindowEnv.standard();
        other.reset(3, b);
        assertArrayEquals(a, b, "an episode is a function of its seed");
        assertEquals(0f, a[10 * 5], "the cash column of the first bar is zero");
        assertEquals(1f, a[a.length - 1], "the episode starts in cash");
        float[] action = new float[11];
        action[0] = 1;
        var step = env.step(action, a);
        assertTrue(Double.isFinite(step.reward()) && step.reward() != 0);
        assertTrue(a[a.length - 11] > 0.9, "after the step the weight sits on asset 0: " + a[a.length - 11]);
    }

    @Test
    void engineInfoSaysWhichPyTorchIsLoaded() {
        String info = GpuBench.engineInfo();
        assertTrue(info.startsWith("{\"engine\":\"PyTorch\",\"version\":\"2."), info);
        assertTrue(info.contains("\"libtorch\":\"/") && info.contains("\"gpus\":"), info);
    }

    @Test
    void cellsParseTheirLabels() {
        for (GpuBench.Cell c : GpuBench.ALL) assertEquals(c, GpuBench.Cell.parse(c.label()));
        assertThrows(IllegalArgumentException.class, () -> GpuBench.Cell.parse("td3/mlp/b7"));
    }

    @Test
    void theLargerNetsTrainAndAreTimedOnTheCpu() {
        for (String label : List.of("td3/cnn/b256", "td3/gru-attention/b256")) {
            GpuBench.Measurement m = GpuBench.measure(GpuBench.Cell.parse(label), Compute.cpu(), 0.05, 1);
            assertTrue(m.steps() >= 3 && m.steps() % 3 == 0, m.json());
            assertEquals(m.steps(), m.updates(), "TD3 makes one update a step: " + m.json());
            assertTrue(m.stepsPerSecond() > 0 && m.json().contains("\"device\":\"cpu\""), m.json());
        }
    }
}
