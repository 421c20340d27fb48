#include "dialogs/universe_dialog.h"

#include "controllers/symbol_catalog_controller.h"
#include "theme.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace pairlab {

namespace {

/** 1,234,567,890 -> "1.2 bn", 45,600,000 -> "45.6 M", 12,300 -> "12.3 k". */
QString compactAmount(double v)
{
    const QLocale l;
    if (v >= 1e9)
        return UniverseDialog::tr("%1 bn").arg(l.toString(v / 1e9, 'f', 1));
    if (v >= 1e6)
        return UniverseDialog::tr("%1 M").arg(l.toString(v / 1e6, 'f', 1));
    if (v >= 1e3)
        return UniverseDialog::tr("%1 k").arg(l.toString(v / 1e3, 'f', 1));
    return l.toString(v, 'f', 0);
}

} // namespace

QString UniverseDialog::savedListKey()
{
    return QStringLiteral("scanner/savedUniverse");
}

UniverseDialog::UniverseDialog(SymbolCatalogController *catalog, const QStringList &current, QWidget *parent)
    : QDialog(parent), m_catalog(catalog), m_status(new QLabel(this)),
      m_refresh(new QPushButton(tr("&Refresh"), this)), m_search(new QLineEdit(this)),
      m_results(new QListWidget(this)), m_chosenList(new QListWidget(this)), m_count(new QLabel(this)),
      m_topN(new QSpinBox(this)),
      m_stream(new QCheckBox(tr("Also &stream them live and fill their history"), this))
{
    m_stream->setToolTip(
        tr("Adds the chosen symbols to the live feed (Settings → Feed): trades stream in and "
           "the exchange's bars of the last days are filled. Without it, the scanner uses "
           "the bars the database already has."));
    setWindowTitle(tr("Scanner universe"));
    m_status->setWordWrap(true);
    m_search->setPlaceholderText(tr("Search symbols, e.g. sol"));
    m_search->setClearButtonEnabled(true);
    m_results->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_chosenList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_topN->setRange(2, MaxSymbols);
    m_topN->setValue(30);

    auto *add = new QPushButton(tr("&Add →"), this);
    auto *remove = new QPushButton(tr("← Re&move"), this);
    auto *clear = new QPushButton(tr("C&lear"), this);
    auto *top = new QPushButton(tr("&Top by 24 h volume"), this);
    top->setToolTip(tr("The symbols with the largest 24 h quote volume"));
    auto *all = new QPushButton(tr("All &perpetuals"), this);
    auto *save = new QPushButton(tr("&Save list"), this);
    auto *load = new QPushButton(tr("Saved l&ist"), this);

    auto *presets = new QHBoxLayout;
    presets->addWidget(top);
    presets->addWidget(m_topN);
    presets->addWidget(all);
    presets->addStretch(1);
    presets->addWidget(load);
    presets->addWidget(save);

    auto *lists = new QGridLayout;
    lists->addWidget(m_search, 0, 0);
    lists->addWidget(new QLabel(tr("Chosen:"), this), 0, 2);
    lists->addWidget(m_results, 1, 0);
    auto *middle = new QVBoxLayout;
    middle->addStretch(1);
    middle->addWidget(add);
    middle->addWidget(remove);
    middle->addWidget(clear);
    middle->addStretch(1);
    lists->addLayout(middle, 1, 1);
    lists->addWidget(m_chosenList, 1, 2);
    lists->addWidget(m_count, 2, 2);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_refresh);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(statusRow);
    layout->addLayout(presets);
    layout->addLayout(lists, 1);
    layout->addWidget(m_stream);
    layout->addWidget(buttons);

    m_search->installEventFilter(this); // Enter there adds the first hit and must not press OK
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_search, &QLineEdit::textChanged, this, &UniverseDialog::search);
    auto addSelected = [this] {
        QStringList picked;
        const QList<QListWidgetItem *> items = m_results->selectedItems();
        for (const QListWidgetItem *i : items)
            picked << i->data(Qt::UserRole).toString();
        addSymbols(picked);
    };
    connect(add, &QPushButton::clicked, this, addSelected);
    connect(m_results, &QListWidget::itemDoubleClicked, this, addSelected);
    connect(remove, &QPushButton::clicked, this, [this] {
        QStringList keep = m_chosen;
        const QList<QListWidgetItem *> items = m_chosenList->selectedItems();
        for (const QListWidgetItem *i : items)
            keep.removeAll(i->text());
        setChosen(keep);
    });
    connect(clear, &QPushButton::clicked, this, [this] { setChosen({}); });
    connect(top, &QPushButton::clicked, this, [this] { applyTop(m_topN->value()); });
    connect(all, &QPushButton::clicked, this, &UniverseDialog::applyAll);
    connect(save, &QPushButton::clicked, this, &UniverseDialog::saveList);
    connect(load, &QPushButton::clicked, this, &UniverseDialog::loadSavedList);
    connect(m_refresh, &QPushButton::clicked, m_catalog, &SymbolCatalogController::refresh);
    connect(m_catalog, &SymbolCatalogController::statusChanged, this, &UniverseDialog::renderStatus);
    connect(m_catalog, &SymbolCatalogController::catalogChanged, this, [this] { search(m_search->text()); });

    setChosen(current);
    search(QString());
    renderStatus();
    resize(sizeOnScreen(QSize(720, 560)));
}

bool UniverseDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            if (m_results->count() > 0)
                addSymbols({m_results->item(0)->data(Qt::UserRole).toString()});
            return true; // eaten: the dialog's default button never sees it
        }
    }
    return QDialog::eventFilter(watched, event);
}

bool UniverseDialog::streamLive() const
{
    return m_stream->isChecked();
}

void UniverseDialog::setStreamLive(bool on)
{
    m_stream->setChecked(on);
}

void UniverseDialog::search(const QString &text)
{
    m_results->clear();
    const QStringList found = m_catalog->search(text, 500);
    QHash<QString, double> volume;
    for (const SymbolInfo &s : m_catalog->catalog())
        volume.insert(s.symbol, s.quoteVolume24h);
    for (const QString &symbol : found) {
        const double v = volume.value(symbol, std::nan(""));
        auto *item = new QListWidgetItem(
            std::isfinite(v) ? tr("%1  ·  %2 USDT in 24 h").arg(symbol, compactAmount(v)) : symbol,
            m_results);
        item->setData(Qt::UserRole, symbol);
    }
}

void UniverseDialog::addSymbols(const QStringList &symbols)
{
    QStringList next = m_chosen;
    for (const QString &s : symbols)
        if (!next.contains(s))
            next << s;
    setChosen(next);
}

void UniverseDialog::applyTop(int n)
{
    setChosen(m_catalog->top(n));
}

void UniverseDialog::applyAll()
{
    // More perpetuals than a live scan can take: the busiest MaxSymbols of them, not the first
    // alphabetically.
    const QStringList all = m_catalog->all();
    setChosen(all.size() > MaxSymbols ? m_catalog->top(MaxSymbols) : all);
}

void UniverseDialog::saveList() const
{
    QSettings().setValue(savedListKey(), m_chosen);
}

void UniverseDialog::loadSavedList()
{
    setChosen(QSettings().value(savedListKey()).toStringList());
}

void UniverseDialog::setChosen(QStringList symbols)
{
    symbols.removeDuplicates();
    if (symbols.size() > MaxSymbols)
        symbols = symbols.mid(0, MaxSymbols);
    m_chosen = symbols;
    renderChosen();
}

void UniverseDialog::renderChosen()
{
    m_chosenList->clear();
    m_chosenList->addItems(m_chosen);
    const qint64 n = m_chosen.size();
    m_count->setText(
        tr("%1 symbols · pairs to scan: %2 (at most %3 symbols)")
            .arg(QLocale().toString(n), QLocale().toString(n * (n - 1) / 2), QLocale().toString(MaxSymbols)));
}

void UniverseDialog::renderStatus()
{
    m_status->setText(m_catalog->status());
    m_refresh->setEnabled(m_catalog->canFetch() && !m_catalog->isFetching());
}

} // namespace pairlab
