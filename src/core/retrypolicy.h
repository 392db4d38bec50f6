#pragma once

#include "apierror.h"

#include <QByteArray>
#include <functional>

namespace UserDesk {

// When to try a failed request again and how long to wait first: exponential backoff with full jitter,
// capped in attempts and in total time, aware of which methods are safe to repeat.
class RetryPolicy
{
public:
    enum class Decision {
        GiveUp,
        Retry,
        // The request may have reached the server and is not safe to repeat blindly (a POST): look for
        // its effect first, then retry only if there is none.
        Reconcile,
    };

    int maxAttempts = 5; // including the first try
    int baseDelayMs = 250;
    int capDelayMs = 8000;
    int maxTotalMs = 60000; // give up rather than start an attempt after this long
    int maxServerHintMs = 120000; // a longer Retry-After (or X-RateLimit-Reset) is waited for only this long

    RetryPolicy();

    // random() returns a value in [0, 1); tests pin it to make schedules deterministic.
    void setRandomSource(std::function<double()> random) { m_random = std::move(random); }
    double random() const { return m_random(); }

    // Full jitter: uniform in [0, min(cap, base * 2^(attempt-1))]. When the server named a wait
    // (Retry-After, X-RateLimit-Reset) that wait is honoured, plus a little jitter to spread a crowd.
    int delayMs(int attempt, int serverHintSeconds = -1) const;

    // `mayHaveArrived` is false only when the request provably never reached the server (refused, host
    // not found, TLS handshake failed) or the server answered that it did not act on it (429, 503).
    Decision decide(const QByteArray &method, const ApiError &error, bool mayHaveArrived, int attempt,
        qint64 elapsedMs) const;

    static bool isRetryableError(const ApiError &error);
    static bool isIdempotent(const QByteArray &method);

private:
    std::function<double()> m_random;
};

} // namespace UserDesk
