package dev.strat.runtime.rl.algo;

import dev.strat.runtime.rl.Env;
import dev.strat.runtime.rl.SyntheticPortfolioEnv;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.NetSpec;

/**
 * Throughput of the off-policy agents on the rl-benchmark environment (not a test): 
 * {@code java ... OffPolicyBench td3|sac|ddpg small|paper [measuredSteps] [learningStarts]}.
 * Prints environment steps per second after learning starts, updates included.
 */
public final class OffPolicyBench {

    public static void main(String[] args) {
        String algo = args.length > 0 ? args[0] : "td3";
        boolean paper = args.length > 1 && args[1].equals("paper");
        int measured = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int starts = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        SyntheticPortfolioEnv env = new SyntheticPortfolioEnv(paper ? SyntheticPortfolioEnv.Config.paper() : SyntheticPortfolioEnv.Config.small());
        NetSpec net = paper ? NetSpec.Mlp.of(400, 300) : NetSpec.Mlp.of(64, 64);
        try (Agent agent = switch (algo) {
            case "td3" -> new Td3(env.spec(), Td3.Config.defaults().withNets(net, net).withLearningStarts(starts), 1, Compute.cpu());
            case "sac" -> new Sac(env.spec(), Sac.Config.defaults().withNets(net, net).withBatch(100).withLearningStarts(starts), 1, Compute.cpu());
            case "ddpg" -> new Ddpg(env.spec(), Ddpg.Config.defaults().withNets(net, net).withLearningStarts(starts), 1, Compute.cpu());

            default -> throw new IllegalArgumentException(algo);
        }) {
            int obsDim = env.spec().observationSize();
            float[] obs = new float[obsDim];
            float[] next = new float[obsDim];
            float[] action = new float[env.spec().action().width()];
            env.reset(0, obs);
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long t0 = 0;
            long c0 = 0;
            for (int t = 0; t < starts + measured; t++) {
                if (t == starts) {
                    t0 = System.nanoTime();
                    c0 = mx.getCurrentThreadCpuTime();
                }
                agent.act(obs, true, action);
                Env.Step step = env.step(action, next);
                agent.observe(obs, action, step.reward(), next, step.terminal(), step.truncated());
                if (step.done()) env.reset(t, obs); else System.arraycopy(next, 0, obs, 0, obsDim);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf("%s %s: %.0f steps/s wall, %.0f per thread CPU second (%d steps, %d updates, losses %s)%n", algo, paper ? "paper" : "small",
                    measured / seconds, measured / cpu, measured, agent.updates(), agent.losses().values());
        }
    }
}
