#include "userroworder.h"

#include <algorithm>
#include <thread>

namespace UserDesk {

namespace {
// Below this many rows one thread sorts faster than two can start.
constexpr qsizetype ParallelSortRows = 200000;

bool isAsciiText(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
}
} // namespace

UserRowOrder::UserRowOrder(const UserRows &rows, const Spec &spec)
    : m_rows(rows)
    , m_spec(spec)
{
    if (m_spec.sorts())
        m_sortField = static_cast<UserRows::Field>(m_spec.sortColumn);
    if (m_spec.filters()) {
        m_filterField = static_cast<UserRows::Field>(m_spec.filterColumn);
        if (isAsciiText(m_spec.filterText))
            m_asciiNeedle
                = (m_spec.filterCase == Qt::CaseInsensitive ? m_spec.filterText.toLower() : m_spec.filterText)
                      .toLatin1();
    }
    const bool text = m_sortField == UserRows::Field::Name || m_sortField == UserRows::Field::Email;
    m_units
        = text && m_rows.nonAsciiCount() == 0 ? UserRows::KeyUnits::AsciiBytes : UserRows::KeyUnits::Utf16;
}

bool UserRowOrder::accepts(qsizetype row) const
{
    if (!m_spec.filters())
        return true;
    return m_rows.contains(row, m_filterField, m_spec.filterText, m_asciiNeedle, m_spec.filterCase);
}

int UserRowOrder::compareAscending(qsizetype left, qsizetype right) const
{
    int order = m_rows.compare(left, right, m_sortField, m_spec.sortCase);
    if (order == 0)
        order = m_rows.compare(left, right, UserRows::Field::Id, m_spec.sortCase);
    if (order == 0)
        order = left < right ? -1 : (left > right ? 1 : 0);
    return order;
}

bool UserRowOrder::before(qsizetype left, qsizetype right) const
{
    if (!m_spec.sorts())
        return left < right;
    const int order = compareAscending(left, right);
    return m_spec.order == Qt::AscendingOrder ? order < 0 : order > 0;
}

UserRowOrder::Keyed UserRowOrder::keyed(int row) const
{
    Keyed k { 0, 0, row, 0, UserRows::KeyEnd::End, UserRows::KeyEnd::End };
    k.key = m_rows.sortKey(row, m_sortField, m_spec.sortCase, m_units, 0, &k.end);
    if (k.end == UserRows::KeyEnd::More)
        k.next = m_rows.sortKey(row, m_sortField, m_spec.sortCase, m_units, m_unitsPerKey, &k.nextEnd);
    else
        k.nextEnd = k.end;
    k.size = static_cast<int>(m_rows.textSize(row, m_sortField));
    return k;
}

void UserRowOrder::sortRuns(Keyed *begin, Keyed *end, int level) const
{
    // [begin, end) is sorted by the keys of `level`; rows whose keys agree are ordered by their next keys
    // (a string sort eight characters at a time), or in full where the texts end or hold a surrogate.
    const auto fullLess
        = [this](const Keyed &a, const Keyed &b) { return compareAscending(a.row, b.row) < 0; };
    for (Keyed *run = begin; run != end;) {
        Keyed *runEnd = run + 1;
        bool more = run->end == UserRows::KeyEnd::More;
        bool stop = run->end == UserRows::KeyEnd::Stop;
        while (runEnd != end && runEnd->key == run->key) {
            more = more || runEnd->end == UserRows::KeyEnd::More;
            stop = stop || runEnd->end == UserRows::KeyEnd::Stop;
            ++runEnd;
        }
        if (runEnd - run > 1) {
            if (more && !stop) {
                const qsizetype offset = qsizetype(level + 1) * m_unitsPerKey;
                for (Keyed *k = run; k != runEnd; ++k) {
                    if (level == 0) {
                        k->key = k->next;
                        k->end = k->nextEnd;
                    } else {
                        k->key
                            = m_rows.sortKey(k->row, m_sortField, m_spec.sortCase, m_units, offset, &k->end);
                    }
                }
                std::sort(run, runEnd, [](const Keyed &a, const Keyed &b) { return a.key < b.key; });
                sortRuns(run, runEnd, level + 1);
            } else if (!stop) {
                // Every text has ended and all agree, folded: the shorter first, then by id.
                for (Keyed *k = run; k != runEnd; ++k)
                    k->key = quint64(k->size);
                std::sort(run, runEnd, [this](const Keyed &a, const Keyed &b) {
                    if (a.key != b.key)
                        return a.key < b.key;
                    const int byId = m_rows.compare(a.row, b.row, UserRows::Field::Id, m_spec.sortCase);
                    return byId != 0 ? byId < 0 : a.row < b.row;
                });
            } else {
                std::sort(run, runEnd, fullLess);
            }
        }
        run = runEnd;
    }
}

QList<int> UserRowOrder::acceptedRows(qsizetype count) const
{
    const auto collect = [this](qsizetype from, qsizetype to) {
        QList<int> rows;
        rows.reserve(m_spec.filters() ? (to - from) / 8 : to - from);
        for (qsizetype row = from; row < to; ++row) {
            if (accepts(row))
                rows.append(static_cast<int>(row));
        }
        return rows;
    };
    if (!m_spec.filters() || count < ParallelSortRows || std::thread::hardware_concurrency() < 2)
        return collect(0, count);
    QList<int> first;
    std::thread other([&] { first = collect(0, count / 2); });
    const QList<int> second = collect(count / 2, count);
    other.join();
    first.append(second);
    return first;
}

QList<int> UserRowOrder::rows(qsizetype count) const
{
    count = std::min(count, m_rows.size());
    const QList<int> accepted = acceptedRows(count);
    if (!m_spec.sorts())
        return accepted;

    // Sorting (key, row) pairs by integer keys, eight characters at a time, needs no string compare
    // for most rows. Sorted ascending, then reversed for a descending sort (ties included, as before()).
    std::vector<Keyed> keyed;
    keyed.reserve(static_cast<size_t>(accepted.size()));
    for (const int row : accepted)
        keyed.push_back({ 0, 0, row, 0, UserRows::KeyEnd::End, UserRows::KeyEnd::End });
    const auto fill = [this](Keyed *from, Keyed *to) {
        for (Keyed *k = from; k != to; ++k)
            *k = this->keyed(k->row);
    };
    const bool parallel
        = static_cast<qsizetype>(keyed.size()) >= ParallelSortRows && std::thread::hardware_concurrency() > 1;
    if (parallel) {
        Keyed *half = keyed.data() + keyed.size() / 2;
        std::thread other([&] { fill(keyed.data(), half); });
        fill(half, keyed.data() + keyed.size());
        other.join();
    } else {
        fill(keyed.data(), keyed.data() + keyed.size());
    }
    const auto byKey = [](const Keyed &a, const Keyed &b) { return a.key < b.key; };
    Keyed *first = keyed.data();
    Keyed *last = first + keyed.size();
    if (parallel) {
        Keyed *middle = first + keyed.size() / 2;
        std::thread other([&] { std::sort(first, middle, byKey); });
        std::sort(middle, last, byKey);
        other.join();
        std::inplace_merge(first, middle, last, byKey);
        // The runs of equal keys are independent: the two halves of them go to two threads.
        Keyed *split = middle;
        while (split != last && split != first && split->key == (split - 1)->key)
            ++split;
        std::thread again([&] { sortRuns(first, split, 0); });
        sortRuns(split, last, 0);
        again.join();
    } else {
        std::sort(first, last, byKey);
        sortRuns(first, last, 0);
    }

    QList<int> result;
    result.reserve(static_cast<qsizetype>(keyed.size()));
    if (m_spec.order == Qt::AscendingOrder) {
        for (const Keyed &k : keyed)
            result.append(k.row);
    } else {
        for (auto it = keyed.crbegin(); it != keyed.crend(); ++it)
            result.append(it->row);
    }
    return result;
}

} // namespace UserDesk
