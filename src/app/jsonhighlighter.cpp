#include "jsonhighlighter.h"

namespace UserDesk {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_key.setForeground(QColor(0x88, 0x1a, 0x8c));
    m_string.setForeground(QColor(0x1a, 0x6e, 0x2e));
    m_number.setForeground(QColor(0x1f, 0x4f, 0xa8));
    m_literal.setForeground(QColor(0xa8, 0x4b, 0x00));
    m_literal.setFontWeight(QFont::DemiBold);
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    const int n = static_cast<int>(text.size());
    int i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"')) {
            int end = i + 1;
            while (end < n && text.at(end) != QLatin1Char('"')) {
                if (text.at(end) == QLatin1Char('\\'))
                    ++end;
                ++end;
            }
            end = std::min(end + 1, n);
            int after = end;
            while (after < n && text.at(after).isSpace())
                ++after;
            const bool isKey = after < n && text.at(after) == QLatin1Char(':');
            setFormat(i, end - i, isKey ? m_key : m_string);
            i = end;
        } else if (c.isDigit() || (c == QLatin1Char('-') && i + 1 < n && text.at(i + 1).isDigit())) {
            int end = i + 1;
            while (end < n && (text.at(end).isDigit() || QStringLiteral(".eE+-").contains(text.at(end))))
                ++end;
            setFormat(i, end - i, m_number);
            i = end;
        } else if (c.isLetter()) {
            int end = i + 1;
            while (end < n && text.at(end).isLetter())
                ++end;
            const QStringView word = QStringView(text).mid(i, end - i);
            if (word == QLatin1String("true") || word == QLatin1String("false")
                || word == QLatin1String("null"))
                setFormat(i, end - i, m_literal);
            i = end;
        } else {
            ++i;
        }
    }
}

} // namespace UserDesk
