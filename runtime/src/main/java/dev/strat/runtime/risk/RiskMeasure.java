package dev.strat.runtime.risk;

import java.util.Locale;

/**
 * Risk measures of a return series as riskfolio-lib defines them ({@code RiskFunctions}), for the
 * hierarchical allocators. {@link #riskfolioName()} is the {@code rm} string riskfolio's
 * {@code HCPortfolio} takes for the same measure.
 * <ul>
 *   <li>{@link #VARIANCE}: {@code w' Σ w} (riskfolio {@code rm='MV'}); inverse-variance naive weights.</li>
 *   <li>{@link #STD}: {@code sqrt(w' Σ w)} (riskfolio {@code rm='vol'}); inverse-volatility weights.</li>
 *   <li>{@link #MAD}: mean absolute deviation {@code (1/T) Σ |x_t - mean(x)|} ({@code MAD}).</li>
 *   <li>{@link #CVAR}: historical conditional value at risk at {@code alpha} ({@code CVaR_Hist}):
 *       with {@code s} the returns sorted ascending and {@code j = ceil(alpha T) - 1},
 *       {@code -s_j - Σ_{i<=j} (s_i - s_j) / (alpha T)}; may be negative when the tail gained.</li>
 *   <li>{@link #CDAR}: conditional drawdown at risk at {@code alpha} of the uncompounded
 *       cumulative returns ({@code CDaR_Abs}): the same tail rule applied to the T drawdowns
 *       {@code S_t - max_{u<=t} S_u} ({@code S_0 = 0} counts as a peak).</li>
 *   <li>{@link #MDD}: maximum drawdown of the uncompounded cumulative returns ({@code MDD_Abs}).</li>
 * </ul>
 */
public enum RiskMeasure {
    VARIANCE("MV"),
    STD("vol"),
    MAD("MAD"),
    CVAR("CVaR"),
    CDAR("CDaR"),
    MDD("MDD");

    private final String riskfolio;

    RiskMeasure(String riskfolio) {
        this.riskfolio = riskfolio;
    }

    /** The lower-case name used in {@code .strat} files, e.g. {@code cdar}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** riskfolio-lib's {@code rm} code for this measure. */
    public String riskfolioName() {
        return riskfolio;
    }

    /** Whether the measure reads the tail level alpha. */
    public boolean usesAlpha() {
        return this == CVAR || this == CDAR;
    }

    /** Whether the measure is computed from the covariance matrix rather than the return series. */
    public boolean usesCovariance() {
        return this == VARIANCE || this == STD;
    }

    /** The measure named {@code id} (case-insensitive), or null. */
    public static RiskMeasure byId(String id) {
        for (RiskMeasure m : values()) if (m.id().equalsIgnoreCase(id)) return m;
        return null;
    }
}
