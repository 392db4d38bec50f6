#include "dialect.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace UserDesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("UserDesk::Dialect", text);
}

void addTerm(QUrlQuery &query, const QString &key, const QString &value)
{
    if (!value.trimmed().isEmpty())
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value.trimmed())));
}

// json-server 0.17 reads a _like term as a case-insensitive regular expression: a literal substring
// must have its special characters escaped.
QString literalPattern(const QString &text)
{
    QString escaped;
    for (const QChar c : text.trimmed()) {
        if (QStringLiteral("\\^$.|?*+()[]{}").contains(c))
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    return escaped;
}

int envelopeNumber(const QJsonObject &o, const char *key, int fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() && v.toDouble() >= 0 && v.toDouble() < INT_MAX ? v.toInt() : fallback;
}
} // namespace

QString Dialect::name() const
{
    switch (m_kind) {
    case Kind::GoRestV2:
        return QStringLiteral("gorest");
    case Kind::JsonServer017:
        return QStringLiteral("json-server-0.17");
    case Kind::JsonServer1:
        return QStringLiteral("json-server-1");
    }
    return QStringLiteral("gorest");
}

QStringList Dialect::names()
{
    return { QStringLiteral("gorest"), QStringLiteral("json-server-0.17"), QStringLiteral("json-server-1") };
}

std::optional<Dialect> Dialect::fromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("gorest") || n == QLatin1String("gorest-v2"))
        return Dialect(Kind::GoRestV2);
    if (n == QLatin1String("json-server-0.17") || n == QLatin1String("json-server-0")
        || n == QLatin1String("json-server"))
        return Dialect(Kind::JsonServer017);
    if (n == QLatin1String("json-server-1") || n == QLatin1String("json-server-1.0"))
        return Dialect(Kind::JsonServer1);
    return std::nullopt;
}

void Dialect::addPaging(QUrlQuery &query, int page, int perPage) const
{
    switch (m_kind) {
    case Kind::GoRestV2:
        query.addQueryItem(QStringLiteral("page"), QString::number(page));
        query.addQueryItem(QStringLiteral("per_page"), QString::number(perPage));
        return;
    case Kind::JsonServer017:
        query.addQueryItem(QStringLiteral("_page"), QString::number(page));
        query.addQueryItem(QStringLiteral("_limit"), QString::number(perPage));
        return;
    case Kind::JsonServer1:
        query.addQueryItem(QStringLiteral("_page"), QString::number(page));
        query.addQueryItem(QStringLiteral("_per_page"), QString::number(perPage));
        return;
    }
}

void Dialect::addFilter(QUrlQuery &query, const UserFilter &filter) const
{
    switch (m_kind) {
    case Kind::GoRestV2:
        filter.addTo(query);
        return;
    case Kind::JsonServer017:
        // Substrings, as GoRest matches them; id, gender and status are exact there too.
        addTerm(query, QStringLiteral("id"), filter.id);
        addTerm(query, QStringLiteral("name_like"), literalPattern(filter.name));
        addTerm(query, QStringLiteral("email_like"), literalPattern(filter.email));
        addTerm(query, QStringLiteral("gender"), filter.gender);
        addTerm(query, QStringLiteral("status"), filter.status);
        return;
    case Kind::JsonServer1:
        // json-server 1.x matches whole values only.
        filter.addTo(query);
        return;
    }
}

void Dialect::addFieldFilter(
    QUrlQuery &query, const QString &field, const QString &value, bool substring) const
{
    if (substring && m_kind == Kind::JsonServer017)
        addTerm(query, field + QStringLiteral("_like"), literalPattern(value));
    else
        addTerm(query, field, value);
}

bool Dialect::readList(const QJsonDocument &doc, const RawHeaders &headers, int page, int perPage,
    QJsonArray *items, PageInfo *info, QString *error) const
{
    if (m_kind == Kind::JsonServer1 && doc.isObject()) {
        const QJsonObject o = doc.object();
        const QJsonValue data = o.value(QLatin1String("data"));
        if (!data.isArray()) {
            *error = tr("a list was expected but the answer has no \"data\" array");
            return false;
        }
        *items = data.toArray();
        PageInfo p;
        p.page = std::max(1, page);
        p.perPage = std::max({ 1, perPage, static_cast<int>(items->size()) });
        p.source = PageInfo::Source::PaginationHeaders;
        const QJsonValue total = o.value(QLatin1String("items"));
        if (total.isDouble() && total.toDouble() >= 0)
            p.total = static_cast<qint64>(total.toDouble());
        p.pages = envelopeNumber(o, "pages", -1);
        p.hasNext = o.value(QLatin1String("next")).isDouble();
        *info = p;
        return true;
    }
    // json-server 1.x answers a plain array when nothing is paged; every other dialect always does.
    if (!doc.isArray()) {
        *error = tr("a list was expected but the answer is not a JSON array");
        return false;
    }
    *items = doc.array();
    *info = PageInfo::fromHeaders(headers, page, perPage, static_cast<int>(items->size()));
    return true;
}

QUrlQuery Dialect::probeQuery()
{
    // GoRest ignores both; json-server 0.17 pages by _page (10 a page) and sends X-Total-Count and Link;
    // json-server 1.x answers its envelope.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("_page"), QStringLiteral("1"));
    query.addQueryItem(QStringLiteral("_per_page"), QStringLiteral("1"));
    return query;
}

Dialect Dialect::detect(const QJsonDocument &doc, const RawHeaders &headers)
{
    if (doc.isObject() && doc.object().value(QLatin1String("data")).isArray()
        && doc.object().contains(QLatin1String("pages")))
        return Dialect(Kind::JsonServer1);
    if (!headerValue(headers, "X-Pagination-Total").isEmpty())
        return Dialect(Kind::GoRestV2);
    if (!headerValue(headers, "X-Total-Count").isEmpty())
        return Dialect(Kind::JsonServer017);
    return Dialect(Kind::GoRestV2);
}

} // namespace UserDesk
