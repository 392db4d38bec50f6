#include "resourceschema.h"

#include "userdraft.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QUrl>

namespace UserDesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("UserDesk::ResourceSchema", text);
}

FieldSpec field(const char *name, FieldSpec::Type type, bool required, QStringList values = {},
    const char *references = nullptr)
{
    FieldSpec f;
    f.name = QString::fromLatin1(name);
    f.type = type;
    f.required = required;
    f.values = std::move(values);
    if (references)
        f.references = QString::fromLatin1(references);
    return f;
}

ResourceSchema makeUsers()
{
    using T = FieldSpec::Type;
    ResourceSchema s;
    s.name = QStringLiteral("users");
    s.singular = QStringLiteral("user");
    s.fields = { field("id", T::Id, false), field("name", T::String, true), field("email", T::Email, true),
        field("gender", T::Enum, true, { QStringLiteral("male"), QStringLiteral("female") }),
        field("status", T::Enum, true, { QStringLiteral("active"), QStringLiteral("inactive") }) };
    s.identifying = { QStringLiteral("email") };
    return s;
}

ResourceSchema makePosts()
{
    using T = FieldSpec::Type;
    ResourceSchema s;
    s.name = QStringLiteral("posts");
    s.singular = QStringLiteral("post");
    s.parent = QStringLiteral("users");
    s.parentField = QStringLiteral("user_id");
    s.fields = { field("id", T::Id, false), field("user_id", T::Reference, true, {}, "users"),
        field("title", T::String, true), field("body", T::Text, true) };
    s.identifying = { QStringLiteral("user_id"), QStringLiteral("title"), QStringLiteral("body") };
    return s;
}

ResourceSchema makeComments()
{
    using T = FieldSpec::Type;
    ResourceSchema s;
    s.name = QStringLiteral("comments");
    s.singular = QStringLiteral("comment");
    s.parent = QStringLiteral("posts");
    s.parentField = QStringLiteral("post_id");
    s.fields = { field("id", T::Id, false), field("post_id", T::Reference, true, {}, "posts"),
        field("name", T::String, true), field("email", T::Email, true), field("body", T::Text, true) };
    s.identifying = { QStringLiteral("post_id"), QStringLiteral("email"), QStringLiteral("body") };
    return s;
}

ResourceSchema makeTodos()
{
    using T = FieldSpec::Type;
    ResourceSchema s;
    s.name = QStringLiteral("todos");
    s.singular = QStringLiteral("todo");
    s.parent = QStringLiteral("users");
    s.parentField = QStringLiteral("user_id");
    FieldSpec due = field("due_on", T::DateTime, false);
    due.nullable = true;
    s.fields = { field("id", T::Id, false), field("user_id", T::Reference, true, {}, "users"),
        field("title", T::String, true), due,
        field("status", T::Enum, true, { QStringLiteral("pending"), QStringLiteral("completed") }) };
    s.identifying = { QStringLiteral("user_id"), QStringLiteral("title") };
    return s;
}

bool isBlank(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty());
}

// An id as servers give them: a positive integer as a JSON number, or a text ResourceId accepts (digits
// from forms and CSV, or json-server 1.x's opaque ids such as "3f0a").
bool isId(const QJsonValue &v)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d >= 1 && d <= 9007199254740992.0 && d == static_cast<double>(static_cast<qint64>(d));
    }
    if (v.isString()) {
        const auto id = ResourceId::parse(v.toString().trimmed());
        return id && (id->isText() || id->number() > 0);
    }
    return false;
}

// An id as one segment of a URL path (QUrl's tolerant mode keeps the escapes as they are).
QString segment(const ResourceId &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id.toString()));
}

bool isDateTime(const QString &text)
{
    const QString t = text.trimmed();
    if (QDate::fromString(t, Qt::ISODate).isValid())
        return true;
    return QDateTime::fromString(t, Qt::ISODateWithMs).isValid()
        || QDateTime::fromString(t, Qt::ISODate).isValid();
}
} // namespace

QString FieldSpec::label() const
{
    static const struct
    {
        const char *name;
        const char *label;
    } labels[] = { { "id", QT_TRANSLATE_NOOP("UserDesk::ResourceSchema", "ID") },
        { "name", QT_TRANSLATE_NOOP("UserDesk::ResourceSchema", "Name") },
        { "email", QT_TRANSLATE_NOOP("UserDesk::ResourceSchema", "Email") },
        { "gender", QT_TRANSLATE_NOOP("UserDesk::ResourceSchema", "Gender") },
        { "status", QT_TRANSLATE_NOOP("UserDesk::ResourceSchema", "Status") },
        { "user_id", QT_TRANSLATE_NOOP("UserDesk::ResourceSchema", "User") },
        { "post_id", QT_TRANSLATE_NOOP("UserDesk::ResourceSchema", "Post") },
        { "title", QT_TRANSLATE_NOOP("UserDesk::ResourceSchema", "Title") },
        { "body", QT_TRANSLATE_NOOP("UserDesk::ResourceSchema", "Body") },
        { "due_on", QT_TRANSLATE_NOOP("UserDesk::ResourceSchema", "Due") } };
    for (const auto &l : labels) {
        if (name == QLatin1String(l.name))
            return tr(l.label);
    }
    return name;
}

const ResourceSchema &ResourceSchema::users()
{
    static const ResourceSchema s = makeUsers();
    return s;
}

const ResourceSchema &ResourceSchema::posts()
{
    static const ResourceSchema s = makePosts();
    return s;
}

const ResourceSchema &ResourceSchema::comments()
{
    static const ResourceSchema s = makeComments();
    return s;
}

const ResourceSchema &ResourceSchema::todos()
{
    static const ResourceSchema s = makeTodos();
    return s;
}

const QList<ResourceSchema> &ResourceSchema::all()
{
    static const QList<ResourceSchema> list = { users(), posts(), comments(), todos() };
    return list;
}

const ResourceSchema *ResourceSchema::find(const QString &name)
{
    for (const ResourceSchema &s : all()) {
        if (s.name == name || s.singular == name)
            return &s;
    }
    return nullptr;
}

const FieldSpec *ResourceSchema::field(const QString &fieldName) const
{
    for (const FieldSpec &f : fields) {
        if (f.name == fieldName)
            return &f;
    }
    return nullptr;
}

QStringList ResourceSchema::fieldNames() const
{
    QStringList names;
    for (const FieldSpec &f : fields)
        names.append(f.name);
    return names;
}

QString ResourceSchema::path(const ResourceId &parentId) const
{
    if (!parentId.isNull() && !parent.isEmpty())
        return QStringLiteral("/%1/%2/%3").arg(parent, segment(parentId), name);
    return QLatin1Char('/') + name;
}

QString ResourceSchema::itemPath(const ResourceId &id) const
{
    return QStringLiteral("/%1/%2").arg(name, segment(id));
}

QList<FieldError> ResourceSchema::validate(
    const QJsonObject &record, bool requireAll, bool parentFromPath) const
{
    QList<FieldError> errors;
    for (const FieldSpec &f : fields) {
        if (!f.isWritable())
            continue;
        if (parentFromPath && f.name == parentField)
            continue;
        const QJsonValue v = record.value(f.name);
        const bool present = !v.isUndefined();
        if (!present && !requireAll)
            continue;
        if (isBlank(v)) {
            if (f.required && (requireAll || present))
                errors.append({ f.name, tr("can't be blank") });
            continue;
        }
        switch (f.type) {
        case FieldSpec::Type::Id:
            break;
        case FieldSpec::Type::Integer:
        case FieldSpec::Type::Reference:
            if (!isId(v))
                errors.append({ f.name, tr("is not an id") });
            break;
        case FieldSpec::Type::String:
        case FieldSpec::Type::Text:
            if (!v.isString())
                errors.append({ f.name, tr("must be text") });
            break;
        case FieldSpec::Type::Email:
            if (!v.isString() || !UserDraft::isPlausibleEmail(v.toString()))
                errors.append({ f.name, tr("is invalid") });
            break;
        case FieldSpec::Type::Enum:
            if (!f.values.contains(v.toString().trimmed())) {
                errors.append({ f.name,
                    f.values.size() == 2
                        ? tr("must be %1 or %2").arg(f.values.at(0), f.values.at(1))
                        : tr("must be one of %1").arg(f.values.join(QStringLiteral(", "))) });
            }
            break;
        case FieldSpec::Type::DateTime:
            if (!v.isString() || !isDateTime(v.toString()))
                errors.append({ f.name, tr("is not a date") });
            break;
        }
    }
    return errors;
}

} // namespace UserDesk
