#include "resourceid.h"

#include <QCoreApplication>
#include <QHashFunctions>
#include <cmath>

namespace UserDesk {

namespace {

constexpr qint64 maxExactInteger = 9007199254740992LL; // 2^53: beyond it a JSON number loses digits

// The value of a text of ASCII digits without a superfluous leading zero, if it fits in 53 bits.
std::optional<qint64> decimalValue(const QString &text)
{
    if (text.isEmpty() || text.size() > 16 || (text.size() > 1 && text.front() == u'0'))
        return std::nullopt;
    qint64 value = 0;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    if (value > maxExactInteger)
        return std::nullopt;
    return value;
}

bool isAcceptableText(const QString &text)
{
    if (text.isEmpty() || text.size() > ResourceId::maxTextLength)
        return false;
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control || c == u'/' || c == u'?' || c == u'#')
            return false;
    }
    return true;
}

} // namespace

ResourceId::ResourceId(qint64 number)
    : m_number(number)
    , m_valid(true)
    , m_hasNumber(true)
{
}

ResourceId ResourceId::fromText(const QString &text)
{
    ResourceId id;
    if (text.isEmpty())
        return id;
    id.m_valid = true;
    id.m_isText = true;
    id.m_text = text;
    if (const auto value = decimalValue(text)) {
        id.m_hasNumber = true;
        id.m_number = *value;
    }
    return id;
}

std::optional<ResourceId> ResourceId::parse(const QString &text)
{
    if (!isAcceptableText(text))
        return std::nullopt;
    if (const auto value = decimalValue(text))
        return ResourceId(*value);
    return fromText(text);
}

std::optional<ResourceId> ResourceId::fromJson(const QJsonValue &value, const QString &key, QString *error)
{
    auto fail = [&](const QString &sentence) -> std::optional<ResourceId> {
        if (error)
            *error = sentence;
        return std::nullopt;
    };
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (!std::isfinite(d) || d < 0 || d > double(maxExactInteger) || std::floor(d) != d)
            return fail(
                QCoreApplication::translate("UserDesk::Json", "field \"%1\" is not a valid id").arg(key));
        return ResourceId(static_cast<qint64>(d));
    }
    if (value.isString()) {
        const QString text = value.toString();
        if (!isAcceptableText(text))
            return fail(
                QCoreApplication::translate("UserDesk::Json", "field \"%1\" is not a valid id").arg(key));
        return fromText(text);
    }
    return fail(
        QCoreApplication::translate("UserDesk::Json", "field \"%1\" must be a number or a string").arg(key));
}

QString ResourceId::toString() const
{
    if (!m_valid)
        return QString();
    return m_isText ? m_text : QString::number(m_number);
}

QJsonValue ResourceId::toJson() const
{
    if (!m_valid)
        return QJsonValue(QJsonValue::Null);
    if (m_isText)
        return m_text;
    return QJsonValue(m_number);
}

bool operator==(const ResourceId &a, const ResourceId &b)
{
    if (a.m_valid != b.m_valid)
        return false;
    if (!a.m_valid)
        return true;
    if (a.m_hasNumber || b.m_hasNumber)
        return a.m_hasNumber == b.m_hasNumber && a.m_number == b.m_number;
    return a.m_text == b.m_text;
}

bool operator<(const ResourceId &a, const ResourceId &b)
{
    if (a.m_valid != b.m_valid)
        return !a.m_valid; // the null id first
    if (a.m_hasNumber != b.m_hasNumber)
        return a.m_hasNumber; // numbers before texts
    if (a.m_hasNumber)
        return a.m_number < b.m_number;
    return a.m_text < b.m_text;
}

size_t qHash(const ResourceId &id, size_t seed) noexcept
{
    if (!id.m_valid)
        return seed;
    if (id.m_hasNumber)
        return ::qHash(id.m_number, seed);
    return ::qHash(id.m_text, seed);
}

} // namespace UserDesk
