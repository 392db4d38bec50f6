#pragma once

#include "apiclient.h"

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
// cURL and Clear.
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

    std::unique_ptr<Ui::RequestLogWidget> m_ui;
    RequestLogModel *m_model;
    RequestLog *m_log = nullptr;
    JsonHighlighter *m_highlighter;
    QString m_token;
    bool m_followTail = true;
};

} // namespace UserDesk
