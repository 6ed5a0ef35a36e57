package dev.strat.runtime.rl.algo;

import dev.strat.runtime.rl.Env;
import dev.strat.runtime.rl.SyntheticPortfolioEnv;
import dev.strat.runtime.rl.nn.Activation;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.NetSpec;

import java.util.List;

/**
 * Throughput of PPO and A2C on the rl-benchmark environment (not a test: run by hand).
 * Arguments: {@code ppo|a2c small|paper [steps]}. PPO measures 3 rollouts of 2048 with their
 * updates, A2C 20,000 steps, as {@code shared/design/rl-benchmark.md} prescribes.
 */
public final class OnPolicyBench {

    public static void main(String[] args) {
        String algo = args.length > 0 ? args[0] : "ppo";
        boolean paper = args.length > 1 && args[1].equals("paper");
        SyntheticPortfolioEnv env = new SyntheticPortfolioEnv(paper ? SyntheticPortfolioEnv.Config.paper() : SyntheticPortfolioEnv.Config.small());
        NetSpec net = new NetSpec.Mlp(paper ? List.of(400, 300) : List.of(64, 64), Activation.TANH, false, 0);
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : algo.equals("ppo") ? 3 * 2048 : 20_000;
        try (OnPolicyAgent agent = algo.equals("ppo")
                ? new Ppo(env.spec(), Ppo.Config.defaults().withNet(net), 1, Compute.cpu())
                : new A2c(env.spec(), A2c.Config.defaults().withNet(net), 1, Compute.cpu())) {
            run(env, agent, algo.equals("ppo") ? 2048 : 2000); // warm-up: one update cycle, so the JIT has seen the training path
            long rss0 = residentKb();
            long t0 = System.nanoTime();
            long u0 = agent.updates();
            run(env, agent, steps);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s %s: %d steps in %.2f s = %.0f steps/s (%d updates); resident memory %d -> %d MiB%n", algo,
                    paper ? "paper" : "small", steps, s, steps / s, agent.updates() - u0, rss0 / 1024, residentKb() / 1024);
        }
    }

    /** The process's resident set size in KiB (Linux), or -1. */
    static long residentKb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static void run(Env env, Agent agent, int steps) {
        float[] obs = new float[env.spec().observationSize()];
        float[] next = new float[obs.length];
        float[] action = new float[env.spec().action().width()];
        env.reset(7, obs);
        long episode = 7;
        for (int i = 0; i < steps; i++) {
            agent.act(obs, true, action);
            Env.Step s = env.step(action, next);
            agent.observe(obs, action, s.reward(), next, s.terminal(), s.truncated());
            if (s.done()) env.reset(++episode, obs);
            else System.arraycopy(next, 0, obs, 0, obs.length);
        }
    }
}
