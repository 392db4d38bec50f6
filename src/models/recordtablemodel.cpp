#include "recordtablemodel.h"

#include "page.h"

#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <algorithm>

namespace UserDesk {

RecordTableModel::RecordTableModel(ApiClient *client, const ResourceSchema &schema, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
    , m_rows(schema)
{
    connect(m_client, &ApiClient::recordsPageReceived, this, &RecordTableModel::onPage);
    connect(m_client, &ApiClient::recordCreated, this, &RecordTableModel::onCreated);
    connect(m_client, &ApiClient::recordUpdated, this, &RecordTableModel::onUpdated);
    connect(m_client, &ApiClient::recordDeleted, this, &RecordTableModel::onDeleted);
    connect(m_client, &ApiClient::requestFailed, this, &RecordTableModel::onFailed);
    connect(m_client, &ApiClient::userDeleted, this, [this](ApiClient::RequestId, const ResourceId &userId) {
        removeChildrenOf(QStringLiteral("users"), userId);
    });
    if (const ResourceSchema *parent = ResourceSchema::find(schema.parent)) {
        m_grandparent = parent->parent;
        m_grandparentField = parent->parentField;
    }
    if (!m_grandparent.isEmpty() && !m_grandparentField.isEmpty()) {
        // Every record of the parent resource the client brings, for whichever request, says whose it is.
        connect(m_client, &ApiClient::recordReceived, this,
            [this](ApiClient::RequestId, const QString &resource, const QJsonObject &record) {
                learnParent(resource, record);
            });
    }
}

void RecordTableModel::setPageSize(int size)
{
    m_pageSize = std::clamp(size, 1, 100);
}

void RecordTableModel::setScope(const ResourceId &parentId, const Filters &filters)
{
    m_parentId = parentId;
    m_filters = filters;
    reset(false);
}

void RecordTableModel::reload()
{
    reset(true);
}

void RecordTableModel::clear()
{
    reset(false);
}

void RecordTableModel::retryFetch()
{
    m_fetchBlocked = false;
    if (m_hasMore && !m_pageRequest)
        requestPage();
}

void RecordTableModel::reset(bool load)
{
    const bool wasLoading = isLoading();
    if (m_pageRequest) {
        const ApiClient::RequestId stale = m_pageRequest;
        m_pageRequest = 0; // its Canceled answer is not news to anyone
        m_client->cancel(stale);
    }
    beginResetModel();
    m_rows.clear();
    m_loadedParentsStale = true;
    if (!load) {
        m_states.clear();
        m_rowRequests.clear();
        m_parentOwners.clear();
    }
    m_total = -1;
    m_hasMore = load;
    m_fetchBlocked = false;
    m_guard.reset();
    endResetModel();
    Q_EMIT countsChanged(0, m_total);
    if (load)
        requestPage();
    else if (wasLoading)
        Q_EMIT loadingChanged(false);
}

void RecordTableModel::requestPage()
{
    const bool wasLoading = isLoading();
    // As for users: the next page follows from what is loaded, duplicates are dropped by id.
    const int page = static_cast<int>(m_rows.size() / m_pageSize) + 1;
    m_requestedPage = page;
    m_pageRequest = m_client->listRecords(schema(), page, m_pageSize, m_filters, m_parentId);
    if (!wasLoading)
        Q_EMIT loadingChanged(true);
}

QJsonObject RecordTableModel::recordAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.record(row) : QJsonObject();
}

ResourceId RecordTableModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.id(row) : ResourceId();
}

int RecordTableModel::columnOf(const QString &field) const
{
    const QList<FieldSpec> &fields = schema().fields;
    for (int i = 0; i < fields.size(); ++i) {
        if (fields.at(i).name == field)
            return i;
    }
    return -1;
}

void RecordTableModel::setToggleField(const QString &field, const QString &on, const QString &off)
{
    m_toggleColumn = columnOf(field);
    m_toggleOn = on;
    m_toggleOff = off;
}

void RecordTableModel::trackRequest(ApiClient::RequestId id, const ResourceId &recordId, RowState state)
{
    m_rowRequests.insert(id, recordId);
    setState(recordId, state);
}

void RecordTableModel::setState(const ResourceId &recordId, RowState state)
{
    if (state != RowState::Idle)
        m_states.insert(recordId, state);
    else if (m_states.remove(recordId) == 0)
        return;
    const int row = rowOf(recordId);
    if (row >= 0)
        emitRowChanged(row);
}

void RecordTableModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(schema().fields.size());
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const FieldSpec &field = schema().fields.at(column);
    switch (role) {
    case Qt::DisplayRole: {
        const QString text = m_rows.text(row, column);
        if (field.type == FieldSpec::Type::DateTime)
            return RecordRows::displayDateTime(text);
        if (field.type == FieldSpec::Type::Text) {
            // A body on one line, and no longer than a cell can show: laying out 500 characters to elide
            // them on every repaint is what stalls a view while pages arrive. The tooltip has it whole.
            constexpr int Shown = 120;
            const QString line = QStringView(text).left(Shown * 2).toString().simplified();
            return line.size() > Shown || text.size() > Shown * 2 ? line.left(Shown) + QChar(0x2026) : line;
        }
        return text;
    }
    case Qt::EditRole:
        return m_rows.text(row, column);
    case Qt::ToolTipRole:
        switch (rowState(m_rows.id(row))) {
        case RowState::Saving:
            return tr("Saving…");
        case RowState::Deleting:
            return tr("Deleting…");
        case RowState::Idle:
            break;
        }
        if (field.type == FieldSpec::Type::Text || field.type == FieldSpec::Type::DateTime)
            return m_rows.text(row, column);
        return {};
    case Qt::CheckStateRole:
        if (column == m_toggleColumn)
            return m_rows.text(row, column) == m_toggleOn ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::FontRole:
        if (rowState(m_rows.id(row)) != RowState::Idle) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (rowState(m_rows.id(row)) != RowState::Idle
            && qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        if (field.type == FieldSpec::Type::Id || field.type == FieldSpec::Type::Reference
            || field.type == FieldSpec::Type::Integer)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case RecordRole:
        return m_rows.record(row);
    case RecordIdRole:
        return QVariant::fromValue(m_rows.id(row));
    case RowStateRole:
        return static_cast<int>(rowState(m_rows.id(row)));
    case SortRole: {
        const QJsonValue v = m_rows.value(row, column);
        return v.isDouble() ? QVariant(v.toDouble()) : QVariant(m_rows.text(row, column));
    }
    }
    return {};
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= schema().fields.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    return schema().fields.at(section).label();
}

Qt::ItemFlags RecordTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == m_toggleColumn
        && rowState(m_rows.id(index.row())) == RowState::Idle)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

bool RecordTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !index.isValid() || index.column() != m_toggleColumn)
        return false;
    const ResourceId recordId = m_rows.id(index.row());
    if (rowState(recordId) != RowState::Idle)
        return false;
    const bool on = value.value<Qt::CheckState>() == Qt::Checked;
    const QString wanted = on ? m_toggleOn : m_toggleOff;
    if (m_rows.text(index.row(), index.column()) == wanted)
        return false;
    // The server's answer changes the row; until then it shows the old value, marked as being saved.
    QJsonObject change;
    change.insert(schema().fields.at(m_toggleColumn).name, wanted);
    trackRequest(m_client->updateRecord(schema(), recordId, change), recordId, RowState::Saving);
    return true;
}

bool RecordTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_pageRequest && !m_fetchBlocked && !m_insertingPage;
}

void RecordTableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage();
}

bool RecordTableModel::inScope(const QJsonObject &record) const
{
    if (!m_parentId.isNull() && !schema().parentField.isEmpty()) {
        const std::optional<ResourceId> parent = ResourceId::fromJson(record.value(schema().parentField));
        if (!parent || *parent != m_parentId)
            return false;
    }
    // GoRest filters by case-insensitive substring; ids and references match whole.
    for (const auto &[name, wanted] : m_filters) {
        const FieldSpec *f = schema().field(name);
        const QJsonValue v = record.value(name);
        const QString text = v.isDouble() ? QString::number(v.toInteger()) : v.toString();
        if (f && (f->type == FieldSpec::Type::Id || f->type == FieldSpec::Type::Reference)) {
            if (text != wanted.trimmed())
                return false;
        } else if (!text.contains(wanted, Qt::CaseInsensitive)) {
            return false;
        }
    }
    return true;
}

void RecordTableModel::onPage(ApiClient::RequestId id, const RecordsPage &page)
{
    if (page.resource == schema().parent && !m_grandparent.isEmpty()) {
        for (const QJsonObject &item : page.items)
            learnParent(page.resource, item);
    }
    if (id != m_pageRequest)
        return;
    m_pageRequest = 0;

    QList<const QJsonObject *> fresh;
    fresh.reserve(page.items.size());
    QList<ResourceId> ids;
    ids.reserve(page.items.size());
    QSet<ResourceId> inPage;
    for (const QJsonObject &item : page.items) {
        const std::optional<ResourceId> itemId = ResourceId::fromJson(item.value(QStringLiteral("id")));
        if (!itemId)
            continue; // the client has said so in `skipped`
        ids.append(*itemId);
        if (!m_rows.contains(*itemId) && !inPage.contains(*itemId)) {
            inPage.insert(*itemId);
            fresh.append(&item);
        }
    }

    // All page state is settled before rows go in: views call fetchMore() from their rowsInserted handlers.
    const qint64 loaded = m_rows.size() + fresh.size();
    if (page.items.isEmpty())
        m_hasMore = false;
    else if (page.info.pages >= 0)
        m_hasMore = page.info.page < page.info.pages;
    else if (page.info.total >= 0)
        m_hasMore = loaded < page.info.total;
    else
        m_hasMore = page.info.hasNext || page.items.size() >= m_pageSize;
    if (m_guard.accept(m_requestedPage, m_pageSize, ids, m_hasMore) != PagingGuard::Stop::None)
        m_hasMore = false;
    if (page.info.total >= 0)
        m_total = page.info.total;
    else if (!m_hasMore)
        m_total = loaded;
    Q_EMIT loadingChanged(false);

    if (!fresh.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        m_insertingPage = true;
        beginInsertRows(QModelIndex(), first, first + static_cast<int>(fresh.size()) - 1);
        for (const QJsonObject *item : std::as_const(fresh))
            m_rows.append(*item);
        m_loadedParentsStale = true;
        m_insertingPage = false;
        endInsertRows();
    }
    Q_EMIT countsChanged(loadedCount(), m_total);
    if (fresh.isEmpty() && m_hasMore && !m_pageRequest)
        requestPage();
    if (!page.skipped.isEmpty())
        Q_EMIT itemsSkipped(page.skipped);
    if (m_guard.stoppedEarly())
        Q_EMIT pagingStopped(m_guard.reason());
}

void RecordTableModel::onCreated(ApiClient::RequestId id, const QString &resource, const QJsonObject &record)
{
    m_rowRequests.remove(id);
    learnParent(resource, record);
    if (resource != schema().name || !inScope(record))
        return;
    const std::optional<ResourceId> recordId = ResourceId::fromJson(record.value(QStringLiteral("id")));
    if (!recordId || m_rows.contains(*recordId))
        return;
    // The server lists newest first, so that is where the new record belongs.
    beginInsertRows(QModelIndex(), 0, 0);
    const bool stored = m_rows.prepend(record);
    m_loadedParentsStale = true;
    endInsertRows();
    if (!stored)
        return;
    if (m_total >= 0)
        ++m_total;
    Q_EMIT countsChanged(loadedCount(), m_total);
}

void RecordTableModel::onUpdated(ApiClient::RequestId id, const QString &resource, const QJsonObject &record)
{
    m_rowRequests.remove(id);
    learnParent(resource, record);
    if (resource != schema().name)
        return;
    const std::optional<ResourceId> recordId = ResourceId::fromJson(record.value(QStringLiteral("id")));
    if (!recordId)
        return;
    m_states.remove(*recordId);
    const int row = rowOf(*recordId);
    if (row < 0)
        return;
    if (!inScope(record)) {
        removeRecord(*recordId); // edited out of what the table lists, as the server would list it now
        return;
    }
    m_rows.replace(row, record);
    m_loadedParentsStale = true;
    emitRowChanged(row);
}

void RecordTableModel::onDeleted(ApiClient::RequestId id, const QString &resource, const ResourceId &recordId)
{
    m_rowRequests.remove(id);
    if (resource == schema().name)
        removeRecord(recordId);
    else
        removeChildrenOf(resource, recordId);
}

void RecordTableModel::removeChildrenOf(const QString &parentResource, const ResourceId &parentId)
{
    QSet<ResourceId> parents;
    if (parentResource == schema().parent) {
        parents.insert(parentId);
        m_parentOwners.remove(parentId);
    } else if (parentResource == m_grandparent && !m_parentOwners.isEmpty()) {
        for (auto it = m_parentOwners.begin(); it != m_parentOwners.end();) {
            if (it.value() == parentId) {
                parents.insert(it.key());
                it = m_parentOwners.erase(it);
            } else {
                ++it;
            }
        }
    }
    if (parents.isEmpty() || m_rows.isEmpty())
        return;
    if (removeRowsUnder(parents))
        Q_EMIT countsChanged(loadedCount(), m_total);
}

bool RecordTableModel::removeRowsUnder(const QSet<ResourceId> &parents)
{
    bool removed = false;
    for (qsizetype last = m_rows.size() - 1; last >= 0; --last) {
        if (!parents.contains(m_rows.parentId(last)))
            continue;
        qsizetype first = last;
        while (first > 0 && parents.contains(m_rows.parentId(first - 1)))
            --first;
        beginRemoveRows(QModelIndex(), static_cast<int>(first), static_cast<int>(last));
        for (qsizetype row = last; row >= first; --row) {
            m_states.remove(m_rows.id(row));
            m_rows.removeAt(row);
            if (m_total > 0)
                --m_total;
        }
        endRemoveRows();
        removed = true;
        last = first;
    }
    if (removed)
        m_loadedParentsStale = true;
    return removed;
}

void RecordTableModel::learnParent(const QString &resource, const QJsonObject &record)
{
    if (resource != schema().parent || m_grandparent.isEmpty())
        return;
    const std::optional<ResourceId> id = ResourceId::fromJson(record.value(QStringLiteral("id")));
    const std::optional<ResourceId> owner = ResourceId::fromJson(record.value(m_grandparentField));
    if (!id)
        return;
    if (!owner) {
        m_parentOwners.remove(*id);
        return;
    }
    if (m_parentOwners.contains(*id)) {
        m_parentOwners.insert(*id, *owner); // moved to another owner, perhaps
        return;
    }
    // Only parents of loaded rows are kept: the posts tab may list a million posts.
    if (m_loadedParentsStale) {
        m_loadedParents.clear();
        for (qsizetype row = 0; row < m_rows.size(); ++row)
            m_loadedParents.insert(m_rows.parentId(row));
        m_loadedParentsStale = false;
    }
    if (m_loadedParents.contains(*id))
        m_parentOwners.insert(*id, *owner);
}

void RecordTableModel::removeRecord(const ResourceId &recordId)
{
    m_states.remove(recordId);
    const int row = rowOf(recordId);
    if (row < 0)
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    if (m_total > 0)
        --m_total;
    Q_EMIT countsChanged(loadedCount(), m_total);
}

void RecordTableModel::onFailed(ApiClient::RequestId id, const ApiError &error)
{
    if (id == m_pageRequest) {
        m_pageRequest = 0;
        // Without this the view would ask again on every repaint and hammer a failing server.
        m_fetchBlocked = true;
        Q_EMIT loadingChanged(false);
        Q_EMIT pageLoadFailed(id, error);
        return;
    }
    const auto it = m_rowRequests.constFind(id);
    if (it == m_rowRequests.cend())
        return;
    const ResourceId recordId = it.value();
    m_rowRequests.erase(it);
    if (error.kind() == ApiError::Kind::NotFound && rowState(recordId) == RowState::Deleting)
        removeRecord(recordId); // what was to be deleted is gone already
    else
        setState(recordId, RowState::Idle);
    Q_EMIT rowRequestFailed(id, recordId, error);
}

} // namespace UserDesk
