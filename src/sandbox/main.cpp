// userdesk-sandbox: the sandbox server as a command, for people, scripts and benchmarks.

#include "sandboxconfig.h"
#include "sandboxserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
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
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("UserDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("userdesk-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(USERDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "A local look-alike of the GoRest v2 users API, backed by SQLite."));
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
    option("token",
        "Accept this token for writes (repeatable). Without one, a token is generated and printed.", "TOKEN");
    option("admin-token",
        "Token for the /__sandbox admin routes (header X-Sandbox-Admin). Generated if absent.", "TOKEN");
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
    config.tokens = parser.values(QStringLiteral("token"));
    const bool tokenGenerated = config.tokens.isEmpty();
    config.adminToken = parser.value(QStringLiteral("admin-token"));
    const bool adminTokenGenerated = config.adminToken.isEmpty();
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
