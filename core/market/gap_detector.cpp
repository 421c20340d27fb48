#include "market/gap_detector.h"

namespace pairlab {

QString gapStateName(GapState state)
{
    switch (state) {
    case GapState::Open:
        return QStringLiteral("open");
    case GapState::Filled:
        return QStringLiteral("filled");
    case GapState::Unfillable:
        return QStringLiteral("unfillable");
    }
    return QStringLiteral("open");
}

GapState gapStateFromName(const QString &name)
{
    if (name == QLatin1String("filled"))
        return GapState::Filled;
    if (name == QLatin1String("unfillable"))
        return GapState::Unfillable;
    return GapState::Open;
}

void GapDetector::feed(std::span<const Tick> ticks, std::int64_t nowMs)
{
    for (const Tick &t : ticks) {
        SymbolState &s = m_symbols[t.symbol];
        if (s.lastId >= 0 && t.tradeId <= s.lastId) {
            absorbLate(t); // a repeat or an overlap is no gap; a late tick may close part of one
            continue;
        }
        if (s.pendingGap >= 0) {
            Pending &p = m_pending[std::size_t(s.pendingGap)];
            if (!s.run.empty() && sameRun(s.run.back(), t) && p.gap.edge.size() < MaxEdge * 2) {
                p.gap.edge.push_back(t);
            } else {
                p.runEnded = true;
                s.pendingGap = -1;
            }
        }
        if (s.lastId >= 0 && t.tradeId > s.lastId + 1) {
            Pending p;
            p.gap.symbol = t.symbol;
            p.gap.fromId = s.lastId + 1;
            p.gap.toId = t.tradeId - 1;
            p.gap.fromMs = s.lastMs;
            p.gap.toMs = t.tsMs;
            p.gap.detectedMs = nowMs;
            p.gap.edge = s.run; // the run that ends at the gap
            p.gap.edge.push_back(t);
            m_pending.push_back(std::move(p));
            s.pendingGap = int(m_pending.size()) - 1;
            ++m_detected;
        }
        if (!s.run.empty() && sameRun(s.run.back(), t) && s.run.size() < MaxEdge)
            s.run.push_back(t);
        else
            s.run.assign(1, t);
        s.lastId = t.tradeId;
        s.lastMs = t.tsMs;
    }
}

std::vector<TradeGap> GapDetector::takeSettled(std::int64_t nowMs)
{
    std::vector<TradeGap> out;
    std::vector<Pending> keep;
    for (Pending &p : m_pending) {
        if (p.gap.count() <= 0)
            continue; // closed by late ticks
        const std::int64_t age = nowMs - p.gap.detectedMs;
        if ((p.runEnded && age >= m_settleMs) || (m_settleMs > 0 && age >= 4 * m_settleMs))
            out.push_back(std::move(p.gap));
        else
            keep.push_back(std::move(p));
    }
    m_pending = std::move(keep);
    // Re-point the symbols' growing gaps at their new places.
    for (auto it = m_symbols.begin(); it != m_symbols.end(); ++it)
        it->pendingGap = -1;
    for (std::size_t i = 0; i < m_pending.size(); ++i)
        if (!m_pending[i].runEnded)
            m_symbols[m_pending[i].gap.symbol].pendingGap = int(i);
    return out;
}

std::vector<TradeGap> GapDetector::takeAll()
{
    for (Pending &p : m_pending)
        p.runEnded = true;
    const std::int64_t settle = m_settleMs;
    m_settleMs = 0;
    std::vector<TradeGap> out = takeSettled();
    m_settleMs = settle;
    return out;
}

void GapDetector::absorbLate(const Tick &t)
{
    const std::size_t n = m_pending.size();
    for (std::size_t i = 0; i < n; ++i) {
        TradeGap &g = m_pending[i].gap;
        if (g.symbol != t.symbol || t.tradeId < g.fromId || t.tradeId > g.toId)
            continue;
        if (t.tradeId == g.fromId) {
            ++g.fromId;
            g.fromMs = t.tsMs;
        } else if (t.tradeId == g.toId) {
            --g.toId;
            g.toMs = t.tsMs;
        } else { // split: the part after the late tick becomes a gap of its own
            Pending rest = m_pending[i];
            rest.gap.fromId = t.tradeId + 1;
            rest.gap.fromMs = t.tsMs;
            g.toId = t.tradeId - 1;
            g.toMs = t.tsMs;
            m_pending[i].runEnded = true; // the late tick is what follows the first part
            const bool growing = !rest.runEnded;
            m_pending.push_back(std::move(rest));
            if (growing)
                m_symbols[t.symbol].pendingGap = int(m_pending.size()) - 1;
        }
        return;
    }
}

void GapDetector::seed(const SymbolCode &symbol, std::int64_t lastId, std::int64_t lastMs)
{
    SymbolState &s = m_symbols[symbol];
    if (lastId <= s.lastId)
        return;
    s.lastId = lastId;
    s.lastMs = lastMs;
    s.run.clear();
}

std::int64_t GapDetector::lastId(const SymbolCode &symbol) const
{
    const auto it = m_symbols.constFind(symbol);
    return it == m_symbols.constEnd() ? -1 : it->lastId;
}

} // namespace pairlab
