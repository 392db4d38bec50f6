// UserTableModel at scale, for bench/run (QT_QPA_PLATFORM=offscreen).
//
//   userdesk-modelbench append --users 1000000
//       Pages of 100 users go into the model the way ApiClient delivers them. The model has no public way
//       to take a page except ApiClient::usersPageReceived for the request it made itself, so the driver
//       lets the model ask (fetchMore -> ApiClient::listUsers), answers that request id through the
//       client's own signal, and cancels the request before it ever reaches the network. Each page is
//       GoRest-shaped JSON parsed with User::fromJson, as ApiClient does. Reports the append time, RSS per
//       user against the JSON bytes of the same users, and sort/filter times through the window's proxy
//       (until the order is applied, with the longest GUI-thread stall meanwhile) beside Qt's
//       QSortFilterProxyModel.
//
//   userdesk-modelbench stall --users 100000 [--endpoint URL]
//       A QTableView over a QSortFilterProxyModel over the model, shown (offscreen), while users arrive:
//       from a real userdesk-sandbox through ApiClient when --endpoint is given (parsing and all on the GUI
//       thread), otherwise the injected pages as above, one page per event-loop turn. A 1 ms precise
//       QTimer on the GUI thread records the gaps between its ticks; the longest gap is the longest stall.
//
//   userdesk-modelbench records --posts 1000000 --stall-posts 100000
//       The same for posts (RecordTableModel over RecordRows, the window's posts browser): posts with
//       500-byte bodies, answered through ApiClient::recordsPageReceived for the model's own listRecords
//       requests. Reports RSS growth against the JSON bytes of the same posts, then the longest GUI-thread
//       stall while --stall-posts arrive, a page of 100 per event-loop turn, into a fresh model shown as the
//       window's posts tab shows it (RecordListPane: its view settings, RecordSortProxyModel, status line)
//       sorted by id; --plain-view times a QTableView with Qt's defaults over the same proxy instead. Each
//       gap is also given in the GUI thread's CPU time (*_cpu_ms), which a loaded machine does not inflate.
//
// Prints one JSON line.
#include "apiclient.h"
#include "recordlistpane.h"
#include "recordsortproxymodel.h"
#include "recordtablemodel.h"
#include "resourceschema.h"
#include "usertablemodel.h"

#include "usersortfilterproxymodel.h"
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QUrl>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <malloc.h>
#include <memory>
#include <unistd.h>

using namespace UserDesk;

namespace {

constexpr int PerPage = 100;

qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// The machine's one-minute load average, for figures taken on a shared machine.
double loadAverage()
{
    double load[1] = { -1 };
    return getloadavg(load, 1) == 1 ? load[0] : -1;
}

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

qint64 heapInUse()
{
    return qint64(mallinfo2().uordblks);
}

qint64 rssBytes()
{
    malloc_trim(0); // freed temporaries would otherwise count as the model's
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> parts = f.readAll().split(' ');
    return parts.size() > 1 ? parts.at(1).toLongLong() * sysconf(_SC_PAGESIZE) : -1;
}

// GoRest-shaped names and emails, varied enough that strings are not shared between users.
const char *const First[] = { "Aadrika", "Abha", "Akshita", "Amrita", "Anjali", "Bhaskar", "Chandan",
    "Deepak", "Devika", "Gauri", "Indira", "Jagdish", "Kailash", "Lakshmi", "Mahesh", "Naveen", "Padma",
    "Rajiv", "Sushma", "Vasudev" };
const char *const Last[] = { "Agarwal", "Banerjee", "Bhattacharya", "Chopra", "Gupta", "Iyengar", "Kapoor",
    "Menon", "Mishra", "Nair", "Pandey", "Patel", "Pillai", "Reddy", "Sharma", "Verma" };
const char *const Domains[]
    = { "kuhn.test", "gutmann.example", "ratke.test", "schinner.example", "wolff.example" };

QByteArray pageJson(qint64 firstId, int count)
{
    QByteArray json;
    json.reserve(count * 120);
    json += '[';
    for (int i = 0; i < count; ++i) {
        const qint64 id = firstId + i;
        const quint64 h = quint64(id) * 0x9E3779B97F4A7C15ULL;
        const char *first = First[(h >> 7) % 20];
        const char *last = Last[(h >> 17) % 16];
        if (i)
            json += ',';
        json += "{\"id\":" + QByteArray::number(id) + ",\"name\":\"" + first + ' ' + last + "\",\"email\":\""
            + QByteArray(first).toLower() + '_' + QByteArray(last).toLower() + '_' + QByteArray::number(id)
            + '@' + Domains[(h >> 27) % 5] + "\",\"gender\":\"" + ((h >> 33) & 1 ? "male" : "female")
            + "\",\"status\":\"" + ((h >> 37) & 1 ? "active" : "inactive") + "\"}";
    }
    json += ']';
    return json;
}

// Newest first, as the server lists them: page n holds ids counting down.
UsersPage parsePage(const QByteArray &json, int pageNo, qint64 total)
{
    UsersPage page;
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    page.users.reserve(array.size());
    for (const QJsonValue &v : array)
        page.users.append(*User::fromJson(v));
    page.info.page = pageNo;
    page.info.perPage = PerPage;
    page.info.total = total;
    page.info.pages = int((total + PerPage - 1) / PerPage);
    page.info.source = PageInfo::Source::PaginationHeaders;
    return page;
}

// Answers the model's own page requests through the client's signal, without the network.
class PageFeeder
{
public:
    PageFeeder(ApiClient *client, UserTableModel *model, qint64 total)
        : m_client(client)
        , m_model(model)
        , m_total(total)
    {
    }

    // Lets the model ask for its next page, answers it, and cancels the real request before it is sent.
    // Returns false when the model wants no more. Times go into the counters.
    bool feedOne()
    {
        const int pageNo = m_pageNo + 1;
        const qint64 firstId = 1 + m_total - qint64(pageNo) * PerPage;
        const int count = int(std::min<qint64>(PerPage, m_total - qint64(m_pageNo) * PerPage));
        if (count <= 0)
            return false;
        const QByteArray json = pageJson(std::max<qint64>(1, firstId), count);
        jsonBytes += json.size();

        QElapsedTimer t;
        t.start();
        if (m_pageNo == 0)
            m_model->reload();
        else if (m_model->canFetchMore({}))
            m_model->fetchMore({});
        else if (!m_model->isLoading()) // a view may have asked already; then that request is answered
            return false;
        // The client numbers its requests 1, 2, 3, ...; the model's page request is the newest pending one.
        ApiClient::RequestId id = 0;
        for (ApiClient::RequestId k = m_lastId + 1; k <= m_lastId + 64; ++k) {
            if (m_client->isPending(k))
                id = k;
        }
        if (!id)
            qFatal("modelbench: cannot find the model's page request after id %llu", m_lastId);
        m_lastId = id;
        requestMs += ms(t);

        t.restart();
        const UsersPage page = parsePage(json, pageNo, m_total);
        parseMs += ms(t);

        t.restart();
        Q_EMIT m_client->usersPageReceived(id, page);
        modelMs += ms(t);
        m_client->cancel(id); // still queued: it never left, and its Canceled answer is not the model's news
        ++m_pageNo;
        return true;
    }

    qint64 jsonBytes = 0;
    double requestMs = 0, parseMs = 0, modelMs = 0;

private:
    ApiClient *m_client;
    UserTableModel *m_model;
    qint64 m_total;
    int m_pageNo = 0;
    ApiClient::RequestId m_lastId = 0;
};

void printJson(const QJsonObject &o)
{
    std::fputs(QJsonDocument(o).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

struct OrderTiming
{
    double ms = 0;
    double maxGapMs = 0; // the longest time the GUI thread did not get back to its event loop
};

// Runs `change` and waits, in the event loop, until the proxy has applied the new order; a 1 ms timer
// on the GUI thread records how long the thread was away from its event loop meanwhile.
OrderTiming untilOrdered(UserSortFilterProxyModel &proxy, const std::function<void()> &change)
{
    QElapsedTimer clock;
    qint64 last = -1;
    double maxGap = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last >= 0)
            maxGap = std::max(maxGap, double(now - last) / 1e6);
        last = now;
    });
    QEventLoop loop;
    QObject::connect(&proxy, &UserSortFilterProxyModel::orderChanged, &loop, &QEventLoop::quit);
    clock.start();
    ticker.start();
    const qint64 before = clock.nsecsElapsed();
    change();
    maxGap = std::max(maxGap, double(clock.nsecsElapsed() - before) / 1e6);
    if (proxy.isBusy())
        loop.exec();
    OrderTiming timing;
    timing.ms = double(clock.nsecsElapsed()) / 1e6;
    timing.maxGapMs = maxGap;
    return timing;
}

int runAppend(qint64 users, bool peer)
{
    ApiClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9/public/v2"))); // never contacted
    UserTableModel model(&client);
    model.setPageSize(PerPage);
    model.setMaxPages(
        int(users / PerPage) + 10); // the guard's default cap (1,000 pages) is below a million users
    const qint64 rssBefore = rssBytes();
    const qint64 heapBefore = heapInUse();
    PageFeeder feeder(&client, &model, users);
    QElapsedTimer wall;
    wall.start();
    while (feeder.feedOne()) { }
    const double wallMs = ms(wall);
    const qint64 rssAfter = rssBytes();
    const qint64 heapAfter = heapInUse();
    if (model.rowCount() != users)
        qFatal("modelbench: %d rows instead of %lld", model.rowCount(), users);

    QJsonObject o;
    o[QStringLiteral("users")] = double(users);
    o[QStringLiteral("wall_ms")] = wallMs;
    o[QStringLiteral("model_ms")] = feeder.modelMs;
    o[QStringLiteral("request_ms")] = feeder.requestMs;
    o[QStringLiteral("parse_ms")] = feeder.parseMs;
    o[QStringLiteral("json_bytes")] = double(feeder.jsonBytes);
    o[QStringLiteral("rss_delta_bytes")] = double(rssAfter - rssBefore);
    o[QStringLiteral("bytes_per_user")] = double(rssAfter - rssBefore) / double(users);
    o[QStringLiteral("heap_bytes_per_user")] = double(heapAfter - heapBefore) / double(users);
    o[QStringLiteral("json_bytes_per_user")] = double(feeder.jsonBytes) / double(users);

    UserSortFilterProxyModel proxy; // what the window uses
    QElapsedTimer t;
    t.start();
    proxy.setSourceModel(&model);
    (void)proxy.rowCount();
    o[QStringLiteral("proxy_attach_ms")] = ms(t);
    const auto measure = [&](const QString &name, const std::function<void()> &change) {
        const OrderTiming timing = untilOrdered(proxy, change);
        o[name + QStringLiteral("_ms")] = timing.ms;
        o[name + QStringLiteral("_max_gap_ms")] = timing.maxGapMs;
    };
    measure(QStringLiteral("sort_name"), [&] { proxy.sort(UserTableModel::NameColumn, Qt::AscendingOrder); });
    measure(
        QStringLiteral("sort_email"), [&] { proxy.sort(UserTableModel::EmailColumn, Qt::DescendingOrder); });
    measure(QStringLiteral("sort_id"), [&] { proxy.sort(UserTableModel::IdColumn, Qt::AscendingOrder); });
    proxy.setFilterKeyColumn(UserTableModel::NameColumn);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    measure(QStringLiteral("filter_name"), [&] { proxy.setFilterFixedString(QStringLiteral("kapoor")); });
    o[QStringLiteral("filter_rows")] = proxy.rowCount();
    measure(QStringLiteral("unfilter"), [&] { proxy.setFilterFixedString(QString()); });

    if (peer) {
        // The peer: Qt's own QSortFilterProxyModel over the same model, reading data() for every compare,
        // as a Qt application without a custom proxy would. It sorts on the GUI thread, so its stall is
        // its whole time.
        QSortFilterProxyModel qt;
        qt.setSortCaseSensitivity(Qt::CaseInsensitive);
        qt.setFilterCaseSensitivity(Qt::CaseInsensitive);
        qt.setSourceModel(&model);
        t.restart();
        qt.sort(UserTableModel::NameColumn, Qt::AscendingOrder);
        o[QStringLiteral("peer_sort_name_ms")] = ms(t);
        qt.setFilterKeyColumn(UserTableModel::NameColumn);
        t.restart();
        qt.setFilterFixedString(QStringLiteral("kapoor"));
        o[QStringLiteral("peer_filter_name_ms")] = ms(t);
        o[QStringLiteral("peer_filter_rows")] = qt.rowCount();
    }
    o[QStringLiteral("rss_with_proxy_bytes")] = double(rssBytes());
    printJson(o);
    return 0;
}

int runStall(qint64 users, const QString &endpoint)
{
    ApiClient client;
    client.setBaseUrl(QUrl(endpoint.isEmpty() ? QStringLiteral("http://127.0.0.1:9/public/v2") : endpoint));
    UserTableModel model(&client);
    model.setPageSize(PerPage);
    model.setMaxPages(
        int(users / PerPage) + 10); // the guard's default cap (1,000 pages) is below a million users
    UserSortFilterProxyModel proxy; // what the window uses
    proxy.setSourceModel(&model);
    QTableView view;
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.sortByColumn(UserTableModel::IdColumn, Qt::DescendingOrder);
    view.resize(1200, 800);
    view.show();

    // The longest gap between ticks of a 1 ms timer is the longest time the GUI thread did not get back
    // to its event loop.
    QElapsedTimer clock;
    qint64 last = -1;
    QList<double> gaps;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last >= 0)
            gaps.append(double(now - last) / 1e6);
        last = now;
    });

    PageFeeder feeder(&client, &model, users);
    int failures = 0;
    QTimer pump;
    if (endpoint.isEmpty()) {
        // One injected page per event-loop turn.
        pump.setInterval(0);
        QObject::connect(&pump, &QTimer::timeout, [&] {
            if (!feeder.feedOne() || model.rowCount() >= users)
                QApplication::quit();
        });
        pump.start();
    } else {
        // "Load everything": the next page is asked for as soon as one lands, from the event loop.
        QObject::connect(&model, &UserTableModel::countsChanged, &model, [&](int loaded, qint64) {
            if (loaded >= users) {
                QApplication::quit();
                return;
            }
            QTimer::singleShot(0, &model, [&] {
                if (model.canFetchMore({}))
                    model.fetchMore({});
                else if (!model.isLoading())
                    QApplication::quit();
            });
        });
        QObject::connect(&model, &UserTableModel::pageLoadFailed, [&] {
            ++failures;
            QApplication::quit();
        });
        QTimer::singleShot(0, &model, [&] { model.reload(); });
    }
    clock.start();
    ticker.start();
    QApplication::exec();
    const double wallMs = ms(clock);
    ticker.stop();

    std::sort(gaps.begin(), gaps.end());
    auto pct = [&](double p) {
        return gaps.isEmpty() ? 0.0
                              : gaps.at(std::min<qsizetype>(gaps.size() - 1, qsizetype(p * gaps.size())));
    };
    QJsonObject o;
    o[QStringLiteral("source")] = endpoint.isEmpty() ? QStringLiteral("injected") : QStringLiteral("sandbox");
    o[QStringLiteral("users")] = model.rowCount();
    o[QStringLiteral("failures")] = failures;
    o[QStringLiteral("wall_ms")] = wallMs;
    o[QStringLiteral("ticks")] = int(gaps.size());
    o[QStringLiteral("max_gap_ms")] = gaps.isEmpty() ? 0.0 : gaps.last();
    o[QStringLiteral("p99_gap_ms")] = pct(0.99);
    o[QStringLiteral("p50_gap_ms")] = pct(0.5);
    o[QStringLiteral("gaps_over_16ms")]
        = int(std::count_if(gaps.cbegin(), gaps.cend(), [](double g) { return g > 16.0; }));
    printJson(o);
    return model.rowCount() == users && failures == 0 ? 0 : 1;
}

// Posts as GoRest sends them, with bodies of `BodyBytes` varied words so no two bodies share text.
constexpr int BodyBytes = 500;
const char *const Words[] = { "amet", "consequatur", "dolorem", "tempora", "vulgo", "aestivus", "cunabula",
    "adeptio", "spectaculum", "thymbra", "denuo", "uberrime", "aequitas", "ambitus", "calamitas", "vorago" };

QByteArray postsJson(qint64 firstId, int count)
{
    QByteArray json;
    json.reserve(count * (BodyBytes + 120));
    json += '[';
    for (int i = 0; i < count; ++i) {
        const qint64 id = firstId + i;
        quint64 h = quint64(id) * 0x9E3779B97F4A7C15ULL;
        const auto next = [&h] {
            h ^= h >> 31;
            h *= 0xBF58476D1CE4E5B9ULL;
            h ^= h >> 29;
            return h;
        };
        QByteArray title
            = "Post " + QByteArray::number(id) + ' ' + Words[next() % 16] + ' ' + Words[next() % 16];
        QByteArray body;
        body.reserve(BodyBytes + 16);
        while (body.size() < BodyBytes) {
            body += Words[next() % 16];
            body += ' ';
        }
        body.truncate(BodyBytes - 1);
        body += '.';
        if (i)
            json += ',';
        json += "{\"id\":" + QByteArray::number(id)
            + ",\"user_id\":" + QByteArray::number(1 + (next() % 50000)) + ",\"title\":\"" + title
            + "\",\"body\":\"" + body + "\"}";
    }
    json += ']';
    return json;
}

RecordsPage parsePostsPage(const QByteArray &json, int pageNo, qint64 total)
{
    RecordsPage page;
    page.resource = QStringLiteral("posts");
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    page.items.reserve(array.size());
    for (const QJsonValue &v : array)
        page.items.append(v.toObject());
    page.info.page = pageNo;
    page.info.perPage = PerPage;
    page.info.total = total;
    page.info.pages = int((total + PerPage - 1) / PerPage);
    page.info.source = PageInfo::Source::PaginationHeaders;
    return page;
}

// PageFeeder for a RecordTableModel: answers its listRecords requests through the client's signal.
class RecordFeeder
{
public:
    RecordFeeder(ApiClient *client, RecordTableModel *model, qint64 total)
        : m_client(client)
        , m_model(model)
        , m_total(total)
    {
    }

    bool feedOne()
    {
        const int pageNo = m_pageNo + 1;
        const qint64 firstId = 1 + m_total - qint64(pageNo) * PerPage;
        const int count = int(std::min<qint64>(PerPage, m_total - qint64(m_pageNo) * PerPage));
        if (count <= 0)
            return false;
        const QByteArray json = postsJson(std::max<qint64>(1, firstId), count);
        jsonBytes += json.size();
        if (m_pageNo == 0)
            m_model->reload();
        else if (m_model->canFetchMore({}))
            m_model->fetchMore({});
        else if (!m_model->isLoading())
            return false;
        const ApiClient::RequestId id = m_model->pageRequest();
        if (!id)
            qFatal("modelbench: the model asked for no page");
        const RecordsPage page = parsePostsPage(json, pageNo, m_total);
        QElapsedTimer t;
        t.start();
        Q_EMIT m_client->recordsPageReceived(id, page);
        modelMs += ms(t);
        m_client->cancel(id); // still queued: it never left
        ++m_pageNo;
        return true;
    }

    qint64 jsonBytes = 0;
    double modelMs = 0;

private:
    ApiClient *m_client;
    RecordTableModel *m_model;
    qint64 m_total;
    int m_pageNo = 0;
};

int runRecords(qint64 posts, qint64 stallPosts, bool plainView)
{
    QJsonObject o;
    {
        ApiClient client;
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9/public/v2"))); // never contacted
        RecordTableModel model(&client, ResourceSchema::posts());
        model.setPageSize(PerPage);
        model.setMaxPages(int(posts / PerPage) + 10);
        const qint64 rssBefore = rssBytes();
        RecordFeeder feeder(&client, &model, posts);
        QElapsedTimer wall;
        wall.start();
        while (feeder.feedOne()) { }
        const double wallMs = ms(wall);
        const qint64 rssAfter = rssBytes();
        if (model.rowCount() != posts)
            qFatal("modelbench: %d rows instead of %lld", model.rowCount(), posts);
        o[QStringLiteral("posts")] = double(posts);
        o[QStringLiteral("wall_ms")] = wallMs;
        o[QStringLiteral("model_ms")] = feeder.modelMs;
        o[QStringLiteral("json_bytes")] = double(feeder.jsonBytes);
        o[QStringLiteral("rss_delta_bytes")] = double(rssAfter - rssBefore);
        o[QStringLiteral("rss_per_json_byte")] = double(rssAfter - rssBefore) / double(feeder.jsonBytes);
        o[QStringLiteral("bytes_per_post")] = double(rssAfter - rssBefore) / double(posts);
        o[QStringLiteral("json_bytes_per_post")] = double(feeder.jsonBytes) / double(posts);
    }

    ApiClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9/public/v2")));
    // The window's posts tab: its pane, view settings, proxy and status line; or, with --plain-view, a
    // QTableView with Qt's defaults (word wrap, row numbers) over the same proxy, as measured before.
    std::unique_ptr<RecordTableModel> plainModel;
    std::unique_ptr<RecordSortProxyModel> plainProxy;
    std::unique_ptr<QWidget> shown;
    RecordTableModel *model = nullptr;
    QTableView *view = nullptr;
    if (plainView) {
        plainModel = std::make_unique<RecordTableModel>(&client, ResourceSchema::posts());
        plainProxy = std::make_unique<RecordSortProxyModel>();
        plainProxy->setSourceModel(plainModel.get());
        auto *table = new QTableView;
        table->setModel(plainProxy.get());
        shown.reset(table);
        model = plainModel.get();
        view = table;
    } else {
        auto *pane = new RecordListPane(ResourceSchema::posts(), RecordListPane::Scope::All);
        pane->setClient(&client); // not online: the driver asks for the pages
        shown.reset(pane);
        model = pane->model();
        view = pane->findChild<QTableView *>();
    }
    model->setPageSize(PerPage);
    model->setMaxPages(int(stallPosts / PerPage) + 10);
    view->setSortingEnabled(true);
    view->sortByColumn(0, Qt::DescendingOrder);
    shown->resize(1200, 800);
    shown->show();
    QElapsedTimer clock;
    qint64 last = -1;
    qint64 lastCpu = -1;
    QList<double> gaps;
    // The GUI thread's own CPU time in each gap: what the gap would be on a core of its own, apart from
    // the waits for a CPU that a loaded machine adds to the wall-clock gap.
    QList<double> cpuGaps;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        const qint64 cpu = threadCpuNs();
        if (last >= 0) {
            gaps.append(double(now - last) / 1e6);
            cpuGaps.append(double(cpu - lastCpu) / 1e6);
        }
        last = now;
        lastCpu = cpu;
    });
    RecordFeeder feeder(&client, model, stallPosts);
    QTimer pump;
    pump.setInterval(0);
    QObject::connect(&pump, &QTimer::timeout, [&] {
        if (!feeder.feedOne() || model->rowCount() >= stallPosts)
            QApplication::quit();
    });
    pump.start();
    clock.start();
    ticker.start();
    QApplication::exec();
    const double wallMs = ms(clock);
    ticker.stop();
    std::sort(gaps.begin(), gaps.end());
    o[QStringLiteral("view")] = plainView ? QStringLiteral("plain") : QStringLiteral("pane");
    o[QStringLiteral("stall_posts")] = model->rowCount();
    o[QStringLiteral("stall_wall_ms")] = wallMs;
    o[QStringLiteral("max_gap_ms")] = gaps.isEmpty() ? 0.0 : gaps.last();
    o[QStringLiteral("median_gap_ms")] = gaps.isEmpty() ? 0.0 : gaps.at(gaps.size() / 2);
    o[QStringLiteral("p99_gap_ms")]
        = gaps.isEmpty() ? 0.0 : gaps.at(std::min<qsizetype>(gaps.size() - 1, qsizetype(0.99 * gaps.size())));
    o[QStringLiteral("gaps_over_16ms")]
        = int(std::count_if(gaps.cbegin(), gaps.cend(), [](double g) { return g > 16.0; }));
    std::sort(cpuGaps.begin(), cpuGaps.end());
    o[QStringLiteral("max_gap_cpu_ms")] = cpuGaps.isEmpty() ? 0.0 : cpuGaps.last();
    o[QStringLiteral("median_gap_cpu_ms")] = cpuGaps.isEmpty() ? 0.0 : cpuGaps.at(cpuGaps.size() / 2);
    o[QStringLiteral("p99_gap_cpu_ms")] = cpuGaps.isEmpty()
        ? 0.0
        : cpuGaps.at(std::min<qsizetype>(cpuGaps.size() - 1, qsizetype(0.99 * cpuGaps.size())));
    o[QStringLiteral("gaps_over_16ms_cpu")]
        = int(std::count_if(cpuGaps.cbegin(), cpuGaps.cend(), [](double g) { return g > 16.0; }));
    o[QStringLiteral("loadavg_1min")] = loadAverage();
    printJson(o);
    return model->rowCount() == stallPosts ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("append, stall or records"));
    p.addOptions({ { QStringLiteral("users"), QStringLiteral("Users in all."), QStringLiteral("n"),
                       QStringLiteral("1000000") },
        { QStringLiteral("endpoint"), QStringLiteral("stall: load from this sandbox instead of injecting."),
            QStringLiteral("url") },
        { QStringLiteral("no-peer"), QStringLiteral("append: skip QSortFilterProxyModel, the peer.") },
        { QStringLiteral("posts"), QStringLiteral("records: posts in all."), QStringLiteral("n"),
            QStringLiteral("1000000") },
        { QStringLiteral("stall-posts"), QStringLiteral("records: posts arriving while stalls are timed."),
            QStringLiteral("n"), QStringLiteral("100000") },
        { QStringLiteral("plain-view"),
            QStringLiteral("records: time a QTableView with Qt's defaults, not the window's posts tab.") } });
    p.process(app);
    const QStringList args = p.positionalArguments();
    const qint64 users = p.value(QStringLiteral("users")).toLongLong();
    if (args.value(0) == QLatin1String("append"))
        return runAppend(users, !p.isSet(QStringLiteral("no-peer")));
    if (args.value(0) == QLatin1String("records"))
        return runRecords(p.value(QStringLiteral("posts")).toLongLong(),
            p.value(QStringLiteral("stall-posts")).toLongLong(), p.isSet(QStringLiteral("plain-view")));
    if (args.value(0) == QLatin1String("stall"))
        return runStall(users, p.value(QStringLiteral("endpoint")));
    p.showHelp(2);
}
