#include "log_panel.h"

#include "logging/log_model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace pairlab {

LogPanel::LogPanel(LogModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_filter(new LogFilterModel(this))
{
    m_filter->setSourceModel(m_model);
    m_level = new QComboBox(this);
    m_level->setObjectName(QStringLiteral("logLevel"));
    m_level->addItem(tr("Debug and above"), int(LogLevel::Debug));
    m_level->addItem(tr("Info and above"), int(LogLevel::Info));
    m_level->addItem(tr("Warnings and errors"), int(LogLevel::Warning));
    m_level->addItem(tr("Errors only"), int(LogLevel::Critical));
    m_level->setCurrentIndex(1);
    m_filter->setMinimumLevel(LogLevel::Info);
    connect(m_level, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setMinimumLevel(LogLevel(m_level->currentData().toInt())); });
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("logText"));
    m_text->setPlaceholderText(tr("Filter: category or message text"));
    m_text->setClearButtonEnabled(true);
    auto *textTimer = new QTimer(this);
    textTimer->setSingleShot(true);
    textTimer->setInterval(200);
    connect(m_text, &QLineEdit::textChanged, textTimer, qOverload<>(&QTimer::start));
    connect(textTimer, &QTimer::timeout, this, [this] { m_filter->setText(m_text->text()); });
    auto *clear = new QPushButton(tr("Clear"), this);
    connect(clear, &QPushButton::clicked, m_model, &LogModel::clear);
    auto *folder = new QPushButton(tr("Open log folder"), this);
    connect(folder, &QPushButton::clicked, this, &LogPanel::openLogFolderRequested);
    auto *bar = new QHBoxLayout;
    auto *levelLabel = new QLabel(tr("&Show:"), this);
    levelLabel->setBuddy(m_level);
    bar->addWidget(levelLabel);
    bar->addWidget(m_level);
    bar->addWidget(m_text, 1);
    bar->addWidget(clear);
    bar->addWidget(folder);

    m_view = new QTableView(this);
    m_view->setModel(m_filter);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 4);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    QHeaderView *h = m_view->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->resizeSection(LogModel::Time,
                     m_view->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000")) + 16);
    h->resizeSection(LogModel::Level,
                     m_view->fontMetrics().horizontalAdvance(QStringLiteral("Warning")) + 24);
    h->resizeSection(LogModel::Category,
                     m_view->fontMetrics().horizontalAdvance(QStringLiteral("pairlab.workspace")) + 16);
    h->setStretchLastSection(true);
    // Follow the newest entry unless the user scrolled up to read.
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        QScrollBar *s = m_view->verticalScrollBar();
        m_view->setProperty("follow", s->value() == s->maximum());
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_view->property("follow").toBool())
            m_view->scrollToBottom();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
}

} // namespace pairlab
