#include "backtest_dialog.h"

#include "backtest/backtest_bootstrap.h"
#include "backtest/backtest_engine.h"
#include "backtest/backtest_market.h"
#include "backtest/backtest_store.h"
#include "backtest/backtest_sweep.h"
#include "backtest/ratio_view.h"
#include "backtest/walk_forward.h"
#include "charts/time_series_chart_view.h"
#include "controllers/latest_result.h"
#include "models/backtest_trades_model.h"
#include "models/sweep_grid_model.h"
#include "models/walk_forward_folds_model.h"
#include "storage/database.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace pairlab {

struct BacktestDialog::Config
{
    BacktestConfig config;
    SweepGrid grid;
};

namespace {

/** Calls done(result) on owner's thread once future has finished: always later, from the event loop (never
 *  from within this call, even when the worker finished first, so a caller's signal spy or state set after
 *  the call sees it), and never once owner is gone. */
template <typename T, typename Done> void whenFinished(QObject *owner, QFuture<T> future, Done done)
{
    auto *watcher = new QFutureWatcher<T>(owner);
    QObject::connect(watcher, &QFutureWatcherBase::finished, owner, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(std::move(future));
}

/** Paints a sweep cell's background by its shown net Sharpe: red below zero, green above, white at zero,
 *  scaled by the largest |Sharpe| of the grid; undefined and refused ("n/a") cells stay grey. */
class SharpeHeatDelegate : public QStyledItemDelegate
{
public:
    explicit SharpeHeatDelegate(SweepGridModel *model, QObject *parent)
        : QStyledItemDelegate(parent), m_model(model)
    {
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const double s = m_model->shownSharpe(index.row(), index.column());
        const auto [lo, hi] = m_model->sharpeRange();
        QColor c(200, 200, 200);
        if (!std::isnan(s)) {
            const double scale = std::max(std::fabs(lo), std::fabs(hi));
            const double t = scale > 0 ? std::clamp(s / scale, -1.0, 1.0) : 0.0;
            const int fade = int(std::lround(255 * (1.0 - std::fabs(t))));
            c = t >= 0 ? QColor(fade, 255, fade) : QColor(255, fade, fade);
        }
        painter->fillRect(option.rect, c);
        QStyleOptionViewItem opt = option;
        opt.palette.setColor(QPalette::Text, Qt::black);
        opt.palette.setColor(QPalette::HighlightedText, Qt::black);
        QStyledItemDelegate::paint(painter, opt, index);
    }

private:
    SweepGridModel *m_model;
};

QDoubleSpinBox *zSpin(double value, QWidget *parent, double min = 0.0, double max = 20.0)
{
    auto *s = new QDoubleSpinBox(parent);
    s->setRange(min, max);
    s->setDecimals(2);
    s->setSingleStep(0.1);
    s->setValue(value);
    return s;
}

/** A sentence used inside another: "Annualised by …" → "annualised by …". */
QString lowerFirst(const QString &sentence)
{
    return sentence.isEmpty() ? sentence : sentence.front().toLower() + sentence.mid(1);
}

QString number(double v, char format, int precision)
{
    return std::isnan(v) ? QStringLiteral("—") : QLocale().toString(v, format, precision);
}

} // namespace

BacktestDialog::BacktestDialog(AlignedPair pair, const QString &symbolY, const QString &symbolX,
                               double barsPerYear, const QString &databasePath, QWidget *parent,
                               int barSeconds)
    : QDialog(parent), m_pair(std::move(pair)), m_symbolY(symbolY), m_symbolX(symbolX),
      m_dbPath(databasePath), m_barsPerYear(barsPerYear), m_tradesModel(new BacktestTradesModel(this)),
      m_sweepModel(new SweepGridModel(this)), m_wfModel(new WalkForwardFoldsModel(this)),
      m_runWatcher(new QFutureWatcher<BacktestRun>(this)),
      m_sweepWatcher(new QFutureWatcher<SweepCell>(this)),
      m_prepares(std::make_unique<LatestResult<std::shared_ptr<const PreparedBacktest>>>(
          [this](const std::shared_ptr<const PreparedBacktest> &inputs) { onSweepPrepared(inputs); }))
{
    setWindowTitle(tr("Backtest %1").arg(pairName()));
    auto *layout = new QVBoxLayout(this);
    const QString range =
        m_pair.timeMs.empty()
            ? tr("no bars")
            : tr("%n bar(s), %1 to %2 UTC", nullptr, int(m_pair.size()))
                  .arg(QDateTime::fromMSecsSinceEpoch(m_pair.timeMs.front(), QTimeZone::utc())
                           .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                       QDateTime::fromMSecsSinceEpoch(m_pair.timeMs.back(), QTimeZone::utc())
                           .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    layout->addWidget(
        new QLabel(tr("<b>%1</b> (y = %2, x = %3): %4").arg(pairName(), m_symbolY, m_symbolX, range), this));

    // Parameters shared by the single run and the sweep (the sweep overrides entry/exit).
    auto *params = new QGroupBox(tr("Parameters"), this);
    auto *grid = new QGridLayout(params);
    m_entry = zSpin(2.0, params);
    m_exit = zSpin(0.5, params);
    m_useStop = new QCheckBox(tr("Stop at |z| >"), params);
    m_stop = zSpin(4.0, params);
    m_stop->setEnabled(false);
    connect(m_useStop, &QCheckBox::toggled, m_stop, &QWidget::setEnabled);
    m_window = new QSpinBox(params);
    m_window->setRange(2, 1000000);
    m_window->setValue(120);
    m_hedge = new QComboBox(params);
    m_hedge->addItems({tr("Static OLS (in-sample)"), tr("Rolling OLS (out-of-sample)"), tr("Kalman filter")});
    m_spreadCost = zSpin(0.0, params, 0.0, 1e9);
    m_spreadCost->setDecimals(4);
    // Binance USD-M's regular taker fee (0.05 %); a maker or VIP rate can be typed in.
    m_fee = zSpin(kDefaultFeeBps, params, 0.0, 1000.0);
    m_fee->setToolTip(tr("Per leg, on the traded notional. The default is Binance USD-M futures' regular "
                         "taker fee, 5 bps (0.05 %)."));
    m_slippage = zSpin(0.0, params, 0.0, 1000.0);
    m_sizing = new QComboBox(params);
    m_sizing->addItems({tr("One unit of spread"), tr("Notional per trade")});
    m_notional = zSpin(10000.0, params, 0.0, 1e12);
    m_notional->setEnabled(false);
    connect(m_sizing, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_notional->setEnabled(i == 1); });
    int row = 0;
    grid->addWidget(new QLabel(tr("Entry |z| >"), params), row, 0);
    grid->addWidget(m_entry, row, 1);
    grid->addWidget(new QLabel(tr("Exit |z| <"), params), row, 2);
    grid->addWidget(m_exit, row, 3);
    grid->addWidget(m_useStop, row, 4);
    grid->addWidget(m_stop, row, 5);
    ++row;
    grid->addWidget(new QLabel(tr("Window (bars)"), params), row, 0);
    grid->addWidget(m_window, row, 1);
    grid->addWidget(new QLabel(tr("Hedge ratio"), params), row, 2);
    grid->addWidget(m_hedge, row, 3, 1, 3);
    ++row;
    grid->addWidget(new QLabel(tr("Fee (bps per leg)"), params), row, 0);
    grid->addWidget(m_fee, row, 1);
    grid->addWidget(new QLabel(tr("Slippage (bps per leg)"), params), row, 2);
    grid->addWidget(m_slippage, row, 3);
    grid->addWidget(new QLabel(tr("Spread cost (spread units)"), params), row, 4);
    grid->addWidget(m_spreadCost, row, 5);
    ++row;
    grid->addWidget(new QLabel(tr("Sizing"), params), row, 0);
    grid->addWidget(m_sizing, row, 1);
    grid->addWidget(new QLabel(tr("Notional per trade"), params), row, 2);
    grid->addWidget(m_notional, row, 3);
    ++row;
    m_fill = new QComboBox(params);
    m_fill->addItems({tr("Trade closes"), tr("Bid/ask quotes")});
    m_fill->setToolTip(
        tr("Trade closes: every change is filled at the bar's close. Bid/ask quotes: a buy "
           "crosses the best ask, a sell the best bid, at the same close; the difference to the "
           "close is shown as 'bid/ask crossed'."));
    m_funding = new QCheckBox(tr("Funding"), params);
    m_funding->setToolTip(tr("A position held at a funding time pays (long, positive rate) or receives each "
                             "leg's rate times its notional at that time's mark price."));
    grid->addWidget(new QLabel(tr("Fill at"), params), row, 0);
    grid->addWidget(m_fill, row, 1);
    grid->addWidget(m_funding, row, 2);
    m_marketInfo = new QLabel(params);
    m_marketInfo->setWordWrap(true);
    grid->addWidget(m_marketInfo, row, 3, 1, 3);
    layout->addWidget(params);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_message->hide();
    layout->addWidget(m_message);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildSingleTab(), tr("&Backtest"));
    m_tabs->addTab(buildSweepTab(), tr("Parameter &sweep"));
    m_tabs->addTab(buildWalkForwardTab(), tr("&Walk-forward"));
    layout->addWidget(m_tabs, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_runWatcher, &QFutureWatcherBase::finished, this, &BacktestDialog::onBacktestFinished);
    connect(m_sweepWatcher, &QFutureWatcherBase::progressRangeChanged, m_progress, &QProgressBar::setRange);
    connect(m_sweepWatcher, &QFutureWatcherBase::progressValueChanged, this, [this](int done) {
        m_progress->setValue(done);
        Q_EMIT sweepProgress(done, m_progress->maximum());
    });
    connect(m_sweepWatcher, &QFutureWatcherBase::resultsReadyAt, this, [this](int begin, int end) {
        for (int k = begin; k < end; ++k)
            m_sweepModel->setCell(m_sweepWatcher->resultAt(k));
        m_sweepView->viewport()->update();
    });
    connect(m_sweepWatcher, &QFutureWatcherBase::finished, this, &BacktestDialog::onSweepFinished);
    resize(sizeOnScreen(QSize(1100, 800)));
    m_barSeconds = barSeconds;
    m_marketDbPath = m_dbPath;
    loadMarket();
    updateButtons();
}

void BacktestDialog::setMidPrices(bool mid)
{
    m_fill->setItemText(0, mid ? tr("Mid prices") : tr("Trade closes"));
}

void BacktestDialog::setMarketDatabase(const QString &path)
{
    if (path == m_marketDbPath)
        return;
    m_marketDbPath = path;
    loadMarket();
}

void BacktestDialog::loadMarket()
{
    int barSeconds = m_barSeconds;
    if (barSeconds <= 0) {
        // The bars lie on their length's grid: the smallest step between two of them is one bar.
        qint64 step = 0;
        for (std::size_t i = 1; i < m_pair.timeMs.size(); ++i) {
            const qint64 d = m_pair.timeMs[i] - m_pair.timeMs[i - 1];
            if (d > 0 && (step == 0 || d < step))
                step = d;
        }
        barSeconds = int(step / 1000);
    }
    m_fill->setItemData(1, false, Qt::UserRole - 1); // disabled until quotes are known to exist
    m_funding->setEnabled(false);
    m_market.reset();
    const quint64 request = ++m_marketRequest;
    if (m_marketDbPath.isEmpty() || m_pair.timeMs.empty() || barSeconds <= 0) {
        m_market = std::make_shared<const BacktestMarket>();
        m_marketInfo->setText(tr("Quotes and funding: not available (no database)."));
        QMetaObject::invokeMethod(
            this,
            [this, request] {
                if (request == m_marketRequest)
                    Q_EMIT marketLoaded();
            },
            Qt::QueuedConnection);
        return;
    }
    m_marketInfo->setText(tr("Reading the legs' quotes and funding from the database…"));
    struct Loaded
    {
        std::shared_ptr<const BacktestMarket> market;
        BacktestMarketInfo info;
        QString error;
    };
    whenFinished(
        this,
        QtConcurrent::run(
            &m_io,
            [path = m_marketDbPath, y = m_symbolY, x = m_symbolX, times = m_pair.timeMs, barSeconds] {
                auto market = std::make_shared<BacktestMarket>();
                Loaded l;
                loadBacktestMarket(path, y, x, times, barSeconds, market.get(), &l.info, &l.error);
                l.market = std::move(market);
                return l;
            }),
        [this, request](const Loaded &l) {
            if (request != m_marketRequest)
                return; // another database was asked for since
            m_market = l.market;
            QStringList parts;
            const QLocale locale;
            if (!l.error.isEmpty()) {
                parts << tr("Quotes and funding could not be read: %1").arg(l.error);
            } else {
                if (l.info.quoteIntervalSeconds > 0) {
                    parts << tr("Quotes: %1 bid/ask of both legs for %2 of %3 bars (from %4 UTC).")
                                 .arg(l.info.quoteIntervalSeconds >= 60
                                          ? tr("%1 min").arg(l.info.quoteIntervalSeconds / 60)
                                          : tr("%1 s").arg(l.info.quoteIntervalSeconds),
                                      locale.toString(l.info.quotedBars),
                                      locale.toString(qint64(m_pair.size())),
                                      QDateTime::fromMSecsSinceEpoch(l.info.firstQuoteMs, QTimeZone::utc())
                                          .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
                } else {
                    parts << tr("Quotes: none stored for both legs over these bars (stream "
                                "bookTicker or ingest a recording with quotes).");
                }
                if (l.info.fundingEventsY + l.info.fundingEventsX > 0)
                    parts << tr("Funding events: %1 (%2), %3 (%4).")
                                 .arg(l.info.fundingEventsY)
                                 .arg(m_symbolY)
                                 .arg(l.info.fundingEventsX)
                                 .arg(m_symbolX);
                else
                    parts << tr("Funding: none stored over these bars (pairlab-cli history --funding).");
            }
            m_marketInfo->setText(parts.join(QLatin1Char(' ')));
            const bool quotes = !m_market->quotesY.empty() && !m_market->quotesX.empty();
            m_fill->setItemData(1, quotes ? QVariant() : QVariant(false), Qt::UserRole - 1);
            if (!quotes && m_fill->currentIndex() == 1)
                m_fill->setCurrentIndex(0);
            m_funding->setEnabled(!m_market->fundingY.empty() && !m_market->fundingX.empty()); // both legs
            if (!m_funding->isEnabled())
                m_funding->setChecked(false);
            updateButtons();
            Q_EMIT marketLoaded();
        });
}

QString BacktestDialog::marketText() const
{
    return m_marketInfo->text();
}

QString BacktestDialog::pnlBreakdownText() const
{
    return m_pnlBreakdown->text();
}

void BacktestDialog::setExecution(bool quoteFills, bool funding)
{
    m_fill->setCurrentIndex(quoteFills ? 1 : 0);
    m_funding->setChecked(funding);
}

BacktestDialog::~BacktestDialog()
{
    // Workers hold copies of their inputs; nothing here waits for them.
    m_sweepWatcher->cancel();
    if (m_bootstrapCancel)
        m_bootstrapCancel->store(true);
    if (m_wfCancel)
        m_wfCancel->store(true);
}

QWidget *BacktestDialog::buildSingleTab()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    auto *bar = new QHBoxLayout;
    m_runButton = new QPushButton(tr("&Run backtest"), page);
    m_runButton->setDefault(true);
    m_save = new QPushButton(tr("Save &result"), page);
    m_exportTrades = new QPushButton(tr("Export &trades CSV…"), page);
    m_exportEquity = new QPushButton(tr("Export &equity CSV…"), page);
    connect(m_runButton, &QPushButton::clicked, this, &BacktestDialog::runBacktest);
    connect(m_save, &QPushButton::clicked, this, &BacktestDialog::saveResult);
    connect(m_exportTrades, &QPushButton::clicked, this, &BacktestDialog::exportTrades);
    connect(m_exportEquity, &QPushButton::clicked, this, &BacktestDialog::exportEquity);
    m_bootstrap = new QPushButton(tr("&Bootstrap"), page);
    m_bootstrap->setToolTip(tr("Resample the run's net per-bar returns in blocks (1,000 times): how wide are "
                               "its final return, Sharpe ratio and drawdown by luck of the path?"));
    connect(m_bootstrap, &QPushButton::clicked, this, &BacktestDialog::runBootstrap);
    m_bootstrapProgress = new QTimer(this);
    m_bootstrapProgress->setInterval(100);
    connect(m_bootstrapProgress, &QTimer::timeout, this, [this] {
        if (m_bootstrapDone)
            m_bootstrapText->setText(
                tr("Bootstrap: %L1 of %L2 resamples…").arg(m_bootstrapDone->load()).arg(1000));
    });
    bar->addWidget(m_runButton);
    bar->addWidget(m_bootstrap);
    bar->addStretch(1);
    bar->addWidget(m_save);
    bar->addWidget(m_exportTrades);
    bar->addWidget(m_exportEquity);
    v->addLayout(bar);

    auto *summary = new QGroupBox(tr("Summary"), page);
    auto *sg = new QGridLayout(summary);
    const QStringList names = {tr("Trades"),       tr("Win rate"),        tr("Gross PnL"),
                               tr("Net PnL"),      tr("Net Sharpe"),      tr("Sortino"),
                               tr("Max drawdown"), tr("Exposure"),        tr("Avg holding (bars)"),
                               tr("Costs"),        tr("Bid/ask crossed"), tr("Funding")};
    for (int f = 0; f < SummaryFieldCount; ++f) {
        auto *value = new QLabel(QStringLiteral("—"), summary);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_summary.insert(f, value);
        sg->addWidget(new QLabel(names[f] + QLatin1Char(':'), summary), f / 6, (f % 6) * 2);
        sg->addWidget(value, f / 6, (f % 6) * 2 + 1);
    }
    m_pnlBreakdown = new QLabel(summary);
    m_pnlBreakdown->setWordWrap(true);
    m_pnlBreakdown->setTextInteractionFlags(Qt::TextSelectableByMouse);
    sg->addWidget(m_pnlBreakdown, (SummaryFieldCount + 5) / 6, 0, 1, 12);
    m_ratioBasis = new QLabel(summary);
    m_ratioBasis->setWordWrap(true);
    sg->addWidget(m_ratioBasis, (SummaryFieldCount + 5) / 6 + 1, 0, 1, 12);
    m_bootstrapText = new QLabel(summary);
    m_bootstrapText->setWordWrap(true);
    m_bootstrapText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    sg->addWidget(m_bootstrapText, (SummaryFieldCount + 5) / 6 + 2, 0, 1, 12);
    v->addWidget(summary);

    auto *split = new QSplitter(Qt::Vertical, page);
    m_tradesView = new QTableView(split);
    m_tradesView->setModel(m_tradesModel);
    m_tradesView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tradesView->verticalHeader()->setDefaultSectionSize(20);
    m_equityChart = new TimeSeriesChartView(tr("Equity"), split);
    m_equityChart->setEmptyText(tr("Run a backtest to see its equity"));
    m_equityChart->addCurve(tr("net"), QColor(0x2e, 0x86, 0xc1));
    m_equityChart->addCurve(tr("gross"), QColor(0x95, 0xa5, 0xa6));
    m_drawdownChart = new TimeSeriesChartView(tr("Drawdown (net)"), split);
    m_drawdownChart->addCurve(tr("drawdown"), QColor(0xc0, 0x39, 0x2b));
    m_drawdownChart->setValueCeiling(0.0); // a drawdown is never above 0: no positive axis half
    auto *group = new ChartGroup(this);
    group->add(m_equityChart);
    group->add(m_drawdownChart);
    // The charts side by side under the trades: on a 768 px screen stacked charts would be a few pixels high.
    auto *charts = new QSplitter(Qt::Horizontal, split);
    charts->addWidget(m_equityChart);
    charts->addWidget(m_drawdownChart);
    charts->setSizes({600, 400});
    split->addWidget(m_tradesView);
    split->addWidget(charts);
    charts->setMinimumHeight(150);
    split->setSizes({2000, 3000}); // two fifths for the trades, three for the charts
    v->addWidget(split, 1);
    return page;
}

QWidget *BacktestDialog::buildSweepTab()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    auto *g = new QGridLayout;
    m_entryFrom = zSpin(1.0, page);
    m_entryTo = zSpin(3.0, page);
    m_entryStep = zSpin(0.5, page);
    m_exitFrom = zSpin(0.0, page);
    m_exitTo = zSpin(0.75, page);
    m_exitStep = zSpin(0.25, page);
    g->addWidget(new QLabel(tr("Entry from"), page), 0, 0);
    g->addWidget(m_entryFrom, 0, 1);
    g->addWidget(new QLabel(tr("to"), page), 0, 2);
    g->addWidget(m_entryTo, 0, 3);
    g->addWidget(new QLabel(tr("step"), page), 0, 4);
    g->addWidget(m_entryStep, 0, 5);
    g->addWidget(new QLabel(tr("Exit from"), page), 1, 0);
    g->addWidget(m_exitFrom, 1, 1);
    g->addWidget(new QLabel(tr("to"), page), 1, 2);
    g->addWidget(m_exitTo, 1, 3);
    g->addWidget(new QLabel(tr("step"), page), 1, 4);
    g->addWidget(m_exitStep, 1, 5);
    v->addLayout(g);
    auto *bar = new QHBoxLayout;
    m_sweepRun = new QPushButton(tr("Run s&weep"), page);
    m_sweepCancel = new QPushButton(tr("&Cancel"), page);
    m_progress = new QProgressBar(page);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    connect(m_sweepRun, &QPushButton::clicked, this, &BacktestDialog::runSweep);
    connect(m_sweepCancel, &QPushButton::clicked, this, &BacktestDialog::cancelSweep);
    bar->addWidget(m_sweepRun);
    bar->addWidget(m_sweepCancel);
    bar->addWidget(m_progress, 1);
    v->addLayout(bar);
    m_sweepStatus = new QLabel(
        tr("Net Sharpe of every entry × exit pair; click a cell to run it in the Backtest tab."), page);
    m_sweepStatus->setWordWrap(true);
    v->addWidget(m_sweepStatus);
    m_sweepView = new QTableView(page);
    m_sweepView->setModel(m_sweepModel);
    m_sweepView->setItemDelegate(new SharpeHeatDelegate(m_sweepModel, m_sweepView));
    m_sweepView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sweepView->horizontalHeader()->setDefaultSectionSize(64);
    m_sweepView->verticalHeader()->setDefaultSectionSize(22);
    connect(m_sweepView, &QTableView::clicked, this,
            [this](const QModelIndex &i) { loadSweepCell(i.row(), i.column()); });
    v->addWidget(m_sweepView, 1);
    return page;
}

QWidget *BacktestDialog::buildWalkForwardTab()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    auto *g = new QGridLayout;
    const auto barsSpin = [page](int value) {
        auto *s = new QSpinBox(page);
        s->setRange(1, 100000000);
        s->setGroupSeparatorShown(true);
        s->setValue(value);
        s->setSuffix(tr(" bars"));
        return s;
    };
    // Five folds over the data by default: training three test windows long (at least two z windows, what
    // the rolling hedge needs before its first z), stepped by one test window.
    const int n = int(m_pair.size());
    const int test = std::max(3, n / 8);
    const auto suggestedTrain = [this, n, test] {
        const int w = m_window->value();
        const int train = std::max(3 * test, 2 * w);
        return train + test <= n ? train : std::max(w + 1, n - 4 * test);
    };
    m_wfTrain = barsSpin(suggestedTrain());
    m_wfTest = barsSpin(test);
    m_wfStep = barsSpin(test);
    // A window as long as the training leaves nothing to train on: follow it (a valid choice stays).
    connect(m_window, &QSpinBox::valueChanged, this, [this, suggestedTrain](int w) {
        if (m_wfTrain->value() <= w)
            m_wfTrain->setValue(suggestedTrain());
    });
    m_wfObjective = new QComboBox(page);
    m_wfObjective->addItems({tr("Net Sharpe"), tr("Net P&L")});
    m_wfMinTrades = new QSpinBox(page);
    m_wfMinTrades->setRange(0, 1000000);
    m_wfMinTrades->setValue(1);
    g->addWidget(new QLabel(tr("Training"), page), 0, 0);
    g->addWidget(m_wfTrain, 0, 1);
    g->addWidget(new QLabel(tr("Test"), page), 0, 2);
    g->addWidget(m_wfTest, 0, 3);
    g->addWidget(new QLabel(tr("Step"), page), 0, 4);
    g->addWidget(m_wfStep, 0, 5);
    g->addWidget(new QLabel(tr("Choose by"), page), 1, 0);
    g->addWidget(m_wfObjective, 1, 1);
    g->addWidget(new QLabel(tr("Fewest training trades"), page), 1, 2);
    g->addWidget(m_wfMinTrades, 1, 3);
    v->addLayout(g);
    auto *bar = new QHBoxLayout;
    m_wfRun = new QPushButton(tr("Run &walk-forward"), page);
    m_wfCancelButton = new QPushButton(tr("Cancel"), page);
    m_wfProgress = new QProgressBar(page);
    m_wfProgress->setRange(0, 1);
    m_wfProgress->setValue(0);
    connect(m_wfRun, &QPushButton::clicked, this, &BacktestDialog::startWalkForward);
    connect(m_wfCancelButton, &QPushButton::clicked, this, &BacktestDialog::cancelWalkForward);
    bar->addWidget(m_wfRun);
    bar->addWidget(m_wfCancelButton);
    bar->addWidget(m_wfProgress, 1);
    v->addLayout(bar);
    m_wfTimer = new QTimer(this);
    m_wfTimer->setInterval(100);
    connect(m_wfTimer, &QTimer::timeout, this, [this] {
        if (m_wfDone)
            m_wfProgress->setValue(m_wfDone->load());
    });
    m_wfStatus =
        new QLabel(tr("Each fold runs the sweep tab's entry × exit grid on its training window, keeps "
                      "the best cell and the training window's hedge, and trades the test window "
                      "after it. The test windows' equity is stitched."),
                   page);
    m_wfStatus->setWordWrap(true);
    m_wfStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_wfStatus);
    auto *split = new QSplitter(Qt::Vertical, page);
    auto *table = new QTableView(split);
    table->setModel(m_wfModel);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(20);
    m_wfEquity = new TimeSeriesChartView(tr("Out-of-sample equity (net, stitched)"), split);
    m_wfEquity->setEmptyText(tr("Run a walk-forward to see its out-of-sample equity"));
    m_wfEquity->addCurve(tr("net"), QColor(0x2e, 0x86, 0xc1));
    split->addWidget(table);
    split->addWidget(m_wfEquity);
    m_wfEquity->setMinimumHeight(140);
    split->setSizes({3000, 2000});
    v->addWidget(split, 1);
    return page;
}

void BacktestDialog::setWalkForward(int train, int test, int step, int objectiveIndex, int minTrades)
{
    m_wfTrain->setValue(train);
    m_wfTest->setValue(test);
    m_wfStep->setValue(step);
    m_wfObjective->setCurrentIndex(objectiveIndex);
    m_wfMinTrades->setValue(minTrades);
}

QString BacktestDialog::walkForwardText() const
{
    return m_wfStatus->text();
}

bool BacktestDialog::startWalkForward()
{
    if (isWalkingForward())
        return false;
    Config cfg;
    currentConfig(cfg);
    if (cfg.grid.size() == 0) {
        showMessage(tr("The sweep tab's grid is empty: each range needs a step > 0 and 'to' ≥ 'from'."));
        return false;
    }
    WalkForwardConfig wf;
    wf.train = m_wfTrain->value();
    wf.test = m_wfTest->value();
    wf.step = m_wfStep->value();
    wf.objective =
        m_wfObjective->currentIndex() == 1 ? WalkForwardObjective::NetPnl : WalkForwardObjective::NetSharpe;
    wf.minTrades = m_wfMinTrades->value();
    QString error = validateWalkForwardGrid(cfg.config, cfg.grid);
    if (error.isEmpty())
        error = validateWalkForward(wf, int(m_pair.size()), cfg.config);
    if (!error.isEmpty()) {
        showMessage(tr("Walk-forward: %1.").arg(error));
        return false;
    }
    if ((cfg.config.fill == FillModel::Quotes || cfg.config.funding) && !m_market) {
        showMessage(tr("The legs' quotes and funding are still being read; run again in a moment."));
        return false;
    }
    showMessage(QString());
    const int folds = walkForwardFoldCount(wf, int(m_pair.size()));
    m_wfCancel = std::make_shared<std::atomic<bool>>(false);
    m_wfDone = std::make_shared<std::atomic<int>>(0);
    m_wfProgress->setRange(0, folds);
    m_wfProgress->setValue(0);
    m_wfStatus->setText(tr("Running %n fold(s) of %1 backtests each…", nullptr, folds).arg(cfg.grid.size()));
    m_wfTimer->start();
    updateButtons();
    const std::shared_ptr<const AlignedPair> pair = std::make_shared<const AlignedPair>(m_pair);
    whenFinished(
        this, QtConcurrent::run([pair, cfg, wf, market = m_market, cancel = m_wfCancel, done = m_wfDone] {
            return runWalkForward(pair->x, pair->y, pair->timeMs, cfg.config, cfg.grid, wf, market.get(),
                                  cancel.get(), done.get());
        }),
        [this, pair, base = cfg.config](const WalkForwardResult &r) {
            m_wfTimer->stop();
            m_wfCancel.reset();
            m_wfDone.reset();
            if (!r.ok()) {
                m_wfStatus->setText(r.cancelled ? tr("Walk-forward cancelled.")
                                                : tr("Walk-forward not possible: %1").arg(r.error));
                updateButtons();
                Q_EMIT walkForwardFinished(false);
                return;
            }
            m_wfProgress->setValue(m_wfProgress->maximum());
            m_wfModel->setResult(r, pair->timeMs, m_barsPerYear);
            const BacktestSummary &o = r.outOfSample;
            qint64 oosSpan = 0, trainSpan = 0;
            for (const WalkForwardFold &f : r.folds) {
                oosSpan += pair->timeMs[std::size_t(f.testTo - 1)] - pair->timeMs[std::size_t(f.testFrom)];
                trainSpan = pair->timeMs[std::size_t(f.trainTo - 1)] - pair->timeMs[std::size_t(f.trainFrom)];
            }
            int isTrades = 0; // per chosen fold, on average: what the mean Sharpe stands on
            for (const WalkForwardFold &f : r.folds)
                isTrades += f.chosen ? f.inSample.trades : 0;
            isTrades /= std::max(1, r.chosenFolds);
            const RatioView oosSharpe = ratioView(o.sharpe, o.trades, oosSpan, m_barsPerYear, 2);
            const RatioView isSharpe = ratioView(r.inSampleSharpe, isTrades, trainSpan, m_barsPerYear, 2);
            const int positive = int(std::lround(r.positiveFoldShare * double(r.folds.size())));
            const auto dd = [](double v) { return number(v > 0 ? -v : 0.0, 'f', 2); };
            QString text =
                (r.chosenFolds > 0
                     ? tr("In sample (mean of the %n fold(s) whose training chose a cell): net Sharpe %1, "
                          "net P&L %2 "
                          "per bar, max drawdown %3. ",
                          nullptr, r.chosenFolds)
                           .arg(isSharpe.text, number(r.inSamplePnlPerBar, 'f', 4), dd(r.inSampleMaxDrawdown))
                     : tr("In sample: no fold's training chose a cell (see the table's notes). ")) +
                tr("Out of sample (%L1 stitched bars): net Sharpe %2, net P&L %3 (%4 per bar), max drawdown "
                   "%5, "
                   "%L6 trades. ")
                    .arg(o.bars)
                    .arg(oosSharpe.text, number(o.netPnl, 'f', 2), number(r.outOfSamplePnlPerBar, 'f', 4),
                         dd(o.maxDrawdown))
                    .arg(o.trades) +
                tr("Positive out-of-sample folds: %1 of %2 (%3 %). Sharpe: %4.")
                    .arg(positive)
                    .arg(r.folds.size())
                    .arg(number(100.0 * r.positiveFoldShare, 'f', 0), lowerFirst(oosSharpe.basis));
            if (base.hedge == BacktestHedge::StaticOls)
                text += QLatin1Char(' ') + tr("Each test window trades the spread of its training window's "
                                              "OLS fit.");
            m_wfStatus->setText(text);
            const TimeColumn times = std::make_shared<const std::vector<qint64>>(r.timeMs);
            m_wfEquity->setCurveData(0, times, std::make_shared<const std::vector<double>>(r.equityNet));
            m_wfEquity->resetRange();
            updateButtons();
            Q_EMIT walkForwardFinished(true);
        });
    return true;
}

void BacktestDialog::cancelWalkForward()
{
    if (m_wfCancel)
        m_wfCancel->store(true);
    updateButtons();
}

QString BacktestDialog::pairName() const
{
    return m_symbolY + QLatin1Char('/') + m_symbolX;
}

void BacktestDialog::setEntryExit(double entry, double exit)
{
    m_entry->setValue(entry);
    m_exit->setValue(exit);
}

double BacktestDialog::entryZ() const
{
    return m_entry->value();
}

double BacktestDialog::exitZ() const
{
    return m_exit->value();
}

void BacktestDialog::setStop(bool enabled, double stopZ)
{
    m_useStop->setChecked(enabled);
    m_stop->setValue(stopZ);
}

void BacktestDialog::setWindow(int window)
{
    m_window->setValue(window);
}

void BacktestDialog::setHedgeIndex(int index)
{
    m_hedge->setCurrentIndex(index);
}

void BacktestDialog::setCosts(double spreadCost, double feeBps, double slippageBps)
{
    m_spreadCost->setValue(spreadCost);
    m_fee->setValue(feeBps);
    m_slippage->setValue(slippageBps);
}

void BacktestDialog::setSweepRange(double entryFrom, double entryTo, double entryStep, double exitFrom,
                                   double exitTo, double exitStep)
{
    m_entryFrom->setValue(entryFrom);
    m_entryTo->setValue(entryTo);
    m_entryStep->setValue(entryStep);
    m_exitFrom->setValue(exitFrom);
    m_exitTo->setValue(exitTo);
    m_exitStep->setValue(exitStep);
}

QString BacktestDialog::message() const
{
    return m_message->text();
}

bool BacktestDialog::isRunning() const
{
    return m_runWatcher->isRunning();
}

bool BacktestDialog::isSweeping() const
{
    return m_preparing || m_sweepWatcher->isRunning();
}

bool BacktestDialog::currentConfig(Config &out) const
{
    BacktestConfig &c = out.config;
    c.entryZ = m_entry->value();
    c.exitZ = m_exit->value();
    c.stopZ = m_useStop->isChecked() ? std::optional<double>(m_stop->value()) : std::nullopt;
    c.window = m_window->value();
    static constexpr BacktestHedge methods[] = {BacktestHedge::StaticOls, BacktestHedge::RollingOls,
                                                BacktestHedge::Kalman};
    c.hedge = methods[std::clamp(m_hedge->currentIndex(), 0, 2)];
    c.spreadCost = m_spreadCost->value();
    c.feeBps = m_fee->value();
    c.slippageBps = m_slippage->value();
    c.sizing = m_sizing->currentIndex() == 1 ? PositionSizing::Notional : PositionSizing::UnitSpread;
    c.notional = m_notional->value();
    c.barsPerYear = m_barsPerYear;
    c.fill = m_fill->currentIndex() == 1 ? FillModel::Quotes : FillModel::Closes;
    c.funding = m_funding->isChecked();
    out.grid.entries = thresholdRange(m_entryFrom->value(), m_entryTo->value(), m_entryStep->value());
    out.grid.exits = thresholdRange(m_exitFrom->value(), m_exitTo->value(), m_exitStep->value());
    return true;
}

void BacktestDialog::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

bool BacktestDialog::runBacktest()
{
    if (isRunning())
        return false;
    if (m_bootstrapCancel) { // its bands would be of the run being replaced
        m_bootstrapCancel->store(true);
        m_bootstrapProgress->stop();
    }
    Config cfg;
    currentConfig(cfg);
    const QString error = validateBacktestConfig(cfg.config);
    if (!error.isEmpty()) {
        showMessage(error);
        return false;
    }
    if (m_pair.size() == 0) {
        showMessage(tr("The pair has no bars to backtest."));
        return false;
    }
    if ((cfg.config.fill == FillModel::Quotes || cfg.config.funding) && !m_market) {
        showMessage(tr("The legs' quotes and funding are still being read; run again in a moment."));
        return false;
    }
    showMessage(QString());
    m_runWatcher->setFuture(startBacktest(m_pair, cfg.config, m_market));
    updateButtons();
    return true;
}

void BacktestDialog::onBacktestFinished()
{
    const QFuture<BacktestRun> f = m_runWatcher->future();
    if (f.isCanceled() || f.resultCount() == 0) {
        updateButtons();
        return;
    }
    auto run = std::make_shared<const BacktestRun>(f.result());
    if (!run->ok()) {
        showMessage(run->error);
    } else {
        m_run = std::move(run);
        m_bootstrapText->clear(); // the bands were of the previous run
        showRun();
    }
    updateButtons();
    Q_EMIT backtestFinished();
}

QString BacktestDialog::ratioBasisText() const
{
    return m_ratioBasis->text();
}

void BacktestDialog::showRun()
{
    const BacktestRun &r = *m_run;
    const BacktestSummary &s = r.summary;
    m_tradesModel->setTrades(r.trades);
    const auto setField = [this](SummaryField f, double value, const QString &text) {
        QLabel *l = m_summary.value(f);
        l->setProperty("value", value);
        l->setText(text);
    };
    setField(Trades, s.trades, QLocale().toString(s.trades));
    setField(WinRate, s.winRate,
             std::isnan(s.winRate) ? number(s.winRate, 'f', 1)
                                   : number(100.0 * s.winRate, 'f', 1) + QLatin1Char('%'));
    // Money in the quote currency with cents, as the trades table and the exports show it.
    setField(GrossPnl, s.grossPnl, number(s.grossPnl, 'f', 2));
    setField(NetPnl, s.netPnl, number(s.netPnl, 'f', 2));
    // The engine's numbers stay in "value"; the text is what the sample allows (ratio_view.h).
    const qint64 span = m_pair.timeMs.empty() ? 0 : m_pair.timeMs.back() - m_pair.timeMs.front();
    const RatioView sharpe = ratioView(s.sharpe, s.trades, span, m_barsPerYear, 3);
    const RatioView sortino = ratioView(s.sortino, s.trades, span, m_barsPerYear, 3);
    setField(Sharpe, s.sharpe, sharpe.text);
    setField(Sortino, s.sortino, sortino.text);
    m_ratioBasis->setText(tr("Sharpe and Sortino: %1.").arg(lowerFirst(sharpe.basis)));
    // A loss from the peak: shown below zero, as the drawdown chart draws it (the engine keeps its size).
    setField(MaxDrawdown, s.maxDrawdown, number(s.maxDrawdown > 0 ? -s.maxDrawdown : s.maxDrawdown, 'f', 2));
    setField(Exposure, s.exposure, number(100.0 * s.exposure, 'f', 1) + QLatin1Char('%'));
    setField(AvgHolding, s.avgHoldingBars, number(s.avgHoldingBars, 'f', 1));
    setField(Costs, s.totalCost, number(s.totalCost, 'f', 2));
    setField(Crossing, s.crossing,
             r.config.fill == FillModel::Quotes ? number(s.crossing, 'f', 2) : tr("— (close fills)"));
    setField(Funding, s.funding, r.config.funding ? number(s.funding, 'f', 2) : tr("— (off)"));
    QString breakdown =
        tr("Net %1 = gross %2 − costs %3 − bid/ask crossed %4 + funding %5.")
            .arg(number(s.netPnl, 'f', 2), number(s.grossPnl, 'f', 2), number(s.totalCost, 'f', 2),
                 number(s.crossing, 'f', 2), number(s.funding, 'f', 2));
    if (r.config.funding)
        breakdown +=
            QLatin1Char(' ') + tr("%n funding event(s) met an open position.", nullptr, s.fundingEvents);
    if (s.staleQuoteFills > 0)
        breakdown +=
            QLatin1Char(' ') + tr("%n fill(s) on a quote older than its bar.", nullptr, s.staleQuoteFills);
    if (s.unquotedFills > 0)
        breakdown +=
            QLatin1Char(' ') +
            tr("%n fill(s) at the close: a leg had no quote in the minute (or 5 bars) before the bar's "
               "end.",
               nullptr, s.unquotedFills);
    m_pnlBreakdown->setText(breakdown);

    const std::size_t n = r.equityNet.size();
    std::vector<qint64> t;
    if (r.inputs && r.inputs->timeMs.size() == n) {
        t = r.inputs->timeMs;
    } else {
        t.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            t[i] = qint64(i) * 1000;
    }
    const TimeColumn times = std::make_shared<const std::vector<qint64>>(std::move(t));
    m_equityChart->setCurveData(0, times, std::make_shared<const std::vector<double>>(r.equityNet));
    m_equityChart->setCurveData(1, times, std::make_shared<const std::vector<double>>(r.equityGross));
    std::vector<double> dd(r.drawdown.size());
    for (std::size_t i = 0; i < dd.size(); ++i)
        dd[i] = -r.drawdown[i];
    m_drawdownChart->setCurveData(0, times, std::make_shared<const std::vector<double>>(std::move(dd)));
    m_equityChart->resetRange();
    m_drawdownChart->resetRange();
}

bool BacktestDialog::runSweep()
{
    if (isSweeping())
        return false;
    auto cfg = std::make_unique<Config>();
    currentConfig(*cfg);
    if (cfg->grid.size() == 0) {
        showMessage(tr("The sweep grid is empty: each range needs a step > 0 and 'to' ≥ 'from'."));
        return false;
    }
    // Only the parameters shared by every cell are checked here; each cell's thresholds are checked by the
    // sweep.
    BacktestConfig probe = cfg->config;
    probe.entryZ = cfg->grid.entries.back();
    probe.exitZ = std::min(cfg->grid.exits.front(), probe.entryZ / 2);
    const QString error = validateBacktestConfig(probe);
    if (!error.isEmpty()) {
        showMessage(error);
        return false;
    }
    if ((cfg->config.fill == FillModel::Quotes || cfg->config.funding) && !m_market) {
        showMessage(tr("The legs' quotes and funding are still being read; run again in a moment."));
        return false;
    }
    showMessage(QString());
    m_sweepModel->setGrid(cfg->grid);
    m_progress->setRange(0, cfg->grid.size());
    m_progress->setValue(0);
    m_sweepStatus->setText(tr("Preparing spread and z-scores…"));
    m_preparing = true;
    m_cancelRequested = false;
    m_sweepBase = std::move(cfg);
    m_prepares->submit([pair = m_pair, config = m_sweepBase->config, market = m_market] {
        return prepareBacktest(pair, config, market.get());
    });
    updateButtons();
    return true;
}

void BacktestDialog::onSweepPrepared(const std::shared_ptr<const PreparedBacktest> &inputs)
{
    m_preparing = false;
    if (!inputs || !inputs->ok()) {
        if (inputs)
            showMessage(inputs->error);
        m_sweepStatus->setText(tr("Sweep failed."));
        updateButtons();
        Q_EMIT sweepFinished(false);
        return;
    }
    m_sweepStatus->setText(tr("Running %n backtest(s)…", nullptr, m_sweepBase->grid.size()));
    m_sweepWatcher->setFuture(startBacktestSweep(inputs, m_sweepBase->config, m_sweepBase->grid));
    updateButtons();
}

void BacktestDialog::cancelSweep()
{
    if (m_preparing) { // no cell runs yet: nothing of this sweep is delivered
        m_prepares->cancel();
        m_preparing = false;
        m_sweepStatus->setText(tr("Sweep cancelled."));
        updateButtons();
        // Reported from the event loop like every other end of a sweep, never from within this call.
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT sweepFinished(false); }, Qt::QueuedConnection);
        return;
    }
    m_cancelRequested = true;
    m_sweepWatcher->cancel();
    updateButtons();
}

void BacktestDialog::onSweepFinished()
{
    SweepResult r = collectSweep(m_sweepBase->grid, m_sweepWatcher->future());
    const bool complete = r.complete && !m_sweepWatcher->isCanceled();
    m_sweepModel->setRatioBasis(m_pair.timeMs.empty() ? 0 : m_pair.timeMs.back() - m_pair.timeMs.front(),
                                m_barsPerYear);
    m_sweepModel->setResult(std::move(r));
    const auto [bi, bj] = m_sweepModel->bestShown();
    if (bi >= 0)
        m_sweepStatus->setText((complete
                                    ? tr("Done. Best net Sharpe %1 at entry %2, exit %3 (%4; cells "
                                         "with fewer than %5 trades are n/a).")
                                    : tr("Cancelled. Best net Sharpe so far %1 at entry %2, exit %3 (%4; "
                                         "cells with fewer than %5 trades are n/a)."))
                                   .arg(m_sweepModel->index(bi, bj).data().toString(),
                                        QLocale().toString(m_sweepModel->result().entries[std::size_t(bi)]),
                                        QLocale().toString(m_sweepModel->result().exits[std::size_t(bj)]),
                                        lowerFirst(m_sweepModel->ratioBasis()))
                                   .arg(kMinTradesForRatio));
    else
        m_sweepStatus->setText(
            complete
                ? tr("Done. No cell has a net Sharpe to show (each needs %1 trades).").arg(kMinTradesForRatio)
                : tr("Sweep cancelled."));
    // What "net" means in this heatmap.
    const BacktestConfig &base = m_sweepBase->config;
    const bool quotes = base.fill == FillModel::Quotes;
    m_sweepStatus->setText(m_sweepStatus->text() + QLatin1Char(' ') +
                           (quotes && base.funding
                                ? tr("Net after everything: costs, bid/ask crossed and funding.")
                            : quotes       ? tr("Net of costs and bid/ask crossed (funding off).")
                            : base.funding ? tr("Net of costs and funding (filled at the closes).")
                                           : tr("Net of costs (filled at the closes, funding off).")));
    updateButtons();
    Q_EMIT sweepFinished(complete);
}

void BacktestDialog::loadSweepCell(int row, int column)
{
    const SweepResult &r = m_sweepModel->result();
    if (row < 0 || column < 0 || row >= int(r.entries.size()) || column >= int(r.exits.size()))
        return;
    setEntryExit(r.entries[std::size_t(row)], r.exits[std::size_t(column)]);
    m_tabs->setCurrentIndex(0);
    runBacktest();
}

void BacktestDialog::saveResult()
{
    if (!m_run || m_dbPath.isEmpty())
        return;
    m_save->setEnabled(false);
    whenFinished(this,
                 QtConcurrent::run(&m_io,
                                   [path = m_dbPath, pair = pairName(), run = m_run] {
                                       QString error;
                                       qint64 id = 0;
                                       const QString name =
                                           Database::uniqueConnectionName(QStringLiteral("backtest-save"));
                                       {
                                           QSqlDatabase db = Database::open(path, name, &error);
                                           if (db.isValid() && db.isOpen())
                                               id = BacktestStore(db).save(pair, run->config, run->summary, 0,
                                                                           &error);
                                       }
                                       Database::close(name);
                                       return std::make_pair(id, error);
                                   }),
                 [this](const std::pair<qint64, QString> &r) {
                     showMessage(r.first > 0 ? QString() : tr("Could not save the result: %1").arg(r.second));
                     updateButtons();
                     Q_EMIT resultSaved(r.first, r.second);
                 });
}

void BacktestDialog::exportTrades()
{
    if (!m_run)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export trades"), QStringLiteral("trades.csv"),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path, ExportKind::Trades);
}

void BacktestDialog::exportEquity()
{
    if (!m_run)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export equity"), QStringLiteral("equity.csv"),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path, ExportKind::Equity);
}

void BacktestDialog::exportTo(const QString &path, ExportKind kind)
{
    if (!m_run)
        return;
    // A day of 1 s bars is ~86,400 equity rows: written off the GUI thread, the window stays responsive.
    whenFinished(this,
                 QtConcurrent::run(&m_io,
                                   [run = m_run, path, kind] {
                                       QSaveFile f(path);
                                       QString error;
                                       const bool written =
                                           f.open(QIODevice::WriteOnly) &&
                                           (kind == ExportKind::Trades ? run->writeTradesCsv(&f, &error)
                                                                       : run->writeEquityCsv(&f, &error)) &&
                                           f.commit();
                                       if (!written && error.isEmpty())
                                           error = f.errorString();
                                       return written ? QString() : error;
                                   }),
                 [this, path](const QString &error) {
                     if (!error.isEmpty())
                         showMessage(tr("Could not write %1: %2").arg(path, error));
                     Q_EMIT exported(path, error);
                 });
}

QString BacktestDialog::bootstrapText() const
{
    return m_bootstrapText->text();
}

void BacktestDialog::runBootstrap()
{
    if (m_bootstrapCancel) { // running: the button cancels
        m_bootstrapCancel->store(true);
        return;
    }
    if (!m_run)
        return;
    const BacktestRun &r = *m_run;
    // The capital the returns are of: the notional per trade, or one spread unit at the first bar.
    double capital = r.config.notional;
    QString capitalBasis = tr("the notional per trade");
    if (r.config.sizing == PositionSizing::UnitSpread) {
        capital = kNaN;
        if (r.inputs)
            for (std::size_t i = 0; i < r.inputs->size(); ++i)
                if (std::isfinite(r.inputs->beta[i])) { // the rolling hedges have none in their warm-up
                    capital = r.inputs->y[i] + std::abs(r.inputs->beta[i]) * r.inputs->x[i];
                    break;
                }
        capitalBasis = tr("one spread unit, y + |β|·x at the first bar with a hedge ratio");
    }
    if (!(capital > 0) || !std::isfinite(capital)) {
        m_bootstrapText->setText(
            tr("Bootstrap not possible: no capital to take returns of (no bar has a hedge ratio yet)."));
        Q_EMIT bootstrapFinished(false);
        return;
    }
    std::vector<double> pnl(r.pnlNet.begin() + (r.pnlNet.empty() ? 0 : 1),
                            r.pnlNet.end()); // bar 0 earns nothing
    BootstrapConfig config;
    config.barsPerYear = m_barsPerYear;
    // Blocks at least as long as the average trade: the returns are correlated over a holding time, and
    // shorter blocks would cut trades into pieces and narrow the bands.
    const int rule = std::max(1, int(std::lround(std::cbrt(double(pnl.size())))));
    const double holding = r.summary.avgHoldingBars;
    config.meanBlock = std::isfinite(holding) ? std::max(rule, int(std::lround(holding))) : rule;
    m_bootstrapCancel = std::make_shared<std::atomic<bool>>(false);
    m_bootstrapDone = std::make_shared<std::atomic<int>>(0);
    m_bootstrap->setText(tr("Cancel &bootstrap"));
    m_bootstrapProgress->start();
    const std::shared_ptr<const BacktestRun> run = m_run;
    const qint64 span = m_pair.timeMs.empty() ? 0 : m_pair.timeMs.back() - m_pair.timeMs.front();
    whenFinished(
        this,
        QtConcurrent::run(
            [returns = barReturns(pnl, capital), config, cancel = m_bootstrapCancel, done = m_bootstrapDone] {
                return bootstrapReturns(returns, config, cancel.get(), done.get());
            }),
        [this, run, capital, capitalBasis, span, config](const BootstrapResult &b) {
            m_bootstrapProgress->stop();
            m_bootstrapCancel.reset();
            m_bootstrapDone.reset();
            m_bootstrap->setText(tr("&Bootstrap"));
            if (run != m_run) { // another run is on screen: its bootstrap is not this one
                m_bootstrapText->clear();
                Q_EMIT bootstrapFinished(false);
                return;
            }
            if (!b.ok()) {
                m_bootstrapText->setText(b.cancelled ? tr("Bootstrap cancelled.")
                                                     : tr("Bootstrap not possible: %1").arg(b.error));
                Q_EMIT bootstrapFinished(false);
                return;
            }
            const auto pct = [](double v) { return number(100.0 * v, 'f', 2) + QLatin1Char('%'); };
            const auto band = [&](const BootstrapBand &x, auto fmt) {
                return tr("%1 / %2 / %3").arg(fmt(x.p5), fmt(x.p50), fmt(x.p95));
            };
            // The Sharpe band under the run's own rule: annualised only when the sample allows it.
            const RatioView mid = ratioView(b.sharpe.p50, run->summary.trades, span, m_barsPerYear, 2);
            QString sharpe;
            if (std::isnan(mid.value)) {
                sharpe = mid.text;
            } else {
                const double scale = mid.annualised ? 1.0 : 1.0 / std::sqrt(m_barsPerYear);
                sharpe =
                    band(b.sharpe, [&](double v) { return number(v * scale, 'f', mid.annualised ? 2 : 4); });
                if (!mid.annualised)
                    sharpe += QLatin1Char(' ') + tr("per bar");
            }
            if (b.flatResamples > 0)
                sharpe +=
                    QLatin1Char(' ') + tr("(%L1 resamples without variation left out)").arg(b.flatResamples);
            m_bootstrapText->setText(
                tr("Bootstrap, 5 % / 50 % / 95 % of %L1 resamples of the net per-bar returns at a fixed size "
                   "(stationary blocks of %L2 bars on average: round(n^⅓) or the average holding time, the "
                   "longer; seed %3; returns on %4 = %5, not reinvested): final return %6; max drawdown %7; "
                   "net Sharpe %8.")
                    .arg(b.resamples)
                    .arg(b.meanBlock)
                    .arg(config.seed)
                    .arg(number(capital, 'f', 2), capitalBasis, band(b.finalReturn, pct),
                         band(b.maxDrawdown, pct), sharpe));
            Q_EMIT bootstrapFinished(true);
        });
}

void BacktestDialog::updateButtons()
{
    const bool running = m_runWatcher->isRunning();
    m_runButton->setEnabled(!running);
    m_save->setEnabled(m_run && !running && !m_dbPath.isEmpty());
    m_exportTrades->setEnabled(m_run != nullptr);
    m_exportEquity->setEnabled(m_run != nullptr);
    m_bootstrap->setEnabled(m_run != nullptr && !running);
    const bool sweeping = isSweeping();
    m_sweepRun->setEnabled(!sweeping);
    m_sweepCancel->setEnabled(sweeping && !m_cancelRequested);
    m_wfRun->setEnabled(!isWalkingForward());
    m_wfCancelButton->setEnabled(isWalkingForward() && !m_wfCancel->load());
}

} // namespace pairlab
