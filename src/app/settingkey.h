#pragma once

#include "profilestore.h"

#include <QLatin1String>
#include <QVariant>

namespace UserDesk {

// A settings key that knows the type of its value, so that reading and writing cannot disagree.
template<typename T> struct SettingKey
{
    QLatin1String name;

    T read(const ProfileStore &store, const T &fallback = T()) const
    {
        const QVariant v = store.value(name);
        return v.isValid() ? v.value<T>() : fallback;
    }
    void write(ProfileStore &store, const T &value) const
    {
        store.setValue(name, QVariant::fromValue(value));
    }
};

// What the window keeps between runs: its geometry and docks, the splitters and the table headers.
namespace WindowState {
inline constexpr SettingKey<QByteArray> geometry { QLatin1String("window/geometry") };
inline constexpr SettingKey<QByteArray> docks { QLatin1String("window/state") };
inline constexpr SettingKey<QByteArray> splitter { QLatin1String("window/splitter") };
inline constexpr SettingKey<QByteArray> logSplitter { QLatin1String("window/logSplitter") };
inline constexpr SettingKey<QByteArray> userTableHeader { QLatin1String("window/userTableHeader") };
inline constexpr SettingKey<QByteArray> logTableHeader { QLatin1String("window/logTableHeader") };
} // namespace WindowState

} // namespace UserDesk
