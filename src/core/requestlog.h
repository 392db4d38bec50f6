#pragma once

#include "httpexchange.h"

#include <QObject>
#include <deque>

namespace UserDesk {

// A bounded ring of recent HTTP exchanges, for the log dock and the CLI's --verbose. Secrets are redacted
// before anything is stored here.
class RequestLog : public QObject
{
    Q_OBJECT
public:
    explicit RequestLog(QObject *parent = nullptr);

    void setCapacity(int capacity);
    int capacity() const { return m_capacity; }
    void setBodyCap(int bytes) { m_bodyCap = bytes; }
    int bodyCap() const { return m_bodyCap; }

    int size() const { return static_cast<int>(m_entries.size()); }
    // Index 0 is the oldest kept exchange.
    const HttpExchange &at(int index) const { return m_entries.at(static_cast<size_t>(index)); }
    const HttpExchange *find(quint64 sequence) const;
    void clear();

    // Stores a copy of `exchange` with its headers redacted and bodies capped; returns its sequence number.
    quint64 append(HttpExchange exchange);
    void update(quint64 sequence, const std::function<void(HttpExchange &)> &change);

    // Header values that must never be shown or written.
    static bool isSecretHeader(const QByteArray &name);
    static RawHeaders redacted(const RawHeaders &headers);
    static QByteArray redactedValue(const QByteArray &name, const QByteArray &value);

    // A curl command line that repeats the request; the token is a placeholder unless includeToken.
    static QString toCurl(const HttpExchange &exchange, bool includeToken = false, const QString &token = {});

Q_SIGNALS:
    void aboutToAppend(int index);
    void appended(int index);
    void aboutToDropOldest(int count);
    void droppedOldest(int count);
    void changed(int index);
    void aboutToClear(); // a model begins its reset here, while the entries are still there
    void cleared();

private:
    std::deque<HttpExchange> m_entries;
    int m_capacity = 500;
    int m_bodyCap = 256 * 1024;
    quint64 m_nextSequence = 1;
};

} // namespace UserDesk
