#pragma once

#include "user.h"
#include "userdraft.h"

#include <QDialog>
#include <memory>

namespace Ui {
class BulkEditDialog;
}

namespace UserDesk {

// Users > Bulk Edit...: one field (status, gender, name or email) and the value to give it on every
// selected user, checked locally before the dialog can be accepted; the window then runs it as a
// journaled job that PATCHes each user.
class BulkEditDialog : public QDialog
{
    Q_OBJECT
public:
    BulkEditDialog(const QList<User> &users, QWidget *parent = nullptr);
    ~BulkEditDialog() override;

    // Chooses the field ("status", "gender", "name", "email") and the value, as the person would.
    void setChange(const QString &field, const QString &value);
    QString field() const;
    QString value() const;
    // The change to send: only the chosen field set.
    UserDraft draft() const;

    void accept() override;

private:
    void onFieldChanged();
    void validate();

    std::unique_ptr<Ui::BulkEditDialog> m_ui;
    int m_count;
};

} // namespace UserDesk
