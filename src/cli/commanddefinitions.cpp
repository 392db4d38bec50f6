#include "commanddefinitions.h"

#include "dialect.h"
#include "pagingguard.h"
#include "recordcommands.h"
#include "recordimport.h"
#include "resourceschema.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <deque>

namespace UserDesk {

const char *const CommandDefinitions::cliContext = "UserDesk::CliApp";
const char *const CommandDefinitions::jobsContext = "UserDesk::JobsCommands";
const char *const CommandDefinitions::recordsContext = "UserDesk::RecordCommands";

namespace {
OptionDefinition flag(const char *name, const char *description)
{
    OptionDefinition o;
    o.name = name;
    o.description = description;
    return o;
}

OptionDefinition valued(const char *name, const char *description, const char *valueName, ValueKind kind,
    const QStringList &values = {})
{
    OptionDefinition o = flag(name, description);
    o.valueName = valueName;
    o.kind = kind;
    o.values = values;
    return o;
}

// --format of the commands that print users.
OptionDefinition outputFormat()
{
    OptionDefinition o = valued("format",
        QT_TRANSLATE_NOOP("UserDesk::CliApp",
            "table, json, csv or ndjson (one JSON object a line, each printed as it arrives)."),
        QT_TRANSLATE_NOOP("UserDesk::CliApp", "format"), ValueKind::Enum,
        { QStringLiteral("table"), QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("ndjson") });
    o.defaultValue = QStringLiteral("table");
    return o;
}

// --format of the journaled jobs, whose lines are items as they end.
OptionDefinition jobsFormat()
{
    return valued("format",
        QT_TRANSLATE_NOOP(
            "UserDesk::JobsCommands", "text or ndjson (one JSON object a line, each printed as it ends)."),
        QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "format"), ValueKind::Enum,
        { QStringLiteral("text"), QStringLiteral("ndjson") });
}

QList<OptionDefinition> userFields(bool required)
{
    QList<OptionDefinition> fields {
        valued("name", QT_TRANSLATE_NOOP("UserDesk::CliApp", "Full name."),
            QT_TRANSLATE_NOOP("UserDesk::CliApp", "name"), ValueKind::Text),
        valued("email", QT_TRANSLATE_NOOP("UserDesk::CliApp", "Email address (unique)."),
            QT_TRANSLATE_NOOP("UserDesk::CliApp", "email"), ValueKind::Text),
        valued("gender", QT_TRANSLATE_NOOP("UserDesk::CliApp", "male or female."),
            QT_TRANSLATE_NOOP("UserDesk::CliApp", "gender"), ValueKind::Enum,
            { QStringLiteral("male"), QStringLiteral("female") }),
        valued("status", QT_TRANSLATE_NOOP("UserDesk::CliApp", "active or inactive."),
            QT_TRANSLATE_NOOP("UserDesk::CliApp", "status"), ValueKind::Enum,
            { QStringLiteral("active"), QStringLiteral("inactive") }),
    };
    for (OptionDefinition &f : fields)
        f.required = required;
    return fields;
}

QList<OptionDefinition> bulkUpdateFields()
{
    // The same meaning as the users commands' fields, in the jobs' own catalogue context; no email: many
    // users cannot share one.
    return {
        valued("name", QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "Full name."),
            QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "name"), ValueKind::Text),
        valued("gender", QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "male or female."),
            QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "gender"), ValueKind::Enum,
            { QStringLiteral("male"), QStringLiteral("female") }),
        valued("status", QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "active or inactive."),
            QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "status"), ValueKind::Enum,
            { QStringLiteral("active"), QStringLiteral("inactive") }),
    };
}

OptionDefinition idsOption()
{
    return valued("ids",
        QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "User ids, separated by commas (repeatable)."),
        QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "ids"), ValueKind::Id);
}

VerbDefinition verb(const char *name, const char *context, const char *summary)
{
    VerbDefinition v;
    v.name = name;
    v.context = context;
    v.summary = summary;
    return v;
}

VerbDefinition withPositional(VerbDefinition v, const char *name, const char *description, const char *syntax,
    ValueKind kind, const QStringList &values = {})
{
    v.positionalName = name;
    v.positionalDescription = description;
    v.positionalSyntax = syntax;
    v.positionalKind = kind;
    v.positionalValues = values;
    return v;
}

// A name made at run time (a schema's field), kept as long as the definitions that point to it.
const char *kept(const QString &name)
{
    static std::deque<QByteArray> names;
    names.push_back(name.toLatin1());
    return names.back().constData();
}

// The option of one writable field of a resource: "--due-on", with the kind of value the field takes.
OptionDefinition fieldOption(const FieldSpec &field)
{
    OptionDefinition o = valued(kept(RecordCommands::optionName(field.name)), nullptr,
        QT_TRANSLATE_NOOP("UserDesk::RecordCommands", "value"), ValueKind::Text);
    switch (field.type) {
    case FieldSpec::Type::Enum:
        o.kind = ValueKind::Enum;
        o.values = field.values;
        break;
    case FieldSpec::Type::Integer:
    case FieldSpec::Type::Reference:
        o.kind = ValueKind::Id;
        break;
    default:
        break;
    }
    o.describe = [field]() -> QString {
        switch (field.type) {
        case FieldSpec::Type::Enum:
            return QCoreApplication::translate("UserDesk::RecordCommands", "%1: %2.")
                .arg(field.label(), field.values.join(QStringLiteral(", ")));
        case FieldSpec::Type::DateTime:
            return QCoreApplication::translate(
                "UserDesk::RecordCommands", "%1: an ISO 8601 date or date and time; empty for none.")
                .arg(field.label());
        case FieldSpec::Type::Reference: {
            const ResourceSchema *target = ResourceSchema::find(field.references);
            return QCoreApplication::translate(
                "UserDesk::RecordCommands", "%1: the id of the %2 it belongs to.")
                .arg(field.label(), target ? target->singular : field.references);
        }
        default:
            return field.label() + QLatin1Char('.');
        }
    };
    return o;
}

// --format of the record commands.
OptionDefinition recordsFormat()
{
    OptionDefinition o = valued("format",
        QT_TRANSLATE_NOOP("UserDesk::RecordCommands",
            "table, json, csv or ndjson (one JSON object a line, each printed as it arrives)."),
        QT_TRANSLATE_NOOP("UserDesk::RecordCommands", "format"), ValueKind::Enum,
        { QStringLiteral("table"), QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("ndjson") });
    o.defaultValue = QStringLiteral("table");
    return o;
}

// What an import takes besides its file: --dry-run, the mapping given, the file's format, the output
// format, --skip-invalid.
QList<OptionDefinition> importOptions(const OptionDefinition &map)
{
    return {
        flag("dry-run",
            QT_TRANSLATE_NOOP(
                "UserDesk::JobsCommands", "Check every row and print what would be sent; send nothing.")),
        map,
        valued("input-format",
            QT_TRANSLATE_NOOP("UserDesk::JobsCommands",
                "csv or json (default: by the file's extension, else its content)."),
            QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "format"), ValueKind::Enum,
            { QStringLiteral("csv"), QStringLiteral("json") }),
        valued("format",
            QT_TRANSLATE_NOOP("UserDesk::JobsCommands",
                "text or ndjson (one JSON object a line, each printed as it ends); csv or json here name "
                "the file's format, as --input-format does."),
            QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "format"), ValueKind::Enum,
            { QStringLiteral("text"), QStringLiteral("ndjson") }),
        flag("skip-invalid",
            QT_TRANSLATE_NOOP(
                "UserDesk::JobsCommands", "Import the valid rows even when others are invalid.")),
    };
}

// posts, comments or todos: list, get, create, update and delete, made from the resource's schema.
NounDefinition recordNoun(const ResourceSchema &schema, const char *summary)
{
    const char *context = CommandDefinitions::recordsContext;
    NounDefinition noun;
    noun.name = kept(schema.name);
    noun.summary = summary;

    QList<OptionDefinition> fields;
    for (const FieldSpec &f : schema.fields) {
        if (f.isWritable())
            fields.append(fieldOption(f));
    }
    QList<OptionDefinition> parent;
    if (const QString option = RecordCommands::parentOption(schema); !option.isEmpty()) {
        OptionDefinition o = valued(
            kept(option), nullptr, QT_TRANSLATE_NOOP("UserDesk::RecordCommands", "id"), ValueKind::Id);
        o.describe = [option, schema] {
            return QCoreApplication::translate(
                "UserDesk::RecordCommands", "Under this %1: the nested route (/%2/ID/%3).")
                .arg(option, schema.parent, schema.name);
        };
        parent.append(o);
    }

    VerbDefinition list = verb("list", context,
        QT_TRANSLATE_NOOP("UserDesk::RecordCommands", "List records, page by page as they arrive."));
    OptionDefinition page
        = valued("page", QT_TRANSLATE_NOOP("UserDesk::RecordCommands", "Page to fetch (default 1)."),
            QT_TRANSLATE_NOOP("UserDesk::RecordCommands", "n"), ValueKind::Number);
    page.defaultValue = QStringLiteral("1");
    QStringList filterValues;
    for (const QString &name : schema.filterNames())
        filterValues.append(name + QLatin1Char('='));
    OptionDefinition filter = valued("filter", nullptr,
        QT_TRANSLATE_NOOP("UserDesk::RecordCommands", "key=value"), ValueKind::Enum, filterValues);
    filter.describe = [filterValues] {
        return QCoreApplication::translate(
            "UserDesk::RecordCommands", "Server-side filter on a field: %1 (repeatable).")
            .arg(filterValues.join(QStringLiteral(", ")));
    };
    OptionDefinition maxPages = valued("max-pages",
        QT_TRANSLATE_NOOP(
            "UserDesk::RecordCommands", "With --all, read at most this many pages (default %1)."),
        QT_TRANSLATE_NOOP("UserDesk::RecordCommands", "n"), ValueKind::Number);
    maxPages.descriptionArgument = QString::number(PagingGuard::DefaultMaxPages);
    list.options = QList<OptionDefinition> { recordsFormat(),
        flag("all", QT_TRANSLATE_NOOP("UserDesk::RecordCommands", "Fetch every page.")), page,
        valued("per-page",
            QT_TRANSLATE_NOOP(
                "UserDesk::RecordCommands", "Records per page, 1 to 100 (default 100 with --all, else 20)."),
            QT_TRANSLATE_NOOP("UserDesk::RecordCommands", "n"), ValueKind::Number),
        filter, maxPages }
        + parent;
    noun.verbs.append(list);

    const char *idDescription = QT_TRANSLATE_NOOP("UserDesk::RecordCommands", "The record's id.");
    VerbDefinition get = withPositional(
        verb("get", context, QT_TRANSLATE_NOOP("UserDesk::RecordCommands", "Show one record.")), "id",
        idDescription, QT_TRANSLATE_NOOP("UserDesk::RecordCommands", "ID"), ValueKind::Id);
    get.options = { recordsFormat() };
    noun.verbs.append(get);

    VerbDefinition create = verb("create", context,
        QT_TRANSLATE_NOOP("UserDesk::RecordCommands", "Create a record; prints the created record."));
    create.options = QList<OptionDefinition> { recordsFormat() } + fields + parent;
    noun.verbs.append(create);

    VerbDefinition update
        = withPositional(verb("update", context,
                             QT_TRANSLATE_NOOP("UserDesk::RecordCommands",
                                 "Change fields of a record (PATCH, or PUT with --put sending "
                                 "the whole record); prints the result.")),
            "id", idDescription, QT_TRANSLATE_NOOP("UserDesk::RecordCommands", "ID"), ValueKind::Id);
    update.options = QList<OptionDefinition> { recordsFormat(),
        flag("put",
            QT_TRANSLATE_NOOP(
                "UserDesk::RecordCommands", "Send PUT with every field (those not given as they are now).")) }
        + fields;
    noun.verbs.append(update);

    VerbDefinition remove = withPositional(verb("delete", context,
                                               QT_TRANSLATE_NOOP("UserDesk::RecordCommands",
                                                   "Delete records by id; one line per record as it ends "
                                                   "(deleted on stdout, the rest on stderr; with --format "
                                                   "json, ndjson or csv every line on stdout).")),
        "ids", QT_TRANSLATE_NOOP("UserDesk::RecordCommands", "One or more record ids."),
        QT_TRANSLATE_NOOP("UserDesk::RecordCommands", "ID..."), ValueKind::Id);
    remove.options = { recordsFormat() };
    noun.verbs.append(remove);

    VerbDefinition import = withPositional(
        verb("import", CommandDefinitions::jobsContext,
            QT_TRANSLATE_NOOP("UserDesk::JobsCommands",
                "Create records from a CSV file (with a header row) or a JSON file (an array of objects, or "
                "one object per line). Every row is checked against the resource's fields first; the job is "
                "journaled, paced under the server's rate limit, and prints one line per row as it ends. If "
                "it is cut off, 'jobs resume ID' finishes it without creating a record twice.")),
        "file", QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "The CSV or JSON file."),
        QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "FILE"), ValueKind::File);
    OptionDefinition map = valued("map",
        QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "Take FIELD (%1) from COLUMN (repeatable)."),
        QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "field=column"), ValueKind::Text);
    map.descriptionArgument = RecordImport::fields(schema).join(QStringLiteral(", "));
    import.options = importOptions(map) + parent;
    noun.verbs.append(import);
    return noun;
}

QList<NounDefinition> buildNouns()
{
    NounDefinition users;
    users.name = "users";
    users.summary = QT_TRANSLATE_NOOP("UserDesk::CliApp", "List, read, create, change and delete users.");

    VerbDefinition list = verb("list", CommandDefinitions::cliContext,
        QT_TRANSLATE_NOOP("UserDesk::CliApp", "List users, newest first."));
    OptionDefinition page
        = valued("page", QT_TRANSLATE_NOOP("UserDesk::CliApp", "Page to fetch (default 1)."),
            QT_TRANSLATE_NOOP("UserDesk::CliApp", "n"), ValueKind::Number);
    page.defaultValue = QStringLiteral("1");
    OptionDefinition maxPages = valued("max-pages",
        QT_TRANSLATE_NOOP("UserDesk::CliApp", "With --all, read at most this many pages (default %1)."),
        QT_TRANSLATE_NOOP("UserDesk::CliApp", "n"), ValueKind::Number);
    maxPages.descriptionArgument = QString::number(PagingGuard::DefaultMaxPages);
    list.options = { outputFormat(),
        flag("all",
            QT_TRANSLATE_NOOP(
                "UserDesk::CliApp", "Fetch every page (concurrently once the page count is known).")),
        page,
        valued("per-page",
            QT_TRANSLATE_NOOP(
                "UserDesk::CliApp", "Users per page, 1 to 100 (default 100 with --all, else 20)."),
            QT_TRANSLATE_NOOP("UserDesk::CliApp", "n"), ValueKind::Number),
        valued("filter",
            QT_TRANSLATE_NOOP("UserDesk::CliApp",
                "Server-side filter: id= (exact), name=, email=, gender=, status= (repeatable)."),
            QT_TRANSLATE_NOOP("UserDesk::CliApp", "key=value"), ValueKind::Enum,
            { QStringLiteral("id="), QStringLiteral("name="), QStringLiteral("email="),
                QStringLiteral("gender="), QStringLiteral("status=") }),
        maxPages };
    users.verbs.append(list);

    VerbDefinition get = withPositional(
        verb("get", CommandDefinitions::cliContext, QT_TRANSLATE_NOOP("UserDesk::CliApp", "Show one user.")),
        "id", QT_TRANSLATE_NOOP("UserDesk::CliApp", "The user's id."),
        QT_TRANSLATE_NOOP("UserDesk::CliApp", "ID"), ValueKind::Id);
    get.options = { outputFormat() };
    users.verbs.append(get);

    VerbDefinition create = verb("create", CommandDefinitions::cliContext,
        QT_TRANSLATE_NOOP("UserDesk::CliApp", "Create a user; prints the created user."));
    create.options = QList<OptionDefinition> { outputFormat() } + userFields(true);
    users.verbs.append(create);

    VerbDefinition update
        = withPositional(verb("update", CommandDefinitions::cliContext,
                             QT_TRANSLATE_NOOP("UserDesk::CliApp",
                                 "Change fields of a user (PATCH, or PUT with --put); prints the result.")),
            "id", QT_TRANSLATE_NOOP("UserDesk::CliApp", "The user's id."),
            QT_TRANSLATE_NOOP("UserDesk::CliApp", "ID"), ValueKind::Id);
    update.options = QList<OptionDefinition> { outputFormat() } + userFields(false)
        + QList<OptionDefinition> { flag(
            "put", QT_TRANSLATE_NOOP("UserDesk::CliApp", "Send PUT instead of PATCH.")) };
    users.verbs.append(update);

    VerbDefinition remove
        = withPositional(verb("delete", CommandDefinitions::cliContext,
                             QT_TRANSLATE_NOOP("UserDesk::CliApp",
                                 "Delete users by id; reports each one on its own line as it ends "
                                 "(deleted on stdout, the rest on stderr; with --format json, "
                                 "ndjson or csv every line on stdout).")),
            "ids", QT_TRANSLATE_NOOP("UserDesk::CliApp", "One or more user ids."),
            QT_TRANSLATE_NOOP("UserDesk::CliApp", "ID..."), ValueKind::Id);
    remove.options = { outputFormat() };
    users.verbs.append(remove);

    VerbDefinition import = withPositional(
        verb("import", CommandDefinitions::jobsContext,
            QT_TRANSLATE_NOOP("UserDesk::JobsCommands",
                "Create users from a CSV file (with a header row) or a JSON file (an array of objects, or "
                "one "
                "object per line). Every row is checked first; the job is journaled, paced under the "
                "server's "
                "rate limit, and prints one line per row as it ends. If it is cut off, 'jobs resume ID' "
                "finishes it without creating anyone twice.")),
        "file", QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "The CSV or JSON file."),
        QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "FILE"), ValueKind::File);
    import.options = importOptions(valued("map",
        QT_TRANSLATE_NOOP(
            "UserDesk::JobsCommands", "Take FIELD (name, email, gender, status) from COLUMN (repeatable)."),
        QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "field=column"), ValueKind::Text));
    users.verbs.append(import);

    VerbDefinition bulkUpdate
        = withPositional(verb("bulk-update", CommandDefinitions::jobsContext,
                             QT_TRANSLATE_NOOP("UserDesk::JobsCommands",
                                 "Set the same fields on many users (PATCH each); journaled and resumable.")),
            "ids", QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "User ids, separated by spaces or commas."),
            QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "ID..."), ValueKind::Id);
    bulkUpdate.options = QList<OptionDefinition> { jobsFormat(), idsOption() } + bulkUpdateFields();
    users.verbs.append(bulkUpdate);

    VerbDefinition bulkDelete = withPositional(
        verb("bulk-delete", CommandDefinitions::jobsContext,
            QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "Delete many users; journaled and resumable.")),
        "ids", QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "User ids, separated by spaces or commas."),
        QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "ID..."), ValueKind::Id);
    bulkDelete.options = { jobsFormat(), idsOption() };
    users.verbs.append(bulkDelete);

    NounDefinition jobs;
    jobs.name = "jobs";
    jobs.summary
        = QT_TRANSLATE_NOOP("UserDesk::CliApp", "The journaled bulk jobs: list, resume or discard them.");
    VerbDefinition jobsList = verb("list", CommandDefinitions::jobsContext,
        QT_TRANSLATE_NOOP("UserDesk::JobsCommands",
            "List the jobs in the journal that are not finished (all with --all)."));
    jobsList.options = { jobsFormat(),
        flag("all", QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "Also list finished jobs.")) };
    jobs.verbs.append(jobsList);
    VerbDefinition resume = withPositional(verb("resume", CommandDefinitions::jobsContext,
                                               QT_TRANSLATE_NOOP("UserDesk::JobsCommands",
                                                   "Finish a job that was cut off: outcomes not known are "
                                                   "settled by reading the server first, so "
                                                   "nothing is created, changed or deleted twice.")),
        "id", QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "The job's id (see 'jobs list')."),
        QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "ID"), ValueKind::Id);
    resume.options = { jobsFormat() };
    jobs.verbs.append(resume);
    jobs.verbs.append(withPositional(verb("discard", CommandDefinitions::jobsContext,
                                         QT_TRANSLATE_NOOP("UserDesk::JobsCommands",
                                             "Forget a job: it is removed from the journal and cannot be "
                                             "resumed. What it already did stays done.")),
        "id", QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "The job's id (see 'jobs list')."),
        QT_TRANSLATE_NOOP("UserDesk::JobsCommands", "ID"), ValueKind::Id));

    NounDefinition completion;
    completion.name = "completion";
    completion.summary = QT_TRANSLATE_NOOP(
        "UserDesk::CliApp", "Print a shell completion script, or the profile names for one.");
    completion.verbs = {
        verb("bash", CommandDefinitions::cliContext,
            QT_TRANSLATE_NOOP("UserDesk::CliApp", "Print the bash completion script.")),
        verb("zsh", CommandDefinitions::cliContext,
            QT_TRANSLATE_NOOP("UserDesk::CliApp", "Print the zsh completion script.")),
        verb("fish", CommandDefinitions::cliContext,
            QT_TRANSLATE_NOOP("UserDesk::CliApp", "Print the fish completion script.")),
        verb("profiles", CommandDefinitions::cliContext,
            QT_TRANSLATE_NOOP("UserDesk::CliApp", "Print the names of the profiles, one a line.")),
    };
    // Each resource's summary is a sentence of its own: a translation may need more than the noun changed.
    const NounDefinition posts = recordNoun(ResourceSchema::posts(),
        QT_TRANSLATE_NOOP(
            "UserDesk::CliApp", "List, read, create, change and delete posts (--user for a user's)."));
    const NounDefinition comments = recordNoun(ResourceSchema::comments(),
        QT_TRANSLATE_NOOP(
            "UserDesk::CliApp", "List, read, create, change and delete comments (--post for a post's)."));
    const NounDefinition todos = recordNoun(ResourceSchema::todos(),
        QT_TRANSLATE_NOOP(
            "UserDesk::CliApp", "List, read, create, change and delete todos (--user for a user's)."));
    return { users, posts, comments, todos, jobs, completion };
}

QString translated(const char *context, const char *text)
{
    return text ? QCoreApplication::translate(context, text) : QString();
}
} // namespace

const QList<OptionDefinition> &CommandDefinitions::globalOptions()
{
    static const QList<OptionDefinition> options = [] {
        OptionDefinition dialect = valued("dialect",
            QT_TRANSLATE_NOOP("UserDesk::CliApp",
                "How the server pages and filters: auto (found out on first contact), %1."),
            QT_TRANSLATE_NOOP("UserDesk::CliApp", "name"), ValueKind::Enum,
            QStringList { QStringLiteral("auto") } + Dialect::names());
        dialect.descriptionArgument = Dialect::names().join(QStringLiteral(", "));
        return QList<OptionDefinition> {
            valued("endpoint",
                QT_TRANSLATE_NOOP("UserDesk::CliApp", "API base URL, e.g. http://127.0.0.1:8080/public/v2."),
                QT_TRANSLATE_NOOP("UserDesk::CliApp", "url"), ValueKind::Url),
            valued("profile",
                QT_TRANSLATE_NOOP(
                    "UserDesk::CliApp", "Use the settings and keychain token of this UserDesk profile."),
                QT_TRANSLATE_NOOP("UserDesk::CliApp", "name"), ValueKind::Profile),
            valued("settings",
                QT_TRANSLATE_NOOP("UserDesk::CliApp", "Read profiles from this settings file."),
                QT_TRANSLATE_NOOP("UserDesk::CliApp", "path"), ValueKind::File),
            flag("no-keychain",
                QT_TRANSLATE_NOOP("UserDesk::CliApp", "Do not read the token from the keychain.")),
            valued("timeout",
                QT_TRANSLATE_NOOP(
                    "UserDesk::CliApp", "Deadline of each request, connect to last byte, in milliseconds."),
                QT_TRANSLATE_NOOP("UserDesk::CliApp", "ms"), ValueKind::Number),
            valued("concurrency", QT_TRANSLATE_NOOP("UserDesk::CliApp", "Requests in flight at most."),
                QT_TRANSLATE_NOOP("UserDesk::CliApp", "n"), ValueKind::Number),
            valued("retries", QT_TRANSLATE_NOOP("UserDesk::CliApp", "Retries of a failed request at most."),
                QT_TRANSLATE_NOOP("UserDesk::CliApp", "n"), ValueKind::Number),
            flag("verbose",
                QT_TRANSLATE_NOOP("UserDesk::CliApp",
                    "Print every HTTP exchange (token and user:password redacted) to stderr.")),
            valued("ca-file",
                QT_TRANSLATE_NOOP("UserDesk::CliApp",
                    "Verify the server with the certificate authorities in this PEM file instead of the "
                    "system's "
                    "(SSL_CERT_FILE and SSL_CERT_DIR are honoured too)."),
                QT_TRANSLATE_NOOP("UserDesk::CliApp", "path"), ValueKind::File),
            valued("trust-fingerprint",
                QT_TRANSLATE_NOOP("UserDesk::CliApp",
                    "Trust the server certificate with this SHA-256 fingerprint, as the error shows it "
                    "(repeatable)."),
                QT_TRANSLATE_NOOP("UserDesk::CliApp", "sha256"), ValueKind::Text),
            valued("proxy",
                QT_TRANSLATE_NOOP("UserDesk::CliApp",
                    "Send every request through this proxy: http://[user:password@]host:port or "
                    "socks5://...; "
                    "without it, the environment's proxy settings apply."),
                QT_TRANSLATE_NOOP("UserDesk::CliApp", "url"), ValueKind::Url),
            dialect,
        };
    }();
    return options;
}

const QList<NounDefinition> &CommandDefinitions::nouns()
{
    static const QList<NounDefinition> all = buildNouns();
    return all;
}

const NounDefinition *CommandDefinitions::noun(const QString &name)
{
    for (const NounDefinition &n : nouns()) {
        if (name == QLatin1String(n.name))
            return &n;
    }
    return nullptr;
}

const VerbDefinition *CommandDefinitions::verb(const QString &nounName, const QString &verbName)
{
    const NounDefinition *n = noun(nounName);
    if (!n)
        return nullptr;
    for (const VerbDefinition &v : n->verbs) {
        if (verbName == QLatin1String(v.name))
            return &v;
    }
    return nullptr;
}

QList<QCommandLineOption> CommandDefinitions::commandLineOptions(
    const QList<OptionDefinition> &options, const char *context)
{
    QList<QCommandLineOption> result;
    for (const OptionDefinition &o : options) {
        QString description = o.describe ? o.describe() : translated(context, o.description);
        if (!o.descriptionArgument.isEmpty())
            description = description.arg(o.descriptionArgument);
        if (o.valueName)
            result.append(QCommandLineOption(
                QString::fromLatin1(o.name), description, translated(context, o.valueName), o.defaultValue));
        else
            result.append(QCommandLineOption(QString::fromLatin1(o.name), description));
    }
    return result;
}

void CommandDefinitions::setUp(QCommandLineParser &parser, const QString &nounName, const QString &verbName)
{
    const VerbDefinition *v = verb(nounName, verbName);
    Q_ASSERT(v);
    if (!v)
        return;
    parser.setApplicationDescription(translated(v->context, v->summary));
    parser.addHelpOption();
    parser.addOptions(commandLineOptions(v->options, v->context));
    if (v->positionalName)
        parser.addPositionalArgument(QString::fromLatin1(v->positionalName),
            translated(v->context, v->positionalDescription), translated(v->context, v->positionalSyntax));
}

QStringList CommandDefinitions::synopsisParts(const NounDefinition &noun, const VerbDefinition &verb)
{
    QStringList parts { QString::fromLatin1(noun.name) + QLatin1Char(' ') + QString::fromLatin1(verb.name) };
    if (verb.positionalName)
        parts.first() += QLatin1Char(' ') + translated(verb.context, verb.positionalSyntax);
    for (const OptionDefinition &o : verb.options) {
        QString part = QStringLiteral("--") + QString::fromLatin1(o.name);
        if (o.kind == ValueKind::Enum && !o.values.isEmpty() && !o.values.first().endsWith(QLatin1Char('=')))
            part += QLatin1Char(' ') + o.values.join(QLatin1Char('|'));
        else if (o.valueName)
            part += QLatin1Char(' ') + translated(verb.context, o.valueName).toUpper();
        parts.append(o.required ? part : QLatin1Char('[') + part + QLatin1Char(']'));
    }
    return parts;
}

QString CommandDefinitions::synopsis(const NounDefinition &noun, const VerbDefinition &verb)
{
    return synopsisParts(noun, verb).join(QLatin1Char(' '));
}

QString CommandDefinitions::commandsHelp(const QString &onlyNoun)
{
    constexpr int width = 100;
    const QString indent = QStringLiteral("  ");
    QString text = QCoreApplication::translate("UserDesk::CliApp", "Commands:") + QLatin1Char('\n');
    for (const NounDefinition &n : nouns()) {
        if (!onlyNoun.isEmpty() && onlyNoun != QLatin1String(n.name))
            continue;
        for (const VerbDefinition &v : n.verbs) {
            // Wrapped between options, the continuation lines indented under the verb.
            const QString continuation = QString(indent.size() + qstrlen(n.name) + 1, QLatin1Char(' '));
            QString line = indent;
            const QStringList parts = synopsisParts(n, v);
            for (qsizetype i = 0; i < parts.size(); ++i) {
                if (i > 0 && line.size() + 1 + parts[i].size() > width) {
                    text += line + QLatin1Char('\n');
                    line = continuation + parts[i];
                } else {
                    line += (i ? QStringLiteral(" ") : QString()) + parts[i];
                }
            }
            text += line + QLatin1Char('\n');
        }
    }
    return text;
}

QString CommandDefinitions::nounHelp(const NounDefinition &noun)
{
    return translated(cliContext, noun.summary) + QStringLiteral("\n\n")
        + commandsHelp(QLatin1String(noun.name)) + QLatin1Char('\n')
        + QCoreApplication::translate(
            "UserDesk::CliApp", "The options of a command: userdesk-cli %1 VERB --help.")
              .arg(QLatin1String(noun.name))
        + QLatin1Char('\n');
}

} // namespace UserDesk
