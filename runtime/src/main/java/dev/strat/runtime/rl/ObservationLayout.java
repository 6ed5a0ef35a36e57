package dev.strat.runtime.rl;

/**
 * How a flat observation vector is arranged, so that structured networks can see its shape.
 * The first {@code window * columns * channels} values form a tensor of shape
 * (window, columns, channels) in row-major order (oldest bar first; columns are the assets and
 * then cash where the feature has one); the remaining {@code flat} values are a plain vector
 * (account state, extra features). A purely flat observation has {@code window == 0}.
 *
 * @param window   bars in the tensor part (0 when there is none)
 * @param columns  columns of the tensor part (assets, plus cash when present)
 * @param channels features per (bar, column)
 * @param flat     values after the tensor part
 */
public record ObservationLayout(int window, int columns, int channels, int flat) {

    public ObservationLayout {
        if (window < 0 || columns < 0 || channels < 0 || flat < 0) throw new IllegalArgumentException("negative observation size");
        if ((window == 0) != (columns * channels == 0) && window != 0) throw new IllegalArgumentException("a tensor part needs columns and channels");
    }

    /** A flat observation of {@code size} values. */
    public static ObservationLayout flat(int size) {
        return new ObservationLayout(0, 0, 0, size);
    }

    public int tensorSize() { return window * columns * channels; }

    public int size() { return tensorSize() + flat; }

    public boolean structured() { return window > 0; }
}
