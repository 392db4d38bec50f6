#pragma once

#include "apierror.h"
#include "resourceid.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace UserDesk {

// One GoRest resource described once: its path, its parent for nested routes, its fields with their types
// and rules. Table columns, forms, local validation, CLI options and exports follow from it, so a fifth
// resource is a schema (and, where wanted, a form).
struct FieldSpec
{
    enum class Type {
        Id, // the server's, never sent
        Integer,
        String,
        Text, // long text: a body
        Email,
        Enum, // one of `values`
        DateTime, // ISO 8601; GoRest answers in +05:30
        Reference, // the id of a record of `references`
    };

    QString name; // as on the wire: "user_id"
    Type type = Type::String;
    bool required = false;
    bool nullable = false;
    QStringList values; // Enum
    QString references; // Reference: the resource's name

    QString label() const; // translated, for headers and forms
    bool isWritable() const { return type != Type::Id; }
};

struct ResourceSchema
{
    QString name; // "posts": the path segment and the CLI's noun
    QString singular; // "post"
    QString parent; // "users" for posts and todos, "posts" for comments; empty for users
    QString parentField; // "user_id", "post_id"
    QList<FieldSpec> fields;
    // The fields that tell one record from another when no id is known (no field is unique on the
    // server): a resumed import counts a create whose answer was lost as applied when a record holds
    // exactly these. users: email; posts: user_id, title, body; comments: post_id, email, body; todos:
    // user_id, title.
    QStringList identifying;

    static const ResourceSchema &users();
    static const ResourceSchema &posts();
    static const ResourceSchema &comments();
    static const ResourceSchema &todos();
    static const QList<ResourceSchema> &all();
    static const ResourceSchema *find(const QString &name);

    const FieldSpec *field(const QString &name) const;
    QStringList fieldNames() const;
    // "/posts", or "/users/7/posts" for a parent's records (a null parent: the top-level path). Ids are
    // percent-encoded as one path segment.
    QString path(const ResourceId &parentId = {}) const;
    QString itemPath(const ResourceId &id) const;
    // The fields that GoRest accepts as list filters (all but the id's own, which GoRest also takes).
    QStringList filterNames() const { return fieldNames(); }

    // What can be checked before a round trip, with GoRest's wording where it has one. requireAll is
    // for creates; a create under a parent's path (/users/7/posts) has its parent field from the path.
    QList<FieldError> validate(const QJsonObject &record, bool requireAll, bool parentFromPath = false) const;
};

} // namespace UserDesk
