#include "importdialog.h"

#include "palettecolors.h"
#include "ui_importdialog.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidgetItem>

namespace UserDesk {

ImportDialog::ImportDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ImportDialog>())
{
    m_ui->setupUi(this);
    m_dryRun = m_ui->buttonBox->addButton(tr("&Dry Run"), QDialogButtonBox::ActionRole);
    m_dryRun->setObjectName(QStringLiteral("dryRunButton"));
    m_dryRun->setToolTip(tr("Check every row and say what an import would do; nothing is sent"));
    m_import = m_ui->buttonBox->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_ui->fileErrorLabel->setStyleSheet(PaletteColors::textStyle(palette(), PaletteColors::Role::Error));
    m_ui->previewTable->setColumnCount(6);
    m_ui->previewTable->setHorizontalHeaderLabels(
        { tr("Row"), tr("Name"), tr("Email"), tr("Gender"), tr("Status"), tr("Problems") });
    m_ui->previewTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->previewTable->verticalHeader()->hide();
    for (const QString &field : UserImport::fields()) {
        QComboBox *box = combo(field);
        box->setAccessibleName(tr("Column for %1").arg(field));
        box->setPlaceholderText(tr("Choose a column"));
        connect(box, &QComboBox::currentIndexChanged, this, [this, field, box] {
            if (m_filling || box->currentIndex() < 0)
                return;
            m_mapping.insert(field, box->currentText());
            parse();
        });
    }
    connect(m_ui->chooseFileButton, &QPushButton::clicked, this, &ImportDialog::chooseFile);
    connect(m_dryRun, &QPushButton::clicked, this, &ImportDialog::dryRun);
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->fileLabel->setText(tr("Choose a CSV file (with a header row) or a JSON file (an array of objects, "
                                "or one object per line)."));
    parse();
}

ImportDialog::~ImportDialog() = default;

QComboBox *ImportDialog::combo(const QString &field) const
{
    if (field == QLatin1String("name"))
        return m_ui->nameColumn;
    if (field == QLatin1String("email"))
        return m_ui->emailColumn;
    if (field == QLatin1String("gender"))
        return m_ui->genderColumn;
    return m_ui->statusColumn;
}

void ImportDialog::chooseFile()
{
    auto *dialog = new QFileDialog(this, tr("Import Users"), QDir::homePath(),
        tr("User files (*.csv *.json *.ndjson *.jsonl);;All files (*)"));
    dialog->setObjectName(QStringLiteral("importFileDialog"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &ImportDialog::loadFile);
    dialog->open();
}

bool ImportDialog::loadFile(const QString &path)
{
    m_path = QFileInfo(path).absoluteFilePath();
    m_mapping.clear();
    m_ui->fileLabel->setText(tr("File: %1").arg(QDir::toNativeSeparators(m_path)));
    parse();
    return m_result.ok();
}

void ImportDialog::mapField(const QString &field, const QString &column)
{
    QComboBox *box = combo(field);
    box->setCurrentIndex(box->findText(column));
}

void ImportDialog::parse()
{
    if (m_path.isEmpty()) {
        m_result = {};
    } else {
        m_result = UserImport::parseFile(m_path, UserImport::Format::Auto, m_mapping);
        if (m_result.columns.isEmpty() && m_result.ok())
            m_result.error = tr("The file holds no rows.");
    }
    fillMapping();
    fillTable();
    m_ui->fileErrorLabel->setText(m_result.error);
    m_ui->fileErrorLabel->setVisible(!m_result.error.isEmpty());
    m_ui->summaryLabel->setText(summary());
    const int valid = m_result.ok() ? m_result.validCount() : 0;
    m_import->setText(valid > 0 ? tr("&Import %n User(s)", nullptr, valid) : tr("&Import"));
    m_import->setEnabled(valid > 0);
    m_dryRun->setEnabled(m_result.ok() && !m_path.isEmpty());
}

void ImportDialog::fillMapping()
{
    m_filling = true;
    for (const QString &field : UserImport::fields()) {
        QComboBox *box = combo(field);
        box->clear();
        box->addItems(m_result.columns);
        // The column used: the parse's choice, else the person's (a mapping the parse refused).
        const QString column = m_result.mapping.value(field, m_mapping.value(field));
        box->setCurrentIndex(m_result.columns.indexOf(column));
        box->setEnabled(!m_result.columns.isEmpty());
    }
    m_filling = false;
}

void ImportDialog::fillTable()
{
    QTableWidget *table = m_ui->previewTable;
    table->setRowCount(0);
    if (!m_result.ok())
        return;
    table->setRowCount(int(m_result.rows.size()));
    const QColor errorColour = PaletteColors::text(palette(), PaletteColors::Role::Error);
    for (int r = 0; r < m_result.rows.size(); ++r) {
        const ImportRow &row = m_result.rows.at(r);
        const QStringList cells { row.source, row.draft.name.value_or(QString()),
            row.draft.email.value_or(QString()), row.draft.gender.value_or(QString()),
            row.draft.status.value_or(QString()),
            row.isValid() ? tr("OK") : row.errors.join(QLatin1Char(' ')) };
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (!row.isValid() && c == cells.size() - 1)
                item->setForeground(errorColour);
            table->setItem(r, c, item);
        }
    }
    table->resizeColumnsToContents();
    table->resizeRowsToContents();
}

QString ImportDialog::summary() const
{
    if (m_path.isEmpty() || !m_result.ok())
        return {};
    const int valid = m_result.validCount();
    const int invalid = int(m_result.rows.size()) - valid;
    QString text = tr("%n row(s) read.", nullptr, int(m_result.rows.size()));
    if (invalid > 0)
        text += QLatin1Char(' ')
            + tr("%n row(s) with errors (shown beside them) will not be imported.", nullptr, invalid);
    if (!m_result.ignoredColumns.isEmpty())
        text += QLatin1Char(' ')
            + tr("Columns not imported: %1.").arg(m_result.ignoredColumns.join(QStringLiteral(", ")));
    return text;
}

QString ImportDialog::dryRun()
{
    if (!m_result.ok() || m_path.isEmpty())
        return {};
    const int valid = m_result.validCount();
    const int invalid = int(m_result.rows.size()) - valid;
    QString text = tr("Dry run: an import would create %n user(s).", nullptr, valid);
    if (invalid > 0)
        text += QLatin1Char(' ') + tr("%n row(s) with errors would be left out.", nullptr, invalid);
    text += QLatin1Char(' ') + tr("Nothing was sent.");
    m_ui->summaryLabel->setText(text);
    return text;
}

void ImportDialog::startImport()
{
    QList<ImportRow> rows;
    for (const ImportRow &row : std::as_const(m_result.rows))
        if (row.isValid())
            rows.append(row);
    if (!m_result.ok() || rows.isEmpty())
        return;
    Q_EMIT importRequested(rows, m_path);
    accept();
}

} // namespace UserDesk
