package dev.strat.lang.parse;

import dev.strat.grammar.StratLexer;
import dev.strat.grammar.StratParser;
import dev.strat.lang.ast.Comment;
import dev.strat.lang.ast.Decl;
import dev.strat.lang.ast.Program;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;
import dev.strat.lang.diag.Span;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * The parse pass: text to {@link Program} plus syntax diagnostics. Never throws on any input.
 *
 * <p>Each declaration is parsed on its own, first with ANTLR's fast SLL prediction and, only when
 * that fails, again with full LL prediction; a declaration that still fails yields one diagnostic
 * and parsing resumes at the next declaration keyword that starts a line. So one broken
 * declaration does not hide the errors of the others, and no input can make prediction explore
 * more than one declaration at a time.
 */
public final class Parser {

    /** Deepest bracket nesting (or run of prefix minus signs) accepted in one declaration. */
    static final int MAX_DEPTH = 64;
    /** Most binary operators accepted in one declaration. */
    static final int MAX_OPERATORS = 2000;

    private Parser() {
    }

    /** Parses {@code source}; the program holds every declaration that parsed cleanly. */
    public static ParseResult parse(Source source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        BitSet lexicalErrors = new BitSet();
        List<Token> tokens = lex(source, diagnostics, lexicalErrors);
        List<Comment> comments = comments(source, tokens);
        List<Decl> decls = new ArrayList<>();

        CommonTokenStream stream = new CommonTokenStream(new ListTokenSource(tokens));
        stream.fill();
        AstBuilder builder = new AstBuilder(source, stream, diagnostics);
        SyntaxMessages messages = new SyntaxMessages(source, stream);
        BitSet tooComplex = complexityLimits(tokens);
        boolean incomplete = false;
        while (stream.LA(1) != Token.EOF) {
            int start = stream.index();
            int end = resume(stream, start, start + 1);
            int over = tooComplex.nextSetBit(start);
            if (over >= 0 && over < end) {
                // refuse before ANTLR recurses: deep nesting would exhaust the stack of every later pass too
                diagnostics.add(Diagnostic.error(span(source, stream.get(over)), "this declaration is too deeply nested or too long",
                        "at most " + MAX_DEPTH + " levels of brackets or signs and " + MAX_OPERATORS + " operators"));
                stream.seek(end);
                continue;
            }
            incomplete = false;
            Attempt attempt = attempt(stream, PredictionMode.SLL);
            if (attempt.failure() != null) {
                stream.seek(start);
                attempt = attempt(stream, PredictionMode.LL);
            }
            SyntaxAbort failure = attempt.failure();
            if (failure == null) {
                try {
                    Decl decl = builder.decl(attempt.decl());
                    decls.add(decl);
                    messages.parsed(decl, attempt.decl().getStop().getTokenIndex());
                } catch (StackOverflowError tooDeep) {
                    diagnostics.add(Diagnostic.error(span(source, stream.get(start)), "this declaration is nested too deeply"));
                } catch (RuntimeException unexpected) {
                    // a bug in the AST builder must not take the whole file down with it
                    diagnostics.add(Diagnostic.error(span(source, stream.get(start)), "cannot read this declaration",
                            "internal error: " + unexpected));
                }
                continue;
            }
            int errorAt = failure.error() != null && failure.error().getOffendingToken() != null
                    ? SyntaxMessages.errorIndex(failure.error(), start) : start;
            // a malformed token already has its diagnostic; what the parser trips over next is a consequence
            int nextLexical = lexicalErrors.nextSetBit(previousCode(stream, start) + 1);
            if (nextLexical < 0 || nextLexical > errorAt) {
                diagnostics.add(explain(messages, failure, start, source, stream));
            }
            incomplete = stream.get(errorAt).getType() == Token.EOF && nextLexical < 0;
            stream.seek(resume(stream, start, errorAt));
        }
        diagnostics.sort(Comparator.comparingInt((Diagnostic d) -> d.span().line()).thenComparingInt(d -> d.span().column()));
        return new ParseResult(new Program(source, decls, comments), dedupe(diagnostics), incomplete);
    }

    private static Diagnostic explain(SyntaxMessages messages, SyntaxAbort failure, int start, Source source, CommonTokenStream stream) {
        try {
            return messages.explain(failure.error(), start);
        } catch (RuntimeException e) {
            return Diagnostic.error(span(source, stream.get(start)), "cannot parse this declaration");
        }
    }

    /**
     * Marks the first token of each declaration that exceeds {@link #MAX_DEPTH} nested brackets or
     * prefix signs, or {@link #MAX_OPERATORS} binary operators.
     */
    private static BitSet complexityLimits(List<Token> tokens) {
        BitSet marks = new BitSet();
        int depth = 0;
        int signs = 0;
        int operators = 0;
        boolean marked = false;
        for (Token t : tokens) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
            if (Tokens.startsDeclaration(t)) {
                depth = 0;
                operators = 0;
                marked = false;
            }
            int type = t.getType();
            if (Tokens.isOpener(type)) depth++;
            else if (Tokens.isCloser(type)) depth = Math.max(0, depth - 1);
            signs = type == StratLexer.MINUS ? signs + 1 : 0;
            switch (type) {
                case StratLexer.PLUS, StratLexer.MINUS, StratLexer.STAR, StratLexer.SLASH, StratLexer.DOTDOT,
                     StratLexer.LT, StratLexer.LE, StratLexer.GT, StratLexer.GE, StratLexer.EQEQ, StratLexer.NEQ,
                     StratLexer.DOT -> operators++;
                default -> { }
            }
            if (!marked && (depth > MAX_DEPTH || signs > MAX_DEPTH || operators > MAX_OPERATORS)) {
                marks.set(t.getTokenIndex());
                marked = true;
            }
        }
        return marks;
    }

    /** Index of the last default-channel token before {@code index}, or -1. */
    private static int previousCode(CommonTokenStream stream, int index) {
        for (int k = index - 1; k >= 0; k--) {
            if (stream.get(k).getChannel() == Token.DEFAULT_CHANNEL) return k;
        }
        return -1;
    }

    private record Attempt(StratParser.DeclContext decl, SyntaxAbort failure) { }

    private static Attempt attempt(CommonTokenStream stream, PredictionMode mode) {
        try {
            return new Attempt(parseDecl(stream, mode), null);
        } catch (SyntaxAbort abort) {
            return new Attempt(null, abort);
        } catch (RuntimeException | StackOverflowError unexpected) {
            // recursion too deep for the stack: the declaration is reported as unparseable
            return new Attempt(null, new SyntaxAbort(null));
        }
    }

    private static StratParser.DeclContext parseDecl(CommonTokenStream stream, PredictionMode mode) {
        StratParser parser = new StratParser(stream);
        parser.removeErrorListeners();
        parser.setErrorHandler(new AbortingErrorStrategy());
        parser.getInterpreter().setPredictionMode(mode);
        return parser.decl();
    }

    /** The index to continue at after a broken declaration: the next line-initial declaration keyword. */
    private static int resume(CommonTokenStream stream, int start, int errorAt) {
        int k = Math.max(start + 1, errorAt);
        while (true) {
            Token t = stream.get(k);
            if (t.getType() == Token.EOF) return k;
            if (t.getChannel() == Token.DEFAULT_CHANNEL && Tokens.startsDeclaration(t)) return k;
            k++;
        }
    }

    /**
     * Lexes everything up front, reports malformed tokens and rewrites them so the parser can
     * carry on: bad numbers act as numbers, unterminated strings as strings, unknown characters
     * vanish. Declaration keywords that do not start their line become plain names.
     */
    private static List<Token> lex(Source source, List<Diagnostic> diagnostics, BitSet lexicalErrors) {
        StratLexer lexer = new StratLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        int lastCodeLine = -1;
        int braceDepth = 0;
        for (Token raw = lexer.nextToken(); ; raw = lexer.nextToken()) {
            CommonToken t = new CommonToken(raw);
            t.setTokenIndex(tokens.size());
            switch (t.getType()) {
                case StratLexer.BAD_NUMBER, StratLexer.UNTERMINATED_STRING, StratLexer.ERROR_CHAR -> lexicalErrors.set(t.getTokenIndex());
                default -> { }
            }
            switch (t.getType()) {
                case StratLexer.BAD_NUMBER -> {
                    diagnostics.add(Diagnostic.error(span(source, t), "malformed number '" + t.getText() + "'",
                            badNumberHint(t.getText())));
                    t.setType(StratLexer.NUMBER);
                }
                case StratLexer.UNTERMINATED_STRING -> {
                    diagnostics.add(Diagnostic.error(span(source, t), "unterminated string",
                            "add a closing '\"' before the end of the line"));
                    t.setType(StratLexer.STRING);
                }
                case StratLexer.ERROR_CHAR -> {
                    diagnostics.add(Diagnostic.error(span(source, t), "unexpected character " + describeChar(t.getText()),
                            charHint(t.getText())));
                    t.setChannel(Token.HIDDEN_CHANNEL);
                }
                default -> { }
            }
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) {
                if (Tokens.isDeclarationKeyword(t.getType()) && t.getType() != StratLexer.SPLIT && t.getLine() == lastCodeLine) {
                    t.setType(StratLexer.ID);
                }
                // inside an experiment block 'capital' is a setting, wherever it stands on its line; any other
                // declaration keyword starting a line ends an unclosed block, so recovery still finds it
                if (t.getType() == StratLexer.CAPITAL && braceDepth > 0) t.setType(StratLexer.ID);
                else if (Tokens.isDeclarationKeyword(t.getType()) && t.getType() != StratLexer.SPLIT) braceDepth = 0;
                if (t.getType() == StratLexer.LBRACE) braceDepth++;
                if (t.getType() == StratLexer.RBRACE) braceDepth = Math.max(0, braceDepth - 1);
                lastCodeLine = t.getLine();
            }
            tokens.add(t);
            if (t.getType() == Token.EOF) return tokens;
        }
    }

    private static String badNumberHint(String text) {
        if (text.chars().filter(c -> c == '.').count() > 1) return "a number has at most one decimal point";
        String units = "lengths are written 21d, 1h, 5w, 1mo or 2y; percentages 0.25% or basis points 10bp";
        return units;
    }

    private static String describeChar(String text) {
        int c = text.isEmpty() ? '?' : text.codePointAt(0);
        int kind = Character.getType(c);
        boolean invisible = Character.isISOControl(c) || Character.isWhitespace(c) || kind == Character.FORMAT
                || kind == Character.SPACE_SEPARATOR || kind == Character.UNASSIGNED;
        return invisible ? String.format("U+%04X", c) : "'" + text + "'";
    }

    /** Typographic look-alikes that text pasted from documents brings in. */
    private static String charHint(String text) {
        return switch (text) {
            case "\u201C", "\u201D", "\u201E" -> "strings use straight double quotes: \"...\"";
            case "\u2018", "\u2019" -> "strings use straight double quotes: \"...\"";
            case "\u2013", "\u2014", "\u2212" -> "use '-' for minus, '..' for ranges";
            case "\u00A0" -> "a non-breaking space; use an ordinary space";
            case "'" -> "strings use double quotes: \"...\"";
            default -> null;
        };
    }

    private static List<Comment> comments(Source source, List<Token> tokens) {
        List<Comment> out = new ArrayList<>();
        int lastCodeLine = -1;
        for (Token t : tokens) {
            if (t.getType() == StratLexer.COMMENT) {
                out.add(new Comment(t.getText(), t.getLine() == lastCodeLine, span(source, t)));
            } else if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) {
                lastCodeLine = t.getLine();
            }
        }
        return out;
    }

    static Span span(Source source, Token t) {
        String text = t.getType() == Token.EOF ? "" : t.getText();
        int length = text == null ? 1 : text.length();
        return new Span(source, Math.max(1, t.getLine()), t.getCharPositionInLine() + 1, length);
    }

    private static List<Diagnostic> dedupe(List<Diagnostic> diagnostics) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            if (out.isEmpty() || !out.getLast().equals(d)) out.add(d);
        }
        return out;
    }
}
