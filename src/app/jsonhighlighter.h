#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace UserDesk {

// Colours keys, strings, numbers and literals in pretty-printed JSON, one line at a time (the pretty
// printer never breaks a string across lines, so no state has to carry over). The colours come from the
// palette of the view that shows the document, so they read on a light and on a dark base.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    JsonHighlighter(QTextDocument *document, const QPalette &palette);

    void setPalette(const QPalette &palette);
    QColor keyColor() const { return m_key.foreground().color(); }
    QColor stringColor() const { return m_string.foreground().color(); }

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
};

} // namespace UserDesk
