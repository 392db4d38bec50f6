#include "messagebanner.h"

#include "palettecolors.h"
#include "ui_messagebanner.h"

#include <QEvent>
#include <QPalette>

namespace UserDesk {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_ui(std::make_unique<Ui::MessageBanner>())
{
    m_ui->setupUi(this);
    applyColours();
    connect(m_ui->dismissBannerButton, &QToolButton::clicked, this, &MessageBanner::dismiss);
    connect(m_ui->retryButton, &QPushButton::clicked, this, [this] {
        dismiss();
        Q_EMIT retryRequested();
    });
    connect(m_ui->showExchangeButton, &QPushButton::clicked, this,
        [this] { Q_EMIT showExchangeRequested(m_exchange); });
    connect(m_ui->bannerPreferencesButton, &QPushButton::clicked, this,
        [this] { Q_EMIT preferencesRequested(m_action == Action::TokenInPreferences); });
    dismiss();
}

MessageBanner::~MessageBanner() = default;

quint64 MessageBanner::showError(const QString &text, ApiClient::RequestId exchange, Action action)
{
    m_shown = ++m_lastShown;
    m_exchange = exchange;
    m_action = action;
    m_ui->errorLabel->setText(text);
    m_ui->showExchangeButton->setVisible(exchange != 0);
    m_ui->retryButton->setVisible(action == Action::Retry);
    m_ui->bannerPreferencesButton->setVisible(
        action == Action::Preferences || action == Action::TokenInPreferences);
    show();
    return m_shown;
}

void MessageBanner::dismissShown(quint64 shown)
{
    if (shown != 0 && shown == m_shown)
        dismiss();
}

QString MessageBanner::text() const
{
    return isVisible() ? m_ui->errorLabel->text() : QString();
}

void MessageBanner::dismiss()
{
    m_exchange = 0;
    m_action = Action::None;
    m_shown = 0;
    hide();
}

void MessageBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColours();
}

void MessageBanner::applyColours()
{
    // The surrounding window colour tinted towards red, with the palette's own text colour on it: readable
    // in a light and in a dark palette. From the parent's palette, so that tinting never compounds.
    const QPalette base = parentWidget() ? parentWidget()->palette() : QPalette();
    const QColor background = PaletteColors::errorBackground(base);
    if (palette().color(QPalette::Window) == background)
        return;
    QPalette p = palette();
    p.setColor(QPalette::Window, background);
    setPalette(p);
}

} // namespace UserDesk
