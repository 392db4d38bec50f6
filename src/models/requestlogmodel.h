#pragma once

#include "httpexchange.h"
#include "requestlog.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QPointer>

namespace UserDesk {

// The request log's ring as a table for the log dock, kept in step with the ring's own signals.
class RequestLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { MethodColumn, UrlColumn, StatusColumn, TimeColumn, AttemptColumn, ColumnCount };
    enum Role {
        SequenceRole = Qt::UserRole + 1,
        RequestIdRole,
    };

    explicit RequestLogModel(QObject *parent = nullptr);

    void setLog(RequestLog *log);
    RequestLog *log() const { return m_log; }
    const HttpExchange *exchangeAt(int row) const;
    // Row of the newest exchange that belongs to the request, -1 when the ring no longer holds one.
    int lastRowOfRequest(quint64 requestId) const;
    // Text colour of failed exchanges; the view sets it from its palette (none: the view's text colour).
    void setFailureColor(const QColor &color);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QPointer<RequestLog> m_log;
    QList<QMetaObject::Connection> m_connections;
    QColor m_failureColor;
};

} // namespace UserDesk
