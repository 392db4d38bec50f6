#pragma once

#include <QStringList>

class QCoreApplication;

namespace UserDesk {

// Loads UserDesk's own catalogue and Qt's (dialog buttons and the like) for a language. English needs one
// too: it holds the plural forms ("1 user", "5 users").
class Translations
{
public:
    // `language` is a name such as "de" or "hi_IN"; empty follows the system (LANGUAGE, LC_ALL, LANG).
    // Returns the language loaded, "en" when nothing better was found. Calling it again replaces the
    // catalogues an earlier call installed.
    static QString install(QCoreApplication *app, const QString &language = {});
    // The languages UserDesk ships, English first.
    static QStringList available();
};

} // namespace UserDesk
