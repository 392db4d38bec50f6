#include "profileserverpage.h"

#include "dialect.h"
#include "ui_profileserverpage.h"

#include <QDir>
#include <QFileDialog>

namespace UserDesk {

ProfileServerPage::ProfileServerPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ProfileServerPage>())
{
    m_ui->setupUi(this);
    m_ui->dialectCombo->addItem(tr("Automatic: find out on first contact"), QString());
    m_ui->dialectCombo->addItem(tr("GoRest v2"), Dialect(Dialect::Kind::GoRestV2).name());
    m_ui->dialectCombo->addItem(tr("json-server 0.17"), Dialect(Dialect::Kind::JsonServer017).name());
    m_ui->dialectCombo->addItem(tr("json-server 1.x"), Dialect(Dialect::Kind::JsonServer1).name());
    m_ui->clientCertificateCombo->addItem(tr("None"), int(Profile::ClientCertificate::None));
    m_ui->clientCertificateCombo->addItem(
        tr("PEM certificate and private key"), int(Profile::ClientCertificate::Pem));
    m_ui->clientCertificateCombo->addItem(
        tr("PKCS#12 file with a passphrase"), int(Profile::ClientCertificate::Pkcs12));
    connect(m_ui->clientCertificateCombo, &QComboBox::currentIndexChanged, this,
        &ProfileServerPage::updateVisibility);
    connect(m_ui->dialectCombo, &QComboBox::currentIndexChanged, this, &ProfileServerPage::updateVisibility);
    connect(m_ui->passphraseEdit, &QLineEdit::textEdited, this, [this] { m_passphraseEdited = true; });
    const QString pem = tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)");
    connect(m_ui->caFileButton, &QPushButton::clicked, this,
        [this, pem] { choose(m_ui->caFileEdit, tr("CA file"), pem); });
    connect(m_ui->certificateFileButton, &QPushButton::clicked, this, [this, pem] {
        const bool pkcs12
            = m_ui->clientCertificateCombo->currentData().toInt() == int(Profile::ClientCertificate::Pkcs12);
        choose(m_ui->certificateFileEdit, tr("Client certificate"),
            pkcs12 ? tr("PKCS#12 files (*.p12 *.pfx);;All files (*)") : pem);
    });
    connect(m_ui->keyFileButton, &QPushButton::clicked, this,
        [this, pem] { choose(m_ui->keyFileEdit, tr("Private key"), pem); });
    updateVisibility();
}

ProfileServerPage::~ProfileServerPage() = default;

void ProfileServerPage::load(
    const Profile &profile, bool passphraseEdited, const QString &passphrase, bool maybeStored)
{
    m_detectedDialect = profile.detectedDialect();
    m_ui->dialectCombo->setCurrentIndex(std::max(0, m_ui->dialectCombo->findData(profile.dialect())));
    m_ui->caFileEdit->setText(QDir::toNativeSeparators(profile.caFile()));
    m_ui->clientCertificateCombo->setCurrentIndex(
        m_ui->clientCertificateCombo->findData(int(profile.clientCertificate())));
    m_ui->certificateFileEdit->setText(QDir::toNativeSeparators(profile.clientCertificateFile()));
    m_ui->keyFileEdit->setText(QDir::toNativeSeparators(profile.clientKeyFile()));
    m_passphraseEdited = passphraseEdited;
    m_ui->passphraseEdit->setText(passphraseEdited ? passphrase : QString());
    m_ui->passphraseEdit->setPlaceholderText(
        maybeStored && !passphraseEdited ? tr("unchanged: type to replace, clear to remove") : tr("none"));
    // The embedded sandbox speaks GoRest over plain HTTP on this machine.
    m_embeddedSandbox = profile.isEmbeddedSandbox();
    setEnabled(!m_embeddedSandbox);
    updateVisibility();
}

void ProfileServerPage::store(Profile *profile) const
{
    profile->setDialect(m_ui->dialectCombo->currentData().toString());
    profile->setCaFile(QDir::fromNativeSeparators(m_ui->caFileEdit->text().trimmed()));
    const auto kind = Profile::ClientCertificate(m_ui->clientCertificateCombo->currentData().toInt());
    profile->setClientCertificate(kind);
    const bool any = kind != Profile::ClientCertificate::None;
    profile->setClientCertificateFile(
        any ? QDir::fromNativeSeparators(m_ui->certificateFileEdit->text().trimmed()) : QString());
    profile->setClientKeyFile(kind == Profile::ClientCertificate::Pem
            ? QDir::fromNativeSeparators(m_ui->keyFileEdit->text().trimmed())
            : QString());
}

void ProfileServerPage::setDetectedDialect(const QString &dialect)
{
    m_detectedDialect = dialect;
    updateVisibility();
}

QString ProfileServerPage::passphrase() const
{
    return m_ui->passphraseEdit->text();
}

void ProfileServerPage::updateVisibility()
{
    const auto kind = Profile::ClientCertificate(m_ui->clientCertificateCombo->currentData().toInt());
    const bool any = kind != Profile::ClientCertificate::None;
    const bool pem = kind == Profile::ClientCertificate::Pem;
    const bool pkcs12 = kind == Profile::ClientCertificate::Pkcs12;
    for (QWidget *w : QList<QWidget *> {
             m_ui->certificateFileLabel, m_ui->certificateFileEdit, m_ui->certificateFileButton })
        w->setVisible(any);
    for (QWidget *w : QList<QWidget *> { m_ui->keyFileLabel, m_ui->keyFileEdit, m_ui->keyFileButton })
        w->setVisible(pem);
    // A PEM key may be encrypted too; without one the passphrase stays empty.
    for (QWidget *w : QList<QWidget *> { m_ui->passphraseLabel, m_ui->passphraseEdit, m_ui->passphraseNote })
        w->setVisible(pem || pkcs12);

    // "Automatic" says what the first contact found (kept in the profile until its URL changes).
    const int found = m_ui->dialectCombo->findData(m_detectedDialect);
    const bool automatic = m_ui->dialectCombo->currentData().toString().isEmpty();
    m_ui->detectedDialectLabel->setText(found > 0
            ? tr("Detected: %1").arg(m_ui->dialectCombo->itemText(found))
            : tr("Not detected yet: UserDesk asks the server when it opens the profile."));
    m_ui->detectedDialectLabel->setVisible(automatic && !m_embeddedSandbox);
}

void ProfileServerPage::choose(QLineEdit *edit, const QString &title, const QString &filter)
{
    const QString path = QFileDialog::getOpenFileName(this, title, edit->text(), filter);
    if (!path.isEmpty())
        edit->setText(QDir::toNativeSeparators(path));
}

} // namespace UserDesk
