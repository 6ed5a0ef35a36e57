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
     * Largest layer ({@code in * out}) trained on Java kernels: beyond it a weight outgrows what
     * the unblocked kernel keeps in cache.
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
        for (int l = 0; l + 1 < w.length; l++) if ((long) w[l] * w[l + 1] > LAYER_LIMIT) return false;
        return true;
    }
}
