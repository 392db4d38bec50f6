#include "recordform.h"

#include "palettecolors.h"
#include "recordrows.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTimeZone>
#include <QVBoxLayout>

namespace UserDesk {

namespace {
// The enum values GoRest uses, as a person reads them.
QString valueLabel(const QString &value)
{
    static const struct
    {
        const char *value;
        const char *label;
    } labels[] = { { "pending", QT_TRANSLATE_NOOP("UserDesk::RecordForm", "Pending") },
        { "completed", QT_TRANSLATE_NOOP("UserDesk::RecordForm", "Completed") },
        { "active", QT_TRANSLATE_NOOP("UserDesk::RecordForm", "Active") },
        { "inactive", QT_TRANSLATE_NOOP("UserDesk::RecordForm", "Inactive") },
        { "male", QT_TRANSLATE_NOOP("UserDesk::RecordForm", "Male") },
        { "female", QT_TRANSLATE_NOOP("UserDesk::RecordForm", "Female") } };
    for (const auto &l : labels) {
        if (value == QLatin1String(l.value))
            return QCoreApplication::translate("UserDesk::RecordForm", l.label);
    }
    return value;
}

// A reference or number as typed: digits are sent as a JSON number, anything else as text.
QJsonValue idValue(const QString &typed)
{
    const QString t = typed.trimmed();
    bool ok = false;
    const qint64 n = t.toLongLong(&ok);
    if (ok && n >= 0)
        return QJsonValue(n);
    return QJsonValue(t);
}

bool sameValue(const FieldSpec &spec, const QJsonValue &a, const QJsonValue &b)
{
    if (spec.type == FieldSpec::Type::DateTime) {
        if (a.isString() && b.isString()) {
            const QDateTime x = RecordRows::parseDateTime(a.toString());
            const QDateTime y = RecordRows::parseDateTime(b.toString());
            if (x.isValid() && y.isValid())
                return x.toMSecsSinceEpoch() / 1000 == y.toMSecsSinceEpoch() / 1000;
        }
        return (a.isNull() || a.isUndefined()) == (b.isNull() || b.isUndefined()) && a == b;
    }
    if (spec.type == FieldSpec::Type::Reference || spec.type == FieldSpec::Type::Integer) {
        const auto x = ResourceId::fromJson(a);
        const auto y = ResourceId::fromJson(b);
        if (x && y)
            return *x == *y;
    }
    if (a.isUndefined() || a.isNull())
        return b.isUndefined() || b.isNull() || (b.isString() && b.toString().isEmpty());
    return a == b;
}
} // namespace

RecordForm::RecordForm(const ResourceSchema &schema, QWidget *parent)
    : QWidget(parent)
    , m_schema(schema)
    , m_layout(new QFormLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const FieldSpec &spec : schema.fields) {
        if (!spec.isWritable())
            continue;
        Editor e;
        e.spec = spec;
        switch (spec.type) {
        case FieldSpec::Type::Text:
            e.text = new QPlainTextEdit(this);
            e.text->setTabChangesFocus(true);
            e.text->setMinimumHeight(e.text->fontMetrics().lineSpacing() * 6);
            e.widget = e.text;
            break;
        case FieldSpec::Type::Enum:
            e.combo = new QComboBox(this);
            for (const QString &value : spec.values)
                e.combo->addItem(valueLabel(value), value);
            e.combo->setPlaceholderText(tr("Choose…"));
            e.combo->setCurrentIndex(spec.values.contains(QStringLiteral("pending")) ? 0 : -1);
            e.widget = e.combo;
            break;
        case FieldSpec::Type::DateTime: {
            e.widget = new QWidget(this);
            auto *row = new QHBoxLayout(e.widget);
            row->setContentsMargins(0, 0, 0, 0);
            if (spec.nullable) {
                e.dateSet = new QCheckBox(tr("Set"), e.widget);
                e.dateSet->setObjectName(QStringLiteral("set_") + spec.name);
                e.dateSet->setAccessibleName(tr("%1 is set").arg(spec.label()));
                row->addWidget(e.dateSet);
            }
            e.date = new QDateTimeEdit(e.widget);
            e.date->setCalendarPopup(true);
            e.date->setTimeSpec(Qt::LocalTime); // shown where the person is, whatever offset came
            e.date->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
            e.date->setDateTime(QDateTime(QDate::currentDate().addDays(7), QTime(12, 0)));
            e.date->setToolTip(tr("In your local time; sent with its offset from UTC."));
            row->addWidget(e.date, 1);
            if (e.dateSet) {
                e.date->setEnabled(false);
                connect(e.dateSet, &QCheckBox::toggled, e.date, &QWidget::setEnabled);
            }
            break;
        }
        default:
            e.line = new QLineEdit(this);
            e.widget = e.line;
            break;
        }
        QWidget *focusable = e.line ? static_cast<QWidget *>(e.line)
            : e.text                ? static_cast<QWidget *>(e.text)
            : e.combo               ? static_cast<QWidget *>(e.combo)
                                    : static_cast<QWidget *>(e.date);
        focusable->setObjectName(QStringLiteral("field_") + spec.name);
        focusable->setAccessibleName(spec.label());
        e.error = new QLabel(this);
        e.error->setObjectName(QStringLiteral("error_") + spec.name);
        e.error->setWordWrap(true);
        e.error->hide();
        auto *cell = new QWidget(this);
        auto *column = new QVBoxLayout(cell);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(2);
        column->addWidget(e.widget);
        column->addWidget(e.error);
        auto *label
            = new QLabel(spec.label() + (spec.required ? QStringLiteral(":") : tr(" (optional):")), this);
        label->setBuddy(focusable);
        m_layout->addRow(label, cell);
        m_editors.append(e);
    }
    styleErrors();
}

void RecordForm::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        styleErrors();
}

void RecordForm::styleErrors()
{
    for (const Editor &e : std::as_const(m_editors))
        e.error->setStyleSheet(PaletteColors::textStyle(palette(), PaletteColors::Role::Error));
}

void RecordForm::setFixedParent(const ResourceId &parentId)
{
    for (Editor &e : m_editors) {
        if (e.spec.name == m_schema.parentField && e.line) {
            e.line->setText(parentId.toString());
            e.line->setReadOnly(true);
        }
    }
}

void RecordForm::setRecord(const QJsonObject &record)
{
    for (Editor &e : m_editors)
        setValue(e, record.value(e.spec.name));
}

void RecordForm::setValue(Editor &e, const QJsonValue &value)
{
    if (e.line) {
        e.line->setText(value.isDouble() ? QString::number(value.toInteger()) : value.toString());
    } else if (e.text) {
        e.text->setPlainText(value.toString());
    } else if (e.combo) {
        e.combo->setCurrentIndex(e.combo->findData(value.toString().trimmed()));
    } else if (e.date) {
        const QDateTime when = RecordRows::parseDateTime(value.toString());
        if (when.isValid())
            e.date->setDateTime(when.toLocalTime());
        if (e.dateSet)
            e.dateSet->setChecked(when.isValid());
    }
}

QJsonValue RecordForm::valueOf(const Editor &e) const
{
    if (e.line) {
        if (e.spec.type == FieldSpec::Type::Reference || e.spec.type == FieldSpec::Type::Integer)
            return idValue(e.line->text());
        return e.line->text().trimmed();
    }
    if (e.text)
        return e.text->toPlainText();
    if (e.combo)
        return e.combo->currentIndex() < 0 ? QString() : e.combo->currentData().toString();
    if (e.date) {
        if (e.dateSet && !e.dateSet->isChecked())
            return QJsonValue(QJsonValue::Null);
        return isoWithOffset(e.date->dateTime());
    }
    return {};
}

QString RecordForm::isoWithOffset(const QDateTime &when)
{
    const QDateTime fixed = when.toOffsetFromUtc(when.offsetFromUtc());
    return fixed.toString(Qt::ISODate);
}

QJsonObject RecordForm::values() const
{
    QJsonObject o;
    for (const Editor &e : m_editors)
        o.insert(e.spec.name, valueOf(e));
    return o;
}

QJsonObject RecordForm::changes(const QJsonObject &original) const
{
    QJsonObject o;
    for (const Editor &e : m_editors) {
        const QJsonValue now = valueOf(e);
        if (!sameValue(e.spec, original.value(e.spec.name), now))
            o.insert(e.spec.name, now);
    }
    return o;
}

bool RecordForm::isBlank() const
{
    for (const Editor &e : m_editors) {
        if ((e.line && !e.line->isReadOnly() && !e.line->text().trimmed().isEmpty())
            || (e.text && !e.text->toPlainText().trimmed().isEmpty()))
            return false;
    }
    return true;
}

void RecordForm::clearErrors()
{
    for (Editor &e : m_editors) {
        e.error->clear();
        e.error->hide();
    }
}

QString RecordForm::fieldOfError(const QString &errorField) const
{
    for (const Editor &e : m_editors) {
        if (e.spec.name == errorField)
            return errorField;
    }
    const QString withId = errorField + QStringLiteral("_id");
    for (const Editor &e : m_editors) {
        if (e.spec.name == withId)
            return withId;
    }
    return {};
}

QStringList RecordForm::showErrors(const QList<FieldError> &errors)
{
    QStringList others;
    QWidget *firstBad = nullptr;
    for (const FieldError &error : errors) {
        const QString name = fieldOfError(error.field);
        QLabel *label = errorLabelFor(name);
        if (!label) {
            others << (error.field.isEmpty() ? error.message
                                             : error.field + QLatin1Char(' ') + error.message);
            continue;
        }
        label->setText(
            label->text().isEmpty() ? error.message : label->text() + QStringLiteral("; ") + error.message);
        label->show();
        if (!firstBad)
            firstBad = editorFor(name);
    }
    if (firstBad)
        firstBad->setFocus();
    return others;
}

QWidget *RecordForm::editorFor(const QString &field) const
{
    return findChild<QWidget *>(QStringLiteral("field_") + field);
}

QLabel *RecordForm::errorLabelFor(const QString &field) const
{
    for (const Editor &e : m_editors) {
        if (e.spec.name == field)
            return e.error;
    }
    return nullptr;
}

} // namespace UserDesk
