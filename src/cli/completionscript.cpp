#include "completionscript.h"

#include "commanddefinitions.h"

#include <QStringList>

namespace UserDesk {

namespace {
QString kindWord(ValueKind kind, const QStringList &values)
{
    switch (kind) {
    case ValueKind::None:
        return QStringLiteral("none");
    case ValueKind::Text:
        return QStringLiteral("text");
    case ValueKind::Number:
        return QStringLiteral("number");
    case ValueKind::Id:
        return QStringLiteral("id");
    case ValueKind::File:
        return QStringLiteral("file");
    case ValueKind::Url:
        return QStringLiteral("url");
    case ValueKind::Profile:
        return QStringLiteral("profile");
    case ValueKind::Enum:
        return QStringLiteral("enum:") + values.join(QLatin1Char(' '));
    }
    return QStringLiteral("none");
}

QString optionWords(const QList<OptionDefinition> &options, bool global)
{
    QStringList words;
    for (const OptionDefinition &o : options)
        words.append(QStringLiteral("--") + QLatin1String(o.name));
    words.append(QStringLiteral("--help"));
    if (global)
        words += QStringList { QStringLiteral("--help-all"), QStringLiteral("--version") };
    return words.join(QLatin1Char(' '));
}

QString verbWords(const NounDefinition &noun)
{
    QStringList words;
    for (const VerbDefinition &v : noun.verbs)
        words.append(QLatin1String(v.name));
    return words.join(QLatin1Char(' '));
}

// The description's first sentence in English, as fish shows beside a candidate.
QString shortDescription(const char *text, const QString &argument = {})
{
    QString s = QString::fromUtf8(text ? text : "");
    if (!argument.isEmpty())
        s = s.arg(argument);
    const qsizetype end = s.indexOf(QLatin1String(". "));
    if (end > 0)
        s = s.left(end);
    if (s.endsWith(QLatin1Char('.')))
        s.chop(1);
    return s;
}

QString fishQuoted(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}
} // namespace

std::optional<CompletionScript::Shell> CompletionScript::shellNamed(const QString &name)
{
    if (name == QLatin1String("bash"))
        return Shell::Bash;
    if (name == QLatin1String("zsh"))
        return Shell::Zsh;
    if (name == QLatin1String("fish"))
        return Shell::Fish;
    return std::nullopt;
}

QString CompletionScript::generate(Shell shell)
{
    switch (shell) {
    case Shell::Bash:
        return bash();
    case Shell::Zsh:
        return zsh();
    case Shell::Fish:
        return fish();
    }
    return {};
}

QString CompletionScript::helpers()
{
    QString s;
    s += QStringLiteral(
        "# _userdesk_cli_kind NOUN VERB OPTION: what the option's value is: none (a flag), text, number,\n"
        "# id, url, file, profile, or enum:VALUE... The options before the noun have an empty noun and "
        "verb.\n"
        "_userdesk_cli_kind() {\n"
        "    case \"$1/$2/$3\" in\n");
    for (const OptionDefinition &o : CommandDefinitions::globalOptions()) {
        if (o.valueName)
            s += QStringLiteral("    //--%1) echo '%2' ;;\n")
                     .arg(QLatin1String(o.name), kindWord(o.kind, o.values));
    }
    for (const NounDefinition &n : CommandDefinitions::nouns()) {
        for (const VerbDefinition &v : n.verbs) {
            for (const OptionDefinition &o : v.options) {
                if (o.valueName)
                    s += QStringLiteral("    %1/%2/--%3) echo '%4' ;;\n")
                             .arg(QLatin1String(n.name), QLatin1String(v.name), QLatin1String(o.name),
                                 kindWord(o.kind, o.values));
            }
        }
    }
    s += QStringLiteral("    *) echo none ;;\n    esac\n}\n\n");

    s += QStringLiteral(
        "# _userdesk_cli_options NOUN VERB: the options of a command (of the program before the noun).\n"
        "_userdesk_cli_options() {\n    case \"$1/$2\" in\n");
    s += QStringLiteral("    /) echo '%1' ;;\n").arg(optionWords(CommandDefinitions::globalOptions(), true));
    for (const NounDefinition &n : CommandDefinitions::nouns()) {
        for (const VerbDefinition &v : n.verbs)
            s += QStringLiteral("    %1/%2) echo '%3' ;;\n")
                     .arg(QLatin1String(n.name), QLatin1String(v.name), optionWords(v.options, false));
    }
    s += QStringLiteral("    *) echo '--help' ;;\n    esac\n}\n\n");

    QStringList nouns;
    for (const NounDefinition &n : CommandDefinitions::nouns())
        nouns.append(QLatin1String(n.name));
    s += QStringLiteral("_userdesk_cli_nouns() {\n    echo '%1'\n}\n\n").arg(nouns.join(QLatin1Char(' ')));

    s += QStringLiteral("_userdesk_cli_verbs() {\n    case \"$1\" in\n");
    for (const NounDefinition &n : CommandDefinitions::nouns())
        s += QStringLiteral("    %1) echo '%2' ;;\n").arg(QLatin1String(n.name), verbWords(n));
    s += QStringLiteral("    esac\n}\n\n");

    s += QStringLiteral("# _userdesk_cli_positional NOUN VERB: what the command's positional arguments are.\n"
                        "_userdesk_cli_positional() {\n    case \"$1/$2\" in\n");
    for (const NounDefinition &n : CommandDefinitions::nouns()) {
        for (const VerbDefinition &v : n.verbs) {
            if (v.positionalName)
                s += QStringLiteral("    %1/%2) echo '%3' ;;\n")
                         .arg(QLatin1String(n.name), QLatin1String(v.name),
                             kindWord(v.positionalKind, v.positionalValues));
        }
    }
    s += QStringLiteral("    *) echo none ;;\n    esac\n}\n\n");

    s += QStringLiteral(
        "# _userdesk_cli_profiles PROGRAM [SETTINGS]: the profile names, one a line, from the CLI itself.\n"
        "_userdesk_cli_profiles() {\n"
        "    if [ -n \"$2\" ]; then\n"
        "        \"$1\" --settings \"$2\" completion profiles 2>/dev/null\n"
        "    else\n"
        "        \"$1\" completion profiles 2>/dev/null\n"
        "    fi\n"
        "}\n\n");
    return s;
}

QString CompletionScript::bash()
{
    return QStringLiteral("# bash completion for userdesk-cli, generated from its command definitions:\n"
                          "# userdesk-cli completion bash\n\n")
        + helpers()
        + QStringLiteral(
            "_userdesk_cli() {\n"
            "    local cur=${COMP_WORDS[COMP_CWORD]} noun= verb= settings= kind= valuekind= i w\n"
            "    COMPREPLY=()\n"
            "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
            "        w=${COMP_WORDS[i]}\n"
            "        case $w in\n"
            "        -*)\n"
            "            kind=$(_userdesk_cli_kind \"$noun\" \"$verb\" \"$w\")\n"
            "            if [[ $kind != none ]]; then\n"
            "                if ((i + 1 == COMP_CWORD)); then\n"
            "                    valuekind=$kind\n"
            "                    break\n"
            "                fi\n"
            "                ((i++))\n"
            "                [[ $w == --settings ]] && settings=${COMP_WORDS[i]}\n"
            "            fi\n"
            "            ;;\n"
            "        *)\n"
            "            if [[ -z $noun ]]; then noun=$w; elif [[ -z $verb ]]; then verb=$w; fi\n"
            "            ;;\n"
            "        esac\n"
            "    done\n"
            "    if [[ -z $valuekind && -n $verb && $cur != -* ]]; then\n"
            "        valuekind=$(_userdesk_cli_positional \"$noun\" \"$verb\")\n"
            "    fi\n"
            "    if [[ -n $valuekind && $valuekind != none ]]; then\n"
            "        case $valuekind in\n"
            "        file)\n"
            "            COMPREPLY=($(compgen -f -- \"$cur\"))\n"
            "            compopt -o filenames 2>/dev/null\n"
            "            ;;\n"
            "        profile)\n"
            "            local IFS=$'\\n'\n"
            "            COMPREPLY=($(compgen -W \"$(_userdesk_cli_profiles \"${COMP_WORDS[0]}\" "
            "\"$settings\")\" -- \"$cur\"))\n"
            "            ;;\n"
            "        enum:*)\n"
            "            COMPREPLY=($(compgen -W \"${valuekind#enum:}\" -- \"$cur\"))\n"
            "            [[ ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null\n"
            "            ;;\n"
            "        esac\n"
            "        return 0\n"
            "    fi\n"
            "    if [[ $cur == -* ]]; then\n"
            "        COMPREPLY=($(compgen -W \"$(_userdesk_cli_options \"$noun\" \"$verb\")\" -- \"$cur\"))\n"
            "    elif [[ -z $noun ]]; then\n"
            "        COMPREPLY=($(compgen -W \"$(_userdesk_cli_nouns)\" -- \"$cur\"))\n"
            "    elif [[ -z $verb ]]; then\n"
            "        COMPREPLY=($(compgen -W \"$(_userdesk_cli_verbs \"$noun\")\" -- \"$cur\"))\n"
            "    fi\n"
            "    return 0\n"
            "}\n\n"
            "complete -F _userdesk_cli userdesk-cli\n");
}

QString CompletionScript::zsh()
{
    return QStringLiteral("#compdef userdesk-cli\n"
                          "# zsh completion for userdesk-cli, generated from its command definitions:\n"
                          "# userdesk-cli completion zsh\n\n")
        + helpers()
        + QStringLiteral(
            "_userdesk_cli() {\n"
            "    local cur=${words[CURRENT]} noun= verb= settings= kind= valuekind= i w\n"
            "    local -a candidates\n"
            "    for ((i = 2; i < CURRENT; i++)); do\n"
            "        w=${words[i]}\n"
            "        case $w in\n"
            "        -*)\n"
            "            kind=$(_userdesk_cli_kind \"$noun\" \"$verb\" \"$w\")\n"
            "            if [[ $kind != none ]]; then\n"
            "                if ((i + 1 == CURRENT)); then\n"
            "                    valuekind=$kind\n"
            "                    break\n"
            "                fi\n"
            "                ((i++))\n"
            "                [[ $w == --settings ]] && settings=${words[i]}\n"
            "            fi\n"
            "            ;;\n"
            "        *)\n"
            "            if [[ -z $noun ]]; then noun=$w; elif [[ -z $verb ]]; then verb=$w; fi\n"
            "            ;;\n"
            "        esac\n"
            "    done\n"
            "    if [[ -z $valuekind && -n $verb && $cur != -* ]]; then\n"
            "        valuekind=$(_userdesk_cli_positional \"$noun\" \"$verb\")\n"
            "    fi\n"
            "    if [[ -n $valuekind && $valuekind != none ]]; then\n"
            "        case $valuekind in\n"
            "        file) _files ;;\n"
            "        profile)\n"
            "            candidates=(${(f)\"$(_userdesk_cli_profiles \"${words[1]}\" \"$settings\")\"})\n"
            "            compadd -a candidates\n"
            "            ;;\n"
            "        enum:*)\n"
            "            candidates=(${=valuekind#enum:})\n"
            "            if [[ ${candidates[1]} == *= ]]; then compadd -S '' -a candidates; else compadd -a "
            "candidates; fi\n"
            "            ;;\n"
            "        *) _message 'value' ;;\n"
            "        esac\n"
            "        return\n"
            "    fi\n"
            "    if [[ $cur == -* ]]; then\n"
            "        candidates=(${=\"$(_userdesk_cli_options \"$noun\" \"$verb\")\"})\n"
            "    elif [[ -z $noun ]]; then\n"
            "        candidates=(${=\"$(_userdesk_cli_nouns)\"})\n"
            "    elif [[ -z $verb ]]; then\n"
            "        candidates=(${=\"$(_userdesk_cli_verbs \"$noun\")\"})\n"
            "    fi\n"
            "    compadd -a candidates\n"
            "}\n\n"
            "if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then\n"
            "    _userdesk_cli \"$@\"\n"
            "else\n"
            "    compdef _userdesk_cli userdesk-cli\n"
            "fi\n");
}

QString CompletionScript::fish()
{
    QString s = QStringLiteral("# fish completion for userdesk-cli, generated from its command definitions:\n"
                               "# userdesk-cli completion fish\n\n"
                               "function __userdesk_cli_kind --argument-names noun verb option\n"
                               "    switch \"$noun/$verb/$option\"\n");
    for (const OptionDefinition &o : CommandDefinitions::globalOptions()) {
        if (o.valueName)
            s += QStringLiteral("        case //--%1\n            echo %2\n")
                     .arg(QLatin1String(o.name), fishQuoted(kindWord(o.kind, o.values)));
    }
    for (const NounDefinition &n : CommandDefinitions::nouns()) {
        for (const VerbDefinition &v : n.verbs) {
            for (const OptionDefinition &o : v.options) {
                if (o.valueName)
                    s += QStringLiteral("        case %1/%2/--%3\n            echo %4\n")
                             .arg(QLatin1String(n.name), QLatin1String(v.name), QLatin1String(o.name),
                                 fishQuoted(kindWord(o.kind, o.values)));
            }
        }
    }
    s += QStringLiteral(
        "        case '*'\n            echo none\n    end\nend\n\n"
        "# Prints NOUN/VERB of the command line so far (empty before them), past the values of options.\n"
        "function __userdesk_cli_position\n"
        "    set -l tokens (commandline -opc)\n"
        "    set -l noun ''\n"
        "    set -l verb ''\n"
        "    set -l skip 0\n"
        "    for w in $tokens[2..-1]\n"
        "        if test $skip = 1\n"
        "            set skip 0\n"
        "            continue\n"
        "        end\n"
        "        switch $w\n"
        "            case '-*'\n"
        "                if test (__userdesk_cli_kind \"$noun\" \"$verb\" \"$w\") != none\n"
        "                    set skip 1\n"
        "                end\n"
        "            case '*'\n"
        "                if test -z \"$noun\"\n"
        "                    set noun $w\n"
        "                else if test -z \"$verb\"\n"
        "                    set verb $w\n"
        "                end\n"
        "        end\n"
        "    end\n"
        "    echo \"$noun/$verb\"\n"
        "end\n\n"
        "function __userdesk_cli_at --argument-names position\n"
        "    test (__userdesk_cli_position) = \"$position\"\n"
        "end\n\n"
        "function __userdesk_cli_profiles\n"
        "    set -l tokens (commandline -opc)\n"
        "    set -l settings (string replace -r -- '^--settings=' '' (string match -r -- '^--settings=.*' "
        "$tokens))\n"
        "    set -l i (contains -i -- --settings $tokens)\n"
        "    and set settings $tokens[(math $i + 1)]\n"
        "    if test -n \"$settings\"\n"
        "        command $tokens[1] --settings $settings completion profiles 2>/dev/null\n"
        "    else\n"
        "        command $tokens[1] completion profiles 2>/dev/null\n"
        "    end\n"
        "end\n\n"
        "complete -c userdesk-cli -f\n"
        "complete -c userdesk-cli -s h -l help -d 'Display help'\n"
        "complete -c userdesk-cli -n '__userdesk_cli_at /' -l help-all -d 'Display help including Qt "
        "options'\n"
        "complete -c userdesk-cli -n '__userdesk_cli_at /' -s v -l version -d 'Display version'\n");

    auto option = [](const QString &condition, const OptionDefinition &o) -> QString {
        QString line = QStringLiteral("complete -c userdesk-cli -n %1 -l %2")
                           .arg(fishQuoted(condition), QLatin1String(o.name));
        switch (o.kind) {
        case ValueKind::None:
            break;
        case ValueKind::File:
            line += QStringLiteral(" -r -F");
            break;
        case ValueKind::Profile:
            line += QStringLiteral(" -x -a '(__userdesk_cli_profiles)'");
            break;
        case ValueKind::Enum:
            line += QStringLiteral(" -x -a ") + fishQuoted(o.values.join(QLatin1Char(' ')));
            break;
        default:
            line += QStringLiteral(" -x");
            break;
        }
        return line + QStringLiteral(" -d ")
            + fishQuoted(o.describe ? shortDescription(o.describe().toUtf8().constData())
                                    : shortDescription(o.description, o.descriptionArgument))
            + QLatin1Char('\n');
    };
    for (const OptionDefinition &o : CommandDefinitions::globalOptions())
        s += option(QStringLiteral("__userdesk_cli_at /"), o);
    for (const NounDefinition &n : CommandDefinitions::nouns()) {
        s += QStringLiteral("complete -c userdesk-cli -n '__userdesk_cli_at /' -a %1 -d %2\n")
                 .arg(QLatin1String(n.name), fishQuoted(shortDescription(n.summary)));
        for (const VerbDefinition &v : n.verbs) {
            const QString at
                = QStringLiteral("__userdesk_cli_at %1/%2").arg(QLatin1String(n.name), QLatin1String(v.name));
            s += QStringLiteral("complete -c userdesk-cli -n %1 -a %2 -d %3\n")
                     .arg(fishQuoted(QStringLiteral("__userdesk_cli_at %1/").arg(QLatin1String(n.name))),
                         QLatin1String(v.name), fishQuoted(shortDescription(v.summary)));
            for (const OptionDefinition &o : v.options)
                s += option(at, o);
            if (v.positionalKind == ValueKind::File)
                s += QStringLiteral("complete -c userdesk-cli -n %1 -F\n").arg(fishQuoted(at));
            else if (v.positionalKind == ValueKind::Enum)
                s += QStringLiteral("complete -c userdesk-cli -n %1 -a %2\n")
                         .arg(fishQuoted(at), fishQuoted(v.positionalValues.join(QLatin1Char(' '))));
        }
    }
    return s;
}

} // namespace UserDesk
