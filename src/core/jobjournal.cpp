#include "jobjournal.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <utility>

namespace UserDesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("UserDesk::JobJournal", text);
}

// 1: items about users, their ids numbers. 3: job_items.user_id_text holds a user id the server sent as
// a string (json-server 1.x), NULL for a number; items may be records of other resources (resource,
// parent_id, fields, record_id). (2 was each of those alone, in development.) 4: job_items.already_gone
// says that an applied delete found the user gone (404), rather than the wording of its message. An older
// journal is upgraded in place, and an older UserDesk refuses a newer one rather than take a post for a
// user.
constexpr int schemaVersion = 4;

// What BulkJob records for a delete answered 404 (BulkJob::alreadyDeleted()), as format 3 and older told
// such an item apart.
const char *const alreadyDeletedSource
    = QT_TRANSLATE_NOOP("UserDesk::BulkJob", "User %1 was already deleted on the server.");

// An id as the journal keeps it: its number in user_id (0 when it has none), and its text in
// user_id_text when the server sent it as a string, so that it goes back the same way.
QVariant idNumber(const ResourceId &id)
{
    return id.number();
}

QVariant idText(const ResourceId &id)
{
    return id.isText() ? QVariant(id.toString()) : QVariant(QMetaType(QMetaType::QString));
}

ResourceId idFrom(const QVariant &number, const QVariant &text)
{
    if (!text.isNull() && !text.toString().isEmpty())
        return ResourceId::fromText(text.toString());
    const qint64 n = number.toLongLong();
    return n > 0 ? ResourceId(n) : ResourceId();
}

// An id keeps its JSON type in the journal: 12 or "3f0a"; empty for a null id.
QString idToText(const ResourceId &id)
{
    if (id.isNull())
        return QStringLiteral("");
    const QByteArray array = QJsonDocument(QJsonArray { id.toJson() }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

ResourceId idFromText(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QJsonArray array = QJsonDocument::fromJson("[" + text.toUtf8() + "]").array();
    return ResourceId::fromJson(array.at(0)).value_or(ResourceId());
}

QString draftToText(const UserDraft &draft)
{
    return QString::fromUtf8(QJsonDocument(draft.toJson()).toJson(QJsonDocument::Compact));
}

UserDraft draftFromText(const QString &text)
{
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    UserDraft d;
    auto take = [&o](const char *key, std::optional<QString> &field) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isString())
            field = v.toString();
    };
    take("name", d.name);
    take("email", d.email);
    take("gender", d.gender);
    take("status", d.status);
    return d;
}

// SQLite stores a null QString as NULL, which the NOT NULL columns refuse.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

qint64 nowSeconds()
{
    return QDateTime::currentSecsSinceEpoch();
}
} // namespace

QString JobItem::operationName(Operation operation)
{
    switch (operation) {
    case Operation::Create:
        return QStringLiteral("create");
    case Operation::Update:
        return QStringLiteral("update");
    case Operation::Delete:
        return QStringLiteral("delete");
    }
    return {};
}

std::optional<JobItem::Operation> JobItem::operationFromName(const QString &name)
{
    for (Operation op : { Operation::Create, Operation::Update, Operation::Delete })
        if (operationName(op) == name)
            return op;
    return std::nullopt;
}

QString JobItem::stateName(State state)
{
    switch (state) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::Sent:
        return QStringLiteral("sent");
    case State::Applied:
        return QStringLiteral("applied");
    case State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

std::optional<JobItem::State> JobItem::stateFromName(const QString &name)
{
    for (State s : { State::Pending, State::Sent, State::Applied, State::Failed })
        if (stateName(s) == name)
            return s;
    return std::nullopt;
}

namespace {
const QLatin1String builtinSandboxPrefix("builtin-sandbox:");
}

QString JobJournal::builtinSandboxEndpoint(const QString &dataDirectory)
{
    return builtinSandboxPrefix + dataDirectory;
}

QString JobJournal::builtinSandboxFolder(const QString &endpoint)
{
    return endpoint.startsWith(builtinSandboxPrefix) ? endpoint.mid(builtinSandboxPrefix.size()) : QString();
}

QString JobJournal::defaultPath()
{
    const QString fromEnvironment
        = QProcessEnvironment::systemEnvironment().value(QStringLiteral("USERDESK_JOURNAL"));
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/UserDesk/jobs.sqlite");
}

JobJournal::JobJournal(const QString &path)
    : m_path(path)
{
    static QAtomicInteger<quint64> counter;
    m_connection = QStringLiteral("userdesk-journal-%1").arg(counter.fetchAndAddRelaxed(1));
}

JobJournal::~JobJournal()
{
    commitHeld();
    m_statements.clear(); // before their connection goes
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool JobJournal::fail(const QString &what) const
{
    m_lastError = what;
    return false;
}

QSqlQuery *JobJournal::statement(const QString &sql) const
{
    std::unique_ptr<QSqlQuery> &cached = m_statements[sql];
    if (!cached) {
        auto q = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connection, false));
        if (!q->prepare(sql)) {
            m_statements.erase(sql);
            fail(tr("The job journal could not prepare a statement: %1.").arg(q->lastError().text()));
            return nullptr;
        }
        cached = std::move(q);
    }
    return cached.get();
}

bool JobJournal::exec(const QString &sql, const QVariantList &values) const
{
    QSqlQuery *q = statement(sql);
    if (!q)
        return false;
    for (int i = 0; i < values.size(); ++i)
        q->bindValue(i, values.at(i));
    const bool done = q->exec();
    q->finish(); // no statement stays open between writes
    if (!done)
        return fail(tr("The job journal could not be written: %1.").arg(q->lastError().text()));
    return true;
}

bool JobJournal::open(QString *error)
{
    auto refuse = [&](const QString &why) {
        m_lastError = why;
        if (error)
            *error = why;
        return false;
    };
    if (m_open)
        return true;
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return refuse(
            tr("The folder of the job journal, %1, could not be created.").arg(info.absolutePath()));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    // The app and the CLI may write at the same moment: wait for the other's lock rather than fail.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return refuse(tr("The job journal %1 could not be opened: %2.").arg(m_path, db.lastError().text()));
    m_open = true;
    const QStringList setup = {
        QStringLiteral("PRAGMA journal_mode=WAL"),
        // In WAL mode NORMAL survives a crash or kill of the process (what the journal is for).
        QStringLiteral("PRAGMA synchronous=NORMAL"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT "
            "NULL, endpoint TEXT NOT NULL, description TEXT NOT NULL DEFAULT '', created_at "
            "INTEGER NOT NULL, updated_at INTEGER NOT NULL, owner_pid INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS job_items (job_id INTEGER NOT NULL REFERENCES jobs(id) ON "
                       "DELETE CASCADE, idx INTEGER NOT NULL, operation TEXT NOT NULL, user_id INTEGER NOT "
                       "NULL DEFAULT 0, user_id_text TEXT, draft TEXT NOT NULL DEFAULT '{}', source TEXT NOT "
                       "NULL DEFAULT '', "
                       "state TEXT NOT NULL, message TEXT NOT NULL DEFAULT '', PRIMARY KEY (job_id, idx)) "
                       "WITHOUT ROWID"),
    };
    for (const QString &sql : setup) {
        if (!exec(sql)) {
            const QString why = m_lastError;
            m_open = false;
            return refuse(why);
        }
    }
    QSqlQuery version(QSqlDatabase::database(m_connection, false));
    if (version.exec(QStringLiteral("PRAGMA user_version")) && version.next()) {
        const int found = version.value(0).toInt();
        if (found > schemaVersion) {
            m_open = false;
            return refuse(tr("The job journal %1 was written by a newer UserDesk (format %2); this one reads "
                             "format %3 at most.")
                              .arg(m_path)
                              .arg(found)
                              .arg(schemaVersion));
        }
    }
    version.finish();
    if (!upgrade()) {
        const QString why = m_lastError;
        m_open = false;
        return refuse(why);
    }
    return true;
}

bool JobJournal::upgrade()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery info(db);
    QStringList columns;
    if (info.exec(QStringLiteral("PRAGMA table_info(job_items)")))
        while (info.next())
            columns.append(info.value(1).toString());
    info.finish();
    const QList<std::pair<QString, QString>> added = {
        { QStringLiteral("user_id_text"), QStringLiteral("TEXT") },
        { QStringLiteral("resource"), QStringLiteral("TEXT NOT NULL DEFAULT ''") },
        { QStringLiteral("parent_id"), QStringLiteral("TEXT NOT NULL DEFAULT ''") },
        { QStringLiteral("fields"), QStringLiteral("TEXT NOT NULL DEFAULT '{}'") },
        { QStringLiteral("record_id"), QStringLiteral("TEXT NOT NULL DEFAULT ''") },
        { QStringLiteral("already_gone"), QStringLiteral("INTEGER NOT NULL DEFAULT 0") },
    };
    // One transaction: a journal is either of its old format or of this one, never half way.
    if (!db.transaction())
        return fail(tr("The job journal could not start a transaction: %1.").arg(db.lastError().text()));
    for (const auto &[name, type] : added) {
        if (!columns.contains(name)
            && !exec(QStringLiteral("ALTER TABLE job_items ADD COLUMN %1 %2").arg(name, type))) {
            db.rollback();
            return false;
        }
    }
    if (!columns.contains(QStringLiteral("already_gone")) && !markAlreadyGone()) {
        db.rollback();
        return false;
    }
    if (!exec(QStringLiteral("PRAGMA user_version=%1").arg(schemaVersion))) {
        db.rollback();
        return false;
    }
    return db.commit() || fail(tr("The job journal could not be written: %1.").arg(db.lastError().text()));
}

bool JobJournal::markAlreadyGone()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT job_id, idx, user_id, user_id_text, message FROM job_items WHERE "
                               "operation = 'delete' AND state = 'applied'")))
        return fail(tr("The job journal could not be read: %1.").arg(q.lastError().text()));
    QList<std::pair<qint64, int>> gone;
    while (q.next()) {
        const QString id = idFrom(q.value(2), q.value(3)).toString();
        const QString message = q.value(4).toString();
        if (message == QString::fromLatin1(alreadyDeletedSource).arg(id)
            || message == QCoreApplication::translate("UserDesk::BulkJob", alreadyDeletedSource).arg(id))
            gone.append({ q.value(0).toLongLong(), q.value(1).toInt() });
    }
    q.finish();
    for (const auto &[jobId, index] : std::as_const(gone)) {
        if (!exec(QStringLiteral("UPDATE job_items SET already_gone = 1 WHERE job_id = ? AND idx = ?"),
                { jobId, index }))
            return false;
    }
    return true;
}

qint64 JobJournal::createJob(
    const QString &kind, const QString &endpoint, const QString &description, const QList<JobItem> &items)
{
    if (!m_open && !open())
        return 0;
    commitHeld();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) {
        fail(tr("The job journal could not start a transaction: %1.").arg(db.lastError().text()));
        return 0;
    }
    auto rollBack = [&db] {
        db.rollback();
        return qint64(0);
    };
    QSqlQuery job(db);
    job.prepare(QStringLiteral("INSERT INTO jobs (kind, endpoint, description, created_at, updated_at, "
                               "owner_pid) VALUES (?, ?, ?, ?, ?, ?)"));
    const qint64 t = nowSeconds();
    job.addBindValue(kind);
    job.addBindValue(text(endpoint));
    job.addBindValue(text(description));
    job.addBindValue(t);
    job.addBindValue(t);
    job.addBindValue(QCoreApplication::applicationPid());
    if (!job.exec()) {
        fail(tr("The job journal could not record the job: %1.").arg(job.lastError().text()));
        return rollBack();
    }
    const qint64 jobId = job.lastInsertId().toLongLong();
    QSqlQuery item(db);
    item.prepare(QStringLiteral(
        "INSERT INTO job_items (job_id, idx, operation, user_id, user_id_text, draft, source, "
        "state, message, resource, parent_id, fields, record_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < items.size(); ++i) {
        const JobItem &it = items.at(i);
        item.bindValue(0, jobId);
        item.bindValue(1, int(i));
        item.bindValue(2, JobItem::operationName(it.operation));
        item.bindValue(3, idNumber(it.userId));
        item.bindValue(4, idText(it.userId));
        item.bindValue(5, draftToText(it.draft));
        item.bindValue(6, text(it.source));
        item.bindValue(7, JobItem::stateName(JobItem::State::Pending));
        item.bindValue(8, QStringLiteral(""));
        item.bindValue(9, text(it.resource));
        item.bindValue(10, idToText(it.parentId));
        item.bindValue(11, QString::fromUtf8(QJsonDocument(it.fields).toJson(QJsonDocument::Compact)));
        item.bindValue(12, idToText(it.recordId));
        if (!item.exec()) {
            fail(tr("The job journal could not record item %1: %2.").arg(i + 1).arg(item.lastError().text()));
            return rollBack();
        }
    }
    if (!db.commit()) {
        fail(tr("The job journal could not commit the job: %1.").arg(db.lastError().text()));
        return rollBack();
    }
    return jobId;
}

bool JobJournal::markSent(qint64 jobId, const QList<int> &indexes)
{
    if (!m_open)
        return fail(tr("The job journal is not open."));
    if (indexes.isEmpty())
        return commitHeld();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    // Joins what holdWrites() kept open: one commit for both.
    if (!std::exchange(m_holding, false) && !db.transaction())
        return fail(tr("The job journal could not start a transaction: %1.").arg(db.lastError().text()));
    for (int index : indexes) {
        if (!exec(QStringLiteral("UPDATE job_items SET state = ? WHERE job_id = ? AND idx = ?"),
                { JobItem::stateName(JobItem::State::Sent), jobId, index })) {
            db.rollback();
            return false;
        }
    }
    touch(jobId);
    if (!db.commit()) {
        db.rollback();
        return fail(tr("The job journal could not be written: %1.").arg(db.lastError().text()));
    }
    return true;
}

void JobJournal::holdWrites()
{
    if (m_open && !m_holding)
        m_holding = QSqlDatabase::database(m_connection, false).transaction();
}

bool JobJournal::commitHeld()
{
    if (!std::exchange(m_holding, false))
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (db.commit())
        return true;
    db.rollback();
    return fail(tr("The job journal could not be written: %1.").arg(db.lastError().text()));
}

bool JobJournal::setItemState(qint64 jobId, int index, JobItem::State state, const QString &message,
    const ResourceId &userId, const ResourceId &recordId, bool alreadyGone)
{
    if (!m_open)
        return fail(tr("The job journal is not open."));
    QString sql = QStringLiteral("UPDATE job_items SET state = ?, message = ?, already_gone = ?");
    QVariantList values { JobItem::stateName(state), text(message), alreadyGone ? 1 : 0 };
    if (!userId.isNull()) {
        sql += QStringLiteral(", user_id = ?, user_id_text = ?");
        values.append(idNumber(userId));
        values.append(idText(userId));
    }
    if (!recordId.isNull()) {
        sql += QStringLiteral(", record_id = ?");
        values.append(idToText(recordId));
    }
    sql += QStringLiteral(" WHERE job_id = ? AND idx = ?");
    values.append(jobId);
    values.append(index);
    return exec(sql, values);
}

void JobJournal::touch(qint64 jobId)
{
    exec(QStringLiteral("UPDATE jobs SET updated_at = ? WHERE id = ?"), { nowSeconds(), jobId });
}

bool JobJournal::setOwner(qint64 jobId, qint64 pid)
{
    if (!m_open)
        return fail(tr("The job journal is not open."));
    return exec(QStringLiteral("UPDATE jobs SET owner_pid = ?, updated_at = ? WHERE id = ?"),
        { pid, nowSeconds(), jobId });
}

bool JobJournal::claim(qint64 jobId, qint64 pid, qint64 previousOwner)
{
    if (!m_open)
        return fail(tr("The job journal is not open."));
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE jobs SET owner_pid = ?, updated_at = ? WHERE id = ? AND owner_pid = ?"));
    q.addBindValue(pid);
    q.addBindValue(nowSeconds());
    q.addBindValue(jobId);
    q.addBindValue(previousOwner);
    if (!q.exec())
        return fail(tr("The job journal could not be written: %1.").arg(q.lastError().text()));
    return q.numRowsAffected() == 1 || fail(tr("Another process took job %1 first.").arg(jobId));
}

bool JobJournal::discard(qint64 jobId)
{
    if (!m_open)
        return fail(tr("The job journal is not open."));
    commitHeld();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return fail(tr("The job journal could not start a transaction: %1.").arg(db.lastError().text()));
    if (!exec(QStringLiteral("DELETE FROM job_items WHERE job_id = ?"), { jobId })
        || !exec(QStringLiteral("DELETE FROM jobs WHERE id = ?"), { jobId })) {
        db.rollback();
        return false;
    }
    return db.commit() || fail(tr("The job journal could not be written: %1.").arg(db.lastError().text()));
}

QList<JobSummary> JobJournal::jobs(bool unfinishedOnly) const
{
    QList<JobSummary> result;
    if (!m_open)
        return result;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT j.id, j.kind, j.endpoint, j.description, j.created_at, j.updated_at, j.owner_pid, "
            "COUNT(i.idx), SUM(i.state = 'pending'), SUM(i.state = 'sent'), SUM(i.state = 'applied'), "
            "SUM(i.state = 'failed') FROM jobs j LEFT JOIN job_items i ON i.job_id = j.id GROUP BY j.id "
            "ORDER BY j.id DESC"))) {
        fail(tr("The job journal could not be read: %1.").arg(q.lastError().text()));
        return result;
    }
    while (q.next()) {
        JobSummary s;
        s.id = q.value(0).toLongLong();
        s.kind = q.value(1).toString();
        s.endpoint = q.value(2).toString();
        s.description = q.value(3).toString();
        s.createdAt = QDateTime::fromSecsSinceEpoch(q.value(4).toLongLong());
        s.updatedAt = QDateTime::fromSecsSinceEpoch(q.value(5).toLongLong());
        s.ownerPid = q.value(6).toLongLong();
        s.total = q.value(7).toInt();
        s.pending = q.value(8).toInt();
        s.sent = q.value(9).toInt();
        s.applied = q.value(10).toInt();
        s.failed = q.value(11).toInt();
        s.finished = s.pending == 0 && s.sent == 0;
        if (!unfinishedOnly || !s.finished)
            result.append(s);
    }
    return result;
}

std::optional<JobSummary> JobJournal::job(qint64 jobId) const
{
    // Few jobs live in a journal at once; one query for all keeps the counting in one place.
    for (const JobSummary &s : jobs())
        if (s.id == jobId)
            return s;
    return std::nullopt;
}

QList<JobItem> JobJournal::items(qint64 jobId) const
{
    QList<JobItem> result;
    if (!m_open)
        return result;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT idx, operation, user_id, draft, source, state, message, user_id_text, "
                       "resource, parent_id, fields, record_id, already_gone FROM job_items WHERE job_id = ? "
                       "ORDER BY idx"));
    q.addBindValue(jobId);
    if (!q.exec()) {
        fail(tr("The job journal could not be read: %1.").arg(q.lastError().text()));
        return result;
    }
    while (q.next()) {
        JobItem it;
        it.index = q.value(0).toInt();
        it.operation = JobItem::operationFromName(q.value(1).toString()).value_or(JobItem::Operation::Create);
        it.userId = idFrom(q.value(2), q.value(7));
        it.draft = draftFromText(q.value(3).toString());
        it.source = q.value(4).toString();
        it.state = JobItem::stateFromName(q.value(5).toString()).value_or(JobItem::State::Sent);
        it.message = q.value(6).toString();
        it.resource = q.value(8).toString();
        it.parentId = idFromText(q.value(9).toString());
        it.fields = QJsonDocument::fromJson(q.value(10).toString().toUtf8()).object();
        it.recordId = idFromText(q.value(11).toString());
        it.alreadyGone = q.value(12).toInt() != 0;
        result.append(it);
    }
    return result;
}

} // namespace UserDesk
