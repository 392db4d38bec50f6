#include "networkpage.h"

#include "ui_networkpage.h"

namespace UserDesk {

NetworkPage::NetworkPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::NetworkPage>())
{
    m_ui->setupUi(this);
    m_ui->typeCombo->addItem(tr("HTTP"), int(ProxySettings::Type::Http));
    m_ui->typeCombo->addItem(tr("SOCKS5"), int(ProxySettings::Type::Socks5));
    for (QRadioButton *radio : { m_ui->systemRadio, m_ui->noneRadio, m_ui->manualRadio })
        connect(radio, &QRadioButton::toggled, this, &NetworkPage::updateEnabled);
    connect(m_ui->passwordEdit, &QLineEdit::textEdited, this, [this] { m_passwordEdited = true; });
    setSettings(ProxySettings());
}

NetworkPage::~NetworkPage() = default;

void NetworkPage::setSettings(const ProxySettings &settings)
{
    switch (settings.mode) {
    case ProxySettings::Mode::System:
        m_ui->systemRadio->setChecked(true);
        break;
    case ProxySettings::Mode::None:
        m_ui->noneRadio->setChecked(true);
        break;
    case ProxySettings::Mode::Manual:
        m_ui->manualRadio->setChecked(true);
        break;
    }
    m_ui->typeCombo->setCurrentIndex(m_ui->typeCombo->findData(int(settings.type)));
    m_ui->hostEdit->setText(settings.host);
    m_ui->portSpin->setValue(settings.port);
    m_ui->userEdit->setText(settings.user);
    m_ui->noProxyEdit->setText(settings.noProxy.join(QLatin1String(", ")));
    m_ui->passwordEdit->clear();
    m_passwordEdited = false;
    updateEnabled();
}

ProxySettings NetworkPage::settings() const
{
    ProxySettings settings;
    settings.mode = m_ui->manualRadio->isChecked() ? ProxySettings::Mode::Manual
        : m_ui->noneRadio->isChecked()             ? ProxySettings::Mode::None
                                                   : ProxySettings::Mode::System;
    settings.type = ProxySettings::Type(m_ui->typeCombo->currentData().toInt());
    settings.host = m_ui->hostEdit->text().trimmed();
    settings.port = m_ui->portSpin->value();
    settings.user = m_ui->userEdit->text().trimmed();
    settings.noProxy = ProxySettings::parseNoProxy(m_ui->noProxyEdit->text());
    return settings;
}

QString NetworkPage::password() const
{
    return m_ui->passwordEdit->text();
}

void NetworkPage::setPasswordStored(bool stored)
{
    m_ui->passwordEdit->setPlaceholderText(
        stored ? tr("unchanged: type to replace, clear to remove") : tr("none"));
}

void NetworkPage::updateEnabled()
{
    m_ui->manualBox->setEnabled(m_ui->manualRadio->isChecked());
    m_ui->passwordNote->setVisible(m_ui->manualRadio->isChecked());
}

} // namespace UserDesk
