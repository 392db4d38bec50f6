#include "certificatedialog.h"

#include "profilestore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace UserDesk {

namespace {

QString groupedFingerprint(const QString &hex)
{
    QStringList pairs;
    for (int i = 0; i + 1 < hex.size(); i += 2)
        pairs << hex.mid(i, 2).toUpper();
    return pairs.join(QLatin1Char(':'));
}

} // namespace

CertificateDialog::CertificateDialog(
    const CertificateInfo &certificate, const QString &profileName, QWidget *parent)
    : QDialog(parent)
    , m_certificate(certificate)
{
    setObjectName(QStringLiteral("certificateDialog"));
    setWindowTitle(tr("Untrusted certificate"));
    auto *layout = new QVBoxLayout(this);
    auto *intro
        = new QLabel(tr("The server's certificate could not be verified: %1")
                         .arg(certificate.errors.isEmpty() ? tr("unknown reason")
                                                           : certificate.errors.join(QStringLiteral("; "))),
            this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    // Named so that tests and accessibility tools can tell the facts apart.
    auto addRow = [&](const QString &label, const QString &value, const char *name) {
        auto *v = new QLabel(value, this);
        v->setObjectName(QLatin1String(name));
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        v->setWordWrap(true);
        form->addRow(label, v);
    };
    addRow(tr("Subject:"), certificate.subject, "subjectValue");
    addRow(tr("Issuer:"), certificate.issuer, "issuerValue");
    addRow(tr("Valid from:"), certificate.validFrom, "validFromValue");
    addRow(tr("Valid until:"), certificate.validUntil, "validUntilValue");
    addRow(tr("SHA-256:"), groupedFingerprint(certificate.sha256Fingerprint), "fingerprintValue");
    layout->addLayout(form);

    m_trust = new QCheckBox(tr("Trust this certificate for the profile \"%1\"").arg(profileName), this);
    m_trust->setObjectName(QStringLiteral("trustCertificateCheck"));
    layout->addWidget(m_trust);
    auto *note = new QLabel(tr("Only do this when you know the fingerprint belongs to the server, e.g. a "
                               "self-signed test server you set up."),
        this);
    note->setWordWrap(true);
    layout->addWidget(note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttonBox"));
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Trust and retry"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_trust, &QCheckBox::toggled, buttons->button(QDialogButtonBox::Ok), &QWidget::setEnabled);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void CertificateDialog::offerTrust(const ApiError &error, const QString &profileName, QWidget *parent,
    const std::function<void(const QString &sha256Fingerprint)> &trusted)
{
    if (error.kind() != ApiError::Kind::Tls || error.certificate().sha256Fingerprint.isEmpty()
        || profileName.isEmpty())
        return;
    auto *dialog = new CertificateDialog(error.certificate(), profileName, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, dialog, [dialog, trusted] {
        if (dialog->trustChosen())
            trusted(dialog->certificate().sha256Fingerprint);
    });
    dialog->open();
}

bool CertificateDialog::trustChosen() const
{
    return m_trust->isChecked();
}

void CertificateDialog::offerTrustForProfile(const ApiError &error, ProfileStore *store,
    const QString &profileName, QWidget *parent, const std::function<void()> &saved)
{
    offerTrust(error, profileName, parent, [store, profileName, saved](const QString &fingerprint) {
        std::optional<Profile> profile = store->profile(profileName);
        if (!profile)
            return;
        profile->addTrustedCertificate(fingerprint);
        store->saveProfile(*profile);
        store->sync();
        saved();
    });
}

} // namespace UserDesk
