#!/usr/bin/env python3
"""Golden p-values for dev.strat.runtime.experiment.RankSum (Wilcoxon rank-sum / Mann-Whitney U).

Every expected value comes from scipy itself:
  u_ref       scipy.stats.mannwhitneyu(x, y).statistic   (U of the first sample, x = the reference)
  p_asym      scipy.stats.mannwhitneyu(x, y, method='asymptotic', use_continuity=False).pvalue
              (normal approximation, tie-corrected variance: what RankSum reports)
  p_ranksums  scipy.stats.ranksums(x, y).pvalue
              (normal approximation without the tie correction: what commons-math3's
              MannWhitneyUTest returns on its own; equal to p_asym when there are no ties)
  p_exact     the exact p: scipy.stats.mannwhitneyu(x, y, method='exact').pvalue without ties, and
              mannwhitneyu(x, y, method=PermutationMethod(n_resamples=inf)).pvalue (every split of
              the pooled values enumerated) with them: what RankSum reports up to 100 values

The samples are fixed (seeded draws and hand-made tie patterns), sized like seeds of an
experiment: 3 to 20 values a side, unequal sizes included; tied cases have at most 10 a side, so that
scipy can enumerate every split.

Run from the repository root:  python3 runtime/src/test/python/ranksum_golden.py
Writes runtime/src/test/resources/significance/ranksum.tsv, one case a line:
  name <TAB> x (comma-separated) <TAB> y <TAB> u_ref <TAB> p_asym <TAB> p_ranksums <TAB> p_exact
Floats are written with repr, so they round-trip exactly (NaN as Java's Double.parseDouble reads it).
"""
import os

import numpy as np
from scipy import stats

OUT = os.path.join(os.path.dirname(__file__), '..', 'resources', 'significance', 'ranksum.tsv')


def cases():
    rng = np.random.default_rng(20240611)
    yield 'separated_5v5', [1, 2, 3, 4, 5], [6, 7, 8, 9, 10]
    yield 'reversed_5v5', [6, 7, 8, 9, 10], [1, 2, 3, 4, 5]
    yield 'interleaved_4v4', [1, 4, 5, 8], [2, 3, 6, 7]
    yield 'ties_5v5', [1, 2, 2, 3, 5], [2, 3, 4, 6, 6]
    yield 'constant_vs_spread_10v10', [0.12] * 10, list(np.round(rng.normal(0.15, 0.05, 10), 4))
    yield 'zeros_vs_mixed_10v10', [0.0] * 10, [0.0, 0.0, 0.0, 0.1, 0.2, -0.1, 0.0, 0.3, 0.0, 0.05]
    yield 'small_3v3', [0.3, 0.4, 0.5], [0.1, 0.2, 0.25]
    yield 'unequal_4v9', [0.5, 0.7, 0.2, 0.9], list(np.round(rng.normal(0.3, 0.3, 9), 3))
    for k, (n1, n2, shift) in enumerate([(10, 10, 0.0), (10, 10, 0.5), (10, 10, 1.0), (7, 12, 0.8), (20, 20, 0.3)]):
        x = rng.normal(shift, 1.0, n1)
        y = rng.normal(0.0, 1.0, n2)
        yield f'normal_{n1}v{n2}_shift{shift}_{k}', list(x), list(y)
    # returns rounded to whole percent: many ties across and within the samples
    yield 'rounded_10v10', list(np.round(rng.normal(0.05, 0.04, 10), 2)), list(np.round(rng.normal(0.02, 0.04, 10), 2))


def num(v):
    v = float(v)
    return 'NaN' if v != v else repr(v)


def main():
    lines = []
    for name, x, y in cases():
        x = [float(v) for v in x]
        y = [float(v) for v in y]
        asym = stats.mannwhitneyu(x, y, method='asymptotic', use_continuity=False)
        ranksums = stats.ranksums(x, y)
        tied = len(set(x + y)) < len(x) + len(y)
        if tied:
            exact = stats.mannwhitneyu(x, y, method=stats.PermutationMethod(n_resamples=np.inf)).pvalue
        else:
            exact = stats.mannwhitneyu(x, y, method='exact').pvalue
        row = [name, ','.join(num(v) for v in x), ','.join(num(v) for v in y),
               num(asym.statistic), num(asym.pvalue), num(ranksums.pvalue), num(exact)]
        lines.append('\t'.join(row))
    with open(OUT, 'w') as f:
        f.write('\n'.join(lines) + '\n')
    print(f'wrote {len(lines)} cases to {os.path.normpath(OUT)}')


if __name__ == '__main__':
    main()
