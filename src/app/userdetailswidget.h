#pragma once

#include "apiclient.h"
#include "user.h"

#include <QPointer>
#include <QWidget>
#include <memory>

class QTreeWidget;

namespace Ui {
class UserDetailsWidget;
}

namespace UserDesk {

class JsonHighlighter;

// The pane beside the table: one user's fields, its JSON, and its posts and todos. The posts and todos are
// asked for when their tab is shown, and this pane owns those requests: it cancels them when another user
// is shown and shows their answers and failures itself.
class UserDetailsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit UserDetailsWidget(QWidget *parent = nullptr);
    ~UserDetailsWidget() override;

    // The client the posts and todos come from; none: they are not asked for.
    void setClient(ApiClient *client);
    // Whether requests may go out now (the client has its endpoint).
    void setOnline(bool online);

    // Shows `user` (id 0: nobody). Another user's posts and todos are asked for anew; the same user
    // with changed fields keeps what was loaded.
    void showUser(const User &user);
    User shownUser() const { return m_user; }
    JsonHighlighter *jsonHighlighter() const { return m_highlighter; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void loadRelatedIfShown();
    void cancelRelated();
    void showFailure(QTreeWidget *list, const ApiError &error);

    std::unique_ptr<Ui::UserDetailsWidget> m_ui;
    JsonHighlighter *m_highlighter;
    QPointer<ApiClient> m_client;
    bool m_online = false;
    User m_user;
    ResourceId m_postsLoadedFor;
    ResourceId m_todosLoadedFor;
    ApiClient::RequestId m_postsRequest = 0;
    ApiClient::RequestId m_todosRequest = 0;
};

} // namespace UserDesk
