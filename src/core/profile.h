#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace UserDesk {

// One endpoint the person works with, and how UserDesk talks to it. Holds no token: tokens live in
// TokenStore, keyed by the profile's name.
class Profile
{
    Q_DECLARE_TR_FUNCTIONS(UserDesk::Profile)

public:
    static constexpr int DefaultPageSize = 20;
    static constexpr int MinPageSize = 1;
    static constexpr int MaxPageSize = 100; // GoRest refuses larger pages
    static constexpr int DefaultTimeoutMs = 30000;
    static constexpr int MinTimeoutMs = 1000;
    static constexpr int MaxTimeoutMs = 600000;
    static constexpr int DefaultMaxAttempts = 5; // including the first try, as RetryPolicy counts
    static constexpr int MinMaxAttempts = 1;
    static constexpr int MaxMaxAttempts = 20;
    static constexpr int DefaultMaxInFlight = 6; // QNAM's HTTP/1.1 connections per host
    static constexpr int MinMaxInFlight = 1;
    static constexpr int MaxMaxInFlight = 64;

    Profile() = default;
    explicit Profile(const QString &name, const QUrl &baseUrl = QUrl());

    QString name() const { return m_name; }
    void setName(const QString &name) { m_name = name; }

    // For an embedded-sandbox profile this is only what was last used; the real URL is known at run time.
    QUrl baseUrl() const { return m_baseUrl; }
    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }

    int pageSize() const { return m_pageSize; }
    void setPageSize(int size) { m_pageSize = size; }

    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    int maxAttempts() const { return m_maxAttempts; }
    void setMaxAttempts(int attempts) { m_maxAttempts = attempts; }

    int maxInFlight() const { return m_maxInFlight; }
    void setMaxInFlight(int requests) { m_maxInFlight = requests; }

    // SHA-256 fingerprints, 64 lower-case hex digits each, of certificates the person chose to trust for
    // this profile only. The setter accepts any case and ':' or space separators, and drops duplicates.
    QStringList trustedCertificates() const { return m_trustedCertificates; }
    void setTrustedCertificates(const QStringList &fingerprints);
    void addTrustedCertificate(const QString &fingerprint);
    void removeTrustedCertificate(const QString &fingerprint);
    bool trustsCertificate(const QString &fingerprint) const;

    // The server's dialect by name (Dialect::names()), or empty: find it out on first contact.
    QString dialect() const { return m_dialect; }
    void setDialect(const QString &name) { m_dialect = name; }
    // For a profile that leaves the dialect open: what the first contact with `url` found, so that the
    // next start does not ask again. Empty once the profile points elsewhere.
    QString detectedDialect() const { return m_detectedFor == m_baseUrl ? m_detectedDialect : QString(); }
    void setDetectedDialect(const QString &name, const QUrl &url)
    {
        m_detectedDialect = name;
        m_detectedFor = url;
    }
    // What the profile's requests speak: the dialect it names, else the one found, else empty.
    QString effectiveDialect() const { return m_dialect.isEmpty() ? detectedDialect() : m_dialect; }

    // Certificate authorities (a PEM file) this profile trusts besides the system's.
    QString caFile() const { return m_caFile; }
    void setCaFile(const QString &path) { m_caFile = path; }

    // The certificate this profile shows a server that asks for one: none, a PEM certificate with its
    // PEM key, or a PKCS#12 file. The passphrase of the PKCS#12 file or of an encrypted PEM key lives in
    // TokenStore (Secret::CertificatePassphrase).
    enum class ClientCertificate { None, Pem, Pkcs12 };
    ClientCertificate clientCertificate() const { return m_clientCertificate; }
    void setClientCertificate(ClientCertificate kind) { m_clientCertificate = kind; }
    // The PEM certificate or the PKCS#12 file.
    QString clientCertificateFile() const { return m_clientCertificateFile; }
    void setClientCertificateFile(const QString &path) { m_clientCertificateFile = path; }
    // The PEM private key; unused for PKCS#12.
    QString clientKeyFile() const { return m_clientKeyFile; }
    void setClientKeyFile(const QString &path) { m_clientKeyFile = path; }

    bool isEmbeddedSandbox() const { return m_embeddedSandbox; }
    void setEmbeddedSandbox(bool embedded) { m_embeddedSandbox = embedded; }

    // Says why not, in words fit to show the person, when `why` is given.
    bool isValid(QString *why = nullptr) const;

    // Lower-case hex without separators, or an empty string when `fingerprint` is not a SHA-256 digest.
    static QString normalizedFingerprint(const QString &fingerprint);

    friend bool operator==(const Profile &a, const Profile &b);
    friend bool operator!=(const Profile &a, const Profile &b) { return !(a == b); }

private:
    QString m_name;
    QUrl m_baseUrl;
    int m_pageSize = DefaultPageSize;
    int m_timeoutMs = DefaultTimeoutMs;
    int m_maxAttempts = DefaultMaxAttempts;
    int m_maxInFlight = DefaultMaxInFlight;
    QStringList m_trustedCertificates;
    bool m_embeddedSandbox = false;
    QString m_dialect;
    QString m_detectedDialect;
    QUrl m_detectedFor;
    QString m_caFile;
    ClientCertificate m_clientCertificate = ClientCertificate::None;
    QString m_clientCertificateFile;
    QString m_clientKeyFile;
};

} // namespace UserDesk
