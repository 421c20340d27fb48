#include "controllers/workspace_document.h"

#include "logging/log_categories.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

namespace pairlab {

WorkspaceDocument::WorkspaceDocument(QObject *parent) : QObject(parent) {}

QString WorkspaceDocument::displayName() const
{
    return m_path.isEmpty() ? QCoreApplication::translate("WorkspaceDocument", "Untitled")
                            : QFileInfo(m_path).fileName();
}

void WorkspaceDocument::reset(const Workspace &w)
{
    m_baseline = w;
    setPath(QString());
    setDirty(false);
}

bool WorkspaceDocument::load(const QString &path, Workspace *out, QString *error)
{
    Workspace w;
    QString why;
    if (!Workspace::load(path, &w, &why)) {
        qCWarning(lcWorkspace).noquote() << "cannot open" << path << "-" << why;
        if (error)
            *error = why;
        return false;
    }
    qCInfo(lcWorkspace).noquote() << "opened" << path;
    m_baseline = w;
    setPath(path);
    setDirty(false);
    remember(path);
    if (out)
        *out = w;
    return true;
}

bool WorkspaceDocument::save(const Workspace &w, const QString &path, QString *error)
{
    QString why;
    if (!w.save(path, &why)) {
        qCWarning(lcWorkspace).noquote() << "cannot save" << path << "-" << why;
        if (error)
            *error = why;
        return false;
    }
    qCInfo(lcWorkspace).noquote() << "saved" << path;
    m_baseline = w;
    setPath(path);
    setDirty(false);
    remember(path);
    return true;
}

void WorkspaceDocument::update(const Workspace &current)
{
    // What a new window leaves empty until its first symbols arrive (the pair, the universe) is filled by the
    // window, not by the user: the first value becomes part of the baseline.
    if (m_baseline.pairY.isEmpty() && m_baseline.pairX.isEmpty()) {
        m_baseline.pairY = current.pairY;
        m_baseline.pairX = current.pairX;
    }
    if (m_baseline.universe.isEmpty())
        m_baseline.universe = current.universe;
    setDirty(!sameContent(current, m_baseline));
}

void WorkspaceDocument::settle(const Workspace &current)
{
    m_baseline = current;
    setDirty(false);
}

bool WorkspaceDocument::sameContent(const Workspace &a, const Workspace &b)
{
    Workspace x = a, y = b;
    x.windowGeometry = y.windowGeometry = QByteArray();
    x.windowState = y.windowState = QByteArray();
    x.activeView = y.activeView = QString();
    x.chartFromMs = y.chartFromMs = 0;
    x.chartToMs = y.chartToMs = 0;
    return x == y;
}

QStringList WorkspaceDocument::recent() const
{
    return QSettings().value(QStringLiteral("recentWorkspaces")).toStringList();
}

QString WorkspaceDocument::lastWorkspace()
{
    const QString last = QSettings().value(QStringLiteral("lastWorkspace")).toString();
    return !last.isEmpty() && QFileInfo::exists(last) ? last : QString();
}

void WorkspaceDocument::setDirty(bool dirty)
{
    if (dirty == m_dirty)
        return;
    m_dirty = dirty;
    Q_EMIT dirtyChanged(dirty);
}

void WorkspaceDocument::setPath(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    Q_EMIT pathChanged(path);
}

void WorkspaceDocument::remember(const QString &path)
{
    QSettings settings;
    QStringList list = settings.value(QStringLiteral("recentWorkspaces")).toStringList();
    const QString abs = QFileInfo(path).absoluteFilePath();
    list.removeAll(abs);
    list.prepend(abs);
    while (list.size() > MaxRecent)
        list.removeLast();
    settings.setValue(QStringLiteral("recentWorkspaces"), list);
    settings.setValue(QStringLiteral("lastWorkspace"), abs);
    Q_EMIT recentChanged(list);
}

} // namespace pairlab
