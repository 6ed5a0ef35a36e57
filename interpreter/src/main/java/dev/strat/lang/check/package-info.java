/**
 * The resolve-and-check pass: from a parsed {@link dev.strat.lang.ast.Program} (and the files it
 * imports) to a {@link dev.strat.lang.plan.ProgramPlan}, reporting every problem of every file at
 * once through {@link dev.strat.lang.diag.Diagnostic}s. Entry point:
 * {@link dev.strat.lang.check.Checker#check(dev.strat.lang.ast.Program, CheckContext)}.
 *
 * <p>Semantics fixed here:
 * <ul>
 *   <li>markets, splits, strategies, models, scenarios and experiments share one namespace; a
 *       strategy may not take a built-in's name (a bare built-in name always means the built-in);</li>
 *   <li>positional arguments bind to a built-in's parameters in order, named ones by name; values
 *       must be literals and are checked against the parameter's type and range; windows written as
 *       lengths ({@code 21d}) are range-checked in bars when the pipeline is built for a market;</li>
 *   <li>a pipeline starts with a stage that starts pipelines (allocator, agent, model, selector,
 *       switcher, blend, hierarchy); later stages may not, except right after selectors; an adapt
 *       stage needs a risk stage before it; a kind keyword, when written, must match;</li>
 *   <li>{@code ALLOC every LEN} is sugar for {@code ALLOC | rebalance(every=LEN)}; the other stage
 *       clauses and stage blocks are reported as not supported yet;</li>
 *   <li>a strategy used as a stage is inlined; cycles between strategies are errors;</li>
 *   <li>a run of a pipeline with a learning (agent) stage needs a training period: a split with a
 *       train part, or a rolling split;</li>
 *   <li>a split period is a year (the whole year), a month, a date, or a range of them; only the
 *       first part may have an open start and only the last an open end;</li>
 *   <li>experiment defaults: seed 1 ({@code seeds N} means 1..N), the metrics of
 *       {@link dev.strat.lang.plan.ExperimentPlan#DEFAULT_METRICS}, no costs, capital 1,000,000, and
 *       the whole data as test period; {@code costs} and {@code capital} declarations apply to every
 *       experiment and {@code fee}/{@code slippage} settings override them for one;</li>
 *   <li>{@code models}, {@code scenarios} and {@code goal} declarations parse but are reported as not
 *       runnable yet.</li>
 * </ul>
 */
package dev.strat.lang.check;
