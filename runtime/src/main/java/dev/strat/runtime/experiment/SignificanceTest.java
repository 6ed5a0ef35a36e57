package dev.strat.runtime.experiment;

/**
 * Which significance test an experiment runs; each p-value in the table and {@code results.json}
 * names the test that produced it.
 */
public enum SignificanceTest {
    /**
     * Wilcoxon signed-rank over seeds: pairs each seed's metric value. It measures seed-to-seed
     * noise (a learner's initialisation, slippage draws), not whether one strategy beats another
     * over time: ten seeds of any consistent ordering give p = 0.002.
     */
    WILCOXON("wilcoxon", "Wilcoxon signed-rank test over seeds"),
    /**
     * Ledoit and Wolf (2008) test of the Sharpe-ratio difference over time, on the first seed's
     * paired per-period returns, with a studentised circular block bootstrap p-value (and the HAC
     * p-value beside it).
     */
    SHARPE_DIFF("sharpe_diff", "Ledoit-Wolf Sharpe difference test over time"),
    /**
     * Wilcoxon rank-sum (Mann-Whitney U) over seeds, as the RiPO paper uses: each strategy's
     * per-seed values are one unpaired sample. Like {@link #WILCOXON} it sees seed-to-seed spread,
     * not performance over time.
     */
    RANK_SUM("ranksum", "Wilcoxon rank-sum test (Mann-Whitney U) over seeds");

    private final String key;
    private final String title;

    SignificanceTest(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** The name in the language and in {@code results.json}. */
    public String key() {
        return key;
    }

    /** A short description for table headers. */
    public String title() {
        return title;
    }
}
