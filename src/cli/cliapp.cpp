#include "cliapp.h"

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

const QString usersHelp = QStringLiteral(
    "Commands:\n"
    "  users list [--all [--max-pages N]] [--page N] [--per-page N] [--filter KEY=VALUE]...\n"
    "             [--format table|json|csv]\n"
    "  users get ID [--format table|json|csv]\n"
    "  users create --name NAME --email EMAIL --gender male|female --status active|inactive\n"
    "  users update ID [--name NAME] [--email EMAIL] [--gender G] [--status S] [--put]\n"
    "  users delete ID [ID...] [--format table|json|csv]   (one line per user as it ends)\n"
    "\n"
    "The token is read from the environment variable USERDESK_TOKEN (never from the command line, where\n"
    "other users of the machine could read it), or from the keychain entry of --profile.\n"
    "Exit codes: 0 ok, 1 failure, 2 usage, 3 network/timeout/TLS, 4 authentication, 5 not found,\n"
    "6 validation, 7 rate limited, 8 server error, 9 bad response, 10 outcome unknown (a write whose\n"
    "answer was lost and that could not be read back: it may or may not have been applied; check before\n"
    "repeating it), 130 interrupted (SIGINT) or canceled, 143 terminated (SIGTERM).\n");
} // namespace

CliApp::CliApp(QObject *parent)
    : QObject(parent)
    , m_out(stdout)
    , m_err(stderr)
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

int CliApp::usage(const QString &message)
{
    m_err << "userdesk-cli: " << message << "\n" << tr("Try 'userdesk-cli --help'.") << Qt::endl;
    return Usage;
}

int CliApp::fail(const ApiError &error)
{
    m_err << "userdesk-cli: " << error.userMessage() << Qt::endl;
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
        SessionController::applyProfile(m_client, *profile);
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
    if (!setUpTls(global, profile ? profile->trustedCertificates() : QStringList(), error))
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

bool CliApp::setUpTls(const QCommandLineParser &global, QStringList fingerprints, QString *error)
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

    // As OpenSSL and curl do: SSL_CERT_FILE and SSL_CERT_DIR (':'-separated) name the authorities to
    // trust instead of the system's; --ca-file adds its own.
    QList<QSslCertificate> authorities;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    auto readPem = [&](const QString &path, bool mustHold) {
        QFile file(path);
        const QList<QSslCertificate> found = file.open(QIODevice::ReadOnly)
            ? QSslCertificate::fromData(file.readAll(), QSsl::Pem)
            : QList<QSslCertificate>();
        if (found.isEmpty() && mustHold) {
            *error = tr("no PEM certificate could be read from %1").arg(path);
            return false;
        }
        authorities += found;
        return true;
    };
    if (const QString file = env.value(QStringLiteral("SSL_CERT_FILE")); !file.isEmpty())
        readPem(file, false);
    if (const QString dirs = env.value(QStringLiteral("SSL_CERT_DIR")); !dirs.isEmpty()) {
        for (const QString &dir : dirs.split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
            const QFileInfoList entries = QDir(dir).entryInfoList(QDir::Files | QDir::Readable);
            for (const QFileInfo &entry : entries)
                readPem(entry.filePath(), false);
        }
    }
    if (global.isSet(QStringLiteral("ca-file")) && !readPem(global.value(QStringLiteral("ca-file")), true))
        return false;
    m_client.setCaCertificates(authorities);
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

int CliApp::run(const QStringList &arguments)
{
    QCommandLineParser global;
    global.setApplicationDescription(
        tr("UserDesk command line: list, read, create, update and delete users of a "
           "GoRest-style API.\n\n")
        + usersHelp + RecordCommands::help() + tr("\nJournaled bulk jobs (resumable after a kill):\n")
        + JobsCommands::help());
    global.addHelpOption();
    global.addVersionOption();
    global.addOptions({
        { QStringLiteral("endpoint"), tr("API base URL, e.g. http://127.0.0.1:8080/public/v2."), tr("url") },
        { QStringLiteral("profile"), tr("Use the settings and keychain token of this UserDesk profile."),
            tr("name") },
        { QStringLiteral("settings"), tr("Read profiles from this settings file."), tr("path") },
        { QStringLiteral("no-keychain"), tr("Do not read the token from the keychain.") },
        { QStringLiteral("timeout"), tr("Deadline of each request, connect to last byte, in milliseconds."),
            tr("ms") },
        { QStringLiteral("concurrency"), tr("Requests in flight at most."), tr("n") },
        { QStringLiteral("retries"), tr("Retries of a failed request at most."), tr("n") },
        { QStringLiteral("verbose"),
            tr("Print every HTTP exchange (token and user:password redacted) to stderr.") },
        { QStringLiteral("ca-file"),
            tr("Verify the server with the certificate authorities in this PEM file instead of the "
               "system's (SSL_CERT_FILE and SSL_CERT_DIR are honoured too)."),
            tr("path") },
        { QStringLiteral("trust-fingerprint"),
            tr("Trust the server certificate with this SHA-256 fingerprint, as the error shows it "
               "(repeatable)."),
            tr("sha256") },
        { QStringLiteral("proxy"),
            tr("Send every request through this proxy: http://[user:password@]host:port or socks5://...; "
               "without it, the environment's proxy settings apply."),
            tr("url") },
        { QStringLiteral("dialect"),
            tr("How the server pages and filters: auto (found out on first contact), %1.")
                .arg(Dialect::names().join(QStringLiteral(", "))),
            tr("name") },
    });
    global.addPositionalArgument(QStringLiteral("command"), tr("users, posts, comments, todos or jobs"),
        tr("users|posts|comments|todos <list|get|create|update|delete>"));
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

int CliApp::runUsers(const QStringList &arguments)
{
    if (arguments.isEmpty()) {
        m_out << usersHelp << Qt::flush;
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
QCommandLineOption formatOption()
{
    return { QStringLiteral("format"), QCoreApplication::translate("UserDesk::CliApp", "table, json or csv."),
        QStringLiteral("format"), QStringLiteral("table") };
}

QList<QCommandLineOption> fieldOptions()
{
    auto t = [](const char *s) { return QCoreApplication::translate("UserDesk::CliApp", s); };
    return { { QStringLiteral("name"), t("Full name."), t("name") },
        { QStringLiteral("email"), t("Email address (unique)."), t("email") },
        { QStringLiteral("gender"), t("male or female."), t("gender") },
        { QStringLiteral("status"), t("active or inactive."), t("status") } };
}

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

bool parseId(const QString &text, qint64 *id)
{
    bool ok = false;
    *id = text.toLongLong(&ok);
    return ok && *id > 0;
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
    if (hasFormat && !UserExport::parseFormat(parser.value(QStringLiteral("format")), &m_format))
        return usage(tr("--format must be table, json or csv"));
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
    m_out << UserExport::renderOne(*user, m_format) << Qt::flush;
    return Ok;
}

std::optional<User> CliApp::fetchUser(qint64 id, ApiError *failure)
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
    p.setApplicationDescription(tr("List users, newest first."));
    p.addHelpOption();
    p.addOptions({ formatOption(),
        { QStringLiteral("all"), tr("Fetch every page (concurrently once the page count is known).") },
        { QStringLiteral("page"), tr("Page to fetch (default 1)."), tr("n"), QStringLiteral("1") },
        { QStringLiteral("per-page"), tr("Users per page, 1 to 100 (default 100 with --all, else 20)."),
            tr("n") },
        { QStringLiteral("filter"),
            tr("Server-side filter: id= (exact), name=, email=, gender=, status= (repeatable)."),
            tr("key=value") },
        { QStringLiteral("max-pages"),
            tr("With --all, read at most this many pages (default %1).").arg(PagingGuard::DefaultMaxPages),
            tr("n") } });
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
                QList<qint64> ids;
                ids.reserve(current.users.size());
                for (const User &u : current.users)
                    ids.append(u.id);
                QList<User> fresh;
                for (const User &u : current.users) {
                    if (!guard.isKnown(u.id))
                        fresh.append(u);
                }
                const auto stop = guard.accept(nextPage, perPage, ids, more);
                users += fresh;
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
    m_out << UserExport::render(users, m_format) << Qt::flush;
    for (const QString &sentence : std::as_const(skipped))
        m_err << "userdesk-cli: " << sentence << Qt::endl;
    if (guard.stoppedEarly()) {
        m_err << "userdesk-cli: " << guard.reason() << Qt::endl;
        // A cut list is not the whole list: scripts must not take it for one.
        if (guard.stop() == PagingGuard::Stop::PageCap)
            return Failure;
    }
    return Ok;
}

int CliApp::get(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(tr("Show one user."));
    p.addHelpOption();
    p.addOption(formatOption());
    p.addPositionalArgument(QStringLiteral("id"), tr("The user's id."));
    if (const auto done = parseCommand(p, arguments))
        return *done;
    qint64 id = 0;
    if (p.positionalArguments().size() != 1 || !parseId(p.positionalArguments().first(), &id))
        return usage(tr("users get takes exactly one numeric id"));
    return printUserOf(&ApiClient::userReceived, [&] { m_client.getUser(id); });
}

int CliApp::create(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(tr("Create a user; prints the created user."));
    p.addHelpOption();
    p.addOption(formatOption());
    p.addOptions(fieldOptions());
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
    p.setApplicationDescription(tr("Change fields of a user (PATCH, or PUT with --put); prints the result."));
    p.addHelpOption();
    p.addOption(formatOption());
    p.addOptions(fieldOptions());
    p.addOption({ QStringLiteral("put"), tr("Send PUT instead of PATCH.") });
    p.addPositionalArgument(QStringLiteral("id"), tr("The user's id."));
    if (const auto done = parseCommand(p, arguments))
        return *done;
    qint64 id = 0;
    if (p.positionalArguments().size() != 1 || !parseId(p.positionalArguments().first(), &id))
        return usage(tr("users update takes exactly one numeric id"));
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
    p.setApplicationDescription(
        tr("Delete users by id; reports each one on its own line as it ends (deleted on stdout, the rest on "
           "stderr; with --format json or csv every line on stdout)."));
    p.addHelpOption();
    p.addOption(formatOption());
    p.addPositionalArgument(QStringLiteral("ids"), tr("One or more user ids."), tr("ID..."));
    if (const auto done = parseCommand(p, arguments))
        return *done;
    QList<qint64> ids;
    for (const QString &arg : p.positionalArguments()) {
        qint64 id = 0;
        if (!parseId(arg, &id))
            return usage(tr("\"%1\" is not a user id").arg(arg));
        ids.append(id);
    }
    if (ids.isEmpty())
        return usage(tr("users delete needs at least one id"));

    // One request per id, each reported the moment it ends and flushed, so that a run that is cut short
    // has already said what it did.
    QHash<ApiClient::RequestId, qint64> pending;
    int code = Ok;
    if (m_format == UserExport::Format::Csv)
        m_out << "id,outcome,error,message\n" << Qt::flush;
    auto report = [&](qint64 userId, const ApiError &error) {
        printDeleteOutcome(userId, error);
        if (error.isError() && code == Ok)
            code = exitCodeFor(error);
    };
    connect(&m_client, &ApiClient::userDeleted, this, [&](ApiClient::RequestId id, qint64 userId) {
        if (pending.remove(id))
            report(userId, ApiError());
    });
    connect(&m_client, &ApiClient::requestFailed, this, [&](ApiClient::RequestId id, const ApiError &error) {
        const auto it = pending.constFind(id);
        if (it == pending.cend())
            return;
        const qint64 userId = it.value();
        pending.erase(it);
        // Stopped while on the wire: it may have been applied.
        report(userId,
            error.kind() == ApiError::Kind::Canceled && m_graceOver
                ? ApiError::unknownOutcome(tr("user %1 was deleted").arg(userId), error)
                : error);
    });
    for (qint64 id : std::as_const(ids))
        pending.insert(m_client.deleteUser(id), id);
    waitForExit();
    if (m_interruptedBy)
        return m_interruptedBy == SIGTERM ? Terminated : Canceled;
    return code;
}

void CliApp::printDeleteOutcome(qint64 userId, const ApiError &error)
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
        QJsonObject line { { QStringLiteral("id"), userId }, { QStringLiteral("outcome"), outcome } };
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
        m_out << userId << ',' << outcome << ',' << kind << ',' << cell(error.userMessage()) << '\n'
              << Qt::flush;
        return;
    }
    default:
        break;
    }
    if (!error.isError())
        m_out << tr("deleted %1").arg(userId) << '\n' << Qt::flush;
    else if (error.kind() == ApiError::Kind::Unknown)
        m_err << tr("unknown whether %1 was deleted: %2").arg(userId).arg(error.userMessage()) << Qt::endl;
    else if (error.kind() == ApiError::Kind::Canceled)
        m_err << tr("not deleted %1: stopped before it was sent").arg(userId) << Qt::endl;
    else
        m_err << tr("could not delete %1: %2").arg(userId).arg(error.userMessage()) << Qt::endl;
}

} // namespace UserDesk
