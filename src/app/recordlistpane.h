#pragma once

#include "apiclient.h"
#include "resourceid.h"
#include "resourceschema.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace UserDesk {

class RecordTableModel;

// One resource's records as an editable table: New, Edit (or a double-click) and Delete, a todo's status
// toggled by its checkbox in place. Scoped to a parent (a user's posts, a post's comments) or listing
// every record with filters. It owns its requests and says what failed below the table.
class RecordListPane : public QWidget
{
    Q_OBJECT
public:
    enum class Scope { UnderParent, All };

    RecordListPane(const ResourceSchema &schema, Scope scope, QWidget *parent = nullptr);
    ~RecordListPane() override;

    const ResourceSchema &schema() const { return m_schema; }
    // The client the records come from; none: nothing is asked for.
    void setClient(ApiClient *client);
    // Whether requests may go out now (the client has its endpoint).
    void setOnline(bool online);
    // UnderParent: lists the records of `parentId` (null: none). Asks when the pane is shown.
    void showParent(const ResourceId &parentId);
    ResourceId parentId() const { return m_parentId; }
    // All: lists the records that match `filters` (field, value), from page 1.
    void setFilters(const QList<std::pair<QString, QString>> &filters);
    // Loads page 1 again.
    void reload();

    RecordTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QJsonObject currentRecord() const;
    // What the line below the table says.
    QString statusText() const;

public Q_SLOTS:
    void newRecord();
    void editCurrent();
    void deleteCurrent();

Q_SIGNALS:
    // The selected record changed; an empty object when none is.
    void currentRecordChanged(const QJsonObject &record);
    // Loaded or total counts, or the sort, changed.
    void countsChanged();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void loadIfWanted();
    void updateActions();
    void updateStatus();
    // A full sentence below the table (none: hidden); with the Retry button when a page failed.
    void showProblem(const QString &text, bool offerRetry = false);
    int currentSourceRow() const;
    QString describe(const QJsonObject &record) const;

    ResourceSchema m_schema;
    Scope m_scope;
    QPointer<ApiClient> m_client;
    RecordTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QPushButton *m_newButton;
    QPushButton *m_editButton;
    QPushButton *m_deleteButton;
    QLabel *m_status;
    QLabel *m_problem;
    QPushButton *m_retryButton;
    ResourceId m_parentId;
    QList<std::pair<QString, QString>> m_filters;
    bool m_online = false;
    bool m_loadWanted = false;
};

} // namespace UserDesk
