#pragma once

#include <QtGlobal>

namespace UserDesk {

// A tiny deterministic PRNG (Steele/Lea/Flood splitmix64): seed data and fault
// decisions must repeat exactly for a given seed on every platform and Qt version,
// which neither std::rand nor QRandomGenerator's unseeded global instance promise.
class SplitMix64
{
public:
    explicit SplitMix64(quint64 seed = 0)
        : m_state(seed)
    {
    }

    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    // Modulo bias is irrelevant at the small bounds used here.
    quint64 bounded(quint64 bound) { return bound == 0 ? 0 : next() % bound; }

    // Uniform in [0, 1): the top 53 bits fill a double's mantissa exactly.
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }

    // Draws even when the probability is 0, so that one fault's rate never shifts another's rolls.
    bool chance(double probability) { return unit() < probability; }

private:
    quint64 m_state;
};

} // namespace UserDesk
