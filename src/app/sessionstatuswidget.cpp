#include "sessionstatuswidget.h"

#include "sessioncontroller.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace UserDesk {

SessionStatusWidget::SessionStatusWidget(SessionController *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_endpoint(new QLabel(this))
    , m_loaded(new QLabel(this))
{
    m_endpoint->setObjectName(QStringLiteral("endpointLabel"));
    m_loaded->setObjectName(QStringLiteral("loadedLabel"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(m_endpoint);
    layout->addWidget(m_loaded);
    connect(session, &SessionController::profileChanged, this, &SessionStatusWidget::updateEndpoint);
    connect(session, &SessionController::connected, this, &SessionStatusWidget::updateEndpoint);
    connect(session, &SessionController::readingToken, this, [this] { setNote(tr("Reading the token…")); });
    updateEndpoint();
}

void SessionStatusWidget::updateEndpoint()
{
    const QString name = m_session->profile().name();
    if (name.isEmpty()) {
        m_endpoint->clear();
        return;
    }
    const QUrl url = m_session->endpoint();
    const QString where = url.isValid() && !url.isEmpty() ? url.toDisplayString() : tr("not started");
    m_endpoint->setText(tr("%1: %2").arg(name, where));
    m_endpoint->setToolTip(m_session->token().isEmpty() ? tr("No token: reading only") : tr("Using a token"));
}

void SessionStatusWidget::setNote(const QString &text)
{
    m_loaded->setText(text);
}

void SessionStatusWidget::setCountsText(const QString &text)
{
    m_loaded->setText(text);
}

void SessionStatusWidget::setCounts(int loaded, qint64 total, bool loading)
{
    const QLocale locale;
    QString text = total >= 0
        ? tr("Loaded %1 of %Ln user(s)", nullptr, static_cast<int>(std::min<qint64>(total, 1000000000)))
              .arg(locale.toString(loaded))
        : tr("Loaded %Ln user(s)", nullptr, loaded);
    if (loading)
        text += tr(" — loading…");
    m_loaded->setText(text);
}

} // namespace UserDesk
