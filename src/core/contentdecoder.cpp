#include "contentdecoder.h"

#include <QCoreApplication>
#include <QList>
#include <zlib.h>

namespace UserDesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("UserDesk::ContentDecoder", text);
}

QByteArray normalized(const QByteArray &encoding)
{
    return encoding.trimmed().toLower();
}
} // namespace

bool ContentDecoder::handles(const QByteArray &encoding)
{
    const QByteArray e = normalized(encoding);
    return e == "gzip" || e == "x-gzip" || e == "deflate";
}

std::optional<QByteArray> ContentDecoder::decode(
    const QByteArray &encoding, const QByteArray &body, qint64 maxBytes, QString *error)
{
    const QByteArray e = normalized(encoding);
    // gzip: a gzip header (windowBits 16+); deflate: zlib format, which 32+ also detects; some servers send
    // raw deflate for "deflate", tried when the zlib header is missing.
    const bool gzip = e != "deflate";
    const QList<int> attempts = gzip ? QList<int> { 15 + 16 } : QList<int> { 15 + 32, -15 };
    for (const int windowBits : attempts) {
        z_stream stream {};
        if (inflateInit2(&stream, windowBits) != Z_OK) {
            *error = tr("its body could not be decoded (zlib did not start)");
            return std::nullopt;
        }
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(body.constData()));
        stream.avail_in = static_cast<uInt>(body.size());
        QByteArray out;
        char chunk[16384];
        int rc = Z_OK;
        while (rc == Z_OK) {
            stream.next_out = reinterpret_cast<Bytef *>(chunk);
            stream.avail_out = sizeof chunk;
            rc = inflate(&stream, Z_NO_FLUSH);
            if (rc != Z_OK && rc != Z_STREAM_END)
                break;
            out.append(chunk, static_cast<qsizetype>(sizeof chunk - stream.avail_out));
            if (out.size() > maxBytes) {
                inflateEnd(&stream);
                *error = tr("it is larger than the allowed size once decompressed");
                return std::nullopt;
            }
            if (rc == Z_OK && stream.avail_in == 0 && stream.avail_out != 0)
                rc = Z_BUF_ERROR; // input ended before the stream did
        }
        inflateEnd(&stream);
        if (rc == Z_STREAM_END)
            return out;
    }
    *error = tr("its body could not be decoded as the Content-Encoding the server declared (%1)")
                 .arg(QString::fromLatin1(e));
    return std::nullopt;
}

} // namespace UserDesk
