#pragma once

#include <QByteArray>
#include <QIODevice>

namespace UserDesk {

// A request body that can be read once and never rewound, so that Qt cannot send it a second time.
//
// Qt 6.4 silently resends a request whose connection closed before its answer began
// (QHttpNetworkConnectionChannel::closeAndResendCurrentRequest), POST included. Before a resend it rewinds
// the body (QHttpNetworkConnectionChannel::resetUploadData); a body that refuses to rewind makes the
// request end in QNetworkReply::ContentReSendError instead, and the caller decides what to do about a
// write that may have been applied. Sequential, with the Content-Length set and buffering off, the body is
// streamed from this device rather than copied into one Qt can rewind.
class OneShotBody : public QIODevice
{
    Q_OBJECT
public:
    explicit OneShotBody(const QByteArray &data, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    bool atEnd() const override;
    // Refuses: the bytes already went out once.
    bool reset() override;
    bool seek(qint64 pos) override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

} // namespace UserDesk
