#include "retrypolicy.h"

#include <QTest>

using namespace UserDesk;

// The retry schedule and the method-aware decisions, with a pinned random source.
class TestRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void fullJitterGrowsAndCaps()
    {
        RetryPolicy p;
        p.baseDelayMs = 100;
        p.capDelayMs = 1000;
        p.setRandomSource([] { return 0.999999; }); // the top of each window
        QCOMPARE(p.delayMs(1), 99);
        QCOMPARE(p.delayMs(2), 199);
        QCOMPARE(p.delayMs(3), 399);
        QCOMPARE(p.delayMs(4), 799);
        QCOMPARE(p.delayMs(5), 999); // capped
        QCOMPARE(p.delayMs(40), 999); // no overflow for absurd attempts
        p.setRandomSource([] { return 0.0; });
        QCOMPARE(p.delayMs(5), 0); // full jitter reaches down to zero
        p.setRandomSource([] { return 0.5; });
        QCOMPARE(p.delayMs(3), 200);
    }

    void serverHintIsHonoured()
    {
        RetryPolicy p;
        p.baseDelayMs = 250;
        p.setRandomSource([] { return 0.5; });
        QCOMPARE(p.delayMs(1, 3), 3000 + 125); // the hint plus a little spread
        p.maxServerHintMs = 10000;
        QCOMPARE(p.delayMs(1, 3600), 10000 + 125); // absurd hints are capped
        QCOMPARE(p.delayMs(1, 0), 125);
    }

    void decisions_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("mayHaveArrived");
        QTest::addColumn<int>("expected");
        using K = ApiError::Kind;
        using D = RetryPolicy::Decision;
        auto row = [](const char *name, const char *method, K kind, int status, bool arrived, D d) {
            QTest::newRow(name) << QByteArray(method) << int(kind) << status << arrived << int(d);
        };
        row("GET refused", "GET", K::Network, 0, false, D::Retry);
        row("GET reset", "GET", K::Network, 0, true, D::Retry);
        row("GET timeout", "GET", K::Timeout, 0, true, D::Retry);
        row("GET 503", "GET", K::Server, 503, false, D::Retry);
        row("GET 502", "GET", K::Server, 502, true, D::Retry);
        row("GET 504", "GET", K::Server, 504, true, D::Retry);
        row("GET 500", "GET", K::Server, 500, true, D::GiveUp);
        row("GET 408", "GET", K::HttpOther, 408, true, D::Retry);
        row("GET 429", "GET", K::RateLimited, 429, false, D::Retry);
        row("GET 400", "GET", K::BadRequest, 400, true, D::GiveUp);
        row("GET 401", "GET", K::Unauthorized, 401, true, D::GiveUp);
        row("GET 403", "GET", K::Forbidden, 403, true, D::GiveUp);
        row("GET 404", "GET", K::NotFound, 404, true, D::GiveUp);
        row("PATCH 422", "PATCH", K::Validation, 422, true, D::GiveUp);
        row("GET canceled", "GET", K::Canceled, 0, true, D::GiveUp);
        row("GET tls", "GET", K::Tls, 0, false, D::GiveUp);
        row("DELETE reset", "DELETE", K::Network, 0, true, D::Retry);
        row("PUT timeout", "PUT", K::Timeout, 0, true, D::Retry);
        row("PATCH 503", "PATCH", K::Server, 503, false, D::Retry);
        row("POST refused", "POST", K::Network, 0, false, D::Retry);
        row("POST 429", "POST", K::RateLimited, 429, false, D::Retry);
        row("POST 503", "POST", K::Server, 503, false, D::Retry);
        row("POST reset after sending", "POST", K::Network, 0, true, D::Reconcile);
        row("POST timeout", "POST", K::Timeout, 0, true, D::Reconcile);
        row("POST 502", "POST", K::Server, 502, true, D::Reconcile);
        row("POST 422", "POST", K::Validation, 422, true, D::GiveUp);
    }

    void decisions()
    {
        QFETCH(QByteArray, method);
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(bool, mayHaveArrived);
        QFETCH(int, expected);
        RetryPolicy p;
        const ApiError e(static_cast<ApiError::Kind>(kind), QStringLiteral("x"), status);
        QCOMPARE(int(p.decide(method, e, mayHaveArrived, 1, 0)), expected);
    }

    void capsOnAttemptsAndTime()
    {
        RetryPolicy p;
        p.maxAttempts = 3;
        p.maxTotalMs = 5000;
        const ApiError e(ApiError::Kind::Network, QStringLiteral("reset"));
        QCOMPARE(p.decide("GET", e, true, 2, 100), RetryPolicy::Decision::Retry);
        QCOMPARE(p.decide("GET", e, true, 3, 100), RetryPolicy::Decision::GiveUp);
        QCOMPARE(p.decide("GET", e, true, 1, 5000), RetryPolicy::Decision::GiveUp);
    }

    void truncatedBodiesAreRetriedButMalformedOnesAreNot()
    {
        RetryPolicy p;
        ApiError truncated(ApiError::Kind::BadResponse, QStringLiteral("cut"), 200);
        truncated.setTruncated(true);
        QCOMPARE(p.decide("GET", truncated, true, 1, 0), RetryPolicy::Decision::Retry);
        QCOMPARE(p.decide("POST", truncated, true, 1, 0), RetryPolicy::Decision::Reconcile);
        const ApiError malformed(ApiError::Kind::BadResponse, QStringLiteral("wrong types"), 200);
        QCOMPARE(p.decide("GET", malformed, true, 1, 0), RetryPolicy::Decision::GiveUp);
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
