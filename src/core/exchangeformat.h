#pragma once

#include "httpexchange.h"

#include <QString>

namespace UserDesk {

// The text of one HTTP exchange as a person reads it, in curl -v's manner ('>' out, '<' back): request line
// with its attempt, headers (already redacted by the request log), status and time, bodies pretty-printed.
// The app's request log and `userdesk-cli --verbose` both show it.
namespace ExchangeFormat {

// maxBodyChars > 0 shortens each pretty-printed body to that many characters.
QString describe(const HttpExchange &exchange, int maxBodyChars = -1);

} // namespace ExchangeFormat

} // namespace UserDesk
