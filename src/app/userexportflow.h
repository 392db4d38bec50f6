#pragma once

#include "user.h"

#include <QObject>
#include <QPointer>
#include <functional>

class QAction;
class QMessageBox;
class QWidget;

namespace UserDesk {

class ApiClient;
class UserTableModel;

// File > Export: asks what to write (every matching user, loading the rest first; the loaded ones; or the
// selected ones), then where, then writes them as CSV (cells a spreadsheet would run as formulas are
// defused) or JSON, atomically, and says how many of how many it wrote.
class UserExportFlow : public QObject
{
    Q_OBJECT
public:
    enum class Scope { All, Loaded, Selected };
    using Selection = std::function<QList<User>()>;

    // The dialogs open over `window`; `selection` gives the selected users. Loading the rest goes through
    // the model's loadAll(), so its progress and Stop are the status bar's.
    UserExportFlow(UserTableModel *model, ApiClient *client, Selection selection, QWidget *window);

    // Asks what to export when there is a choice, then where; an export of all users loads the rest first.
    void start(bool json);
    // The menu's two export actions start the export as CSV and as JSON.
    void attach(QAction *csv, QAction *json);
    // Writes `scope` to `path` now, or once the rest is loaded (Scope::All on a partly loaded table).
    void exportTo(Scope scope, const QString &path, bool json);
    bool isWaitingForTheRest() const { return !m_pendingPath.isEmpty(); }

    static bool write(const QString &path, const QList<User> &users, bool json, QString *why = nullptr);
    // "Exported 2,995 of 2,995 users to PATH.", "Exported 40 of 2,995 matching users (filtered) to PATH: the
    // loaded ones; the others are not loaded yet.", "Exported 5 of 2,995 users to PATH: the selected ones."
    // `total` < 0: the server did not say how many it has.
    static QString exportedText(
        Scope scope, qint64 written, qint64 total, bool filtered, const QString &path);

Q_SIGNALS:
    // A sentence for the status bar: that the rest is loading first, or how many users went where.
    void message(const QString &text);
    void failed(const QString &text);

private:
    void chooseFile(Scope scope, bool json);
    void writeNow(Scope scope, const QString &path, bool json);
    void onLoadingAllChanged(bool active, bool complete);

    UserTableModel *m_model;
    ApiClient *m_client;
    Selection m_selection;
    QWidget *m_window;
    QPointer<QMessageBox> m_question;
    // An export of all users waiting for the rest to load.
    QString m_pendingPath;
    bool m_pendingJson = false;
};

} // namespace UserDesk
