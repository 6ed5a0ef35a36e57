package dev.strat.runtime.compose;

import dev.strat.runtime.pipeline.Outcome;

/**
 * The arithmetic of a stage that trades a subset of the assets ({@link Select}'s picks, a
 * {@link Sleeve}'s asset class): the subset's weights with everything else counted as cash, and
 * back. Reuses the buffers it is given; allocates only the outcome record.
 */
final class SubUniverse {

    private SubUniverse() {
    }

    /** {@code sub[j] = full[columns[j]]}, {@code sub[k]} the rest (cash and the other assets), never below 0. */
    static void restrict(double[] full, int[] columns, double[] sub) {
        int k = columns.length;
        double invested = 0;
        for (int j = 0; j < k; j++) {
            sub[j] = full[columns[j]];
            invested += sub[j];
        }
        sub[k] = Math.max(0, 1 - invested);
    }

    /** Writes the subset's proposal (k + 1, cash last) into the full proposal (n + 1): zero outside the subset. */
    static void expand(double[] sub, int[] columns, int n, double[] out) {
        java.util.Arrays.fill(out, 0, n, 0.0);
        for (int j = 0; j < columns.length; j++) out[columns[j]] = sub[j];
        out[n] = sub[columns.length];
    }

    /** The outcome as the subset's stage sees it: its executed weights and relatives, the account's returns and wealth. */
    static Outcome restrict(Outcome outcome, int[] columns, double[] subExecuted, double[] subRelatives) {
        restrict(outcome.executed(), columns, subExecuted);
        double[] relatives = outcome.relatives();
        for (int j = 0; j < columns.length; j++) subRelatives[j] = relatives[columns[j]];
        return new Outcome(outcome.step(), subExecuted, subRelatives, outcome.grossReturn(), outcome.cost(),
                outcome.netReturn(), outcome.wealth());
    }
}
