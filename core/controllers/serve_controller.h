#pragma once

#include "api/api_server.h"
#include "market/interval.h"

#include <QObject>
#include <QPair>
#include <QStringList>
#include <QThread>
#include <QUrl>

#include <memory>
#include <vector>

namespace pairlab {

class AlertService;
class LiveSession;
class PairController;

/** What `pairlab-cli serve` runs: the API, and optionally a feed, live pairs and their alerts. */
struct ServeOptions
{
    ApiServerConfig api;
    QStringList symbols;                  ///< streamed and stored (the pairs' legs are added); empty: no feed
    QUrl endpoint;                        ///< empty: Binance USD-M (with its REST history and back-fill)
    QList<QPair<QString, QString>> pairs; ///< (y, x) analysed live on `interval` bars
    Interval interval = Interval::S1;
};

/** The headless workbench behind `pairlab-cli serve`: the same pieces as the app — LiveSession (feed and
 *  storage), a PairController per pair, the AlertService on its own thread — wired to an ApiServer: stored
 *  bars, each pair's analytics update and every fired alert reach the stream, /v1/health reports the feed,
 *  and rules written through the API reach the alert service. Runs on the thread that owns it (the CLI's
 *  main thread); the alert service on a thread of its own. */
class ServeController : public QObject
{
    Q_OBJECT
public:
    explicit ServeController(QObject *parent = nullptr);
    ~ServeController() override;

    /** Opens (creates) the database, listens, starts the feed; false with `error` (nothing runs then). */
    bool start(const ServeOptions &options, QString *error);
    /** Stops the feed (everything received is stored), the pairs, the alerts and the server. */
    void stop();

    ApiServer *server() const { return m_server.get(); }
    LiveSession *session() const { return m_session.get(); }
    const ServeOptions &options() const { return m_options; }

Q_SIGNALS:
    /** A line worth printing: the feed's state changes, storage errors. */
    void message(const QString &text);

private:
    ServeOptions m_options;
    std::unique_ptr<ApiServer> m_server;
    std::unique_ptr<LiveSession> m_session;
    std::vector<std::unique_ptr<PairController>> m_pairs;
    QThread m_alertsThread;
    AlertService *m_alerts = nullptr;
    QJsonObject m_feed;
};

} // namespace pairlab
