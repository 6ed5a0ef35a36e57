package dev.strat.lang.parse;

import java.util.Random;

/** Lets the formatter tests reuse the parser fuzz mutations. */
public final class ParserRobustnessTestAccess {

    private ParserRobustnessTestAccess() {
    }

    public static String mutate(String text, Random random) {
        return ParserRobustnessTest.mutate(text, random);
    }
}
