package dev.strat.polyglot;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.backtest.Backtester;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.SyntheticMarkets;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.BuildContext;
import dev.strat.stdlib.MarketInfo;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.Value;

import java.util.List;
import java.util.Map;

/** Small helpers: a function from code, a market, a backtest of a stage on it. */
final class Fixtures {

    static final MarketData MARKET = SyntheticMarkets.gbm(3, 120, 7);

    private Fixtures() {
    }

    static FunctionSpec spec(String name, Role role, String code, ParamSpec... params) {
        return spec(GuestLanguage.JS, name, role, code, params);
    }

    /** A Python function, its block starting on line 10 of test.strat like the JavaScript ones. */
    static FunctionSpec py(String name, Role role, String code, ParamSpec... params) {
        return spec(GuestLanguage.PYTHON, name, role, code, params);
    }

    static FunctionSpec spec(GuestLanguage language, String name, Role role, String code, ParamSpec... params) {
        return new FunctionSpec(name, role, List.of(params), new GuestSource(language, "test.strat", code, 10),
                "test.strat:9:1", "a test function");
    }

    static MarketInfo info() {
        return new MarketInfo(MARKET.symbols(), Map.of(), MARKET.frequency());
    }

    static GuestStage stage(FunctionSpec spec, Sandbox sandbox, Map<String, Value> args) {
        var builtin = UserFunctions.builtin(spec, sandbox).orElseThrow();
        return (GuestStage) builtin.factory().create(Arguments.of(builtin, args), BuildContext.leaf(info(), "s." + spec.name()));
    }

    static BacktestResult backtest(GuestStage stage, long seed) {
        try (stage) {
            return new Backtester(BacktestConfig.FRICTIONLESS).run("s", stage, MARKET, 20, MARKET.bars() - 1, seed);
        }
    }
}
