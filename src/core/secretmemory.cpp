#include "secretmemory.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

#if defined(__SANITIZE_ADDRESS__)
#define USERDESK_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define USERDESK_UNDER_ASAN 1
#endif
#endif

namespace UserDesk {

bool keepSecretsOutOfCoreDumps()
{
    if (qEnvironmentVariableIntValue("USERDESK_ALLOW_CORE_DUMPS") == 1)
        return true;
    bool ok = true;
#ifdef Q_OS_UNIX
    const struct rlimit none = { 0, 0 };
    ok = setrlimit(RLIMIT_CORE, &none) == 0;
#endif
#if defined(Q_OS_LINUX) && !defined(USERDESK_UNDER_ASAN)
    // Not under AddressSanitizer: its leak checker attaches to the process with ptrace at exit.
    ok = prctl(PR_SET_DUMPABLE, 0) == 0 && ok;
#endif
    return ok;
}

} // namespace UserDesk
