#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

class QCommandLineParser;

namespace UserDesk {

// What value an option or positional argument takes: completions offer candidates by it.
enum class ValueKind {
    None, // a flag, or no positional argument
    Text,
    Number,
    Id,
    File,
    Url,
    Profile, // a profile name from the settings file
    Enum, // one of `values`
};

struct OptionDefinition
{
    const char *name = nullptr; // long name, without dashes
    const char *description = nullptr; // source text, translated in the verb's context
    const char *valueName = nullptr; // source text; null for a flag
    ValueKind kind = ValueKind::None;
    QStringList values; // Enum: what it accepts
    QString defaultValue;
    QString descriptionArgument; // fills %1 of the description
    // Made when shown, instead of `description`: the options made from a resource's schema, whose field
    // labels are translated where they are used.
    std::function<QString()> describe;
    bool required = false; // shown without brackets in the synopsis
};

struct VerbDefinition
{
    const char *name = nullptr;
    const char *context = nullptr; // translation context of its strings: the class that runs it
    const char *summary = nullptr;
    const char *positionalName = nullptr; // null: takes no positional argument
    const char *positionalDescription = nullptr;
    const char *positionalSyntax = nullptr; // e.g. "ID..."; source text
    ValueKind positionalKind = ValueKind::None;
    QStringList positionalValues; // Enum
    QList<OptionDefinition> options;
};

struct NounDefinition
{
    const char *name = nullptr;
    const char *summary = nullptr; // source text in the context of CliApp
    QList<VerbDefinition> verbs;
};

// The CLI's commands as one piece of data: every noun, its verbs and their options with the kind of value
// each takes. The record nouns (posts, comments, todos) are made here from their ResourceSchema: one
// option per writable field, --user or --post for the nested routes. The parsers (CliApp, JobsCommands) build
// their QCommandLineParser from it, the help's "Commands:" block is written from it, and CompletionScript
// writes the bash, zsh and fish completions from it, so that the parser, the help and the completions cannot
// drift apart.
//
// How to add a command:
//  1. In commanddefinitions.cpp, add a VerbDefinition to its noun in buildNouns() (or a new NounDefinition
//     there; a new resource needs only its ResourceSchema and a recordNoun(schema, summary) line): its name,
//     the class that runs it as translation context, a summary, its positional argument with its ValueKind,
//     and its options. Wrap every text in QT_TRANSLATE_NOOP with that context, so that lupdate finds it.
//     Reuse the shared options (outputFormat(), userFields()) where the meaning is the same.
//  2. Give every option that takes a value its ValueKind (File, Profile, Enum with the values, ...): the
//     completions offer files, profile names or those values from it.
//  3. Run it: dispatch the noun in CliApp::run and the verb in the noun's runner (CliApp::runUsers,
//     RecordCommands::run, JobsCommands::run), and build the verb's parser with
//     CommandDefinitions::setUp(parser, noun, verb).
//  4. The completion scripts are generated from these definitions at build time (src/cli/CMakeLists.txt)
//     and tst_cliconventions reads them with a real bash; add the new noun or verb to its checks. Run
//     ./dev translations for the new strings.
class CommandDefinitions
{
public:
    // The options before the noun (--endpoint, --profile, ...), without --help and --version.
    static const QList<OptionDefinition> &globalOptions();
    static const QList<NounDefinition> &nouns();
    static const NounDefinition *noun(const QString &name);
    static const VerbDefinition *verb(const QString &noun, const QString &verb);

    // Sets the parser up for `noun verb`: description, --help, options and positional argument.
    static void setUp(QCommandLineParser &parser, const QString &noun, const QString &verb);
    static QList<QCommandLineOption> commandLineOptions(
        const QList<OptionDefinition> &options, const char *context);

    // The translated "Commands:" block of the help, one synopsis a command, for every noun or only one.
    static QString commandsHelp(const QString &onlyNoun = {});
    // `userdesk-cli NOUN --help`: what the noun is for, its commands, and where their options are.
    static QString nounHelp(const NounDefinition &noun);
    // One command's synopsis, e.g. "users get ID [--format table|json|csv|ndjson]".
    static QString synopsis(const NounDefinition &noun, const VerbDefinition &verb);

    // The synopsis in pieces that are not split when it is wrapped: the command, then each option.
    static QStringList synopsisParts(const NounDefinition &noun, const VerbDefinition &verb);

    static const char *const cliContext; // "UserDesk::CliApp"
    static const char *const jobsContext; // "UserDesk::JobsCommands"
    static const char *const recordsContext; // "UserDesk::RecordCommands"
};

} // namespace UserDesk
