package dev.strat.lang.parse;

import dev.strat.grammar.StratLexer;
import dev.strat.grammar.StratParser;
import dev.strat.lang.ast.Decl;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;
import dev.strat.lang.diag.Span;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns ANTLR's recognition errors into messages a user can act on: "missing ')'" pointing just
 * after the last good token with the unclosed '(' in the hint, "a pipeline cannot start with '|'",
 * "missing '=' after strategy name 's'", "expected a value after 'fee'" and so on, instead of
 * "mismatched input ... expecting {...}".
 */
final class SyntaxMessages {

    private static final String DECLARATIONS =
            "import, market, costs, capital, split, strategy, models, scenarios, goal, experiment or backtest";
    private static final int MAX_LISTED = 7;

    private final Source source;
    private final CommonTokenStream stream;

    private Decl previousDecl;
    private int previousDeclStop = -1;

    /** Remembers the declaration that just parsed, ending at token {@code stop}, for hints about what follows it. */
    void parsed(Decl decl, int stop) {
        previousDecl = decl;
        previousDeclStop = stop;
    }

    SyntaxMessages(Source source, CommonTokenStream stream) {
        this.source = source;
        this.stream = stream;
    }

    /** One diagnostic for the declaration starting at token index {@code start}. */
    Diagnostic explain(RecognitionException e, int start) {
        Token first = stream.get(start);
        if (e == null || e.getOffendingToken() == null) {
            return Diagnostic.error(span(first), "cannot parse this declaration", "it may be nested too deeply");
        }
        Token t = stream.get(errorIndex(e, start));
        Token prev = previous(t.getTokenIndex());
        IntervalSet expected = expected(e);
        // after a lookahead failure deep into the input the expected set describes the decision
        // point, not the offending token: still good for the bracket check, not for a hint
        boolean hintable = !(e instanceof NoViableAltException nv) || nv.getStartToken() == t;
        int rule = e.getCtx() instanceof ParserRuleContext c ? c.getRuleIndex() : -1;

        if (t.getTokenIndex() <= start) {
            return notADeclaration(t, prev);
        }
        Token opener = innermostOpen(start, t.getTokenIndex());
        int type = t.getType();
        if (Tokens.isCloser(type) && (opener == null || Tokens.closerOf(opener.getType()) != type)) {
            if (opener != null) {
                return Diagnostic.error(span(t), "expected " + Tokens.display(Tokens.closerOf(opener.getType()))
                        + " but found " + describe(t), "the " + quote(opener.getText()) + " opened at "
                        + where(opener) + " is not closed yet");
            }
            return Diagnostic.error(span(t), "unmatched " + describe(t), "there is no "
                    + quote(openerText(type)) + " before it");
        }
        if (opener != null && expected.contains(Tokens.closerOf(opener.getType()))
                && (type == Token.EOF || prev == null || t.getLine() != prev.getLine() || Tokens.startsDeclaration(t))) {
            return Diagnostic.error(after(prev), "missing " + Tokens.display(Tokens.closerOf(opener.getType())),
                    "the " + quote(opener.getText()) + " opened at " + where(opener) + " is never closed");
        }
        if ((rule == StratParser.RULE_strategyParam || rule == StratParser.RULE_strategyParams) && prev != null
                && prev.getType() == StratLexer.ID && canStartExpression(type) && type != StratLexer.ID) {
            return Diagnostic.error(span(t), "missing '=' between parameter '" + prev.getText() + "' and its default",
                    "write 'strategy " + strategyName(start, t) + "(" + prev.getText() + " = " + t.getText() + ") = ...'");
        }
        if (type == StratLexer.LBRACK && first.getType() == StratLexer.EXPERIMENT && prev != null && prev.getType() == StratLexer.ASSIGN) {
            return Diagnostic.error(span(t), "a sweep takes no name: each of its entries is named by its text",
                    "write the sweep alone, e.g. 'compare [ripo(m=x) for x in 0, 0.4]', and name an entry in quotes: ranksum(\"ripo(m=0.4)\")");
        }
        if (type == StratLexer.PIPE) {
            if (prev != null && prev.getType() == StratLexer.PIPE) {
                return Diagnostic.error(span(t), "empty stage between '|' and '|'", "remove one '|' or put a stage between them");
            }
            if (expected.contains(StratLexer.ID)) {
                return Diagnostic.error(span(t), "a pipeline cannot start with '|'",
                        "write the first stage first, e.g. 'strategy s = olmar(window=5) | constrain(max_weight=40%)'");
            }
        }
        if (prev != null && prev.getType() == StratLexer.PIPE && !canStartExpression(type)) {
            return Diagnostic.error(sameLine(t, prev) ? span(t) : after(prev), "expected a stage after '|'",
                    type == Token.EOF ? null : "found " + describe(t));
        }
        if (prev != null && Tokens.isDeclarationKeyword(prev.getType()) && prev.getTokenIndex() == start
                && expected.contains(StratLexer.ID) && !canStartExpression(type) && prev.getType() != StratLexer.CAPITAL
                && prev.getType() != StratLexer.GOAL) {
            return Diagnostic.error(type == Token.EOF ? after(prev) : span(t), "missing " + prev.getText() + " name",
                    "write '" + prev.getText() + " NAME " + (prev.getType() == StratLexer.EXPERIMENT ? "on MARKET { ... }" : "= ...") + "'");
        }
        if (expected.size() == 1 && expected.contains(StratLexer.ASSIGN)) {
            return Diagnostic.error(type == Token.EOF ? after(prev) : span(t), "missing '=' after " + named(rule, prev),
                    "found " + describe(t));
        }
        if (hintable && expected.size() == 1 && isKeyword(expected.getMinElement())) {
            String missing = Tokens.display(expected.getMinElement());
            return sameLine(t, prev)
                    ? Diagnostic.error(span(t), "missing " + missing + " before " + describe(t))
                    : Diagnostic.error(after(prev), "missing " + missing);
        }
        if (type == Token.EOF) {
            return Diagnostic.error(after(prev), "unexpected end of file", hintable ? expectation(expected) : null);
        }
        if (startsExpression(expected) && !canStartExpression(type) && prev != null && onlyValues(expected)) {
            return Diagnostic.error(sameLine(t, prev) ? span(t) : after(prev),
                    "expected a value after " + quote(prev.getText()) + ", found " + describe(t));
        }
        if (Tokens.startsDeclaration(t) && t.getLine() != (prev == null ? -1 : prev.getLine())) {
            return Diagnostic.error(after(prev), "incomplete " + declarationName(first) + " declaration",
                    hintable ? expectation(expected) : null);
        }
        return Diagnostic.error(span(t), "unexpected " + describe(t), hintable ? expectation(expected) : null);
    }

    private static boolean sameLine(Token t, Token prev) {
        return t.getType() != Token.EOF && t.getLine() == prev.getLine();
    }

    /**
     * The token to blame: the offending token, except that a lookahead failure which ran past the
     * start of the next declaration is blamed on that declaration keyword.
     */
    static int errorIndex(RecognitionException e, int start) {
        Token offending = e.getOffendingToken();
        if (e instanceof NoViableAltException nv && nv.getStartToken() != null
                && e.getInputStream() instanceof org.antlr.v4.runtime.TokenStream tokens) {
            for (int k = Math.max(start + 1, nv.getStartToken().getTokenIndex()); k < offending.getTokenIndex(); k++) {
                Token t = tokens.get(k);
                if (t.getChannel() == Token.DEFAULT_CHANNEL && Tokens.startsDeclaration(t)) return k;
            }
        }
        return offending.getTokenIndex();
    }

    private Diagnostic notADeclaration(Token t, Token prev) {
        if (Tokens.startsDeclaration(t)) {
            return Diagnostic.error(span(t), "incomplete " + t.getText() + " declaration");
        }
        if (Tokens.isCloser(t.getType())) {
            return Diagnostic.error(span(t), "unmatched " + describe(t), "there is no "
                    + quote(openerText(t.getType())) + " before it");
        }
        if (prev != null && prev.getLine() == t.getLine()) {
            String hint = "each declaration starts on a new line with " + DECLARATIONS;
            if (previousDecl != null && prev.getTokenIndex() == previousDeclStop) {
                hint = switch (previousDecl) {
                    case Decl.Strategy d -> "is a '|' missing before it? stages are joined with '|'";
                    case Decl.Costs d -> "is a ',' missing before it? settings are separated by ','";
                    case Decl.Split d -> "is a ',' missing before it? split parts are separated by ','";
                    case Decl.Market d when !d.clauses().isEmpty() -> "is a ',' missing before it? list items are separated by ','";
                    default -> hint;
                };
            }
            return Diagnostic.error(span(t), "unexpected " + describe(t) + " after the end of the declaration", hint);
        }
        if (t.getType() == StratLexer.PIPE) {
            return Diagnostic.error(span(t), "unexpected '|' at the start of a line",
                    "a pipeline continues on the next line only inside a strategy, compare or backtest");
        }
        return Diagnostic.error(span(t), "expected a declaration, found " + describe(t),
                "declarations start with " + DECLARATIONS);
    }

    private static String declarationName(Token first) {
        return Tokens.isDeclarationKeyword(first.getType()) ? first.getText() : "this";
    }

    private static String named(int rule, Token prev) {
        String name = prev == null ? "" : quote(prev.getText());
        return switch (rule) {
            case StratParser.RULE_strategyDecl -> "strategy name " + name;
            case StratParser.RULE_marketDecl -> "market name " + name;
            case StratParser.RULE_splitDecl -> "split name " + name;
            case StratParser.RULE_modelsDecl -> "models name " + name;
            case StratParser.RULE_scenariosDecl -> "scenarios name " + name;
            default -> name;
        };
    }

    private IntervalSet expected(RecognitionException e) {
        try {
            IntervalSet s = e.getExpectedTokens();
            return s == null ? new IntervalSet() : s;
        } catch (RuntimeException ignored) {
            return new IntervalSet();
        }
    }

    private static boolean startsExpression(IntervalSet expected) {
        return expected.contains(StratLexer.NUMBER) && expected.contains(StratLexer.STRING);
    }

    /** True when everything expected can start an expression (so "a value" says it all). */
    private static boolean onlyValues(IntervalSet expected) {
        for (int type : expected.toList()) {
            if (!canStartExpression(type) && !Tokens.isDeclarationKeyword(type) && !isKeyword(type)) return false;
        }
        return true;
    }

    private static boolean canStartExpression(int type) {
        return switch (type) {
            case StratLexer.NUMBER, StratLexer.LENGTH, StratLexer.DATE, StratLexer.STRING, StratLexer.TRUE,
                 StratLexer.FALSE, StratLexer.ID, StratLexer.LBRACK, StratLexer.LPAREN, StratLexer.MINUS,
                 StratLexer.DOTDOT, StratLexer.SYMBOLS, StratLexer.CLASSES, StratLexer.FEATURES, StratLexer.CASH,
                 StratLexer.SYNTHETIC, StratLexer.ROLLING -> true;
            default -> false;
        };
    }

    private static boolean isKeyword(int type) {
        String literal = StratLexer.VOCABULARY.getLiteralName(type);
        return literal != null && Character.isLetter(literal.charAt(1));
    }

    /** "expected ')' or ','" from an expected-token set, or null when it would be a long list. */
    private static String expectation(IntervalSet expected) {
        if (expected.isNil()) return null;
        Set<String> items = new LinkedHashSet<>();
        boolean value = startsExpression(expected);
        boolean name = expected.contains(StratLexer.ID);
        for (int type : expected.toList()) {
            if (type == Token.EPSILON) continue;
            if (value && canStartExpression(type)) {
                items.add("a value");
            } else if (name && (type == StratLexer.SYMBOLS || type == StratLexer.CLASSES || type == StratLexer.FEATURES
                    || type == StratLexer.CASH || type == StratLexer.SYNTHETIC || type == StratLexer.ROLLING)) {
                continue;
            } else if (type == StratLexer.AGENT || type == StratLexer.MODEL || type == StratLexer.RISK
                    || type == StratLexer.ADAPT || type == StratLexer.SELECT || type == StratLexer.SWITCH
                    || type == StratLexer.BLEND || type == StratLexer.HIERARCHY) {
                items.add("a stage kind (agent, model, risk, adapt, select, switch, blend, hierarchy)");
            } else {
                items.add(Tokens.display(type));
            }
        }
        if (items.isEmpty() || items.size() > MAX_LISTED) return null;
        List<String> list = new ArrayList<>(items);
        if (list.size() == 1) return "expected " + list.getFirst();
        return "expected " + String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.getLast();
    }

    /** The innermost bracket opened in [from, to) and not closed before {@code to}. */
    private Token innermostOpen(int from, int to) {
        Deque<Token> open = new ArrayDeque<>();
        for (int k = from; k < to; k++) {
            Token t = stream.get(k);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
            if (Tokens.isOpener(t.getType())) {
                open.push(t);
            } else if (Tokens.isCloser(t.getType()) && !open.isEmpty() && Tokens.closerOf(open.peek().getType()) == t.getType()) {
                open.pop();
            }
        }
        return open.peek();
    }

    /** The name after the 'strategy' keyword at {@code start}: the first token on the default channel after it. */
    private String strategyName(int start, Token limit) {
        for (int k = start + 1; k < limit.getTokenIndex(); k++) {
            Token t = stream.get(k);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) return t.getText();
        }
        return "NAME";
    }

    private Token previous(int index) {
        for (int k = index - 1; k >= 0; k--) {
            Token t = stream.get(k);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) return t;
        }
        return null;
    }

    private static String openerText(int closer) {
        return switch (closer) {
            case StratLexer.RPAREN -> "(";
            case StratLexer.RBRACK -> "[";
            default -> "{";
        };
    }

    static String describe(Token t) {
        if (t.getType() == Token.EOF) return "end of file";
        String text = t.getText();
        if (text.length() > 24) text = text.substring(0, 21) + "...";
        return quote(text);
    }

    private static String quote(String text) {
        return "'" + text + "'";
    }

    private static String where(Token t) {
        return "line " + t.getLine() + ", column " + (t.getCharPositionInLine() + 1);
    }

    private Span span(Token t) {
        return Parser.span(source, t);
    }

    /** The column just after {@code prev}: where a missing token belongs. */
    private Span after(Token prev) {
        if (prev == null) return new Span(source, 1, 1, 1);
        return new Span(source, prev.getLine(), prev.getCharPositionInLine() + 1 + prev.getText().length(), 1);
    }
}
