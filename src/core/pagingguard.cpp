#include "pagingguard.h"

#include <QCoreApplication>

namespace UserDesk {

namespace {
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("UserDesk::PagingGuard", text, disambiguation, n);
}
} // namespace

PagingGuard::PagingGuard(int maxPages)
    : m_maxPages(std::max(1, maxPages))
{
}

void PagingGuard::reset()
{
    m_pages = 0;
    m_stop = Stop::None;
    m_reason.clear();
    m_seenNumbers.clear();
    m_seenTexts.clear();
    m_pageByContent.clear();
    m_numbersOfPage.clear();
    m_idsOfPage.clear();
}

void PagingGuard::setMaxPages(int pages)
{
    m_maxPages = std::max(1, pages);
}

bool PagingGuard::isKnown(const ResourceId &id) const
{
    return id.hasNumber() ? m_seenNumbers.contains(id.number()) : m_seenTexts.contains(id.toString());
}

bool PagingGuard::samePage(int earlier, const QList<ResourceId> &ids) const
{
    const auto numbers = m_numbersOfPage.constFind(earlier);
    if (numbers == m_numbersOfPage.cend())
        return m_idsOfPage.value(earlier) == ids;
    if (numbers->size() != ids.size())
        return false;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (!ids.at(i).hasNumber() || ids.at(i).number() != numbers->at(i))
            return false;
    }
    return true;
}

PagingGuard::Stop PagingGuard::stopWith(Stop stop, const QString &reason)
{
    m_stop = stop;
    m_reason = reason;
    return stop;
}

PagingGuard::Stop PagingGuard::accept(int page, int perPage, const QList<ResourceId> &ids, bool moreExpected)
{
    if (m_stop != Stop::None)
        return m_stop;
    ++m_pages;
    if (ids.isEmpty())
        return stopWith(Stop::EmptyPage, tr("Page %1 was empty, so the list ends there.").arg(page));

    const size_t contentHash = qHashRange(ids.begin(), ids.end());
    const auto earlier = m_pageByContent.constFind(contentHash);
    const bool repeats = earlier != m_pageByContent.constEnd() && samePage(*earlier, ids);
    bool anyNew = false;
    for (const ResourceId &id : ids) {
        if (!isKnown(id)) {
            anyNew = true;
            break;
        }
    }
    if (!repeats) {
        m_pageByContent.insert(contentHash, page);
        QList<qint64> numbers;
        numbers.reserve(ids.size());
        for (const ResourceId &id : ids) {
            if (!id.hasNumber())
                break;
            numbers.append(id.number());
        }
        if (numbers.size() == ids.size())
            m_numbersOfPage.insert(page, numbers);
        else
            m_idsOfPage.insert(page, ids);
    }
    for (const ResourceId &id : ids) {
        if (id.hasNumber())
            m_seenNumbers.insert(id.number());
        else
            m_seenTexts.insert(id.toString());
    }

    if (ids.size() > perPage) {
        return stopWith(Stop::OversizedPage,
            tr("The server sent %Ln item(s) for page %1 where %2 were asked for: it does not page this list "
               "the way it was asked to, so no further page was requested.",
                nullptr, static_cast<int>(ids.size()))
                .arg(page)
                .arg(perPage));
    }
    if (repeats) {
        return stopWith(Stop::RepeatedPage,
            tr("Page %1 repeated page %2 item for item: the server seems to ignore the page asked for, so "
               "no further page was requested.")
                .arg(page)
                .arg(*earlier));
    }
    if (!anyNew) {
        return stopWith(Stop::OnlyKnownItems,
            tr("Page %1 held only items already seen on earlier pages, so no further page was requested.")
                .arg(page));
    }
    if (moreExpected && m_pages >= m_maxPages) {
        return stopWith(Stop::PageCap,
            tr("The list was cut after %Ln page(s), the most read in one go; the server says there is more.",
                nullptr, m_pages));
    }
    return Stop::None;
}

} // namespace UserDesk
