package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.data.History;
import dev.strat.runtime.rl.ObservationLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An observation built from features for a market of {@code assets} risky assets, laid out as
 * {@link ObservationLayout} says: the tensor features first, stacked as the channels of one
 * (window, assets + cash, channels) tensor in row-major order (so they must share a window), in
 * the order given; then the flat features, in the order given.
 *
 * <p>Single-threaded (a feature may keep state, see {@link Features#ta}); {@link #write}
 * allocates no arrays.
 */
public final class Observations {

    private final List<Feature> tensor;
    private final List<Feature> flat;
    private final int assets;
    private final ObservationLayout layout;
    private final int warmup;
    private final int[] channelOffset;
    private final int[] channelCount;
    /** Where a tensor feature writes before its channels are interleaved (null with one tensor feature). */
    private final float[] scratch;

    public Observations(List<Feature> features, int assets) {
        Objects.requireNonNull(features);
        if (features.isEmpty()) throw new IllegalArgumentException("an observation needs at least one feature");
        if (assets < 1) throw new IllegalArgumentException("an observation needs at least one asset");
        this.assets = assets;
        List<Feature> t = new ArrayList<>();
        List<Feature> f = new ArrayList<>();
        int window = 0;
        int channels = 0;
        int flatSize = 0;
        int w = 0;
        for (Feature feature : features) {
            w = Math.max(w, feature.warmup());
            int[] shape = feature.tensorShape(assets);
            if (shape == null) {
                f.add(feature);
                flatSize += feature.width(assets);
                continue;
            }
            if (window != 0 && shape[0] != window) {
                throw new IllegalArgumentException("tensor features must share one window: " + t.get(0).label() + " has "
                        + window + " bars, " + feature.label() + " has " + shape[0]);
            }
            if (feature.width(assets) != shape[0] * (assets + 1) * shape[1]) {
                throw new IllegalStateException(feature.label() + " declares a tensor shape that does not match its width");
            }
            window = shape[0];
            channels += shape[1];
            t.add(feature);
        }
        this.tensor = List.copyOf(t);
        this.flat = List.copyOf(f);
        this.warmup = w;
        this.layout = new ObservationLayout(window, window == 0 ? 0 : assets + 1, channels, flatSize);
        this.channelOffset = new int[tensor.size()];
        this.channelCount = new int[tensor.size()];
        int c = 0;
        int biggest = 0;
        for (int k = 0; k < tensor.size(); k++) {
            channelOffset[k] = c;
            channelCount[k] = tensor.get(k).tensorShape(assets)[1];
            c += channelCount[k];
            biggest = Math.max(biggest, tensor.get(k).width(assets));
        }
        this.scratch = tensor.size() > 1 ? new float[biggest] : null;
    }

    public ObservationLayout layout() { return layout; }

    /** Bars that must be visible before the first observation: the largest warm-up of the features. */
    public int warmup() { return warmup; }

    public int size() { return layout.size(); }

    public int assets() { return assets; }

    /** The features in the order they are written (tensor features first). */
    public List<Feature> features() {
        List<Feature> all = new ArrayList<>(tensor);
        all.addAll(flat);
        return List.copyOf(all);
    }

    /** The features' labels in the order they are written, e.g. for a checkpoint's description. */
    public List<String> labels() {
        return features().stream().map(Feature::label).toList();
    }

    /** Which feature, and which value of it, observation element {@code index} is; for error messages. */
    public String elementLabel(int index) {
        Objects.checkIndex(index, size());
        if (index < layout.tensorSize()) {
            int channel = index % layout.channels();
            int column = (index / layout.channels()) % layout.columns();
            int row = index / (layout.channels() * layout.columns());
            int k = tensor.size() - 1;
            while (channelOffset[k] > channel) k--;
            return tensor.get(k).label() + "[bar " + (row - layout.window() + 1) + ", "
                    + (column == assets ? "cash" : "asset " + column) + ", channel " + (channel - channelOffset[k]) + "]";
        }
        int at = index - layout.tensorSize();
        for (Feature feature : flat) {
            int width = feature.width(assets);
            if (at < width) return feature.label() + "[" + at + "]";
            at -= width;
        }
        throw new IllegalStateException("unreachable");
    }

    /** Writes the observation at {@code history}'s decision bar into {@code out[0 .. size())}. */
    public void write(History history, AccountState account, float[] out) {
        if (history.assets() != assets) {
            throw new IllegalArgumentException("observation built for " + assets + " assets, market has " + history.assets());
        }
        if (history.available() < warmup) {
            throw new IllegalArgumentException("observation needs " + warmup + " bars of history (its warm-up), bar "
                    + history.now() + " has " + history.available());
        }
        if (tensor.size() == 1) {
            tensor.get(0).write(history, account, out, 0);
        } else if (!tensor.isEmpty()) {
            final int cells = layout.window() * layout.columns();
            final int channels = layout.channels();
            for (int k = 0; k < tensor.size(); k++) {
                final Feature feature = tensor.get(k);
                final int own = channelCount[k];
                feature.write(history, account, scratch, 0);
                final int base = channelOffset[k];
                for (int cell = 0; cell < cells; cell++) {
                    System.arraycopy(scratch, cell * own, out, cell * channels + base, own);
                }
            }
        }
        int offset = layout.tensorSize();
        for (Feature feature : flat) {
            feature.write(history, account, out, offset);
            offset += feature.width(assets);
        }
    }
}
