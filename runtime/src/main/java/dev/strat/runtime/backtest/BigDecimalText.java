package dev.strat.runtime.backtest;

import java.math.BigDecimal;

/** Rates as people write them: {@code 0.0025} is {@code 0.25%}. */
final class BigDecimalText {

    private BigDecimalText() {
    }

    static String percent(double rate) {
        return new BigDecimal(Double.toString(rate)).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
