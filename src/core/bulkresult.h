#pragma once

#include "apierror.h"
#include "resourceid.h"
#include "user.h"

#include <QList>
#include <optional>

namespace UserDesk {

// The outcome of one item of a bulk create or delete.
struct BulkItemResult
{
    int index = 0; // position in the list the bulk call was given
    ResourceId userId; // the deleted id, or the created user's id
    bool ok = false;
    ApiError error;
    std::optional<User> user; // the created user
};

} // namespace UserDesk

Q_DECLARE_METATYPE(UserDesk::BulkItemResult)
