#pragma once

#include <QColor>
#include <QPalette>

namespace UserDesk {

// Colours derived from the widget's palette, so that the app reads well under a light and a dark one:
// a hue is mixed into the palette's text colour and then kept far enough from the base colour to read.
namespace PaletteColors {

// a*(1-bias) + b*bias per channel, in RGB (like KColorUtils::mix).
QColor mix(const QColor &a, const QColor &b, qreal bias);
// WCAG 2 contrast ratio, 1 (same) to 21 (black on white).
qreal contrast(const QColor &a, const QColor &b);
// A colour of `hue`'s tone that reads on `background` with a contrast of at least `minimum`.
QColor readable(const QColor &hue, const QColor &background, qreal minimum = 4.5);

enum class Role { Error, Warning, Success, JsonKey, JsonString, JsonNumber, JsonLiteral };
// Text colour for `role` on the palette's base (view) colour, or its window colour when onWindow.
QColor text(const QPalette &palette, Role role, bool onWindow = false);
// A quiet background for an error banner on the palette's window colour.
QColor errorBackground(const QPalette &palette);
// "color: #rrggbb;" for a label's style sheet.
QString textStyle(const QPalette &palette, Role role);
// A dark palette for the Fusion style, for desktops that give Qt none (userdesk --dark), complete in every
// colour group: disabled text, fields and selections are dimmed the way Fusion dims its own.
QPalette dark();

} // namespace PaletteColors

} // namespace UserDesk
