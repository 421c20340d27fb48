#include "dialogs/welcome_dialog.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace pairlab {

WelcomeDialog::WelcomeDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Welcome to PairLab"));
    auto *title = new QLabel(tr("<h2>Welcome to PairLab</h2>"), this);
    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("welcomeText"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setText(
        tr("<p>PairLab streams Binance USD-M futures trades live and keeps every tick and bar in a local "
           "database.</p>"
           "<p>It analyses pairs as the bars close: hedge ratio, spread, z-score, stationarity and "
           "cointegration tests.</p>"
           "<p>Alerts and backtests show whether a mean-reversion trade on the pair would have paid.</p>"));
    auto *hint =
        new QLabel(tr("Without network access, the demo replays real recorded Binance trades."), this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    m_connect = new QPushButton(tr("Connect to Binance"), this);
    m_demo = new QPushButton(tr("Start the demo recording"), this);
    m_close = new QPushButton(tr("Close"), this);
    m_connect->setDefault(true);
    connect(m_connect, &QPushButton::clicked, this, [this] {
        m_choice = Choice::ConnectBinance;
        accept();
    });
    connect(m_demo, &QPushButton::clicked, this, [this] {
        m_choice = Choice::StartDemo;
        accept();
    });
    connect(m_close, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Close;
        reject();
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_connect);
    buttons->addWidget(m_demo);
    buttons->addStretch(1);
    buttons->addWidget(m_close);

    auto *icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().isNull()
                        ? style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(48, 48)
                        : QApplication::windowIcon().pixmap(64, 64));
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    auto *textColumn = new QVBoxLayout;
    textColumn->addWidget(title);
    textColumn->addWidget(text);
    textColumn->addWidget(hint);
    top->addLayout(textColumn, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(8);
    layout->addLayout(buttons);
    setMinimumWidth(520);
}

} // namespace pairlab
