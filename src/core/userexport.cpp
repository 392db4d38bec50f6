#include "userexport.h"

#include "jsonformat.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace UserDesk {

bool UserExport::parseFormat(const QString &text, Format *format)
{
    if (text == QLatin1String("table"))
        *format = Format::Table;
    else if (text == QLatin1String("json"))
        *format = Format::Json;
    else if (text == QLatin1String("csv"))
        *format = Format::Csv;
    else
        return false;
    return true;
}

QByteArray UserExport::render(const QList<User> &users, Format format, CsvCells cells)
{
    switch (format) {
    case Format::Table:
        return table(users);
    case Format::Json:
        return json(users);
    case Format::Csv:
        return csv(users, cells);
    }
    return {};
}

QByteArray UserExport::renderOne(const User &user, Format format)
{
    if (format == Format::Json)
        return JsonFormat::reindent(user.toOrderedJson());
    return render({ user }, format);
}

QByteArray UserExport::table(const QList<User> &users)
{
    const QStringList headers { QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("EMAIL"),
        QStringLiteral("GENDER"), QStringLiteral("STATUS") };
    QList<QStringList> rows;
    rows.reserve(users.size());
    for (const User &u : users)
        rows.append({ u.id.toString(), u.name, u.email, u.gender, u.status });
    QList<int> widths;
    for (const QString &h : headers)
        widths.append(static_cast<int>(h.size()));
    for (const QStringList &row : std::as_const(rows)) {
        for (int i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], static_cast<int>(row[i].size()));
    }
    QString out;
    auto line = [&](const QStringList &cells) {
        for (int i = 0; i < cells.size(); ++i) {
            const bool last = i == cells.size() - 1;
            out += last ? cells[i] : cells[i].leftJustified(widths[i] + 2);
        }
        out += QLatin1Char('\n');
    };
    line(headers);
    for (const QStringList &row : std::as_const(rows))
        line(row);
    return out.toUtf8();
}

QByteArray UserExport::json(const QList<User> &users)
{
    // In GoRest's field order, as the app shows users; QJsonObject would sort the keys.
    QByteArray array = "[";
    for (const User &u : users) {
        if (array.size() > 1)
            array += ',';
        array += u.toOrderedJson();
    }
    return JsonFormat::reindent(array + ']');
}

QString UserExport::defused(const QString &cell)
{
    static const QString triggers = QStringLiteral("=+-@\t\r");
    if (cell.isEmpty() || !triggers.contains(cell.front()))
        return cell;
    return QLatin1Char('\'') + cell;
}

QByteArray UserExport::csv(const QList<User> &users, CsvCells cells)
{
    auto field = [cells](QString value) -> QString {
        if (cells == CsvCells::Defused)
            value = defused(value);
        if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"'))
            && !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
            return value;
        QString quoted = value;
        quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
        return QLatin1Char('"') + quoted + QLatin1Char('"');
    };
    QString out = QStringLiteral("id,name,email,gender,status\r\n");
    for (const User &u : users) {
        out += (u.id.isText() ? field(u.id.toString()) : u.id.toString()) + QLatin1Char(',') + field(u.name)
            + QLatin1Char(',') + field(u.email) + QLatin1Char(',') + field(u.gender) + QLatin1Char(',')
            + field(u.status) + QLatin1String("\r\n");
    }
    return out.toUtf8();
}

} // namespace UserDesk
