#pragma once

#include "apiclient.h"
#include "resourceschema.h"
#include "userexport.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QObject>
#include <QTextStream>
#include <functional>
#include <optional>

namespace UserDesk {

// The CLI's nouns for records other than users: `posts|comments|todos list|get|create|update|delete`, with
// `--user ID` (posts, todos) or `--post ID` (comments) for the nested routes and one option per field of
// the resource's schema. The verbs and their options are defined in CommandDefinitions (made from the
// schema there), so the parser, the help and the shell completions read the same definitions.
class RecordCommands : public QObject
{
    Q_OBJECT
public:
    // `prepareLists` is called once before the first request (the CLI finds out the server's dialect).
    RecordCommands(ApiClient &client, QTextStream &out, QTextStream &err, std::function<void()> prepareLists,
        QObject *parent = nullptr);

    // The nouns this class answers to ("posts", "comments", "todos"), as CommandDefinitions defines them.
    static QStringList nouns();
    static const ResourceSchema *schemaFor(const QString &noun);
    // The option that names the parent for the nested routes: "user" for posts and todos, "post" for
    // comments; empty for a resource without a parent.
    static QString parentOption(const ResourceSchema &schema);
    // The option of a field: "due_on" -> "due-on".
    static QString optionName(const QString &field);

    // arguments: the verb and what follows it. Returns the exit code (CliApp's).
    int run(const ResourceSchema &schema, const QStringList &arguments);

private:
    int list(const ResourceSchema &schema, QCommandLineParser &p);
    int get(const ResourceSchema &schema, QCommandLineParser &p);
    int create(const ResourceSchema &schema, QCommandLineParser &p);
    int update(const ResourceSchema &schema, QCommandLineParser &p);
    int remove(const ResourceSchema &schema, QCommandLineParser &p);
    // Waits for `request` to end in one of the record signals or requestFailed.
    std::optional<QJsonObject> waitForRecord(ApiClient::RequestId request, ApiError *failure);
    // The fields given on the command line, typed by the schema; false with *error on a value that
    // cannot be one.
    bool fieldsFrom(
        const ResourceSchema &schema, const QCommandLineParser &p, QJsonObject *fields, QString *error) const;
    // --user / --post: the parent of a nested route; nullopt with *error when given but not an id.
    std::optional<ResourceId> parentFrom(
        const ResourceSchema &schema, const QCommandLineParser &p, QString *error) const;
    void printRecord(const ResourceSchema &schema, const QJsonObject &record);
    void printDeleteOutcome(const ResourceSchema &schema, const ResourceId &id, const ApiError &error);
    int fail(const ApiError &error);
    int usage(const QString &message);

    ApiClient &m_client;
    QTextStream &m_out;
    QTextStream &m_err;
    std::function<void()> m_prepareLists;
    UserExport::Format m_format = UserExport::Format::Table;
    bool m_ndjson = false; // --format ndjson: one compact object a line, each as it is known
};

} // namespace UserDesk
