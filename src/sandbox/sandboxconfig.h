#pragma once

#include "sandboxfaults.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

namespace UserDesk {

// A per-token request budget; limit 0 means off (the default).
struct SandboxRateLimit
{
    int limit = 0;
    int windowSeconds = 60;
    bool sendRetryAfter = true; // false answers 429 like the real GoRest, without Retry-After

    bool isEnabled() const { return limit > 0 && windowSeconds > 0; }
    // "N/SECONDS", e.g. "90/60"; "off" or "0" disables.
    static std::optional<SandboxRateLimit> parse(QStringView text);
    QString toString() const;
};

// Everything a SandboxServer needs to start; plain data, copied into the server.
struct SandboxConfig
{
    QHostAddress bindAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0; // 0 picks a free port
    QString dataPath; // SQLite file, created and seeded on first start
    int seedUsers = 3000;
    quint64 dataSeed = 0x5eedda7aULL;
    bool reset = false; // drop all data and reseed on start
    QStringList tokens; // write tokens; empty makes start() generate one
    QString adminToken; // guards /__sandbox/*; empty makes start() generate one
    SandboxRateLimit rateLimit;
    SandboxFaults faults;
    qint64 maxBodyBytes = 1024 * 1024; // refused by Content-Length before reading, counted when chunked
    int maxConnections = 256; // the excess is answered 503 and closed
    int idleTimeoutMs = 30000; // an open connection with nothing to do is closed after this
    int requestTimeoutMs = 30000; // a request not complete this long after its first byte is a 408
    bool logRequests = false; // method, path, status and time on stderr; never headers

    static QString defaultDataPath();
    static QString generateToken();
};

} // namespace UserDesk
