// What a screen reader and a keyboard get: the whole window, every dialog its menus open (the export's
// scope question, the guide and the shortcuts too), each record tab (posts, comments, todos) and the record
// dialog with its form, walked through QAccessible as AT-SPI walks them, have no focusable control without
// a name; the users table
// exposes its headers and cells; Tab goes round the panes and focus comes back after a dialog; text reads
// (WCAG contrast 4.5) under the dark palette and high-contrast ones.
#include "certificatedialog.h"
#include "mainwindow.h"
#include "palettecolors.h"
#include "profilestore.h"
#include "recorddialog.h"
#include "recordlistpane.h"
#include "recordtablemodel.h"
#include "resourcebrowser.h"
#include "tokenstore.h"
#include "usertablemodel.h"

#include <QAbstractItemView>
#include <QAccessible>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QMenuBar>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

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

// A window on the embedded sandbox, in a throwaway folder, with its first page loaded.
struct WindowUnderTest
{
    QTemporaryDir dir;
    std::unique_ptr<ProfileStore> store;
    std::unique_ptr<TokenStore> tokens;
    std::unique_ptr<MainWindow> window;

    bool open()
    {
        store = std::make_unique<ProfileStore>(dir.filePath(QStringLiteral("settings.ini")));
        store->ensureDefaultProfile();
        tokens = std::make_unique<TokenStore>(TokenStore::KeychainUse::Disabled, dir.path());
        tokens->setFallback(TokenStore::Backend::SessionOnly);
        MainWindow::Options options;
        options.dataDirectory = dir.filePath(QStringLiteral("data"));
        options.sandboxSeedUsers = 50;
        window = std::make_unique<MainWindow>(store.get(), tokens.get(), options);
        window->show();
        return QTest::qWaitForWindowExposed(window.get())
            && QTest::qWaitFor([this] { return window->userModel()->rowCount() > 0; }, 30000);
    }
};

// Calls `open`, waits for the dialog it opens (modal or not), walks it, and closes it with reject().
// Returns the dialog's class name (and object name, when it has one), empty when none opened.
QString walkDialogOpenedBy(const QString &what, const std::function<void()> &open, QStringList *nameless)
{
    QSet<QWidget *> visibleBefore;
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->isVisible())
            visibleBefore.insert(w);
    QString found;
    QTimer poll;
    poll.setInterval(50);
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&poll, &QTimer::timeout, [&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *dialog = qobject_cast<QDialog *>(w);
            if (!dialog || !dialog->isVisible() || visibleBefore.contains(w))
                continue;
            poll.stop();
            found = QString::fromLatin1(dialog->metaObject()->className());
            if (!dialog->objectName().isEmpty())
                found += QLatin1Char('#') + dialog->objectName();
            walk(QAccessible::queryAccessibleInterface(dialog), what + QLatin1Char(':') + found, nameless);
            dialog->reject();
            return;
        }
        if (clock.elapsed() > 3000)
            poll.stop();
    });
    poll.start();
    open(); // a modal dialog's exec() turns the event loop the poll runs in
    if (!QTest::qWaitFor([&poll] { return !poll.isActive(); }, 5000))
        return QString();
    return found;
}

QString walkDialogOf(QAction *action, QStringList *nameless)
{
    return walkDialogOpenedBy(
        action->objectName(), [action] { action->trigger(); }, nameless);
}

// A high-contrast palette as desktops offer them: pure text on pure background, a strong highlight.
QPalette highContrast(bool dark)
{
    const QColor fg = dark ? Qt::white : Qt::black;
    const QColor bg = dark ? Qt::black : Qt::white;
    QPalette p(fg, bg, bg, bg, bg, fg, fg, bg, bg);
    p.setColor(QPalette::Highlight, dark ? QColor(0xff, 0xff, 0x00) : QColor(0x00, 0x00, 0x80));
    p.setColor(QPalette::HighlightedText, dark ? Qt::black : Qt::white);
    p.setColor(QPalette::ToolTipBase, bg);
    p.setColor(QPalette::ToolTipText, fg);
    p.setColor(QPalette::Link, dark ? QColor(0x00, 0xff, 0xff) : QColor(0x00, 0x00, 0xee));
    p.setColor(QPalette::AlternateBase, bg);
    return p;
}
} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyDialogOfTheMenusHasNamedControls()
    {
        WindowUnderTest w;
        QVERIFY(w.open());
        auto *table = w.window->findChild<QAbstractItemView *>(QStringLiteral("userTable"));
        QVERIFY(table);
        table->setFocus();
        // Edit and Delete need a user, Bulk Edit two.
        auto selectUsers = [&](int count) {
            table->selectionModel()->setCurrentIndex(
                table->model()->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            for (int row = 1; row < count; ++row)
                table->selectionModel()->select(
                    table->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        };
        QStringList nameless;
        QStringList opened;
        QStringList skippedActions;
        for (QAction *menu : w.window->menuBar()->actions()) {
            if (!menu->menu())
                continue;
            for (QAction *action : menu->menu()->actions()) {
                // A dialog's action ends in "…" (and About, the guide and the shortcuts open one); the
                // rest act at once.
                static const QStringList windowsOfHelp { QStringLiteral("actionAbout"),
                    QStringLiteral("actionGuide"), QStringLiteral("actionShortcuts") };
                const bool opensDialog
                    = action->text().endsWith(QChar(0x2026)) || windowsOfHelp.contains(action->objectName());
                if (!opensDialog || action->isSeparator() || action->isCheckable()) {
                    skippedActions.append(action->objectName());
                    continue;
                }
                selectUsers(action->objectName() == QLatin1String("actionBulkEdit") ? 2 : 1);
                QVERIFY2(action->isEnabled(), qPrintable(action->objectName()));
                const QString dialog = walkDialogOf(action, &nameless);
                QVERIFY2(!dialog.isEmpty(),
                    qPrintable(action->objectName() + QStringLiteral(" opened no dialog")));
                opened.append(action->objectName() + QLatin1Char('=') + dialog);
            }
        }
        QVERIFY2(opened.size() >= 8, qPrintable(opened.join(QLatin1Char(' '))));
        // Export with a user selected asks which users first: that question is walked, not a file dialog.
        for (const QString &name : { QStringLiteral("actionGuide"), QStringLiteral("actionShortcuts") })
            QVERIFY2(std::any_of(opened.cbegin(), opened.cend(),
                         [&name](const QString &o) { return o.startsWith(name + QLatin1Char('=')); }),
                qPrintable(name + QStringLiteral(" was not walked: ") + opened.join(QLatin1Char(' '))));
        QVERIFY2(opened.filter(QStringLiteral("exportScopeQuestion")).size() == 2,
            qPrintable(opened.join(QLatin1Char(' '))));
        // The certificate dialog opens on a TLS error, not from a menu.
        CertificateInfo certificate;
        certificate.subject = QStringLiteral("CN=self-signed.test");
        certificate.issuer = certificate.subject;
        certificate.sha256Fingerprint = QString(64, QLatin1Char('a'));
        certificate.errors = { QStringLiteral("The certificate is self-signed, and untrusted") };
        CertificateDialog certificateDialog(certificate, QStringLiteral("Local sandbox"), w.window.get());
        certificateDialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&certificateDialog));
        walk(QAccessible::queryAccessibleInterface(&certificateDialog), QStringLiteral("CertificateDialog"),
            &nameless);
        certificateDialog.reject();
        QVERIFY2(nameless.isEmpty(),
            qPrintable(QStringLiteral("focusable and nameless:\n") + nameless.join(QLatin1Char('\n'))));
    }

    // The posts, comments and todos tabs, and the record dialog (its form) each opens for a new and for a
    // loaded record, with the same checks as the window and the menus' dialogs.
    void everyRecordTabAndItsDialogsHaveNamedControls()
    {
        WindowUnderTest w;
        QVERIFY(w.open());
        auto *browser = w.window->findChild<ResourceBrowser *>();
        QVERIFY(browser);
        QStringList nameless;
        QStringList opened;
        const QStringList resources { QStringLiteral("posts"), QStringLiteral("comments"),
            QStringLiteral("todos") };
        for (const QString &resource : resources) {
            RecordListPane *pane = browser->pane(resource);
            QVERIFY2(pane, qPrintable(resource));
            browser->tabBar()->setCurrentIndex(int(resources.indexOf(resource)) + 1);
            QTRY_VERIFY_WITH_TIMEOUT(pane->isVisible() && pane->model()->rowCount() > 0, 30000);
            walk(QAccessible::queryAccessibleInterface(w.window.get()), resource, &nameless);

            const QString created = walkDialogOpenedBy(
                resource + QStringLiteral(":new"), [pane] { pane->newRecord(); }, &nameless);
            QVERIFY2(created.startsWith(QLatin1String("UserDesk::RecordDialog")),
                qPrintable(resource + QStringLiteral(": new opened ") + created));
            auto *view = pane->findChild<QAbstractItemView *>(resource + QStringLiteral("View"));
            QVERIFY(view);
            view->selectionModel()->setCurrentIndex(
                view->model()->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            const QString edited = walkDialogOpenedBy(
                resource + QStringLiteral(":edit"), [pane] { pane->editCurrent(); }, &nameless);
            QVERIFY2(edited.startsWith(QLatin1String("UserDesk::RecordDialog")),
                qPrintable(resource + QStringLiteral(": edit opened ") + edited));
            opened << created << edited;
        }
        QCOMPARE(opened.size(), 6);
        QVERIFY2(nameless.isEmpty(),
            qPrintable(QStringLiteral("focusable and nameless:\n") + nameless.join(QLatin1Char('\n'))));
    }

    void tabGoesRoundThePanesAndFocusComesBackAfterADialog()
    {
        WindowUnderTest w;
        QVERIFY(w.open());
        w.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.window.get()));
        auto *table = w.window->findChild<QAbstractItemView *>(QStringLiteral("userTable"));
        auto *log = w.window->findChild<QAbstractItemView *>(QStringLiteral("logTable"));
        QVERIFY(table && log);
        table->setFocus(Qt::OtherFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), table);
        // Tab leaves the table (no dead end inside its cells), reaches the request log, and comes back.
        QStringList path;
        bool reachedLog = false;
        bool back = false;
        for (int i = 0; i < 80 && !back; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *focus = QApplication::focusWidget();
            QVERIFY(focus);
            path.append(focus->objectName().isEmpty() ? QString::fromLatin1(focus->metaObject()->className())
                                                      : focus->objectName());
            reachedLog = reachedLog || focus == log;
            back = focus == table;
        }
        QVERIFY2(reachedLog && back, qPrintable(path.join(QStringLiteral(" > "))));
        QVERIFY2(path.size() > 3, qPrintable(path.join(QStringLiteral(" > "))));

        // After a dialog closes, the table has the focus again.
        table->setFocus(Qt::OtherFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), table);
        auto *preferences = w.window->findChild<QAction *>(QStringLiteral("actionPreferences"));
        QStringList nameless;
        // (The window's own focus child: the offscreen platform does not hand activation back the way a
        // window manager does when a dialog closes.)
        QVERIFY(!walkDialogOf(preferences, &nameless).isEmpty());
        QTRY_COMPARE(w.window->focusWidget(), table);
        auto *about = w.window->findChild<QAction *>(QStringLiteral("actionAbout"));
        QVERIFY(!walkDialogOf(about, &nameless).isEmpty());
        QTRY_COMPARE(w.window->focusWidget(), table);
    }

    void textReadsUnderDarkAndHighContrastPalettes_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("dark") << PaletteColors::dark();
        QTest::newRow("high contrast, dark") << highContrast(true);
        QTest::newRow("high contrast, light") << highContrast(false);
    }

    void textReadsUnderDarkAndHighContrastPalettes()
    {
        QFETCH(QPalette, palette);
        QStringList unreadable;
        auto check = [&](const QString &what, const QColor &fg, const QColor &bg) {
            const qreal ratio = PaletteColors::contrast(fg, bg);
            if (ratio < 4.5)
                unreadable.append(QStringLiteral("%1: %2 on %3 is %4:1")
                                      .arg(what, fg.name(), bg.name())
                                      .arg(ratio, 0, 'f', 2));
        };
        const QList<std::pair<QPalette::ColorRole, QPalette::ColorRole>> pairs { { QPalette::WindowText,
                                                                                     QPalette::Window },
            { QPalette::Text, QPalette::Base }, { QPalette::Text, QPalette::AlternateBase },
            { QPalette::ButtonText, QPalette::Button }, { QPalette::HighlightedText, QPalette::Highlight },
            { QPalette::ToolTipText, QPalette::ToolTipBase }, { QPalette::Link, QPalette::Base } };
        for (const auto &[fg, bg] : pairs)
            check(QStringLiteral("palette %1 on %2").arg(fg).arg(bg), palette.color(fg), palette.color(bg));
        // The colours UserDesk derives from the palette: errors, warnings, JSON in the log and the detail
        // pane.
        using Role = PaletteColors::Role;
        for (Role role : { Role::Error, Role::Warning, Role::Success, Role::JsonKey, Role::JsonString,
                 Role::JsonNumber, Role::JsonLiteral }) {
            check(QStringLiteral("role %1 on base").arg(int(role)), PaletteColors::text(palette, role),
                palette.color(QPalette::Base));
            check(QStringLiteral("role %1 on window").arg(int(role)),
                PaletteColors::text(palette, role, true), palette.color(QPalette::Window));
        }
        check(QStringLiteral("the error banner"), palette.color(QPalette::WindowText),
            PaletteColors::errorBackground(palette));

        // And the window's own labels under it, as they are drawn.
        QApplication::setPalette(palette);
        {
            WindowUnderTest w;
            QVERIFY(w.open());
            for (QLabel *label : w.window->findChildren<QLabel *>()) {
                if (!label->isVisible() || label->text().isEmpty())
                    continue;
                QWidget *back = label;
                while (back->parentWidget() && !back->autoFillBackground())
                    back = back->parentWidget();
                check(QStringLiteral("label %1").arg(label->objectName()),
                    label->palette().color(label->foregroundRole()),
                    back->palette().color(back->backgroundRole()));
            }
        }
        QApplication::setPalette(QPalette());
        QVERIFY2(unreadable.isEmpty(), qPrintable(unreadable.join(QLatin1Char('\n'))));
    }

    void everyFocusableControlHasAName()
    {
        WindowUnderTest w;
        QVERIFY(w.open());
        MainWindow &window = *w.window;

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
