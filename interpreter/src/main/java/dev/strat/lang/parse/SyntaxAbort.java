package dev.strat.lang.parse;

import org.antlr.v4.runtime.RecognitionException;

/**
 * Unwinds the parser out of a broken declaration; carries the first recognition error so that
 * {@link SyntaxMessages} can explain it. Never escapes {@link Parser}.
 */
final class SyntaxAbort extends RuntimeException {

    private final transient RecognitionException error;

    SyntaxAbort(RecognitionException error) {
        super(null, null, false, false);
        this.error = error;
    }

    RecognitionException error() {
        return error;
    }
}
