#include "contentdecoder.h"

#include <QTest>

using namespace UserDesk;

// ContentDecoder: bodies the client asked to get compressed come back whole, and never unbounded.
class TestContentDecoder : public QObject
{
    Q_OBJECT

private slots:
    void deflateRoundTrips()
    {
        const QByteArray body = QByteArray("[{\"id\":1}]").repeated(100);
        const QByteArray zlib = qCompress(body).mid(4); // qCompress prefixes the length
        QString error;
        const auto decoded = ContentDecoder::decode("deflate", zlib, 1 << 20, &error);
        QVERIFY2(decoded, qPrintable(error));
        QCOMPARE(*decoded, body);
        QVERIFY(ContentDecoder::handles(" GZIP "));
        QVERIFY(!ContentDecoder::handles("br"));
    }

    void corruptBodyIsRefused()
    {
        QString error;
        QVERIFY(!ContentDecoder::decode("gzip", "not gzip at all", 1 << 20, &error));
        QVERIFY(error.contains(QLatin1String("Content-Encoding the server declared (gzip)")));
        const QByteArray cut = qCompress(QByteArray(5000, 'x')).mid(4).chopped(6);
        QVERIFY(!ContentDecoder::decode("deflate", cut, 1 << 20, &error));
    }

    void bombIsRefusedAtTheCap()
    {
        const QByteArray bomb = qCompress(QByteArray(8 << 20, '\0'), 9).mid(4); // 8 MiB in a few KiB
        QVERIFY(bomb.size() < 64 * 1024);
        QString error;
        QVERIFY(!ContentDecoder::decode("deflate", bomb, 1 << 20, &error));
        QVERIFY(error.contains(QLatin1String("larger than the allowed size")));
    }
};

QTEST_GUILESS_MAIN(TestContentDecoder)
#include "tst_contentdecoder.moc"
