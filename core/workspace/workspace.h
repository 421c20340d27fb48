#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace pairlab {

/** A saved PairLab session (`*.pairlab`, JSON with a format version): feed symbols and endpoint, the active
 *  pair and how it is analysed, alert rules, backtest parameters, window layout and chart range, the
 *  selected data source. Loading validates everything before anything is returned, so a corrupt,
 *  truncated, future-version or hand-edited file gives a clear message (with the line and column of a
 *  syntax error, or the field that is wrong) and the caller's current workspace stays as it was. Fields
 *  this version does not know are kept and written back on save. Saving is atomic (temporary file, then
 *  rename). Value type; any thread. */
struct Workspace
{
    static constexpr int FormatVersion = 1;

    QStringList symbols{QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")};
    QString endpoint; ///< empty = Binance's default
    QString streamKind = QStringLiteral("trade");
    QString pairY = QStringLiteral("BTCUSDT"), pairX = QStringLiteral("ETHUSDT");
    QString source = QStringLiteral("live");
    int intervalSeconds = 1;
    QString price = QStringLiteral("trades"); ///< trades | mid (bid/ask mid of live bars)
    int window = 120;
    QString hedgeMethod = QStringLiteral("ols"); ///< ols | huber | theil-sen | kalman
    QString adfTrend = QStringLiteral("c");      ///< c | ct | n
    double entryZ = 2.0, exitZ = 0.5;
    QString spreadMode = QStringLiteral("pair"); ///< pair | basket: whose spread the Spread tab shows
    QStringList basketSymbols;                   ///< the basket's legs
    std::vector<double> basketWeights;           ///< one per leg, or none (Johansen's to be taken)
    QStringList universe;
    QJsonArray alertRules;                  ///< as the alert dialog writes them
    QJsonObject backtest;                   ///< backtest dialog parameters
    QByteArray windowGeometry, windowState; ///< QMainWindow::saveGeometry()/saveState()
    QString activeView = QStringLiteral("market");
    qint64 chartFromMs = 0, chartToMs = 0; ///< 0/0 = follow live
    QJsonObject unknownFields;             ///< kept from the file, written back as they were

    QJsonObject toJson() const;
    /** Reads a workspace object; on failure returns false, says which field is wrong, and leaves out alone.
     */
    static bool fromJson(const QJsonObject &json, Workspace *out, QString *error);

    static bool load(const QString &path, Workspace *out, QString *error);
    bool save(const QString &path, QString *error) const;

    friend bool operator==(const Workspace &, const Workspace &) = default;
};

} // namespace pairlab
