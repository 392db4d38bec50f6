#pragma once

#include <QObject>

namespace UserDesk {

// Desktop notifications through the freedesktop notification service (org.freedesktop.Notifications on
// the session bus, which every Linux desktop provides), used when a long bulk job ends while the window
// is not in front. Nothing happens where there is no session bus.
class JobNotifier : public QObject
{
    Q_OBJECT
public:
    // A job that ran at least this long is worth a notification when it ends unseen.
    static constexpr qint64 MinimumMs = 10000;

    explicit JobNotifier(QObject *parent = nullptr);

    // Sends the notification; false when there is no session bus to send it on.
    bool notify(const QString &summary, const QString &body);
};

} // namespace UserDesk
