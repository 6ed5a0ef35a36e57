package dev.strat.runtime.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * An experiment's significance tests as people read them, one section per request in the order
 * the program asks: a header naming the test, its reference, alpha and what it pairs; a row per
 * comparison; the caveats; and, after the first Sharpe difference test, the probabilistic and
 * deflated Sharpe ratios. The terminal table ({@link TableRenderer}) and the HTML report both
 * render these, so they word every test alike.
 */
public final class SignificanceSections {

    /**
     * One comparison.
     *
     * @param metric  the metric compared
     * @param other   the strategy compared with the reference
     * @param p       {@code p = 0.029}, or {@code p = n/a}
     * @param verdict {@code significant, ucrp better}, {@code not significant} or {@code no data}
     * @param note    the test's caveat, or empty
     * @param significant whether the p-value is below alpha
     */
    public record Row(String metric, String other, String p, String verdict, String note, boolean significant) { }

    /** PSR and DSR of one strategy's first seed. */
    public record Confidence(String strategy, String sharpe, String psr, String dsr) { }

    /**
     * One request's section.
     *
     * @param header           the test, reference, alpha and pairing in one sentence
     * @param rows             one per comparison
     * @param notes            caveats (too few seeds or resamples for significance)
     * @param confidenceHeader the PSR/DSR table's header, or empty when the section has none
     * @param confidence       the PSR/DSR rows
     */
    public record Section(String header, List<Row> rows, List<String> notes, String confidenceHeader, List<Confidence> confidence) {
        public Section {
            rows = List.copyOf(rows);
            notes = List.copyOf(notes);
            confidence = List.copyOf(confidence);
        }
    }

    private SignificanceSections() {
    }

    /** The sections of {@code result}, empty when it asked for no test. */
    public static List<Section> of(ExperimentResult result) {
        List<Section> out = new ArrayList<>();
        boolean confidenceShown = false;
        for (int g = 0; g < result.spec().significance().size(); g++) {
            SignificanceSpec sig = result.spec().significance().get(g);
            int group = g;
            List<SignificanceResult> tests = result.significance().stream().filter(t -> t.group() == group).toList();
            out.add(section(result, sig, tests, !confidenceShown));
            confidenceShown |= sig.test() == SignificanceTest.SHARPE_DIFF;
        }
        return out;
    }

    private static Section section(ExperimentResult result, SignificanceSpec sig, List<SignificanceResult> tests, boolean withConfidence) {
        ExperimentSpec spec = result.spec();
        StringBuilder header = new StringBuilder(sig.test().title()).append(" vs ").append(sig.reference())
                .append(" (two-sided, alpha ").append(plain(sig.alpha()));
        if (sig.test() == SignificanceTest.SHARPE_DIFF) {
            header.append(", paired by period on seed ").append(spec.seeds().get(0))
                    .append("'s returns; p from a studentised circular block bootstrap)");
        } else if (sig.test() == SignificanceTest.RANK_SUM) {
            header.append(", unpaired: each strategy's seeds are one sample; exact p over every split of the seeds;")
                    .append(" measures seed-to-seed spread, not performance over time)");
        } else {
            header.append(", paired by seed: measures seed-to-seed noise, not performance over time)");
        }
        List<Row> rows = new ArrayList<>();
        TreeMap<Integer, Double> underpowered = new TreeMap<>();
        Set<String> notes = new LinkedHashSet<>();
        Set<String> rankSumPower = new LinkedHashSet<>();
        for (SignificanceResult t : tests) {
            if (t.test() == SignificanceTest.WILCOXON && t.underpowered(sig.alpha()) && t.nonZero() > 0) {
                underpowered.put(t.nonZero(), t.smallestP());
            }
            if (t.test() == SignificanceTest.RANK_SUM && t.underpowered(sig.alpha())) {
                rankSumPower.add(RankSum.powerNote(t.pairs(), t.nonZero(), t.smallestP(), sig.alpha()));
            }
            String verdict = Double.isNaN(t.pValue()) ? "no data"
                    : t.significant() ? (t.referenceBetter() ? "significant, " + t.reference() + " better"
                    : "significant, " + t.reference() + " worse") : "not significant";
            String p = Double.isNaN(t.pValue()) ? "p = n/a" : "p = " + Wilcoxon.formatP(t.pValue());
            rows.add(new Row(t.metric().key(), t.other(), p, verdict, t.note(), t.significant()));
        }
        for (var e : underpowered.entrySet()) notes.add(Wilcoxon.powerNote(e.getKey(), e.getValue(), sig.alpha()));
        notes.addAll(rankSumPower);
        String confidenceHeader = "";
        List<Confidence> confidence = new ArrayList<>();
        if (sig.test() == SignificanceTest.SHARPE_DIFF) {
            if (1.0 / (sig.resamples() + 1) >= sig.alpha()) {
                notes.add("with " + sig.resamples() + " resamples no bootstrap p can be below " + plain(sig.alpha()));
            }
            if (withConfidence) {
                List<SharpeConfidence> conf = SharpeConfidence.of(spec, result.strategies());
                confidenceHeader = "Probabilistic and deflated Sharpe ratio (seed " + spec.seeds().get(0)
                        + "; P(true Sharpe > 0); DSR deflates for the " + conf.size() + " strategies compared)";
                for (SharpeConfidence c : conf) {
                    confidence.add(new Confidence(c.strategy(), fixed(c.sharpe()), fixed(c.psr()), fixed(c.dsr())));
                }
            }
        }
        return new Section(header.toString(), rows, List.copyOf(notes), confidenceHeader, confidence);
    }

    private static String fixed(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String plain(double v) {
        return TableRenderer.plain(v);
    }
}
