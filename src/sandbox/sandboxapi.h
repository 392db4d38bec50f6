#pragma once

#include "sandboxconfig.h"
#include "sandboxratelimiter.h"
#include "sandboxresource.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrl>

namespace UserDesk {

class SandboxStore;

// The GoRest v2 contract as a function from request to reply: routes, tokens, rate
// limit, pagination, filters, validation. Knows nothing of sockets or faults, which
// is SandboxServer's business.
class SandboxApi
{
public:
    using HeaderList = QList<QPair<QByteArray, QByteArray>>;

    struct Request
    {
        QByteArray method; // upper case, e.g. "PATCH"
        QUrl url; // as received: path and query
        QUrl origin; // scheme://host:port of the sandbox's own configured address, for Location and links
        HeaderList headers;
        QByteArray body;

        QByteArray header(const QByteArray &name) const; // case-insensitive, first match
    };

    struct Reply
    {
        int status = 200;
        HeaderList headers;
        QByteArray body;
        QByteArray contentType = QByteArrayLiteral("application/json; charset=utf-8");
        bool changedData = false;
    };

    static constexpr int DefaultPerPage = 10;
    static constexpr int MaxPerPage = 100;

    explicit SandboxApi(SandboxStore &store);

    void setTokens(const QStringList &tokens);
    void setRateLimit(const SandboxRateLimit &limit);
    void clearRateLimitWindows();

    Reply handle(const Request &request);

    static Reply message(int status, const QString &text);
    static bool isWrite(const QByteArray &method);

private:
    Reply route(const Request &request);
    Reply list(const Request &request, SandboxResource::Kind kind, std::optional<qint64> parentId);
    Reply create(const Request &request, SandboxResource::Kind kind, std::optional<qint64> parentId);
    Reply getOne(SandboxResource::Kind kind, qint64 id);
    Reply update(const Request &request, SandboxResource::Kind kind, qint64 id);
    Reply remove(SandboxResource::Kind kind, qint64 id);
    Reply objectReply(int status, SandboxResource::Kind kind, const QVariantList &row);

    SandboxStore &m_store;
    QStringList m_tokens;
    SandboxRateLimit m_rateLimit;
    SandboxRateLimiter m_limiter;
};

} // namespace UserDesk
