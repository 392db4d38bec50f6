#pragma once

#include "userfilter.h"

#include <QTimer>
#include <QWidget>
#include <memory>

namespace Ui {
class UserFilterBar;
}

namespace UserDesk {

// The filter fields above the user table. Typing is debounced: filterChanged comes once the person paused.
// Clear, or Escape in a field, empties every field at once.
class UserFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit UserFilterBar(QWidget *parent = nullptr);
    ~UserFilterBar() override;

    // What the fields say now.
    UserFilter filter() const;
    void focusName();

public Q_SLOTS:
    void clear();

Q_SIGNALS:
    void filterChanged(const UserDesk::UserFilter &filter);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void announce();

    std::unique_ptr<Ui::UserFilterBar> m_ui;
    QTimer m_debounce;
    UserFilter m_announced;
};

} // namespace UserDesk
