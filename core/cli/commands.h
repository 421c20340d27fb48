#pragma once

#include <QStringList>

class QTextStream;

namespace pairlab::cli {

/** The headless commands of pairlab-cli. Each takes the arguments after its own name, writes results to
 *  out and problems to err, and returns the process exit code (0 ok, 1 failure, 2 usage error).
 *  They need a QCoreApplication; commands that serve or listen run its event loop. */
int replay(const QStringList &args, QTextStream &out, QTextStream &err);
int ingest(const QStringList &args, QTextStream &out, QTextStream &err);
int exportData(const QStringList &args, QTextStream &out, QTextStream &err);
int bench(const QStringList &args, QTextStream &out, QTextStream &err);

/** The bundled demo recording (real Binance USD-M BTCUSDT/ETHUSDT trades), a Qt resource path. */
QString demoRecordingPath();

} // namespace pairlab::cli
