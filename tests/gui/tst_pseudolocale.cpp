// A pseudo-locale proves that no layout clips text: every string of the catalogue, accented and 30 %
// longer, compiled with lrelease at test time and installed as a translator; then the main window and
// every dialog its menus open must show each label, button, check box and group box title whole.
#include "mainwindow.h"
#include "profilestore.h"
#include "tokenstore.h"
#include "usertablemodel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimer>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

using namespace UserDesk;

namespace {
// Accents every letter outside placeholders (%1, %n, %L1), tags and entities, and makes the text 30 %
// longer, as translations into German or Finnish often are.
QString pseudo(const QString &text)
{
    static const QString plain = QStringLiteral("aceinorsuyACEINORSUYz");
    static const QString accented = QStringLiteral("áçéíñöŕšüýÅÇÉÍÑÖŔŠÜÝž");
    QString out;
    int letters = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('%') && i + 1 < text.size()) {
            // %1, %n, %L1: copied as they are.
            out += c;
            while (i + 1 < text.size()
                && (text.at(i + 1).isDigit() || text.at(i + 1) == QLatin1Char('n')
                    || text.at(i + 1) == QLatin1Char('L'))) {
                out += text.at(++i);
                if (out.back() == QLatin1Char('n'))
                    break;
            }
            continue;
        }
        if (c == QLatin1Char('<') || c == QLatin1Char('&')) {
            // A tag or an entity (&amp;) is copied up to its end; a lone & is a mnemonic, kept.
            const QChar end = c == QLatin1Char('<') ? QLatin1Char('>') : QLatin1Char(';');
            const qsizetype close = text.indexOf(end, i);
            const qsizetype space = text.indexOf(QLatin1Char(' '), i);
            if (close > i && (c == QLatin1Char('<') || space < 0 || close < space)) {
                out += text.mid(i, close - i + 1);
                i = close;
                continue;
            }
        }
        const qsizetype at = plain.indexOf(c);
        out += at >= 0 ? accented.at(at) : c;
        letters += c.isLetter();
    }
    // 30 % longer, on the last line, so that a one-line text grows where it is measured.
    const int extra = std::max(2, (letters * 3 + 9) / 10);
    return out + QLatin1Char(' ') + QString(extra - 1, QChar(0x00B7));
}

// Writes a pseudo-translation of every message in `source` (a .ts) to `target`.
bool writePseudoTs(const QString &source, const QString &target, QString *error)
{
    QFile in(source);
    QFile out(target);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly)) {
        *error = source + QStringLiteral(" or ") + target + QStringLiteral(" could not be opened");
        return false;
    }
    QXmlStreamReader r(&in);
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeDTD(QStringLiteral("<!DOCTYPE TS>"));
    w.writeStartElement(QStringLiteral("TS"));
    w.writeAttribute(QStringLiteral("version"), QStringLiteral("2.1"));
    w.writeAttribute(QStringLiteral("language"), QStringLiteral("en"));
    bool numerus = false;
    QString sourceText;
    QString comment;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            if (r.name() == QLatin1String("context")) {
                w.writeStartElement(QStringLiteral("context"));
            } else if (r.name() == QLatin1String("name")) {
                w.writeTextElement(QStringLiteral("name"), r.readElementText());
            } else if (r.name() == QLatin1String("message")) {
                numerus = r.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                sourceText.clear();
                comment.clear();
            } else if (r.name() == QLatin1String("source")) {
                sourceText = r.readElementText();
            } else if (r.name() == QLatin1String("comment")) {
                comment = r.readElementText();
            }
        } else if (r.isEndElement()) {
            if (r.name() == QLatin1String("context")) {
                w.writeEndElement();
            } else if (r.name() == QLatin1String("message")) {
                w.writeStartElement(QStringLiteral("message"));
                if (numerus)
                    w.writeAttribute(QStringLiteral("numerus"), QStringLiteral("yes"));
                w.writeTextElement(QStringLiteral("source"), sourceText);
                if (!comment.isEmpty())
                    w.writeTextElement(QStringLiteral("comment"), comment);
                w.writeStartElement(QStringLiteral("translation"));
                if (numerus) {
                    w.writeTextElement(QStringLiteral("numerusform"), pseudo(sourceText));
                    w.writeTextElement(QStringLiteral("numerusform"), pseudo(sourceText));
                } else {
                    w.writeCharacters(pseudo(sourceText));
                }
                w.writeEndElement();
                w.writeEndElement();
            }
        }
    }
    w.writeEndElement();
    w.writeEndDocument();
    if (r.hasError()) {
        *error = r.errorString();
        return false;
    }
    return true;
}

QString withoutMnemonics(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QChar(0x01), QLatin1Char('&'));
    return text;
}

// Every visible label, button, check box and group box title of `root` that needs more room than it has.
QStringList clipped(QWidget *root, const QString &where)
{
    QStringList found;
    auto name = [&](const QWidget *w) -> QString {
        return where + QLatin1Char('/') + QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(':')
            + w->objectName();
    };
    for (QLabel *label : root->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(root) || label->text().isEmpty() || !label->pixmap().isNull())
            continue;
        const QRect room = label->contentsRect();
        if (label->wordWrap() || label->textFormat() == Qt::RichText
            || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()))) {
            // Wrapped or rich text: its height for the width it has must fit.
            const int needed = label->heightForWidth(label->width());
            if (needed > label->height() + 1)
                found.append(QStringLiteral("%1 needs %2 px of height, has %3: \"%4\"")
                                 .arg(name(label))
                                 .arg(needed)
                                 .arg(label->height())
                                 .arg(label->text().left(60)));
            continue;
        }
        const QFontMetrics fm(label->font());
        int width = 0;
        for (const QString &line : withoutMnemonics(label->text()).split(QLatin1Char('\n')))
            width = std::max(width, fm.horizontalAdvance(line));
        if (width > room.width() + 1)
            found.append(QStringLiteral("%1 needs %2 px, has %3: \"%4\"")
                             .arg(name(label))
                             .arg(width)
                             .arg(room.width())
                             .arg(label->text().left(60)));
    }
    for (QAbstractButton *button : root->findChildren<QAbstractButton *>()) {
        if (!button->isVisibleTo(root) || button->text().isEmpty())
            continue;
        // Tool buttons of a tool bar may show their icon only; a button's hint holds its whole text.
        const QSize hint = button->sizeHint();
        if (hint.width() > button->width() + 1)
            found.append(QStringLiteral("%1 needs %2 px, has %3: \"%4\"")
                             .arg(name(button))
                             .arg(hint.width())
                             .arg(button->width())
                             .arg(button->text()));
    }
    for (QGroupBox *box : root->findChildren<QGroupBox *>()) {
        if (!box->isVisibleTo(root) || box->title().isEmpty())
            continue;
        if (box->minimumSizeHint().width() > box->width() + 1)
            found.append(QStringLiteral("%1 needs %2 px, has %3: \"%4\"")
                             .arg(name(box))
                             .arg(box->minimumSizeHint().width())
                             .arg(box->width())
                             .arg(box->title()));
    }
    return found;
}

// Triggers `action`, and checks the dialog it opens (modal or not) before closing it.
QString checkDialogOf(QAction *action, QStringList *found)
{
    QSet<QWidget *> visibleBefore;
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->isVisible())
            visibleBefore.insert(w);
    QString opened;
    QTimer poll;
    poll.setInterval(50);
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&poll, &QTimer::timeout, [&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *dialog = qobject_cast<QDialog *>(w);
            if (!dialog || !dialog->isVisible() || visibleBefore.contains(w))
                continue;
            poll.stop();
            opened = QString::fromLatin1(dialog->metaObject()->className());
            *found += clipped(dialog, action->objectName());
            dialog->reject();
            return;
        }
        if (clock.elapsed() > 3000)
            poll.stop();
    });
    poll.start();
    action->trigger();
    if (!QTest::qWaitFor([&poll] { return !poll.isActive(); }, 5000))
        return QString();
    return opened;
}
} // namespace

class TestPseudoLocale : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QTranslator m_translator;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString ts = m_dir.filePath(QStringLiteral("userdesk_pseudo.ts"));
        const QString qm = m_dir.filePath(QStringLiteral("userdesk_pseudo.qm"));
        QString error;
        // The German catalogue holds every string of the sources and forms (tst_translations sees to it).
        QVERIFY2(
            writePseudoTs(QStringLiteral(USERDESK_SOURCE_DIR "/translations/userdesk_de.ts"), ts, &error),
            qPrintable(error));
        QProcess lrelease;
        lrelease.start(QStringLiteral(USERDESK_LRELEASE), { ts, QStringLiteral("-qm"), qm });
        QVERIFY(lrelease.waitForFinished(60000));
        QVERIFY2(lrelease.exitCode() == 0, lrelease.readAllStandardError().constData());
        QVERIFY(m_translator.load(qm));
        QVERIFY(QCoreApplication::installTranslator(&m_translator));
        QCOMPARE(QCoreApplication::translate("UserDesk::CliApp", "no command given"),
            pseudo(QStringLiteral("no command given")));
    }

    void theWindowAndItsDialogsClipNoText()
    {
        ProfileStore store(m_dir.filePath(QStringLiteral("settings.ini")));
        store.ensureDefaultProfile();
        TokenStore tokens(TokenStore::KeychainUse::Disabled, m_dir.path());
        tokens.setFallback(TokenStore::Backend::SessionOnly);
        MainWindow::Options options;
        options.dataDirectory = m_dir.filePath(QStringLiteral("data"));
        options.sandboxSeedUsers = 30;
        MainWindow window(&store, &tokens, options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.userModel()->rowCount() > 0, 30000);
        // The window shows the pseudo-locale, not English.
        QVERIFY2(window.menuBar()->actions().first()->text().contains(QChar(0x00B7)),
            qPrintable(window.menuBar()->actions().first()->text()));

        QStringList found = clipped(&window, QStringLiteral("window"));
        auto *table = window.findChild<QAbstractItemView *>(QStringLiteral("userTable"));
        QVERIFY(table);
        table->setFocus();
        table->selectionModel()->setCurrentIndex(
            window.userModel()->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QStringList opened;
        for (QAction *menu : window.menuBar()->actions()) {
            if (!menu->menu())
                continue;
            for (QAction *action : menu->menu()->actions()) {
                const bool opensDialog = action->text().endsWith(QChar(0x2026))
                    || action->text().contains(QChar(0x2026))
                    || action->objectName() == QLatin1String("actionAbout");
                if (!opensDialog || action->isSeparator() || action->isCheckable() || !action->isEnabled())
                    continue;
                const QString dialog = checkDialogOf(action, &found);
                if (!dialog.isEmpty())
                    opened.append(dialog);
            }
        }
        QVERIFY2(opened.size() >= 6, qPrintable(opened.join(QLatin1Char(' '))));
        QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("clipped:\n") + found.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestPseudoLocale)
#include "tst_pseudolocale.moc"
