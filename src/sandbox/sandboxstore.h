#pragma once

#include "sandboxresource.h"

#include <QString>
#include <QVariant>

#include <optional>

namespace UserDesk {

// The sandbox's SQLite file through QtSql. Use it from one thread only: the
// connection name is unique per store, and QSqlDatabase connections are per thread.
class SandboxStore
{
public:
    struct Page
    {
        bool ok = true; // false: the database failed (errorString() says why), not an empty list
        qint64 total = 0;
        QList<QVariantList> rows; // values in SandboxResource::fields() order
    };

    explicit SandboxStore(const QString &connectionName);
    ~SandboxStore();
    SandboxStore(const SandboxStore &) = delete;
    SandboxStore &operator=(const SandboxStore &) = delete;

    bool open(const QString &path);
    // Checkpoints the WAL into the main file so a stopped sandbox leaves one complete file.
    void close();
    bool isOpen() const;
    QString errorString() const { return m_error; }

    bool isSeeded() const;
    // Drops every row and writes fresh seed data, in one transaction.
    bool reseed(int userCount, quint64 seed);

    Page list(SandboxResource::Kind kind, const QList<SandboxResource::Filter> &filters, qint64 offset,
        int limit) const;
    std::optional<QVariantList> get(SandboxResource::Kind kind, qint64 id) const;
    bool exists(SandboxResource::Kind kind, qint64 id) const;
    bool emailTaken(const QString &email, qint64 exceptUserId) const;
    // values: column -> value, already validated
    std::optional<qint64> insert(SandboxResource::Kind kind, const QVariantMap &values);
    bool update(SandboxResource::Kind kind, qint64 id, const QVariantMap &values);
    bool remove(SandboxResource::Kind kind, qint64 id); // false if there was no such row
    qint64 count(SandboxResource::Kind kind) const;
    // What two emails share when they are the same address: NFC, then Unicode case folding.
    static QString emailKey(const QString &email);

private:
    bool exec(const QString &sql);
    bool addEmailKeys();

    QString m_connectionName;
    mutable QString m_error;
};

} // namespace UserDesk
