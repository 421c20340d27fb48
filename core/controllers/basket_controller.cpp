#include "controllers/basket_controller.h"

#include "analytics/pair_analysis.h"
#include "storage/database.h"
#include "storage/funding_store.h"

#include <QTimer>

namespace pairlab {

BasketController::BasketController(QObject *parent)
    : QObject(parent), m_refresh(new QTimer(this)),
      m_jobs(std::make_unique<LatestResult<Computed>>(
          [this](const Computed &c) { onComputed(c.result, c.error, c.bars); }))
{
    m_refresh->setInterval(kRefreshMs);
    connect(m_refresh, &QTimer::timeout, this, [this] {
        if (m_request.source == BarStore::LiveSource && m_state.kind != BasketState::Kind::Loading)
            load();
    });
    m_state.reason = tr("Enter two or more symbols and their weights, or take Johansen's.");
}

BasketController::~BasketController() = default;

void BasketController::setDatabase(const QString &path)
{
    if (path == m_dbPath)
        return;
    m_dbPath = path;
    m_result = BasketResult{}; // another database's bars answer nothing here
    load();
}

void BasketController::setRefreshing(bool on)
{
    if (on)
        m_refresh->start();
    else
        m_refresh->stop();
}

void BasketController::setRequest(const BasketRequest &request)
{
    if (request == m_request && m_state.kind != BasketState::Kind::Idle)
        return;
    m_request = request;
    load();
}

void BasketController::setState(BasketState s)
{
    if (s == m_state)
        return;
    m_state = std::move(s);
    Q_EMIT stateChanged(m_state);
}

Basket BasketController::johansenBasket() const
{
    // Johansen of these legs on these bars: the same request but for the weights it is to give.
    BasketRequest asked = m_request, answered = m_result.request;
    asked.basket.weights.clear();
    answered.basket.weights.clear();
    if (!m_result.johansen || !m_result.johansen->ok() || !(asked == answered))
        return {};
    return basketFromJohansen(*m_result.johansen, m_request.basket.symbols, 0);
}

void BasketController::load()
{
    BasketState s;
    s.request = m_request;
    // Weights may be left out (Johansen chooses them): the legs are what is loaded.
    Basket legsOnly = m_request.basket;
    if (legsOnly.weights.empty())
        legsOnly.weights.assign(std::size_t(legsOnly.symbols.size()), 1.0);
    const QString problem = legsOnly.problem();
    if (m_dbPath.isEmpty() || !problem.isEmpty()) {
        s.kind = BasketState::Kind::Idle;
        s.reason = m_dbPath.isEmpty() ? tr("No database.") : tr("Not a basket yet: %1.").arg(problem);
        m_jobs->cancel(); // what runs is for an older request
        setState(s);
        return;
    }
    s.kind = m_result.valid() && m_result.request == m_request ? BasketState::Kind::Ready
                                                               : BasketState::Kind::Loading;
    if (s.kind == BasketState::Kind::Ready)
        s.bars = m_state.bars;
    setState(s);
    m_jobs->submit([db = m_dbPath, r = m_request](const std::atomic<bool> &cancel) {
        Computed c;
        c.result.request = r;
        std::vector<CloseSeries> series;
        BasketFunding funding;
        funding.barMs = qint64(std::max(1, r.intervalSeconds)) * 1000;
        QString error;
        AlignedBasket legs;
        Database::withReader(
            db,
            [&](QSqlDatabase &conn) {
                for (const QString &symbol : r.basket.symbols) {
                    if (cancel.load())
                        return;
                    std::vector<Bar> bars = BarStore::loadBarsSeconds(conn, symbol, r.intervalSeconds,
                                                                      r.source, kMaxBars, &error);
                    if (r.source == BarStore::LiveSource && !bars.empty())
                        bars.pop_back(); // possibly still forming
                    CloseSeries leg;
                    leg.symbol = symbol;
                    for (const Bar &b : bars) {
                        leg.openTimeMs.push_back(b.openMs);
                        leg.close.push_back(b.close);
                    }
                    series.push_back(std::move(leg));
                }
                legs = alignBasket(series);
                // Funding of each leg over the bars (a symbol of a dataset has none: the run goes without).
                // A funding read that fails leaves the run without funding (the summary says so), not without
                // bars.
                QString fundingError;
                if (legs.size() >= 2 && error.isEmpty())
                    for (const QString &symbol : r.basket.symbols)
                        funding.legs.push_back(FundingStore::load(conn, symbol, legs.timeMs.front(),
                                                                  legs.timeMs.back() + funding.barMs,
                                                                  &fundingError));
                if (!fundingError.isEmpty())
                    funding.legs.clear();
            },
            &error);
        if (!error.isEmpty()) {
            c.error = error;
            return c;
        }
        c.bars = int(legs.size());
        if (legs.size() >= 2)
            c.result.spanMs = legs.timeMs.back() - legs.timeMs.front();
        if (legs.size() >= std::size_t(std::max(r.window, 10)) && r.basket.symbols.size() >= 2) {
            auto j = std::make_shared<JohansenResult>(johansen(legs.legs, 0, 1));
            c.result.johansen = j;
        }
        if (r.basket.weights.size() != std::size_t(r.basket.symbols.size()))
            return c; // the legs only: Johansen may give the weights
        BasketAnalysisOptions options;
        options.window = r.window;
        options.backtest.entry = r.entry;
        options.backtest.exit = r.exit;
        options.backtest.cost = 0;
        options.backtest.barsPerYear = 365.0 * 24 * 3600 / double(std::max(1, r.intervalSeconds));
        c.result.analysis = std::make_shared<BasketAnalysis>(analyzeBasket(legs, r.basket.weights, options));
        if (c.result.analysis->ok()) {
            BacktestConfig bc;
            bc.entryZ = r.entry;
            bc.exitZ = r.exit;
            bc.window = r.window;
            bc.spreadCost = 0;
            bc.feeBps = kDefaultFeeBps;
            bc.barsPerYear = options.backtest.barsPerYear;
            bc.funding = !funding.legs.empty();
            for (const std::vector<FundingEvent> &events : funding.legs)
                bc.funding = bc.funding && !events.empty();
            c.result.backtest =
                std::make_shared<BasketBacktestRun>(backtestBasket(legs, r.basket.weights, bc, &funding));
        }
        return c;
    });
}

void BasketController::onComputed(const BasketResult &r, const QString &error, int bars)
{
    if (!(r.request == m_request))
        return; // an older request's
    BasketState s;
    s.request = m_request;
    s.bars = bars;
    m_result = r;
    if (!error.isEmpty()) {
        s.kind = BasketState::Kind::NotPossible;
        s.reason = tr("The bars could not be read: %1").arg(error);
    } else if (bars < std::max(m_request.window, 10)) {
        s.kind = BasketState::Kind::Waiting;
        s.reason = tr("Waiting for bars: %1 of %2 that every leg has.")
                       .arg(bars)
                       .arg(std::max(m_request.window, 10));
    } else if (m_request.basket.weights.size() != std::size_t(m_request.basket.symbols.size())) {
        s.kind = BasketState::Kind::Idle;
        s.reason = tr("%1 bars of every leg: enter the weights, or take Johansen's.").arg(bars);
    } else if (!r.valid()) {
        s.kind = BasketState::Kind::NotPossible;
        s.reason = r.analysis ? r.analysis->error : tr("no analysis");
    } else {
        s.kind = BasketState::Kind::Ready;
    }
    setState(s);
    Q_EMIT resultChanged(m_result);
}

} // namespace pairlab
