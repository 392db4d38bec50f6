#include "userexportflow.h"

#include "userexport.h"

#include <QAction>
#include <QFileDialog>
#include <QLocale>
#include <QSaveFile>

namespace UserDesk {

UserExportFlow::UserExportFlow(Users users, Total total, QWidget *window)
    : QObject(window)
    , m_users(std::move(users))
    , m_total(std::move(total))
    , m_window(window)
{
}

void UserExportFlow::attach(QAction *csv, QAction *json)
{
    connect(csv, &QAction::triggered, this, [this] { chooseFileAndExport(false); });
    connect(json, &QAction::triggered, this, [this] { chooseFileAndExport(true); });
}

void UserExportFlow::chooseFileAndExport(bool json)
{
    auto *dialog = new QFileDialog(m_window, json ? tr("Export users as JSON") : tr("Export users as CSV"));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(json ? tr("JSON files (*.json)") : tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(json ? QStringLiteral("json") : QStringLiteral("csv"));
    dialog->selectFile(json ? QStringLiteral("users.json") : QStringLiteral("users.csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, json](const QString &path) {
        const QList<User> users = m_users();
        QString why;
        if (write(path, users, json, &why))
            Q_EMIT exported(exportedText(users.size(), m_total(), path));
        else
            Q_EMIT failed(tr("Could not export to %1: %2.").arg(path, why));
    });
    dialog->open();
}

QString UserExportFlow::exportedText(qint64 written, qint64 total, const QString &path)
{
    const int n = static_cast<int>(std::min<qint64>(written, 1000000000));
    if (total < 0)
        return tr("Exported the %n loaded user(s) to %1; how many the server has is not known.", nullptr, n)
            .arg(path);
    if (written >= total)
        return tr("Exported all %n user(s) to %1.", nullptr, n).arg(path);
    return tr("Exported the %n loaded user(s) of %1 to %2; the others are not loaded yet.", nullptr, n)
        .arg(QLocale().toString(total), path);
}

bool UserExportFlow::write(const QString &path, const QList<User> &users, bool json, QString *why)
{
    QSaveFile file(path);
    // CSV goes to spreadsheets: a name that would run as a formula there is written as text.
    const QByteArray bytes = json
        ? UserExport::render(users, UserExport::Format::Json)
        : UserExport::render(users, UserExport::Format::Csv, UserExport::CsvCells::Defused);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    if (why)
        *why = file.errorString();
    return false;
}

} // namespace UserDesk
