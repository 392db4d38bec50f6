#pragma once

#include "apiclient.h"
#include "importtable.h"
#include "jobjournal.h"
#include "resourceschema.h"
#include "terminalstyle.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QObject>
#include <QTextStream>
#include <functional>
#include <optional>

namespace UserDesk {

class BulkJob;

// The CLI's journaled bulk commands: `users import FILE [--dry-run]`, `users bulk-update`,
// `users bulk-delete`, `posts|comments|todos import FILE [--user ID|--post ID] [--dry-run]`, and
// `jobs list|resume ID|discard ID`. Each job is written to the journal before its
// first request and prints one line per item as it ends, so a run cut off by a kill has said what it did
// and can be resumed from where it stopped.
class JobsCommands : public QObject
{
    Q_OBJECT
public:
    JobsCommands(ApiClient &client, QTextStream &out, QTextStream &err, QObject *parent = nullptr);

    // Whether `jobs VERB` needs the network (and so an endpoint and a token).
    static bool needsServer(const QString &jobsVerb);

    // Called once before a job with record items runs (the CLI finds out the server's dialect, in which
    // a resume looks records up).
    void setPrepareLists(std::function<void()> prepare) { m_prepareLists = std::move(prepare); }

    int importUsers(const QStringList &arguments);
    // `posts import`, `comments import`, `todos import`: arguments start with the program name.
    int importRecords(const ResourceSchema &schema, const QStringList &arguments);
    int bulkUpdate(const QStringList &arguments);
    int bulkDelete(const QStringList &arguments);
    int jobs(const QStringList &arguments);

private:
    // Sets the parser up from CommandDefinitions and parses; a value means "return this exit code now".
    std::optional<int> parse(
        QCommandLineParser &parser, const QString &noun, const QString &verb, const QStringList &arguments);
    QString errorPrefix() const;
    // --map and --input-format (or --format csv|json); a usage exit code when one is wrong.
    std::optional<int> importOptions(
        const QCommandLineParser &parser, QHash<QString, QString> *mapping, ImportTable::Format *format);
    bool openJournal();
    int startJob(const QString &kind, const QString &description, const QList<JobItem> &items);
    int run(qint64 jobId);
    int list(const QStringList &arguments);
    int resume(const QStringList &arguments);
    int discard(const QStringList &arguments);
    // Why a job against the window's built-in sandbox is not resumed here, in a sentence.
    static QString builtinSandboxJob(const JobSummary &job);
    void printItem(const JobItem &item);
    // A row of a file to import as checked before anything is sent.
    struct CheckedRow
    {
        QString source; // "line 3"
        QStringList errors; // empty: valid
        QJsonObject identity; // what names it in an ndjson line: its email, its title
        QString wouldCreate; // what a dry run says of it as text
    };
    // One line per row: in a dry run every row, else only the invalid ones (their errors on standard
    // error), as text or ndjson; then the dry run's summary, or the refusal of a file with invalid rows.
    // An exit code when the command ends here; nothing when the import goes on.
    std::optional<int> reportRows(const QCommandLineParser &p, const QList<CheckedRow> &rows);
    int usage(const QString &message);
    int failure(const QString &sentence, int code);
    static bool isAlive(qint64 pid);

    ApiClient &m_client;
    QTextStream &m_out;
    QTextStream &m_err;
    JobJournal m_journal;
    TerminalStyle m_outStyle;
    TerminalStyle m_errStyle;
    bool m_ndjson = false; // --format ndjson: one JSON object a line on stdout
    std::function<void()> m_prepareLists;
};

} // namespace UserDesk
