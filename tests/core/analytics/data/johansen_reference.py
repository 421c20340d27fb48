#!/usr/bin/python3
"""Reference values for tst_johansen: statsmodels 0.13.5 coint_johansen on real multi-asset closes.

Run from the project root with Debian's python3-statsmodels and python3-pandas:
    /usr/bin/python3 tests/core/analytics/data/johansen_reference.py
Writes the wide inputs (ts_ms,SYM1,...,SYMk; every column in every row) and johansen_reference.json
(for each input, det_order in {-1, 0, 1} and k_ar_diff in {0, 1, 2}: eig, trace, max_eig, their
critical values and evec, each eigenvector divided by its first weight)."""
import json, os
import numpy as np
import pandas as pd
from statsmodels.tsa.vector_ar.vecm import coint_johansen

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = os.path.join(HERE, "..", "..", "..", "data", "real")


def dated(path, columns, names):
    df = pd.read_csv(path, encoding="utf-8-sig")
    date = df.columns[0]
    df = df[[date] + columns].dropna()
    ts = pd.to_datetime(df[date], format="%m/%d/%Y").astype("int64") // 10**6
    out = pd.DataFrame({"ts_ms": ts.values})
    for c, n in zip(columns, names):
        out[n] = df[c].values
    return out


def crypto(symbols, rows):
    frames = []
    for s in symbols:
        f = pd.read_csv(os.path.join(REAL, "universe", "futures_1m", s + ".csv"), usecols=["open_time_ms", "close"],
                        dtype={"close": str})
        frames.append(f.rename(columns={"open_time_ms": "ts_ms", "close": s}).set_index("ts_ms"))
    df = pd.concat(frames, axis=1, join="inner").sort_index().head(rows)
    return df.reset_index()


inputs = {
    "johansen_indices.csv": dated(os.path.join(REAL, "pairs", "arbitragelab_multi_coint.csv"),
                                  ["AEX", "DAX", "FTSE", "CAC"], ["AEX", "DAX", "FTSE", "CAC"]),
    "johansen_etfs.csv": dated(os.path.join(REAL, "pairs", "arbitragelab_Country_ETF.csv"),
                               ["EWA US Equity", "EWC US Equity", "EWG US Equity", "EWQ US Equity", "EWJ US Equity"],
                               ["EWA", "EWC", "EWG", "EWQ", "EWJ"]),
    "johansen_crypto.csv": crypto(["BTCUSDT", "ETHUSDT", "ADAUSDT"], 2000),
}

reference = {}
for name, df in inputs.items():
    df.to_csv(os.path.join(HERE, name), index=False)
    # The values as the C++ side reads them: the text written, parsed back.
    data = pd.read_csv(os.path.join(HERE, name)).drop(columns=["ts_ms"]).to_numpy(dtype=float)
    cases = []
    for det in (-1, 0, 1):
        for k in (0, 1, 2):
            r = coint_johansen(data, det, k)
            evec = r.evec / r.evec[0, :]
            cases.append({"det_order": det, "k_ar_diff": k, "eig": r.eig.tolist(), "trace": r.lr1.tolist(),
                          "max_eig": r.lr2.tolist(), "trace_crit": r.cvt.tolist(), "max_eig_crit": r.cvm.tolist(),
                          "evec_normalised": evec.tolist()})
    reference[name] = {"k": data.shape[1], "n": data.shape[0], "cases": cases}
with open(os.path.join(HERE, "johansen_reference.json"), "w") as f:
    json.dump(reference, f, indent=1)
    f.write("\n")
