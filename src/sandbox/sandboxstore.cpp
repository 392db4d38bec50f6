#include "sandboxstore.h"

#include "seedgenerator.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace UserDesk {

namespace {

// GoRest ids are large numbers; starting there keeps clients from assuming small ones.
constexpr qint64 FirstUserId = 7000000;
constexpr qint64 FirstPostId = 150000;
constexpr qint64 FirstTodoId = 80000;
constexpr qint64 FirstCommentId = 120000;

QString likePattern(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace

SandboxStore::SandboxStore(const QString &connectionName)
    : m_connectionName(connectionName)
{
}

SandboxStore::~SandboxStore()
{
    close();
}

bool SandboxStore::open(const QString &path)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        m_error = QStringLiteral("cannot create directory ") + info.absolutePath();
        return false;
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(info.absoluteFilePath());
        if (!db.open()) {
            m_error = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return false;
        }
    }
    const QStringList setup = {
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=NORMAL"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
        QStringLiteral("PRAGMA busy_timeout=5000"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS users ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " name TEXT NOT NULL,"
                       " email TEXT NOT NULL COLLATE NOCASE UNIQUE,"
                       " gender TEXT NOT NULL,"
                       " status TEXT NOT NULL,"
                       " email_key TEXT)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS posts ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                       " title TEXT NOT NULL,"
                       " body TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS posts_user_id ON posts(user_id)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS todos ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                       " title TEXT NOT NULL,"
                       " due_on TEXT,"
                       " status TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS todos_user_id ON todos(user_id)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS comments ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,"
                       " name TEXT NOT NULL,"
                       " email TEXT NOT NULL,"
                       " body TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS comments_post_id ON comments(post_id)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)"),
    };
    for (const QString &sql : setup) {
        if (!exec(sql)) {
            close();
            return false;
        }
    }
    if (!addEmailKeys()
        || !exec(QStringLiteral("CREATE INDEX IF NOT EXISTS users_email_key ON users(email_key)"))) {
        close();
        return false;
    }
    return true;
}

QString SandboxStore::emailKey(const QString &email)
{
    // SQLite's NOCASE folds ASCII only: "ÄNN@x.test" and "änn@x.test" would be two emails.
    return email.normalized(QString::NormalizationForm_C).toCaseFolded();
}

bool SandboxStore::addEmailKeys()
{
    // A data file from before email_key existed gets the column, filled from the emails it holds.
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA table_info(users)"))) {
        m_error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        if (query.value(1).toString() == u"email_key")
            return true;
    }
    if (!exec(QStringLiteral("ALTER TABLE users ADD COLUMN email_key TEXT")))
        return false;
    if (!query.exec(QStringLiteral("SELECT id, email FROM users"))) {
        m_error = query.lastError().text();
        return false;
    }
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE users SET email_key = ? WHERE id = ?"));
    db.transaction();
    while (query.next()) {
        update.bindValue(0, emailKey(query.value(1).toString()));
        update.bindValue(1, query.value(0));
        if (!update.exec()) {
            m_error = update.lastError().text();
            db.rollback();
            return false;
        }
    }
    return db.commit();
}

void SandboxStore::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            QSqlQuery(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), db);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool SandboxStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName)
        && QSqlDatabase::database(m_connectionName, false).isOpen();
}

bool SandboxStore::exec(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(sql)) {
        m_error = query.lastError().text();
        return false;
    }
    return true;
}

bool SandboxStore::isSeeded() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'seeded'"));
    return query.next();
}

bool SandboxStore::reseed(int userCount, quint64 seed)
{
    const SeedData data = SeedGenerator::generate(userCount, seed);
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction()) {
        m_error = db.lastError().text();
        return false;
    }
    const auto fail = [&](const QSqlQuery &query) {
        m_error = query.lastError().text();
        db.rollback();
        return false;
    };

    QSqlQuery query(db);
    const QStringList wipe = { QStringLiteral("DELETE FROM comments"), QStringLiteral("DELETE FROM todos"),
        QStringLiteral("DELETE FROM posts"), QStringLiteral("DELETE FROM users"),
        QStringLiteral("DELETE FROM sqlite_sequence"), QStringLiteral("DELETE FROM meta") };
    for (const QString &sql : wipe) {
        if (!query.exec(sql))
            return fail(query);
    }
    query.prepare(QStringLiteral("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)"));
    const std::pair<const char *, qint64> sequences[] = { { "users", FirstUserId }, { "posts", FirstPostId },
        { "todos", FirstTodoId }, { "comments", FirstCommentId } };
    for (const auto &[table, first] : sequences) {
        query.addBindValue(QString::fromLatin1(table));
        query.addBindValue(first);
        if (!query.exec())
            return fail(query);
    }

    QSqlQuery users(db);
    users.prepare(
        QStringLiteral("INSERT INTO users (name, email, gender, status, email_key) VALUES (?, ?, ?, ?, ?)"));
    QList<qint64> userIds;
    userIds.reserve(data.users.size());
    for (const SeedUser &user : data.users) {
        users.bindValue(0, user.name);
        users.bindValue(1, user.email);
        users.bindValue(2, user.gender);
        users.bindValue(3, user.status);
        users.bindValue(4, emailKey(user.email));
        if (!users.exec())
            return fail(users);
        userIds.append(users.lastInsertId().toLongLong());
    }
    QSqlQuery posts(db);
    posts.prepare(QStringLiteral("INSERT INTO posts (user_id, title, body) VALUES (?, ?, ?)"));
    QList<qint64> postIds;
    postIds.reserve(data.posts.size());
    for (const SeedPost &post : data.posts) {
        posts.bindValue(0, userIds.at(post.userIndex));
        posts.bindValue(1, post.title);
        posts.bindValue(2, post.body);
        if (!posts.exec())
            return fail(posts);
        postIds.append(posts.lastInsertId().toLongLong());
    }
    QSqlQuery comments(db);
    comments.prepare(QStringLiteral("INSERT INTO comments (post_id, name, email, body) VALUES (?, ?, ?, ?)"));
    for (const SeedComment &comment : data.comments) {
        comments.bindValue(0, postIds.at(comment.postIndex));
        comments.bindValue(1, comment.name);
        comments.bindValue(2, comment.email);
        comments.bindValue(3, comment.body);
        if (!comments.exec())
            return fail(comments);
    }
    QSqlQuery todos(db);
    todos.prepare(QStringLiteral("INSERT INTO todos (user_id, title, due_on, status) VALUES (?, ?, ?, ?)"));
    for (const SeedTodo &todo : data.todos) {
        todos.bindValue(0, userIds.at(todo.userIndex));
        todos.bindValue(1, todo.title);
        todos.bindValue(2, todo.dueOn);
        todos.bindValue(3, todo.status);
        if (!todos.exec())
            return fail(todos);
    }
    query.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('seeded', ?)"));
    query.addBindValue(QString::number(userCount));
    if (!query.exec())
        return fail(query);
    if (!db.commit()) {
        m_error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

SandboxStore::Page SandboxStore::list(
    SandboxResource::Kind kind, const QList<SandboxResource::Filter> &filters, qint64 offset, int limit) const
{
    QStringList conditions;
    QVariantList binds;
    for (const SandboxResource::Filter &filter : filters) {
        switch (filter.match) {
        case SandboxResource::Match::Integer: {
            bool ok = false;
            const qint64 value = filter.value.trimmed().toLongLong(&ok);
            if (!ok) {
                conditions.append(QStringLiteral("0"));
                break;
            }
            conditions.append(filter.field + QStringLiteral(" = ?"));
            binds.append(value);
            break;
        }
        case SandboxResource::Match::Exact:
            conditions.append(filter.field + QStringLiteral(" = ?"));
            binds.append(filter.value);
            break;
        case SandboxResource::Match::Substring:
            if (kind == SandboxResource::Users && filter.field == u"email") {
                // Emails compare folded, whatever the script: the same rule as for uniqueness.
                conditions.append(QStringLiteral("email_key LIKE ? ESCAPE '\\'"));
                binds.append(likePattern(emailKey(filter.value)));
                break;
            }
            // LIKE is case-insensitive for ASCII in SQLite, as GoRest's filters are.
            conditions.append(filter.field + QStringLiteral(" LIKE ? ESCAPE '\\'"));
            binds.append(likePattern(filter.value));
            break;
        }
    }
    const QString table = SandboxResource::table(kind);
    const QString where = conditions.isEmpty()
        ? QString()
        : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));

    Page page;
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM ") + table + where);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec() || !query.next()) {
        m_error = query.lastError().text();
        page.ok = false;
        return page;
    }
    page.total = query.value(0).toLongLong();
    if (offset >= page.total)
        return page;

    const QStringList fields = SandboxResource::fields(kind);
    query.prepare(QStringLiteral("SELECT ") + fields.join(QStringLiteral(", ")) + QStringLiteral(" FROM ")
        + table + where + QStringLiteral(" ORDER BY id DESC LIMIT ? OFFSET ?"));
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    query.addBindValue(limit);
    query.addBindValue(offset);
    if (!query.exec()) {
        m_error = query.lastError().text();
        page.ok = false;
        return page;
    }
    while (query.next()) {
        QVariantList row;
        row.reserve(fields.size());
        for (int i = 0; i < fields.size(); ++i)
            row.append(query.value(i));
        page.rows.append(row);
    }
    return page;
}

std::optional<QVariantList> SandboxStore::get(SandboxResource::Kind kind, qint64 id) const
{
    const QStringList fields = SandboxResource::fields(kind);
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT ") + fields.join(QStringLiteral(", ")) + QStringLiteral(" FROM ")
        + SandboxResource::table(kind) + QStringLiteral(" WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    QVariantList row;
    for (int i = 0; i < fields.size(); ++i)
        row.append(query.value(i));
    return row;
}

bool SandboxStore::exists(SandboxResource::Kind kind, qint64 id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(
        QStringLiteral("SELECT 1 FROM ") + SandboxResource::table(kind) + QStringLiteral(" WHERE id = ?"));
    query.addBindValue(id);
    return query.exec() && query.next();
}

bool SandboxStore::emailTaken(const QString &email, qint64 exceptUserId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    // Folded keys compare case-insensitively in every script, not only ASCII.
    query.prepare(QStringLiteral("SELECT 1 FROM users WHERE (email_key = ? OR email = ?) AND id <> ?"));
    query.addBindValue(emailKey(email));
    query.addBindValue(email);
    query.addBindValue(exceptUserId);
    return query.exec() && query.next();
}

std::optional<qint64> SandboxStore::insert(SandboxResource::Kind kind, const QVariantMap &given)
{
    QVariantMap values = given;
    if (kind == SandboxResource::Users && values.contains(QStringLiteral("email")))
        values.insert(
            QStringLiteral("email_key"), emailKey(values.value(QStringLiteral("email")).toString()));
    QStringList placeholders;
    for (qsizetype i = 0; i < values.size(); ++i)
        placeholders.append(QStringLiteral("?"));
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("INSERT INTO ") + SandboxResource::table(kind) + QStringLiteral(" (")
        + values.keys().join(QStringLiteral(", ")) + QStringLiteral(") VALUES (")
        + placeholders.join(QStringLiteral(", ")) + QStringLiteral(")"));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return std::nullopt;
    }
    return query.lastInsertId().toLongLong();
}

bool SandboxStore::update(SandboxResource::Kind kind, qint64 id, const QVariantMap &given)
{
    QVariantMap values = given;
    if (kind == SandboxResource::Users && values.contains(QStringLiteral("email")))
        values.insert(
            QStringLiteral("email_key"), emailKey(values.value(QStringLiteral("email")).toString()));
    if (values.isEmpty())
        return exists(kind, id);
    QStringList assignments;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        assignments.append(it.key() + QStringLiteral(" = ?"));
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("UPDATE ") + SandboxResource::table(kind) + QStringLiteral(" SET ")
        + assignments.join(QStringLiteral(", ")) + QStringLiteral(" WHERE id = ?"));
    for (const QVariant &value : values)
        query.addBindValue(value);
    query.addBindValue(id);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    return query.numRowsAffected() > 0;
}

bool SandboxStore::remove(SandboxResource::Kind kind, qint64 id)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(
        QStringLiteral("DELETE FROM ") + SandboxResource::table(kind) + QStringLiteral(" WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    return query.numRowsAffected() > 0;
}

qint64 SandboxStore::count(SandboxResource::Kind kind) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + SandboxResource::table(kind)) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

} // namespace UserDesk
