#pragma once

class QWidget;

namespace UserDesk {

// Help > About: the version and what UserDesk is, over `parent`, closing by itself.
class AboutBox
{
public:
    static void open(QWidget *parent);
};

} // namespace UserDesk
