#include "importdialog.h"

#include "palettecolors.h"
#include "ui_importdialog.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidgetItem>

namespace UserDesk {

ImportDialog::ImportDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ImportDialog>())
    , m_schema(&ResourceSchema::users())
{
    m_ui->setupUi(this);
    m_ui->summaryLabel->hide(); // shown once there is something to sum up
    m_dryRun = m_ui->buttonBox->addButton(tr("&Dry Run"), QDialogButtonBox::ActionRole);
    m_dryRun->setObjectName(QStringLiteral("dryRunButton"));
    m_dryRun->setToolTip(tr("Check every row and say what an import would do; nothing is sent"));
    m_import = m_ui->buttonBox->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_ui->fileErrorLabel->setStyleSheet(PaletteColors::textStyle(palette(), PaletteColors::Role::Error));
    m_ui->previewTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->previewTable->verticalHeader()->hide();
    m_ui->resourceChoice->addItem(tr("Users"), QStringLiteral("users"));
    m_ui->resourceChoice->addItem(tr("Posts"), QStringLiteral("posts"));
    m_ui->resourceChoice->addItem(tr("Comments"), QStringLiteral("comments"));
    m_ui->resourceChoice->addItem(tr("Todos"), QStringLiteral("todos"));
    connect(m_ui->resourceChoice, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            setResource(m_ui->resourceChoice->currentData().toString());
    });
    connect(m_ui->parentEdit, &QLineEdit::textEdited, this, &ImportDialog::setParentId);
    connect(m_ui->chooseFileButton, &QPushButton::clicked, this, &ImportDialog::chooseFile);
    connect(m_dryRun, &QPushButton::clicked, this, &ImportDialog::dryRun);
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->fileLabel->setText(tr("Choose a CSV file (with a header row) or a JSON file (an array of objects, "
                                "or one object per line)."));
    setResource(QStringLiteral("users"));
}

ImportDialog::~ImportDialog() = default;

QComboBox *ImportDialog::combo(const QString &field) const
{
    return m_ui->mappingGroup->findChild<QComboBox *>(field + QStringLiteral("Column"));
}

QStringList ImportDialog::fields() const
{
    return RecordImport::fields(*m_schema);
}

void ImportDialog::setResource(const QString &resource)
{
    const ResourceSchema *schema = ResourceSchema::find(resource);
    if (!schema)
        return;
    m_schema = schema;
    m_mapping.clear();
    m_parentId = {};
    m_filling = true;
    m_ui->resourceChoice->setCurrentIndex(m_ui->resourceChoice->findData(schema->name));
    m_filling = false;
    const bool users = schema->parent.isEmpty();
    m_ui->parentEdit->clear();
    m_ui->parentEdit->setVisible(!users);
    m_ui->parentLabel->setVisible(!users);
    const bool underPost = schema->parent == QLatin1String("posts");
    m_ui->parentLabel->setText(underPost ? tr("For &post:") : tr("For &user:"));
    m_ui->parentEdit->setPlaceholderText(
        underPost ? tr("the post_id column of each row") : tr("the user_id column of each row"));
    m_ui->parentEdit->setAccessibleName(
        underPost ? tr("Post every row goes under") : tr("User every row goes under"));
    setWindowTitle(users                             ? tr("Import Users")
            : underPost                              ? tr("Import Comments")
            : schema->name == QLatin1String("posts") ? tr("Import Posts")
                                                     : tr("Import Todos"));
    buildMapping();
    parse();
}

void ImportDialog::setParentId(const QString &text)
{
    if (m_ui->parentEdit->text() != text)
        m_ui->parentEdit->setText(text);
    parse();
}

void ImportDialog::buildMapping()
{
    QFormLayout *form = m_ui->mappingForm;
    while (form->rowCount() > 0)
        form->removeRow(0);
    QStringList headers { tr("Row") };
    for (const QString &field : fields()) {
        const FieldSpec *spec = m_schema->field(field);
        auto *box = new QComboBox(m_ui->mappingGroup);
        box->setObjectName(field + QStringLiteral("Column"));
        box->setAccessibleName(tr("Column for %1").arg(field));
        box->setPlaceholderText(tr("Choose a column"));
        connect(box, &QComboBox::currentIndexChanged, this, [this, field, box] {
            if (m_filling || box->currentIndex() < 0)
                return;
            m_mapping.insert(field, box->currentText());
            parse();
        });
        auto *label = new QLabel(tr("%1 from:").arg(spec->label()), m_ui->mappingGroup);
        label->setBuddy(box);
        form->addRow(label, box);
        headers.append(spec->label());
    }
    headers.append(tr("Problems"));
    m_ui->previewTable->setColumnCount(int(headers.size()));
    m_ui->previewTable->setHorizontalHeaderLabels(headers);
}

void ImportDialog::chooseFile()
{
    auto *dialog = new QFileDialog(this, windowTitle(), QDir::homePath(),
        tr("CSV and JSON files (*.csv *.json *.ndjson *.jsonl);;All files (*)"));
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
    return m_preview.error.isEmpty();
}

void ImportDialog::mapField(const QString &field, const QString &column)
{
    QComboBox *box = combo(field);
    box->setCurrentIndex(box->findText(column));
}

void ImportDialog::parse()
{
    m_result = {};
    m_records = {};
    m_preview = {};
    const QStringList names = fields();
    const QString parentText = m_ui->parentEdit->text().trimmed();
    m_parentId = {};
    if (!parentText.isEmpty() && !m_schema->parent.isEmpty()) {
        const auto id = ResourceId::parse(parentText);
        if (id && (id->isText() || id->number() > 0))
            m_parentId = *id;
        else
            m_preview.error
                = tr("\"%1\" is not an id; give the id of the %2 every row goes under, or leave "
                     "it empty to take it from the %3 column.")
                      .arg(parentText, m_schema->parent == QLatin1String("posts") ? tr("post") : tr("user"),
                          m_schema->parentField);
    }
    if (!m_path.isEmpty() && m_preview.error.isEmpty()) {
        if (m_schema->parent.isEmpty()) {
            m_result = UserImport::parseFile(m_path, UserImport::Format::Auto, m_mapping);
            m_preview.error = m_result.error;
            m_preview.columns = m_result.columns;
            m_preview.mapping = m_result.mapping;
            m_preview.ignoredColumns = m_result.ignoredColumns;
            for (const ImportRow &row : std::as_const(m_result.rows)) {
                m_preview.rows.append({ row.source,
                    { row.draft.name.value_or(QString()), row.draft.email.value_or(QString()),
                        row.draft.gender.value_or(QString()), row.draft.status.value_or(QString()) } });
                m_preview.errors.append(row.errors);
            }
        } else {
            m_records = RecordImport::parseFile(
                *m_schema, m_path, RecordImport::Format::Auto, m_mapping, m_parentId);
            m_preview.error = m_records.error;
            m_preview.columns = m_records.columns;
            m_preview.mapping = m_records.mapping;
            m_preview.ignoredColumns = m_records.ignoredColumns;
            for (const RecordImportRow &row : std::as_const(m_records.rows)) {
                QStringList cells;
                for (const QString &field : names) {
                    const QJsonValue v = field == m_schema->parentField && !m_parentId.isNull()
                        ? m_parentId.toJson()
                        : row.fields.value(field);
                    cells.append(v.isDouble() ? QString::number(v.toInteger()) : v.toString());
                }
                m_preview.rows.append({ row.source, cells });
                m_preview.errors.append(row.errors);
            }
        }
        if (m_preview.columns.isEmpty() && m_preview.error.isEmpty())
            m_preview.error = tr("The file holds no rows.");
        if (m_preview.error.isEmpty())
            for (const QStringList &e : std::as_const(m_preview.errors))
                m_preview.valid += e.isEmpty() ? 1 : 0;
        else
            m_preview.rows.clear();
    }
    fillMapping();
    fillTable();
    m_ui->fileErrorLabel->setText(m_preview.error);
    m_ui->fileErrorLabel->setVisible(!m_preview.error.isEmpty());
    m_ui->summaryLabel->setText(summary());
    m_ui->summaryLabel->setVisible(!m_ui->summaryLabel->text().isEmpty()); // an empty label says nothing
    const int valid = m_preview.valid;
    m_import->setText(valid > 0 ? importText(valid) : tr("&Import"));
    m_import->setEnabled(valid > 0);
    m_dryRun->setEnabled(m_preview.error.isEmpty() && !m_path.isEmpty());
}

QString ImportDialog::importText(int count) const
{
    if (m_schema->name == QLatin1String("posts"))
        return tr("&Import %n Post(s)", nullptr, count);
    if (m_schema->name == QLatin1String("comments"))
        return tr("&Import %n Comment(s)", nullptr, count);
    if (m_schema->name == QLatin1String("todos"))
        return tr("&Import %n Todo(s)", nullptr, count);
    return tr("&Import %n User(s)", nullptr, count);
}

QString ImportDialog::wouldCreate(int count) const
{
    if (m_schema->name == QLatin1String("posts"))
        return tr("Dry run: an import would create %n post(s).", nullptr, count);
    if (m_schema->name == QLatin1String("comments"))
        return tr("Dry run: an import would create %n comment(s).", nullptr, count);
    if (m_schema->name == QLatin1String("todos"))
        return tr("Dry run: an import would create %n todo(s).", nullptr, count);
    return tr("Dry run: an import would create %n user(s).", nullptr, count);
}

void ImportDialog::fillMapping()
{
    m_filling = true;
    for (const QString &field : fields()) {
        QComboBox *box = combo(field);
        if (!box)
            continue;
        box->clear();
        box->addItems(m_preview.columns);
        // The column used: the parse's choice, else the person's (a mapping the parse refused).
        const QString column = m_preview.mapping.value(field, m_mapping.value(field));
        box->setCurrentIndex(int(m_preview.columns.indexOf(column)));
        box->setEnabled(!m_preview.columns.isEmpty());
    }
    m_filling = false;
}

void ImportDialog::fillTable()
{
    QTableWidget *table = m_ui->previewTable;
    table->setRowCount(0);
    if (!m_preview.error.isEmpty())
        return;
    table->setRowCount(int(m_preview.rows.size()));
    const QColor errorColour = PaletteColors::text(palette(), PaletteColors::Role::Error);
    for (int r = 0; r < m_preview.rows.size(); ++r) {
        const auto &[source, values] = m_preview.rows.at(r);
        const QStringList &errors = m_preview.errors.at(r);
        const QStringList cells = QStringList { source } + values
            + QStringList { errors.isEmpty() ? tr("OK") : errors.join(QLatin1Char(' ')) };
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (!errors.isEmpty() && c == cells.size() - 1)
                item->setForeground(errorColour);
            table->setItem(r, c, item);
        }
    }
    table->resizeColumnsToContents();
    table->resizeRowsToContents();
}

QString ImportDialog::summary() const
{
    if (m_path.isEmpty() || !m_preview.error.isEmpty())
        return {};
    const int valid = m_preview.valid;
    const int invalid = int(m_preview.rows.size()) - valid;
    QString text = tr("%n row(s) read.", nullptr, int(m_preview.rows.size()));
    if (invalid > 0)
        text += QLatin1Char(' ')
            + tr("%n row(s) with errors (shown beside them) will not be imported.", nullptr, invalid);
    if (!m_preview.ignoredColumns.isEmpty())
        text += QLatin1Char(' ')
            + tr("Columns not imported: %1.").arg(m_preview.ignoredColumns.join(QStringLiteral(", ")));
    return text;
}

QString ImportDialog::dryRun()
{
    if (!m_preview.error.isEmpty() || m_path.isEmpty())
        return {};
    const int valid = m_preview.valid;
    const int invalid = int(m_preview.rows.size()) - valid;
    QString text = wouldCreate(valid);
    if (invalid > 0)
        text += QLatin1Char(' ') + tr("%n row(s) with errors would be left out.", nullptr, invalid);
    text += QLatin1Char(' ') + tr("Nothing was sent.");
    m_ui->summaryLabel->setText(text);
    m_ui->summaryLabel->show();
    return text;
}

void ImportDialog::startImport()
{
    if (!m_schema->parent.isEmpty()) {
        QList<RecordImportRow> rows;
        for (const RecordImportRow &row : std::as_const(m_records.rows))
            if (row.isValid())
                rows.append(row);
        if (!m_records.ok() || rows.isEmpty() || !m_preview.error.isEmpty())
            return;
        Q_EMIT recordImportRequested(m_schema->name, m_parentId, rows, m_path);
        accept();
        return;
    }
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
