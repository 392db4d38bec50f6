// Issue 12, finding 8: every count the person reads is plural-aware ("Delete 1 user", "Delete 5 users"; never
// "user(s)"), and a server's words joined to ours stay sentences ("Invalid token. Check the token…").
// lupdate reads every string of the sources and forms here, as ./dev translations does.
#include "apierror.h"
#include "translations.h"

#include <QCoreApplication>
#include <QDomDocument>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace UserDesk;

class TestWording : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Translations::install(QCoreApplication::instance(), QStringLiteral("en")); }

    void everyCountIsPluralAware()
    {
        QTemporaryDir dir;
        const QString ts = dir.filePath(QStringLiteral("all_en.ts"));
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(USERDESK_LUPDATE),
            { QStringLiteral("-locations"), QStringLiteral("none"),
                QStringLiteral(USERDESK_SOURCE_DIR "/src"), QStringLiteral(USERDESK_SOURCE_DIR "/ui"),
                QStringLiteral("-ts"), ts });
        QVERIFY2(lupdate.waitForFinished(120000) && lupdate.exitCode() == 0, lupdate.readAll().constData());
        QFile file(ts);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QDomDocument doc;
        QVERIFY(doc.setContent(&file));

        // A number followed by a thing it counts, in a string that is not plural-aware.
        static const QRegularExpression counted(QStringLiteral(
            R"(%L?\d+ (user|page|item|row|second|minute|hour|job|request|post|todo|comment)s?\b)"));
        // Where the words after the number do not count it.
        static const QStringList notCounts = { QStringLiteral("repeated page %2 item for item"),
            QStringLiteral("between %1 and %2 seconds") };
        QStringList problems;
        int plurals = 0;
        const QDomNodeList contexts = doc.elementsByTagName(QStringLiteral("context"));
        for (int c = 0; c < contexts.size(); ++c) {
            const QDomElement context = contexts.at(c).toElement();
            const QByteArray name = context.firstChildElement(QStringLiteral("name")).text().toUtf8();
            for (QDomElement m = context.firstChildElement(QStringLiteral("message")); !m.isNull();
                 m = m.nextSiblingElement(QStringLiteral("message"))) {
                const QString source = m.firstChildElement(QStringLiteral("source")).text();
                const QByteArray utf8 = source.toUtf8();
                if (m.attribute(QStringLiteral("numerus")) == QLatin1String("yes")) {
                    ++plurals;
                    for (int n : { 1, 2, 5 }) {
                        const QString shown
                            = QCoreApplication::translate(name.constData(), utf8.constData(), nullptr, n);
                        if (shown.contains(QLatin1String("(s)")) || shown.contains(QLatin1String("(es)"))
                            || shown.contains(QLatin1String("(ies)")))
                            problems.append(QStringLiteral("%1 shows \"%2\" for %3")
                                                .arg(QString::fromUtf8(name), shown)
                                                .arg(n));
                    }
                    continue;
                }
                const bool allowed = std::any_of(notCounts.cbegin(), notCounts.cend(),
                    [&](const QString &phrase) { return source.contains(phrase); });
                if (source.contains(QLatin1String("(s)")) || (counted.match(source).hasMatch() && !allowed))
                    problems.append(QStringLiteral("%1: \"%2\" counts without tr(..., n)")
                                        .arg(QString::fromUtf8(name), source));
            }
        }
        QVERIFY(plurals > 20);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void serverWordsEndTheirSentence()
    {
        const ApiError invalid = ApiError::fromHttpStatus(401, R"({"message":"Invalid token"})");
        QCOMPARE(invalid.userMessage(), QStringLiteral("Invalid token. Check the token of this profile."));
        QCOMPARE(invalid.message(), QStringLiteral("Invalid token")); // the server's own words, kept as sent
        const ApiError gone = ApiError::fromHttpStatus(404, R"({"message":"Resource not found"})");
        QCOMPARE(gone.userMessage(), QStringLiteral("Resource not found."));
        const ApiError asked = ApiError::fromHttpStatus(500, R"({"message":"Is it down?"})");
        QCOMPARE(asked.userMessage(), QStringLiteral("Is it down?"));
    }
};

QTEST_GUILESS_MAIN(TestWording)
#include "tst_wording.moc"
