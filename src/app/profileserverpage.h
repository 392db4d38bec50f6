#pragma once

#include "profile.h"

#include <QWidget>
#include <memory>

class QLineEdit;

namespace Ui {
class ProfileServerPage;
}

namespace UserDesk {

// Preferences → a profile's "Server" tab: which dialect the server speaks (or find out on first
// contact, and what was found), the certificate authorities it is trusted by, and the client
// certificate it is shown. The passphrase of a PKCS#12 file or an encrypted PEM key is only held here
// until the dialog writes it to TokenStore.
class ProfileServerPage : public QWidget
{
    Q_OBJECT
public:
    explicit ProfileServerPage(QWidget *parent = nullptr);
    ~ProfileServerPage() override;

    // `passphrase` is shown when `passphraseEdited` (typed earlier in this dialog); otherwise the field
    // is empty and says whether typing replaces a stored one.
    void load(const Profile &profile, bool passphraseEdited, const QString &passphrase, bool maybeStored);
    void store(Profile *profile) const;
    // What Test connection found, said beside "Automatic" (empty: not detected yet).
    void setDetectedDialect(const QString &dialect);
    bool isPassphraseEdited() const { return m_passphraseEdited; }
    QString passphrase() const;

private:
    void updateVisibility();
    void choose(QLineEdit *edit, const QString &title, const QString &filter);

    std::unique_ptr<Ui::ProfileServerPage> m_ui;
    bool m_passphraseEdited = false;
    QString m_detectedDialect; // what the first contact found, for "Automatic"
    bool m_embeddedSandbox = false;
};

} // namespace UserDesk
