#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

namespace pairlab::test {

/** A local stand-in for Binance's REST API on http://127.0.0.1:<port> (HTTP/1.1, keep-alive): parses GET
 *  requests, counts them with their time on the mock's clock, answers each with the derived class' page, and
 *  plays a script of faults, one per request: 429 with Retry-After, 418, a malformed (truncated) answer, a
 *  slow answer, an empty page, a 500. X-MBX-USED-WEIGHT-1m adds up the requests' weights. Test thread only.
 */
class MockBinanceRest : public QObject
{
public:
    enum class Fault { None, TooMany, Banned, Malformed, Slow, Empty, ServerError };
    struct Step
    {
        Fault fault = Fault::None;
        int value = 0; ///< Retry-After seconds, or the delay of a slow answer in ms
    };
    struct Request
    {
        QString path;
        QString symbol, interval;
        qint64 fromId = -1, startTime = -1, endTime = -1;
        int limit = 500;
        qint64 receivedMs = 0; ///< on the mock's clock
        qint64 answeredMs = 0;
        int status = 200;
    };

    explicit MockBinanceRest(QObject *parent = nullptr) : QObject(parent)
    {
        m_clock.start();
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onRead(s); });
                connect(s, &QTcpSocket::disconnected, this, [this, s] {
                    m_buffers.remove(s);
                    s->deleteLater();
                });
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    void setScript(QList<Step> steps) { m_script = std::move(steps); }
    void setUsedWeightHeader(bool on) { m_weightHeader = on; }
    const QList<Request> &requests() const { return m_requests; }
    qint64 elapsedMs() const { return m_clock.elapsed(); }

protected:
    /** The body of a 200 answer to r. */
    virtual QByteArray page(const Request &r) const = 0;
    /** An answer cut off in the middle, as a dropped proxy would deliver it. */
    virtual QByteArray malformed() const = 0;
    /** The request's IP weight, for X-MBX-USED-WEIGHT-1m. */
    virtual int weight(const Request &r) const = 0;
    /** Binance's error body when it refuses r (HTTP 400, e.g. an unknown symbol); empty to answer it. */
    virtual QByteArray refusal(const Request &) const { return {}; }

private:
    void onRead(QTcpSocket *s)
    {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        for (int guard = 0; guard < 16; ++guard) {
            const qsizetype end = buf.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buf.left(end);
            buf.remove(0, end + 4);
            const QList<QByteArray> line = head.left(head.indexOf("\r\n")).split(' ');
            Request r;
            r.receivedMs = m_clock.elapsed();
            const QUrl u(QString::fromLatin1(line.value(1)));
            const QUrlQuery q(u);
            r.path = u.path();
            r.symbol = q.queryItemValue(QStringLiteral("symbol"));
            r.interval = q.queryItemValue(QStringLiteral("interval"));
            auto num = [&](const char *k, qint64 def) {
                const QString v = q.queryItemValue(QString::fromLatin1(k));
                return v.isEmpty() ? def : v.toLongLong();
            };
            r.fromId = num("fromId", -1);
            r.startTime = num("startTime", -1);
            r.endTime = num("endTime", -1);
            r.limit = int(num("limit", 500));
            const Step step = m_script.isEmpty() ? Step{} : m_script.takeFirst();
            m_requests << r;
            m_usedWeight += weight(r);
            const int index = int(m_requests.size()) - 1;
            if (step.fault == Fault::Slow) {
                QPointer<QTcpSocket> guarded(s);
                QTimer::singleShot(step.value, this, [this, guarded, index] {
                    if (guarded && guarded->state() == QAbstractSocket::ConnectedState)
                        answer(guarded, index, Step{});
                });
            } else {
                answer(s, index, step);
            }
        }
    }

    void answer(QTcpSocket *s, int index, const Step &step)
    {
        Request &r = m_requests[index];
        QByteArray status = "200 OK", body, extra;
        switch (step.fault) {
        case Fault::TooMany:
            status = "429 Too Many Requests";
            body = R"({"code":-1003,"msg":"Too many requests."})";
            extra = "Retry-After: " + QByteArray::number(step.value) + "\r\n";
            break;
        case Fault::Banned:
            status = "418 I'm a teapot";
            body = R"({"code":-1003,"msg":"Way too many requests; IP banned."})";
            extra = "Retry-After: " + QByteArray::number(step.value) + "\r\n";
            break;
        case Fault::Malformed:
            body = malformed();
            break;
        case Fault::Empty:
            body = "[]";
            break;
        case Fault::ServerError:
            status = "500 Internal Server Error";
            body = R"({"code":-1000,"msg":"An unknown error occurred."})";
            break;
        case Fault::None:
        case Fault::Slow:
            body = refusal(r);
            if (body.isEmpty())
                body = page(r);
            else
                status = "400 Bad Request";
            break;
        }
        r.status = status.left(3).toInt();
        if (m_weightHeader)
            extra += "X-MBX-USED-WEIGHT-1m: " + QByteArray::number(m_usedWeight) + "\r\n";
        s->write("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\n" + extra + "\r\n" + body);
        r.answeredMs = m_clock.elapsed();
    }

    QTcpServer m_server;
    QElapsedTimer m_clock;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Step> m_script;
    QList<Request> m_requests;
    qint64 m_usedWeight = 0;
    bool m_weightHeader = true;
};

} // namespace pairlab::test
