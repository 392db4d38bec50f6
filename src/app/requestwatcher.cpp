#include "requestwatcher.h"

namespace UserDesk {

RequestWatcher::RequestWatcher(ApiClient::RequestId id, QObject *context, Done done)
    : QObject(context)
    , m_id(id)
    , m_done(std::move(done))
{
}

void RequestWatcher::watch(ApiClient *client, ApiClient::RequestId id, QObject *context, Done done)
{
    auto *w = new RequestWatcher(id, context, std::move(done));
    auto ok = [w](ApiClient::RequestId ended) { w->finish(ended, nullptr); };
    connect(client, &ApiClient::usersPageReceived, w, ok);
    connect(client, &ApiClient::userReceived, w, ok);
    connect(client, &ApiClient::userCreated, w, ok);
    connect(client, &ApiClient::userUpdated, w, ok);
    connect(client, &ApiClient::userDeleted, w, ok);
    connect(client, &ApiClient::postsReceived, w, ok);
    connect(client, &ApiClient::todosReceived, w, ok);
    connect(client, &ApiClient::requestFailed, w,
        [w](ApiClient::RequestId ended, const ApiError &error) { w->finish(ended, &error); });
    connect(client, &QObject::destroyed, w, &QObject::deleteLater);
}

void RequestWatcher::finish(ApiClient::RequestId id, const ApiError *error)
{
    if (id != m_id || !m_done)
        return;
    const Done done = std::exchange(m_done, {});
    deleteLater();
    done(error);
}

} // namespace UserDesk
