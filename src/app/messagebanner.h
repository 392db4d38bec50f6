#pragma once

#include "apiclient.h"

#include <QFrame>
#include <memory>

namespace Ui {
class MessageBanner;
}

namespace UserDesk {

// The error banner above the table: a sentence, and the buttons that fit it (Try again, Show exchange,
// Open Preferences, Dismiss). It only says what was asked; the window decides what the buttons do.
class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Action { None, Retry, Preferences, TokenInPreferences };

    explicit MessageBanner(QWidget *parent = nullptr);
    ~MessageBanner() override;

    // `exchange` is the request whose exchange the log can show (0: none). Returns a number for this
    // message, for dismissShown().
    quint64 showError(const QString &text, ApiClient::RequestId exchange = 0, Action action = Action::None);
    QString text() const;
    Action action() const { return m_action; }

    // Dismisses message `shown` (what showError returned) if the banner still shows it: an error that is
    // over takes itself away, never a later, unrelated one.
    void dismissShown(quint64 shown);

public Q_SLOTS:
    void dismiss();

Q_SIGNALS:
    void retryRequested();
    void showExchangeRequested(UserDesk::ApiClient::RequestId id);
    // forToken: the token could not be read and the person should type it there.
    void preferencesRequested(bool forToken);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    std::unique_ptr<Ui::MessageBanner> m_ui;
    ApiClient::RequestId m_exchange = 0;
    Action m_action = Action::None;
    quint64 m_shown = 0; // the message on show (0: none)
    quint64 m_lastShown = 0;
};

} // namespace UserDesk
