package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.data.History;

/** RiPO's account state: {@code log(wealth / initialWealth)}, one value. */
final class LogWealthFeature implements Feature {

    @Override
    public String label() { return "log_wealth"; }

    @Override
    public int warmup() { return 1; }

    @Override
    public int width(int assets) { return 1; }

    @Override
    public void write(History history, AccountState account, float[] out, int offset) {
        out[offset] = (float) Math.log(account.wealth() / account.initialWealth());
    }
}
