#pragma once

#include "apiclient.h"

#include <QObject>
#include <functional>

namespace UserDesk {

// A per-request callback tied to a context object, in the manner of QRestAccessManager: `done` runs once
// when request `id` ends, with nullptr on success or the error, and never after `context` is destroyed.
// Whoever started a request and watches it this way is its one owner: nobody else has to report it.
class RequestWatcher : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const ApiError *error)>;
    static void watch(ApiClient *client, ApiClient::RequestId id, QObject *context, Done done);

private:
    RequestWatcher(ApiClient::RequestId id, QObject *context, Done done);
    void finish(ApiClient::RequestId id, const ApiError *error);

    ApiClient::RequestId m_id;
    Done m_done;
};

} // namespace UserDesk
