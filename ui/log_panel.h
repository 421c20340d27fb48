#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;

namespace pairlab {

class LogFilterModel;
class LogModel;

/** The log dock (View → Log): the log entries of this run (time, level, category, message), filtered by
 *  minimum level and text, following the newest entry while the view is scrolled to the bottom. The
 *  model is fed by the LogSink at ≤ 25 Hz; the panel only views it. GUI thread. */
class LogPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LogPanel(LogModel *model, QWidget *parent = nullptr);

    LogModel *model() const { return m_model; }
    LogFilterModel *filterModel() const { return m_filter; }
    QTableView *view() const { return m_view; }
    QComboBox *levelBox() const { return m_level; }
    QLineEdit *textFilter() const { return m_text; }

Q_SIGNALS:
    void openLogFolderRequested();

private:
    LogModel *m_model;
    LogFilterModel *m_filter;
    QTableView *m_view;
    QComboBox *m_level;
    QLineEdit *m_text;
};

} // namespace pairlab
