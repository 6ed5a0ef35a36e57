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
        while (stream.LA(1) != Token.EOF) {
            int start = stream.index();
            StratParser.DeclContext ctx = null;
            SyntaxAbort failure = null;
            try {
                ctx = parseDecl(stream, PredictionMode.SLL);
            } catch (SyntaxAbort sll) {
                stream.seek(start);
                try {
                    ctx = parseDecl(stream, PredictionMode.LL);
                } catch (SyntaxAbort ll) {
                    failure = ll;
                }
            } catch (RuntimeException unexpected) {
                failure = new SyntaxAbort(null);
            }
            if (failure == null) {
                try {
                    decls.add(builder.decl(ctx));
                } catch (RuntimeException unexpected) {
                    diagnostics.add(Diagnostic.error(span(source, stream.get(start)),
                            "cannot read this declaration (" + unexpected.getClass().getSimpleName() + ")"));
                }
                continue;
            }
            int errorAt = failure.error() != null && failure.error().getOffendingToken() != null
                    ? failure.error().getOffendingToken().getTokenIndex() : start;
            // a malformed token already has its diagnostic; what the parser trips over next is a consequence
            int nextLexical = lexicalErrors.nextSetBit(start);
            if (nextLexical < 0 || nextLexical > errorAt) {
                diagnostics.add(messages.explain(failure.error(), start));
            }
            stream.seek(resume(stream, start, errorAt));
        }
        diagnostics.sort(Comparator.comparingInt((Diagnostic d) -> d.span().line()).thenComparingInt(d -> d.span().column()));
        return new ParseResult(new Program(source, decls, comments), dedupe(diagnostics));
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
                    diagnostics.add(Diagnostic.error(span(source, t), "unexpected character " + describeChar(t.getText())));
                    t.setChannel(Token.HIDDEN_CHANNEL);
                }
                default -> { }
            }
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) {
                if (Tokens.isDeclarationKeyword(t.getType()) && t.getType() != StratLexer.SPLIT && t.getLine() == lastCodeLine) {
                    t.setType(StratLexer.ID);
                }
                lastCodeLine = t.getLine();
            }
            tokens.add(t);
            if (t.getType() == Token.EOF) return tokens;
        }
    }

    private static String badNumberHint(String text) {
        if (text.chars().filter(c -> c == '.').count() > 1) return "a number has at most one decimal point";
        String units = "lengths are written 21d, 1h, 5w, 1mo or 2y; percentages 0.25%";
        return units;
    }

    private static String describeChar(String text) {
        char c = text.isEmpty() ? '?' : text.charAt(0);
        if (c < 32 || c == 127) return String.format("U+%04X", (int) c);
        return "'" + text + "'";
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
