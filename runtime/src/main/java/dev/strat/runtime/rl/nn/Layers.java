package dev.strat.runtime.rl.nn;

import dev.strat.runtime.rl.ObservationLayout;

/** Builders for the structured modules; kept apart from the specs so each stays small. */
final class Layers {

    private Layers() {
    }

    static Module regularisedMlp(NetSpec.Mlp spec, NetContext context, String name, int inputs, int outputs, Activation outputActivation) {
        throw new UnsupportedOperationException("batch norm and dropout MLPs are not built yet");
    }

    static Module cnn(NetSpec.Cnn spec, NetContext context, String name, ObservationLayout input, int outputs, Activation outputActivation) {
        throw new UnsupportedOperationException("cnn is not built yet");
    }

    static Module gruAttention(NetSpec.GruAttention spec, NetContext context, String name, ObservationLayout input, int outputs,
                               Activation outputActivation) {
        throw new UnsupportedOperationException("gru_attention is not built yet");
    }

    static Module towers(NetSpec.Towers spec, NetContext context, String name, ObservationLayout input, int outputs,
                         Activation outputActivation) {
        throw new UnsupportedOperationException("towers are not built yet");
    }
}
