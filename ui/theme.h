#pragma once

#include <QPalette>
#include <QString>

namespace pairlab {

/** The palette of a theme: "light" and "dark" are PairLab's own, "system" is the platform's (the
 *  application palette as it was before PairLab first changed it). */
QPalette themePalette(const QString &theme);
/** Sets the theme's palette on the QApplication; every widget, and the charts, follow it. GUI thread. */
void applyTheme(const QString &theme);

} // namespace pairlab
