#include "cliapp.h"
#include "secretmemory.h"
#include "translations.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    UserDesk::keepSecretsOutOfCoreDumps();
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("UserDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("userdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(USERDESK_VERSION));
    UserDesk::Translations::install(&app);
    UserDesk::CliApp cli;
    return cli.run(QCoreApplication::arguments());
}
