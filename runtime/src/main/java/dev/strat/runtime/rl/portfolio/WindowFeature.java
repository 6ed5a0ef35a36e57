package dev.strat.runtime.rl.portfolio;

/**
 * A feature over the last {@code window} bars that forms a (window, assets + cash, channels)
 * block of the observation's tensor part, oldest bar first: what returns, prices and OHLCV
 * windows share (their size, shape, label and default warm-up).
 */
abstract class WindowFeature implements Feature {

    private final String name;
    final int window;
    private final int channels;

    WindowFeature(String name, int window, int channels) {
        if (window < 1) throw new IllegalArgumentException(name + " needs a window of at least 1, got " + window);
        this.name = name;
        this.window = window;
        this.channels = channels;
    }

    @Override
    public String label() { return name + "(window=" + window + ")"; }

    /** The window's bars, the decision bar included. */
    @Override
    public int warmup() { return window; }

    @Override
    public int width(int assets) { return window * (assets + 1) * channels; }

    @Override
    public int[] tensorShape(int assets) { return new int[] {window, channels}; }
}
