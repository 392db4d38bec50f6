#pragma once

#include <QComboBox>

namespace UserDesk {

class ProfileStore;

// The toolbar's profile chooser: lists the store's profiles as they change and says when the person picks
// one. Choosing in code (select) says nothing.
class ProfileComboBox : public QComboBox
{
    Q_OBJECT
public:
    explicit ProfileComboBox(ProfileStore *store, QWidget *parent = nullptr);

    void select(const QString &name);

Q_SIGNALS:
    void profileChosen(const QString &name);

private:
    void populate();

    ProfileStore *m_store;
    QString m_selected;
};

} // namespace UserDesk
