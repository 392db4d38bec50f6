#include "userfilterbar.h"

#include "ui_userfilterbar.h"

#include <QKeyEvent>

namespace UserDesk {

UserFilterBar::UserFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::UserFilterBar>())
{
    m_ui->setupUi(this);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &UserFilterBar::announce);
    auto restart = qOverload<>(&QTimer::start);
    connect(m_ui->idFilter, &QLineEdit::textChanged, &m_debounce, restart);
    connect(m_ui->nameFilter, &QLineEdit::textChanged, &m_debounce, restart);
    connect(m_ui->emailFilter, &QLineEdit::textChanged, &m_debounce, restart);
    connect(m_ui->genderFilter, &QComboBox::currentIndexChanged, &m_debounce, restart);
    connect(m_ui->statusFilter, &QComboBox::currentIndexChanged, &m_debounce, restart);
    connect(m_ui->clearFiltersButton, &QToolButton::clicked, this, &UserFilterBar::clear);
    for (QWidget *w : { static_cast<QWidget *>(m_ui->idFilter), static_cast<QWidget *>(m_ui->nameFilter),
             static_cast<QWidget *>(m_ui->emailFilter), static_cast<QWidget *>(m_ui->genderFilter),
             static_cast<QWidget *>(m_ui->statusFilter) })
        w->installEventFilter(this);
}

UserFilterBar::~UserFilterBar() = default;

UserFilter UserFilterBar::filter() const
{
    UserFilter filter;
    filter.id = m_ui->idFilter->text().trimmed();
    filter.name = m_ui->nameFilter->text().trimmed();
    filter.email = m_ui->emailFilter->text().trimmed();
    static const QString genders[] = { QString(), QStringLiteral("female"), QStringLiteral("male") };
    static const QString statuses[] = { QString(), QStringLiteral("active"), QStringLiteral("inactive") };
    filter.gender = genders[std::clamp(m_ui->genderFilter->currentIndex(), 0, 2)];
    filter.status = statuses[std::clamp(m_ui->statusFilter->currentIndex(), 0, 2)];
    return filter;
}

void UserFilterBar::focusName()
{
    m_ui->nameFilter->setFocus(Qt::ShortcutFocusReason);
    m_ui->nameFilter->selectAll();
}

void UserFilterBar::clear()
{
    m_ui->idFilter->clear();
    m_ui->nameFilter->clear();
    m_ui->emailFilter->clear();
    m_ui->genderFilter->setCurrentIndex(0);
    m_ui->statusFilter->setCurrentIndex(0);
    // Nothing left to wait for: the person asked for everything at once.
    m_debounce.stop();
    announce();
}

void UserFilterBar::announce()
{
    const UserFilter now = filter();
    if (now == m_announced)
        return;
    m_announced = now;
    Q_EMIT filterChanged(now);
}

bool UserFilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape
        && filter() != UserFilter()) {
        clear();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace UserDesk
