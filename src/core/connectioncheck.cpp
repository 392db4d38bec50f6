#include "connectioncheck.h"

#include <QLocale>

namespace UserDesk {

ConnectionCheck::ConnectionCheck(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    connect(client, &ApiClient::dialectDetected, this, &ConnectionCheck::onDialect);
    connect(client, &ApiClient::usersPageReceived, this, &ConnectionCheck::onPage);
    connect(client, &ApiClient::writeAccessChecked, this, &ConnectionCheck::onWriteAccess);
    connect(client, &ApiClient::requestFailed, this, &ConnectionCheck::onFailed);
}

ConnectionCheck::~ConnectionCheck()
{
    cancel();
}

void ConnectionCheck::start()
{
    cancel();
    m_result = Result();
    m_checkingToken = false;
    m_detecting = m_detectsDialect;
    if (m_detecting) {
        m_request = m_client->detectDialect();
        return;
    }
    // One user is enough to learn whether the server answers and how many it has.
    m_request = m_client->listUsers(1, 1);
}

void ConnectionCheck::cancel()
{
    const ApiClient::RequestId id = std::exchange(m_request, 0);
    if (id && m_client)
        m_client->cancel(id);
}

void ConnectionCheck::onDialect(ApiClient::RequestId id, const Dialect &dialect)
{
    if (id != m_request || !m_detecting)
        return;
    m_detecting = false;
    m_result.detectedDialect = dialect.name();
    m_client->setDialect(dialect);
    m_request = m_client->listUsers(1, 1);
}

void ConnectionCheck::onPage(ApiClient::RequestId id, const UsersPage &page)
{
    if (id != m_request || m_checkingToken)
        return;
    m_result.reachable = true;
    m_result.users = page.info.total;
    if (!m_client->hasToken()) {
        m_result.tokenNote = tr("No token is set: reads work without one, but creating, changing or deleting "
                                "users will be refused.");
        finish();
        return;
    }
    if (m_client->dialect().kind() != Dialect::Kind::GoRestV2) {
        // json-server makes a record of whatever is posted, and asks for no token at all.
        m_result.tokenNote = tr("The token was not checked: a %1 server has no request that tests it "
                                "without changing data.")
                                 .arg(m_client->dialect().name());
        finish();
        return;
    }
    if (page.info.source != PageInfo::Source::PaginationHeaders) {
        // Only a server that answers as GoRest does is trusted to refuse an empty user.
        m_result.tokenNote
            = tr("The token was not checked: the server does not page as GoRest does (it sent no "
                 "X-Pagination headers), so a test could create an empty user there.");
        finish();
        return;
    }
    m_checkingToken = true;
    m_request = m_client->checkWriteAccess();
}

void ConnectionCheck::onWriteAccess(ApiClient::RequestId id, int httpStatus, const QString &message)
{
    if (id != m_request || !m_checkingToken)
        return;
    if (httpStatus == 401 || httpStatus == 403) {
        m_result.token = Token::Rejected;
        m_result.tokenNote = message.isEmpty()
            ? tr("The server refused the token (HTTP %1).").arg(httpStatus)
            : tr("The server refused the token (HTTP %1: %2).").arg(httpStatus).arg(message);
    } else if (httpStatus == 422) {
        m_result.token = Token::Accepted;
    } else {
        // A server that took an empty user: the token writes, but the server is not as strict as GoRest.
        m_result.token = Token::Accepted;
        m_result.tokenNote = tr("The server accepted an empty user (HTTP %1), which GoRest refuses; it may "
                                "have created a record without fields.")
                                 .arg(httpStatus);
    }
    finish();
}

void ConnectionCheck::onFailed(ApiClient::RequestId id, const ApiError &error)
{
    if (id != m_request)
        return;
    if (m_checkingToken) {
        m_result.tokenNote = tr("The token could not be checked: %1").arg(error.userMessage());
    } else {
        m_result.error = error;
    }
    finish();
}

void ConnectionCheck::finish()
{
    m_request = 0;
    m_checkingToken = false;
    m_detecting = false;
    Q_EMIT finished(m_result);
}

QString ConnectionCheck::Result::sentence() const
{
    const QString found = dialectSentence();
    const QString said = connectionSentence();
    return found.isEmpty() ? said : tr("%1 %2").arg(said, found);
}

QString ConnectionCheck::Result::dialectSentence() const
{
    const std::optional<Dialect> dialect = Dialect::fromName(detectedDialect);
    if (!dialect)
        return QString();
    switch (dialect->kind()) {
    case Dialect::Kind::GoRestV2:
        return tr("The server pages as GoRest v2.");
    case Dialect::Kind::JsonServer017:
        return tr("The server pages as json-server 0.17.");
    case Dialect::Kind::JsonServer1:
        return tr("The server pages as json-server 1.x.");
    }
    return QString();
}

QString ConnectionCheck::Result::connectionSentence() const
{
    if (!reachable && error.httpStatus() > 0)
        return tr("The server answered but did not list its users: %1").arg(error.userMessage());
    if (!reachable)
        return tr("Could not connect: %1").arg(error.userMessage());
    const QString users = this->users >= 0 ? tr("Connected: the server has %Ln user(s)", nullptr,
                              static_cast<int>(std::min<qint64>(this->users, 1000000000)))
                                           : tr("Connected: the server did not say how many users it has");
    switch (token) {
    case Token::Accepted:
        return tokenNote.isEmpty() ? tr("%1, and it accepts the token for changes.").arg(users)
                                   : tr("%1, and it accepts the token for changes. %2").arg(users, tokenNote);
    case Token::Rejected:
        return tr("%1, but it refuses the token, so changes will fail. %2 Check the token of this profile.")
            .arg(users, tokenNote);
    case Token::NotChecked:
        break;
    }
    return tr("%1. %2").arg(users, tokenNote);
}

} // namespace UserDesk
