#pragma once

#include "apiclient.h"

#include <QPointer>
#include <QSet>
#include <QWidget>
#include <memory>

namespace Ui {
class RequestLogWidget;
}

namespace UserDesk {

class JsonHighlighter;
class RequestHistory;
class RequestLog;
class RequestLogModel;

// The request log pane: every exchange in a table that follows the newest one while the person looks at
// the end, the selected exchange's text (ExchangeFormat, the same as `userdesk-cli --verbose`), Copy as
// cURL, Re-send and Clear.
class RequestLogWidget : public QWidget
{
    Q_OBJECT
public:
    explicit RequestLogWidget(QWidget *parent = nullptr);
    ~RequestLogWidget() override;

    void setLog(RequestLog *log);
    // Shows what the history kept from earlier runs, then writes every exchange of this run to it.
    void keepHistory(RequestHistory *history);
    // Shows only exchanges whose method, status or URL match every word of `text`; "5xx" is a status class.
    void setSearch(const QString &text);
    RequestLogModel *model() const { return m_model; }
    // The token Copy as cURL puts in when asked to.
    void setToken(const QString &token) { m_token = token; }
    // The profile's client, which Re-send sends through (with its own token, never the log's).
    void setClient(ApiClient *client);
    // Re-send of the selected exchange: a read goes at once, a write asks first (a QMessageBox named
    // "resendConfirmation" that names what it will do); false when nothing was or will be sent.
    bool resendSelected();

    // Whether the log still holds an exchange of request `id`.
    bool hasRequest(ApiClient::RequestId id) const;
    // Selects the newest exchange of request `id`; false when the log no longer has it.
    bool showRequest(ApiClient::RequestId id);

    QByteArray splitterState() const;
    QByteArray headerState() const;
    void restoreState(const QByteArray &splitter, const QByteArray &header);

Q_SIGNALS:
    // A short note for the status bar.
    void message(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showExchange(int row);
    void applySearch(int first, int last);
    void copyAsCurl();
    void showContextMenu(const QPoint &position);
    void send(const QByteArray &method, const QUrl &url, const QByteArray &body);

    std::unique_ptr<Ui::RequestLogWidget> m_ui;
    RequestLogModel *m_model;
    RequestLog *m_log = nullptr;
    JsonHighlighter *m_highlighter;
    QString m_token;
    QPointer<ApiClient> m_client;
    QSet<ApiClient::RequestId> m_resent; // Re-sends whose answer is still to come
    bool m_followTail = true;
};

} // namespace UserDesk
