#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <optional>

namespace UserDesk {

// JSON helpers for showing answers to people and refusing documents a client should not parse.
namespace JsonFormat {

constexpr int defaultMaxDepth = 64;

// Nesting depth of a JSON text, counted over brackets outside strings; stops early past `limit`.
int nestingDepth(const QByteArray &json, int limit = 1 << 20);
inline bool withinDepth(const QByteArray &json, int maxDepth)
{
    return nestingDepth(json, maxDepth + 1) <= maxDepth;
}

// Indented JSON for display; anything that is not JSON comes back as readable text, never throws away
// bytes silently (invalid UTF-8 is shown with replacement characters).
QString pretty(const QByteArray &body, int maxDepth = defaultMaxDepth);

// Indentation for JSON already known to be valid; keys stay in their order, numbers keep their text.
QByteArray reindent(const QByteArray &json);

// Parses with depth checking; on failure `error` says why in words.
std::optional<QJsonDocument> parse(const QByteArray &body, int maxDepth, QString *error);

} // namespace JsonFormat
} // namespace UserDesk
