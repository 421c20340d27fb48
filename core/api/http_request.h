#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

namespace pairlab {

/** What the local API accepts of one request before it reads it (ApiServer enforces them as bytes arrive). */
struct HttpLimits
{
    qsizetype maxHeadBytes = qsizetype(16) * 1024; ///< request line and headers, with their line ends
    qint64 maxBodyBytes = qint64(1024) * 1024;     ///< Content-Length above this: 413
    int maxHeaders = 100;
    /** Paths that take a larger body than maxBodyBytes (an import): path, its limit. */
    QList<QPair<QByteArray, qint64>> bodyLimits;
    qint64 bodyLimitFor(QByteArrayView path) const;
};

/** One parsed HTTP/1.x request. Header names are lower case; query names and values are percent-decoded
 *  ('+' is a space). */
struct HttpRequest
{
    QByteArray method;
    QByteArray target; ///< as sent: "/v1/bars?symbol=BTCUSDT"
    QByteArray path;   ///< "/v1/bars" (percent-decoded)
    QList<QPair<QString, QString>> query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int versionMinor = 1; ///< HTTP/1.0 or HTTP/1.1
    bool keepAlive = true;

    /** The first header of that (lower-case) name, or empty. */
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    /** The first query value of that name, or `fallback`. */
    QString queryValue(QStringView name, const QString &fallback = {}) const;
    bool hasQuery(QStringView name) const;
};

/** The outcome of reading a buffer that starts at a request's first byte. */
struct HttpParseResult
{
    enum class State { Incomplete, Complete, Error };
    State state = State::Incomplete;
    qsizetype consumed = 0; ///< bytes of the buffer the request took (Complete)
    /** Incomplete with the head read and accepted: `request` holds it (no body yet) and `needed` is the whole
     *  request's length, so that a reader can check it (say, its token) before the body arrives and wait for
     *  that many bytes instead of parsing again on every packet. */
    bool headComplete = false;
    qint64 needed = 0;
    int status = 0;      ///< the HTTP status to answer an Error with (400, 413, 431, 501, 505)
    QString error;       ///< what was wrong, for the JSON error body
    HttpRequest request; ///< Complete, or Incomplete with headComplete
};

/** Parses one HTTP/1.0 or HTTP/1.1 request from the front of `buffer` (RFC 9112): request line, headers,
 *  and a body of Content-Length bytes. Incomplete while more bytes are needed and the limits still allow
 *  them; an Error says which status to answer. Chunked request bodies are refused (501): the API's
 *  clients send Content-Length. Pure and thread-safe; it never reads past `buffer` (the fuzz target
 *  tests/fuzz/fuzz_http_request drives it). */
HttpParseResult parseHttpRequest(QByteArrayView buffer, const HttpLimits &limits = {});

/** Percent-decodes `s` ('+' as a space when `plusIsSpace`); false on a malformed escape. */
bool percentDecode(QByteArrayView s, QByteArray *out, bool plusIsSpace);

/** One response; serialise() adds Content-Length, Content-Type and Connection. */
struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; ///< extra headers

    QByteArray serialise(bool keepAlive) const;
    /** A JSON error body {"error": message, "status": status}. */
    static HttpResponse error(int status, const QString &message);
    static HttpResponse json(QByteArray body, int status = 200);
};

/** "OK", "Not Found", ... */
QByteArray httpReason(int status);

} // namespace pairlab
