#pragma once

#include "alerts/alert_rule.h"
#include "api/http_request.h"

#include <QJsonObject>
#include <QString>

namespace pairlab {

/** The most rows one read answers (bars, ticks, quotes, events): a `limit` above it is refused. */
inline constexpr int kApiMaxRows = 100000;
/** Rows a read answers without a `limit`. */
inline constexpr int kApiDefaultRows = 1000;
/** The largest body a request may carry: a CSV import (all or nothing, as the Import dialog). */
inline constexpr qint64 kApiMaxImportBytes = qint64(256) * 1024 * 1024;
/** The largest body of any other request (an alert rule, a backtest request). */
inline constexpr qint64 kApiMaxSmallBodyBytes = qint64(1024) * 1024;

/** What one request may use: the database, whether writes are on, and the live state the server keeps
 *  (feed, connections) for /v1/health. Copied to the worker that answers. */
struct ApiContext
{
    QString databasePath;
    bool allowWrites = false;
    QJsonObject live; ///< {"feed": {...}, "api": {...}} as the server knows them now
};

/** What a request changed, for the server to pass on (the alert service re-reads its rules). */
struct ApiEffects
{
    bool alertRulesChanged = false;
};

/** Answers one authenticated request (every route of /v1/openapi.json but the /v1/stream upgrade). Opens
 *  its own database connection on the calling thread (a worker's); never throws; bad parameters give a
 *  400 whose JSON body names the parameter. */
HttpResponse handleApiRequest(const HttpRequest &request, const ApiContext &context, ApiEffects *effects);

/** One alert event as /v1/alerts/events and the stream write it: {"id","rule_id","ts_ms","time_utc","rule",
 *  "pair","message","values":{name: value}}. */
QByteArray alertEventJson(const AlertEvent &event);

/** The OpenAPI 3.0 document of the API. */
QByteArray apiOpenApiDocument();

} // namespace pairlab
