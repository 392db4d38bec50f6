#include "jsonserverfixture.h"
#include "profilestore.h"
#include "sandboxfixture.h"
#include "settingsdialog.h"
#include "tokenstore.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <memory>

using namespace UserDesk;

// Preferences keeps what is typed into its new pages: a profile's server kind, CA file and client
// certificate, the application's proxy and the language. The PKCS#12 passphrase and the proxy's password
// go to the system keychain (a private gnome-keyring under ./dev test) and never to the settings file.
class TestPreferences : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<TokenStore> m_tokens;

    QString settingsPath() const { return m_dir->filePath(QStringLiteral("settings.ini")); }

    template<typename T> static T *child(QWidget *dialog, const char *name)
    {
        T *found = dialog->findChild<T *>(QString::fromLatin1(name));
        if (!found)
            qWarning("no %s in the dialog", name);
        return found;
    }

    static void choose(QComboBox *combo, const QVariant &data)
    {
        QVERIFY(combo);
        const int index = combo->findData(data);
        QVERIFY2(index >= 0, qPrintable(data.toString()));
        combo->setCurrentIndex(index);
    }

    static void type(QLineEdit *edit, const QString &text)
    {
        QVERIFY(edit);
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    TokenResult readSecret(TokenStore::Secret kind, const QString &profile)
    {
        std::optional<TokenResult> result;
        m_tokens->readSecret(kind, profile, this, [&](const TokenResult &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
            return {};
        return *result;
    }

    bool save(SettingsDialog &dialog)
    {
        QSignalSpy applied(&dialog, &SettingsDialog::applied);
        dialog.accept();
        return applied.count() == 1 || applied.wait(60000);
    }

private slots:
    void init()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL("No D-Bus session bus: run the GUI tests under ./dev test, which starts one with "
                  "gnome-keyring.");
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = std::make_unique<ProfileStore>(settingsPath());
        Profile staging(
            QStringLiteral("Staging"), QUrl(QStringLiteral("https://staging.example.com/public/v2")));
        QVERIFY(m_store->saveProfile(staging));
        QVERIFY(m_store->setCurrentProfileName(staging.name()));
        QVERIFY(m_store->sync());
        m_tokens = std::make_unique<TokenStore>(TokenStore::KeychainUse::Enabled, m_dir->path());
        // Entries of its own, never the person's.
        m_tokens->setServiceName(QStringLiteral("org.userdesk.test.preferences.")
            + QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_tokens->setKeychainTimeoutMs(20000);
    }

    void cleanup()
    {
        m_tokens.reset();
        m_store.reset();
        m_dir.reset();
    }

    void everyNewFieldIsKept()
    {
        const QString passphrase = QStringLiteral("pkcs12-passphrase-7f3a");
        const QString password = QStringLiteral("proxy-password-91c2");
        {
            SettingsDialog dialog(m_store.get(), m_tokens.get());
            dialog.show();
            child<QTabWidget>(&dialog, "profileTabs")->setCurrentIndex(1); // Server
            choose(child<QComboBox>(&dialog, "dialectCombo"), QStringLiteral("json-server-1"));
            type(child<QLineEdit>(&dialog, "caFileEdit"), QStringLiteral("/etc/userdesk/ca.pem"));
            choose(
                child<QComboBox>(&dialog, "clientCertificateCombo"), int(Profile::ClientCertificate::Pkcs12));
            type(child<QLineEdit>(&dialog, "certificateFileEdit"), QStringLiteral("/home/me/client.p12"));
            QLineEdit *passphraseEdit = child<QLineEdit>(&dialog, "passphraseEdit");
            QVERIFY(passphraseEdit && passphraseEdit->isVisible());
            QCOMPARE(passphraseEdit->echoMode(), QLineEdit::Password);
            type(passphraseEdit, passphrase);

            child<QTabWidget>(&dialog, "pages")->setCurrentIndex(1);
            QRadioButton *manual = child<QRadioButton>(&dialog, "manualRadio");
            QVERIFY(manual);
            manual->click();
            choose(child<QComboBox>(&dialog, "typeCombo"), int(ProxySettings::Type::Socks5));
            type(child<QLineEdit>(&dialog, "hostEdit"), QStringLiteral("proxy.example.com"));
            child<QSpinBox>(&dialog, "portSpin")->setValue(1081);
            type(child<QLineEdit>(&dialog, "userEdit"), QStringLiteral("alice"));
            type(child<QLineEdit>(&dialog, "passwordEdit"), password);
            type(child<QLineEdit>(&dialog, "noProxyEdit"), QStringLiteral("localhost, .corp.example.com"));

            choose(child<QComboBox>(&dialog, "languageCombo"), QStringLiteral("de"));
            QVERIFY(save(dialog));
        }

        // In the settings, read back by a store of its own.
        ProfileStore reread(settingsPath());
        const std::optional<Profile> profile = reread.profile(QStringLiteral("Staging"));
        QVERIFY(profile);
        QCOMPARE(profile->dialect(), QStringLiteral("json-server-1"));
        QCOMPARE(profile->caFile(), QStringLiteral("/etc/userdesk/ca.pem"));
        QCOMPARE(profile->clientCertificate(), Profile::ClientCertificate::Pkcs12);
        QCOMPARE(profile->clientCertificateFile(), QStringLiteral("/home/me/client.p12"));
        const ProxySettings proxy = reread.proxySettings();
        QCOMPARE(proxy.mode, ProxySettings::Mode::Manual);
        QCOMPARE(proxy.type, ProxySettings::Type::Socks5);
        QCOMPARE(proxy.host, QStringLiteral("proxy.example.com"));
        QCOMPARE(proxy.port, 1081);
        QCOMPARE(proxy.user, QStringLiteral("alice"));
        QCOMPARE(proxy.noProxy,
            (QStringList { QStringLiteral("localhost"), QStringLiteral(".corp.example.com") }));
        QCOMPARE(reread.language(), QStringLiteral("de"));

        // The secrets in the keychain, and nowhere in the settings file or beside it.
        const TokenResult storedPassphrase
            = readSecret(TokenStore::Secret::CertificatePassphrase, QStringLiteral("Staging"));
        QVERIFY2(storedPassphrase.ok, qPrintable(storedPassphrase.error));
        QCOMPARE(storedPassphrase.backend, TokenStore::Backend::Keychain);
        QCOMPARE(storedPassphrase.token, passphrase);
        const TokenResult storedPassword = readSecret(TokenStore::Secret::ProxyPassword, QString());
        QVERIFY2(storedPassword.ok, qPrintable(storedPassword.error));
        QCOMPARE(storedPassword.token, password);
        QFile file(settingsPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray settings = file.readAll();
        QVERIFY(!settings.contains(passphrase.toUtf8()));
        QVERIFY(!settings.contains(password.toUtf8()));
        QVERIFY(!QFile::exists(m_tokens->ownerOnlyFilePath()));

        // Reopened, the dialog shows what was saved; the secrets stay unshown.
        SettingsDialog again(m_store.get(), m_tokens.get());
        again.show();
        child<QTabWidget>(&again, "profileTabs")->setCurrentIndex(1);
        QCOMPARE(child<QComboBox>(&again, "dialectCombo")->currentData().toString(),
            QStringLiteral("json-server-1"));
        QCOMPARE(child<QLineEdit>(&again, "caFileEdit")->text(), QStringLiteral("/etc/userdesk/ca.pem"));
        QCOMPARE(child<QComboBox>(&again, "clientCertificateCombo")->currentData().toInt(),
            int(Profile::ClientCertificate::Pkcs12));
        QCOMPARE(
            child<QLineEdit>(&again, "certificateFileEdit")->text(), QStringLiteral("/home/me/client.p12"));
        QVERIFY(child<QLineEdit>(&again, "passphraseEdit")->text().isEmpty());
        QVERIFY(child<QRadioButton>(&again, "manualRadio")->isChecked());
        QCOMPARE(
            child<QComboBox>(&again, "typeCombo")->currentData().toInt(), int(ProxySettings::Type::Socks5));
        QCOMPARE(child<QLineEdit>(&again, "hostEdit")->text(), QStringLiteral("proxy.example.com"));
        QCOMPARE(child<QSpinBox>(&again, "portSpin")->value(), 1081);
        QCOMPARE(child<QLineEdit>(&again, "userEdit")->text(), QStringLiteral("alice"));
        QVERIFY(child<QLineEdit>(&again, "passwordEdit")->text().isEmpty());
        QCOMPARE(
            child<QLineEdit>(&again, "noProxyEdit")->text(), QStringLiteral("localhost, .corp.example.com"));
        QCOMPARE(child<QComboBox>(&again, "languageCombo")->currentData().toString(), QStringLiteral("de"));

        // A PEM certificate instead: its key file is kept, and the PKCS#12 passphrase leaves the keychain
        // (the field stays, for an encrypted key, empty).
        choose(child<QComboBox>(&again, "clientCertificateCombo"), int(Profile::ClientCertificate::Pem));
        type(child<QLineEdit>(&again, "certificateFileEdit"), QStringLiteral("/home/me/client.pem"));
        type(child<QLineEdit>(&again, "keyFileEdit"), QStringLiteral("/home/me/client.key"));
        child<QComboBox>(&again, "clientCertificateCombo")->setFocus();
        QLineEdit *stale = child<QLineEdit>(&again, "passphraseEdit");
        QVERIFY(stale->isVisible());
        QVERIFY(stale->text().isEmpty());
        QVERIFY(save(again));
        const std::optional<Profile> pem = ProfileStore(settingsPath()).profile(QStringLiteral("Staging"));
        QCOMPARE(pem->clientCertificate(), Profile::ClientCertificate::Pem);
        QCOMPARE(pem->clientKeyFile(), QStringLiteral("/home/me/client.key"));
        const TokenResult gone
            = readSecret(TokenStore::Secret::CertificatePassphrase, QStringLiteral("Staging"));
        QVERIFY2(gone.ok, qPrintable(gone.error));
        QVERIFY(!gone.found);
    }

    void encryptedPemKeyPassphraseIsKept()
    {
        // The passphrase of an encrypted PEM key had no field; it goes where a PKCS#12 file's goes.
        const QString passphrase = QStringLiteral("pem-key-passphrase-41c2");
        {
            SettingsDialog dialog(m_store.get(), m_tokens.get());
            dialog.selectProfile(QStringLiteral("Staging"));
            dialog.show();
            child<QTabWidget>(&dialog, "profileTabs")->setCurrentIndex(1); // Server
            choose(child<QComboBox>(&dialog, "clientCertificateCombo"), int(Profile::ClientCertificate::Pem));
            type(child<QLineEdit>(&dialog, "certificateFileEdit"), QStringLiteral("/home/me/client.pem"));
            type(child<QLineEdit>(&dialog, "keyFileEdit"), QStringLiteral("/home/me/client-encrypted.key"));
            QLineEdit *passphraseEdit = child<QLineEdit>(&dialog, "passphraseEdit");
            QVERIFY(passphraseEdit && passphraseEdit->isVisibleTo(&dialog));
            type(passphraseEdit, passphrase);
            QVERIFY(save(dialog));
        }
        const TokenResult stored
            = readSecret(TokenStore::Secret::CertificatePassphrase, QStringLiteral("Staging"));
        QVERIFY2(stored.ok && stored.found, qPrintable(stored.error));
        QCOMPARE(stored.token, passphrase);
        QFile settings(settingsPath());
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY(!settings.readAll().contains(passphrase.toUtf8()));

        // No certificate any more: no passphrase either.
        {
            SettingsDialog dialog(m_store.get(), m_tokens.get());
            dialog.selectProfile(QStringLiteral("Staging"));
            choose(
                child<QComboBox>(&dialog, "clientCertificateCombo"), int(Profile::ClientCertificate::None));
            QVERIFY(save(dialog));
        }
        const TokenResult gone
            = readSecret(TokenStore::Secret::CertificatePassphrase, QStringLiteral("Staging"));
        QVERIFY2(gone.ok, qPrintable(gone.error));
        QVERIFY(!gone.found);
    }

    void detectedDialectIsShownBesideAutomatic()
    {
        // What the first contact found is kept in the profile and said beside "Automatic".
        const QUrl url(QStringLiteral("https://staging.example.com/public/v2"));
        QVERIFY(m_store->rememberDetectedDialect(
            QStringLiteral("Staging"), url, QStringLiteral("json-server-1")));
        SettingsDialog dialog(m_store.get(), m_tokens.get());
        dialog.selectProfile(QStringLiteral("Staging"));
        dialog.show();
        child<QTabWidget>(&dialog, "profileTabs")->setCurrentIndex(1); // Server
        QComboBox *dialect = child<QComboBox>(&dialog, "dialectCombo");
        QLabel *detected = child<QLabel>(&dialog, "detectedDialectLabel");
        QVERIFY(dialect && detected);
        QVERIFY(dialect->currentData().toString().isEmpty()); // still Automatic
        QCOMPARE(detected->text(), QStringLiteral("Detected: json-server 1.x"));
        QVERIFY(detected->isVisibleTo(&dialog));
        // Naming a kind hides it; saving keeps what was found for when Automatic comes back.
        choose(dialect, QStringLiteral("gorest"));
        QVERIFY(!detected->isVisibleTo(&dialog));
        choose(dialect, QString());
        QVERIFY(save(dialog));
        QCOMPARE(ProfileStore(settingsPath()).profile(QStringLiteral("Staging"))->detectedDialect(),
            QStringLiteral("json-server-1"));

        // Another URL: not detected yet.
        type(child<QLineEdit>(&dialog, "baseUrlEdit"), QStringLiteral("https://other.example.com/api"));
        QVERIFY(save(dialog));
        SettingsDialog again(m_store.get(), m_tokens.get());
        again.selectProfile(QStringLiteral("Staging"));
        QVERIFY2(child<QLabel>(&again, "detectedDialectLabel")
                     ->text()
                     .startsWith(QStringLiteral("Not detected yet")),
            qPrintable(child<QLabel>(&again, "detectedDialectLabel")->text()));
    }

    void testConnectionFindsTheDialect_data()
    {
        QTest::addColumn<int>("server"); // -1: the sandbox, else a JsonServerFixture::Version
        QTest::addColumn<QString>("chosen"); // the dialect chosen by hand; empty: Automatic
        QTest::addColumn<QString>("found");
        QTest::addColumn<QString>("said");
        QTest::newRow("sandbox") << -1 << QString() << QStringLiteral("gorest")
                                 << QStringLiteral("GoRest v2");
        QTest::newRow("json-server 0.17")
            << int(JsonServerFixture::Version::V0_17) << QString() << QStringLiteral("json-server-0.17")
            << QStringLiteral("json-server 0.17");
        QTest::newRow("json-server 1.x")
            << int(JsonServerFixture::Version::V1) << QString() << QStringLiteral("json-server-1")
            << QStringLiteral("json-server 1.x");
        QTest::newRow("chosen by hand") << int(JsonServerFixture::Version::V1)
                                        << QStringLiteral("json-server-1") << QString() << QString();
    }

    void testConnectionFindsTheDialect()
    {
        // Issue 11: Test connection used whatever dialect the client had (GoRest for an Automatic
        // profile), said nothing of how the server pages, and the session asked again on the next start.
        QFETCH(int, server);
        QFETCH(QString, chosen);
        QFETCH(QString, found);
        QFETCH(QString, said);
        std::unique_ptr<SandboxFixture> sandbox;
        std::unique_ptr<JsonServerFixture> jsonServer;
        QUrl url;
        if (server < 0) {
            sandbox = std::make_unique<SandboxFixture>(SandboxFixture::defaultConfig(6));
            QVERIFY2(sandbox->start(), qPrintable(sandbox->errorString()));
            url = sandbox->baseUrl();
        } else {
            const auto version = JsonServerFixture::Version(server);
            jsonServer = std::make_unique<JsonServerFixture>(version);
            QVERIFY2(
                jsonServer->start(JsonServerFixture::users(6, version == JsonServerFixture::Version::V1)),
                qPrintable(jsonServer->errorString()));
            url = jsonServer->baseUrl();
        }
        SettingsDialog dialog(m_store.get(), m_tokens.get());
        dialog.selectProfile(QStringLiteral("Staging"));
        dialog.show();
        type(child<QLineEdit>(&dialog, "baseUrlEdit"), url.toString());
        choose(child<QComboBox>(&dialog, "dialectCombo"), chosen);
        auto *button = child<QPushButton>(&dialog, "testConnectionButton");
        auto *result = child<QLabel>(&dialog, "testResult");
        QLabel *detected = child<QLabel>(&dialog, "detectedDialectLabel");
        QVERIFY(button && result && detected);
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            button->isEnabled() && !result->text().isEmpty() && !result->text().endsWith(QStringLiteral("…")),
            60000);
        QVERIFY2(result->text().startsWith(QLatin1String("Connected: the server has 6 user")),
            qPrintable(result->text()));
        if (said.isEmpty()) {
            QVERIFY2(!result->text().contains(QLatin1String("pages as")), qPrintable(result->text()));
        } else {
            QVERIFY2(result->text().endsWith(QStringLiteral(" The server pages as %1.").arg(said)),
                qPrintable(result->text()));
            // Beside Automatic, as for what the session found.
            child<QTabWidget>(&dialog, "profileTabs")->setCurrentIndex(1); // Server
            QVERIFY(detected->isVisibleTo(&dialog));
            QCOMPARE(detected->text(), QStringLiteral("Detected: %1").arg(said));
        }

        // OK keeps it, so that the next start does not ask; a dialect chosen by hand stays.
        QVERIFY(save(dialog));
        const std::optional<Profile> saved = ProfileStore(settingsPath()).profile(QStringLiteral("Staging"));
        QVERIFY(saved);
        QCOMPARE(saved->baseUrl(), url);
        QCOMPARE(saved->dialect(), chosen);
        QCOMPARE(saved->detectedDialect(), found);
        QCOMPARE(saved->effectiveDialect(), chosen.isEmpty() ? found : chosen);
    }

    void detectionWhilePreferencesIsOpenIsKept()
    {
        // The window's session may find the dialect out while Preferences is open; OK wrote the profile as
        // the dialog had read it and so forgot what was found.
        SettingsDialog dialog(m_store.get(), m_tokens.get());
        dialog.selectProfile(QStringLiteral("Staging"));
        QVERIFY(m_store->rememberDetectedDialect(QStringLiteral("Staging"),
            QUrl(QStringLiteral("https://staging.example.com/public/v2")),
            QStringLiteral("json-server-0.17")));
        choose(child<QComboBox>(&dialog, "clientCertificateCombo"), int(Profile::ClientCertificate::None));
        QVERIFY(child<QSpinBox>(&dialog, "pageSizeSpin"));
        child<QSpinBox>(&dialog, "pageSizeSpin")->setValue(40); // something to save
        QVERIFY(save(dialog));
        const std::optional<Profile> saved = ProfileStore(settingsPath()).profile(QStringLiteral("Staging"));
        QCOMPARE(saved->pageSize(), 40);
        QCOMPARE(saved->detectedDialect(), QStringLiteral("json-server-0.17"));
    }

    void renamingMovesThePassphrase()
    {
        Profile profile = *m_store->profile(QStringLiteral("Staging"));
        profile.setClientCertificate(Profile::ClientCertificate::Pkcs12);
        profile.setClientCertificateFile(QStringLiteral("/home/me/client.p12"));
        QVERIFY(m_store->saveProfile(profile));
        std::optional<TokenResult> written;
        m_tokens->writeSecret(TokenStore::Secret::CertificatePassphrase, QStringLiteral("Staging"),
            QStringLiteral("moving-passphrase"), this, [&](const TokenResult &r) { written = r; });
        QVERIFY(QTest::qWaitFor([&] { return written.has_value(); }, 60000));
        QVERIFY2(written->ok, qPrintable(written->error));

        SettingsDialog dialog(m_store.get(), m_tokens.get());
        dialog.show();
        child<QPushButton>(&dialog, "renameProfileButton")->click();
        auto *input = dialog.findChild<QInputDialog *>(QStringLiteral("profileNameInput"));
        QVERIFY(input);
        input->setTextValue(QStringLiteral("Production"));
        input->accept();
        QVERIFY(QTest::qWaitFor(
            [&] { return dialog.profileNames().contains(QStringLiteral("Production")); }, 5000));
        QVERIFY(save(dialog));

        QCOMPARE(readSecret(TokenStore::Secret::CertificatePassphrase, QStringLiteral("Production")).token,
            QStringLiteral("moving-passphrase"));
        QVERIFY(!readSecret(TokenStore::Secret::CertificatePassphrase, QStringLiteral("Staging")).found);
    }
};

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
