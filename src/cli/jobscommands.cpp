#include "jobscommands.h"

#include "bulkjob.h"
#include "cliapp.h"
#include "recordcommands.h"
#include "recordimport.h"
#include "userimport.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

namespace UserDesk {

namespace {
bool parseIdList(const QStringList &texts, QList<qint64> *ids, QString *bad)
{
    for (const QString &text : texts) {
        for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const qint64 id = part.trimmed().toLongLong(&ok);
            if (!ok || id <= 0) {
                *bad = part;
                return false;
            }
            if (!ids->contains(id))
                ids->append(id);
        }
    }
    return true;
}
} // namespace

JobsCommands::JobsCommands(ApiClient &client, QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_out(out)
    , m_err(err)
{
}

const QString &JobsCommands::help()
{
    static const QString text = QStringLiteral(
        "  users import FILE [--dry-run] [--map FIELD=COLUMN]... [--skip-invalid]\n"
        "  users bulk-update ID... [--name NAME] [--gender G] [--status S]\n"
        "  users bulk-delete ID...\n"
        "  posts import FILE [--user ID] [--dry-run] [--map FIELD=COLUMN]... [--skip-invalid]\n"
        "  comments import FILE [--post ID] [--dry-run] [--map FIELD=COLUMN]... "
        "[--skip-invalid]\n"
        "  todos import FILE [--user ID] [--dry-run] [--map FIELD=COLUMN]... [--skip-invalid]\n"
        "  jobs list [--all]\n"
        "  jobs resume ID\n"
        "  jobs discard ID\n");
    return text;
}

bool JobsCommands::needsServer(const QString &jobsVerb)
{
    return jobsVerb == QLatin1String("resume");
}

int JobsCommands::usage(const QString &message)
{
    m_err << "userdesk-cli: " << message << "\n" << tr("Try 'userdesk-cli --help'.") << Qt::endl;
    return CliApp::Usage;
}

int JobsCommands::failure(const QString &sentence, int code)
{
    m_err << "userdesk-cli: " << sentence << Qt::endl;
    return code;
}

std::optional<int> JobsCommands::parse(QCommandLineParser &parser, const QStringList &arguments)
{
    parser.addHelpOption();
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText() << Qt::flush;
        return CliApp::Ok;
    }
    return std::nullopt;
}

bool JobsCommands::openJournal()
{
    QString error;
    if (m_journal.open(&error))
        return true;
    failure(error, CliApp::Failure);
    return false;
}

bool JobsCommands::isAlive(qint64 pid)
{
#ifdef Q_OS_UNIX
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
#else
    Q_UNUSED(pid);
    return false;
#endif
}

void JobsCommands::addImportOptions(QCommandLineParser &p, const QString &fieldList)
{
    p.addPositionalArgument(QStringLiteral("file"), tr("The CSV or JSON file."));
    p.addOptions({
        { QStringLiteral("dry-run"), tr("Check every row and print what would be sent; send nothing.") },
        { QStringLiteral("map"), tr("Take FIELD (%1) from COLUMN (repeatable).").arg(fieldList),
            tr("field=column") },
        { QStringLiteral("format"), tr("csv or json (default: by the file's extension, else its content)."),
            tr("format") },
        { QStringLiteral("skip-invalid"), tr("Import the valid rows even when others are invalid.") },
    });
}

std::optional<int> JobsCommands::importOptions(
    const QCommandLineParser &p, QHash<QString, QString> *mapping, ImportTable::Format *format)
{
    for (const QString &term : p.values(QStringLiteral("map"))) {
        const qsizetype eq = term.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usage(tr("bad mapping \"%1\": use FIELD=COLUMN, e.g. name=\"Full name\"").arg(term));
        mapping->insert(term.left(eq).trimmed(), term.mid(eq + 1));
    }
    if (p.isSet(QStringLiteral("format"))) {
        const QString f = p.value(QStringLiteral("format"));
        if (f == QLatin1String("csv"))
            *format = ImportTable::Format::Csv;
        else if (f == QLatin1String("json"))
            *format = ImportTable::Format::Json;
        else
            return usage(tr("--format must be csv or json"));
    }
    return std::nullopt;
}

int JobsCommands::importUsers(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(tr(
        "Create users from a CSV file (with a header row) or a JSON file (an array of objects, or one object "
        "per line). Every row is checked first; the job is journaled, paced under the server's rate limit, "
        "and prints one line per row as it ends. If it is cut off, 'jobs resume ID' finishes it without "
        "creating anyone twice."));
    addImportOptions(p, UserImport::fields().join(QStringLiteral(", ")));
    if (const auto done = parse(p, arguments))
        return *done;
    if (p.positionalArguments().size() != 1)
        return usage(tr("users import takes exactly one file"));
    QHash<QString, QString> mapping;
    UserImport::Format format = UserImport::Format::Auto;
    if (const auto wrong = importOptions(p, &mapping, &format))
        return *wrong;
    const QString path = p.positionalArguments().first();
    const UserImport::Result parsed = UserImport::parseFile(path, format, mapping);
    if (!parsed.ok())
        return failure(parsed.error, CliApp::ValidationFailure);

    const bool dryRun = p.isSet(QStringLiteral("dry-run"));
    int invalid = 0;
    for (const ImportRow &row : parsed.rows) {
        if (row.isValid()) {
            if (dryRun)
                m_out << tr("would create %1 (%2)").arg(row.draft.email.value_or(QString()), row.source)
                      << Qt::endl;
        } else {
            ++invalid;
            for (const QString &e : row.errors)
                m_err << tr("invalid %1: %2").arg(row.source, e) << Qt::endl;
        }
    }
    const int valid = int(parsed.rows.size()) - invalid;
    if (dryRun) {
        m_err << tr("Dry run: %1 of %Ln row(s) can be imported; nothing was sent.", nullptr,
            static_cast<int>(parsed.rows.size()))
                     .arg(valid)
              << Qt::endl;
        return invalid ? CliApp::ValidationFailure : CliApp::Ok;
    }
    if (invalid && !p.isSet(QStringLiteral("skip-invalid")))
        return failure(
            tr("Invalid rows: %1 of %2, so nothing was sent; fix them, or pass --skip-invalid to import the "
               "other %3.")
                .arg(invalid)
                .arg(parsed.rows.size())
                .arg(valid),
            CliApp::ValidationFailure);
    if (valid == 0)
        return failure(tr("The file holds no valid row; nothing was sent."), CliApp::ValidationFailure);
    QList<JobItem> items;
    for (const ImportRow &row : parsed.rows) {
        if (!row.isValid())
            continue;
        JobItem item;
        item.operation = JobItem::Operation::Create;
        item.draft = row.draft;
        item.source = row.source;
        items.append(item);
    }
    return startJob(QStringLiteral("import"), QFileInfo(path).absoluteFilePath(), items);
}

int JobsCommands::importRecords(const ResourceSchema &schema, const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        tr("Create %1 from a CSV file (with a header row) or a JSON file (an array of objects, or one object "
           "per line). Every row is checked against the fields of %1 first; the job is journaled, paced "
           "under the server's rate limit, and prints one line per row as it ends. If it is cut off, 'jobs "
           "resume ID' finishes it without creating a record twice.")
            .arg(schema.name));
    addImportOptions(p, RecordImport::fields(schema).join(QStringLiteral(", ")));
    const QString parentOption = RecordCommands::parentOption(schema);
    if (!parentOption.isEmpty())
        p.addOption({ parentOption,
            tr("Create every row under this %1 (else each row names it in its %2 column).")
                .arg(schema.parent == QLatin1String("posts") ? tr("post") : tr("user"), schema.parentField),
            tr("id") });
    if (const auto done = parse(p, arguments))
        return *done;
    if (p.positionalArguments().size() != 1)
        return usage(tr("%1 import takes exactly one file").arg(schema.name));
    QHash<QString, QString> mapping;
    ImportTable::Format format = ImportTable::Format::Auto;
    if (const auto wrong = importOptions(p, &mapping, &format))
        return *wrong;
    ResourceId parentId;
    if (!parentOption.isEmpty() && p.isSet(parentOption)) {
        const auto id = ResourceId::parse(p.value(parentOption).trimmed());
        if (!id || (!id->isText() && id->number() <= 0))
            return usage(tr("\"%1\" is not a %2 id").arg(p.value(parentOption), parentOption));
        parentId = *id;
    }
    const QString path = p.positionalArguments().first();
    const RecordImport::Result parsed = RecordImport::parseFile(schema, path, format, mapping, parentId);
    if (!parsed.ok())
        return failure(parsed.error, CliApp::ValidationFailure);

    const bool dryRun = p.isSet(QStringLiteral("dry-run"));
    // What a dry run names each record by: its first identifying text (a title, an email).
    QString label;
    for (const QString &name : schema.identifying) {
        const FieldSpec *f = schema.field(name);
        if (f && f->type != FieldSpec::Type::Reference) {
            label = name;
            break;
        }
    }
    int invalid = 0;
    for (const RecordImportRow &row : parsed.rows) {
        if (row.isValid()) {
            if (dryRun)
                m_out << tr("would create %1 \"%2\" (%3)")
                             .arg(schema.singular, row.fields.value(label).toString(), row.source)
                      << Qt::endl;
        } else {
            ++invalid;
            for (const QString &e : row.errors)
                m_err << tr("invalid %1: %2").arg(row.source, e) << Qt::endl;
        }
    }
    const int valid = int(parsed.rows.size()) - invalid;
    if (dryRun) {
        m_err << tr("Dry run: %1 of %Ln row(s) can be imported; nothing was sent.", nullptr,
            static_cast<int>(parsed.rows.size()))
                     .arg(valid)
              << Qt::endl;
        return invalid ? CliApp::ValidationFailure : CliApp::Ok;
    }
    if (invalid && !p.isSet(QStringLiteral("skip-invalid")))
        return failure(
            tr("Invalid rows: %1 of %2, so nothing was sent; fix them, or pass --skip-invalid to import the "
               "other %3.")
                .arg(invalid)
                .arg(parsed.rows.size())
                .arg(valid),
            CliApp::ValidationFailure);
    if (valid == 0)
        return failure(tr("The file holds no valid row; nothing was sent."), CliApp::ValidationFailure);
    QList<JobItem> items;
    for (const RecordImportRow &row : parsed.rows) {
        if (!row.isValid())
            continue;
        JobItem item;
        item.operation = JobItem::Operation::Create;
        item.resource = schema.name;
        item.parentId = parentId;
        item.fields = row.fields;
        item.source = row.source;
        items.append(item);
    }
    // The kind names the resource ("import-posts"), as the window's jobs do.
    return startJob(QStringLiteral("import-") + schema.name, QFileInfo(path).absoluteFilePath(), items);
}

int JobsCommands::bulkUpdate(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        tr("Set the same fields on many users (PATCH each); journaled and resumable."));
    p.addPositionalArgument(
        QStringLiteral("ids"), tr("User ids, separated by spaces or commas."), tr("ID..."));
    p.addOptions({
        { QStringLiteral("ids"), tr("User ids, separated by commas (repeatable)."), tr("ids") },
        { QStringLiteral("name"), tr("Full name."), tr("name") },
        { QStringLiteral("gender"), tr("male or female."), tr("gender") },
        { QStringLiteral("status"), tr("active or inactive."), tr("status") },
    });
    if (const auto done = parse(p, arguments))
        return *done;
    QList<qint64> ids;
    QString bad;
    if (!parseIdList(p.positionalArguments() + p.values(QStringLiteral("ids")), &ids, &bad))
        return usage(tr("\"%1\" is not a user id").arg(bad));
    if (ids.isEmpty())
        return usage(tr("users bulk-update needs at least one id"));
    UserDraft draft;
    if (p.isSet(QStringLiteral("name")))
        draft.name = p.value(QStringLiteral("name"));
    if (p.isSet(QStringLiteral("gender")))
        draft.gender = p.value(QStringLiteral("gender"));
    if (p.isSet(QStringLiteral("status")))
        draft.status = p.value(QStringLiteral("status"));
    if (draft.isEmpty())
        return usage(tr("nothing to change: give --name, --gender or --status"));
    const QList<FieldError> problems = draft.validate(false);
    if (!problems.isEmpty()) {
        for (const FieldError &f : problems)
            m_err << "  " << f.field << ": " << f.message << '\n';
        return failure(tr("The new values are not valid; nothing was sent."), CliApp::ValidationFailure);
    }
    QList<JobItem> items;
    for (qint64 id : std::as_const(ids)) {
        JobItem item;
        item.operation = JobItem::Operation::Update;
        item.userId = id;
        item.draft = draft;
        item.source = tr("user %1").arg(id);
        items.append(item);
    }
    return startJob(QStringLiteral("bulk-update"),
        tr("set %1 on %n user(s)", nullptr, static_cast<int>(ids.size()))
            .arg(QString::fromUtf8(QJsonDocument(draft.toJson()).toJson(QJsonDocument::Compact))),
        items);
}

int JobsCommands::bulkDelete(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(tr("Delete many users; journaled and resumable."));
    p.addPositionalArgument(
        QStringLiteral("ids"), tr("User ids, separated by spaces or commas."), tr("ID..."));
    p.addOption({ QStringLiteral("ids"), tr("User ids, separated by commas (repeatable)."), tr("ids") });
    if (const auto done = parse(p, arguments))
        return *done;
    QList<qint64> ids;
    QString bad;
    if (!parseIdList(p.positionalArguments() + p.values(QStringLiteral("ids")), &ids, &bad))
        return usage(tr("\"%1\" is not a user id").arg(bad));
    if (ids.isEmpty())
        return usage(tr("users bulk-delete needs at least one id"));
    QList<JobItem> items;
    for (qint64 id : std::as_const(ids)) {
        JobItem item;
        item.operation = JobItem::Operation::Delete;
        item.userId = id;
        item.source = tr("user %1").arg(id);
        items.append(item);
    }
    return startJob(
        QStringLiteral("bulk-delete"), tr("delete %n user(s)", nullptr, static_cast<int>(ids.size())), items);
}

int JobsCommands::startJob(const QString &kind, const QString &description, const QList<JobItem> &items)
{
    if (!openJournal())
        return CliApp::Failure;
    const qint64 id = m_journal.createJob(kind, m_client.baseUrl().toString(), description, items);
    if (id == 0)
        return failure(tr("The job could not be written to the journal, so nothing was sent: %1")
                           .arg(m_journal.lastError()),
            CliApp::Failure);
    m_err << tr("job %1: %2 of %Ln item(s); if it is cut off, finish it with 'userdesk-cli jobs resume %1'.",
        nullptr, static_cast<int>(items.size()))
                 .arg(id)
                 .arg(kind)
          << Qt::endl;
    return run(id);
}

void JobsCommands::printItem(const JobItem &item)
{
    switch (item.state) {
    case JobItem::State::Applied:
        if (item.isRecord()) {
            const ResourceSchema *schema = ResourceSchema::find(item.resource);
            m_out << tr("created %1 %2 (%3)")
                         .arg(
                             schema ? schema->singular : item.resource, item.recordId.toString(), item.source)
                  << Qt::endl;
            return;
        }
        switch (item.operation) {
        case JobItem::Operation::Create:
            m_out << tr("created %1 %2 (%3)")
                         .arg(item.userId)
                         .arg(item.draft.email.value_or(QString()), item.source);
            break;
        case JobItem::Operation::Update:
            m_out << tr("updated %1").arg(item.userId);
            break;
        case JobItem::Operation::Delete:
            m_out << tr("deleted %1").arg(item.userId);
            break;
        }
        m_out << Qt::endl;
        return;
    case JobItem::State::Failed:
        m_err << tr("failed %1: %2").arg(item.source, item.message) << Qt::endl;
        return;
    case JobItem::State::Pending:
    case JobItem::State::Sent:
        m_err << tr("unknown %1: %2").arg(item.source, item.message) << Qt::endl;
        return;
    }
}

int JobsCommands::run(qint64 jobId)
{
    if (m_prepareLists) {
        // A record's look-up is a list question, asked in the server's dialect.
        const QList<JobItem> items = m_journal.items(jobId);
        if (std::any_of(items.cbegin(), items.cend(), [](const JobItem &i) { return i.isRecord(); }))
            m_prepareLists();
    }
    BulkJob job(&m_client, &m_journal, jobId);
    connect(&job, &BulkJob::itemFinished, this, &JobsCommands::printItem);
    QEventLoop loop;
    bool complete = false;
    connect(&job, &BulkJob::finished, &loop, [&](bool c) {
        complete = c;
        loop.quit();
    });
    QString error;
    if (!job.start(&error))
        return failure(error, CliApp::Failure);
    loop.exec();
    int unknown = 0;
    int notSent = 0;
    int failed = 0;
    int applied = 0;
    for (const JobItem &item : job.items()) {
        applied += item.state == JobItem::State::Applied;
        failed += item.state == JobItem::State::Failed;
        unknown += item.state == JobItem::State::Sent;
        notSent += item.state == JobItem::State::Pending;
    }
    m_err << tr("job %1: %2 applied, %3 failed, %4 not known, %5 not sent.")
                 .arg(jobId)
                 .arg(applied)
                 .arg(failed)
                 .arg(unknown)
                 .arg(notSent)
          << Qt::endl;
    if (!complete) {
        m_err << tr(
            "Job %1 is not finished; 'userdesk-cli jobs resume %1' finishes it, reading the server first "
            "for what may have been sent, so nothing is repeated.")
                     .arg(jobId)
              << Qt::endl;
        return unknown ? CliApp::OutcomeUnknown : CliApp::Canceled;
    }
    return failed ? CliApp::Failure : CliApp::Ok;
}

int JobsCommands::jobs(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return usage(tr("jobs needs a command: list, resume ID or discard ID"));
    const QString verb = arguments.first();
    const QStringList rest = QStringList { QStringLiteral("userdesk-cli jobs ") + verb } + arguments.mid(1);
    if (verb == QLatin1String("list"))
        return list(rest);
    if (verb == QLatin1String("resume"))
        return resume(rest);
    if (verb == QLatin1String("discard"))
        return discard(rest);
    return usage(tr("unknown jobs command \"%1\"").arg(verb));
}

int JobsCommands::list(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(tr("List the jobs in the journal that are not finished (all with --all)."));
    p.addOption({ QStringLiteral("all"), tr("Also list finished jobs.") });
    if (const auto done = parse(p, arguments))
        return *done;
    if (!openJournal())
        return CliApp::Failure;
    const QList<JobSummary> jobs = m_journal.jobs(!p.isSet(QStringLiteral("all")));
    m_out << "id\tkind\tstate\tapplied\tfailed\tunknown\tpending\ttotal\tupdated\tendpoint\tdescription\n";
    for (const JobSummary &j : jobs) {
        const QString state = j.finished ? QStringLiteral("finished")
            : isAlive(j.ownerPid)        ? QStringLiteral("running")
                                         : QStringLiteral("interrupted");
        m_out << j.id << '\t' << j.kind << '\t' << state << '\t' << j.applied << '\t' << j.failed << '\t'
              << j.sent << '\t' << j.pending << '\t' << j.total << '\t' << j.updatedAt.toString(Qt::ISODate)
              << '\t' << j.endpoint << '\t' << j.description << '\n';
    }
    m_out.flush();
    for (const JobSummary &j : jobs) {
        if (!j.finished && !JobJournal::builtinSandboxFolder(j.endpoint).isEmpty())
            m_err << builtinSandboxJob(j) << Qt::endl;
    }
    return CliApp::Ok;
}

int JobsCommands::resume(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        tr("Finish a job that was cut off: outcomes not known are settled by reading the "
           "server first, so nothing is created, changed or deleted twice."));
    p.addPositionalArgument(QStringLiteral("id"), tr("The job's id (see 'jobs list')."));
    if (const auto done = parse(p, arguments))
        return *done;
    bool ok = false;
    const qint64 id = p.positionalArguments().value(0).toLongLong(&ok);
    if (p.positionalArguments().size() != 1 || !ok || id <= 0)
        return usage(tr("jobs resume takes exactly one job id"));
    if (!openJournal())
        return CliApp::Failure;
    const auto job = m_journal.job(id);
    if (!job)
        return failure(tr("There is no job %1 in the journal; 'userdesk-cli jobs list' shows them.").arg(id),
            CliApp::NotFound);
    if (job->ownerPid != QCoreApplication::applicationPid() && !job->finished && isAlive(job->ownerPid))
        return failure(tr("Job %1 is being run by process %2; wait for it to end or stop it first.")
                           .arg(id)
                           .arg(job->ownerPid),
            CliApp::Failure);
    if (!job->finished && !JobJournal::builtinSandboxFolder(job->endpoint).isEmpty())
        return failure(builtinSandboxJob(*job), CliApp::Usage);
    if (QUrl(job->endpoint) != m_client.baseUrl())
        return failure(
            tr("Job %1 was started against %2; resume it with --endpoint %2 (or the profile that points "
               "there).")
                .arg(id)
                .arg(job->endpoint),
            CliApp::Usage);
    // Taken in one statement: two resumes started together must not both send the job's items.
    if (!job->finished && !m_journal.claim(id, QCoreApplication::applicationPid(), job->ownerPid))
        return failure(
            tr("Job %1 could not be taken over: %2").arg(id).arg(m_journal.lastError()), CliApp::Failure);
    if (job->finished) {
        m_err << tr("Job %1 is finished: %2 applied, %3 failed; nothing to resume.")
                     .arg(id)
                     .arg(job->applied)
                     .arg(job->failed)
              << Qt::endl;
        return CliApp::Ok;
    }
    return run(id);
}

QString JobsCommands::builtinSandboxJob(const JobSummary &job)
{
    return tr("Job %1 was started against the built-in sandbox of the UserDesk window (data folder %2), "
              "which only the window runs; resume it from the window, which offers it when it starts with "
              "that data folder.")
        .arg(job.id)
        .arg(JobJournal::builtinSandboxFolder(job.endpoint));
}

int JobsCommands::discard(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(tr("Forget a job: it is removed from the journal and cannot be resumed. What "
                                   "it already did stays done."));
    p.addPositionalArgument(QStringLiteral("id"), tr("The job's id (see 'jobs list')."));
    if (const auto done = parse(p, arguments))
        return *done;
    bool ok = false;
    const qint64 id = p.positionalArguments().value(0).toLongLong(&ok);
    if (p.positionalArguments().size() != 1 || !ok || id <= 0)
        return usage(tr("jobs discard takes exactly one job id"));
    if (!openJournal())
        return CliApp::Failure;
    const auto job = m_journal.job(id);
    if (!job)
        return failure(tr("There is no job %1 in the journal.").arg(id), CliApp::NotFound);
    if (!job->finished && job->ownerPid != QCoreApplication::applicationPid() && isAlive(job->ownerPid))
        return failure(
            tr("Job %1 is being run by process %2; stop it before discarding it.").arg(id).arg(job->ownerPid),
            CliApp::Failure);
    if (!m_journal.discard(id))
        return failure(m_journal.lastError(), CliApp::Failure);
    m_err << tr("Discarded job %1 (%2 applied, %3 failed, %4 not known, %5 never sent).")
                 .arg(id)
                 .arg(job->applied)
                 .arg(job->failed)
                 .arg(job->sent)
                 .arg(job->pending)
          << Qt::endl;
    return CliApp::Ok;
}

} // namespace UserDesk
