#include "recordlistpane.h"

#include "palettecolors.h"
#include "recorddialog.h"
#include "recorditemdelegate.h"
#include "recordsortproxymodel.h"
#include "recordtablemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace UserDesk {

namespace {
// "posts", as a person reads it: for counts and questions.
QString pluralLabel(const ResourceSchema &schema, qint64 n)
{
    const int count = static_cast<int>(std::min<qint64>(n, 1000000000));
    if (schema.name == QLatin1String("posts"))
        return RecordListPane::tr("%Ln post(s)", nullptr, count);
    if (schema.name == QLatin1String("comments"))
        return RecordListPane::tr("%Ln comment(s)", nullptr, count);
    if (schema.name == QLatin1String("todos"))
        return RecordListPane::tr("%Ln todo(s)", nullptr, count);
    return QStringLiteral("%1 %2").arg(count).arg(schema.name);
}

// "Posts": the table's name for a screen reader and in messages.
// That loading a page was canceled, as a whole sentence.
QString canceledSentence(const ResourceSchema &schema)
{
    if (schema.name == QLatin1String("comments"))
        return RecordListPane::tr("Loading the comments was canceled.");
    if (schema.name == QLatin1String("todos"))
        return RecordListPane::tr("Loading the todos was canceled.");
    return RecordListPane::tr("Loading the posts was canceled.");
}

QString title(const ResourceSchema &schema)
{
    if (schema.name == QLatin1String("posts"))
        return RecordListPane::tr("Posts");
    if (schema.name == QLatin1String("comments"))
        return RecordListPane::tr("Comments");
    if (schema.name == QLatin1String("todos"))
        return RecordListPane::tr("Todos");
    return schema.name;
}
} // namespace

RecordListPane::RecordListPane(const ResourceSchema &schema, Scope scope, QWidget *parent)
    : QWidget(parent)
    , m_schema(schema)
    , m_scope(scope)
    , m_proxy(new RecordSortProxyModel(this))
    , m_view(new QTableView(this))
    , m_newButton(new QPushButton(tr("New…"), this))
    , m_editButton(new QPushButton(tr("Edit…"), this))
    , m_deleteButton(new QPushButton(tr("Delete"), this))
    , m_status(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_retryButton(new QPushButton(tr("Try again"), this))
{
    setObjectName(schema.name + QStringLiteral("Pane"));
    m_view->setObjectName(schema.name + QStringLiteral("View"));
    m_newButton->setObjectName(QStringLiteral("new_") + schema.name);
    m_editButton->setObjectName(QStringLiteral("edit_") + schema.name);
    m_deleteButton->setObjectName(QStringLiteral("delete_") + schema.name);
    m_status->setObjectName(schema.name + QStringLiteral("Status"));
    m_problem->setObjectName(schema.name + QStringLiteral("Problem"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    m_retryButton->setObjectName(schema.name + QStringLiteral("Retry"));
    m_retryButton->hide();
    m_loadWanted = scope == Scope::All; // every record: there is no parent to wait for

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_newButton);
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_deleteButton);
    buttons->addStretch(1);
    buttons->addWidget(m_status);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    auto *problem = new QHBoxLayout;
    problem->addWidget(m_problem, 1);
    problem->addWidget(m_retryButton, 0, Qt::AlignTop);
    layout->addLayout(problem);

    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(scope == Scope::All);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setItemDelegate(new RecordItemDelegate(m_view));
    m_view->setAccessibleName(title(schema));
    for (QPushButton *b : { m_newButton, m_editButton, m_deleteButton, m_retryButton })
        b->setAccessibleName(tr("%1: %2").arg(title(schema), b->text().remove(QStringLiteral("…"))));
    connect(m_newButton, &QPushButton::clicked, this, &RecordListPane::newRecord);
    connect(m_editButton, &QPushButton::clicked, this, &RecordListPane::editCurrent);
    connect(m_deleteButton, &QPushButton::clicked, this, &RecordListPane::deleteCurrent);
    // A page that failed stopped the paging (the view would otherwise ask again on every repaint): this
    // asks for it again, as the users table's banner does.
    connect(m_retryButton, &QPushButton::clicked, this, [this] {
        showProblem({});
        if (m_model)
            m_model->retryFetch();
    });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        // A double-click on a checkbox toggles it; it does not open the form too.
        if (!(index.flags() & Qt::ItemIsUserCheckable))
            editCurrent();
    });
    updateActions();
    updateStatus();
}

RecordListPane::~RecordListPane()
{
    if (!m_model)
        return;
    // Cancels its page request; nobody here is left to hear about it.
    m_model->disconnect();
    m_proxy->setSourceModel(nullptr);
    m_model->clear();
}

void RecordListPane::setClient(ApiClient *client)
{
    if (m_model) {
        m_model->clear();
        m_proxy->setSourceModel(nullptr);
        delete m_model;
        m_model = nullptr;
    }
    m_client = client;
    if (!client)
        return;
    m_model = new RecordTableModel(client, m_schema, this);
    if (m_schema.name == QLatin1String("todos"))
        m_model->setToggleField(
            QStringLiteral("status"), QStringLiteral("completed"), QStringLiteral("pending"));
    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    // The server's order (newest first) until the person picks a column: no arrow that claims a sort.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    for (int c = 0; c < m_schema.fields.size(); ++c) {
        const FieldSpec &f = m_schema.fields.at(c);
        if (m_scope == Scope::UnderParent && f.name == m_schema.parentField)
            m_view->hideColumn(c); // the parent is the one shown above
        else if (f.type == FieldSpec::Type::Id || f.type == FieldSpec::Type::Reference)
            m_view->setColumnWidth(c, 70);
        else if (f.type == FieldSpec::Type::String || f.type == FieldSpec::Type::Email)
            m_view->setColumnWidth(c, 200);
        else if (f.type == FieldSpec::Type::DateTime)
            m_view->setColumnWidth(c, 150);
    }
    m_model->setScope(m_parentId, m_filters);
    // The record shown as current is the selected one: a current row that is not selected is none.
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        Q_EMIT currentRecordChanged(currentRecord());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        Q_EMIT currentRecordChanged(currentRecord());
    });
    connect(m_model, &RecordTableModel::countsChanged, this, &RecordListPane::updateStatus);
    connect(m_model, &RecordTableModel::loadingChanged, this, &RecordListPane::updateStatus);
    connect(m_model, &RecordTableModel::modelReset, this, [this] {
        updateActions();
        Q_EMIT currentRecordChanged(currentRecord());
    });
    connect(m_model, &RecordTableModel::rowsRemoved, this, [this] {
        updateActions();
        Q_EMIT currentRecordChanged(currentRecord());
    });
    connect(m_model, &RecordTableModel::dataChanged, this, [this](const QModelIndex &from) {
        if (currentSourceRow() == from.row())
            Q_EMIT currentRecordChanged(currentRecord());
    });
    connect(m_proxy, &QSortFilterProxyModel::layoutChanged, this, &RecordListPane::updateStatus);
    connect(m_model, &RecordTableModel::pageLoadFailed, this,
        [this](ApiClient::RequestId, const ApiError &error) {
            showProblem(error.kind() == ApiError::Kind::Canceled
                    ? canceledSentence(m_schema)
                    : tr("Could not load %1: %2").arg(m_view->accessibleName(), error.userMessage()),
                true);
        });
    connect(m_model, &RecordTableModel::rowRequestFailed, this,
        [this](ApiClient::RequestId, const ResourceId &id, const ApiError &error) {
            if (error.kind() == ApiError::Kind::Canceled)
                return;
            showProblem(tr("The change to %1 (ID %2) was not saved: %3")
                            .arg(m_view->accessibleName(), id.toString(), error.userMessage()));
        });
    connect(m_model, &RecordTableModel::pagingStopped, this,
        [this](const QString &reason) { showProblem(reason); });
    loadIfWanted();
}

void RecordListPane::setOnline(bool online)
{
    m_online = online;
    loadIfWanted();
    updateActions();
}

void RecordListPane::showParent(const ResourceId &parentId)
{
    if (parentId == m_parentId)
        return; // what was loaded for it stays
    m_parentId = parentId;
    showProblem({});
    m_loadWanted = !parentId.isNull();
    if (m_model)
        m_model->setScope(parentId, m_filters);
    loadIfWanted();
    updateActions();
}

void RecordListPane::setFilters(const QList<std::pair<QString, QString>> &filters)
{
    m_filters = filters;
    showProblem({});
    m_loadWanted = true;
    if (m_model)
        m_model->setScope(m_parentId, m_filters);
    loadIfWanted();
}

void RecordListPane::reload()
{
    m_loadWanted = m_scope == Scope::All || !m_parentId.isNull();
    showProblem({});
    if (m_model)
        m_model->setScope(m_parentId, m_filters);
    loadIfWanted();
}

void RecordListPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    loadIfWanted();
}

void RecordListPane::loadIfWanted()
{
    // Asked for when shown: a tab nobody opens costs no request.
    if (!m_loadWanted || !m_online || !m_model || !isVisible())
        return;
    m_loadWanted = false;
    m_model->reload();
}

int RecordListPane::currentSourceRow() const
{
    const QModelIndex current
        = m_view->selectionModel() ? m_view->selectionModel()->currentIndex() : QModelIndex();
    if (!current.isValid() || !m_view->selectionModel()->isRowSelected(current.row(), current.parent()))
        return -1;
    return m_proxy->mapToSource(current).row();
}

QJsonObject RecordListPane::currentRecord() const
{
    return m_model ? m_model->recordAt(currentSourceRow()) : QJsonObject();
}

void RecordListPane::updateActions()
{
    const bool canWrite = m_online && m_model;
    const bool hasParent = m_scope == Scope::All || !m_parentId.isNull();
    const QJsonObject current = currentRecord();
    m_newButton->setEnabled(canWrite && hasParent);
    m_editButton->setEnabled(canWrite && !current.isEmpty());
    m_deleteButton->setEnabled(canWrite && !current.isEmpty());
}

QString RecordListPane::statusText() const
{
    return m_status->text();
}

void RecordListPane::updateStatus()
{
    if (!m_model || (m_scope == Scope::UnderParent && m_parentId.isNull())) {
        m_status->clear();
        return;
    }
    const int loaded = m_model->loadedCount();
    const qint64 total = m_model->totalCount();
    QString text;
    if (m_model->isLoading() && loaded == 0)
        text = tr("Loading…");
    else if (total < 0 || loaded >= total)
        text = total == 0 ? tr("None") : pluralLabel(m_schema, loaded);
    else
        text = tr("%1 loaded of %2").arg(QLocale().toString(loaded), pluralLabel(m_schema, total));
    const int column = m_proxy->sortColumn();
    if (column >= 0 && column < m_schema.fields.size() && loaded > 0) {
        const QString by = m_schema.fields.at(column).label();
        // A sort covers the loaded rows only: say so while the server has more.
        text = m_model->isComplete() || total < 0 || loaded >= total
            ? tr("%1, sorted by %2").arg(text, by)
            : tr("Sorted by %1: only the %2 loaded of %3")
                  .arg(by, QLocale().toString(loaded), pluralLabel(m_schema, total));
    }
    m_status->setText(text);
    Q_EMIT countsChanged();
}

void RecordListPane::showProblem(const QString &text, bool offerRetry)
{
    m_problem->setStyleSheet(PaletteColors::textStyle(palette(), PaletteColors::Role::Error));
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_retryButton->setVisible(offerRetry && !text.isEmpty());
}

QString RecordListPane::describe(const QJsonObject &record) const
{
    const QString id
        = ResourceId::fromJson(record.value(QStringLiteral("id"))).value_or(ResourceId()).toString();
    QString title = record.value(QStringLiteral("title")).toString();
    if (title.isEmpty())
        title = record.value(QStringLiteral("name")).toString();
    if (title.isEmpty())
        title = record.value(QStringLiteral("body")).toString().left(40);
    return title.isEmpty() ? id : tr("%1 “%2”").arg(id, title);
}

void RecordListPane::newRecord()
{
    if (!m_client || !m_online || (m_scope == Scope::UnderParent && m_parentId.isNull()))
        return;
    auto *dialog = new RecordDialog(m_client, m_schema, m_parentId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void RecordListPane::editCurrent()
{
    const QJsonObject record = currentRecord();
    if (!m_client || !m_online || record.isEmpty())
        return;
    auto *dialog = new RecordDialog(m_client, m_schema, record, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RecordDialog::saveStarted, this,
        [this](ApiClient::RequestId id, const ResourceId &recordId) {
            if (m_model)
                m_model->trackRequest(id, recordId, RecordTableModel::RowState::Saving);
        });
    dialog->open();
}

void RecordListPane::deleteCurrent()
{
    const QJsonObject record = currentRecord();
    if (!m_client || !m_online || record.isEmpty())
        return;
    const ResourceId id = ResourceId::fromJson(record.value(QStringLiteral("id"))).value_or(ResourceId());
    QString question;
    if (m_schema.name == QLatin1String("posts"))
        question = tr("Delete post %1? The server may delete its comments with it.").arg(describe(record));
    else if (m_schema.name == QLatin1String("comments"))
        question = tr("Delete comment %1?").arg(describe(record));
    else
        question = tr("Delete todo %1?").arg(describe(record));
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Delete?"), question, QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteRecordBox"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, id](int result) {
        if (result != QMessageBox::Yes || !m_client || !m_model)
            return;
        m_model->trackRequest(m_client->deleteRecord(m_schema, id), id, RecordTableModel::RowState::Deleting);
    });
    box->open();
}

} // namespace UserDesk
