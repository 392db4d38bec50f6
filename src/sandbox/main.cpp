// userdesk-sandbox: the sandbox server as a command, for people, scripts and benchmarks.

#include "sandboxconfig.h"
#include "sandboxserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace UserDesk;

namespace {

int signalPipe[2] = { -1, -1 };

// Only async-signal-safe work here: the event loop picks the byte up.
void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[0], &byte, 1);
}

bool installSignalHandlers()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return false;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &action, nullptr) == 0 && ::sigaction(SIGTERM, &action, nullptr) == 0;
}

void printLine(const QString &line, FILE *stream = stdout)
{
    std::fprintf(stream, "%s\n", line.toLocal8Bit().constData());
    std::fflush(stream);
}

[[noreturn]] void usageError(const QString &message)
{
    printLine(QStringLiteral("userdesk-sandbox: ") + message, stderr);
    std::exit(2);
}

// The sandbox holds its tokens in memory: no core file (RLIMIT_CORE 0), and not dumpable, which also
// keeps other processes of the same user from attaching to read them. USERDESK_ALLOW_CORE_DUMPS=1
// keeps core dumps for debugging a crash, as for the app and the CLI.
bool keepTokensOutOfCoreDumps()
{
    if (qEnvironmentVariableIntValue("USERDESK_ALLOW_CORE_DUMPS") == 1)
        return true;
    const struct rlimit none = { 0, 0 };
    bool ok = ::setrlimit(RLIMIT_CORE, &none) == 0;
#if !defined(__SANITIZE_ADDRESS__)
    // Not under AddressSanitizer: its leak checker attaches to the process with ptrace at exit.
    ok = ::prctl(PR_SET_DUMPABLE, 0) == 0 && ok;
#endif
    return ok;
}

// One token a line; blank lines and lines starting with # are skipped.
QStringList readTokenFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        usageError(
            QStringLiteral("cannot read the token file ") + path + QStringLiteral(": ") + file.errorString());
    QStringList tokens;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
            tokens.append(line);
    }
    if (tokens.isEmpty())
        usageError(QStringLiteral("the token file ") + path + QStringLiteral(" holds no token"));
    return tokens;
}

double rateOption(const QCommandLineParser &parser, const QString &name)
{
    double rate = 0.0;
    if (parser.isSet(name) && !SandboxFaults::parseRate(parser.value(name), &rate))
        usageError(QStringLiteral("--") + name + QStringLiteral(" needs a probability from 0 to 1"));
    return rate;
}

} // namespace

int main(int argc, char *argv[])
{
    const bool coreDumpsOff = keepTokensOutOfCoreDumps();
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("UserDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("userdesk-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(USERDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main",
        "A local look-alike of the GoRest v2 API (users, posts, comments, todos), backed by SQLite."));
    parser.addHelpOption();
    parser.addVersionOption();
    const auto option = [&parser](
                            const char *name, const char *description, const char *valueName = nullptr) {
        QCommandLineOption o(QString::fromLatin1(name), QCoreApplication::translate("main", description));
        if (valueName)
            o.setValueName(QString::fromLatin1(valueName));
        parser.addOption(o);
    };
    option("port", "Port to listen on; 0 picks a free one (default 8080).", "PORT");
    option("bind", "Address to listen on (default 127.0.0.1). Anything else exposes the sandbox.", "ADDR");
    option("data", "SQLite data file, created and seeded on first start.", "PATH");
    option("seed", "Number of users to generate when creating or resetting the data (default 3000).", "N");
    option("reset", "Drop all data and generate it afresh.");
    option("token-file",
        "Accept the tokens in this file (one a line) for writes. Also USERDESK_SANDBOX_TOKEN. Without any, "
        "a token is generated and printed.",
        "PATH");
    option("admin-token-file",
        "Token for the /__sandbox admin routes (header X-Sandbox-Admin), read from this file. Also "
        "USERDESK_SANDBOX_ADMIN_TOKEN. Generated if absent.",
        "PATH");
    option("token",
        "Accept this token for writes (repeatable). Deprecated: every user can read it from the "
        "process list; use --token-file.",
        "TOKEN");
    option("admin-token", "Admin token on the command line. Deprecated, as --token; use --admin-token-file.",
        "TOKEN");
    option("rate-limit", "Requests per token per window, e.g. 90/60 (default off).", "N/SECONDS");
    option("no-retry-after", "Answer 429 without Retry-After, as the real GoRest does.");
    option("latency", "Delay every answer by MS milliseconds plus up to JITTER more.", "MS[:JITTER]");
    option("fail-rate", "Share of requests answered 503 with Retry-After.", "P");
    option("html-error-rate", "Share of requests answered 502 with a proxy's HTML page.", "P");
    option("drop-rate",
        "Share of connections closed without an answer, half before and half after a write is applied.", "P");
    option("drop-before-rate",
        "Share of connections closed without an answer and without applying the write.", "P");
    option("drop-after-rate", "Share of connections closed without an answer after applying the write.", "P");
    option("truncate-rate", "Share of answers cut off halfway through the body.", "P");
    option("fault-seed", "Seed for the fault decisions (default 1).", "N");
    option("max-body", "Largest request body accepted, in bytes (default 1048576).", "BYTES");
    option("max-connections", "Connections open at once; more are answered 503 (default 256).", "N");
    option("idle-timeout",
        "Seconds a connection may stay idle, and a request may take to arrive, before it is closed "
        "(default 30).",
        "SECONDS");
    option(
        "verbose", "Log each request's method, path, status and time to stderr (never headers or tokens).");
    parser.process(app);

    SandboxConfig config;
    config.port = 8080;
    bool ok = true;
    if (parser.isSet(QStringLiteral("port"))) {
        const uint port = parser.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port > 65535)
            usageError(QStringLiteral("--port needs a number from 0 to 65535"));
        config.port = quint16(port);
    }
    if (parser.isSet(QStringLiteral("bind"))) {
        if (!config.bindAddress.setAddress(parser.value(QStringLiteral("bind"))))
            usageError(QStringLiteral("--bind needs an IP address"));
        if (!config.bindAddress.isLoopback())
            printLine(QStringLiteral("warning: listening on ") + config.bindAddress.toString()
                    + QStringLiteral(": other machines can reach this sandbox"),
                stderr);
    }
    config.dataPath = parser.isSet(QStringLiteral("data")) ? parser.value(QStringLiteral("data"))
                                                           : SandboxConfig::defaultDataPath();
    if (parser.isSet(QStringLiteral("seed"))) {
        config.seedUsers = parser.value(QStringLiteral("seed")).toInt(&ok);
        if (!ok || config.seedUsers < 0)
            usageError(QStringLiteral("--seed needs a number of users"));
    }
    config.reset = parser.isSet(QStringLiteral("reset"));
    // Tokens from a file or the environment, never from argv where every user can read them.
    if (parser.isSet(QStringLiteral("token-file")))
        config.tokens = readTokenFile(parser.value(QStringLiteral("token-file")));
    const QString envToken = qEnvironmentVariable("USERDESK_SANDBOX_TOKEN").trimmed();
    if (!envToken.isEmpty())
        config.tokens.append(envToken);
    if (parser.isSet(QStringLiteral("token"))) {
        printLine(QStringLiteral("warning: --token is visible to every user of this machine (ps, "
                                 "/proc); use --token-file or USERDESK_SANDBOX_TOKEN"),
            stderr);
        config.tokens.append(parser.values(QStringLiteral("token")));
    }
    const bool tokenGenerated = config.tokens.isEmpty();
    if (parser.isSet(QStringLiteral("admin-token-file")))
        config.adminToken = readTokenFile(parser.value(QStringLiteral("admin-token-file"))).constFirst();
    if (config.adminToken.isEmpty())
        config.adminToken = qEnvironmentVariable("USERDESK_SANDBOX_ADMIN_TOKEN").trimmed();
    if (parser.isSet(QStringLiteral("admin-token"))) {
        printLine(QStringLiteral("warning: --admin-token is visible to every user of this machine (ps, "
                                 "/proc); use --admin-token-file or USERDESK_SANDBOX_ADMIN_TOKEN"),
            stderr);
        if (config.adminToken.isEmpty())
            config.adminToken = parser.value(QStringLiteral("admin-token"));
    }
    const bool adminTokenGenerated = config.adminToken.isEmpty();
    if (!coreDumpsOff)
        printLine(QStringLiteral("warning: core dumps could not be turned off; a crash could leave the "
                                 "tokens in a core file"),
            stderr);
    if (parser.isSet(QStringLiteral("rate-limit"))) {
        const auto limit = SandboxRateLimit::parse(parser.value(QStringLiteral("rate-limit")));
        if (!limit)
            usageError(QStringLiteral("--rate-limit needs N/SECONDS, e.g. 90/60"));
        config.rateLimit = *limit;
    }
    config.rateLimit.sendRetryAfter = !parser.isSet(QStringLiteral("no-retry-after"));
    if (parser.isSet(QStringLiteral("latency"))
        && !SandboxFaults::parseLatency(
            parser.value(QStringLiteral("latency")), &config.faults.latencyMs, &config.faults.jitterMs))
        usageError(QStringLiteral("--latency needs MS or MS:JITTER"));
    config.faults.failRate = rateOption(parser, QStringLiteral("fail-rate"));
    config.faults.htmlErrorRate = rateOption(parser, QStringLiteral("html-error-rate"));
    config.faults.dropRate = rateOption(parser, QStringLiteral("drop-rate"));
    config.faults.dropBeforeRate = rateOption(parser, QStringLiteral("drop-before-rate"));
    config.faults.dropAfterRate = rateOption(parser, QStringLiteral("drop-after-rate"));
    config.faults.truncateRate = rateOption(parser, QStringLiteral("truncate-rate"));
    if (parser.isSet(QStringLiteral("fault-seed"))) {
        config.faults.seed = parser.value(QStringLiteral("fault-seed")).toULongLong(&ok);
        if (!ok)
            usageError(QStringLiteral("--fault-seed needs a non-negative number"));
    }
    if (parser.isSet(QStringLiteral("max-body"))) {
        config.maxBodyBytes = parser.value(QStringLiteral("max-body")).toLongLong(&ok);
        if (!ok || config.maxBodyBytes < 0)
            usageError(QStringLiteral("--max-body needs a number of bytes"));
    }
    if (parser.isSet(QStringLiteral("max-connections"))) {
        config.maxConnections = parser.value(QStringLiteral("max-connections")).toInt(&ok);
        if (!ok || config.maxConnections < 1)
            usageError(QStringLiteral("--max-connections needs a number of at least 1"));
    }
    if (parser.isSet(QStringLiteral("idle-timeout"))) {
        const int seconds = parser.value(QStringLiteral("idle-timeout")).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 86400)
            usageError(QStringLiteral("--idle-timeout needs a number of seconds from 1 to 86400"));
        config.idleTimeoutMs = seconds * 1000;
        config.requestTimeoutMs = seconds * 1000;
    }
    config.logRequests = parser.isSet(QStringLiteral("verbose"));

    if (!installSignalHandlers())
        usageError(QStringLiteral("cannot install signal handlers"));
    QSocketNotifier signalNotifier(signalPipe[1], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, [&app]() {
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(signalPipe[1], &byte, 1);
        app.quit();
    });

    SandboxServer server(config);
    if (!server.start()) {
        printLine(QStringLiteral("userdesk-sandbox: ") + server.errorString(), stderr);
        return 1;
    }
    // The first line is the base URL alone, for scripts to read.
    printLine(server.baseUrl().toString());
    // Only tokens the sandbox made up are shown: the person cannot know them otherwise.
    if (tokenGenerated)
        printLine(QStringLiteral("token: ") + server.tokens().constFirst());
    if (adminTokenGenerated)
        printLine(QStringLiteral("admin token: ") + server.adminToken());
    printLine(QStringLiteral("data: ") + config.dataPath, stderr);

    const int status = app.exec();
    server.stop();
    printLine(QStringLiteral("userdesk-sandbox: stopped"), stderr);
    return status;
}
