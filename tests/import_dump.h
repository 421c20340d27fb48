#pragma once

#include "storage/database.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QString>

namespace pairlab::test {

/** Every row of every table an import writes, as one text (equal before and after = nothing changed). */
inline QString dumpImportTables(const QString &path)
{
    QString out;
    {
        QString error;
        QSqlDatabase db = Database::open(path, QStringLiteral("dump"), &error);
        if (!db.isValid())
            return QStringLiteral("cannot open: ") + error;
        for (const char *sql :
             {"SELECT * FROM symbols ORDER BY id", "SELECT * FROM ticks ORDER BY symbol_id, trade_id",
              "SELECT * FROM bars ORDER BY symbol_id, interval_s, source, open_ms",
              "SELECT * FROM datasets ORDER BY id"}) {
            QSqlQuery q(db);
            if (!q.exec(QString::fromLatin1(sql)))
                return QStringLiteral("query failed");
            while (q.next()) {
                for (int i = 0; i < q.record().count(); ++i)
                    out += q.value(i).toString() + QLatin1Char(',');
                out += QLatin1Char('\n');
            }
            out += QStringLiteral("--\n");
        }
    }
    Database::close(QStringLiteral("dump"));
    return out;
}

} // namespace pairlab::test
