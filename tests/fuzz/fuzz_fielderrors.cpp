// Fuzz target: the 422 body reader and the error classification built on it.
#include "apierror.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    bool ok = false;
    const auto errors = UserDesk::parseFieldErrors(body, &ok);
    if (!ok && !errors.isEmpty())
        __builtin_trap();
    for (int status : { 400, 401, 404, 422, 429, 502 }) {
        const UserDesk::ApiError e = UserDesk::ApiError::fromHttpStatus(status, body);
        if (!e.isError() || e.httpStatus() != status || e.userMessage().isEmpty())
            __builtin_trap();
    }
    return 0;
}
