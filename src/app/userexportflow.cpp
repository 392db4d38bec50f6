#include "userexportflow.h"

#include "apiclient.h"
#include "tablestatus.h"
#include "userexport.h"
#include "usertablemodel.h"

#include <QAction>
#include <QFileDialog>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>

namespace UserDesk {

namespace {
// What one page request takes before any was measured, for the estimate of loading the rest.
constexpr int UnmeasuredPageMs = 300;

int plural(qint64 n)
{
    return static_cast<int>(std::clamp<qint64>(n, 0, 1000000000));
}
} // namespace

UserExportFlow::UserExportFlow(UserTableModel *model, ApiClient *client, Selection selection, QWidget *window)
    : QObject(window)
    , m_model(model)
    , m_client(client)
    , m_selection(std::move(selection))
    , m_window(window)
{
    connect(m_model, &UserTableModel::loadingAllChanged, this, &UserExportFlow::onLoadingAllChanged);
}

void UserExportFlow::attach(QAction *csv, QAction *json)
{
    connect(csv, &QAction::triggered, this, [this] { start(false); });
    connect(json, &QAction::triggered, this, [this] { start(true); });
}

void UserExportFlow::start(bool json)
{
    if (m_question)
        m_question->close();
    const QLocale locale;
    const qint64 total = m_model->totalCount();
    const int loaded = m_model->loadedCount();
    const int selected = static_cast<int>(m_selection().size());
    const bool filtered = !m_model->filter().isEmpty();
    const bool complete = m_model->isComplete();
    if (complete && selected == 0) {
        chooseFile(Scope::All, json);
        return;
    }

    auto *box = new QMessageBox(QMessageBox::Question, json ? tr("Export as JSON") : tr("Export as CSV"),
        tr("Which users should be exported?"), QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("exportScopeQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QString details;
    QPushButton *all = nullptr;
    if (total >= 0) {
        all = box->addButton(filtered ? tr("All %Ln Matching User(s)", nullptr, plural(total))
                                      : tr("All %Ln User(s)", nullptr, plural(total)),
            QMessageBox::AcceptRole);
        all->setObjectName(QStringLiteral("exportAllButton"));
        if (const int pages = m_model->remainingPages(); !complete && pages > 0) {
            const qint64 ms = TableStatus::estimateMs(pages, m_client->rateLimit(),
                TableStatus::measuredPageMs(*m_client->requestLog(), UnmeasuredPageMs));
            details = tr("Exporting all of them means loading %n more page(s) first, %1; the status bar "
                         "shows the progress and can stop it.",
                nullptr, plural(pages))
                          .arg(TableStatus::duration(ms));
        }
    }
    QPushButton *loadedButton = nullptr;
    if (!complete) {
        loadedButton
            = box->addButton(tr("The %Ln Loaded User(s)", nullptr, plural(loaded)), QMessageBox::AcceptRole);
        loadedButton->setObjectName(QStringLiteral("exportLoadedButton"));
    }
    QPushButton *selectedButton = nullptr;
    if (selected > 0) {
        selectedButton
            = box->addButton(tr("The %Ln Selected User(s)", nullptr, selected), QMessageBox::AcceptRole);
        selectedButton->setObjectName(QStringLiteral("exportSelectedButton"));
    }
    box->addButton(QMessageBox::Cancel);
    if (total < 0)
        details
            = tr("The server did not say how many users it has, so only the loaded ones can be exported.");
    box->setInformativeText(details);
    box->setDefaultButton(selectedButton ? selectedButton : (loadedButton ? loadedButton : all));
    connect(box, &QMessageBox::finished, this, [this, box, all, loadedButton, selectedButton, json] {
        QAbstractButton *clicked = box->clickedButton();
        if (clicked && clicked == all)
            chooseFile(Scope::All, json);
        else if (clicked && clicked == loadedButton)
            chooseFile(Scope::Loaded, json);
        else if (clicked && clicked == selectedButton)
            chooseFile(Scope::Selected, json);
    });
    m_question = box;
    box->open();
}

void UserExportFlow::chooseFile(Scope scope, bool json)
{
    auto *dialog = new QFileDialog(m_window, json ? tr("Export users as JSON") : tr("Export users as CSV"));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(json ? tr("JSON files (*.json)") : tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(json ? QStringLiteral("json") : QStringLiteral("csv"));
    dialog->selectFile(json ? QStringLiteral("users.json") : QStringLiteral("users.csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
        [this, scope, json](const QString &path) { exportTo(scope, path, json); });
    dialog->open();
}

void UserExportFlow::exportTo(Scope scope, const QString &path, bool json)
{
    if (scope != Scope::All || m_model->isComplete()) {
        writeNow(scope, path, json);
        return;
    }
    // The last choice wins: an earlier export still waiting is dropped, and says so.
    if (isWaitingForTheRest())
        Q_EMIT failed(tr("The export to %1 was replaced by the export to %2; nothing was written to %1.")
                          .arg(m_pendingPath, path));
    m_pendingPath = path;
    m_pendingJson = json;
    Q_EMIT message(tr("Loading the rest of the users before exporting them to %1…").arg(path));
    m_model->loadAll();
}

void UserExportFlow::onLoadingAllChanged(bool active, bool complete)
{
    if (active || !isWaitingForTheRest())
        return;
    const QString path = std::exchange(m_pendingPath, QString());
    if (complete) {
        writeNow(Scope::All, path, m_pendingJson);
        return;
    }
    const qint64 total = m_model->totalCount();
    Q_EMIT failed(tr("The export to %1 stopped before every user was loaded (%2 of %3); nothing was written.")
                      .arg(path, QLocale().toString(m_model->loadedCount()),
                          total >= 0 ? QLocale().toString(total) : tr("an unknown number")));
}

void UserExportFlow::writeNow(Scope scope, const QString &path, bool json)
{
    const QList<User> users = scope == Scope::Selected ? m_selection() : m_model->users();
    QString why;
    if (write(path, users, json, &why))
        Q_EMIT message(
            exportedText(scope, users.size(), m_model->totalCount(), !m_model->filter().isEmpty(), path));
    else
        Q_EMIT failed(tr("Could not export to %1: %2.").arg(path, why));
}

QString UserExportFlow::exportedText(
    Scope scope, qint64 written, qint64 total, bool filtered, const QString &path)
{
    const QString count = QLocale().toString(written);
    if (total < 0) {
        return tr(
            "Exported %Ln user(s) to %1; how many the server has is not known.", nullptr, plural(written))
            .arg(path);
    }
    const int n = plural(total);
    if (written >= total) {
        return (filtered ? tr("Exported %1 of %Ln matching user(s) (filtered) to %2.", nullptr, n)
                         : tr("Exported %1 of %Ln user(s) to %2.", nullptr, n))
            .arg(count, path);
    }
    if (scope == Scope::Selected) {
        return (filtered
                ? tr("Exported %1 of %Ln matching user(s) (filtered) to %2: the selected ones.", nullptr, n)
                : tr("Exported %1 of %Ln user(s) to %2: the selected ones.", nullptr, n))
            .arg(count, path);
    }
    return (filtered ? tr("Exported %1 of %Ln matching user(s) (filtered) to %2: the loaded ones; the others "
                          "are not loaded yet.",
                nullptr, n)
                     : tr("Exported %1 of %Ln user(s) to %2: the loaded ones; the others are not loaded yet.",
                         nullptr, n))
        .arg(count, path);
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
