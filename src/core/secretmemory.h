#pragma once

namespace UserDesk {

// Keeps the tokens a process holds in memory out of crash output. A core file would carry them in clear
// text, so the app and the CLI call this first thing: no core file is written (RLIMIT_CORE 0) and, on
// Linux, the process is not dumpable, which also stops other processes of the same user from attaching
// to read its memory (KeePassXC does the same). USERDESK_ALLOW_CORE_DUMPS=1 keeps core dumps for
// debugging a crash. Returns false if the system refused.
bool keepSecretsOutOfCoreDumps();

} // namespace UserDesk
