#include "guidedialog.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace UserDesk {

GuideDialog::GuideDialog(QWidget *window)
    : QDialog(window)
    , m_text(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("guideDialog"));
    setWindowTitle(tr("UserDesk Guide"));
    m_text->setObjectName(QStringLiteral("guideText"));
    m_text->setAccessibleName(tr("UserDesk guide"));
    m_text->setOpenLinks(false);
    m_text->setHtml(html());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(buttons);
    resize(620, 560);
}

QString GuideDialog::html()
{
    const QStringList sections = {
        tr("<h2>UserDesk Guide</h2>"
           "<p>UserDesk browses and edits the users of a GoRest-style REST API. It starts on its built-in "
           "sandbox, a local server with sample users, so everything works without an account.</p>"),
        tr("<h3>The table</h3>"
           "<p>Users load page after page as you scroll; the status bar says how many of how many are "
           "loaded. "
           "The server cannot sort, so sorting by a column loads the rest first, or asks when that takes "
           "long "
           "and then says that only the loaded users are sorted.</p>"),
        tr("<h3>Filters</h3>"
           "<p>The fields above the table filter on the server: an exact ID, part of a name or an email, the "
           "gender and the status. Escape in a filter field, or Clear, shows all users again.</p>"),
        tr("<h3>Creating, editing and deleting</h3>"
           "<p>New opens an empty form; Enter or Edit opens the selected user. A change the server refuses "
           "is "
           "shown beside its field, and the form keeps what you typed. Delete asks first and works on every "
           "selected user.</p>"),
        tr("<h3>Export</h3>"
           "<p>File &gt; Export writes all matching users (loading the rest first), the loaded ones or the "
           "selected ones as CSV or JSON, and says how many of how many it wrote.</p>"),
        tr("<h3>Profiles and tokens</h3>"
           "<p>Preferences keeps one profile per server, with its token in the system keychain. Test "
           "connection says whether the server answers, how many users it has, and whether it accepts the "
           "token for changes.</p>"),
        tr("<h3>The request log</h3>"
           "<p>The log below the table lists every request with its answer; it can copy one as a curl "
           "command, with the token left out.</p>"),
    };
    return sections.join(QString());
}

GuideDialog *GuideDialog::open(QWidget *window)
{
    if (auto *open = window->findChild<GuideDialog *>(QStringLiteral("guideDialog"))) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto *dialog = new GuideDialog(window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace UserDesk
