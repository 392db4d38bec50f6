#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace UserDesk {

// What a profile shows and trusts in TLS, read from its files: a client certificate with its key (PEM,
// or PKCS#12 with a passphrase), and extra certificate authorities. Every failure is a sentence for the
// person that names the file.
class TlsCredentials
{
    Q_DECLARE_TR_FUNCTIONS(UserDesk::TlsCredentials)

public:
    QSslCertificate certificate;
    QSslKey key;
    QList<QSslCertificate> chain; // intermediates sent along, from the PKCS#12 file or the PEM file

    bool isNull() const { return certificate.isNull(); }

    // The certificate file may hold intermediates after the certificate; an encrypted key (PKCS#8 or
    // the traditional form) is opened with `passphrase`.
    static bool readPem(const QString &certificateFile, const QString &keyFile, const QString &passphrase,
        TlsCredentials *out, QString *why);
    // Whether the PEM key in `keyFile` needs a passphrase (false when it cannot be read).
    static bool isEncryptedPemKey(const QString &keyFile);
    static bool readPkcs12(const QString &file, const QString &passphrase, TlsCredentials *out, QString *why);
    // Every certificate in a PEM file; fails when the file cannot be read or holds none.
    static bool readCaFile(const QString &file, QList<QSslCertificate> *out, QString *why);
    // Whether `key` is the private key of `certificate`.
    static bool keyMatches(const QSslCertificate &certificate, const QSslKey &key);
};

} // namespace UserDesk
