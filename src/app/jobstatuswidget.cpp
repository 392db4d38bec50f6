#include "jobstatuswidget.h"

#include "jobcontroller.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace UserDesk {

JobStatusWidget::JobStatusWidget(JobController *jobs, QWidget *parent)
    : QWidget(parent)
    , m_jobs(jobs)
    , m_progress(new QProgressBar(this))
    , m_queued(new QLabel(this))
    , m_stop(new QPushButton(tr("Stop"), this))
{
    setObjectName(QStringLiteral("jobStatus"));
    m_progress->setObjectName(QStringLiteral("jobProgress"));
    m_progress->setMinimumWidth(180);
    m_progress->setMaximumWidth(240);
    m_progress->setAccessibleName(tr("Bulk job progress"));
    m_queued->setObjectName(QStringLiteral("jobQueueLabel"));
    m_stop->setObjectName(QStringLiteral("jobStopButton"));
    m_stop->setAccessibleName(tr("Stop the bulk job"));
    m_stop->setToolTip(tr("Send no more of this job's requests; what is done stays done, and the job can "
                          "be resumed from the banner or with 'userdesk-cli jobs resume'"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progress);
    layout->addWidget(m_queued);
    layout->addWidget(m_stop);
    connect(m_stop, &QPushButton::clicked, m_jobs, &JobController::stop);
    connect(m_jobs, &JobController::jobStarted, this, &JobStatusWidget::onStarted);
    connect(m_jobs, &JobController::progress, this, &JobStatusWidget::onProgress);
    connect(m_jobs, &JobController::queueChanged, this, &JobStatusWidget::updateQueue);
    hide();
}

void JobStatusWidget::onStarted(const JobSummary &job)
{
    m_progress->setFormat(JobController::progressFormat(job.kind));
    m_progress->setRange(0, std::max(1, job.total));
    m_progress->setValue(job.applied + job.failed);
    updateQueue();
}

void JobStatusWidget::onProgress(qint64 jobId, int done, int total)
{
    if (jobId != m_jobs->runningJobId())
        return;
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(done);
}

void JobStatusWidget::updateQueue()
{
    const int queued = m_jobs->queued();
    m_queued->setText(tr("%n more job(s) waiting", nullptr, queued));
    m_queued->setVisible(queued > 0);
    setVisible(m_jobs->isRunning());
}

} // namespace UserDesk
