#include "proxysettings.h"

#include <QRegularExpression>

namespace UserDesk {

QStringList ProxySettings::parseNoProxy(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QStringList entries;
    for (const QString &entry : text.split(separators, Qt::SkipEmptyParts)) {
        const QString kept = entry.trimmed().toLower();
        if (!kept.isEmpty() && !entries.contains(kept))
            entries.append(kept);
    }
    return entries;
}

bool ProxySettings::bypasses(const QString &host) const
{
    QString name = host.toLower();
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']')))
        name = name.mid(1, name.size() - 2);
    for (QString entry : noProxy) {
        if (entry == QLatin1String("*"))
            return true;
        if (entry.startsWith(QLatin1String("*.")))
            entry.remove(0, 1);
        if (entry.startsWith(QLatin1Char('.'))) {
            if (name.endsWith(entry))
                return true;
            continue;
        }
        if (name == entry || name.endsWith(QLatin1Char('.') + entry))
            return true;
    }
    return false;
}

bool ProxySettings::isValid(QString *why) const
{
    const auto fail = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (mode == Mode::Manual) {
        if (host.trimmed().isEmpty())
            return fail(tr("The proxy needs a host name."));
        if (host.contains(QLatin1Char('/')) || host.contains(QLatin1Char(' ')))
            return fail(tr("The proxy's host must be a name or an address, without a scheme or a path."));
        if (port < 1 || port > 65535)
            return fail(tr("The proxy's port must be between 1 and 65535."));
    }
    if (why)
        why->clear();
    return true;
}

bool operator==(const ProxySettings &a, const ProxySettings &b)
{
    return a.mode == b.mode && a.type == b.type && a.host == b.host && a.port == b.port && a.user == b.user
        && a.noProxy == b.noProxy;
}

} // namespace UserDesk
