#include "sortscopeflow.h"

#include "apiclient.h"
#include "sessioncontroller.h"
#include "tablestatus.h"
#include "usersortfilterproxymodel.h"
#include "usertablemodel.h"
#include "usertableview.h"

#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace UserDesk {

namespace {
// What one page request takes before any was measured, for the estimate of loading the rest.
constexpr int EstimatedRequestMs = 300;
} // namespace

SortScopeFlow::SortScopeFlow(UserTableModel *model, UserSortFilterProxyModel *proxy, UserTableView *table,
    SessionController *session, ApiClient *client, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_model(model)
    , m_proxy(proxy)
    , m_table(table)
    , m_session(session)
    , m_client(client)
    , m_dialogParent(dialogParent)
{
    connect(m_model, &UserTableModel::countsChanged, this, &SortScopeFlow::decide);
    connect(m_model, &UserTableModel::staleChanged, this, [this](bool stale) {
        if (!stale) {
            m_decided = false; // a refreshed table is decided again
            decide();
        }
        Q_EMIT statusChanged();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_decided = false; });
    connect(m_model, &UserTableModel::loadingAllChanged, this, &SortScopeFlow::statusChanged);
}

void SortScopeFlow::dismissQuestion()
{
    // A question about an earlier sort answers nothing now: it goes without its answer being applied.
    if (auto *box = m_dialogParent->findChild<QMessageBox *>(QStringLiteral("sortScopeQuestion"))) {
        box->disconnect(this);
        box->close();
    }
}

void SortScopeFlow::requestSort(int column, Qt::SortOrder order)
{
    dismissQuestion();
    m_table->showSort(column, order);
    m_proxy->sort(column, order);
    m_decided = false;
    m_loadedOnly = false;
    decide();
    Q_EMIT statusChanged();
}

void SortScopeFlow::sortLoadedOnly()
{
    m_loadedOnly = true;
    m_model->stopLoadingAll();
    Q_EMIT statusChanged();
}

void SortScopeFlow::reset()
{
    dismissQuestion();
    m_decided = false;
    m_loadedOnly = false;
}

QString SortScopeFlow::statusText() const
{
    const qint64 total = m_model->totalCount();
    if (m_table->sortColumn() >= 0 && total >= 0 && !m_model->isComplete())
        return TableStatus::partialSort(m_model->loadedCount(), total, m_model->isLoadingAll());
    return TableStatus::counts(m_model->loadedCount(), total, !m_model->filter().isEmpty());
}

void SortScopeFlow::decide()
{
    if (m_table->sortColumn() < 0 || m_decided || !m_session->isConnected() || m_model->isStale())
        return;
    if (m_model->isComplete()) {
        m_decided = true;
        return;
    }
    const int pages = m_model->remainingPages();
    if (pages < 0 || m_model->totalCount() < 0)
        return; // decided once page 1 tells the total
    m_decided = true;
    if (m_loadedOnly || m_model->isLoadingAll())
        return;
    const qint64 ms = TableStatus::estimateMs(pages, m_client->rateLimit(),
        TableStatus::measuredPageMs(*m_client->requestLog(), EstimatedRequestMs));
    if (TableStatus::isLong(pages, ms))
        ask(pages, ms);
    else
        m_model->loadAll();
}

void SortScopeFlow::ask(int pages, qint64 estimateMs)
{
    const QLocale locale;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Sort All Users"),
        tr("Sorting all %1 users means loading %n more page(s) first, %2.", nullptr, pages)
            .arg(locale.toString(m_model->totalCount()), TableStatus::duration(estimateMs)),
        QMessageBox::NoButton, m_dialogParent);
    box->setObjectName(QStringLiteral("sortScopeQuestion"));
    box->setInformativeText(tr("Or sort only the %n user(s) loaded now; the status bar then says so.",
        nullptr, m_model->loadedCount()));
    QPushButton *all = box->addButton(tr("Load All and Sort"), QMessageBox::AcceptRole);
    all->setObjectName(QStringLiteral("sortAllButton"));
    QPushButton *loadedOnly = box->addButton(tr("Sort the Loaded Rows Only"), QMessageBox::RejectRole);
    loadedOnly->setObjectName(QStringLiteral("sortLoadedOnlyButton"));
    box->setDefaultButton(loadedOnly);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, all] {
        if (box->clickedButton() == all)
            m_model->loadAll();
        else
            m_loadedOnly = true;
        Q_EMIT statusChanged();
    });
    box->open();
}

} // namespace UserDesk
