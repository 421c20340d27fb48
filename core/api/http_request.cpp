#include "api/http_request.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace pairlab {

namespace {

bool isTokenChar(char c)
{
    // RFC 9110 tchar
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s)
        if (!isTokenChar(c))
            return false;
    return true;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QByteArrayView trimmedOws(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

HttpParseResult failure(int status, const QString &why)
{
    HttpParseResult r;
    r.state = HttpParseResult::State::Error;
    r.status = status;
    r.error = why;
    return r;
}

bool parseQuery(QByteArrayView q, QList<QPair<QString, QString>> *out)
{
    while (!q.isEmpty()) {
        const qsizetype amp = q.indexOf('&');
        const QByteArrayView part = amp < 0 ? q : q.first(amp);
        q = amp < 0 ? QByteArrayView() : q.sliced(amp + 1);
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        QByteArray name, value;
        if (!percentDecode(eq < 0 ? part : part.first(eq), &name, true))
            return false;
        if (eq >= 0 && !percentDecode(part.sliced(eq + 1), &value, true))
            return false;
        out->append({QString::fromUtf8(name), QString::fromUtf8(value)});
    }
    return true;
}

} // namespace

bool percentDecode(QByteArrayView s, QByteArray *out, bool plusIsSpace)
{
    out->clear();
    out->reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '%') {
            if (i + 2 >= s.size())
                return false;
            const int hi = hexValue(s[i + 1]), lo = hexValue(s[i + 2]);
            if (hi < 0 || lo < 0)
                return false;
            out->append(char(hi * 16 + lo));
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            out->append(' ');
        } else {
            out->append(c);
        }
    }
    return true;
}

qint64 HttpLimits::bodyLimitFor(QByteArrayView path) const
{
    for (const auto &l : bodyLimits)
        if (l.first == path)
            return l.second;
    return maxBodyBytes;
}

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &h : headers)
        if (h.first == name)
            return h.second;
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &h : headers)
        if (h.first == name)
            return true;
    return false;
}

QString HttpRequest::queryValue(QStringView name, const QString &fallback) const
{
    for (const auto &q : query)
        if (q.first == name)
            return q.second;
    return fallback;
}

bool HttpRequest::hasQuery(QStringView name) const
{
    for (const auto &q : query)
        if (q.first == name)
            return true;
    return false;
}

HttpParseResult parseHttpRequest(QByteArrayView buffer, const HttpLimits &limits)
{
    // Leading empty lines before a request line are ignored (RFC 9112 §2.2).
    qsizetype start = 0;
    while (start + 1 < buffer.size() && buffer[start] == '\r' && buffer[start + 1] == '\n')
        start += 2;
    const QByteArrayView rest = buffer.sliced(start);
    const qsizetype headEnd = rest.indexOf(QByteArrayView("\r\n\r\n"));
    if (headEnd < 0) {
        if (buffer.size() > limits.maxHeadBytes) // the skipped empty lines count too
            return failure(431, QStringLiteral("the request line and headers are longer than %1 bytes")
                                    .arg(limits.maxHeadBytes));
        // A bare LF line end or a NUL in the head can never become valid: answer now, do not wait.
        const qsizetype bareLf = rest.indexOf('\n');
        if (bareLf == 0 || (bareLf > 0 && rest[bareLf - 1] != '\r'))
            return failure(400, QStringLiteral("line ends must be CRLF"));
        return {};
    }
    if (start + headEnd + 4 > limits.maxHeadBytes)
        return failure(
            431,
            QStringLiteral("the request line and headers are longer than %1 bytes").arg(limits.maxHeadBytes));
    const QByteArrayView head = rest.first(headEnd);
    HttpParseResult r;
    HttpRequest &req = r.request;

    // Request line: METHOD SP request-target SP HTTP-version
    qsizetype lineEnd = head.indexOf(QByteArrayView("\r\n"));
    const QByteArrayView requestLine = lineEnd < 0 ? head : head.first(lineEnd);
    if (requestLine.indexOf('\n') >= 0 || requestLine.indexOf('\r') >= 0)
        return failure(400, QStringLiteral("line ends must be CRLF"));
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || requestLine.indexOf(' ', sp2 + 1) >= 0)
        return failure(400, QStringLiteral("malformed request line (expected METHOD /path HTTP/1.1)"));
    const QByteArrayView method = requestLine.first(sp1);
    const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (!isToken(method))
        return failure(400, QStringLiteral("malformed method"));
    if (version == "HTTP/1.1")
        req.versionMinor = 1;
    else if (version == "HTTP/1.0")
        req.versionMinor = 0;
    else if (version.startsWith("HTTP/"))
        return failure(505, QStringLiteral("only HTTP/1.0 and HTTP/1.1 are served"));
    else
        return failure(400, QStringLiteral("malformed request line (expected METHOD /path HTTP/1.1)"));
    if (target.isEmpty() || target.front() != '/')
        return failure(400, QStringLiteral("the request target must be a path starting with /"));
    for (char c : target)
        if (uchar(c) <= 0x20 || uchar(c) >= 0x7f)
            return failure(400, QStringLiteral("the request target holds a control or non-ASCII byte"));
    req.method = method.toByteArray();
    req.target = target.toByteArray();
    const qsizetype qm = target.indexOf('?');
    const QByteArrayView rawPath = qm < 0 ? target : target.first(qm);
    if (!percentDecode(rawPath, &req.path, false))
        return failure(400, QStringLiteral("malformed percent escape in the path"));
    if (req.path.contains('\0'))
        return failure(400, QStringLiteral("the path holds a NUL byte"));
    if (qm >= 0) {
        QByteArrayView q = target.sliced(qm + 1);
        const qsizetype hash = q.indexOf('#');
        if (hash >= 0)
            q = q.first(hash);
        if (!parseQuery(q, &req.query))
            return failure(400, QStringLiteral("malformed percent escape in the query"));
    }

    // Header fields.
    qint64 contentLength = -1;
    bool connectionClose = false, connectionKeepAlive = false;
    QByteArrayView fields = lineEnd < 0 ? QByteArrayView() : head.sliced(lineEnd + 2);
    while (!fields.isEmpty()) {
        const qsizetype e = fields.indexOf(QByteArrayView("\r\n"));
        const QByteArrayView line = e < 0 ? fields : fields.first(e);
        fields = e < 0 ? QByteArrayView() : fields.sliced(e + 2);
        if (line.isEmpty())
            return failure(400, QStringLiteral("empty header line"));
        if (line.front() == ' ' || line.front() == '\t')
            return failure(400, QStringLiteral("folded header lines are not accepted"));
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0 || line.indexOf('\0') >= 0)
            return failure(400, QStringLiteral("a header line holds CR, LF or NUL"));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)))
            return failure(400, QStringLiteral("malformed header line"));
        if (req.headers.size() >= limits.maxHeaders)
            return failure(431, QStringLiteral("more than %1 header fields").arg(limits.maxHeaders));
        const QByteArray name = line.first(colon).toByteArray().toLower();
        const QByteArray value = trimmedOws(line.sliced(colon + 1)).toByteArray();
        if (name == "content-length") {
            qint64 v = 0;
            if (value.isEmpty() || value.size() > 18)
                return failure(400, QStringLiteral("malformed Content-Length"));
            for (char c : value) {
                if (c < '0' || c > '9')
                    return failure(400, QStringLiteral("malformed Content-Length"));
                v = v * 10 + (c - '0');
            }
            if (contentLength >= 0 && contentLength != v)
                return failure(400, QStringLiteral("conflicting Content-Length headers"));
            contentLength = v;
        } else if (name == "transfer-encoding") {
            return failure(501, QStringLiteral("Transfer-Encoding is not accepted; send Content-Length"));
        } else if (name == "connection") {
            for (const QByteArray &t : value.toLower().split(',')) {
                const QByteArray token = t.trimmed();
                connectionClose = connectionClose || token == "close";
                connectionKeepAlive = connectionKeepAlive || token == "keep-alive";
            }
        }
        req.headers.append({name, value});
    }
    if (req.versionMinor == 1 && !req.hasHeader("host"))
        return failure(400, QStringLiteral("HTTP/1.1 requests need a Host header"));
    req.keepAlive = req.versionMinor == 1 ? !connectionClose : connectionKeepAlive && !connectionClose;
    const qint64 maxBody = limits.bodyLimitFor(req.path);
    if (contentLength > maxBody)
        return failure(413, QStringLiteral("the body is longer than %1 bytes").arg(maxBody));
    const qsizetype bodyStart = start + headEnd + 4;
    const qint64 bodyLength = std::max<qint64>(contentLength, 0);
    if (buffer.size() - bodyStart < bodyLength) {
        // The head is good; the body is still arriving.
        r.headComplete = true;
        r.needed = bodyStart + bodyLength;
        return r;
    }
    req.body = buffer.sliced(bodyStart, qsizetype(bodyLength)).toByteArray();
    r.state = HttpParseResult::State::Complete;
    r.consumed = bodyStart + qsizetype(bodyLength);
    return r;
}

QByteArray httpReason(int status)
{
    switch (status) {
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

QByteArray HttpResponse::serialise(bool keepAlive) const
{
    QByteArray o;
    o.reserve(body.size() + 256);
    o += "HTTP/1.1 ";
    o += QByteArray::number(status);
    o += ' ';
    o += httpReason(status);
    o += "\r\n";
    if (status != 204) {
        o += "Content-Type: ";
        o += contentType;
        o += "\r\nContent-Length: ";
        o += QByteArray::number(body.size());
        o += "\r\n";
    }
    for (const auto &h : headers) {
        o += h.first;
        o += ": ";
        o += h.second;
        o += "\r\n";
    }
    o += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    o += "Cache-Control: no-store\r\n\r\n";
    if (status != 204)
        o += body;
    return o;
}

HttpResponse HttpResponse::error(int status, const QString &message)
{
    QJsonObject o;
    o.insert(QStringLiteral("error"), message);
    o.insert(QStringLiteral("status"), status);
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse HttpResponse::json(QByteArray body, int status)
{
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

} // namespace pairlab
