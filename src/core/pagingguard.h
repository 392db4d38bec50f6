#pragma once

#include "resourceid.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace UserDesk {

// Makes a walk through a paged list end, whatever the server does. Pages are fed in the order they are
// read; the guard says when the walk must stop and why: an empty page, a page with more items than were
// asked for (the server ignores paging), a page that repeats an earlier one, a page of only ids already
// seen, or the cap on the number of pages. A server that ignores the paging parameters answers every
// page with the same items, so without this a "next page" loop never ends.
class PagingGuard
{
public:
    enum class Stop { None, EmptyPage, OversizedPage, RepeatedPage, OnlyKnownItems, PageCap };
    static constexpr int DefaultMaxPages = 1000;

    explicit PagingGuard(int maxPages = DefaultMaxPages);

    void reset();
    int maxPages() const { return m_maxPages; }
    void setMaxPages(int pages);

    // Feeds the next page: `page` is the number that was asked for, `perPage` the size that was asked
    // for, `ids` the ids of its items in order, `moreExpected` whether the server's answer says there is
    // more. Returns why the walk ends after this page; None means it may go on (when more is expected).
    // Once stopped, every further page is refused with the same reason.
    Stop accept(int page, int perPage, const QList<ResourceId> &ids, bool moreExpected);

    Stop stop() const { return m_stop; }
    // Stopped for a reason other than the normal end of the list: worth telling the person.
    bool stoppedEarly() const { return m_stop != Stop::None && m_stop != Stop::EmptyPage; }
    // A full sentence that says why the walk stopped; empty while it has not.
    QString reason() const { return m_reason; }
    int pagesAccepted() const { return m_pages; }
    bool isKnown(const ResourceId &id) const;

private:
    Stop stopWith(Stop stop, const QString &reason);
    bool samePage(int earlier, const QList<ResourceId> &ids) const;

    int m_maxPages;
    int m_pages = 0;
    Stop m_stop = Stop::None;
    QString m_reason;
    // Kept as compact as before ids could be strings (a walk may see a million): ids with a number by
    // their number (the number 12 and the string "12" are one id), the others by their text.
    QSet<qint64> m_seenNumbers;
    QSet<QString> m_seenTexts;
    QHash<size_t, int> m_pageByContent; // hash of a page's ids -> the page that had them first
    QHash<int, QList<qint64>> m_numbersOfPage; // a page whose ids all have numbers
    QHash<int, QList<ResourceId>> m_idsOfPage; // any other page
};

} // namespace UserDesk
