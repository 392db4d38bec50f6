#include "networkstatuswidget.h"

#include "palettecolors.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

#include <algorithm>
#include <limits>

namespace UserDesk {

namespace {

QWidget *row(QWidget *parent, const QString &name, std::initializer_list<QWidget *> widgets)
{
    auto *box = new QWidget(parent);
    box->setObjectName(name);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : widgets) {
        w->setParent(box);
        layout->addWidget(w);
    }
    box->hide();
    return box;
}

QPushButton *button(const QString &text, const QString &name, const QString &toolTip)
{
    auto *b = new QPushButton(text);
    b->setObjectName(name);
    b->setToolTip(toolTip);
    return b;
}

} // namespace

NetworkStatusWidget::NetworkStatusWidget(ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    // A slow server must never leave the person waiting without a way out; shown only once a page has
    // been on the wire for a moment, so fast answers do not make it flicker.
    auto *loadingLabel = new QLabel(tr("Waiting for the server…"));
    loadingLabel->setObjectName(QStringLiteral("loadingLabel"));
    QPushButton *loadingCancel
        = button(tr("Cancel"), QStringLiteral("loadingCancelButton"), tr("Stop loading the users"));
    m_loadingWidget = row(this, QStringLiteral("loadingWidget"), { loadingLabel, loadingCancel });
    connect(loadingCancel, &QPushButton::clicked, this, &NetworkStatusWidget::pageLoadCancelRequested);
    m_loadingDelay.setSingleShot(true);
    m_loadingDelay.setInterval(250);
    connect(&m_loadingDelay, &QTimer::timeout, this, &NetworkStatusWidget::updateLoading);

    m_retryLabel = new QLabel;
    m_retryLabel->setObjectName(QStringLiteral("retryLabel"));
    m_retryLabel->setStyleSheet(PaletteColors::textStyle(palette(), PaletteColors::Role::Warning));
    QPushButton *retryCancel = button(
        tr("Cancel"), QStringLiteral("retryCancelButton"), tr("Stop waiting and give up on this request"));
    m_retryWidget = row(this, QStringLiteral("retryWidget"), { m_retryLabel, retryCancel });
    connect(retryCancel, &QPushButton::clicked, this, [this] {
        if (m_retryRequest)
            m_client->cancel(m_retryRequest);
    });
    m_retryTimer.setInterval(1000);
    connect(&m_retryTimer, &QTimer::timeout, this, &NetworkStatusWidget::updateRetryCountdown);

    // Loading every page for a sort or an export, paced by the rate limit: its progress and a way out.
    m_allProgress = new QProgressBar;
    m_allProgress->setObjectName(QStringLiteral("loadAllProgress"));
    m_allProgress->setMinimumWidth(180);
    m_allProgress->setMaximumWidth(240);
    m_allProgress->setFormat(tr("Loading users: %v of %m"));
    QPushButton *allStop = button(tr("Stop"), QStringLiteral("loadAllStopButton"),
        tr("Load no more pages; the users loaded so far stay"));
    m_allWidget = row(this, QStringLiteral("loadAllWidget"), { m_allProgress, allStop });
    connect(allStop, &QPushButton::clicked, this, &NetworkStatusWidget::loadingAllStopRequested);

    m_rateLabel = new QLabel(this);
    m_rateLabel->setObjectName(QStringLiteral("rateLimitLabel"));
    m_rateLabel->hide();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : { m_loadingWidget, m_retryWidget, m_allWidget, static_cast<QWidget *>(m_rateLabel) })
        layout->addWidget(w);

    // Every request ends in exactly one of these; the retry countdown follows them.
    auto ended = [this](ApiClient::RequestId id) { onRequestEnded(id); };
    connect(m_client, &ApiClient::usersPageReceived, this, ended);
    connect(m_client, &ApiClient::userReceived, this, ended);
    connect(m_client, &ApiClient::userCreated, this, ended);
    connect(m_client, &ApiClient::userUpdated, this, ended);
    connect(m_client, &ApiClient::userDeleted, this, ended);
    connect(m_client, &ApiClient::postsReceived, this, ended);
    connect(m_client, &ApiClient::todosReceived, this, ended);
    connect(m_client, &ApiClient::requestFailed, this, ended);
    connect(m_client, &ApiClient::retryScheduled, this, &NetworkStatusWidget::onRetryScheduled);
    connect(m_client, &ApiClient::rateLimitChanged, this, [this](const RateLimitInfo &info) {
        if (!info.isKnown())
            return;
        m_rateLabel->setText(tr("Rate limit: %1 of %2 left").arg(info.remaining).arg(info.limit));
        m_rateLabel->setToolTip(
            info.resetSeconds >= 0 ? tr("The allowance refills in %1 s.").arg(info.resetSeconds) : QString());
        m_rateLabel->show();
    });
    connect(m_client, &ApiClient::pacingWait, this, [this](int delayMs) {
        if (delayMs > 0)
            Q_EMIT message(
                tr("Holding back %1 s to stay inside the server's rate limit…").arg((delayMs + 999) / 1000),
                delayMs + 1000);
    });
}

void NetworkStatusWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_retryLabel->setStyleSheet(PaletteColors::textStyle(palette(), PaletteColors::Role::Warning));
}

void NetworkStatusWidget::setPageLoading(bool loading)
{
    if (loading && !m_pageLoading)
        m_loadingDelay.start();
    m_pageLoading = loading;
    updateLoading();
}

void NetworkStatusWidget::showLoadingAll(bool active)
{
    m_allWidget->setVisible(active);
}

void NetworkStatusWidget::setLoadingAllProgress(int loaded, qint64 total)
{
    const int max = static_cast<int>(std::clamp<qint64>(total, 0, std::numeric_limits<int>::max()));
    m_allProgress->setRange(0, std::max(max, loaded));
    m_allProgress->setValue(loaded);
}

void NetworkStatusWidget::resetRateLimit()
{
    m_rateLabel->hide();
}

void NetworkStatusWidget::onRequestEnded(ApiClient::RequestId id)
{
    if (id != m_retryRequest)
        return;
    m_retryRequest = 0;
    m_retryTimer.stop();
    m_retryWidget->hide();
    updateLoading();
}

void NetworkStatusWidget::onRetryScheduled(
    ApiClient::RequestId id, int attempt, int delayMs, const ApiError &reason)
{
    m_retryRequest = id;
    m_retryAttempt = attempt;
    m_retryDeadline = QDeadlineTimer(delayMs);
    m_retryReason = reason.userMessage();
    m_retryWidget->show();
    updateRetryCountdown();
    m_retryTimer.start();
    updateLoading(); // the countdown has its own Cancel
}

void NetworkStatusWidget::updateRetryCountdown()
{
    const qint64 left = m_retryDeadline.remainingTime();
    const int max = m_client->retryPolicy().maxAttempts;
    if (left > 0)
        m_retryLabel->setText(
            tr("Retrying in %1 s, attempt %2 of %3").arg((left + 999) / 1000).arg(m_retryAttempt).arg(max));
    else
        m_retryLabel->setText(tr("Retrying now, attempt %1 of %2…").arg(m_retryAttempt).arg(max));
    m_retryLabel->setToolTip(m_retryReason);
}

void NetworkStatusWidget::updateLoading()
{
    if (!m_pageLoading)
        m_loadingDelay.stop();
    // Not before the page has been on its way for the delay's moment.
    m_loadingWidget->setVisible(m_pageLoading && !m_retryRequest && !m_loadingDelay.isActive());
}

} // namespace UserDesk
