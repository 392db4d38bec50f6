#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace UserDesk {

// Colours keys, strings, numbers and literals in pretty-printed JSON, one line at a time (the pretty
// printer never breaks a string across lines, so no state has to carry over).
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit JsonHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
};

} // namespace UserDesk
