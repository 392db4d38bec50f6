#pragma once

#include "apiclient.h"
#include "resourceid.h"
#include "resourceschema.h"

#include <QDialog>
#include <QJsonObject>

class QDialogButtonBox;
class QLabel;
class QProgressBar;

namespace UserDesk {

class RecordForm;

// Creates or edits one record of any resource through its schema's form: checks the fields before sending,
// shows the server's field errors (a 422, "user must exist" among them) beside the fields, and stays open
// with everything typed until the save succeeds or the person gives up. Edits send only what changed.
class RecordDialog : public QDialog
{
    Q_OBJECT
public:
    // Creates a record; under `parentId` when it is set (a user's post, a post's comment).
    RecordDialog(ApiClient *client, const ResourceSchema &schema, const ResourceId &parentId,
        QWidget *parent = nullptr);
    // Edits `record`.
    RecordDialog(ApiClient *client, const ResourceSchema &schema, const QJsonObject &record,
        QWidget *parent = nullptr);

    bool isEditing() const { return !m_original.isEmpty(); }
    bool isBusy() const { return m_pending != 0; }
    RecordForm *form() const { return m_form; }
    QJsonObject savedRecord() const { return m_saved; }
    bool hasUnsavedChanges() const;

public Q_SLOTS:
    void save();
    void reject() override;

Q_SIGNALS:
    // recordId is null for a create.
    void saveStarted(UserDesk::ApiClient::RequestId id, const UserDesk::ResourceId &recordId);
    void recordSaved(const QJsonObject &record);

private:
    void setUp();
    void setBusy(bool busy);
    void showMessage(const QString &text);
    void onSaved(ApiClient::RequestId id, const QString &resource, const QJsonObject &record);
    void onFailed(ApiClient::RequestId id, const ApiError &error);

    ApiClient *m_client;
    ResourceSchema m_schema;
    ResourceId m_parentId;
    QJsonObject m_original;
    ResourceId m_recordId;
    QJsonObject m_saved;
    RecordForm *m_form = nullptr;
    QLabel *m_message = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    ApiClient::RequestId m_pending = 0;
};

} // namespace UserDesk
