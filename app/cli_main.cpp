// pairlab-cli: the headless commands. The application object and the wiring only; the commands live in cli/.
#include "cli/commands.h"
#include "session/live_session.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pairlab-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("PairLab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PAIRLAB_VERSION));
    pairlab::registerMetaTypes();
    QTextStream out(stdout);
    QTextStream err(stderr);
    return pairlab::cli::run(QCoreApplication::arguments().mid(1), out, err);
}
