#include "tlscredentials.h"

#include <QDir>
#include <QFile>
#include <memory>
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

namespace UserDesk {

namespace {

bool readFile(const QString &path, QByteArray *data, QString *why)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *why = TlsCredentials::tr("The file \"%1\" could not be read: %2.")
                   .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    *data = file.readAll();
    return true;
}

struct BioDeleter
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
using Bio = std::unique_ptr<BIO, BioDeleter>;

Bio memoryBio(const QByteArray &data)
{
    return Bio(BIO_new_mem_buf(data.constData(), static_cast<int>(data.size())));
}

} // namespace

bool TlsCredentials::keyMatches(const QSslCertificate &certificate, const QSslKey &key)
{
    if (certificate.isNull() || key.isNull())
        return false;
    const QByteArray certPem = certificate.toPem();
    const QByteArray keyPem = key.toPem();
    Bio certBio = memoryBio(certPem);
    Bio keyBio = memoryBio(keyPem);
    X509 *x509 = PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr);
    EVP_PKEY *pkey = PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr);
    const bool matches = x509 && pkey && X509_check_private_key(x509, pkey) == 1;
    X509_free(x509);
    EVP_PKEY_free(pkey);
    return matches;
}

bool TlsCredentials::isEncryptedPemKey(const QString &keyFile)
{
    QFile file(keyFile);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray data = file.readAll();
    return data.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") || data.contains("Proc-Type: 4,ENCRYPTED");
}

bool TlsCredentials::readPem(const QString &certificateFile, const QString &keyFile,
    const QString &passphrase, TlsCredentials *out, QString *why)
{
    QByteArray certData;
    QByteArray keyData;
    if (!readFile(certificateFile, &certData, why) || !readFile(keyFile, &keyData, why))
        return false;
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(certData, QSsl::Pem);
    if (certificates.isEmpty()) {
        *why = tr("The file \"%1\" holds no certificate in PEM form.")
                   .arg(QDir::toNativeSeparators(certificateFile));
        return false;
    }
    const QString shownKey = QDir::toNativeSeparators(keyFile);
    if (isEncryptedPemKey(keyFile)) {
        if (passphrase.isEmpty()) {
            *why = tr("The private key in \"%1\" is encrypted and needs a passphrase; none was given.")
                       .arg(shownKey);
            return false;
        }
        // OpenSSL opens both encrypted forms; Qt gets the key unencrypted, in memory only.
        Bio in = memoryBio(keyData);
        QByteArray pass = passphrase.toUtf8();
        EVP_PKEY *pkey = PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, pass.data());
        if (!pkey) {
            *why = tr("The passphrase of the private key in \"%1\" is wrong.").arg(shownKey);
            return false;
        }
        Bio plain(BIO_new(BIO_s_mem()));
        const bool written
            = PEM_write_bio_PrivateKey(plain.get(), pkey, nullptr, nullptr, 0, nullptr, nullptr) == 1;
        EVP_PKEY_free(pkey);
        char *bytes = nullptr;
        const long size = written ? BIO_get_mem_data(plain.get(), &bytes) : 0;
        keyData = QByteArray(bytes, int(size));
    }
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : { QSsl::Rsa, QSsl::Ec, QSsl::Dsa }) {
        key = QSslKey(keyData, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *why = tr("The file \"%1\" holds no private key in PEM form.").arg(shownKey);
        return false;
    }
    if (!keyMatches(certificates.constFirst(), key)) {
        *why = tr("The private key in \"%1\" does not belong to the certificate in \"%2\".")
                   .arg(QDir::toNativeSeparators(keyFile), QDir::toNativeSeparators(certificateFile));
        return false;
    }
    out->certificate = certificates.constFirst();
    out->key = key;
    out->chain = certificates.mid(1);
    return true;
}

bool TlsCredentials::readPkcs12(
    const QString &file, const QString &passphrase, TlsCredentials *out, QString *why)
{
    QByteArray data;
    if (!readFile(file, &data, why))
        return false;
    const QString shown = QDir::toNativeSeparators(file);
    {
        // Qt says only "it failed"; OpenSSL tells a damaged file from a wrong passphrase.
        Bio bio = memoryBio(data);
        PKCS12 *p12 = d2i_PKCS12_bio(bio.get(), nullptr);
        if (!p12) {
            *why = tr("The file \"%1\" is not a PKCS#12 file.").arg(shown);
            return false;
        }
        const QByteArray pass = passphrase.toUtf8();
        const bool macOk = PKCS12_verify_mac(p12, pass.constData(), static_cast<int>(pass.size())) == 1
            || (pass.isEmpty() && PKCS12_verify_mac(p12, nullptr, 0) == 1);
        PKCS12_free(p12);
        if (!macOk) {
            *why = passphrase.isEmpty()
                ? tr("The PKCS#12 file \"%1\" needs a passphrase; none was given.").arg(shown)
                : tr("The passphrase of the PKCS#12 file \"%1\" is wrong.").arg(shown);
            return false;
        }
    }
    QFile device(file);
    if (!device.open(QIODevice::ReadOnly)) {
        *why = tr("The file \"%1\" could not be read: %2.").arg(shown, device.errorString());
        return false;
    }
    TlsCredentials read;
    if (!QSslCertificate::importPkcs12(
            &device, &read.key, &read.certificate, &read.chain, passphrase.toUtf8())
        || read.certificate.isNull() || read.key.isNull()) {
        *why = tr("The PKCS#12 file \"%1\" holds no certificate with its private key that UserDesk can use.")
                   .arg(shown);
        return false;
    }
    if (!keyMatches(read.certificate, read.key)) {
        *why = tr("The private key in \"%1\" does not belong to its certificate.").arg(shown);
        return false;
    }
    *out = read;
    return true;
}

bool TlsCredentials::readCaFile(const QString &file, QList<QSslCertificate> *out, QString *why)
{
    QByteArray data;
    if (!readFile(file, &data, why))
        return false;
    const QList<QSslCertificate> found = QSslCertificate::fromData(data, QSsl::Pem);
    if (found.isEmpty()) {
        *why = tr("The file \"%1\" holds no certificate in PEM form.").arg(QDir::toNativeSeparators(file));
        return false;
    }
    *out = found;
    return true;
}

} // namespace UserDesk
