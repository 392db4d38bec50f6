#pragma once

#include "httpexchange.h"

#include <QObject>
#include <QSet>
#include <QString>

namespace UserDesk {

class RequestLog;

// The request log kept across restarts: every finished exchange written to SQLite in the app's data
// folder, capped by count and size (the oldest go first), with the token and any password in the URL
// redacted before anything is written. Searchable by method, status class and URL.
class RequestHistory : public QObject
{
    Q_OBJECT
public:
    struct Query
    {
        QByteArray method; // empty: any
        int statusClass = 0; // 2 for 2xx ... 5 for 5xx; -1: no answer arrived; 0: any
        QString urlContains; // case-insensitive; empty: any
        int limit = 500;
    };

    explicit RequestHistory(QObject *parent = nullptr);
    ~RequestHistory() override;

    // history.sqlite in the data folder the app and the CLI share.
    static QString defaultPath();
    bool open(const QString &path);
    bool isOpen() const { return !m_connection.isEmpty(); }
    QString errorString() const { return m_error; }

    void setLimits(int maxEntries, qint64 maxBytes);
    int maxEntries() const { return m_maxEntries; }
    qint64 maxBytes() const { return m_maxBytes; }

    // Writes each exchange of `log` once, when it has finished.
    void attach(RequestLog *log);
    bool record(const HttpExchange &exchange);

    // Newest first.
    QList<HttpExchange> search(const Query &query) const;
    // The newest `count` exchanges, oldest first: what a log starts with after a restart.
    QList<HttpExchange> recent(int count) const;
    int count() const;
    qint64 totalBytes() const { return m_bytes; }
    void clear();

    // The URL without its password and with token-like query values replaced.
    static QUrl redactedUrl(const QUrl &url);

private:
    bool addNoteColumn();
    bool exec(const QString &sql) const;
    void prune();
    QList<HttpExchange> select(
        const QString &where, const QVariantList &values, const QString &order, int limit) const;
    void onLogChanged(int index);

    QString m_connection;
    QString m_error;
    int m_maxEntries = 5000;
    qint64 m_maxBytes = 64LL * 1024 * 1024;
    qint64 m_bytes = 0;
    RequestLog *m_log = nullptr;
    QSet<quint64> m_recorded; // sequences of the attached log already written
};

} // namespace UserDesk
