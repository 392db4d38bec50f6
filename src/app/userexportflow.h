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
    using Total = std::function<qint64()>;
    // The file dialog opens over `window`; `users` gives what to write when the person has chosen, and
    // `total` how many the server has (-1: not known), so the message never passes a part off as the whole.
    UserExportFlow(Users users, Total total, QWidget *window);

    void chooseFileAndExport(bool json);
    // The menu's two export actions start the export as CSV and as JSON.
    void attach(QAction *csv, QAction *json);
    static bool write(const QString &path, const QList<User> &users, bool json, QString *why = nullptr);
    // "Exported all 40 users to PATH.", or "Exported the 40 loaded users of 3,000 to PATH; …".
    static QString exportedText(qint64 written, qint64 total, const QString &path);

Q_SIGNALS:
    // A sentence for the status bar: how many users went where.
    void exported(const QString &text);
    void failed(const QString &text);

private:
    Users m_users;
    Total m_total;
    QWidget *m_window;
};

} // namespace UserDesk
