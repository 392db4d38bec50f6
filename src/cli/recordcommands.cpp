#include "recordcommands.h"

#include "cliapp.h"
#include "commanddefinitions.h"
#include "jobscommands.h"
#include "jsonformat.h"
#include "pagingguard.h"
#include "recordparser.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace UserDesk {

namespace {
// A value as one compact JSON text: 12, "text", null.
QByteArray compact(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

// The record with the schema's fields first, in the schema's order (QJsonObject would sort the keys),
// then whatever else the server sent.
QByteArray orderedJson(const ResourceSchema &schema, const QJsonObject &record)
{
    QByteArray out = "{";
    auto add = [&](const QString &key, const QJsonValue &value) {
        if (out.size() > 1)
            out += ',';
        out += compact(key) + ':' + compact(value);
    };
    for (const FieldSpec &f : schema.fields) {
        if (record.contains(f.name))
            add(f.name, record.value(f.name));
    }
    for (auto it = record.begin(); it != record.end(); ++it) {
        if (!schema.field(it.key()))
            add(it.key(), it.value());
    }
    return out + '}';
}

QString cellText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == static_cast<double>(static_cast<qint64>(d)) ? QString::number(static_cast<qint64>(d))
                                                                : QString::number(d, 'g', 17);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull() || v.isUndefined())
        return QString();
    return QString::fromUtf8(compact(v));
}

QString csvCell(QString text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    return QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

QString csvRow(const ResourceSchema &schema, const QJsonObject &record)
{
    QStringList cells;
    for (const FieldSpec &f : schema.fields)
        cells.append(csvCell(cellText(record.value(f.name))));
    return cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

// Aligned columns, one per field of the schema; long texts are shortened (json and csv carry them whole).
QString table(const ResourceSchema &schema, const QList<QJsonObject> &records)
{
    constexpr int maxCell = 48;
    QStringList headers;
    for (const FieldSpec &f : schema.fields)
        headers.append(f.name.toUpper());
    QList<QStringList> rows;
    for (const QJsonObject &r : records) {
        QStringList row;
        for (const FieldSpec &f : schema.fields) {
            QString cell = cellText(r.value(f.name)).simplified();
            if (cell.size() > maxCell)
                cell = cell.left(maxCell - 1) + QChar(0x2026);
            row.append(cell);
        }
        rows.append(row);
    }
    QList<qsizetype> widths;
    for (const QString &h : headers)
        widths.append(h.size());
    for (const QStringList &row : std::as_const(rows)) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    QString out;
    auto line = [&](const QStringList &cells) {
        for (qsizetype i = 0; i < cells.size(); ++i)
            out += i == cells.size() - 1 ? cells[i] : cells[i].leftJustified(widths[i] + 2);
        out += QLatin1Char('\n');
    };
    line(headers);
    for (const QStringList &row : std::as_const(rows))
        line(row);
    return out;
}

} // namespace

RecordCommands::RecordCommands(ApiClient &client, QTextStream &out, QTextStream &err,
    std::function<void()> prepareLists, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_out(out)
    , m_err(err)
    , m_prepareLists(std::move(prepareLists))
{
}

QStringList RecordCommands::nouns()
{
    // The nouns CommandDefinitions made from a schema, other than users (CliApp runs those).
    QStringList names;
    for (const NounDefinition &n : CommandDefinitions::nouns()) {
        const QString name = QLatin1String(n.name);
        if (name != QLatin1String("users") && ResourceSchema::find(name))
            names.append(name);
    }
    return names;
}

const ResourceSchema *RecordCommands::schemaFor(const QString &noun)
{
    return nouns().contains(noun) ? ResourceSchema::find(noun) : nullptr;
}

QString RecordCommands::parentOption(const ResourceSchema &schema)
{
    const ResourceSchema *parent = ResourceSchema::find(schema.parent);
    return parent ? parent->singular : QString();
}

QString RecordCommands::optionName(const QString &field)
{
    return QString(field).replace(QLatin1Char('_'), QLatin1Char('-'));
}

int RecordCommands::usage(const QString &message)
{
    m_err << "userdesk-cli: " << message << "\n" << tr("Try 'userdesk-cli --help'.") << Qt::endl;
    return CliApp::Usage;
}

int RecordCommands::fail(const ApiError &error)
{
    m_err << "userdesk-cli: " << error.userMessage() << Qt::endl;
    for (const FieldError &f : error.fieldErrors())
        m_err << "  " << f.field << ": " << f.message << Qt::endl;
    return CliApp::exitCodeFor(error);
}

int RecordCommands::run(const ResourceSchema &schema, const QStringList &arguments)
{
    const QString verbName = arguments.value(0);
    if (verbName == QLatin1String("import")) {
        // A journaled job, as `users import` is; the sub-parser wants a program name first.
        JobsCommands jobs(m_client, m_out, m_err);
        jobs.setPrepareLists(m_prepareLists);
        return jobs.importRecords(schema,
            QStringList { QStringLiteral("userdesk-cli %1 import").arg(schema.name) } + arguments.mid(1));
    }
    if (CommandDefinitions::verb(schema.name, verbName)) {
        QCommandLineParser p;
        CommandDefinitions::setUp(p, schema.name, verbName);
        // The sub-parser wants a program name first.
        if (!p.parse(QStringList { QStringLiteral("userdesk-cli %1 %2").arg(schema.name, verbName) }
                + arguments.mid(1)))
            return usage(p.errorText());
        if (p.isSet(QStringLiteral("help"))) {
            m_out << p.helpText() << Qt::flush;
            return CliApp::Ok;
        }
        if (p.value(QStringLiteral("format")) == QLatin1String("ndjson")) {
            // One compact JSON object a line, written as each record is known; the JSON of the other paths.
            m_ndjson = true;
            m_format = UserExport::Format::Json;
        } else if (!UserExport::parseFormat(p.value(QStringLiteral("format")), &m_format)) {
            return usage(tr("--format must be table, json, csv or ndjson"));
        }
        // Lists, and a create's look-up for what it sent, are asked in the server's dialect; a reference
        // is written as the server keeps ids (ApiClient::referencesAsServerKeepsThem).
        const bool setsReference
            = std::any_of(schema.fields.cbegin(), schema.fields.cend(), [&p](const FieldSpec &f) {
                  return f.type == FieldSpec::Type::Reference && p.isSet(optionName(f.name));
              });
        if (m_prepareLists
            && (verbName == QLatin1String("list") || verbName == QLatin1String("create")
                || (verbName == QLatin1String("update") && setsReference)))
            m_prepareLists();
        if (verbName == QLatin1String("list"))
            return list(schema, p);
        if (verbName == QLatin1String("get"))
            return get(schema, p);
        if (verbName == QLatin1String("create"))
            return create(schema, p);
        if (verbName == QLatin1String("update"))
            return update(schema, p);
        return remove(schema, p);
    }
    if (verbName.isEmpty())
        return usage(tr("%1 needs a command: list, get, create, update, delete or import").arg(schema.name));
    return usage(tr("unknown %1 command \"%2\"").arg(schema.name, verbName));
}

std::optional<ResourceId> RecordCommands::parentFrom(
    const ResourceSchema &schema, const QCommandLineParser &p, QString *error) const
{
    const QString option = parentOption(schema);
    if (option.isEmpty() || !p.isSet(option))
        return ResourceId();
    const auto id = ResourceId::parse(p.value(option).trimmed());
    if (!id)
        *error = tr("\"%1\" is not a %2 id").arg(p.value(option), option);
    return id;
}

bool RecordCommands::fieldsFrom(
    const ResourceSchema &schema, const QCommandLineParser &p, QJsonObject *fields, QString *error) const
{
    for (const FieldSpec &f : schema.fields) {
        const QString option = optionName(f.name);
        if (!f.isWritable() || !p.isSet(option))
            continue;
        const QString value = p.value(option);
        if (f.type == FieldSpec::Type::Reference || f.type == FieldSpec::Type::Integer) {
            // A number goes as a JSON number, a text id (json-server 1.x) as a string.
            const auto id = ResourceId::parse(value.trimmed());
            if (!id) {
                *error = tr("--%1 takes an id, not \"%2\"").arg(option, value);
                return false;
            }
            fields->insert(f.name, id->toJson());
        } else if (f.nullable && value.trimmed().isEmpty()) {
            fields->insert(f.name, QJsonValue::Null);
        } else {
            fields->insert(f.name, value);
        }
    }
    return true;
}

std::optional<QJsonObject> RecordCommands::waitForRecord(ApiClient::RequestId request, ApiError *failure)
{
    std::optional<QJsonObject> record;
    QEventLoop loop;
    auto got = [&](ApiClient::RequestId id, const QString &, const QJsonObject &r) {
        if (id == request) {
            record = r;
            loop.quit();
        }
    };
    const QList<QMetaObject::Connection> connections {
        connect(&m_client, &ApiClient::recordReceived, this, got),
        connect(&m_client, &ApiClient::recordCreated, this, got),
        connect(&m_client, &ApiClient::recordUpdated, this, got),
        connect(&m_client, &ApiClient::requestFailed, this,
            [&](ApiClient::RequestId id, const ApiError &e) {
                if (id == request) {
                    *failure = e;
                    loop.quit();
                }
            }),
    };
    loop.exec();
    for (const auto &c : connections)
        disconnect(c);
    return record;
}

void RecordCommands::printRecord(const ResourceSchema &schema, const QJsonObject &record)
{
    if (m_ndjson) {
        m_out << orderedJson(schema, record) << '\n' << Qt::flush;
        return;
    }
    switch (m_format) {
    case UserExport::Format::Json:
        m_out << JsonFormat::reindent(orderedJson(schema, record)) << Qt::flush;
        return;
    case UserExport::Format::Csv:
        m_out << schema.fieldNames().join(QLatin1Char(',')) << "\r\n" << csvRow(schema, record) << Qt::flush;
        return;
    case UserExport::Format::Table:
        m_out << table(schema, { record }) << Qt::flush;
        return;
    }
}

int RecordCommands::list(const ResourceSchema &schema, QCommandLineParser &p)
{
    QString error;
    const auto parent = parentFrom(schema, p, &error);
    if (!parent)
        return usage(error);
    QList<std::pair<QString, QString>> filters;
    for (const QString &term : p.values(QStringLiteral("filter"))) {
        const qsizetype eq = term.indexOf(QLatin1Char('='));
        if (eq <= 0 || !schema.field(term.left(eq)))
            return usage(tr("bad filter \"%1\": use %2")
                             .arg(term, schema.filterNames().join(QStringLiteral("=, ")) + QLatin1Char('=')));
        filters.append({ term.left(eq), term.mid(eq + 1) });
    }
    const bool all = p.isSet(QStringLiteral("all"));
    const int perPage = p.isSet(QStringLiteral("per-page")) ? p.value(QStringLiteral("per-page")).toInt()
                                                            : (all ? 100 : 20);
    if (perPage < 1 || perPage > 100)
        return usage(tr("--per-page must be between 1 and 100"));
    int page = p.value(QStringLiteral("page")).toInt();
    if (page < 1)
        return usage(tr("--page must be a positive number"));
    int maxPages = PagingGuard::DefaultMaxPages;
    if (p.isSet(QStringLiteral("max-pages"))) {
        bool ok = false;
        maxPages = p.value(QStringLiteral("max-pages")).toInt(&ok);
        if (!ok || maxPages < 1)
            return usage(tr("--max-pages must be a positive number"));
    }

    // One page at a time; json and csv print each record as its page arrives, so a long walk shows what
    // it has; a table needs every row for its widths and prints at the end.
    PagingGuard guard(maxPages);
    QList<QJsonObject> rows;
    int printed = 0;
    qsizetype skipped = 0;
    ApiError failure;
    QEventLoop loop;
    ApiClient::RequestId current = 0;
    if (m_format == UserExport::Format::Csv)
        m_out << schema.fieldNames().join(QLatin1Char(',')) << "\r\n" << Qt::flush;
    auto onPage = [&](ApiClient::RequestId id, const RecordsPage &answer) {
        if (id != current)
            return;
        QList<ResourceId> keys;
        QList<QJsonObject> fresh;
        for (const QJsonObject &r : answer.items) {
            const ResourceId key = RecordParser::idOf(r);
            keys.append(key);
            if (!guard.isKnown(key))
                fresh.append(r);
        }
        const bool more = all && answer.info.hasNext;
        const auto stop = guard.accept(page, perPage, keys, more);
        for (const QString &sentence : answer.skipped)
            m_err << "userdesk-cli: " << sentence << Qt::endl;
        skipped += answer.skipped.size();
        for (const QJsonObject &r : std::as_const(fresh)) {
            if (m_ndjson)
                m_out << orderedJson(schema, r) << '\n' << Qt::flush;
            else if (m_format == UserExport::Format::Json)
                m_out << (printed == 0 ? "[\n  " : ",\n  ") << orderedJson(schema, r) << Qt::flush;
            else if (m_format == UserExport::Format::Csv)
                m_out << csvRow(schema, r) << Qt::flush;
            else
                rows.append(r);
            ++printed;
        }
        if (stop != PagingGuard::Stop::None || !more) {
            loop.quit();
            return;
        }
        ++page;
        current = m_client.listRecords(schema, page, perPage, filters, *parent);
    };
    const QList<QMetaObject::Connection> connections {
        connect(&m_client, &ApiClient::recordsPageReceived, this, onPage),
        connect(&m_client, &ApiClient::requestFailed, this,
            [&](ApiClient::RequestId id, const ApiError &e) {
                if (id != current)
                    return;
                failure = e;
                loop.quit();
            }),
    };
    current = m_client.listRecords(schema, page, perPage, filters, *parent);
    loop.exec();
    for (const auto &c : connections)
        disconnect(c);
    if (m_format == UserExport::Format::Json && !m_ndjson)
        m_out << (printed == 0 ? "[]\n" : "\n]\n") << Qt::flush;
    else if (m_format == UserExport::Format::Table && !failure.isError())
        m_out << table(schema, rows) << Qt::flush;
    if (failure.isError())
        return fail(failure);
    if (guard.stoppedEarly()) {
        m_err << "userdesk-cli: " << guard.reason() << Qt::endl;
        // A cut list is not the whole list: scripts must not take it for one.
        if (guard.stop() == PagingGuard::Stop::PageCap)
            return CliApp::Failure;
    }
    // Nor is a list without the records that could not be read (each named on stderr), as for users.
    return skipped ? CliApp::Incomplete : CliApp::Ok;
}

int RecordCommands::get(const ResourceSchema &schema, QCommandLineParser &p)
{
    const auto id = p.positionalArguments().size() == 1 ? ResourceId::parse(p.positionalArguments().first())
                                                        : std::nullopt;
    if (!id)
        return usage(tr("%1 get takes exactly one id").arg(schema.name));
    ApiError failure;
    const auto record = waitForRecord(m_client.getRecord(schema, *id), &failure);
    if (!record)
        return fail(failure);
    printRecord(schema, *record);
    return CliApp::Ok;
}

int RecordCommands::create(const ResourceSchema &schema, QCommandLineParser &p)
{
    if (!p.positionalArguments().isEmpty())
        return usage(tr("%1 create takes no id; the server gives it").arg(schema.name));
    QString error;
    const auto parent = parentFrom(schema, p, &error);
    if (!parent)
        return usage(error);
    QJsonObject fields;
    if (!fieldsFrom(schema, p, &fields, &error))
        return usage(error);
    if (!parent->isNull() && fields.contains(schema.parentField))
        return usage(tr("give either --%1 or --%2, not both")
                         .arg(parentOption(schema), optionName(schema.parentField)));
    ApiError failure;
    const auto record = waitForRecord(m_client.createRecord(schema, fields, *parent), &failure);
    if (!record)
        return fail(failure);
    printRecord(schema, *record);
    return CliApp::Ok;
}

int RecordCommands::update(const ResourceSchema &schema, QCommandLineParser &p)
{
    const auto id = p.positionalArguments().size() == 1 ? ResourceId::parse(p.positionalArguments().first())
                                                        : std::nullopt;
    if (!id)
        return usage(tr("%1 update takes exactly one id").arg(schema.name));
    QString error;
    QJsonObject fields;
    if (!fieldsFrom(schema, p, &fields, &error))
        return usage(error);
    if (fields.isEmpty())
        return usage(tr("nothing to change: give at least one field option"));
    ApiError failure;
    if (!p.isSet(QStringLiteral("put"))) {
        const auto record = waitForRecord(m_client.updateRecord(schema, *id, fields), &failure);
        if (!record)
            return fail(failure);
        printRecord(schema, *record);
        return CliApp::Ok;
    }
    // PUT replaces the record (RFC 9110; json-server does): it carries every field, those not given as
    // the record holds them now.
    const auto current = waitForRecord(m_client.getRecord(schema, *id), &failure);
    if (!current)
        return fail(failure);
    QJsonObject whole;
    for (const FieldSpec &f : schema.fields) {
        if (f.isWritable() && current->contains(f.name))
            whole.insert(f.name, current->value(f.name));
    }
    for (auto it = fields.begin(); it != fields.end(); ++it)
        whole.insert(it.key(), it.value());
    const auto record
        = waitForRecord(m_client.updateRecord(schema, *id, whole, ApiClient::UpdateMethod::Put), &failure);
    if (!record)
        return fail(failure);
    printRecord(schema, *record);
    return CliApp::Ok;
}

int RecordCommands::remove(const ResourceSchema &schema, QCommandLineParser &p)
{
    QList<ResourceId> ids;
    for (const QString &arg : p.positionalArguments()) {
        const auto id = ResourceId::parse(arg);
        if (!id)
            return usage(tr("\"%1\" is not an id").arg(arg));
        ids.append(*id);
    }
    if (ids.isEmpty())
        return usage(tr("%1 delete needs at least one id").arg(schema.name));

    // One request per id, each reported the moment it ends, so a run cut short has said what it did.
    QHash<ApiClient::RequestId, ResourceId> pending;
    int code = CliApp::Ok;
    QEventLoop loop;
    auto report = [&](ApiClient::RequestId request, const ApiError &error) {
        const auto it = pending.constFind(request);
        if (it == pending.cend())
            return;
        printDeleteOutcome(schema, it.value(), error);
        pending.erase(it);
        if (error.isError() && code == CliApp::Ok)
            code = CliApp::exitCodeFor(error);
        if (pending.isEmpty())
            loop.quit();
    };
    const QList<QMetaObject::Connection> connections {
        connect(&m_client, &ApiClient::recordDeleted, this,
            [&](ApiClient::RequestId request, const QString &, const ResourceId &) { report(request, {}); }),
        connect(&m_client, &ApiClient::requestFailed, this,
            [&](ApiClient::RequestId request, const ApiError &e) { report(request, e); }),
    };
    if (m_format == UserExport::Format::Csv)
        m_out << "id,outcome,error,message\r\n" << Qt::flush;
    for (const ResourceId &id : std::as_const(ids))
        pending.insert(m_client.deleteRecord(schema, id), id);
    loop.exec();
    for (const auto &c : connections)
        disconnect(c);
    return code;
}

void RecordCommands::printDeleteOutcome(
    const ResourceSchema &schema, const ResourceId &id, const ApiError &error)
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
        QJsonObject line { { QStringLiteral("id"), id.toJson() }, { QStringLiteral("outcome"), outcome } };
        if (error.isError()) {
            line.insert(QStringLiteral("error"), kind);
            line.insert(QStringLiteral("message"), error.userMessage());
        }
        m_out << QJsonDocument(line).toJson(QJsonDocument::Compact) << '\n' << Qt::flush;
        return;
    }
    case UserExport::Format::Csv:
        m_out << csvCell(id.toString()) << ',' << outcome << ',' << kind << ','
              << csvCell(error.userMessage()) << "\r\n"
              << Qt::flush;
        return;
    case UserExport::Format::Table:
        break;
    }
    const QString what = QStringLiteral("%1 %2").arg(schema.singular, id.toString());
    if (!error.isError())
        m_out << tr("deleted %1").arg(what) << '\n' << Qt::flush;
    else if (error.kind() == ApiError::Kind::Unknown)
        m_err << tr("unknown whether %1 was deleted: %2").arg(what, error.userMessage()) << Qt::endl;
    else if (error.kind() == ApiError::Kind::Canceled)
        m_err << tr("not deleted %1: stopped before it was sent").arg(what) << Qt::endl;
    else
        m_err << tr("could not delete %1: %2").arg(what, error.userMessage()) << Qt::endl;
}

} // namespace UserDesk
