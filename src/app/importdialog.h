#pragma once

#include "userimport.h"

#include <QDialog>
#include <memory>

class QComboBox;
class QPushButton;

namespace Ui {
class ImportDialog;
}

namespace UserDesk {

// File > Import Users...: the file's rows in a preview table, which column holds which field (guessed by
// name, changeable), what local validation found wrong beside each row, a dry run that says what would
// happen, and Import, which hands the valid rows to the window to run as a journaled job.
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ImportDialog(QWidget *parent = nullptr);
    ~ImportDialog() override;

    // Reads `path` (CSV or JSON) with the columns guessed by name; false when the whole file is unusable
    // (the reason is shown in the dialog).
    bool loadFile(const QString &path);
    QString fileName() const { return m_path; }
    // Takes `field` from `column`, as choosing it in the mapping does.
    void mapField(const QString &field, const QString &column);
    const UserImport::Result &result() const { return m_result; }
    // Says what an import would do, without sending anything; returns the sentence.
    QString dryRun();
    QString summary() const;

public Q_SLOTS:
    void chooseFile();
    // Hands the valid rows over and closes.
    void startImport();

Q_SIGNALS:
    void importRequested(const QList<UserDesk::ImportRow> &rows, const QString &file);

private:
    void parse();
    void fillMapping();
    void fillTable();
    QComboBox *combo(const QString &field) const;

    std::unique_ptr<Ui::ImportDialog> m_ui;
    QPushButton *m_dryRun;
    QPushButton *m_import;
    QString m_path;
    QHash<QString, QString> m_mapping; // the person's choices: field -> column
    UserImport::Result m_result;
    bool m_filling = false;
};

} // namespace UserDesk
