package dev.strat.runtime.experiment;

import dev.strat.runtime.data.BarRange;
import dev.strat.runtime.data.MarketData;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an experiment splits its market into training and test bars. A protocol is a list of
 * {@link Window windows}; every run of a strategy happens inside one of them (or, for a strategy
 * that does not learn, over all their test ranges at once, see {@link RunPlan}).
 *
 * <p>Test ranges are <em>decision</em> ranges: a window's {@code test} {@code [from, to)} decides at
 * bars {@code from .. to - 1} and values its final wealth at the close of bar {@code to}, which is
 * the next window's first decision bar. So consecutive windows tile the concatenated span
 * {@code firstBar .. lastBar} exactly, and {@code to} must be a bar of the market.
 */
public sealed interface Protocol permits Protocol.FixedSplit, Protocol.WalkForward {

    /** The windows in time order; a fixed split has exactly one. */
    List<Window> windows();

    /** First decision bar of the concatenated test span. */
    default int firstBar() {
        return windows().get(0).test().from();
    }

    /** The bar whose close values the final wealth of the concatenated test span. */
    default int lastBar() {
        return windows().get(windows().size() - 1).test().to();
    }

    /** Checks that every range fits {@code market}; the message names the experiment. */
    default void checkFits(String experiment, MarketData market) {
        for (Window w : windows()) {
            if (w.test().to() >= market.bars()) {
                throw new IllegalArgumentException("experiment " + experiment + ": test bars " + w.test().from() + ".."
                        + w.test().to() + " do not fit market " + market.name() + " (" + market.bars() + " bars)");
            }
        }
    }

    /**
     * One train-then-test step.
     *
     * @param index 0-based position in the protocol
     * @param train bars to fit on, when the protocol trains
     * @param valid bars to validate on (model selection), when the protocol has them
     * @param test  decision bars {@code [from, to)}; wealth is valued through bar {@code to}
     */
    record Window(int index, Optional<BarRange> train, Optional<BarRange> valid, BarRange test) {

        public Window {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(valid, "valid");
            Objects.requireNonNull(test, "test");
            if (index < 0) throw new IllegalArgumentException("window index must be >= 0");
            if (test.bars() < 1) throw new IllegalArgumentException("window " + index + " tests no decision (" + test + ")");
            // no look-ahead: what a model fits or selects on must end before its first test decision
            train.ifPresent(t -> {
                if (t.to() > test.from()) {
                    throw new IllegalArgumentException("window " + index + ": train " + t + " overlaps its test " + test);
                }
            });
            valid.ifPresent(v -> {
                if (v.to() > test.from()) {
                    throw new IllegalArgumentException("window " + index + ": valid " + v + " overlaps its test " + test);
                }
                train.ifPresent(t -> {
                    if (v.from() < t.to()) {
                        throw new IllegalArgumentException("window " + index + ": valid " + v + " overlaps train " + t);
                    }
                });
            });
        }
    }

    /** What a walk-forward does with the model at each new window. */
    enum Retrain {
        /** Train a fresh model per window; windows are independent and may run in parallel. */
        SCRATCH,
        /**
         * Start from the previous window's trained model ({@link TrainStep#train}'s {@code previous});
         * the windows of one (strategy, seed) run in order.
         */
        CONTINUE
    }

    /**
     * One train / valid / test split: every learning run trains on {@code train}, selects on
     * {@code valid} and is tested on {@code test}.
     */
    record FixedSplit(Optional<BarRange> train, Optional<BarRange> valid, BarRange test) implements Protocol {

        public FixedSplit {
            new Window(0, train, valid, test); // same checks as any window
        }

        /** Only a test range: nothing is trained (or the training step owns its own splits). */
        public static FixedSplit testOnly(BarRange test) {
            return new FixedSplit(Optional.empty(), Optional.empty(), test);
        }

        @Override
        public List<Window> windows() {
            return List.of(new Window(0, train, valid, test));
        }
    }

    /**
     * A walk-forward: train on a block, test on the block after it, move on by the test length.
     *
     * @param windows the windows in order; each has a train range and their tests are contiguous
     * @param retrain what each window does with the previous window's model
     */
    record WalkForward(List<Window> windows, Retrain retrain) implements Protocol {

        public WalkForward {
            windows = List.copyOf(windows);
            Objects.requireNonNull(retrain, "retrain");
            if (windows.isEmpty()) throw new IllegalArgumentException("a walk-forward needs at least one window");
            for (int k = 0; k < windows.size(); k++) {
                Window w = windows.get(k);
                if (w.index() != k) throw new IllegalArgumentException("walk-forward window " + k + " has index " + w.index());
                if (w.train().isEmpty()) throw new IllegalArgumentException("walk-forward window " + k + " has no train range");
                if (k > 0 && windows.get(k - 1).test().to() != w.test().from()) {
                    throw new IllegalArgumentException("walk-forward windows must tile the test span: window " + (k - 1)
                            + " tests " + windows.get(k - 1).test() + " but window " + k + " tests " + w.test());
                }
            }
        }

        /**
         * Windows from {@link dev.strat.runtime.data.WalkForward}, whose test blocks hold the bars of
         * each block. Decisions happen at every bar but the very last one of the walk, whose close values
         * the final wealth (as for a fixed test split); a last block left without a decision is dropped.
         *
         * <p>With {@code validBars > 0}, the validation range is carved from the <em>end</em> of each
         * training block: the model fits on the older bars and is selected on the most recent ones just
         * before its test, which is what selection should imitate; validation bars are never fitted on.
         *
         * @param validBars bars at the end of each train block kept for validation (0 for none); must
         *                  leave at least one training bar
         */
        public static WalkForward of(List<dev.strat.runtime.data.WalkForward.Window> blocks, Retrain retrain, int validBars) {
            if (validBars < 0) throw new IllegalArgumentException("validation bars must be >= 0, got " + validBars);
            List<Window> out = new ArrayList<>();
            for (int k = 0; k < blocks.size(); k++) {
                dev.strat.runtime.data.WalkForward.Window b = blocks.get(k);
                int to = k == blocks.size() - 1 ? b.test().to() - 1 : b.test().to();
                if (to <= b.test().from()) continue;
                BarRange train = b.train();
                Optional<BarRange> valid = Optional.empty();
                if (validBars > 0) {
                    if (train.bars() <= validBars) {
                        throw new IllegalArgumentException("walk-forward window " + k + " trains on " + train.bars()
                                + " bars, too few to keep " + validBars + " for validation");
                    }
                    valid = Optional.of(new BarRange(train.to() - validBars, train.to()));
                    train = new BarRange(train.from(), train.to() - validBars);
                }
                out.add(new Window(out.size(), Optional.of(train), valid, new BarRange(b.test().from(), to)));
            }
            return new WalkForward(out, retrain);
        }
    }
}
