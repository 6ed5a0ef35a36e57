/**
 * Import resolution: {@link dev.strat.lang.load.SourceLoader} finds files relative to the
 * importing file, {@link dev.strat.lang.load.ImportResolver} loads them transitively (each once),
 * reporting cycles, missing files and the syntax errors of imported files under their own names.
 */
package dev.strat.lang.load;
