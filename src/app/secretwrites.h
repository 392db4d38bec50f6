#pragma once

#include <QList>
#include <QObject>
#include <functional>

class QWidget;

namespace UserDesk {

class TokenStore;
struct TokenResult;

// What OK in Preferences writes to TokenStore after the settings file, one asynchronous step at a time:
// tokens, client certificate passphrases and the proxy's password (by their TokenStore accounts). When
// no keychain answers it asks once where to keep them, then goes on.
class SecretWrites : public QObject
{
    Q_OBJECT
public:
    SecretWrites(TokenStore *tokens, QWidget *dialog);

    void clear();
    void remove(const QString &account);
    void rename(const QString &from, const QString &to);
    // An empty value removes the stored one.
    void write(const QString &account, const QString &value);
    // Reads `from` before every other step (it may be renamed or removed by them) and writes what it held
    // to `to` in turn.
    void carry(const QString &from, const QString &to);
    void run();

Q_SIGNALS:
    void finished();
    void failed(const QString &message);
    // The person chose to keep secrets outside the keychain.
    void fallbackChosen();

private:
    using Step = std::function<void(std::function<void(const TokenResult &)>)>;
    void runNext();
    void askFallback();

    TokenStore *m_tokens;
    QWidget *m_dialog;
    QList<Step> m_reads;
    QList<Step> m_steps;
};

} // namespace UserDesk
