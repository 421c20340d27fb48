#include "pair_workspace.h"

#include "basket_view.h"
#include "controllers/basket_controller.h"

#include "charts/time_series_chart_view.h"
#include "controllers/pair_controller.h"
#include "models/analysis_choices.h"
#include "pair_research_panel.h"
#include "storage/bar_store.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace pairlab {

namespace {

/** Replaces a combo box's items only when they differ (keeps the view still while nothing changed). */
void setItems(QComboBox *box, const QStringList &labels, const QVariantList &data)
{
    bool same = box->count() == labels.size();
    for (int i = 0; same && i < box->count(); ++i)
        same = box->itemText(i) == labels.at(i) && box->itemData(i) == data.at(i);
    if (same)
        return;
    box->clear();
    for (int i = 0; i < labels.size(); ++i)
        box->addItem(labels.at(i), data.at(i));
}

} // namespace

PairWorkspace::PairWorkspace(QWidget *parent)
    : QWidget(parent), m_controller(new PairController(this)), m_group(new ChartGroup(this))
{
    auto *controls = new QHBoxLayout;
    m_yBox = new QComboBox(this);
    m_xBox = new QComboBox(this);
    for (QComboBox *box : {m_yBox, m_xBox}) { // "1000SHIBUSDT" whole, not "BTCUSD…"
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(12);
    }
    m_yBox->setToolTip(tr("Dependent leg Y"));
    m_xBox->setToolTip(tr("Regressor leg X"));
    auto *swap = new QToolButton(this);
    swap->setText(tr("⇄ Swap"));
    swap->setToolTip(tr("Swap Y and X"));
    m_sourceBox = new QComboBox(this);
    m_sourceBox->setToolTip(tr("Analyse the live bars or an imported dataset"));
    m_intervalBox = new QComboBox(this);
    m_priceBox = new QComboBox(this);
    m_priceBox->addItem(tr("Trades"), PairController::priceKey(PairPrice::Trades));
    m_priceBox->addItem(tr("Mid (bid/ask)"), PairController::priceKey(PairPrice::Mid));
    m_priceBox->setItemData(0, tr("Each bar's last trade price"), Qt::ToolTipRole);
    m_priceBox->setItemData(1,
                            tr("Each bar's closing mid, (bid + ask) / 2 of its last best bid/offer update: "
                               "live bars with recorded quotes only (Settings → Feed → Quotes)"),
                            Qt::ToolTipRole);
    m_windowBox = new QSpinBox(this);
    m_windowBox->setRange(5, 100000);
    m_windowBox->setToolTip(tr("Rolling window in bars (z-score, correlations, rolling β)"));
    m_methodBox = new QComboBox(this);
    for (const HedgeMethodChoice &c : hedgeMethodChoices())
        m_methodBox->addItem(hedgeMethodName(c.method), int(c.method));
    m_methodBox->setItemData(m_methodBox->findData(int(HedgeMethod::Kalman)),
                             tr("Kalman filter on the prices, scaled to the data: its noise levels come from "
                                "an OLS fit of the first window of bars; the spread is the innovation e_t "
                                "(the prediction error before bar t is absorbed), its z is e_t/√S_t."),
                             Qt::ToolTipRole);
    m_trendBox = new QComboBox(this);
    for (const AdfTrendChoice &c : adfTrendChoices())
        m_trendBox->addItem(tr("ADF: %1").arg(adfTrendLabel(c.trend)), QString::fromLatin1(c.key));
    m_entryBox = new QDoubleSpinBox(this);
    m_entryBox->setRange(0.1, 10);
    m_entryBox->setPrefix(tr("entry ±"));
    m_exitBox = new QDoubleSpinBox(this);
    m_exitBox->setRange(0.0, 10);
    m_exitBox->setPrefix(tr("exit ±"));
    auto *recomputeButton = new QPushButton(tr("Recompute"), this);
    recomputeButton->setToolTip(tr("Run the full analysis (ADF, Engle-Granger, Huber, Theil-Sen) now"));
    auto addLabelled = [&](QHBoxLayout *row, const QString &label, QWidget *w) {
        auto *l = new QLabel(label, this);
        l->setBuddy(w);
        row->addWidget(l);
        row->addWidget(w);
        return l;
    };
    // One spread at a time: a pair's (Y on X by a hedge method) or a basket's (legs and weights).
    m_modeBox = new QComboBox(this);
    m_modeBox->addItem(tr("Pair"), QStringLiteral("pair"));
    m_modeBox->addItem(tr("Basket"), QStringLiteral("basket"));
    m_modeBox->setToolTip(tr("The spread of a pair, y − (α + βx), or of a basket of legs, Σ wᵢ·pᵢ"));
    addLabelled(controls, tr("&Data:"), m_sourceBox);
    m_pairOnly << addLabelled(controls, tr("&Y:"), m_yBox) << m_yBox << swap;
    controls->addWidget(swap);
    m_pairOnly << addLabelled(controls, tr("&X:"), m_xBox) << m_xBox;
    controls->addSpacing(8);
    addLabelled(controls, tr("Time&frame:"), m_intervalBox);
    m_pairOnly << addLabelled(controls, tr("&Prices:"), m_priceBox) << m_priceBox;
    addLabelled(controls, tr("&Window:"), m_windowBox);
    controls->addStretch(1);
    auto *controls2 = new QHBoxLayout;
    addLabelled(controls2, tr("&Spread of:"), m_modeBox);
    m_pairOnly << addLabelled(controls2, tr("&Hedge:"), m_methodBox) << m_methodBox << m_trendBox;
    controls2->addWidget(m_trendBox);
    controls2->addWidget(m_entryBox);
    controls2->addWidget(m_exitBox);
    controls2->addWidget(recomputeButton);
    auto *exportButton = new QPushButton(tr("Export pair CSV…"), this);
    exportButton->setToolTip(tr("ts_ms, x, y, beta, spread, z-score, correlations of every bar shown"));
    controls2->addWidget(exportButton);
    m_pairOnly << recomputeButton << exportButton;

    m_priceChart = new TimeSeriesChartView(tr("Both legs, normalised to 100"), this);
    m_priceChart->addCurve(tr("Y"), QColor(0xf5, 0x7c, 0x00));
    m_priceChart->addCurve(tr("X"), QColor(0x19, 0x76, 0xd2));
    m_spreadChart = new TimeSeriesChartView(tr("Spread y − (α + βx)"), this);
    m_spreadChart->addCurve(tr("spread"), QColor(0x6a, 0x1b, 0x9a));
    m_zChart = new TimeSeriesChartView(tr("Rolling z-score"), this);
    m_zChart->addCurve(tr("z"), QColor(0x00, 0x83, 0x8f));
    m_hedgeChart = new TimeSeriesChartView(tr("Hedge ratio β"), this);
    // Blue-grey 400: readable on the light and the dark theme (#37474f vanished on dark).
    m_hedgeChart->addCurve(tr("β (method)"), QColor(0x78, 0x90, 0x9c));
    m_hedgeChart->addCurve(tr("rolling OLS β"), QColor(0x8d, 0x6e, 0x63));
    m_corrChart = new TimeSeriesChartView(tr("Rolling correlation"), this);
    m_corrChart->addCurve(tr("prices"), QColor(0x43, 0xa0, 0x47));
    m_corrChart->addCurve(tr("log returns"), QColor(0xe5, 0x39, 0x35));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    for (TimeSeriesChartView *c : charts()) {
        c->setMinimumHeight(64); // five charts and the controls fit a 768 px screen with a dock below
        m_group->add(c);
        splitter->addWidget(c);
    }
    m_panel = new PairResearchPanel(m_controller, m_spreadChart, this);
    auto *body = new QSplitter(Qt::Horizontal, this);
    body->addWidget(splitter);
    body->addWidget(m_panel);
    body->setStretchFactor(0, 4);
    body->setStretchFactor(1, 1);
    // The charts get two thirds of the width from the start (stretch factors only share extra space, and
    // the summary's size hint would otherwise squeeze the charts to a few pixels on a laptop screen).
    body->setSizes({1800, 1000});
    m_status = new QLabel(this);
    // The state line can be long ("waiting for data: 24 of 120 1s bars"): it is cut, never widens the window.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    controls2->addSpacing(12);
    controls2->addWidget(m_status, 1);
    m_basketView = new BasketView(this);
    m_pairOnly << m_status;
    // In basket mode the pair's controls are hidden: this keeps the shared ones at the left.
    m_basketSpacer = new QWidget(this);
    m_basketSpacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_basketSpacer->hide();
    controls2->addWidget(m_basketSpacer, 1);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(body);
    m_stack->addWidget(m_basketView);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addLayout(controls2);
    layout->addWidget(m_stack, 1);
    connect(m_modeBox, &QComboBox::currentIndexChanged, this,
            [this] { setMode(m_modeBox->currentData().toString()); });
    connect(m_basketView, &BasketView::basketChanged, this, &PairWorkspace::settingsChanged);

    // User intent goes to the controller; what the controller publishes comes back to the controls.
    connect(swap, &QToolButton::clicked, this, &PairWorkspace::swapLegs);
    connect(recomputeButton, &QPushButton::clicked, this, &PairWorkspace::recompute);
    connect(exportButton, &QPushButton::clicked, this, &PairWorkspace::exportSeries);
    for (QComboBox *box : {m_yBox, m_xBox})
        connect(box, &QComboBox::currentTextChanged, this,
                [this] { m_controller->setPair(m_yBox->currentText(), m_xBox->currentText()); });
    connect(m_intervalBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            m_controller->setIntervalSeconds(m_intervalBox->currentData().toInt());
    });
    connect(m_priceBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            setPrice(m_priceBox->currentData().toString());
    });
    connect(m_sourceBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            setSource(m_sourceBox->currentData().toString());
    });
    connect(m_windowBox, &QSpinBox::editingFinished, this,
            [this] { m_controller->setWindow(m_windowBox->value()); });
    connect(m_methodBox, &QComboBox::currentIndexChanged, this,
            [this] { m_controller->setMethod(HedgeMethod(m_methodBox->currentData().toInt())); });
    connect(m_trendBox, &QComboBox::currentIndexChanged, this,
            [this] { setAdfTrend(m_trendBox->currentData().toString()); });
    for (QDoubleSpinBox *box : {m_entryBox, m_exitBox})
        connect(box, &QDoubleSpinBox::valueChanged, this,
                [this] { m_controller->setEntryExit(m_entryBox->value(), m_exitBox->value()); });
    connect(m_panel, &PairResearchPanel::pairChosen, this, &PairWorkspace::setPair);
    connect(m_panel, &PairResearchPanel::universeUpdated, this, &PairWorkspace::universeUpdated);
    connect(m_panel, &PairResearchPanel::streamRequested, this, &PairWorkspace::streamRequested);
    connect(m_panel, &PairResearchPanel::statsUpdated, this, &PairWorkspace::statsUpdated);

    connect(m_controller, &PairController::requestChanged, this, [this](const PairRequest &r) {
        showRequest(r);
        shareWithBasket();
        Q_EMIT settingsChanged();
    });
    connect(m_controller, &PairController::datasetsChanged, this, &PairWorkspace::fillSources);
    connect(m_controller, &PairController::stateChanged, this, &PairWorkspace::showState);
    connect(m_controller, &PairController::resultChanged, this, &PairWorkspace::showResult);
    connect(m_controller, &PairController::pairChanged, this, &PairWorkspace::pairChanged);
    connect(m_controller, &PairController::alertInputs, this, &PairWorkspace::alertInputs);
    fillSources();
    showRequest(m_controller->request());
    showState(m_controller->state());
}

PairWorkspace::~PairWorkspace() = default;

void PairWorkspace::showRequest(const PairRequest &r)
{
    const QSignalBlocker b1(m_sourceBox), b2(m_yBox), b3(m_xBox), b4(m_intervalBox), b5(m_windowBox),
        b6(m_methodBox), b7(m_trendBox), b8(m_entryBox), b9(m_exitBox), b10(m_priceBox);
    m_sourceBox->setCurrentIndex(m_sourceBox->findData(r.source));
    QStringList legs = m_controller->symbolsOf(r.source);
    for (const QString &s : {r.y, r.x})
        if (!s.isEmpty() && !legs.contains(s))
            legs << s; // a pair chosen in the heatmap or the scanner
    QVariantList legData;
    for (const QString &s : std::as_const(legs))
        legData << s;
    setItems(m_yBox, legs, legData);
    setItems(m_xBox, legs, legData);
    m_yBox->setCurrentIndex(m_yBox->findText(r.y));
    m_xBox->setCurrentIndex(m_xBox->findText(r.x));
    QStringList labels;
    QVariantList seconds;
    for (int s : m_controller->intervalsOf(r.source)) {
        labels << BarStore::intervalLabel(s);
        seconds << s;
    }
    setItems(m_intervalBox, labels, seconds);
    m_intervalBox->setCurrentIndex(m_intervalBox->findData(r.intervalSeconds));
    m_priceBox->setCurrentIndex(m_priceBox->findData(PairController::priceKey(r.price)));
    const bool live = r.source == BarStore::LiveSource;
    m_priceBox->setEnabled(live);
    m_priceBox->setToolTip(live ? tr("Analyse each bar's last trade or its closing bid/ask mid")
                                : tr("Datasets hold trades only: mid prices need the live feed's quotes"));
    m_windowBox->setValue(r.window);
    m_methodBox->setCurrentIndex(m_methodBox->findData(int(r.method)));
    m_trendBox->setCurrentIndex(m_trendBox->findData(adfTrendKey(r.adfTrend)));
    m_entryBox->setValue(r.entry);
    m_exitBox->setValue(r.exit);
    m_zChart->setBands({-r.entry, -r.exit, 0.0, r.exit, r.entry});
    setGaps(m_gaps);
}

void PairWorkspace::fillSources()
{
    QStringList labels{tr("Live")};
    QVariantList keys{BarStore::LiveSource};
    for (const BarStore::DatasetInfo &d : m_controller->datasets()) {
        labels << tr("Dataset: %1").arg(d.name);
        keys << d.source;
    }
    const QSignalBlocker block(m_sourceBox);
    setItems(m_sourceBox, labels, keys);
    m_sourceBox->setCurrentIndex(m_sourceBox->findData(m_controller->request().source));
}

void PairWorkspace::showState(const PairState &s)
{
    m_status->setText(m_controller->statusText());
    m_status->setToolTip(m_controller->statusText());
    // Empty charts say what they wait for ("waiting for data: 18 of 120 1s bars").
    for (TimeSeriesChartView *c : charts())
        c->setEmptyText(m_controller->statusText());
    if (s.kind == PairState::Kind::Ready || !m_showingResult)
        return;
    // Nothing of an earlier request stays on screen: the charts are empty until this one's result.
    m_showingResult = false;
    for (TimeSeriesChartView *c : charts())
        for (int i = 0; i < c->curveCount(); ++i)
            c->setCurveData(i, {}, {});
}

void PairWorkspace::showResult(const PairResult &r)
{
    const PairDisplay &d = r.display;
    // The titles say what is analysed: trade closes or bid/ask mids.
    const bool mid = r.request.price == PairPrice::Mid;
    m_priceChart->setTitle(mid ? tr("Both legs' bid/ask mid, normalised to 100")
                               : tr("Both legs, normalised to 100"));
    m_priceChart->setCurveName(0, r.request.y);
    m_priceChart->setCurveName(1, r.request.x);
    m_priceChart->setCurveData(0, d.time, d.normY);
    m_priceChart->setCurveData(1, d.time, d.normX);
    // The titles say which spread and which z these are (the Kalman ones are not y − (α + βx)).
    const bool kalman = d.method == HedgeMethod::Kalman;
    if (mid)
        m_spreadChart->setTitle(kalman
                                    ? tr("Kalman innovation of the mids e = y − (α + βx) with the prior α, β")
                                    : tr("Spread of the mids y − (α + βx)"));
    else
        m_spreadChart->setTitle(kalman ? tr("Kalman innovation e = y − (α + βx) with the prior α, β")
                                       : tr("Spread y − (α + βx)"));
    m_zChart->setTitle(kalman ? tr("Kalman z = e / √S") : tr("Rolling z-score"));
    m_spreadChart->setCurveData(0, d.time, d.spread);
    m_zChart->setCurveData(0, d.time, d.zscore);
    m_hedgeChart->setCurveData(0, d.time, d.hedge);
    m_hedgeChart->setCurveData(1, d.time, d.rollingOlsBeta);
    m_corrChart->setCurveData(0, d.time, d.corrPrice);
    m_corrChart->setCurveData(1, d.time, d.corrLogReturn);
    m_showingResult = true;
    Q_EMIT displayUpdated();
}

void PairWorkspace::exportSeries()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export pair series"),
        QStringLiteral("%1-%2-%3.csv").arg(symbolY(), symbolX(), BarStore::intervalLabel(intervalSeconds())),
        tr("CSV files (*.csv)"));
    QString error;
    if (!path.isEmpty() && !exportPairSeriesCsv(display(), path, &error))
        QMessageBox::warning(this, tr("Export pair series"), error);
}

QList<TimeSeriesChartView *> PairWorkspace::charts() const
{
    return {m_priceChart, m_spreadChart, m_zChart, m_hedgeChart, m_corrChart};
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

// The rest forwards to the controller (the API the main window, the workspace files and the tests use).

void PairWorkspace::setDatabase(const QString &path)
{
    m_controller->setDatabase(path);
    shareWithBasket();
}

void PairWorkspace::shareWithBasket()
{
    const PairRequest &r = m_controller->request();
    m_basketView->setDatabase(m_controller->databaseFor(r.source));
    m_basketView->setShared(r.source, r.intervalSeconds, r.window, r.entry, r.exit);
}

void PairWorkspace::setMode(const QString &mode)
{
    const bool basket = mode == QLatin1String("basket");
    {
        const QSignalBlocker block(m_modeBox);
        m_modeBox->setCurrentIndex(basket ? 1 : 0);
    }
    if (basket == (m_stack->currentIndex() == 1))
        return;
    for (QWidget *w : std::as_const(m_pairOnly))
        w->setVisible(!basket);
    m_basketSpacer->setVisible(basket);
    m_stack->setCurrentIndex(basket ? 1 : 0);
    // A first basket: the pair's legs, for Johansen to weigh.
    const PairRequest &r = m_controller->request();
    if (basket && m_basketView->basket().symbols.isEmpty() && !r.y.isEmpty() && !r.x.isEmpty() &&
        r.y != r.x) {
        Basket legs;
        legs.symbols = {r.y, r.x};
        m_basketView->setBasket(legs);
    }
    m_basketView->setActive(basket && isVisible());
    if (basket)
        shareWithBasket();
    Q_EMIT settingsChanged();
}

QString PairWorkspace::mode() const
{
    return m_stack->currentIndex() == 1 ? QStringLiteral("basket") : QStringLiteral("pair");
}

void PairWorkspace::setBasket(const Basket &basket)
{
    m_basketView->setBasket(basket);
}

Basket PairWorkspace::basket() const
{
    return m_basketView->basket();
}

void PairWorkspace::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_basketView->setActive(mode() == QLatin1String("basket"));
}

void PairWorkspace::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_basketView->setActive(false);
}

void PairWorkspace::setDatasetDatabase(const QString &path)
{
    m_controller->setDatasetDatabase(path);
    shareWithBasket();
}

void PairWorkspace::setSymbols(const QStringList &symbols)
{
    m_controller->setLiveSymbols(symbols);
}

void PairWorkspace::setPair(const QString &y, const QString &x)
{
    m_controller->setPair(y, x);
}

void PairWorkspace::setInterval(Interval interval)
{
    setIntervalSeconds(pairlab::intervalSeconds(interval));
}

void PairWorkspace::setIntervalSeconds(int seconds)
{
    m_controller->setIntervalSeconds(seconds);
}

void PairWorkspace::setPrice(const QString &key)
{
    if (const std::optional<PairPrice> p = PairController::priceFromKey(key))
        m_controller->setPrice(*p);
}

QString PairWorkspace::price() const
{
    return PairController::priceKey(m_controller->request().price);
}

void PairWorkspace::setWindow(int window)
{
    m_controller->setWindow(window);
}

void PairWorkspace::setMethod(HedgeMethod method)
{
    m_controller->setMethod(method);
}

void PairWorkspace::setEntryExit(double entry, double exit)
{
    m_controller->setEntryExit(entry, exit);
}

void PairWorkspace::setAdfTrend(const QString &trend)
{
    if (const std::optional<AdfTrend> t = adfTrendFromKey(trend))
        m_controller->setAdfTrend(*t);
}

void PairWorkspace::setSource(const QString &source)
{
    m_controller->setSource(source);
    showRequest(m_controller->request()); // an unknown source leaves the request (and the box) as it was
}

void PairWorkspace::showSourceWhenAvailable(const QString &source)
{
    m_controller->showSourceWhenAvailable(source);
}

void PairWorkspace::applyBatch(const BarBatch &bars, qint64)
{
    m_controller->applyBatch(bars);
}

void PairWorkspace::reload()
{
    m_controller->reload();
}

void PairWorkspace::swapLegs()
{
    m_controller->setPair(symbolX(), symbolY());
}

void PairWorkspace::recompute()
{
    m_controller->recompute();
}

void PairWorkspace::refreshUniverse()
{
    m_controller->refreshUniverse();
}

void PairWorkspace::refreshSources()
{
    m_controller->refreshSources();
}

void PairWorkspace::setUniverse(const QStringList &symbols)
{
    m_controller->setUniverse(symbols);
}

QString PairWorkspace::adfTrend() const
{
    return adfTrendKey(m_controller->request().adfTrend);
}

double PairWorkspace::entryZ() const
{
    return m_controller->request().entry;
}

double PairWorkspace::exitZ() const
{
    return m_controller->request().exit;
}

QString PairWorkspace::symbolY() const
{
    return m_controller->request().y;
}

QString PairWorkspace::symbolX() const
{
    return m_controller->request().x;
}

int PairWorkspace::intervalSeconds() const
{
    return m_controller->request().intervalSeconds;
}

QString PairWorkspace::source() const
{
    return m_controller->request().source;
}

int PairWorkspace::window() const
{
    return m_controller->request().window;
}

HedgeMethod PairWorkspace::method() const
{
    return m_controller->request().method;
}

const PairDisplay &PairWorkspace::display() const
{
    return m_controller->result().display;
}

PairAnalyticsService *PairWorkspace::service() const
{
    return m_controller->service();
}

QString PairWorkspace::summaryText() const
{
    return m_panel->summaryText();
}

QString PairWorkspace::verdict() const
{
    return m_controller->verdictText();
}

CorrelationMatrixModel *PairWorkspace::correlationModel() const
{
    return m_panel->correlationModel();
}

PairScannerModel *PairWorkspace::scannerModel() const
{
    return m_panel->scannerModel();
}

LegStatsModel *PairWorkspace::statsModel() const
{
    return m_panel->statsModel();
}

QTableView *PairWorkspace::heatmapView() const
{
    return m_panel->heatmapView();
}

QTableView *PairWorkspace::scannerView() const
{
    return m_panel->scannerView();
}

ScanScatterView *PairWorkspace::scannerScatter() const
{
    return m_panel->scannerScatter();
}

QStringList PairWorkspace::universe() const
{
    return m_controller->universe();
}

void PairWorkspace::setSymbolCatalog(SymbolCatalogController *catalog)
{
    m_panel->setSymbolCatalog(catalog);
}

int PairWorkspace::appendedBars() const
{
    return m_controller->appendedBars();
}

QStringList PairWorkspace::sources() const
{
    QStringList out{BarStore::LiveSource};
    for (const BarStore::DatasetInfo &d : m_controller->datasets())
        out << d.source;
    return out;
}

} // namespace pairlab
