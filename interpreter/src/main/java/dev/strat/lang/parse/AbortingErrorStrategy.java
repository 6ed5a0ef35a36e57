package dev.strat.lang.parse;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;

/**
 * Gives up on a declaration at its first error instead of ANTLR's token insertion and deletion:
 * those guesses produce cascades of confusing follow-up errors. {@link Parser} resynchronises at
 * the next declaration keyword, so each broken declaration yields exactly one clear message.
 */
final class AbortingErrorStrategy extends DefaultErrorStrategy {

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        // reported by Parser from the SyntaxAbort thrown in recover()
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw new SyntaxAbort(e);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        throw new SyntaxAbort(new InputMismatchException(recognizer));
    }

    @Override
    public void sync(Parser recognizer) {
        // no single-token deletion at loop entries: errors surface at the next match or prediction
    }
}
