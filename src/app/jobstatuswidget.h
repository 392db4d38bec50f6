#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace UserDesk {

class JobController;
struct JobSummary;

// The running bulk job in the status bar: its progress ("Deleting 92 of 280"), how many jobs wait after
// it, and Stop (the job stays in the journal, resumable). Hidden while no job runs.
class JobStatusWidget : public QWidget
{
    Q_OBJECT
public:
    explicit JobStatusWidget(JobController *jobs, QWidget *parent = nullptr);

private:
    void onStarted(const JobSummary &job);
    void onProgress(qint64 jobId, int done, int total);
    void updateQueue();

    JobController *m_jobs;
    QProgressBar *m_progress;
    QLabel *m_queued;
    QPushButton *m_stop;
};

} // namespace UserDesk
