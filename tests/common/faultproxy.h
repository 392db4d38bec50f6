#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

// An HTTP/1.1 proxy on 127.0.0.1 in front of a real server (the sandbox) that a test scripts fault by
// fault: each request is matched against the rules in order, and the first rule with uses left decides
// what happens to it. Without a matching rule a request is forwarded untouched. It keeps connections alive
// as the server does, one exchange at a time per connection.
class FaultProxy : public QObject
{
    Q_OBJECT
public:
    enum class Action {
        Forward,
        DropBeforeForward, // close the client's connection without sending the request on
        DropAfterAnswer, // send it on, let the server answer in full, close without a byte to the client
        CutBody, // send it on, pass the status line, headers and the first `bytes` of the body, then close
        Trickle, // send it on, pass the head, then the body `bytes` bytes at a time every `intervalMs`
        Answer, // answer `raw` without asking the server, then close when `close` is set
        Hold, // read the request and never answer
    };
    struct Rule
    {
        QByteArray method; // empty: any
        QByteArray pathContains; // empty: any
        Action action = Action::Forward;
        int uses = 1; // -1: for ever
        int bytes = 0;
        int intervalMs = 1000;
        QByteArray raw;
        bool close = false;
        bool graceful = false; // CutBody: close with a FIN, as a server that stops writing, not a reset
        QByteArray after; // applies only once a request with this method went through the proxy
    };
    struct Seen
    {
        QByteArray method;
        QByteArray target;
        Action action;
    };

    explicit FaultProxy(quint16 upstreamPort, QObject *parent = nullptr);
    ~FaultProxy() override;

    bool listen();
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:PORT/public/v2

    void addRule(const Rule &rule) { m_rules.append(rule); }
    // Shorthands: the next request matching method and path gets `action`.
    void next(const QByteArray &method, Action action, int bytes = 0, const QByteArray &path = {});
    void answerNext(const QByteArray &method, const QByteArray &raw, bool close = false, int uses = 1);
    void clearRules() { m_rules.clear(); }
    const QList<Seen> &seen() const { return m_seen; }
    int count(const QByteArray &method) const;

private:
    struct Connection;
    void accept();
    void readRequest(Connection *c);
    void readAnswer(Connection *c);
    void finishAnswer(Connection *c, const QByteArray &answer, qsizetype bodyStart);
    Rule take(const QByteArray &method, const QByteArray &target);
    void drop(Connection *c);

    quint16 m_upstreamPort;
    QTcpServer *m_server;
    QList<Rule> m_rules;
    QList<Seen> m_seen;
    QList<Connection *> m_connections;
};
