package dev.strat.bench;

import dev.strat.runtime.rl.SyntheticPortfolioEnv;

import java.util.List;

/**
 * Floating-point operations of the matrix products one environment step of an {@link RlCase}
 * must do, counted from the network shapes, the batch and the number of gradient steps per
 * environment step: the arithmetic that bounds the paper size, set against the single-thread
 * GEMM rate ({@link GemmProbe}) to give the fraction of the machine's ceiling a run reaches.
 *
 * <p>For a multilayer perceptron with widths {@code d0 -> d1 -> ... -> dL}, per sample, in
 * multiply-adds:
 * <ul>
 *   <li>{@code F = sum_l d_l d_(l+1)}: the forward pass;</li>
 *   <li>{@code W = F}: the weight gradients of a backward pass;</li>
 *   <li>{@code G = F - d0 d1}: the gradients of the hidden activations (none for the input, which is data);</li>
 *   <li>{@code Ga = G + a d1}: as {@code G}, plus the gradient with respect to the {@code a} action
 *       columns of a critic's input (the actor's loss flows back through them).</li>
 * </ul>
 * One multiply-add is two FLOPs. Biases, activations, losses, the optimiser and Polyak averages
 * are not counted: they grow with the parameters, not with the batch times the parameters.
 *
 * <p>Per environment step, with actor {@code A}, each of {@code k} critics {@code Q}, batch
 * {@code B}, {@code g} gradient steps per environment step and policy delay {@code d}:
 * <ul>
 *   <li>TD3 ({@code k = 2, d = 2}) and DDPG ({@code k = 1, d = 1}):
 *       {@code 2 [A_F + g B (A_F + k Q_F + k (Q_F + Q_W + Q_G) + (A_F + Q_F + Q_Ga + A_W + A_G) / d)]}:
 *       acting (one row), the target actor and target critics on the next observations, the
 *       critics' forward and backward, and every {@code d}-th step the actor's pass through critic
 *       1 with the critic's weights frozen;</li>
 *   <li>SAC ({@code k = 2}, actor output {@code 2a}):
 *       {@code 2 [A_F + g B (A_F + k Q_F + k (Q_F + Q_W + Q_G) + A_F + k (Q_F + Q_Ga) + A_W + A_G)]}:
 *       as TD3, with the actor updated every step through both critics;</li>
 *   <li>PPO (critic {@code V}, {@code E} epochs):
 *       {@code 2 [A_F + V_F + E (A_F + V_F + A_W + A_G + V_W + V_G)]}: acting, then every sample once per epoch;</li>
 *   <li>A2C: {@code 2 [A_F + V_F + (A_F + V_F + A_W + A_G + V_W + V_G)]}.</li>
 * </ul>
 * This is the work any implementation must do. PyTorch's autograd as SB3 drives it does a little
 * more (the frozen critic's weight gradients in TD3's actor step, the full width of a critic's
 * input gradient): {@code shared/design/rl-benchmark.md}'s 0.78 GFLOP (TD3) and 1.22 (SAC) count
 * that; this count gives 0.72 and 0.96.
 */
public final class RlFlops {

    /** PPO's epochs over each rollout in the benchmark. */
    static final int PPO_EPOCHS = 10;
    /** Off-policy batch, and gradient steps per environment step, in the benchmark. */
    static final int BATCH = 100;
    static final int GRADIENT_STEPS = 1;

    private RlFlops() {
    }

    /** An MLP's widths, input first, output last. */
    record Mlp(int... widths) {
        Mlp {
            if (widths.length < 2) throw new IllegalArgumentException("an MLP needs an input and an output width");
            widths = widths.clone();
        }

        static Mlp of(int inputs, List<Integer> hidden, int outputs) {
            int[] w = new int[hidden.size() + 2];
            w[0] = inputs;
            for (int k = 0; k < hidden.size(); k++) w[k + 1] = hidden.get(k);
            w[w.length - 1] = outputs;
            return new Mlp(w);
        }

        /** Forward multiply-adds per sample. */
        double forward() {
            double f = 0;
            for (int l = 0; l + 1 < widths.length; l++) f += (double) widths[l] * widths[l + 1];
            return f;
        }

        /** Weight-gradient multiply-adds per sample. */
        double weightGradients() {
            return forward();
        }

        /** Hidden-activation gradient multiply-adds per sample (none for the input). */
        double hiddenGradients() {
            return forward() - (double) widths[0] * widths[1];
        }

        /** As {@link #hiddenGradients}, plus the gradient of {@code columns} of the input. */
        double inputGradients(int columns) {
            return hiddenGradients() + (double) columns * widths[1];
        }
    }

    /** FLOPs of one environment step of {@code c}, with the benchmark's settings. */
    public static double perStep(RlCase c) {
        SyntheticPortfolioEnv.Config env = c.size().env();
        int obs = env.assets() * env.window() + env.assets() + 1 + env.extra();
        int act = env.assets() + 1;
        List<Integer> hidden = c.size().hidden();
        return switch (c.algorithm()) {
            case TD3 -> deterministic(Mlp.of(obs, hidden, act), Mlp.of(obs + act, hidden, 1), act, 2, 2, BATCH, GRADIENT_STEPS);
            case DDPG -> deterministic(Mlp.of(obs, hidden, act), Mlp.of(obs + act, hidden, 1), act, 1, 1, BATCH, GRADIENT_STEPS);
            case SAC -> sac(Mlp.of(obs, hidden, 2 * act), Mlp.of(obs + act, hidden, 1), act, 2, BATCH, GRADIENT_STEPS);
            case PPO -> onPolicy(Mlp.of(obs, hidden, act), Mlp.of(obs, hidden, 1), PPO_EPOCHS);
            case A2C -> onPolicy(Mlp.of(obs, hidden, act), Mlp.of(obs, hidden, 1), 1);
        };
    }

    /** TD3 and DDPG: {@code critics} critics, actor every {@code delay}-th gradient step. */
    static double deterministic(Mlp actor, Mlp critic, int act, int critics, int delay, int batch, double gradientSteps) {
        double criticStep = actor.forward() + critics * critic.forward()
                + critics * (critic.forward() + critic.weightGradients() + critic.hiddenGradients());
        double actorStep = actor.forward() + critic.forward() + critic.inputGradients(act) + actor.weightGradients() + actor.hiddenGradients();
        return 2 * (actor.forward() + gradientSteps * batch * (criticStep + actorStep / delay));
    }

    /** SAC: the critic step, then the actor through every critic, each gradient step. */
    static double sac(Mlp actor, Mlp critic, int act, int critics, int batch, double gradientSteps) {
        double criticStep = actor.forward() + critics * critic.forward()
                + critics * (critic.forward() + critic.weightGradients() + critic.hiddenGradients());
        double actorStep = actor.forward() + critics * (critic.forward() + critic.inputGradients(act))
                + actor.weightGradients() + actor.hiddenGradients();
        return 2 * (actor.forward() + gradientSteps * batch * (criticStep + actorStep));
    }

    /** PPO and A2C: acting, then each sample forward and backward once per epoch. */
    static double onPolicy(Mlp actor, Mlp value, int epochs) {
        double pass = actor.forward() + value.forward() + actor.weightGradients() + actor.hiddenGradients()
                + value.weightGradients() + value.hiddenGradients();
        return 2 * (actor.forward() + value.forward() + epochs * pass);
    }
}
