package dev.strat.stdlib.builtins;

import dev.strat.runtime.rl.nn.Activation;
import dev.strat.runtime.rl.nn.NetSpec;
import dev.strat.runtime.rl.portfolio.ActionMaps;
import dev.strat.runtime.rl.portfolio.Feature;
import dev.strat.runtime.rl.portfolio.Features;
import dev.strat.runtime.rl.portfolio.Rewards;
import dev.strat.runtime.rl.portfolio.FeatureIndicator;
import dev.strat.runtime.rl.portfolio.TaIndicator;
import dev.strat.runtime.rl.portfolio.TaKind;
import dev.strat.runtime.rl.portfolio.TaPrices;
import dev.strat.stdlib.BuildException;
import dev.strat.stdlib.ComponentBinder;
import dev.strat.stdlib.ComponentKind;
import dev.strat.stdlib.Component;
import dev.strat.stdlib.ComponentType;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The components agents are configured with: networks, action maps, observation features and
 * rewards. Each is written as an argument value, e.g.
 * {@code agent td3(net=mlp([400, 300]), actions=normalise, features=[covariance(21), ta(all), wealth])},
 * and registered with the factory that builds its runtime object.
 */
public final class Components {

    static final Component MLP = new Component("mlp", List.of(
            ParamSpec.optional("sizes", Specs.NUMBERS, list(64, 64), 1, 65536, "hidden layer widths"),
            Specs.choice("activation", List.of("relu", "tanh", "leaky_relu", "elu"), "relu", "hidden activation"),
            ParamSpec.optional("batch_norm", new ParamType.Bool(), new Value.Bool(false), Double.NaN, Double.NaN,
                    "batch-normalise the input and every hidden layer"),
            Specs.number("dropout", 0, 0, 0.95, "dropout rate after every hidden activation")),
            "A multilayer perceptron on the flattened observation.",
            "Fully connected layers of the given widths with the given activation, optionally with batch "
                    + "normalisation (HADAPS) and dropout, then a linear head sized by the agent.",
            "", "agent sac(net=mlp([256, 128, 64], activation=leaky_relu, batch_norm=true, dropout=0.3))",
            ComponentType.NETWORK.factory((a, c) -> new NetSpec.Mlp(widths(a.numbers("sizes")), Activation.of(a.text("activation")),
                    a.flag("batch_norm"), a.number("dropout"))));

    static final Component CNN = new Component("cnn", List.of(
            ParamSpec.optional("filters", Specs.NUMBERS, list(16, 16), 1, 4096, "filters of each convolution layer"),
            Specs.count("kernel", 3, 1, "kernel length in bars"),
            ParamSpec.optional("hidden", Specs.NUMBERS, list(64), 1, 65536, "widths of the dense layers after the convolutions"),
            Specs.choice("activation", List.of("relu", "tanh", "leaky_relu", "elu"), "relu", "activation")),
            "A 1-D convolution over time, shared across assets, then dense layers.",
            "Convolves each asset's (and cash's) window of window-shaped features (returns, prices, ohlcv) with "
                    + "the same filters, flattens the maps, joins the flat features (weights, wealth) and applies dense "
                    + "layers: the goal-based HRL paper's low-level feature extractor.",
            "", "agent ppo(net=cnn(filters=[16, 16], kernel=3), features=[ohlcv(window=60), weights])",
            ComponentType.NETWORK.factory((a, c) -> new NetSpec.Cnn(widths(a.numbers("filters")), a.integer("kernel"),
                    widths(a.numbers("hidden")), Activation.of(a.text("activation")))));

    static final Component GRU_ATTENTION = new Component("gru_attention", List.of(
            Specs.count("gru", 64, 1, "GRU hidden size"),
            Specs.count("attention", 32, 1, "dimension of the cross-asset self-attention")),
            "GRU per asset, temporal attention, cross-asset self-attention, a score per asset.",
            "Runs a GRU over each asset's window, pools its states with global temporal attention, lets assets "
                    + "attend to each other (Q = W_Q U, K = W_K U, V = W_V U, softmax(QK'/sqrt(d)) V) and scores each "
                    + "asset with tanh(W U' + b): the goal-based HRL paper's high-level asset scorer.",
            "", "agent a2c(net=gru_attention(gru=64), features=[prices(window=60)])",
            ComponentType.NETWORK.factory((a, c) -> new NetSpec.GruAttention(a.integer("gru"), a.integer("attention"))));

    static final Component SOFTMAX = new Component("softmax", List.of(
            Specs.number("scale", 1, 1e-6, 1e6, "multiplies the action before the softmax (HADAPS's action scale)"),
            Specs.number("temperature", 1, 1e-6, 1e6, "divides the action before the softmax")),
            "Weights = softmax(scale * action / temperature) over the assets and cash.",
            "Maps an action in [-1, 1]^(N+1) to long-only weights that sum to 1. A larger scale lets the agent "
                    + "concentrate; the RL benchmark uses scale 5, HADAPS calls it the action scale.",
            "", "agent td3(actions=softmax(scale=5))",
            ComponentType.ACTIONS.factory((a, c) -> ActionMaps.softmax(a.number("scale") / a.number("temperature"))));

    static final Component NORMALISE = new Component("normalise", List.of(),
            "Weights = action rescaled to [0, 1], divided by its sum (RiPO).",
            "Maps each action component from [-1, 1] to [0, 1] and divides by the sum; an all-zero action "
                    + "means equal weights. RiPO's action-to-weights rule.",
            "", "agent td3(actions=normalise)",
            ComponentType.ACTIONS.factory((a, c) -> ActionMaps.sumNormalise()));

    static final Component SIMPLEX = new Component("simplex", List.of(),
            "Weights = Euclidean projection of the action onto the simplex.",
            "The closest long-only, fully invested weights (cash included) to the action vector, by the "
                    + "sort-based projection of Duchi et al. (2008); it can put exact zeros on assets.",
            "J. Duchi, S. Shalev-Shwartz, Y. Singer, T. Chandra, \"Efficient projections onto the l1-ball\", ICML 2008",
            "agent ppo(actions=simplex)",
            ComponentType.ACTIONS.factory((a, c) -> ActionMaps.simplex()));

    static final Component RETURNS = feature("returns", "Log returns of every asset over the last window bars.",
            "A (window, assets + cash) block of one-bar log returns ending at the decision bar; cash is 0. "
                    + "Warm-up: window bars.", 20, "features=[returns(window=20), weights]", 1, Features::returns);
    static final Component PRICES = feature("prices", "Closes over the last window bars relative to the decision bar's close.",
            "A (window, assets + cash) block of close(t - k) / close(t); cash is 1. Warm-up: window - 1 bars.", 20,
            "features=[prices(window=20)]", 1, Features::prices);
    static final Component OHLCV = feature("ohlcv", "Open, high, low, close relative to the current close, and log volume.",
            "A (window, assets + cash, 5) block: the low-level state of the goal-based HRL paper. Warm-up: window - 1 bars.",
            60, "features=[ohlcv(window=60), weights]", 1, Features::ohlcv);
    static final Component VOLATILITY = feature("volatility", "Rolling std of closes times the sign of the bar's return (HADAPS).",
            "Per asset and bar of the window: the standard deviation of the last window closes, signed by the "
                    + "bar's return: HADAPS's volatility state.", 5, "features=[volatility(window=5)]",
            2, Features::volatility);
    static final Component COVARIANCE = new Component("covariance", List.of(
            Specs.bars("window", 21, 2, "bars of returns the covariance is estimated from")),
            "The N x N covariance of the last window log returns (RiPO's state).",
            "Sample covariance (divisor window - 1) of one-bar log returns ending at the decision bar, flattened "
                    + "row by row. Warm-up: window bars.", "", "features=[covariance(window=21), ta(all), wealth]",
            ComponentType.FEATURE.factory((a, c) -> Features.covariance(a.bars("window", c.market().frequency(), 2))));
    /** The ta feature; its factory builds the indicator calls through {@code binder} (the registry being built). */
    static Component ta(ComponentBinder binder) {
        return new Component("ta", List.of(
            ParamSpec.optional("indicators", new ParamType.ComponentList(ComponentKind.INDICATOR),
                    new Value.ListOf(List.of(new Value.Call("all", ComponentKind.INDICATOR, Map.of(), List.of()))), Double.NaN,
                    Double.NaN, "the indicators, e.g. [rsi(14), macd, roc(6, field=volume)], or all"),
            Specs.choice("prices", List.of("scaled", "as_stored"), "scaled",
                    "scaled: open, high and low brought to the scale of an adjusted close; as_stored: as the file has them")),
            "Technical indicators per asset, computed with Ta4j (RiPO's Appendix A).",
            "Per asset, the values of the listed indicators (see Indicators below), each from bars up to the "
                    + "decision bar only; all = RiPO's Appendix A, 59 indicators with their window variants, 62 values. "
                    + "Values are scale-free: price levels as level / close - 1, price differences over the close. Each "
                    + "indicator declares its warm-up (Ta4j's unstable bars plus one, or the bars its window reads); the "
                    + "feature's is the largest (89 bars for all, from cci(88)). Every value is computed once per bar "
                    + "for a run. prices=scaled: where the close is adjusted for dividends and open, high and low are "
                    + "not (ripo_sp500_top10_daily), they are multiplied by an estimate of adjusted / raw close, the "
                    + "median over the last 63 bars of the previous close over the open, and the bar widened to hold "
                    + "the close; on unadjusted data the estimate stays near 1.",
            "Ta4j (https://github.com/ta4j/ta4j); TA-Lib's definitions and defaults (https://ta-lib.org)",
            "features=[ta(indicators=[rsi(14), macd, roc(6, field=volume)]), weights]",
            ComponentType.FEATURE.factory((a, c) -> Features.ta(flatten(binder.buildAll(ComponentType.INDICATOR,
                    a.get("indicators"), c)), a.text("prices").equals("scaled") ? TaPrices.SCALED : TaPrices.AS_STORED)));
    }

    /** {@code all}: every indicator of RiPO's Appendix A. */
    static final Component ALL_INDICATORS = new Component("all", List.of(),
            "Every indicator of RiPO's Appendix A with its window variants (59 indicators, 62 values).",
            "ad, adosc, adx, adxr, apo, aroon, aroonosc, atr(6), atr(14), bbands, bop, change of open, high, low, "
                    + "close and volume, cci(5), cci(10), cci(20), cci(88), cmo of open and close (14), dema(6, 12, 26), "
                    + "dx, ema(6, 12, 26), kama, ma(5), macd, medprice, minus_di, minus_dm, mom, natr, obv, plus_di, "
                    + "plus_dm, ppo_osc, roc(6, 20) and rocp(6, 20) of close and volume, rsi, sar, tema(6, 12, 26), trange, "
                    + "typprice, tsf, ultosc, willr. bbp and stochk are offered by name only.",
            "RiPO, Appendix A", "features=[ta(all), covariance(window=21), wealth]",
            ComponentType.INDICATOR.factory((a, c) -> List.copyOf(TaIndicator.appendixA())));

    /** One component per indicator kind: its windows as whole numbers, its field where it reads one. */
    static List<Component> indicators() {
        List<Component> out = new ArrayList<>();
        for (TaKind kind : TaKind.values()) {
            List<ParamSpec> params = new ArrayList<>();
            int[] defaults = kind.defaults();
            for (int k = 0; k < defaults.length; k++) {
                params.add(Specs.count(kind.params().get(k), defaults[k], 1, kind.params().size() == 1 ? "bars in the window"
                        : kind.params().get(k) + " window in bars" + (k > 0 ? ", above " + kind.params().get(k - 1) : "")));
            }
            if (!kind.fields().isEmpty()) params.add(Specs.choice("field", kind.fields(), kind.fields().get(0), "the series it reads"));
            String summary = Character.toUpperCase(kind.doc().charAt(0)) + kind.doc().substring(1) + ".";
            String example = "ta(indicators=[" + kind.word() + (defaults.length > 0 ? "(" + defaults[0] + ")" : "") + "])";
            out.add(new Component(kind.word(), params, summary,
                    "Computed per asset from bars up to the decision bar; a value that cannot be computed (a flat "
                            + "window) is 0. Written " + (kind.outputs() > 1 ? "as " + kind.outputs() + " values" : "as one value")
                            + " per asset.", "TA-Lib's " + kind.word().toUpperCase(java.util.Locale.ROOT) + " (RiPO, Appendix A)",
                    example, ComponentType.INDICATOR.factory((a, c) -> {
                        StringBuilder text = new StringBuilder(kind.word()).append('(');
                        List<String> parts = new ArrayList<>();
                        if (!kind.fields().isEmpty()) parts.add(a.text("field"));
                        for (String p : kind.params()) parts.add(Integer.toString(a.integer(p)));
                        try {
                            return List.copyOf(TaIndicator.parse(text.append(String.join(",", parts)).append(')').toString()));
                        } catch (IllegalArgumentException e) {
                            throw new BuildException(e.getMessage());
                        }
                    })));
        }
        return out;
    }

    private static List<FeatureIndicator> flatten(List<List<FeatureIndicator>> lists) {
        List<FeatureIndicator> out = new ArrayList<>();
        for (List<FeatureIndicator> l : lists) out.addAll(l);
        return out;
    }
    static final Component WEIGHTS = new Component("weights", List.of(),
            "The weights held now (assets and cash), drifted with prices since the last trade.",
            "N + 1 values summing to 1: the account state that lets an agent learn about trading costs.",
            "", "features=[returns(window=20), weights]",
            ComponentType.FEATURE.factory((a, c) -> Features.weights()));
    static final Component WEALTH = new Component("wealth", List.of(),
            "log(V_t / V_0): the portfolio's log growth so far (RiPO's state).",
            "One value: the log of wealth over initial wealth.", "", "features=[covariance(window=21), wealth]",
            ComponentType.FEATURE.factory((a, c) -> Features.logWealth()));

    static final Component LOG_RETURN = new Component("log_return", List.of(),
            "Reward = log(1 + r_t), the step's log return after costs.",
            "Sums to the log of final wealth over an episode, so maximising it maximises growth.", "",
            "agent td3(reward=log_return)",
            ComponentType.REWARD.factory((a, c) -> Rewards::logReturn));
    static final Component SIMPLE_RETURN = new Component("simple_return", List.of(
            Specs.number("scale", 100, 1e-9, 1e9, "multiplies the return (RiPO: 100 * kappa)")),
            "Reward = scale * r_t, the step's simple return after costs (RiPO).",
            "RiPO's reward R_t = 100 * kappa * r_t with kappa = 1.", "",
            "agent td3(reward=simple_return(scale=100))",
            ComponentType.REWARD.factory((a, c) -> {
                double scale = a.number("scale");
                return () -> Rewards.simpleReturn(scale);
            }));

    private Components() {
    }

    public static void register(Registry.Builder b) {
        for (Component c : List.of(MLP, CNN, GRU_ATTENTION, SOFTMAX, NORMALISE, SIMPLEX, RETURNS, PRICES, OHLCV, VOLATILITY,
                COVARIANCE, ta(b.binder()), WEIGHTS, WEALTH, LOG_RETURN, SIMPLE_RETURN, ALL_INDICATORS)) {
            b.add(c);
        }
        for (Component c : indicators()) b.add(c);
    }

    /** A call of {@code component} with its defaults, overriding and showing {@code written}. */
    static Value.Call call(Component component, Object... written) {
        Map<String, Value> args = new LinkedHashMap<>();
        for (ParamSpec p : component.params()) if (p.defaultValue() != null) args.put(p.name(), p.defaultValue());
        List<String> names = new ArrayList<>();
        for (int k = 0; k < written.length; k += 2) {
            String name = (String) written[k];
            args.put(name, (Value) written[k + 1]);
            names.add(name);
        }
        return new Value.Call(component.name(), component.kind(), args, names);
    }

    /** A feature over a window of at least {@code minBars} bars once converted (the schema only asks for 1). */
    private static Component feature(String name, String summary, String doc, int window, String example, int minBars,
                                     IntFunction<Feature> build) {
        return new Component(name, List.of(Specs.bars("window", window, 1, "bars in the window")), summary, doc, "", example,
                ComponentType.FEATURE.factory((a, c) -> build.apply(a.bars("window", c.market().frequency(), minBars))));
    }

    /** Layer widths from a checked list of whole numbers. */
    static List<Integer> widths(double[] values) {
        List<Integer> out = new ArrayList<>();
        for (double v : values) out.add((int) v);
        return out;
    }

    private static Value.ListOf list(int... values) {
        List<Value> items = new ArrayList<>();
        for (int v : values) items.add(Specs.integer(v));
        return new Value.ListOf(items);
    }
}
