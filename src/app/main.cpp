#include "mainwindow.h"
#include "profilestore.h"
#include "tokenstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QStandardPaths>
#include <QTextStream>

using namespace UserDesk;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("UserDesk"));
    QApplication::setOrganizationName(QStringLiteral("UserDesk"));
    QApplication::setApplicationVersion(QStringLiteral(USERDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(USERDESK_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/userdesk.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Desktop client for GoRest-style users APIs."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QApplication::translate("main", "Start with the profile NAME."),
                                           QStringLiteral("NAME"));
    const QCommandLineOption settingsOption(QStringLiteral("settings"),
                                            QApplication::translate("main", "Read and write settings in PATH."),
                                            QStringLiteral("PATH"));
    const QCommandLineOption dataOption(QStringLiteral("data-dir"),
                                        QApplication::translate("main", "Keep the built-in sandbox's data in PATH."),
                                        QStringLiteral("PATH"));
    parser.addOptions({profileOption, settingsOption, dataOption});
    parser.process(app);

    ProfileStore store(parser.isSet(settingsOption) ? parser.value(settingsOption)
                                                    : ProfileStore::defaultSettingsPath());
    store.ensureDefaultProfile();
    if (parser.isSet(profileOption)) {
        const QString name = parser.value(profileOption);
        if (!store.contains(name)) {
            QTextStream(stderr) << QApplication::translate("main", "userdesk: no profile named \"%1\"").arg(name)
                                << Qt::endl;
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
    window.show();
    return app.exec();
}
