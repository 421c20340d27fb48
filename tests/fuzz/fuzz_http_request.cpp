#include "api/http_request.h"

#include "fuzz_util.h"

#include <cstdint>

using namespace pairlab;

/* Bytes as a client may send them to the local API, through the request parser the server runs on every
 * packet (parseHttpRequest), with the server's limits (a small body limit, a larger one for /v1/import) and
 * with tight ones. Invariants: parsing is deterministic; an error names an HTTP status the server answers and
 * a reason; a complete request consumed a part of the input, has a method, a path starting with '/', the body
 * its Content-Length says, and the input cut just before its end is still incomplete; an incomplete request
 * whose head was read needs more than the input holds; percent-decoding never grows the text. */

namespace {

void check(QByteArrayView data, const HttpLimits &limits)
{
    const HttpParseResult r = parseHttpRequest(data, limits);
    const HttpParseResult again = parseHttpRequest(data, limits);
    PAIRLAB_FUZZ_CHECK(r.state == again.state && r.status == again.status && r.consumed == again.consumed,
                       "parsing is deterministic");
    switch (r.state) {
    case HttpParseResult::State::Error:
        PAIRLAB_FUZZ_CHECK(r.status == 400 || r.status == 413 || r.status == 431 || r.status == 501 ||
                               r.status == 505,
                           "an error names a status the server answers");
        PAIRLAB_FUZZ_CHECK(!r.error.isEmpty(), "an error says why");
        PAIRLAB_FUZZ_CHECK(!HttpResponse::error(r.status, r.error).serialise(false).isEmpty(),
                           "the answer is written");
        break;
    case HttpParseResult::State::Incomplete:
        if (r.headComplete)
            PAIRLAB_FUZZ_CHECK(r.needed > data.size(), "a read head needs more bytes than it has");
        break;
    case HttpParseResult::State::Complete: {
        const HttpRequest &q = r.request;
        PAIRLAB_FUZZ_CHECK(r.consumed > 0 && r.consumed <= data.size(),
                           "a request consumes part of the input");
        PAIRLAB_FUZZ_CHECK(!q.method.isEmpty(), "a request has a method");
        PAIRLAB_FUZZ_CHECK(q.target.startsWith('/'), "the target is a path");
        PAIRLAB_FUZZ_CHECK(q.body.size() <= limits.bodyLimitFor(q.path), "the body is within its limit");
        const QByteArray length = q.header("content-length");
        PAIRLAB_FUZZ_CHECK(length.isEmpty() ? q.body.isEmpty() : length.toLongLong() == q.body.size(),
                           "the body is what Content-Length says");
        const HttpParseResult shorter = parseHttpRequest(data.first(r.consumed - 1), limits);
        PAIRLAB_FUZZ_CHECK(shorter.state == HttpParseResult::State::Incomplete,
                           "the request cut before its end is incomplete");
        const HttpParseResult exact = parseHttpRequest(data.first(r.consumed), limits);
        PAIRLAB_FUZZ_CHECK(exact.state == HttpParseResult::State::Complete && exact.consumed == r.consumed,
                           "the request alone parses alike");
        break;
    }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    HttpLimits server;
    server.maxBodyBytes = 1024 * 1024;
    server.bodyLimits = {{"/v1/import", 256 * 1024 * 1024}};
    check(input, server);
    HttpLimits tight;
    tight.maxHeadBytes = 64;
    tight.maxBodyBytes = 8;
    tight.maxHeaders = 3;
    check(input, tight);
    QByteArray decoded;
    if (percentDecode(input, &decoded, true))
        PAIRLAB_FUZZ_CHECK(decoded.size() <= input.size(), "decoding never grows");
    return 0;
}
