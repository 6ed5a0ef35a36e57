/**
 * Classic portfolio allocators as pipeline {@link dev.strat.runtime.pipeline.Stage}s: cash, buy and
 * hold, constant rebalancing, the online portfolio selection algorithms (EG, OLMAR, PAMR, CORN),
 * momentum and mean-reversion signal rules, and Markowitz mean-variance.
 *
 * <p>Common conventions: each stage reads the market only through the decision's
 * {@link dev.strat.runtime.data.History} (so it cannot look ahead), keeps its state in primitive
 * arrays allocated in {@code reset}, writes N + 1 long-only weights summing to 1 with cash last,
 * and declares in {@code warmup()} how many bars must be visible for its rule to be defined. The
 * online learners start uniform and learn from the price relatives of the period since their
 * previous decision; their state is their previous target portfolio, not the drifted holdings.
 */
package dev.strat.runtime.allocators;
