#include "jsonwriter.h"

namespace UserDesk {

QByteArray JsonWriter::string(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[(c >> 4) & 0xf];
                out += hex[c & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

QByteArray JsonWriter::value(const QVariant &value)
{
    if (value.isNull())
        return QByteArrayLiteral("null");
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return QByteArray::number(value.toLongLong());
    case QMetaType::Double:
        return QByteArray::number(value.toDouble(), 'g', 17);
    default:
        return string(value.toString());
    }
}

QByteArray JsonWriter::object(const QStringList &keys, const QVariantList &values)
{
    Q_ASSERT(keys.size() == values.size());
    QByteArray out = "{";
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (i > 0)
            out += ',';
        out += string(keys.at(i));
        out += ':';
        out += value(values.at(i));
    }
    out += '}';
    return out;
}

QByteArray JsonWriter::array(const QList<QByteArray> &elements)
{
    QByteArray out = "[";
    for (qsizetype i = 0; i < elements.size(); ++i) {
        if (i > 0)
            out += ',';
        out += elements.at(i);
    }
    out += ']';
    return out;
}

QByteArray JsonWriter::message(const QString &text)
{
    return object({ QStringLiteral("message") }, { text });
}

} // namespace UserDesk
