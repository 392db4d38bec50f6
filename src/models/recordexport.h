#pragma once

#include "resourceschema.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace UserDesk {

// Writes records of any resource as a JSON array or as CSV (RFC 4180, a column per schema field, cells a
// spreadsheet would run as formulas defused), for the window's exports of loaded rows.
class RecordExport
{
public:
    static QByteArray json(const QList<QJsonObject> &records);
    static QByteArray csv(const ResourceSchema &schema, const QList<QJsonObject> &records);
    // Writes atomically; false with the reason in *why.
    static bool write(const QString &path, const QByteArray &bytes, QString *why = nullptr);
};

} // namespace UserDesk
