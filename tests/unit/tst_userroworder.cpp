// UserRowOrder sorts by integer keys a few characters at a time and falls back to a full compare only
// where the keys cannot decide; the order it gives must be exactly that of QString::compare (then the id,
// then the row), for every field, case sensitivity, direction and mix of ASCII, non-ASCII and surrogate
// pairs, and its filter must agree with QString::contains.
#include "userroworder.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace UserDesk;

namespace {
// Texts built from few pieces, so that many share long prefixes or are equal but for case.
QString randomText(QRandomGenerator &random, bool asciiOnly)
{
    static const QStringList ascii = { QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("kapoor"),
        QStringLiteral("KAPOOR"), QStringLiteral("Aarav "), QStringLiteral("aarav "), QStringLiteral("z"),
        QStringLiteral(" "), QStringLiteral("@x.test"), QStringLiteral("0"), QStringLiteral("~") };
    static const QStringList other = { QStringLiteral("ä"), QStringLiteral("Ä"), QStringLiteral("ß"),
        QStringLiteral("σ"), QStringLiteral("Σ"), QStringLiteral("ς"), QStringLiteral("\U0001D49C"),
        QStringLiteral("\U00010400"), QStringLiteral("\U00010428"), QStringLiteral("ǅ"),
        QStringLiteral("K") };
    const int pieces = static_cast<int>(random.bounded(0, 7));
    QString text;
    for (int i = 0; i < pieces; ++i) {
        const bool pickOther = !asciiOnly && random.bounded(4) == 0;
        const QStringList &from = pickOther ? other : ascii;
        text += from.at(static_cast<int>(random.bounded(static_cast<int>(from.size()))));
    }
    return text;
}

// With textIds, ids as json-server 1.x sends them: decimal strings, other strings ("a3", "Z", "10a"),
// and numbers among them.
ResourceId randomId(QRandomGenerator &random, int count, bool textIds)
{
    const qint64 number = 1000 + random.bounded(count / 2 + 1); // duplicates too: rows then order by row
    if (!textIds)
        return number;
    static const QStringList words = { QStringLiteral("a3"), QStringLiteral("Z"), QStringLiteral("10a"),
        QStringLiteral("a"), QStringLiteral("ä1"), QStringLiteral("012"), QStringLiteral("b") };
    switch (random.bounded(3)) {
    case 0:
        return number;
    case 1:
        return ResourceId::fromText(QString::number(number));
    default:
        return ResourceId::fromText(words.at(static_cast<int>(random.bounded(static_cast<int>(words.size()))))
            + QString::number(random.bounded(count / 20 + 1)));
    }
}

UserRows randomRows(int count, bool asciiOnly, quint32 seed, bool textIds = false)
{
    QRandomGenerator random(seed);
    UserRows rows;
    for (int i = 0; i < count; ++i) {
        User u;
        u.id = randomId(random, count, textIds);
        u.name = randomText(random, asciiOnly);
        u.email = randomText(random, asciiOnly);
        u.gender = random.bounded(2) ? QStringLiteral("male") : QStringLiteral("Female");
        u.status = random.bounded(2) ? QStringLiteral("active") : QStringLiteral("Inäctive");
        rows.append(u);
    }
    return rows;
}

QList<int> referenceOrder(const UserRows &rows, const UserRowOrder::Spec &spec)
{
    const auto field = static_cast<UserRows::Field>(spec.sortColumn);
    QList<int> order;
    for (int row = 0; row < rows.size(); ++row) {
        if (!spec.filters()
            || rows.text(row, static_cast<UserRows::Field>(spec.filterColumn))
                   .contains(spec.filterText, spec.filterCase))
            order.append(row);
    }
    if (!spec.sorts())
        return order;
    std::vector<QString> texts(static_cast<size_t>(rows.size()));
    for (int row = 0; row < rows.size(); ++row)
        texts[static_cast<size_t>(row)] = rows.text(row, field);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        int c = 0;
        // Ids in ResourceId's order: numbers (decimal texts too) by value, then the others by text.
        if (field == UserRows::Field::Id)
            c = rows.id(a) < rows.id(b) ? -1 : (rows.id(b) < rows.id(a) ? 1 : 0);
        else
            c = texts[size_t(a)].compare(texts[size_t(b)], spec.sortCase);
        if (c == 0)
            c = rows.id(a) < rows.id(b) ? -1 : (rows.id(b) < rows.id(a) ? 1 : 0);
        if (c == 0)
            c = a < b ? -1 : (a > b ? 1 : 0);
        return spec.order == Qt::AscendingOrder ? c < 0 : c > 0;
    });
    return order;
}

QString describe(const UserRows &rows, const QList<int> &got, const QList<int> &want, UserRows::Field field)
{
    for (qsizetype i = 0; i < std::min(got.size(), want.size()); ++i) {
        if (got.at(i) != want.at(i))
            return QStringLiteral(
                "first difference at %1: got row %2 (%3, id %4), expected row %5 (%6, id %7)")
                .arg(i)
                .arg(got.at(i))
                .arg(rows.text(got.at(i), field))
                .arg(rows.id(got.at(i)).toString())
                .arg(want.at(i))
                .arg(rows.text(want.at(i), field))
                .arg(rows.id(want.at(i)).toString());
    }
    return QStringLiteral("%1 rows, expected %2").arg(got.size()).arg(want.size());
}
} // namespace

class TestUserRowOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sortsAsQStringCompare_data()
    {
        QTest::addColumn<bool>("asciiOnly");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("caseSensitivity");
        QTest::addColumn<int>("order");
        QTest::addColumn<bool>("textIds");
        for (const bool ascii : { true, false }) {
            for (int column = 0; column < 5; ++column) {
                for (const int cs : { int(Qt::CaseInsensitive), int(Qt::CaseSensitive) }) {
                    for (const int order : { int(Qt::AscendingOrder), int(Qt::DescendingOrder) }) {
                        const QString name
                            = QStringLiteral("%1 column %2 %3 %4")
                                  .arg(ascii ? QStringLiteral("ascii") : QStringLiteral("mixed"))
                                  .arg(column)
                                  .arg(cs == Qt::CaseSensitive ? QStringLiteral("cs") : QStringLiteral("ci"))
                                  .arg(order == Qt::AscendingOrder ? QStringLiteral("asc")
                                                                   : QStringLiteral("desc"));
                        QTest::newRow(qPrintable(name)) << ascii << column << cs << order << false;
                        if (ascii) // ids of json-server 1.x: strings, some of them decimal
                            QTest::newRow(qPrintable(name + QStringLiteral(" text ids")))
                                << ascii << column << cs << order << true;
                    }
                }
            }
        }
    }

    void sortsAsQStringCompare()
    {
        QFETCH(bool, asciiOnly);
        QFETCH(int, column);
        QFETCH(int, caseSensitivity);
        QFETCH(int, order);
        QFETCH(bool, textIds);
        const UserRows rows = randomRows(4000, asciiOnly, 7 + quint32(column), textIds);
        QCOMPARE(rows.nonAsciiCount() == 0, asciiOnly);
        UserRowOrder::Spec spec;
        spec.sortColumn = column;
        spec.sortCase = Qt::CaseSensitivity(caseSensitivity);
        spec.order = Qt::SortOrder(order);
        const QList<int> got = UserRowOrder(rows, spec).rows(rows.size());
        const QList<int> want = referenceOrder(rows, spec);
        QVERIFY2(got == want, qPrintable(describe(rows, got, want, UserRows::Field(column))));
        // before() agrees with the order it produced.
        const UserRowOrder ordering(rows, spec);
        for (qsizetype i = 1; i < got.size(); ++i)
            QVERIFY(ordering.before(got.at(i - 1), got.at(i)) && !ordering.before(got.at(i), got.at(i - 1)));
    }

    // Above the size where two threads share the work, the halves must come together in the same order.
    void largeSortsUseTwoThreadsAndAgree()
    {
        const UserRows rows = randomRows(240000, false, 99);
        UserRowOrder::Spec spec;
        spec.sortColumn = int(UserRows::Field::Name);
        const QList<int> got = UserRowOrder(rows, spec).rows(rows.size());
        const QList<int> want = referenceOrder(rows, spec);
        QVERIFY2(got == want, qPrintable(describe(rows, got, want, UserRows::Field::Name)));
        spec.filterColumn = int(UserRows::Field::Email);
        spec.filterText = QStringLiteral("kapOOR");
        const QList<int> filtered = UserRowOrder(rows, spec).rows(rows.size());
        QVERIFY(!filtered.isEmpty() && filtered.size() < rows.size());
        QCOMPARE(filtered, referenceOrder(rows, spec));
    }

    void filtersAsQStringContains_data()
    {
        QTest::addColumn<QString>("needle");
        QTest::addColumn<int>("caseSensitivity");
        for (const QString &needle : { QStringLiteral("kap"), QStringLiteral("KAP"), QStringLiteral("ä"),
                 QStringLiteral("Σ"), QStringLiteral("a "), QStringLiteral("\U0001D49C") }) {
            QTest::newRow(qPrintable(needle + QStringLiteral(" ci"))) << needle << int(Qt::CaseInsensitive);
            QTest::newRow(qPrintable(needle + QStringLiteral(" cs"))) << needle << int(Qt::CaseSensitive);
        }
    }

    void filtersAsQStringContains()
    {
        QFETCH(QString, needle);
        QFETCH(int, caseSensitivity);
        const UserRows rows = randomRows(3000, false, 5);
        for (const int column : { int(UserRows::Field::Name), int(UserRows::Field::Email) }) {
            UserRowOrder::Spec spec;
            spec.filterColumn = column;
            spec.filterText = needle;
            spec.filterCase = Qt::CaseSensitivity(caseSensitivity);
            const QList<int> got = UserRowOrder(rows, spec).rows(rows.size());
            QCOMPARE(got, referenceOrder(rows, spec));
            QVERIFY(!got.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestUserRowOrder)
#include "tst_userroworder.moc"
