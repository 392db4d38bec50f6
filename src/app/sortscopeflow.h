#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace UserDesk {

class ApiClient;
class SessionController;
class UserSortFilterProxyModel;
class UserTableModel;
class UserTableView;

// What a sort of the users table covers. GoRest cannot sort on the server, so a sort over a partly loaded
// table either loads the rest first (at once when that is quick; after asking, with the estimate, when
// it is long) or covers the loaded rows only, and statusText() says which.
class SortScopeFlow : public QObject
{
    Q_OBJECT
public:
    SortScopeFlow(UserTableModel *model, UserSortFilterProxyModel *proxy, UserTableView *table,
        SessionController *session, ApiClient *client, QWidget *dialogParent);

    // The person chose a column (or a saved sort came back).
    void requestSort(int column, Qt::SortOrder order);
    // Stop loading the rest: the sort covers the loaded rows only.
    void sortLoadedOnly();
    // A new profile: nothing is decided.
    void reset();
    // "Loaded 40 of 3,000 users", or what a sort covers while it covers only part of them.
    QString statusText() const;

Q_SIGNALS:
    void statusChanged();

private:
    void decide();
    void ask(int pages, qint64 estimateMs);
    void dismissQuestion();

    UserTableModel *m_model;
    UserSortFilterProxyModel *m_proxy;
    UserTableView *m_table;
    SessionController *m_session;
    ApiClient *m_client;
    QWidget *m_dialogParent;
    bool m_decided = false;
    bool m_loadedOnly = false;
};

} // namespace UserDesk
