#include "sandboxconfig.h"

#include <QDir>
#include <QRandomGenerator>
#include <QStandardPaths>

namespace UserDesk {

std::optional<SandboxRateLimit> SandboxRateLimit::parse(QStringView text)
{
    SandboxRateLimit result;
    if (text == u"off" || text == u"0") {
        result.limit = 0;
        return result;
    }
    const qsizetype slash = text.indexOf(u'/');
    if (slash < 0)
        return std::nullopt;
    bool okLimit = false;
    bool okWindow = false;
    result.limit = text.left(slash).toInt(&okLimit);
    result.windowSeconds = text.mid(slash + 1).toInt(&okWindow);
    if (!okLimit || !okWindow || result.limit < 0 || result.windowSeconds <= 0)
        return std::nullopt;
    return result;
}

QString SandboxRateLimit::toString() const
{
    if (!isEnabled())
        return QStringLiteral("off");
    return QString::number(limit) + QLatin1Char('/') + QString::number(windowSeconds);
}

QString SandboxConfig::defaultDataPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir.isEmpty() ? QDir::tempPath() : dir).filePath(QStringLiteral("sandbox.sqlite"));
}

QString SandboxConfig::generateToken()
{
    // The system generator draws from the OS's CSPRNG: tokens are secrets, not test data.
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(
        reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / int(sizeof(quint32)));
    return QString::fromLatin1(bytes.toHex());
}

} // namespace UserDesk
