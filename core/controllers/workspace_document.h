#pragma once

#include "workspace/workspace.h"

#include <QObject>
#include <QString>
#include <QStringList>

namespace pairlab {

/** The open workspace as a document: its file, what was last loaded or saved, whether what the window shows
 *  now differs from that (dirty), and the recent-files list. The window hands it a snapshot of its state
 *  (a Workspace); dirtiness is that snapshot compared with the document's baseline, so a window that merely
 *  settles (a list filled, a view laid out) never makes the document dirty. Window geometry and dock layout
 *  are saved but never make it dirty. GUI thread. */
class WorkspaceDocument : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxRecent = 8;

    explicit WorkspaceDocument(QObject *parent = nullptr);

    QString path() const { return m_path; }
    /** "Untitled" or the file's name. */
    QString displayName() const;
    bool isDirty() const { return m_dirty; }
    /** The last loaded or saved workspace (it keeps what the window does not edit: alerts, unknown fields).
     */
    const Workspace &baseline() const { return m_baseline; }

    /** A new, untitled document whose baseline is w (what the window shows after File → New). */
    void reset(const Workspace &w);
    /** Reads path; on success the baseline becomes its content, the document clean, the file the most recent.
     *  On failure nothing changes and error says why (the field that is wrong). */
    bool load(const QString &path, Workspace *out, QString *error);
    /** Writes w to path; on success w becomes the baseline and the document clean. */
    bool save(const Workspace &w, const QString &path, QString *error);
    /** The window's state changed: dirty when it differs from the baseline (layout aside). The pair and
     *  universe a new window fills in by itself once its symbols arrive are taken into the baseline. */
    void update(const Workspace &current);
    /** Adopt the window's state as the baseline without saving (the window finished applying a workspace). */
    void settle(const Workspace &current);

    QStringList recent() const;
    /** The workspace to restore on start (the last opened or saved one), or empty. */
    static QString lastWorkspace();

Q_SIGNALS:
    void dirtyChanged(bool dirty);
    void pathChanged(const QString &path);
    void recentChanged(const QStringList &recent);

private:
    static bool sameContent(const Workspace &a, const Workspace &b);
    void setDirty(bool dirty);
    void setPath(const QString &path);
    void remember(const QString &path);

    QString m_path;
    Workspace m_baseline;
    bool m_dirty = false;
};

} // namespace pairlab
