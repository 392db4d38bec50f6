#include "sandboxfaults.h"

#include <QJsonValue>

namespace UserDesk {

namespace {

bool readRate(const QJsonObject &json, const char *key, double *rate, QString *error)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined())
        return true;
    if (!value.isDouble() || value.toDouble() < 0.0 || value.toDouble() > 1.0) {
        *error = QLatin1String(key) + QStringLiteral(" must be a number from 0 to 1");
        return false;
    }
    *rate = value.toDouble();
    return true;
}

bool readMs(const QJsonObject &json, const char *key, int *ms, QString *error)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined())
        return true;
    if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > 600000) {
        *error = QLatin1String(key) + QStringLiteral(" must be a whole number from 0 to 600000");
        return false;
    }
    *ms = value.toInt();
    return true;
}

} // namespace

std::optional<SandboxFaults> SandboxFaults::fromJson(
    const QJsonObject &json, const SandboxFaults &base, QString *error)
{
    SandboxFaults f = base;
    QString ignored;
    QString &message = error ? *error : ignored;
    if (!readMs(json, "latency_ms", &f.latencyMs, &message)
        || !readMs(json, "jitter_ms", &f.jitterMs, &message)
        || !readRate(json, "fail_rate", &f.failRate, &message)
        || !readRate(json, "html_error_rate", &f.htmlErrorRate, &message)
        || !readRate(json, "drop_rate", &f.dropRate, &message)
        || !readRate(json, "drop_before_rate", &f.dropBeforeRate, &message)
        || !readRate(json, "drop_after_rate", &f.dropAfterRate, &message)
        || !readRate(json, "truncate_rate", &f.truncateRate, &message)
        || !readMs(json, "fail_retry_after", &f.retryAfterSeconds, &message))
        return std::nullopt;
    const QJsonValue seed = json.value(QLatin1String("fault_seed"));
    if (!seed.isUndefined()) {
        if (!seed.isDouble() || seed.toDouble() < 0) {
            message = QStringLiteral("fault_seed must be a non-negative integer");
            return std::nullopt;
        }
        f.seed = quint64(seed.toInteger());
    }
    return f;
}

QJsonObject SandboxFaults::toJson() const
{
    return { { QStringLiteral("latency_ms"), latencyMs }, { QStringLiteral("jitter_ms"), jitterMs },
        { QStringLiteral("fail_rate"), failRate }, { QStringLiteral("html_error_rate"), htmlErrorRate },
        { QStringLiteral("drop_rate"), dropRate }, { QStringLiteral("drop_before_rate"), dropBeforeRate },
        { QStringLiteral("drop_after_rate"), dropAfterRate },
        { QStringLiteral("truncate_rate"), truncateRate },
        { QStringLiteral("fail_retry_after"), retryAfterSeconds },
        { QStringLiteral("fault_seed"), qint64(seed) } };
}

bool SandboxFaults::parseLatency(QStringView text, int *latencyMs, int *jitterMs)
{
    const qsizetype colon = text.indexOf(u':');
    bool ok = false;
    const int latency = (colon < 0 ? text : text.left(colon)).toInt(&ok);
    if (!ok || latency < 0)
        return false;
    int jitter = 0;
    if (colon >= 0) {
        jitter = text.mid(colon + 1).toInt(&ok);
        if (!ok || jitter < 0)
            return false;
    }
    *latencyMs = latency;
    *jitterMs = jitter;
    return true;
}

bool SandboxFaults::parseRate(QStringView text, double *rate)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || value < 0.0 || value > 1.0)
        return false;
    *rate = value;
    return true;
}

bool operator==(const SandboxFaults &a, const SandboxFaults &b)
{
    return a.latencyMs == b.latencyMs && a.jitterMs == b.jitterMs && a.failRate == b.failRate
        && a.htmlErrorRate == b.htmlErrorRate && a.dropRate == b.dropRate
        && a.dropBeforeRate == b.dropBeforeRate && a.dropAfterRate == b.dropAfterRate
        && a.truncateRate == b.truncateRate && a.retryAfterSeconds == b.retryAfterSeconds && a.seed == b.seed;
}

} // namespace UserDesk
