#include "retrypolicy.h"

#include <QRandomGenerator>

namespace UserDesk {

RetryPolicy::RetryPolicy()
    : m_random([] { return QRandomGenerator::global()->generateDouble(); })
{
}

int RetryPolicy::delayMs(int attempt, int serverHintSeconds) const
{
    if (serverHintSeconds >= 0) {
        const qint64 hint = std::min<qint64>(qint64(serverHintSeconds) * 1000, maxServerHintMs);
        return static_cast<int>(hint + static_cast<qint64>(random() * std::min(baseDelayMs, 1000)));
    }
    const int exponent = std::clamp(attempt - 1, 0, 30);
    const double ceiling = std::min<double>(capDelayMs, double(baseDelayMs) * double(1LL << exponent));
    return static_cast<int>(random() * ceiling);
}

bool RetryPolicy::isIdempotent(const QByteArray &method)
{
    // PATCH is idempotent here because UserDesk only ever PATCHes absolute values.
    return method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE" || method == "PATCH";
}

bool RetryPolicy::isRetryableError(const ApiError &error)
{
    switch (error.kind()) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::RateLimited:
        return true;
    case ApiError::Kind::Server:
        return error.httpStatus() == 502 || error.httpStatus() == 503 || error.httpStatus() == 504
            || error.httpStatus() == 0;
    case ApiError::Kind::HttpOther:
        return error.httpStatus() == 408;
    case ApiError::Kind::BadResponse:
        // A body cut off in transit is worth another try; a complete but malformed one is not.
        return error.isTruncated();
    default:
        return false;
    }
}

RetryPolicy::Decision RetryPolicy::decide(
    const QByteArray &method, const ApiError &error, bool mayHaveArrived, int attempt, qint64 elapsedMs) const
{
    if (!isRetryableError(error) || attempt >= maxAttempts || elapsedMs >= maxTotalMs)
        return Decision::GiveUp;
    if (isIdempotent(method) || !mayHaveArrived)
        return Decision::Retry;
    return Decision::Reconcile;
}

} // namespace UserDesk
