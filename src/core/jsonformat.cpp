#include "jsonformat.h"

#include <QCoreApplication>
#include <QJsonParseError>

namespace UserDesk::JsonFormat {

namespace {
// Follows JSON text byte by byte and says which bytes belong to a string literal, quotes included, so
// that brackets and commas inside strings are never taken for structure.
class StringTracker
{
public:
    bool inString(char c)
    {
        if (m_inString) {
            if (m_escaped)
                m_escaped = false;
            else if (c == '\\')
                m_escaped = true;
            else if (c == '"')
                m_inString = false;
            return true;
        }
        m_inString = c == '"';
        return m_inString;
    }

private:
    bool m_inString = false;
    bool m_escaped = false;
};
} // namespace

int nestingDepth(const QByteArray &json, int limit)
{
    int depth = 0;
    int deepest = 0;
    StringTracker strings;
    for (const char c : json) {
        if (strings.inString(c))
            continue;
        switch (c) {
        case '[':
        case '{':
            deepest = std::max(deepest, ++depth);
            if (deepest >= limit)
                return deepest;
            break;
        case ']':
        case '}':
            depth = std::max(0, depth - 1);
            break;
        default:
            break;
        }
    }
    return deepest;
}

std::optional<QJsonDocument> parse(const QByteArray &body, int maxDepth, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (body.trimmed().isEmpty())
        return fail(
            QCoreApplication::translate("UserDesk::Json", "the answer is empty where JSON was expected"));
    if (!withinDepth(body, maxDepth))
        return fail(QCoreApplication::translate("UserDesk::Json", "the JSON is nested deeper than %1 levels")
                        .arg(maxDepth));
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray start = body.left(64).trimmed();
        if (start.startsWith('<'))
            return fail(
                QCoreApplication::translate("UserDesk::Json", "the answer is an HTML page, not JSON"));
        return fail(
            QCoreApplication::translate("UserDesk::Json", "the answer is not valid JSON (%1 at byte %2)")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    }
    return doc;
}

QByteArray reindent(const QByteArray &json)
{
    // Re-indents valid JSON token by token, so keys keep the order the server sent them in (a round trip
    // through QJsonDocument would sort them) and numbers keep their exact text.
    QByteArray out;
    out.reserve(json.size() * 2);
    int depth = 0;
    StringTracker strings;
    auto newline = [&out, &depth] {
        out += '\n';
        out += QByteArray(depth * 4, ' ');
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (strings.inString(c)) {
            out += c;
            continue;
        }
        switch (c) {
        case '{':
        case '[': {
            // An empty container stays on one line.
            qsizetype next = i + 1;
            while (next < json.size() && QChar::isSpace(uchar(json.at(next))))
                ++next;
            const char close = c == '{' ? '}' : ']';
            if (next < json.size() && json.at(next) == close) {
                out += c;
                out += close;
                i = next;
                break;
            }
            out += c;
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += ": ";
            break;
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break;
        default:
            out += c;
        }
    }
    out += '\n';
    return out;
}

QString pretty(const QByteArray &body, int maxDepth)
{
    if (body.isEmpty())
        return QString();
    QString error;
    if (!parse(body, maxDepth, &error))
        return QString::fromUtf8(body);
    return QString::fromUtf8(reindent(body));
}

} // namespace UserDesk::JsonFormat
