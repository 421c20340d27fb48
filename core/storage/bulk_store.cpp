#include "storage/bulk_store.h"

#include "storage/bulk_store_backends.h"

#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

namespace pairlab {

std::unique_ptr<BulkStore> BulkStore::attach(QSqlDatabase &db, QString *error)
{
    const QVariant h = db.isOpen() ? db.driver()->handle() : QVariant();
    if (h.isValid() && qstrcmp(h.typeName(), "sqlite3*") == 0) {
        if (void *p = *static_cast<void *const *>(h.constData()))
            return makeSqliteBulkStore(p);
    }
    // PGconn is a typedef of struct pg_conn; Qt 6 names the metatype after the struct.
    if (h.isValid() && (qstrcmp(h.typeName(), "PGconn*") == 0 || qstrcmp(h.typeName(), "pg_conn*") == 0)) {
        if (void *p = *static_cast<void *const *>(h.constData()))
            return makePostgresBulkStore(p);
    }
    if (error)
        *error = QObject::tr("the database connection gives no native SQLite or PostgreSQL handle");
    return nullptr;
}

} // namespace pairlab
