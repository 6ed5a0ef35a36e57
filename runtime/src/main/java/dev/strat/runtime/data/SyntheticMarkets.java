package dev.strat.runtime.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic markets driven by geometric Brownian motion, for tests, examples and Monte Carlo
 * studies. Everything is a pure function of its arguments and seed: the same call gives the same
 * market on every run.
 */
public final class SyntheticMarkets {

    /** Trading days per year of the synthetic daily calendar. */
    private static final double DAYS = 252;
    private static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 3);

    private SyntheticMarkets() {}

    /** {@link #gbm(int, int, long, double)} with independent assets. */
    public static MarketData gbm(int assets, int days, long seed) {
        return gbm(assets, days, seed, 0.0);
    }

    /**
     * A daily market of {@code assets} symbols {@code S1..Sn} over {@code days} business days
     * from 2000-01-03 (Monday to Friday, no holidays; 252 periods a year). Each asset draws from the
     * seed an annual drift {@code mu ~ U[-5%, 15%]}, volatility {@code sigma ~ U[10%, 40%]} and
     * starting price {@code U[20, 200]}; daily log returns are
     * {@code (mu - sigma^2/2) dt + sigma sqrt(dt) z} with {@code dt = 1/252}, so {@code mu} is the
     * arithmetic drift. Shocks follow a one-factor model
     * {@code z_i = sqrt(rho) f + sqrt(1 - rho) e_i}, giving every pair correlation {@code rho}.
     *
     * <p>Bars are OHLC-consistent: open is the previous close (the starting price on the first
     * bar), high and low bracket open and close by a half-normal intraday excursion, and volume is
     * log-normal around one million, so range- and volume-based indicators have data to work on.
     *
     * @param correlation pairwise correlation of shocks, in [0, 1)
     */
    public static MarketData gbm(int assets, int days, long seed, double correlation) {
        if (assets < 1) throw new IllegalArgumentException("a synthetic market needs at least one asset, got " + assets);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] mu = new double[assets], sigma = new double[assets], price = new double[assets];
        for (int i = 0; i < assets; i++) {
            mu[i] = -0.05 + 0.20 * rng.nextDouble();
            sigma[i] = 0.10 + 0.30 * rng.nextDouble();
            price[i] = 20 + 180 * rng.nextDouble();
        }
        String name = "synthetic gbm(assets=" + assets + ", days=" + days + ", seed=" + seed
                + (correlation != 0 ? ", correlation=" + correlation : "") + ")";
        return generate(name, mu, sigma, price, correlation, days, rng);
    }

    /**
     * Like {@link #gbm(int, int, long, double)} with given annual drifts and volatilities
     * (one per asset) and every asset starting at 100.
     */
    public static MarketData gbm(double[] mu, double[] sigma, double correlation, int days, long seed) {
        if (mu.length != sigma.length || mu.length == 0) {
            throw new IllegalArgumentException("need as many drifts as volatilities, at least one (got " + mu.length + " and " + sigma.length + ")");
        }
        for (double s : sigma) if (!(s >= 0) || Double.isInfinite(s)) throw new IllegalArgumentException("volatility " + s + " is not a finite non-negative number");
        double[] price = new double[mu.length];
        java.util.Arrays.fill(price, 100);
        String name = "synthetic gbm(mu=" + java.util.Arrays.toString(mu) + ", sigma=" + java.util.Arrays.toString(sigma)
                + ", correlation=" + correlation + ", days=" + days + ", seed=" + seed + ")";
        return generate(name, mu.clone(), sigma.clone(), price, correlation, days, new SplittableRandom(seed));
    }

    private static MarketData generate(String name, double[] mu, double[] sigma, double[] price, double correlation, int days, SplittableRandom rng) {
        int assets = mu.length;
        if (days < 1) throw new IllegalArgumentException("a synthetic market needs at least one day, got " + days);
        if (!(correlation >= 0 && correlation < 1)) throw new IllegalArgumentException("correlation must be in [0, 1), got " + correlation);
        List<String> symbols = new ArrayList<>(assets);
        for (int i = 0; i < assets; i++) symbols.add("S" + (i + 1));
        double dt = 1 / DAYS, sqrtDt = Math.sqrt(dt), common = Math.sqrt(correlation), own = Math.sqrt(1 - correlation);
        long[] times = businessDays(FIRST_DAY, days);
        int size = days * assets;
        double[] open = new double[size], high = new double[size], low = new double[size], close = new double[size], volume = new double[size];
        for (int t = 0; t < days; t++) {
            double factor = rng.nextGaussian();
            for (int i = 0; i < assets; i++) {
                int k = t * assets + i;
                double z = common * factor + own * rng.nextGaussian();
                double o = price[i];
                double c = o * Math.exp((mu[i] - 0.5 * sigma[i] * sigma[i]) * dt + sigma[i] * sqrtDt * z);
                double excursion = 0.5 * sigma[i] * sqrtDt;
                open[k] = o;
                close[k] = c;
                high[k] = Math.max(o, c) * Math.exp(excursion * Math.abs(rng.nextGaussian()));
                low[k] = Math.min(o, c) * Math.exp(-excursion * Math.abs(rng.nextGaussian()));
                volume[k] = Math.rint(1e6 * Math.exp(0.5 * rng.nextGaussian()));
                price[i] = c;
            }
        }
        return new MarketData(name, symbols, Map.of(), times, open, high, low, close, volume, Frequency.DAILY_STOCKS);
    }

    /**
     * Fits a GBM to bars {@code from} (inclusive) to {@code to} (exclusive) of a market: the mean
     * and sample covariance of the {@code to - from - 1} log returns inside the window. When the
     * covariance is not positive definite (fewer returns than assets, or duplicate assets) a
     * small ridge is added to its diagonal, recorded in {@link GbmModel#ridge()}.
     */
    public static GbmModel calibrate(MarketData market, int from, int to) {
        int n = market.assets();
        if (from < 0 || to > market.bars() || to - from < 3) {
            throw new DataException("cannot calibrate on bars " + from + ".." + (to - 1) + " of " + market.name() + " ("
                    + market.bars() + " bars): need at least 3 bars inside the data");
        }
        int samples = to - from - 1;
        double[] mean = new double[n];
        double[][] cov = new double[n][n];
        double[] r = new double[n];
        for (int t = from + 1; t < to; t++) {
            for (int i = 0; i < n; i++) mean[i] += Math.log(market.relative(t, i));
        }
        for (int i = 0; i < n; i++) mean[i] /= samples;
        for (int t = from + 1; t < to; t++) {
            for (int i = 0; i < n; i++) r[i] = Math.log(market.relative(t, i)) - mean[i];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) cov[i][j] += r[i] * r[j];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                cov[i][j] /= samples - 1;
                cov[j][i] = cov[i][j];
            }
        }
        double ridge = 0;
        double[][] chol = cholesky(cov, 0);
        if (chol == null) {
            double trace = 0;
            for (int i = 0; i < n; i++) trace += cov[i][i];
            ridge = Math.max(1e-12, 1e-10 * trace / n);
            while ((chol = cholesky(cov, ridge)) == null) ridge *= 10;
        }
        double[] start = new double[n];
        market.closes(to - 1, start);
        return new GbmModel(market.name(), market.symbols(), mean, cov, chol, ridge, start, market.time(to - 1),
                market.frequency(), samples);
    }

    /**
     * Monte Carlo paths of a fitted GBM: {@code paths} markets of {@code horizon} bars each, every
     * one starting from the model's last closes and continuing its calendar (business days for
     * daily stock data, calendar steps of one bar otherwise). Bars carry open = previous close and
     * high/low = max/min of open and close; volume is not simulated. Path {@code k} depends only on
     * the seed and {@code k}.
     */
    public static List<MarketData> simulate(GbmModel model, int paths, int horizon, long seed) {
        if (paths < 1 || horizon < 1) throw new IllegalArgumentException("paths and horizon must be positive");
        int n = model.assets();
        long[] times = nextTimes(model.lastTime(), model.frequency(), horizon);
        double[][] l = model.cholesky();
        double[] mean = model.mean();
        SplittableRandom root = new SplittableRandom(seed);
        List<MarketData> out = new ArrayList<>(paths);
        double[] z = new double[n], price = new double[n];
        for (int p = 0; p < paths; p++) {
            SplittableRandom rng = root.split();
            System.arraycopy(model.start(), 0, price, 0, n);
            double[] open = new double[horizon * n], high = new double[horizon * n], low = new double[horizon * n], close = new double[horizon * n];
            for (int t = 0; t < horizon; t++) {
                for (int i = 0; i < n; i++) z[i] = rng.nextGaussian();
                for (int i = 0; i < n; i++) {
                    double r = mean[i];
                    double[] li = l[i];
                    for (int j = 0; j <= i; j++) r += li[j] * z[j];
                    int k = t * n + i;
                    double o = price[i], c = o * Math.exp(r);
                    open[k] = o;
                    close[k] = c;
                    high[k] = Math.max(o, c);
                    low[k] = Math.min(o, c);
                    price[i] = c;
                }
            }
            out.add(new MarketData("gbm path " + (p + 1) + " of " + model.source(), model.symbols(), Map.of(), times,
                    open, high, low, close, null, model.frequency()));
        }
        return out;
    }

    /** Calibrates on bars {@code [from, to)} of {@code market} and simulates; see {@link #calibrate} and {@link #simulate}. */
    public static List<MarketData> gbm(MarketData market, int from, int to, int paths, int horizon, long seed) {
        return simulate(calibrate(market, from, to), paths, horizon, seed);
    }

    /** Lower Cholesky factor of {@code a + ridge I}, or null when it is not positive definite. */
    static double[][] cholesky(double[][] a, double ridge) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j] + (i == j ? ridge : 0);
                for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
                if (i == j) {
                    if (!(s > 0)) return null;
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    private static long[] nextTimes(long last, Frequency f, int count) {
        long[] times = new long[count];
        boolean businessDays = !f.intraday() && f.daysPerYear() < 300 && last % 86_400 == 0;
        if (businessDays) {
            LocalDate d = LocalDate.ofEpochDay(last / 86_400).plusDays(1);
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) d = d.plusDays(1);
            return businessDays(d, count);
        }
        long step = f.bar().toSeconds();
        for (int k = 0; k < count; k++) times[k] = last + (k + 1) * step;
        return times;
    }

    private static long[] businessDays(LocalDate first, int count) {
        long[] times = new long[count];
        LocalDate d = first;
        for (int k = 0; k < count; k++) {
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) d = d.plusDays(1);
            times[k] = d.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            d = d.plusDays(1);
        }
        return times;
    }

    /**
     * {@code assets} geometric random walks (1 % daily volatility, a little drift) over {@code bars}
     * daily bars from 2010-01-01, closes only, deterministic in {@code seed}: the backtest
     * benchmark's market and a fixture for tests that pin figures.
     */
    public static MarketData randomWalk(int assets, int bars, long seed) {
        if (assets < 1 || bars < 2) throw new IllegalArgumentException("need at least one asset and two bars");
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        List<String> symbols = new ArrayList<>(assets);
        for (int i = 0; i < assets; i++) symbols.add("A" + i);
        long[] times = new long[bars];
        long day0 = java.time.LocalDate.of(2010, 1, 1).atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond();
        for (int t = 0; t < bars; t++) times[t] = day0 + 86_400L * t;
        double[] close = new double[bars * assets];
        for (int i = 0; i < assets; i++) close[i] = 100;
        for (int t = 1; t < bars; t++) {
            for (int i = 0; i < assets; i++) {
                close[t * assets + i] = close[(t - 1) * assets + i] * Math.exp(0.0002 + 0.01 * dev.strat.runtime.util.Gaussian.next(random));
            }
        }
        return new MarketData("random walk(assets=" + assets + ", bars=" + bars + ", seed=" + seed + ")", symbols,
                java.util.Map.of(), times, null, null, null, close, null, Frequency.DAILY_STOCKS);
    }
}
