#include "jsonhighlighter.h"

#include "palettecolors.h"

namespace UserDesk {

JsonHighlighter::JsonHighlighter(QTextDocument *document, const QPalette &palette)
    : QSyntaxHighlighter(document)
{
    m_literal.setFontWeight(QFont::DemiBold);
    setPalette(palette);
}

void JsonHighlighter::setPalette(const QPalette &palette)
{
    using PaletteColors::Role;
    m_key.setForeground(PaletteColors::text(palette, Role::JsonKey));
    m_string.setForeground(PaletteColors::text(palette, Role::JsonString));
    m_number.setForeground(PaletteColors::text(palette, Role::JsonNumber));
    m_literal.setForeground(PaletteColors::text(palette, Role::JsonLiteral));
    rehighlight();
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
