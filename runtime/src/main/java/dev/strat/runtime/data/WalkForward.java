package dev.strat.runtime.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Walk-forward evaluation windows: train on a block of bars, test on the block that follows,
 * then move forward by the test length so that every bar after the first training block is
 * tested exactly once. The last test block may be shorter when the data runs out.
 */
public final class WalkForward {

    /**
     * One step of a walk-forward.
     *
     * @param index 0-based step number
     * @param train bars to fit on
     * @param test  bars to evaluate on, right after {@code train}
     */
    public record Window(int index, BarRange train, BarRange test) {}

    private WalkForward() {}

    /** Windows measured in time lengths ({@code 2y} train, {@code 3mo} test) on the market's calendar. */
    public static List<Window> windows(MarketData market, TimeLength train, TimeLength test, DateRange within, boolean expanding) {
        return windows(market, train.bars(market.frequency()), test.bars(market.frequency()), within, expanding);
    }

    /**
     * @param trainBars bars in each training block (the first one, when expanding)
     * @param testBars  bars in each test block, and the step between windows
     * @param within    the dates to walk over ({@link DateRange#all()} for the whole data)
     * @param expanding true to keep every training block anchored at the start (growing), false
     *                  for a rolling block of fixed length
     */
    public static List<Window> windows(MarketData market, int trainBars, int testBars, DateRange within, boolean expanding) {
        if (trainBars < 1 || testBars < 1) {
            throw new DataException("walk-forward train and test lengths must be at least one bar (got " + trainBars + " and " + testBars + ")");
        }
        BarRange region = SplitPlan.resolve(market, java.util.Map.of("walk-forward", within)).bars("walk-forward");
        if (region.bars() < trainBars + 1) {
            throw new DataException("walk-forward needs more than " + trainBars + " training bars, but " + within + " holds only "
                    + region.bars() + " bars of " + market.name() + " (" + market.date(region.from()) + " to "
                    + market.date(region.to() - 1) + ")");
        }
        List<Window> out = new ArrayList<>();
        for (int testStart = region.from() + trainBars; testStart < region.to(); testStart += testBars) {
            int trainStart = expanding ? region.from() : testStart - trainBars;
            out.add(new Window(out.size(), new BarRange(trainStart, testStart), new BarRange(testStart, Math.min(testStart + testBars, region.to()))));
        }
        return out;
    }
}
