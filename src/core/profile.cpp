#include "profile.h"

namespace UserDesk {

Profile::Profile(const QString &name, const QUrl &baseUrl)
    : m_name(name)
    , m_baseUrl(baseUrl)
{
}

QString Profile::normalizedFingerprint(const QString &fingerprint)
{
    QString hex;
    hex.reserve(64);
    for (const QChar c : fingerprint) {
        // Browsers and openssl print fingerprints as AB:CD:... or in groups; all mean the same digest.
        if (c == u':' || c.isSpace())
            continue;
        const QChar lower = c.toLower();
        if (!((lower >= u'0' && lower <= u'9') || (lower >= u'a' && lower <= u'f')))
            return QString();
        hex.append(lower);
    }
    return hex.size() == 64 ? hex : QString();
}

void Profile::setTrustedCertificates(const QStringList &fingerprints)
{
    m_trustedCertificates.clear();
    for (const QString &fingerprint : fingerprints)
        addTrustedCertificate(fingerprint);
}

void Profile::addTrustedCertificate(const QString &fingerprint)
{
    QString kept = normalizedFingerprint(fingerprint);
    // Something that is not a digest is kept as written so that isValid() can point at it, rather than
    // vanishing from a hand-edited settings file without a word.
    if (kept.isEmpty())
        kept = fingerprint.trimmed().toLower();
    if (!kept.isEmpty() && !m_trustedCertificates.contains(kept))
        m_trustedCertificates.append(kept);
}

void Profile::removeTrustedCertificate(const QString &fingerprint)
{
    const QString normalized = normalizedFingerprint(fingerprint);
    m_trustedCertificates.removeAll(normalized.isEmpty() ? fingerprint.trimmed().toLower() : normalized);
}

bool Profile::trustsCertificate(const QString &fingerprint) const
{
    const QString normalized = normalizedFingerprint(fingerprint);
    return !normalized.isEmpty() && m_trustedCertificates.contains(normalized);
}

bool Profile::isValid(QString *why) const
{
    const auto fail = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };

    if (m_name.trimmed().isEmpty())
        return fail(tr("The profile needs a name."));

    if (!m_embeddedSandbox) {
        const QString scheme = m_baseUrl.scheme();
        if (!m_baseUrl.isValid() || m_baseUrl.isEmpty())
            return fail(tr("The base URL is missing or malformed."));
        if (scheme != u"http" && scheme != u"https")
            return fail(tr("The base URL must start with http:// or https://."));
        if (m_baseUrl.host().isEmpty())
            return fail(tr("The base URL has no host name."));
        // Credentials in the URL would end up in the settings file in clear text.
        if (!m_baseUrl.userInfo().isEmpty())
            return fail(tr("The base URL must not contain a user name or password; use the token field."));
    }

    if (m_pageSize < MinPageSize || m_pageSize > MaxPageSize)
        return fail(tr("The page size must be between %1 and %2.").arg(MinPageSize).arg(MaxPageSize));
    if (m_timeoutMs < MinTimeoutMs || m_timeoutMs > MaxTimeoutMs)
        return fail(tr("The timeout must be between %1 and %2 seconds.")
                        .arg(MinTimeoutMs / 1000)
                        .arg(MaxTimeoutMs / 1000));
    if (m_maxAttempts < MinMaxAttempts || m_maxAttempts > MaxMaxAttempts)
        return fail(
            tr("The number of attempts must be between %1 and %2.").arg(MinMaxAttempts).arg(MaxMaxAttempts));
    if (m_maxInFlight < MinMaxInFlight || m_maxInFlight > MaxMaxInFlight)
        return fail(tr("The number of concurrent requests must be between %1 and %2.")
                        .arg(MinMaxInFlight)
                        .arg(MaxMaxInFlight));

    if (m_clientCertificate != ClientCertificate::None && m_clientCertificateFile.trimmed().isEmpty())
        return fail(tr("The client certificate needs a file."));
    if (m_clientCertificate == ClientCertificate::Pem && m_clientKeyFile.trimmed().isEmpty())
        return fail(tr("The client certificate needs the file of its private key."));

    for (const QString &fingerprint : m_trustedCertificates) {
        if (normalizedFingerprint(fingerprint) != fingerprint)
            return fail(tr("\"%1\" is not a SHA-256 certificate fingerprint.").arg(fingerprint));
    }

    if (why)
        why->clear();
    return true;
}

bool operator==(const Profile &a, const Profile &b)
{
    return a.m_name == b.m_name && a.m_baseUrl == b.m_baseUrl && a.m_pageSize == b.m_pageSize
        && a.m_timeoutMs == b.m_timeoutMs && a.m_maxAttempts == b.m_maxAttempts
        && a.m_maxInFlight == b.m_maxInFlight && a.m_trustedCertificates == b.m_trustedCertificates
        && a.m_embeddedSandbox == b.m_embeddedSandbox && a.m_dialect == b.m_dialect
        && a.detectedDialect() == b.detectedDialect() && a.m_caFile == b.m_caFile
        && a.m_clientCertificate == b.m_clientCertificate
        && a.m_clientCertificateFile == b.m_clientCertificateFile && a.m_clientKeyFile == b.m_clientKeyFile;
}

} // namespace UserDesk
