/**
 * The interactive REPL on JLine: {@link dev.strat.cli.repl.Repl} (the loop and its
 * {@code :commands}), {@link dev.strat.cli.repl.StratLineParser} (continuation of unfinished
 * entries, word splitting) and {@link dev.strat.cli.repl.StratCompleter} (context-aware tab
 * completion from the registry and the session).
 */
package dev.strat.cli.repl;
