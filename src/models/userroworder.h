#pragma once

#include "userrows.h"

#include <QList>
#include <QString>

namespace UserDesk {

// Which rows of a UserRows a view shows, and in what order: a filter (a fixed string in one field) and a
// sort by one field, ties broken by id so every sort of the same rows gives the same order. It only reads
// the rows it is given, so it can run on a worker thread over a copy (UserRows copies share their data).
class UserRowOrder
{
public:
    struct Spec
    {
        int sortColumn = -1; // -1: the rows' own order
        Qt::SortOrder order = Qt::AscendingOrder;
        Qt::CaseSensitivity sortCase = Qt::CaseInsensitive;
        int filterColumn = -1; // -1: no filter
        QString filterText;
        Qt::CaseSensitivity filterCase = Qt::CaseInsensitive;

        bool sorts() const { return sortColumn >= 0; }
        bool filters() const { return filterColumn >= 0 && !filterText.isEmpty(); }
    };

    UserRowOrder(const UserRows &rows, const Spec &spec);

    bool accepts(qsizetype row) const;
    // Whether `left` comes before `right` in the view (descending sorts reverse it, ties included).
    bool before(qsizetype left, qsizetype right) const;
    // The accepted rows among the first `count`, in the view's order. Large sorts use two threads.
    QList<int> rows(qsizetype count) const;

private:
    // A row with the keys of its first two levels and its text's length, read in one visit to the row:
    // the rows' text lives in separate allocations, and each visit is a likely cache miss.
    struct Keyed
    {
        quint64 key;
        quint64 next;
        int row;
        int size;
        UserRows::KeyEnd end;
        UserRows::KeyEnd nextEnd;
    };
    Keyed keyed(int row) const;
    QList<int> acceptedRows(qsizetype count) const;
    void sortRuns(Keyed *begin, Keyed *end, int level) const;
    // The full ascending order: the field, then the id, then the row.
    int compareAscending(qsizetype left, qsizetype right) const;

    const UserRows &m_rows;
    Spec m_spec;
    UserRows::Field m_sortField = UserRows::Field::Id;
    UserRows::Field m_filterField = UserRows::Field::Id;
    UserRows::KeyUnits m_units = UserRows::KeyUnits::Utf16;
    int m_unitsPerKey = 4;
    QByteArray m_asciiNeedle;
};

} // namespace UserDesk
