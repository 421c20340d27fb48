#include "market_view.h"

#include "charts/candle_chart_view.h"
#include "charts/time_chart_view.h"
#include "charts/time_series_chart_view.h"
#include "market/interval.h"
#include "models/bar_model.h"
#include "storage/database.h"
#include "storage/quote_store.h"

#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace pairlab {

MarketView::MarketView(const QStringList &symbols, QWidget *parent)
    : QWidget(parent), m_symbolBox(new QComboBox(this)), m_symbolBox2(new QComboBox(this)),
      m_intervalBox(new QComboBox(this)), m_model(new BarModel(this)), m_model2(new BarModel(this)),
      m_chart(new CandleChartView(this)), m_chart2(new CandleChartView(this)),
      m_spreadChart(new TimeSeriesChartView(tr("Quoted spread (bps)"), this)),
      m_historyReload(new QTimer(this)), m_quoteReload(new QTimer(this))
{
    m_spreadChart->addCurve(QString(), QColor(0x2e, 0x86, 0xc1));
    m_spreadChart->addCurve(QString(), QColor(0xe6, 0x7e, 0x22));
    m_spreadChart->setReadoutFormat(3, QStringLiteral(" bps")); // 1 tick of BTCUSDT: 0.0162 bps
    m_quoteReload->setInterval(2000);
    connect(m_quoteReload, &QTimer::timeout, this, [this] {
        if (!m_quoteReading) // one read at a time on the timer; new legs or a new interval always ask
            reloadQuotes();
    });
    m_historyReload->setSingleShot(true);
    m_historyReload->setInterval(500);
    connect(m_historyReload, &QTimer::timeout, this, &MarketView::reload);
    m_symbolBox->setMinimumContentsLength(10);
    m_symbolBox2->setMinimumContentsLength(10);
    for (Interval i : AllIntervals)
        m_intervalBox->addItem(intervalName(i));
    m_intervalBox->setCurrentIndex(0);
    setSymbols(symbols);
    auto *symbolLabel = new QLabel(tr("&Symbol:"), this);
    symbolLabel->setBuddy(m_symbolBox);
    auto *symbolLabel2 = new QLabel(tr("S&econd leg:"), this);
    symbolLabel2->setBuddy(m_symbolBox2);
    auto *intervalLabel = new QLabel(tr("&Interval:"), this);
    intervalLabel->setBuddy(m_intervalBox);
    auto *bar = new QHBoxLayout;
    bar->addWidget(symbolLabel);
    bar->addWidget(m_symbolBox);
    bar->addSpacing(12);
    bar->addWidget(symbolLabel2);
    bar->addWidget(m_symbolBox2);
    bar->addSpacing(12);
    bar->addWidget(intervalLabel);
    bar->addWidget(m_intervalBox);
    bar->addStretch(1);

    m_chart->setModel(m_model);
    m_chart2->setModel(m_model2);
    // The two legs on one time axis: zoom, pan, follow-live and the crosshair move both.
    auto *group = new ChartGroup(this);
    group->add(m_chart);
    group->add(m_chart2);
    group->add(m_spreadChart);
    // Following live, the second leg and the quoted spread show the first leg's range exactly (their data
    // may end a second earlier or start later).
    m_chart2->setFollowLeader(m_chart);
    m_spreadChart->setFollowLeader(m_chart);
    auto *legs = new QSplitter(Qt::Vertical, this);
    legs->addWidget(m_chart);
    legs->addWidget(m_chart2);
    legs->addWidget(m_spreadChart);
    legs->setStretchFactor(0, 3);
    legs->setStretchFactor(1, 3);
    legs->setStretchFactor(2, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(legs, 1);
    for (QComboBox *box : {m_symbolBox, m_symbolBox2, m_intervalBox})
        connect(box, &QComboBox::currentTextChanged, this, &MarketView::reload);
}

void MarketView::setSymbols(const QStringList &symbols)
{
    // The legs on screen stay when they are still listed (symbols joining a running feed change nothing).
    const QString first = m_symbolBox->currentText(), second = m_symbolBox2->currentText();
    const QSignalBlocker b1(m_symbolBox), b2(m_symbolBox2);
    m_symbolBox->clear();
    m_symbolBox->addItems(symbols);
    m_symbolBox2->clear();
    m_symbolBox2->addItems(symbols);
    m_symbolBox->setCurrentIndex(std::max(0, int(symbols.indexOf(first))));
    m_symbolBox2->setCurrentIndex(symbols.contains(second) ? int(symbols.indexOf(second))
                                                           : (m_symbolBox2->count() > 1 ? 1 : 0));
    if (m_symbolBox->currentText() != first || m_symbolBox2->currentText() != second)
        reload();
}

void MarketView::setSymbol(const QString &symbol)
{
    if (m_symbolBox->findText(symbol) < 0)
        m_symbolBox->addItem(symbol);
    m_symbolBox->setCurrentText(symbol);
}

void MarketView::setSecondLeg(const QString &symbol)
{
    if (m_symbolBox2->findText(symbol) < 0)
        m_symbolBox2->addItem(symbol);
    m_symbolBox2->setCurrentText(symbol);
}

void MarketView::setInterval(const QString &name)
{
    m_intervalBox->setCurrentText(name);
}

QString MarketView::symbol() const
{
    return m_symbolBox->currentText();
}

void MarketView::setDatabase(const QString &path)
{
    m_db = path;
    reload();
}

void MarketView::historyLanded(const QString &symbol, int intervalSeconds)
{
    const auto interval = intervalFromName(m_intervalBox->currentText());
    if (interval && pairlab::intervalSeconds(*interval) == intervalSeconds &&
        (symbol == m_symbolBox->currentText() || symbol == m_symbolBox2->currentText()))
        m_historyReload->start();
}

void MarketView::reload()
{
    const auto interval = intervalFromName(m_intervalBox->currentText());
    if (m_db.isEmpty() || !interval || m_symbolBox->currentText().isEmpty())
        return;
    // Another symbol or bar length: no band of the previous one under the new candles.
    m_chart->setQuoteBand(nullptr);
    m_chart2->setQuoteBand(nullptr);
    m_model->setSeries(m_db, m_symbolBox->currentText(), *interval);
    m_chart->followLive();
    if (!m_symbolBox2->currentText().isEmpty()) {
        m_model2->setSeries(m_db, m_symbolBox2->currentText(), *interval);
        m_chart2->followLive();
    }
    reloadQuotes();
    m_quoteReload->start();
}

void MarketView::reloadQuotes()
{
    const auto interval = intervalFromName(m_intervalBox->currentText());
    const QString y = m_symbolBox->currentText(), x = m_symbolBox2->currentText();
    if (m_db.isEmpty() || !interval || y.isEmpty())
        return;
    const quint64 request = ++m_quoteRequest;
    m_quoteReading = true;
    struct Read
    {
        std::vector<QuoteBar> first, second;
        QString error;
    };
    auto *watcher = new QFutureWatcher<Read>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, request, y, x] {
        watcher->deleteLater();
        m_quoteReading = false;
        if (request != m_quoteRequest)
            return; // the legs or the interval changed since: not the request on screen
        const Read r = watcher->result();
        // The bid/ask band under each leg's candles.
        m_chart->setQuoteBand(std::make_shared<const std::vector<QuoteBar>>(r.first));
        m_chart2->setQuoteBand(std::make_shared<const std::vector<QuoteBar>>(r.second));
        int shown = 0;
        const std::vector<QuoteBar> *legs[] = {&r.first, &r.second};
        const QString names[] = {y, x};
        for (int leg = 0; leg < 2; ++leg) {
            auto times = std::make_shared<std::vector<qint64>>();
            auto bps = std::make_shared<std::vector<double>>();
            QuoteStore::quotedSpreadBps(*legs[leg], times.get(), bps.get());
            shown += times->empty() ? 0 : 1;
            m_spreadChart->setCurveName(leg, names[leg]);
            m_spreadChart->setCurveData(leg, std::move(times), std::move(bps));
        }
        m_spreadChart->setEmptyText(
            !r.error.isEmpty()
                ? tr("Quotes could not be read: %1").arg(r.error)
                : tr("No quotes stored for %1 / %2 at this interval (Settings → Feed → Quotes; a "
                     "recording with bookTicker frames).")
                      .arg(y, x));
        Q_EMIT quotesLoaded();
    });
    watcher->setFuture(QtConcurrent::run([db = m_db, y, x, interval = *interval] {
        Read r;
        Database::withReader(
            db,
            [&](QSqlDatabase &conn) {
                r.first = QuoteStore::loadNewest(conn, y, interval, 20000, &r.error);
                if (!x.isEmpty() && x != y)
                    r.second = QuoteStore::loadNewest(conn, x, interval, 20000, &r.error);
            },
            &r.error);
        return r;
    }));
}

void MarketView::applyBatch(const BarBatch &bars, qint64 batchSeq)
{
    m_model->applyBatch(bars, batchSeq);
    m_model2->applyBatch(bars, batchSeq);
}

void MarketView::setGaps(const TradeGapList &gaps)
{
    m_chart->setGaps(gaps);
    m_chart2->setGaps(gaps);
}

} // namespace pairlab
