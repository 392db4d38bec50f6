#include "recordexport.h"

#include "userexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace UserDesk {

QByteArray RecordExport::json(const QList<QJsonObject> &records)
{
    QJsonArray array;
    for (const QJsonObject &r : records)
        array.append(r);
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QByteArray RecordExport::csv(const ResourceSchema &schema, const QList<QJsonObject> &records)
{
    const auto cell = [](const QJsonValue &v) -> QString {
        QString text;
        if (v.isDouble())
            text = v.toDouble() == static_cast<double>(v.toInteger())
                ? QString::number(v.toInteger())
                : QString::number(v.toDouble(), 'g', 17);
        else if (v.isBool())
            text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else
            text = UserExport::defused(v.toString());
        if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
            && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
            return text;
        text.replace(QLatin1Char('"'), QLatin1String("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    };
    QString out = schema.fieldNames().join(QLatin1Char(',')) + QLatin1String("\r\n");
    for (const QJsonObject &r : records) {
        QStringList cells;
        for (const FieldSpec &f : schema.fields)
            cells.append(cell(r.value(f.name)));
        out += cells.join(QLatin1Char(',')) + QLatin1String("\r\n");
    }
    return out.toUtf8();
}

bool RecordExport::write(const QString &path, const QByteArray &bytes, QString *why)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    if (why)
        *why = file.errorString();
    return false;
}

} // namespace UserDesk
