#include "cliapp.h"

#include "commanddefinitions.h"
#include "completionscript.h"
#include "exchangeformat.h"
#include "jobscommands.h"
#include "jsonformat.h"
#include "pagingguard.h"
#include "profilestore.h"
#include "recordcommands.h"
#include "requestlog.h"
#include "sessioncontroller.h"
#include "tokenstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkProxy>
#include <QProcessEnvironment>
#include <QSet>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QTimer>
#include <csignal>
#include <cstdio>
#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace UserDesk {

namespace {
const char tokenVariable[] = "USERDESK_TOKEN";
#ifdef Q_OS_UNIX
int signalPipe[2] = { -1, -1 };

void onSignal(int number)
{
    const char byte = static_cast<char>(number);
    // Only async-signal-safe calls here: the event loop reads the byte.
    [[maybe_unused]] const auto written = ::write(signalPipe[0], &byte, 1);
}
#endif

QList<QSslCertificate> readPemCertificates(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QSslCertificate::fromData(file.readAll(), QSsl::Pem)
                                          : QList<QSslCertificate>();
}

} // namespace

CliApp::CliApp(QObject *parent)
    : QObject(parent)
    , m_out(stdout)
    , m_err(stderr)
    , m_outStyle(TerminalStyle::forDescriptor(1))
    , m_errStyle(TerminalStyle::forDescriptor(2))
{
#ifdef Q_OS_UNIX
    if (signalPipe[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        if (::read(signalPipe[1], &byte, 1) == 1)
            interrupt(byte);
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
#endif
}

void CliApp::interrupt(int signalNumber)
{
    if (m_interruptedBy) {
        // A second signal: stop waiting for the requests in flight.
        m_graceOver = true;
        m_client.cancelAll();
        return;
    }
    m_interruptedBy = signalNumber;
    // Start nothing new; what is in flight may end on its own, briefly, and is reported as it ends.
    m_client.cancelQueued();
    QTimer::singleShot(interruptGraceMs, this, [this] {
        m_graceOver = true;
        m_client.cancelAll();
    });
}

int CliApp::exitCodeFor(const ApiError &error)
{
    switch (error.kind()) {
    case ApiError::Kind::None:
        return Ok;
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Tls:
        return NetworkFailure;
    case ApiError::Kind::Unauthorized:
    case ApiError::Kind::Forbidden:
        return AuthFailure;
    case ApiError::Kind::NotFound:
        return NotFound;
    case ApiError::Kind::Validation:
    case ApiError::Kind::BadRequest:
        return ValidationFailure;
    case ApiError::Kind::RateLimited:
        return RateLimited;
    case ApiError::Kind::Server:
        return ServerFailure;
    case ApiError::Kind::BadResponse:
        return BadResponse;
    case ApiError::Kind::Canceled:
        return Canceled;
    case ApiError::Kind::HttpOther:
        return Failure;
    case ApiError::Kind::Unknown:
        return OutcomeUnknown;
    }
    return Failure;
}

QString CliApp::errorPrefix() const
{
    return m_errStyle.paint(QStringLiteral("userdesk-cli:"), TerminalStyle::Colour::Red) + QLatin1Char(' ');
}

int CliApp::usage(const QString &message)
{
    m_err << errorPrefix() << message << "\n" << tr("Try 'userdesk-cli --help'.") << Qt::endl;
    return Usage;
}

int CliApp::fail(const ApiError &error)
{
    m_err << errorPrefix() << error.userMessage() << Qt::endl;
    for (const FieldError &f : error.fieldErrors())
        m_err << "  " << f.field << ": " << f.message << Qt::endl;
    if (error.kind() == ApiError::Kind::Tls && !error.certificate().sha256Fingerprint.isEmpty()) {
        const CertificateInfo c = error.certificate();
        m_err << "  certificate: " << c.subject << " issued by " << c.issuer
              << "\n  sha256: " << c.sha256Fingerprint << Qt::endl;
    }
    return exitCodeFor(error);
}

int CliApp::waitForExit()
{
    QEventLoop loop;
    connect(this, &QObject::destroyed, &loop, &QEventLoop::quit);
    connect(&m_client, &ApiClient::idle, &loop, &QEventLoop::quit);
    loop.exec();
    return m_exitCode;
}

void CliApp::printExchange(int index)
{
    const HttpExchange &e = m_client.requestLog()->at(index);
    if (!e.finished || m_printedExchanges.contains(e.sequence))
        return;
    m_printedExchanges.insert(e.sequence);
    m_err << ExchangeFormat::describe(e, 4096) << '\n';
    m_err << Qt::endl;
}

bool CliApp::setUp(QCommandLineParser &global, const QStringList &arguments, QString *error)
{
    if (!global.parse(arguments)) {
        *error = global.errorText();
        return false;
    }
    m_verbose = global.isSet(QStringLiteral("verbose"));

    QString profileName = global.value(QStringLiteral("profile"));
    std::optional<Profile> profile;
    const QString settingsPath = global.isSet(QStringLiteral("settings"))
        ? global.value(QStringLiteral("settings"))
        : ProfileStore::defaultSettingsPath();
    if (!profileName.isEmpty() || !global.isSet(QStringLiteral("endpoint"))) {
        ProfileStore store(settingsPath);
        if (profileName.isEmpty())
            profileName = store.currentProfileName();
        profile = store.profile(profileName);
        if (!profile && !global.isSet(QStringLiteral("endpoint"))) {
            *error = profileName.isEmpty() ? tr("no --endpoint given and no profile is set up")
                                           : tr("no profile named \"%1\"").arg(profileName);
            return false;
        }
    }
    if (profile) {
        // A CA file or client certificate the profile names but that cannot be used is an error, as a
        // missing --ca-file is: going on without it would only fail later, less clearly.
        if (const QStringList problems = SessionController::applyProfile(m_client, *profile);
            !problems.isEmpty()) {
            *error = problems.join(QLatin1Char(' '));
            return false;
        }
        if (profile->isEmbeddedSandbox() && !global.isSet(QStringLiteral("endpoint"))) {
            *error = tr(
                "profile \"%1\" is the app's embedded sandbox; start userdesk-sandbox and pass --endpoint")
                         .arg(profileName);
            return false;
        }
        m_client.setBaseUrl(profile->baseUrl());
    }
    if (global.isSet(QStringLiteral("endpoint"))) {
        const QUrl url = QUrl::fromUserInput(global.value(QStringLiteral("endpoint")));
        if (!url.isValid()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            *error = tr("--endpoint must be an http or https URL");
            return false;
        }
        m_client.setBaseUrl(url);
    }
    // The same bounds the desktop app's Preferences allow.
    auto number = [&](const QString &option, int min, int max, int *value) {
        if (!global.isSet(option))
            return true;
        bool ok = false;
        *value = global.value(option).toInt(&ok);
        if (ok && *value >= min && *value <= max)
            return true;
        *error = tr("--%1 must be a whole number from %2 to %3").arg(option).arg(min).arg(max);
        return false;
    };
    if (!setUpTls(global, profile ? profile->trustedCertificates() : QStringList(),
            profile ? profile->caFile() : QString(), error))
        return false;
    if (global.isSet(QStringLiteral("proxy"))) {
        const QUrl url(global.value(QStringLiteral("proxy")), QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        QNetworkProxy proxy;
        if (scheme == QLatin1String("http"))
            proxy.setType(QNetworkProxy::HttpProxy);
        else if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h"))
            proxy.setType(QNetworkProxy::Socks5Proxy);
        if (!url.isValid() || url.host().isEmpty() || proxy.type() == QNetworkProxy::DefaultProxy) {
            *error = tr("--proxy must be a URL like http://host:3128 or socks5://host:1080");
            return false;
        }
        proxy.setHostName(url.host());
        proxy.setPort(static_cast<quint16>(url.port(scheme == QLatin1String("http") ? 3128 : 1080)));
        proxy.setUser(url.userName(QUrl::FullyDecoded));
        proxy.setPassword(url.password(QUrl::FullyDecoded));
        m_client.setProxy(proxy);
    }
    // The dialect: --dialect, else the profile's, else found out now (and kept in the profile).
    QString dialectName = global.value(QStringLiteral("dialect")).trimmed().toLower();
    if (dialectName.isEmpty() && profile)
        dialectName = profile->dialect();
    std::optional<Dialect> dialect;
    if (!dialectName.isEmpty() && dialectName != QLatin1String("auto")) {
        dialect = Dialect::fromName(dialectName);
        if (!dialect) {
            *error = tr("--dialect must be auto, %1").arg(Dialect::names().join(QStringLiteral(", ")));
            return false;
        }
        m_client.setDialect(*dialect);
    }
    int timeoutMs = m_client.timeout();
    int concurrency = m_client.maxInFlight();
    int retries = m_client.retryPolicy().maxAttempts - 1;
    if (!number(QStringLiteral("timeout"), Profile::MinTimeoutMs, Profile::MaxTimeoutMs, &timeoutMs)
        || !number(
            QStringLiteral("concurrency"), Profile::MinMaxInFlight, Profile::MaxMaxInFlight, &concurrency)
        || !number(
            QStringLiteral("retries"), Profile::MinMaxAttempts - 1, Profile::MaxMaxAttempts - 1, &retries))
        return false;
    m_client.setTimeout(timeoutMs);
    m_client.setMaxInFlight(concurrency);
    RetryPolicy policy = m_client.retryPolicy();
    policy.maxAttempts = retries + 1;
    m_client.setRetryPolicy(policy);

    const QString envToken = QProcessEnvironment::systemEnvironment().value(QLatin1String(tokenVariable));
    if (!envToken.isEmpty()) {
        m_client.setToken(envToken);
    } else if (profile && !global.isSet(QStringLiteral("no-keychain"))) {
        TokenStore tokens;
        QEventLoop loop;
        tokens.readToken(profile->name(), this, [&](const TokenResult &result) {
            if (result.ok && result.found)
                m_client.setToken(result.token);
            if (result.backend == TokenStore::Backend::OwnerOnlyFile && m_verbose)
                m_err << tr("note: no keychain answered; the token comes from %1")
                             .arg(tokens.ownerOnlyFilePath())
                      << Qt::endl;
            else if (result.keychainUnavailable && m_verbose)
                m_err << tr("note: no keychain answered; continuing without a token") << Qt::endl;
            loop.quit();
        });
        loop.exec();
    }
    if (profile && SessionController::needsPassphrase(*profile)) {
        // Its passphrase is kept in the keychain beside the token (Preferences).
        QString passphrase;
        if (!global.isSet(QStringLiteral("no-keychain"))) {
            TokenStore tokens;
            QEventLoop loop;
            tokens.readSecret(TokenStore::Secret::CertificatePassphrase, profile->name(), this,
                [&](const TokenResult &result) {
                    if (result.ok && result.found)
                        passphrase = result.token;
                    loop.quit();
                });
            loop.exec();
        }
        if (const QString why = SessionController::applyClientCertificate(m_client, *profile, passphrase);
            !why.isEmpty()) {
            *error = why;
            return false;
        }
    }

    if (m_verbose) {
        connect(m_client.requestLog(), &RequestLog::changed, this, &CliApp::printExchange);
    }
    // Only lists differ between dialects: the first list of this run finds it out (listDialect()).
    m_dialectUnknown = !dialect;
    // Kept with the profile it is found for, unless --endpoint points elsewhere for this run.
    if (profile && !global.isSet(QStringLiteral("endpoint"))) {
        m_dialectProfile = profile;
        m_settingsPath = settingsPath;
    }
    if (m_verbose) {
        connect(&m_client, &ApiClient::retryScheduled, this,
            [this](ApiClient::RequestId, int attempt, int delayMs, const ApiError &reason) {
                m_err << tr("retrying (attempt %1) in %2 ms: %3")
                             .arg(attempt)
                             .arg(delayMs)
                             .arg(reason.message())
                      << Qt::endl;
            });
    }
    return true;
}

bool CliApp::setUpTls(
    const QCommandLineParser &global, QStringList fingerprints, const QString &profileCaFile, QString *error)
{
    for (const QString &given : global.values(QStringLiteral("trust-fingerprint"))) {
        const QString normalized = Profile::normalizedFingerprint(given);
        if (normalized.isEmpty()) {
            *error = tr("--trust-fingerprint wants a SHA-256 fingerprint: 64 hex digits, ':' allowed");
            return false;
        }
        fingerprints.append(normalized);
    }
    m_client.setTrustedCertificates(fingerprints);

    // --ca-file is read now, so that a wrong path is an error before any request.
    QList<QSslCertificate> given;
    if (global.isSet(QStringLiteral("ca-file"))) {
        const QString path = global.value(QStringLiteral("ca-file"));
        given = readPemCertificates(path);
        if (given.isEmpty()) {
            *error = tr("no PEM certificate could be read from %1").arg(path);
            return false;
        }
    }
    // As OpenSSL and curl do: SSL_CERT_FILE and SSL_CERT_DIR (':'-separated) name the authorities to
    // trust instead of the system's; --ca-file adds its own. These replace the system's authorities; the
    // profile's CA file (Preferences) adds to either. Without any of them, what
    // SessionController::applyProfile set (the system's and the profile's) stays. They are read when the
    // first https request starts: a system bundle costs a third of a second that an http run never needs.
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString certFile = env.value(QStringLiteral("SSL_CERT_FILE"));
    const QStringList certDirs
        = env.value(QStringLiteral("SSL_CERT_DIR")).split(QLatin1Char(':'), Qt::SkipEmptyParts);
    if (certFile.isEmpty() && certDirs.isEmpty() && given.isEmpty())
        return true;
    m_client.setCaCertificatesReader([certFile, certDirs, given, profileCaFile] {
        QList<QSslCertificate> authorities = given;
        QSet<QString> read; // a certificate folder links each file under its hash too
        auto readOnce = [&](const QString &path) {
            const QString canonical = QFileInfo(path).canonicalFilePath();
            if (!canonical.isEmpty() && !read.contains(canonical)) {
                read.insert(canonical);
                authorities += readPemCertificates(canonical);
            }
        };
        if (!certFile.isEmpty())
            readOnce(certFile);
        for (const QString &dir : certDirs) {
            const QFileInfoList entries = QDir(dir).entryInfoList(QDir::Files | QDir::Readable);
            for (const QFileInfo &entry : entries)
                readOnce(entry.filePath());
        }
        if (!authorities.isEmpty() && !profileCaFile.isEmpty())
            readOnce(profileCaFile);
        return authorities;
    });
    return true;
}

void CliApp::findDialectForLists()
{
    if (!m_dialectUnknown)
        return;
    m_dialectUnknown = false;
    detectDialect();
    if (m_dialectProfile && m_dialectDetected) {
        m_dialectProfile->setDialect(m_client.dialect().name());
        ProfileStore(m_settingsPath).saveProfile(*m_dialectProfile);
    }
}

void CliApp::detectDialect()
{
    QEventLoop loop;
    const ApiClient::RequestId probe = m_client.detectDialect();
    auto detected = connect(
        &m_client, &ApiClient::dialectDetected, this, [&](ApiClient::RequestId id, const Dialect &d) {
            if (id != probe)
                return;
            m_client.setDialect(d);
            m_dialectDetected = true;
            loop.quit();
        });
    auto failed = connect(
        &m_client, &ApiClient::requestFailed, this, [&](ApiClient::RequestId id, const ApiError &e) {
            if (id != probe)
                return;
            // The command itself will meet the same trouble and report it; GoRest is the default.
            if (m_verbose)
                m_err << tr("note: the server's dialect could not be found out (%1); using %2")
                             .arg(e.message(), m_client.dialect().name())
                      << Qt::endl;
            loop.quit();
        });
    loop.exec();
    disconnect(detected);
    disconnect(failed);
    if (m_verbose && m_dialectDetected)
        m_err << tr("note: the server speaks %1").arg(m_client.dialect().name()) << Qt::endl;
}

QString CliApp::helpText()
{
    return CommandDefinitions::commandsHelp()
        + tr("\nThe token is read from the environment variable USERDESK_TOKEN (never from the command line, "
             "where\n"
             "other users of the machine could read it), or from the keychain entry of --profile.\n"
             "Exit codes: 0 ok, 1 failure, 2 usage, 3 network/timeout/TLS, 4 authentication, 5 not found,\n"
             "6 validation, 7 rate limited, 8 server error, 9 bad response, 10 outcome unknown (a write "
             "whose\n"
             "answer was lost and that could not be read back: it may or may not have been applied; check\n"
             "before repeating it), 11 incomplete (a list printed without the items the server sent that "
             "could\n"
             "not be read, each named on stderr), 130 interrupted (SIGINT) or canceled, 143 terminated "
             "(SIGTERM).\n"
             "Colour only on a terminal, and never when NO_COLOR is set.\n");
}

int CliApp::run(const QStringList &arguments)
{
    QCommandLineParser global;
    global.setApplicationDescription(
        tr("UserDesk command line: list, read, create, update and delete users, posts, comments and todos "
           "of a GoRest-style API.\n\n")
        + helpText());
    global.addHelpOption();
    global.addVersionOption();
    global.addOptions(CommandDefinitions::commandLineOptions(
        CommandDefinitions::globalOptions(), CommandDefinitions::cliContext));
    QStringList nouns;
    for (const NounDefinition &n : CommandDefinitions::nouns())
        nouns.append(QLatin1String(n.name));
    global.addPositionalArgument(QStringLiteral("command"),
        tr("What to do: %1.").arg(nouns.join(QStringLiteral(", "))),
        QStringLiteral("<%1> <verb>").arg(nouns.join(QLatin1Char('|'))));
    global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);

    QString error;
    if (!global.parse(arguments))
        return usage(global.errorText());
    if (global.isSet(QStringLiteral("version"))) {
        m_out << "userdesk-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return Ok;
    }
    const QStringList positional = global.positionalArguments();
    if (global.isSet(QStringLiteral("help")) && positional.isEmpty()) {
        m_out << global.helpText() << Qt::flush;
        return Ok;
    }
    if (positional.isEmpty())
        return usage(tr("no command given"));
    // `NOUN --help`: the noun's commands, from the same definitions as the parsers.
    if (const NounDefinition *noun = CommandDefinitions::noun(positional.first()); noun
        && (positional.value(1) == QLatin1String("--help") || positional.value(1) == QLatin1String("-h"))) {
        m_out << CommandDefinitions::nounHelp(*noun) << Qt::flush;
        return Ok;
    }
    if (positional.first() == QLatin1String("completion"))
        return completion(global, positional.mid(1));
    if (positional.first() == QLatin1String("jobs")) {
        if (JobsCommands::needsServer(positional.value(1)) && !setUp(global, arguments, &error))
            return usage(error);
        JobsCommands jobs(m_client, m_out, m_err);
        jobs.setPrepareLists([this] { findDialectForLists(); });
        const int code = jobs.jobs(positional.mid(1));
        if (m_interruptedBy)
            return m_interruptedBy == SIGTERM ? Terminated : Canceled;
        return code;
    }
    const ResourceSchema *records = RecordCommands::schemaFor(positional.first());
    if (positional.first() != QLatin1String("users") && !records)
        return usage(tr("unknown command \"%1\"").arg(positional.first()));
    const bool wantsHelp = positional.size() < 2 || positional.contains(QStringLiteral("--help"))
        || positional.contains(QStringLiteral("-h"));
    if (!wantsHelp && !setUp(global, arguments, &error))
        return usage(error);
    const int code = records ? RecordCommands(m_client, m_out, m_err,
                         [this] {
                             findDialectForLists();
                         }).run(*records, positional.mid(1))
                             : runUsers(positional.mid(1));
    if (m_interruptedBy)
        return m_interruptedBy == SIGTERM ? Terminated : Canceled;
    return code;
}

int CliApp::completion(const QCommandLineParser &global, const QStringList &arguments)
{
    const QString what = arguments.value(0);
    if (arguments.size() != 1) {
        m_out << CommandDefinitions::commandsHelp(QStringLiteral("completion")) << Qt::flush;
        return arguments.isEmpty() ? Usage
                                   : usage(tr("completion takes exactly one of bash, zsh, fish or profiles"));
    }
    if (what == QLatin1String("profiles")) {
        // For the completion scripts: quiet, and no trouble when there are no settings yet.
        const ProfileStore store(global.isSet(QStringLiteral("settings"))
                ? global.value(QStringLiteral("settings"))
                : ProfileStore::defaultSettingsPath());
        for (const QString &name : store.profileNames())
            m_out << name << '\n';
        m_out.flush();
        return Ok;
    }
    const auto shell = CompletionScript::shellNamed(what);
    if (!shell)
        return usage(tr("completion takes bash, zsh, fish or profiles, not \"%1\"").arg(what));
    m_out << CompletionScript::generate(*shell) << Qt::flush;
    return Ok;
}

int CliApp::runUsers(const QStringList &arguments)
{
    if (arguments.isEmpty()) {
        m_out << CommandDefinitions::commandsHelp(QStringLiteral("users")) << Qt::flush;
        return Usage;
    }
    const QString verb = arguments.first();
    // The sub-parser wants a program name first.
    const QStringList rest = QStringList { QStringLiteral("userdesk-cli users ") + verb } + arguments.mid(1);
    if (verb == QLatin1String("list"))
        return list(rest);
    if (verb == QLatin1String("get"))
        return get(rest);
    if (verb == QLatin1String("create"))
        return create(rest);
    if (verb == QLatin1String("update"))
        return update(rest);
    if (verb == QLatin1String("delete"))
        return remove(rest);
    if (verb == QLatin1String("import"))
        return JobsCommands(m_client, m_out, m_err).importUsers(rest);
    if (verb == QLatin1String("bulk-update"))
        return JobsCommands(m_client, m_out, m_err).bulkUpdate(rest);
    if (verb == QLatin1String("bulk-delete"))
        return JobsCommands(m_client, m_out, m_err).bulkDelete(rest);
    return usage(tr("unknown users command \"%1\"").arg(verb));
}

namespace {
UserDraft draftFrom(const QCommandLineParser &p)
{
    UserDraft d;
    if (p.isSet(QStringLiteral("name")))
        d.name = p.value(QStringLiteral("name"));
    if (p.isSet(QStringLiteral("email")))
        d.email = p.value(QStringLiteral("email"));
    if (p.isSet(QStringLiteral("gender")))
        d.gender = p.value(QStringLiteral("gender"));
    if (p.isSet(QStringLiteral("status")))
        d.status = p.value(QStringLiteral("status"));
    return d;
}

// A number (GoRest, json-server 0.17) or a text (json-server 1.x: "3f0a"); the URL is the same for the
// number 12 and the string "12", so what was typed is enough. 0 is no user's id.
bool parseId(const QString &text, ResourceId *id)
{
    const auto parsed = ResourceId::parse(text);
    if (!parsed || (!parsed->isText() && parsed->number() <= 0))
        return false;
    *id = *parsed;
    return true;
}
} // namespace

std::optional<int> CliApp::parseCommand(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText() << Qt::flush;
        return Ok;
    }
    const bool hasFormat = parser.optionNames().contains(QStringLiteral("format"));
    if (hasFormat && parser.value(QStringLiteral("format")) == QLatin1String("ndjson")) {
        // One compact JSON object a line, written as each item is known; the JSON of the other paths.
        m_ndjson = true;
        m_format = UserExport::Format::Json;
    } else if (hasFormat && !UserExport::parseFormat(parser.value(QStringLiteral("format")), &m_format)) {
        return usage(tr("--format must be table, json, csv or ndjson"));
    }
    return std::nullopt;
}

int CliApp::printUserOf(
    void (ApiClient::*success)(ApiClient::RequestId, const User &), const std::function<void()> &start)
{
    std::optional<User> user;
    ApiError failure;
    connect(&m_client, success, this, [&](ApiClient::RequestId, const User &u) { user = u; });
    connect(&m_client, &ApiClient::requestFailed, this,
        [&](ApiClient::RequestId, const ApiError &e) { failure = e; });
    start();
    waitForExit();
    if (!user)
        return fail(failure);
    if (m_ndjson)
        m_out << user->toOrderedJson() << '\n' << Qt::flush;
    else
        m_out << UserExport::renderOne(*user, m_format) << Qt::flush;
    return Ok;
}

std::optional<User> CliApp::fetchUser(const ResourceId &id, ApiError *failure)
{
    std::optional<User> user;
    QEventLoop loop;
    const ApiClient::RequestId request = m_client.getUser(id);
    auto got = connect(&m_client, &ApiClient::userReceived, this, [&](ApiClient::RequestId r, const User &u) {
        if (r == request) {
            user = u;
            loop.quit();
        }
    });
    auto failed
        = connect(&m_client, &ApiClient::requestFailed, this, [&](ApiClient::RequestId r, const ApiError &e) {
              if (r == request) {
                  *failure = e;
                  loop.quit();
              }
          });
    loop.exec();
    disconnect(got);
    disconnect(failed);
    return user;
}

int CliApp::list(const QStringList &arguments)
{
    QCommandLineParser p;
    CommandDefinitions::setUp(p, QStringLiteral("users"), QStringLiteral("list"));
    if (const auto done = parseCommand(p, arguments))
        return *done;
    UserFilter filter;
    for (const QString &term : p.values(QStringLiteral("filter"))) {
        const qsizetype eq = term.indexOf(QLatin1Char('='));
        if (eq <= 0 || !filter.set(term.left(eq), term.mid(eq + 1)))
            return usage(tr("bad filter \"%1\": use id=, name=, email=, gender= or status=").arg(term));
    }
    const bool all = p.isSet(QStringLiteral("all"));
    const int perPage = p.isSet(QStringLiteral("per-page")) ? p.value(QStringLiteral("per-page")).toInt()
                                                            : (all ? 100 : 20);
    if (perPage < 1 || perPage > 100)
        return usage(tr("--per-page must be between 1 and 100"));
    const int firstPage = p.value(QStringLiteral("page")).toInt();
    if (firstPage < 1)
        return usage(tr("--page must be a positive number"));
    int maxPages = PagingGuard::DefaultMaxPages;
    if (p.isSet(QStringLiteral("max-pages"))) {
        bool ok = false;
        maxPages = p.value(QStringLiteral("max-pages")).toInt(&ok);
        if (!ok || maxPages < 1)
            return usage(tr("--max-pages must be a positive number"));
    }

    // Pages are read in page order, whatever order they arrive in, and each goes through the guard that
    // makes the walk end on a server that ignores paging (the same page again and again, or everything at
    // once); pages asked for beyond the point where it stops are dropped.
    PagingGuard guard(maxPages);
    QMap<int, UsersPage> arrived; // page number -> answer, until its turn comes
    QHash<ApiClient::RequestId, int> pageOfRequest;
    QSet<int> requested;
    QList<User> users;
    QStringList skipped; // items of the pages that could not be used, each named in a sentence
    int nextPage = firstPage;
    int lastPage = -1; // from the first page count a server gives
    bool done = false;
    ApiError failure;
    auto ask = [&](int page) {
        if (done || requested.contains(page) || page > firstPage + guard.maxPages() - 1)
            return;
        if (lastPage > 0 && page > lastPage)
            return;
        requested.insert(page);
        pageOfRequest.insert(m_client.listUsers(page, perPage, filter), page);
    };
    auto finish = [&] {
        done = true;
        m_client.cancelAll();
    };
    connect(
        &m_client, &ApiClient::usersPageReceived, this, [&](ApiClient::RequestId id, const UsersPage &page) {
            const int number = pageOfRequest.take(id);
            if (done || number == 0)
                return;
            arrived.insert(number, page);
            while (!done && arrived.contains(nextPage)) {
                const UsersPage current = arrived.take(nextPage);
                const bool more = all && current.info.hasNext;
                QList<ResourceId> ids;
                ids.reserve(current.users.size());
                for (const User &u : current.users)
                    ids.append(u.id);
                QList<User> fresh;
                for (const User &u : current.users) {
                    if (!guard.isKnown(u.id))
                        fresh.append(u);
                }
                const auto stop = guard.accept(nextPage, perPage, ids, more);
                if (m_ndjson) {
                    // Streamed: each page's users the moment its turn comes, so a pipe sees them early.
                    for (const User &u : std::as_const(fresh))
                        m_out << u.toOrderedJson() << '\n';
                    m_out.flush();
                } else {
                    users += fresh;
                }
                skipped += current.skipped;
                ++nextPage;
                if (stop != PagingGuard::Stop::None || !more) {
                    finish();
                    break;
                }
                if (current.info.pages > 0 && lastPage < 0) {
                    // The first answer with a page count tells what is left: ask for all of it at once and
                    // let the client's ceiling on requests in flight decide how many run together.
                    lastPage = current.info.pages;
                    for (int n = nextPage; n <= lastPage; ++n)
                        ask(n);
                } else {
                    // No count from this server: walk on from every page that says there is more.
                    ask(nextPage);
                }
            }
        });
    connect(&m_client, &ApiClient::requestFailed, this, [&](ApiClient::RequestId id, const ApiError &error) {
        const int number = pageOfRequest.take(id);
        // A page past the point where the walk stopped may fail (a 404 past the end): it is not needed.
        if (done || number == 0)
            return;
        if (!failure.isError())
            failure = error;
        finish();
    });
    findDialectForLists();
    ask(firstPage);
    if (all) {
        // Fill the first wave before the count is known: a page past the end costs an empty answer, while
        // waiting for page 1 first would cost every --all a whole round trip.
        for (int n = firstPage + 1; n < firstPage + m_client.maxInFlight(); ++n)
            ask(n);
    }
    waitForExit();
    if (failure.isError())
        return fail(failure);
    if (!m_ndjson)
        m_out << UserExport::render(users, m_format) << Qt::flush;
    for (const QString &sentence : std::as_const(skipped))
        m_err << errorPrefix() << sentence << Qt::endl;
    if (guard.stoppedEarly()) {
        m_err << errorPrefix() << guard.reason() << Qt::endl;
        // A cut list is not the whole list: scripts must not take it for one.
        if (guard.stop() == PagingGuard::Stop::PageCap)
            return Failure;
    }
    // Nor is a list without the items that could not be read: what was printed is good, and a script that
    // can live without the rest tells this code from the others.
    return skipped.isEmpty() ? Ok : Incomplete;
}

int CliApp::get(const QStringList &arguments)
{
    QCommandLineParser p;
    CommandDefinitions::setUp(p, QStringLiteral("users"), QStringLiteral("get"));
    if (const auto done = parseCommand(p, arguments))
        return *done;
    ResourceId id;
    if (p.positionalArguments().size() != 1 || !parseId(p.positionalArguments().first(), &id))
        return usage(tr("users get takes exactly one id"));
    return printUserOf(&ApiClient::userReceived, [&] { m_client.getUser(id); });
}

int CliApp::create(const QStringList &arguments)
{
    QCommandLineParser p;
    CommandDefinitions::setUp(p, QStringLiteral("users"), QStringLiteral("create"));
    if (const auto done = parseCommand(p, arguments))
        return *done;
    const UserDraft draft = draftFrom(p);
    const QList<FieldError> problems = draft.validate(true);
    if (!problems.isEmpty()) {
        ApiError e(ApiError::Kind::Validation, tr("The data is not complete."));
        e.setFieldErrors(problems);
        return fail(e);
    }
    return printUserOf(&ApiClient::userCreated, [&] { m_client.createUser(draft); });
}

int CliApp::update(const QStringList &arguments)
{
    QCommandLineParser p;
    CommandDefinitions::setUp(p, QStringLiteral("users"), QStringLiteral("update"));
    if (const auto done = parseCommand(p, arguments))
        return *done;
    ResourceId id;
    if (p.positionalArguments().size() != 1 || !parseId(p.positionalArguments().first(), &id))
        return usage(tr("users update takes exactly one id"));
    const UserDraft draft = draftFrom(p);
    if (draft.isEmpty())
        return usage(tr("nothing to change: give --name, --email, --gender or --status"));
    const QList<FieldError> problems = draft.validate(false);
    if (!problems.isEmpty()) {
        ApiError e(ApiError::Kind::Validation, tr("The data is not valid."));
        e.setFieldErrors(problems);
        return fail(e);
    }
    if (!p.isSet(QStringLiteral("put")))
        return printUserOf(
            &ApiClient::userUpdated, [&] { m_client.updateUser(id, draft, ApiClient::UpdateMethod::Patch); });
    // PUT replaces the record (RFC 9110; json-server does): it must carry every field, not only the
    // changed ones, or the server drops the others. The fields not given come from the user as it is now.
    ApiError failure;
    const std::optional<User> current = fetchUser(id, &failure);
    if (!current)
        return fail(failure);
    UserDraft whole = UserDraft::fromUser(*current);
    if (draft.name)
        whole.name = draft.name;
    if (draft.email)
        whole.email = draft.email;
    if (draft.gender)
        whole.gender = draft.gender;
    if (draft.status)
        whole.status = draft.status;
    return printUserOf(
        &ApiClient::userUpdated, [&] { m_client.updateUser(id, whole, ApiClient::UpdateMethod::Put); });
}

int CliApp::remove(const QStringList &arguments)
{
    QCommandLineParser p;
    CommandDefinitions::setUp(p, QStringLiteral("users"), QStringLiteral("delete"));
    if (const auto done = parseCommand(p, arguments))
        return *done;
    QList<ResourceId> ids;
    for (const QString &arg : p.positionalArguments()) {
        ResourceId id;
        if (!parseId(arg, &id))
            return usage(tr("\"%1\" is not a user id").arg(arg));
        ids.append(id);
    }
    if (ids.isEmpty())
        return usage(tr("users delete needs at least one id"));

    // One request per id, each reported the moment it ends and flushed, so that a run that is cut short
    // has already said what it did.
    QHash<ApiClient::RequestId, ResourceId> pending;
    int code = Ok;
    if (m_format == UserExport::Format::Csv)
        m_out << "id,outcome,error,message\n" << Qt::flush;
    auto report = [&](const ResourceId &userId, const ApiError &error) {
        printDeleteOutcome(userId, error);
        if (error.isError() && code == Ok)
            code = exitCodeFor(error);
    };
    connect(&m_client, &ApiClient::userDeleted, this, [&](ApiClient::RequestId id, const ResourceId &userId) {
        if (pending.remove(id))
            report(userId, ApiError());
    });
    connect(&m_client, &ApiClient::requestFailed, this, [&](ApiClient::RequestId id, const ApiError &error) {
        const auto it = pending.constFind(id);
        if (it == pending.cend())
            return;
        const ResourceId userId = it.value();
        pending.erase(it);
        // Stopped while on the wire: it may have been applied.
        report(userId,
            error.kind() == ApiError::Kind::Canceled && m_graceOver
                ? ApiError::unknownOutcome(tr("user %1 was deleted").arg(userId.toString()), error)
                : error);
    });
    for (const ResourceId &id : std::as_const(ids))
        pending.insert(m_client.deleteUser(id), id);
    waitForExit();
    if (m_interruptedBy)
        return m_interruptedBy == SIGTERM ? Terminated : Canceled;
    return code;
}

void CliApp::printDeleteOutcome(const ResourceId &userId, const ApiError &error)
{
    QString outcome = QStringLiteral("deleted");
    if (error.kind() == ApiError::Kind::Unknown)
        outcome = QStringLiteral("unknown");
    else if (error.kind() == ApiError::Kind::Canceled)
        outcome = QStringLiteral("not-sent");
    else if (error.isError())
        outcome = QStringLiteral("failed");
    const QString kind = error.isError() ? ApiError::kindName(error.kind()) : QString();
    switch (m_format) {
    case UserExport::Format::Json: {
        QJsonObject line { { QStringLiteral("id"), userId.toJson() },
            { QStringLiteral("outcome"), outcome } };
        if (error.isError()) {
            line.insert(QStringLiteral("error"), kind);
            line.insert(QStringLiteral("message"), error.userMessage());
        }
        m_out << QJsonDocument(line).toJson(QJsonDocument::Compact) << '\n' << Qt::flush;
        return;
    }
    case UserExport::Format::Csv: {
        auto cell = [](QString text) {
            if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
                || text.contains(QLatin1Char('\n')))
                text = QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\""))
                    + QLatin1Char('"');
            return text;
        };
        m_out << cell(userId.toString()) << ',' << outcome << ',' << kind << ',' << cell(error.userMessage())
              << '\n'
              << Qt::flush;
        return;
    }
    default:
        break;
    }
    using Colour = TerminalStyle::Colour;
    if (!error.isError())
        m_out << m_outStyle.paint(tr("deleted %1").arg(userId.toString()), Colour::Green) << '\n'
              << Qt::flush;
    else if (error.kind() == ApiError::Kind::Unknown)
        m_err << m_errStyle.paint(
            tr("unknown whether %1 was deleted: %2").arg(userId.toString(), error.userMessage()),
            Colour::Yellow)
              << Qt::endl;
    else if (error.kind() == ApiError::Kind::Canceled)
        m_err << m_errStyle.paint(
            tr("not deleted %1: stopped before it was sent").arg(userId.toString()), Colour::Yellow)
              << Qt::endl;
    else
        m_err << m_errStyle.paint(
            tr("could not delete %1: %2").arg(userId.toString(), error.userMessage()), Colour::Red)
              << Qt::endl;
}

} // namespace UserDesk
