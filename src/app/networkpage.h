#pragma once

#include "proxysettings.h"

#include <QWidget>
#include <memory>

namespace Ui {
class NetworkPage;
}

namespace UserDesk {

// Preferences → Network: the application's proxy (system, none or manual). The password is only held
// here until the dialog writes it to TokenStore.
class NetworkPage : public QWidget
{
    Q_OBJECT
public:
    explicit NetworkPage(QWidget *parent = nullptr);
    ~NetworkPage() override;

    void setSettings(const ProxySettings &settings);
    ProxySettings settings() const;

    // Whether the person typed a password (an empty one removes the stored one), and what.
    bool isPasswordEdited() const { return m_passwordEdited; }
    QString password() const;
    void setPasswordStored(bool stored);

private:
    void updateEnabled();

    std::unique_ptr<Ui::NetworkPage> m_ui;
    bool m_passwordEdited = false;
};

} // namespace UserDesk
