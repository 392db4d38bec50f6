#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace UserDesk {

// How UserDesk reaches servers: through the system's proxy settings (the environment's http_proxy,
// https_proxy and no_proxy, or the desktop's), directly, or through one proxy given by hand. One for the
// whole application, as desktop REST clients keep it; the password is not here but in TokenStore
// (Secret::ProxyPassword).
class ProxySettings
{
    Q_DECLARE_TR_FUNCTIONS(UserDesk::ProxySettings)

public:
    enum class Mode { System, None, Manual };
    enum class Type { Http, Socks5 };

    Mode mode = Mode::System;
    Type type = Type::Http;
    QString host;
    int port = 3128;
    QString user;
    // Hosts and domains reached directly: "example.com" also covers its subdomains, ".example.com" only
    // them, "*" every host; an IP address matches itself.
    QStringList noProxy;

    // Takes a list as people write it: separated by commas, semicolons, spaces or new lines.
    static QStringList parseNoProxy(const QString &text);
    bool bypasses(const QString &host) const;

    bool isValid(QString *why = nullptr) const;

    friend bool operator==(const ProxySettings &a, const ProxySettings &b);
    friend bool operator!=(const ProxySettings &a, const ProxySettings &b) { return !(a == b); }
};

} // namespace UserDesk
