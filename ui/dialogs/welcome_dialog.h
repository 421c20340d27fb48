#pragma once

#include <QDialog>

class QPushButton;

namespace pairlab {

/** Shown on the first start: what PairLab does in three lines, and the two ways in — the live Binance
 *  feed or the bundled demo recording. The caller reads choice() when the dialog finishes. GUI thread. */
class WelcomeDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { Close, ConnectBinance, StartDemo };

    explicit WelcomeDialog(QWidget *parent = nullptr);
    Choice choice() const { return m_choice; }
    QPushButton *connectButton() const { return m_connect; }
    QPushButton *demoButton() const { return m_demo; }
    QPushButton *closeButton() const { return m_close; }

private:
    Choice m_choice = Choice::Close;
    QPushButton *m_connect, *m_demo, *m_close;
};

} // namespace pairlab
