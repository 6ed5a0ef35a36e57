/**
 * Market data: loading, aligning, combining, simulating and splitting.
 *
 * <ul>
 *   <li>{@link dev.strat.runtime.data.CsvMarketReader} reads long-format CSV (plain or gzip) into
 *       a {@link dev.strat.runtime.data.MarketData} on one calendar, reporting bad input as
 *       {@link dev.strat.runtime.data.DataException} with {@code FILE:ROW:COL} and everything it
 *       trimmed or filled as warnings of a {@link dev.strat.runtime.data.LoadedMarket};
 *       {@link dev.strat.runtime.data.CsvOptions} selects symbols, dates, frequency, fill limit
 *       and calendar.</li>
 *   <li>{@link dev.strat.runtime.data.DataRoot} finds data files ({@code --data}, {@code STRAT_DATA},
 *       {@code ../shared/data}).</li>
 *   <li>{@link dev.strat.runtime.data.MarketJoin} joins markets on their common bar times;
 *       {@link dev.strat.runtime.data.MarketClasses} attaches asset classes.</li>
 *   <li>{@link dev.strat.runtime.data.SyntheticMarkets} generates seeded GBM markets and Monte Carlo
 *       paths of a {@link dev.strat.runtime.data.GbmModel} fitted to real data.</li>
 *   <li>{@link dev.strat.runtime.data.DateRange}, {@link dev.strat.runtime.data.SplitPlan} and
 *       {@link dev.strat.runtime.data.WalkForward} turn dates into
 *       {@link dev.strat.runtime.data.BarRange}s.</li>
 *   <li>{@link dev.strat.runtime.data.History} is the look-ahead-free view stages see.</li>
 * </ul>
 */
package dev.strat.runtime.data;
