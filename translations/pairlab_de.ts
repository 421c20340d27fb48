<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AdfTrend</name>
    <message>
        <source>constant</source>
        <translation>Konstante</translation>
    </message>
    <message>
        <source>constant + trend</source>
        <translation>Konstante + Trend</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>AlertEngine</name>
    <message>
        <source>waiting for %1 bars (%2 so far)</source>
        <translation>wartet auf %1 Bars (bisher %2)</translation>
    </message>
    <message>
        <source>in cooldown until %1 ms</source>
        <translation>in der Sperrzeit bis %1 ms</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 bei %2: %3</translation>
    </message>
    <message>
        <source>%1 on %2: %3 (%4)</source>
        <translation>%1 bei %2: %3 (%4)</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>expected &quot;rising&quot; or &quot;while_true&quot;</source>
        <translation>erwartet &quot;rising&quot; oder &quot;while_true&quot;</translation>
    </message>
    <message>
        <source>expected a number &gt;= 0</source>
        <translation>erwartet eine Zahl &gt;= 0</translation>
    </message>
    <message>
        <source>expected a whole number &gt;= 0</source>
        <translation>erwartet eine ganze Zahl &gt;= 0</translation>
    </message>
</context>
<context>
    <name>AlertExpression</name>
    <message>
        <source>spread y - (alpha + beta x) on the static hedge</source>
        <translation>Spread y - (alpha + beta x) mit der statischen Absicherung</translation>
    </message>
    <message>
        <source>static OLS hedge ratio of the spread</source>
        <translation>statisches OLS-Hedge-Verhältnis des Spreads</translation>
    </message>
    <message>
        <source>rolling correlation of the prices</source>
        <translation>rollierende Korrelation der Preise</translation>
    </message>
    <message>
        <source>rolling correlation of the log returns</source>
        <translation>rollierende Korrelation der Log-Renditen</translation>
    </message>
    <message>
        <source>ADF p-value of the spread</source>
        <translation>ADF-p-Wert des Spreads</translation>
    </message>
    <message>
        <source>Engle-Granger cointegration p-value</source>
        <translation>Engle-Granger-Kointegrations-p-Wert</translation>
    </message>
    <message>
        <source>half-life of the spread in bars</source>
        <translation>Halbwertszeit des Spreads in Bars</translation>
    </message>
    <message>
        <source>last close of x</source>
        <translation>letzter Schlusskurs von x</translation>
    </message>
    <message>
        <source>last close of y</source>
        <translation>letzter Schlusskurs von y</translation>
    </message>
    <message>
        <source>last log return of x</source>
        <translation>letzte Log-Rendite von x</translation>
    </message>
    <message>
        <source>last log return of y</source>
        <translation>letzte Log-Rendite von y</translation>
    </message>
    <message>
        <source>volume of the last bar of x</source>
        <translation>Volumen der letzten Bar von x</translation>
    </message>
    <message>
        <source>volume of the last bar of y</source>
        <translation>Volumen der letzten Bar von y</translation>
    </message>
    <message>
        <source>the expression is empty</source>
        <translation>der Ausdruck ist leer</translation>
    </message>
    <message>
        <source>invalid character &apos;%1&apos;</source>
        <translation>ungültiges Zeichen &apos;%1&apos;</translation>
    </message>
    <message>
        <source>only one expression is allowed (found a &apos;,&apos; outside a function call)</source>
        <translation>nur ein Ausdruck ist erlaubt (ein &apos;,&apos; außerhalb eines Funktionsaufrufs gefunden)</translation>
    </message>
    <message>
        <source>variable &apos;%1&apos; is undefined</source>
        <translation>Variable &apos;%1&apos; ist nicht definiert</translation>
    </message>
    <message>
        <source>division by zero</source>
        <translation>Division durch null</translation>
    </message>
    <message>
        <source>the result is not a number</source>
        <translation>das Ergebnis ist keine Zahl</translation>
    </message>
    <message>
        <source>the result is infinite</source>
        <translation>das Ergebnis ist unendlich</translation>
    </message>
    <message>
        <source>the expression is longer than %1 characters</source>
        <translation>der Ausdruck ist länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>column %1: brackets nested deeper than %2 levels</source>
        <translation>Spalte %1: Klammern tiefer als %2 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>column %1: unknown variable or function &apos;%2&apos;</source>
        <translation>Spalte %1: unbekannte Variable oder Funktion „%2“</translation>
    </message>
    <message>
        <source>column %1: unexpected &apos;%2&apos;</source>
        <translation>Spalte %1: unerwartetes „%2“</translation>
    </message>
    <message>
        <source>column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
    <message>
        <source>rolling z-score of the static OLS spread (alias zscore; the Kalman hedge&apos;s z is kalman_z)</source>
        <translation>rollierender z-Wert des statischen OLS-Spreads (Alias zscore; der z-Wert der Kalman-Absicherung ist kalman_z)</translation>
    </message>
    <message>
        <source>z-score of the Kalman hedge&apos;s spread (its innovation; warm-up = window)</source>
        <translation>z-Wert des Spreads der Kalman-Absicherung (ihre Innovation; Einlaufphase = Fenster)</translation>
    </message>
    <message>
        <source>spread of the Kalman hedge: y - (alpha + beta x) with the prior state</source>
        <translation>Spread der Kalman-Absicherung: y - (alpha + beta x) mit dem Vorhersagezustand</translation>
    </message>
</context>
<context>
    <name>AlertStore</name>
    <message>
        <source>alert rule %1 does not exist</source>
        <translation>Alarmregel %1 existiert nicht</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <source>“%1” is not a Binance symbol (2–20 letters A–Z and digits, e.g. BTCUSDT).</source>
        <translation>„%1“ ist kein Binance-Symbol (2–20 Buchstaben A–Z und Ziffern, z. B. BTCUSDT).</translation>
    </message>
    <message>
        <source>Enter at least one symbol, e.g. BTCUSDT,ETHUSDT.</source>
        <translation>Geben Sie mindestens ein Symbol ein, z. B. BTCUSDT,ETHUSDT.</translation>
    </message>
    <message>
        <source>The endpoint must be a ws:// or wss:// URL with a host, e.g. wss://fstream.binance.com/market.</source>
        <translation>Der Endpunkt muss eine ws://- oder wss://-URL mit Host sein, z. B. wss://fstream.binance.com/market.</translation>
    </message>
    <message>
        <source>Enter a PostgreSQL URL like postgresql://user@host:5432/pairlab (host and database name required).</source>
        <translation>Geben Sie eine PostgreSQL-URL wie postgresql://benutzer@host:5432/pairlab ein (Host und Datenbankname sind nötig).</translation>
    </message>
    <message>
        <source>The reconnect delay must be between %1 and %2 ms.</source>
        <translation>Die Wartezeit vor dem Neuverbinden muss zwischen %1 und %2 ms liegen.</translation>
    </message>
    <message>
        <source>The longest reconnect delay must be between %1 and %2 ms.</source>
        <translation>Die längste Wartezeit vor dem Neuverbinden muss zwischen %1 und %2 ms liegen.</translation>
    </message>
    <message>
        <source>The longest reconnect delay must not be shorter than the first one.</source>
        <translation>Die längste Wartezeit vor dem Neuverbinden darf nicht kürzer als die erste sein.</translation>
    </message>
    <message>
        <source>The stall timeout must be between %1 and %2 s.</source>
        <translation>Das Zeitlimit für eine stille Verbindung muss zwischen %1 und %2 s liegen.</translation>
    </message>
    <message>
        <source>The connect timeout must be between %1 and %2 s.</source>
        <translation>Das Verbindungs-Zeitlimit muss zwischen %1 und %2 s liegen.</translation>
    </message>
    <message>
        <source>API address: &apos;%1&apos; is not an IP address (127.0.0.1 serves this computer only)</source>
        <translation>API-Adresse: „%1“ ist keine IP-Adresse (127.0.0.1 bedient nur diesen Rechner)</translation>
    </message>
</context>
<context>
    <name>Backtest</name>
    <message>
        <source>the entry threshold must be a positive number</source>
        <translation>die Einstiegsschwelle muss eine positive Zahl sein</translation>
    </message>
    <message>
        <source>the exit threshold must be at least 0 and below the entry threshold</source>
        <translation>die Ausstiegsschwelle muss mindestens 0 und kleiner als die Einstiegsschwelle sein</translation>
    </message>
    <message>
        <source>the stop threshold must be above the entry threshold</source>
        <translation>die Stoppschwelle muss über der Einstiegsschwelle liegen</translation>
    </message>
    <message>
        <source>the window must have at least 2 bars</source>
        <translation>das Fenster muss mindestens 2 Bars umfassen</translation>
    </message>
    <message>
        <source>costs must not be negative</source>
        <translation>Kosten dürfen nicht negativ sein</translation>
    </message>
    <message>
        <source>the notional per trade must be positive</source>
        <translation>der Nominalwert pro Trade muss positiv sein</translation>
    </message>
    <message>
        <source>bars per year must be positive</source>
        <translation>Bars pro Jahr müssen positiv sein</translation>
    </message>
    <message>
        <source>the series have different lengths</source>
        <translation>die Reihen haben unterschiedliche Längen</translation>
    </message>
    <message>
        <source>there are no bars</source>
        <translation>es gibt keine Bars</translation>
    </message>
    <message>
        <source>the prices contain non-finite values</source>
        <translation>die Preise enthalten nicht endliche Werte</translation>
    </message>
    <message>
        <source>the static regression failed: %1</source>
        <translation>die statische Regression ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the Kalman filter failed: %1</source>
        <translation>der Kalman-Filter ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the prepared series were computed for another window or hedge method</source>
        <translation>die vorbereiteten Reihen wurden für ein anderes Fenster oder eine andere Hedge-Methode berechnet</translation>
    </message>
    <message>
        <source>no quotes are stored for these bars: quote fills need the legs&apos; bid/ask (stream bookTicker or ingest a recording with quotes)</source>
        <translation>für diese Bars sind keine Quotes gespeichert: Quote-Fills brauchen Geld/Brief beider Beine (bookTicker streamen oder eine Aufzeichnung mit Quotes importieren)</translation>
    </message>
    <message>
        <source>funding events of both legs are needed, and one has none stored over these bars (fetch them with pairlab-cli history --funding)</source>
        <translation>Funding-Ereignisse beider Beine werden gebraucht, und für eines sind über diese Bars keine gespeichert (mit pairlab-cli history --funding abrufen)</translation>
    </message>
    <message>
        <source>%1 legs but %2 weights</source>
        <translation>%1 Legs, aber %2 Gewichte</translation>
    </message>
    <message>
        <source>a basket is hedged by its weights: the rolling and Kalman hedges are for pairs</source>
        <translation>ein Korb wird über seine Gewichte abgesichert: rollierender und Kalman-Hedge gelten für Paare</translation>
    </message>
    <message>
        <source>a basket fills at the closes (quote fills are computed for pairs)</source>
        <translation>ein Korb wird zu den Schlusskursen ausgeführt (Quote-Fills werden für Paare berechnet)</translation>
    </message>
    <message>
        <source>funding events of every leg are needed, and a leg has none stored (fetch them with pairlab-cli history --funding)</source>
        <translation>Funding-Ereignisse aller Legs werden gebraucht, und für ein Leg sind keine gespeichert (mit pairlab-cli history --funding abrufen)</translation>
    </message>
    <message>
        <source>a weight is not a number</source>
        <translation>ein Gewicht ist keine Zahl</translation>
    </message>
    <message>
        <source>every weight is zero</source>
        <translation>alle Gewichte sind null</translation>
    </message>
    <message numerus="yes">
        <source>%n bar(s) in common: a backtest needs at least 3</source>
        <translation>
            <numerusform>%n gemeinsamer Bar: ein Backtest braucht mindestens 3</numerusform>
            <numerusform>%n gemeinsame Bars: ein Backtest braucht mindestens 3</numerusform>
        </translation>
    </message>
    <message>
        <source>the legs have different lengths</source>
        <translation>die Legs sind unterschiedlich lang</translation>
    </message>
    <message>
        <source>a leg has a price that is not a positive number</source>
        <translation>ein Leg hat einen Preis, der keine positive Zahl ist</translation>
    </message>
</context>
<context>
    <name>Basket</name>
    <message>
        <source>a basket needs at least two symbols</source>
        <translation>ein Korb braucht mindestens zwei Symbole</translation>
    </message>
    <message>
        <source>%1 symbols but %2 weights</source>
        <translation>%1 Symbole, aber %2 Gewichte</translation>
    </message>
    <message>
        <source>a symbol appears twice</source>
        <translation>ein Symbol kommt doppelt vor</translation>
    </message>
    <message>
        <source>the weight of %1 is not a number</source>
        <translation>das Gewicht von %1 ist keine Zahl</translation>
    </message>
    <message>
        <source>every weight is zero</source>
        <translation>alle Gewichte sind null</translation>
    </message>
    <message>
        <source>%1 legs but %2 weights</source>
        <translation>%1 Legs, aber %2 Gewichte</translation>
    </message>
    <message>
        <source>the legs have different lengths</source>
        <translation>die Legs sind unterschiedlich lang</translation>
    </message>
    <message>
        <source>a leg has a price that is not a number</source>
        <translation>ein Leg hat einen Preis, der keine Zahl ist</translation>
    </message>
    <message>
        <source>a weight is not a number</source>
        <translation>ein Gewicht ist keine Zahl</translation>
    </message>
    <message>
        <source>the window must be at least 2 bars</source>
        <translation>das Fenster muss mindestens 2 Bars umfassen</translation>
    </message>
    <message>
        <source>%1 bars in common, fewer than the window of %2 (and at least 10 are needed)</source>
        <translation>%1 gemeinsame Bars, weniger als das Fenster von %2 (und mindestens 10 sind nötig)</translation>
    </message>
    <message>
        <source>the basket&apos;s value does not move</source>
        <translation>der Wert des Korbs bewegt sich nicht</translation>
    </message>
</context>
<context>
    <name>BinanceRest</name>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>Binance banned this IP address (HTTP 418) for %1 s</source>
        <translation>Binance hat diese IP-Adresse für %1 s gesperrt (HTTP 418)</translation>
    </message>
    <message>
        <source>rate limited by Binance (HTTP 429)</source>
        <translation>von Binance gedrosselt (HTTP 429)</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Binance refused the request (HTTP %1): %2</source>
        <translation>Binance hat die Anfrage abgelehnt (HTTP %1): %2</translation>
    </message>
</context>
<context>
    <name>Bootstrap</name>
    <message>
        <source>a bootstrap needs at least two bars of returns</source>
        <translation>ein Bootstrap braucht mindestens zwei Bars mit Renditen</translation>
    </message>
    <message>
        <source>the number of resamples must be at least 1</source>
        <translation>die Zahl der Stichproben muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>the returns contain non-finite values</source>
        <translation>die Renditen enthalten nicht endliche Werte</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <source>cannot open the file: %1</source>
        <translation>Die Datei kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>a trade file needs a price and a quantity column</source>
        <translation>eine Trade-Datei braucht eine Preis- und eine Mengenspalte</translation>
    </message>
    <message>
        <source>no close (or price) column for %1</source>
        <translation>keine Schlusskurs- (oder Preis-)Spalte für %1</translation>
    </message>
    <message>
        <source>no time column</source>
        <translation>keine Zeitspalte</translation>
    </message>
    <message>
        <source>no symbol: give one</source>
        <translation>kein Symbol: bitte eines angeben</translation>
    </message>
    <message>
        <source>unreadable JSON: %1</source>
        <translation>unlesbares JSON: %1</translation>
    </message>
    <message>
        <source>not a time: &apos;%1&apos;</source>
        <translation>keine Zeitangabe: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>not a date: &apos;%1&apos;</source>
        <translation>kein Datum: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>not a time of day: &apos;%1&apos;</source>
        <translation>keine Uhrzeit: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unknown time format</source>
        <translation>unbekanntes Zeitformat</translation>
    </message>
    <message>
        <source>missing value</source>
        <translation>fehlender Wert</translation>
    </message>
    <message>
        <source>not a number: &apos;%1&apos;</source>
        <translation>keine Zahl: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>not a symbol: &apos;%1&apos;</source>
        <translation>kein Symbol: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>price %1 is not positive</source>
        <translation>Preis %1 ist nicht positiv</translation>
    </message>
    <message>
        <source>volume %1 is negative</source>
        <translation>Volumen %1 ist negativ</translation>
    </message>
    <message>
        <source>high %1 is below low %2</source>
        <translation>Hoch %1 liegt unter Tief %2</translation>
    </message>
    <message>
        <source>high %1 is below %2 %3</source>
        <translation>Hoch %1 liegt unter %2 %3</translation>
    </message>
    <message>
        <source>open</source>
        <translation>Eröffnung</translation>
    </message>
    <message>
        <source>close</source>
        <translation>Schluss</translation>
    </message>
    <message>
        <source>low %1 is above %2 %3</source>
        <translation>Tief %1 liegt über %2 %3</translation>
    </message>
    <message>
        <source>quantity %1 is negative</source>
        <translation>Menge %1 ist negativ</translation>
    </message>
    <message>
        <source>not a trade id: &apos;%1&apos;</source>
        <translation>keine Trade-ID: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>not true or false: &apos;%1&apos;</source>
        <translation>weder true noch false: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>not a side (buy/sell): &apos;%1&apos;</source>
        <translation>keine Seite (buy/sell): &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 has a second, different row for %2 (line %3)</source>
        <translation>%1 hat eine zweite, abweichende Zeile für %2 (Zeile %3)</translation>
    </message>
    <message>
        <source>%1 repeated row(s) dropped</source>
        <translation>%1 wiederholte Zeile(n) verworfen</translation>
    </message>
    <message>
        <source>%1: gap of %2 s after %3</source>
        <translation>%1: Lücke von %2 s nach %3</translation>
    </message>
    <message>
        <source>%1 gaps in all, the largest %2 s</source>
        <translation>%1 Lücken insgesamt, die größte %2 s</translation>
    </message>
    <message>
        <source>%1 trade(s) repeat the previous one exactly; kept as separate trades (the file has no trade ids)</source>
        <translation>%1 Trade(s) wiederholen den vorherigen exakt; als eigene Trades behalten (die Datei hat keine Trade-IDs)</translation>
    </message>
    <message>
        <source>trade id %1 appears twice with different values (line %2)</source>
        <translation>Trade-ID %1 kommt zweimal mit unterschiedlichen Werten vor (Zeile %2)</translation>
    </message>
    <message>
        <source>%1 repeated trade(s) dropped</source>
        <translation>%1 wiederholte(r) Trade(s) verworfen</translation>
    </message>
    <message>
        <source>warning: </source>
        <translation>Warnung: </translation>
    </message>
    <message>
        <source>the day/month order cannot be told from the data; %1 assumed</source>
        <translation>die Reihenfolge von Tag und Monat ist aus den Daten nicht erkennbar; %1 angenommen</translation>
    </message>
    <message>
        <source>day first</source>
        <translation>Tag zuerst</translation>
    </message>
    <message>
        <source>month first</source>
        <translation>Monat zuerst</translation>
    </message>
    <message>
        <source>symbol %1 taken from the file name</source>
        <translation>Symbol %1 aus dem Dateinamen übernommen</translation>
    </message>
    <message>
        <source>%1 line(s) before the header skipped</source>
        <translation>%1 Zeile(n) vor der Kopfzeile übersprungen</translation>
    </message>
    <message>
        <source>import cancelled</source>
        <translation>Import abgebrochen</translation>
    </message>
    <message>
        <source>cannot start a transaction: %1</source>
        <translation>Transaktion kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>a dataset named %1 already exists; choose another name</source>
        <translation>ein Datensatz namens %1 existiert bereits; bitte einen anderen Namen wählen</translation>
    </message>
    <message>
        <source>cannot add the dataset: %1</source>
        <translation>Datensatz kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>cannot add symbol %1: %2</source>
        <translation>Symbol %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>cannot store ticks: %1</source>
        <translation>Ticks können nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>%1 trade(s) were already stored (same symbol and trade id) and were kept once</source>
        <translation>%1 Trade(s) waren bereits gespeichert (gleiches Symbol und gleiche Trade-ID) und wurden einmal behalten</translation>
    </message>
    <message>
        <source>cannot store bars: %1</source>
        <translation>Bars können nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>cannot commit the import: %1</source>
        <translation>der Import kann nicht abgeschlossen werden: %1</translation>
    </message>
    <message>
        <source>unknown format: %1</source>
        <translation>unbekanntes Format: %1</translation>
    </message>
    <message>
        <source>--interval wants a number of seconds</source>
        <translation>--interval erwartet eine Anzahl Sekunden</translation>
    </message>
    <message>
        <source>unknown time zone: %1</source>
        <translation>unbekannte Zeitzone: %1</translation>
    </message>
    <message>
        <source>unknown option: %1</source>
        <translation>unbekannte Option: %1</translation>
    </message>
    <message>
        <source>more than one file given</source>
        <translation>mehr als eine Datei angegeben</translation>
    </message>
    <message>
        <source>format %1 (%2), delimiter &apos;%3&apos;, header line %4, time %5%6, interval %7 s, %8 rows, symbols %9
</source>
        <translation>Format %1 (%2), Trennzeichen &apos;%3&apos;, Kopfzeile %4, Zeit %5%6, Intervall %7 s, %8 Zeilen, Symbole %9
</translation>
    </message>
    <message>
        <source>generic</source>
        <translation>allgemein</translation>
    </message>
    <message>
        <source> day-first</source>
        <translation> Tag zuerst</translation>
    </message>
    <message>
        <source>imported %1 as dataset %2 (%3): %4 rows</source>
        <translation>%1 als Datensatz %2 importiert (%3): %4 Zeilen</translation>
    </message>
    <message>
        <source>, %1 ticks (%2 new)</source>
        <translation>, %1 Ticks (%2 neu)</translation>
    </message>
    <message>
        <source>, %1 bars</source>
        <translation>, %1 Bars</translation>
    </message>
    <message>
        <source> of %1 s</source>
        <translation> zu %1 s</translation>
    </message>
    <message>
        <source>cannot create a temporary directory</source>
        <translation>temporäres Verzeichnis kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>the demo recording has no trades</source>
        <translation>die Demo-Aufzeichnung enthält keine Trades</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>import %1: %2 rows (%3) in %4 s = %5 rows/s (parse %6 s, write %7 s); %8 bars, %9 ticks
</source>
        <translation>Import %1: %2 Zeilen (%3) in %4 s = %5 Zeilen/s (Parsen %6 s, Schreiben %7 s); %8 Bars, %9 Ticks
</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>Spalte %1</translation>
    </message>
    <message>
        <source>the file has no data rows</source>
        <translation>die Datei hat keine Datenzeilen</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>cannot tell what the columns hold; choose a column mapping</source>
        <translation>der Inhalt der Spalten ist nicht erkennbar; bitte eine Spaltenzuordnung wählen</translation>
    </message>
    <message>
        <source>the file does not look like a %1 file (it looks like %2)</source>
        <translation>die Datei sieht nicht wie eine %1-Datei aus (sie sieht aus wie %2)</translation>
    </message>
    <message>
        <source>no time column; choose one in the column mapping</source>
        <translation>keine Zeitspalte; bitte eine in der Spaltenzuordnung wählen</translation>
    </message>
    <message>
        <source>CSV import needs an open SQLite or PostgreSQL database</source>
        <translation>der CSV-Import braucht eine geöffnete SQLite- oder PostgreSQL-Datenbank</translation>
    </message>
    <message>
        <source>a line ends with a carriage return alone (old Mac line ends); save the file with LF or CRLF line ends</source>
        <translation>eine Zeile endet nur mit einem Wagenrücklauf (alte Mac-Zeilenenden); bitte die Datei mit LF- oder CRLF-Zeilenenden speichern</translation>
    </message>
    <message>
        <source>the file is UTF-16 text; save it as UTF-8</source>
        <translation>die Datei ist UTF-16-Text; bitte als UTF-8 speichern</translation>
    </message>
    <message>
        <source>a byte-order mark inside the file (files joined together?)</source>
        <translation>eine Byte-Order-Mark mitten in der Datei (Dateien aneinandergehängt?)</translation>
    </message>
    <message>
        <source>byte %1 is not UTF-8 text</source>
        <translation>Byte %1 ist kein UTF-8-Text</translation>
    </message>
    <message>
        <source>a NUL byte: the file is binary or not UTF-8 text (UTF-16?)</source>
        <translation>ein NUL-Byte: die Datei ist binär oder kein UTF-8-Text (UTF-16?)</translation>
    </message>
    <message>
        <source>control byte %1: the file is not plain text</source>
        <translation>Steuerbyte %1: die Datei ist kein reiner Text</translation>
    </message>
    <message>
        <source>a quote opens on this line and never closes</source>
        <translation>ein Anführungszeichen wird in dieser Zeile geöffnet und nie geschlossen</translation>
    </message>
    <message>
        <source>text after the closing quote of a field</source>
        <translation>Text nach dem schließenden Anführungszeichen eines Feldes</translation>
    </message>
    <message>
        <source>an empty line inside the data (rows follow on line %1)</source>
        <translation>eine leere Zeile mitten in den Daten (die Daten gehen in Zeile %1 weiter)</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) where the header has %1</source>
        <translation>
            <numerusform>%n Feld, die Kopfzeile hat aber %1</numerusform>
            <numerusform>%n Felder, die Kopfzeile hat aber %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) where the other rows have %1</source>
        <translation>
            <numerusform>%n Feld, die anderen Zeilen haben aber %1</numerusform>
            <numerusform>%n Felder, die anderen Zeilen haben aber %1</numerusform>
        </translation>
    </message>
    <message>
        <source> (this line uses &apos;%1&apos; as its delimiter)</source>
        <translation> (diese Zeile verwendet &apos;%1&apos; als Trennzeichen)</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source> (the other rows end with a delimiter, this one does not)</source>
        <translation> (die anderen Zeilen enden mit einem Trennzeichen, diese nicht)</translation>
    </message>
    <message>
        <source> (a delimiter ends this line)</source>
        <translation> (diese Zeile endet mit einem Trennzeichen)</translation>
    </message>
    <message>
        <source>the header (line %1) repeats here: files joined together?</source>
        <translation>die Kopfzeile (Zeile %1) wiederholt sich hier: Dateien aneinandergehängt?</translation>
    </message>
    <message>
        <source>missing value (&apos;%1&apos;)</source>
        <translation>fehlender Wert (&apos;%1&apos;)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is out of the range of a number</source>
        <translation>&apos;%1&apos; liegt außerhalb des Zahlenbereichs</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a finite number</source>
        <translation>&apos;%1&apos; ist keine endliche Zahl</translation>
    </message>
    <message>
        <source>not a number: &apos;%1&apos; (only &apos;%2&apos; reads as one)</source>
        <translation>keine Zahl: &apos;%1&apos; (nur &apos;%2&apos; ist als Zahl lesbar)</translation>
    </message>
    <message>
        <source>the symbol changes from %1 (line %2) to %3, but the import is for one symbol (%4)</source>
        <translation>das Symbol wechselt von %1 (Zeile %2) zu %3, der Import ist aber für ein einziges Symbol (%4)</translation>
    </message>
    <message>
        <source>no prices in this row</source>
        <translation>keine Preise in dieser Zeile</translation>
    </message>
    <message>
        <source>trade id %1 is negative</source>
        <translation>Trade-ID %1 ist negativ</translation>
    </message>
    <message>
        <source>%1 is before %2, the earliest time asked for</source>
        <translation>%1 liegt vor %2, der frühesten angeforderten Zeit</translation>
    </message>
    <message>
        <source>%1 is before %2: not a plausible market date (--earliest imports older data)</source>
        <translation>%1 liegt vor %2: kein plausibles Marktdatum (--earliest importiert ältere Daten)</translation>
    </message>
    <message>
        <source>%1 is before %2: not plausible for intraday bars or trades (--earliest imports older data)</source>
        <translation>%1 liegt vor %2: nicht plausibel für Intraday-Bars oder Trades (--earliest importiert ältere Daten)</translation>
    </message>
    <message>
        <source>%1 is in the future (more than a day from now)</source>
        <translation>%1 liegt in der Zukunft (mehr als einen Tag voraus)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 does not hold a SHA-256 checksum</source>
        <translation>%1 enthält keine SHA-256-Prüfsumme</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>SHA-256 %1 does not match %2 (%3): the download is damaged or not the published file</source>
        <translation>SHA-256 %1 stimmt nicht mit %2 (%3) überein: der Download ist beschädigt oder nicht die veröffentlichte Datei</translation>
    </message>
    <message>
        <source>not a readable zip archive: %1</source>
        <translation>kein lesbares zip-Archiv: %1</translation>
    </message>
    <message>
        <source>the archive holds more than one file (%1 and %2); import them one by one</source>
        <translation>das Archiv enthält mehr als eine Datei (%1 und %2); bitte einzeln importieren</translation>
    </message>
    <message>
        <source>the archive holds no file</source>
        <translation>das Archiv enthält keine Datei</translation>
    </message>
    <message>
        <source>cannot read %1 in the archive: %2</source>
        <translation>%1 im Archiv kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is %2 bytes uncompressed, more than the %3 an import reads</source>
        <translation>%1 ist entpackt %2 Byte groß, mehr als die %3, die ein Import liest</translation>
    </message>
    <message>
        <source>cannot open %1 in the archive: %2</source>
        <translation>%1 im Archiv kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 in the archive is damaged: %2</source>
        <translation>%1 im Archiv ist beschädigt: %2</translation>
    </message>
    <message>
        <source>usage: pairlab-cli import FILE --db DATABASE [--symbol S] [--dataset NAME]
         [--format auto|ohlc|close|wide|trades|binance-klines|binance-trades|binance-aggtrades]
         [--interval SECONDS] [--tz ZONE] [--day-first|--month-first] [--delimiter C]
         [--earliest YYYY-MM-DD] [--preview]
</source>
        <translation>Aufruf: pairlab-cli import DATEI --db DATENBANK [--symbol S] [--dataset NAME]
         [--format auto|ohlc|close|wide|trades|binance-klines|binance-trades|binance-aggtrades]
         [--interval SEKUNDEN] [--tz ZONE] [--day-first|--month-first] [--delimiter Z]
         [--earliest YYYY-MM-DD] [--preview]
</translation>
    </message>
    <message>
        <source>--earliest wants a date (YYYY-MM-DD) or an ISO-8601 time: %1</source>
        <translation>--earliest erwartet ein Datum (YYYY-MM-DD) oder eine ISO-8601-Zeit: %1</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
</context>
<context>
    <name>Funding</name>
    <message>
        <source>not JSON: %1</source>
        <translation>kein JSON: %1</translation>
    </message>
    <message>
        <source>not a list of funding events</source>
        <translation>keine Liste von Funding-Ereignissen</translation>
    </message>
    <message>
        <source>funding event %1 lacks symbol, fundingTime or fundingRate, or has one of the wrong type</source>
        <translation>Funding-Ereignis %1 fehlt symbol, fundingTime oder fundingRate, oder eines hat den falschen Typ</translation>
    </message>
    <message>
        <source>funding event %1 is of %2, not %3</source>
        <translation>Funding-Ereignis %1 gehört zu %2, nicht zu %3</translation>
    </message>
    <message>
        <source>funding event %1 has a mark price that is not a positive number</source>
        <translation>Funding-Ereignis %1 hat einen Mark-Preis, der keine positive Zahl ist</translation>
    </message>
    <message>
        <source>funding event %1 is not after the one before</source>
        <translation>Funding-Ereignis %1 liegt nicht nach dem vorigen</translation>
    </message>
</context>
<context>
    <name>GapBands</name>
    <message numerus="yes">
        <source>%1: %n trade(s) missing (ids %2 to %3), %4 to %5</source>
        <translation>
            <numerusform>%1: %n Trade fehlt (IDs %2 bis %3), %4 bis %5</numerusform>
            <numerusform>%1: %n Trades fehlen (IDs %2 bis %3), %4 bis %5</numerusform>
        </translation>
    </message>
    <message>
        <source>being back-filled</source>
        <translation>wird nachgeladen</translation>
    </message>
    <message>
        <source>could not be filled: %1</source>
        <translation>konnte nicht nachgeladen werden: %1</translation>
    </message>
</context>
<context>
    <name>HedgeMethod</name>
    <message>
        <source>OLS</source>
        <translation>OLS</translation>
    </message>
    <message>
        <source>Huber</source>
        <translation>Huber</translation>
    </message>
    <message>
        <source>Theil-Sen</source>
        <translation>Theil-Sen</translation>
    </message>
    <message>
        <source>Kalman</source>
        <translation>Kalman</translation>
    </message>
</context>
<context>
    <name>Johansen</name>
    <message>
        <source>the Johansen test needs at least two series</source>
        <translation>der Johansen-Test braucht mindestens zwei Reihen</translation>
    </message>
    <message>
        <source>det_order must be -1 (none), 0 (constant) or 1 (linear trend)</source>
        <translation>det_order muss -1 (keine), 0 (Konstante) oder 1 (linearer Trend) sein</translation>
    </message>
    <message>
        <source>k_ar_diff must be 0 or more</source>
        <translation>k_ar_diff muss 0 oder größer sein</translation>
    </message>
    <message>
        <source>the series have different lengths</source>
        <translation>die Reihen haben unterschiedliche Längen</translation>
    </message>
    <message>
        <source>%1 rows are too few for %2 series with %3 lagged differences</source>
        <translation>%1 Zeilen sind zu wenige für %2 Reihen mit %3 verzögerten Differenzen</translation>
    </message>
    <message>
        <source>row %1 of series %2 is not a finite number</source>
        <translation>Zeile %1 der Reihe %2 ist keine endliche Zahl</translation>
    </message>
    <message>
        <source>the series are collinear (a singular covariance): drop a duplicate series</source>
        <translation>die Reihen sind kollinear (singuläre Kovarianz): eine doppelte Reihe entfernen</translation>
    </message>
    <message>
        <source>the eigenvalue problem did not converge</source>
        <translation>das Eigenwertproblem ist nicht konvergiert</translation>
    </message>
    <message>
        <source>%1 lagged differences of %2 series over %3 rows need more memory than is sensible: use fewer lags</source>
        <translation>%1 verzögerte Differenzen von %2 Reihen über %3 Zeilen brauchen mehr Speicher als sinnvoll: weniger Lags verwenden</translation>
    </message>
    <message>
        <source>an eigenvalue of 1: the series are exactly cointegrated (a duplicate or a linear combination of the others)</source>
        <translation>ein Eigenwert von 1: die Reihen sind exakt kointegriert (ein Duplikat oder eine Linearkombination der anderen)</translation>
    </message>
</context>
<context>
    <name>PairDisplay</name>
    <message>
        <source>there is no pair series to export</source>
        <translation>es gibt keine Paarreihe zum Exportieren</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cannot record to %1: %2</source>
        <translation>Aufzeichnung nach %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>cannot open recording %1: %2</source>
        <translation>Aufzeichnung %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>recording %1: %2</source>
        <translation>Aufzeichnung %1: %2</translation>
    </message>
    <message>
        <source>no stream frames found</source>
        <translation>keine Stream-Frames gefunden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot open database %1: %2</source>
        <translation>Datenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot read the schema version of %1</source>
        <translation>die Schemaversion von %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>database %1 has schema version %2, newer than this PairLab understands (%3)</source>
        <translation>Datenbank %1 hat die Schemaversion %2, neuer als diese PairLab-Version versteht (%3)</translation>
    </message>
    <message>
        <source>migration to schema version %1 failed: %2</source>
        <translation>Migration auf Schemaversion %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>database %1: %2</source>
        <translation>Datenbank %1: %2</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the database connection gives no native SQLite or PostgreSQL handle</source>
        <translation>die Datenbankverbindung liefert kein natives SQLite- oder PostgreSQL-Handle</translation>
    </message>
    <message>
        <source>the PostgreSQL driver of Qt (QPSQL) is not installed</source>
        <translation>der PostgreSQL-Treiber von Qt (QPSQL) ist nicht installiert</translation>
    </message>
    <message>
        <source>%1 is not a valid PostgreSQL URL: %2</source>
        <translation>%1 ist keine gültige PostgreSQL-URL: %2</translation>
    </message>
    <message>
        <source>a PostgreSQL URL starts with postgresql://, not %1</source>
        <translation>eine PostgreSQL-URL beginnt mit postgresql://, nicht mit %1</translation>
    </message>
    <message>
        <source>the PostgreSQL URL %1 names no host (postgresql://user@host:port/database)</source>
        <translation>die PostgreSQL-URL %1 nennt keinen Host (postgresql://benutzer@host:port/datenbank)</translation>
    </message>
    <message>
        <source>the PostgreSQL URL %1 names no database (postgresql://user@host:port/database)</source>
        <translation>die PostgreSQL-URL %1 nennt keine Datenbank (postgresql://benutzer@host:port/datenbank)</translation>
    </message>
    <message>
        <source>unknown parameter &apos;%1&apos; in the PostgreSQL URL (known: %2)</source>
        <translation>unbekannter Parameter „%1“ in der PostgreSQL-URL (bekannt: %2)</translation>
    </message>
    <message>
        <source>cannot create the folder %1 of database %2</source>
        <translation>der Ordner %1 der Datenbank %2 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>the transaction was rolled back</source>
        <translation>die Transaktion wurde zurückgerollt</translation>
    </message>
    <message>
        <source>cannot add symbol %1</source>
        <translation>Symbol %1 kann nicht hinzugefügt werden</translation>
    </message>
</context>
<context>
    <name>RatioView</name>
    <message>
        <source>n/a: 1 trade</source>
        <translation>k. A.: 1 Trade</translation>
    </message>
    <message>
        <source>n/a: %1 trades</source>
        <translation>k. A.: %1 Trades</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>%1 per bar</source>
        <translation>%1 pro Bar</translation>
    </message>
    <message>
        <source>A ratio needs at least %1 trades</source>
        <translation>Eine Kennzahl braucht mindestens %1 Trades</translation>
    </message>
    <message>
        <source>The P&amp;L does not vary</source>
        <translation>Der G&amp;V schwankt nicht</translation>
    </message>
    <message>
        <source>Per bar, not annualised: %1 of data is too short to scale to a year</source>
        <translation>Pro Bar, nicht annualisiert: %1 Daten sind zu kurz, um auf ein Jahr hochzurechnen</translation>
    </message>
    <message>
        <source>Annualised by ×√%1 (%1 bars of %2 a year, 24/7)</source>
        <translation>Annualisiert mit ×√%1 (%1 Bars zu %2 pro Jahr, 24/7)</translation>
    </message>
</context>
<context>
    <name>RestBarStore</name>
    <message>
        <source>cannot read the stored bars of %1: %2</source>
        <translation>die gespeicherten Bars von %1 können nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>ScanFilter</name>
    <message>
        <source>EG p ≤ %1 (better order), Hurst &lt; %2, half-life %3 bar … %4 of the look-back, ≥ %5 mean crossings</source>
        <translation>EG-p ≤ %1 (bessere Richtung), Hurst &lt; %2, Halbwertszeit %3 Bar … %4 des Rückblicks, ≥ %5 Mittelwert-Kreuzungen</translation>
    </message>
</context>
<context>
    <name>WalkForward</name>
    <message numerus="yes">
        <source>no cell of the grid had %n trade(s) and a finite objective in the training window</source>
        <translation>
            <numerusform>keine Zelle des Rasters hatte im Trainingsfenster %n Trade und einen endlichen Zielwert</numerusform>
            <numerusform>keine Zelle des Rasters hatte im Trainingsfenster %n Trades und einen endlichen Zielwert</numerusform>
        </translation>
    </message>
    <message>
        <source>the training window&apos;s regression failed: %1</source>
        <translation>die Regression des Trainingsfensters ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the training window, test window and step must be positive numbers of bars</source>
        <translation>Trainingsfenster, Testfenster und Schritt müssen eine positive Anzahl Bars sein</translation>
    </message>
    <message>
        <source>the step (%1 bars) is shorter than the test window (%2 bars): test windows would overlap and their equity could not be stitched</source>
        <translation>der Schritt (%1 Bars) ist kürzer als das Testfenster (%2 Bars): Testfenster würden sich überlappen und ihre Equity ließe sich nicht zusammensetzen</translation>
    </message>
    <message>
        <source>the training window (%1 bars) must be longer than the z-score window (%2 bars)</source>
        <translation>das Trainingsfenster (%1 Bars) muss länger sein als das Z-Score-Fenster (%2 Bars)</translation>
    </message>
    <message>
        <source>the test window must have at least 3 bars</source>
        <translation>das Testfenster muss mindestens 3 Bars umfassen</translation>
    </message>
    <message>
        <source>the minimum number of trades must not be negative</source>
        <translation>die Mindestanzahl an Trades darf nicht negativ sein</translation>
    </message>
    <message>
        <source>%1 bars do not hold one training window and one test window (%2 + %3 bars)</source>
        <translation>%1 Bars reichen nicht für ein Trainings- und ein Testfenster (%2 + %3 Bars)</translation>
    </message>
    <message>
        <source>the series have different lengths</source>
        <translation>die Reihen sind unterschiedlich lang</translation>
    </message>
    <message>
        <source>the grid of entry and exit thresholds is empty</source>
        <translation>das Raster der Einstiegs- und Ausstiegsschwellen ist leer</translation>
    </message>
    <message>
        <source>no cell of the grid is a valid backtest: %1</source>
        <translation>keine Zelle des Rasters ist ein gültiger Backtest: %1</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>field &quot;%1&quot;: %2</source>
        <translation>Feld „%1“: %2</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>Objekt erwartet</translation>
    </message>
    <message>
        <source>expected text</source>
        <translation>Text erwartet</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>„%1“ ist keiner von %2</translation>
    </message>
    <message>
        <source>expected a list of text</source>
        <translation>Liste von Texten erwartet</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2</source>
        <translation>ganze Zahl von %1 bis %2 erwartet</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>ganze Zahl erwartet</translation>
    </message>
    <message>
        <source>expected a number from %1 to %2</source>
        <translation>Zahl von %1 bis %2 erwartet</translation>
    </message>
    <message>
        <source>expected base64 text</source>
        <translation>Base64-Text erwartet</translation>
    </message>
    <message>
        <source>this is not a PairLab workspace</source>
        <translation>dies ist kein PairLab-Arbeitsbereich</translation>
    </message>
    <message>
        <source>expected a format version number</source>
        <translation>Formatversionsnummer erwartet</translation>
    </message>
    <message>
        <source>written by a newer PairLab (workspace format %1; this version reads up to %2)</source>
        <translation>von einer neueren PairLab-Version geschrieben (Arbeitsbereichsformat %1; diese Version liest bis %2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a symbol</source>
        <translation>„%1“ ist kein Symbol</translation>
    </message>
    <message>
        <source>expected a ws:// or wss:// address</source>
        <translation>ws://- oder wss://-Adresse erwartet</translation>
    </message>
    <message>
        <source>expected &quot;live&quot; or &quot;upload:&lt;dataset&gt;&quot;</source>
        <translation>„live“ oder „upload:&lt;Datensatz&gt;“ erwartet</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>Liste erwartet</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be a workspace</source>
        <translation>%1 ist zu groß für einen Arbeitsbereich</translation>
    </message>
    <message>
        <source>%1:%2:%3: not valid JSON (%4) — the file may be truncated or hand-edited</source>
        <translation>%1:%2:%3: kein gültiges JSON (%4) — die Datei ist möglicherweise abgeschnitten oder von Hand bearbeitet</translation>
    </message>
    <message>
        <source>%1: not a PairLab workspace (expected a JSON object)</source>
        <translation>%1: kein PairLab-Arbeitsbereich (JSON-Objekt erwartet)</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>longer than %1 characters</source>
        <translation>länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>control character at position %1</source>
        <translation>Steuerzeichen an Position %1</translation>
    </message>
    <message>
        <source>an address with a user name or password is refused (PairLab reads public streams only and stores no credentials)</source>
        <translation>eine Adresse mit Benutzername oder Passwort wird abgelehnt (PairLab liest nur öffentliche Streams und speichert keine Zugangsdaten)</translation>
    </message>
    <message>
        <source>more than 64 legs</source>
        <translation>mehr als 64 Legs</translation>
    </message>
    <message>
        <source>expected a list of numbers</source>
        <translation>Liste von Zahlen erwartet</translation>
    </message>
    <message>
        <source>%1 weights for %2 legs</source>
        <translation>%1 Gewichte für %2 Legs</translation>
    </message>
</context>
<context>
    <name>WorkspaceDocument</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>--port: not a port number: %1
</source>
        <translation>--port: keine Portnummer: %1
</translation>
    </message>
    <message>
        <source>--speed: expected a positive number, got %1
</source>
        <translation>--speed: positive Zahl erwartet, erhalten: %1
</translation>
    </message>
    <message>
        <source>serving %1 frames on %2/stream
</source>
        <translation>%1 Frames werden auf %2/stream bereitgestellt
</translation>
    </message>
    <message>
        <source>all %1 frames sent
</source>
        <translation>alle %1 Frames gesendet
</translation>
    </message>
    <message>
        <source>ingest needs --db and exactly one of --url or --file

</source>
        <translation>ingest braucht --db und genau eines von --url oder --file

</translation>
    </message>
    <message>
        <source>frames %1, ticks stored %2, duplicates %3, malformed %4, other %5
</source>
        <translation>Frames %1, gespeicherte Ticks %2, Duplikate %3, fehlerhaft %4, sonstige %5
</translation>
    </message>
    <message>
        <source>--idle-exit: expected a positive number of seconds
</source>
        <translation>--idle-exit: positive Anzahl Sekunden erwartet
</translation>
    </message>
    <message>
        <source>--url: not a ws:// or wss:// URL: %1
</source>
        <translation>--url: keine ws://- oder wss://-URL: %1
</translation>
    </message>
    <message>
        <source>storage error: %1
</source>
        <translation>Speicherfehler: %1
</translation>
    </message>
    <message>
        <source>frames %1, ticks stored %2, duplicates %3, malformed %4, other %5, reconnects %6
</source>
        <translation>Frames %1, gespeicherte Ticks %2, Duplikate %3, fehlerhaft %4, sonstige %5, Neuverbindungen %6
</translation>
    </message>
    <message>
        <source>export events needs --db and --out
</source>
        <translation>export events braucht --db und --out
</translation>
    </message>
    <message>
        <source>no database at %1
</source>
        <translation>keine Datenbank unter %1
</translation>
    </message>
    <message>
        <source>alert events written to %1
</source>
        <translation>Alarmereignisse nach %1 geschrieben
</translation>
    </message>
    <message>
        <source>export ticks needs --db, --symbol and --out
</source>
        <translation>export ticks braucht --db, --symbol und --out
</translation>
    </message>
    <message>
        <source>export bars needs --db, --symbol, --interval (1s, 1m, 5m) and --out (or --dataset with --interval-seconds)
</source>
        <translation>export bars braucht --db, --symbol, --interval (1s, 1m, 5m) und --out (oder --dataset mit --interval-seconds)
</translation>
    </message>
    <message>
        <source>--%1: not a time: %2 (epoch ms or ISO-8601)
</source>
        <translation>--%1: keine Zeitangabe: %2 (Epoch-ms oder ISO-8601)
</translation>
    </message>
    <message>
        <source>symbol %1 is not in %2</source>
        <translation>Symbol %1 ist nicht in %2</translation>
    </message>
    <message>
        <source>%1 %2 written to %3
</source>
        <translation>%1 %2 nach %3 geschrieben
</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no trades
</source>
        <translation>%1 enthält keine Trades
</translation>
    </message>
    <message>
        <source>usage: pairlab-cli bench postgres --db postgresql://… [--ticks N] [--readers K]
</source>
        <translation>Aufruf: pairlab-cli bench postgres --db postgresql://… [--ticks N] [--readers K]
</translation>
    </message>
    <message>
        <source>the demo recording has no trades</source>
        <translation>die Demo-Aufzeichnung enthält keine Trades</translation>
    </message>
    <message>
        <source>--to (%1) must be after --from (%2)
</source>
        <translation>--to (%1) muss nach --from (%2) liegen
</translation>
    </message>
    <message>
        <source>--rest-base: not an http(s)://host[:port] URL: %1
</source>
        <translation>--rest-base: keine http(s)://host[:port]-URL: %1
</translation>
    </message>
    <message>
        <source>cannot open %1: %2
</source>
        <translation>%1 kann nicht geöffnet werden: %2
</translation>
    </message>
    <message>
        <source>%1 %2 bars from %3 to %4: %5 open times, %6 stored before, %7 to ask for in %8 range(s)
</source>
        <translation>%1 %2-Bars von %3 bis %4: %5 Eröffnungszeiten, %6 schon gespeichert, %7 anzufragen in %8 Bereich(en)
</translation>
    </message>
    <message>
        <source>%1: %2 bars received, %3 stored, %4 request(s)</source>
        <translation>%1: %2 Bars empfangen, %3 gespeichert, %4 Anfrage(n)</translation>
    </message>
    <message>
        <source>, %1 rate-limited</source>
        <translation>, %1 gedrosselt</translation>
    </message>
    <message>
        <source> — not complete from %1: %2</source>
        <translation> — nicht vollständig ab %1: %2</translation>
    </message>
    <message>
        <source>stored %1 new %2 bars of %3 (source %4) in %5 request(s) of weight %6
</source>
        <translation>%1 neue %2-Bars von %3 gespeichert (Quelle %4) in %5 Anfrage(n) mit Gewicht %6
</translation>
    </message>
    <message>
        <source>history not complete (what was stored stays; run again to complete it):
  %1
</source>
        <translation>Historie nicht vollständig (Gespeichertes bleibt; erneut ausführen, um sie zu vervollständigen):
  %1
</translation>
    </message>
    <message>
        <source>export quotes needs --db, --symbol, --interval (1s, 1m, 5m) and --out
</source>
        <translation>export quotes braucht --db, --symbol, --interval (1s, 1m, 5m) und --out
</translation>
    </message>
    <message>
        <source>%1 quote bars written to %2
</source>
        <translation>%1 Quote-Bars nach %2 geschrieben
</translation>
    </message>
    <message>
        <source>usage: pairlab-cli export bars --db D --symbol S --interval 1s|1m|5m [--dataset NAME --interval-seconds N] --out F.csv
       pairlab-cli export ticks --db D --symbol S [--from T] [--to T] --out F.csv
       pairlab-cli export quotes --db D --symbol S --interval 1s|1m|5m --out F.csv
       pairlab-cli export events --db D [--filter TEXT] --out F.csv
       (T: epoch ms or ISO-8601, UTC unless an offset is given)
</source>
        <translation>Aufruf: pairlab-cli export bars --db D --symbol S --interval 1s|1m|5m [--dataset NAME --interval-seconds N] --out F.csv
       pairlab-cli export ticks --db D --symbol S [--from T] [--to T] --out F.csv
       pairlab-cli export quotes --db D --symbol S --interval 1s|1m|5m --out F.csv
       pairlab-cli export events --db D [--filter TEXT] --out F.csv
       (T: Epoch-ms oder ISO-8601, UTC, sofern kein Versatz angegeben ist)
</translation>
    </message>
    <message>
        <source>quotes binned %1, repeated %2
</source>
        <translation>Quotes gebündelt %1, wiederholt %2
</translation>
    </message>
    <message>
        <source>history needs --db, --symbols, --interval (1m or 5m) and/or --funding, --from and --to
</source>
        <translation>history braucht --db, --symbols, --interval (1m oder 5m) und/oder --funding, --from und --to
</translation>
    </message>
    <message>
        <source>%1 funding from %2 to %3: %4 event(s) stored before
</source>
        <translation>%1 Funding von %2 bis %3: %4 Ereignis(se) bereits gespeichert
</translation>
    </message>
    <message>
        <source>%1: %2 events received, %3 stored, %4 request(s)</source>
        <translation>%1: %2 Ereignisse empfangen, %3 gespeichert, %4 Anfrage(n)</translation>
    </message>
    <message>
        <source>stored %1 new funding events of %2
</source>
        <translation>%1 neue Funding-Ereignisse von %2 gespeichert
</translation>
    </message>
    <message>
        <source>history needs --db, --symbols, --interval (1m or 5m), --from and --to
</source>
        <translation>history braucht --db, --symbols, --interval (1m oder 5m), --from und --to
</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Try &apos;pairlab --help&apos;.</source>
        <translation>Siehe &apos;pairlab --help&apos;.</translation>
    </message>
    <message>
        <source>--lang: unknown language &apos;%1&apos; (e.g. de, zh_CN, en)</source>
        <translation>--lang: unbekannte Sprache &apos;%1&apos; (z. B. de, zh_CN, en)</translation>
    </message>
    <message>
        <source>Live statistical-arbitrage workbench for crypto futures.</source>
        <translation>Live-Werkbank für statistische Arbitrage mit Krypto-Futures.</translation>
    </message>
    <message>
        <source>Start the bundled real Binance recording instead of the live feed.</source>
        <translation>Die mitgelieferte echte Binance-Aufzeichnung statt des Live-Feeds starten.</translation>
    </message>
    <message>
        <source>Comma-separated symbols.</source>
        <translation>Kommagetrennte Symbole.</translation>
    </message>
    <message>
        <source>WebSocket endpoint.</source>
        <translation>WebSocket-Endpunkt.</translation>
    </message>
    <message>
        <source>trade or aggTrade.</source>
        <translation>trade oder aggTrade.</translation>
    </message>
    <message>
        <source>Open on a view: market or pair.</source>
        <translation>Mit einer Ansicht öffnen: market oder pair.</translation>
    </message>
    <message>
        <source>Language of the window, e.g. de or zh_CN (default: the setting &quot;language&quot;, else the system&apos;s).</source>
        <translation>Sprache des Fensters, z. B. de oder zh_CN (Standard: die Einstellung „language“, sonst die des Systems).</translation>
    </message>
    <message>
        <source>A workspace file (*.pairlab) to open.</source>
        <translation>Eine zu öffnende Arbeitsbereichsdatei (*.pairlab).</translation>
    </message>
    <message>
        <source>--stream must be trade or aggTrade, not &apos;%1&apos;.</source>
        <translation>--stream muss trade oder aggTrade sein, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--view must be market or pair, not &apos;%1&apos;.</source>
        <translation>--view muss market oder pair sein, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Only one workspace file can be opened.</source>
        <translation>Es kann nur eine Arbeitsbereichsdatei geöffnet werden.</translation>
    </message>
    <message>
        <source>--endpoint must be a ws:// or wss:// URL, not &apos;%1&apos;.</source>
        <translation>--endpoint muss eine ws://- oder wss://-URL sein, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>cannot create the data directory %1</source>
        <translation>das Datenverzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Replay speed of the demo (1 = real time).</source>
        <translation>Wiedergabegeschwindigkeit der Demo (1 = Echtzeit).</translation>
    </message>
    <message>
        <source>Database: a SQLite file or a postgresql://user@host:port/dbname URL.</source>
        <translation>Datenbank: eine SQLite-Datei oder eine URL postgresql://benutzer@host:port/datenbank.</translation>
    </message>
</context>
<context>
    <name>pairlab</name>
    <message>
        <source>cannot start gzip decompression</source>
        <translation>gzip-Entpackung kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>damaged gzip data at compressed byte %1: %2</source>
        <translation>beschädigte gzip-Daten bei komprimiertem Byte %1: %2</translation>
    </message>
    <message>
        <source>gzip data cut short</source>
        <translation>gzip-Daten sind abgeschnitten</translation>
    </message>
    <message>
        <source>a gzip file over 4 GiB is not read whole; unpack it first</source>
        <translation>eine gzip-Datei über 4 GiB wird nicht als Ganzes gelesen; bitte zuerst entpacken</translation>
    </message>
</context>
<context>
    <name>pairlab::AggTradesBackfill</name>
    <message numerus="yes">
        <source>%n trade id(s) not in Binance&apos;s aggregate trades</source>
        <translation>
            <numerusform>%n Trade-ID nicht in Binances aggregierten Trades</numerusform>
            <numerusform>%n Trade-IDs nicht in Binances aggregierten Trades</numerusform>
        </translation>
    </message>
    <message>
        <source>not JSON: %1 at offset %2</source>
        <translation>kein JSON: %1 bei Offset %2</translation>
    </message>
    <message>
        <source>not a list of aggregate trades</source>
        <translation>keine Liste aggregierter Trades</translation>
    </message>
    <message>
        <source>aggregate trade %1 lacks a field or has one of the wrong type</source>
        <translation>dem aggregierten Trade %1 fehlt ein Feld oder ein Feld hat den falschen Typ</translation>
    </message>
    <message>
        <source>aggregate trade %1 is out of order</source>
        <translation>aggregierter Trade %1 ist nicht in der richtigen Reihenfolge</translation>
    </message>
    <message numerus="yes">
        <source>stopped after %n request(s)</source>
        <translation>
            <numerusform>nach %n Anfrage abgebrochen</numerusform>
            <numerusform>nach %n Anfragen abgebrochen</numerusform>
        </translation>
    </message>
    <message>
        <source>malformed answer: %1</source>
        <translation>fehlerhafte Antwort: %1</translation>
    </message>
    <message>
        <source>Binance has no aggregate trades of %1 from %2 on</source>
        <translation>Binance hat keine aggregierten Trades von %1 ab %2</translation>
    </message>
    <message>
        <source>Binance has no aggregate trades of %1 after id %2</source>
        <translation>Binance hat keine aggregierten Trades von %1 nach ID %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (after %n attempt(s))</source>
        <translation>
            <numerusform>%1 (nach %n Versuch)</numerusform>
            <numerusform>%1 (nach %n Versuchen)</numerusform>
        </translation>
    </message>
    <message>
        <source>not found in Binance&apos;s aggregate trades</source>
        <translation>nicht in Binances aggregierten Trades gefunden</translation>
    </message>
</context>
<context>
    <name>pairlab::AlertDialog</name>
    <message>
        <source>Edit alert</source>
        <translation>Alarm bearbeiten</translation>
    </message>
    <message>
        <source>New alert</source>
        <translation>Neuer Alarm</translation>
    </message>
    <message>
        <source>any pair</source>
        <translation>beliebiges Paar</translation>
    </message>
    <message>
        <source>Variables: %1
Functions: %2</source>
        <translation>Variablen: %1
Funktionen: %2</translation>
    </message>
    <message>
        <source>when it becomes true</source>
        <translation>wenn sie wahr wird</translation>
    </message>
    <message>
        <source>on every update while true</source>
        <translation>bei jeder Aktualisierung, solange wahr</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>The rule may fire only once the pair has this many aligned bars</source>
        <translation>Die Regel darf erst auslösen, wenn das Paar so viele ausgerichtete Bars hat</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Pair:</source>
        <translation>&amp;Paar:</translation>
    </message>
    <message>
        <source>&amp;Expression:</source>
        <translation>&amp;Ausdruck:</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Jetzt:</translation>
    </message>
    <message>
        <source>&amp;Fires:</source>
        <translation>A&amp;uslösen:</translation>
    </message>
    <message>
        <source>&amp;Cooldown:</source>
        <translation>&amp;Sperrzeit:</translation>
    </message>
    <message>
        <source>Minimum &amp;bars:</source>
        <translation>Mindestanzahl &amp;Bars:</translation>
    </message>
    <message>
        <source>Write a condition, e.g. abs(z) &gt; 2</source>
        <translation>Eine Bedingung schreiben, z. B. abs(z) &gt; 2</translation>
    </message>
    <message>
        <source>uses %1</source>
        <translation>verwendet %1</translation>
    </message>
    <message>
        <source>true (%1) — would fire</source>
        <translation>wahr (%1) — würde auslösen</translation>
    </message>
    <message>
        <source>false (%1)</source>
        <translation>falsch (%1)</translation>
    </message>
    <message>
        <source>not evaluable now: %1</source>
        <translation>derzeit nicht auswertbar: %1</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>&amp;Variables:</source>
        <translation>&amp;Variablen:</translation>
    </message>
</context>
<context>
    <name>pairlab::AlertEventsModel</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Paar</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
</context>
<context>
    <name>pairlab::AlertRulesModel</name>
    <message>
        <source>any pair</source>
        <translation>beliebiges Paar</translation>
    </message>
    <message>
        <source>on becoming true</source>
        <translation>beim Wahrwerden</translation>
    </message>
    <message>
        <source>while true</source>
        <translation>solange wahr</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Paar</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Ausdruck</translation>
    </message>
    <message>
        <source>Fires</source>
        <translation>Auslösen</translation>
    </message>
    <message>
        <source>Cooldown</source>
        <translation>Sperrzeit</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>Letztes Problem</translation>
    </message>
</context>
<context>
    <name>pairlab::AlertsPanel</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Ton</translation>
    </message>
    <message>
        <source>filter events (rule or message)</source>
        <translation>Ereignisse filtern (Regel oder Meldung)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export alert events</source>
        <translation>Alarmereignisse exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>PairLab alerts</source>
        <translation>PairLab-Alarme</translation>
    </message>
    <message>
        <source>Alerts: %1</source>
        <translation>Alarme: %1</translation>
    </message>
    <message>
        <source>Alert events exported to %1</source>
        <translation>Alarmereignisse nach %1 exportiert</translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2: %3</translation>
    </message>
    <message>
        <source>PairLab alert</source>
        <translation>PairLab-Alarm</translation>
    </message>
    <message>
        <source>Alert %1</source>
        <translation>Alarm %1</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Delete alert</source>
        <translation>Alarm löschen</translation>
    </message>
    <message>
        <source>Delete the rule &quot;%1&quot;? Its past events are kept.</source>
        <translation>Die Regel „%1“ löschen? Ihre bisherigen Ereignisse bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>pairlab::BacktestDialog</name>
    <message>
        <source>Backtest %1</source>
        <translation>Backtest %1</translation>
    </message>
    <message>
        <source>no bars</source>
        <translation>keine Bars</translation>
    </message>
    <message numerus="yes">
        <source>%n bar(s), %1 to %2 UTC</source>
        <translation>
            <numerusform>%n Bar, %1 bis %2 UTC</numerusform>
            <numerusform>%n Bars, %1 bis %2 UTC</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (y = %2, x = %3): %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (y = %2, x = %3): %4</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Stop at |z| &gt;</source>
        <translation>Stopp bei |z| &gt;</translation>
    </message>
    <message>
        <source>Static OLS (in-sample)</source>
        <translation>Statische OLS (In-Sample)</translation>
    </message>
    <message>
        <source>Rolling OLS (out-of-sample)</source>
        <translation>Rollierende OLS (Out-of-Sample)</translation>
    </message>
    <message>
        <source>Kalman filter</source>
        <translation>Kalman-Filter</translation>
    </message>
    <message>
        <source>One unit of spread</source>
        <translation>Eine Einheit Spread</translation>
    </message>
    <message>
        <source>Notional per trade</source>
        <translation>Nominalwert pro Trade</translation>
    </message>
    <message>
        <source>Entry |z| &gt;</source>
        <translation>Einstieg |z| &gt;</translation>
    </message>
    <message>
        <source>Exit |z| &lt;</source>
        <translation>Ausstieg |z| &lt;</translation>
    </message>
    <message>
        <source>Window (bars)</source>
        <translation>Fenster (Bars)</translation>
    </message>
    <message>
        <source>Hedge ratio</source>
        <translation>Hedge-Verhältnis</translation>
    </message>
    <message>
        <source>Fee (bps per leg)</source>
        <translation>Gebühr (bps je Leg)</translation>
    </message>
    <message>
        <source>Slippage (bps per leg)</source>
        <translation>Slippage (bps je Leg)</translation>
    </message>
    <message>
        <source>Spread cost (spread units)</source>
        <translation>Spread-Kosten (Spread-Einheiten)</translation>
    </message>
    <message>
        <source>Sizing</source>
        <translation>Positionsgröße</translation>
    </message>
    <message>
        <source>&amp;Backtest</source>
        <translation>&amp;Backtest</translation>
    </message>
    <message>
        <source>Parameter &amp;sweep</source>
        <translation>Parameter-&amp;Sweep</translation>
    </message>
    <message>
        <source>&amp;Run backtest</source>
        <translation>Backtest &amp;ausführen</translation>
    </message>
    <message>
        <source>Save &amp;result</source>
        <translation>&amp;Ergebnis speichern</translation>
    </message>
    <message>
        <source>Export &amp;trades CSV…</source>
        <translation>&amp;Trades als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;equity CSV…</source>
        <translation>&amp;Equity als CSV exportieren…</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>Trades</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>Gross PnL</source>
        <translation>Brutto-PnL</translation>
    </message>
    <message>
        <source>Net PnL</source>
        <translation>Netto-PnL</translation>
    </message>
    <message>
        <source>Net Sharpe</source>
        <translation>Netto-Sharpe</translation>
    </message>
    <message>
        <source>Sortino</source>
        <translation>Sortino</translation>
    </message>
    <message>
        <source>Max drawdown</source>
        <translation>Max. Drawdown</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Exposure</translation>
    </message>
    <message>
        <source>Avg holding (bars)</source>
        <translation>Ø Haltedauer (Bars)</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>Equity</translation>
    </message>
    <message>
        <source>net</source>
        <translation>netto</translation>
    </message>
    <message>
        <source>gross</source>
        <translation>brutto</translation>
    </message>
    <message>
        <source>Drawdown (net)</source>
        <translation>Drawdown (netto)</translation>
    </message>
    <message>
        <source>drawdown</source>
        <translation>Drawdown</translation>
    </message>
    <message>
        <source>Entry from</source>
        <translation>Einstieg von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Exit from</source>
        <translation>Ausstieg von</translation>
    </message>
    <message>
        <source>Run s&amp;weep</source>
        <translation>S&amp;weep ausführen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Net Sharpe of every entry × exit pair; click a cell to run it in the Backtest tab.</source>
        <translation>Netto-Sharpe jedes Paares aus Einstieg × Ausstieg; eine Zelle anklicken, um sie im Backtest-Tab auszuführen.</translation>
    </message>
    <message>
        <source>The pair has no bars to backtest.</source>
        <translation>Das Paar hat keine Bars für einen Backtest.</translation>
    </message>
    <message>
        <source>The sweep grid is empty: each range needs a step &gt; 0 and &apos;to&apos; ≥ &apos;from&apos;.</source>
        <translation>Das Sweep-Raster ist leer: jeder Bereich braucht einen Schritt &gt; 0 und &apos;bis&apos; ≥ &apos;von&apos;.</translation>
    </message>
    <message>
        <source>Preparing spread and z-scores…</source>
        <translation>Spread und Z-Scores werden vorbereitet…</translation>
    </message>
    <message>
        <source>Sweep cancelled.</source>
        <translation>Sweep abgebrochen.</translation>
    </message>
    <message>
        <source>Sweep failed.</source>
        <translation>Sweep fehlgeschlagen.</translation>
    </message>
    <message numerus="yes">
        <source>Running %n backtest(s)…</source>
        <translation>
            <numerusform>%n Backtest läuft…</numerusform>
            <numerusform>%n Backtests laufen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save the result: %1</source>
        <translation>Das Ergebnis konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Export trades</source>
        <translation>Trades exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export equity</source>
        <translation>Equity exportieren</translation>
    </message>
    <message>
        <source>Per leg, on the traded notional. The default is Binance USD-M futures&apos; regular taker fee, 5 bps (0.05 %).</source>
        <translation>Pro Bein, auf den gehandelten Nominalwert. Voreingestellt ist die reguläre Taker-Gebühr der Binance-USD-M-Futures, 5 bps (0,05 %).</translation>
    </message>
    <message>
        <source>Run a backtest to see its equity</source>
        <translation>Starten Sie einen Backtest, um sein Kapital zu sehen</translation>
    </message>
    <message>
        <source>Sharpe and Sortino: %1.</source>
        <translation>Sharpe und Sortino: %1.</translation>
    </message>
    <message>
        <source>Done. Best net Sharpe %1 at entry %2, exit %3 (%4; cells with fewer than %5 trades are n/a).</source>
        <translation>Fertig. Bester Netto-Sharpe %1 bei Einstieg %2, Ausstieg %3 (%4; Zellen mit weniger als %5 Trades: k. A.).</translation>
    </message>
    <message>
        <source>Cancelled. Best net Sharpe so far %1 at entry %2, exit %3 (%4; cells with fewer than %5 trades are n/a).</source>
        <translation>Abgebrochen. Bisher bester Netto-Sharpe %1 bei Einstieg %2, Ausstieg %3 (%4; Zellen mit weniger als %5 Trades: k. A.).</translation>
    </message>
    <message>
        <source>Done. No cell has a net Sharpe to show (each needs %1 trades).</source>
        <translation>Fertig. Keine Zelle hat einen anzeigbaren Netto-Sharpe (jede braucht %1 Trades).</translation>
    </message>
    <message>
        <source>Trade closes</source>
        <translation>Trade-Schlusskurse</translation>
    </message>
    <message>
        <source>Bid/ask quotes</source>
        <translation>Geld-/Briefkurse</translation>
    </message>
    <message>
        <source>Trade closes: every change is filled at the bar&apos;s close. Bid/ask quotes: a buy crosses the best ask, a sell the best bid, at the same close; the difference to the close is shown as &apos;bid/ask crossed&apos;.</source>
        <translation>Trade-Schlusskurse: jede Änderung wird zum Schlusskurs der Bar ausgeführt. Geld-/Briefkurse: ein Kauf kreuzt den besten Briefkurs, ein Verkauf den besten Geldkurs, zum selben Schluss; die Differenz zum Schlusskurs erscheint als ‚Geld/Brief gekreuzt‘.</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Funding</translation>
    </message>
    <message>
        <source>A position held at a funding time pays (long, positive rate) or receives each leg&apos;s rate times its notional at that time&apos;s mark price.</source>
        <translation>Eine zum Funding-Zeitpunkt gehaltene Position zahlt (long, positiver Satz) oder erhält je Bein den Satz mal Nominalwert zum Mark-Preis dieses Zeitpunkts.</translation>
    </message>
    <message>
        <source>Fill at</source>
        <translation>Ausführung zu</translation>
    </message>
    <message>
        <source>Quotes and funding: not available (no database).</source>
        <translation>Quotes und Funding: nicht verfügbar (keine Datenbank).</translation>
    </message>
    <message>
        <source>Reading the legs&apos; quotes and funding from the database…</source>
        <translation>Quotes und Funding der Beine werden aus der Datenbank gelesen…</translation>
    </message>
    <message>
        <source>Quotes and funding could not be read: %1</source>
        <translation>Quotes und Funding konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Quotes: %1 bid/ask of both legs for %2 of %3 bars (from %4 UTC).</source>
        <translation>Quotes: %1-Geld/Brief beider Beine für %2 von %3 Bars (ab %4 UTC).</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Quotes: none stored for both legs over these bars (stream bookTicker or ingest a recording with quotes).</source>
        <translation>Quotes: für diese Bars nicht für beide Beine gespeichert (bookTicker streamen oder eine Aufzeichnung mit Quotes importieren).</translation>
    </message>
    <message>
        <source>Funding: none stored over these bars (pairlab-cli history --funding).</source>
        <translation>Funding: über diese Bars keines gespeichert (pairlab-cli history --funding).</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Bid/ask crossed</source>
        <translation>Geld/Brief gekreuzt</translation>
    </message>
    <message>
        <source>The legs&apos; quotes and funding are still being read; run again in a moment.</source>
        <translation>Quotes und Funding der Beine werden noch gelesen; gleich noch einmal starten.</translation>
    </message>
    <message>
        <source>— (close fills)</source>
        <translation>— (Ausführung zum Schluss)</translation>
    </message>
    <message>
        <source>— (off)</source>
        <translation>— (aus)</translation>
    </message>
    <message>
        <source>Net %1 = gross %2 − costs %3 − bid/ask crossed %4 + funding %5.</source>
        <translation>Netto %1 = brutto %2 − Kosten %3 − Geld/Brief gekreuzt %4 + Funding %5.</translation>
    </message>
    <message numerus="yes">
        <source>%n funding event(s) met an open position.</source>
        <translation>
            <numerusform>%n Funding-Ereignis traf eine offene Position.</numerusform>
            <numerusform>%n Funding-Ereignisse trafen eine offene Position.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fill(s) on a quote older than its bar.</source>
        <translation>
            <numerusform>%n Ausführung auf einem Quote, der älter als seine Bar ist.</numerusform>
            <numerusform>%n Ausführungen auf einem Quote, der älter als seine Bar ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Net after everything: costs, bid/ask crossed and funding.</source>
        <translation>Netto nach allem: Kosten, gekreuztes Geld/Brief und Funding.</translation>
    </message>
    <message>
        <source>Net of costs and bid/ask crossed (funding off).</source>
        <translation>Netto nach Kosten und gekreuztem Geld/Brief (Funding aus).</translation>
    </message>
    <message>
        <source>Net of costs and funding (filled at the closes).</source>
        <translation>Netto nach Kosten und Funding (Ausführung zum Schluss).</translation>
    </message>
    <message>
        <source>Net of costs (filled at the closes, funding off).</source>
        <translation>Netto nach Kosten (Ausführung zum Schluss, Funding aus).</translation>
    </message>
    <message>
        <source>Funding events: %1 (%2), %3 (%4).</source>
        <translation>Funding-Ereignisse: %1 (%2), %3 (%4).</translation>
    </message>
    <message numerus="yes">
        <source>%n fill(s) at the close: a leg had no quote in the minute (or 5 bars) before the bar&apos;s end.</source>
        <translation>
            <numerusform>%n Ausführung zum Schlusskurs: ein Bein hatte in der Minute (oder 5 Bars) vor dem Bar-Ende keinen Quote.</numerusform>
            <numerusform>%n Ausführungen zum Schlusskurs: ein Bein hatte in der Minute (oder 5 Bars) vor dem Bar-Ende keinen Quote.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mid prices</source>
        <translation>Mittelkurse</translation>
    </message>
    <message>
        <source>&amp;Bootstrap</source>
        <translation>&amp;Bootstrap</translation>
    </message>
    <message>
        <source>Resample the run&apos;s net per-bar returns in blocks (1,000 times): how wide are its final return, Sharpe ratio and drawdown by luck of the path?</source>
        <translation>Die Netto-Renditen je Bar des Laufs blockweise neu ziehen (1.000-mal): Wie weit streuen Endrendite, Sharpe-Ratio und Drawdown allein durch den Zufall des Pfads?</translation>
    </message>
    <message>
        <source>Bootstrap: %L1 of %L2 resamples…</source>
        <translation>Bootstrap: %L1 von %L2 Stichproben…</translation>
    </message>
    <message>
        <source>the notional per trade</source>
        <translation>der Nominalwert pro Trade</translation>
    </message>
    <message>
        <source>one spread unit, y + |β|·x at the first bar with a hedge ratio</source>
        <translation>eine Spread-Einheit, y + |β|·x an der ersten Bar mit Hedge-Verhältnis</translation>
    </message>
    <message>
        <source>Bootstrap not possible: no capital to take returns of (no bar has a hedge ratio yet).</source>
        <translation>Bootstrap nicht möglich: kein Kapital, auf das sich Renditen beziehen (noch keine Bar hat ein Hedge-Verhältnis).</translation>
    </message>
    <message>
        <source>Cancel &amp;bootstrap</source>
        <translation>&amp;Bootstrap abbrechen</translation>
    </message>
    <message>
        <source>Bootstrap cancelled.</source>
        <translation>Bootstrap abgebrochen.</translation>
    </message>
    <message>
        <source>Bootstrap not possible: %1</source>
        <translation>Bootstrap nicht möglich: %1</translation>
    </message>
    <message>
        <source>%1 / %2 / %3</source>
        <translation>%1 / %2 / %3</translation>
    </message>
    <message>
        <source>per bar</source>
        <translation>je Bar</translation>
    </message>
    <message>
        <source>(%L1 resamples without variation left out)</source>
        <translation>(%L1 Stichproben ohne Schwankung ausgelassen)</translation>
    </message>
    <message>
        <source>Bootstrap, 5 % / 50 % / 95 % of %L1 resamples of the net per-bar returns at a fixed size (stationary blocks of %L2 bars on average: round(n^⅓) or the average holding time, the longer; seed %3; returns on %4 = %5, not reinvested): final return %6; max drawdown %7; net Sharpe %8.</source>
        <translation>Bootstrap, 5 % / 50 % / 95 % von %L1 Stichproben der Netto-Renditen je Bar bei fester Größe (stationäre Blöcke von im Mittel %L2 Bars: round(n^⅓) oder die durchschnittliche Haltedauer, der längere Wert; Seed %3; Renditen auf %4 = %5, nicht reinvestiert): Endrendite %6; maximaler Drawdown %7; Netto-Sharpe %8.</translation>
    </message>
    <message>
        <source>&amp;Walk-forward</source>
        <translation>&amp;Walk-forward</translation>
    </message>
    <message>
        <source> bars</source>
        <translation> Bars</translation>
    </message>
    <message>
        <source>Net P&amp;L</source>
        <translation>Netto-P&amp;L</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Choose by</source>
        <translation>Auswahl nach</translation>
    </message>
    <message>
        <source>Fewest training trades</source>
        <translation>Min. Trades im Training</translation>
    </message>
    <message>
        <source>Run &amp;walk-forward</source>
        <translation>&amp;Walk-forward starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Each fold runs the sweep tab&apos;s entry × exit grid on its training window, keeps the best cell and the training window&apos;s hedge, and trades the test window after it. The test windows&apos; equity is stitched.</source>
        <translation>Jeder Fold rechnet das Einstieg-×-Ausstieg-Raster des Sweep-Tabs auf seinem Trainingsfenster, behält die beste Zelle und den Hedge des Trainingsfensters und handelt das folgende Testfenster. Die Equity der Testfenster wird zusammengesetzt.</translation>
    </message>
    <message>
        <source>Out-of-sample equity (net, stitched)</source>
        <translation>Out-of-Sample-Equity (netto, zusammengesetzt)</translation>
    </message>
    <message>
        <source>Run a walk-forward to see its out-of-sample equity</source>
        <translation>Starten Sie einen Walk-forward, um seine Out-of-Sample-Equity zu sehen</translation>
    </message>
    <message>
        <source>The sweep tab&apos;s grid is empty: each range needs a step &gt; 0 and &apos;to&apos; ≥ &apos;from&apos;.</source>
        <translation>Das Raster des Sweep-Tabs ist leer: jeder Bereich braucht einen Schritt &gt; 0 und &apos;bis&apos; ≥ &apos;von&apos;.</translation>
    </message>
    <message>
        <source>Walk-forward: %1.</source>
        <translation>Walk-forward: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Running %n fold(s) of %1 backtests each…</source>
        <translation>
            <numerusform>%n Fold mit je %1 Backtests läuft…</numerusform>
            <numerusform>%n Folds mit je %1 Backtests laufen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Walk-forward cancelled.</source>
        <translation>Walk-forward abgebrochen.</translation>
    </message>
    <message>
        <source>Walk-forward not possible: %1</source>
        <translation>Walk-forward nicht möglich: %1</translation>
    </message>
    <message>
        <source>Out of sample (%L1 stitched bars): net Sharpe %2, net P&amp;L %3 (%4 per bar), max drawdown %5, %L6 trades. </source>
        <translation>Out-of-Sample (%L1 zusammengesetzte Bars): Netto-Sharpe %2, Netto-P&amp;L %3 (%4 pro Bar), max. Drawdown %5, %L6 Trades. </translation>
    </message>
    <message>
        <source>Positive out-of-sample folds: %1 of %2 (%3 %). Sharpe: %4.</source>
        <translation>Positive Out-of-Sample-Folds: %1 von %2 (%3 %). Sharpe: %4.</translation>
    </message>
    <message>
        <source>Each test window trades the spread of its training window&apos;s OLS fit.</source>
        <translation>Jedes Testfenster handelt den Spread der OLS-Anpassung seines Trainingsfensters.</translation>
    </message>
    <message numerus="yes">
        <source>In sample (mean of the %n fold(s) whose training chose a cell): net Sharpe %1, net P&amp;L %2 per bar, max drawdown %3. </source>
        <translation>
            <numerusform>In-Sample (Mittel des %n Folds, dessen Training eine Zelle wählte): Netto-Sharpe %1, Netto-P&amp;L %2 je Bar, max. Drawdown %3. </numerusform>
            <numerusform>In-Sample (Mittel der %n Folds, deren Training eine Zelle wählte): Netto-Sharpe %1, Netto-P&amp;L %2 je Bar, max. Drawdown %3. </numerusform>
        </translation>
    </message>
    <message>
        <source>In sample: no fold&apos;s training chose a cell (see the table&apos;s notes). </source>
        <translation>In-Sample: kein Training eines Folds wählte eine Zelle (siehe die Hinweise der Tabelle). </translation>
    </message>
</context>
<context>
    <name>pairlab::BacktestTradesModel</name>
    <message>
        <source>%1 (open)</source>
        <translation>%1 (offen)</translation>
    </message>
    <message>
        <source>long</source>
        <translation>long</translation>
    </message>
    <message>
        <source>short</source>
        <translation>short</translation>
    </message>
    <message>
        <source>Entry (UTC)</source>
        <translation>Einstieg (UTC)</translation>
    </message>
    <message>
        <source>Exit (UTC)</source>
        <translation>Ausstieg (UTC)</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Entry z</source>
        <translation>Einstiegs-z</translation>
    </message>
    <message>
        <source>Exit z</source>
        <translation>Ausstiegs-z</translation>
    </message>
    <message>
        <source>Bars held</source>
        <translation>Gehaltene Bars</translation>
    </message>
    <message>
        <source>Gross PnL</source>
        <translation>Brutto-PnL</translation>
    </message>
    <message>
        <source>Net PnL</source>
        <translation>Netto-PnL</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Bid/ask crossed</source>
        <translation>Geld/Brief gekreuzt</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Funding</translation>
    </message>
</context>
<context>
    <name>pairlab::BarModel</name>
    <message>
        <source>Open time (UTC)</source>
        <translation>Eröffnungszeit (UTC)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Eröffnung</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Tief</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schluss</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>Trades</translation>
    </message>
</context>
<context>
    <name>pairlab::BasketController</name>
    <message>
        <source>Enter two or more symbols and their weights, or take Johansen&apos;s.</source>
        <translation>Zwei oder mehr Symbole und ihre Gewichte eingeben oder die von Johansen übernehmen.</translation>
    </message>
    <message>
        <source>No database.</source>
        <translation>Keine Datenbank.</translation>
    </message>
    <message>
        <source>Not a basket yet: %1.</source>
        <translation>Noch kein Korb: %1.</translation>
    </message>
    <message>
        <source>The bars could not be read: %1</source>
        <translation>Die Bars konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Waiting for bars: %1 of %2 that every leg has.</source>
        <translation>Warte auf Bars: %1 von %2, die jedes Leg hat.</translation>
    </message>
    <message>
        <source>%1 bars of every leg: enter the weights, or take Johansen&apos;s.</source>
        <translation>%1 Bars jedes Legs: Gewichte eingeben oder die von Johansen übernehmen.</translation>
    </message>
    <message>
        <source>no analysis</source>
        <translation>keine Analyse</translation>
    </message>
</context>
<context>
    <name>pairlab::BasketView</name>
    <message>
        <source>BTCUSDT, ETHUSDT, SOLUSDT</source>
        <translation>BTCUSDT, ETHUSDT, SOLUSDT</translation>
    </message>
    <message>
        <source>The basket&apos;s legs, separated by commas</source>
        <translation>Die Legs des Korbs, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>1, −0.04, −2.5 (empty: take Johansen&apos;s)</source>
        <translation>1, −0.04, −2.5 (leer: Johansen-Gewichte)</translation>
    </message>
    <message>
        <source>Quantity of each leg in one unit of the basket (a negative weight is a short leg); the spread is Σ wᵢ·pᵢ less its mean over the bars shown</source>
        <translation>Menge jedes Legs in einer Einheit des Korbs (ein negatives Gewicht ist ein Short-Leg); der Spread ist Σ wᵢ·pᵢ abzüglich seines Mittelwerts über die angezeigten Bars</translation>
    </message>
    <message>
        <source>&amp;Johansen weights</source>
        <translation>&amp;Johansen-Gewichte</translation>
    </message>
    <message>
        <source>The eigenvector of the largest Johansen eigenvalue of these legs (constant, one lagged difference), scaled so that the first leg&apos;s weight is 1</source>
        <translation>Der Eigenvektor zum größten Johansen-Eigenwert dieser Legs (Konstante, eine verzögerte Differenz), so skaliert, dass das Gewicht des ersten Legs 1 ist</translation>
    </message>
    <message>
        <source>&amp;Legs:</source>
        <translation>&amp;Legs:</translation>
    </message>
    <message>
        <source>W&amp;eights:</source>
        <translation>G&amp;ewichte:</translation>
    </message>
    <message>
        <source>Basket spread Σ wᵢ·pᵢ − c</source>
        <translation>Korb-Spread Σ wᵢ·pᵢ − c</translation>
    </message>
    <message>
        <source>spread</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>Rolling z-score</source>
        <translation>Rollierender Z-Score</translation>
    </message>
    <message>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <source>Weight %1 is not a number: &apos;%2&apos;.</source>
        <translation>Gewicht %1 ist keine Zahl: &apos;%2&apos;.</translation>
    </message>
    <message numerus="yes">
        <source>%n leg(s) but %1 weight(s).</source>
        <translation>
            <numerusform>%n Leg, aber %1 Gewicht(e).</numerusform>
            <numerusform>%n Legs, aber %1 Gewicht(e).</numerusform>
        </translation>
    </message>
    <message>
        <source>No Johansen result for these legs yet (they need %1 bars in common).</source>
        <translation>Noch kein Johansen-Ergebnis für diese Legs (sie brauchen %1 gemeinsame Bars).</translation>
    </message>
    <message>
        <source>Loading the legs&apos; bars…</source>
        <translation>Bars der Legs werden geladen…</translation>
    </message>
    <message>
        <source>%L1 bars that every leg has.</source>
        <translation>%L1 Bars, die jedes Leg hat.</translation>
    </message>
    <message numerus="yes">
        <source>Johansen (constant, 1 lag) on these legs: trace %1 vs %2 at 95 % for r = 0; %n cointegrating vector(s) at 95 %.</source>
        <translation>
            <numerusform>Johansen (Konstante, 1 Lag) auf diesen Legs: Trace %1 vs. %2 bei 95 % für r = 0; %n kointegrierender Vektor bei 95 %.</numerusform>
            <numerusform>Johansen (Konstante, 1 Lag) auf diesen Legs: Trace %1 vs. %2 bei 95 % für r = 0; %n kointegrierende Vektoren bei 95 %.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (mean %2) · %L3 bars of %4 · ADF (c) %5, p %6 (lag %7) · half-life %8 bars · Hurst %9</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (Mittel %2) · %L3 Bars zu %4 · ADF (c) %5, p %6 (Lag %7) · Halbwertszeit %8 Bars · Hurst %9</translation>
    </message>
    <message>
        <source> · z now %1</source>
        <translation> · z aktuell %1</translation>
    </message>
    <message numerus="yes">
        <source>Backtest at ±%1 / %2, one unit of the basket, %3 bps per leg, filled at the closes: %n trade(s), net P&amp;L %4, net Sharpe %5 (%6), max drawdown %7.</source>
        <translation>
            <numerusform>Backtest bei ±%1 / %2, eine Einheit des Korbs, %3 bps je Leg, Ausführung zu den Schlusskursen: %n Trade, Netto-P&amp;L %4, Netto-Sharpe %5 (%6), max. Drawdown %7.</numerusform>
            <numerusform>Backtest bei ±%1 / %2, eine Einheit des Korbs, %3 bps je Leg, Ausführung zu den Schlusskursen: %n Trades, Netto-P&amp;L %4, Netto-Sharpe %5 (%6), max. Drawdown %7.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Funding %1 from %n event(s) that met a position.</source>
        <translation>
            <numerusform>Funding %1 aus %n Ereignis, das eine Position traf.</numerusform>
            <numerusform>Funding %1 aus %n Ereignissen, die eine Position trafen.</numerusform>
        </translation>
    </message>
    <message>
        <source>No funding: not stored for every leg over these bars.</source>
        <translation>Kein Funding: nicht für jedes Leg über diese Bars gespeichert.</translation>
    </message>
    <message>
        <source> Weights estimated on these same bars (Johansen&apos;s) make the ADF p-value optimistic: the trace test is the one for estimated weights.</source>
        <translation> Auf denselben Bars geschätzte Gewichte (Johansens) machen den ADF-p-Wert zu optimistisch: für geschätzte Gewichte gilt der Trace-Test.</translation>
    </message>
    <message>
        <source>No Johansen weights: %1.</source>
        <translation>Keine Johansen-Gewichte: %1.</translation>
    </message>
    <message>
        <source>No Johansen weights: the first leg&apos;s weight in the vector is 0.</source>
        <translation>Keine Johansen-Gewichte: das Gewicht des ersten Legs im Vektor ist 0.</translation>
    </message>
</context>
<context>
    <name>pairlab::BinanceFeed</name>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>rotated connection to %1</source>
        <translation>Verbindung zu %1 erneuert</translation>
    </message>
    <message>
        <source>%1 — reconnecting in %2 s</source>
        <translation>%1 — neue Verbindung in %2 s</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>connection refused by %1 (nothing listening there)</source>
        <translation>Verbindung von %1 abgelehnt (dort lauscht niemand)</translation>
    </message>
    <message>
        <source>host %1 not found</source>
        <translation>Host %1 nicht gefunden</translation>
    </message>
    <message>
        <source>TLS/SSL error with %1: %2</source>
        <translation>TLS/SSL-Fehler mit %1: %2</translation>
    </message>
    <message>
        <source>TLS/SSL handshake with %1 failed: %2</source>
        <translation>TLS/SSL-Handshake mit %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>TLS certificate of %1 not accepted: %2</source>
        <translation>TLS-Zertifikat von %1 nicht akzeptiert: %2</translation>
    </message>
    <message>
        <source>server closed the connection with code %1: %2</source>
        <translation>der Server hat die Verbindung mit Code %1 geschlossen: %2</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <source>TLS/SSL or WebSocket handshake with %1 not completed within %2 s</source>
        <translation>TLS/SSL- oder WebSocket-Handshake mit %1 nicht innerhalb von %2 s abgeschlossen</translation>
    </message>
    <message>
        <source>no answer from %1 within %2 s</source>
        <translation>keine Antwort von %1 innerhalb von %2 s</translation>
    </message>
    <message>
        <source>no data for %1 s (stalled connection dropped)</source>
        <translation>seit %1 s keine Daten (hängende Verbindung getrennt)</translation>
    </message>
</context>
<context>
    <name>pairlab::CandleChartView</name>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation>Zeit (lokal)</translation>
    </message>
    <message>
        <source>%1  O %2  H %3  L %4  C %5  V %6</source>
        <translation>%1  E %2  H %3  T %4  S %5  V %6</translation>
    </message>
    <message>
        <source>vol %1</source>
        <translation>Vol. %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>No bars yet</source>
        <translation>Noch keine Bars</translation>
    </message>
    <message>
        <source>%1 · %2, candles of %3 × %2</source>
        <translation>%1 · %2, Kerzen zu %3 × %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No bars in this range</source>
        <translation>Keine Bars in diesem Bereich</translation>
    </message>
    <message>
        <source>Bid/ask</source>
        <translation>Geld/Brief</translation>
    </message>
    <message>
        <source>  bid %1  ask %2</source>
        <translation>  Geld %1  Brief %2</translation>
    </message>
</context>
<context>
    <name>pairlab::CorrelationMatrixModel</name>
    <message>
        <source>%1 / %2: correlation of log returns %3</source>
        <translation>%1 / %2: Korrelation der Log-Renditen %3</translation>
    </message>
</context>
<context>
    <name>pairlab::FeedGroup</name>
    <message>
        <source>%1 of %2 connections up; connection %3: %4</source>
        <translation>%1 von %2 Verbindungen aktiv; Verbindung %3: %4</translation>
    </message>
    <message>
        <source>%1 connections, %2 streams: %3</source>
        <translation>%1 Verbindungen, %2 Streams: %3</translation>
    </message>
</context>
<context>
    <name>pairlab::GapRecorder</name>
    <message>
        <source>cannot record gaps: %1</source>
        <translation>Lücken können nicht aufgezeichnet werden: %1</translation>
    </message>
    <message>
        <source>cannot read the recorded gaps: %1</source>
        <translation>die aufgezeichneten Lücken können nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>pairlab::HistoryFiller</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>pairlab::ImportDialog</name>
    <message>
        <source>Import CSV — %1</source>
        <translation>CSV importieren — %1</translation>
    </message>
    <message>
        <source>detect</source>
        <translation>erkennen</translation>
    </message>
    <message>
        <source>comma ,</source>
        <translation>Komma ,</translation>
    </message>
    <message>
        <source>semicolon ;</source>
        <translation>Semikolon ;</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>pipe |</source>
        <translation>senkrechter Strich |</translation>
    </message>
    <message>
        <source>first line is a header</source>
        <translation>erste Zeile ist Kopfzeile</translation>
    </message>
    <message>
        <source>no header</source>
        <translation>keine Kopfzeile</translation>
    </message>
    <message>
        <source>day first (31/12/2024)</source>
        <translation>Tag zuerst (31/12/2024)</translation>
    </message>
    <message>
        <source>month first (12/31/2024)</source>
        <translation>Monat zuerst (12/31/2024)</translation>
    </message>
    <message>
        <source>Time zone of times written without an offset</source>
        <translation>Zeitzone für Zeiten ohne Offset</translation>
    </message>
    <message>
        <source>from the file</source>
        <translation>aus der Datei</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>Trennzeichen:</translation>
    </message>
    <message>
        <source>Header:</source>
        <translation>Kopfzeile:</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Datumsangaben:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Zeitzone:</translation>
    </message>
    <message>
        <source>Interval:</source>
        <translation>Intervall:</translation>
    </message>
    <message>
        <source>Symbol:</source>
        <translation>Symbol:</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Datensatz:</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>Symbol (wide files)</source>
        <translation>Symbol (breite Dateien)</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>First rows as they will be stored (times in UTC)</source>
        <translation>Erste Zeilen, wie sie gespeichert werden (Zeiten in UTC)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Check the whole file</source>
        <translation>Die ganze Datei prüfen</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#2e7d32&apos;&gt;Imported&lt;/b&gt; %1 rows as dataset &lt;b&gt;%2&lt;/b&gt;: %3 bars, %4 ticks (%5 new), %6 warnings.</source>
        <translation>&lt;b style=&apos;color:#2e7d32&apos;&gt;Importiert&lt;/b&gt;: %1 Zeilen als Datensatz &lt;b&gt;%2&lt;/b&gt;: %3 Bars, %4 Ticks (%5 neu), %6 Warnungen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Import cancelled.&lt;/b&gt; The database is unchanged.</source>
        <translation>&lt;b&gt;Import abgebrochen.&lt;/b&gt; Die Datenbank ist unverändert.</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#c62828&apos;&gt;Not imported:&lt;/b&gt; %1&lt;br&gt;The database is unchanged.</source>
        <translation>&lt;b style=&apos;color:#c62828&apos;&gt;Nicht importiert:&lt;/b&gt; %1&lt;br&gt;Die Datenbank ist unverändert.</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Jede Zeile wird geprüft…</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Die Datei wird gelesen…</translation>
    </message>
    <message>
        <source>not understood</source>
        <translation>nicht verstanden</translation>
    </message>
    <message>
        <source>header on line %1</source>
        <translation>Kopfzeile in Zeile %1</translation>
    </message>
    <message>
        <source>, day first</source>
        <translation>, Tag zuerst</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>Spalte %1</translation>
    </message>
    <message>
        <source>line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>trade id</source>
        <translation>Trade-ID</translation>
    </message>
    <message>
        <source>open</source>
        <translation>Eröffnung</translation>
    </message>
    <message>
        <source>high</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>low</source>
        <translation>Tief</translation>
    </message>
    <message>
        <source>close</source>
        <translation>Schluss</translation>
    </message>
    <message>
        <source>volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importiere…</translation>
    </message>
    <message>
        <source> (the whole file)</source>
        <translation> (die ganze Datei)</translation>
    </message>
    <message>
        <source> (the head; checking the rest…)</source>
        <translation> (der Anfang; der Rest wird geprüft…)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;%2 · delimiter &lt;b&gt;%3&lt;/b&gt; · %4 · times: &lt;b&gt;%5&lt;/b&gt;%6 · interval &lt;b&gt;%7&lt;/b&gt; · symbols &lt;b&gt;%8&lt;/b&gt; · %9 rows read%13 · &lt;span style=&apos;color:%10&apos;&gt;%11 error(s)&lt;/span&gt;, %12 warning(s)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;%2 · Trennzeichen &lt;b&gt;%3&lt;/b&gt; · %4 · Zeiten: &lt;b&gt;%5&lt;/b&gt;%6 · Intervall &lt;b&gt;%7&lt;/b&gt; · Symbole &lt;b&gt;%8&lt;/b&gt; · %9 Zeilen gelesen%13 · &lt;span style=&apos;color:%10&apos;&gt;%11 Fehler&lt;/span&gt;, %12 Warnung(en)</translation>
    </message>
    <message>
        <source> (the head; the rest is read once its errors are fixed)</source>
        <translation> (der Anfang; der Rest wird gelesen, sobald seine Fehler behoben sind)</translation>
    </message>
</context>
<context>
    <name>pairlab::KlineHistory</name>
    <message>
        <source>not JSON: %1</source>
        <translation>kein JSON: %1</translation>
    </message>
    <message>
        <source>not a list of klines</source>
        <translation>keine Liste von Klines</translation>
    </message>
    <message>
        <source>kline %1 lacks a field or has one of the wrong type</source>
        <translation>Kline %1 fehlt ein Feld oder eines hat den falschen Typ</translation>
    </message>
    <message>
        <source>kline %1 opens at %2, not after the one before on the %3 s grid</source>
        <translation>Kline %1 beginnt bei %2, nicht nach der vorigen im %3-s-Raster</translation>
    </message>
    <message>
        <source>%1 %2 %3 – %4 UTC</source>
        <translation>%1 %2 %3 – %4 UTC</translation>
    </message>
    <message>
        <source>malformed answer: %1</source>
        <translation>fehlerhafte Antwort: %1</translation>
    </message>
    <message>
        <source>the bars could not be stored: %1</source>
        <translation>die Bars konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>%1 (failed answers in a row: %2)</source>
        <translation>%1 (fehlgeschlagene Antworten in Folge: %2)</translation>
    </message>
    <message>
        <source>%1 funding %2 – %3 UTC</source>
        <translation>%1 Funding %2 – %3 UTC</translation>
    </message>
    <message>
        <source>funding events have nowhere to go</source>
        <translation>Funding-Ereignisse haben kein Ziel</translation>
    </message>
    <message>
        <source>the funding events could not be stored: %1</source>
        <translation>die Funding-Ereignisse konnten nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>pairlab::LegStatsModel</name>
    <message>
        <source>log returns</source>
        <translation>Log-Renditen</translation>
    </message>
    <message>
        <source>prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>Standard deviation, ddof = 1</source>
        <translation>Standardabweichung, ddof = 1</translation>
    </message>
    <message>
        <source>Skewness g1 (biased, as scipy&apos;s default)</source>
        <translation>Schiefe g1 (verzerrt, wie der Standard von scipy)</translation>
    </message>
    <message>
        <source>Excess kurtosis g2 (biased)</source>
        <translation>Exzess-Kurtosis g2 (verzerrt)</translation>
    </message>
    <message>
        <source>Skewness G1 (bias-corrected)</source>
        <translation>Schiefe G1 (verzerrungskorrigiert)</translation>
    </message>
    <message>
        <source>Excess kurtosis G2 (bias-corrected)</source>
        <translation>Exzess-Kurtosis G2 (verzerrungskorrigiert)</translation>
    </message>
    <message>
        <source>Standard deviation of log returns × √(bars per year)</source>
        <translation>Standardabweichung der Log-Renditen × √(Bars pro Jahr)</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Leg</source>
        <translation>Leg</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>Std.-Abw.</translation>
    </message>
    <message>
        <source>Skew</source>
        <translation>Schiefe</translation>
    </message>
    <message>
        <source>Kurtosis</source>
        <translation>Kurtosis</translation>
    </message>
    <message>
        <source>Skew (unbiased)</source>
        <translation>Schiefe (unverzerrt)</translation>
    </message>
    <message>
        <source>Kurtosis (unbiased)</source>
        <translation>Kurtosis (unverzerrt)</translation>
    </message>
    <message>
        <source>Last return</source>
        <translation>Letzte Rendite</translation>
    </message>
    <message>
        <source>Ann. volatility</source>
        <translation>Ann. Volatilität</translation>
    </message>
    <message>
        <source>analysed (%1 bars)</source>
        <translation>analysiert (%1 Bars)</translation>
    </message>
    <message>
        <source>visible (%1 bars)</source>
        <translation>sichtbar (%1 Bars)</translation>
    </message>
    <message>
        <source>last window (%1 bars)</source>
        <translation>letztes Fenster (%1 Bars)</translation>
    </message>
</context>
<context>
    <name>pairlab::LiveSession</name>
    <message numerus="yes">
        <source>gap of %n trade(s) in %1 (ids %2 to %3)</source>
        <translation>
            <numerusform>Lücke von %n Trade in %1 (IDs %2 bis %3)</numerusform>
            <numerusform>Lücke von %n Trades in %1 (IDs %2 bis %3)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>gap of %n trade(s) in %1 back-filled</source>
        <translation>
            <numerusform>Lücke von %n Trade in %1 nachgeladen</numerusform>
            <numerusform>Lücke von %n Trades in %1 nachgeladen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>gap of %n trade(s) in %1 back-filled up to id %2; the rest could not be filled: %3</source>
        <translation>
            <numerusform>Lücke von %n Trade in %1 bis ID %2 nachgeladen; der Rest konnte nicht gefüllt werden: %3</numerusform>
            <numerusform>Lücke von %n Trades in %1 bis ID %2 nachgeladen; der Rest konnte nicht gefüllt werden: %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>gap of %n trade(s) in %1 could not be filled: %2</source>
        <translation>
            <numerusform>Lücke von %n Trade in %1 konnte nicht gefüllt werden: %2</numerusform>
            <numerusform>Lücke von %n Trades in %1 konnte nicht gefüllt werden: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>longer than %1 h: not filled trade by trade; the exchange&apos;s bars cover it</source>
        <translation>länger als %1 h: nicht Trade für Trade gefüllt; die Bars der Börse decken sie ab</translation>
    </message>
</context>
<context>
    <name>pairlab::LogModel</name>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Fatal</source>
        <translation>Fatal</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>pairlab::LogPanel</name>
    <message>
        <source>Debug and above</source>
        <translation>Debug und höher</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Filter: category or message text</source>
        <translation>Filter: Kategorie oder Meldungstext</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
</context>
<context>
    <name>pairlab::MainWindow</name>
    <message>
        <source>Start the demo recording</source>
        <translation>Die Demo-Aufzeichnung starten</translation>
    </message>
    <message>
        <source>Retry Binance</source>
        <translation>Binance erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Market</source>
        <translation>&amp;Markt</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>Beobachtungsliste</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Recent trades</source>
        <translation>Letzte Trades</translation>
    </message>
    <message>
        <source>WebSocket messages per second</source>
        <translation>WebSocket-Nachrichten pro Sekunde</translation>
    </message>
    <message>
        <source>Local receive time minus exchange trade time of the latest trade</source>
        <translation>Lokale Empfangszeit minus Handelszeit der Börse beim letzten Trade</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New workspace</source>
        <translation>&amp;Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>PairLab workspaces (*.pairlab)</source>
        <translation>PairLab-Arbeitsbereiche (*.pairlab)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save workspace</source>
        <translation>Arbeitsbereich &amp;speichern</translation>
    </message>
    <message>
        <source>Save workspace</source>
        <translation>Arbeitsbereich speichern</translation>
    </message>
    <message>
        <source>Save workspace &amp;as…</source>
        <translation>Arbeitsbereich speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Save workspace as</source>
        <translation>Arbeitsbereich speichern unter</translation>
    </message>
    <message>
        <source>&amp;Record session…</source>
        <translation>Sitzung &amp;aufzeichnen…</translation>
    </message>
    <message>
        <source>&amp;Open recording as replay…</source>
        <translation>Aufzeichnung als &amp;Wiedergabe öffnen…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>CSV &amp;importieren…</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>CSV importieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>F&amp;eed</source>
        <translation>F&amp;eed</translation>
    </message>
    <message>
        <source>Connect to &amp;Binance</source>
        <translation>Mit &amp;Binance verbinden</translation>
    </message>
    <message>
        <source>Start the &amp;demo recording</source>
        <translation>&amp;Demo-Aufzeichnung starten</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Follow live</source>
        <translation>Live &amp;folgen</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <source>&amp;Backtest…</source>
        <translation>&amp;Backtest…</translation>
    </message>
    <message>
        <source>Backtest</source>
        <translation>Backtest</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About PairLab</source>
        <translation>&amp;Über PairLab</translation>
    </message>
    <message>
        <source>About PairLab</source>
        <translation>Über PairLab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PairLab %1&lt;/h3&gt;&lt;p&gt;A live statistical-arbitrage workbench for crypto futures.&lt;/p&gt;&lt;p&gt;The demo recording holds real Binance USD-M futures trades (BTCUSDT, ETHUSDT, 2024-08-08) recorded by the hftbacktest project (MIT licence).&lt;/p&gt;&lt;p&gt;Built with Qt %2, Eigen, Boost.Math, simdjson, muparser and SQLite.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PairLab %1&lt;/h3&gt;&lt;p&gt;Eine Live-Werkbank für statistische Arbitrage mit Krypto-Futures.&lt;/p&gt;&lt;p&gt;Die Demo-Aufzeichnung enthält echte Trades von Binance-USD-M-Futures (BTCUSDT, ETHUSDT, 2024-08-08), aufgezeichnet vom Projekt hftbacktest (MIT-Lizenz).&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, Eigen, Boost.Math, simdjson, muparser und SQLite.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Imported dataset %1</source>
        <translation>Importierter Datensatz %1</translation>
    </message>
    <message>
        <source>The workspace was not opened; nothing changed.

%1</source>
        <translation>Der Arbeitsbereich wurde nicht geöffnet; nichts wurde geändert.

%1</translation>
    </message>
    <message>
        <source>Workspace saved to %1</source>
        <translation>Arbeitsbereich in %1 gespeichert</translation>
    </message>
    <message>
        <source>%1[*] — PairLab</source>
        <translation>%1[*] — PairLab</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The workspace has unsaved changes. Save them?</source>
        <translation>Der Arbeitsbereich hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>Stop &amp;recording</source>
        <translation>Aufzeichnung &amp;beenden</translation>
    </message>
    <message>
        <source>● REC %1</source>
        <translation>● AUFN. %1</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>Cannot start the demo recording: %1</source>
        <translation>Die Demo-Aufzeichnung kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Open recording</source>
        <translation>Aufzeichnung öffnen</translation>
    </message>
    <message>
        <source>Record session to</source>
        <translation>Sitzung aufzeichnen nach</translation>
    </message>
    <message>
        <source>Recordings (*.jsonl)</source>
        <translation>Aufzeichnungen (*.jsonl)</translation>
    </message>
    <message>
        <source>%L1 trades stored</source>
        <translation>%L1 Trades gespeichert</translation>
    </message>
    <message>
        <source>Demo replay connected</source>
        <translation>Demo-Wiedergabe verbunden</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinde</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 Nachr./s</translation>
    </message>
    <message>
        <source>lag n/a (replay)</source>
        <translation>Latenz n. v. (Wiedergabe)</translation>
    </message>
    <message>
        <source>lag %1 ms</source>
        <translation>Latenz %1 ms</translation>
    </message>
    <message>
        <source>%1 malformed frames skipped; last: %2</source>
        <translation>%1 fehlerhafte Frames übersprungen; zuletzt: %2</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>&amp;Export alert events…</source>
        <translation>Alarmereignisse &amp;exportieren…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Market view</source>
        <translation>&amp;Marktansicht</translation>
    </message>
    <message>
        <source>&amp;Recompute now</source>
        <translation>Jetzt neu be&amp;rechnen</translation>
    </message>
    <message>
        <source>New &amp;alert rule…</source>
        <translation>Neue &amp;Alarmregel…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Welcome</source>
        <translation>&amp;Willkommen</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>Not connected: Feed → Connect to Binance (Ctrl+B) or the demo (Ctrl+D).</source>
        <translation>Nicht verbunden: Feed → Mit Binance verbinden (Strg+B) oder die Demo (Strg+D).</translation>
    </message>
    <message>
        <source>The log folder is %1</source>
        <translation>Der Protokollordner ist %1</translation>
    </message>
    <message>
        <source>the live feed reconnected with the new settings</source>
        <translation>der Live-Feed hat sich mit den neuen Einstellungen neu verbunden</translation>
    </message>
    <message>
        <source>the new database is used from the next connect to Binance or start</source>
        <translation>die neue Datenbank gilt ab der nächsten Verbindung mit Binance oder dem nächsten Start</translation>
    </message>
    <message>
        <source>the language changes when PairLab is restarted</source>
        <translation>die Sprache wechselt beim nächsten Start von PairLab</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
    <message>
        <source>Settings saved: %1.</source>
        <translation>Einstellungen gespeichert: %1.</translation>
    </message>
    <message>
        <source>%L1 trades stored, %L2 not saved yet</source>
        <translation>%L1 Trades gespeichert, %L2 noch nicht gesichert</translation>
    </message>
    <message>
        <source>Data files (*.csv *.txt *.tsv *.json *.zip);;All files (*)</source>
        <translation>Datendateien (*.csv *.txt *.tsv *.json *.zip);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>alert rule %1: %2</source>
        <translation>Alarmregel %1: %2</translation>
    </message>
    <message>
        <source>Workspace: not restored: %1</source>
        <translation>Arbeitsbereich: nicht wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>%1
Now: %2</source>
        <translation>%1
Jetzt: %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop filling the exchange&apos;s history; the live feed goes on</source>
        <translation>Das Füllen der Börsenhistorie beenden; der Live-Feed läuft weiter</translation>
    </message>
    <message>
        <source>Streaming %1 more symbols live; their history is being filled.</source>
        <translation>%1 weitere Symbole werden live gestreamt; ihre Historie wird gefüllt.</translation>
    </message>
    <message>
        <source>%1 more symbols join the feed of the next live session.</source>
        <translation>%1 weitere Symbole kommen in den Feed der nächsten Live-Sitzung.</translation>
    </message>
    <message>
        <source>the live feed reconnected with the new quotes setting</source>
        <translation>der Live-Feed hat sich mit der neuen Quote-Einstellung neu verbunden</translation>
    </message>
    <message>
        <source>Recordings (*.jsonl *.json *.txt *.gz);;All files (*)</source>
        <translation>Aufzeichnungen (*.jsonl *.json *.txt *.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Spread</source>
        <translation>&amp;Spread</translation>
    </message>
    <message>
        <source>The dataset &quot;%1&quot; is not in %2: the Spread tab shows live bars instead.</source>
        <translation>Der Datensatz „%1“ ist nicht in %2: der Spread-Tab zeigt stattdessen Live-Bars.</translation>
    </message>
    <message>
        <source>&amp;Spread view</source>
        <translation>&amp;Spread-Ansicht</translation>
    </message>
    <message>
        <source>The Backtest dialog (sweep, walk-forward, bootstrap) runs pairs. A basket&apos;s backtest (one unit, Binance&apos;s taker fee per leg, funding where every leg has it) is in the Spread tab&apos;s summary; pairlab-cli basket runs it with other costs and sizes.</source>
        <translation>Der Backtest-Dialog (Sweep, Walk-forward, Bootstrap) rechnet Paare. Der Backtest eines Korbs (eine Einheit, Binance-Taker-Gebühr je Leg, Funding, wo jedes Leg es hat) steht in der Zusammenfassung des Spread-Tabs; pairlab-cli basket rechnet ihn mit anderen Kosten und Größen.</translation>
    </message>
    <message>
        <source>The pair %1/%2 has no data yet. Choose a pair with stored bars in the Spread tab (or wait for live bars of both legs) and try again.</source>
        <translation>Das Paar %1/%2 hat noch keine Daten. Im Spread-Tab ein Paar mit gespeicherten Bars wählen (oder auf Live-Bars beider Legs warten) und erneut versuchen.</translation>
    </message>
    <message>
        <source>The local API is off: %1</source>
        <translation>Die lokale API ist aus: %1</translation>
    </message>
    <message>
        <source>API :%1</source>
        <translation>API :%1</translation>
    </message>
    <message>
        <source>The local API serves http://%1:%2/v1/ (%3) from %4</source>
        <translation>Die lokale API bedient http://%1:%2/v1/ (%3) aus %4</translation>
    </message>
    <message>
        <source>reads and writes</source>
        <translation>Lesen und Schreiben</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>nur Lesen</translation>
    </message>
    <message>
        <source>The local API listens on %1, not loopback: anyone who reaches it with the token can read your data.</source>
        <translation>Die lokale API lauscht auf %1, nicht auf Loopback: Wer sie mit dem Token erreicht, kann Ihre Daten lesen.</translation>
    </message>
</context>
<context>
    <name>pairlab::MarketView</name>
    <message>
        <source>&amp;Symbol:</source>
        <translation>&amp;Symbol:</translation>
    </message>
    <message>
        <source>S&amp;econd leg:</source>
        <translation>Z&amp;weites Leg:</translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation>&amp;Intervall:</translation>
    </message>
    <message>
        <source>Quoted spread (bps)</source>
        <translation>Quotierter Spread (bps)</translation>
    </message>
    <message>
        <source>Quotes could not be read: %1</source>
        <translation>Quotes konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No quotes stored for %1 / %2 at this interval (Settings → Feed → Quotes; a recording with bookTicker frames).</source>
        <translation>Keine Quotes für %1 / %2 in diesem Intervall gespeichert (Einstellungen → Feed → Quotes; eine Aufzeichnung mit bookTicker-Frames).</translation>
    </message>
</context>
<context>
    <name>pairlab::PairController</name>
    <message>
        <source>Choose two symbols.</source>
        <translation>Zwei Symbole wählen.</translation>
    </message>
    <message>
        <source>Y and X are the same symbol: choose two.</source>
        <translation>Y und X sind dasselbe Symbol: bitte zwei wählen.</translation>
    </message>
    <message>
        <source>cannot load bars: %1</source>
        <translation>Bars können nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 aligned bars, fewer than the window of %2 (and at least 10 are needed)</source>
        <translation>%1 ausgerichtete Bars, weniger als das Fenster von %2 (und mindestens 10 sind nötig)</translation>
    </message>
    <message>
        <source>Loading %1 and %2 (%3 bars)…</source>
        <translation>Lade %1 und %2 (%3-Bars)…</translation>
    </message>
    <message>
        <source>%1 ~ %2: waiting for data: %3 of %4 %5 bars</source>
        <translation>%1 ~ %2: warte auf Daten: %3 von %4 %5-Bars</translation>
    </message>
    <message>
        <source>%1 ~ %2: computing… (%3 aligned %4 bars, window %5)</source>
        <translation>%1 ~ %2: berechne… (%3 ausgerichtete %4-Bars, Fenster %5)</translation>
    </message>
    <message>
        <source>%1 ~ %2: %3 aligned %4 bars</source>
        <translation>%1 ~ %2: %3 ausgerichtete %4-Bars</translation>
    </message>
    <message>
        <source>Analysis not possible: %1</source>
        <translation>Analyse nicht möglich: %1</translation>
    </message>
    <message>
        <source>No analysis</source>
        <translation>Keine Analyse</translation>
    </message>
    <message>
        <source>Cointegrated at 1%</source>
        <translation>Kointegriert auf 1-%-Niveau</translation>
    </message>
    <message>
        <source>Cointegrated at 5%</source>
        <translation>Kointegriert auf 5-%-Niveau</translation>
    </message>
    <message>
        <source>Weak: cointegrated at 10% only</source>
        <translation>Schwach: nur auf 10-%-Niveau kointegriert</translation>
    </message>
    <message>
        <source>Not cointegrated</source>
        <translation>Nicht kointegriert</translation>
    </message>
    <message>
        <source>mid prices exist for live 1s, 1m and 5m bars only</source>
        <translation>Mittelkurse gibt es nur für Live-Bars zu 1s, 1m und 5m</translation>
    </message>
    <message>
        <source>%1 mid</source>
        <translation>%1-Mittelkurs</translation>
    </message>
    <message>
        <source>%1 ~ %2: waiting for bid/ask quotes of both legs (recorded while Settings → Feed → Quotes includes them): 0 of %3 %4 bars</source>
        <translation>%1 ~ %2: wartet auf Geld-/Briefkurse beider Beine (aufgezeichnet, solange Einstellungen → Feed → Quotes sie einschließt): 0 von %3 %4-Bars</translation>
    </message>
</context>
<context>
    <name>pairlab::PairResearchPanel</name>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>Korrelation</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>symbols, comma-separated</source>
        <translation>Symbole, kommagetrennt</translation>
    </message>
    <message>
        <source>Symbols of the correlation matrix and the pair scanner</source>
        <translation>Symbole der Korrelationsmatrix und des Paar-Scanners</translation>
    </message>
    <message>
        <source>&amp;Universe:</source>
        <translation>&amp;Universum:</translation>
    </message>
    <message>
        <source>Export statistics CSV…</source>
        <translation>Statistik als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>Statistik exportieren</translation>
    </message>
    <message>
        <source>Correlation of log returns on common bars; click a cell to analyse that pair</source>
        <translation>Korrelation der Log-Renditen auf gemeinsamen Bars; eine Zelle anklicken, um dieses Paar zu analysieren</translation>
    </message>
    <message>
        <source>Export matrix CSV…</source>
        <translation>Matrix als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export correlation matrix</source>
        <translation>Korrelationsmatrix exportieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;No analysis:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Keine Analyse:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>above +entry: short spread</source>
        <translation>über +Einstieg: Spread verkaufen</translation>
    </message>
    <message>
        <source>below −entry: long spread</source>
        <translation>unter −Einstieg: Spread kaufen</translation>
    </message>
    <message>
        <source>inside ±exit</source>
        <translation>innerhalb ±Ausstieg</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;margin-top:2px&apos;&gt;%1 ~ %2 · %3 bars of %4 · window %5&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;margin-top:2px&apos;&gt;%1 ~ %2 · %3 Bars zu %4 · Fenster %5&lt;/p&gt;</translation>
    </message>
    <message>
        <source>last z</source>
        <translation>letztes z</translation>
    </message>
    <message>
        <source>Hedge ratio β</source>
        <translation>Hedge-Verhältnis β</translation>
    </message>
    <message>
        <source>OLS</source>
        <translation>OLS</translation>
    </message>
    <message>
        <source>Huber</source>
        <translation>Huber</translation>
    </message>
    <message>
        <source>Theil-Sen</source>
        <translation>Theil-Sen</translation>
    </message>
    <message>
        <source>Stationarity of the OLS spread</source>
        <translation>Stationarität des OLS-Spreads</translation>
    </message>
    <message>
        <source>ADF (%1) statistic</source>
        <translation>ADF-Statistik (%1)</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>p-Wert</translation>
    </message>
    <message>
        <source>lag / nobs</source>
        <translation>Lag / Beob.</translation>
    </message>
    <message>
        <source>critical 1% / 5% / 10%</source>
        <translation>kritisch 1 % / 5 % / 10 %</translation>
    </message>
    <message>
        <source>Engle-Granger p-value</source>
        <translation>Engle-Granger-p-Wert</translation>
    </message>
    <message>
        <source>Mean reversion</source>
        <translation>Mean Reversion</translation>
    </message>
    <message>
        <source>half-life</source>
        <translation>Halbwertszeit</translation>
    </message>
    <message>
        <source>none (λ ≥ 0)</source>
        <translation>keine (λ ≥ 0)</translation>
    </message>
    <message>
        <source>Hurst</source>
        <translation>Hurst</translation>
    </message>
    <message>
        <source>Kalman innovation e/√S</source>
        <translation>Kalman-Innovation e/√S</translation>
    </message>
    <message>
        <source>%1 spread, rolling %2</source>
        <translation>%1-Spread, rollierend %2</translation>
    </message>
    <message>
        <source>Kalman β_t (last)</source>
        <translation>Kalman β_t (letzter)</translation>
    </message>
    <message>
        <source>trades / net P&amp;L</source>
        <translation>Trades / Netto-G&amp;V</translation>
    </message>
    <message>
        <source>net Sharpe</source>
        <translation>Netto-Sharpe</translation>
    </message>
    <message>
        <source>Quick backtest</source>
        <translation>Schneller Backtest</translation>
    </message>
    <message>
        <source>Static OLS spread, entry ±%1, exit ±%2, cost 2 spread units per side, no fees; Analysis → Backtest runs the full model.</source>
        <translation>Statischer OLS-Spread, Einstieg ±%1, Ausstieg ±%2, Kosten 2 Spread-Einheiten je Seite, ohne Gebühren; Analyse → Backtest rechnet das volle Modell.</translation>
    </message>
    <message>
        <source>Log returns on the %1 bars all %2 symbols share, %3 to %4 UTC.</source>
        <translation>Log-Renditen auf den %1 Bars, die alle %2 Symbole gemeinsam haben, %3 bis %4 UTC.</translation>
    </message>
    <message>
        <source>No bars that all symbols share yet.</source>
        <translation>Noch keine Bars, die alle Symbole gemeinsam haben.</translation>
    </message>
    <message>
        <source>%1 bars (%2)</source>
        <translation>%1 Bars (%2)</translation>
    </message>
    <message>
        <source>corr prices / returns, last %1 bars</source>
        <translation>Korr. Preise / Renditen, letzte %1 Bars</translation>
    </message>
    <message>
        <source>&amp;Cluster related symbols</source>
        <translation>Verwandte Symbole &amp;gruppieren</translation>
    </message>
    <message>
        <source>Order rows and columns by an average-linkage clustering of 1 − correlation, so that symbols that move together sit together</source>
        <translation>Zeilen und Spalten nach einer Average-Linkage-Clusterung von 1 − Korrelation ordnen, damit gemeinsam laufende Symbole nebeneinander stehen</translation>
    </message>
    <message>
        <source>C&amp;andidates only</source>
        <translation>Nur K&amp;andidaten</translation>
    </message>
    <message>
        <source>No pairs yet: the universe needs two symbols with bars.</source>
        <translation>Noch keine Paare: Das Universum braucht zwei Symbole mit Bars.</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Wählen…</translation>
    </message>
    <message>
        <source>Pick the universe from the exchange&apos;s perpetuals: search, top by 24 h volume, all, a saved list</source>
        <translation>Das Universum aus den Perpetuals der Börse wählen: Suche, die umsatzstärksten der letzten 24 h, alle, eine gespeicherte Liste</translation>
    </message>
    <message>
        <source>%v of %m pairs</source>
        <translation>%v von %m Paaren</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop this scan; the table keeps the last complete one and is not rescanned until you ask</source>
        <translation>Diesen Scan beenden; die Tabelle behält den letzten vollständigen und wird erst auf Wunsch neu gescannt</translation>
    </message>
    <message>
        <source>&amp;Rescan</source>
        <translation>&amp;Neu scannen</translation>
    </message>
    <message>
        <source>Scan the universe again now (it is rescanned every 5 s otherwise)</source>
        <translation>Das Universum jetzt neu scannen (sonst alle 5 s)</translation>
    </message>
    <message>
        <source>Scan stopped: the table shows the last complete scan. Rescan to start again.</source>
        <translation>Scan beendet: Die Tabelle zeigt den letzten vollständigen Scan. „Neu scannen“ startet erneut.</translation>
    </message>
    <message>
        <source>Candidates: %1 of %2 pairs (%3).</source>
        <translation>Kandidaten: %1 von %2 Paaren (%3).</translation>
    </message>
    <message>
        <source>Hedge and tests: each pair&apos;s bars (the newest %1 %2 bars) up to the bar of %3 UTC, scanned at %4 UTC. z over %5 bars with that hedge, up to the bar of %6 UTC.</source>
        <translation>Hedge und Tests: die Bars jedes Paares (die neuesten %1 %2-Bars) bis zur Bar von %3 UTC, gescannt um %4 UTC. z über %5 Bars mit diesem Hedge, bis zur Bar von %6 UTC.</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;margin-top:2px&apos;&gt;%1 ~ %2 · %3 bid/ask mid bars of %4 · window %5&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;margin-top:2px&apos;&gt;%1 ~ %2 · %3 Geld/Brief-Mittelkurs-Bars zu %4 · Fenster %5&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>pairlab::PairScannerModel</name>
    <message>
        <source>Last rolling z-score of the OLS spread; sorts by its absolute value</source>
        <translation>Letzter rollierender Z-Score des OLS-Spreads; sortiert nach seinem Betrag</translation>
    </message>
    <message>
        <source>Pair (Y ~ X)</source>
        <translation>Paar (Y ~ X)</translation>
    </message>
    <message>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <source>β (OLS)</source>
        <translation>β (OLS)</translation>
    </message>
    <message>
        <source>half-life (bars)</source>
        <translation>Halbwertszeit (Bars)</translation>
    </message>
    <message>
        <source>bars</source>
        <translation>Bars</translation>
    </message>
    <message>
        <source>Correlation of the legs&apos; log returns over the pair&apos;s bars</source>
        <translation>Korrelation der Log-Renditen beider Legs über die Bars des Paares</translation>
    </message>
    <message>
        <source>Engle-Granger p-value of Y on X (MacKinnon, autolag AIC)</source>
        <translation>Engle-Granger-p-Wert von Y auf X (MacKinnon, Autolag AIC)</translation>
    </message>
    <message>
        <source>Engle-Granger p-value of X on Y: the test is not symmetric</source>
        <translation>Engle-Granger-p-Wert von X auf Y: Der Test ist nicht symmetrisch</translation>
    </message>
    <message>
        <source>Hurst exponent of the OLS spread (variance of lags 2-99): below 0.5 mean reverting</source>
        <translation>Hurst-Exponent des OLS-Spreads (Varianz der Lags 2–99): unter 0,5 mean-reverting</translation>
    </message>
    <message>
        <source>Times the spread crossed its mean, per 1,000 bars</source>
        <translation>Wie oft der Spread seinen Mittelwert kreuzte, je 1.000 Bars</translation>
    </message>
    <message>
        <source>corr (returns)</source>
        <translation>Korr. (Renditen)</translation>
    </message>
    <message>
        <source>EG p (Y~X)</source>
        <translation>EG-p (Y~X)</translation>
    </message>
    <message>
        <source>EG p (X~Y)</source>
        <translation>EG-p (X~Y)</translation>
    </message>
    <message>
        <source>Hurst</source>
        <translation>Hurst</translation>
    </message>
    <message>
        <source>crossings / 1,000 bars</source>
        <translation>Kreuzungen / 1.000 Bars</translation>
    </message>
</context>
<context>
    <name>pairlab::PairWorkspace</name>
    <message>
        <source>Dependent leg Y</source>
        <translation>Abhängiges Leg Y</translation>
    </message>
    <message>
        <source>Regressor leg X</source>
        <translation>Regressor-Leg X</translation>
    </message>
    <message>
        <source>⇄ Swap</source>
        <translation>⇄ Tauschen</translation>
    </message>
    <message>
        <source>Swap Y and X</source>
        <translation>Y und X tauschen</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Analyse the live bars or an imported dataset</source>
        <translation>Die Live-Bars oder einen importierten Datensatz analysieren</translation>
    </message>
    <message>
        <source>Rolling window in bars (z-score, correlations, rolling β)</source>
        <translation>Rollierendes Fenster in Bars (Z-Score, Korrelationen, rollierendes β)</translation>
    </message>
    <message>
        <source>entry ±</source>
        <translation>Einstieg ±</translation>
    </message>
    <message>
        <source>exit ±</source>
        <translation>Ausstieg ±</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>Neu berechnen</translation>
    </message>
    <message>
        <source>Run the full analysis (ADF, Engle-Granger, Huber, Theil-Sen) now</source>
        <translation>Die vollständige Analyse (ADF, Engle-Granger, Huber, Theil-Sen) jetzt ausführen</translation>
    </message>
    <message>
        <source>&amp;Data:</source>
        <translation>&amp;Daten:</translation>
    </message>
    <message>
        <source>&amp;Y:</source>
        <translation>&amp;Y:</translation>
    </message>
    <message>
        <source>&amp;X:</source>
        <translation>&amp;X:</translation>
    </message>
    <message>
        <source>Time&amp;frame:</source>
        <translation>Zeit&amp;rahmen:</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Fenster:</translation>
    </message>
    <message>
        <source>&amp;Hedge:</source>
        <translation>&amp;Hedge:</translation>
    </message>
    <message>
        <source>Export pair CSV…</source>
        <translation>Paar als CSV exportieren…</translation>
    </message>
    <message>
        <source>ts_ms, x, y, beta, spread, z-score, correlations of every bar shown</source>
        <translation>ts_ms, x, y, Beta, Spread, Z-Score, Korrelationen jeder angezeigten Bar</translation>
    </message>
    <message>
        <source>Export pair series</source>
        <translation>Paarreihen exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Both legs, normalised to 100</source>
        <translation>Beide Legs, normiert auf 100</translation>
    </message>
    <message>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Spread y − (α + βx)</source>
        <translation>Spread y − (α + βx)</translation>
    </message>
    <message>
        <source>spread</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>Rolling z-score</source>
        <translation>Rollierender Z-Score</translation>
    </message>
    <message>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <source>Hedge ratio β</source>
        <translation>Hedge-Verhältnis β</translation>
    </message>
    <message>
        <source>β (method)</source>
        <translation>β (Methode)</translation>
    </message>
    <message>
        <source>rolling OLS β</source>
        <translation>rollierendes OLS-β</translation>
    </message>
    <message>
        <source>Rolling correlation</source>
        <translation>Rollierende Korrelation</translation>
    </message>
    <message>
        <source>prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>log returns</source>
        <translation>Log-Renditen</translation>
    </message>
    <message>
        <source>Dataset: %1</source>
        <translation>Datensatz: %1</translation>
    </message>
    <message>
        <source>ADF: %1</source>
        <translation>ADF: %1</translation>
    </message>
    <message>
        <source>Kalman filter on the prices, scaled to the data: its noise levels come from an OLS fit of the first window of bars; the spread is the innovation e_t (the prediction error before bar t is absorbed), its z is e_t/√S_t.</source>
        <translation>Kalman-Filter auf den Preisen, an die Daten skaliert: seine Rauschniveaus stammen aus einer OLS-Anpassung des ersten Fensters von Bars; der Spread ist die Innovation e_t (der Prognosefehler, bevor Bar t aufgenommen wird), sein z ist e_t/√S_t.</translation>
    </message>
    <message>
        <source>Kalman innovation e = y − (α + βx) with the prior α, β</source>
        <translation>Kalman-Innovation e = y − (α + βx) mit den Prior-α, β</translation>
    </message>
    <message>
        <source>Kalman z = e / √S</source>
        <translation>Kalman-z = e / √S</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>Trades</translation>
    </message>
    <message>
        <source>Mid (bid/ask)</source>
        <translation>Mittelkurs (Geld/Brief)</translation>
    </message>
    <message>
        <source>Each bar&apos;s last trade price</source>
        <translation>Der letzte Trade-Preis jeder Bar</translation>
    </message>
    <message>
        <source>Each bar&apos;s closing mid, (bid + ask) / 2 of its last best bid/offer update: live bars with recorded quotes only (Settings → Feed → Quotes)</source>
        <translation>Der Schluss-Mittelkurs jeder Bar, (Geld + Brief) / 2 ihrer letzten Best-Bid/Offer-Aktualisierung: nur Live-Bars mit aufgezeichneten Quotes (Einstellungen → Feed → Quotes)</translation>
    </message>
    <message>
        <source>&amp;Prices:</source>
        <translation>&amp;Preise:</translation>
    </message>
    <message>
        <source>Analyse each bar&apos;s last trade or its closing bid/ask mid</source>
        <translation>Den letzten Trade jeder Bar oder ihren Schluss-Mittelkurs aus Geld/Brief analysieren</translation>
    </message>
    <message>
        <source>Datasets hold trades only: mid prices need the live feed&apos;s quotes</source>
        <translation>Datensätze enthalten nur Trades: Mittelkurse brauchen die Quotes des Live-Feeds</translation>
    </message>
    <message>
        <source>Both legs&apos; bid/ask mid, normalised to 100</source>
        <translation>Geld/Brief-Mittelkurs beider Legs, normiert auf 100</translation>
    </message>
    <message>
        <source>Kalman innovation of the mids e = y − (α + βx) with the prior α, β</source>
        <translation>Kalman-Innovation der Mittelkurse e = y − (α + βx) mit den Prior-α, β</translation>
    </message>
    <message>
        <source>Spread of the mids y − (α + βx)</source>
        <translation>Spread der Mittelkurse y − (α + βx)</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Paar</translation>
    </message>
    <message>
        <source>Basket</source>
        <translation>Korb</translation>
    </message>
    <message>
        <source>The spread of a pair, y − (α + βx), or of a basket of legs, Σ wᵢ·pᵢ</source>
        <translation>Der Spread eines Paares, y − (α + βx), oder eines Korbs aus Legs, Σ wᵢ·pᵢ</translation>
    </message>
    <message>
        <source>&amp;Spread of:</source>
        <translation>&amp;Spread von:</translation>
    </message>
</context>
<context>
    <name>pairlab::RecentTradesModel</name>
    <message>
        <source>Sell</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Aggressor</source>
        <translation>Aggressor</translation>
    </message>
</context>
<context>
    <name>pairlab::ReplayServer</name>
    <message>
        <source>cannot listen on 127.0.0.1:%1: %2</source>
        <translation>kann nicht auf 127.0.0.1:%1 lauschen: %2</translation>
    </message>
</context>
<context>
    <name>pairlab::ScanScatterView</name>
    <message>
        <source>other pairs</source>
        <translation>andere Paare</translation>
    </message>
    <message>
        <source>candidates</source>
        <translation>Kandidaten</translation>
    </message>
    <message>
        <source>EG p-value (better order)</source>
        <translation>EG-p-Wert (bessere Richtung)</translation>
    </message>
    <message>
        <source>half-life (bars)</source>
        <translation>Halbwertszeit (Bars)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>pairs: %1</source>
        <translation>Paare: %1</translation>
    </message>
    <message>
        <source>Half-life ↑ vs EG p → · %1</source>
        <translation>Halbwertszeit ↑ gegen EG-p → · %1</translation>
    </message>
    <message>
        <source>Each point a pair: half-life in bars (log scale) against the better order&apos;s Engle-Granger p-value; candidates highlighted. The %1 pairs of the smallest p of %2 are drawn. Click a point to analyse the pair.</source>
        <translation>Jeder Punkt ein Paar: Halbwertszeit in Bars (logarithmisch) gegen den Engle-Granger-p-Wert der besseren Richtung; Kandidaten hervorgehoben. Gezeichnet sind die %1 Paare mit dem kleinsten p von %2. Ein Klick auf einen Punkt analysiert das Paar.</translation>
    </message>
    <message>
        <source>Each point a pair: half-life in bars (log scale) against the better order&apos;s Engle-Granger p-value; candidates highlighted. Click a point to analyse the pair.</source>
        <translation>Jeder Punkt ein Paar: Halbwertszeit in Bars (logarithmisch) gegen den Engle-Granger-p-Wert der besseren Richtung; Kandidaten hervorgehoben. Ein Klick auf einen Punkt analysiert das Paar.</translation>
    </message>
</context>
<context>
    <name>pairlab::SessionController</name>
    <message>
        <source>Connecting to Binance USD-M futures…</source>
        <translation>Verbinde mit Binance-USD-M-Futures…</translation>
    </message>
    <message>
        <source>Replay of %1</source>
        <translation>Wiedergabe von %1</translation>
    </message>
    <message>
        <source>Storage error: %1. The feed goes on; trades are held in memory and saved when the database works again.</source>
        <translation>Speicherfehler: %1. Der Datenstrom läuft weiter; Trades werden im Speicher gehalten und gesichert, sobald die Datenbank wieder funktioniert.</translation>
    </message>
    <message>
        <source>The database works again: %L1 held trades stored.</source>
        <translation>Die Datenbank funktioniert wieder: %L1 zurückgehaltene Trades gespeichert.</translation>
    </message>
    <message>
        <source>Stream %1 has delivered nothing for %2 s.</source>
        <translation>Stream %1 hat seit %2 s nichts geliefert.</translation>
    </message>
    <message>
        <source>Stream %1 has delivered nothing for %2 s — is the endpoint path right?</source>
        <translation>Stream %1 hat seit %2 s nichts geliefert — stimmt der Pfad des Endpunkts?</translation>
    </message>
    <message>
        <source>Server error: %1</source>
        <translation>Serverfehler: %1</translation>
    </message>
    <message>
        <source>The demo recording has ended (5 min 45 s of real trades).</source>
        <translation>Die Demo-Aufzeichnung ist zu Ende (5 min 45 s echte Trades).</translation>
    </message>
    <message>
        <source>The replay has ended.</source>
        <translation>Die Wiedergabe ist zu Ende.</translation>
    </message>
    <message>
        <source>cannot empty the demo database %1: %2</source>
        <translation>die Demo-Datenbank %1 kann nicht geleert werden: %2</translation>
    </message>
    <message>
        <source>Demo: recorded Binance futures trades, 2024-08-08; the first %1 arrive at once, as history, the rest as recorded</source>
        <translation>Demo: aufgezeichnete Binance-Futures-Trades vom 08.08.2024; die ersten %1 kommen sofort als Historie, der Rest wie aufgezeichnet</translation>
    </message>
    <message>
        <source>No trades from Binance after %1 s. The network may be unreachable.</source>
        <translation>Nach %1 s keine Trades von Binance. Das Netzwerk ist möglicherweise nicht erreichbar.</translation>
    </message>
    <message>
        <source>history %1 %2: %3 of %4 days</source>
        <translation>Historie %1 %2: %3 von %4 Tagen</translation>
    </message>
    <message>
        <source>History back-fill cancelled; the live feed goes on.</source>
        <translation>Historien-Nachladen abgebrochen; der Live-Feed läuft weiter.</translation>
    </message>
    <message>
        <source>History not complete (%1); it is tried again at the next start.</source>
        <translation>Historie nicht vollständig (%1); beim nächsten Start wird es erneut versucht.</translation>
    </message>
    <message>
        <source>Demo: Binance trades recorded 2024-08-08 (the first %1 at once); history: real 1 m bars of May–June 2025, moved in time and scaled to the recording</source>
        <translation>Demo: Binance-Trades aufgezeichnet am 2024-08-08 (die ersten %1 sofort); Historie: echte 1-m-Bars aus Mai–Juni 2025, zeitlich verschoben und auf die Aufzeichnung skaliert</translation>
    </message>
</context>
<context>
    <name>pairlab::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Feed</source>
        <translation>&amp;Feed</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Datenbank</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analyse</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>A&amp;llgemein</translation>
    </message>
    <message>
        <source>Binance USD-M futures symbols, separated by commas</source>
        <translation>Symbole der Binance-USD-M-Futures, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Every trade (trade)</source>
        <translation>Jeder Trade (trade)</translation>
    </message>
    <message>
        <source>Aggregated trades (aggTrade)</source>
        <translation>Zusammengefasste Trades (aggTrade)</translation>
    </message>
    <message>
        <source>Binance default</source>
        <translation>Binance-Standard</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Delay before the first reconnect attempt; it doubles with each failed attempt</source>
        <translation>Wartezeit vor dem ersten Verbindungsversuch; sie verdoppelt sich mit jedem fehlgeschlagenen Versuch</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A connection that delivers nothing for this long is dropped and reopened</source>
        <translation>Eine Verbindung, die so lange nichts liefert, wird getrennt und neu aufgebaut</translation>
    </message>
    <message>
        <source>&amp;Symbols:</source>
        <translation>&amp;Symbole:</translation>
    </message>
    <message>
        <source>S&amp;tream:</source>
        <translation>S&amp;tream:</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpunkt:</translation>
    </message>
    <message>
        <source>First &amp;reconnect after:</source>
        <translation>Erstes &amp;Neuverbinden nach:</translation>
    </message>
    <message>
        <source>Longest reconnect &amp;delay:</source>
        <translation>Längste &amp;Wartezeit:</translation>
    </message>
    <message>
        <source>Reconnect when &amp;silent for:</source>
        <translation>Neu verbinden nach &amp;Stille von:</translation>
    </message>
    <message>
        <source>&amp;Connect timeout:</source>
        <translation>&amp;Verbindungs-Zeitlimit:</translation>
    </message>
    <message>
        <source>A live connection to Binance reconnects with these settings when you press OK.</source>
        <translation>Eine Live-Verbindung mit Binance verbindet sich mit diesen Einstellungen neu, sobald Sie OK drücken.</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>SQLite-Datei</translation>
    </message>
    <message>
        <source>PostgreSQL server</source>
        <translation>PostgreSQL-Server</translation>
    </message>
    <message>
        <source>Empty: %1</source>
        <translation>Leer: %1</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Datenbankdatei</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The password comes from ~/.pgpass or PGPASSWORD, not from this field</source>
        <translation>Das Passwort kommt aus ~/.pgpass oder PGPASSWORD, nicht aus diesem Feld</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend:</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <source>A new database takes effect the next time PairLab connects to Binance (Feed → Connect to Binance) or starts. The demo keeps its own database.</source>
        <translation>Eine neue Datenbank gilt ab der nächsten Verbindung von PairLab mit Binance (Feed → Mit Binance verbinden) oder dem nächsten Start. Die Demo behält ihre eigene Datenbank.</translation>
    </message>
    <message>
        <source> bars</source>
        <translation> Bars</translation>
    </message>
    <message>
        <source>Rolling &amp;window:</source>
        <translation>Rollendes &amp;Fenster:</translation>
    </message>
    <message>
        <source>&amp;Entry at |z| ≥</source>
        <translation>&amp;Einstieg bei |z| ≥</translation>
    </message>
    <message>
        <source>E&amp;xit at |z| ≤</source>
        <translation>A&amp;usstieg bei |z| ≤</translation>
    </message>
    <message>
        <source>&amp;Hedge ratio:</source>
        <translation>&amp;Hedge-Ratio:</translation>
    </message>
    <message>
        <source>ADF &amp;trend:</source>
        <translation>ADF-&amp;Trend:</translation>
    </message>
    <message>
        <source>A new workspace (File → New workspace) starts with these; a saved workspace keeps its own.</source>
        <translation>Ein neuer Arbeitsbereich (Datei → Neuer Arbeitsbereich) beginnt mit diesen Werten; ein gespeicherter behält seine eigenen.</translation>
    </message>
    <message>
        <source>Show a system tray message when an alert fires</source>
        <translation>Eine Meldung im Systembereich zeigen, wenn ein Alarm auslöst</translation>
    </message>
    <message>
        <source>Play a sound when an alert fires</source>
        <translation>Einen Ton abspielen, wenn ein Alarm auslöst</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Alerts:</source>
        <translation>Alarme:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language takes effect when PairLab is restarted.</source>
        <translation>Eine neue Sprache gilt nach einem Neustart von PairLab.</translation>
    </message>
    <message>
        <source>This is a PostgreSQL URL: choose the backend “PostgreSQL server” for it.</source>
        <translation>Das ist eine PostgreSQL-URL: wählen Sie dafür das Backend „PostgreSQL-Server“.</translation>
    </message>
    <message>
        <source>The exit band must be inside the entry band (exit &lt; entry).</source>
        <translation>Das Ausstiegsband muss innerhalb des Einstiegsbands liegen (Ausstieg &lt; Einstieg).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>PairLab never stores a database password: a password typed into the URL is removed; PostgreSQL reads it from PGPASSWORD or ~/.pgpass.</source>
        <translation>PairLab speichert nie ein Datenbank-Passwort: ein in die URL eingegebenes Passwort wird entfernt; PostgreSQL liest es aus PGPASSWORD oder ~/.pgpass.</translation>
    </message>
    <message>
        <source>The legs of the pairs shown</source>
        <translation>Die Beine der angezeigten Paare</translation>
    </message>
    <message>
        <source>Every streamed symbol</source>
        <translation>Jedes gestreamte Symbol</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Whose best bid and ask (bookTicker) are streamed beside the trades and stored as 1 s / 1 m / 5 m quote bars, for backtests filled at the bid/ask. Binance sends about ten quotes per trade.</source>
        <translation>Wessen bester Geld- und Briefkurs (bookTicker) neben den Trades gestreamt und als 1-s-/1-min-/5-min-Quote-Bars gespeichert wird, für Backtests mit Ausführung zu Geld/Brief. Binance sendet etwa zehn Quotes pro Trade.</translation>
    </message>
    <message>
        <source>&amp;Quotes (bid/ask):</source>
        <translation>&amp;Quotes (Geld/Brief):</translation>
    </message>
    <message>
        <source>Serve the &amp;local API (HTTP and WebSocket, for notebooks and scripts)</source>
        <translation>&amp;Lokale API bereitstellen (HTTP und WebSocket, für Notebooks und Skripte)</translation>
    </message>
    <message>
        <source>Allow &amp;writes: create and delete alert rules, import CSV files, run backtests</source>
        <translation>&amp;Schreiben erlauben: Alarmregeln anlegen und löschen, CSV-Dateien importieren, Backtests ausführen</translation>
    </message>
    <message>
        <source>made when the API is first turned on</source>
        <translation>wird beim ersten Einschalten der API erzeugt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;New token</source>
        <translation>&amp;Neues Token</translation>
    </message>
    <message>
        <source>Replaces the token at once: clients with the old one are refused from now on.</source>
        <translation>Ersetzt das Token sofort: Clients mit dem alten werden ab jetzt abgewiesen.</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Not loopback: anyone who reaches this address and has the token can read and change your data. The traffic is not encrypted.</source>
        <translation>Nicht Loopback: Wer diese Adresse erreicht und das Token hat, kann Ihre Daten lesen und ändern. Die Verbindung ist nicht verschlüsselt.</translation>
    </message>
    <message>
        <source>Not loopback: anyone who reaches this address and has the token can read your data. The traffic is not encrypted.</source>
        <translation>Nicht Loopback: Wer diese Adresse erreicht und das Token hat, kann Ihre Daten lesen. Die Verbindung ist nicht verschlüsselt.</translation>
    </message>
    <message>
        <source>Requests carry the token as “Authorization: Bearer &lt;token&gt;”; it is kept in %1, readable by you only. Try: curl -H &quot;Authorization: Bearer $(cat %1)&quot; http://%2:%3/v1/health — the endpoints are listed at /v1/openapi.json.%4</source>
        <translation>Anfragen tragen das Token als „Authorization: Bearer &lt;token&gt;“; es liegt in %1, nur für Sie lesbar. Zum Ausprobieren: curl -H &quot;Authorization: Bearer $(cat %1)&quot; http://%2:%3/v1/health — die Endpunkte stehen in /v1/openapi.json.%4</translation>
    </message>
    <message>
        <source> A new token was made: clients with the old one are refused.</source>
        <translation> Ein neues Token wurde erzeugt: Clients mit dem alten werden abgewiesen.</translation>
    </message>
    <message>
        <source>AP&amp;I</source>
        <translation>AP&amp;I</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>Addr&amp;ess:</source>
        <translation>Adr&amp;esse:</translation>
    </message>
</context>
<context>
    <name>pairlab::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Find a command or key…</source>
        <translation>Befehl oder Taste suchen…</translation>
    </message>
</context>
<context>
    <name>pairlab::SweepGridModel</name>
    <message>
        <source>not computed</source>
        <translation>nicht berechnet</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>Einstieg %1</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>Ausstieg %1</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>entry %1, exit %2: net Sharpe %3, %5 trades, net PnL %6, max drawdown %7. %4.</source>
        <translation>Einstieg %1, Ausstieg %2: Netto-Sharpe %3, %5 Trades, Netto-G&amp;V %6, max. Drawdown %7. %4.</translation>
    </message>
</context>
<context>
    <name>pairlab::SymbolCatalogController</name>
    <message>
        <source>the symbol list could not be stored: %1</source>
        <translation>die Symbolliste konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Fetching the symbol list…</source>
        <translation>Symbolliste wird geladen…</translation>
    </message>
    <message>
        <source>No symbol list yet: it is fetched when a session starts.</source>
        <translation>Noch keine Symbolliste: Sie wird geladen, wenn eine Sitzung beginnt.</translation>
    </message>
    <message>
        <source>No symbol list yet.</source>
        <translation>Noch keine Symbolliste.</translation>
    </message>
    <message>
        <source>%1 perpetuals, fetched %2 UTC</source>
        <translation>%1 Perpetuals, geladen %2 UTC</translation>
    </message>
    <message>
        <source>(last fetch: %1)</source>
        <translation>(letzter Abruf: %1)</translation>
    </message>
</context>
<context>
    <name>pairlab::SymbolCatalogFetch</name>
    <message>
        <source>malformed answer: %1</source>
        <translation>fehlerhafte Antwort: %1</translation>
    </message>
    <message>
        <source>%1 (failed answers in a row: %2)</source>
        <translation>%1 (fehlgeschlagene Antworten in Folge: %2)</translation>
    </message>
    <message>
        <source>the 24 h volumes are missing: %1</source>
        <translation>die 24-h-Umsätze fehlen: %1</translation>
    </message>
</context>
<context>
    <name>pairlab::TickWriter</name>
    <message>
        <source>cannot add symbol %1: %2</source>
        <translation>Symbol %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>cannot store ticks: %1</source>
        <translation>Ticks können nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>the tick database is not open</source>
        <translation>die Tick-Datenbank ist nicht geöffnet</translation>
    </message>
    <message>
        <source>cannot start a transaction: %1</source>
        <translation>Transaktion kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>cannot update the ingest sequence: %1</source>
        <translation>die Ingest-Sequenz kann nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>cannot commit ticks: %1</source>
        <translation>Ticks können nicht festgeschrieben werden: %1</translation>
    </message>
    <message>
        <source>cannot read the stored %1 ticks: %2</source>
        <translation>die gespeicherten %1-Ticks können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot store bars: %1</source>
        <translation>Bars können nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>cannot prepare the database connection: %1</source>
        <translation>die Datenbankverbindung kann nicht vorbereitet werden: %1</translation>
    </message>
</context>
<context>
    <name>pairlab::TickerModel</name>
    <message>
        <source>Change since the first trade of this session</source>
        <translation>Änderung seit dem ersten Trade dieser Sitzung</translation>
    </message>
    <message>
        <source>Traded quantity in this session</source>
        <translation>Gehandelte Menge in dieser Sitzung</translation>
    </message>
    <message>
        <source>Trades per second over the last 10 s of market time</source>
        <translation>Trades pro Sekunde in den letzten 10 s Marktzeit</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Letzter</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>Trades/s</source>
        <translation>Trades/s</translation>
    </message>
    <message>
        <source>No mark price yet (streamed from Binance only)</source>
        <translation>Noch kein Mark-Preis (nur von Binance gestreamt)</translation>
    </message>
    <message>
        <source>Funding rate %1 % per period, mark price %2: a long position pays it when positive</source>
        <translation>Funding-Satz %1 % je Periode, Mark-Preis %2: eine Long-Position zahlt ihn, wenn er positiv ist</translation>
    </message>
    <message>
        <source>Next funding at %1 UTC</source>
        <translation>Nächstes Funding um %1 UTC</translation>
    </message>
    <message>
        <source>Current funding rate per funding period (markPrice stream)</source>
        <translation>Aktueller Funding-Satz je Funding-Periode (markPrice-Stream)</translation>
    </message>
    <message>
        <source>Time left to the next funding</source>
        <translation>Zeit bis zum nächsten Funding</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Funding</translation>
    </message>
    <message>
        <source>Next funding</source>
        <translation>Nächstes Funding</translation>
    </message>
</context>
<context>
    <name>pairlab::TimeChartView</name>
    <message>
        <source>Save chart as PNG…</source>
        <translation>Diagramm als PNG speichern…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Reset zoom and follow live</source>
        <translation>Zoom zurücksetzen und live folgen</translation>
    </message>
</context>
<context>
    <name>pairlab::TimeSeriesChartView</name>
    <message>
        <source>No data yet</source>
        <translation>Noch keine Daten</translation>
    </message>
</context>
<context>
    <name>pairlab::UniverseDialog</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Scanner universe</source>
        <translation>Scanner-Universum</translation>
    </message>
    <message>
        <source>Search symbols, e.g. sol</source>
        <translation>Symbole suchen, z. B. sol</translation>
    </message>
    <message>
        <source>&amp;Add →</source>
        <translation>&amp;Hinzufügen →</translation>
    </message>
    <message>
        <source>← Re&amp;move</source>
        <translation>← &amp;Entfernen</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>&amp;Top by 24 h volume</source>
        <translation>&amp;Top nach 24-h-Umsatz</translation>
    </message>
    <message>
        <source>The symbols with the largest 24 h quote volume</source>
        <translation>Die Symbole mit dem größten 24-h-Quote-Umsatz</translation>
    </message>
    <message>
        <source>All &amp;perpetuals</source>
        <translation>Alle &amp;Perpetuals</translation>
    </message>
    <message>
        <source>&amp;Save list</source>
        <translation>Liste &amp;speichern</translation>
    </message>
    <message>
        <source>Saved l&amp;ist</source>
        <translation>Gespeicherte L&amp;iste</translation>
    </message>
    <message>
        <source>Chosen:</source>
        <translation>Gewählt:</translation>
    </message>
    <message>
        <source>%1 bn</source>
        <translation>%1 Mrd.</translation>
    </message>
    <message>
        <source>%1 M</source>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <source>%1 k</source>
        <translation>%1 Tsd.</translation>
    </message>
    <message>
        <source>%1  ·  %2 USDT in 24 h</source>
        <translation>%1  ·  %2 USDT in 24 h</translation>
    </message>
    <message>
        <source>%1 symbols · pairs to scan: %2 (at most %3 symbols)</source>
        <translation>%1 Symbole · zu prüfende Paare: %2 (höchstens %3 Symbole)</translation>
    </message>
    <message>
        <source>Also &amp;stream them live and fill their history</source>
        <translation>Auch live &amp;streamen und ihre Historie füllen</translation>
    </message>
    <message>
        <source>Adds the chosen symbols to the live feed (Settings → Feed): trades stream in and the exchange&apos;s bars of the last days are filled. Without it, the scanner uses the bars the database already has.</source>
        <translation>Fügt die gewählten Symbole dem Live-Feed hinzu (Einstellungen → Feed): Trades kommen live herein, und die Börsen-Bars der letzten Tage werden gefüllt. Ohne dies nutzt der Scanner die Bars, die die Datenbank schon hat.</translation>
    </message>
</context>
<context>
    <name>pairlab::WalkForwardFoldsModel</name>
    <message>
        <source>bars %L1–%L2</source>
        <translation>Bars %L1–%L2</translation>
    </message>
    <message>
        <source>The rolling and Kalman hedges adapt bar by bar from the training window&apos;s first bar on.</source>
        <translation>Rollierender und Kalman-Hedge passen sich ab der ersten Bar des Trainingsfensters Bar für Bar an.</translation>
    </message>
    <message>
        <source>adaptive</source>
        <translation>adaptiv</translation>
    </message>
    <message>
        <source>flat: %1</source>
        <translation>ohne Position: %1</translation>
    </message>
    <message>
        <source>Fold</source>
        <translation>Fold</translation>
    </message>
    <message>
        <source>Training (UTC)</source>
        <translation>Training (UTC)</translation>
    </message>
    <message>
        <source>Test (UTC)</source>
        <translation>Test (UTC)</translation>
    </message>
    <message>
        <source>Entry |z|</source>
        <translation>Einstieg |z|</translation>
    </message>
    <message>
        <source>Exit |z|</source>
        <translation>Ausstieg |z|</translation>
    </message>
    <message>
        <source>β (training)</source>
        <translation>β (Training)</translation>
    </message>
    <message>
        <source>IS Sharpe</source>
        <translation>IS-Sharpe</translation>
    </message>
    <message>
        <source>IS net P&amp;L</source>
        <translation>IS-Netto-P&amp;L</translation>
    </message>
    <message>
        <source>OOS Sharpe</source>
        <translation>OOS-Sharpe</translation>
    </message>
    <message>
        <source>OOS net P&amp;L</source>
        <translation>OOS-Netto-P&amp;L</translation>
    </message>
    <message>
        <source>OOS trades</source>
        <translation>OOS-Trades</translation>
    </message>
    <message>
        <source>OOS max DD</source>
        <translation>OOS max. DD</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>pairlab::WelcomeDialog</name>
    <message>
        <source>Welcome to PairLab</source>
        <translation>Willkommen bei PairLab</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to PairLab&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Willkommen bei PairLab&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;PairLab streams Binance USD-M futures trades live and keeps every tick and bar in a local database.&lt;/p&gt;&lt;p&gt;It analyses pairs as the bars close: hedge ratio, spread, z-score, stationarity and cointegration tests.&lt;/p&gt;&lt;p&gt;Alerts and backtests show whether a mean-reversion trade on the pair would have paid.&lt;/p&gt;</source>
        <translation>&lt;p&gt;PairLab empfängt die Trades der Binance-USD-M-Futures live und speichert jeden Tick und jede Bar in einer lokalen Datenbank.&lt;/p&gt;&lt;p&gt;Es analysiert Paare, sobald Bars schließen: Hedge-Ratio, Spread, z-Score, Stationaritäts- und Kointegrationstests.&lt;/p&gt;&lt;p&gt;Alarme und Backtests zeigen, ob sich ein Mean-Reversion-Trade auf dem Paar gelohnt hätte.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Without network access, the demo replays real recorded Binance trades.</source>
        <translation>Ohne Netzwerk spielt die Demo echte aufgezeichnete Binance-Trades ab.</translation>
    </message>
    <message>
        <source>Connect to Binance</source>
        <translation>Mit Binance verbinden</translation>
    </message>
    <message>
        <source>Start the demo recording</source>
        <translation>Demo-Aufzeichnung starten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
</TS>
