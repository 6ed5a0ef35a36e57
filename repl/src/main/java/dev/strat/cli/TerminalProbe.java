package dev.strat.cli;

import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Tells whether standard error is an interactive terminal and how wide it is, so that a progress
 * bar is drawn only where someone watches it. Asked lazily: only a run that lasts long enough
 * to need a bar pays for the probe.
 */
public interface TerminalProbe {

    /** True when standard error is attached to a terminal. */
    boolean stderrIsTerminal();

    /** The width of standard error's terminal in columns, or 80 when unknown. */
    int stderrWidth();

    /** A probe that always says "not a terminal" (tests, {@code --no-progress}). */
    TerminalProbe NONE = new TerminalProbe() {
        public boolean stderrIsTerminal() { return false; }
        public int stderrWidth() { return 80; }
    };

    /**
     * The real probe, through JLine's terminal providers: the exec provider runs {@code test -t 2}
     * and {@code stty}, which works on every Unix without native code. Any failure means
     * "not a terminal".
     */
    static TerminalProbe system() {
        return new TerminalProbe() {
            private Boolean terminal;
            private int width = -1;

            public synchronized boolean stderrIsTerminal() {
                if (terminal == null) {
                    boolean t = false;
                    try {
                        t = System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"))
                                && TerminalProvider.load("exec").isSystemStream(SystemStream.Error);
                    } catch (Throwable e) {
                        // no provider or no shell: treat as non-interactive
                    }
                    terminal = t;
                }
                return terminal;
            }

            public synchronized int stderrWidth() {
                if (width < 0) {
                    int w = 0;
                    try {
                        w = TerminalProvider.load("exec").systemStreamWidth(SystemStream.Error);
                    } catch (Throwable e) {
                        // unknown width
                    }
                    width = w > 20 ? w : 80;
                }
                return width;
            }
        };
    }
}
