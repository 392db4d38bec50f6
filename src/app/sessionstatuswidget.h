#pragma once

#include <QUrl>
#include <QWidget>

class QLabel;

namespace UserDesk {

class SessionController;

// The left of the status bar: which profile and endpoint the window works with, and how many users are
// loaded (or what the session is doing before that: starting the sandbox, reading the token).
class SessionStatusWidget : public QWidget
{
    Q_OBJECT
public:
    // Follows `session`: its profile and endpoint, and that it is reading the token.
    explicit SessionStatusWidget(SessionController *session, QWidget *parent = nullptr);

    void setNote(const QString &text);
    // total < 0: unknown.
    void setCounts(int loaded, qint64 total, bool loading);
    // The counts as the window words them (filtered, partly sorted).
    void setCountsText(const QString &text);

private:
    void updateEndpoint();

    SessionController *m_session;
    QLabel *m_endpoint;
    QLabel *m_loaded;
};

} // namespace UserDesk
