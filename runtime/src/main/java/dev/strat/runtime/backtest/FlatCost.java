package dev.strat.runtime.backtest;

import dev.strat.runtime.pipeline.RunSetup;

import java.util.SplittableRandom;

/**
 * RiPO's cost model, as the authors coded it (reference-formulas.md, RiPO): a flat cost
 * {@code c} of wealth charged every step, traded or not, and each asset's next close perturbed by
 * a factor {@code 1 + u_i}, {@code u_i ~ Uniform(-s, s)} drawn per asset per step from the stream
 * {@code random("perturb")} of the run. With weights {@code w} and recorded relatives {@code x}:
 * <pre>
 *   r_t     = sum_i w_i (x_i (1 + u_i) - 1) - c
 *   V_{t+1} = V_t (1 + r_t)
 * </pre>
 * The perturbation touches only the period being earned: the next step's relatives start again
 * from the recorded closes (the authors divide the perturbed next close by the recorded one).
 * The drift of the weights follows the perturbed relatives, as an executed fill would.
 *
 * <p>{@link MarketStep} charges {@code V (1 - cost) gross}; this model returns
 * {@code cost = c / gross}, so that {@code V (1 - c / gross) gross = V (gross - c) = V (1 + r_t)}:
 * the cost in money is {@code c V}, charged out of the period's earnings rather than before them.
 * Recorded costs are therefore {@code c / gross}, within a fraction of a percent of {@code c}.
 * Wealth stays positive while the portfolio keeps more than {@code c} of its value over a period.
 *
 * @param rate    the flat cost per step, a fraction of wealth (0.001 in the paper)
 * @param perturb the half-width {@code s} of the close perturbation (0.001 in the paper); 0 draws nothing
 */
public record FlatCost(double rate, double perturb) implements CostModel {

    public FlatCost {
        if (!(rate >= 0 && rate < 1) || !(perturb >= 0 && perturb < 1)) {
            throw new IllegalArgumentException("a flat cost needs 0 <= rate < 100% and 0 <= perturb < 100%, got rate "
                    + rate + ", perturb " + perturb);
        }
    }

    @Override
    public Charger start(RunSetup setup) {
        final double c = rate;
        if (perturb == 0) return (traded, gross) -> c / gross;
        final SplittableRandom noise = setup.random("perturb");
        final double s = perturb;
        return new Charger() {
            @Override
            public void perturb(double[] relatives) {
                for (int i = 0; i < relatives.length; i++) relatives[i] *= 1 + noise.nextDouble(-s, s);
            }

            @Override
            public double cost(double assetTurnover, double gross) {
                return c / gross;
            }
        };
    }

    @Override
    public String describe() {
        return "flat " + BigDecimalText.percent(rate) + " of wealth every step, closes perturbed by up to "
                + BigDecimalText.percent(perturb);
    }

    @Override
    public boolean frictionless() {
        return rate == 0 && perturb == 0;
    }
}
