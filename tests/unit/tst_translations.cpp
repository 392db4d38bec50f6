// The catalogues: English plural forms are built in and used ("1 user", "5 users"), every shipped .ts is
// finished with nothing obsolete, and every plural string in the sources has its English forms (lupdate
// is run over the sources here, as ./dev translations does).
#include "tablestatus.h"
#include "translations.h"

#include <QDir>
#include <QDomDocument>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace UserDesk;

namespace {
QSet<QString> numerusSources(const QString &tsPath, QStringList *problems)
{
    QSet<QString> sources;
    QFile f(tsPath);
    if (!f.open(QIODevice::ReadOnly)) {
        problems->append(QStringLiteral("%1 cannot be read").arg(tsPath));
        return sources;
    }
    QDomDocument doc;
    if (!doc.setContent(&f)) {
        problems->append(QStringLiteral("%1 is not XML").arg(tsPath));
        return sources;
    }
    const QDomNodeList messages = doc.elementsByTagName(QStringLiteral("message"));
    for (int i = 0; i < messages.size(); ++i) {
        const QDomElement m = messages.at(i).toElement();
        const QString source = m.firstChildElement(QStringLiteral("source")).text();
        const QDomElement t = m.firstChildElement(QStringLiteral("translation"));
        const QString type = t.attribute(QStringLiteral("type"));
        if (!type.isEmpty())
            problems->append(
                QStringLiteral("%1: \"%2\" is %3").arg(QFileInfo(tsPath).fileName(), source, type));
        if (m.attribute(QStringLiteral("numerus")) == QLatin1String("yes"))
            sources.insert(source);
    }
    return sources;
}
// Every message as "context|source", plural or not.
QSet<QString> allSources(const QString &tsPath)
{
    QSet<QString> sources;
    QFile f(tsPath);
    QDomDocument doc;
    if (!f.open(QIODevice::ReadOnly) || !doc.setContent(&f))
        return sources;
    const QDomNodeList contexts = doc.elementsByTagName(QStringLiteral("context"));
    for (int c = 0; c < contexts.size(); ++c) {
        const QDomElement context = contexts.at(c).toElement();
        const QString name = context.firstChildElement(QStringLiteral("name")).text();
        for (QDomElement m = context.firstChildElement(QStringLiteral("message")); !m.isNull();
             m = m.nextSiblingElement(QStringLiteral("message")))
            sources.insert(name + QLatin1Char('|') + m.firstChildElement(QStringLiteral("source")).text());
    }
    return sources;
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void englishHasPluralForms()
    {
        QCOMPARE(Translations::install(QCoreApplication::instance(), QStringLiteral("en_GB")),
            QStringLiteral("en"));
        QCOMPARE(TableStatus::counts(1, 1, false), QStringLiteral("All 1 user loaded"));
        QCOMPARE(TableStatus::counts(3000, 3000, false), QStringLiteral("All 3,000 users loaded"));
        QCOMPARE(TableStatus::counts(40, 3000, false), QStringLiteral("Loaded 40 of 3,000 users"));
        QCOMPARE(
            TableStatus::counts(40, 776, true), QStringLiteral("40 of 776 matching users loaded (filtered)"));
        QCOMPARE(TableStatus::partialSort(40, 2995, true),
            QStringLiteral("Sorted 40 of 2,995 loaded users — loading the rest"));
        QCOMPARE(TableStatus::duration(1000), QStringLiteral("about 1 second"));
        QCOMPARE(TableStatus::duration(40000), QStringLiteral("about 40 seconds"));
        QCOMPARE(TableStatus::duration(3 * 60000), QStringLiteral("about 3 minutes"));
        QVERIFY(Translations::available().startsWith(QStringLiteral("en")));
    }

    // German from our catalogue and Qt's; Hindi from ours for both (Debian has no Hindi qtbase).
    void germanAndHindiAreShipped()
    {
        QVERIFY(Translations::available().contains(QStringLiteral("de")));
        QVERIFY(Translations::available().contains(QStringLiteral("hi")));
        QCOMPARE(Translations::install(QCoreApplication::instance(), QStringLiteral("hi_IN")),
            QStringLiteral("hi"));
        QVERIFY(QCoreApplication::translate("QPlatformTheme", "Cancel") != QLatin1String("Cancel"));
        QVERIFY(TableStatus::counts(5, 5, false) != QLatin1String("All 5 users loaded"));
        QCOMPARE(Translations::install(QCoreApplication::instance(), QStringLiteral("de_DE")),
            QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
    }

    void estimatesFollowTheRateLimit()
    {
        RateLimitInfo none;
        QCOMPARE(TableStatus::estimateMs(10, none, 50), 500);
        RateLimitInfo gorest; // 90 a minute, 30 left
        gorest.limit = 90;
        gorest.remaining = 30;
        gorest.resetSeconds = 60;
        QCOMPARE(TableStatus::estimateMs(20, gorest, 50), 1000); // within what is left
        QCOMPARE(TableStatus::estimateMs(300, gorest, 50), 3 * 60000); // 270 beyond: three more windows
        QVERIFY(TableStatus::isLong(101, 0));
        QVERIFY(TableStatus::isLong(5, 61000));
        QVERIFY(!TableStatus::isLong(100, 60000));
    }

    void everyCatalogueIsFinishedAndCurrent()
    {
        const QDir translations(QStringLiteral(USERDESK_SOURCE_DIR "/translations"));
        const QStringList files = translations.entryList({ QStringLiteral("userdesk_*.ts") }, QDir::Files);
        QVERIFY(files.contains(QStringLiteral("userdesk_en.ts")));
        QStringList problems;
        for (const QString &file : files)
            numerusSources(translations.filePath(file), &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

        // Every plural string in the sources has its English forms: lupdate over the sources now.
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh_en.ts"));
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(USERDESK_LUPDATE),
            { QStringLiteral("-pluralonly"), QStringLiteral("-locations"), QStringLiteral("none"),
                QStringLiteral(USERDESK_SOURCE_DIR "/src"), QStringLiteral("-ts"), fresh });
        QVERIFY2(lupdate.waitForFinished(120000) && lupdate.exitCode() == 0, lupdate.readAll().constData());
        QStringList ignored;
        const QSet<QString> inSources = numerusSources(fresh, &ignored);
        const QSet<QString> shipped
            = numerusSources(translations.filePath(QStringLiteral("userdesk_en.ts")), &ignored);
        QStringList missing = QStringList(inSources.cbegin(), inSources.cend());
        missing.removeIf([&](const QString &s) { return shipped.contains(s); });
        QVERIFY2(missing.isEmpty(),
            qPrintable(
                QStringLiteral("run ./dev translations; missing: ") + missing.join(QStringLiteral(" | "))));
        QVERIFY(!inSources.isEmpty());

        // German and Hindi have every string of the sources, not only the plural ones.
        const QString all = dir.filePath(QStringLiteral("fresh_de.ts"));
        QProcess full;
        full.setProcessChannelMode(QProcess::MergedChannels);
        full.start(QStringLiteral(USERDESK_LUPDATE),
            { QStringLiteral("-locations"), QStringLiteral("none"),
                QStringLiteral(USERDESK_SOURCE_DIR "/src"), QStringLiteral(USERDESK_SOURCE_DIR "/ui"),
                QStringLiteral("-ts"), all });
        QVERIFY2(full.waitForFinished(120000) && full.exitCode() == 0, full.readAll().constData());
        const QSet<QString> everything = allSources(all);
        QVERIFY(everything.size() > inSources.size());
        for (const QString &language : { QStringLiteral("de"), QStringLiteral("hi") }) {
            const QSet<QString> shippedAll
                = allSources(translations.filePath(QStringLiteral("userdesk_%1.ts").arg(language)));
            QStringList untranslated = QStringList(everything.cbegin(), everything.cend());
            untranslated.removeIf([&](const QString &s) { return shippedAll.contains(s); });
            QVERIFY2(untranslated.isEmpty(),
                qPrintable(QStringLiteral("run ./dev translations; %1 lacks: ").arg(language)
                    + untranslated.join(QStringLiteral(" | "))));
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
