#pragma once

#include "proxysettings.h"

#include <QNetworkProxyFactory>

namespace UserDesk {

// Answers, for each request, where it goes according to ProxySettings: the system's choice (this machine
// always directly), directly, or through the manual proxy unless its host is on the no-proxy list (this
// machine included: list localhost and 127.0.0.1 there to reach it directly).
class ProxyFactory : public QNetworkProxyFactory
{
public:
    ProxyFactory(const ProxySettings &settings, const QString &password);

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;

    // Makes `settings` the application's: every QNetworkAccessManager without a proxy of its own follows
    // them from its next request on.
    static void install(const ProxySettings &settings, const QString &password);

private:
    ProxySettings m_settings;
    QString m_password;
};

} // namespace UserDesk
