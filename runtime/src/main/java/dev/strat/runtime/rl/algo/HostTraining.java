package dev.strat.runtime.rl.algo;

import ai.djl.Device;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.HostKernels;

/**
 * When an agent trains and acts on Java kernels ({@link HostMlp}) instead of PyTorch: on the
 * CPU, with the Vector API present ({@link HostKernels#vectorKernels}), for plain MLPs whose
 * every layer is under {@link HostKernels#SMALL_LAYER_LIMIT} weights. Small networks are bound
 * by the cost of PyTorch's native calls (a hundred per update at the RL benchmark's small size);
 * large ones by arithmetic, where MKL's cache-blocked kernels win.
 */
final class HostTraining {

    private HostTraining() {
    }

    /** Whether networks {@code nets} of an agent on {@code compute} train on Java kernels. */
    static boolean applies(Compute compute, Net... nets) {
        for (Net n : nets) {
            if (!(n instanceof StackedMlp mlp) || !small(mlp.widths())) return false;
        }
        return available(compute.device());
    }

    /** Whether Java kernels serve networks on {@code device}: the CPU, with the Vector API present. */
    static boolean available(Device device) {
        return Device.cpu().equals(device) && HostKernels.vectorKernels();
    }

    /** Whether every layer of an MLP of {@code widths} is under {@link HostKernels#SMALL_LAYER_LIMIT}. */
    static boolean small(int[] widths) {
        for (int l = 0; l + 1 < widths.length; l++) if ((long) widths[l] * widths[l + 1] >= HostKernels.SMALL_LAYER_LIMIT) return false;
        return true;
    }
}
