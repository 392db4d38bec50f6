// TokenStore against a real Secret Service through QtKeychain. `./dev test` runs the suite inside a private
// D-Bus session with an unlocked gnome-keyring; without one the keychain cases skip and say why.
#include "tokenstore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QUuid>
#include <optional>
#include <qt6keychain/keychain.h>

using namespace UserDesk;

namespace {

constexpr int KeychainTimeoutMs = 60000; // gnome-keyring on a loaded 2-core box can be slow to start

// The child process mode: this binary run again with a broken D-Bus session, see childMain().
constexpr char ChildModeVariable[] = "USERDESK_TST_TOKENSTORE_CHILD";
constexpr char ChildProfileVariable[] = "USERDESK_TST_TOKENSTORE_PROFILE";
constexpr char ChildTimeoutVariable[] = "USERDESK_TST_TOKENSTORE_TIMEOUT_MS";

class ResultCatcher : public QObject
{
public:
    std::optional<TokenResult> result;

    TokenStore::Callback callback()
    {
        return [this](const TokenResult &r) { result = r; };
    }
    bool wait(int timeoutMs = KeychainTimeoutMs)
    {
        return QTest::qWaitFor([this] { return result.has_value(); }, timeoutMs);
    }
};

QString uniqueToken()
{
    QString token = QStringLiteral("tok_");
    for (int i = 0; i < 4; ++i)
        token += QString::number(QRandomGenerator::global()->generate64(), 16);
    return token;
}

// Unique per run so that a test run inside someone's real session cannot touch their entries.
QString uniqueProfile(const QString &name)
{
    return name + QLatin1Char(' ') + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject describe(const TokenResult &result)
{
    // Flags only: the child never prints a token.
    QJsonObject object;
    object.insert(QStringLiteral("ok"), result.ok);
    object.insert(QStringLiteral("found"), result.found);
    object.insert(QStringLiteral("keychainUnavailable"), result.keychainUnavailable);
    object.insert(QStringLiteral("error"), result.error);
    object.insert(QStringLiteral("backend"), int(result.backend));
    return object;
}

// Writes one token with the keychain enabled, in a process whose session bus is whatever the parent
// chose (nonexistent, or silent), and reports on stdout what TokenStore said.
int childMain(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    TokenStore tokens;
    const int timeoutMs = qEnvironmentVariableIntValue(ChildTimeoutVariable);
    if (timeoutMs > 0)
        tokens.setKeychainTimeoutMs(timeoutMs);
    ResultCatcher catcher;
    tokens.writeToken(
        qEnvironmentVariable(ChildProfileVariable), uniqueToken(), &catcher, catcher.callback());
    if (!catcher.wait(KeychainTimeoutMs * 2))
        return 3;
    QTextStream(stdout) << QJsonDocument(describe(*catcher.result)).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

} // namespace

// A macro because QSKIP must return from the test function itself, not from a helper.
#define REQUIRE_KEYCHAIN()                                                                                   \
    do {                                                                                                     \
        if (!m_skipReason.isEmpty())                                                                         \
            QSKIP(qPrintable(m_skipReason));                                                                 \
    } while (false)

class TestTokenStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void roundTrip_data();
    void roundTrip();
    void entryIsWhereOtherToolsFindIt();
    void profilesDoNotCollide();
    void renameMovesToken();
    void keychainDisabledStoresNothing();
    void privateFileOfAnEarlierRunIsUsed();
    void privateFileTokenMovesIntoTheKeychain();
    void unreachableSecretServiceStoresNothing();
    void silentSecretServiceTimesOut();

private:
    TokenResult run(const std::function<void(ResultCatcher &)> &start);
    TokenResult read(TokenStore &tokens, const QString &profile);
    void requireKeychainIfAsked();
    std::optional<QJsonObject> runChild(const QString &busAddress, const QString &profile, int timeoutMs);

    QString m_skipReason;
};

TokenResult TestTokenStore::run(const std::function<void(ResultCatcher &)> &start)
{
    ResultCatcher catcher;
    start(catcher);
    // The keychain's own timeout in TokenStore fires first, so a hang shows up as an unavailable result.
    if (!catcher.wait(KeychainTimeoutMs + 30000)) {
        TokenResult none;
        none.error = QStringLiteral("TokenStore never called back");
        return none;
    }
    return *catcher.result;
}

TokenResult TestTokenStore::read(TokenStore &tokens, const QString &profile)
{
    return run([&](ResultCatcher &c) { tokens.readToken(profile, &c, c.callback()); });
}

void TestTokenStore::requireKeychainIfAsked()
{
    // CI sets this so that a keyring that failed to start turns the run red instead of quietly skipping.
    if (qEnvironmentVariableIntValue("USERDESK_REQUIRE_KEYCHAIN") == 1)
        QFAIL(qPrintable(QStringLiteral("USERDESK_REQUIRE_KEYCHAIN=1 but ") + m_skipReason));
}

void TestTokenStore::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        m_skipReason = QStringLiteral("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset): run under "
                                      "`./dev test`, which starts one with gnome-keyring");
        requireKeychainIfAsked();
        return;
    }
    // One real write decides whether a Secret Service answers; the cases then rely on it.
    TokenStore tokens;
    tokens.setKeychainTimeoutMs(KeychainTimeoutMs);
    const QString probe = uniqueProfile(QStringLiteral("probe"));
    const TokenResult written
        = run([&](ResultCatcher &c) { tokens.writeToken(probe, uniqueToken(), &c, c.callback()); });
    if (!written.ok) {
        m_skipReason = QStringLiteral("no Secret Service answers on the session bus (%1): run under "
                                      "`./dev test`, which starts gnome-keyring")
                           .arg(written.error);
        requireKeychainIfAsked();
        return;
    }
    const TokenResult removed = run([&](ResultCatcher &c) { tokens.removeToken(probe, &c, c.callback()); });
    QVERIFY2(removed.ok, qPrintable(removed.error));
}

void TestTokenStore::roundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("spaces") << QStringLiteral("Staging EU west");
    QTest::newRow("unicode and slash") << QStringLiteral("prod/eu Ünïcødé 名前 🚀");
}

void TestTokenStore::roundTrip()
{
    REQUIRE_KEYCHAIN();
    QFETCH(QString, name);
    const QString profile = uniqueProfile(name);
    TokenStore tokens;
    tokens.setKeychainTimeoutMs(KeychainTimeoutMs);
    QCOMPARE(tokens.backend(), TokenStore::Backend::Keychain);

    const QString first = uniqueToken();
    TokenResult result = run([&](ResultCatcher &c) { tokens.writeToken(profile, first, &c, c.callback()); });
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.backend, TokenStore::Backend::Keychain);
    QCOMPARE(result.profile, profile);

    result = read(tokens, profile);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.found);
    QCOMPARE(result.token, first);

    const QString second = uniqueToken() + QStringLiteral("-ü€");
    result = run([&](ResultCatcher &c) { tokens.writeToken(profile, second, &c, c.callback()); });
    QVERIFY2(result.ok, qPrintable(result.error));

    // A second store, as in the next run of the app, sees the overwritten token.
    TokenStore nextRun;
    result = read(nextRun, profile);
    QVERIFY(result.found);
    QCOMPARE(result.token, second);

    result = run([&](ResultCatcher &c) { tokens.removeToken(profile, &c, c.callback()); });
    QVERIFY2(result.ok, qPrintable(result.error));

    result = read(tokens, profile);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(!result.found);
    QVERIFY(result.token.isEmpty());
    QVERIFY(!result.keychainUnavailable);

    // Removing what is not there is not a failure.
    result = run([&](ResultCatcher &c) { tokens.removeToken(profile, &c, c.callback()); });
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(!result.found);
}

void TestTokenStore::entryIsWhereOtherToolsFindIt()
{
    REQUIRE_KEYCHAIN();
    // The CLI, older versions and the person's own scripts find the token by service and key.
    const QString profile = uniqueProfile(QStringLiteral("contract/ü"));
    const QString token = uniqueToken();
    TokenStore tokens;
    QCOMPARE(tokens.serviceName(), QStringLiteral("org.userdesk.UserDesk"));
    QCOMPARE(TokenStore::keychainKey(profile), QStringLiteral("profile/") + profile);
    TokenResult result = run([&](ResultCatcher &c) { tokens.writeToken(profile, token, &c, c.callback()); });
    QVERIFY2(result.ok, qPrintable(result.error));

    auto *job = new QKeychain::ReadPasswordJob(QStringLiteral("org.userdesk.UserDesk"));
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    job->setKey(QStringLiteral("profile/") + profile);
    QSignalSpy finished(job, &QKeychain::Job::finished);
    job->start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, KeychainTimeoutMs);
    QCOMPARE(job->error(), QKeychain::NoError);
    QCOMPARE(job->textData(), token);
    delete job;

    result = run([&](ResultCatcher &c) { tokens.removeToken(profile, &c, c.callback()); });
    QVERIFY(result.ok);
}

void TestTokenStore::profilesDoNotCollide()
{
    REQUIRE_KEYCHAIN();
    // Names that a careless key scheme (case folding, trimming, path splitting) would merge.
    const QString base = uniqueProfile(QStringLiteral("Team"));
    const QStringList names = { base, base.toLower(), base + QLatin1Char(' '), base + QStringLiteral("/x") };
    TokenStore tokens;
    QStringList written;
    for (const QString &name : names) {
        written.append(uniqueToken());
        const TokenResult result
            = run([&](ResultCatcher &c) { tokens.writeToken(name, written.constLast(), &c, c.callback()); });
        QVERIFY2(result.ok, qPrintable(result.error));
    }
    for (int i = 0; i < names.size(); ++i) {
        const TokenResult result = read(tokens, names.at(i));
        QVERIFY(result.found);
        QCOMPARE(result.token, written.at(i));
    }

    TokenResult result = run([&](ResultCatcher &c) { tokens.removeToken(names.at(0), &c, c.callback()); });
    QVERIFY(result.ok);
    QVERIFY(!read(tokens, names.at(0)).found);
    for (int i = 1; i < names.size(); ++i) {
        QCOMPARE(read(tokens, names.at(i)).token, written.at(i));
        result = run([&](ResultCatcher &c) { tokens.removeToken(names.at(i), &c, c.callback()); });
        QVERIFY(result.ok);
    }
}

void TestTokenStore::renameMovesToken()
{
    REQUIRE_KEYCHAIN();
    const QString from = uniqueProfile(QStringLiteral("before"));
    const QString to = uniqueProfile(QStringLiteral("after ü"));
    const QString token = uniqueToken();
    TokenStore tokens;
    TokenResult result = run([&](ResultCatcher &c) { tokens.writeToken(from, token, &c, c.callback()); });
    QVERIFY(result.ok);

    result = run([&](ResultCatcher &c) { tokens.renameToken(from, to, &c, c.callback()); });
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.found);
    QCOMPARE(result.profile, to);
    QCOMPARE(read(tokens, to).token, token);
    QVERIFY(!read(tokens, from).found);

    result = run([&](ResultCatcher &c) { tokens.removeToken(to, &c, c.callback()); });
    QVERIFY(result.ok);
}

void TestTokenStore::keychainDisabledStoresNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString profile = uniqueProfile(QStringLiteral("disabled"));
    TokenStore disabled(TokenStore::KeychainUse::Disabled, dir.path());
    QVERIFY(!disabled.isKeychainEnabled());

    TokenResult result
        = run([&](ResultCatcher &c) { disabled.writeToken(profile, uniqueToken(), &c, c.callback()); });
    QVERIFY(!result.ok);
    QVERIFY(result.keychainUnavailable);
    QVERIFY(!result.error.isEmpty());

    result = read(disabled, profile);
    QVERIFY(result.keychainUnavailable);
    QVERIFY(!result.found);

    // Nothing went to a file, to memory, or past the switch into the real keychain.
    QVERIFY(QDir(dir.path()).isEmpty());
    disabled.setFallback(TokenStore::Backend::SessionOnly);
    QVERIFY(!read(disabled, profile).found);
    disabled.setFallback(TokenStore::Backend::OwnerOnlyFile);
    QVERIFY(!read(disabled, profile).found);
    if (m_skipReason.isEmpty()) {
        TokenStore enabled;
        result = read(enabled, profile);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(!result.found);
    }
}

void TestTokenStore::privateFileOfAnEarlierRunIsUsed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString profile = uniqueProfile(QStringLiteral("earlier"));
    const QString token = uniqueToken();
    {
        // An earlier run: no keychain, and the person chose the private file.
        TokenStore earlier(TokenStore::KeychainUse::Disabled, dir.path());
        earlier.setFallback(TokenStore::Backend::OwnerOnlyFile);
        const TokenResult written
            = run([&](ResultCatcher &c) { earlier.writeToken(profile, token, &c, c.callback()); });
        QVERIFY2(written.ok, qPrintable(written.error));
    }

    // This run starts on the keychain, which still does not answer: the stored token is read from the
    // file, later writes go there too, and the person is told where their tokens are.
    TokenStore now(TokenStore::KeychainUse::Disabled, dir.path());
    QCOMPARE(now.backend(), TokenStore::Backend::Keychain);
    QSignalSpy warnings(&now, &TokenStore::warning);
    // Two reads at once, as the window and the preferences may ask: both are served from the file.
    ResultCatcher alsoReading;
    now.readToken(profile, &alsoReading, alsoReading.callback());
    const TokenResult result = read(now, profile);
    QVERIFY(alsoReading.wait());
    QVERIFY2(alsoReading.result->found, qPrintable(alsoReading.result->error));
    QCOMPARE(alsoReading.result->token, token);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.found);
    QCOMPARE(result.token, token);
    QCOMPARE(result.backend, TokenStore::Backend::OwnerOnlyFile);
    QCOMPARE(now.backend(), TokenStore::Backend::OwnerOnlyFile);
    QCOMPARE(warnings.size(), 1);
    const QString warning = warnings.first().first().toString();
    QVERIFY2(warning.contains(QDir::toNativeSeparators(now.ownerOnlyFilePath())), qPrintable(warning));
    QVERIFY(!warning.contains(token));

    // Without that file a missing keychain still reads nothing and creates nothing.
    QTemporaryDir empty;
    TokenStore fresh(TokenStore::KeychainUse::Disabled, empty.path());
    const TokenResult none = read(fresh, profile);
    QVERIFY(none.keychainUnavailable);
    QVERIFY(!none.found);
    QCOMPARE(fresh.backend(), TokenStore::Backend::Keychain);
    QVERIFY(QDir(empty.path()).isEmpty());
}

void TestTokenStore::privateFileTokenMovesIntoTheKeychain()
{
    REQUIRE_KEYCHAIN();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString moving = uniqueProfile(QStringLiteral("moving"));
    const QString staying = uniqueProfile(QStringLiteral("staying"));
    const QString token = uniqueToken();
    {
        // An earlier run without a keychain kept two profiles' tokens in the private file.
        TokenStore earlier(TokenStore::KeychainUse::Disabled, dir.path());
        earlier.setFallback(TokenStore::Backend::OwnerOnlyFile);
        QVERIFY(run([&](ResultCatcher &c) { earlier.writeToken(moving, token, &c, c.callback()); }).ok);
        QVERIFY(
            run([&](ResultCatcher &c) { earlier.writeToken(staying, uniqueToken(), &c, c.callback()); }).ok);
    }

    // Now the keychain answers: reading the profile finds its token and moves it there.
    TokenStore now(TokenStore::KeychainUse::Enabled, dir.path());
    now.setKeychainTimeoutMs(KeychainTimeoutMs);
    QSignalSpy warnings(&now, &TokenStore::warning);
    TokenResult result = read(now, moving);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.found);
    QCOMPARE(result.token, token);
    QCOMPARE(result.backend, TokenStore::Backend::Keychain);
    QCOMPARE(now.backend(), TokenStore::Backend::Keychain);
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().first().toString().contains(QLatin1String("moved")),
        qPrintable(warnings.first().first().toString()));
    QVERIFY(!warnings.first().first().toString().contains(token));

    // It is in the keychain, out of the file; the other profile's token stays in the file.
    QFile file(now.ownerOnlyFilePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray rest = file.readAll();
    QVERIFY(!rest.contains(token.toUtf8()));
    QVERIFY(rest.contains(staying.toUtf8()));
    QTemporaryDir elsewhere; // no private file there: only the keychain can answer
    TokenStore keychainOnly(TokenStore::KeychainUse::Enabled, elsewhere.path());
    result = read(keychainOnly, moving);
    QVERIFY2(result.ok && result.found, qPrintable(result.error));
    QCOMPARE(result.token, token);

    QVERIFY(run([&](ResultCatcher &c) { now.removeToken(moving, &c, c.callback()); }).ok);
    QVERIFY(read(now, staying).found); // moved in its turn
    QVERIFY(run([&](ResultCatcher &c) { now.removeToken(staying, &c, c.callback()); }).ok);
    QVERIFY(!QFile::exists(now.ownerOnlyFilePath())); // nothing left in it: gone
}

std::optional<QJsonObject> TestTokenStore::runChild(
    const QString &busAddress, const QString &profile, int timeoutMs)
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(ChildModeVariable), QStringLiteral("1"));
    environment.insert(QString::fromLatin1(ChildProfileVariable), profile);
    environment.insert(QString::fromLatin1(ChildTimeoutVariable), QString::number(timeoutMs));
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress);
    // Without these GLib might start a bus of its own instead of failing.
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {});
    if (!child.waitForStarted(30000))
        return std::nullopt;
    // waitForFinished would block the event loop this process's own local server needs.
    if (!QTest::qWaitFor(
            [&] { return child.state() == QProcess::NotRunning; }, KeychainTimeoutMs * 2 + 30000)) {
        child.kill();
        child.waitForFinished();
        return std::nullopt;
    }
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(child.readAllStandardOutput().trimmed());
    if (!document.isObject())
        return std::nullopt;
    return document.object();
}

void TestTokenStore::unreachableSecretServiceStoresNothing()
{
    // A real QtKeychain with a session bus that is not there: what a person sees on a desktop without
    // any Secret Service, or over ssh.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString profile = uniqueProfile(QStringLiteral("unreachable"));
    const std::optional<QJsonObject> result = runChild(
        QStringLiteral("unix:path=") + dir.filePath(QStringLiteral("no-bus-here")), profile, 30000);
    QVERIFY(result.has_value());
    QCOMPARE(result->value(QStringLiteral("ok")).toBool(), false);
    QCOMPARE(result->value(QStringLiteral("keychainUnavailable")).toBool(), true);
    QVERIFY(!result->value(QStringLiteral("error")).toString().isEmpty());
    QCOMPARE(result->value(QStringLiteral("backend")).toInt(), int(TokenStore::Backend::Keychain));

    if (m_skipReason.isEmpty()) {
        TokenStore enabled;
        const TokenResult read = this->read(enabled, profile);
        QVERIFY(read.ok);
        QVERIFY(!read.found);
    }
}

void TestTokenStore::silentSecretServiceTimesOut()
{
    // A bus that accepts the connection and then never answers, like a hung keyring daemon.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QLocalServer silent;
    silent.setSocketOptions(QLocalServer::UserAccessOption);
    QVERIFY(silent.listen(dir.filePath(QStringLiteral("silent-bus"))));
    QList<QLocalSocket *> held;
    connect(&silent, &QLocalServer::newConnection, this, [&] {
        while (QLocalSocket *socket = silent.nextPendingConnection())
            held.append(socket);
    });

    const std::optional<QJsonObject> result = runChild(QStringLiteral("unix:path=") + silent.fullServerName(),
        uniqueProfile(QStringLiteral("silent")), 3000);
    QVERIFY(result.has_value());
    QCOMPARE(result->value(QStringLiteral("ok")).toBool(), false);
    QCOMPARE(result->value(QStringLiteral("keychainUnavailable")).toBool(), true);
    QVERIFY(!held.isEmpty()); // proof that the child really talked to this silent bus
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet(ChildModeVariable))
        return childMain(argc, argv);
    QCoreApplication app(argc, argv);
    TestTokenStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_tokenstore.moc"
