#pragma once

#include <QWidget>
#include <memory>

namespace Ui {
class LanguagePage;
}

namespace UserDesk {

// Preferences → Language: the system's, English, German or Hindi, from the next start on.
class LanguagePage : public QWidget
{
    Q_OBJECT
public:
    explicit LanguagePage(QWidget *parent = nullptr);
    ~LanguagePage() override;

    // "" (the system's), "en", "de" or "hi"; an unknown one shows as the system's.
    void setLanguage(const QString &language);
    QString language() const;

private:
    std::unique_ptr<Ui::LanguagePage> m_ui;
    QString m_loaded;
};

} // namespace UserDesk
