#include "bench/benchmarks.h"

#include "alerts/alert_engine.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

#include <iterator>

namespace pairlab::bench {

int benchAlerts(const QStringList &args, QTextStream &out, QTextStream & /*err*/)
{
    int rules = 50, updates = 100000;
    for (int i = 0; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--rules"))
            rules = std::max(1, args.at(i + 1).toInt());
        else if (args.at(i) == QLatin1String("--updates"))
            updates = std::max(1, args.at(i + 1).toInt());
    }
    static const char *const templates[] = {
        "abs(z) > 2 && corr > 0.8",
        "z < -2.5 || z > 2.5",
        "adf_p < 0.05 && coint_p < 0.05 && half_life < 600",
        "abs(ret_x - ret_y) > 0.001 && volume_x > 10",
        "spread / beta > 0.5 && corr_ret > 0.3",
        "max(abs(z), abs(spread)) > 3 ? 1 : 0",
    };
    QList<AlertRule> list;
    for (int i = 0; i < rules; ++i) {
        AlertRule r;
        r.id = i + 1;
        r.name = QStringLiteral("rule %1").arg(i + 1);
        r.expression = QString::fromLatin1(templates[i % int(std::size(templates))]);
        r.triggerMode = i % 2 ? AlertTriggerMode::WhileTrue : AlertTriggerMode::Rising;
        r.cooldownS = 5;
        list << r;
    }
    AlertEngine engine;
    engine.setRules(list);
    QRandomGenerator rng(42);
    std::vector<AlertVariables> samples(1024);
    for (AlertVariables &v : samples) {
        for (double &x : v.values)
            x = rng.generateDouble() * 2.0 - 0.5;
        v[AlertVariable::Z] = rng.generateDouble() * 6.0 - 3.0;
        v[AlertVariable::Beta] = 0.5 + rng.generateDouble();
    }
    const QString pair = QStringLiteral("BTCUSDT/ETHUSDT");
    qint64 events = 0;
    QElapsedTimer timer;
    timer.start();
    for (int u = 0; u < updates; ++u) {
        AlertVariables &v = samples[std::size_t(u) % samples.size()];
        v.bars = u + 1;
        v.timeMs = qint64(u) * 1000;
        events += engine.evaluate(pair, v).size();
    }
    const double us = double(timer.nsecsElapsed()) / 1000.0;
    out << "bench alerts: " << rules << " rules x " << updates
        << " updates: " << QString::number(us / (double(rules) * updates), 'f', 3)
        << " us per rule per update (" << events << " events, goal <= 50 us)\n";
    return 0;
}

} // namespace pairlab::bench
