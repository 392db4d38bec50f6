#include "profilecombobox.h"

#include "profilestore.h"

namespace UserDesk {

ProfileComboBox::ProfileComboBox(ProfileStore *store, QWidget *parent)
    : QComboBox(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("profileCombo"));
    setMinimumContentsLength(16);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setToolTip(tr("The endpoint UserDesk works with"));
    connect(store, &ProfileStore::profilesChanged, this, &ProfileComboBox::populate);
    connect(this, &QComboBox::activated, this, [this](int index) {
        if (m_store->contains(itemText(index)))
            Q_EMIT profileChosen(itemText(index));
    });
    populate();
}

void ProfileComboBox::select(const QString &name)
{
    m_selected = name;
    const QSignalBlocker blocker(this);
    setCurrentIndex(findText(name));
}

void ProfileComboBox::populate()
{
    const QSignalBlocker blocker(this);
    clear();
    addItems(m_store->profileNames());
    const QString current = m_selected.isEmpty() ? m_store->currentProfileName() : m_selected;
    setCurrentIndex(std::max(0, findText(current)));
}

} // namespace UserDesk
