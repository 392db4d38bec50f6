#pragma once

#include "apierror.h"

#include <QDialog>

class QCheckBox;

namespace UserDesk {

// Shows a certificate the connection refused and lets the person trust it for one profile, by its
// SHA-256 fingerprint, instead of turning verification off.
class CertificateDialog : public QDialog
{
    Q_OBJECT
public:
    CertificateDialog(
        const CertificateInfo &certificate, const QString &profileName, QWidget *parent = nullptr);

    bool trustChosen() const;
    CertificateInfo certificate() const { return m_certificate; }

private:
    CertificateInfo m_certificate;
    QCheckBox *m_trust;
};

} // namespace UserDesk
