#pragma once

#include "test_util.h"

#include <QFile>
#include <QStringList>

#include <map>
#include <vector>

namespace pairlab::test {

/** Columns of a small numeric CSV with a header line, by column name (test helper; tiny files only). */
inline std::map<QString, std::vector<double>> readCsvColumns(const QString &path)
{
    std::map<QString, std::vector<double>> cols;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return cols;
    const QStringList header = QString::fromUtf8(f.readLine()).trimmed().split(QLatin1Char(','));
    while (!f.atEnd()) {
        const QStringList parts = QString::fromUtf8(f.readLine()).trimmed().split(QLatin1Char(','));
        if (parts.size() != header.size())
            continue;
        for (qsizetype i = 0; i < parts.size(); ++i)
            cols[header[i]].push_back(parts[i].toDouble());
    }
    return cols;
}

inline std::map<QString, std::vector<double>> macrodata()
{
    return readCsvColumns(sharedData(QStringLiteral("reference/macrodata.csv")));
}

/** 1 s ETH (x) / BTC (y) closes from the real Binance USD-M recording (see data/statsmodels_reference.py). */
inline std::map<QString, std::vector<double>> btcEth1s()
{
    return readCsvColumns(sourceFile(QStringLiteral("tests/core/analytics/data/btc_eth_usdm_1s_20240808.csv")));
}

} // namespace pairlab::test
