#include "jobscommands.h"

#include "bulkjob.h"
#include "cliapp.h"
#include "commanddefinitions.h"
#include "recordcommands.h"
#include "recordimport.h"
#include "userimport.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

namespace UserDesk {

namespace {
// Numbers or texts (json-server 1.x), as `users get` takes them; 0 is no user's id.
bool parseIdList(const QStringList &texts, QList<ResourceId> *ids, QString *bad)
{
    for (const QString &text : texts) {
        for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto id = ResourceId::parse(part.trimmed());
            if (!id || (!id->isText() && id->number() <= 0)) {
                *bad = part;
                return false;
            }
            if (!ids->contains(*id))
                ids->append(*id);
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
    , m_outStyle(TerminalStyle::forDescriptor(1))
    , m_errStyle(TerminalStyle::forDescriptor(2))
{
}

bool JobsCommands::needsServer(const QString &jobsVerb)
{
    return jobsVerb == QLatin1String("resume");
}

QString JobsCommands::errorPrefix() const
{
    return m_errStyle.paint(QStringLiteral("userdesk-cli:"), TerminalStyle::Colour::Red) + QLatin1Char(' ');
}

int JobsCommands::usage(const QString &message)
{
    m_err << errorPrefix() << message << "\n" << tr("Try 'userdesk-cli --help'.") << Qt::endl;
    return CliApp::Usage;
}

int JobsCommands::failure(const QString &sentence, int code)
{
    m_err << errorPrefix() << sentence << Qt::endl;
    return code;
}

std::optional<int> JobsCommands::parse(
    QCommandLineParser &parser, const QString &noun, const QString &verb, const QStringList &arguments)
{
    CommandDefinitions::setUp(parser, noun, verb);
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText() << Qt::flush;
        return CliApp::Ok;
    }
    // import's --format still names the file's format when it is csv or json (it did before there was an
    // output format); the output formats are text and ndjson.
    const QString format = parser.value(QStringLiteral("format"));
    if (parser.isSet(QStringLiteral("format")) && format != QLatin1String("text")
        && format != QLatin1String("ndjson")
        && !(verb == QLatin1String("import")
            && (format == QLatin1String("csv") || format == QLatin1String("json"))))
        return usage(tr("--format must be text or ndjson"));
    m_ndjson = format == QLatin1String("ndjson");
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

std::optional<int> JobsCommands::importOptions(
    const QCommandLineParser &p, QHash<QString, QString> *mapping, ImportTable::Format *format)
{
    for (const QString &term : p.values(QStringLiteral("map"))) {
        const qsizetype eq = term.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usage(tr("bad mapping \"%1\": use FIELD=COLUMN, e.g. name=\"Full name\"").arg(term));
        mapping->insert(term.left(eq).trimmed(), term.mid(eq + 1));
    }
    // --format csv|json names the file's format, as it did before there was an output format.
    const QString outputOrInput = p.value(QStringLiteral("format"));
    const bool formatNamesInput
        = outputOrInput == QLatin1String("csv") || outputOrInput == QLatin1String("json");
    if (p.isSet(QStringLiteral("input-format")) || formatNamesInput) {
        const QString f = p.isSet(QStringLiteral("input-format")) ? p.value(QStringLiteral("input-format"))
                                                                  : outputOrInput;
        if (f == QLatin1String("csv"))
            *format = ImportTable::Format::Csv;
        else if (f == QLatin1String("json"))
            *format = ImportTable::Format::Json;
        else
            return usage(tr("--input-format must be csv or json"));
    }
    return std::nullopt;
}

std::optional<int> JobsCommands::reportRows(const QCommandLineParser &p, const QList<CheckedRow> &rows)
{
    const bool dryRun = p.isSet(QStringLiteral("dry-run"));
    int invalid = 0;
    for (const CheckedRow &row : rows) {
        const bool valid = row.errors.isEmpty();
        if (m_ndjson && (dryRun || !valid)) {
            QJsonObject line { { QStringLiteral("source"), row.source },
                { QStringLiteral("outcome"), valid ? QStringLiteral("valid") : QStringLiteral("invalid") } };
            for (auto it = row.identity.constBegin(); it != row.identity.constEnd(); ++it)
                line.insert(it.key(), it.value());
            if (!valid)
                line.insert(QStringLiteral("errors"), QJsonArray::fromStringList(row.errors));
            m_out << QJsonDocument(line).toJson(QJsonDocument::Compact) << Qt::endl;
        }
        if (valid) {
            if (dryRun && !m_ndjson)
                m_out << row.wouldCreate << Qt::endl;
            continue;
        }
        ++invalid;
        for (const QString &e : row.errors)
            m_err << m_errStyle.paint(tr("invalid %1: %2").arg(row.source, e), TerminalStyle::Colour::Red)
                  << Qt::endl;
    }
    const int valid = int(rows.size()) - invalid;
    if (dryRun) {
        m_err << tr("Dry run: %1 of %Ln row(s) can be imported; nothing was sent.", nullptr,
            static_cast<int>(rows.size()))
                     .arg(valid)
              << Qt::endl;
        return invalid ? CliApp::ValidationFailure : CliApp::Ok;
    }
    if (invalid && !p.isSet(QStringLiteral("skip-invalid")))
        return failure(
            tr("Invalid rows: %1 of %2, so nothing was sent; fix them, or pass --skip-invalid to import the "
               "other %3.")
                .arg(invalid)
                .arg(rows.size())
                .arg(valid),
            CliApp::ValidationFailure);
    if (valid == 0)
        return failure(tr("The file holds no valid row; nothing was sent."), CliApp::ValidationFailure);
    return std::nullopt;
}

int JobsCommands::importUsers(const QStringList &arguments)
{
    QCommandLineParser p;
    if (const auto done = parse(p, QStringLiteral("users"), QStringLiteral("import"), arguments))
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

    QList<CheckedRow> checked;
    for (const ImportRow &row : parsed.rows)
        checked.append(
            { row.source, row.errors, { { QStringLiteral("email"), row.draft.email.value_or(QString()) } },
                tr("would create %1 (%2)").arg(row.draft.email.value_or(QString()), row.source) });
    if (const auto done = reportRows(p, checked))
        return *done;
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
    if (const auto done = parse(p, schema.name, QStringLiteral("import"), arguments))
        return *done;
    const QString parentOption = RecordCommands::parentOption(schema);
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

    // What a dry run names each record by: its first identifying text (a title, an email).
    QString label;
    for (const QString &name : schema.identifying) {
        const FieldSpec *f = schema.field(name);
        if (f && f->type != FieldSpec::Type::Reference) {
            label = name;
            break;
        }
    }
    QList<CheckedRow> checked;
    for (const RecordImportRow &row : parsed.rows)
        checked.append({ row.source, row.errors, { { label, row.fields.value(label) } },
            tr("would create %1 \"%2\" (%3)")
                .arg(schema.singular, row.fields.value(label).toString(), row.source) });
    if (const auto done = reportRows(p, checked))
        return *done;
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
    if (const auto done = parse(p, QStringLiteral("users"), QStringLiteral("bulk-update"), arguments))
        return *done;
    QList<ResourceId> ids;
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
    for (const ResourceId &id : std::as_const(ids)) {
        JobItem item;
        item.operation = JobItem::Operation::Update;
        item.userId = id;
        item.draft = draft;
        item.source = tr("user %1").arg(id.toString());
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
    if (const auto done = parse(p, QStringLiteral("users"), QStringLiteral("bulk-delete"), arguments))
        return *done;
    QList<ResourceId> ids;
    QString bad;
    if (!parseIdList(p.positionalArguments() + p.values(QStringLiteral("ids")), &ids, &bad))
        return usage(tr("\"%1\" is not a user id").arg(bad));
    if (ids.isEmpty())
        return usage(tr("users bulk-delete needs at least one id"));
    QList<JobItem> items;
    for (const ResourceId &id : std::as_const(ids)) {
        JobItem item;
        item.operation = JobItem::Operation::Delete;
        item.userId = id;
        item.source = tr("user %1").arg(id.toString());
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
    if (m_ndjson) {
        // Every item on stdout, one object a line, as it ends: applied, failed, unknown (it may have reached
        // the server) or not-sent.
        QString outcome = QStringLiteral("not-sent");
        if (item.state == JobItem::State::Applied)
            outcome = QStringLiteral("applied");
        else if (item.state == JobItem::State::Failed)
            outcome = QStringLiteral("failed");
        else if (item.state == JobItem::State::Sent)
            outcome = QStringLiteral("unknown");
        QJsonObject line { { QStringLiteral("operation"), JobItem::operationName(item.operation) },
            { QStringLiteral("outcome"), outcome }, { QStringLiteral("source"), item.source } };
        if (!item.userId.isNull())
            line.insert(QStringLiteral("id"), item.userId.toJson());
        if (item.draft.email)
            line.insert(QStringLiteral("email"), *item.draft.email);
        if (!item.message.isEmpty())
            line.insert(QStringLiteral("message"), item.message);
        if (item.alreadyGone)
            line.insert(QStringLiteral("already_gone"), true); // someone else deleted it first
        m_out << QJsonDocument(line).toJson(QJsonDocument::Compact) << Qt::endl;
        return;
    }
    using Colour = TerminalStyle::Colour;
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
            m_out << m_outStyle.paint(tr("created %1 %2 (%3)")
                                          .arg(item.userId.toString())
                                          .arg(item.draft.email.value_or(QString()), item.source),
                Colour::Green);
            break;
        case JobItem::Operation::Update:
            m_out << m_outStyle.paint(tr("updated %1").arg(item.userId.toString()), Colour::Green);
            break;
        case JobItem::Operation::Delete:
            // Gone either way, but not by this job: someone else deleted it first.
            m_out << m_outStyle.paint(
                (item.alreadyGone ? tr("already deleted %1") : tr("deleted %1")).arg(item.userId.toString()),
                Colour::Green);
            break;
        }
        m_out << Qt::endl;
        return;
    case JobItem::State::Failed:
        m_err << m_errStyle.paint(tr("failed %1: %2").arg(item.source, item.message), Colour::Red)
              << Qt::endl;
        return;
    case JobItem::State::Pending:
    case JobItem::State::Sent:
        m_err << m_errStyle.paint(tr("unknown %1: %2").arg(item.source, item.message), Colour::Yellow)
              << Qt::endl;
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
    int alreadyGone = 0;
    for (const JobItem &item : job.items()) {
        applied += item.state == JobItem::State::Applied;
        alreadyGone += item.state == JobItem::State::Applied && item.alreadyGone;
        failed += item.state == JobItem::State::Failed;
        unknown += item.state == JobItem::State::Sent;
        notSent += item.state == JobItem::State::Pending;
    }
    m_err << tr("job %1: %2 applied, %3 failed, %4 not known, %5 not sent.")
                 .arg(jobId)
                 .arg(applied)
                 .arg(failed)
                 .arg(unknown)
                 .arg(notSent);
    if (alreadyGone > 0)
        m_err << QLatin1Char(' ')
              << tr("%n of them had already been deleted on the server.", nullptr, alreadyGone);
    m_err << Qt::endl;
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
    if (const auto done = parse(p, QStringLiteral("jobs"), QStringLiteral("list"), arguments))
        return *done;
    if (!openJournal())
        return CliApp::Failure;
    const QList<JobSummary> jobs = m_journal.jobs(!p.isSet(QStringLiteral("all")));
    auto stateOf = [](const JobSummary &j) {
        return j.finished         ? QStringLiteral("finished")
            : isAlive(j.ownerPid) ? QStringLiteral("running")
                                  : QStringLiteral("interrupted");
    };
    if (m_ndjson) {
        for (const JobSummary &j : jobs) {
            const QJsonObject line { { QStringLiteral("id"), j.id }, { QStringLiteral("kind"), j.kind },
                { QStringLiteral("state"), stateOf(j) }, { QStringLiteral("applied"), j.applied },
                { QStringLiteral("failed"), j.failed }, { QStringLiteral("unknown"), j.sent },
                { QStringLiteral("pending"), j.pending }, { QStringLiteral("total"), j.total },
                { QStringLiteral("updated"), j.updatedAt.toString(Qt::ISODate) },
                { QStringLiteral("endpoint"), j.endpoint },
                { QStringLiteral("description"), j.description } };
            m_out << QJsonDocument(line).toJson(QJsonDocument::Compact) << '\n';
        }
        m_out.flush();
        return CliApp::Ok;
    }
    m_out << "id\tkind\tstate\tapplied\tfailed\tunknown\tpending\ttotal\tupdated\tendpoint\tdescription\n";
    for (const JobSummary &j : jobs) {
        const QString state = stateOf(j);
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
    if (const auto done = parse(p, QStringLiteral("jobs"), QStringLiteral("resume"), arguments))
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
    if (const auto done = parse(p, QStringLiteral("jobs"), QStringLiteral("discard"), arguments))
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
