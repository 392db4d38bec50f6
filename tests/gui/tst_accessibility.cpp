// What a screen reader gets: the whole window, walked through QAccessible as AT-SPI walks it, has no
// focusable control without a name, and the users table exposes its headers and cells.
#include "mainwindow.h"
#include "profilestore.h"
#include "tokenstore.h"
#include "usertablemodel.h"

#include <QAccessible>
#include <QApplication>
#include <QTemporaryDir>
#include <QTest>

using namespace UserDesk;

namespace {
// Entries of a list or cells of a table are named by their text; a focusable control needs its own name.
bool namedByContent(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::ListItem:
    case QAccessible::Cell:
    case QAccessible::Row:
    case QAccessible::RowHeader:
    case QAccessible::ColumnHeader:
    case QAccessible::TreeItem:
    case QAccessible::PageTab:
    case QAccessible::MenuItem:
        return true;
    default:
        return false;
    }
}

void walk(QAccessibleInterface *node, const QString &path, QStringList *nameless, int depth = 0)
{
    if (!node || depth > 40)
        return;
    const QAccessible::State state = node->state();
    const QString name = node->text(QAccessible::Name).trimmed();
    const QString here = path + QLatin1Char('/') + QString::number(node->role(), 16)
        + (node->object() ? QLatin1Char(':') + node->object()->objectName() : QString());
    if (state.focusable && !state.invisible && name.isEmpty() && !namedByContent(node->role()))
        nameless->append(here);
    // Rows of a table are named by their cells; walking a thousand of them adds nothing.
    const int children = std::min(node->childCount(), node->role() == QAccessible::Table ? 12 : 200);
    for (int i = 0; i < children; ++i)
        walk(node->child(i), here, nameless, depth + 1);
}
} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFocusableControlHasAName()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("settings.ini")));
        store.ensureDefaultProfile();
        TokenStore tokens(TokenStore::KeychainUse::Disabled, dir.path());
        tokens.setFallback(TokenStore::Backend::SessionOnly);
        MainWindow::Options options;
        options.dataDirectory = dir.filePath(QStringLiteral("data"));
        options.sandboxSeedUsers = 50;
        MainWindow window(&store, &tokens, options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.userModel()->rowCount() > 0, 30000);

        QAccessibleInterface *root = QAccessible::queryAccessibleInterface(&window);
        QVERIFY(root);
        QStringList nameless;
        walk(root, QStringLiteral("window"), &nameless);
        QVERIFY2(nameless.isEmpty(),
            qPrintable(QStringLiteral("focusable and nameless:\n") + nameless.join(QLatin1Char('\n'))));

        // The users table: its headers and cells, as the rows the tests read.
        QAccessibleInterface *table = nullptr;
        std::function<void(QAccessibleInterface *)> find = [&](QAccessibleInterface *n) {
            if (!n || table)
                return;
            if (n->role() == QAccessible::Table && n->object()
                && n->object()->objectName() == QLatin1String("userTable"))
                table = n;
            for (int i = 0; i < n->childCount() && !table; ++i)
                find(n->child(i));
        };
        find(root);
        QVERIFY(table && table->tableInterface());
        QAccessibleTableInterface *cells = table->tableInterface();
        QCOMPARE(cells->columnCount(), int(UserTableModel::ColumnCount));
        QVERIFY(cells->rowCount() > 0);
        QCOMPARE(cells->columnDescription(UserTableModel::NameColumn), QStringLiteral("Name"));
        QAccessibleInterface *cell = cells->cellAt(0, UserTableModel::EmailColumn);
        QVERIFY(cell);
        QCOMPARE(cell->text(QAccessible::Name),
            window.userModel()->index(0, UserTableModel::EmailColumn).data().toString());
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
