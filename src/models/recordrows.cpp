#include "recordrows.h"

#include <QJsonArray>
#include <QLocale>
#include <algorithm>

namespace UserDesk {

namespace {
void appendLength(QByteArray &out, quint64 n)
{
    while (n >= 0x80) {
        out.append(char((n & 0x7f) | 0x80));
        n >>= 7;
    }
    out.append(char(n));
}

quint64 readLength(const char *&p, const char *end)
{
    quint64 n = 0;
    int shift = 0;
    while (p < end) {
        const auto b = static_cast<unsigned char>(*p++);
        n |= quint64(b & 0x7f) << shift;
        if (!(b & 0x80))
            break;
        shift += 7;
    }
    return n;
}

// A JSON number in its shortest exact text: integers as digits, others with 17 significant digits.
QByteArray numberText(double d)
{
    if (d == static_cast<double>(static_cast<qint64>(d)) && std::abs(d) <= 9007199254740992.0)
        return QByteArray::number(static_cast<qint64>(d));
    return QByteArray::number(d, 'g', 17);
}

QJsonValue numberValue(QByteArrayView text)
{
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    if (ok)
        return QJsonValue(n);
    return QJsonValue(text.toDouble());
}

char foldAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

bool isAscii(QByteArrayView bytes)
{
    return std::all_of(
        bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

int compareNumbers(double a, double b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}
} // namespace

RecordRows::RecordRows(const ResourceSchema &schema)
    : m_schema(schema)
{
    for (int i = 0; i < m_schema.fields.size(); ++i) {
        const FieldSpec &f = m_schema.fields.at(i);
        if (f.type == FieldSpec::Type::Id && m_idIndex < 0)
            m_idIndex = i;
        if (!m_schema.parentField.isEmpty() && f.name == m_schema.parentField)
            m_parentIndex = i;
    }
}

bool RecordRows::makeRow(const QJsonObject &record, Row *row) const
{
    static_assert(sizeof(Row) <= 40, "a row is meant to stay small");
    const QString idKey = m_idIndex >= 0 ? m_schema.fields.at(m_idIndex).name : QStringLiteral("id");
    const std::optional<ResourceId> id = ResourceId::fromJson(record.value(idKey), idKey);
    if (!id)
        return false;
    bool whole = false;
    for (auto it = record.begin(); it != record.end(); ++it) {
        if (!m_schema.field(it.key()))
            whole = true;
    }
    if (id->hasNumber()) {
        row->id = id->number();
        row->flags |= Row::NumericId;
    }
    if (id->isText())
        row->flags |= Row::TextId;

    QByteArray out;
    for (int i = 0; i < m_schema.fields.size(); ++i) {
        const QJsonValue v = record.value(m_schema.fields.at(i).name);
        if (i == m_idIndex && !id->isText()) {
            out.append(char(Absent));
            continue;
        }
        if (i == m_parentIndex && v.isDouble()) {
            const std::optional<ResourceId> parent = ResourceId::fromJson(v);
            if (parent && !parent->isText() && parent->number() < (qint64(1) << 55)) {
                row->parent = parent->number();
                row->flags |= Row::NumericParent;
                out.append(char(Absent));
                continue;
            }
        }
        switch (v.type()) {
        case QJsonValue::Undefined:
            out.append(char(Absent));
            break;
        case QJsonValue::Null:
            out.append(char(Null));
            break;
        case QJsonValue::Double: {
            const QByteArray text = numberText(v.toDouble());
            out.append(char(Number));
            appendLength(out, quint64(text.size()));
            out.append(text);
            break;
        }
        case QJsonValue::String: {
            const QString s = v.toString();
            // A lone surrogate (JSON allows "\ud800") has no UTF-8 form: the record is kept as it came.
            if (!QStringView(s).isValidUtf16())
                whole = true;
            const QByteArray text = s.toUtf8();
            out.append(char(Text));
            appendLength(out, quint64(text.size()));
            out.append(text);
            break;
        }
        default: // bool, array, object: not a shape the schema knows
            out.append(char(Null));
            whole = true;
            break;
        }
    }
    // Exactly as long as needed: appending leaves room to grow.
    row->fields = QByteArray(out.constData(), out.size());
    if (whole)
        row->flags |= Row::Whole;
    return true;
}

QByteArrayView RecordRows::entry(const Row &row, int fieldIndex, Tag *tag)
{
    const char *p = row.fields.constData();
    const char *end = p + row.fields.size();
    for (int i = 0; p < end; ++i) {
        const auto t = static_cast<Tag>(*p++);
        qsizetype length = 0;
        if (t == Text || t == Number)
            length = static_cast<qsizetype>(readLength(p, end));
        if (i == fieldIndex) {
            *tag = t;
            return QByteArrayView(p, std::min<qsizetype>(length, end - p));
        }
        p += length;
    }
    *tag = Absent;
    return {};
}

ResourceId RecordRows::idOf(const Row &row) const
{
    if (row.flags & Row::TextId) {
        Tag tag = Absent;
        return ResourceId::fromText(QString::fromUtf8(entry(row, m_idIndex, &tag)));
    }
    return (row.flags & Row::NumericId) ? ResourceId(row.id) : ResourceId();
}

void RecordRows::remember(const Row &row, const QJsonObject &record)
{
    const ResourceId id = idOf(row);
    if (row.flags & Row::NumericId)
        m_numericIds.insert(row.id);
    else
        m_textIds.insert(id.toString());
    if (row.flags & Row::Whole)
        m_whole.insert(id, record);
}

void RecordRows::forget(const Row &row)
{
    const ResourceId id = idOf(row);
    if (row.flags & Row::NumericId)
        m_numericIds.remove(row.id);
    else
        m_textIds.remove(id.toString());
    if (row.flags & Row::Whole)
        m_whole.remove(id);
}

bool RecordRows::contains(const ResourceId &id) const
{
    if (id.isNull())
        return false;
    return id.hasNumber() ? m_numericIds.contains(id.number()) : m_textIds.contains(id.toString());
}

qsizetype RecordRows::indexOf(const ResourceId &id) const
{
    if (!contains(id))
        return -1;
    if (id.hasNumber()) {
        const qint64 n = id.number();
        const auto it = std::find_if(m_rows.cbegin(), m_rows.cend(),
            [n](const Row &r) { return (r.flags & Row::NumericId) && r.id == n; });
        return it == m_rows.cend() ? -1 : it - m_rows.cbegin();
    }
    const QByteArray text = id.toString().toUtf8();
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows.at(i);
        Tag tag = Absent;
        if ((r.flags & Row::TextId) && !(r.flags & Row::NumericId) && entry(r, m_idIndex, &tag) == text)
            return i;
    }
    return -1;
}

bool RecordRows::append(const QJsonObject &record)
{
    Row row;
    if (!makeRow(record, &row))
        return false;
    remember(row, record);
    m_rows.append(std::move(row));
    return true;
}

bool RecordRows::prepend(const QJsonObject &record)
{
    Row row;
    if (!makeRow(record, &row))
        return false;
    remember(row, record);
    m_rows.prepend(std::move(row));
    return true;
}

bool RecordRows::replace(qsizetype row, const QJsonObject &record)
{
    Row fresh;
    if (!makeRow(record, &fresh))
        return false;
    forget(m_rows.at(row));
    remember(fresh, record);
    m_rows[row] = std::move(fresh);
    return true;
}

void RecordRows::removeAt(qsizetype row)
{
    forget(m_rows.at(row));
    m_rows.removeAt(row);
}

void RecordRows::clear()
{
    m_rows.clear();
    m_numericIds.clear();
    m_textIds.clear();
    m_whole.clear();
}

ResourceId RecordRows::id(qsizetype row) const
{
    return idOf(m_rows.at(row));
}

ResourceId RecordRows::parentId(qsizetype row) const
{
    if (m_parentIndex < 0)
        return {};
    const Row &r = m_rows.at(row);
    if (r.flags & Row::NumericParent)
        return ResourceId(static_cast<qint64>(r.parent));
    return ResourceId::fromJson(value(row, m_parentIndex)).value_or(ResourceId());
}

QJsonValue RecordRows::value(qsizetype row, int fieldIndex) const
{
    const Row &r = m_rows.at(row);
    if (r.flags & Row::Whole)
        return m_whole.value(idOf(r)).value(m_schema.fields.at(fieldIndex).name);
    if (fieldIndex == m_idIndex && !(r.flags & Row::TextId))
        return (r.flags & Row::NumericId) ? QJsonValue(r.id) : QJsonValue();
    if (fieldIndex == m_parentIndex && (r.flags & Row::NumericParent))
        return QJsonValue(static_cast<qint64>(r.parent));
    Tag tag = Absent;
    const QByteArrayView bytes = entry(r, fieldIndex, &tag);
    switch (tag) {
    case Absent:
        return QJsonValue(QJsonValue::Undefined);
    case Null:
        return QJsonValue(QJsonValue::Null);
    case Text:
        return QJsonValue(QString::fromUtf8(bytes));
    case Number:
        return numberValue(bytes);
    }
    return {};
}

QString RecordRows::text(qsizetype row, int fieldIndex) const
{
    const QJsonValue v = value(row, fieldIndex);
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::fromLatin1(numberText(v.toDouble()));
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

QJsonObject RecordRows::record(qsizetype row) const
{
    const Row &r = m_rows.at(row);
    if (r.flags & Row::Whole)
        return m_whole.value(idOf(r));
    QJsonObject o;
    for (int i = 0; i < m_schema.fields.size(); ++i) {
        const QJsonValue v = value(row, i);
        if (!v.isUndefined())
            o.insert(m_schema.fields.at(i).name, v);
    }
    return o;
}

QList<QJsonObject> RecordRows::records() const
{
    QList<QJsonObject> list;
    list.reserve(m_rows.size());
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        list.append(record(i));
    return list;
}

QDateTime RecordRows::parseDateTime(const QString &text)
{
    const QString t = text.trimmed();
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, Qt::ISODate);
    if (!dt.isValid()) {
        // A bare date is that day's start where the person is.
        const QDate date = QDate::fromString(t, Qt::ISODate);
        if (date.isValid())
            dt = date.startOfDay();
    }
    return dt;
}

QString RecordRows::displayDateTime(const QString &text)
{
    const QDateTime dt = parseDateTime(text);
    return dt.isValid() ? QLocale().toString(dt.toLocalTime(), QLocale::ShortFormat) : text;
}

int RecordRows::compare(qsizetype left, qsizetype right, int fieldIndex) const
{
    const FieldSpec::Type type = m_schema.fields.at(fieldIndex).type;
    if (type == FieldSpec::Type::Id || type == FieldSpec::Type::Reference) {
        const auto idAt = [this, fieldIndex](qsizetype row) {
            return fieldIndex == m_idIndex
                ? id(row)
                : ResourceId::fromJson(value(row, fieldIndex)).value_or(ResourceId());
        };
        const ResourceId a = idAt(left);
        const ResourceId b = idAt(right);
        return a < b ? -1 : (b < a ? 1 : 0);
    }
    const QJsonValue a = value(left, fieldIndex);
    const QJsonValue b = value(right, fieldIndex);
    if (a.isDouble() && b.isDouble())
        return compareNumbers(a.toDouble(), b.toDouble());
    // Empty values last would need a direction; they sort as empty text, first.
    const Row &l = m_rows.at(left);
    const Row &r = m_rows.at(right);
    if (!((l.flags | r.flags) & Row::Whole)) {
        Tag lt = Absent;
        Tag rt = Absent;
        const QByteArrayView x = entry(l, fieldIndex, &lt);
        const QByteArrayView y = entry(r, fieldIndex, &rt);
        if (isAscii(x) && isAscii(y)) {
            const qsizetype n = std::min(x.size(), y.size());
            for (qsizetype i = 0; i < n; ++i) {
                const char p = foldAscii(x[i]);
                const char q = foldAscii(y[i]);
                if (p != q)
                    return p < q ? -1 : 1;
            }
            return x.size() < y.size() ? -1 : (y.size() < x.size() ? 1 : 0);
        }
    }
    return QString::compare(text(left, fieldIndex), text(right, fieldIndex), Qt::CaseInsensitive);
}

} // namespace UserDesk
