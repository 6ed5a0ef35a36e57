package dev.strat.runtime.rl.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;

import java.util.Locale;

/**
 * Where networks live and compute: {@code cpu} (the default) or {@code gpu} (the first CUDA
 * device). Asking for a GPU where PyTorch sees none is a clear error, never a silent fallback.
 */
public record Compute(String name, Device device) {

    public static Compute cpu() {
        return new Compute("cpu", Device.cpu());
    }

    /** Parses {@code cpu} or {@code gpu}; {@code gpu} fails unless a CUDA device is visible. */
    public static Compute of(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "cpu" -> cpu();
            case "gpu", "cuda" -> {
                int gpus = engine().getGpuCount();
                if (gpus == 0) {
                    throw new IllegalArgumentException("device=gpu was asked for, but PyTorch sees no CUDA GPU here "
                            + "(on a machine with an NVIDIA GPU: build with -Pgpu for DJL's CUDA 12.4 natives, or point "
                            + "PYTORCH_LIBRARY_PATH at a CUDA PyTorch; see the README's GPU section)");
                }
                yield new Compute("gpu", Device.gpu());
            }
            default -> throw new IllegalArgumentException("unknown device '" + name + "': use cpu or gpu");
        };
    }

    /**
     * The PyTorch engine, initialised once per process. Intra-op threads default to one
     * ({@code STRAT_TORCH_THREADS} or {@code -Dai.djl.pytorch.num_threads} override it): RL
     * updates are small, and one thread per run lets seeds run in parallel without contention.
     */
    public static Engine engine() {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            String env = System.getenv("STRAT_TORCH_THREADS");
            System.setProperty("ai.djl.pytorch.num_threads", env == null || env.isBlank() ? "1" : env.trim());
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        return Engine.getEngine("PyTorch");
    }
}
