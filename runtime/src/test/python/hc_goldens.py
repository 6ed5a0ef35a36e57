"""Golden HRP and HERC weights from riskfolio-lib's HCPortfolio (git HEAD 632a9e4, v7.3).

Run from the repository root:  python3 runtime/src/test/python/hc_goldens.py
Writes runtime/src/test/resources/hc/riskfolio_hc.json: for each case the returns block (T x N,
oldest first), the settings in strat's names with riskfolio's in comments, riskfolio's weights,
and for HERC the number of clusters riskfolio used.

Two adaptations, both outside riskfolio's arithmetic:
* At this riskfolio HEAD, optimization(model='HERC') passes linkage/upper_bound/lower_bound
  keyword arguments that _hierarchical_recursive_bisection does not accept, so HERC raises a
  TypeError. We wrap that method to drop the three arguments; the bisection itself and the
  bounds step 4 that follows run unchanged.
* riskfolio clusters the correlation distance itself. For strat's distance=euclidean (Lopez de
  Prado 2016: the Euclidean distance between the columns of the distance matrix) a subclass
  overrides _hierarchical_clustering with riskfolio's own code for the pearson/spearman/abs_pearson
  branches followed by that transform; the gap statistic then reads the same Euclidean matrix.
"""
import json, os, sys, warnings
import numpy as np, pandas as pd
import scipy.cluster.hierarchy as hr
from scipy.spatial.distance import squareform
sys.path.insert(0, '/work/riskfolio')
import riskfolio as rp
import riskfolio.src.AuxFunctions as af
from riskfolio.src.HCPortfolio import HCPortfolio

warnings.simplefilter('ignore')
_orig = HCPortfolio._hierarchical_recursive_bisection


def _herc_bisection(self, Z, rm='MV', rf=0, model='HERC', linkage=None, upper_bound=None, lower_bound=None):
    return _orig(self, Z, rm=rm, rf=rf, model=model)


HCPortfolio._hierarchical_recursive_bisection = _herc_bisection


class EuclideanHC(HCPortfolio):
    """riskfolio's clustering step on the Euclidean distance between distance columns."""

    def _hierarchical_clustering(self, model='HRP', codependence='pearson', linkage='ward',
                                 opt_k_method='twodiff', k=None, max_k=10, leaf_order=True):
        if codependence in {'pearson', 'spearman'}:
            dist = np.sqrt(np.clip((1 - self.codep) / 2, a_min=0.0, a_max=1.0))
        else:
            dist = np.sqrt(np.clip((1 - self.codep), a_min=0.0, a_max=1.0))
        d = dist.to_numpy()
        e = np.sqrt(((d[:, :, None] - d[:, None, :]) ** 2).sum(axis=0))
        dist = pd.DataFrame(e, columns=self.codep.columns, index=self.codep.index)
        clustering = hr.linkage(squareform(dist, checks=False), method=linkage, optimal_ordering=leaf_order)
        if model in {'HERC', 'HERC2', 'NCO'} and k is None:
            k, _ = af.two_diff_gap_stat(dist, clustering, max_k)
        elif model not in {'HERC', 'HERC2', 'NCO'}:
            k = None
        return clustering, k


RM = {'variance': 'MV', 'std': 'vol', 'mad': 'MAD', 'cvar': 'CVaR', 'cdar': 'CDaR', 'mdd': 'MDD'}
COV = {'sample': 'hist', 'ledoit_wolf': 'ledoit'}
rng = np.random.default_rng(20261207)


def returns(n, t, flat=()):
    k = max(1, n // 4)
    f = rng.standard_t(5, size=(t, k)) * 0.01
    load = rng.normal(size=(k, n))
    x = f @ load + rng.standard_t(4, size=(t, n)) * 0.01 * rng.uniform(0.5, 2.0, size=n)
    return np.round(x, 6)  # short decimals keep the golden file small; riskfolio sees the same values


def run(model, x, linkage='single', codependence='pearson', risk='variance', alpha=0.05,
        estimator='sample', min_weight=0.0, max_weight=1.0, distance='correlation', leaf_order=True,
        k=0, max_k=10):
    t, n = x.shape
    df = pd.DataFrame(x, columns=[f'A{i}' for i in range(n)])
    cls = EuclideanHC if distance == 'euclidean' else HCPortfolio
    kw = {}
    if min_weight > 0:
        kw['w_min'] = float(min_weight)
    if max_weight < 1:
        kw['w_max'] = float(max_weight)
    port = cls(returns=df, alpha=alpha, **kw)
    w = port.optimization(model=model, codependence=codependence, rm=RM[risk], method_cov=COV[estimator],
                          linkage=linkage, k=(k if k > 0 else None), max_k=max_k, leaf_order=leaf_order)
    return {'model': model, 'n': n, 't': t, 'returns': x.flatten().tolist(),
            'settings': {'linkage': linkage, 'codependence': codependence, 'risk': risk, 'alpha': alpha,
                         'estimator': estimator, 'min_weight': min_weight, 'max_weight': max_weight,
                         'distance': distance, 'leaf_order': leaf_order, 'k': k, 'max_k': max_k},
            'k_used': int(port.k) if model == 'HERC' else 0,
            'weights': w['weights'].to_numpy().tolist()}


cases = []
risks = list(RM)
links = ['single', 'average', 'complete', 'ward']
codeps = ['pearson', 'spearman', 'abs_pearson']
i = 0
for model in ('HRP', 'HERC'):
    for risk in risks:
        for link in links:
            n = int(rng.integers(3, 16))
            t = int(rng.integers(40, 160))
            x = returns(n, t)
            cases.append(run(model, x, linkage=link, codependence=codeps[i % 3], risk=risk,
                             alpha=[0.05, 0.1, 0.025][i % 3], leaf_order=(i % 4 != 3),
                             distance=('euclidean' if i % 5 == 2 else 'correlation')))
            i += 1
    # estimators, bounds, distances, a given k, a big case, tiny universes
    x = returns(12, 120)
    for est in ('sample', 'ledoit_wolf'):
        for dist in ('correlation', 'euclidean'):
            cases.append(run(model, x, estimator=est, distance=dist, risk='variance'))
            cases.append(run(model, x, estimator=est, distance=dist, risk='std', linkage='ward'))
    cases.append(run(model, x, max_weight=0.15))
    cases.append(run(model, x, min_weight=0.05, max_weight=0.2, risk='cdar'))
    cases.append(run(model, x, min_weight=0.07, risk='mad', linkage='average'))
    if model == 'HERC':
        cases.append(run(model, x, k=3))
        cases.append(run(model, x, k=5, risk='cvar', linkage='complete'))
        cases.append(run(model, x, max_k=2, risk='cdar'))
    cases.append(run(model, returns(20, 700), risk='cdar'))
    cases.append(run(model, returns(3, 50)))
    cases.append(run(model, returns(2, 50)) if model == 'HRP' else run(model, returns(2, 50), k=2))

root = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(root, '..', 'resources', 'hc', 'riskfolio_hc.json')
with open(path, 'w') as f:
    json.dump({'riskfolio': '632a9e4 (7.3)', 'cases': cases}, f, separators=(',', ':'))
print('wrote', len(cases), 'cases to', os.path.normpath(path))
