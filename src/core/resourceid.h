#pragma once

#include <QJsonValue>
#include <QMetaType>
#include <QString>
#include <optional>

namespace UserDesk {

// The id of a record as the server gave it. GoRest and json-server 0.17 send numbers; json-server 1.x
// sends strings ("1", "3f0a"). The id keeps its JSON type, so it goes back to the server the way it came,
// in a body as in a URL. Two ids are the same record when their text is the same: the number 12 and the
// string "12" are one id (the URL /users/12 cannot tell them apart). Ordering puts ids that are decimal
// numbers first, by value, then the others by their text.
class ResourceId
{
public:
    ResourceId() = default;
    // A numeric id (GoRest's). Implicit: every numeric server's ids are plain integers.
    ResourceId(qint64 number);

    // A string id; a decimal string ("12") is still a string on the wire but orders as a number.
    static ResourceId fromText(const QString &text);
    // What a person typed (a CLI argument, a filter): digits make a numeric id, anything else a text id;
    // nullopt for an empty or over-long text, or one with control characters or a '/', '?' or '#'.
    static std::optional<ResourceId> parse(const QString &text);
    // From a JSON field: an exact non-negative integer within 2^53, or a non-empty string that parse()
    // would accept. `key` names the field in the error sentence.
    static std::optional<ResourceId> fromJson(
        const QJsonValue &value, const QString &key = QStringLiteral("id"), QString *error = nullptr);

    bool isNull() const { return !m_valid; }
    // Sent as a JSON string.
    bool isText() const { return m_valid && m_isText; }
    // Has a numeric value (a number, or a text of decimal digits that fits in 53 bits).
    bool hasNumber() const { return m_valid && m_hasNumber; }
    // The numeric value; 0 when there is none.
    qint64 number() const { return m_hasNumber ? m_number : 0; }

    // As it appears in a URL path and to a person: "12", "3f0a"; empty for a null id.
    QString toString() const;
    // A number or a string, as the server sent it; null for a null id.
    QJsonValue toJson() const;

    // The longest text id accepted, in UTF-16 units.
    static constexpr int maxTextLength = 256;

    friend bool operator==(const ResourceId &a, const ResourceId &b);
    friend bool operator!=(const ResourceId &a, const ResourceId &b) { return !(a == b); }
    friend bool operator<(const ResourceId &a, const ResourceId &b);
    friend bool operator>(const ResourceId &a, const ResourceId &b) { return b < a; }
    friend bool operator<=(const ResourceId &a, const ResourceId &b) { return !(b < a); }
    friend bool operator>=(const ResourceId &a, const ResourceId &b) { return !(a < b); }
    friend size_t qHash(const ResourceId &id, size_t seed) noexcept;

private:
    QString m_text; // set for text ids only
    qint64 m_number = 0;
    bool m_valid = false;
    bool m_isText = false;
    bool m_hasNumber = false;
};

inline size_t qHash(const ResourceId &id) noexcept
{
    return qHash(id, 0);
}

} // namespace UserDesk

Q_DECLARE_METATYPE(UserDesk::ResourceId)
