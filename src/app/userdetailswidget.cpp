#include "userdetailswidget.h"

#include "jsonformat.h"
#include "jsonhighlighter.h"
#include "recordlistpane.h"
#include "resourceschema.h"
#include "ui_userdetailswidget.h"

#include <QEvent>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

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

    // The posts above, the selected post's comments below.
    auto *split = new QSplitter(Qt::Vertical, m_ui->postsTab);
    m_posts = new RecordListPane(ResourceSchema::posts(), RecordListPane::Scope::UnderParent, split);
    auto *comments = new QWidget(split);
    auto *commentsLayout = new QVBoxLayout(comments);
    commentsLayout->setContentsMargins(0, 4, 0, 0);
    m_commentsTitle = new QLabel(comments);
    m_commentsTitle->setObjectName(QStringLiteral("commentsTitle"));
    m_comments = new RecordListPane(ResourceSchema::comments(), RecordListPane::Scope::UnderParent, comments);
    commentsLayout->addWidget(m_commentsTitle);
    commentsLayout->addWidget(m_comments, 1);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    m_ui->postsTabLayout->addWidget(split);
    m_todos = new RecordListPane(ResourceSchema::todos(), RecordListPane::Scope::UnderParent, m_ui->todosTab);
    m_ui->todosTabLayout->addWidget(m_todos);
    connect(m_posts, &RecordListPane::currentRecordChanged, this, &UserDetailsWidget::showPost);
    showUser(User());
}

UserDetailsWidget::~UserDetailsWidget() = default;

void UserDetailsWidget::setClient(ApiClient *client)
{
    for (RecordListPane *pane : { m_posts, m_comments, m_todos })
        pane->setClient(client);
}

void UserDetailsWidget::setOnline(bool online)
{
    for (RecordListPane *pane : { m_posts, m_comments, m_todos })
        pane->setOnline(online);
}

void UserDetailsWidget::showUser(const User &user)
{
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
    // The same user with changed fields keeps what was loaded; another one is asked for anew.
    const ResourceId id = has ? user.id : ResourceId();
    m_posts->showParent(id);
    m_todos->showParent(id);
}

void UserDetailsWidget::showPost(const QJsonObject &post)
{
    const ResourceId id = ResourceId::fromJson(post.value(QStringLiteral("id"))).value_or(ResourceId());
    m_commentsTitle->setText(id.isNull() ? tr("Select a post to see its comments.")
                                         : tr("Comments on post %1").arg(id.toString()));
    m_comments->showParent(id);
}

void UserDetailsWidget::showSelection(const QList<User> &users)
{
    showUser(users.size() == 1 ? users.constFirst() : User());
    if (users.size() > 1)
        m_ui->detailTitle->setText(tr("%Ln user(s) selected", nullptr, static_cast<int>(users.size())));
}

void UserDetailsWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->setPalette(palette()); // the children take it after this event
}

} // namespace UserDesk
