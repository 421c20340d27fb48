#include "pair_workspace.h"

#include "models/analysis_choices.h"

#include "alerts/alert_engine.h"
#include "analytics/pair_analytics_service.h"
#include "charts/time_series_chart_view.h"
#include "models/leg_stats_model.h"
#include "models/universe.h"
#include "storage/bar_store.h"
#include "storage/database.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QPainter>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QFileDialog>
#include <QMessageBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <cmath>

namespace pairlab {

namespace {

struct LoadedLegs
{
    CloseSeries x, y;
    Bar lastX, lastY; // the newest bar of each leg, possibly still forming
    bool haveX = false, haveY = false;
    QString error;
    quint64 generation = 0;
};

QString num(double v, int precision = 4)
{
    return std::isfinite(v) ? QString::number(v, 'g', precision) : QStringLiteral("—");
}

} // namespace

PairWorkspace::PairWorkspace(QWidget *parent)
    : QWidget(parent), m_group(new ChartGroup(this)), m_service(new PairAnalyticsService(this)),
      m_displayWatcher(new QFutureWatcher<PairDisplay>(this))
{
    m_service->setHeavyIntervalMs(3000);
    auto *controls = new QHBoxLayout;
    m_yBox = new QComboBox(this);
    m_xBox = new QComboBox(this);
    m_yBox->setToolTip(tr("Dependent leg Y"));
    m_xBox->setToolTip(tr("Regressor leg X"));
    m_swap = new QToolButton(this);
    m_swap->setText(tr("⇄ Swap"));
    m_swap->setToolTip(tr("Swap Y and X"));
    m_source = BarStore::LiveSource;
    m_sourceBox = new QComboBox(this);
    m_sourceBox->addItem(tr("Live"), BarStore::LiveSource);
    m_sourceBox->setToolTip(tr("Analyse the live bars or an imported dataset"));
    m_intervalBox = new QComboBox(this);
    fillIntervals({1, 60, 300});
    m_windowBox = new QSpinBox(this);
    m_windowBox->setRange(5, 100000);
    m_windowBox->setValue(120);
    m_windowBox->setToolTip(tr("Rolling window in bars (z-score, correlations, rolling β)"));
    m_methodBox = new QComboBox(this);
    for (const HedgeMethodChoice &c : hedgeMethodChoices())
        m_methodBox->addItem(hedgeMethodName(c.method), int(c.method));
    m_trendBox = new QComboBox(this);
    for (const AdfTrendChoice &c : adfTrendChoices())
        m_trendBox->addItem(tr("ADF: %1").arg(adfTrendLabel(c.trend)), QString::fromLatin1(c.key));
    m_entryBox = new QDoubleSpinBox(this);
    m_entryBox->setRange(0.1, 10);
    m_entryBox->setValue(2.0);
    m_entryBox->setPrefix(tr("entry ±"));
    m_exitBox = new QDoubleSpinBox(this);
    m_exitBox->setRange(0.0, 10);
    m_exitBox->setValue(0.5);
    m_exitBox->setPrefix(tr("exit ±"));
    auto *recompute = new QPushButton(tr("Recompute"), this);
    recompute->setToolTip(tr("Run the full analysis (ADF, Engle-Granger, Huber, Theil-Sen) now"));
    auto addLabelled = [&](const QString &label, QWidget *w) {
        auto *l = new QLabel(label, this);
        l->setBuddy(w);
        controls->addWidget(l);
        controls->addWidget(w);
    };
    addLabelled(tr("&Data:"), m_sourceBox);
    addLabelled(tr("&Y:"), m_yBox);
    controls->addWidget(m_swap);
    addLabelled(tr("&X:"), m_xBox);
    controls->addSpacing(8);
    addLabelled(tr("Time&frame:"), m_intervalBox);
    addLabelled(tr("&Window:"), m_windowBox);
    controls->addStretch(1);
    auto *controls2 = new QHBoxLayout;
    auto *hedgeLabel = new QLabel(tr("&Hedge:"), this);
    hedgeLabel->setBuddy(m_methodBox);
    controls2->addWidget(hedgeLabel);
    controls2->addWidget(m_methodBox);
    controls2->addWidget(m_trendBox);
    controls2->addWidget(m_entryBox);
    controls2->addWidget(m_exitBox);
    controls2->addWidget(recompute);
    auto *exportButton = new QPushButton(tr("Export pair CSV…"), this);
    exportButton->setToolTip(tr("ts_ms, x, y, beta, spread, z-score, correlations of every bar shown"));
    controls2->addWidget(exportButton);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export pair series"),
                                                          QStringLiteral("%1-%2-%3.csv").arg(symbolY(), symbolX(), BarStore::intervalLabel(m_intervalSeconds)),
                                                          tr("CSV files (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportPairSeriesCsv(m_display, path, &error))
            QMessageBox::warning(this, tr("Export pair series"), error);
    });

    m_priceChart = new TimeSeriesChartView(tr("Both legs, normalised to 100"), this);
    m_priceChart->addCurve(tr("Y"), QColor(0xf5, 0x7c, 0x00));
    m_priceChart->addCurve(tr("X"), QColor(0x19, 0x76, 0xd2));
    m_spreadChart = new TimeSeriesChartView(tr("Spread y − (α + βx)"), this);
    m_spreadChart->addCurve(tr("spread"), QColor(0x6a, 0x1b, 0x9a));
    m_zChart = new TimeSeriesChartView(tr("Rolling z-score"), this);
    m_zChart->addCurve(tr("z"), QColor(0x00, 0x83, 0x8f));
    m_hedgeChart = new TimeSeriesChartView(tr("Hedge ratio β"), this);
    m_hedgeChart->addCurve(tr("β (method)"), QColor(0x37, 0x47, 0x4f));
    m_hedgeChart->addCurve(tr("rolling OLS β"), QColor(0x8d, 0x6e, 0x63));
    m_corrChart = new TimeSeriesChartView(tr("Rolling correlation"), this);
    m_corrChart->addCurve(tr("prices"), QColor(0x43, 0xa0, 0x47));
    m_corrChart->addCurve(tr("log returns"), QColor(0xe5, 0x39, 0x35));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    for (TimeSeriesChartView *c : charts()) {
        c->setMinimumHeight(110);
        m_group->add(c);
        splitter->addWidget(c);
    }
    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setMinimumWidth(240);
    m_summary->setMargin(8);
    auto *body = new QSplitter(Qt::Horizontal, this);
    body->addWidget(splitter);
    body->addWidget(buildSidePanel());
    body->setStretchFactor(0, 4);
    body->setStretchFactor(1, 1);
    m_status = new QLabel(this);
    controls2->addSpacing(12);
    controls2->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addLayout(controls2);
    layout->addWidget(body, 1);
    setEntryExit(2.0, 0.5);

    connect(m_swap, &QToolButton::clicked, this, &PairWorkspace::swapLegs);
    connect(recompute, &QPushButton::clicked, this, &PairWorkspace::recompute);
    connect(m_yBox, &QComboBox::currentTextChanged, this, &PairWorkspace::reload);
    connect(m_xBox, &QComboBox::currentTextChanged, this, &PairWorkspace::reload);
    connect(m_intervalBox, &QComboBox::currentIndexChanged, this, [this] {
        if (m_intervalBox->currentIndex() < 0)
            return;
        m_intervalSeconds = m_intervalBox->currentData().toInt();
        reload();
    });
    connect(m_sourceBox, &QComboBox::currentIndexChanged, this, [this] {
        if (m_sourceBox->currentIndex() >= 0)
            setSource(m_sourceBox->currentData().toString());
    });
    connect(m_windowBox, &QSpinBox::editingFinished, this, &PairWorkspace::reload);
    connect(m_methodBox, &QComboBox::currentIndexChanged, this, &PairWorkspace::rebuildDisplay);
    connect(m_trendBox, &QComboBox::currentIndexChanged, this, [this] { updateSummary(m_service->latest()); });
    for (QComboBox *box : {m_methodBox, m_trendBox})
        connect(box, &QComboBox::currentIndexChanged, this, &PairWorkspace::settingsChanged);
    for (QDoubleSpinBox *box : {m_entryBox, m_exitBox})
        connect(box, &QDoubleSpinBox::valueChanged, this, &PairWorkspace::settingsChanged);
    connect(m_entryBox, &QDoubleSpinBox::valueChanged, this, [this] { setEntryExit(m_entryBox->value(), m_exitBox->value()); });
    connect(m_exitBox, &QDoubleSpinBox::valueChanged, this, [this] { setEntryExit(m_entryBox->value(), m_exitBox->value()); });
    connect(m_service, &PairAnalyticsService::analyticsReady, this, &PairWorkspace::onAnalytics);
    connect(m_service, &PairAnalyticsService::analysisFailed, this,
            [this](const QString &why) { m_status->setText(tr("Analysis not possible: %1").arg(why)); });
    connect(m_displayWatcher, &QFutureWatcher<PairDisplay>::finished, this, [this] {
        m_display = m_displayWatcher->result();
        m_priceChart->setCurveData(0, m_display.time, m_display.normY);
        m_priceChart->setCurveData(1, m_display.time, m_display.normX);
        m_spreadChart->setCurveData(0, m_display.time, m_display.spread);
        m_zChart->setCurveData(0, m_display.time, m_display.zscore);
        m_hedgeChart->setCurveData(0, m_display.time, m_display.hedge);
        m_hedgeChart->setCurveData(1, m_display.time, m_display.rollingOlsBeta);
        m_corrChart->setCurveData(0, m_display.time, m_display.corrPrice);
        m_corrChart->setCurveData(1, m_display.time, m_display.corrLogReturn);
        Q_EMIT displayUpdated();
        if (m_displayDirty)
            rebuildDisplay();
    });
    m_status->setText(tr("Choose two symbols."));
}

namespace {

/** Paints a correlation cell: blue for +1, white for 0, red for -1, the value on top. */
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
    const QString path = QFileDialog::getSaveFileName(parent, title, suggested, QObject::tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return false;
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        QMessageBox::warning(parent, title, QObject::tr("Cannot write %1: %2").arg(path, f.errorString()));
        return false;
    }
    return true;
}

} // namespace

QWidget *PairWorkspace::buildSidePanel()
{
    m_side = new QTabWidget(this);
    auto *scroll = new QScrollArea(m_side);
    scroll->setWidget(m_summary);
    scroll->setWidgetResizable(true);
    m_side->addTab(scroll, tr("Summary"));

    // Statistics per leg.
    m_statsModel = new LegStatsModel(this);
    auto *statsPage = new QWidget(m_side);
    auto *sl = new QVBoxLayout(statsPage);
    m_statsView = new QTableView(statsPage);
    m_statsView->setModel(m_statsModel);
    m_statsView->verticalHeader()->hide();
    m_statsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *statsExport = new QPushButton(tr("Export statistics CSV…"), statsPage);
    connect(statsExport, &QPushButton::clicked, this,
            [this] { writeFile(this, tr("Export statistics"), QStringLiteral("statistics.csv"), m_statsModel->toCsv()); });
    sl->addWidget(m_statsView, 1);
    sl->addWidget(statsExport, 0, Qt::AlignRight);
    m_side->addTab(statsPage, tr("Statistics"));

    // Universe: correlation heatmap and pair scanner.
    m_universeEdit = new QLineEdit(this);
    m_universeEdit->setPlaceholderText(tr("symbols, comma-separated"));
    m_universeEdit->setToolTip(tr("Symbols of the correlation matrix and the pair scanner"));
    m_corrModel = new CorrelationMatrixModel(this);
    auto *corrPage = new QWidget(m_side);
    auto *cl = new QVBoxLayout(corrPage);
    m_heatmap = new QTableView(corrPage);
    m_heatmap->setModel(m_corrModel);
    m_heatmap->setItemDelegate(new CorrelationDelegate(m_heatmap));
    m_heatmap->setSelectionMode(QAbstractItemView::SingleSelection);
    m_heatmap->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_heatmap->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_heatmap->setToolTip(tr("Correlation of log returns on common bars; click a cell to analyse that pair"));
    connect(m_heatmap, &QTableView::clicked, this, [this](const QModelIndex &i) {
        const QStringList syms = m_corrModel->symbols();
        if (i.row() != i.column())
            setPair(syms.at(i.row()), syms.at(i.column()));
    });
    auto *corrExport = new QPushButton(tr("Export matrix CSV…"), corrPage);
    connect(corrExport, &QPushButton::clicked, this,
            [this] { writeFile(this, tr("Export correlation matrix"), QStringLiteral("correlation.csv"), m_corrModel->toCsv()); });
    cl->addWidget(m_heatmap, 1);
    cl->addWidget(corrExport, 0, Qt::AlignRight);
    m_side->addTab(corrPage, tr("Correlation"));

    m_scanModel = new PairScannerModel(this);
    m_scanProxy = new QSortFilterProxyModel(this);
    m_scanProxy->setSourceModel(m_scanModel);
    m_scanProxy->setSortRole(Qt::EditRole);
    m_scanner = new QTableView(m_side);
    m_scanner->setModel(m_scanProxy);
    m_scanner->setSortingEnabled(true);
    m_scanner->sortByColumn(PairScannerModel::ZScore, Qt::DescendingOrder);
    m_scanner->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_scanner->verticalHeader()->hide();
    m_scanner->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_scanner, &QTableView::clicked, this, [this](const QModelIndex &i) {
        setPair(i.data(PairScannerModel::SymbolYRole).toString(), i.data(PairScannerModel::SymbolXRole).toString());
    });
    m_side->addTab(m_scanner, tr("Scanner"));

    auto *panel = new QWidget(this);
    auto *pl = new QVBoxLayout(panel);
    pl->setContentsMargins(0, 0, 0, 0);
    auto *ul = new QHBoxLayout;
    auto *ulabel = new QLabel(tr("&Universe:"), panel);
    ulabel->setBuddy(m_universeEdit);
    ul->addWidget(ulabel);
    ul->addWidget(m_universeEdit, 1);
    pl->addLayout(ul);
    pl->addWidget(m_side, 1);
    connect(m_universeEdit, &QLineEdit::editingFinished, this, &PairWorkspace::refreshUniverse);

    m_universeTimer = new QTimer(this);
    m_universeTimer->setInterval(5000);
    connect(m_universeTimer, &QTimer::timeout, this, &PairWorkspace::refreshUniverse);
    connect(m_universeTimer, &QTimer::timeout, this, &PairWorkspace::refreshSources); // new imports appear
    m_universeTimer->start();
    m_statsTimer = new QTimer(this);
    m_statsTimer->setSingleShot(true);
    m_statsTimer->setInterval(200);
    connect(m_statsTimer, &QTimer::timeout, this, &PairWorkspace::refreshStats);
    connect(this, &PairWorkspace::displayUpdated, m_statsTimer, qOverload<>(&QTimer::start));
    connect(m_spreadChart, &TimeSeriesChartView::userRangeChanged, m_statsTimer, qOverload<>(&QTimer::start));
    connect(m_spreadChart, &TimeSeriesChartView::userReset, m_statsTimer, qOverload<>(&QTimer::start));
    return panel;
}

QStringList PairWorkspace::universe() const
{
    QStringList out;
    for (const QString &s : m_universeEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString sym = s.trimmed().toUpper();
        if (!sym.isEmpty() && !out.contains(sym))
            out << sym;
    }
    return out;
}

void PairWorkspace::setUniverse(const QStringList &symbols)
{
    m_universeEdit->setText(symbols.join(QStringLiteral(", ")));
    refreshUniverse();
}

void PairWorkspace::refreshUniverse()
{
    const QStringList symbols = universe();
    if (m_dbPath.isEmpty() || symbols.size() < 2)
        return;
    if (m_universeRunning) {
        m_universeDirty = true;
        return;
    }
    m_universeRunning = true;
    m_universeDirty = false;
    auto *watcher = new QFutureWatcher<UniverseResult>(this);
    connect(watcher, &QFutureWatcher<UniverseResult>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_universeRunning = false;
        const UniverseResult r = watcher->result();
        m_corrModel->setResult(r);
        m_scanModel->setRows(r.rows);
        Q_EMIT universeUpdated();
        if (m_universeDirty)
            refreshUniverse();
    });
    // The scanner looks at the newest 5,000 bars of each pair: enough for the tests, fast for 45 pairs.
    watcher->setFuture(QtConcurrent::run([db = m_dbPath, symbols, seconds = m_intervalSeconds, source = m_source, w = window()] {
        std::vector<CloseSeries> series;
        QString error;
        Database::withReader(
            db,
            [&](QSqlDatabase &conn) {
                for (const QString &s : symbols) {
                    CloseSeries cs;
                    cs.symbol = s;
                    for (const Bar &b : BarStore::loadBarsSeconds(conn, s, seconds, source, 5001, &error)) {
                        cs.openTimeMs.push_back(b.openMs);
                        cs.close.push_back(b.close);
                    }
                    if (source == BarStore::LiveSource && !cs.close.empty()) { // the newest live bar may still be forming
                        cs.openTimeMs.pop_back();
                        cs.close.pop_back();
                    }
                    series.push_back(std::move(cs));
                }
            },
            &error);
        UniverseResult r = analyzeUniverse(series, w, 5000);
        r.symbols = symbols;
        if (r.correlation.size() != std::size_t(symbols.size() * symbols.size()))
            r.correlation.assign(std::size_t(symbols.size() * symbols.size()), kNaN);
        r.error = error;
        return r;
    }));
}

void PairWorkspace::refreshStats()
{
    const PairAnalytics &a = m_service->latest();
    if (!a.full || !a.full->ok() || m_display.empty())
        return;
    if (m_statsRunning) {
        m_statsDirty = true;
        return;
    }
    m_statsRunning = true;
    m_statsDirty = false;
    auto *watcher = new QFutureWatcher<std::vector<LegStatsModel::Scoped>>(this);
    connect(watcher, &QFutureWatcher<std::vector<LegStatsModel::Scoped>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_statsRunning = false;
        m_statsModel->setScopes(watcher->result());
        Q_EMIT statsUpdated();
        if (m_statsDirty)
            refreshStats();
    });
    const double barsPerYear = 365.0 * 24 * 3600 / m_intervalSeconds;
    watcher->setFuture(QtConcurrent::run([d = m_display, full = a.full, from = m_spreadChart->rangeFrom(),
                                          to = m_spreadChart->rangeTo(), w = window(), y = symbolY(), x = symbolX(), barsPerYear] {
        std::vector<LegStatsModel::Scoped> out;
        out.push_back({QCoreApplication::translate("PairWorkspace", "analysed (%1 bars)").arg(full->n), y, x, full->statsY, full->statsX});
        const auto &t = *d.time;
        auto range = [&](std::size_t b, std::size_t e, const QString &name) {
            if (e <= b + 2)
                return;
            const std::span<const double> ys(d.y->data() + b, e - b), xs(d.x->data() + b, e - b);
            out.push_back({name, y, x, legStats(ys, barsPerYear), legStats(xs, barsPerYear)});
        };
        const std::size_t vb = std::size_t(std::lower_bound(t.begin(), t.end(), from) - t.begin());
        const std::size_t ve = std::size_t(std::upper_bound(t.begin(), t.end(), to) - t.begin());
        range(vb, ve, QCoreApplication::translate("PairWorkspace", "visible (%1 bars)").arg(qint64(ve) - qint64(vb)));
        const std::size_t n = t.size();
        range(n > std::size_t(w) ? n - std::size_t(w) : 0, n, QCoreApplication::translate("PairWorkspace", "last window (%1 bars)").arg(w));
        return out;
    }));
}

PairWorkspace::~PairWorkspace()
{
    m_service->cancel();
    m_displayWatcher->waitForFinished();
}

QList<TimeSeriesChartView *> PairWorkspace::charts() const
{
    return {m_priceChart, m_spreadChart, m_zChart, m_hedgeChart, m_corrChart};
}

void PairWorkspace::setDatabase(const QString &path)
{
    m_dbPath = path;
    reload();
    refreshUniverse();
    refreshSources();
}

void PairWorkspace::setSymbols(const QStringList &symbols)
{
    if (m_source == BarStore::LiveSource)
        m_liveSymbols = symbols;
    if (universe().isEmpty())
        m_universeEdit->setText(symbols.join(QStringLiteral(", ")));
    const QString y = m_yBox->currentText(), x = m_xBox->currentText();
    const QSignalBlocker by(m_yBox), bx(m_xBox);
    m_yBox->clear();
    m_xBox->clear();
    m_yBox->addItems(symbols);
    m_xBox->addItems(symbols);
    m_yBox->setCurrentText(symbols.contains(y) ? y : symbols.value(0));
    m_xBox->setCurrentText(symbols.contains(x) && x != m_yBox->currentText() ? x : symbols.value(1, symbols.value(0)));
    reload();
}

void PairWorkspace::setPair(const QString &y, const QString &x)
{
    {
        const QSignalBlocker by(m_yBox), bx(m_xBox);
        if (m_yBox->findText(y) < 0)
            m_yBox->addItem(y), m_xBox->addItem(y);
        if (m_xBox->findText(x) < 0)
            m_yBox->addItem(x), m_xBox->addItem(x);
        m_yBox->setCurrentText(y);
        m_xBox->setCurrentText(x);
    }
    reload();
    setGaps(m_gaps);
}

void PairWorkspace::setGaps(const TradeGapList &gaps)
{
    m_gaps = gaps;
    TradeGapList legs;
    for (const TradeGap &g : gaps)
        if (g.symbol.toString() == symbolY() || g.symbol.toString() == symbolX())
            legs << g;
    for (TimeSeriesChartView *chart : charts())
        chart->setGaps(legs);
}

void PairWorkspace::setInterval(Interval interval)
{
    m_intervalBox->setCurrentIndex(m_intervalBox->findData(pairlab::intervalSeconds(interval)));
}

void PairWorkspace::setIntervalSeconds(int seconds)
{
    const int index = m_intervalBox->findData(seconds);
    if (index >= 0)
        m_intervalBox->setCurrentIndex(index);
}

void PairWorkspace::setAdfTrend(const QString &trend)
{
    const int index = m_trendBox->findData(trend);
    if (index >= 0)
        m_trendBox->setCurrentIndex(index);
}

QString PairWorkspace::adfTrend() const
{
    return m_trendBox->currentData().toString();
}

double PairWorkspace::entryZ() const
{
    return m_entryBox->value();
}

double PairWorkspace::exitZ() const
{
    return m_exitBox->value();
}

void PairWorkspace::fillIntervals(const QList<int> &seconds)
{
    const QSignalBlocker block(m_intervalBox);
    m_intervalBox->clear();
    for (int s : seconds)
        m_intervalBox->addItem(BarStore::intervalLabel(s), s);
    const int keep = m_intervalBox->findData(m_intervalSeconds);
    m_intervalBox->setCurrentIndex(keep >= 0 ? keep : 0);
    m_intervalSeconds = m_intervalBox->currentData().toInt();
}

QStringList PairWorkspace::sources() const
{
    QStringList out;
    for (int i = 0; i < m_sourceBox->count(); ++i)
        out << m_sourceBox->itemData(i).toString();
    return out;
}

void PairWorkspace::setSource(const QString &source)
{
    const int index = m_sourceBox->findData(source);
    if (index < 0)
        return;
    {
        const QSignalBlocker block(m_sourceBox);
        m_sourceBox->setCurrentIndex(index);
    }
    if (source == m_source)
        return;
    m_source = source;
    QStringList symbols = m_liveSymbols;
    QList<int> intervals{1, 60, 300};
    for (const BarStore::DatasetInfo &d : std::as_const(m_datasets)) {
        if (d.source == source) {
            symbols = d.symbols;
            intervals = d.intervalsSeconds;
        }
    }
    fillIntervals(intervals);
    m_universeEdit->setText(symbols.join(QStringLiteral(", ")));
    const QStringList live = m_liveSymbols;
    setSymbols(symbols);
    m_liveSymbols = live; // setSymbols() records live symbols only while the live source is shown
}

void PairWorkspace::showSourceWhenAvailable(const QString &source)
{
    m_pendingSource = source;
    refreshSources();
}

void PairWorkspace::refreshSources()
{
    if (m_dbPath.isEmpty())
        return;
    auto *watcher = new QFutureWatcher<QList<BarStore::DatasetInfo>>(this);
    connect(watcher, &QFutureWatcher<QList<BarStore::DatasetInfo>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_datasets = watcher->result();
        const QString current = m_source;
        const QSignalBlocker block(m_sourceBox);
        m_sourceBox->clear();
        m_sourceBox->addItem(tr("Live"), BarStore::LiveSource);
        for (const BarStore::DatasetInfo &d : std::as_const(m_datasets))
            m_sourceBox->addItem(tr("Dataset: %1").arg(d.name), d.source);
        const int index = m_sourceBox->findData(current);
        m_sourceBox->setCurrentIndex(index >= 0 ? index : 0);
        if (index < 0)
            setSource(BarStore::LiveSource);
        if (!m_pendingSource.isEmpty() && m_sourceBox->findData(m_pendingSource) >= 0) {
            const QString pending = m_pendingSource;
            m_pendingSource.clear();
            setSource(pending);
        }
    });
    watcher->setFuture(QtConcurrent::run([db = m_dbPath] {
        QList<BarStore::DatasetInfo> out;
        QString error;
        Database::withReader(db, [&](QSqlDatabase &conn) { out = BarStore::datasets(conn); }, &error);
        return out;
    }));
}

void PairWorkspace::setWindow(int window)
{
    m_windowBox->setValue(window);
    reload();
}

void PairWorkspace::setMethod(HedgeMethod method)
{
    m_methodBox->setCurrentIndex(m_methodBox->findData(int(method)));
}

void PairWorkspace::setEntryExit(double entry, double exit)
{
    {
        const QSignalBlocker b1(m_entryBox), b2(m_exitBox);
        m_entryBox->setValue(entry);
        m_exitBox->setValue(exit);
    }
    m_zChart->setBands({-entry, -exit, 0.0, exit, entry});
    PairAnalysisOptions o;
    o.window = window();
    o.backtest.entry = entry;
    o.backtest.exit = exit;
    m_service->setOptions(o);
}

QString PairWorkspace::symbolY() const
{
    return m_yBox->currentText();
}

QString PairWorkspace::symbolX() const
{
    return m_xBox->currentText();
}

int PairWorkspace::window() const
{
    return m_windowBox->value();
}

HedgeMethod PairWorkspace::method() const
{
    return HedgeMethod(m_methodBox->currentData().toInt());
}

void PairWorkspace::swapLegs()
{
    setPair(symbolX(), symbolY());
}

void PairWorkspace::recompute()
{
    m_service->requestFull();
}

void PairWorkspace::reload()
{
    const QString y = symbolY(), x = symbolX();
    if (m_dbPath.isEmpty() || y.isEmpty() || x.isEmpty() || y == x) {
        m_status->setText(y == x && !y.isEmpty() ? tr("Y and X are the same symbol: choose two.") : tr("Choose two symbols."));
        return;
    }
    Q_EMIT pairChanged(y, x);
    Q_EMIT settingsChanged();
    m_priceChart->setCurveName(0, y);
    m_priceChart->setCurveName(1, x);
    m_service->cancel();
    PairAnalysisOptions o;
    o.window = window();
    o.backtest.entry = m_entryBox->value();
    o.backtest.exit = m_exitBox->value();
    o.backtest.barsPerYear = 365.0 * 24 * 3600 / m_intervalSeconds;
    m_service->setOptions(o);
    m_tailX = {};
    m_tailY = {};
    m_lastAppended = -1;
    m_appended = 0;
    m_loading = true;
    m_status->setText(tr("Loading %1 and %2 (%3 bars)…").arg(y, x, BarStore::intervalLabel(m_intervalSeconds)));
    const quint64 generation = ++m_loadGeneration;
    const QString db = m_dbPath;
    const int seconds = m_intervalSeconds;
    const QString source = m_source;
    auto *watcher = new QFutureWatcher<LoadedLegs>(this);
    connect(watcher, &QFutureWatcher<LoadedLegs>::finished, this, [this, watcher] {
        watcher->deleteLater();
        LoadedLegs r = watcher->result();
        if (r.generation != m_loadGeneration)
            return;
        m_loading = false;
        if (!r.error.isEmpty()) {
            m_status->setText(tr("Cannot load bars: %1").arg(r.error));
            return;
        }
        // The newest bar of each leg may still be forming: it is tracked live, not analysed yet.
        if (r.haveX) {
            m_tailX.lastOpen = r.lastX.openMs;
            m_tailX.lastClose = r.lastX.close;
            m_tailX.lastTradeId = r.lastX.lastTradeId;
        }
        if (r.haveY) {
            m_tailY.lastOpen = r.lastY.openMs;
            m_tailY.lastClose = r.lastY.close;
            m_tailY.lastTradeId = r.lastY.lastTradeId;
        }
        m_pair = std::make_shared<AlignedPair>(alignOnOpenTime(r.x, r.y));
        m_lastAppended = m_pair->timeMs.empty() ? -1 : m_pair->timeMs.back();
        m_status->setText(tr("%1 ~ %2: %3 aligned %4 bars").arg(symbolY(), symbolX()).arg(m_pair->size()).arg(BarStore::intervalLabel(m_intervalSeconds)));
        m_service->setSeries(r.x, r.y);
    });
    watcher->setFuture(QtConcurrent::run([db, y, x, seconds, source, generation] {
        LoadedLegs r;
        r.generation = generation;
        Database::withReader(
            db,
            [&](QSqlDatabase &conn) {
                auto load = [&](const QString &symbol, CloseSeries &out, Bar &last, bool &have) {
                    std::vector<Bar> bars = BarStore::loadBarsSeconds(conn, symbol, seconds, source, 200000, &r.error);
                    out.symbol = symbol;
                    if (source == BarStore::LiveSource && !bars.empty()) {
                        last = bars.back(); // possibly still forming: tracked live, not analysed yet
                        have = true;
                        bars.pop_back();
                    }
                    for (const Bar &b : bars) {
                        out.openTimeMs.push_back(b.openMs);
                        out.close.push_back(b.close);
                    }
                };
                load(x, r.x, r.lastX, r.haveX);
                load(y, r.y, r.lastY, r.haveY);
            },
            &r.error);
        return r;
    }));
}

void PairWorkspace::trackFragments(LegTail &tail, const std::vector<Bar> &bars)
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

void PairWorkspace::applyBatch(const BarBatch &batch, qint64 batchSeq)
{
    Q_UNUSED(batchSeq);
    if (!batch || m_loading || !m_pair)
        return;
    const SymbolCode x = SymbolCode::fromString(symbolX()), y = SymbolCode::fromString(symbolY());
    for (const BarUpdate &u : *batch) {
        if (m_source != BarStore::LiveSource || pairlab::intervalSeconds(u.interval) != m_intervalSeconds)
            continue;
        if (u.symbol == x)
            trackFragments(m_tailX, u.bars);
        else if (u.symbol == y)
            trackFragments(m_tailY, u.bars);
    }
    appendClosedBars();
}

void PairWorkspace::appendClosedBars()
{
    // Bars closed on both legs at the same open time, in time order, newer than the last one analysed.
    auto ix = m_tailX.closed.begin();
    auto iy = m_tailY.closed.begin();
    while (ix != m_tailX.closed.end() && iy != m_tailY.closed.end()) {
        if (ix->first < iy->first) {
            ix = m_tailX.closed.erase(ix);
        } else if (iy->first < ix->first) {
            iy = m_tailY.closed.erase(iy);
        } else {
            if (ix->first > m_lastAppended) {
                m_service->appendBar(ix->first, ix->second, iy->second);
                m_pair->timeMs.push_back(ix->first);
                m_pair->x.push_back(ix->second);
                m_pair->y.push_back(iy->second);
                m_lastAppended = ix->first;
                ++m_appended;
            }
            ix = m_tailX.closed.erase(ix);
            iy = m_tailY.closed.erase(iy);
        }
    }
}

void PairWorkspace::onAnalytics(const PairAnalytics &a)
{
    updateSummary(a);
    if (a.full && a.full->ok()) // clears an earlier "not possible yet" once enough bars have arrived
        m_status->setText(tr("%1 ~ %2: %3 aligned %4 bars").arg(symbolY(), symbolX()).arg(a.bars).arg(BarStore::intervalLabel(m_intervalSeconds)));
    if (m_source == BarStore::LiveSource && m_pair && m_pair->size() >= 2 && a.bars > 0) {
        AlertMarketInputs market;
        const std::size_t n = m_pair->size();
        market.priceX = m_pair->x[n - 1];
        market.priceY = m_pair->y[n - 1];
        market.previousPriceX = m_pair->x[n - 2];
        market.previousPriceY = m_pair->y[n - 2];
        Q_EMIT alertInputs(alertPairName(symbolX(), symbolY()), alertVariablesFrom(a, market));
    }
    if (a.full && a.full != m_shownAnalysis) {
        m_shownAnalysis = a.full;
        rebuildDisplay();
    }
}

void PairWorkspace::rebuildDisplay()
{
    if (!m_shownAnalysis || !m_pair)
        return;
    if (m_displayWatcher->isRunning()) {
        m_displayDirty = true;
        return;
    }
    m_displayDirty = false;
    // The analysis covers a prefix of the aligned bars; chart exactly those.
    const std::size_t n = std::min<std::size_t>(std::size_t(m_shownAnalysis->n), m_pair->size());
    AlignedPair snapshot;
    snapshot.timeMs.assign(m_pair->timeMs.begin(), m_pair->timeMs.begin() + long(n));
    snapshot.x.assign(m_pair->x.begin(), m_pair->x.begin() + long(n));
    snapshot.y.assign(m_pair->y.begin(), m_pair->y.begin() + long(n));
    m_displayWatcher->setFuture(QtConcurrent::run(
        [pair = std::move(snapshot), analysis = m_shownAnalysis, method = method(), w = window()] {
            return buildPairDisplay(pair, *analysis, method, w);
        }));
}

QString PairWorkspace::summaryText() const
{
    return m_summary->text();
}

void PairWorkspace::updateSummary(const PairAnalytics &a)
{
    const PairAnalysis *f = a.full.get();
    if (!f) {
        m_summary->setText(tr("<i>Waiting for data…</i>"));
        return;
    }
    if (!f->ok()) {
        m_verdict = tr("No analysis");
        m_summary->setText(tr("<b>No analysis:</b> %1").arg(f->error.toHtmlEscaped()));
        return;
    }
    const AdfTrend trend = adfTrendFromKey(m_trendBox->currentData().toString()).value_or(AdfTrend::Constant);
    const AdfResult &adf = trend == AdfTrend::ConstantTrend ? f->adfCt : (trend == AdfTrend::None ? f->adfN : f->adfC);
    const double egp = f->coint.pvalue;
    QString colour, verdict;
    if (std::isfinite(egp) && egp < 0.01) {
        colour = QStringLiteral("#2e7d32");
        verdict = tr("Cointegrated at 1%");
    } else if (std::isfinite(egp) && egp < 0.05) {
        colour = QStringLiteral("#2e7d32");
        verdict = tr("Cointegrated at 5%");
    } else if (std::isfinite(egp) && egp < 0.10) {
        colour = QStringLiteral("#f9a825");
        verdict = tr("Weak: cointegrated at 10% only");
    } else {
        colour = QStringLiteral("#c62828");
        verdict = tr("Not cointegrated");
    }
    m_verdict = verdict;
    const double lastZ = a.live.zscore;
    const double entry = m_entryBox->value();
    QString zColour = QStringLiteral("inherit");
    QString zNote;
    if (std::isfinite(lastZ) && std::fabs(lastZ) > entry) {
        zColour = QStringLiteral("#c62828");
        zNote = lastZ > 0 ? tr("above +entry: short spread") : tr("below −entry: long spread");
    } else if (std::isfinite(lastZ) && std::fabs(lastZ) < m_exitBox->value()) {
        zColour = QStringLiteral("#2e7d32");
        zNote = tr("inside ±exit");
    }
    const double barSeconds = m_intervalSeconds;
    auto row = [](const QString &k, const QString &v) { return QStringLiteral("<tr><td>%1</td><td align=right>%2</td></tr>").arg(k, v); };
    QString html;
    html += QStringLiteral("<h3 style='color:%1;margin:0'>%2</h3>").arg(colour, verdict.toHtmlEscaped());
    html += tr("<p style='margin-top:2px'>%1 ~ %2 · %3 bars of %4 · window %5</p>")
                .arg(symbolY(), symbolX()).arg(f->n).arg(BarStore::intervalLabel(m_intervalSeconds)).arg(f->window);
    html += QStringLiteral("<p style='font-size:large'>") + tr("last z") +
            QStringLiteral(" <b style='color:%1'>%2</b> <small>%3</small></p>").arg(zColour, num(lastZ, 3), zNote.toHtmlEscaped());
    html += QStringLiteral("<table cellspacing=3>");
    html += QStringLiteral("<tr><th colspan=2 align=left>") + tr("Hedge ratio β") + QStringLiteral("</th></tr>");
    html += row(tr("OLS"), QStringLiteral("%1 <small>± %2, R² %3</small>").arg(num(f->ols.beta, 6), num(f->ols.betaSe, 2), num(f->ols.r2, 4)));
    html += row(tr("Huber"), num(f->huber.beta, 6));
    html += row(tr("Theil-Sen"), QStringLiteral("%1 <small>[%2, %3]</small>").arg(num(f->theilSen.slope, 6), num(f->theilSen.lowSlope, 5), num(f->theilSen.highSlope, 5)));
    html += row(tr("Kalman (last)"), num(a.live.kalmanBeta, 6));
    html += QStringLiteral("<tr><th colspan=2 align=left>") + tr("Stationarity of the OLS spread") + QStringLiteral("</th></tr>");
    html += row(tr("ADF (%1) statistic").arg(adfTrendKey(trend)), num(adf.stat, 5));
    html += row(tr("p-value"), num(adf.pvalue, 4));
    html += row(tr("lag / nobs"), QStringLiteral("%1 / %2").arg(adf.usedlag).arg(adf.nobs));
    html += row(tr("critical 1% / 5% / 10%"), QStringLiteral("%1 / %2 / %3").arg(num(adf.crit[0]), num(adf.crit[1]), num(adf.crit[2])));
    html += row(tr("Engle-Granger p-value"), QStringLiteral("<b style='color:%1'>%2</b>").arg(colour, num(egp, 4)));
    html += QStringLiteral("<tr><th colspan=2 align=left>") + tr("Mean reversion") + QStringLiteral("</th></tr>");
    html += row(tr("half-life"), f->halfLife.ok() ? tr("%1 bars (%2 s)").arg(num(f->halfLife.halfLife, 4), num(f->halfLife.halfLife * barSeconds, 4))
                                                  : tr("none (λ ≥ 0)"));
    html += row(tr("Hurst"), num(f->hurst, 3));
    html += row(tr("corr prices / returns"), QStringLiteral("%1 / %2").arg(num(a.live.corrPrice, 3), num(a.live.corrLogReturn, 3)));
    html += row(tr("backtest net PnL / Sharpe"), QStringLiteral("%1 / %2").arg(num(f->backtest.netPnl, 5), num(f->backtest.sharpeNet, 3)));
    html += QStringLiteral("</table>");
    m_summary->setText(html);
}

} // namespace pairlab
