// Imported by examples/user-functions.strat with:  import js "functions/signals.js"
// A user feature: one number per asset, here each asset's return over `window` bars divided by its
// volatility over the same bars (a t-statistic of the trend), clipped to [-3, 3].
function trend_t(ctx, p) {
  const out = new Array(ctx.assets);
  for (let a = 0; a < ctx.assets; a++) {
    let sum = 0, sq = 0;
    for (let k = 0; k < p.window; k++) {
      const r = Math.log(ctx.relative(k, a));
      sum += r;
      sq += r * r;
    }
    const mean = sum / p.window, sd = Math.sqrt(Math.max(sq / p.window - mean * mean, 1e-12));
    out[a] = Math.max(-3, Math.min(3, mean / sd * Math.sqrt(p.window)));
  }
  return out;
}
