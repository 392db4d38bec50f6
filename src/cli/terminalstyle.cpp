#include "terminalstyle.h"

#include <QByteArray>
#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace UserDesk {

TerminalStyle::TerminalStyle(bool enabled)
    : m_enabled(enabled)
{
}

bool TerminalStyle::wantsColour(int fd)
{
    if (!qEnvironmentVariableIsEmpty("NO_COLOR"))
        return false;
    if (qEnvironmentVariable("TERM") == QLatin1String("dumb"))
        return false;
#ifdef Q_OS_UNIX
    return ::isatty(fd) == 1;
#else
    Q_UNUSED(fd);
    return false;
#endif
}

TerminalStyle TerminalStyle::forDescriptor(int fd)
{
    return TerminalStyle(wantsColour(fd));
}

QString TerminalStyle::paint(const QString &text, Colour colour) const
{
    if (!m_enabled || text.isEmpty())
        return text;
    const char *code = "1";
    switch (colour) {
    case Colour::Red:
        code = "1;31";
        break;
    case Colour::Green:
        code = "32";
        break;
    case Colour::Yellow:
        code = "33";
        break;
    case Colour::Bold:
        code = "1";
        break;
    }
    return QStringLiteral("\033[%1m").arg(QLatin1String(code)) + text + QStringLiteral("\033[0m");
}

} // namespace UserDesk
