#pragma once

#include <QPalette>
#include <QSize>
#include <QString>

namespace pairlab {

/** The palette of a theme: "light" and "dark" are PairLab's own, "system" is the platform's (the
 *  application palette as it was before PairLab first changed it). */
QPalette themePalette(const QString &theme);
/** Sets the theme's palette on the QApplication; every widget, and the charts, follow it. GUI thread. */
void applyTheme(const QString &theme);
/** `preferred`, or 90 % of the primary screen's available area where that is smaller (a 1366x768 laptop):
 *  the first size of a window or dialog, never larger than the screen. */
QSize sizeOnScreen(QSize preferred);

} // namespace pairlab
