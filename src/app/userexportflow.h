#pragma once

#include "user.h"

#include <QObject>
#include <functional>

class QAction;
class QWidget;

namespace UserDesk {

// File > Export: asks where to save, then writes the users as CSV (cells a spreadsheet would run as
// formulas are defused) or JSON, atomically.
class UserExportFlow : public QObject
{
    Q_OBJECT
public:
    using Users = std::function<QList<User>()>;
    // The file dialog opens over `window`; `users` gives what to write when the person has chosen.
    UserExportFlow(Users users, QWidget *window);

    void chooseFileAndExport(bool json);
    // The menu's two export actions start the export as CSV and as JSON.
    void attach(QAction *csv, QAction *json);
    static bool write(const QString &path, const QList<User> &users, bool json, QString *why = nullptr);

Q_SIGNALS:
    // A sentence for the status bar: how many users went where.
    void exported(const QString &text);
    void failed(const QString &text);

private:
    Users m_users;
    QWidget *m_window;
};

} // namespace UserDesk
