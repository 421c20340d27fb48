#include "controllers/pair_controller.h"

#include "alerts/alert_engine.h"
#include "alerts/alert_rule.h"
#include "analytics/series_stats.h"
#include "storage/database.h"
#include "storage/quote_store.h"

#include <QTimer>

#include <cmath>

namespace pairlab {

namespace {

const QList<int> kLiveIntervals{1, 60, 300};

PairAnalysisOptions optionsFor(const PairRequest &r)
{
    PairAnalysisOptions o;
    o.window = r.window;
    o.backtest.entry = r.entry;
    o.backtest.exit = r.exit;
    o.backtest.barsPerYear = barsPerYear(r.intervalSeconds);
    return o;
}

bool sameData(const PairRequest &a, const PairRequest &b)
{
    return a.y == b.y && a.x == b.x && a.source == b.source && a.intervalSeconds == b.intervalSeconds &&
           a.price == b.price;
}

/** Quote bars as bars of their closing mid, (bid + ask) / 2 of the bar's last update; the update id orders
 *  fragments as a trade id does. */
std::vector<Bar> midBars(const std::vector<QuoteBar> &quotes)
{
    std::vector<Bar> bars;
    bars.reserve(quotes.size());
    for (const QuoteBar &q : quotes) {
        Bar b;
        b.openMs = q.openMs;
        b.close = (q.bidClose + q.askClose) / 2;
        b.open = b.high = b.low = b.close;
        b.trades = q.updates;
        b.firstTradeId = q.firstUpdateId;
        b.lastTradeId = q.lastUpdateId;
        bars.push_back(b);
    }
    return bars;
}

std::optional<Interval> liveInterval(int seconds)
{
    for (Interval i : AllIntervals)
        if (intervalSeconds(i) == seconds)
            return i;
    return std::nullopt;
}

} // namespace

bool PairRequest::sameQuestion(const PairRequest &other) const
{
    return sameData(*this, other) && window == other.window && method == other.method;
}

PairController::PairController(QObject *parent)
    : QObject(parent), m_service(new PairAnalyticsService(this)), m_universeTimer(new QTimer(this)),
      m_universeProgressTimer(new QTimer(this)), m_universeStep(new QTimer(this)),
      m_historyReload(new QTimer(this)), m_quotePoll(new QTimer(this)),
      m_loads([this](const LoadedLegs &legs) { onHistoryLoaded(legs); }),
      m_midTails([this](const MidTail &tail) {
          if (!sameData(tail.request, m_request) || !m_historyLoaded)
              return;
          trackFragments(m_tailX, tail.x);
          trackFragments(m_tailY, tail.y);
          appendClosedBars();
      }),
      m_displays([this](BuiltDisplay built) { onDisplayBuilt(std::move(built)); }),
      m_stats([this](const BuiltStats &built) {
          if (built.request.sameQuestion(m_request) && m_result.valid())
              Q_EMIT statsReady(built.scopes);
      }),
      m_universeJobs([this](const UniverseResult &r) {
          m_universeProgressTimer->stop();
          Q_EMIT universeProgress(0, 0);
          // A scan that found no pair with bars (a session just started) is redone at the next tick.
          m_universeStale = r.scanRows < 2;
          m_universeResult = r;
          Q_EMIT universeReady(r);
          if (r.zLastMs > 0 && m_lastUniverseBarMs > r.zLastMs + qint64(r.intervalSeconds) * 1000)
              m_universeStep->start(); // bars closed while it ran
      }),
      m_universeSteps([this](const UniverseResult &r) {
          // Only a step on the scan on screen counts (a full scan landing meanwhile replaces both).
          if (r.liveSteps == m_universeResult.liveSteps + 1 &&
              r.scannedAtMs == m_universeResult.scannedAtMs && r.symbols == m_universeResult.symbols) {
              m_universeResult = r;
              Q_EMIT universeReady(r);
          }
      }),
      m_sourceJobs([this](const QList<BarStore::DatasetInfo> &d) { onDatasets(d); })
{
    qRegisterMetaType<pairlab::PairRequest>();
    qRegisterMetaType<pairlab::PairState>();
    qRegisterMetaType<pairlab::PairResult>();
    m_service->setHeavyIntervalMs(3000);
    connect(m_service, &PairAnalyticsService::analyticsReady, this, &PairController::onAnalytics);
    connect(m_service, &PairAnalyticsService::analysisFailed, this, &PairController::onAnalysisFailed);
    m_universeTimer->setInterval(5000);
    m_universeProgressTimer->setInterval(250);
    connect(m_universeProgressTimer, &QTimer::timeout, this, [this] {
        if (m_universeJobs.isBusy())
            Q_EMIT universeProgress(m_scanDone->load(), m_scanTotal->load());
        else
            m_universeProgressTimer->stop();
    });
    m_universeStep->setSingleShot(true);
    m_universeStep->setInterval(100);
    connect(m_universeStep, &QTimer::timeout, this, &PairController::stepUniverse);
    connect(m_universeTimer, &QTimer::timeout, this, [this] {
        // A periodic refresh never starves a running one; between full scans the live steps keep z current.
        const UniverseResult &r = m_universeResult;
        const bool young = r.scanRows > 0 && r.tableRows - r.scanRows >= std::max(1, r.scanRows / 10);
        const bool due = m_universeStale || !m_sinceFullScan.isValid() ||
                         m_sinceFullScan.elapsed() >= kFullScanEveryMs || young;
        if (due && !m_universeJobs.isBusy() && !m_universePaused)
            refreshUniverse();
        refreshSources(); // new imports appear
    });
    m_universeTimer->start();
    m_historyReload->setSingleShot(true);
    m_historyReload->setInterval(500);
    connect(m_historyReload, &QTimer::timeout, this, &PairController::reload);
    m_quotePoll->setInterval(kQuotePollMs);
    connect(m_quotePoll, &QTimer::timeout, this, &PairController::pollMidBars);
    m_state.reason = tr("Choose two symbols.");
    m_idleReason = m_state.reason;
}

PairController::~PairController()
{
    m_service->cancel();
}

void PairController::setDatabase(const QString &path)
{
    m_dbPath = path;
    reload();
    refreshUniverse();
    refreshSources();
}

void PairController::setDatasetDatabase(const QString &path)
{
    if (path == m_datasetDbPath)
        return;
    m_datasetDbPath = path;
    refreshSources();
    if (m_request.source != BarStore::LiveSource)
        reload();
}

QString PairController::databaseFor(const QString &source) const
{
    return source == BarStore::LiveSource || m_datasetDbPath.isEmpty() ? m_dbPath : m_datasetDbPath;
}

void PairController::setRequest(const PairRequest &request)
{
    const PairRequest old = m_request;
    if (request == old)
        return;
    m_request = request;
    Q_EMIT requestChanged(m_request);
    if (request.intervalSeconds != old.intervalSeconds)
        m_lastUniverseBarMs = 0; // bars of another length
    if (request.source != old.source || request.intervalSeconds != old.intervalSeconds ||
        request.window != old.window)
        refreshUniverse(); // the scanner answers the request on screen, never the previous one
    if (!sameData(request, old)) {
        reload();
        return;
    }
    if (m_result.valid() && !m_result.request.sameQuestion(m_request))
        m_result = {}; // never shown under the new request
    if (request.window != old.window || request.entry != old.entry || request.exit != old.exit) {
        applyOptions();
    } else if (request.method != old.method && !m_result.valid()) {
        buildDisplay();
    }
    if (request.adfTrend != old.adfTrend && m_result.valid()) {
        m_result.request.adfTrend = request.adfTrend; // every trend is computed: the same result answers
        Q_EMIT resultUpdated(m_result);
    }
    updateState();
}

void PairController::setPair(const QString &y, const QString &x)
{
    PairRequest r = m_request;
    r.y = y;
    r.x = x;
    setRequest(r);
}

void PairController::setIntervalSeconds(int seconds)
{
    if (!intervalsOf(m_request.source).contains(seconds))
        return;
    PairRequest r = m_request;
    r.intervalSeconds = seconds;
    setRequest(r);
}

void PairController::setPrice(PairPrice price)
{
    if (price == PairPrice::Mid && m_request.source != BarStore::LiveSource)
        return; // datasets hold trades only
    PairRequest r = m_request;
    r.price = price;
    setRequest(r);
}

QString PairController::priceKey(PairPrice price)
{
    return price == PairPrice::Mid ? QStringLiteral("mid") : QStringLiteral("trades");
}

std::optional<PairPrice> PairController::priceFromKey(const QString &key)
{
    if (key == QLatin1String("trades"))
        return PairPrice::Trades;
    if (key == QLatin1String("mid"))
        return PairPrice::Mid;
    return std::nullopt;
}

void PairController::setWindow(int window)
{
    PairRequest r = m_request;
    r.window = window;
    setRequest(r);
}

void PairController::setMethod(HedgeMethod method)
{
    PairRequest r = m_request;
    r.method = method;
    setRequest(r);
}

void PairController::setAdfTrend(AdfTrend trend)
{
    PairRequest r = m_request;
    r.adfTrend = trend;
    setRequest(r);
}

void PairController::setEntryExit(double entry, double exit)
{
    PairRequest r = m_request;
    r.entry = entry;
    r.exit = exit;
    setRequest(r);
}

void PairController::choosePair(PairRequest &r, const QStringList &symbols) const
{
    r.y = symbols.contains(r.y) ? r.y : symbols.value(0);
    r.x = symbols.contains(r.x) && r.x != r.y ? r.x : symbols.value(1, symbols.value(0));
}

void PairController::setSource(const QString &source)
{
    if (!hasSource(source) || source == m_request.source)
        return;
    PairRequest r = m_request;
    r.source = source;
    if (source != BarStore::LiveSource)
        r.price = PairPrice::Trades; // datasets hold trades only
    const QList<int> intervals = intervalsOf(source);
    if (!intervals.contains(r.intervalSeconds))
        r.intervalSeconds = intervals.value(0, 1);
    const QStringList symbols = symbolsOf(source);
    choosePair(r, symbols);
    m_universe = symbols;
    Q_EMIT universeChanged(m_universe);
    setRequest(r);
    refreshUniverse();
}

void PairController::showSourceWhenAvailable(const QString &source)
{
    m_pendingSource = source;
    refreshSources();
}

void PairController::setLiveSymbols(const QStringList &symbols)
{
    m_liveSymbols = symbols;
    if (m_universe.isEmpty()) {
        m_universe = symbols;
        Q_EMIT universeChanged(m_universe);
    }
    if (m_request.source != BarStore::LiveSource)
        return;
    PairRequest r = m_request;
    choosePair(r, symbols);
    setRequest(r);
}

QStringList PairController::symbolsOf(const QString &source) const
{
    for (const BarStore::DatasetInfo &d : m_datasets)
        if (d.source == source)
            return d.symbols;
    return m_liveSymbols;
}

QList<int> PairController::intervalsOf(const QString &source) const
{
    for (const BarStore::DatasetInfo &d : m_datasets)
        if (d.source == source)
            return d.intervalsSeconds;
    return kLiveIntervals;
}

bool PairController::hasSource(const QString &source) const
{
    if (source == BarStore::LiveSource)
        return true;
    for (const BarStore::DatasetInfo &d : m_datasets)
        if (d.source == source)
            return true;
    return false;
}

void PairController::refreshSources()
{
    const QString db = databaseFor(QString());
    if (db.isEmpty())
        return;
    m_sourceJobs.submit([db] {
        QList<BarStore::DatasetInfo> out;
        QString error;
        Database::withReader(
            db, [&](QSqlDatabase &conn) { out = BarStore::datasets(conn); }, &error);
        return out;
    });
}

void PairController::onDatasets(const QList<BarStore::DatasetInfo> &datasets)
{
    m_datasets = datasets;
    Q_EMIT datasetsChanged();
    if (!hasSource(m_request.source))
        setSource(BarStore::LiveSource);
    if (!m_pendingSource.isEmpty()) {
        const QString pending = m_pendingSource;
        m_pendingSource.clear();
        if (hasSource(pending))
            setSource(pending);
        else // e.g. a workspace's dataset that this database does not hold: say so, never switch silently
            Q_EMIT sourceUnavailable(pending, databaseFor(pending));
    }
}

void PairController::historyLanded(const QString &symbol, int intervalSeconds)
{
    if (m_request.source == BarStore::LiveSource && m_request.price == PairPrice::Trades &&
        intervalSeconds == m_request.intervalSeconds && (symbol == m_request.x || symbol == m_request.y))
        m_historyReload->start(); // a burst of pages reloads once (the exchange's klines are trade bars)
    if (m_request.source == BarStore::LiveSource && intervalSeconds == m_request.intervalSeconds &&
        m_universe.contains(symbol))
        m_universeStale = true; // the next tick of the universe timer scans again
}

void PairController::reload()
{
    m_loads.cancel();
    m_midTails.cancel();
    m_quotePoll->stop();
    m_displays.cancel();
    m_stats.cancel();
    m_service->clear();
    m_tailX = {};
    m_tailY = {};
    m_appended = 0;
    m_result = {};
    m_analytics = {};
    m_failure.clear();
    m_loadError.clear();
    m_loading = false;
    m_historyLoaded = false;
    const PairRequest &r = m_request;
    if (databaseFor(r.source).isEmpty() || r.y.isEmpty() || r.x.isEmpty() || r.y == r.x) {
        m_idleReason = r.y == r.x && !r.y.isEmpty() ? tr("Y and X are the same symbol: choose two.")
                                                    : tr("Choose two symbols.");
        m_epoch = m_service->epoch();
        updateState();
        return;
    }
    m_idleReason.clear();
    Q_EMIT pairChanged(r.y, r.x);
    applyOptions();
    m_loading = true;
    updateState();
    m_loads.submit([db = databaseFor(r.source), r] {
        LoadedLegs legs;
        legs.request = r;
        Database::withReader(
            db,
            [&](QSqlDatabase &conn) {
                auto load = [&](const QString &symbol, CloseSeries &out, Bar &last, bool &have) {
                    std::vector<Bar> bars;
                    if (r.price == PairPrice::Mid) {
                        const std::optional<Interval> interval = liveInterval(r.intervalSeconds);
                        if (r.source != BarStore::LiveSource || !interval) {
                            legs.error = tr("mid prices exist for live 1s, 1m and 5m bars only");
                            return;
                        }
                        bars = midBars(QuoteStore::loadNewest(conn, symbol, *interval, 200000, &legs.error));
                    } else {
                        bars = BarStore::loadBarsSeconds(conn, symbol, r.intervalSeconds, r.source, 200000,
                                                         &legs.error);
                    }
                    out.symbol = symbol;
                    if (r.source == BarStore::LiveSource && !bars.empty()) {
                        last = bars.back(); // possibly still forming: tracked live, not analysed yet
                        have = true;
                        bars.pop_back();
                    }
                    for (const Bar &b : bars) {
                        out.openTimeMs.push_back(b.openMs);
                        out.close.push_back(b.close);
                    }
                };
                load(r.x, legs.x, legs.lastX, legs.haveX);
                load(r.y, legs.y, legs.lastY, legs.haveY);
            },
            &legs.error);
        return legs;
    });
}

void PairController::onHistoryLoaded(const LoadedLegs &legs)
{
    if (!sameData(legs.request, m_request))
        return;
    m_loading = false;
    if (!legs.error.isEmpty()) {
        m_loadError = legs.error;
        updateState();
        return;
    }
    // The newest bar of each leg may still be forming: it is tracked live, not analysed yet.
    if (legs.haveX)
        m_tailX = {legs.lastX.openMs, legs.lastX.close, legs.lastX.lastTradeId, {}};
    if (legs.haveY)
        m_tailY = {legs.lastY.openMs, legs.lastY.close, legs.lastY.lastTradeId, {}};
    m_historyLoaded = true;
    m_service->setSeries(legs.x, legs.y); // the one alignment of the two legs
    m_epoch = m_service->epoch();
    const QString series = QStringLiteral("%1|%2|%3|%4|%5")
                               .arg(legs.request.y, legs.request.x, legs.request.source)
                               .arg(legs.request.intervalSeconds)
                               .arg(priceKey(legs.request.price));
    if (series != m_alertedSeries) {
        m_alertedSeries = series;
        m_alertedUpToMs = std::numeric_limits<qint64>::min();
    }
    if (const AlignedPair &loaded = *m_service->pair(); !loaded.timeMs.empty())
        m_alertedUpToMs = std::max(m_alertedUpToMs, loaded.timeMs.back()); // stored before: not news
    if (legs.request.price == PairPrice::Mid && legs.request.source == BarStore::LiveSource)
        m_quotePoll->start();
    updateState();
}

void PairController::pollMidBars()
{
    if (!m_historyLoaded || m_midTails.isBusy())
        return;
    const PairRequest r = m_request;
    const std::optional<Interval> interval = liveInterval(r.intervalSeconds);
    if (!interval)
        return;
    // From the forming bar of each leg on (or the newest analysed bar when a leg has none yet): stored bars
    // are whole, so re-reading the forming one updates its close.
    const AlignedPair &pair = *m_service->pair();
    const qint64 newest = pair.timeMs.empty() ? 0 : pair.timeMs.back() + 1;
    const qint64 fromX = m_tailX.lastOpen >= 0 ? m_tailX.lastOpen : newest;
    const qint64 fromY = m_tailY.lastOpen >= 0 ? m_tailY.lastOpen : newest;
    m_midTails.submit([db = databaseFor(r.source), r, iv = *interval, fromX, fromY] {
        MidTail tail;
        tail.request = r;
        QString error;
        Database::withReader(
            db,
            [&](QSqlDatabase &conn) {
                const qint64 end = std::numeric_limits<qint64>::max();
                tail.x = midBars(QuoteStore::load(conn, r.x, iv, fromX, end, &error));
                tail.y = midBars(QuoteStore::load(conn, r.y, iv, fromY, end, &error));
            },
            &error);
        return tail; // a failed read finds nothing new this time; the next poll asks again
    });
}

void PairController::applyOptions()
{
    m_displays.cancel();
    m_stats.cancel();
    m_analytics = {};
    m_failure.clear();
    m_service->setOptions(optionsFor(m_request)); // a new epoch: earlier analyses are not published
    m_epoch = m_service->epoch();
}

void PairController::recompute()
{
    m_service->requestFull();
}

void PairController::trackFragments(LegTail &tail, const std::vector<Bar> &bars)
{
    for (const Bar &b : bars) {
        if (b.openMs > tail.lastOpen) {
            if (tail.lastOpen >= 0)
                tail.closed[tail.lastOpen] = tail.lastClose; // a later bar started: the previous one is final
            tail.lastOpen = b.openMs;
            tail.lastClose = b.close;
            tail.lastTradeId = b.lastTradeId;
        } else if (b.openMs == tail.lastOpen && b.lastTradeId >= tail.lastTradeId) {
            tail.lastClose = b.close;
            tail.lastTradeId = b.lastTradeId;
        }
        // Late fragments of older bars are ignored: a closed bar's close is final for the analysis.
    }
}

void PairController::applyBatch(const BarBatch &batch)
{
    if (batch && m_request.source == BarStore::LiveSource && m_universeResult.scan) {
        // A bar of the scanned length opening after the newest bar of the z column means one closed.
        for (const BarUpdate &u : *batch)
            if (pairlab::intervalSeconds(u.interval) == m_universeResult.intervalSeconds && !u.bars.empty())
                m_lastUniverseBarMs = std::max(m_lastUniverseBarMs, qint64(u.bars.back().openMs));
        // The bar after the newest of the z column is the one forming; a bar opening after it closed it.
        const qint64 forming = m_universeResult.zLastMs + qint64(m_universeResult.intervalSeconds) * 1000;
        if (m_lastUniverseBarMs > forming && !m_universeStep->isActive())
            m_universeStep->start();
    }
    if (!batch || !m_historyLoaded || m_request.source != BarStore::LiveSource ||
        m_request.price != PairPrice::Trades)
        return; // mid prices come from the stored quote bars (pollMidBars())
    const SymbolCode x = SymbolCode::fromString(m_request.x), y = SymbolCode::fromString(m_request.y);
    for (const BarUpdate &u : *batch) {
        if (pairlab::intervalSeconds(u.interval) != m_request.intervalSeconds)
            continue;
        if (u.symbol == x)
            trackFragments(m_tailX, u.bars);
        else if (u.symbol == y)
            trackFragments(m_tailY, u.bars);
    }
    appendClosedBars();
}

void PairController::appendClosedBars()
{
    // Bars closed on both legs at the same open time, in time order, newer than the service's newest bar.
    auto ix = m_tailX.closed.begin();
    auto iy = m_tailY.closed.begin();
    while (ix != m_tailX.closed.end() && iy != m_tailY.closed.end()) {
        if (ix->first < iy->first) {
            ix = m_tailX.closed.erase(ix);
        } else if (iy->first < ix->first) {
            iy = m_tailY.closed.erase(iy);
        } else {
            const AlignedPair &pair = *m_service->pair();
            if (pair.timeMs.empty() || ix->first > pair.timeMs.back()) {
                m_failure.clear(); // more bars: an earlier "not possible" may no longer hold
                ++m_appended;
                m_service->appendBar(ix->first, ix->second, iy->second); // publishes at once
            }
            ix = m_tailX.closed.erase(ix);
            iy = m_tailY.closed.erase(iy);
        }
    }
}

void PairController::onAnalytics(const PairAnalytics &a)
{
    if (a.epoch != m_epoch)
        return; // an answer to an earlier request
    emitAlertInputs(a);
    if (a.full && a.full == m_analytics.full) { // same analysis, newer live values
        m_analytics = a;
        if (m_result.valid() && m_result.analytics.full == a.full) {
            m_result.analytics = a;
            Q_EMIT resultUpdated(m_result);
        }
    } else if (a.full) {
        m_failure.clear();
        m_analytics = a;
        buildDisplay();
    }
    updateState();
}

void PairController::onAnalysisFailed(const QString &reason)
{
    m_failure = reason; // the service reports failures of its current epoch only
    m_analytics = {};
    m_result = {};
    m_displays.cancel();
    updateState();
}

void PairController::buildDisplay()
{
    if (!m_analytics.full)
        return;
    m_displays.submit([pair = m_service->pair(), analytics = m_analytics, request = m_request] {
        // The analysis covers a prefix of the aligned bars; chart exactly those.
        const std::size_t n = std::min<std::size_t>(std::size_t(analytics.full->n), pair->size());
        AlignedPair prefix;
        prefix.timeMs.assign(pair->timeMs.begin(), pair->timeMs.begin() + long(n));
        prefix.x.assign(pair->x.begin(), pair->x.begin() + long(n));
        prefix.y.assign(pair->y.begin(), pair->y.begin() + long(n));
        return BuiltDisplay{request, analytics,
                            buildPairDisplay(prefix, *analytics.full, request.method, request.window)};
    });
}

void PairController::onDisplayBuilt(BuiltDisplay built)
{
    if (!built.request.sameQuestion(m_request) || built.analytics.epoch != m_epoch)
        return;
    PairResult r;
    r.request = m_request; // same question, and the epoch's options are the request's window and bands
    r.analytics = m_analytics.full == built.analytics.full ? m_analytics : built.analytics;
    r.display = std::move(built.display);
    r.verdict = verdictFor(*r.analytics.full);
    m_result = std::move(r);
    Q_EMIT resultChanged(m_result);
    updateState();
}

void PairController::updateState()
{
    PairState s;
    s.request = m_request;
    s.bars = int(m_service->pair()->size());
    s.barsNeeded = m_request.barsNeeded();
    if (!m_idleReason.isEmpty()) {
        s.kind = PairState::Kind::Idle;
        s.reason = m_idleReason;
        s.bars = s.barsNeeded = 0;
    } else if (m_loading) {
        s.kind = PairState::Kind::Loading;
        s.bars = 0;
    } else if (!m_loadError.isEmpty()) {
        s.kind = PairState::Kind::NotPossible;
        s.reason = tr("cannot load bars: %1").arg(m_loadError);
    } else if (m_result.valid()) {
        s.kind = PairState::Kind::Ready;
    } else if (s.bars < s.barsNeeded) {
        if (m_request.source == BarStore::LiveSource) { // live bars keep coming
            s.kind = PairState::Kind::Waiting;
        } else {
            s.kind = PairState::Kind::NotPossible;
            s.reason = tr("%1 aligned bars, fewer than the window of %2 (and at least 10 are needed)")
                           .arg(s.bars)
                           .arg(m_request.window);
        }
    } else if (!m_failure.isEmpty()) {
        s.kind = PairState::Kind::NotPossible;
        s.reason = m_failure;
    } else {
        s.kind = PairState::Kind::Computing;
    }
    if (s == m_state)
        return;
    m_state = s;
    Q_EMIT stateChanged(m_state);
}

QString PairController::statusText() const
{
    const PairState &s = m_state;
    const QString y = s.request.y, x = s.request.x;
    const QString bars = s.request.price == PairPrice::Mid
                             ? tr("%1 mid").arg(BarStore::intervalLabel(s.request.intervalSeconds))
                             : BarStore::intervalLabel(s.request.intervalSeconds);
    switch (s.kind) {
    case PairState::Kind::Idle:
        return s.reason;
    case PairState::Kind::Loading:
        return tr("Loading %1 and %2 (%3 bars)…").arg(y, x, bars);
    case PairState::Kind::Waiting:
        if (s.request.price == PairPrice::Mid && s.bars == 0)
            return tr("%1 ~ %2: waiting for bid/ask quotes of both legs (recorded while Settings → Feed → "
                      "Quotes includes them): 0 of %3 %4 bars")
                .arg(y, x)
                .arg(s.barsNeeded)
                .arg(bars);
        return tr("%1 ~ %2: waiting for data: %3 of %4 %5 bars")
            .arg(y, x)
            .arg(s.bars)
            .arg(s.barsNeeded)
            .arg(bars);
    case PairState::Kind::Computing:
        return tr("%1 ~ %2: computing… (%3 aligned %4 bars, window %5)")
            .arg(y, x)
            .arg(s.bars)
            .arg(bars)
            .arg(s.request.window);
    case PairState::Kind::Ready:
        return tr("%1 ~ %2: %3 aligned %4 bars").arg(y, x).arg(s.bars).arg(bars);
    case PairState::Kind::NotPossible:
        return tr("Analysis not possible: %1").arg(s.reason);
    }
    return {};
}

QString PairController::verdictText() const
{
    if (m_result.valid())
        return m_result.verdict.text;
    return m_state.kind == PairState::Kind::NotPossible ? tr("No analysis") : QString();
}

PairVerdict PairController::verdictFor(const PairAnalysis &analysis)
{
    if (!analysis.ok())
        return {PairVerdict::Level::None, tr("No analysis")};
    const double p = analysis.coint.pvalue;
    if (std::isfinite(p) && p < 0.01)
        return {PairVerdict::Level::At1Percent, tr("Cointegrated at 1%")};
    if (std::isfinite(p) && p < 0.05)
        return {PairVerdict::Level::At5Percent, tr("Cointegrated at 5%")};
    if (std::isfinite(p) && p < 0.10)
        return {PairVerdict::Level::At10Percent, tr("Weak: cointegrated at 10% only")};
    return {PairVerdict::Level::NotCointegrated, tr("Not cointegrated")};
}

void PairController::emitAlertInputs(const PairAnalytics &a)
{
    const AlignedPair &pair = *m_service->pair();
    if (m_request.source != BarStore::LiveSource || pair.size() < 2 || a.bars <= 0 ||
        a.lastTimeMs <= m_alertedUpToMs)
        return; // a dataset, too little, or a bar already judged (republished by a reload or recompute)
    m_alertedUpToMs = a.lastTimeMs;
    AlertMarketInputs market;
    const std::size_t n = pair.size();
    market.priceX = pair.x[n - 1];
    market.priceY = pair.y[n - 1];
    market.previousPriceX = pair.x[n - 2];
    market.previousPriceY = pair.y[n - 2];
    Q_EMIT alertInputs(alertPairName(m_request.x, m_request.y), alertVariablesFrom(a, market));
}

void PairController::setUniverse(const QStringList &list)
{
    QStringList symbols;
    for (const QString &s : list) {
        const QString sym = s.trimmed().toUpper();
        if (!sym.isEmpty() && !symbols.contains(sym))
            symbols << sym;
    }
    if (symbols != m_universe) {
        m_universe = symbols;
        Q_EMIT universeChanged(m_universe);
    }
    m_universePaused = false;
    refreshUniverse();
}

void PairController::refreshUniverse()
{
    if (databaseFor(m_request.source).isEmpty() || m_universe.size() < 2)
        return;
    // The scanner looks at the newest 5,000 bars of each pair (300 symbols: 44,850 pairs in a few seconds on
    // two cores). The full scan is redone every kFullScanEveryMs (sooner while its table is young); between
    // full scans each closed bar refreshes z (stepUniverse()); the last complete scan stays on screen.
    m_universePaused = false;
    m_universeStale = false;
    m_sinceFullScan.start();
    m_universeSteps.cancel(); // a step on the previous scan would no longer be shown
    // Each scan counts into its own counter (a stopped one still running cannot move the next one's bar); the
    // workers report out of order, so the count only grows.
    m_scanDone = std::make_shared<std::atomic<qint64>>(0);
    m_scanTotal->store(qint64(m_universe.size()) * (m_universe.size() - 1) / 2);
    m_universeJobs.submit([db = databaseFor(m_request.source), symbols = m_universe, r = m_request,
                           done = m_scanDone](const std::atomic<bool> &cancel) {
        return loadUniverse(db, symbols, r.intervalSeconds, r.source, r.window, 5000, &cancel,
                            [done](qsizetype d, qsizetype) {
                                qint64 seen = done->load();
                                while (seen < d && !done->compare_exchange_weak(seen, d)) {
                                }
                            });
    });
    m_universeProgressTimer->start();
}

void PairController::stepUniverse()
{
    const UniverseResult &r = m_universeResult;
    if (!r.scan || m_universeJobs.isBusy() || m_universePaused || r.source != BarStore::LiveSource ||
        r.source != m_request.source || r.intervalSeconds != m_request.intervalSeconds ||
        r.window != m_request.window || r.symbols != m_universe)
        return;
    if (m_universeSteps.isBusy()) {
        m_universeStep->start(); // once the running step is in, so that it builds on it
        return;
    }
    ++m_liveStepsStarted;
    m_universeSteps.submit(
        [db = databaseFor(r.source), r] { return loadUniverseAdvance(db, r, r.intervalSeconds); });
}

void PairController::cancelUniverseScan()
{
    m_universePaused = true;
    if (!m_universeJobs.isBusy())
        return;
    m_universeJobs.cancel();
    m_universeProgressTimer->stop();
    Q_EMIT universeProgress(0, 0);
    Q_EMIT universeScanCancelled();
}

void PairController::refreshStats(qint64 visibleFrom, qint64 visibleTo)
{
    if (!m_result.valid() || m_result.display.empty())
        return;
    m_stats.submit([r = m_result, visibleFrom, visibleTo] {
        return BuiltStats{r.request,
                          LegStatsModel::scopesOf(r.display, *r.analytics.full, visibleFrom, visibleTo,
                                                  r.request.window, r.request.y, r.request.x,
                                                  barsPerYear(r.request.intervalSeconds))};
    });
}

} // namespace pairlab
