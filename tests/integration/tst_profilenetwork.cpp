#include "apiclient.h"
#include "connectioncheck.h"
#include "connectiontest.h"
#include "jsonserverfixture.h"
#include "localdaemon.h"
#include "profile.h"
#include "profilestore.h"
#include "proxysettings.h"
#include "sandboxfixture.h"
#include "sessioncontroller.h"
#include "tlscredentials.h"
#include "tokenstore.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace UserDesk;

// A profile's TLS files and the application's proxy, through SessionController as the window opens a
// profile, against real daemons: nginx with a private CA (and one that requires a client certificate),
// squid with basic authentication, microsocks (SOCKS5 with a user and password).
class TestProfileNetwork : public QObject
{
    Q_OBJECT

private:
    struct Outcome
    {
        bool connected = false;
        bool listed = false;
        int users = 0;
        QString error; // the request's, for the person
        QStringList problems; // what SessionController said about the profile's files and secrets
        std::optional<Dialect> detected; // what the session's probe said
        std::optional<Dialect> remembered; // SessionController::detectedDialect() once connected
        Dialect used; // the client's dialect once connected
    };

    QTemporaryDir m_dir;
    QTemporaryDir m_pki;
    std::unique_ptr<SandboxFixture> m_sandbox;

    QString pki(const char *name) const { return m_pki.filePath(QString::fromLatin1(name)); }

    // Opens `profile` as the window does, with `secrets` in the (session) store, and lists a page.
    // With `store`, the session keeps what it finds out there, as the window's does.
    Outcome open(const Profile &profile, const ProxySettings &proxy = {},
        const QList<std::pair<TokenStore::Secret, QString>> &secrets = {}, ProfileStore *store = nullptr)
    {
        Outcome outcome;
        TokenStore tokens(TokenStore::KeychainUse::Disabled, m_dir.path());
        tokens.setFallback(TokenStore::Backend::SessionOnly);
        const auto write = [&](TokenStore::Secret kind, const QString &value) {
            bool done = false;
            tokens.writeSecret(
                kind, profile.name(), value, &tokens, [&](const TokenResult &) { done = true; });
            return QTest::qWaitFor([&] { return done; }, 5000);
        };
        bool ok = write(TokenStore::Secret::Token, m_sandbox->token());
        for (const auto &[kind, value] : secrets)
            ok = ok && write(kind, value);
        if (!ok) {
            outcome.error = QStringLiteral("the secrets were not written");
            return outcome;
        }
        ApiClient client;
        SessionController session(&client, &tokens);
        session.setProfileStore(store);
        QObject::connect(&session, &SessionController::setupProblem, &session,
            [&](const QString &text) { outcome.problems << text; });
        QObject::connect(
            &session, &SessionController::connected, &session, [&] { outcome.connected = true; });
        QObject::connect(&session, &SessionController::dialectDetected, &session,
            [&](const Dialect &dialect) { outcome.detected = dialect; });
        bool finished = false;
        QObject::connect(&client, &ApiClient::usersPageReceived, &client, [&](auto, const UsersPage &page) {
            outcome.listed = true;
            outcome.users = int(page.users.size());
            finished = true;
        });
        QObject::connect(&client, &ApiClient::requestFailed, &client, [&](auto, const ApiError &error) {
            outcome.error = error.userMessage();
            finished = outcome.connected; // before, the dialect's probe: the list says it again
        });
        session.open(profile, proxy);
        if (!QTest::qWaitFor([&] { return outcome.connected; }, 30000)) {
            outcome.error = QStringLiteral("never connected");
            return outcome;
        }
        outcome.remembered = session.detectedDialect();
        outcome.used = client.dialect();
        client.listUsers(1, 5);
        if (!QTest::qWaitFor([&] { return finished; }, 30000))
            outcome.error = QStringLiteral("the list never ended");
        return outcome;
    }

    // userdesk-cli with `profile` saved in a settings file of its own; exit code and standard error.
    std::pair<int, QString> cli(const Profile &profile, const QStringList &args)
    {
        const QString settings = m_dir.filePath(QStringLiteral("cli.ini"));
        QFile::remove(settings);
        {
            ProfileStore store(settings);
            if (!store.saveProfile(profile) || !store.sync())
                return { -1, QStringLiteral("the profile was not saved") };
        }
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("USERDESK_TOKEN"), m_sandbox->token());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(USERDESK_CLI_PATH),
            QStringList { QStringLiteral("--settings"), settings, QStringLiteral("--profile"), profile.name(),
                QStringLiteral("--no-keychain") }
                + args);
        // The sandbox answers from this process's threads; waiting here blocks nothing it needs.
        if (!p.waitForFinished(60000))
            return { -2, QStringLiteral("userdesk-cli did not finish") };
        return { p.exitCode(), QString::fromUtf8(p.readAllStandardError()) };
    }

    Profile profileFor(const QUrl &url) const
    {
        Profile profile(QStringLiteral("Behind"), url);
        profile.setDialect(QStringLiteral("gorest"));
        profile.setMaxAttempts(1);
        return profile;
    }

    bool startNginx(LocalDaemon &nginx, quint16 port, bool requireClientCertificate)
    {
        const QString config = QStringLiteral(R"(
user root;
worker_processes 1;
daemon off;
pid {DIR}/nginx.pid;
error_log {DIR}/error.log;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path {DIR}/body;
    proxy_temp_path {DIR}/proxy;
    fastcgi_temp_path {DIR}/fastcgi;
    uwsgi_temp_path {DIR}/uwsgi;
    scgi_temp_path {DIR}/scgi;
    server {
        listen 127.0.0.1:%1 ssl;
        ssl_certificate %2/server.pem;
        ssl_certificate_key %2/server.key;
        %4
        location / { proxy_pass http://127.0.0.1:%3; }
    }
}
)")
                                   .arg(port)
                                   .arg(m_pki.path())
                                   .arg(m_sandbox->baseUrl().port())
                                   .arg(requireClientCertificate ? QStringLiteral(
                                            "ssl_verify_client on; ssl_client_certificate %1;")
                                                                       .arg(pki("ca.pem"))
                                                                 : QString());
        return nginx.start(QStringLiteral("nginx"),
            { QStringLiteral("-p"), nginx.dir(), QStringLiteral("-c"), QStringLiteral("{CONFIG}") },
            QStringLiteral("nginx.conf"), config, port);
    }

    QUrl httpsUrl(quint16 port) const
    {
        QUrl url = m_sandbox->baseUrl();
        url.setScheme(QStringLiteral("https"));
        url.setPort(port);
        return url;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_pki.isValid());
        m_sandbox = std::make_unique<SandboxFixture>();
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        // A private CA, a server certificate for 127.0.0.1, a client certificate (PEM, and PKCS#12 with
        // a passphrase), and a key that belongs to neither.
        QProcess openssl;
        openssl.setWorkingDirectory(m_pki.path());
        openssl.setProcessChannelMode(QProcess::MergedChannels);
        openssl.start(QStringLiteral("/bin/sh"),
            { QStringLiteral("-ec"),
                QStringLiteral(
                    "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 "
                    "-subj '/CN=UserDesk Test CA' 2>/dev/null\n"
                    "openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr "
                    "-subj '/CN=127.0.0.1' 2>/dev/null\n"
                    "printf 'subjectAltName=IP:127.0.0.1\\nbasicConstraints=CA:FALSE\\n' > ext.cnf\n"
                    "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out "
                    "server.pem "
                    "-days 2 -extfile ext.cnf 2>/dev/null\n"
                    "openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr "
                    "-subj '/CN=UserDesk Client' 2>/dev/null\n"
                    "openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out "
                    "client.pem "
                    "-days 2 2>/dev/null\n"
                    "openssl pkcs12 -export -inkey client.key -in client.pem -out client.p12 "
                    "-passout pass:open-sesame\n"
                    "openssl genrsa -out other.key 2048 2>/dev/null\n"
                    // The client's key encrypted, as PKCS#8 and in the traditional form.
                    "openssl pkey -in client.key -aes256 -passout pass:pem-sesame -out client-pkcs8.key\n"
                    "openssl rsa -in client.key -aes128 -traditional -passout pass:pem-sesame "
                    "-out client-traditional.key 2>/dev/null\n") });
        QVERIFY(openssl.waitForFinished(60000));
        QVERIFY2(openssl.exitCode() == 0, openssl.readAll().constData());
    }

    void automaticDialectIsFoundOnFirstContact()
    {
        // The window used GoRest's paging whatever the profile said; "Automatic" asks first.
        // json-server 0.17: 1.x gives string ids, which the users code reads once branch i11ids is in.
        JsonServerFixture server(JsonServerFixture::Version::V0_17);
        QVERIFY2(server.start(JsonServerFixture::users(30)), qPrintable(server.errorString()));
        Profile profile(QStringLiteral("Json"), server.baseUrl());
        const Outcome automatic = open(profile);
        QVERIFY2(automatic.detected.has_value(), qPrintable(automatic.error + automatic.problems.join(u' ')));
        QCOMPARE(automatic.detected->kind(), Dialect::Kind::JsonServer017);
        QVERIFY2(automatic.listed, qPrintable(automatic.error));
        QCOMPARE(automatic.users, 5);

        profile.setDialect(QStringLiteral("json-server-0.17"));
        const Outcome named = open(profile);
        QVERIFY(!named.detected.has_value()); // no probe: the profile says it
        QVERIFY2(named.listed, qPrintable(named.error));
        QCOMPARE(named.users, 5);
    }

    void caFileOfTheProfileIsTrusted()
    {
        const quint16 port = LocalDaemon::freePort();
        LocalDaemon nginx;
        QVERIFY2(startNginx(nginx, port, false), qPrintable(nginx.errorString()));
        Profile profile = profileFor(httpsUrl(port));

        const Outcome untrusted = open(profile);
        QVERIFY(!untrusted.listed);
        QVERIFY2(!untrusted.error.isEmpty(), "an unknown authority was accepted");

        profile.setCaFile(pki("ca.pem"));
        const Outcome trusted = open(profile);
        QVERIFY2(trusted.listed, qPrintable(trusted.error + trusted.problems.join(u' ')));
        QCOMPARE(trusted.users, 5);

        profile.setCaFile(m_dir.filePath(QStringLiteral("missing.pem")));
        const Outcome missing = open(profile);
        QVERIFY2(missing.problems.join(u' ').contains(QStringLiteral("could not be read")),
            qPrintable(missing.problems.join(u' ')));
    }

    void clientCertificateRequiredByNginx()
    {
        const quint16 port = LocalDaemon::freePort();
        LocalDaemon nginx;
        QVERIFY2(startNginx(nginx, port, true), qPrintable(nginx.errorString()));
        Profile profile = profileFor(httpsUrl(port));
        profile.setCaFile(pki("ca.pem"));

        const Outcome none = open(profile);
        QVERIFY(!none.listed);
        QVERIFY2(none.error.contains(QStringLiteral("asks for a client certificate and none was shown")),
            qPrintable(none.error));

        profile.setClientCertificate(Profile::ClientCertificate::Pem);
        profile.setClientCertificateFile(pki("client.pem"));
        profile.setClientKeyFile(pki("client.key"));
        const Outcome pem = open(profile);
        QVERIFY2(pem.listed, qPrintable(pem.error + pem.problems.join(u' ')));
        QCOMPARE(pem.users, 5);

        profile.setClientKeyFile(pki("other.key"));
        const Outcome mismatched = open(profile);
        QVERIFY(!mismatched.listed);
        QVERIFY2(
            mismatched.problems.join(u' ').contains(QStringLiteral("does not belong to the certificate")),
            qPrintable(mismatched.problems.join(u' ')));

        // userdesk-cli shows the profile's certificate too, and stops with the reason when it cannot.
        const QStringList list { QStringLiteral("users"), QStringLiteral("list") };
        profile.setClientKeyFile(pki("client.key"));
        const auto [cliExit, cliSaid] = cli(profile, list);
        QVERIFY2(cliExit == 0, qPrintable(cliSaid));
        profile.setClientKeyFile(pki("other.key"));
        const auto [cliMismatchExit, cliMismatchSaid] = cli(profile, list);
        QVERIFY(cliMismatchExit != 0);
        QVERIFY2(cliMismatchSaid.contains(QStringLiteral("does not belong to the certificate")),
            qPrintable(cliMismatchSaid));

        profile.setClientCertificate(Profile::ClientCertificate::Pkcs12);
        profile.setClientCertificateFile(pki("client.p12"));
        profile.setClientKeyFile(QString());
        const Outcome pkcs12 = open(
            profile, {}, { { TokenStore::Secret::CertificatePassphrase, QStringLiteral("open-sesame") } });
        QVERIFY2(pkcs12.listed, qPrintable(pkcs12.error + pkcs12.problems.join(u' ')));
        QCOMPARE(pkcs12.users, 5);

        const Outcome wrong
            = open(profile, {}, { { TokenStore::Secret::CertificatePassphrase, QStringLiteral("guess") } });
        QVERIFY(!wrong.listed);
        QVERIFY2(wrong.problems.join(u' ').contains(QStringLiteral("passphrase of the PKCS#12 file")),
            qPrintable(wrong.problems.join(u' ')));
        QVERIFY2(wrong.problems.join(u' ').contains(QStringLiteral("is wrong")),
            qPrintable(wrong.problems.join(u' ')));

        profile.setClientCertificateFile(pki("client.pem"));
        QString why;
        TlsCredentials credentials;
        QVERIFY(!TlsCredentials::readPkcs12(pki("client.pem"), QStringLiteral("x"), &credentials, &why));
        QVERIFY2(why.contains(QStringLiteral("is not a PKCS#12 file")), qPrintable(why));
        QVERIFY(!TlsCredentials::readPkcs12(pki("absent.p12"), QStringLiteral("x"), &credentials, &why));
        QVERIFY2(why.contains(QStringLiteral("could not be read")), qPrintable(why));
    }

    void detectedDialectIsKeptInTheProfile_data()
    {
        QTest::addColumn<int>("server"); // -1: the sandbox, else a JsonServerFixture::Version
        QTest::addColumn<int>("kind");
        QTest::newRow("json-server 1.x")
            << int(JsonServerFixture::Version::V1) << int(Dialect::Kind::JsonServer1);
        QTest::newRow("sandbox") << -1 << int(Dialect::Kind::GoRestV2);
    }

    void detectedDialectIsKeptInTheProfile()
    {
        // An "Automatic" profile asked the server on every start; what it finds is now kept, so that the
        // next start goes straight to the first page.
        QFETCH(int, server);
        QFETCH(int, kind);
        std::unique_ptr<JsonServerFixture> jsonServer;
        QUrl url = m_sandbox->baseUrl();
        if (server >= 0) {
            jsonServer = std::make_unique<JsonServerFixture>(JsonServerFixture::Version(server));
            QVERIFY2(
                jsonServer->start(JsonServerFixture::users(30, true)), qPrintable(jsonServer->errorString()));
            url = jsonServer->baseUrl();
        }
        const QString settings = m_dir.filePath(QStringLiteral("detected.ini"));
        QFile::remove(settings);
        ProfileStore store(settings);
        QVERIFY(store.saveProfile(Profile(QStringLiteral("Found"), url)));

        const Outcome first = open(*store.profile(QStringLiteral("Found")), {}, {}, &store);
        QVERIFY2(first.detected.has_value(), qPrintable(first.error + first.problems.join(u' ')));
        QCOMPARE(int(first.detected->kind()), kind);
        QCOMPARE(int(first.used.kind()), kind);
        QVERIFY(first.remembered.has_value());
        QCOMPARE(int(first.remembered->kind()), kind);
        if (server < 0) {
            QVERIFY2(first.listed, qPrintable(first.error));
            QCOMPARE(first.users, 5);
        }

        // Kept in the settings file: a fresh store (the next start) knows it, and the session asks nothing.
        const std::optional<Profile> kept = ProfileStore(settings).profile(QStringLiteral("Found"));
        QVERIFY(kept.has_value());
        QVERIFY(kept->dialect().isEmpty()); // still "Automatic"
        QCOMPARE(kept->detectedDialect(), Dialect(Dialect::Kind(kind)).name());
        const Outcome next = open(*kept, {}, {}, &store);
        QVERIFY2(next.connected, qPrintable(next.error));
        QVERIFY(!next.detected.has_value()); // no probe
        QCOMPARE(int(next.used.kind()), kind);
        QVERIFY(next.remembered.has_value());
        QCOMPARE(int(next.remembered->kind()), kind);

        // Pointed elsewhere, the profile finds out again.
        Profile moved = *kept;
        QUrl elsewhere = url;
        elsewhere.setPath(url.path() + QStringLiteral("/other"));
        moved.setBaseUrl(elsewhere);
        QVERIFY(moved.detectedDialect().isEmpty());
        QVERIFY(store.saveProfile(moved));
        QVERIFY(ProfileStore(settings).profile(QStringLiteral("Found"))->detectedDialect().isEmpty());
    }

    void encryptedPemKeyRequiredByNginx_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("PKCS#8") << QStringLiteral("client-pkcs8.key");
        QTest::newRow("traditional") << QStringLiteral("client-traditional.key");
    }

    void encryptedPemKeyRequiredByNginx()
    {
        // An encrypted PEM key was refused as "no unencrypted private key"; its passphrase now comes from
        // the keychain, as a PKCS#12 file's does.
        QFETCH(QString, key);
        const quint16 port = LocalDaemon::freePort();
        LocalDaemon nginx;
        QVERIFY2(startNginx(nginx, port, true), qPrintable(nginx.errorString()));
        Profile profile = profileFor(httpsUrl(port));
        profile.setCaFile(pki("ca.pem"));
        profile.setClientCertificate(Profile::ClientCertificate::Pem);
        profile.setClientCertificateFile(pki("client.pem"));
        profile.setClientKeyFile(m_pki.filePath(key));
        QVERIFY(SessionController::needsPassphrase(profile));

        const Outcome opened = open(
            profile, {}, { { TokenStore::Secret::CertificatePassphrase, QStringLiteral("pem-sesame") } });
        QVERIFY2(opened.listed, qPrintable(opened.error + opened.problems.join(u' ')));
        QCOMPARE(opened.users, 5);
        QVERIFY(opened.problems.isEmpty());

        const Outcome wrong
            = open(profile, {}, { { TokenStore::Secret::CertificatePassphrase, QStringLiteral("guess") } });
        QVERIFY(!wrong.listed);
        QVERIFY2(wrong.problems.join(u' ').contains(QStringLiteral("passphrase of the private key")),
            qPrintable(wrong.problems.join(u' ')));
        QVERIFY2(wrong.problems.join(u' ').contains(QStringLiteral("is wrong")),
            qPrintable(wrong.problems.join(u' ')));

        const Outcome none = open(profile);
        QVERIFY(!none.listed);
        QVERIFY2(none.problems.join(u' ').contains(QStringLiteral("is encrypted and needs a passphrase")),
            qPrintable(none.problems.join(u' ')));

        // The unencrypted key needs none.
        profile.setClientKeyFile(pki("client.key"));
        QVERIFY(!SessionController::needsPassphrase(profile));
    }

    void manualProxyThroughSquid()
    {
        const quint16 port = LocalDaemon::freePort();
        LocalDaemon squid;
        // squid started by root works as the user proxy: it must be able to write its logs and read the
        // password file.
        QFile::setPermissions(squid.dir(),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
                | QFileDevice::WriteOther | QFileDevice::ExeOther);
        QProcess passwd;
        passwd.start(QStringLiteral("openssl"),
            { QStringLiteral("passwd"), QStringLiteral("-apr1"), QStringLiteral("s3cret") });
        QVERIFY(passwd.waitForFinished(20000));
        QCOMPARE(passwd.exitCode(), 0);
        QFile htpasswd(squid.dir() + QStringLiteral("/htpasswd"));
        QVERIFY(htpasswd.open(QIODevice::WriteOnly));
        htpasswd.write("alice:" + passwd.readAllStandardOutput());
        htpasswd.close();
        htpasswd.setPermissions(htpasswd.permissions() | QFileDevice::ReadOther);
        const QString config
            = QStringLiteral("http_port 127.0.0.1:%1\n"
                             "pid_filename {DIR}/squid.pid\n"
                             "access_log stdio:{DIR}/access.log\n"
                             "cache_log {DIR}/cache.log\n"
                             "cache_store_log none\n"
                             "cache deny all\n"
                             "coredump_dir {DIR}\n"
                             "shutdown_lifetime 0 seconds\n"
                             "auth_param basic program /usr/lib/squid/basic_ncsa_auth {DIR}/htpasswd\n"
                             "auth_param basic realm UserDesk test\n"
                             "acl authenticated proxy_auth REQUIRED\n"
                             "http_access allow authenticated\n"
                             "http_access deny all\n")
                  .arg(port);
        QVERIFY2(squid.start(QStringLiteral("squid"),
                     { QStringLiteral("-N"), QStringLiteral("-f"), QStringLiteral("{CONFIG}") },
                     QStringLiteral("squid.conf"), config, port, 60000),
            qPrintable(squid.errorString() + squid.output()));
        const auto accessLog = [&squid] {
            QFile log(squid.dir() + QStringLiteral("/access.log"));
            return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
        };

        ProxySettings proxy;
        proxy.mode = ProxySettings::Mode::Manual;
        proxy.type = ProxySettings::Type::Http;
        proxy.host = QStringLiteral("127.0.0.1");
        proxy.port = port;
        proxy.user = QStringLiteral("alice");
        const Profile profile = profileFor(m_sandbox->baseUrl());

        const Outcome through
            = open(profile, proxy, { { TokenStore::Secret::ProxyPassword, QStringLiteral("s3cret") } });
        QVERIFY2(through.listed, qPrintable(through.error + through.problems.join(u' ')));
        QVERIFY(QTest::qWaitFor([&] { return accessLog().contains("/public/v2/users"); }, 10000));
        QVERIFY2(accessLog().contains("alice"), accessLog().constData());

        // Preferences' "Test connection" goes the same way: through squid, with the password kept in the
        // keychain, or as typed.
        const auto check = [&](std::optional<QString> typedPassword) {
            TokenStore tokens(TokenStore::KeychainUse::Disabled, m_dir.path());
            tokens.setFallback(TokenStore::Backend::SessionOnly);
            bool written = false;
            tokens.writeSecret(TokenStore::Secret::ProxyPassword, QString(), QStringLiteral("s3cret"),
                &tokens, [&](const TokenResult &) { written = true; });
            ConnectionTest test(&tokens);
            std::optional<ConnectionCheck::Result> result;
            QObject::connect(&test, &ConnectionTest::finished, &test,
                [&](const ConnectionCheck::Result &r) { result = r; });
            QObject::connect(
                &test, &ConnectionTest::refused, &test, [&](const QString &) { result.emplace(); });
            if (!QTest::qWaitFor([&] { return written; }, 5000))
                return ConnectionCheck::Result();
            test.start(
                { profile, profile.baseUrl(), m_sandbox->token(), proxy, QString(), typedPassword, {} });
            if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
                return ConnectionCheck::Result();
            return *result;
        };
        const QByteArray beforeCheck = accessLog();
        const ConnectionCheck::Result checked = check(std::nullopt);
        QVERIFY2(checked.reachable, qPrintable(checked.sentence()));
        QCOMPARE(checked.token, ConnectionCheck::Token::Accepted);
        QVERIFY(QTest::qWaitFor([&] { return accessLog().size() > beforeCheck.size(); }, 10000));
        QVERIFY2(accessLog().mid(beforeCheck.size()).contains("alice"), accessLog().constData());
        const ConnectionCheck::Result typed = check(QStringLiteral("s3cret"));
        QVERIFY2(typed.reachable, qPrintable(typed.sentence()));
        const ConnectionCheck::Result checkRefused = check(QStringLiteral("wrong"));
        QVERIFY(!checkRefused.reachable);
        QVERIFY2(checkRefused.sentence().contains(QStringLiteral("proxy asks for credentials")),
            qPrintable(checkRefused.sentence()));

        const Outcome refused
            = open(profile, proxy, { { TokenStore::Secret::ProxyPassword, QStringLiteral("wrong") } });
        QVERIFY(!refused.listed);
        QVERIFY2(
            refused.error.contains(QStringLiteral("proxy asks for credentials")), qPrintable(refused.error));

        // The no-proxy list: the same wrong password does not matter, since the proxy is not asked.
        const QByteArray before = accessLog();
        proxy.noProxy = ProxySettings::parseNoProxy(QStringLiteral("example.com, 127.0.0.1"));
        const Outcome direct
            = open(profile, proxy, { { TokenStore::Secret::ProxyPassword, QStringLiteral("wrong") } });
        QVERIFY2(direct.listed, qPrintable(direct.error));
        QTest::qWait(500);
        QCOMPARE(accessLog(), before);
    }

    void manualSocks5Proxy()
    {
        const quint16 port = LocalDaemon::freePort();
        LocalDaemon socks;
        QVERIFY2(socks.start(QStringLiteral("microsocks"),
                     { QStringLiteral("-i"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                         QString::number(port), QStringLiteral("-u"), QStringLiteral("alice"),
                         QStringLiteral("-P"), QStringLiteral("s3cret") },
                     QStringLiteral("unused.conf"), QString(), port),
            qPrintable(socks.errorString()));
        ProxySettings proxy;
        proxy.mode = ProxySettings::Mode::Manual;
        proxy.type = ProxySettings::Type::Socks5;
        proxy.host = QStringLiteral("127.0.0.1");
        proxy.port = port;
        proxy.user = QStringLiteral("alice");
        const Profile profile = profileFor(m_sandbox->baseUrl());

        const Outcome through
            = open(profile, proxy, { { TokenStore::Secret::ProxyPassword, QStringLiteral("s3cret") } });
        QVERIFY2(through.listed, qPrintable(through.error + through.problems.join(u' ')));
        // microsocks says whom it connected, on its standard error.
        QString said;
        const QString connected
            = QStringLiteral("connected to 127.0.0.1:%1").arg(m_sandbox->baseUrl().port());
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         said += socks.output(); // reads what is new
                         return said.contains(connected);
                     },
                     5000),
            qPrintable(said));

        const Outcome refused
            = open(profile, proxy, { { TokenStore::Secret::ProxyPassword, QStringLiteral("wrong") } });
        QVERIFY(!refused.listed);
        QVERIFY2(!refused.error.isEmpty(), "a wrong SOCKS5 password was let through");
    }
};

QTEST_GUILESS_MAIN(TestProfileNetwork)
#include "tst_profilenetwork.moc"
