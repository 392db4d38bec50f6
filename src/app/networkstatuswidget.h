#pragma once

#include "apiclient.h"

#include <QDeadlineTimer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace UserDesk {

// What the network is doing, for the status bar: a page on its way (with Cancel, shown only after a
// moment), a retry countdown (with Cancel), loading every page (with Stop) and the rate-limit budget. Bulk
// jobs show their progress in JobStatusWidget. It follows the client's signals by request id; the page
// loading state comes from whoever loads pages.
class NetworkStatusWidget : public QWidget
{
    Q_OBJECT
public:
    explicit NetworkStatusWidget(ApiClient *client, QWidget *parent = nullptr);

    void setPageLoading(bool loading);
    // Loading every remaining page (for a sort or an export): progress of loaded of total, with Stop.
    void showLoadingAll(bool active);
    void setLoadingAllProgress(int loaded, qint64 total);
    // Forgets the rate-limit budget (another server now).
    void resetRateLimit();

Q_SIGNALS:
    // The person gave up on the page that is loading.
    void pageLoadCancelRequested();
    // The person stopped loading every page.
    void loadingAllStopRequested();
    // A note for the status bar, shown for timeoutMs.
    void message(const QString &text, int timeoutMs);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onRequestEnded(ApiClient::RequestId id);
    void onRetryScheduled(ApiClient::RequestId id, int attempt, int delayMs, const ApiError &reason);
    void updateRetryCountdown();
    void updateLoading();

    ApiClient *m_client;
    QWidget *m_loadingWidget;
    QWidget *m_retryWidget;
    QLabel *m_retryLabel;
    QLabel *m_rateLabel;
    QWidget *m_allWidget;
    QProgressBar *m_allProgress;

    bool m_pageLoading = false;
    QTimer m_loadingDelay;
    QTimer m_retryTimer;
    ApiClient::RequestId m_retryRequest = 0;
    int m_retryAttempt = 0;
    QDeadlineTimer m_retryDeadline;
    QString m_retryReason;
};

} // namespace UserDesk
