"""Golden cases for dev.strat.runtime.cluster, computed by scipy and riskfolio-lib.

Run from the repository root:  python3 runtime/src/test/python/cluster_goldens.py
Writes runtime/src/test/resources/cluster/scipy_linkage.json. Each case holds a square distance
matrix and, for every linkage with and without optimal leaf ordering, scipy's linkage matrix,
leaves_list, is_monotonic, cut_tree(Z, n_clusters=k) and fcluster(Z, k, 'maxclust') for every k,
and riskfolio's two_diff_gap_stat(dist, Z, max_k) (k and labels) for max_k 10 and 3.
Kinds: 'corr' (correlation distances of random returns), 'ties' (small integer distances, many
ties), 'dup' (duplicated assets: zero distances).
"""
import json, os, sys
import numpy as np, pandas as pd
import scipy, scipy.cluster.hierarchy as hr
from scipy.spatial.distance import squareform
sys.path.insert(0, '/work/riskfolio')
import riskfolio.src.AuxFunctions as af

rng = np.random.default_rng(20261206)
LINKS = ['single', 'average', 'complete', 'ward']


def corr_dist(n):
    t = 60
    f = rng.normal(size=(t, 3))
    x = f @ rng.normal(size=(3, n)) * 0.5 + rng.normal(size=(t, n))
    c = pd.DataFrame(x).corr().to_numpy()
    return np.sqrt(np.clip((1 - c) / 2, 0.0, 1.0))


def tie_dist(n):
    a = rng.integers(1, 4, size=(n, n)).astype(float)
    d = np.triu(a, 1)
    return d + d.T


def dup_dist(n):
    base = corr_dist(max(2, n - 2))
    idx = list(range(base.shape[0])) + [0, 1][: n - base.shape[0]]
    d = base[np.ix_(idx, idx)].copy()
    np.fill_diagonal(d, 0.0)
    return d


def case(kind, d):
    n = d.shape[0]
    out = {'kind': kind, 'n': n, 'dist': d.flatten().tolist(), 'results': []}
    y = squareform(d, checks=False)
    for link in LINKS:
        for olo in (False, True):
            z = hr.linkage(y, method=link, optimal_ordering=olo)
            r = {'linkage': link, 'optimal_ordering': olo, 'Z': z.tolist(),
                 'leaves': hr.leaves_list(z).tolist(), 'monotonic': bool(hr.is_monotonic(z)),
                 'cut_tree': {}, 'maxclust': {}, 'gap': {}}
            for k in range(1, n + 1):
                r['cut_tree'][str(k)] = hr.cut_tree(z, n_clusters=k).flatten().tolist()
                r['maxclust'][str(k)] = hr.fcluster(z, k, criterion='maxclust').tolist()
            if n >= 3:
                df = pd.DataFrame(d)
                for mk in (10, 3):
                    k, labels = af.two_diff_gap_stat(df, z, mk)
                    r['gap'][str(mk)] = {'k': int(k), 'labels': [int(v) for v in labels]}
            out['results'].append(r)
    return out


cases = []
for n in range(2, 26):
    cases.append(case('corr', corr_dist(n)))
for n in range(3, 13):
    cases.append(case('ties', tie_dist(n)))
for n in (4, 7, 12):
    cases.append(case('dup', dup_dist(n)))
root = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(root, '..', 'resources', 'cluster', 'scipy_linkage.json')
with open(path, 'w') as f:
    json.dump({'scipy': scipy.__version__, 'cases': cases}, f, separators=(',', ':'))
print('wrote', len(cases), 'cases to', os.path.normpath(path))
