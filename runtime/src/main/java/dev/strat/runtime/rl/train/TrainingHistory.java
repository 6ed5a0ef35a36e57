package dev.strat.runtime.rl.train;

import dev.strat.runtime.experiment.TrainingLog;
import dev.strat.runtime.report.TrainingCurves;
import dev.strat.runtime.rl.algo.Losses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a training run recorded, as an immutable snapshot: each episode's reward sum and length,
 * each epoch's validation metric, and losses sampled every {@link #lossEvery()} updates.
 *
 * <p>Loss memory is bounded: the {@link Recorder} keeps at most a fixed number of samples and,
 * when full, drops every other one and doubles the interval. Episodes and epochs are few enough
 * (thousands) to keep them all.
 */
public final class TrainingHistory {

    private final String metricName;
    private final double[] episodeRewards;
    private final int[] episodeLengths;
    private final double[] validation;
    private final long lossEvery;
    private final List<Losses> losses;

    /**
     * @param metricName     the validation metric's name
     * @param episodeRewards reward sum of each episode, in order (copied)
     * @param episodeLengths steps of each episode (copied; as many as rewards)
     * @param validation     metric after each epoch, epoch 1 first (copied)
     * @param lossEvery      the sampling interval the samples were taken at, in updates
     * @param losses         the sampled losses, oldest first
     */
    public TrainingHistory(String metricName, double[] episodeRewards, int[] episodeLengths, double[] validation,
                           long lossEvery, List<Losses> losses) {
        this.metricName = Objects.requireNonNull(metricName, "metricName");
        if (episodeRewards.length != episodeLengths.length) {
            throw new IllegalArgumentException(episodeRewards.length + " episode rewards but " + episodeLengths.length + " lengths");
        }
        if (lossEvery < 1) throw new IllegalArgumentException("lossEvery must be at least 1");
        this.episodeRewards = episodeRewards.clone();
        this.episodeLengths = episodeLengths.clone();
        this.validation = validation.clone();
        this.lossEvery = lossEvery;
        this.losses = List.copyOf(losses);
    }

    /** An empty history. */
    public static TrainingHistory empty(String metricName) {
        return new TrainingHistory(metricName, new double[0], new int[0], new double[0], 1, List.of());
    }

    public String metricName() { return metricName; }

    public double[] episodeRewards() { return episodeRewards.clone(); }

    public int[] episodeLengths() { return episodeLengths.clone(); }

    public double[] validation() { return validation.clone(); }

    public long lossEvery() { return lossEvery; }

    public List<Losses> losses() { return losses; }

    public int episodes() { return episodeRewards.length; }

    public int epochs() { return validation.length; }

    /** Environment steps over all recorded episodes. */
    public long steps() {
        long s = 0;
        for (int l : episodeLengths) s += l;
        return s;
    }

    /** The curves the experiment report draws for {@code strategy}. */
    public TrainingCurves toCurves(String strategy) {
        return new TrainingCurves(strategy, episodeRewards, validation, metricName);
    }

    /** The curves an experiment result carries (no strategy name: the result knows it). */
    public TrainingLog toLog() {
        return new TrainingLog(episodeRewards, validation, metricName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingHistory h && metricName.equals(h.metricName)
                && Arrays.equals(episodeRewards, h.episodeRewards) && Arrays.equals(episodeLengths, h.episodeLengths)
                && Arrays.equals(validation, h.validation) && lossEvery == h.lossEvery && losses.equals(h.losses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metricName, Arrays.hashCode(episodeRewards), Arrays.hashCode(validation), lossEvery, losses);
    }

    @Override
    public String toString() {
        return "TrainingHistory[" + episodes() + " episodes, " + epochs() + " epochs of " + metricName + ", "
                + losses.size() + " loss samples every " + lossEvery + " updates]";
    }

    /** The mutable side the trainer records into; {@link #snapshot()} gives the immutable history. */
    static final class Recorder {
        private final String metricName;
        private final int maxSamples;
        private double[] rewards = new double[64];
        private int[] lengths = new int[64];
        private int episodes;
        private double[] validation = new double[16];
        private int epochs;
        private long every;
        private final ArrayList<Losses> losses = new ArrayList<>();

        Recorder(String metricName, long every, int maxSamples) {
            this.metricName = metricName;
            this.every = every;
            this.maxSamples = maxSamples;
        }

        /** A recorder continuing {@code h} (a resumed run). */
        static Recorder from(TrainingHistory h, long every, int maxSamples) {
            Recorder r = new Recorder(h.metricName(), Math.max(every, h.lossEvery()), maxSamples);
            for (int k = 0; k < h.episodes(); k++) r.episode(h.episodeRewards[k], h.episodeLengths[k]);
            for (double v : h.validation) r.epoch(v);
            for (Losses l : h.losses) r.loss(l);
            return r;
        }

        void episode(double reward, int length) {
            if (episodes == rewards.length) {
                rewards = Arrays.copyOf(rewards, episodes * 2);
                lengths = Arrays.copyOf(lengths, episodes * 2);
            }
            rewards[episodes] = reward;
            lengths[episodes] = length;
            episodes++;
        }

        void epoch(double metric) {
            if (epochs == validation.length) validation = Arrays.copyOf(validation, epochs * 2);
            validation[epochs++] = metric;
        }

        /** Keeps {@code l} when its update falls on the sampling grid. */
        void loss(Losses l) {
            if (l.update() % every != 0) return;
            losses.add(l);
            if (losses.size() >= maxSamples) {
                // Keep the samples on the doubled grid: memory halves, spacing stays even.
                every *= 2;
                losses.removeIf(s -> s.update() % every != 0);
            }
        }

        TrainingHistory snapshot() {
            return new TrainingHistory(metricName, Arrays.copyOf(rewards, episodes), Arrays.copyOf(lengths, episodes),
                    Arrays.copyOf(validation, epochs), every, losses);
        }
    }
}
