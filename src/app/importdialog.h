#pragma once

#include "recordimport.h"
#include "userimport.h"

#include <QDialog>
#include <QHash>
#include <memory>

class QComboBox;
class QPushButton;

namespace Ui {
class ImportDialog;
}

namespace UserDesk {

// File > Import...: what to import (users, posts, comments or todos) and, for records, the user or post
// they all go under (else each row names it); the file's rows in a preview table, which column holds which
// field of the chosen schema (guessed by name, changeable), what local validation found wrong beside each
// row, a dry run that says what would happen, and Import, which hands the valid rows to the window to run
// as a journaled job.
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ImportDialog(QWidget *parent = nullptr);
    ~ImportDialog() override;

    // "users" (the default), "posts", "comments" or "todos", as choosing it does; the mapping starts over.
    void setResource(const QString &resource);
    QString resource() const { return m_schema->name; }
    // The id of the user (posts, todos) or post (comments) every row goes under, as typing it does; empty:
    // each row's own column says.
    void setParentId(const QString &text);

    // Reads `path` (CSV or JSON) with the columns guessed by name; false when the whole file is unusable
    // (the reason is shown in the dialog).
    bool loadFile(const QString &path);
    QString fileName() const { return m_path; }
    // Takes `field` from `column`, as choosing it in the mapping does.
    void mapField(const QString &field, const QString &column);
    // The users read (when users are imported).
    const UserImport::Result &result() const { return m_result; }
    // The records read (when posts, comments or todos are imported).
    const RecordImport::Result &records() const { return m_records; }
    // Says what an import would do, without sending anything; returns the sentence.
    QString dryRun();
    QString summary() const;

public Q_SLOTS:
    void chooseFile();
    // Hands the valid rows over and closes.
    void startImport();

Q_SIGNALS:
    void importRequested(const QList<UserDesk::ImportRow> &rows, const QString &file);
    void recordImportRequested(const QString &resource, const UserDesk::ResourceId &parentId,
        const QList<UserDesk::RecordImportRow> &rows, const QString &file);

private:
    // What the preview shows of either kind of result.
    struct Preview
    {
        QString error;
        QStringList columns;
        QHash<QString, QString> mapping;
        QStringList ignoredColumns;
        QList<std::pair<QString, QStringList>> rows; // source -> one cell per field
        QList<QStringList> errors; // per row
        int valid = 0;
    };

    void parse();
    void buildMapping();
    void fillMapping();
    void fillTable();
    QStringList fields() const;
    // "&Import 3 Posts", "an import would create 3 posts": the chosen resource's words.
    QString importText(int count) const;
    QString wouldCreate(int count) const;
    QComboBox *combo(const QString &field) const;

    std::unique_ptr<Ui::ImportDialog> m_ui;
    QPushButton *m_dryRun;
    QPushButton *m_import;
    const ResourceSchema *m_schema;
    QString m_path;
    QHash<QString, QString> m_mapping; // the person's choices: field -> column
    ResourceId m_parentId;
    UserImport::Result m_result;
    RecordImport::Result m_records;
    Preview m_preview;
    bool m_filling = false;
};

} // namespace UserDesk
