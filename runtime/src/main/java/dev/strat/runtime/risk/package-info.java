/**
 * The shared risk layer: covariance estimators ({@link dev.strat.runtime.risk.Covariance}) and
 * codependence measures with their distances ({@link dev.strat.runtime.risk.Codependence}) over a
 * {@code T x N} block of returns, row-major and oldest bar first. Every method writes into buffers
 * its caller owns, so a stage allocates them once and reuses them at every decision. Each formula
 * is pinned to the library it reproduces (numpy/pandas, scikit-learn, riskfolio-lib) by golden
 * tests generated from those libraries ({@code runtime/src/test/python/risk_goldens.py}).
 *
 * <p>No look-ahead is the caller's job: these functions see exactly the rows they are given.
 */
package dev.strat.runtime.risk;
