#include "bulkeditdialog.h"
#include "importdialog.h"
#include "jobsflow.h"
#include "mainwindow.h"
#include "palettecolors.h"
#include "profilestore.h"
#include "requesthistory.h"
#include "requestlogwidget.h"
#include "sandboxhost.h"
#include "secretmemory.h"
#include "tokenstore.h"
#include "translations.h"
#include "userdeletion.h"
#include "usersortfilterproxymodel.h"
#include "usertablemodel.h"
#include "usertableview.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QIcon>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTextStream>
#include <functional>
#include <memory>

#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

using namespace UserDesk;

namespace {
// Milliseconds since the kernel started this process (Linux), so start-up time includes loading the
// libraries; elsewhere, since main() began.
qint64 processAgeMs()
{
    static QElapsedTimer sinceMain = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
#ifdef Q_OS_LINUX
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (stat.open(QIODevice::ReadOnly) && uptime.open(QIODevice::ReadOnly)) {
        const QByteArray s = stat.readAll();
        // Field 22 (starttime, in clock ticks since boot) counts from after the ")" that ends the name.
        const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
        const double startTicks = fields.value(19).toDouble();
        const double upSeconds = uptime.readAll().split(' ').value(0).toDouble();
        const long ticksPerSecond = sysconf(_SC_CLK_TCK);
        if (startTicks > 0 && ticksPerSecond > 0)
            return qint64((upSeconds - startTicks / double(ticksPerSecond)) * 1000.0);
    }
#endif
    return sinceMain.elapsed();
}

// For tests only (tst_jobswindow kills the app in a grace period or in the middle of a job). Once `count`
// users are listed, the built-in sandbox answers `latencyMs` milliseconds late from then on, with the faults
// of USERDESK_TEST_SANDBOX_FAULTS (JSON, as the sandbox's admin API takes them) on top, and `start` is
// called with the first `count` users listed.
void whenUsersListed(
    MainWindow *window, int count, int latencyMs, const std::function<void(const QList<User> &)> &start)
{
    UserTableModel *model = window->userModel();
    auto started = std::make_shared<bool>(false);
    QObject::connect(model, &UserTableModel::countsChanged, window, [=] {
        if (*started || count <= 0 || model->rowCount() < count)
            return;
        *started = true;
        SandboxFaults faults;
        faults.latencyMs = latencyMs;
        if (const QByteArray more = qgetenv("USERDESK_TEST_SANDBOX_FAULTS"); !more.isEmpty()) {
            QString error;
            if (const auto read
                = SandboxFaults::fromJson(QJsonDocument::fromJson(more).object(), faults, &error))
                faults = *read;
            else
                QTextStream(stderr) << "USERDESK_TEST_SANDBOX_FAULTS: " << error << Qt::endl;
        }
        if (!(faults == SandboxFaults()) && window->sandbox())
            window->sandbox()->setFaults(faults);
        QList<User> users;
        for (int i = 0; i < count; ++i)
            users << model->userAt(i);
        start(users);
    });
}

// USERDESK_TEST_BULK_DELETE=N[:MS[:GRACE]] deletes the first N users listed, without asking, the way a
// confirmed delete goes: held for GRACE milliseconds (default 0), then a journaled bulk job. It prints
// "held N" on standard output when the delete is held.
void startTestBulkDelete(MainWindow *window, const QString &hook)
{
    const int graceMs = hook.section(QLatin1Char(':'), 2, 2).toInt();
    whenUsersListed(window, hook.section(QLatin1Char(':'), 0, 0).toInt(),
        hook.section(QLatin1Char(':'), 1, 1).toInt(), [=](const QList<User> &users) {
            auto *deletion = window->findChild<UserDeletion *>();
            deletion->setGraceMs(graceMs);
            deletion->holdDelete(users);
            QTextStream(stdout) << "held " << users.size() << Qt::endl;
        });
}

// USERDESK_TEST_IMPORT=RESOURCE:MS:FILE imports FILE from File > Import... once users are listed, with
// RESOURCE chosen and, for posts and todos, the first user listed as the one every row goes under.
void startTestImport(MainWindow *window, const QString &hook)
{
    const QString resource = hook.section(QLatin1Char(':'), 0, 0);
    const QString file = hook.section(QLatin1Char(':'), 2);
    whenUsersListed(window, 1, hook.section(QLatin1Char(':'), 1, 1).toInt(), [=](const QList<User> &users) {
        window->findChild<JobsFlow *>()->importAction()->trigger();
        auto *dialog = window->findChild<ImportDialog *>(QStringLiteral("importDialog"));
        if (auto *chooser = dialog->findChild<QFileDialog *>(QStringLiteral("importFileDialog")))
            chooser->reject();
        dialog->setResource(resource);
        if (resource == QLatin1String("posts") || resource == QLatin1String("todos"))
            dialog->setParentId(users.first().id.toString());
        if (!dialog->loadFile(file))
            QTextStream(stderr) << dialog->summary() << Qt::endl;
        dialog->startImport();
    });
}

// USERDESK_TEST_BULK_EDIT=N:MS:FIELD:VALUE selects the first N users listed and sets FIELD to VALUE on
// them from Users > Bulk Edit...
void startTestBulkEdit(MainWindow *window, const QString &hook)
{
    const QString field = hook.section(QLatin1Char(':'), 2, 2);
    const QString value = hook.section(QLatin1Char(':'), 3);
    whenUsersListed(window, hook.section(QLatin1Char(':'), 0, 0).toInt(),
        hook.section(QLatin1Char(':'), 1, 1).toInt(), [=](const QList<User> &users) {
            auto *table = window->findChild<UserTableView *>();
            table->selectionModel()->clearSelection();
            for (int row = 0; row < users.size(); ++row)
                table->selectionModel()->select(
                    table->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
            auto *flow = window->findChild<JobsFlow *>();
            flow->updateActions();
            flow->bulkEditAction()->trigger();
            auto *dialog = window->findChild<BulkEditDialog *>(QStringLiteral("bulkEditDialog"));
            dialog->setChange(field, value);
            dialog->accept();
        });
}
} // namespace

int main(int argc, char *argv[])
{
    keepSecretsOutOfCoreDumps();
    // --help and --version must answer in a terminal with no display: Qt aborts without a platform.
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" || arg == "--version") {
            if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            break;
        }
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("UserDesk"));
    QApplication::setOrganizationName(QStringLiteral("UserDesk"));
    QApplication::setApplicationVersion(QStringLiteral(USERDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(USERDESK_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/userdesk.svg")));
    UserDesk::Translations::install(&app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Desktop client for GoRest-style users APIs."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(QStringLiteral("profile"),
        QApplication::translate("main", "Start with the profile NAME."), QStringLiteral("NAME"));
    const QCommandLineOption settingsOption(QStringLiteral("settings"),
        QApplication::translate("main", "Read and write settings in PATH."), QStringLiteral("PATH"));
    const QCommandLineOption dataOption(QStringLiteral("data-dir"),
        QApplication::translate("main", "Keep the built-in sandbox's data in PATH."), QStringLiteral("PATH"));
    // For bench/run: print how long after process start the first page of users was on screen, then quit.
    const QCommandLineOption startupOption(QStringLiteral("benchmark-startup"),
        QApplication::translate("main",
            "Quit once the first page is shown, "
            "printing the time it took."));
    const QCommandLineOption darkOption(QStringLiteral("dark"),
        QApplication::translate(
            "main", "Use the Fusion style with a dark palette (for desktops that give Qt none)."));
    parser.addOptions({ profileOption, settingsOption, dataOption, startupOption, darkOption });
    parser.process(app);
    if (parser.isSet(darkOption)) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(PaletteColors::dark());
    }

    ProfileStore store(
        parser.isSet(settingsOption) ? parser.value(settingsOption) : ProfileStore::defaultSettingsPath());
    store.ensureDefaultProfile();
    // The language chosen in Preferences; the command line's help above could only follow the system.
    if (const QString language = store.language(); !language.isEmpty())
        UserDesk::Translations::install(&app, language);
    if (parser.isSet(profileOption)) {
        const QString name = parser.value(profileOption);
        if (!store.contains(name)) {
            QTextStream(stderr)
                << QApplication::translate("main", "userdesk: no profile named \"%1\"").arg(name) << Qt::endl;
            return 2;
        }
        store.setCurrentProfileName(name);
    }

    TokenStore tokens;
    MainWindow::Options options;
    options.dataDirectory = parser.isSet(dataOption)
        ? parser.value(dataOption)
        : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    MainWindow window(&store, &tokens, options);
    // The request log of earlier runs, kept in the data folder (beside the sandbox's when --data-dir).
    RequestHistory history;
    if (history.open(parser.isSet(dataOption) ? parser.value(dataOption) + QStringLiteral("/history.sqlite")
                                              : RequestHistory::defaultPath()))
        window.findChild<RequestLogWidget *>(QStringLiteral("requestLog"))->keepHistory(&history);
    else
        qWarning("%s", qUtf8Printable(history.errorString()));
    if (parser.isSet(startupOption)) {
        QObject::connect(window.userProxy(), &QAbstractItemModel::rowsInserted, &window, [&window] {
            // Paint now, so the time includes the rows actually being drawn.
            window.repaint();
            QTextStream(stdout) << "first-page-shown " << processAgeMs() << Qt::endl;
            QCoreApplication::exit(0);
        });
    }
    if (const QString hook = qEnvironmentVariable("USERDESK_TEST_BULK_DELETE"); !hook.isEmpty())
        startTestBulkDelete(&window, hook);
    if (const QString hook = qEnvironmentVariable("USERDESK_TEST_IMPORT"); !hook.isEmpty())
        startTestImport(&window, hook);
    if (const QString hook = qEnvironmentVariable("USERDESK_TEST_BULK_EDIT"); !hook.isEmpty())
        startTestBulkEdit(&window, hook);
    window.show();
    return app.exec();
}
