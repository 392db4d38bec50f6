#include "userdialog.h"

#include "palettecolors.h"
#include "ui_userdialog.h"

#include <QMessageBox>
#include <QPushButton>

namespace UserDesk {

namespace {

void selectData(QComboBox *combo, const QString &value)
{
    combo->setCurrentIndex(combo->findData(value.trimmed().toLower()));
}

} // namespace

UserDialog::UserDialog(ApiClient *client, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::UserDialog>())
    , m_client(client)
{
    setUp();
    setWindowTitle(tr("New user"));
    m_ui->genderCombo->setCurrentIndex(-1);
    selectData(m_ui->statusCombo, QStringLiteral("active"));
}

UserDialog::UserDialog(ApiClient *client, const User &user, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::UserDialog>())
    , m_client(client)
    , m_editing(true)
    , m_original(user)
{
    setUp();
    setWindowTitle(tr("Edit user %1").arg(user.id.toString()));
    m_ui->nameEdit->setText(user.name);
    m_ui->emailEdit->setText(user.email);
    selectData(m_ui->genderCombo, user.gender);
    selectData(m_ui->statusCombo, user.status);
}

UserDialog::~UserDialog() = default;

void UserDialog::setUp()
{
    m_ui->setupUi(this);
    m_ui->genderCombo->addItem(tr("Female"), QStringLiteral("female"));
    m_ui->genderCombo->addItem(tr("Male"), QStringLiteral("male"));
    m_ui->genderCombo->setPlaceholderText(tr("Choose…"));
    m_ui->statusCombo->addItem(tr("Active"), QStringLiteral("active"));
    m_ui->statusCombo->addItem(tr("Inactive"), QStringLiteral("inactive"));
    m_ui->statusCombo->setPlaceholderText(tr("Choose…"));
    for (QLabel *label :
        { m_ui->nameError, m_ui->emailError, m_ui->genderError, m_ui->statusError, m_ui->formMessage })
        label->setStyleSheet(PaletteColors::textStyle(palette(), PaletteColors::Role::Error));
    m_ui->busyBar->hide();
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setDefault(true);
    clearErrors();

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &UserDialog::save);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &UserDialog::reject);
    connect(m_client, &ApiClient::userCreated, this, &UserDialog::onCreated);
    connect(m_client, &ApiClient::userUpdated, this, &UserDialog::onUpdated);
    connect(m_client, &ApiClient::requestFailed, this, &UserDialog::onFailed);
}

UserDraft UserDialog::fieldsDraft() const
{
    UserDraft draft;
    draft.name = m_ui->nameEdit->text();
    draft.email = m_ui->emailEdit->text();
    draft.gender = m_ui->genderCombo->currentData().toString();
    draft.status = m_ui->statusCombo->currentData().toString();
    return draft;
}

bool UserDialog::hasUnsavedChanges() const
{
    if (m_editing)
        return !UserDraft::changedFields(m_original, fieldsDraft()).isEmpty();
    return !m_ui->nameEdit->text().trimmed().isEmpty() || !m_ui->emailEdit->text().trimmed().isEmpty()
        || m_ui->genderCombo->currentIndex() >= 0;
}

QLabel *UserDialog::errorLabelFor(const QString &field) const
{
    if (field == QLatin1String("name"))
        return m_ui->nameError;
    if (field == QLatin1String("email"))
        return m_ui->emailError;
    if (field == QLatin1String("gender"))
        return m_ui->genderError;
    if (field == QLatin1String("status"))
        return m_ui->statusError;
    return nullptr;
}

void UserDialog::clearErrors()
{
    for (QLabel *label :
        { m_ui->nameError, m_ui->emailError, m_ui->genderError, m_ui->statusError, m_ui->formMessage }) {
        label->clear();
        label->hide();
    }
}

void UserDialog::showFieldErrors(const QList<FieldError> &errors)
{
    QStringList others;
    QWidget *firstBad = nullptr;
    for (const FieldError &e : errors) {
        QLabel *label = errorLabelFor(e.field);
        if (!label) {
            others << (e.field.isEmpty() ? e.message : e.field + QLatin1Char(' ') + e.message);
            continue;
        }
        // The server says "has already been taken"; beside the field that reads as a sentence.
        const QString text
            = label->text().isEmpty() ? e.message : label->text() + QStringLiteral("; ") + e.message;
        label->setText(text);
        label->show();
        if (!firstBad)
            firstBad = label->buddy() ? label->buddy() : nullptr;
        if (!firstBad) {
            if (label == m_ui->nameError)
                firstBad = m_ui->nameEdit;
            else if (label == m_ui->emailError)
                firstBad = m_ui->emailEdit;
            else if (label == m_ui->genderError)
                firstBad = m_ui->genderCombo;
            else
                firstBad = m_ui->statusCombo;
        }
    }
    if (!others.isEmpty()) {
        m_ui->formMessage->setText(others.join(QLatin1Char('\n')));
        m_ui->formMessage->show();
    }
    if (firstBad)
        firstBad->setFocus();
}

void UserDialog::setBusy(bool busy)
{
    m_ui->busyBar->setVisible(busy);
    for (QWidget *w : std::initializer_list<QWidget *> {
             m_ui->nameEdit, m_ui->emailEdit, m_ui->genderCombo, m_ui->statusCombo })
        w->setEnabled(!busy);
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(!busy);
}

void UserDialog::save()
{
    if (m_pending)
        return;
    clearErrors();
    UserDraft draft = fieldsDraft();
    if (m_editing) {
        draft = UserDraft::changedFields(m_original, draft);
        if (draft.isEmpty()) {
            // Nothing changed: there is nothing to send and nothing to lose.
            m_saved = m_original;
            accept();
            return;
        }
    }
    const QList<FieldError> problems = draft.validate(!m_editing);
    if (!problems.isEmpty()) {
        showFieldErrors(problems);
        return;
    }
    m_pending = m_editing ? m_client->updateUser(m_original.id, draft) : m_client->createUser(draft);
    setBusy(true);
    Q_EMIT saveStarted(m_pending, m_editing ? m_original.id : ResourceId());
}

void UserDialog::succeed(const User &user)
{
    const ApiClient::RequestId id = m_pending;
    m_pending = 0;
    setBusy(false);
    m_saved = user;
    Q_EMIT saveEnded(id);
    Q_EMIT userSaved(user);
    QDialog::accept();
}

void UserDialog::onCreated(ApiClient::RequestId id, const User &user)
{
    if (id == m_pending)
        succeed(user);
}

void UserDialog::onUpdated(ApiClient::RequestId id, const User &user)
{
    if (id == m_pending)
        succeed(user);
}

void UserDialog::onFailed(ApiClient::RequestId id, const ApiError &error)
{
    if (id != m_pending)
        return;
    m_pending = 0;
    setBusy(false);
    Q_EMIT saveEnded(id);
    if (error.kind() == ApiError::Kind::Validation && !error.fieldErrors().isEmpty()) {
        showFieldErrors(error.fieldErrors());
        return;
    }
    m_ui->formMessage->setText(error.userMessage());
    m_ui->formMessage->show();
}

void UserDialog::reject()
{
    if (!m_pending && !hasUnsavedChanges()) {
        QDialog::reject();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Discard changes?"),
        m_pending ? tr("The user is still being saved. Stop waiting and close?")
                  : tr("What you typed has not been saved. Discard it?"),
        QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("discardChangesBox"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this](int result) {
        if (result != QMessageBox::Discard)
            return;
        if (m_pending) {
            const ApiClient::RequestId id = m_pending;
            m_pending = 0;
            m_client->cancel(id);
            Q_EMIT saveEnded(id);
        }
        QDialog::reject();
    });
    box->open();
}

} // namespace UserDesk
