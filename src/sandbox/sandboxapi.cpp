#include "sandboxapi.h"

#include "jsonwriter.h"
#include "sandboxstore.h"
#include "sandboxvalidator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <algorithm>

namespace UserDesk {

namespace {

const QString ApiPrefix = QStringLiteral("/public/v2");
const QString NotFound = QStringLiteral("Resource not found");

std::optional<qint64> parseId(QStringView segment)
{
    if (segment.isEmpty() || segment.size() > 18)
        return std::nullopt;
    for (const QChar c : segment) {
        if (!c.isDigit() || c.unicode() > 127)
            return std::nullopt;
    }
    const qint64 id = segment.toLongLong();
    return id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

// Longest filter value accepted; longer ones are a 422 naming the filter.
constexpr qsizetype MaxFilterLength = 1000;

// Nonsense (0, negative, not a number) falls back to the default, as GoRest does; a number
// too large to hold is a very large one, not nonsense.
qint64 positiveOr(const QString &text, qint64 fallback, qint64 ceiling)
{
    const QString trimmed = text.trimmed();
    bool ok = false;
    const qint64 value = trimmed.toLongLong(&ok);
    if (!ok) {
        const bool digits = !trimmed.isEmpty()
            && std::all_of(trimmed.cbegin(), trimmed.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
        return digits ? ceiling : fallback;
    }
    if (value < 1)
        return fallback;
    return qMin(value, ceiling);
}

QByteArray pageUrl(const SandboxApi::Request &request, qint64 page)
{
    QStringList items = { QStringLiteral("page=") + QString::number(page) };
    const QString query = request.url.query(QUrl::FullyEncoded);
    for (const QString &item : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const QString key = item.section(QLatin1Char('='), 0, 0);
        if (key != u"page")
            items.append(item);
    }
    QUrl url = request.origin;
    url.setPath(request.url.path(QUrl::FullyEncoded), QUrl::StrictMode);
    url.setQuery(items.join(QLatin1Char('&')), QUrl::StrictMode);
    return url.toEncoded();
}

// An empty body counts as {}: a POST without one gets GoRest's 422 list, not a 400.
std::optional<QJsonObject> parseBody(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

SandboxApi::Reply validationFailed(const SandboxValidator::Result &result);

// A lone surrogate or malformed UTF-8 in a string is refused, never stored as something else.
std::optional<SandboxApi::Reply> invalidUnicode(const QByteArray &body)
{
    const std::optional<QString> field = SandboxValidator::invalidUnicodeField(body);
    if (!field)
        return std::nullopt;
    SandboxValidator::Result result;
    result.errors.append({ *field, QStringLiteral("is not valid Unicode") });
    return validationFailed(result);
}

SandboxApi::Reply validationFailed(const SandboxValidator::Result &result)
{
    QList<QByteArray> errors;
    for (const SandboxValidator::FieldError &e : result.errors)
        errors.append(JsonWriter::object(
            { QStringLiteral("field"), QStringLiteral("message") }, { e.field, e.message }));
    SandboxApi::Reply reply;
    reply.status = 422;
    reply.body = JsonWriter::array(errors);
    return reply;
}

} // namespace

QByteArray SandboxApi::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

SandboxApi::SandboxApi(SandboxStore &store)
    : m_store(store)
{
}

void SandboxApi::setTokens(const QStringList &tokens)
{
    m_tokens = tokens;
}

void SandboxApi::setRateLimit(const SandboxRateLimit &limit)
{
    m_rateLimit = limit;
    m_limiter.setLimit(limit);
}

void SandboxApi::clearRateLimitWindows()
{
    m_limiter.clear();
}

bool SandboxApi::isWrite(const QByteArray &method)
{
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

SandboxApi::Reply SandboxApi::message(int status, const QString &text)
{
    Reply reply;
    reply.status = status;
    reply.body = JsonWriter::message(text);
    return reply;
}

SandboxApi::Reply SandboxApi::handle(const Request &request)
{
    const QString path = request.url.path();
    if (path != ApiPrefix && !path.startsWith(ApiPrefix + QLatin1Char('/')))
        return message(404, NotFound);
    const QStringList segments = path.mid(ApiPrefix.size()).split(QLatin1Char('/'), Qt::SkipEmptyParts);

    // Shape of the route first: unknown routes are 404 whatever the token says.
    QByteArrayList allowed;
    const std::optional<SandboxResource::Kind> kind
        = segments.isEmpty() ? std::nullopt : SandboxResource::fromPathSegment(segments.first());
    const std::optional<SandboxResource::Kind> nested
        = segments.size() == 3 ? SandboxResource::fromPathSegment(segments.at(2)) : std::nullopt;
    if (kind && segments.size() == 1)
        allowed = { "GET", "POST" };
    else if (kind && segments.size() == 2)
        allowed = { "GET", "PUT", "PATCH", "DELETE" };
    else if (kind && nested && SandboxResource::parent(*nested) == kind) // /users/1/posts, /posts/1/comments
        allowed = { "GET", "POST" };
    else
        return message(404, NotFound);
    if (!allowed.contains(request.method)) {
        Reply reply = message(405, QStringLiteral("Method not allowed"));
        reply.headers.append({ "Allow", allowed.join(", ") });
        return reply;
    }

    const QByteArray authorization = request.header("authorization").trimmed();
    QString token;
    if (authorization.size() > 7 && authorization.left(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        token = QString::fromUtf8(authorization.mid(7).trimmed());
    const bool tokenValid = !token.isEmpty() && m_tokens.contains(token);
    if (isWrite(request.method)) {
        if (authorization.isEmpty())
            return message(401, QStringLiteral("Authentication failed"));
        if (!tokenValid)
            return message(401, QStringLiteral("Invalid token"));
    }
    // Reads work without a token; a read with a bad token is served as a public read.
    if (!tokenValid)
        return route(request);

    const SandboxRateLimiter::Decision budget = m_limiter.take(token);
    Reply reply;
    if (budget.allowed) {
        reply = route(request);
    } else {
        reply = message(429, QStringLiteral("Too many requests"));
        if (m_rateLimit.sendRetryAfter)
            reply.headers.append({ "Retry-After", QByteArray::number(budget.resetSeconds) });
    }
    if (m_rateLimit.isEnabled()) {
        reply.headers.append({ "X-RateLimit-Limit", QByteArray::number(budget.limit) });
        reply.headers.append({ "X-RateLimit-Remaining", QByteArray::number(budget.remaining) });
        reply.headers.append({ "X-RateLimit-Reset", QByteArray::number(budget.resetSeconds) });
    }
    return reply;
}

SandboxApi::Reply SandboxApi::route(const Request &request)
{
    const QStringList segments
        = request.url.path().mid(ApiPrefix.size()).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const SandboxResource::Kind kind = *SandboxResource::fromPathSegment(segments.first());

    if (segments.size() == 1) {
        if (request.method == "GET")
            return list(request, kind, std::nullopt);
        return create(request, kind, std::nullopt);
    }
    const std::optional<qint64> id = parseId(segments.at(1));
    if (!id)
        return message(404, NotFound);
    if (segments.size() == 3) {
        const SandboxResource::Kind nested = *SandboxResource::fromPathSegment(segments.at(2));
        if (request.method == "GET")
            return list(request, nested, id);
        return create(request, nested, id);
    }
    if (request.method == "GET")
        return getOne(kind, *id);
    if (request.method == "DELETE")
        return remove(kind, *id);
    return update(request, kind, *id);
}

SandboxApi::Reply SandboxApi::objectReply(int status, SandboxResource::Kind kind, const QVariantList &row)
{
    Reply reply;
    reply.status = status;
    reply.body = JsonWriter::object(SandboxResource::fields(kind), row);
    return reply;
}

SandboxApi::Reply SandboxApi::list(
    const Request &request, SandboxResource::Kind kind, std::optional<qint64> parentId)
{
    const QUrlQuery query(request.url);
    QList<SandboxResource::Filter> filters;
    SandboxValidator::Result tooLong;
    for (SandboxResource::Filter filter : SandboxResource::filterableFields(kind)) {
        if (!query.hasQueryItem(filter.field))
            continue;
        filter.value = query.queryItemValue(filter.field, QUrl::FullyDecoded);
        if (filter.value.isEmpty())
            continue;
        if (filter.value.size() > MaxFilterLength)
            tooLong.errors.append({ filter.field,
                QStringLiteral("is too long (maximum is %1 characters)").arg(MaxFilterLength) });
        filters.append(filter);
    }
    if (!tooLong.isValid())
        return validationFailed(tooLong);
    if (parentId)
        filters.append({ SandboxResource::parentColumn(kind), SandboxResource::Match::Integer,
            QString::number(*parentId) });

    const qint64 perPage
        = positiveOr(query.queryItemValue(QStringLiteral("per_page")), DefaultPerPage, MaxPerPage);
    // The ceiling only keeps offset arithmetic far from overflow.
    const qint64 page = positiveOr(query.queryItemValue(QStringLiteral("page")), 1, 1000000000);
    const SandboxStore::Page result = m_store.list(kind, filters, (page - 1) * perPage, int(perPage));
    if (!result.ok)
        return message(500, QStringLiteral("Internal server error")); // never an empty page that is not one
    const qint64 pages = (result.total + perPage - 1) / perPage;

    QList<QByteArray> objects;
    objects.reserve(result.rows.size());
    const QStringList fields = SandboxResource::fields(kind);
    for (const QVariantList &row : result.rows)
        objects.append(JsonWriter::object(fields, row));

    Reply reply;
    reply.body = JsonWriter::array(objects);
    const QByteArray current = pageUrl(request, page);
    const QByteArray previous
        = page > 1 ? pageUrl(request, qMin(page - 1, qMax<qint64>(pages, 1))) : QByteArray();
    const QByteArray next = page < pages ? pageUrl(request, page + 1) : QByteArray();
    reply.headers = {
        { "X-Pagination-Total", QByteArray::number(result.total) },
        { "X-Pagination-Pages", QByteArray::number(pages) },
        { "X-Pagination-Page", QByteArray::number(page) },
        { "X-Pagination-Limit", QByteArray::number(perPage) },
        { "X-Links-Current", current },
        { "X-Links-Next", next },
        { "X-Links-Previous", previous },
    };
    // RFC 8288, which GoRest does not send but json-server style servers do.
    QByteArrayList links;
    links.append('<' + pageUrl(request, 1) + ">; rel=\"first\"");
    if (!previous.isEmpty())
        links.append('<' + previous + ">; rel=\"prev\"");
    if (!next.isEmpty())
        links.append('<' + next + ">; rel=\"next\"");
    links.append('<' + pageUrl(request, qMax<qint64>(pages, 1)) + ">; rel=\"last\"");
    reply.headers.append({ "Link", links.join(", ") });
    return reply;
}

SandboxApi::Reply SandboxApi::create(
    const Request &request, SandboxResource::Kind kind, std::optional<qint64> parentId)
{
    if (const std::optional<Reply> refused = invalidUnicode(request.body))
        return *refused;
    const std::optional<QJsonObject> body = parseBody(request.body);
    if (!body)
        return message(400, QStringLiteral("Request body must be a JSON object"));
    const SandboxValidator::Result result
        = SandboxValidator::validate(kind, *body, SandboxValidator::Mode::Create, m_store, parentId);
    if (!result.isValid())
        return validationFailed(result);
    const std::optional<qint64> id = m_store.insert(kind, result.values);
    const std::optional<QVariantList> row = id ? m_store.get(kind, *id) : std::nullopt;
    if (!row)
        return message(500, QStringLiteral("Internal server error"));
    Reply reply = objectReply(201, kind, *row);
    QUrl location = request.origin;
    location.setPath(ApiPrefix + QLatin1Char('/') + SandboxResource::pathSegment(kind) + QLatin1Char('/')
        + QString::number(*id));
    reply.headers.append({ "Location", location.toEncoded() });
    reply.changedData = true;
    return reply;
}

SandboxApi::Reply SandboxApi::getOne(SandboxResource::Kind kind, qint64 id)
{
    const std::optional<QVariantList> row = m_store.get(kind, id);
    if (!row)
        return message(404, NotFound);
    return objectReply(200, kind, *row);
}

SandboxApi::Reply SandboxApi::update(const Request &request, SandboxResource::Kind kind, qint64 id)
{
    if (!m_store.exists(kind, id))
        return message(404, NotFound);
    if (const std::optional<Reply> refused = invalidUnicode(request.body))
        return *refused;
    const std::optional<QJsonObject> body = parseBody(request.body);
    if (!body)
        return message(400, QStringLiteral("Request body must be a JSON object"));
    // PUT is as partial as PATCH on GoRest: unsent fields keep their values.
    const SandboxValidator::Result result
        = SandboxValidator::validate(kind, *body, SandboxValidator::Mode::Update, m_store, std::nullopt, id);
    if (!result.isValid())
        return validationFailed(result);
    if (!m_store.update(kind, id, result.values))
        return message(500, QStringLiteral("Internal server error"));
    const std::optional<QVariantList> row = m_store.get(kind, id);
    if (!row)
        return message(404, NotFound);
    Reply reply = objectReply(200, kind, *row);
    reply.changedData = !result.values.isEmpty();
    return reply;
}

SandboxApi::Reply SandboxApi::remove(SandboxResource::Kind kind, qint64 id)
{
    if (!m_store.remove(kind, id))
        return message(404, NotFound);
    Reply reply;
    reply.status = 204;
    reply.contentType.clear();
    reply.changedData = true;
    return reply;
}

} // namespace UserDesk
