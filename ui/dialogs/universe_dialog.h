#pragma once

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace pairlab {

class SymbolCatalogController;

/** Chooses the scanner's universe from the exchange's symbol catalogue: search ("sol" → SOLUSDT), presets
 *  (top N by 24 h quote volume, all perpetuals, the saved list), the chosen symbols with the number of pairs
 *  they make. The catalogue and its search live in SymbolCatalogController; this only displays them. */
class UniverseDialog : public QDialog
{
    Q_OBJECT
public:
    /** The saved list's settings key. */
    static QString savedListKey();
    /** More symbols than this make a scan too slow to be live (300 symbols = 44,850 pairs). */
    static constexpr int MaxSymbols = 300;

    UniverseDialog(SymbolCatalogController *catalog, const QStringList &current, QWidget *parent = nullptr);
    QStringList symbols() const { return m_chosen; }
    /** "Also stream them live": the live feed should subscribe to the chosen symbols and fill their history.
     */
    bool streamLive() const;
    void setStreamLive(bool on);

    // For tests and keyboard users: what the controls do.
    void search(const QString &text);
    void addSymbols(const QStringList &symbols);
    void applyTop(int n);
    void applyAll();
    void saveList() const;
    void loadSavedList();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setChosen(QStringList symbols);
    void renderChosen();
    void renderStatus();

    SymbolCatalogController *m_catalog;
    QStringList m_chosen;
    QLabel *m_status;
    QPushButton *m_refresh;
    QLineEdit *m_search;
    QListWidget *m_results;
    QListWidget *m_chosenList;
    QLabel *m_count;
    QSpinBox *m_topN;
    QCheckBox *m_stream;
};

} // namespace pairlab
