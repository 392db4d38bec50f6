#pragma once

#include <QString>

namespace UserDesk {

// Colour for one output stream of the CLI, or none: only on a terminal, and never when NO_COLOR is set
// to anything but the empty string (https://no-color.org) or TERM is "dumb".
class TerminalStyle
{
public:
    enum class Colour { Red, Green, Yellow, Bold };

    explicit TerminalStyle(bool enabled = false);
    // For a file descriptor: 1 stdout, 2 stderr.
    static TerminalStyle forDescriptor(int fd);
    static bool wantsColour(int fd);

    bool isEnabled() const { return m_enabled; }
    QString paint(const QString &text, Colour colour) const;

private:
    bool m_enabled;
};

} // namespace UserDesk
