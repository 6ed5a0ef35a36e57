/**
 * {@code strat fmt}: {@link dev.strat.lang.fmt.Formatter#format} prints a parsed program in the one
 * canonical layout, keeping literals as written and comments where they were.
 */
package dev.strat.lang.fmt;
