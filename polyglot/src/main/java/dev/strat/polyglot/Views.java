package dev.strat.polyglot;

import dev.strat.runtime.data.History;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * What guest code sees, as proxies over the host's own arrays and {@link History}: nothing is
 * copied per element, and every price read goes through the history view, so a function cannot
 * look past the decision bar.
 */
final class Views {

    private Views() {
    }

    /** A read-only array view of {@code values}; reads see the array as it is at the time of the read. */
    static final class ReadOnly implements ProxyArray {
        private double[] values;
        private final String what;

        ReadOnly(String what) {
            this.what = what;
        }

        ReadOnly over(double[] v) {
            this.values = v;
            return this;
        }

        @Override public Object get(long index) {
            if (index < 0 || index >= values.length) throw new ArrayIndexOutOfBoundsException(what + "[" + index + "] outside 0.." + (values.length - 1));
            return values[(int) index];
        }
        @Override public void set(long index, Value value) {
            throw new UnsupportedOperationException(what + " is read-only; return new weights instead");
        }
        @Override public long getSize() { return values.length; }
    }

    /** The last {@code length} closes of one asset, oldest first, read through the history view. */
    record CloseWindow(History history, int asset, int length) implements ProxyArray {
        @Override public Object get(long index) {
            if (index < 0 || index >= length) throw new ArrayIndexOutOfBoundsException("window[" + index + "] outside 0.." + (length - 1));
            return history.close(length - 1 - (int) index, asset);
        }
        @Override public void set(long index, Value value) { throw new UnsupportedOperationException("a price window is read-only"); }
        @Override public long getSize() { return length; }
    }

    /** The decision date of {@code history}, as {@code yyyy-mm-dd}. */
    static String date(History history) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(history.time(0)), ZoneOffset.UTC).toString();
    }

    /**
     * The {@code ctx} argument of allocators, transforms, features and scorers. One instance per
     * stage is pointed at each new decision, so a call allocates nothing but the guest's own objects.
     */
    static final class DecisionView implements ProxyObject {
        private static final List<String> KEYS = List.of("assets", "symbols", "step", "date", "available", "wealth",
                "proposal", "current", "close", "open", "high", "low", "volume", "relative", "closes");

        private History history;
        private int step;
        private double wealth;
        private final ReadOnly proposal = new ReadOnly("ctx.proposal");
        private final ReadOnly current = new ReadOnly("ctx.current");
        private final Map<String, Object> fns;
        private Object symbols;

        DecisionView() {
            fns = Map.of(
                    "close", (ProxyExecutable) a -> history.close(a[0].asInt(), a[1].asInt()),
                    "open", (ProxyExecutable) a -> history.open(a[0].asInt(), a[1].asInt()),
                    "high", (ProxyExecutable) a -> history.high(a[0].asInt(), a[1].asInt()),
                    "low", (ProxyExecutable) a -> history.low(a[0].asInt(), a[1].asInt()),
                    "volume", (ProxyExecutable) a -> history.volume(a[0].asInt(), a[1].asInt()),
                    "relative", (ProxyExecutable) a -> history.relative(a[0].asInt(), a[1].asInt()),
                    "closes", (ProxyExecutable) a -> closes(a[0].asInt(), a[1].asInt()));
        }

        private Object closes(int asset, int length) {
            if (length < 1 || length > history.available()) {
                throw new IndexOutOfBoundsException("ctx.closes(" + asset + ", " + length + "): only " + history.available() + " bars visible");
            }
            return new CloseWindow(history, asset, length);
        }

        DecisionView at(History history, int step, double[] proposal, double[] current, double wealth) {
            if (this.history == null || this.history.assets() != history.assets()) {
                this.symbols = ProxyArray.fromList(List.copyOf(history.symbols()).stream().map(s -> (Object) s).toList());
            }
            this.history = history;
            this.step = step;
            this.wealth = wealth;
            this.proposal.over(proposal);
            this.current.over(current);
            return this;
        }

        @Override public Object getMember(String key) {
            return switch (key) {
                case "assets" -> history.assets();
                case "symbols" -> symbols;
                case "step" -> step;
                case "date" -> date(history);
                case "available" -> history.available();
                case "wealth" -> wealth;
                case "proposal" -> proposal;
                case "current" -> current;
                default -> fns.get(key);
            };
        }
        @Override public Object getMemberKeys() { return ProxyArray.fromList(KEYS.stream().map(k -> (Object) k).toList()); }
        @Override public boolean hasMember(String key) { return KEYS.contains(key); }
        @Override public void putMember(String key, Value value) { throw new UnsupportedOperationException("ctx is read-only"); }
    }
}
