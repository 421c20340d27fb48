#include "basket_view.h"

#include "backtest/ratio_view.h"
#include "charts/time_series_chart_view.h"
#include "controllers/basket_controller.h"
#include "storage/bar_store.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <cmath>

namespace pairlab {

namespace {

QString num(double v, int digits = 4)
{
    return std::isfinite(v) ? QLocale().toString(v, 'g', digits) : QStringLiteral("—");
}

} // namespace

BasketView::BasketView(QWidget *parent) : QWidget(parent), m_controller(new BasketController(this))
{
    m_symbols = new QLineEdit(this);
    m_symbols->setPlaceholderText(tr("BTCUSDT, ETHUSDT, SOLUSDT"));
    m_symbols->setToolTip(tr("The basket's legs, separated by commas"));
    m_weights = new QLineEdit(this);
    m_weights->setPlaceholderText(tr("1, −0.04, −2.5 (empty: take Johansen's)"));
    m_weights->setToolTip(tr("Quantity of each leg in one unit of the basket (a negative weight is a short "
                             "leg); the spread is Σ wᵢ·pᵢ less its mean over the bars shown"));
    m_johansen = new QPushButton(tr("&Johansen weights"), this);
    m_johansen->setToolTip(
        tr("The eigenvector of the largest Johansen eigenvalue of these legs (constant, one "
           "lagged difference), scaled so that the first leg's weight is 1"));
    m_status = new QLabel(this);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *row = new QHBoxLayout;
    auto *legsLabel = new QLabel(tr("&Legs:"), this);
    legsLabel->setBuddy(m_symbols);
    auto *weightsLabel = new QLabel(tr("W&eights:"), this);
    weightsLabel->setBuddy(m_weights);
    row->addWidget(legsLabel);
    row->addWidget(m_symbols, 3);
    row->addWidget(weightsLabel);
    row->addWidget(m_weights, 3);
    row->addWidget(m_johansen);
    row->addWidget(m_status, 2);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_spreadChart = new TimeSeriesChartView(tr("Basket spread Σ wᵢ·pᵢ − c"), this);
    m_spreadChart->addCurve(tr("spread"), QColor(0x6a, 0x1b, 0x9a));
    m_zChart = new TimeSeriesChartView(tr("Rolling z-score"), this);
    m_zChart->addCurve(tr("z"), QColor(0x00, 0x83, 0x8f));
    auto *group = new ChartGroup(this);
    group->add(m_spreadChart);
    group->add(m_zChart);
    auto *charts = new QSplitter(Qt::Vertical, this);
    charts->addWidget(m_spreadChart);
    charts->addWidget(m_zChart);
    for (TimeSeriesChartView *c : {m_spreadChart, m_zChart})
        c->setMinimumHeight(80);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_summary);
    layout->addWidget(charts, 1);

    connect(m_symbols, &QLineEdit::editingFinished, this, &BasketView::applyEdits);
    connect(m_weights, &QLineEdit::editingFinished, this, &BasketView::applyEdits);
    connect(m_johansen, &QPushButton::clicked, this, &BasketView::useJohansenWeights);
    connect(m_controller, &BasketController::stateChanged, this, &BasketView::showState);
    connect(m_controller, &BasketController::resultChanged, this, &BasketView::showResult);
    showState(m_controller->state());
}

BasketView::~BasketView() = default;

void BasketView::setDatabase(const QString &path)
{
    m_controller->setDatabase(path);
}

void BasketView::setActive(bool active)
{
    m_controller->setRefreshing(active);
}

void BasketView::setShared(const QString &source, int intervalSeconds, int window, double entry, double exit)
{
    BasketRequest r = m_controller->request();
    r.source = source;
    r.intervalSeconds = intervalSeconds;
    r.window = window;
    r.entry = entry;
    r.exit = exit;
    m_zChart->setBands({-entry, -exit, 0.0, exit, entry});
    m_controller->setRequest(r);
}

void BasketView::setBasket(const Basket &basket)
{
    m_symbols->setText(basket.symbols.join(QStringLiteral(", ")));
    QStringList w;
    for (double v : basket.weights)
        w << QString::number(v, 'g', QLocale::FloatingPointShortest); // shortest text that reads back exactly
    m_weights->setText(w.join(QStringLiteral(", ")));
    BasketRequest r = m_controller->request();
    r.basket = basket;
    m_controller->setRequest(r);
    Q_EMIT basketChanged();
}

Basket BasketView::basket() const
{
    return m_controller->request().basket;
}

void BasketView::applyEdits()
{
    Basket b;
    for (const QString &s : m_symbols->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        b.symbols << s.trimmed().toUpper();
    const QStringList ws = m_weights->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < ws.size(); ++i) {
        QString text = ws[i].trimmed();
        text.replace(QStringLiteral("−"),
                     QStringLiteral("-")); // a typographic minus, as the formula shows it
        bool ok = false;
        double v = text.toDouble(&ok); // "1.5": the form the field is filled with, in every language
        if (!ok) {
            QLocale locale;
            locale.setNumberOptions(QLocale::RejectGroupSeparator); // "1.000" is never a thousand
            v = locale.toDouble(text, &ok);
        }
        if (!ok || !std::isfinite(v)) {
            m_status->setText(tr("Weight %1 is not a number: '%2'.").arg(i + 1).arg(ws[i].trimmed()));
            return;
        }
        b.weights.push_back(v);
    }
    if (!b.weights.empty() && b.weights.size() != std::size_t(b.symbols.size())) {
        m_status->setText(
            tr("%n leg(s) but %1 weight(s).", nullptr, int(b.symbols.size())).arg(b.weights.size()));
        return;
    }
    if (b == m_controller->request().basket)
        return;
    BasketRequest r = m_controller->request();
    r.basket = b;
    m_controller->setRequest(r);
    Q_EMIT basketChanged();
}

void BasketView::useJohansenWeights()
{
    const Basket b = m_controller->johansenBasket();
    if (b.weights.empty()) {
        const BasketResult &r = m_controller->result();
        if (r.johansen && !r.johansen->ok())
            m_status->setText(tr("No Johansen weights: %1.").arg(r.johansen->error));
        else if (r.johansen && r.request.basket.symbols == m_controller->request().basket.symbols)
            m_status->setText(tr("No Johansen weights: the first leg's weight in the vector is 0."));
        else
            m_status->setText(tr("No Johansen result for these legs yet (they need %1 bars in common).")
                                  .arg(std::max(10, m_controller->request().window)));
        return;
    }
    setBasket(b);
}

QString BasketView::statusText() const
{
    return m_status->text();
}

QString BasketView::summaryText() const
{
    return m_summary->text();
}

void BasketView::showState(const BasketState &s)
{
    QString text;
    switch (s.kind) {
    case BasketState::Kind::Loading:
        text = tr("Loading the legs' bars…");
        break;
    case BasketState::Kind::Ready:
        text = tr("%L1 bars that every leg has.").arg(s.bars);
        break;
    default:
        text = s.reason;
    }
    m_status->setText(text);
    m_status->setToolTip(text);
    m_johansen->setEnabled(m_controller->result().johansen != nullptr);
    for (TimeSeriesChartView *c : {m_spreadChart, m_zChart})
        c->setEmptyText(text);
    if (s.kind == BasketState::Kind::Ready || !m_showing)
        return;
    // Nothing of an earlier request stays on screen.
    m_showing = false;
    m_summary->clear();
    for (TimeSeriesChartView *c : {m_spreadChart, m_zChart})
        c->setCurveData(0, {}, {});
}

void BasketView::showResult(const BasketResult &r)
{
    m_johansen->setEnabled(r.johansen != nullptr);
    QString johansen;
    if (r.johansen && r.johansen->ok()) {
        const JohansenResult &j = *r.johansen;
        int rank = 0; // the trace test at 95 %: how many cointegrating vectors
        while (rank < j.k && std::isfinite(j.traceCrit[std::size_t(rank)][1]) &&
               j.trace[std::size_t(rank)] > j.traceCrit[std::size_t(rank)][1])
            ++rank;
        johansen = tr("Johansen (constant, 1 lag) on these legs: trace %1 vs %2 at 95 % for r = 0; %n "
                      "cointegrating vector(s) at 95 %.",
                      nullptr, rank)
                       .arg(num(j.trace[0]), num(j.traceCrit[0][1]));
    }
    if (!r.valid()) {
        m_summary->setText(johansen);
        return;
    }
    const BasketAnalysis &a = *r.analysis;
    const Basket &b = r.request.basket;
    const QString bars = BarStore::intervalLabel(r.request.intervalSeconds);
    QString text =
        tr("<b>%1</b> (mean %2) · %L3 bars of %4 · ADF (c) %5, p %6 (lag %7) · half-life %8 bars · "
           "Hurst %9")
            .arg(b.formula().toHtmlEscaped(), num(a.constant, 6))
            .arg(a.n)
            .arg(bars, num(a.adfC.stat), num(a.adfC.pvalue, 3))
            .arg(a.adfC.usedlag)
            .arg(num(a.halfLife.halfLife, 3), num(a.hurst, 3));
    text += tr(" · z now %1").arg(num(a.lastZ, 3));
    if (r.backtest && r.backtest->ok()) {
        const BacktestSummary &s = r.backtest->summary;
        const RatioView sharpe = ratioView(s.sharpe, s.trades, r.spanMs, r.backtest->config.barsPerYear, 2);
        text += QStringLiteral("<br>") +
                tr("Backtest at ±%1 / %2, one unit of the basket, %3 bps per leg, filled at the closes: %n "
                   "trade(s), "
                   "net P&L %4, net Sharpe %5 (%6), max drawdown %7.",
                   nullptr, s.trades)
                    .arg(num(r.request.entry, 3), num(r.request.exit, 3), num(r.backtest->config.feeBps, 3),
                         QLocale().toString(s.netPnl, 'f', 2), sharpe.text,
                         (sharpe.basis.isEmpty() ? sharpe.basis
                                                 : sharpe.basis.front().toLower() + sharpe.basis.mid(1))
                             .toHtmlEscaped(),
                         QLocale().toString(s.maxDrawdown > 0 ? -s.maxDrawdown : 0.0, 'f', 2));
        text += QLatin1Char(' ') +
                (r.backtest->config.funding
                     ? tr("Funding %1 from %n event(s) that met a position.", nullptr, s.fundingEvents)
                           .arg(QLocale().toString(s.funding, 'f', 2))
                     : tr("No funding: not stored for every leg over these bars."));
    }
    if (!johansen.isEmpty())
        text += QStringLiteral("<br>") + johansen +
                tr(" Weights estimated on these same bars (Johansen's) make the ADF p-value optimistic: the "
                   "trace test is the one for estimated weights.");
    m_summary->setText(text);
    const TimeColumn times = std::make_shared<const std::vector<qint64>>(a.timeMs);
    m_spreadChart->setCurveData(0, times, std::make_shared<const std::vector<double>>(a.spread));
    m_zChart->setCurveData(0, times, std::make_shared<const std::vector<double>>(a.zscore));
    m_showing = true;
    Q_EMIT resultShown();
}

} // namespace pairlab
