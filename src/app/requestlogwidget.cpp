#include "requestlogwidget.h"

#include "exchangeformat.h"
#include "jsonhighlighter.h"
#include "palettecolors.h"
#include "requesthistory.h"
#include "requestlog.h"
#include "requestlogmodel.h"
#include "ui_requestlogwidget.h"

#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>

namespace UserDesk {

RequestLogWidget::RequestLogWidget(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::RequestLogWidget>())
    , m_model(new RequestLogModel(this))
{
    m_ui->setupUi(this);
    QTableView *table = m_ui->logTable;
    table->setModel(m_model);
    QHeaderView *header = table->horizontalHeader();
    header->setStretchLastSection(false);
    header->resizeSection(RequestLogModel::MethodColumn, 70);
    header->setSectionResizeMode(RequestLogModel::UrlColumn, QHeaderView::Stretch);
    header->resizeSection(RequestLogModel::StatusColumn, 70);
    header->resizeSection(RequestLogModel::TimeColumn, 80);
    header->resizeSection(RequestLogModel::AttemptColumn, 70);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_ui->logDetails->setFont(mono);
    m_highlighter = new JsonHighlighter(m_ui->logDetails->document(), m_ui->logDetails->palette());
    m_model->setFailureColor(PaletteColors::text(table->palette(), PaletteColors::Role::Error));
    m_ui->logSplitter->setSizes({ 700, 560 });

    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { showExchange(current.row()); });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        if (topLeft.row() == m_ui->logTable->currentIndex().row())
            showExchange(topLeft.row());
    });
    // Follow the newest exchange while the person is looking at the end of the list.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *bar = m_ui->logTable->verticalScrollBar();
        m_followTail = bar->value() >= bar->maximum() - 2;
    });
    connect(
        m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
            applySearch(first, last);
            if (m_followTail)
                m_ui->logTable->scrollToBottom();
        });
    connect(
        m_model, &QAbstractItemModel::modelReset, this, [this] { applySearch(0, m_model->rowCount() - 1); });
    connect(
        m_model, &QAbstractItemModel::rowsRemoved, this, [this] { applySearch(0, m_model->rowCount() - 1); });
    connect(
        m_ui->logSearch, &QLineEdit::textChanged, this, [this] { applySearch(0, m_model->rowCount() - 1); });
    connect(m_ui->copyCurlButton, &QPushButton::clicked, this, &RequestLogWidget::copyAsCurl);
    connect(m_ui->resendButton, &QPushButton::clicked, this, &RequestLogWidget::resendSelected);
    connect(table, &QWidget::customContextMenuRequested, this, &RequestLogWidget::showContextMenu);
    connect(m_ui->clearLogButton, &QPushButton::clicked, this, [this] {
        if (m_log)
            m_log->clear();
        showExchange(-1);
    });
}

RequestLogWidget::~RequestLogWidget() = default;

void RequestLogWidget::setLog(RequestLog *log)
{
    m_log = log;
    m_model->setLog(log);
    showExchange(-1);
}

void RequestLogWidget::keepHistory(RequestHistory *history)
{
    if (!m_log || !history)
        return;
    // Exchanges of earlier runs carry no request id: ids start again at 1 in every run.
    for (HttpExchange exchange : history->recent(m_log->capacity())) {
        exchange.requestId = 0;
        m_log->append(exchange);
    }
    history->attach(m_log);
}

void RequestLogWidget::setSearch(const QString &text)
{
    m_ui->logSearch->setText(text);
}

void RequestLogWidget::applySearch(int first, int last)
{
    const QStringList words = m_ui->logSearch->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const auto matches = [&words](const HttpExchange &e) {
        for (const QString &word : words) {
            const QString status = QString::number(e.httpStatus);
            const bool statusClass = word.size() == 3 && word.at(0).isDigit()
                && word.endsWith(QLatin1String("xx"), Qt::CaseInsensitive);
            const bool hit = QString::fromLatin1(e.method).compare(word, Qt::CaseInsensitive) == 0
                || status == word || (statusClass && status.at(0) == word.at(0))
                || e.url.toDisplayString().contains(word, Qt::CaseInsensitive);
            if (!hit)
                return false;
        }
        return true;
    };
    for (int row = std::max(0, first); row <= last; ++row) {
        const HttpExchange *e = m_model->exchangeAt(row);
        m_ui->logTable->setRowHidden(row, e && !matches(*e));
    }
}

bool RequestLogWidget::hasRequest(ApiClient::RequestId id) const
{
    return id != 0 && m_model->lastRowOfRequest(id) >= 0;
}

bool RequestLogWidget::showRequest(ApiClient::RequestId id)
{
    const int row = id ? m_model->lastRowOfRequest(id) : -1;
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, 0);
    m_ui->logTable->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_ui->logTable->scrollTo(index);
    m_ui->logTable->setFocus();
    return true;
}

QByteArray RequestLogWidget::splitterState() const
{
    return m_ui->logSplitter->saveState();
}

QByteArray RequestLogWidget::headerState() const
{
    return m_ui->logTable->horizontalHeader()->saveState();
}

void RequestLogWidget::restoreState(const QByteArray &splitter, const QByteArray &header)
{
    m_ui->logSplitter->restoreState(splitter);
    m_ui->logTable->horizontalHeader()->restoreState(header);
}

void RequestLogWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(palette()); // the children take it after this event
        m_model->setFailureColor(PaletteColors::text(palette(), PaletteColors::Role::Error));
    }
}

void RequestLogWidget::showExchange(int row)
{
    const HttpExchange *ex = row >= 0 ? m_model->exchangeAt(row) : nullptr;
    m_ui->copyCurlButton->setEnabled(ex != nullptr);
    m_ui->resendButton->setEnabled(ex != nullptr && m_client);
    if (!ex) {
        m_ui->logDetails->clear();
        return;
    }
    m_ui->logDetails->setPlainText(ExchangeFormat::describe(*ex));
}

void RequestLogWidget::copyAsCurl()
{
    const HttpExchange *ex = m_model->exchangeAt(m_ui->logTable->currentIndex().row());
    if (!ex)
        return;
    const bool withToken = m_ui->includeTokenCheck->isChecked();
    QGuiApplication::clipboard()->setText(RequestLog::toCurl(*ex, withToken, m_token));
    Q_EMIT message(withToken ? tr("Copied the request as cURL, with the token.")
                             : tr("Copied the request as cURL; the token is a placeholder."));
}

void RequestLogWidget::setClient(ApiClient *client)
{
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    m_resent.clear();
    showExchange(m_ui->logTable->currentIndex().row());
    if (!client)
        return;
    connect(client, &ApiClient::resent, this, [this](ApiClient::RequestId id, int status) {
        if (!m_resent.remove(id))
            return;
        showRequest(id);
        Q_EMIT message(tr("The request was sent again; the server answered %1.").arg(status));
    });
    connect(client, &ApiClient::requestFailed, this, [this](ApiClient::RequestId id, const ApiError &error) {
        if (!m_resent.remove(id))
            return;
        showRequest(id);
        Q_EMIT message(tr("The request was sent again and failed: %1").arg(error.userMessage()));
    });
}

void RequestLogWidget::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_ui->logTable->indexAt(position);
    if (!index.isValid())
        return;
    m_ui->logTable->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QMenu menu(this);
    QAction *resend = menu.addAction(tr("Re-send"), this, &RequestLogWidget::resendSelected);
    resend->setEnabled(m_client != nullptr);
    menu.addAction(tr("Copy as cURL"), this, &RequestLogWidget::copyAsCurl);
    menu.exec(m_ui->logTable->viewport()->mapToGlobal(position));
}

bool RequestLogWidget::resendSelected()
{
    const HttpExchange *ex = m_model->exchangeAt(m_ui->logTable->currentIndex().row());
    if (!ex || !m_client)
        return false;
    const QUrl base = m_client->baseUrl();
    // The token goes only where the profile points: an exchange of another server (from another
    // profile, in the history) is not sent from here.
    if (ex->url.scheme() != base.scheme() || ex->url.host() != base.host()
        || ex->url.port(ex->url.scheme() == QLatin1String("https") ? 443 : 80)
            != base.port(base.scheme() == QLatin1String("https") ? 443 : 80)) {
        Q_EMIT message(tr("This request went to %1, not to this profile's server %2; it was not sent again.")
                           .arg(ex->url.host(), base.host()));
        return false;
    }
    const QByteArray method = ex->method;
    const QUrl url = ex->url;
    const QByteArray body = ex->requestBody;
    if (method == "GET" || method == "HEAD") {
        send(method, url, body);
        return true;
    }
    // A write changes the server again: say what it will do, and send only on a yes.
    const QString target = url.toDisplayString();
    QString what;
    if (method == "POST")
        what
            = tr("This sends POST %1 again: it creates another record with the same fields, or is refused if "
                 "one of them must be unique.")
                  .arg(target);
    else if (method == "DELETE")
        what = tr("This sends DELETE %1 again: it deletes that record if it still exists.").arg(target);
    else
        what = tr("This sends %1 %2 again: it sets that record's fields to the values below once more.")
                   .arg(QString::fromLatin1(method), target);
    auto *box
        = new QMessageBox(QMessageBox::Question, tr("Re-send Request"), what, QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("resendConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!body.isEmpty())
        box->setDetailedText(QString::fromUtf8(body));
    box->setInformativeText(
        tr("The token is this profile's, from the keychain; the new exchange appears in the log."));
    QPushButton *sendButton = box->addButton(tr("Send Again"), QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, sendButton, method, url, body] {
        if (box->clickedButton() == sendButton)
            send(method, url, body);
    });
    box->open();
    return true;
}

void RequestLogWidget::send(const QByteArray &method, const QUrl &url, const QByteArray &body)
{
    if (!m_client)
        return;
    m_resent.insert(m_client->resend(method, url, body));
    Q_EMIT message(tr("Sending %1 %2 again…").arg(QString::fromLatin1(method), url.toDisplayString()));
}

} // namespace UserDesk
