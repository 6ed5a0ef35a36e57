/**
 * The parse pass: {@link dev.strat.lang.parse.Parser#parse} turns a {@link dev.strat.lang.diag.Source}
 * into an immutable {@link dev.strat.lang.ast.Program} plus syntax diagnostics, and never throws.
 *
 * <p>How it fits together: the ANTLR lexer (grammar module, {@code Strat.g4}) never fails, its
 * error tokens are reported and neutralised here; declaration keywords count only at the start of
 * a line, so they double as recovery points; each declaration is parsed alone (SLL, then LL when
 * SLL fails) with an error strategy that gives up at the first error instead of guessing, and
 * {@code SyntaxMessages} explains that error in the user's terms; {@code AstBuilder} maps the parse
 * tree onto the records of {@code dev.strat.lang.ast}.
 */
package dev.strat.lang.parse;
