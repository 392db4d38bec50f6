#pragma once

#include <QDialog>

class QTextBrowser;

namespace UserDesk {

// Help > UserDesk Guide: a short guide to the window, in the person's language, in a browser that reads
// aloud and scrolls by keyboard.
class GuideDialog : public QDialog
{
    Q_OBJECT
public:
    explicit GuideDialog(QWidget *window);

    static GuideDialog *open(QWidget *window);
    // The guide as HTML, every paragraph through tr().
    static QString html();

private:
    QTextBrowser *m_text;
};

} // namespace UserDesk
