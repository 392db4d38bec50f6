#pragma once

#include <QByteArray>
#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace UserDesk {

class SandboxFixture;

// userdesk-cli as a test runs it against its sandbox: with the sandbox's token and a journal, settings and
// data of its own in one folder, away from the person's; each run waits with this process's event loop
// turning, since the sandbox answers from it.
class CliRunner
{
public:
    struct Run
    {
        int exitCode = -1; // -1: it did not start, or did not end in time; -2: it crashed or was killed
        QByteArray out;
        QByteArray err;
    };

    // `program`: the CLI; `folder`: where its journal (jobs.sqlite), settings (config) and data (data) go;
    // `waitMs`: how long it may take to start, and then to end.
    CliRunner(const QString &program, const SandboxFixture *sandbox, const QString &folder, int waitMs);

    // What each run gets: this process's environment with the sandbox's token, USERDESK_JOURNAL,
    // XDG_CONFIG_HOME and XDG_DATA_HOME in the folder, then what setVariable and unsetVariable changed.
    QProcessEnvironment environment() const;
    void setVariable(const QString &name, const QString &value);
    void unsetVariable(const QString &name);

    // Runs the CLI with `args` against the sandbox (or `endpoint`) until it ends.
    Run run(const QStringList &args, const QUrl &endpoint = {}) const;
    // Runs any `program` with `env` until it ends: a shell that tries the CLI's completions, say.
    Run runProgram(const QString &program, const QStringList &args, const QProcessEnvironment &env) const;
    // Starts the CLI, waits until it has printed `lines` lines on stdout (with 0: until it says on stderr
    // that its job is in the journal) or has ended, and kills it with SIGKILL, which gives it no chance to
    // write anything more; returns what it printed on stdout, or "not started", "timed out", "not killed".
    QByteArray killAfter(const QStringList &args, int lines) const;
    // The one unfinished job `jobs list` shows, 0 when there is none or more than one; `state`: its state
    // ("interrupted", …); `unknown`: how many of its items may have been sent.
    qint64 interruptedJob(QString *state = nullptr, int *unknown = nullptr) const;

private:
    QStringList withEndpoint(const QStringList &args, const QUrl &endpoint = {}) const;

    QString m_program;
    const SandboxFixture *m_sandbox;
    QString m_folder;
    int m_waitMs;
    QHash<QString, QString> m_set;
    QStringList m_unset;
};

} // namespace UserDesk
