#include "palettecolors.h"

#include <QtMath>

namespace UserDesk::PaletteColors {

namespace {

qreal luminance(const QColor &c)
{
    auto channel = [](qreal v) { return v <= 0.03928 ? v / 12.92 : qPow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

QColor hueOf(Role role)
{
    switch (role) {
    case Role::Error:
        return QColor(0xd0, 0x20, 0x20);
    case Role::Warning:
        return QColor(0xc0, 0x70, 0x00);
    case Role::Success:
        return QColor(0x20, 0x90, 0x40);
    case Role::JsonKey:
        return QColor(0xa0, 0x30, 0xb0);
    case Role::JsonString:
        return QColor(0x20, 0x90, 0x40);
    case Role::JsonNumber:
        return QColor(0x30, 0x70, 0xd0);
    case Role::JsonLiteral:
        return QColor(0xc0, 0x60, 0x00);
    }
    return QColor();
}

} // namespace

QColor mix(const QColor &a, const QColor &b, qreal bias)
{
    bias = qBound(0.0, bias, 1.0);
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * bias,
        a.greenF() + (b.greenF() - a.greenF()) * bias, a.blueF() + (b.blueF() - a.blueF()) * bias);
}

qreal contrast(const QColor &a, const QColor &b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QColor readable(const QColor &hue, const QColor &background, qreal minimum)
{
    // Towards white on a dark background, towards black on a light one, in small steps.
    const QColor pole = luminance(background) < 0.18 ? QColor(Qt::white) : QColor(Qt::black);
    QColor c = hue;
    for (int step = 1; step <= 20 && contrast(c, background) < minimum; ++step)
        c = mix(hue, pole, step / 20.0);
    return c;
}

QColor text(const QPalette &palette, Role role, bool onWindow)
{
    const QColor background = palette.color(onWindow ? QPalette::Window : QPalette::Base);
    const QColor foreground = palette.color(onWindow ? QPalette::WindowText : QPalette::Text);
    return readable(mix(foreground, hueOf(role), 0.8), background);
}

QColor errorBackground(const QPalette &palette)
{
    return mix(palette.color(QPalette::Window), hueOf(Role::Error), 0.15);
}

QString textStyle(const QPalette &palette, Role role)
{
    return QStringLiteral("color: %1;").arg(text(palette, role, true).name());
}

QPalette dark()
{
    const QColor window(0x2d, 0x2d, 0x30);
    const QColor base(0x1e, 0x1e, 0x20);
    const QColor text(0xe4, 0xe4, 0xe4);
    const QColor highlight(0x2f, 0x6c, 0xb3);
    const QColor link(0x6c, 0xb4, 0xff);
    const QColor placeholder(0x80, 0x80, 0x80);
    QPalette p(
        text, window, window.lighter(140), window.darker(160), window.darker(120), text, text, base, window);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x29));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, link);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, placeholder);

    // The Disabled group as complete as Fusion's own palette has it: its text seven tenths of the way to the
    // window (Fusion's light palette goes four fifths), a contrast of about 2.3 against the enabled text's
    // 10.8, so that a disabled tab or button reads as one at a glance and can still be read; a disabled
    // field lies flat on the window; selection, links and frames fade with it.
    const QColor disabledText = mix(text, window, 0.7);
    for (auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::AlternateBase, window);
    p.setColor(QPalette::Disabled, QPalette::PlaceholderText, mix(placeholder, window, 0.5));
    p.setColor(QPalette::Disabled, QPalette::Highlight, mix(highlight, window, 0.6));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, mix(Qt::white, window, 0.4));
    p.setColor(QPalette::Disabled, QPalette::Link, mix(link, window, 0.7));
    p.setColor(QPalette::Disabled, QPalette::BrightText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Dark, mix(window.darker(160), window, 0.5));
    p.setColor(QPalette::Disabled, QPalette::Shadow, mix(p.color(QPalette::Shadow), window, 0.5));
    return p;
}

} // namespace UserDesk::PaletteColors
