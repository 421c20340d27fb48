#!/usr/bin/python3
"""How the statsmodels/scipy/pandas expected values in tst_real_data.cpp were produced (run by hand once;
the build and the tests never run Python). Debian 12: statsmodels 0.13.5, scipy 1.10.1, pandas 1.5.3,
numpy 1.24.2. Input: btc_eth_usdm_1s_20240808.csv, built from
shared/data/real/binance_ws/binance_usdm_{btc,eth}usdt_trade_20240808.jsonl: per second (T // 1000), the
price of the last trade in file order, inner join of the seconds where both symbols traded
(x = ETHUSDT, y = BTCUSDT; 343 rows)."""
import warnings; warnings.simplefilter("ignore")
import numpy as np, pandas as pd, statsmodels, scipy
import statsmodels.api as sm
from statsmodels.tsa.stattools import adfuller, coint
from scipy import stats
print(statsmodels.__version__, scipy.__version__, pd.__version__, np.__version__)
d = pd.read_csv('btc_eth_usdm_1s_20240808.csv'); x = d.x.values; y = d.y.values
X = sm.add_constant(x); o = sm.OLS(y, X).fit()
print('ols', repr(o.params[0]), repr(o.params[1]), repr(o.rsquared), repr(o.bse[0]), repr(o.bse[1]))
r = sm.RLM(y, X, M=sm.robust.norms.HuberT(1.345)).fit()
print('huber', repr(r.params[0]), repr(r.params[1]), repr(r.scale), r.fit_history['iteration'])
ts = stats.theilslopes(y, x, 0.95); print('theilsen', [repr(v) for v in ts])
s = y - (o.params[0] + o.params[1] * x)
for reg in ['c', 'ct', 'n']:
    a = adfuller(s, regression=reg, autolag='AIC'); print('adf', reg, [repr(v) for v in a[:4]], a[4], repr(a[5]))
for reg in ['c']:
    for al in ['BIC', 't-stat']:
        a = adfuller(s, regression=reg, autolag=al); print('adf', reg, al, [repr(v) for v in a[:4]], repr(a[5]))
c = coint(y, x); print('coint', repr(c[0]), repr(c[1]), list(c[2]))
for v in (x, y):
    r_ = np.diff(np.log(v))
    for w in (v, r_):
        print('moments', repr(w.mean()), repr(w.std(ddof=1)), repr(stats.skew(w)), repr(stats.kurtosis(w)),
              repr(stats.skew(w, bias=False)), repr(stats.kurtosis(w, bias=False)))
    print('last/annvol', repr(r_[-1]), repr(r_.std(ddof=1) * np.sqrt(31536000)))
ds = np.diff(s); hl = sm.OLS(ds, sm.add_constant(s[:-1])).fit(); lam = hl.params[1]
print('halflife', repr(lam), repr(-np.log(2) / lam))
lags = range(2, 100); tau = [np.std(s[l:] - s[:-l]) for l in lags]
print('hurst', repr(np.polyfit(np.log(list(lags)), np.log(tau), 1)[0]))
ss = pd.Series(s); z = (ss - ss.rolling(120).mean()) / ss.rolling(120).std()
print('z[119,200,342]', repr(z.iloc[119]), repr(z.iloc[200]), repr(z.iloc[-1]))
cp = pd.Series(x).rolling(120).corr(pd.Series(y)); print('corr_price[200,342]', repr(cp.iloc[200]), repr(cp.iloc[-1]))
lr = pd.Series(np.log(x)).diff().rolling(120).corr(pd.Series(np.log(y)).diff())
print('corr_logret[120,342]', repr(lr.iloc[120]), repr(lr.iloc[-1]))
