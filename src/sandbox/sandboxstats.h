#pragma once

#include <QJsonObject>

namespace UserDesk {

// Counters a test reads to prove what the sandbox did (GET /__sandbox/stats).
struct SandboxStats
{
    quint64 connections = 0; // TCP connections accepted; shows keep-alive reuse
    quint64 requests = 0; // complete HTTP requests parsed
    quint64 responses = 0; // answers written in full
    quint64 writesApplied = 0; // POST/PUT/PATCH/DELETE that changed the data
    quint64 dropsBefore = 0;
    quint64 dropsAfter = 0;
    quint64 truncated = 0;
    quint64 injected503 = 0;
    quint64 injectedHtml = 0;
    quint64 rateLimited = 0; // 429 answers
    quint64 rejectedGarbage = 0; // connections that did not start with an HTTP request line
    quint64 refusedRequests = 0; // 408, 413, 414, 431 or 503 before the request was read whole
    quint64 refusedConnections = 0; // over the connection cap
    quint64 idleClosed = 0; // connections closed for idleness

    QJsonObject toJson() const;
};

} // namespace UserDesk
