/**
 * Settings and plans in YAML, read and written with Jackson YAML: a project's {@code strat.yaml}
 * ({@link dev.strat.lang.settings.SettingsFile}, {@link dev.strat.lang.settings.ProjectSettings})
 * and the {@code plan.yaml} written beside every result
 * ({@link dev.strat.lang.settings.ResolvedPlan}, {@link dev.strat.lang.settings.PlanFile}).
 * Every problem in either file is a {@link dev.strat.lang.diag.Diagnostic} located at the file's
 * line and column, printed by the one diagnostic formatter.
 */
package dev.strat.lang.settings;
