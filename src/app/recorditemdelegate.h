#pragma once

#include <QCache>
#include <QFont>
#include <QGlyphRun>
#include <QList>
#include <QStyledItemDelegate>

namespace UserDesk {

// Paints a record table's cells as QStyledItemDelegate does, but keeps each cell's text laid out
// (elided to the cell, shaped once, as glyphs) while the text, its width and its font stay the same. Qt lays
// a cell's text out three times on every repaint (its size, its elision, its drawing), and a records table
// repaints whole for every page that arrives: with a row of post titles and bodies, that shaping was most of
// the GUI thread's time while posts loaded. Cells with more than one line of text, or ones that wrap, are
// left to QStyledItemDelegate.
class RecordItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit RecordItemDelegate(QObject *parent = nullptr);

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    struct Key
    {
        QString text;
        QFont font;
        int width = 0;
        Qt::TextElideMode elide = Qt::ElideRight;
        int alignment = 0;
        Qt::LayoutDirection direction = Qt::LeftToRight;
        friend bool operator==(const Key &a, const Key &b)
        {
            return a.width == b.width && a.elide == b.elide && a.alignment == b.alignment
                && a.direction == b.direction && a.text == b.text && a.font == b.font;
        }
    };

private:
    struct LaidOut
    {
        QList<QGlyphRun> runs; // positioned in a line box whose top left is (0, 0)
        int height = 0; // the line's height, as the style counts it
    };
    mutable QCache<Key, LaidOut> m_texts; // cost: glyphs
};

size_t qHash(const RecordItemDelegate::Key &key, size_t seed = 0) noexcept;

} // namespace UserDesk
