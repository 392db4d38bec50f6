#include "oneshotbody.h"

#include <cstring>

namespace UserDesk {

OneShotBody::OneShotBody(const QByteArray &data, QObject *parent)
    : QIODevice(parent)
    , m_data(data)
{
    open(QIODevice::ReadOnly);
}

qint64 OneShotBody::bytesAvailable() const
{
    return (m_data.size() - m_position) + QIODevice::bytesAvailable();
}

bool OneShotBody::atEnd() const
{
    return m_position >= m_data.size() && QIODevice::bytesAvailable() == 0;
}

bool OneShotBody::reset()
{
    return false;
}

bool OneShotBody::seek(qint64 pos)
{
    Q_UNUSED(pos)
    return false;
}

qint64 OneShotBody::readData(char *data, qint64 maxSize)
{
    const qint64 left = m_data.size() - m_position;
    if (left <= 0)
        return -1; // the end of a sequential device: nothing more will come
    const qint64 n = std::min(left, maxSize);
    std::memcpy(data, m_data.constData() + m_position, static_cast<size_t>(n));
    m_position += n;
    return n;
}

qint64 OneShotBody::writeData(const char *data, qint64 maxSize)
{
    Q_UNUSED(data)
    Q_UNUSED(maxSize)
    return -1;
}

} // namespace UserDesk
