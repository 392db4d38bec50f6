#include "languagepage.h"

#include "ui_languagepage.h"

namespace UserDesk {

LanguagePage::LanguagePage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::LanguagePage>())
{
    m_ui->setupUi(this);
    m_ui->languageCombo->addItem(tr("System default"), QString());
    // Each language by its own name, so that whoever reads it can find theirs.
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->languageCombo->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_ui->languageCombo->addItem(QStringLiteral(u"हिन्दी"), QStringLiteral("hi"));
    m_ui->restartNote->setText(tr("UserDesk shows the chosen language the next time it starts."));
    m_ui->restartNote->hide();
    connect(m_ui->languageCombo, &QComboBox::currentIndexChanged, this,
        [this] { m_ui->restartNote->setVisible(language() != m_loaded); });
}

LanguagePage::~LanguagePage() = default;

void LanguagePage::setLanguage(const QString &language)
{
    const int index = m_ui->languageCombo->findData(language);
    m_loaded = index >= 0 ? language : QString();
    m_ui->languageCombo->setCurrentIndex(std::max(0, index));
    m_ui->restartNote->hide();
}

QString LanguagePage::language() const
{
    return m_ui->languageCombo->currentData().toString();
}

} // namespace UserDesk
