#include "userrows.h"

#include <algorithm>

namespace UserDesk {

namespace {
bool isAscii(QByteArrayView bytes)
{
    return std::all_of(
        bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

char foldAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

int sign(qsizetype v)
{
    return v < 0 ? -1 : (v > 0 ? 1 : 0);
}

// QString::compare's order for two ASCII strings: for ASCII, case folding is lowering.
int compareAscii(QByteArrayView a, QByteArrayView b, Qt::CaseSensitivity cs)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const char x = cs == Qt::CaseInsensitive ? foldAscii(a[i]) : a[i];
        const char y = cs == Qt::CaseInsensitive ? foldAscii(b[i]) : b[i];
        if (x != y)
            return x < y ? -1 : 1;
    }
    return sign(a.size() - b.size());
}
} // namespace

bool UserRows::contains(const ResourceId &userId) const
{
    if (userId.hasNumber())
        return m_ids.contains(userId.number());
    return !userId.isNull() && m_wordIds.contains(userId.toString());
}

qsizetype UserRows::indexOf(const ResourceId &userId) const
{
    if (!contains(userId))
        return -1;
    const qint64 number = userId.number();
    const QByteArray word = userId.hasNumber() ? QByteArray() : userId.toString().toUtf8();
    const auto it = std::find_if(m_rows.cbegin(), m_rows.cend(), [&](const Row &r) {
        if (!(r.flags & Row::WordId))
            return userId.hasNumber() && r.id == number;
        return !userId.hasNumber() && QByteArrayView(r.text).last(r.id) == word;
    });
    return it == m_rows.cend() ? -1 : it - m_rows.cbegin();
}

ResourceId UserRows::id(qsizetype row) const
{
    return idOf(m_rows.at(row));
}

ResourceId UserRows::idOf(const Row &row)
{
    if (row.flags & Row::WordId)
        return ResourceId::fromText(QString::fromUtf8(QByteArrayView(row.text).last(row.id)));
    if (row.flags & Row::TextId)
        return ResourceId::fromText(QString::number(row.id));
    return ResourceId(row.id);
}

// ResourceId's order: numbers by value, then the others by their text.
int UserRows::compareIds(const Row &a, const Row &b)
{
    const bool aWord = a.flags & Row::WordId;
    const bool bWord = b.flags & Row::WordId;
    if (!aWord && !bWord)
        return a.id < b.id ? -1 : (a.id > b.id ? 1 : 0);
    if (aWord != bWord)
        return aWord ? 1 : -1;
    const QString x = idOf(a).toString();
    const QString y = idOf(b).toString();
    return x < y ? -1 : (y < x ? 1 : 0);
}

quint8 UserRows::word(const QString &value, bool *ok)
{
    const auto it = m_wordIndex.constFind(value);
    if (it != m_wordIndex.cend())
        return it.value();
    if (m_words.size() >= MaxWords) {
        *ok = false;
        return 0;
    }
    const auto index = static_cast<quint8>(m_words.size());
    m_words.append(value);
    m_wordIndex.insert(value, index);
    return index;
}

UserRows::Row UserRows::makeRow(const User &user)
{
    static_assert(sizeof(Row) <= 40, "a row is meant to stay small");
    Row row;
    const QByteArray name = user.name.toUtf8();
    const QByteArray email = user.email.toUtf8();
    const QByteArray idText = user.id.hasNumber() ? QByteArray() : user.id.toString().toUtf8();
    // Exactly as long as needed: toUtf8() leaves room for three bytes a character.
    row.text.reserve(name.size() + email.size() + idText.size());
    row.text.append(name).append(email);
    row.nameBytes = static_cast<quint32>(name.size());
    if (user.id.isText())
        row.flags |= Row::TextId;
    if (user.id.hasNumber()) {
        row.id = user.id.number();
    } else {
        row.flags |= Row::WordId;
        row.id = idText.size();
    }
    bool inVocabulary = true;
    row.gender = word(user.gender, &inVocabulary);
    row.status = word(user.status, &inVocabulary);
    if (isAscii(row.text))
        row.flags |= Row::Ascii;
    row.text.append(idText);
    // A lone surrogate (JSON allows "\ud800") has no UTF-8 form: such a user is kept as it came.
    const bool exactInUtf8 = QStringView(user.name).isValidUtf16() && QStringView(user.email).isValidUtf16();
    if (!inVocabulary || !user.extra.isEmpty() || !exactInUtf8) {
        row.flags |= Row::Whole;
        m_whole.insert(user.id, user);
    }
    return row;
}

void UserRows::forget(const Row &row)
{
    if (row.flags & Row::WordId)
        m_wordIds.remove(idOf(row).toString());
    else
        m_ids.remove(row.id);
    if (row.flags & Row::Whole)
        m_whole.remove(idOf(row));
}

void UserRows::remember(const ResourceId &userId)
{
    if (userId.hasNumber())
        m_ids.insert(userId.number());
    else
        m_wordIds.insert(userId.toString());
}

void UserRows::append(const User &user)
{
    m_rows.append(makeRow(user));
    count(m_rows.constLast(), 1);
    remember(user.id);
}

void UserRows::prepend(const User &user)
{
    m_rows.prepend(makeRow(user));
    count(m_rows.constFirst(), 1);
    remember(user.id);
}

void UserRows::insert(qsizetype row, const User &user)
{
    m_rows.insert(row, makeRow(user));
    count(m_rows.at(row), 1);
    remember(user.id);
}

void UserRows::replace(qsizetype row, const User &user)
{
    forget(m_rows.at(row));
    count(m_rows.at(row), -1);
    m_rows[row] = makeRow(user);
    count(m_rows.at(row), 1);
    remember(user.id);
}

void UserRows::removeAt(qsizetype row)
{
    forget(m_rows.at(row));
    count(m_rows.at(row), -1);
    m_rows.removeAt(row);
}

void UserRows::clear()
{
    m_rows.clear();
    m_rows.squeeze();
    m_ids.clear();
    m_ids.squeeze();
    m_wordIds.clear();
    m_wordIds.squeeze();
    m_whole.clear();
    m_nonAscii = 0;
    // The vocabulary stays: it is a handful of strings.
}

const User *UserRows::whole(const Row &row) const
{
    if (!(row.flags & Row::Whole))
        return nullptr;
    const auto it = m_whole.constFind(idOf(row));
    return it == m_whole.cend() ? nullptr : &it.value();
}

QByteArrayView UserRows::view(const Row &row, Field field) const
{
    const QByteArrayView all(row.text);
    const qsizetype wordBytes = (row.flags & Row::WordId) ? row.id : 0;
    return field == Field::Name ? all.first(row.nameBytes)
                                : all.sliced(row.nameBytes, all.size() - row.nameBytes - wordBytes);
}

QString UserRows::name(qsizetype row) const
{
    const Row &r = m_rows.at(row);
    const User *u = whole(r);
    return u ? u->name : QString::fromUtf8(view(r, Field::Name));
}

QString UserRows::email(qsizetype row) const
{
    const Row &r = m_rows.at(row);
    const User *u = whole(r);
    return u ? u->email : QString::fromUtf8(view(r, Field::Email));
}

QString UserRows::gender(qsizetype row) const
{
    const Row &r = m_rows.at(row);
    const User *u = whole(r);
    return u ? u->gender : m_words.at(r.gender);
}

QString UserRows::status(qsizetype row) const
{
    const Row &r = m_rows.at(row);
    const User *u = whole(r);
    return u ? u->status : m_words.at(r.status);
}

QString UserRows::text(qsizetype row, Field field) const
{
    switch (field) {
    case Field::Id:
        return id(row).toString();
    case Field::Name:
        return name(row);
    case Field::Email:
        return email(row);
    case Field::Gender:
        return gender(row);
    case Field::Status:
        return status(row);
    }
    return {};
}

User UserRows::user(qsizetype row) const
{
    const Row &r = m_rows.at(row);
    if (const User *u = whole(r))
        return *u;
    User u;
    u.id = idOf(r);
    u.name = name(row);
    u.email = email(row);
    u.gender = m_words.at(r.gender);
    u.status = m_words.at(r.status);
    return u;
}

QList<User> UserRows::users() const
{
    QList<User> all;
    all.reserve(m_rows.size());
    for (qsizetype row = 0; row < m_rows.size(); ++row)
        all.append(user(row));
    return all;
}

int UserRows::compare(qsizetype left, qsizetype right, Field field, Qt::CaseSensitivity cs) const
{
    const Row &a = m_rows.at(left);
    const Row &b = m_rows.at(right);
    switch (field) {
    case Field::Id:
        return compareIds(a, b);
    case Field::Name:
    case Field::Email:
        if (a.flags & b.flags & Row::Ascii)
            return compareAscii(view(a, field), view(b, field), cs);
        break;
    case Field::Gender:
    case Field::Status:
        break;
    }
    return sign(text(left, field).compare(text(right, field), cs));
}

namespace {
// The units of a text from `offset` on, folded as QString::compare folds them, packed most significant
// first; a text that ends is padded with zeros, which sorts it first as compare() does. A surrogate ends
// the key after its high half: Qt folds the low half together with it, so the key leaves that pair to
// compare().
quint64 utf16Key(QStringView text, qsizetype offset, Qt::CaseSensitivity cs, UserRows::KeyEnd *end)
{
    quint64 key = 0;
    int shift = 48;
    *end = UserRows::KeyEnd::End;
    for (qsizetype i = offset; i < text.size(); ++i) {
        const QChar c = text[i];
        if (shift < 0) {
            *end = UserRows::KeyEnd::More;
            break;
        }
        const char16_t unit
            = cs == Qt::CaseInsensitive && !c.isSurrogate() ? c.toCaseFolded().unicode() : c.unicode();
        key |= quint64(unit) << shift;
        if (c.isSurrogate()) {
            *end = UserRows::KeyEnd::Stop;
            break;
        }
        shift -= 16;
    }
    return key;
}

quint64 bytesKey(QByteArrayView text, qsizetype offset, Qt::CaseSensitivity cs, UserRows::KeyEnd *end)
{
    quint64 key = 0;
    const qsizetype n = std::clamp<qsizetype>(text.size() - offset, 0, 8);
    for (qsizetype i = 0; i < n; ++i) {
        const char c = cs == Qt::CaseInsensitive ? foldAscii(text[offset + i]) : text[offset + i];
        key |= quint64(static_cast<unsigned char>(c)) << (56 - 8 * i);
    }
    *end = text.size() - offset > 8 ? UserRows::KeyEnd::More : UserRows::KeyEnd::End;
    return key;
}

bool containsAscii(QByteArrayView haystack, QByteArrayView needle, Qt::CaseSensitivity cs)
{
    if (cs == Qt::CaseSensitive)
        return haystack.contains(needle);
    const auto equal = [](char a, char b) { return foldAscii(a) == b; };
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(), equal)
        != haystack.end();
}
} // namespace

quint64 UserRows::sortKey(
    qsizetype row, Field field, Qt::CaseSensitivity cs, KeyUnits units, qsizetype offset, KeyEnd *end) const
{
    const Row &r = m_rows.at(row);
    switch (field) {
    case Field::Id:
        if (r.flags & Row::WordId) {
            // After every number; compare() orders the texts.
            *end = KeyEnd::Stop;
            return ~quint64(0);
        }
        *end = KeyEnd::End;
        return quint64(r.id); // ids are not negative
    case Field::Name:
    case Field::Email:
        if (r.flags & Row::Ascii) {
            const QByteArrayView bytes = view(r, field);
            if (units == KeyUnits::AsciiBytes)
                return bytesKey(bytes, offset, cs, end);
            const qsizetype from = std::min(offset, bytes.size());
            const QString part
                = QString::fromLatin1(bytes.sliced(from, std::min<qsizetype>(bytes.size() - from, 5)));
            quint64 key = utf16Key(part, 0, cs, end);
            if (*end == KeyEnd::End && bytes.size() - from > 4)
                *end = KeyEnd::More;
            return key;
        }
        break;
    case Field::Gender:
    case Field::Status:
        if (!(r.flags & Row::Whole))
            return utf16Key(m_words.at(field == Field::Gender ? r.gender : r.status), offset, cs, end);
        break;
    }
    return utf16Key(text(row, field), offset, cs, end);
}

UserRows UserRows::readOnlyCopy() const
{
    UserRows copy;
    copy.m_rows = m_rows;
    copy.m_words = m_words;
    copy.m_wordIndex = m_wordIndex;
    copy.m_whole = m_whole;
    copy.m_nonAscii = m_nonAscii;
    return copy;
}

qsizetype UserRows::textSize(qsizetype row, Field field) const
{
    const Row &r = m_rows.at(row);
    if ((field == Field::Name || field == Field::Email) && (r.flags & Row::Ascii))
        return view(r, field).size();
    return field == Field::Id ? 0 : text(row, field).size();
}

bool UserRows::contains(qsizetype row, Field field, const QString &needle, QByteArrayView asciiNeedle,
    Qt::CaseSensitivity cs) const
{
    const Row &r = m_rows.at(row);
    if ((field == Field::Name || field == Field::Email) && (r.flags & Row::Ascii) && !asciiNeedle.isEmpty())
        return containsAscii(view(r, field), asciiNeedle, cs);
    if (needle.isEmpty())
        return true;
    return text(row, field).contains(needle, cs);
}

} // namespace UserDesk
