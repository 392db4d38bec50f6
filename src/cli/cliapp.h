#pragma once

#include "apiclient.h"
#include "profile.h"
#include "terminalstyle.h"
#include "userexport.h"

#include <QCommandLineParser>
#include <QObject>
#include <QSet>
#include <QTextStream>
#include <functional>
#include <optional>

namespace UserDesk {

// userdesk-cli: parses the command line, runs one command through ApiClient, prints the result and
// returns an exit code that tells scripts what kind of failure happened.
class CliApp : public QObject
{
    Q_OBJECT
public:
    enum ExitCode {
        Ok = 0,
        Failure = 1,
        Usage = 2,
        NetworkFailure = 3, // refused, reset, timeout, TLS
        AuthFailure = 4, // 401, 403
        NotFound = 5,
        ValidationFailure = 6, // 422, or refused before sending
        RateLimited = 7,
        ServerFailure = 8, // 5xx
        BadResponse = 9,
        OutcomeUnknown = 10, // a write whose answer was lost and that could not be read back
        Incomplete = 11, // a list printed without the items that could not be read (named on stderr)
        Canceled = 130, // also: interrupted by SIGINT
        Terminated = 143, // SIGTERM
    };
    // How long an interrupted run waits for the requests already in flight before it cancels them.
    static constexpr int interruptGraceMs = 2000;

    explicit CliApp(QObject *parent = nullptr);
    int run(const QStringList &arguments);

    static int exitCodeFor(const ApiError &error);
    // The "Commands:" block, the token and the exit codes, as --help shows them.
    static QString helpText();

private:
    bool setUp(QCommandLineParser &global, const QStringList &arguments, QString *error);
    int runUsers(const QStringList &arguments);
    // `completion bash|zsh|fish` prints a script; `completion profiles` the profile names, for the scripts.
    int completion(const QCommandLineParser &global, const QStringList &arguments);
    QString errorPrefix() const;
    int list(const QStringList &arguments);
    int get(const QStringList &arguments);
    int create(const QStringList &arguments);
    int update(const QStringList &arguments);
    int remove(const QStringList &arguments);
    // Parses a subcommand's options; a value means "return this exit code now" (help shown, or misuse).
    std::optional<int> parseCommand(QCommandLineParser &parser, const QStringList &arguments);
    // Starts one request that ends in `success` with a user, waits for it and prints the user.
    int printUserOf(
        void (ApiClient::*success)(ApiClient::RequestId, const User &), const std::function<void()> &start);
    // Reads one user, waiting for it; nullopt with *failure when it cannot.
    std::optional<User> fetchUser(const ResourceId &id, ApiError *failure);
    int fail(const ApiError &error);
    int usage(const QString &message);
    int waitForExit();
    void printExchange(int index);
    void printDeleteOutcome(const ResourceId &userId, const ApiError &error);
    void interrupt(int signalNumber);
    // --trust-fingerprint (added to the profile's), --ca-file, SSL_CERT_FILE and SSL_CERT_DIR, the profile's
    // CA file.
    bool setUpTls(const QCommandLineParser &global, QStringList fingerprints, const QString &profileCaFile,
        QString *error);
    // Asks the server which dialect it speaks and sets it on the client; GoRest when it cannot tell.
    void detectDialect();
    // Before the first list of a run whose dialect is not given: detectDialect(), kept in the profile.
    void findDialectForLists();

    ApiClient m_client;
    QTextStream m_out;
    QTextStream m_err;
    TerminalStyle m_outStyle;
    TerminalStyle m_errStyle;
    UserExport::Format m_format = UserExport::Format::Table;
    bool m_ndjson = false; // --format ndjson: m_format is Json, one compact object a line
    bool m_verbose = false;
    bool m_dialectDetected = false;
    bool m_dialectUnknown = false;
    std::optional<Profile> m_dialectProfile;
    QString m_settingsPath;
    int m_exitCode = Ok;
    int m_interruptedBy = 0; // the signal that stopped the run
    QSet<quint64> m_printedExchanges; // --verbose shows each exchange once
    bool m_graceOver = false; // requests in flight were canceled after the grace period
};

} // namespace UserDesk
