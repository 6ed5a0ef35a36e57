package dev.strat.stdlib.builtins;

import dev.strat.runtime.rl.nn.Activation;
import dev.strat.runtime.rl.nn.NetSpec;
import dev.strat.runtime.rl.portfolio.ActionMap;
import dev.strat.runtime.rl.portfolio.ActionMaps;
import dev.strat.runtime.rl.portfolio.Feature;
import dev.strat.runtime.rl.portfolio.Features;
import dev.strat.runtime.rl.portfolio.Reward;
import dev.strat.runtime.rl.portfolio.Rewards;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.BuildException;
import dev.strat.stdlib.MarketInfo;
import dev.strat.stdlib.Value;

import java.util.ArrayList;
import java.util.List;

/** Turns checked component values ({@link Value.Call}) into the runtime objects they name. */
final class ComponentBinding {

    private ComponentBinding() {
    }

    /** The network a {@code net=} or {@code critic=} argument names; {@code auto} is an MLP of {@code hidden}. */
    static NetSpec network(Value value, double[] hidden, String defaultActivation) {
        if (value instanceof Value.Word) return new NetSpec.Mlp(ints(hidden), Activation.of(defaultActivation), false, 0);
        Value.Call c = (Value.Call) value;
        Arguments a = new Arguments(c.args());
        return switch (c.name()) {
            case "mlp" -> new NetSpec.Mlp(ints(a.numbers("sizes")), Activation.of(a.text("activation")), a.flag("batch_norm"),
                    a.number("dropout"));
            case "cnn" -> new NetSpec.Cnn(ints(a.numbers("filters")), a.integer("kernel"), ints(a.numbers("hidden")),
                    Activation.of(a.text("activation")));
            case "gru_attention" -> new NetSpec.GruAttention(a.integer("gru"), a.integer("attention"));
            default -> throw new BuildException("'" + c.name() + "' is not a network");
        };
    }

    static List<Feature> features(Value value, MarketInfo market) {
        List<Feature> out = new ArrayList<>();
        for (Value item : ((Value.ListOf) value).items()) out.add(feature((Value.Call) item, market));
        return out;
    }

    static Feature feature(Value.Call c, MarketInfo market) {
        Arguments a = new Arguments(c.args());
        return switch (c.name()) {
            case "returns" -> Features.returns(window(a, market, 1));
            case "prices" -> Features.prices(window(a, market, 1));
            case "ohlcv" -> Features.ohlcv(window(a, market, 1));
            case "volatility" -> Features.volatility(window(a, market, 2));
            case "covariance" -> Features.covariance(window(a, market, 2));
            case "ta" -> Features.ta(indicators(c.arg("indicators")));
            case "weights" -> Features.weights();
            case "wealth" -> Features.logWealth();
            default -> throw new BuildException("'" + c.name() + "' is not a feature");
        };
    }

    static ActionMap actions(Value value) {
        Value.Call c = (Value.Call) value;
        Arguments a = new Arguments(c.args());
        return switch (c.name()) {
            case "softmax" -> ActionMaps.softmax(a.number("scale") / a.number("temperature"));
            case "normalise" -> ActionMaps.sumNormalise();
            case "simplex" -> ActionMaps.simplex();
            default -> throw new BuildException("'" + c.name() + "' is not an action map");
        };
    }

    static Reward reward(Value value) {
        Value.Call c = (Value.Call) value;
        return switch (c.name()) {
            case "log_return" -> Rewards.logReturn();
            case "simple_return" -> Rewards.simpleReturn(new Arguments(c.args()).number("scale"));
            default -> throw new BuildException("'" + c.name() + "' is not a reward");
        };
    }

    private static int window(Arguments a, MarketInfo market, int min) {
        try {
            int bars = a.bars("window", market.frequency());
            if (bars < min) throw new BuildException("'window' must be at least " + min + " bars, got " + bars);
            return bars;
        } catch (IllegalArgumentException e) {
            throw new BuildException("'window': " + e.getMessage());
        }
    }

    private static List<String> indicators(Value v) {
        if (v instanceof Value.Word w) return List.of(w.name());
        List<String> names = new ArrayList<>();
        for (Value item : ((Value.ListOf) v).items()) names.add(((Value.Word) item).name());
        return names;
    }

    private static List<Integer> ints(double[] values) {
        List<Integer> out = new ArrayList<>();
        for (double v : values) out.add((int) v);
        return out;
    }
}
