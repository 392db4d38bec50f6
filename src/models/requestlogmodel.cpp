#include "requestlogmodel.h"

#include "requestlog.h"

#include <QColor>

namespace UserDesk {

RequestLogModel::RequestLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RequestLogModel::setLog(RequestLog *log)
{
    beginResetModel();
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_log = log;
    if (log) {
        m_connections << connect(log, &RequestLog::aboutToAppend, this,
            [this](int index) { beginInsertRows(QModelIndex(), index, index); })
                      << connect(log, &RequestLog::appended, this, [this](int) { endInsertRows(); })
                      << connect(log, &RequestLog::aboutToDropOldest, this,
                             [this](int count) { beginRemoveRows(QModelIndex(), 0, count - 1); })
                      << connect(log, &RequestLog::droppedOldest, this, [this](int) { endRemoveRows(); })
                      << connect(log, &RequestLog::changed, this,
                             [this](
                                 int row) { Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1)); })
                      << connect(log, &RequestLog::aboutToClear, this, [this] { beginResetModel(); })
                      << connect(log, &RequestLog::cleared, this, [this] { endResetModel(); })
                      << connect(log, &QObject::destroyed, this, [this] {
                             beginResetModel();
                             m_connections.clear();
                             endResetModel();
                         });
    }
    endResetModel();
}

const HttpExchange *RequestLogModel::exchangeAt(int row) const
{
    if (!m_log || row < 0 || row >= m_log->size())
        return nullptr;
    return &m_log->at(row);
}

int RequestLogModel::lastRowOfRequest(quint64 requestId) const
{
    if (!m_log)
        return -1;
    for (int row = m_log->size() - 1; row >= 0; --row) {
        if (m_log->at(row).requestId == requestId)
            return row;
    }
    return -1;
}

void RequestLogModel::setFailureColor(const QColor &color)
{
    if (color == m_failureColor)
        return;
    m_failureColor = color;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), { Qt::ForegroundRole });
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_log ? 0 : m_log->size();
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HttpExchange *ex = exchangeAt(index.row());
    if (!ex)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case MethodColumn:
            return QString::fromLatin1(ex->method);
        case UrlColumn:
            return ex->url.toDisplayString();
        case StatusColumn:
            if (!ex->finished)
                return tr("…");
            if (ex->httpStatus == 0)
                return ex->error.isEmpty() ? tr("no answer") : ex->error;
            return ex->httpStatus;
        case TimeColumn:
            return ex->elapsedMs >= 0 ? QVariant(ex->elapsedMs) : QVariant();
        case AttemptColumn:
            return ex->attempt;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == UrlColumn)
            return ex->url.toDisplayString();
        if (!ex->error.isEmpty())
            return ex->error;
        return {};
    case Qt::ForegroundRole:
        if (ex->finished && (ex->httpStatus == 0 || ex->httpStatus >= 400) && m_failureColor.isValid())
            return m_failureColor;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == TimeColumn || index.column() == AttemptColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case SequenceRole:
        return ex->sequence;
    case RequestIdRole:
        return ex->requestId;
    }
    return {};
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case MethodColumn:
        return tr("Method");
    case UrlColumn:
        return tr("URL");
    case StatusColumn:
        return tr("Status");
    case TimeColumn:
        return tr("Time (ms)");
    case AttemptColumn:
        return tr("Attempt");
    }
    return {};
}

} // namespace UserDesk
