#include "aboutbox.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace UserDesk {

void AboutBox::open(QWidget *parent)
{
    auto *box = new QMessageBox(QMessageBox::Information,
        QCoreApplication::translate("UserDesk::MainWindow", "About UserDesk"),
        QCoreApplication::translate(
            "UserDesk::MainWindow", "UserDesk %1\nA desktop client for GoRest-style users APIs.")
            .arg(QStringLiteral(USERDESK_VERSION)),
        QMessageBox::Ok, parent);
    box->setIconPixmap(parent->windowIcon().pixmap(64, 64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace UserDesk
