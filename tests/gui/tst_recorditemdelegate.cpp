#include "recorditemdelegate.h"

#include <QApplication>
#include <QHeaderView>
#include <QImage>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <cstdlib>

using namespace UserDesk;

// RecordItemDelegate keeps its cells' text laid out between repaints; what it paints must be what
// QStyledItemDelegate paints, cell for cell, whatever the row's state.
class TestRecordItemDelegate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void paintsWhatQtPaints();
    void followsChangedTextAndWidth();

private:
    static QImage render(QTableView &view, QAbstractItemDelegate *delegate);
    static QStandardItemModel *posts(QObject *parent);
};

namespace {
// How far apart two renderings are: the largest difference of a colour channel over all pixels (0 to 255),
// -1 when their sizes differ. Text drawn from kept glyphs goes through another path of the raster engine
// than text laid out anew, and a glyph's antialiasing may differ by a few levels (seen: 34);
// text one pixel off, or another text, differs by far more.
int distance(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return -1;
    int most = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            most = std::max({ most, std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                std::abs(qBlue(p) - qBlue(q)) });
        }
    }
    return most;
}
constexpr int MaxShade = 48;
} // namespace

#define COMPARE_IMAGES(got, expected)                                                                        \
    do {                                                                                                     \
        const int d = distance((got), (expected));                                                           \
        QVERIFY2(d >= 0 && d <= MaxShade, qPrintable(QStringLiteral("renderings differ by %1").arg(d)));     \
    } while (false)

QStandardItemModel *TestRecordItemDelegate::posts(QObject *parent)
{
    auto *model = new QStandardItemModel(0, 4, parent);
    const QString body = QStringLiteral("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do "
                                        "eiusmod tempor incididunt ut labore et dolore magna aliqua. ")
                             .repeated(2);
    const QStringList titles { QStringLiteral("A short title"),
        QStringLiteral("A title long enough that a column of two hundred pixels cannot show all of it"),
        QStringLiteral("नमस्ते दुनिया: एक लंबा शीर्षक जो कटेगा"), QStringLiteral("Grüße aus Köln") };
    for (int row = 0; row < titles.size(); ++row) {
        QList<QStandardItem *> items;
        auto *id = new QStandardItem(QString::number(1000 + row));
        id->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *user = new QStandardItem(QString::number(7 * row));
        user->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *title = new QStandardItem(titles.at(row));
        auto *text = new QStandardItem(body.left(40 + 60 * row));
        items << id << user << title << text;
        if (row == 1) { // a row being saved: italic and greyed
            QFont italic;
            italic.setItalic(true);
            for (QStandardItem *item : items) {
                item->setFont(italic);
                item->setForeground(QColor(Qt::gray));
            }
        }
        if (row == 2) { // a todo's status: a check box beside its text
            title->setCheckable(true);
            title->setCheckState(Qt::Checked);
        }
        model->appendRow(items);
    }
    model->appendRow({ new QStandardItem(QString()), new QStandardItem(QStringLiteral("two\nlines")),
        new QStandardItem(QStringLiteral("x")), new QStandardItem(QString()) });
    return model;
}

QImage TestRecordItemDelegate::render(QTableView &view, QAbstractItemDelegate *delegate)
{
    view.setItemDelegate(delegate);
    // The first paint after a change may differ from the next in its antialiasing (glyphs newly cached);
    // the second is what the view shows from then on.
    (void)view.viewport()->grab();
    return view.viewport()->grab().toImage();
}

void TestRecordItemDelegate::paintsWhatQtPaints()
{
    QTableView view;
    QStandardItemModel *model = posts(&view);
    view.setModel(model);
    // As RecordListPane sets its view up.
    view.verticalHeader()->hide();
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 8);
    view.horizontalHeader()->setStretchLastSection(true);
    view.setWordWrap(false);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.setColumnWidth(0, 70);
    view.setColumnWidth(1, 70);
    view.setColumnWidth(2, 200);
    view.resize(700, 220);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.selectRow(3);

    QStyledItemDelegate qt;
    RecordItemDelegate ours;
    const QImage expected = render(view, &qt);
    COMPARE_IMAGES(render(view, &ours), expected);
    COMPARE_IMAGES(render(view, &ours), expected); // again, from what it kept
    view.setLayoutDirection(Qt::RightToLeft);
    const QImage expectedRtl = render(view, &qt);
    COMPARE_IMAGES(render(view, &ours), expectedRtl);
    view.setItemDelegate(&qt); // before `ours` goes
}

void TestRecordItemDelegate::followsChangedTextAndWidth()
{
    QTableView view;
    QStandardItemModel *model = posts(&view);
    view.setModel(model);
    view.setWordWrap(false);
    view.horizontalHeader()->setStretchLastSection(true);
    view.resize(700, 220);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QStyledItemDelegate qt;
    RecordItemDelegate ours;
    (void)render(view, &ours);
    model->item(0, 2)->setText(QStringLiteral("Changed after it was painted"));
    view.setColumnWidth(3, 90);
    QImage got = render(view, &ours);
    COMPARE_IMAGES(got, render(view, &qt));
    view.setColumnWidth(2, 60);
    got = render(view, &ours);
    COMPARE_IMAGES(got, render(view, &qt));
    view.setItemDelegate(&qt);
}

QTEST_MAIN(TestRecordItemDelegate)
#include "tst_recorditemdelegate.moc"
