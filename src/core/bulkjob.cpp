#include "bulkjob.h"

#include "recordparser.h"
#include "resourceschema.h"

#include <QCoreApplication>

namespace UserDesk {

namespace {
// A resume reads the email's matches this many at a time, page after page, until it finds the address.
constexpr int LookupPageSize = 100;

QString claimKey(const QString &resource, const ResourceId &id)
{
    return resource + QLatin1Char('/') + id.toString();
}

// The value a record item sends for `field`: its parent comes from the route when it has one.
QJsonValue sentValue(const ResourceSchema &schema, const JobItem &item, const QString &field)
{
    if (field == schema.parentField && !item.parentId.isNull())
        return item.parentId.toJson();
    return item.fields.value(field);
}

QString createdRecord(const QString &resource, const ResourceId &id)
{
    if (resource == QLatin1String("posts"))
        return BulkJob::tr("Created post %1.").arg(id.toString());
    if (resource == QLatin1String("comments"))
        return BulkJob::tr("Created comment %1.").arg(id.toString());
    return BulkJob::tr("Created todo %1.").arg(id.toString());
}
} // namespace

BulkJob::BulkJob(ApiClient *client, JobJournal *journal, qint64 jobId, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
    , m_jobId(jobId)
{
    m_window = std::max(1, client->maxInFlight() * 2);
    connect(client, &ApiClient::userCreated, this, &BulkJob::onCreated);
    connect(client, &ApiClient::userUpdated, this, &BulkJob::onUpdated);
    connect(client, &ApiClient::userDeleted, this, &BulkJob::onDeleted);
    connect(client, &ApiClient::userReceived, this, &BulkJob::onReceived);
    connect(client, &ApiClient::usersPageReceived, this, &BulkJob::onPage);
    connect(client, &ApiClient::recordCreated, this, &BulkJob::onRecordCreated);
    connect(client, &ApiClient::recordsPageReceived, this, &BulkJob::onRecordsPage);
    connect(client, &ApiClient::requestFailed, this, &BulkJob::onFailed);
}

QString BulkJob::alreadyDeleted(const ResourceId &userId)
{
    return tr("User %1 was already deleted on the server.").arg(userId.toString());
}

bool BulkJob::provesNotApplied(const ApiError &error)
{
    switch (error.kind()) {
    case ApiError::Kind::BadRequest:
    case ApiError::Kind::Unauthorized:
    case ApiError::Kind::Forbidden:
    case ApiError::Kind::NotFound:
    case ApiError::Kind::Validation:
    case ApiError::Kind::RateLimited:
    case ApiError::Kind::Tls:
        return true;
    case ApiError::Kind::None:
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Canceled:
    case ApiError::Kind::Server:
    case ApiError::Kind::HttpOther:
    case ApiError::Kind::BadResponse:
    case ApiError::Kind::Unknown:
        return false;
    }
    return false;
}

bool BulkJob::start(QString *error)
{
    if (!m_journal->job(m_jobId)) {
        if (error)
            *error = tr("There is no job %1 in the journal.").arg(m_jobId);
        return false;
    }
    m_items = m_journal->items(m_jobId);
    m_todo.clear();
    m_done = m_applied = m_failed = m_unknown = 0;
    m_claimed.clear();
    for (const JobItem &item : std::as_const(m_items)) {
        if (item.isRecord() && !item.recordId.isNull())
            m_claimed.insert(claimKey(item.resource, item.recordId));
        if (item.state == JobItem::State::Applied) {
            ++m_done;
            ++m_applied;
        } else if (item.state == JobItem::State::Failed) {
            ++m_done;
            ++m_failed;
        } else {
            m_todo.append(item.index);
        }
    }
    m_journal->setOwner(m_jobId, QCoreApplication::applicationPid());
    m_running = true;
    m_stopping = false;
    // Queued, so that the caller has connected to the signals before the first one.
    QMetaObject::invokeMethod(this, &BulkJob::fill, Qt::QueuedConnection);
    return true;
}

void BulkJob::stop()
{
    if (!m_running)
        return;
    m_stopping = true;
    m_todo.clear();
    const auto ids = m_outstanding.keys();
    for (ApiClient::RequestId id : ids)
        if (m_client)
            m_client->cancel(id);
    checkFinished();
}

void BulkJob::fill()
{
    if (!m_running || !m_client) {
        m_journal->commitHeld();
        return;
    }
    if (m_stopping) {
        checkFinished();
        return;
    }
    QList<int> toSend;
    QList<int> toReconcile;
    while (!m_todo.isEmpty() && m_outstanding.size() + toSend.size() + toReconcile.size() < m_window) {
        const int index = m_todo.takeFirst();
        if (m_items.at(index).state == JobItem::State::Sent)
            toReconcile.append(index);
        else
            toSend.append(index);
    }
    // Written before anything is handed to the client: a kill from here on finds these items Sent and
    // reads the server before sending them again. The outcome settle() held goes in the same commit.
    if (!m_journal->markSent(m_jobId, toSend)) {
        for (int index : std::as_const(toSend)) {
            m_items[index].message = m_journal->lastError();
            Q_EMIT itemFinished(m_items.at(index));
        }
        stop();
        return;
    }
    for (int index : std::as_const(toSend)) {
        m_items[index].state = JobItem::State::Sent;
        send(index);
    }
    for (int index : std::as_const(toReconcile))
        reconcile(index);
    checkFinished();
}

void BulkJob::send(int index)
{
    const JobItem &item = m_items.at(index);
    if (item.isRecord()) {
        sendRecord(index);
        return;
    }
    ApiClient::RequestId id = 0;
    switch (item.operation) {
    case JobItem::Operation::Create:
        id = m_client->createUser(item.draft);
        break;
    case JobItem::Operation::Update:
        id = m_client->updateUser(item.userId, item.draft);
        break;
    case JobItem::Operation::Delete:
        id = m_client->deleteUser(item.userId);
        break;
    }
    // A resumed item was Sent before: an earlier copy of it may have been applied.
    m_outstanding.insert(id, { index, Step::Send, 1 });
}

void BulkJob::sendRecord(int index)
{
    const JobItem &item = m_items.at(index);
    const ResourceSchema *schema = ResourceSchema::find(item.resource);
    if (!schema || item.operation != JobItem::Operation::Create) {
        // Only creates of records are journaled; a journal naming anything else was not written by this
        // UserDesk, and nothing is sent for it.
        settle(index, JobItem::State::Failed,
            tr("This item asks to %1 a record of \"%2\", which a job cannot do; nothing was sent for it.")
                .arg(JobItem::operationName(item.operation), item.resource));
        QMetaObject::invokeMethod(this, &BulkJob::fill, Qt::QueuedConnection);
        return;
    }
    const ApiClient::RequestId id = m_client->createRecord(*schema, item.fields, item.parentId);
    m_outstanding.insert(id, { index, Step::Send, 1 });
}

void BulkJob::reconcileRecord(int index, int page)
{
    const JobItem &item = m_items.at(index);
    const ResourceSchema *schema = ResourceSchema::find(item.resource);
    if (!schema) {
        sendRecord(index); // settles it as failed
        return;
    }
    // The top-level list filtered by the parent (a whole value) and by the first short identifying text
    // (a substring); every identifying field is compared on what comes back.
    QList<std::pair<QString, QString>> filters;
    for (const QString &name : schema->identifying) {
        const QJsonValue v = sentValue(*schema, item, name);
        const FieldSpec *f = schema->field(name);
        if (!f)
            continue;
        if (f->type == FieldSpec::Type::Reference) {
            const auto id = ResourceId::fromJson(v, name);
            if (id)
                filters.append({ name, id->toString() });
        } else if (filters.size() < 2 && v.isString() && !v.toString().trimmed().isEmpty()
            && v.toString().trimmed().size() <= 100) {
            filters.append({ name, v.toString().trimmed() });
        }
    }
    const ApiClient::RequestId id = m_client->listRecords(*schema, page, LookupPageSize, filters);
    m_outstanding.insert(id, { index, Step::Reconcile, page });
}

bool BulkJob::identifies(const ResourceSchema &schema, const JobItem &item, const QJsonObject &record)
{
    QJsonObject sent;
    for (const QString &name : schema.identifying)
        sent.insert(name, sentValue(schema, item, name));
    return RecordParser::matches(schema, record, sent);
}

void BulkJob::reconcile(int index, int page)
{
    const JobItem &item = m_items.at(index);
    if (item.isRecord()) {
        reconcileRecord(index, page);
        return;
    }
    ApiClient::RequestId id = 0;
    if (item.operation == JobItem::Operation::Create) {
        UserFilter filter;
        filter.set(QStringLiteral("email"), item.draft.email.value_or(QString()).trimmed());
        id = m_client->listUsers(page, LookupPageSize, filter);
    } else {
        id = m_client->getUser(item.userId);
    }
    m_outstanding.insert(id, { index, Step::Reconcile, page });
}

void BulkJob::settleAlreadyGone(int index)
{
    m_items[index].alreadyGone = true;
    settle(index, JobItem::State::Applied, alreadyDeleted(m_items.at(index).userId));
}

void BulkJob::settle(int index, JobItem::State state, const QString &message, const ResourceId &userId,
    const ResourceId &recordId)
{
    JobItem &item = m_items[index];
    item.state = state;
    item.message = message;
    item.alreadyGone = item.alreadyGone && state == JobItem::State::Applied;
    if (!userId.isNull())
        item.userId = userId;
    if (!recordId.isNull()) {
        item.recordId = recordId;
        m_claimed.insert(claimKey(item.resource, recordId));
    }
    m_journal->holdWrites(); // committed with the next item's Sent, in fill() or checkFinished()
    if (!m_journal->setItemState(m_jobId, index, state, message, userId, recordId, item.alreadyGone)) {
        // The outcome happened but could not be recorded: the journal keeps Sent, and a resume settles it
        // by reading, which is safe; say so rather than hide it.
        item.message = m_journal->lastError();
        item.state = JobItem::State::Sent;
        item.alreadyGone = false;
    }
    ++m_done;
    if (item.state == JobItem::State::Applied)
        ++m_applied;
    else if (item.state == JobItem::State::Failed)
        ++m_failed;
    else
        ++m_unknown;
    Q_EMIT itemFinished(item);
    Q_EMIT progress(m_done, total());
}

void BulkJob::onCreated(ApiClient::RequestId id, const User &user)
{
    const auto it = m_outstanding.constFind(id);
    if (it == m_outstanding.cend())
        return;
    const int index = it->index;
    m_outstanding.erase(it);
    settle(index, JobItem::State::Applied, tr("Created user %1.").arg(user.id.toString()), user.id);
    fill();
}

void BulkJob::onUpdated(ApiClient::RequestId id, const User &user)
{
    const auto it = m_outstanding.constFind(id);
    if (it == m_outstanding.cend())
        return;
    const int index = it->index;
    m_outstanding.erase(it);
    settle(index, JobItem::State::Applied, tr("Updated user %1.").arg(user.id.toString()));
    fill();
}

void BulkJob::onDeleted(ApiClient::RequestId id, const ResourceId &userId)
{
    const auto it = m_outstanding.constFind(id);
    if (it == m_outstanding.cend())
        return;
    const int index = it->index;
    m_outstanding.erase(it);
    settle(index, JobItem::State::Applied, tr("Deleted user %1.").arg(userId.toString()));
    fill();
}

void BulkJob::onReceived(ApiClient::RequestId id, const User &user)
{
    const auto it = m_outstanding.constFind(id);
    if (it == m_outstanding.cend())
        return;
    const int index = it->index;
    m_outstanding.erase(it);
    const JobItem &item = m_items.at(index);
    if (item.operation == JobItem::Operation::Update && ApiClient::matchesDraft(user, item.draft)) {
        settle(index, JobItem::State::Applied,
            tr("User %1 already has the new values.").arg(user.id.toString()));
    } else if (!m_stopping) {
        // The user is still there (delete) or does not hold the new values yet (update): the earlier
        // request did not take effect, so sending it now is its first effect.
        send(index);
        return;
    }
    fill();
}

void BulkJob::onPage(ApiClient::RequestId id, const UsersPage &page)
{
    const auto it = m_outstanding.constFind(id);
    if (it == m_outstanding.cend())
        return;
    const int index = it->index;
    const int pageNumber = it->page;
    m_outstanding.erase(it);
    const JobItem &item = m_items.at(index);
    const QString email = item.draft.email.value_or(QString()).trimmed();
    for (const User &u : page.users) {
        if (u.email.trimmed().compare(email, Qt::CaseInsensitive) != 0)
            continue;
        // The user the job means to create exists; whether the earlier run made it or it was there before
        // cannot be told (nothing was looked up before the POST), so it is not called created.
        if (ApiClient::matchesDraft(u, item.draft))
            settle(index, JobItem::State::Applied,
                tr("User %1 holds this email and every field to import; the earlier run may have created "
                   "it, or it may have existed before.")
                    .arg(u.id.toString()),
                u.id);
        else
            settle(index, JobItem::State::Failed,
                tr("The email %1 is taken by user %2, whose other fields differ from the ones to import.")
                    .arg(email)
                    .arg(u.id.toString()));
        fill();
        return;
    }
    // The filter matches substrings: a full page of other addresses, or a page the server says is not the
    // last, and the exact one may be further on.
    if (!m_stopping && (page.info.hasNext || page.itemCount >= LookupPageSize)) {
        reconcile(index, pageNumber + 1);
        return;
    }
    // Not there: the earlier request never took effect, so sending it again cannot duplicate it.
    if (!m_stopping)
        send(index);
    else
        fill();
}

void BulkJob::onRecordCreated(ApiClient::RequestId id, const QString &resource, const QJsonObject &record)
{
    const auto it = m_outstanding.constFind(id);
    if (it == m_outstanding.cend())
        return;
    const int index = it->index;
    m_outstanding.erase(it);
    const ResourceId recordId = RecordParser::idOf(record);
    settle(index, JobItem::State::Applied, createdRecord(resource, recordId), 0, recordId);
    fill();
}

void BulkJob::onRecordsPage(ApiClient::RequestId id, const RecordsPage &page)
{
    const auto it = m_outstanding.constFind(id);
    if (it == m_outstanding.cend())
        return;
    const int index = it->index;
    const int pageNumber = it->page;
    m_outstanding.erase(it);
    const JobItem &item = m_items.at(index);
    const ResourceSchema *schema = ResourceSchema::find(item.resource);
    for (const QJsonObject &record : page.items) {
        const ResourceId recordId = RecordParser::idOf(record);
        if (recordId.isNull() || m_claimed.contains(claimKey(item.resource, recordId))
            || !identifies(*schema, item, record))
            continue;
        // Whether the earlier run made it or it was there before cannot be told: not called created.
        settle(index, JobItem::State::Applied,
            tr("Record %1 of %2 holds this item's %3; the earlier run may have created it, or it may have "
               "existed before.")
                .arg(recordId.toString(), item.resource, schema->identifying.join(QStringLiteral(", "))),
            0, recordId);
        fill();
        return;
    }
    if (!m_stopping && (page.info.hasNext || page.items.size() + page.skipped.size() >= LookupPageSize)) {
        reconcileRecord(index, pageNumber + 1);
        return;
    }
    // Not there: the earlier request never took effect, so sending it again cannot duplicate it.
    if (!m_stopping)
        sendRecord(index);
    else
        fill();
}

void BulkJob::onFailed(ApiClient::RequestId id, const ApiError &error)
{
    const auto it = m_outstanding.constFind(id);
    if (it == m_outstanding.cend())
        return;
    const Outstanding what = *it;
    m_outstanding.erase(it);
    if (error.kind() == ApiError::Kind::Canceled && !m_stopping) {
        // Someone else canceled the client's requests (the CLI on SIGINT, the window on quit): send
        // nothing more. What was canceled may have been sent, so it stays Sent and the job resumable.
        m_stopping = true;
        m_todo.clear();
    }
    const JobItem &item = m_items.at(what.index);
    if (what.step == Step::Reconcile) {
        if (error.kind() == ApiError::Kind::NotFound && item.operation == JobItem::Operation::Delete) {
            settleAlreadyGone(what.index);
        } else if (error.kind() == ApiError::Kind::NotFound && item.operation == JobItem::Operation::Update) {
            settle(what.index, JobItem::State::Failed,
                tr("User %1 no longer exists.").arg(item.userId.toString()));
        } else {
            settle(what.index, JobItem::State::Sent,
                tr("Whether it was applied is not known yet, because the check failed: %1")
                    .arg(error.userMessage()));
        }
    } else if (item.operation == JobItem::Operation::Delete && error.kind() == ApiError::Kind::NotFound) {
        // Deleted elsewhere first, or by the earlier run's DELETE that arrived after the read that found the
        // user still there: gone either way, as the job meant.
        settleAlreadyGone(what.index);
    } else if (provesNotApplied(error)) {
        settle(what.index, JobItem::State::Failed, error.userMessage());
    } else {
        settle(what.index, JobItem::State::Sent,
            tr("Whether it was applied is not known: %1 Resume the job to settle it.")
                .arg(error.userMessage()));
    }
    fill();
}

void BulkJob::checkFinished()
{
    m_journal->commitHeld();
    if (!m_running || !m_outstanding.isEmpty() || (!m_todo.isEmpty() && !m_stopping))
        return;
    m_running = false;
    bool complete = true;
    for (const JobItem &item : std::as_const(m_items))
        complete
            = complete && (item.state == JobItem::State::Applied || item.state == JobItem::State::Failed);
    Q_EMIT finished(complete);
}

} // namespace UserDesk
