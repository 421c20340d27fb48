#include "pair_research_panel.h"

#include "analytics/series_stats.h"
#include "backtest/ratio_view.h"
#include "charts/scan_scatter_view.h"
#include "charts/time_series_chart_view.h"
#include "controllers/pair_controller.h"
#include "dialogs/universe_dialog.h"
#include "models/analysis_choices.h"
#include "models/axis_scale.h"
#include "models/leg_stats_model.h"
#include "models/universe.h"

#include <QCheckBox>
#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace pairlab {

namespace {

QString num(double v, int precision = 4)
{
    return std::isfinite(v) ? QString::number(v, 'g', precision) : QStringLiteral("—");
}

/** Paints a correlation cell: blue for +1, white for 0, red for -1, the value on top. */
/** The scanner's sort proxy; with "candidates only" it shows the rows the model's ScanFilter accepts. */
class CandidateProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setCandidatesOnly(bool only)
    {
        m_only = only;
        invalidateRowsFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        return !m_only || sourceModel()->index(row, 0, parent).data(PairScannerModel::CandidateRole).toBool();
    }

private:
    bool m_only = false;
};

class CorrelationDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const double v = index.data(CorrelationMatrixModel::ValueRole).toDouble();
        QColor c = option.palette.color(QPalette::Base);
        if (std::isfinite(v)) {
            const double a = std::clamp(std::fabs(v), 0.0, 1.0);
            const QColor end = v >= 0 ? QColor(0x15, 0x65, 0xc0) : QColor(0xc6, 0x28, 0x28);
            c = QColor::fromRgbF(float(1.0 + (end.redF() - 1.0) * a), float(1.0 + (end.greenF() - 1.0) * a),
                                 float(1.0 + (end.blueF() - 1.0) * a));
        }
        painter->fillRect(option.rect, c);
        if (option.state & QStyle::State_Selected) {
            painter->setPen(QPen(option.palette.color(QPalette::Highlight), 2));
            painter->drawRect(option.rect.adjusted(1, 1, -1, -1));
        }
        painter->setPen(std::isfinite(v) && std::fabs(v) > 0.6 ? Qt::white : Qt::black);
        painter->drawText(option.rect, Qt::AlignCenter, index.data().toString());
    }
};

bool writeFile(QWidget *parent, const QString &title, const QString &suggested, const QByteArray &data)
{
    const QString path =
        QFileDialog::getSaveFileName(parent, title, suggested, QObject::tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return false;
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        QMessageBox::warning(parent, title, QObject::tr("Cannot write %1: %2").arg(path, f.errorString()));
        return false;
    }
    return true;
}

QString verdictColour(PairVerdict::Level level)
{
    switch (level) {
    case PairVerdict::Level::At1Percent:
    case PairVerdict::Level::At5Percent:
        return QStringLiteral("#2e7d32");
    case PairVerdict::Level::At10Percent:
        return QStringLiteral("#f9a825");
    case PairVerdict::Level::None:
    case PairVerdict::Level::NotCointegrated:
        break;
    }
    return QStringLiteral("#c62828");
}

} // namespace

PairResearchPanel::PairResearchPanel(PairController *controller, TimeSeriesChartView *rangeChart,
                                     QWidget *parent)
    : QWidget(parent), m_controller(controller), m_rangeChart(rangeChart), m_tabs(new QTabWidget(this)),
      m_summary(new QLabel(this)), m_universeEdit(new QLineEdit(this)),
      m_corrModel(new CorrelationMatrixModel(this)), m_scanModel(new PairScannerModel(this)),
      m_statsModel(new LegStatsModel(this)), m_statsTimer(new QTimer(this))
{
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setMinimumWidth(240);
    m_summary->setWordWrap(true); // long lines wrap inside the panel instead of pushing the values out
    m_summary->setMargin(8);
    auto *scroll = new QScrollArea(m_tabs);
    scroll->setWidget(m_summary);
    scroll->setWidgetResizable(true);
    m_tabs->addTab(scroll, tr("Summary"));
    m_tabs->addTab(buildStatsPage(), tr("Statistics"));
    m_tabs->addTab(buildCorrelationPage(), tr("Correlation"));
    m_tabs->addTab(buildScannerPage(), tr("Scanner"));

    m_universeEdit->setPlaceholderText(tr("symbols, comma-separated"));
    m_universeEdit->setToolTip(tr("Symbols of the correlation matrix and the pair scanner"));
    m_universeEdit->setText(m_controller->universe().join(QStringLiteral(", ")));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *ul = new QHBoxLayout;
    auto *ulabel = new QLabel(tr("&Universe:"), this);
    ulabel->setBuddy(m_universeEdit);
    ul->addWidget(ulabel);
    ul->addWidget(m_universeEdit, 1);
    m_chooseUniverse = new QPushButton(tr("C&hoose…"), this);
    m_chooseUniverse->setToolTip(tr("Pick the universe from the exchange's perpetuals: search, top by 24 h "
                                    "volume, all, a saved list"));
    m_chooseUniverse->setEnabled(false);
    connect(m_chooseUniverse, &QPushButton::clicked, this, &PairResearchPanel::chooseUniverse);
    ul->addWidget(m_chooseUniverse);
    layout->addLayout(ul);
    layout->addWidget(m_tabs, 1);

    connect(m_universeEdit, &QLineEdit::editingFinished, this,
            [this] { m_controller->setUniverse(m_universeEdit->text().split(QLatin1Char(','))); });
    connect(m_controller, &PairController::universeChanged, this, [this](const QStringList &symbols) {
        m_universeEdit->setText(symbols.join(QStringLiteral(", ")));
    });
    connect(m_controller, &PairController::universeReady, this, [this](const UniverseResult &r) {
        m_corrModel->setResult(r);
        // Each correlation on screen says over which bars it is computed (the matrix, the scanner and the
        // summary use different ranges).
        const auto utc = [](qint64 ms) {
            return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        };
        m_corrBasis->setText(r.commonBars > 0
                                 ? tr("Log returns on the %1 bars all %2 symbols share, %3 to %4 UTC.")
                                       .arg(QLocale().toString(r.commonBars))
                                       .arg(r.symbols.size())
                                       .arg(utc(r.firstMs), utc(r.lastMs))
                                 : tr("No bars that all symbols share yet."));
        m_scanModel->setRows(r.rows);
        m_scatter->setRows(r.rows, m_scanModel->filter());
        renderScanBasis(r);
        Q_EMIT universeUpdated();
    });

    m_statsTimer->setSingleShot(true);
    m_statsTimer->setInterval(200);
    connect(m_statsTimer, &QTimer::timeout, this,
            [this] { m_controller->refreshStats(m_rangeChart->rangeFrom(), m_rangeChart->rangeTo()); });
    connect(m_controller, &PairController::resultChanged, m_statsTimer, qOverload<>(&QTimer::start));
    connect(m_rangeChart, &TimeSeriesChartView::userRangeChanged, m_statsTimer, qOverload<>(&QTimer::start));
    connect(m_rangeChart, &TimeSeriesChartView::userReset, m_statsTimer, qOverload<>(&QTimer::start));
    connect(m_controller, &PairController::statsReady, this,
            [this](const std::vector<LegStatsModel::Scoped> &scopes) {
                m_statsModel->setScopes(scopes);
                Q_EMIT statsUpdated();
            });

    connect(m_controller, &PairController::stateChanged, this, [this](const PairState &s) {
        if (s.kind != PairState::Kind::Ready)
            m_statsModel->setScopes({}); // statistics of an earlier request are not shown under this one
        renderSummary();
    });
    connect(m_controller, &PairController::resultChanged, this, &PairResearchPanel::renderSummary);
    connect(m_controller, &PairController::resultUpdated, this, &PairResearchPanel::renderSummary);
    renderSummary();
}

QWidget *PairResearchPanel::buildStatsPage()
{
    auto *page = new QWidget(m_tabs);
    auto *view = new QTableView(page);
    view->setModel(m_statsModel);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *exportButton = new QPushButton(tr("Export statistics CSV…"), page);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        writeFile(this, tr("Export statistics"), QStringLiteral("statistics.csv"), m_statsModel->toCsv());
    });
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(view, 1);
    layout->addWidget(exportButton, 0, Qt::AlignRight);
    return page;
}

QWidget *PairResearchPanel::buildCorrelationPage()
{
    auto *page = new QWidget(m_tabs);
    m_heatmap = new QTableView(page);
    m_heatmap->setModel(m_corrModel);
    m_heatmap->setItemDelegate(new CorrelationDelegate(m_heatmap));
    m_heatmap->setSelectionMode(QAbstractItemView::SingleSelection);
    m_heatmap->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_heatmap->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_heatmap->setToolTip(tr("Correlation of log returns on common bars; click a cell to analyse that pair"));
    connect(m_heatmap, &QTableView::clicked, this, [this](const QModelIndex &i) {
        if (i.row() != i.column()) // the headers name the symbols in the order shown (clustered or not)
            Q_EMIT pairChosen(m_corrModel->headerData(i.row(), Qt::Vertical).toString(),
                              m_corrModel->headerData(i.column(), Qt::Horizontal).toString());
    });
    m_corrModel->setClustered(true);
    auto *cluster = new QCheckBox(tr("&Cluster related symbols"), page);
    cluster->setChecked(true);
    cluster->setToolTip(
        tr("Order rows and columns by an average-linkage clustering of 1 − correlation, so that "
           "symbols that move together sit together"));
    connect(cluster, &QCheckBox::toggled, m_corrModel, &CorrelationMatrixModel::setClustered);
    auto *exportButton = new QPushButton(tr("Export matrix CSV…"), page);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        writeFile(this, tr("Export correlation matrix"), QStringLiteral("correlation.csv"),
                  m_corrModel->toCsv());
    });
    m_corrBasis = new QLabel(page);
    m_corrBasis->setWordWrap(true);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_corrBasis);
    layout->addWidget(m_heatmap, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(cluster);
    bottom->addStretch(1);
    bottom->addWidget(exportButton);
    layout->addLayout(bottom);
    return page;
}

QWidget *PairResearchPanel::buildScannerPage()
{
    auto *page = new QWidget(m_tabs);
    auto *proxy = new CandidateProxy(this);
    proxy->setSourceModel(m_scanModel);
    proxy->setSortRole(Qt::EditRole);
    m_candidatesOnly = new QCheckBox(tr("C&andidates only"), page);
    m_candidatesOnly->setToolTip(m_scanModel->filter().describe());
    connect(m_candidatesOnly, &QCheckBox::toggled, proxy, &CandidateProxy::setCandidatesOnly);
    m_scanBasis = new QLabel(page);
    m_scanBasis->setObjectName(QStringLiteral("scanBasis"));
    m_scanBasis->setWordWrap(true);
    m_scanner = new QTableView(page);
    m_scanner->setModel(proxy);
    m_scanner->setSortingEnabled(true);
    m_scanner->sortByColumn(PairScannerModel::ZScore, Qt::DescendingOrder);
    m_scanner->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_scanner->verticalHeader()->hide();
    m_scanner->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_scanner, &QTableView::clicked, this, [this](const QModelIndex &i) {
        Q_EMIT pairChosen(i.data(PairScannerModel::SymbolYRole).toString(),
                          i.data(PairScannerModel::SymbolXRole).toString());
    });
    m_scanProgress = new QProgressBar(page);
    m_scanProgress->setTextVisible(true);
    m_scanProgress->setFormat(tr("%v of %m pairs"));
    m_scanProgress->hide();
    m_scanCancel = new QPushButton(tr("Stop"), page);
    m_scanCancel->setToolTip(tr("Stop this scan; the table keeps the last complete one and is not rescanned "
                                "until you ask"));
    m_scanCancel->hide();
    auto *rescan = new QPushButton(tr("&Rescan"), page);
    rescan->setToolTip(tr("Scan the universe again now (it is rescanned every 5 s otherwise)"));
    connect(m_scanCancel, &QPushButton::clicked, m_controller, &PairController::cancelUniverseScan);
    connect(rescan, &QPushButton::clicked, m_controller, &PairController::refreshUniverse);
    connect(m_controller, &PairController::universeProgress, this, [this](qint64 done, qint64 total) {
        // Shown only for scans long enough to watch (a few hundred pairs and more).
        const bool running = total > 0 && done < total;
        if (running) {
            m_scanProgress->setRange(0, int(total));
            m_scanProgress->setValue(int(done));
        }
        m_scanProgress->setVisible(running);
        m_scanCancel->setVisible(running);
    });
    connect(m_controller, &PairController::universeScanCancelled, this, [this] {
        m_scanBasis->setText(
            tr("Scan stopped: the table shows the last complete scan. Rescan to start again."));
    });
    auto *layout = new QVBoxLayout(page);
    auto *top = new QHBoxLayout;
    top->addWidget(m_candidatesOnly);
    top->addStretch(1);
    top->addWidget(m_scanProgress, 2);
    top->addWidget(m_scanCancel);
    top->addWidget(rescan);
    layout->addLayout(top);
    layout->addWidget(m_scanBasis);
    m_scatter = new ScanScatterView(page);
    connect(m_scatter, &ScanScatterView::pairChosen, this, &PairResearchPanel::pairChosen);
    auto *split = new QSplitter(Qt::Vertical, page);
    split->addWidget(m_scanner);
    split->addWidget(m_scatter);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);
    return page;
}

void PairResearchPanel::renderScanBasis(const UniverseResult &r)
{
    const int pairs = m_scanModel->rowCount();
    if (pairs == 0) {
        m_scanBasis->setText(tr("No pairs yet: the universe needs two symbols with bars."));
        return;
    }
    const auto utc = [](qint64 ms, const QString &format) {
        return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(format);
    };
    const QString barTime = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    QString text = tr("Candidates: %1 of %2 pairs (%3).")
                       .arg(QLocale().toString(m_scanModel->candidateCount()), QLocale().toString(pairs),
                            m_scanModel->filter().describe());
    // Which bars each column stands on: the full scan fixes hedge, tests, half-life, Hurst and crossings; the
    // live steps after it move z on with that hedge.
    if (r.scanLastMs > 0)
        text += QLatin1Char(' ') +
                tr("Hedge and tests: each pair's bars (the newest %1 %2 bars) up to the bar "
                   "of %3 UTC, scanned at %4 UTC. z over %5 bars with that hedge, up to "
                   "the bar of %6 UTC.")
                    .arg(QLocale().toString(r.maxBars), BarStore::intervalLabel(r.intervalSeconds),
                         utc(r.scanLastMs, barTime), utc(r.scannedAtMs, QStringLiteral("HH:mm:ss")))
                    .arg(r.window)
                    .arg(utc(r.zLastMs, barTime));
    m_scanBasis->setText(text);
}

void PairResearchPanel::setSymbolCatalog(SymbolCatalogController *catalog)
{
    m_catalog = catalog;
    m_chooseUniverse->setEnabled(catalog != nullptr);
}

void PairResearchPanel::chooseUniverse()
{
    if (!m_catalog)
        return;
    UniverseDialog dialog(m_catalog, m_controller->universe(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_controller->setUniverse(dialog.symbols());
    if (dialog.streamLive())
        Q_EMIT streamRequested(dialog.symbols());
}

QString PairResearchPanel::summaryText() const
{
    return m_summary->text();
}

void PairResearchPanel::renderSummary()
{
    const PairState &state = m_controller->state();
    const PairResult &r = m_controller->result();
    if (state.kind == PairState::Kind::NotPossible) {
        m_summary->setText(tr("<b>No analysis:</b> %1").arg(state.reason.toHtmlEscaped()));
        return;
    }
    if (state.kind != PairState::Kind::Ready || !r.valid()) {
        m_summary->setText(QStringLiteral("<i>%1</i>").arg(m_controller->statusText().toHtmlEscaped()));
        return;
    }
    // Every label comes from the request the result answers, never from the controls.
    const PairRequest &q = r.request;
    const PairAnalysis &f = *r.analytics.full;
    const LivePairState::Update &live = r.analytics.live;
    const AdfResult &adf =
        q.adfTrend == AdfTrend::ConstantTrend ? f.adfCt : (q.adfTrend == AdfTrend::None ? f.adfN : f.adfC);
    const QString colour = verdictColour(r.verdict.level);
    // The z of the method on screen (the Kalman z is e/sqrt(S), not the static spread's rolling z).
    const double lastZ =
        r.display.zscore && !r.display.zscore->empty() ? r.display.zscore->back() : live.zscore;
    // Neutral: the theme's text colour (rich text has no "inherit": it painted black on the dark theme).
    QString zColour = palette().color(QPalette::WindowText).name();
    QString zNote;
    if (std::isfinite(lastZ) && std::fabs(lastZ) > q.entry) {
        zColour = QStringLiteral("#c62828");
        zNote = lastZ > 0 ? tr("above +entry: short spread") : tr("below −entry: long spread");
    } else if (std::isfinite(lastZ) && std::fabs(lastZ) < q.exit) {
        zColour = QStringLiteral("#2e7d32");
        zNote = tr("inside ±exit");
    }
    auto row = [](const QString &k, const QString &v) {
        return QStringLiteral("<tr><td>%1</td><td align=right>%2</td></tr>").arg(k, v);
    };
    auto heading = [](const QString &title) {
        return QStringLiteral("<tr><th colspan=2 align=left>%1</th></tr>").arg(title);
    };
    QString html;
    html +=
        QStringLiteral("<h3 style='color:%1;margin:0'>%2</h3>").arg(colour, r.verdict.text.toHtmlEscaped());
    // The basis: how many bars of which length, and whether of trade closes or bid/ask mids.
    html +=
        (q.price == PairPrice::Mid ? tr("<p style='margin-top:2px'>%1 ~ %2 · %3 bid/ask mid bars of %4 · "
                                        "window %5</p>")
                                   : tr("<p style='margin-top:2px'>%1 ~ %2 · %3 bars of %4 · window %5</p>"))
            .arg(q.y, q.x)
            .arg(f.n)
            .arg(BarStore::intervalLabel(q.intervalSeconds))
            .arg(f.window);
    const QString zBasis =
        r.display.method == HedgeMethod::Kalman
            ? tr("Kalman innovation e/√S")
            : tr("%1 spread, rolling %2").arg(hedgeMethodName(r.display.method)).arg(f.window);
    html += QStringLiteral("<p style='font-size:large'>") + tr("last z") +
            QStringLiteral(" <b style='color:%1'>%2</b> <small>%3<br>%4</small></p>")
                .arg(zColour, num(lastZ, 3), zNote.toHtmlEscaped(), zBasis.toHtmlEscaped());
    html += QStringLiteral("<table cellspacing=3>");
    html += heading(tr("Hedge ratio β"));
    html += row(tr("OLS"), QStringLiteral("%1 <small>± %2, R² %3</small>")
                               .arg(num(f.ols.beta, 6), num(f.ols.betaSe, 2), num(f.ols.r2, 4)));
    html += row(tr("Huber"), num(f.huber.beta, 6));
    html += row(tr("Theil-Sen"), QStringLiteral("%1 <small>[%2, %3]</small>")
                                     .arg(num(f.theilSen.slope, 6), num(f.theilSen.lowSlope, 5),
                                          num(f.theilSen.highSlope, 5)));
    html += row(tr("Kalman β_t (last)"), num(f.kalmanSpreadLast.beta, 6));
    html += heading(tr("Stationarity of the OLS spread"));
    html += row(tr("ADF (%1) statistic").arg(adfTrendKey(q.adfTrend)), num(adf.stat, 5));
    html += row(tr("p-value"), num(adf.pvalue, 4));
    html += row(tr("lag / nobs"), QStringLiteral("%1 / %2").arg(adf.usedlag).arg(adf.nobs));
    html += row(tr("critical 1% / 5% / 10%"),
                QStringLiteral("%1 / %2 / %3").arg(num(adf.crit[0]), num(adf.crit[1]), num(adf.crit[2])));
    html += row(tr("Engle-Granger p-value"),
                QStringLiteral("<b style='color:%1'>%2</b>").arg(colour, num(f.coint.pvalue, 4)));
    html += heading(tr("Mean reversion"));
    html +=
        row(tr("half-life"), f.halfLife.ok() ? tr("%1 bars (%2)")
                                                   .arg(num(f.halfLife.halfLife, 3),
                                                        durationText(f.halfLife.halfLife * q.intervalSeconds))
                                             : tr("none (λ ≥ 0)"));
    html += row(tr("Hurst"), num(f.hurst, 3));
    html += row(tr("corr prices / returns, last %1 bars").arg(f.window),
                QStringLiteral("%1 / %2").arg(num(live.corrPrice, 3), num(live.corrLogReturn, 3)));
    // CONVENTIONS §12 on the static OLS spread: not the Backtest dialog's model (its hedge, fees,
    // slippage and sizing), so it is labelled as what it is.
    const qint64 span =
        r.display.time && !r.display.time->empty() ? r.display.time->back() - r.display.time->front() : 0;
    const RatioView sharpe =
        ratioView(f.backtest.sharpeNet, f.backtest.trades, span, barsPerYear(q.intervalSeconds));
    html += heading(tr("Quick backtest"));
    html += row(tr("trades / net P&L"),
                QStringLiteral("%1 / %2").arg(f.backtest.trades).arg(num(f.backtest.netPnl, 5)));
    html += row(tr("net Sharpe"), sharpe.text.toHtmlEscaped());
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p><small>%1 %2</small></p>")
                .arg(tr("Static OLS spread, entry ±%1, exit ±%2, cost 2 spread units per side, no fees; "
                        "Analysis → Backtest runs the full model.")
                         .arg(num(q.entry, 3), num(q.exit, 3))
                         .toHtmlEscaped(),
                     sharpe.basis.toHtmlEscaped() + QLatin1Char('.'));
    m_summary->setText(html);
}

} // namespace pairlab
