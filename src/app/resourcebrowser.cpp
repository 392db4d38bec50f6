#include "resourcebrowser.h"

#include "recordexport.h"
#include "recordlistpane.h"
#include "recordtablemodel.h"
#include "resourceschema.h"
#include "sessioncontroller.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace UserDesk {

namespace {
// The fields a person filters by: not the id, not a date (GoRest matches them as text).
bool isFilterable(const FieldSpec &f)
{
    return f.type != FieldSpec::Type::Id && f.type != FieldSpec::Type::DateTime;
}

QString resourceTitle(const QString &resource)
{
    if (resource == QLatin1String("posts"))
        return ResourceBrowser::tr("Posts");
    if (resource == QLatin1String("comments"))
        return ResourceBrowser::tr("Comments");
    return ResourceBrowser::tr("Todos");
}

// "posts", as it reads inside a sentence.
QString resourceNoun(const QString &resource)
{
    if (resource == QLatin1String("posts"))
        return ResourceBrowser::tr("posts");
    if (resource == QLatin1String("comments"))
        return ResourceBrowser::tr("comments");
    return ResourceBrowser::tr("todos");
}

QString exportedText(const QString &resource, qint64 written, qint64 total, const QString &path)
{
    const int n = static_cast<int>(std::min<qint64>(written, 1000000000));
    const QString what = resourceNoun(resource);
    if (total < 0)
        return ResourceBrowser::tr(
            "Exported the %n loaded %1 to %2; how many the server has is not known.", nullptr, n)
            .arg(what, path);
    if (written >= total)
        return ResourceBrowser::tr("Exported all %n %1 to %2.", nullptr, n).arg(what, path);
    return ResourceBrowser::tr(
        "Exported the %n loaded %1 of %2 to %3; the others are not loaded yet.", nullptr, n)
        .arg(what, QLocale().toString(total), path);
}
} // namespace

ResourceBrowser *ResourceBrowser::install(QWidget *central, ApiClient *client, SessionController *session)
{
    auto *layout = qobject_cast<QBoxLayout *>(central->layout());
    auto *browser = new ResourceBrowser(client, central);
    // The users filter bar and the table's splitter move into the Users tab; the rest (the message
    // banner) stays above the tabs, for the whole window.
    auto *users = new QVBoxLayout(browser->m_usersPage);
    users->setContentsMargins(0, 0, 0, 0);
    int insertAt = -1;
    for (int i = 0; i < layout->count();) {
        QWidget *w = layout->itemAt(i)->widget();
        if (w
            && (w->objectName() == QLatin1String("filterBar")
                || w->objectName() == QLatin1String("mainSplitter"))) {
            insertAt = insertAt < 0 ? i : insertAt;
            delete layout->takeAt(i); // the layout item, not the widget
            users->addWidget(w, w->objectName() == QLatin1String("mainSplitter") ? 1 : 0);
        } else {
            ++i;
        }
    }
    if (auto *split = central->findChild<QSplitter *>(QStringLiteral("mainSplitter"))) {
        split->setStretchFactor(0, 3); // the table, then the detail pane
        split->setStretchFactor(1, 2);
        split->setSizes({ 820, 440 });
    }
    layout->insertWidget(0, browser->m_tabs);
    layout->addWidget(browser, 1);
    if (auto *window = qobject_cast<QMainWindow *>(central->window()))
        connect(browser, &ResourceBrowser::message, window->statusBar(),
            [window](const QString &text) { window->statusBar()->showMessage(text, 6000); });
    connect(session, &SessionController::connected, browser, [browser] { browser->setOnline(true); });
    connect(session, &SessionController::profileChanged, browser, [browser] { browser->setOnline(false); });
    return browser;
}

ResourceBrowser::ResourceBrowser(ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_tabs(new QTabBar(this))
    , m_stack(new QStackedWidget(this))
    , m_usersPage(new QWidget(this))
{
    setObjectName(QStringLiteral("resourceBrowser"));
    m_tabs->setObjectName(QStringLiteral("resourceTabs"));
    m_tabs->setAccessibleName(tr("Resources"));
    m_tabs->setDocumentMode(true);
    m_tabs->setExpanding(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs); // install() moves it above the window's message banner
    layout->addWidget(m_stack);
    m_tabs->addTab(tr("Users"));
    m_stack->addWidget(m_usersPage);
    for (const QString &resource :
        { QStringLiteral("posts"), QStringLiteral("comments"), QStringLiteral("todos") }) {
        m_tabs->addTab(resourceTitle(resource));
        m_stack->addWidget(makePage(resource));
    }
    connect(m_tabs, &QTabBar::currentChanged, m_stack, &QStackedWidget::setCurrentIndex);
}

QWidget *ResourceBrowser::makePage(const QString &resource)
{
    const ResourceSchema &schema = *ResourceSchema::find(resource);
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *filters = new QHBoxLayout;
    auto *pane = new RecordListPane(schema, RecordListPane::Scope::All, page);
    pane->setObjectName(QStringLiteral("browse_") + resource); // the detail pane has a "postsPane" too
    pane->setClient(m_client);
    m_panes.insert(resource, pane);
    // Filters go to the server a moment after the last keystroke, as the users filter bar does.
    auto *debounce = new QTimer(page);
    debounce->setSingleShot(true);
    debounce->setInterval(400);
    QList<std::pair<QString, QWidget *>> editors;
    for (const FieldSpec &f : schema.fields) {
        if (!isFilterable(f))
            continue;
        QWidget *editor;
        if (f.type == FieldSpec::Type::Enum) {
            auto *combo = new QComboBox(page);
            combo->addItem(f.name == QLatin1String("status") ? tr("Any status") : tr("Any %1").arg(f.label()),
                QString());
            for (const QString &v : f.values)
                combo->addItem(v, v);
            connect(combo, &QComboBox::currentIndexChanged, debounce, qOverload<>(&QTimer::start));
            editor = combo;
        } else {
            auto *line = new QLineEdit(page);
            line->setPlaceholderText(f.label());
            line->setClearButtonEnabled(true);
            connect(line, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
            editor = line;
        }
        editor->setObjectName(QStringLiteral("filter_%1_%2").arg(resource, f.name));
        editor->setAccessibleName(tr("Filter %1: %2").arg(resourceTitle(resource), f.label()));
        filters->addWidget(editor, f.type == FieldSpec::Type::Reference ? 0 : 1);
        editors.append({ f.name, editor });
    }
    connect(debounce, &QTimer::timeout, pane, [pane, editors] {
        QList<std::pair<QString, QString>> wanted;
        for (const auto &[name, editor] : editors) {
            const QString value = qobject_cast<QLineEdit *>(editor)
                ? qobject_cast<QLineEdit *>(editor)->text().trimmed()
                : qobject_cast<QComboBox *>(editor)->currentData().toString();
            if (!value.isEmpty())
                wanted.append({ name, value });
        }
        pane->setFilters(wanted);
    });
    auto *exportButton = new QToolButton(page);
    exportButton->setObjectName(QStringLiteral("export_") + resource);
    exportButton->setText(tr("Export"));
    exportButton->setAccessibleName(tr("Export loaded %1").arg(resourceNoun(resource)));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    menu->addAction(tr("As CSV…"), this, [this, resource] { chooseFileAndExport(resource, false); });
    menu->addAction(tr("As JSON…"), this, [this, resource] { chooseFileAndExport(resource, true); });
    exportButton->setMenu(menu);
    filters->addWidget(exportButton);
    layout->addLayout(filters);
    layout->addWidget(pane, 1);
    return page;
}

void ResourceBrowser::setOnline(bool online)
{
    for (RecordListPane *pane : std::as_const(m_panes)) {
        pane->setOnline(online);
        if (online)
            pane->reload(); // a new connection: what was listed came from the last one
    }
}

bool ResourceBrowser::exportLoaded(const QString &resource, const QString &path, bool json, QString *message)
{
    RecordListPane *pane = m_panes.value(resource);
    if (!pane)
        return false;
    const QList<QJsonObject> records = pane->model()->rows().records();
    const QByteArray bytes = json ? RecordExport::json(records) : RecordExport::csv(pane->schema(), records);
    QString why;
    if (!RecordExport::write(path, bytes, &why)) {
        if (message)
            *message = tr("Could not export to %1: %2.").arg(path, why);
        return false;
    }
    if (message)
        *message = exportedText(resource, records.size(), pane->model()->totalCount(), path);
    return true;
}

void ResourceBrowser::chooseFileAndExport(const QString &resource, bool json)
{
    auto *dialog = new QFileDialog(window(), tr("Export %1").arg(resourceTitle(resource)));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(json ? tr("JSON files (*.json)") : tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(json ? QStringLiteral("json") : QStringLiteral("csv"));
    dialog->selectFile(resource + (json ? QStringLiteral(".json") : QStringLiteral(".csv")));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, resource, json](const QString &path) {
        QString text;
        exportLoaded(resource, path, json, &text);
        Q_EMIT message(text);
    });
    dialog->open();
}

} // namespace UserDesk
