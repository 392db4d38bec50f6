#pragma once

#include "sandboxconfig.h"

#include <QElapsedTimer>
#include <QHash>

namespace UserDesk {

// Fixed-window request budget per token, as GoRest reports it: a limit, what is
// left, and the seconds until the window refills.
class SandboxRateLimiter
{
public:
    struct Decision
    {
        bool allowed = true;
        int limit = 0;
        int remaining = 0;
        int resetSeconds = 0;
    };

    SandboxRateLimiter();

    // A changed limit starts every token on a fresh window.
    void setLimit(const SandboxRateLimit &limit);
    Decision take(const QString &token);
    void clear();

private:
    struct Window
    {
        qint64 startMs = 0;
        int used = 0;
    };

    SandboxRateLimit m_limit;
    QElapsedTimer m_clock;
    QHash<QString, Window> m_windows;
};

} // namespace UserDesk
