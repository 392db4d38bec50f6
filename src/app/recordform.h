#pragma once

#include "apierror.h"
#include "resourceid.h"
#include "resourceschema.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace UserDesk {

// The fields of one record, drawn from its schema: a line per text, number and reference field, a
// multi-line box for a body, a choice for an enum, a date and time picker (in local time, with a calendar)
// for a date-time. It reads what was typed back as JSON and shows field errors, the local ones and the
// server's, beside the fields they name.
class RecordForm : public QWidget
{
    Q_OBJECT
public:
    explicit RecordForm(const ResourceSchema &schema, QWidget *parent = nullptr);

    const ResourceSchema &schema() const { return m_schema; }
    // The parent field shows `parentId` and cannot be changed: the record is created under its parent's
    // path (/users/7/posts), which names the parent.
    void setFixedParent(const ResourceId &parentId);
    void setRecord(const QJsonObject &record);
    // Every writable field as it would be sent.
    QJsonObject values() const;
    // The fields whose value differs from `original`.
    QJsonObject changes(const QJsonObject &original) const;
    // Nothing typed yet (for a create: whether closing loses anything).
    bool isBlank() const;

    void clearErrors();
    // Shows each error beside its field ("user must exist" beside User); returns the sentences of those
    // that name no field of the form. Focuses the first field with an error.
    QStringList showErrors(const QList<FieldError> &errors);
    QWidget *editorFor(const QString &field) const;
    QLabel *errorLabelFor(const QString &field) const;

    // An ISO 8601 text with the UTC offset of `when` ("2026-07-01T09:00:00+02:00", or "Z" at UTC).
    static QString isoWithOffset(const QDateTime &when);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Editor
    {
        FieldSpec spec;
        QWidget *widget = nullptr; // what holds the field (for a date: the picker and its switch)
        QLineEdit *line = nullptr;
        QPlainTextEdit *text = nullptr;
        QComboBox *combo = nullptr;
        QDateTimeEdit *date = nullptr;
        QCheckBox *dateSet = nullptr; // a nullable date: whether it has one
        QLabel *error = nullptr;
    };

    QJsonValue valueOf(const Editor &editor) const;
    void setValue(Editor &editor, const QJsonValue &value);
    // The form field a server error names: "user" is the user_id field.
    QString fieldOfError(const QString &errorField) const;
    void styleErrors();

    ResourceSchema m_schema;
    QFormLayout *m_layout;
    QList<Editor> m_editors;
};

} // namespace UserDesk
