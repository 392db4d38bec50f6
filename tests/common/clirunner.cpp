#include "clirunner.h"

#include "sandboxfixture.h"

#include <QDir>
#include <QProcess>
#include <QTest>

namespace UserDesk {

CliRunner::CliRunner(const QString &program, const SandboxFixture *sandbox, const QString &folder, int waitMs)
    : m_program(program)
    , m_sandbox(sandbox)
    , m_folder(folder)
    , m_waitMs(waitMs)
{
}

QProcessEnvironment CliRunner::environment() const
{
    const QDir folder(m_folder);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("USERDESK_TOKEN"), m_sandbox->token());
    env.insert(QStringLiteral("USERDESK_JOURNAL"), folder.filePath(QStringLiteral("jobs.sqlite")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), folder.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), folder.filePath(QStringLiteral("data")));
    for (auto it = m_set.cbegin(); it != m_set.cend(); ++it)
        env.insert(it.key(), it.value());
    for (const QString &name : m_unset)
        env.remove(name);
    return env;
}

void CliRunner::setVariable(const QString &name, const QString &value)
{
    m_unset.removeAll(name);
    m_set.insert(name, value);
}

void CliRunner::unsetVariable(const QString &name)
{
    m_set.remove(name);
    if (!m_unset.contains(name))
        m_unset.append(name);
}

QStringList CliRunner::withEndpoint(const QStringList &args, const QUrl &endpoint) const
{
    return QStringList { QStringLiteral("--endpoint"),
        (endpoint.isEmpty() ? m_sandbox->baseUrl() : endpoint).toString(), QStringLiteral("--no-keychain") }
    + args;
}

CliRunner::Run CliRunner::run(const QStringList &args, const QUrl &endpoint) const
{
    return runProgram(m_program, withEndpoint(args, endpoint), environment());
}

CliRunner::Run CliRunner::runProgram(
    const QString &program, const QStringList &args, const QProcessEnvironment &env) const
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted(m_waitMs))
        return {};
    if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, m_waitMs))
        return {};
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
        p.readAllStandardError() };
}

QByteArray CliRunner::killAfter(const QStringList &args, int lines) const
{
    QProcess p;
    p.setProcessEnvironment(environment());
    QByteArray out;
    QByteArray err;
    QObject::connect(&p, &QProcess::readyReadStandardOutput, &p, [&] { out += p.readAllStandardOutput(); });
    QObject::connect(&p, &QProcess::readyReadStandardError, &p, [&] { err += p.readAllStandardError(); });
    p.start(m_program, withEndpoint(args));
    if (!p.waitForStarted(m_waitMs))
        return "not started";
    const auto reached = [&] {
        return (lines > 0 ? out.count('\n') >= lines : err.startsWith("job "))
            || p.state() == QProcess::NotRunning;
    };
    if (!QTest::qWaitFor(reached, m_waitMs))
        return "timed out";
    p.kill();
    if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, m_waitMs))
        return "not killed";
    return out;
}

qint64 CliRunner::interruptedJob(QString *state, int *unknown) const
{
    const Run r = run({ QStringLiteral("jobs"), QStringLiteral("list") });
    if (r.exitCode != 0)
        return 0;
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    if (lines.size() != 2)
        return 0;
    const QList<QByteArray> cells = lines.at(1).split('\t');
    if (state)
        *state = QString::fromUtf8(cells.value(2));
    if (unknown)
        *unknown = cells.value(5).toInt();
    return cells.value(0).toLongLong();
}

} // namespace UserDesk
