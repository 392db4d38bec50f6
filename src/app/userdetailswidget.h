#pragma once

#include "apiclient.h"
#include "user.h"

#include <QJsonObject>
#include <QWidget>
#include <memory>

class QLabel;

namespace Ui {
class UserDetailsWidget;
}

namespace UserDesk {

class JsonHighlighter;
class RecordListPane;

// The pane beside the table: one user's fields, its JSON, and its posts (with the selected post's comments
// below them) and todos, each an editable RecordListPane. They are asked for when their tab is shown, and
// their panes own those requests: another user shown cancels them.
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
    // The selection: its user when there is one, else "No user selected" or "5 users selected".
    void showSelection(const QList<User> &users);
    User shownUser() const { return m_user; }
    JsonHighlighter *jsonHighlighter() const { return m_highlighter; }
    RecordListPane *postsPane() const { return m_posts; }
    RecordListPane *commentsPane() const { return m_comments; }
    RecordListPane *todosPane() const { return m_todos; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void showPost(const QJsonObject &post);

    std::unique_ptr<Ui::UserDetailsWidget> m_ui;
    JsonHighlighter *m_highlighter;
    RecordListPane *m_posts;
    RecordListPane *m_comments;
    QLabel *m_commentsTitle;
    RecordListPane *m_todos;
    User m_user;
};

} // namespace UserDesk
