package dev.strat.runtime.rl.portfolio;

import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * Base of the Appendix A indicators Ta4j lacks, written once here in Ta4j's shape: cached per
 * index, reading bars up to the index only, and declaring its unstable bars as Ta4j does. The
 * arithmetic is on doubles; a value that cannot be computed (0 / 0, too few bars) is NaN, which
 * the feature writes as 0.
 */
abstract class TaCustomIndicator extends CachedIndicator<Num> {

    private final int unstable;

    TaCustomIndicator(BarSeries series, int unstable) {
        super(series);
        this.unstable = unstable;
    }

    @Override
    public final int getUnstableBars() {
        return unstable;
    }

    @Override
    protected final Num calculate(int index) {
        return DoubleNum.valueOf(value(index));
    }

    /** The value at {@code index}, from bars {@code <= index} only. */
    abstract double value(int index);

    final double close(int i) { return getBarSeries().getBar(i).getClosePrice().doubleValue(); }
    final double open(int i) { return getBarSeries().getBar(i).getOpenPrice().doubleValue(); }
    final double high(int i) { return getBarSeries().getBar(i).getHighPrice().doubleValue(); }
    final double low(int i) { return getBarSeries().getBar(i).getLowPrice().doubleValue(); }

    static double at(Indicator<Num> indicator, int i) {
        return indicator.getValue(i).doubleValue();
    }

    /** ADXR: (ADX(t) + ADX(t - n + 1)) / 2, TA-Lib's definition. */
    static final class Adxr extends TaCustomIndicator {
        private final Indicator<Num> adx;
        private final int n;

        Adxr(BarSeries series, Indicator<Num> adx, int n) {
            super(series, adx.getUnstableBars() + n - 1);
            this.adx = adx;
            this.n = n;
        }

        @Override
        double value(int t) {
            return t - n + 1 < 0 ? Double.NaN : (at(adx, t) + at(adx, t - n + 1)) / 2;
        }
    }

    /** APO: SMA(fast) - SMA(slow) of the close (TA-Lib's default moving average is the simple one). */
    static final class Apo extends TaCustomIndicator {
        private final int fast, slow;

        Apo(BarSeries series, int fast, int slow) {
            super(series, slow - 1);
            this.fast = fast;
            this.slow = slow;
        }

        @Override
        double value(int t) {
            return t + 1 < slow ? Double.NaN : mean(t, fast) - mean(t, slow);
        }

        private double mean(int t, int n) {
            double s = 0;
            for (int i = t - n + 1; i <= t; i++) s += close(i);
            return s / n;
        }
    }

    /** BOP: (close - open) / (high - low); 0 on a bar without range. */
    static final class Bop extends TaCustomIndicator {
        Bop(BarSeries series) {
            super(series, 0);
        }

        @Override
        double value(int t) {
            double range = high(t) - low(t);
            return range > 0 ? (close(t) - open(t)) / range : 0;
        }
    }

    /** One-bar relative change of a field: x(t) / x(t-1) - 1. */
    static final class Change extends TaCustomIndicator {
        private final Indicator<Num> field;

        Change(BarSeries series, Indicator<Num> field) {
            super(series, 1);
            this.field = field;
        }

        @Override
        double value(int t) {
            return t < 1 ? Double.NaN : at(field, t) / at(field, t - 1) - 1;
        }
    }

    /** MOM: close(t) - close(t - n). */
    static final class Mom extends TaCustomIndicator {
        private final int n;

        Mom(BarSeries series, int n) {
            super(series, n);
            this.n = n;
        }

        @Override
        double value(int t) {
            return t < n ? Double.NaN : close(t) - close(t - n);
        }
    }

    /** NATR: 100 * ATR(n) / close. */
    static final class Natr extends TaCustomIndicator {
        private final Indicator<Num> atr;

        Natr(BarSeries series, Indicator<Num> atr) {
            super(series, atr.getUnstableBars());
            this.atr = atr;
        }

        @Override
        double value(int t) {
            return 100 * at(atr, t) / close(t);
        }
    }

    /**
     * TSF: the least-squares line through the last n closes (x = 0..n-1), evaluated at x = n,
     * the next bar: TA-Lib's time series forecast.
     */
    static final class Tsf extends TaCustomIndicator {
        private final int n;

        Tsf(BarSeries series, int n) {
            super(series, n - 1);
            this.n = n;
        }

        @Override
        double value(int t) {
            if (t + 1 < n || n < 2) return n == 1 ? close(t) : Double.NaN;
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            for (int k = 0; k < n; k++) {
                double y = close(t - n + 1 + k);
                sx += k;
                sy += y;
                sxx += (double) k * k;
                sxy += k * y;
            }
            double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
            double intercept = (sy - slope * sx) / n;
            return intercept + slope * n;
        }
    }

    /**
     * Ultimate oscillator: buying pressure BP = close - min(low, previous close), true range
     * TR = max(high, previous close) - min(low, previous close), A(k) = sum of BP / sum of TR over
     * k bars, value 100 * (4 A(short) + 2 A(medium) + A(long)) / 7.
     */
    static final class Ultosc extends TaCustomIndicator {
        private final int shortN, mediumN, longN;

        Ultosc(BarSeries series, int shortN, int mediumN, int longN) {
            super(series, longN);
            this.shortN = shortN;
            this.mediumN = mediumN;
            this.longN = longN;
        }

        @Override
        double value(int t) {
            if (t < longN) return Double.NaN;
            return 100 * (4 * average(t, shortN) + 2 * average(t, mediumN) + average(t, longN)) / 7;
        }

        private double average(int t, int k) {
            double bp = 0, tr = 0;
            for (int i = t - k + 1; i <= t; i++) {
                double prev = close(i - 1);
                double lo = Math.min(low(i), prev);
                bp += close(i) - lo;
                tr += Math.max(high(i), prev) - lo;
            }
            return tr > 0 ? bp / tr : Double.NaN;
        }
    }

    /**
     * Parabolic SAR (Wilder), acceleration {@code start}, raised by {@code step} at each new
     * extreme up to {@code max}. Ta4j 0.17 has one, but it recomputes the trend from its start
     * for every index, which made it 90% of the whole feature's cost (7.5 s of 2,000 bars x 2
     * assets); this one walks forward once, keeping its state per bar. The value at bar t is the
     * stop in force in bar t, after a reversal in bar t the new one; it reads bars up to t only.
     * Bar 1 opens the first trend: long unless the low fell by more than the high rose, the stop
     * at bar 0's low (long) or high (short), the extreme at bar 1's high or low.
     */
    static final class Sar extends TaCustomIndicator {
        private final double start, step, max;
        /** Per computed bar: the stop, the extreme point, the acceleration, the direction. */
        private double[] sar = new double[0], ep = new double[0], af = new double[0];
        private boolean[] longs = new boolean[0];
        private int computed;

        Sar(BarSeries series, double start, double step, double max) {
            super(series, 1);
            this.start = start;
            this.step = step;
            this.max = max;
        }

        @Override
        double value(int t) {
            if (t < 1) return Double.NaN;
            // The series only grows and its bars never change (the feature rebuilds it when the past differs).
            if (t >= sar.length) grow(Math.max(t + 1, 2 * sar.length));
            for (int i = Math.max(computed, 1); i <= t; i++) advance(i);
            computed = Math.max(computed, t + 1);
            return sar[t];
        }

        private void grow(int capacity) {
            sar = java.util.Arrays.copyOf(sar, capacity);
            ep = java.util.Arrays.copyOf(ep, capacity);
            af = java.util.Arrays.copyOf(af, capacity);
            longs = java.util.Arrays.copyOf(longs, capacity);
        }

        private void advance(int t) {
            if (t == 1) {
                double up = high(1) - high(0), down = low(0) - low(1);
                longs[1] = !(down > 0 && down > up);
                sar[1] = longs[1] ? low(0) : high(0);
                ep[1] = longs[1] ? high(1) : low(1);
                af[1] = start;
                return;
            }
            boolean up = longs[t - 1];
            double a = af[t - 1], e = ep[t - 1];
            double stop = sar[t - 1] + a * (e - sar[t - 1]);
            stop = up ? Math.min(stop, Math.min(low(t - 1), low(t - 2))) : Math.max(stop, Math.max(high(t - 1), high(t - 2)));
            if (up && low(t) < stop) {
                up = false;
                stop = e;
                e = low(t);
                a = start;
            } else if (!up && high(t) > stop) {
                up = true;
                stop = e;
                e = high(t);
                a = start;
            } else if (up ? high(t) > e : low(t) < e) {
                e = up ? high(t) : low(t);
                a = Math.min(a + step, max);
            }
            longs[t] = up;
            sar[t] = stop;
            ep[t] = e;
            af[t] = a;
        }
    }
}
