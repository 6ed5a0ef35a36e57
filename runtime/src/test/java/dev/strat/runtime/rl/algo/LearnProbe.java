package dev.strat.runtime.rl.algo;

import dev.strat.runtime.rl.SyntheticPortfolioEnv;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.NetSpec;

/** Not a test: learning outcome over seeds, for choosing test settings. */
public final class LearnProbe {
    public static void main(String[] args) {
        String algo = args[0];
        int steps = Integer.parseInt(args[1]);
        double gamma = Double.parseDouble(args[2]);
        SyntheticPortfolioEnv env = new SyntheticPortfolioEnv(new SyntheticPortfolioEnv.Config(3, 200, Integer.getInteger("window", 3), 0,
                new double[] {0.003, 0, 0}, Double.parseDouble(System.getProperty("vol", "0.01")), Double.parseDouble(System.getProperty("scale", "5")), 0.0005));
        int batch = Integer.getInteger("batch", 100);
        NetSpec net = NetSpec.Mlp.of(32, 32);
        for (long seed = 1; seed <= 6; seed++) {
            try (Agent agent = switch (algo) {
                case "td3" -> new Td3(env.spec(), Td3.Config.defaults().withNets(net, net).withLearningStarts(Integer.getInteger("starts", 200)).withGamma(gamma).withLearningRate(Double.parseDouble(System.getProperty("lr", "1e-3"))).withBatch(batch).withActionNoise(Double.parseDouble(System.getProperty("noise", "0.1"))), seed, Compute.cpu());
                case "ddpg" -> new Ddpg(env.spec(), Ddpg.Config.defaults().withNets(net, net).withLearningStarts(200).withGamma(gamma), seed, Compute.cpu());
                default -> new Sac(env.spec(), Sac.Config.defaults().withNets(net, net).withBatch(64).withLearningRate(1e-3).withLearningStarts(200)
                        .withAutoEntropy(0.01, Double.NaN).withGamma(gamma), seed, Compute.cpu());
            }) {
                OffPolicyTesting.train(agent, env, steps, 1);
                System.out.printf("%s seed %d: %.3f%n", algo, seed, OffPolicyTesting.weightOnFirst(agent, env, 999));
            }
        }
    }
}
