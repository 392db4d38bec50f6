#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace UserDesk {

namespace {
// The catalogues built into the binaries (see translations/ and src/core/CMakeLists.txt).
QString catalogue(const QString &language)
{
    return QStringLiteral(":/i18n/userdesk_%1.qm").arg(language);
}

// What install() put in, so that a second call (the language saved in the settings, once they are read)
// replaces it rather than hiding under it.
QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

void installTranslator(QCoreApplication *app, QTranslator *translator)
{
    translator->setParent(app);
    QCoreApplication::installTranslator(translator);
    installed().append(translator);
}
} // namespace

QStringList Translations::available()
{
    QStringList languages;
    const auto entries = QDir(QStringLiteral(":/i18n"))
                             .entryList({ QStringLiteral("userdesk_*.qm") }, QDir::Files, QDir::Name);
    for (const QString &file : entries)
        languages.append(file.mid(9, file.size() - 12));
    languages.removeAll(QStringLiteral("en"));
    languages.prepend(QStringLiteral("en"));
    return languages;
}

QString Translations::install(QCoreApplication *app, const QString &language)
{
    QStringList wanted;
    if (!language.isEmpty())
        wanted << language;
    else
        wanted = QLocale::system().uiLanguages();
    QString chosen = QStringLiteral("en");
    for (const QPointer<QTranslator> &earlier : std::as_const(installed())) {
        if (earlier) {
            QCoreApplication::removeTranslator(earlier);
            delete earlier.data();
        }
    }
    installed().clear();
    for (QString name : std::as_const(wanted)) {
        name.replace(QLatin1Char('-'), QLatin1Char('_'));
        // "de_DE" falls back to "de".
        const QStringList candidates = { name, name.section(QLatin1Char('_'), 0, 0) };
        const auto found = std::find_if(candidates.cbegin(), candidates.cend(),
            [](const QString &c) { return QFile::exists(catalogue(c)); });
        if (found != candidates.cend()) {
            chosen = *found;
            break;
        }
        if (name.startsWith(QLatin1String("en")))
            break; // English asked for before any language we have
    }
    auto *own = new QTranslator;
    if (own->load(catalogue(chosen)))
        installTranslator(app, own);
    else
        delete own;
    if (chosen != QLatin1String("en")) {
        // Qt's own strings (dialog buttons, the line edit's menu): the system's catalogue, else ours.
        auto *qt = new QTranslator;
        if (qt->load(QLocale(chosen), QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath))
            || qt->load(QStringLiteral(":/i18n/qtbase_%1.qm").arg(chosen)))
            installTranslator(app, qt);
        else
            delete qt;
    }
    return chosen;
}

} // namespace UserDesk
