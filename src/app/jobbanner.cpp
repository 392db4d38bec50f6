#include "jobbanner.h"

#include "jobcontroller.h"
#include "palettecolors.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace UserDesk {

JobBanner::JobBanner(JobController *jobs, QWidget *parent)
    : QFrame(parent)
    , m_jobs(jobs)
    , m_label(new QLabel(this))
    , m_resume(new QPushButton(tr("Resume"), this))
    , m_discard(new QPushButton(tr("Discard"), this))
{
    setObjectName(QStringLiteral("jobBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_label->setObjectName(QStringLiteral("jobBannerLabel"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_resume->setObjectName(QStringLiteral("jobResumeButton"));
    m_resume->setToolTip(tr("Finish the job: what may have been sent is checked on the server first, so "
                            "nothing is created, changed or deleted twice"));
    m_discard->setObjectName(QStringLiteral("jobDiscardButton"));
    m_discard->setToolTip(tr("Forget the job: what it did stays done, and the rest is never sent"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(9, 4, 9, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_resume);
    layout->addWidget(m_discard);
    connect(m_resume, &QPushButton::clicked, this, [this] {
        QString error;
        if (!m_jobs->resume(m_jobId, &error))
            Q_EMIT failed(error);
        refresh();
    });
    connect(m_discard, &QPushButton::clicked, this, [this] {
        QString error;
        if (!m_jobs->discard(m_jobId, &error))
            Q_EMIT failed(error);
        refresh();
    });
    applyColours();
    hide();
}

QString JobBanner::text() const
{
    return isVisible() ? m_label->text() : QString();
}

void JobBanner::refresh()
{
    const QList<JobSummary> jobs = m_jobs->endpoint().isEmpty() ? QList<JobSummary>() : m_jobs->interrupted();
    if (jobs.isEmpty()) {
        m_jobId = 0;
        hide();
        return;
    }
    const JobSummary &job = jobs.constFirst();
    m_jobId = job.id;
    QString text
        = tr("%1 stopped after %2 of them.").arg(JobController::jobTitle(job)).arg(job.applied + job.failed);
    if (job.sent > 0)
        text += QLatin1Char(' ')
            + tr("For %n of them it is not known whether the server applied them; Resume checks the "
                 "server before sending those again.",
                nullptr, job.sent);
    const bool here = job.endpoint == m_jobs->endpoint();
    if (!here) {
        const QString where = job.endpoint.startsWith(QLatin1String("builtin-sandbox:"))
            ? tr("the built-in sandbox")
            : job.endpoint;
        text += QLatin1Char(' ')
            + tr("It was started against %1; switch to the profile that points there to resume it.")
                  .arg(where);
    }
    if (jobs.size() > 1)
        text += QLatin1Char(' ')
            + tr("(%n more unfinished job(s) after this one.)", nullptr, int(jobs.size() - 1));
    m_label->setText(text);
    m_resume->setVisible(here);
    show();
}

void JobBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColours();
}

void JobBanner::applyColours()
{
    // The window colour tinted towards the warning hue, with the palette's own text on it: readable in a
    // light and a dark palette. From the parent's palette, so that tinting never compounds.
    const QPalette base = parentWidget() ? parentWidget()->palette() : QPalette();
    const QColor background = PaletteColors::mix(
        base.color(QPalette::Window), PaletteColors::text(base, PaletteColors::Role::Warning, true), 0.18);
    if (palette().color(QPalette::Window) == background)
        return;
    QPalette p = palette();
    p.setColor(QPalette::Window, background);
    setPalette(p);
}

} // namespace UserDesk
