package dev.strat.runtime.compose;

import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Stage;

/**
 * Proposes the weights the account already holds, drifted since the last trade: nothing trades.
 * The HRP/HERC switching paper's "hold" action, as a member of a pool: a {@link Switch} that
 * chooses it lets the <em>real</em> account drift (it executes the real account's current weights,
 * not the member's own shadow account, which never leaves cash), and a {@link Blend} mixes the real
 * account's current weights in with the member's weight.
 *
 * <p>Not to be confused with strat's {@code hold}, which sells everything into cash.
 */
public final class NoTrade implements Stage {

    @Override
    public String label() {
        return "no_trade";
    }

    @Override
    public void reset(dev.strat.runtime.pipeline.RunSetup setup) {
    }

    @Override
    public void propose(Decision decision, double[] out) {
        System.arraycopy(decision.current(), 0, out, 0, out.length);
    }
}
