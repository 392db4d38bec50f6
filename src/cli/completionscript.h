#pragma once

#include <QString>
#include <optional>

namespace UserDesk {

// Writes userdesk-cli's bash, zsh and fish completion scripts from CommandDefinitions: nouns, verbs,
// options, and for each option's value what to offer (files, profile names, the values of an enum).
class CompletionScript
{
public:
    enum class Shell { Bash, Zsh, Fish };
    static std::optional<Shell> shellNamed(const QString &name);
    static QString generate(Shell shell);

private:
    static QString helpers(); // the shell functions bash and zsh share
    static QString bash();
    static QString zsh();
    static QString fish();
};

} // namespace UserDesk
