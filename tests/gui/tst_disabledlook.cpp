// Disabled controls look disabled in the light palette the app starts with and in its dark one
// (userdesk --dark): the detail pane's tabs while no user is shown, a disabled button and a disabled label,
// drawn by the style as a person sees them, stand out from the window far less than the enabled ones do,
// the way Fusion draws them with its own complete palette.
#include "palettecolors.h"
#include "userdetailswidget.h"

#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QMetaEnum>
#include <QPushButton>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QVBoxLayout>

using namespace UserDesk;

namespace {
// The contrast against `background` of the pixel in `area` of `image` that stands out from it most: the
// full colour of the text drawn there (glyph stems cover whole pixels). The callers leave the frames out.
qreal strongestContrast(const QImage &image, const QRect &area, const QColor &background)
{
    qreal strongest = 1.0;
    const QRect inside = area.intersected(image.rect());
    for (int y = inside.top(); y <= inside.bottom(); ++y)
        for (int x = inside.left(); x <= inside.right(); ++x)
            strongest = qMax(strongest, PaletteColors::contrast(image.pixelColor(x, y), background));
    return strongest;
}

// The image of `widget` in device-independent pixels.
QImage picture(QWidget *widget)
{
    QImage image = widget->grab().toImage();
    if (image.devicePixelRatio() != 1.0)
        image = image.scaled(widget->size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return image;
}

// Dimmed: below 3:1, the contrast WCAG asks of a control a person has to make out (a disabled one is
// exempt, and below it reads as not available), and at most a third of the enabled one's. Still there: at
// least 1.3:1, so that a person sees what would be there.
QString dimmingProblem(const QString &what, qreal enabled, qreal disabled)
{
    if (enabled < 4.5)
        return QStringLiteral("The enabled %1 has a contrast of %2 against its background, less than 4.5.")
            .arg(what)
            .arg(enabled, 0, 'f', 2);
    if (disabled >= 3.0 || disabled > enabled / 3.0)
        return QStringLiteral("The disabled %1 has a contrast of %2 against its background, the enabled one "
                              "%3: it does not look disabled.")
            .arg(what)
            .arg(disabled, 0, 'f', 2)
            .arg(enabled, 0, 'f', 2);
    if (disabled < 1.3)
        return QStringLiteral(
            "The disabled %1 has a contrast of %2 against its background: it cannot be seen.")
            .arg(what)
            .arg(disabled, 0, 'f', 2);
    return {};
}
} // namespace

class TestDisabledLook : public QObject
{
    Q_OBJECT

private:
    QPalette m_startPalette; // the light one: what the platform and the style give the app
    QString m_startStyle;

    // Applies a palette the way main() does.
    void use(const QString &which)
    {
        if (which == QLatin1String("dark")) {
            QApplication::setStyle(QStringLiteral("Fusion"));
            QApplication::setPalette(PaletteColors::dark());
        } else {
            QApplication::setStyle(m_startStyle);
            QApplication::setPalette(m_startPalette);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_startStyle = QApplication::style()->name();
        m_startPalette = QApplication::palette();
    }

    void cleanup() { use(QStringLiteral("light")); }

    void paletteDimsEveryDisabledTextRole_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("light") << QStringLiteral("light");
        QTest::newRow("dark") << QStringLiteral("dark");
    }

    void paletteDimsEveryDisabledTextRole()
    {
        QFETCH(QString, which);
        use(which);
        const QPalette p = QApplication::palette();
        const QList<std::pair<QPalette::ColorRole, QPalette::ColorRole>> pairs { { QPalette::WindowText,
                                                                                     QPalette::Window },
            { QPalette::Text, QPalette::Base }, { QPalette::ButtonText, QPalette::Button } };
        for (const auto &[fg, bg] : pairs) {
            const QMetaEnum roles = QMetaEnum::fromType<QPalette::ColorRole>();
            const QString what
                = QStringLiteral("%1 on %2")
                      .arg(QLatin1String(roles.valueToKey(fg)), QLatin1String(roles.valueToKey(bg)));
            QVERIFY2(p.color(QPalette::Disabled, fg) != p.color(QPalette::Active, fg),
                qPrintable(QStringLiteral("The disabled %1 has the enabled colour.").arg(what)));
            const QString problem = dimmingProblem(what,
                PaletteColors::contrast(p.color(QPalette::Active, fg), p.color(QPalette::Active, bg)),
                PaletteColors::contrast(p.color(QPalette::Disabled, fg), p.color(QPalette::Disabled, bg)));
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }

    void disabledControlsAreDrawnDimmed_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("light") << QStringLiteral("light");
        QTest::newRow("dark") << QStringLiteral("dark");
    }

    void disabledControlsAreDrawnDimmed()
    {
        QFETCH(QString, which);
        use(which);
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *pane = new UserDetailsWidget(&window);
        auto *button = new QPushButton(QStringLiteral("Re-send"), &window);
        auto *label = new QLabel(QStringLiteral("Include token"), &window);
        layout->addWidget(pane, 1);
        layout->addWidget(button);
        layout->addWidget(label);
        window.resize(520, 640);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *tabs = pane->findChild<QTabWidget *>(QStringLiteral("detailTabs"));
        QVERIFY(tabs);
        QTabBar *bar = tabs->tabBar();
        const int postsTab = tabs->indexOf(pane->findChild<QWidget *>(QStringLiteral("postsTab")));
        QVERIFY(postsTab > 0); // not the current tab: its label is drawn on the window's colour
        const QColor windowColour = window.palette().color(QPalette::Active, QPalette::Window);
        const QColor buttonColour = window.palette().color(QPalette::Active, QPalette::Button);

        // No user: the tabs are disabled.
        pane->showUser(User());
        button->setEnabled(false);
        label->setEnabled(false);
        QVERIFY(!tabs->isEnabled());
        const qreal disabledTab
            = strongestContrast(picture(bar), bar->tabRect(postsTab).adjusted(4, 4, -4, -2), windowColour);
        const qreal disabledButton
            = strongestContrast(picture(button), button->rect().adjusted(4, 4, -4, -4), buttonColour);
        const qreal disabledLabel = strongestContrast(picture(label), label->rect(), windowColour);

        User user;
        user.id = ResourceId(7);
        user.name = QStringLiteral("Ada Lovelace");
        user.email = QStringLiteral("ada@example.test");
        pane->showUser(user);
        button->setEnabled(true);
        label->setEnabled(true);
        QVERIFY(tabs->isEnabled());
        const qreal enabledTab
            = strongestContrast(picture(bar), bar->tabRect(postsTab).adjusted(4, 4, -4, -2), windowColour);
        const qreal enabledButton
            = strongestContrast(picture(button), button->rect().adjusted(4, 4, -4, -4), buttonColour);
        const qreal enabledLabel = strongestContrast(picture(label), label->rect(), windowColour);

        QString problem = dimmingProblem(QStringLiteral("Posts tab"), enabledTab, disabledTab);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = dimmingProblem(QStringLiteral("button"), enabledButton, disabledButton);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = dimmingProblem(QStringLiteral("label"), enabledLabel, disabledLabel);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_MAIN(TestDisabledLook)
#include "tst_disabledlook.moc"
