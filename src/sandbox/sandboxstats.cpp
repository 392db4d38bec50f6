#include "sandboxstats.h"

namespace UserDesk {

QJsonObject SandboxStats::toJson() const
{
    return { { QStringLiteral("connections"), qint64(connections) },
        { QStringLiteral("requests"), qint64(requests) }, { QStringLiteral("responses"), qint64(responses) },
        { QStringLiteral("writes_applied"), qint64(writesApplied) },
        { QStringLiteral("drops_before"), qint64(dropsBefore) },
        { QStringLiteral("drops_after"), qint64(dropsAfter) },
        { QStringLiteral("truncated"), qint64(truncated) },
        { QStringLiteral("injected_503"), qint64(injected503) },
        { QStringLiteral("injected_html"), qint64(injectedHtml) },
        { QStringLiteral("rate_limited"), qint64(rateLimited) },
        { QStringLiteral("rejected_garbage"), qint64(rejectedGarbage) },
        { QStringLiteral("refused_requests"), qint64(refusedRequests) },
        { QStringLiteral("refused_connections"), qint64(refusedConnections) },
        { QStringLiteral("idle_closed"), qint64(idleClosed) } };
}

} // namespace UserDesk
