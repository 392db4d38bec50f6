#include "jsonformat.h"

#include <QCoreApplication>
#include <QJsonParseError>

namespace UserDesk::JsonFormat {

int nestingDepth(const QByteArray &json, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : json) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
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
        return fail(QCoreApplication::translate("UserDesk::Json", "the answer is empty where JSON was expected"));
    if (!withinDepth(body, maxDepth))
        return fail(QCoreApplication::translate("UserDesk::Json", "the JSON is nested deeper than %1 levels").arg(maxDepth));
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray start = body.left(64).trimmed();
        if (start.startsWith('<'))
            return fail(QCoreApplication::translate("UserDesk::Json", "the answer is an HTML page, not JSON"));
        return fail(QCoreApplication::translate("UserDesk::Json", "the answer is not valid JSON (%1 at byte %2)")
                        .arg(parseError.errorString())
                        .arg(parseError.offset));
    }
    return doc;
}

QString pretty(const QByteArray &body, int maxDepth)
{
    if (body.isEmpty())
        return QString();
    QString error;
    const auto doc = parse(body, maxDepth, &error);
    if (!doc)
        return QString::fromUtf8(body);
    return QString::fromUtf8(doc->toJson(QJsonDocument::Indented));
}

} // namespace UserDesk::JsonFormat
