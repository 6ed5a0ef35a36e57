package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;

import java.util.Locale;

/** Element-wise non-linearities a network spec can name. */
public enum Activation {
    RELU, TANH, LEAKY_RELU, ELU, SIGMOID, IDENTITY;

    public NDArray apply(NDArray x) {
        return switch (this) {
            case RELU -> ai.djl.nn.Activation.relu(x);
            case TANH -> x.tanh();
            case LEAKY_RELU -> ai.djl.nn.Activation.leakyRelu(x, 0.01f);
            case ELU -> ai.djl.nn.Activation.elu(x, 1f);
            case SIGMOID -> ai.djl.nn.Activation.sigmoid(x);
            case IDENTITY -> x;
        };
    }

    /** The name the language uses: {@code relu}, {@code leaky_relu}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Activation of(String id) {
        for (Activation a : values()) if (a.id().equals(id)) return a;
        throw new IllegalArgumentException("unknown activation '" + id + "'");
    }
}
