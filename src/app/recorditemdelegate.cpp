#include "recorditemdelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QTextLayout>

namespace UserDesk {

namespace {
// Glyphs kept, about 20 bytes each: a screen of posts holds some 10,000, so a repaint finds all it shows
// and a few screens scrolled past, in some 2 MB.
constexpr int CachedGlyphs = 100000;

bool isOneLine(const QString &text)
{
    for (const QChar c : text) {
        if (c == QLatin1Char('\n') || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return false;
    }
    return true;
}
} // namespace

size_t qHash(const RecordItemDelegate::Key &key, size_t seed) noexcept
{
    return qHashMulti(seed, key.text, key.width, int(key.elide), key.alignment, int(key.direction), key.font);
}

RecordItemDelegate::RecordItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_texts(CachedGlyphs)
{
}

void RecordItemDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (opt.text.isEmpty() || (opt.features & QStyleOptionViewItem::WrapText) || !isOneLine(opt.text)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    // The style draws the cell without its text (background, selection, check box, focus), then the text
    // goes where the style would put it, in the colour it would use.
    const QString text = opt.text;
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    // A table gives the text all of the cell beside its check box whatever its length (decoration shown
    // selected), so the rect is asked for without laying the text out; elsewhere it depends on the text.
    if (!opt.showDecorationSelected)
        opt.text = text;
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect textRect
        = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(margin, 0, -margin, 0);
    if (textRect.width() <= 0)
        return;

    // Laid out as QCommonStyle lays a cell's text out (elided to the rect, one line as wide as the rect,
    // aligned in it), once; its glyphs are then drawn where the style would draw them.
    const Qt::Alignment align = QStyle::visualAlignment(opt.direction, opt.displayAlignment);
    Key key { text, opt.font, textRect.width(), opt.textElideMode, int(align), opt.direction };
    const LaidOut *laidOut = m_texts.object(key);
    if (!laidOut) {
        QTextOption textOption;
        textOption.setWrapMode(QTextOption::ManualWrap);
        textOption.setTextDirection(opt.direction);
        textOption.setAlignment(align);
        QTextLayout layout(
            QFontMetrics(opt.font).elidedText(text, opt.textElideMode, textRect.width()), opt.font);
        layout.setTextOption(textOption);
        layout.beginLayout();
        QTextLine line = layout.createLine();
        qreal height = 0;
        if (line.isValid()) {
            line.setLineWidth(textRect.width());
            line.setPosition(QPointF(0, 0));
            height = line.height();
        }
        layout.endLayout();
        auto *made = new LaidOut { layout.glyphRuns(), int(height) };
        qsizetype glyphs = 1;
        for (const QGlyphRun &run : std::as_const(made->runs))
            glyphs += run.glyphIndexes().size();
        laidOut = made;
        m_texts.insert(std::move(key), made, glyphs);
    }

    QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(opt.state & QStyle::State_Active))
        group = QPalette::Inactive;
    const QRect lineRect = QStyle::alignedRect(opt.direction, opt.displayAlignment & Qt::AlignVertical_Mask,
        QSize(textRect.width(), laidOut->height), textRect);
    const QPointF at(textRect.x(), lineRect.top());

    painter->save();
    painter->setPen(opt.palette.color(
        group, opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setClipRect(textRect, Qt::IntersectClip);
    for (const QGlyphRun &run : laidOut->runs)
        painter->drawGlyphRun(at, run);
    painter->restore();
}

} // namespace UserDesk
