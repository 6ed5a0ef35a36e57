package dev.strat.runtime.rl.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.strat.runtime.rl.ObservationLayout;
import dev.strat.runtime.rl.nn.Activation;
import dev.strat.runtime.rl.nn.Init;
import dev.strat.runtime.rl.nn.Mode;
import dev.strat.runtime.rl.nn.Module;
import dev.strat.runtime.rl.nn.NetContext;
import dev.strat.runtime.rl.nn.NetSpec;
import dev.strat.runtime.rl.nn.Param;
import dev.strat.runtime.rl.nn.Params;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A network as the off-policy agents use it: a forward pass, its parameters, and the copies a
 * target network needs. Plain MLPs are built as {@link StackedMlp} (flat storage: a Polyak
 * update is three native calls); every other spec goes through its {@link Module}.
 */
sealed interface Net permits StackedMlp, Net.OfModule {

    /** The training forward pass (dropout and batch norm in training mode, where present). */
    NDArray forward(NDArray x);

    /** The inference forward pass, for acting. */
    default NDArray infer(NDArray x) {
        return forward(x);
    }

    /** The named weights, for checkpoints and tests. */
    List<Param> parameters();

    /** The tensors the optimiser steps (one flat tensor for a {@link StackedMlp}). */
    default List<Param> trainable() {
        return parameters();
    }

    /** {@code this <- (1 - tau) this + tau source}, in place. */
    void softUpdateFrom(Net source, float tau);

    /** {@code this <- source}. */
    void copyFrom(Net source);

    /** Writes the parameters (names and values). */
    void save(DataOutputStream out) throws IOException;

    /** Reads what {@link #save} wrote into this network's parameters, in place. */
    void load(DataInputStream in) throws IOException;

    /** Builds {@code spec} as one network; the same spec and stream give the same weights. */
    static Net build(NetSpec spec, NDManager manager, String name, ObservationLayout input, int outputs, Activation outputActivation,
                     SplittableRandom random) {
        if (spec instanceof NetSpec.Mlp mlp && !mlp.batchNorm() && mlp.dropout() == 0) {
            return new StackedMlp(manager, name, 1, input.size(), mlp.hidden(), outputs, mlp.activation(), outputActivation,
                    Init.torchDefault(), random);
        }
        Module module = spec.build(NetContext.torchDefault(manager, random), name, input, outputs, outputActivation);
        return new OfModule(module, Mode.train(random.split()));
    }

    /** Twin (or more) critics over (observation, action); plain MLPs only, batched as one. */
    static StackedMlp critics(NetSpec spec, NDManager manager, String name, int members, int inputs, SplittableRandom random) {
        if (!(spec instanceof NetSpec.Mlp mlp) || mlp.batchNorm() || mlp.dropout() > 0) {
            throw new IllegalArgumentException("off-policy critics must be plain MLPs (no batch norm or dropout), got " + spec.describe());
        }
        return new StackedMlp(manager, name, members, inputs, mlp.hidden(), 1, mlp.activation(), Activation.IDENTITY,
                Init.torchDefault(), random);
    }

    /** Any other spec, through its module; Polyak updates go parameter by parameter. */
    record OfModule(Module module, Mode training) implements Net {
        @Override
        public NDArray forward(NDArray x) {
            return module.forward(x, training);
        }

        @Override
        public NDArray infer(NDArray x) {
            return module.forward(x, Mode.EVAL);
        }

        @Override
        public List<Param> parameters() {
            return module.parameters();
        }

        @Override
        public void softUpdateFrom(Net source, float tau) {
            Params.softUpdate(source.parameters(), parameters(), tau);
        }

        @Override
        public void copyFrom(Net source) {
            Params.copy(source.parameters(), parameters());
        }

        @Override
        public void save(DataOutputStream out) throws IOException {
            Params.save(out, module.parameters());
            Params.save(out, module.states());
        }

        @Override
        public void load(DataInputStream in) throws IOException {
            Params.load(in, module.parameters());
            Params.load(in, module.states());
        }
    }
}
