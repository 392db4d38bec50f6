#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace UserDesk {

// Undoes an answer's Content-Encoding (gzip or deflate) itself, so that the client knows the size on the
// wire as well as the size of the body: Qt's own decoding would hide the first. Bounded: a body that
// inflates past maxBytes is refused, not allocated.
class ContentDecoder
{
public:
    // The Accept-Encoding the client sends.
    static QByteArray acceptEncoding() { return QByteArrayLiteral("gzip, deflate"); }
    // True when `encoding` (a Content-Encoding value) is something decode() undoes.
    static bool handles(const QByteArray &encoding);
    // The decoded body; nullopt with *error (a clause about the answer, "its body ...") when it is corrupt
    // or larger than maxBytes.
    static std::optional<QByteArray> decode(
        const QByteArray &encoding, const QByteArray &body, qint64 maxBytes, QString *error);
};

} // namespace UserDesk
