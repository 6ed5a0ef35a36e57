#!/usr/bin/env python3
"""Golden values for dev.strat.runtime.risk (Covariance, Codependence).

Every expected value comes from the reference libraries themselves, not from a re-implementation:
  sample mean / covariance  numpy (X.mean(0), np.cov(X.T, ddof=1))
  Ledoit-Wolf               sklearn.covariance.LedoitWolf(assume_centered=False)
                            (what riskfolio's method_cov='ledoit' calls)
  correlation / distances   riskfolio.src.AuxFunctions.codep_dist ('pearson', 'abs_pearson',
                            'spearman', 'kendall'), i.e. pandas DataFrame.corr(method=...)
  PSD repair                riskfolio.src.AuxFunctions.cov_fix(method='clipped', threshold=1e-8)
                            (statsmodels cov_nearest -> corr_clipped)

pandas gives NaN correlations for a constant column; the Java API defines them as 0 off the
diagonal and 1 on it, so the 'flat' case replaces those NaNs (and the distances follow).

Run from the repository root:  python3 runtime/src/test/python/risk_goldens.py
Writes runtime/src/test/resources/risk/*.json (floats as repr, so they round-trip exactly).
"""
import json
import os
import sys

import numpy as np
import pandas as pd
from sklearn.covariance import LedoitWolf

sys.path.insert(0, '/work/riskfolio')
from riskfolio.src import AuxFunctions as af  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), '..', 'resources', 'risk')


def correlated(rng, t, n, scale=0.01):
    """Returns with a common factor, so correlations are spread over (-1, 1)."""
    load = rng.uniform(-1.0, 1.5, size=n)
    f = rng.standard_normal((t, 1))
    e = rng.standard_normal((t, n))
    vol = rng.uniform(0.5, 3.0, size=n)
    return scale * vol * (f * load + e) + 0.0005 * rng.standard_normal(n)


def fill_flat(m, flat):
    m = np.array(m, dtype=float)
    for j in flat:
        m[j, :] = 0.0
        m[:, j] = 0.0
        m[j, j] = 1.0
    return m


def case(name, x):
    t, n = x.shape
    df = pd.DataFrame(x)
    flat = [j for j in range(n) if np.all(x[:, j] == x[0, j])]
    out = {'name': name, 't': t, 'n': n, 'x': x.ravel().tolist()}
    out['mean'] = x.mean(0).tolist()
    out['cov'] = np.atleast_2d(np.cov(x.T, ddof=1)).ravel().tolist()
    lw = LedoitWolf(assume_centered=False).fit(x)
    out['lw_cov'] = lw.covariance_.ravel().tolist()
    out['lw_shrinkage'] = float(lw.shrinkage_)
    out['lw_mean'] = lw.location_.tolist()
    for key, method in [('pearson', 'pearson'), ('spearman', 'spearman'), ('kendall', 'kendall')]:
        codep, dist = af.codep_dist(df, codependence=method)
        codep = fill_flat(codep.values, flat)
        # with the NaNs filled, the distances follow riskfolio's formulas
        dist = np.sqrt(np.clip((1 - codep) / 2, a_min=0.0, a_max=1.0)) if flat else np.asarray(dist, float)
        out[key] = codep.ravel().tolist()
        out[key + '_dist'] = dist.ravel().tolist()
    codep, dist = af.codep_dist(df, codependence='abs_pearson')
    codep = fill_flat(codep.values, flat)
    dist = np.sqrt(np.clip(1 - codep, a_min=0.0, a_max=1.0)) if flat else np.asarray(dist, float)
    out['pearson_abs_dist'] = dist.ravel().tolist()
    return out


def psd_case(name, cov):
    cov = np.asarray(cov, float)
    n = cov.shape[0]
    fixed = af.cov_fix(cov, method='clipped', threshold=1e-8)
    w = np.linalg.eigvalsh(cov / np.sqrt(np.outer(np.diag(cov), np.diag(cov))))
    return {'name': name, 'n': n, 'cov': cov.ravel().tolist(), 'fixed': np.asarray(fixed).ravel().tolist(),
            'changed': bool(np.any(w < 1e-8))}


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.RandomState(20261206)
    cases = [
        case('basic', correlated(rng, 60, 6)),
        case('wide', correlated(rng, 12, 20)),           # t < n: singular sample covariance
        case('long', correlated(rng, 250, 15, 0.02)),
        case('ties', rng.randint(0, 4, size=(40, 5)).astype(float)),   # many tied ranks
        case('single', correlated(rng, 30, 1)),           # n = 1: no shrinkage
    ]
    flat = correlated(rng, 30, 4)
    flat[:, 2] = 0.003                                     # a constant asset
    cases.append(case('flat', flat))
    with open(os.path.join(OUT, 'estimators.json'), 'w') as f:
        json.dump(cases, f)

    # PSD repair: pairwise-estimated correlations that are jointly inconsistent
    corr = np.array([[1.0, 0.9, 0.7, -0.6],
                     [0.9, 1.0, -0.3, 0.5],
                     [0.7, -0.3, 1.0, 0.8],
                     [-0.6, 0.5, 0.8, 1.0]])
    std = np.array([0.01, 0.02, 0.015, 0.03])
    bad = corr * np.outer(std, std)
    r = np.random.RandomState(5)
    a = r.standard_normal((8, 8))
    c8 = a @ a.T / 8
    c8[0, 1] = c8[1, 0] = 0.99 * np.sqrt(c8[0, 0] * c8[1, 1])
    c8[0, 2] = c8[2, 0] = -0.99 * np.sqrt(c8[0, 0] * c8[2, 2])
    c8[1, 2] = c8[2, 1] = 0.99 * np.sqrt(c8[1, 1] * c8[2, 2])
    good = np.cov(correlated(r, 50, 5).T)
    psd = [psd_case('inconsistent4', bad), psd_case('inconsistent8', c8), psd_case('psd5', good)]
    assert psd[0]['changed'] and psd[1]['changed'] and not psd[2]['changed']
    with open(os.path.join(OUT, 'psd.json'), 'w') as f:
        json.dump(psd, f)


if __name__ == '__main__':
    main()
