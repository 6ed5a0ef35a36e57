# Imported by examples/user-functions-python.strat with:  import python "functions/signals.py"
# A user transform in Python: volatility targeting. It scales the proposal so that its realised
# volatility over `window` bars is near `target` (annualised), and leaves the rest in cash.
import math


def py_vol_target(ctx, p):
    n, w = ctx.assets, ctx.proposal
    rets = []
    for k in range(p.window):
        rets.append(sum(w[a] * (ctx.relative(k, a) - 1) for a in range(n)))
    mean = sum(rets) / p.window
    var = max(sum(r * r for r in rets) / p.window - mean * mean, 0.0)
    vol = math.sqrt(var * 252)
    scale = min(1.0, p.target / vol) if vol > 0 else 1.0
    out = [w[a] * scale for a in range(n)]
    out.append(1.0 - sum(out))
    return out
