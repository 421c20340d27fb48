#pragma once

#include "io/csv_import.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <string>
#include <string_view>
#include <vector>

namespace pairlab {

/** Translation context of the importer's messages: CsvImport::tr("..."). */
class CsvImport
{
    Q_DECLARE_TR_FUNCTIONS(CsvImport)
};

} // namespace pairlab

namespace pairlab::csv::detail {

/** How a file is laid out: what detection found, overridden by the options. */
struct Layout
{
    QString format;
    QString dialect;
    char delim = ',';
    bool hasHeader = false;
    qint64 headerLine = 0;
    qint64 bannerLines = 0;
    std::size_t dataOffset = 0;
    qint64 dataLine = 1;
    QStringList header;
    QList<ColumnMapping> columns;
    TimeKind timeKind = TimeKind::Unknown;
    bool dayFirst = false;
    bool dayFirstAmbiguous = false;
    bool timeFromTradeId = false;
    std::size_t width = 0;          ///< fields in every record of a CSV file (0: JSON, not checked)
    bool trailingDelimiter = false; ///< every data row ends with a delimiter the header does not have
    QString defaultSymbol;
    bool symbolFromFile = false;
    bool json = false;                 ///< an array of JSON records instead of CSV
    std::vector<std::string> jsonKeys; ///< field order of JSON object records
};

/** Finds the layout of a CSV (or JSON records) text from its head and applies the options; error says why
 *  when the layout cannot be told. */
bool detectLayout(std::string_view data, const ImportOptions &opt, const QString &path, Layout &l,
                  QString *error);

/** The column's header name, else "column N". */
QString fieldLabel(const Layout &l, int column);
bool hasRole(const QList<ColumnMapping> &cols, ColumnRole r);
int columnOf(const QList<ColumnMapping> &cols, ColumnRole r, const QString &symbol = {});
/** Upper-case [A-Z0-9_-], at most SymbolCode::Capacity characters; other characters become '_'. */
QString sanitizeSymbol(const QString &text);

} // namespace pairlab::csv::detail
