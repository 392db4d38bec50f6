#include "requesthistory.h"

#include "requestlog.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrlQuery>

#include <algorithm>
#include <atomic>

namespace UserDesk {

namespace {
QByteArray headersToJson(const RawHeaders &headers)
{
    QJsonArray array;
    for (const auto &[name, value] : headers)
        array.append(QJsonArray { QString::fromLatin1(name), QString::fromLatin1(value) });
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

RawHeaders headersFromJson(const QByteArray &json)
{
    RawHeaders headers;
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    for (const QJsonValue &pair : array) {
        const QJsonArray nv = pair.toArray();
        headers.append({ nv.at(0).toString().toLatin1(), nv.at(1).toString().toLatin1() });
    }
    return headers;
}

bool isSecretQueryKey(const QString &key)
{
    const QString k = key.toLower();
    return k == u"access-token" || k == u"access_token" || k == u"token" || k == u"api_key" || k == u"apikey"
        || k == u"key" || k == u"password";
}

qint64 sizeOf(const HttpExchange &e)
{
    return e.url.toEncoded().size() + e.requestBody.size() + e.responseBody.size() + 256;
}
} // namespace

RequestHistory::RequestHistory(QObject *parent)
    : QObject(parent)
{
}

RequestHistory::~RequestHistory()
{
    if (!m_connection.isEmpty()) {
        QSqlDatabase::database(m_connection, false).close();
        const QString name = m_connection;
        m_connection.clear();
        QSqlDatabase::removeDatabase(name);
    }
}

QString RequestHistory::defaultPath()
{
    // The app ("UserDesk") and the CLI ("userdesk") have different application names, so their own data
    // folders differ: both use this one.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/UserDesk/history.sqlite");
}

bool RequestHistory::open(const QString &path)
{
    static std::atomic<int> instances { 0 };
    const QString name = QStringLiteral("userdesk-history-%1").arg(++instances);
    QDir().mkpath(QFileInfo(path).absolutePath());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
        if (!db.open()) {
            m_error = tr("The request history %1 could not be opened: %2.").arg(path, db.lastError().text());
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return false;
        }
    }
    m_connection = name;
    // Only the owner reads it: bodies can hold personal data even with the token redacted.
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const bool ok = exec(QStringLiteral("PRAGMA journal_mode=WAL"))
        && exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS exchanges ("
            "id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT, method TEXT, url TEXT, "
            "status INTEGER, elapsed_ms INTEGER, attempt INTEGER, request_headers BLOB, "
            "request_body BLOB, response_headers BLOB, response_body BLOB, "
            "response_truncated INTEGER, response_bytes INTEGER, error TEXT, size INTEGER, note TEXT)"))
        && addNoteColumn()
        && exec(QStringLiteral("CREATE INDEX IF NOT EXISTS exchanges_method ON exchanges(method)"))
        && exec(QStringLiteral("CREATE INDEX IF NOT EXISTS exchanges_status ON exchanges(status)"));
    if (!ok) {
        const QString reason = m_error;
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
        m_connection.clear();
        m_error = tr("The request history %1 could not be prepared: %2").arg(path, reason);
        return false;
    }
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral("SELECT COALESCE(SUM(size), 0) FROM exchanges")) && q.next())
        m_bytes = q.value(0).toLongLong();
    prune();
    return true;
}

bool RequestHistory::addNoteColumn()
{
    // A history written before exchanges had a note gets the column; its rows have none.
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("PRAGMA table_info(exchanges)"))) {
        m_error = q.lastError().text() + QLatin1Char('.');
        return false;
    }
    while (q.next()) {
        if (q.value(1).toString() == QLatin1String("note"))
            return true;
    }
    return exec(QStringLiteral("ALTER TABLE exchanges ADD COLUMN note TEXT"));
}

bool RequestHistory::exec(const QString &sql) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(sql))
        return true;
    const_cast<RequestHistory *>(this)->m_error = q.lastError().text() + QLatin1Char('.');
    return false;
}

void RequestHistory::setLimits(int maxEntries, qint64 maxBytes)
{
    m_maxEntries = std::max(1, maxEntries);
    m_maxBytes = std::max<qint64>(1024, maxBytes);
    prune();
}

QUrl RequestHistory::redactedUrl(const QUrl &url)
{
    QUrl out = url.adjusted(QUrl::RemovePassword);
    if (out.hasQuery()) {
        QUrlQuery query(out);
        const auto items = query.queryItems(QUrl::FullyEncoded);
        QUrlQuery cleaned;
        for (const auto &[key, value] : items)
            cleaned.addQueryItem(key,
                isSecretQueryKey(QUrl::fromPercentEncoding(key.toUtf8())) ? QStringLiteral("REDACTED")
                                                                          : value);
        out.setQuery(cleaned);
    }
    return out;
}

void RequestHistory::attach(RequestLog *log)
{
    if (m_log)
        disconnect(m_log, nullptr, this, nullptr);
    m_log = log;
    m_recorded.clear();
    if (!log)
        return;
    connect(log, &RequestLog::appended, this, &RequestHistory::onLogChanged);
    connect(log, &RequestLog::changed, this, &RequestHistory::onLogChanged);
    connect(log, &RequestLog::droppedOldest, this, [this] {
        // Sequences below the oldest kept one can never change again.
        if (m_log->size() == 0) {
            m_recorded.clear();
            return;
        }
        const quint64 oldest = m_log->at(0).sequence;
        m_recorded.removeIf([oldest](quint64 sequence) { return sequence < oldest; });
    });
    connect(log, &RequestLog::cleared, this, [this] { m_recorded.clear(); });
}

void RequestHistory::onLogChanged(int index)
{
    const HttpExchange &e = m_log->at(index);
    if (!e.finished || m_recorded.contains(e.sequence))
        return;
    m_recorded.insert(e.sequence);
    record(e);
}

bool RequestHistory::record(const HttpExchange &exchange)
{
    if (!isOpen())
        return false;
    const qint64 size = sizeOf(exchange);
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral(
        "INSERT INTO exchanges (started_at, method, url, status, elapsed_ms, attempt, request_headers, "
        "request_body, response_headers, response_body, response_truncated, response_bytes, error, size, "
        "note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(exchange.startedAt.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(QString::fromLatin1(exchange.method));
    q.addBindValue(QString::fromUtf8(redactedUrl(exchange.url).toEncoded()));
    q.addBindValue(exchange.httpStatus);
    q.addBindValue(exchange.elapsedMs);
    q.addBindValue(exchange.attempt);
    // The log redacted the headers already; redacting again costs nothing and holds if it ever did not.
    q.addBindValue(headersToJson(RequestLog::redacted(exchange.requestHeaders)));
    q.addBindValue(exchange.requestBody);
    q.addBindValue(headersToJson(RequestLog::redacted(exchange.responseHeaders)));
    q.addBindValue(exchange.responseBody);
    q.addBindValue(exchange.responseBodyTruncated ? 1 : 0);
    q.addBindValue(exchange.responseBytes);
    q.addBindValue(exchange.error);
    q.addBindValue(size);
    q.addBindValue(exchange.note);
    if (!q.exec()) {
        m_error
            = tr("An exchange could not be written to the request history: %1.").arg(q.lastError().text());
        return false;
    }
    m_bytes += size;
    prune();
    return true;
}

void RequestHistory::prune()
{
    if (!isOpen())
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM exchanges")) && q.next()
        && q.value(0).toInt() > m_maxEntries) {
        QSqlQuery del(db);
        del.prepare(QStringLiteral(
            "DELETE FROM exchanges WHERE id IN (SELECT id FROM exchanges ORDER BY id ASC LIMIT ?)"));
        del.addBindValue(q.value(0).toInt() - m_maxEntries);
        del.exec();
    }
    if (m_bytes > m_maxBytes) {
        // The oldest go until the rest fit, in one statement.
        QSqlQuery del(db);
        del.prepare(QStringLiteral(
            "DELETE FROM exchanges WHERE id <= (SELECT id FROM (SELECT id, SUM(size) OVER (ORDER BY id DESC) "
            "AS newer FROM exchanges) WHERE newer > ? ORDER BY id DESC LIMIT 1)"));
        del.addBindValue(m_maxBytes);
        del.exec();
    }
    QSqlQuery total(db);
    if (total.exec(QStringLiteral("SELECT COALESCE(SUM(size), 0) FROM exchanges")) && total.next())
        m_bytes = total.value(0).toLongLong();
}

QList<HttpExchange> RequestHistory::select(
    const QString &where, const QVariantList &values, const QString &order, int limit) const
{
    QList<HttpExchange> out;
    if (!isOpen())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(
        QStringLiteral("SELECT id, started_at, method, url, status, elapsed_ms, attempt, request_headers, "
                       "request_body, response_headers, response_body, response_truncated, "
                       "response_bytes, error, note FROM exchanges %1 ORDER BY id %2 LIMIT ?")
            .arg(where, order));
    for (const QVariant &v : values)
        q.addBindValue(v);
    q.addBindValue(limit);
    if (!q.exec())
        return out;
    while (q.next()) {
        HttpExchange e;
        e.sequence = q.value(0).toULongLong();
        e.startedAt = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
        e.method = q.value(2).toString().toLatin1();
        e.url = QUrl::fromEncoded(q.value(3).toString().toUtf8());
        e.httpStatus = q.value(4).toInt();
        e.elapsedMs = q.value(5).toLongLong();
        e.attempt = q.value(6).toInt();
        e.requestHeaders = headersFromJson(q.value(7).toByteArray());
        e.requestBody = q.value(8).toByteArray();
        e.responseHeaders = headersFromJson(q.value(9).toByteArray());
        e.responseBody = q.value(10).toByteArray();
        e.responseBodyTruncated = q.value(11).toInt() != 0;
        e.responseBytes = q.value(12).toLongLong();
        e.error = q.value(13).toString();
        e.note = q.value(14).toString();
        e.finished = true;
        out.append(e);
    }
    return out;
}

QList<HttpExchange> RequestHistory::search(const Query &query) const
{
    QStringList conditions;
    QVariantList values;
    if (!query.method.isEmpty()) {
        conditions << QStringLiteral("method = ?");
        values << QString::fromLatin1(query.method.toUpper());
    }
    if (query.statusClass < 0) {
        conditions << QStringLiteral("status = 0");
    } else if (query.statusClass > 0) {
        conditions << QStringLiteral("status >= ? AND status < ?");
        values << query.statusClass * 100 << (query.statusClass + 1) * 100;
    }
    if (!query.urlContains.isEmpty()) {
        // LIKE with the wildcards of the text escaped: a search for "a_b" finds "a_b" only.
        QString pattern = query.urlContains;
        pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        conditions << QStringLiteral("url LIKE ? ESCAPE '\\'");
        values << QVariant(QStringLiteral("%") + pattern + QStringLiteral("%"));
    }
    const QString where = conditions.isEmpty()
        ? QString()
        : QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND "));
    return select(where, values, QStringLiteral("DESC"), std::max(1, query.limit));
}

QList<HttpExchange> RequestHistory::recent(int count) const
{
    QList<HttpExchange> newest = select(QString(), {}, QStringLiteral("DESC"), std::max(1, count));
    std::reverse(newest.begin(), newest.end());
    return newest;
}

int RequestHistory::count() const
{
    if (!isOpen())
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM exchanges")) && q.next() ? q.value(0).toInt() : 0;
}

void RequestHistory::clear()
{
    if (exec(QStringLiteral("DELETE FROM exchanges")))
        m_bytes = 0;
}

} // namespace UserDesk
