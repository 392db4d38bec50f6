#include "jobnotifier.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QGuiApplication>
#include <QVariantMap>

namespace UserDesk {

JobNotifier::JobNotifier(QObject *parent)
    : QObject(parent)
{
}

bool JobNotifier::notify(const QString &summary, const QString &body)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.Notifications"),
        QStringLiteral("/org/freedesktop/Notifications"), QStringLiteral("org.freedesktop.Notifications"),
        QStringLiteral("Notify"));
    QVariantMap hints;
    if (!QGuiApplication::desktopFileName().isEmpty())
        hints.insert(QStringLiteral("desktop-entry"), QGuiApplication::desktopFileName());
    // app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout (-1: the server's).
    call << QGuiApplication::applicationDisplayName() << uint(0) << QStringLiteral("userdesk") << summary
         << body << QStringList() << hints << int(-1);
    // Not waited for: a desktop without the service must not hold up the window.
    return bus.send(call);
}

} // namespace UserDesk
