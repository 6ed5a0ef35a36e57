package dev.strat.runtime.rl.algo;

import ai.djl.Device;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.HostKernels;

/**
 * When an off-policy agent trains on Java kernels ({@link HostMlp}) instead of PyTorch: on the
 * CPU, with the Vector API present ({@link HostKernels#vectorKernels}), for plain MLPs whose every
 * layer is small. Small networks are bound by the cost of PyTorch's native calls (a hundred per
 * update at the RL benchmark's small size); large ones by arithmetic, where MKL's cache-blocked
 * kernels win.
 */
final class HostTraining {

    /**
     * Layers ({@code in * out}) from this size on train on PyTorch. Measured (SAC, batch 256, one
     * thread, time per update, Java against PyTorch): 61-64-64 1.4 against 2.6 ms, 641-64-64 5.0
     * against 7.1, 61-128-128 3.6 against 6.0; at parity 61-256-256 (11.8 ms each) and 641-128-128
     * (10.9 against 10.5); 641-256-256 27 against 22. Beyond it, copying and transposing the
     * weights each update, and products whose operands outgrow the caches, cost what PyTorch's
     * call overhead does not.
     */
    static final long LAYER_LIMIT = 1 << 16;

    private HostTraining() {
    }

    /** Whether networks {@code nets} of an agent on {@code compute} train on Java kernels. */
    static boolean applies(Compute compute, Net... nets) {
        if (!Device.cpu().equals(compute.device())) return false;
        for (Net n : nets) {
            if (!(n instanceof StackedMlp mlp) || !small(mlp)) return false;
        }
        return HostKernels.vectorKernels();
    }

    private static boolean small(StackedMlp mlp) {
        int[] w = mlp.widths();
        for (int l = 0; l + 1 < w.length; l++) if ((long) w[l] * w[l + 1] >= LAYER_LIMIT) return false;
        return true;
    }
}
