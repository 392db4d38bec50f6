#include "proxyfactory.h"

#include <QHostAddress>
#include <QNetworkProxy>

namespace UserDesk {

ProxyFactory::ProxyFactory(const ProxySettings &settings, const QString &password)
    : m_settings(settings)
    , m_password(password)
{
}

QList<QNetworkProxy> ProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    switch (m_settings.mode) {
    case ProxySettings::Mode::System: {
        // As Qt's application-wide settings do: this machine is never reached through the environment's
        // proxy (a local json-server stays reachable with http_proxy set).
        const QString host = query.peerHostName();
        QHostAddress address;
        if (host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost"))
            || (address.setAddress(host) && address.isLoopback()))
            return { QNetworkProxy(QNetworkProxy::NoProxy) };
        return systemProxyForQuery(query);
    }
    case ProxySettings::Mode::None:
        return { QNetworkProxy(QNetworkProxy::NoProxy) };
    case ProxySettings::Mode::Manual:
        break;
    }
    if (m_settings.bypasses(query.peerHostName()))
        return { QNetworkProxy(QNetworkProxy::NoProxy) };
    QNetworkProxy proxy(m_settings.type == ProxySettings::Type::Socks5 ? QNetworkProxy::Socks5Proxy
                                                                       : QNetworkProxy::HttpProxy,
        m_settings.host.trimmed(), static_cast<quint16>(m_settings.port), m_settings.user, m_password);
    return { proxy };
}

void ProxyFactory::install(const ProxySettings &settings, const QString &password)
{
    // Takes ownership and deletes the factory it replaces.
    QNetworkProxyFactory::setApplicationProxyFactory(new ProxyFactory(settings, password));
}

} // namespace UserDesk
