#include "recorddialog.h"

#include "palettecolors.h"
#include "recordform.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace UserDesk {

namespace {
// "post", as a person reads it in a title.
QString singularLabel(const ResourceSchema &schema)
{
    if (schema.name == QLatin1String("posts"))
        return RecordDialog::tr("post");
    if (schema.name == QLatin1String("comments"))
        return RecordDialog::tr("comment");
    if (schema.name == QLatin1String("todos"))
        return RecordDialog::tr("todo");
    if (schema.name == QLatin1String("users"))
        return RecordDialog::tr("user");
    return schema.singular;
}
} // namespace

RecordDialog::RecordDialog(
    ApiClient *client, const ResourceSchema &schema, const ResourceId &parentId, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_schema(schema)
    , m_parentId(parentId)
{
    setUp();
    setWindowTitle(tr("New %1").arg(singularLabel(schema)));
    if (!parentId.isNull())
        m_form->setFixedParent(parentId);
}

RecordDialog::RecordDialog(
    ApiClient *client, const ResourceSchema &schema, const QJsonObject &record, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_schema(schema)
    , m_original(record)
    , m_recordId(ResourceId::fromJson(record.value(QStringLiteral("id"))).value_or(ResourceId()))
{
    setUp();
    setWindowTitle(tr("Edit %1 %2").arg(singularLabel(schema), m_recordId.toString()));
    m_form->setRecord(record);
}

void RecordDialog::setUp()
{
    setObjectName(QStringLiteral("recordDialog"));
    auto *layout = new QVBoxLayout(this);
    m_form = new RecordForm(m_schema, this);
    layout->addWidget(m_form);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("formMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(PaletteColors::textStyle(palette(), PaletteColors::Role::Error));
    m_message->hide();
    layout->addWidget(m_message);
    m_busyBar = new QProgressBar(this);
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumHeight(6);
    m_busyBar->setAccessibleName(tr("Saving"));
    m_busyBar->hide();
    layout->addWidget(m_busyBar);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setDefault(true);
    layout->addWidget(m_buttons);
    resize(480, sizeHint().height());

    connect(m_buttons, &QDialogButtonBox::accepted, this, &RecordDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RecordDialog::reject);
    connect(m_client, &ApiClient::recordCreated, this, &RecordDialog::onSaved);
    connect(m_client, &ApiClient::recordUpdated, this, &RecordDialog::onSaved);
    connect(m_client, &ApiClient::requestFailed, this, &RecordDialog::onFailed);
}

bool RecordDialog::hasUnsavedChanges() const
{
    if (isEditing())
        return !m_form->changes(m_original).isEmpty();
    return !m_form->isBlank();
}

void RecordDialog::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void RecordDialog::setBusy(bool busy)
{
    m_busyBar->setVisible(busy);
    m_form->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!busy);
}

void RecordDialog::save()
{
    if (m_pending)
        return;
    m_form->clearErrors();
    showMessage({});
    const bool underParent = !isEditing() && !m_parentId.isNull();
    QJsonObject fields = isEditing() ? m_form->changes(m_original) : m_form->values();
    if (isEditing() && fields.isEmpty()) {
        // Nothing changed: there is nothing to send and nothing to lose.
        m_saved = m_original;
        accept();
        return;
    }
    if (underParent)
        fields.remove(m_schema.parentField); // the path names the parent
    if (!isEditing()) {
        // An optional date left unset is not sent at all.
        for (auto it = fields.begin(); it != fields.end();) {
            const FieldSpec *spec = m_schema.field(it.key());
            if (it->isNull() && spec && !spec->required)
                it = fields.erase(it);
            else
                ++it;
        }
    }
    const QList<FieldError> problems = m_schema.validate(fields, !isEditing(), underParent);
    if (!problems.isEmpty()) {
        showMessage(m_form->showErrors(problems).join(QLatin1Char('\n')));
        return;
    }
    m_pending = isEditing() ? m_client->updateRecord(m_schema, m_recordId, fields)
                            : m_client->createRecord(m_schema, fields, m_parentId);
    setBusy(true);
    Q_EMIT saveStarted(m_pending, m_recordId);
}

void RecordDialog::onSaved(ApiClient::RequestId id, const QString &, const QJsonObject &record)
{
    if (id != m_pending)
        return;
    m_pending = 0;
    setBusy(false);
    m_saved = record;
    Q_EMIT recordSaved(record);
    QDialog::accept();
}

void RecordDialog::onFailed(ApiClient::RequestId id, const ApiError &error)
{
    if (id != m_pending)
        return;
    m_pending = 0;
    setBusy(false);
    if (error.kind() == ApiError::Kind::Validation && !error.fieldErrors().isEmpty()) {
        showMessage(m_form->showErrors(error.fieldErrors()).join(QLatin1Char('\n')));
        return;
    }
    showMessage(error.userMessage());
}

void RecordDialog::reject()
{
    if (!m_pending && !hasUnsavedChanges()) {
        QDialog::reject();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Discard changes?"),
        m_pending ? tr("The %1 is still being saved. Stop waiting and close?").arg(singularLabel(m_schema))
                  : tr("What you typed has not been saved. Discard it?"),
        QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("discardChangesBox"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this](int result) {
        if (result != QMessageBox::Discard)
            return;
        if (m_pending)
            m_client->cancel(std::exchange(m_pending, 0));
        QDialog::reject();
    });
    box->open();
}

} // namespace UserDesk
