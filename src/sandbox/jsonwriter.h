#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace UserDesk {

// Compact JSON that keeps keys in the order given: QJsonObject sorts keys, but GoRest
// answers with "id" first and people read these bodies in the app's log.
class JsonWriter
{
public:
    // Values: integers as numbers, null QVariant as null, bool as bool, anything else as string.
    static QByteArray object(const QStringList &keys, const QVariantList &values);
    static QByteArray array(const QList<QByteArray> &elements);
    static QByteArray string(QStringView text);
    static QByteArray value(const QVariant &value);
    static QByteArray message(const QString &text); // {"message":"..."}
};

} // namespace UserDesk
