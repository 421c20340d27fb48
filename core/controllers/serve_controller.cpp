#include "controllers/serve_controller.h"

#include "alerts/alert_service.h"
#include "controllers/pair_controller.h"
#include "session/live_session.h"
#include "storage/database.h"

#include <QDateTime>
#include <QJsonArray>

namespace pairlab {

namespace {

QString feedStateKey(FeedState s)
{
    switch (s) {
    case FeedState::Stopped:
        return QStringLiteral("stopped");
    case FeedState::Connecting:
        return QStringLiteral("connecting");
    case FeedState::Connected:
        return QStringLiteral("connected");
    case FeedState::WaitingToReconnect:
        return QStringLiteral("waiting_to_reconnect");
    }
    return QStringLiteral("unknown");
}

} // namespace

ServeController::ServeController(QObject *parent) : QObject(parent)
{
    m_alertsThread.setObjectName(QStringLiteral("pairlab-alerts"));
}

ServeController::~ServeController()
{
    stop();
}

bool ServeController::start(const ServeOptions &options, QString *error)
{
    stop();
    m_options = options;
    for (const auto &[y, x] : m_options.pairs)
        for (const QString &s : {y, x})
            if (!m_options.symbols.contains(s))
                m_options.symbols << s;

    // The schema exists before the first reader opens it.
    {
        const QString name = Database::uniqueConnectionName(QStringLiteral("serve"));
        bool ok = false;
        {
            QSqlDatabase db = Database::open(m_options.api.databasePath, name, error);
            ok = db.isValid();
        }
        Database::close(name);
        if (!ok) {
            *error = QStringLiteral("%1: %2").arg(Database::displayName(m_options.api.databasePath), *error);
            return false;
        }
    }
    m_server = std::make_unique<ApiServer>(m_options.api);
    if (!m_server->listen(error)) {
        m_server.reset();
        return false;
    }

    registerAlertMetaTypes();
    m_alerts = new AlertService(m_options.api.databasePath);
    m_alerts->moveToThread(&m_alertsThread);
    connect(&m_alertsThread, &QThread::finished, m_alerts, &QObject::deleteLater);
    connect(m_alerts, &AlertService::triggered, m_server.get(), &ApiServer::publishAlertEvents);
    connect(m_server.get(), &ApiServer::alertRulesChanged, m_alerts, &AlertService::reloadRules);
    m_alertsThread.start();
    QMetaObject::invokeMethod(m_alerts, &AlertService::open);

    m_feed = {};
    m_feed.insert(QStringLiteral("state"), QStringLiteral("off"));
    if (m_options.symbols.isEmpty()) {
        m_server->setFeed(m_feed);
        return true;
    }
    FeedConfig cfg;
    cfg.symbols = m_options.symbols;
    if (!m_options.endpoint.isEmpty()) {
        cfg.endpoint = m_options.endpoint;
        // A replay or another endpoint has no exchange behind it to back-fill from.
        cfg.backfill = false;
        cfg.historyDays = 0;
        cfg.tradeBackfillHours = 0;
    }
    m_session = std::make_unique<LiveSession>(cfg, m_options.api.databasePath);
    m_feed.insert(QStringLiteral("state"), QStringLiteral("connecting"));
    m_feed.insert(QStringLiteral("endpoint"), cfg.endpoint.toString());
    m_feed.insert(QStringLiteral("symbols"), QJsonArray::fromStringList(cfg.symbols));
    m_feed.insert(QStringLiteral("stored_ticks"), 0);
    m_server->setFeed(m_feed);
    ApiServer *server = m_server.get();
    connect(m_session.get(), &LiveSession::feedStateChanged, this,
            [this, server](FeedState s, const QString &detail) {
                m_feed.insert(QStringLiteral("state"), feedStateKey(s));
                m_feed.insert(QStringLiteral("detail"), detail);
                server->setFeed(m_feed);
                Q_EMIT message(detail);
            });
    connect(m_session.get(), &LiveSession::feedStatsUpdated, this, [this, server](const FeedStats &s) {
        m_feed.insert(QStringLiteral("frames"), s.frames);
        m_feed.insert(QStringLiteral("malformed"), s.malformed);
        m_feed.insert(QStringLiteral("reconnects"), s.reconnects);
        server->setFeed(m_feed);
    });
    connect(m_session.get(), &LiveSession::stored, this,
            [this, server](const TickBatch &, const BarBatch &bars, const WriteStats &s) {
                m_feed.insert(QStringLiteral("stored_ticks"),
                              m_feed.value(QStringLiteral("stored_ticks")).toInteger() + s.stored);
                m_feed.insert(QStringLiteral("last_stored_ms"), QDateTime::currentMSecsSinceEpoch());
                server->setFeed(m_feed);
                server->publishBars(bars);
            });
    connect(m_session.get(), &LiveSession::storageError, this,
            [this](const QString &m) { Q_EMIT message(QStringLiteral("storage: %1").arg(m)); });
    AlertService *alerts = m_alerts;
    for (const auto &[y, x] : m_options.pairs) {
        auto pc = std::make_unique<PairController>();
        pc->setDatabase(m_options.api.databasePath);
        pc->setLiveSymbols(m_options.symbols);
        pc->setIntervalSeconds(intervalSeconds(m_options.interval));
        pc->setPair(y, x);
        connect(m_session.get(), &LiveSession::stored, pc.get(),
                [c = pc.get()](const TickBatch &, const BarBatch &bars, const WriteStats &) {
                    c->applyBatch(bars);
                });
        connect(pc.get(), &PairController::alertInputs, server,
                [server, alerts](const QString &pair, const AlertVariables &v) {
                    server->publishPair(pair, v);
                    QMetaObject::invokeMethod(alerts, [alerts, pair, v] { alerts->evaluate(pair, v); });
                });
        m_pairs.push_back(std::move(pc));
    }
    m_session->start();
    return true;
}

void ServeController::stop()
{
    m_pairs.clear();
    if (m_session) {
        m_session->stop();
        m_session.reset();
    }
    if (m_alerts) {
        QMetaObject::invokeMethod(m_alerts, &AlertService::close, Qt::BlockingQueuedConnection);
        m_alertsThread.quit();
        m_alertsThread.wait();
        m_alerts = nullptr; // deleted on the thread's finish
    }
    if (m_server) {
        m_server->close();
        m_server.reset();
    }
}

} // namespace pairlab
