#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace UserDesk {

// Faults the sandbox injects, settable at start and while running. Rates are
// probabilities in [0, 1], rolled independently per request with a seeded PRNG.
struct SandboxFaults
{
    int latencyMs = 0; // added to every API answer, served by a timer
    int jitterMs = 0; // plus a uniform 0..jitterMs
    double failRate = 0.0; // answered 503 with Retry-After
    double htmlErrorRate = 0.0; // answered 502 with a proxy's HTML page
    double dropRate = 0.0; // each drop is a coin toss between before and after
    double dropBeforeRate = 0.0; // connection aborted, write not applied
    double dropAfterRate = 0.0; // write applied, then connection aborted
    double truncateRate = 0.0; // full Content-Length, half the body, then close
    int retryAfterSeconds = 1; // the Retry-After of an injected 503; 0 sends none
    quint64 seed = 1;

    // Keys absent from json keep their value from base; snake_case as on the command line.
    static std::optional<SandboxFaults> fromJson(
        const QJsonObject &json, const SandboxFaults &base, QString *error);
    QJsonObject toJson() const;

    // "MS" or "MS:JITTER"
    static bool parseLatency(QStringView text, int *latencyMs, int *jitterMs);
    static bool parseRate(QStringView text, double *rate);

    friend bool operator==(const SandboxFaults &a, const SandboxFaults &b);
};

} // namespace UserDesk
