#pragma once

#include "apiclient.h"

#include <QHash>
#include <QWidget>

class QStackedWidget;
class QTabBar;
class QTimer;

namespace UserDesk {

class RecordListPane;
class SessionController;

// The window's resource switcher: tabs for Users, Posts, Comments and Todos above the table. Users is the
// window's own users area; each other tab browses every record of its resource, a page at a time, with
// the server-side filters its schema allows, a sort of the loaded rows that says it is only those, and an
// export of the loaded rows that says how many of how many it wrote.
class ResourceBrowser : public QWidget
{
    Q_OBJECT
public:
    // Puts a browser into `central`'s layout, its Users tab holding the users filter bar and the table's
    // splitter that were there (the table wider than the detail pane); requests go out while `session`
    // is connected.
    static ResourceBrowser *install(QWidget *central, ApiClient *client, SessionController *session);

    explicit ResourceBrowser(ApiClient *client, QWidget *parent = nullptr);

    void setOnline(bool online);
    QTabBar *tabBar() const { return m_tabs; }
    // "posts", "comments", "todos".
    RecordListPane *pane(const QString &resource) const { return m_panes.value(resource); }
    // Writes the loaded rows of `resource` to `path`; *message says how many of how many, or why not.
    bool exportLoaded(const QString &resource, const QString &path, bool json, QString *message);

Q_SIGNALS:
    // A sentence for the status bar (an export's outcome).
    void message(const QString &text);

private:
    QWidget *makePage(const QString &resource);
    void chooseFileAndExport(const QString &resource, bool json);

    ApiClient *m_client;
    QTabBar *m_tabs;
    QStackedWidget *m_stack;
    QWidget *m_usersPage;
    QHash<QString, RecordListPane *> m_panes;
};

} // namespace UserDesk
