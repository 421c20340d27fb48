#!/usr/bin/python3
"""How scan_reference_2025-05-20.csv (the expected values of tst_pair_scan.cpp) was produced, by hand, once;
the build and the tests never run Python. Debian 12: /usr/bin/python3 with statsmodels 0.13.5, pandas 1.5.3,
numpy 1.24.2. Input: tests/data/real/universe/futures_1m_closes_2025-05-20.csv (16 real Binance USD-M
perpetuals, the 1,440 one-minute closes of 2025-05-20 UTC). Fields and conventions: CONVENTIONS.md §15."""
import sys, warnings; warnings.simplefilter("ignore")
import numpy as np, pandas as pd
import statsmodels.api as sm
from statsmodels.tsa.stattools import coint

W = 120
d = pd.read_csv(sys.argv[1] if len(sys.argv) > 1 else
                '../../../data/real/universe/futures_1m_closes_2025-05-20.csv')
syms = list(d.columns[1:])
out = open(sys.argv[2] if len(sys.argv) > 2 else 'scan_reference_2025-05-20.csv', 'w')
fields = ['y', 'x', 'n', 'alpha', 'beta', 'eg_stat', 'eg_pvalue', 'eg_stat_reverse', 'eg_pvalue_reverse',
          'half_life', 'hurst', 'corr_returns', 'z_last', 'crossings_per_1000']
out.write(','.join(fields) + '\n')
for i in range(len(syms)):
    for j in range(i + 1, len(syms)):
        both = d[[syms[i], syms[j]]].dropna()
        y = both[syms[i]].values; x = both[syms[j]].values; n = len(y)
        o = sm.OLS(y, sm.add_constant(x)).fit(); alpha, beta = o.params
        eg = coint(y, x, trend='c', autolag='aic'); egr = coint(x, y, trend='c', autolag='aic')
        s = y - (alpha + beta * x)
        h = sm.OLS(np.diff(s), sm.add_constant(s[:-1])).fit().params[1]
        half_life = -np.log(2) / h if h < 0 else float('nan')
        taus = range(2, 100)
        hurst = np.polyfit(np.log(list(taus)), np.log([np.std(s[t:] - s[:-t]) for t in taus]), 1)[0]
        corr = np.corrcoef(np.log(y[1:] / y[:-1]), np.log(x[1:] / x[:-1]))[0, 1]
        ss = pd.Series(s)
        z_last = ((ss - ss.rolling(W).mean()) / ss.rolling(W).std()).iloc[-1] if n >= W else float('nan')
        dev = s - s.mean(); dev = dev[dev != 0]
        crossings = 1000.0 * np.count_nonzero(np.sign(dev[1:]) != np.sign(dev[:-1])) / n
        vals = [alpha, beta, eg[0], eg[1], egr[0], egr[1], half_life, hurst, corr, z_last, crossings]
        out.write(','.join([syms[i], syms[j], str(n)] + [repr(float(v)) for v in vals]) + '\n')
