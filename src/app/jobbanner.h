#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace UserDesk {

class JobController;

// Above the table: a bulk job that did not finish (this window stopped it, the CLI left it, or a crash or
// kill cut it off), with Resume and Discard, e.g. "A bulk delete of 280 users stopped after 92 of them."
// One job at a time, the newest; the next one follows when it is resumed or discarded.
class JobBanner : public QFrame
{
    Q_OBJECT
public:
    explicit JobBanner(JobController *jobs, QWidget *parent = nullptr);

    // Reads the journal again and shows the newest unfinished job nobody runs, or hides.
    void refresh();
    qint64 jobId() const { return m_jobId; }
    QString text() const;

Q_SIGNALS:
    // A full sentence when Resume or Discard could not be done.
    void failed(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    JobController *m_jobs;
    QLabel *m_label;
    QPushButton *m_resume;
    QPushButton *m_discard;
    qint64 m_jobId = 0;
};

} // namespace UserDesk
