#include "apiclient.h"
#include "dialect.h"
#include "jsonserverfixture.h"
#include "mainwindow.h"
#include "profilestore.h"
#include "requestlog.h"
#include "resourceid.h"
#include "tokenstore.h"
#include "usertablemodel.h"

#include <QLabel>
#include <QScrollBar>
#include <QSet>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace UserDesk;

namespace {
constexpr int Timeout = 60000;
constexpr int ServerUsers = 120; // six pages of the window's 20
} // namespace

// Issue 11, opaque ids: the real window on a profile whose endpoint is json-server 0.17 (number ids, paged
// by _page/_limit) or 1.x (string ids, paged by _page/_per_page) pages through every user by scrolling,
// shows exactly the server's users, and asks for no page in a loop. Nothing is set beyond the endpoint.
class TestOpaqueIds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void windowPagesThroughJsonServer_data();
    void windowPagesThroughJsonServer();
};

void TestOpaqueIds::windowPagesThroughJsonServer_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("json-server 0.17") << int(JsonServerFixture::Version::V0_17);
    QTest::newRow("json-server 1.x") << int(JsonServerFixture::Version::V1);
}

void TestOpaqueIds::windowPagesThroughJsonServer()
{
    QFETCH(int, version);
    const auto v = JsonServerFixture::Version(version);
    const bool stringIds = v == JsonServerFixture::Version::V1;
    JsonServerFixture server(v);
    QVERIFY2(
        server.start(JsonServerFixture::users(ServerUsers, stringIds)), qPrintable(server.errorString()));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ProfileStore store(dir.filePath(QStringLiteral("settings.ini")));
    store.ensureDefaultProfile();
    const QString name = QStringLiteral("json-server");
    QVERIFY(store.saveProfile(Profile(name, server.baseUrl())));
    store.setCurrentProfileName(name);
    TokenStore tokens(TokenStore::KeychainUse::Disabled, dir.path());
    tokens.setFallback(TokenStore::Backend::SessionOnly);
    MainWindow::Options options;
    options.dataDirectory = dir.filePath(QStringLiteral("data"));
    MainWindow window(&store, &tokens, options);
    window.resize(1200, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.currentProfileName(), name);
    QTRY_VERIFY_WITH_TIMEOUT(window.isConnected(), Timeout);

    // Scroll to the end as a person would, until the server's list has ended.
    auto *table = window.findChild<QTableView *>(QStringLiteral("userTable"));
    QVERIFY(table);
    UserTableModel *model = window.userModel();
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < Timeout
        && !(model->rowCount() > 0 && !model->isLoading() && !model->canFetchMore({}))) {
        table->scrollToBottom();
        table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum());
        QTest::qWait(50);
    }
    QVERIFY2(!model->isLoading() && !model->canFetchMore({}), "the window never reached the end of the list");
    QTest::qWait(300); // a loop would go on asking meanwhile

    // Page by page in the server's own paging parameters, each page once: no loop, no all-in-one list.
    const RequestLog *log = window.client()->requestLog();
    QList<int> pages;
    int probes = 0;
    for (int i = 0; i < log->size(); ++i) {
        const QUrl url = log->at(i).url;
        if (!url.path().endsWith(QLatin1String("/users")))
            continue;
        const QUrlQuery query(url);
        if (query == Dialect::probeQuery()) {
            ++probes; // the window asks once how the server pages, before its first page
            continue;
        }
        const QString page = query.queryItemValue(QStringLiteral("_page"));
        if (!page.isEmpty())
            pages.append(page.toInt());
    }
    QCOMPARE(probes, 1);
    std::sort(pages.begin(), pages.end());
    const int lastPage = ServerUsers / model->pageSize();
    QVERIFY2(
        pages.size() >= lastPage && pages.size() <= lastPage + 1, qPrintable(QString::number(pages.size())));
    for (int p = 1; p <= lastPage; ++p)
        QCOMPARE(pages.at(p - 1), p);
    QCOMPARE(QSet<int>(pages.begin(), pages.end()).size(), pages.size());

    // Exactly the server's users, each once, their ids as the server sent them.
    QCOMPARE(model->rowCount(), ServerUsers);
    QSet<QString> ids;
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto id = model->index(row, UserTableModel::IdColumn)
                            .data(UserTableModel::UserIdRole)
                            .value<ResourceId>();
        QCOMPARE(id.isText(), stringIds);
        ids.insert(id.toString());
        QCOMPARE(model->userAt(row).name, QStringLiteral("Real Server %1").arg(id.toString()));
    }
    QCOMPARE(ids.size(), ServerUsers);
    for (int n = 1; n <= ServerUsers; ++n)
        QVERIFY2(ids.contains(QString::number(n)), qPrintable(QString::number(n)));
    QVERIFY2(model->pagingStopReason().isEmpty(), qPrintable(model->pagingStopReason()));
}

QTEST_MAIN(TestOpaqueIds)
#include "tst_opaqueids.moc"
