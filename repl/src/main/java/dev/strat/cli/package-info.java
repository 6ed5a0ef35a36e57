/**
 * The {@code strat} command line: {@link dev.strat.cli.Main} builds picocli commands
 * ({@code run}, {@code check}, {@code fmt}, {@code repl}, {@code builtins}, {@code help}) over a
 * {@link dev.strat.cli.CliContext} that holds everything taken from the outside world, so every
 * command can be tested with a fake engine. Exit codes: 0 ok, 1 run failure or internal error,
 * 2 user error.
 */
package dev.strat.cli;
