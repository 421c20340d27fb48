#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace pairlab::cli {

/** A wide close file: `ts_ms,SYM1,SYM2,…`, one close per symbol per row. */
struct WideCloses
{
    QStringList symbols;
    std::vector<std::vector<double>> columns; ///< NaN where a cell is empty
    std::vector<long long> lines;             ///< the file's line number of each row
    std::vector<long long> timeMs;            ///< ts_ms of each row
    qsizetype rows = 0;
};

/** Reads a wide close file: ts_ms integer and increasing, at least two symbol columns with distinct
 *  printable names, each cell empty or a positive number. false with "FILE:LINE: column: reason". */
bool readWideCloses(const QString &path, WideCloses &out, QString &error);

} // namespace pairlab::cli
