package dev.strat.lang.fmt;

/**
 * One output line before comments are woven in.
 *
 * @param indent  leading spaces
 * @param text    the code, without indentation
 * @param anchor  the source line its first node came from, or -1 for closing lines such as '}'
 *                that comments must not attach to
 */
record Line(int indent, String text, int anchor) {

    int width() {
        return indent + text.length();
    }
}
