#pragma once

#include "apierror.h"

#include <QDialog>
#include <functional>

class QCheckBox;

namespace UserDesk {

class ProfileStore;

// Shows a certificate the connection refused and lets the person trust it for one profile, by its
// SHA-256 fingerprint, instead of turning verification off.
class CertificateDialog : public QDialog
{
    Q_OBJECT
public:
    CertificateDialog(
        const CertificateInfo &certificate, const QString &profileName, QWidget *parent = nullptr);

    // When `error` is a TLS error with a certificate, asks whether to trust it for `profileName`;
    // `trusted` gets its fingerprint if the person chose to.
    static void offerTrust(const ApiError &error, const QString &profileName, QWidget *parent,
        const std::function<void(const QString &sha256Fingerprint)> &trusted);
    // The same, and a trusted certificate is saved in the profile in `store`; `saved` runs after that.
    static void offerTrustForProfile(const ApiError &error, ProfileStore *store, const QString &profileName,
        QWidget *parent, const std::function<void()> &saved);

    bool trustChosen() const;
    CertificateInfo certificate() const { return m_certificate; }

private:
    CertificateInfo m_certificate;
    QCheckBox *m_trust;
};

} // namespace UserDesk
