/**
 * Composite stages: stages that own other stages and decide, on their own schedule, how the
 * children's proposals become theirs.
 *
 * <ul>
 *   <li>{@link dev.strat.runtime.compose.Switch}: every K decisions a {@link dev.strat.runtime.compose.SwitchPolicy}
 *       picks one member; that member's proposal is executed until the next pick.</li>
 *   <li>{@link dev.strat.runtime.compose.Blend}: every K decisions a {@link dev.strat.runtime.compose.BlendPolicy}
 *       weights the members; the weighted sum of their proposals is executed.</li>
 *   <li>{@link dev.strat.runtime.compose.Select}: every K decisions a {@link dev.strat.runtime.compose.Scorer}
 *       ranks the assets; the stage after it allocates over the top k only, seeing a
 *       {@link dev.strat.runtime.data.History#columns column view} of them.</li>
 * </ul>
 *
 * Switch and blend members trade every bar on shadow accounts
 * ({@link dev.strat.runtime.backtest.MarketStep#shadow}), because the market does not depend on
 * which member is executed; their {@link dev.strat.runtime.compose.TrackRecord} is what the
 * policies judge them by.
 */
package dev.strat.runtime.compose;
