package dev.strat.lang.parse;

import java.util.LinkedHashMap;
import java.util.Map;

/** The programs of the language sketch (shared/design/language-sketch.md), verbatim. */
public final class SketchPrograms {

    private SketchPrograms() {
    }

    public static final String RIPO = """
            market sp500 = csv("ripo_sp500_top10_daily.csv.gz")
                symbols AAPL, MSFT, AMZN, GOOGL, TSLA, GOOG, UNH, NVDA, JNJ, META
                features ohlcv, ta(all)            # the paper's Appendix A indicators, via Ta4j

            costs fee 0.25%, slippage 0%..0.1%
            capital 1_000_000

            split ms1 = train 2015..2017, valid 2018, test 2019
            split ms2 = train 2015..2019, valid 2020, test 2021-01-01..2022-10-31

            strategy ripo =
                agent td3(hidden=[400, 300], lr=1e-3, buffer=1e6, batch=100, target_noise=0.2)
              | risk barrier(window=21d, gamma=0.8, market_risk=0)
              | adapt dcm(lambda_min=0.8, rho=0.005)
              | adapt ars(scale=1, window=5d)

            experiment table2 on sp500 split ms2 {
                compare ripo, td3 = agent td3(hidden=[400, 300]), crp, eg, olmar, pamr, corn
                seeds 10
                metrics ar, mdd, sr
                significance wilcoxon(ripo, alpha=0.05)
                report "out/ripo-ms2"
            }
            """;

    public static final String HADAPS = """
            market mix = csv("hadaps_crypto_nasdaq_daily.csv.gz") + cash
                classes crypto: [BTC, ETH, BNB, XRP, ADA], stock: [AAPL, MSFT, AMZN, META, GOOG], cash: [USD]

            strategy hadaps = hierarchy sac(action_scale=5, lr=1e-5, dropout=0.3, buffer=4000, batch=32) {
                inter mlp(256, 128, 64, 32, 16) on volatility(window=20)
                intra mlp(256, 128, 64, 32, 16) on price(window=20)
            }

            experiment crypto_stock on mix rolling(train=2y, test=1mo, from=2021-01-01, to=2021-12-31) {
                compare hadaps, ucrp, momentum, sac
                seeds 10
                metrics cr, sharpe, sortino, omega
            }
            """;

    public static final String SWITCHING = """
            market crypto = csv("crypto_hourly.csv.gz", freq=1h)

            models hc = [hrp(window=w, risk=cdar) for w in 30, 50, 100, 200, 400, 700]
                      + [herc(window=w, risk=cdar) for w in 30, 50, 100, 200, 400, 700]

            strategy switcher = switch ppo(hidden=[64, 64]) every 5 over hc + [hold]
            strategy blended  = blend ppo(hidden=[64, 64]) every 5 over hc
            strategy random   = switch random every 5 over hc + [hold]

            experiment fig5 on crypto split train ..2021-06-30, test 2021-07-01.. {
                warmup 700
                compare switcher, random, bah, hc
                seeds 30
            }
            """;

    public static final String GOAL = """
            market idx = csv("multi_asset_daily.csv.gz")
            scenarios sim = gbm(calibrate=idx, paths=1000, horizon=3y)

            goal wealth >= 1.25 * capital at horizon

            strategy hrl =
                select top(5) by hla(gru=64, attention=global, cross=self_attention) every 21d train a2c
              | agent ppo(net=cnn(window=60), reward=goal(alpha=1, mu=1, gamma=0.1, theta=0.1))

            experiment gbi on sim {
                compare hrl, tsm, csm(top=2), mr(window=20, k=2), ucrp, hla_ucrp = select top(5) by hrl.hla | ucrp
                metrics ar, sharpe, goal_probability
            }
            """;

    public static final String REPL = """
            market m = synthetic gbm(assets=5, days=1000, seed=7)
            strategy s = olmar(window=5) | constrain(max_weight=40%)
            backtest s on m
            """;

    public static final String BRIEF = """
            market us = csv("us_large_caps_daily.csv.gz") symbols AAPL, MSFT, JPM
            costs fee 0.25%, slippage 0%..0.1%
            capital 1_000_000
            split s = train 2015..2017, valid 2018, test 2019
            strategy fast = olmar(window=5) | constrain(max_weight=40%)
            experiment cmp on us split s {
                compare fast, ucrp, bah, eg(eta=0.05)
                seeds 3
                metrics ar, sharpe, mdd
                report "out/cmp"
            }
            """;

    /** All of them by name, in sketch order. */
    public static Map<String, String> all() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ripo", RIPO);
        m.put("hadaps", HADAPS);
        m.put("switching", SWITCHING);
        m.put("goal", GOAL);
        m.put("repl", REPL);
        m.put("brief", BRIEF);
        return m;
    }
}
