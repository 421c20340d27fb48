#include "controllers/symbol_catalog_controller.h"

#include "market/symbol_catalog_fetch.h"
#include "storage/database.h"

#include <QDateTime>
#include <QLocale>
#include <QThread>
#include <QTimeZone>
#include <QtConcurrent>

namespace pairlab {

SymbolCatalogController::SymbolCatalogController(QObject *parent)
    : QObject(parent), m_thread(new QThread(this))
{
    qRegisterMetaType<pairlab::SymbolCatalog>();
    m_thread->setObjectName(QStringLiteral("symbol catalogue"));
    m_thread->start();
    connect(&m_load, &QFutureWatcher<std::pair<SymbolCatalog, qint64>>::finished, this, [this] {
        const auto [catalog, updated] = m_load.result();
        // this database's list, also when it has none (never the previous session's)
        const bool changed = !(catalog.empty() && m_catalog.empty());
        m_catalog = catalog;
        m_updatedMs = updated;
        if (changed)
            Q_EMIT catalogChanged();
        Q_EMIT statusChanged(status());
        if (m_fetch && (m_catalog.empty() || QDateTime::currentMSecsSinceEpoch() - m_updatedMs > MaxAgeMs))
            refresh();
    });
    connect(&m_save, &QFutureWatcher<QString>::finished, this, [this] {
        if (!m_save.result().isEmpty())
            setProblem(tr("the symbol list could not be stored: %1").arg(m_save.result()));
    });
}

SymbolCatalogController::~SymbolCatalogController()
{
    if (m_fetch)
        m_fetch->deleteLater(); // thread-safe; deferred deletions are flushed when the thread finishes
    m_thread->quit();
    m_thread->wait();
    m_load.waitForFinished();
    m_save.waitForFinished();
}

void SymbolCatalogController::setSource(const QString &database, const QUrl &restBase,
                                        std::shared_ptr<RestBan> ban)
{
    ++m_generation;
    m_database = database;
    m_problem.clear();
    m_fetching = false;
    if (m_fetch)
        m_fetch->deleteLater();
    m_fetch = nullptr;
    if (!m_catalog.empty()) { // the previous session's list is not this one's
        m_catalog.clear();
        m_updatedMs = 0;
        Q_EMIT catalogChanged();
    }
    if (!restBase.isValid()) { // a replay: the stored list only
        loadStored(database);
        return;
    }
    SymbolCatalogFetchConfig config;
    config.restBase = restBase;
    config.ban = std::move(ban);
    m_fetch = new SymbolCatalogFetch(config);
    m_fetch->moveToThread(m_thread);
    const int generation = m_generation;
    connect(m_fetch, &SymbolCatalogFetch::finished, this,
            [this, generation](const SymbolCatalog &catalog, const QString &error) {
                if (generation == m_generation)
                    onFetched(catalog, error);
            });
    loadStored(database);
}

void SymbolCatalogController::loadStored(const QString &database)
{
    m_load.setFuture(QtConcurrent::run([database] {
        std::pair<SymbolCatalog, qint64> out;
        QString error;
        Database::withReader(
            database, [&](QSqlDatabase &db) { loadSymbolCatalog(db, &out.first, &out.second, &error); },
            &error);
        return out;
    }));
}

void SymbolCatalogController::refresh()
{
    if (!m_fetch || m_fetching)
        return;
    m_fetching = true;
    Q_EMIT statusChanged(status());
    QMetaObject::invokeMethod(m_fetch, &SymbolCatalogFetch::fetch, Qt::QueuedConnection);
}

void SymbolCatalogController::onFetched(const SymbolCatalog &catalog, const QString &error)
{
    m_fetching = false;
    m_problem = error;
    if (!catalog.empty()) {
        m_catalog = catalog;
        m_updatedMs = QDateTime::currentMSecsSinceEpoch();
        Q_EMIT catalogChanged();
        m_save.setFuture(QtConcurrent::run([database = m_database, catalog, updated = m_updatedMs] {
            QString why;
            const QString connection = Database::uniqueConnectionName(QStringLiteral("catalogue"));
            {
                QSqlDatabase db = Database::open(database, connection, &why);
                if (db.isOpen())
                    saveSymbolCatalog(db, catalog, updated, &why);
            }
            Database::close(connection);
            return why;
        }));
    }
    Q_EMIT statusChanged(status());
}

void SymbolCatalogController::setProblem(const QString &problem)
{
    m_problem = problem;
    Q_EMIT statusChanged(status());
}

QStringList SymbolCatalogController::all() const
{
    QStringList out;
    for (const SymbolInfo &s : m_catalog)
        out << s.symbol;
    return out;
}

QString SymbolCatalogController::status() const
{
    QString text;
    if (m_fetching)
        text = tr("Fetching the symbol list…");
    else if (m_catalog.empty())
        text = m_database.isEmpty() ? tr("No symbol list yet: it is fetched when a session starts.")
                                    : tr("No symbol list yet.");
    else
        text = tr("%1 perpetuals, fetched %2 UTC")
                   .arg(QLocale().toString(qlonglong(m_catalog.size())),
                        QDateTime::fromMSecsSinceEpoch(m_updatedMs, QTimeZone::utc())
                            .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    if (!m_problem.isEmpty())
        text += QLatin1Char(' ') + tr("(last fetch: %1)").arg(m_problem);
    return text;
}

} // namespace pairlab
