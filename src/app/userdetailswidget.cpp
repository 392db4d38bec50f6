#include "userdetailswidget.h"

#include "jsonformat.h"
#include "jsonhighlighter.h"
#include "palettecolors.h"
#include "ui_userdetailswidget.h"

#include <QEvent>

namespace UserDesk {

UserDetailsWidget::UserDetailsWidget(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::UserDetailsWidget>())
{
    m_ui->setupUi(this);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_ui->jsonView->setFont(mono);
    m_highlighter = new JsonHighlighter(m_ui->jsonView->document(), m_ui->jsonView->palette());
    QFont title = m_ui->detailTitle->font();
    title.setPointSizeF(title.pointSizeF() * 1.25);
    title.setBold(true);
    m_ui->detailTitle->setFont(title);
    m_ui->postsList->header()->resizeSection(0, 200);
    m_ui->todosList->header()->resizeSection(0, 220);
    m_ui->todosList->header()->resizeSection(1, 110);
    connect(m_ui->detailTabs, &QTabWidget::currentChanged, this, &UserDetailsWidget::loadRelatedIfShown);
    showUser(User());
}

UserDetailsWidget::~UserDetailsWidget()
{
    cancelRelated();
}

void UserDetailsWidget::setClient(ApiClient *client)
{
    cancelRelated();
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    if (!client)
        return;
    connect(client, &ApiClient::postsReceived, this,
        [this](ApiClient::RequestId id, const ResourceId &, const QList<Post> &posts) {
            if (id != m_postsRequest)
                return;
            m_postsRequest = 0;
            m_ui->postsList->clear();
            for (const Post &p : posts) {
                auto *item = new QTreeWidgetItem(m_ui->postsList, { p.title, p.body.simplified() });
                item->setToolTip(1, p.body);
            }
            if (posts.isEmpty())
                new QTreeWidgetItem(m_ui->postsList, { tr("No posts") });
        });
    connect(client, &ApiClient::todosReceived, this,
        [this](ApiClient::RequestId id, const ResourceId &, const QList<Todo> &todos) {
            if (id != m_todosRequest)
                return;
            m_todosRequest = 0;
            m_ui->todosList->clear();
            for (const Todo &t : todos)
                new QTreeWidgetItem(m_ui->todosList, { t.title, t.dueOn.left(10), t.status });
            if (todos.isEmpty())
                new QTreeWidgetItem(m_ui->todosList, { tr("No todos") });
        });
    connect(client, &ApiClient::requestFailed, this, [this](ApiClient::RequestId id, const ApiError &error) {
        if (id == m_postsRequest) {
            m_postsRequest = 0;
            m_postsLoadedFor = 0;
            showFailure(m_ui->postsList, error);
        } else if (id == m_todosRequest) {
            m_todosRequest = 0;
            m_todosLoadedFor = 0;
            showFailure(m_ui->todosList, error);
        }
    });
}

void UserDetailsWidget::setOnline(bool online)
{
    m_online = online;
    loadRelatedIfShown();
}

void UserDetailsWidget::showUser(const User &user)
{
    const bool another = user.id != m_user.id || user.id.isNull();
    m_user = user;
    const bool has = !user.id.isNull();
    m_ui->detailTitle->setText(has ? user.name : tr("No user selected"));
    m_ui->idValue->setText(has ? user.id.toString() : QString());
    m_ui->nameValue->setText(user.name);
    m_ui->emailValue->setText(user.email);
    m_ui->genderValue->setText(user.gender);
    m_ui->statusValue->setText(user.status);
    m_ui->jsonView->setPlainText(has ? JsonFormat::pretty(user.toOrderedJson()) : QString());
    m_ui->detailTabs->setEnabled(has);
    if (!another)
        return;
    cancelRelated();
    m_postsLoadedFor = 0;
    m_todosLoadedFor = 0;
    m_ui->postsList->clear();
    m_ui->todosList->clear();
    loadRelatedIfShown();
}

void UserDetailsWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->setPalette(palette()); // the children take it after this event
}

void UserDetailsWidget::loadRelatedIfShown()
{
    if (m_user.id.isNull() || !m_online || !m_client)
        return;
    QWidget *tab = m_ui->detailTabs->currentWidget();
    if (tab == m_ui->postsTab && m_postsLoadedFor != m_user.id) {
        m_postsLoadedFor = m_user.id;
        m_ui->postsList->clear();
        new QTreeWidgetItem(m_ui->postsList, { tr("Loading…") });
        m_postsRequest = m_client->listUserPosts(m_user.id);
    } else if (tab == m_ui->todosTab && m_todosLoadedFor != m_user.id) {
        m_todosLoadedFor = m_user.id;
        m_ui->todosList->clear();
        new QTreeWidgetItem(m_ui->todosList, { tr("Loading…") });
        m_todosRequest = m_client->listUserTodos(m_user.id);
    }
}

void UserDetailsWidget::cancelRelated()
{
    if (!m_client)
        return;
    if (m_postsRequest)
        m_client->cancel(std::exchange(m_postsRequest, 0));
    if (m_todosRequest)
        m_client->cancel(std::exchange(m_todosRequest, 0));
}

void UserDetailsWidget::showFailure(QTreeWidget *list, const ApiError &error)
{
    if (error.kind() == ApiError::Kind::Canceled)
        return;
    list->clear();
    auto *item = new QTreeWidgetItem(list, { tr("Could not load: %1").arg(error.userMessage()) });
    item->setForeground(0, PaletteColors::text(list->palette(), PaletteColors::Role::Error));
}

} // namespace UserDesk
