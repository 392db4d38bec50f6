#include "requestlog.h"

namespace UserDesk {

RequestLog::RequestLog(QObject *parent)
    : QObject(parent)
{
}

void RequestLog::setCapacity(int capacity)
{
    m_capacity = std::max(1, capacity);
    const int excess = size() - m_capacity;
    if (excess > 0) {
        Q_EMIT aboutToDropOldest(excess);
        m_entries.erase(m_entries.begin(), m_entries.begin() + excess);
        Q_EMIT droppedOldest(excess);
    }
}

const HttpExchange *RequestLog::find(quint64 sequence) const
{
    if (m_entries.empty() || sequence < m_entries.front().sequence)
        return nullptr;
    // Sequences grow by one per append and only the oldest are dropped, so the position is arithmetic.
    const quint64 offset = sequence - m_entries.front().sequence;
    if (offset >= m_entries.size())
        return nullptr;
    return &m_entries[static_cast<size_t>(offset)];
}

void RequestLog::clear()
{
    Q_EMIT aboutToClear();
    m_entries.clear();
    Q_EMIT cleared();
}

bool RequestLog::isSecretHeader(const QByteArray &name)
{
    return name.compare("Authorization", Qt::CaseInsensitive) == 0
        || name.compare("Proxy-Authorization", Qt::CaseInsensitive) == 0
        || name.compare("Cookie", Qt::CaseInsensitive) == 0
        || name.compare("Set-Cookie", Qt::CaseInsensitive) == 0
        || name.compare("X-Sandbox-Admin", Qt::CaseInsensitive) == 0;
}

QByteArray RequestLog::redactedValue(const QByteArray &name, const QByteArray &value)
{
    if (!isSecretHeader(name))
        return value;
    const qsizetype space = value.indexOf(' ');
    // Keep the scheme ("Bearer") so the log still tells what kind of credential went out.
    return space > 0 ? value.left(space) + " <redacted>" : QByteArray("<redacted>");
}

RawHeaders RequestLog::redacted(const RawHeaders &headers)
{
    RawHeaders out;
    out.reserve(headers.size());
    for (const auto &h : headers)
        out.append({ h.first, redactedValue(h.first, h.second) });
    return out;
}

quint64 RequestLog::append(HttpExchange exchange)
{
    exchange.sequence = m_nextSequence++;
    exchange.requestHeaders = redacted(exchange.requestHeaders);
    exchange.responseHeaders = redacted(exchange.responseHeaders);
    if (exchange.requestBody.size() > m_bodyCap)
        exchange.requestBody.truncate(m_bodyCap);
    if (exchange.responseBody.size() > m_bodyCap) {
        exchange.responseBody.truncate(m_bodyCap);
        exchange.responseBodyTruncated = true;
    }
    if (size() >= m_capacity) {
        Q_EMIT aboutToDropOldest(1);
        m_entries.pop_front();
        Q_EMIT droppedOldest(1);
    }
    const int index = size();
    Q_EMIT aboutToAppend(index);
    m_entries.push_back(std::move(exchange));
    Q_EMIT appended(index);
    return m_entries.back().sequence;
}

void RequestLog::update(quint64 sequence, const std::function<void(HttpExchange &)> &change)
{
    const HttpExchange *found = find(sequence);
    if (!found)
        return;
    auto &e = const_cast<HttpExchange &>(*found);
    change(e);
    e.sequence = sequence;
    e.requestHeaders = redacted(e.requestHeaders);
    e.responseHeaders = redacted(e.responseHeaders);
    if (e.responseBody.size() > m_bodyCap) {
        e.responseBody.truncate(m_bodyCap);
        e.responseBodyTruncated = true;
    }
    Q_EMIT changed(static_cast<int>(sequence - m_entries.front().sequence));
}

namespace {
QString shellQuote(const QString &s)
{
    QString out = s;
    out.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}
} // namespace

QString RequestLog::toCurl(const HttpExchange &exchange, bool includeToken, const QString &token)
{
    QStringList parts { QStringLiteral("curl") };
    if (exchange.method != "GET")
        parts << QStringLiteral("-X") << QString::fromLatin1(exchange.method);
    parts << shellQuote(exchange.url.toString(QUrl::FullyEncoded));
    for (const auto &h : exchange.requestHeaders) {
        QString value = QString::fromLatin1(h.second);
        if (isSecretHeader(h.first)) {
            if (h.first.compare("Authorization", Qt::CaseInsensitive) != 0)
                continue;
            // The stored value is already redacted; the real token comes only from the caller, on request.
            value = includeToken && !token.isEmpty() ? QStringLiteral("Bearer ") + token
                                                     : QStringLiteral("Bearer $USERDESK_TOKEN");
            parts << QStringLiteral("-H")
                  << (includeToken ? shellQuote(QStringLiteral("Authorization: ") + value)
                                   : QStringLiteral("\"Authorization: ") + value + QLatin1Char('"'));
            continue;
        }
        parts << QStringLiteral("-H")
              << shellQuote(QString::fromLatin1(h.first) + QStringLiteral(": ") + value);
    }
    if (!exchange.requestBody.isEmpty())
        parts << QStringLiteral("--data-raw") << shellQuote(QString::fromUtf8(exchange.requestBody));
    return parts.join(QLatin1Char(' '));
}

} // namespace UserDesk
