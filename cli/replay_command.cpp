#include "alerts/alert_store.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "market/binance_trade_parser.h"
#include "market/recording.h"
#include "market/replay_server.h"
#include "session/live_session.h"
#include "session/recording_ingest.h"
#include "storage/bar_store.h"
#include "storage/database.h"
#include "storage/tick_writer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <QTimer>

namespace pairlab::cli {

int replay(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("file"),
                 QStringLiteral("Recording to serve (JSON lines; 'demo' = the bundled one)."),
                 QStringLiteral("F"), QStringLiteral("demo")});
    p.addOption({QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (0 = any free port)."),
                 QStringLiteral("P"), QStringLiteral("9443")});
    p.addOption({QStringLiteral("speed"), QStringLiteral("Replay speed, 1 = real time."), QStringLiteral("X"),
                 QStringLiteral("1")});
    p.addOption({QStringLiteral("max"), QStringLiteral("Send as fast as the client reads.")});
    p.addOption({QStringLiteral("loop"), QStringLiteral("Start over at the end.")});
    if (!parseArgs(p, QStringLiteral("replay"), args, err))
        return 2;
    bool ok = false;
    const int port = p.value(QStringLiteral("port")).toInt(&ok);
    if (!ok || port < 0 || port > 65535) {
        err << QCoreApplication::translate("cli", "--port: not a port number: %1\n")
                   .arg(p.value(QStringLiteral("port")));
        return 2;
    }
    const double speed = p.value(QStringLiteral("speed")).toDouble(&ok);
    if (!ok || speed <= 0) {
        err << QCoreApplication::translate("cli", "--speed: expected a positive number, got %1\n")
                   .arg(p.value(QStringLiteral("speed")));
        return 2;
    }
    ReplayServer server;
    QString error;
    if (!server.load(resolveRecording(p.value(QStringLiteral("file"))), &error) ||
        !server.listen(quint16(port), &error)) {
        err << error << '\n';
        return 1;
    }
    server.setSpeed(p.isSet(QStringLiteral("max")) ? 0.0 : speed);
    server.setLoop(p.isSet(QStringLiteral("loop")));
    out << QCoreApplication::translate("cli", "serving %1 frames on %2/stream\n")
               .arg(server.recording().frames.size())
               .arg(server.url().toString());
    out.flush();
    QObject::connect(&server, &ReplayServer::finished, &server, [&out, &server] {
        out << QCoreApplication::translate("cli", "all %1 frames sent\n").arg(server.framesSent());
        out.flush();
    });
    return QCoreApplication::exec();
}

} // namespace pairlab::cli
