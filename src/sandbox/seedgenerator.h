#pragma once

#include "seeddata.h"

namespace UserDesk {

// Deterministic fake GoRest data: the same (userCount, seed) gives the same rows,
// byte for byte, so tests and benchmarks can rely on what page N holds.
class SeedGenerator
{
public:
    static constexpr quint64 DefaultSeed = 0x5eedda7aULL;

    static SeedData generate(int userCount, quint64 seed = DefaultSeed);
};

} // namespace UserDesk
