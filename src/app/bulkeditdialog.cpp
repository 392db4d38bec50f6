#include "bulkeditdialog.h"

#include "palettecolors.h"
#include "ui_bulkeditdialog.h"

#include <QPushButton>

namespace UserDesk {

BulkEditDialog::BulkEditDialog(const QList<User> &users, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::BulkEditDialog>())
    , m_count(int(users.size()))
{
    m_ui->setupUi(this);
    m_ui->introLabel->setText(tr("Set one field to the same value on the %n selected user(s). Each one is "
                                 "changed by its own request, journaled, so the job can be stopped and "
                                 "resumed.",
        nullptr, m_count));
    m_ui->fieldCombo->addItem(tr("Status"), QStringLiteral("status"));
    m_ui->fieldCombo->addItem(tr("Gender"), QStringLiteral("gender"));
    m_ui->fieldCombo->addItem(tr("Name"), QStringLiteral("name"));
    m_ui->fieldCombo->addItem(tr("Email"), QStringLiteral("email"));
    m_ui->errorLabel->setObjectName(QStringLiteral("bulkEditError"));
    m_ui->errorLabel->setStyleSheet(PaletteColors::textStyle(palette(), PaletteColors::Role::Error));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Apply to %n user(s)", nullptr, m_count));
    connect(m_ui->fieldCombo, &QComboBox::currentIndexChanged, this, &BulkEditDialog::onFieldChanged);
    connect(m_ui->valueCombo, &QComboBox::currentIndexChanged, this, &BulkEditDialog::validate);
    connect(m_ui->valueEdit, &QLineEdit::textChanged, this, &BulkEditDialog::validate);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &BulkEditDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    onFieldChanged();
}

BulkEditDialog::~BulkEditDialog() = default;

void BulkEditDialog::onFieldChanged()
{
    const QString f = field();
    const bool choice = f == QLatin1String("status") || f == QLatin1String("gender");
    m_ui->valueCombo->blockSignals(true);
    m_ui->valueCombo->clear();
    if (f == QLatin1String("status")) {
        m_ui->valueCombo->addItem(tr("active"), QStringLiteral("active"));
        m_ui->valueCombo->addItem(tr("inactive"), QStringLiteral("inactive"));
    } else if (f == QLatin1String("gender")) {
        m_ui->valueCombo->addItem(tr("female"), QStringLiteral("female"));
        m_ui->valueCombo->addItem(tr("male"), QStringLiteral("male"));
    }
    m_ui->valueCombo->blockSignals(false);
    m_ui->valueCombo->setVisible(choice);
    m_ui->valueEdit->setVisible(!choice);
    m_ui->valueLabel->setBuddy(choice ? static_cast<QWidget *>(m_ui->valueCombo) : m_ui->valueEdit);
    m_ui->noteLabel->setText(f == QLatin1String("email")
            ? tr("An email address belongs to one user only: the server will refuse it for every user but "
                 "the first, and the report will say so.")
            : QString());
    m_ui->noteLabel->setVisible(f == QLatin1String("email"));
    validate();
}

void BulkEditDialog::setChange(const QString &field, const QString &value)
{
    m_ui->fieldCombo->setCurrentIndex(m_ui->fieldCombo->findData(field));
    if (m_ui->valueCombo->isVisibleTo(this))
        m_ui->valueCombo->setCurrentIndex(m_ui->valueCombo->findData(value));
    else
        m_ui->valueEdit->setText(value);
}

QString BulkEditDialog::field() const
{
    return m_ui->fieldCombo->currentData().toString();
}

QString BulkEditDialog::value() const
{
    return m_ui->valueCombo->isVisibleTo(this) ? m_ui->valueCombo->currentData().toString()
                                               : m_ui->valueEdit->text().trimmed();
}

UserDraft BulkEditDialog::draft() const
{
    UserDraft d;
    const QString f = field();
    const QString v = value();
    if (f == QLatin1String("status"))
        d.status = v;
    else if (f == QLatin1String("gender"))
        d.gender = v;
    else if (f == QLatin1String("name"))
        d.name = v;
    else if (f == QLatin1String("email"))
        d.email = v;
    return d;
}

void BulkEditDialog::validate()
{
    const UserDraft d = draft();
    QStringList problems;
    if (value().isEmpty())
        problems << tr("Give the new value.");
    else
        for (const FieldError &e : d.validate(false))
            problems << e.message;
    m_ui->errorLabel->setText(problems.join(QLatin1Char(' ')));
    m_ui->errorLabel->setVisible(!problems.isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(problems.isEmpty());
}

void BulkEditDialog::accept()
{
    validate();
    if (m_ui->buttonBox->button(QDialogButtonBox::Ok)->isEnabled())
        QDialog::accept();
}

} // namespace UserDesk
