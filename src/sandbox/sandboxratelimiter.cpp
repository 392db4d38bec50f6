#include "sandboxratelimiter.h"

namespace UserDesk {

SandboxRateLimiter::SandboxRateLimiter()
{
    m_clock.start();
}

void SandboxRateLimiter::setLimit(const SandboxRateLimit &limit)
{
    if (limit.limit == m_limit.limit && limit.windowSeconds == m_limit.windowSeconds) {
        m_limit = limit;
        return;
    }
    m_limit = limit;
    m_windows.clear();
}

SandboxRateLimiter::Decision SandboxRateLimiter::take(const QString &token)
{
    Decision decision;
    if (!m_limit.isEnabled())
        return decision;

    const qint64 now = m_clock.elapsed();
    const qint64 windowMs = qint64(m_limit.windowSeconds) * 1000;
    Window &window = m_windows[token];
    if (window.used == 0 || now - window.startMs >= windowMs) {
        window.startMs = now;
        window.used = 0;
    }
    decision.limit = m_limit.limit;
    decision.allowed = window.used < m_limit.limit;
    if (decision.allowed)
        ++window.used;
    decision.remaining = m_limit.limit - window.used;
    // Rounded up: a client that waits exactly this long must find the budget refilled.
    const qint64 leftMs = window.startMs + windowMs - now;
    decision.resetSeconds = int(qMax<qint64>(1, (leftMs + 999) / 1000));
    return decision;
}

void SandboxRateLimiter::clear()
{
    m_windows.clear();
}

} // namespace UserDesk
