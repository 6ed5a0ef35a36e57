package dev.strat.lang.parse;

import dev.strat.grammar.StratLexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;

/** Token classification shared by the parse pass and its error messages. */
final class Tokens {

    private Tokens() {
    }

    static boolean isDeclarationKeyword(int type) {
        return switch (type) {
            case StratLexer.IMPORT, StratLexer.MARKET, StratLexer.COSTS, StratLexer.CAPITAL, StratLexer.SPLIT,
                 StratLexer.STRATEGY, StratLexer.MODELS, StratLexer.SCENARIOS, StratLexer.GOAL,
                 StratLexer.EXPERIMENT, StratLexer.BACKTEST, StratLexer.FUNCTION, StratLexer.ALLOW -> true;
            default -> false;
        };
    }

    /**
     * A declaration keyword that begins its line. Other declaration keywords were already retyped
     * to names, except 'split' which also appears inside experiment and backtest heads.
     */
    static boolean startsDeclaration(Token t) {
        return isDeclarationKeyword(t.getType()) && (t.getType() != StratLexer.SPLIT || t.getCharPositionInLine() == 0
                || firstOnLine(t));
    }

    private static boolean firstOnLine(Token t) {
        // set by Parser.lex: a SPLIT that follows code on its line keeps its type, so look at the text before it
        return t instanceof org.antlr.v4.runtime.CommonToken c && c.getInputStream() != null
                && c.getInputStream().getText(org.antlr.v4.runtime.misc.Interval.of(
                        Math.max(0, c.getStartIndex() - c.getCharPositionInLine()), Math.max(0, c.getStartIndex() - 1)))
                .isBlank();
    }

    static boolean isOpener(int type) {
        return type == StratLexer.LPAREN || type == StratLexer.LBRACK || type == StratLexer.LBRACE;
    }

    static boolean isCloser(int type) {
        return type == StratLexer.RPAREN || type == StratLexer.RBRACK || type == StratLexer.RBRACE;
    }

    static int closerOf(int opener) {
        return switch (opener) {
            case StratLexer.LPAREN -> StratLexer.RPAREN;
            case StratLexer.LBRACK -> StratLexer.RBRACK;
            case StratLexer.LBRACE -> StratLexer.RBRACE;
            default -> Token.INVALID_TYPE;
        };
    }

    /** How a token type reads in a message: {@code ')'}, {@code 'strategy'}, {@code a name}. */
    static String display(int type) {
        if (type == Token.EOF) return "end of file";
        return switch (type) {
            case StratLexer.ID -> "a name";
            case StratLexer.NUMBER -> "a number";
            case StratLexer.LENGTH -> "a length";
            case StratLexer.DATE -> "a date";
            case StratLexer.STRING -> "a string";
            default -> {
                Vocabulary v = StratLexer.VOCABULARY;
                String literal = v.getLiteralName(type);
                yield literal != null ? literal : v.getDisplayName(type).toLowerCase();
            }
        };
    }
}
