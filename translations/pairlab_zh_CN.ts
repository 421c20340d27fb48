<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdfTrend</name>
    <message>
        <source>constant</source>
        <translation>常数项</translation>
    </message>
    <message>
        <source>constant + trend</source>
        <translation>常数项 + 趋势</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>AlertEngine</name>
    <message>
        <source>waiting for %1 bars (%2 so far)</source>
        <translation>等待 %1 根 K 线（目前 %2 根）</translation>
    </message>
    <message>
        <source>in cooldown until %1 ms</source>
        <translation>冷却中，直到 %1 毫秒</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%2 上的 %1：%3</translation>
    </message>
    <message>
        <source>%1 on %2: %3 (%4)</source>
        <translation>%2 上的 %1：%3（%4）</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>expected &quot;rising&quot; or &quot;while_true&quot;</source>
        <translation>应为 &quot;rising&quot; 或 &quot;while_true&quot;</translation>
    </message>
    <message>
        <source>expected a number &gt;= 0</source>
        <translation>应为 &gt;= 0 的数字</translation>
    </message>
    <message>
        <source>expected a whole number &gt;= 0</source>
        <translation>应为 &gt;= 0 的整数</translation>
    </message>
</context>
<context>
    <name>AlertExpression</name>
    <message>
        <source>spread y - (alpha + beta x) on the static hedge</source>
        <translation>基于静态对冲的价差 y - (alpha + beta x)</translation>
    </message>
    <message>
        <source>static OLS hedge ratio of the spread</source>
        <translation>价差的静态 OLS 对冲比率</translation>
    </message>
    <message>
        <source>rolling correlation of the prices</source>
        <translation>价格的滚动相关系数</translation>
    </message>
    <message>
        <source>rolling correlation of the log returns</source>
        <translation>对数收益率的滚动相关系数</translation>
    </message>
    <message>
        <source>ADF p-value of the spread</source>
        <translation>价差的 ADF p 值</translation>
    </message>
    <message>
        <source>Engle-Granger cointegration p-value</source>
        <translation>Engle-Granger 协整 p 值</translation>
    </message>
    <message>
        <source>half-life of the spread in bars</source>
        <translation>价差的半衰期（K 线数）</translation>
    </message>
    <message>
        <source>last close of x</source>
        <translation>x 的最新收盘价</translation>
    </message>
    <message>
        <source>last close of y</source>
        <translation>y 的最新收盘价</translation>
    </message>
    <message>
        <source>last log return of x</source>
        <translation>x 的最新对数收益率</translation>
    </message>
    <message>
        <source>last log return of y</source>
        <translation>y 的最新对数收益率</translation>
    </message>
    <message>
        <source>volume of the last bar of x</source>
        <translation>x 最新一根 K 线的成交量</translation>
    </message>
    <message>
        <source>volume of the last bar of y</source>
        <translation>y 最新一根 K 线的成交量</translation>
    </message>
    <message>
        <source>the expression is empty</source>
        <translation>表达式为空</translation>
    </message>
    <message>
        <source>invalid character &apos;%1&apos;</source>
        <translation>无效字符 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>only one expression is allowed (found a &apos;,&apos; outside a function call)</source>
        <translation>只允许一个表达式（在函数调用之外发现了 &apos;,&apos;）</translation>
    </message>
    <message>
        <source>variable &apos;%1&apos; is undefined</source>
        <translation>变量 &apos;%1&apos; 未定义</translation>
    </message>
    <message>
        <source>division by zero</source>
        <translation>除以零</translation>
    </message>
    <message>
        <source>the result is not a number</source>
        <translation>结果不是数字</translation>
    </message>
    <message>
        <source>the result is infinite</source>
        <translation>结果为无穷大</translation>
    </message>
    <message>
        <source>the expression is longer than %1 characters</source>
        <translation>表达式超过 %1 个字符</translation>
    </message>
    <message>
        <source>column %1: brackets nested deeper than %2 levels</source>
        <translation>第 %1 列：括号嵌套超过 %2 层</translation>
    </message>
    <message>
        <source>column %1: unknown variable or function &apos;%2&apos;</source>
        <translation>第 %1 列：未知的变量或函数“%2”</translation>
    </message>
    <message>
        <source>column %1: unexpected &apos;%2&apos;</source>
        <translation>第 %1 列：意外的“%2”</translation>
    </message>
    <message>
        <source>column %1: %2</source>
        <translation>第 %1 列：%2</translation>
    </message>
    <message>
        <source>rolling z-score of the static OLS spread (alias zscore; the Kalman hedge&apos;s z is kalman_z)</source>
        <translation>静态 OLS 价差的滚动 z 分数（别名 zscore；Kalman 对冲的 z 为 kalman_z）</translation>
    </message>
    <message>
        <source>z-score of the Kalman hedge&apos;s spread (its innovation; warm-up = window)</source>
        <translation>Kalman 对冲价差的 z 分数（其新息；预热 = 窗口）</translation>
    </message>
    <message>
        <source>spread of the Kalman hedge: y - (alpha + beta x) with the prior state</source>
        <translation>Kalman 对冲的价差：用先验状态计算的 y - (alpha + beta x)</translation>
    </message>
</context>
<context>
    <name>AlertStore</name>
    <message>
        <source>alert rule %1 does not exist</source>
        <translation>警报规则 %1 不存在</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <source>“%1” is not a Binance symbol (2–20 letters A–Z and digits, e.g. BTCUSDT).</source>
        <translation>“%1”不是币安交易对代码（2–20 个 A–Z 字母和数字，例如 BTCUSDT）。</translation>
    </message>
    <message>
        <source>Enter at least one symbol, e.g. BTCUSDT,ETHUSDT.</source>
        <translation>请至少输入一个交易对，例如 BTCUSDT,ETHUSDT。</translation>
    </message>
    <message>
        <source>The endpoint must be a ws:// or wss:// URL with a host, e.g. wss://fstream.binance.com/market.</source>
        <translation>端点必须是带主机名的 ws:// 或 wss:// URL，例如 wss://fstream.binance.com/market。</translation>
    </message>
    <message>
        <source>Enter a PostgreSQL URL like postgresql://user@host:5432/pairlab (host and database name required).</source>
        <translation>请输入形如 postgresql://user@host:5432/pairlab 的 PostgreSQL URL（必须包含主机和数据库名）。</translation>
    </message>
    <message>
        <source>The reconnect delay must be between %1 and %2 ms.</source>
        <translation>重连延迟必须在 %1 到 %2 毫秒之间。</translation>
    </message>
    <message>
        <source>The longest reconnect delay must be between %1 and %2 ms.</source>
        <translation>最长重连延迟必须在 %1 到 %2 毫秒之间。</translation>
    </message>
    <message>
        <source>The longest reconnect delay must not be shorter than the first one.</source>
        <translation>最长重连延迟不能短于首次重连延迟。</translation>
    </message>
    <message>
        <source>The stall timeout must be between %1 and %2 s.</source>
        <translation>无数据超时必须在 %1 到 %2 秒之间。</translation>
    </message>
    <message>
        <source>The connect timeout must be between %1 and %2 s.</source>
        <translation>连接超时必须在 %1 到 %2 秒之间。</translation>
    </message>
    <message>
        <source>API address: &apos;%1&apos; is not an IP address (127.0.0.1 serves this computer only)</source>
        <translation>API 地址：“%1”不是 IP 地址（127.0.0.1 仅服务本机）</translation>
    </message>
</context>
<context>
    <name>Backtest</name>
    <message>
        <source>the entry threshold must be a positive number</source>
        <translation>入场阈值必须是正数</translation>
    </message>
    <message>
        <source>the exit threshold must be at least 0 and below the entry threshold</source>
        <translation>出场阈值必须不小于 0 且低于入场阈值</translation>
    </message>
    <message>
        <source>the stop threshold must be above the entry threshold</source>
        <translation>止损阈值必须高于入场阈值</translation>
    </message>
    <message>
        <source>the window must have at least 2 bars</source>
        <translation>窗口至少需要 2 根 K 线</translation>
    </message>
    <message>
        <source>costs must not be negative</source>
        <translation>成本不能为负数</translation>
    </message>
    <message>
        <source>the notional per trade must be positive</source>
        <translation>每笔交易的名义金额必须为正数</translation>
    </message>
    <message>
        <source>bars per year must be positive</source>
        <translation>每年 K 线数必须为正数</translation>
    </message>
    <message>
        <source>the series have different lengths</source>
        <translation>序列长度不同</translation>
    </message>
    <message>
        <source>there are no bars</source>
        <translation>没有 K 线</translation>
    </message>
    <message>
        <source>the prices contain non-finite values</source>
        <translation>价格中包含非有限值</translation>
    </message>
    <message>
        <source>the static regression failed: %1</source>
        <translation>静态回归失败：%1</translation>
    </message>
    <message>
        <source>the Kalman filter failed: %1</source>
        <translation>卡尔曼滤波失败：%1</translation>
    </message>
    <message>
        <source>the prepared series were computed for another window or hedge method</source>
        <translation>预处理的序列是针对其他窗口或对冲方法计算的</translation>
    </message>
    <message>
        <source>no quotes are stored for these bars: quote fills need the legs&apos; bid/ask (stream bookTicker or ingest a recording with quotes)</source>
        <translation>这些K线没有已存储的报价：按报价成交需要两条腿的买卖价（订阅 bookTicker 或导入含报价的录制）</translation>
    </message>
    <message>
        <source>funding events of both legs are needed, and one has none stored over these bars (fetch them with pairlab-cli history --funding)</source>
        <translation>需要两条腿的资金费率事件，但其中一条在这些K线范围内没有存储（用 pairlab-cli history --funding 获取）</translation>
    </message>
    <message>
        <source>%1 legs but %2 weights</source>
        <translation>%1 条腿，但有 %2 个权重</translation>
    </message>
    <message>
        <source>a basket is hedged by its weights: the rolling and Kalman hedges are for pairs</source>
        <translation>篮子由其权重对冲：滚动对冲和 Kalman 对冲仅适用于配对</translation>
    </message>
    <message>
        <source>a basket fills at the closes (quote fills are computed for pairs)</source>
        <translation>篮子按收盘价成交（按报价成交仅对配对计算）</translation>
    </message>
    <message>
        <source>funding events of every leg are needed, and a leg has none stored (fetch them with pairlab-cli history --funding)</source>
        <translation>需要每条腿的资金费事件，但有一条腿没有存储（用 pairlab-cli history --funding 获取）</translation>
    </message>
    <message>
        <source>a weight is not a number</source>
        <translation>某个权重不是数字</translation>
    </message>
    <message>
        <source>every weight is zero</source>
        <translation>所有权重均为零</translation>
    </message>
    <message numerus="yes">
        <source>%n bar(s) in common: a backtest needs at least 3</source>
        <translation>
            <numerusform>共同 K线 %n 根：回测至少需要 3 根</numerusform>
        </translation>
    </message>
    <message>
        <source>the legs have different lengths</source>
        <translation>各腿长度不同</translation>
    </message>
    <message>
        <source>a leg has a price that is not a positive number</source>
        <translation>某条腿的价格不是正数</translation>
    </message>
</context>
<context>
    <name>Basket</name>
    <message>
        <source>a basket needs at least two symbols</source>
        <translation>篮子至少需要两个品种</translation>
    </message>
    <message>
        <source>%1 symbols but %2 weights</source>
        <translation>%1 个品种，但有 %2 个权重</translation>
    </message>
    <message>
        <source>a symbol appears twice</source>
        <translation>有品种出现了两次</translation>
    </message>
    <message>
        <source>the weight of %1 is not a number</source>
        <translation>%1 的权重不是数字</translation>
    </message>
    <message>
        <source>every weight is zero</source>
        <translation>所有权重均为零</translation>
    </message>
    <message>
        <source>%1 legs but %2 weights</source>
        <translation>%1 条腿，但有 %2 个权重</translation>
    </message>
    <message>
        <source>the legs have different lengths</source>
        <translation>各条腿长度不同</translation>
    </message>
    <message>
        <source>a leg has a price that is not a number</source>
        <translation>有一条腿的价格不是数字</translation>
    </message>
    <message>
        <source>a weight is not a number</source>
        <translation>有权重不是数字</translation>
    </message>
    <message>
        <source>the window must be at least 2 bars</source>
        <translation>窗口至少需要 2 根K线</translation>
    </message>
    <message>
        <source>%1 bars in common, fewer than the window of %2 (and at least 10 are needed)</source>
        <translation>%1 根共同K线，少于 %2 的窗口（且至少需要 10 根）</translation>
    </message>
    <message>
        <source>the basket&apos;s value does not move</source>
        <translation>篮子的价值没有变动</translation>
    </message>
</context>
<context>
    <name>BinanceRest</name>
    <message>
        <source>no answer within %1 s</source>
        <translation>%1 秒内无应答</translation>
    </message>
    <message>
        <source>Binance banned this IP address (HTTP 418) for %1 s</source>
        <translation>Binance 已封禁此 IP 地址 %1 秒（HTTP 418）</translation>
    </message>
    <message>
        <source>rate limited by Binance (HTTP 429)</source>
        <translation>被 Binance 限流（HTTP 429）</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Binance refused the request (HTTP %1): %2</source>
        <translation>Binance 拒绝了请求（HTTP %1）：%2</translation>
    </message>
</context>
<context>
    <name>Bootstrap</name>
    <message>
        <source>a bootstrap needs at least two bars of returns</source>
        <translation>自助法至少需要两根 K 线的收益</translation>
    </message>
    <message>
        <source>the number of resamples must be at least 1</source>
        <translation>重抽样次数至少为 1</translation>
    </message>
    <message>
        <source>the returns contain non-finite values</source>
        <translation>收益中含有非有限数值</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <source>cannot open the file: %1</source>
        <translation>无法打开文件：%1</translation>
    </message>
    <message>
        <source>a trade file needs a price and a quantity column</source>
        <translation>成交文件需要价格列和数量列</translation>
    </message>
    <message>
        <source>no close (or price) column for %1</source>
        <translation>%1 没有收盘价（或价格）列</translation>
    </message>
    <message>
        <source>no time column</source>
        <translation>没有时间列</translation>
    </message>
    <message>
        <source>no symbol: give one</source>
        <translation>没有交易品种：请指定一个</translation>
    </message>
    <message>
        <source>unreadable JSON: %1</source>
        <translation>无法读取的 JSON：%1</translation>
    </message>
    <message>
        <source>not a time: &apos;%1&apos;</source>
        <translation>不是时间：&apos;%1&apos;</translation>
    </message>
    <message>
        <source>not a date: &apos;%1&apos;</source>
        <translation>不是日期：&apos;%1&apos;</translation>
    </message>
    <message>
        <source>not a time of day: &apos;%1&apos;</source>
        <translation>不是一天中的时间：&apos;%1&apos;</translation>
    </message>
    <message>
        <source>unknown time format</source>
        <translation>未知的时间格式</translation>
    </message>
    <message>
        <source>missing value</source>
        <translation>缺少数值</translation>
    </message>
    <message>
        <source>not a number: &apos;%1&apos;</source>
        <translation>不是数字：&apos;%1&apos;</translation>
    </message>
    <message>
        <source>not a symbol: &apos;%1&apos;</source>
        <translation>不是交易品种：&apos;%1&apos;</translation>
    </message>
    <message>
        <source>price %1 is not positive</source>
        <translation>价格 %1 不是正数</translation>
    </message>
    <message>
        <source>volume %1 is negative</source>
        <translation>成交量 %1 为负数</translation>
    </message>
    <message>
        <source>high %1 is below low %2</source>
        <translation>最高价 %1 低于最低价 %2</translation>
    </message>
    <message>
        <source>high %1 is below %2 %3</source>
        <translation>最高价 %1 低于%2 %3</translation>
    </message>
    <message>
        <source>open</source>
        <translation>开盘价</translation>
    </message>
    <message>
        <source>close</source>
        <translation>收盘价</translation>
    </message>
    <message>
        <source>low %1 is above %2 %3</source>
        <translation>最低价 %1 高于%2 %3</translation>
    </message>
    <message>
        <source>quantity %1 is negative</source>
        <translation>数量 %1 为负数</translation>
    </message>
    <message>
        <source>not a trade id: &apos;%1&apos;</source>
        <translation>不是成交 ID：&apos;%1&apos;</translation>
    </message>
    <message>
        <source>not true or false: &apos;%1&apos;</source>
        <translation>不是 true 或 false：&apos;%1&apos;</translation>
    </message>
    <message>
        <source>not a side (buy/sell): &apos;%1&apos;</source>
        <translation>不是买卖方向（buy/sell）：&apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 has a second, different row for %2 (line %3)</source>
        <translation>%1 在 %2 有第二行不同的数据（第 %3 行）</translation>
    </message>
    <message>
        <source>%1 repeated row(s) dropped</source>
        <translation>已丢弃 %1 个重复行</translation>
    </message>
    <message>
        <source>%1: gap of %2 s after %3</source>
        <translation>%1：%3 之后有 %2 秒的缺口</translation>
    </message>
    <message>
        <source>%1 gaps in all, the largest %2 s</source>
        <translation>共 %1 个缺口，最大 %2 秒</translation>
    </message>
    <message>
        <source>%1 trade(s) repeat the previous one exactly; kept as separate trades (the file has no trade ids)</source>
        <translation>%1 笔成交与前一笔完全相同；已作为独立成交保留（文件中没有成交 ID）</translation>
    </message>
    <message>
        <source>trade id %1 appears twice with different values (line %2)</source>
        <translation>成交 ID %1 出现两次且数值不同（第 %2 行）</translation>
    </message>
    <message>
        <source>%1 repeated trade(s) dropped</source>
        <translation>已丢弃 %1 笔重复成交</translation>
    </message>
    <message>
        <source>warning: </source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>the day/month order cannot be told from the data; %1 assumed</source>
        <translation>无法从数据判断日/月顺序；假定为%1</translation>
    </message>
    <message>
        <source>day first</source>
        <translation>日在前</translation>
    </message>
    <message>
        <source>month first</source>
        <translation>月在前</translation>
    </message>
    <message>
        <source>symbol %1 taken from the file name</source>
        <translation>交易品种 %1 取自文件名</translation>
    </message>
    <message>
        <source>%1 line(s) before the header skipped</source>
        <translation>已跳过表头之前的 %1 行</translation>
    </message>
    <message>
        <source>import cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <source>cannot start a transaction: %1</source>
        <translation>无法开始事务：%1</translation>
    </message>
    <message>
        <source>a dataset named %1 already exists; choose another name</source>
        <translation>名为 %1 的数据集已存在；请另选名称</translation>
    </message>
    <message>
        <source>cannot add the dataset: %1</source>
        <translation>无法添加数据集：%1</translation>
    </message>
    <message>
        <source>cannot add symbol %1: %2</source>
        <translation>无法添加交易品种 %1：%2</translation>
    </message>
    <message>
        <source>cannot store ticks: %1</source>
        <translation>无法存储逐笔数据：%1</translation>
    </message>
    <message>
        <source>%1 trade(s) were already stored (same symbol and trade id) and were kept once</source>
        <translation>%1 笔成交已存储过（相同品种和成交 ID），仅保留一次</translation>
    </message>
    <message>
        <source>cannot store bars: %1</source>
        <translation>无法存储 K 线：%1</translation>
    </message>
    <message>
        <source>cannot commit the import: %1</source>
        <translation>无法提交导入：%1</translation>
    </message>
    <message>
        <source>unknown format: %1</source>
        <translation>未知格式：%1</translation>
    </message>
    <message>
        <source>--interval wants a number of seconds</source>
        <translation>--interval 需要秒数</translation>
    </message>
    <message>
        <source>unknown time zone: %1</source>
        <translation>未知时区：%1</translation>
    </message>
    <message>
        <source>unknown option: %1</source>
        <translation>未知选项：%1</translation>
    </message>
    <message>
        <source>more than one file given</source>
        <translation>给出了多个文件</translation>
    </message>
    <message>
        <source>format %1 (%2), delimiter &apos;%3&apos;, header line %4, time %5%6, interval %7 s, %8 rows, symbols %9
</source>
        <translation>格式 %1（%2），分隔符 &apos;%3&apos;，表头第 %4 行，时间 %5%6，周期 %7 秒，%8 行，品种 %9
</translation>
    </message>
    <message>
        <source>generic</source>
        <translation>通用</translation>
    </message>
    <message>
        <source> day-first</source>
        <translation> 日在前</translation>
    </message>
    <message>
        <source>imported %1 as dataset %2 (%3): %4 rows</source>
        <translation>已将 %1 导入为数据集 %2（%3）：%4 行</translation>
    </message>
    <message>
        <source>, %1 ticks (%2 new)</source>
        <translation>，%1 笔逐笔数据（%2 笔新增）</translation>
    </message>
    <message>
        <source>, %1 bars</source>
        <translation>，%1 根 K 线</translation>
    </message>
    <message>
        <source> of %1 s</source>
        <translation>（%1 秒）</translation>
    </message>
    <message>
        <source>cannot create a temporary directory</source>
        <translation>无法创建临时目录</translation>
    </message>
    <message>
        <source>the demo recording has no trades</source>
        <translation>演示录制中没有成交</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>import %1: %2 rows (%3) in %4 s = %5 rows/s (parse %6 s, write %7 s); %8 bars, %9 ticks
</source>
        <translation>导入 %1：%2 行（%3），用时 %4 秒 = %5 行/秒（解析 %6 秒，写入 %7 秒）；%8 根 K 线，%9 笔逐笔数据
</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <source>the file has no data rows</source>
        <translation>文件中没有数据行</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>cannot tell what the columns hold; choose a column mapping</source>
        <translation>无法判断各列的内容；请选择列映射</translation>
    </message>
    <message>
        <source>the file does not look like a %1 file (it looks like %2)</source>
        <translation>该文件看起来不是 %1 文件（看起来像 %2）</translation>
    </message>
    <message>
        <source>no time column; choose one in the column mapping</source>
        <translation>没有时间列；请在列映射中选择一列</translation>
    </message>
    <message>
        <source>CSV import needs an open SQLite or PostgreSQL database</source>
        <translation>CSV 导入需要一个已打开的 SQLite 或 PostgreSQL 数据库</translation>
    </message>
    <message>
        <source>a line ends with a carriage return alone (old Mac line ends); save the file with LF or CRLF line ends</source>
        <translation>有一行仅以回车符结尾（旧式 Mac 换行符）；请用 LF 或 CRLF 换行符保存文件</translation>
    </message>
    <message>
        <source>the file is UTF-16 text; save it as UTF-8</source>
        <translation>文件是 UTF-16 文本；请另存为 UTF-8</translation>
    </message>
    <message>
        <source>a byte-order mark inside the file (files joined together?)</source>
        <translation>文件中间出现字节顺序标记（是否拼接了多个文件？）</translation>
    </message>
    <message>
        <source>byte %1 is not UTF-8 text</source>
        <translation>字节 %1 不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>a NUL byte: the file is binary or not UTF-8 text (UTF-16?)</source>
        <translation>出现 NUL 字节：文件是二进制文件或不是 UTF-8 文本（UTF-16？）</translation>
    </message>
    <message>
        <source>control byte %1: the file is not plain text</source>
        <translation>控制字节 %1：文件不是纯文本</translation>
    </message>
    <message>
        <source>a quote opens on this line and never closes</source>
        <translation>此行有一个引号开始后没有闭合</translation>
    </message>
    <message>
        <source>text after the closing quote of a field</source>
        <translation>字段的结束引号之后还有文本</translation>
    </message>
    <message>
        <source>an empty line inside the data (rows follow on line %1)</source>
        <translation>数据中间有空行（数据从第 %1 行继续）</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) where the header has %1</source>
        <translation>
            <numerusform>%n 个字段，而表头有 %1 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) where the other rows have %1</source>
        <translation>
            <numerusform>%n 个字段，而其他行有 %1 个</numerusform>
        </translation>
    </message>
    <message>
        <source> (this line uses &apos;%1&apos; as its delimiter)</source>
        <translation>（此行使用 &apos;%1&apos; 作为分隔符）</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source> (the other rows end with a delimiter, this one does not)</source>
        <translation>（其他行以分隔符结尾，此行没有）</translation>
    </message>
    <message>
        <source> (a delimiter ends this line)</source>
        <translation>（此行以分隔符结尾）</translation>
    </message>
    <message>
        <source>the header (line %1) repeats here: files joined together?</source>
        <translation>表头（第 %1 行）在此重复出现：是否拼接了多个文件？</translation>
    </message>
    <message>
        <source>missing value (&apos;%1&apos;)</source>
        <translation>缺少数值（&apos;%1&apos;）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is out of the range of a number</source>
        <translation>&apos;%1&apos; 超出数字的范围</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a finite number</source>
        <translation>&apos;%1&apos; 不是有限数</translation>
    </message>
    <message>
        <source>not a number: &apos;%1&apos; (only &apos;%2&apos; reads as one)</source>
        <translation>不是数字：&apos;%1&apos;（只有 &apos;%2&apos; 可读作数字）</translation>
    </message>
    <message>
        <source>the symbol changes from %1 (line %2) to %3, but the import is for one symbol (%4)</source>
        <translation>交易品种从 %1（第 %2 行）变为 %3，但本次导入只针对一个交易品种（%4）</translation>
    </message>
    <message>
        <source>no prices in this row</source>
        <translation>此行没有价格</translation>
    </message>
    <message>
        <source>trade id %1 is negative</source>
        <translation>成交 ID %1 为负数</translation>
    </message>
    <message>
        <source>%1 is before %2, the earliest time asked for</source>
        <translation>%1 早于所要求的最早时间 %2</translation>
    </message>
    <message>
        <source>%1 is before %2: not a plausible market date (--earliest imports older data)</source>
        <translation>%1 早于 %2：不是合理的市场日期（--earliest 可导入更早的数据）</translation>
    </message>
    <message>
        <source>%1 is before %2: not plausible for intraday bars or trades (--earliest imports older data)</source>
        <translation>%1 早于 %2：对日内 K 线或成交而言不合理（--earliest 可导入更早的数据）</translation>
    </message>
    <message>
        <source>%1 is in the future (more than a day from now)</source>
        <translation>%1 在未来（距现在超过一天）</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 does not hold a SHA-256 checksum</source>
        <translation>%1 中没有 SHA-256 校验和</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>SHA-256 %1 does not match %2 (%3): the download is damaged or not the published file</source>
        <translation>SHA-256 %1 与 %2（%3）不符：下载的文件已损坏或不是发布的文件</translation>
    </message>
    <message>
        <source>not a readable zip archive: %1</source>
        <translation>不是可读取的 zip 压缩包：%1</translation>
    </message>
    <message>
        <source>the archive holds more than one file (%1 and %2); import them one by one</source>
        <translation>压缩包中有多个文件（%1 和 %2）；请逐个导入</translation>
    </message>
    <message>
        <source>the archive holds no file</source>
        <translation>压缩包中没有文件</translation>
    </message>
    <message>
        <source>cannot read %1 in the archive: %2</source>
        <translation>无法读取压缩包中的 %1：%2</translation>
    </message>
    <message>
        <source>%1 is %2 bytes uncompressed, more than the %3 an import reads</source>
        <translation>%1 解压后为 %2 字节，超过导入可读取的上限 %3</translation>
    </message>
    <message>
        <source>cannot open %1 in the archive: %2</source>
        <translation>无法打开压缩包中的 %1：%2</translation>
    </message>
    <message>
        <source>%1 in the archive is damaged: %2</source>
        <translation>压缩包中的 %1 已损坏：%2</translation>
    </message>
    <message>
        <source>usage: pairlab-cli import FILE --db DATABASE [--symbol S] [--dataset NAME]
         [--format auto|ohlc|close|wide|trades|binance-klines|binance-trades|binance-aggtrades]
         [--interval SECONDS] [--tz ZONE] [--day-first|--month-first] [--delimiter C]
         [--earliest YYYY-MM-DD] [--preview]
</source>
        <translation>用法：pairlab-cli import 文件 --db 数据库 [--symbol S] [--dataset 名称]
         [--format auto|ohlc|close|wide|trades|binance-klines|binance-trades|binance-aggtrades]
         [--interval 秒数] [--tz 时区] [--day-first|--month-first] [--delimiter 字符]
         [--earliest YYYY-MM-DD] [--preview]
</translation>
    </message>
    <message>
        <source>--earliest wants a date (YYYY-MM-DD) or an ISO-8601 time: %1</source>
        <translation>--earliest 需要日期（YYYY-MM-DD）或 ISO-8601 时间：%1</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
</context>
<context>
    <name>Funding</name>
    <message>
        <source>not JSON: %1</source>
        <translation>不是 JSON：%1</translation>
    </message>
    <message>
        <source>not a list of funding events</source>
        <translation>不是资金费率事件列表</translation>
    </message>
    <message>
        <source>funding event %1 lacks symbol, fundingTime or fundingRate, or has one of the wrong type</source>
        <translation>资金费率事件 %1 缺少 symbol、fundingTime 或 fundingRate，或其类型错误</translation>
    </message>
    <message>
        <source>funding event %1 is of %2, not %3</source>
        <translation>资金费率事件 %1 属于 %2，而不是 %3</translation>
    </message>
    <message>
        <source>funding event %1 has a mark price that is not a positive number</source>
        <translation>资金费率事件 %1 的标记价格不是正数</translation>
    </message>
    <message>
        <source>funding event %1 is not after the one before</source>
        <translation>资金费率事件 %1 不在前一个之后</translation>
    </message>
</context>
<context>
    <name>GapBands</name>
    <message numerus="yes">
        <source>%1: %n trade(s) missing (ids %2 to %3), %4 to %5</source>
        <translation>
            <numerusform>%1：缺失 %n 笔成交（ID %2 至 %3），%4 至 %5</numerusform>
        </translation>
    </message>
    <message>
        <source>being back-filled</source>
        <translation>正在补齐</translation>
    </message>
    <message>
        <source>could not be filled: %1</source>
        <translation>无法补齐：%1</translation>
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
        <translation>卡尔曼</translation>
    </message>
</context>
<context>
    <name>Johansen</name>
    <message>
        <source>the Johansen test needs at least two series</source>
        <translation>Johansen 检验至少需要两个序列</translation>
    </message>
    <message>
        <source>det_order must be -1 (none), 0 (constant) or 1 (linear trend)</source>
        <translation>det_order 必须为 -1（无）、0（常数）或 1（线性趋势）</translation>
    </message>
    <message>
        <source>k_ar_diff must be 0 or more</source>
        <translation>k_ar_diff 必须大于或等于 0</translation>
    </message>
    <message>
        <source>the series have different lengths</source>
        <translation>各序列长度不同</translation>
    </message>
    <message>
        <source>%1 rows are too few for %2 series with %3 lagged differences</source>
        <translation>%1 行数据不足以检验 %2 个序列（%3 阶滞后差分）</translation>
    </message>
    <message>
        <source>row %1 of series %2 is not a finite number</source>
        <translation>序列 %2 的第 %1 行不是有限数值</translation>
    </message>
    <message>
        <source>the series are collinear (a singular covariance): drop a duplicate series</source>
        <translation>各序列共线（协方差矩阵奇异）：请去掉重复的序列</translation>
    </message>
    <message>
        <source>the eigenvalue problem did not converge</source>
        <translation>特征值问题未收敛</translation>
    </message>
    <message>
        <source>%1 lagged differences of %2 series over %3 rows need more memory than is sensible: use fewer lags</source>
        <translation>%3 行数据上 %2 个序列的 %1 阶滞后差分所需内存过大：请减少滞后阶数</translation>
    </message>
    <message>
        <source>an eigenvalue of 1: the series are exactly cointegrated (a duplicate or a linear combination of the others)</source>
        <translation>特征值为 1：各序列精确协整（存在重复序列或其他序列的线性组合）</translation>
    </message>
</context>
<context>
    <name>PairDisplay</name>
    <message>
        <source>there is no pair series to export</source>
        <translation>没有可导出的配对序列</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cannot record to %1: %2</source>
        <translation>无法录制到 %1：%2</translation>
    </message>
    <message>
        <source>cannot open recording %1: %2</source>
        <translation>无法打开录制 %1：%2</translation>
    </message>
    <message>
        <source>recording %1: %2</source>
        <translation>录制 %1：%2</translation>
    </message>
    <message>
        <source>no stream frames found</source>
        <translation>未找到数据流帧</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot open database %1: %2</source>
        <translation>无法打开数据库 %1：%2</translation>
    </message>
    <message>
        <source>cannot read the schema version of %1</source>
        <translation>无法读取 %1 的模式版本</translation>
    </message>
    <message>
        <source>database %1 has schema version %2, newer than this PairLab understands (%3)</source>
        <translation>数据库 %1 的模式版本为 %2，比此版本 PairLab 能识别的版本（%3）更新</translation>
    </message>
    <message>
        <source>migration to schema version %1 failed: %2</source>
        <translation>迁移到模式版本 %1 失败：%2</translation>
    </message>
    <message>
        <source>database %1: %2</source>
        <translation>数据库 %1：%2</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>the database connection gives no native SQLite or PostgreSQL handle</source>
        <translation>数据库连接未提供原生 SQLite 或 PostgreSQL 句柄</translation>
    </message>
    <message>
        <source>the PostgreSQL driver of Qt (QPSQL) is not installed</source>
        <translation>未安装 Qt 的 PostgreSQL 驱动（QPSQL）</translation>
    </message>
    <message>
        <source>%1 is not a valid PostgreSQL URL: %2</source>
        <translation>%1 不是有效的 PostgreSQL URL：%2</translation>
    </message>
    <message>
        <source>a PostgreSQL URL starts with postgresql://, not %1</source>
        <translation>PostgreSQL URL 应以 postgresql:// 开头，而不是 %1</translation>
    </message>
    <message>
        <source>the PostgreSQL URL %1 names no host (postgresql://user@host:port/database)</source>
        <translation>PostgreSQL URL %1 未指定主机（postgresql://user@host:port/database）</translation>
    </message>
    <message>
        <source>the PostgreSQL URL %1 names no database (postgresql://user@host:port/database)</source>
        <translation>PostgreSQL URL %1 未指定数据库（postgresql://user@host:port/database）</translation>
    </message>
    <message>
        <source>unknown parameter &apos;%1&apos; in the PostgreSQL URL (known: %2)</source>
        <translation>PostgreSQL URL 中有未知参数“%1”（已知参数：%2）</translation>
    </message>
    <message>
        <source>cannot create the folder %1 of database %2</source>
        <translation>无法创建数据库 %2 的文件夹 %1</translation>
    </message>
    <message>
        <source>the transaction was rolled back</source>
        <translation>事务已回滚</translation>
    </message>
    <message>
        <source>cannot add symbol %1</source>
        <translation>无法添加交易对 %1</translation>
    </message>
</context>
<context>
    <name>RatioView</name>
    <message>
        <source>n/a: 1 trade</source>
        <translation>不适用：1 笔交易</translation>
    </message>
    <message>
        <source>n/a: %1 trades</source>
        <translation>不适用：%1 笔交易</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>%1 per bar</source>
        <translation>每根 K 线 %1</translation>
    </message>
    <message>
        <source>A ratio needs at least %1 trades</source>
        <translation>比率至少需要 %1 笔交易</translation>
    </message>
    <message>
        <source>The P&amp;L does not vary</source>
        <translation>盈亏没有波动</translation>
    </message>
    <message>
        <source>Per bar, not annualised: %1 of data is too short to scale to a year</source>
        <translation>按每根 K 线，未年化：%1 的数据太短，无法折算到一年</translation>
    </message>
    <message>
        <source>Annualised by ×√%1 (%1 bars of %2 a year, 24/7)</source>
        <translation>按 ×√%1 年化（每年 %1 根 %2 K 线，全天候）</translation>
    </message>
</context>
<context>
    <name>RestBarStore</name>
    <message>
        <source>cannot read the stored bars of %1: %2</source>
        <translation>无法读取 %1 已存储的 K 线：%2</translation>
    </message>
</context>
<context>
    <name>ScanFilter</name>
    <message>
        <source>EG p ≤ %1 (better order), Hurst &lt; %2, half-life %3 bar … %4 of the look-back, ≥ %5 mean crossings</source>
        <translation>EG p ≤ %1（较优方向），Hurst &lt; %2，半衰期 %3 根K线 … 回看长度的 %4，均值穿越 ≥ %5 次</translation>
    </message>
</context>
<context>
    <name>WalkForward</name>
    <message numerus="yes">
        <source>no cell of the grid had %n trade(s) and a finite objective in the training window</source>
        <translation>
            <numerusform>网格中没有任何格子在训练窗口内达到 %n 笔交易且目标值有限</numerusform>
        </translation>
    </message>
    <message>
        <source>the training window&apos;s regression failed: %1</source>
        <translation>训练窗口的回归失败：%1</translation>
    </message>
    <message>
        <source>the training window, test window and step must be positive numbers of bars</source>
        <translation>训练窗口、测试窗口和步长必须是正数根K线</translation>
    </message>
    <message>
        <source>the step (%1 bars) is shorter than the test window (%2 bars): test windows would overlap and their equity could not be stitched</source>
        <translation>步长（%1 根K线）短于测试窗口（%2 根K线）：测试窗口会重叠，其权益无法拼接</translation>
    </message>
    <message>
        <source>the training window (%1 bars) must be longer than the z-score window (%2 bars)</source>
        <translation>训练窗口（%1 根K线）必须长于 z 分数窗口（%2 根K线）</translation>
    </message>
    <message>
        <source>the test window must have at least 3 bars</source>
        <translation>测试窗口至少需要 3 根K线</translation>
    </message>
    <message>
        <source>the minimum number of trades must not be negative</source>
        <translation>最少交易笔数不能为负</translation>
    </message>
    <message>
        <source>%1 bars do not hold one training window and one test window (%2 + %3 bars)</source>
        <translation>%1 根K线容纳不下一个训练窗口和一个测试窗口（%2 + %3 根K线）</translation>
    </message>
    <message>
        <source>the series have different lengths</source>
        <translation>各序列长度不同</translation>
    </message>
    <message>
        <source>the grid of entry and exit thresholds is empty</source>
        <translation>入场和出场阈值网格为空</translation>
    </message>
    <message>
        <source>no cell of the grid is a valid backtest: %1</source>
        <translation>网格中没有有效的回测单元：%1</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>field &quot;%1&quot;: %2</source>
        <translation>字段“%1”：%2</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>应为对象</translation>
    </message>
    <message>
        <source>expected text</source>
        <translation>应为文本</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>“%1”不是 %2 之一</translation>
    </message>
    <message>
        <source>expected a list of text</source>
        <translation>应为文本列表</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2</source>
        <translation>应为 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>应为整数</translation>
    </message>
    <message>
        <source>expected a number from %1 to %2</source>
        <translation>应为 %1 到 %2 之间的数字</translation>
    </message>
    <message>
        <source>expected base64 text</source>
        <translation>应为 Base64 文本</translation>
    </message>
    <message>
        <source>this is not a PairLab workspace</source>
        <translation>这不是 PairLab 工作区</translation>
    </message>
    <message>
        <source>expected a format version number</source>
        <translation>应为格式版本号</translation>
    </message>
    <message>
        <source>written by a newer PairLab (workspace format %1; this version reads up to %2)</source>
        <translation>由更新版本的 PairLab 写入（工作区格式 %1；此版本最高可读取 %2）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a symbol</source>
        <translation>“%1”不是交易品种</translation>
    </message>
    <message>
        <source>expected a ws:// or wss:// address</source>
        <translation>应为 ws:// 或 wss:// 地址</translation>
    </message>
    <message>
        <source>expected &quot;live&quot; or &quot;upload:&lt;dataset&gt;&quot;</source>
        <translation>应为“live”或“upload:&lt;数据集&gt;”</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>应为列表</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large to be a workspace</source>
        <translation>%1 太大，不是工作区文件</translation>
    </message>
    <message>
        <source>%1:%2:%3: not valid JSON (%4) — the file may be truncated or hand-edited</source>
        <translation>%1:%2:%3：不是有效的 JSON（%4）— 文件可能被截断或被手工编辑过</translation>
    </message>
    <message>
        <source>%1: not a PairLab workspace (expected a JSON object)</source>
        <translation>%1：不是 PairLab 工作区（应为 JSON 对象）</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>longer than %1 characters</source>
        <translation>超过 %1 个字符</translation>
    </message>
    <message>
        <source>control character at position %1</source>
        <translation>位置 %1 处有控制字符</translation>
    </message>
    <message>
        <source>an address with a user name or password is refused (PairLab reads public streams only and stores no credentials)</source>
        <translation>拒绝包含用户名或密码的地址（PairLab 只读取公开数据流，不保存任何凭据）</translation>
    </message>
    <message>
        <source>more than 64 legs</source>
        <translation>超过 64 条腿</translation>
    </message>
    <message>
        <source>expected a list of numbers</source>
        <translation>应为数字列表</translation>
    </message>
    <message>
        <source>%1 weights for %2 legs</source>
        <translation>%2 条腿对应 %1 个权重</translation>
    </message>
</context>
<context>
    <name>WorkspaceDocument</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>--port: not a port number: %1
</source>
        <translation>--port：不是端口号：%1
</translation>
    </message>
    <message>
        <source>--speed: expected a positive number, got %1
</source>
        <translation>--speed：需要正数，实际为 %1
</translation>
    </message>
    <message>
        <source>serving %1 frames on %2/stream
</source>
        <translation>正在 %2/stream 上提供 %1 帧
</translation>
    </message>
    <message>
        <source>all %1 frames sent
</source>
        <translation>已发送全部 %1 帧
</translation>
    </message>
    <message>
        <source>ingest needs --db and exactly one of --url or --file

</source>
        <translation>ingest 需要 --db，以及 --url 或 --file 中的恰好一个

</translation>
    </message>
    <message>
        <source>frames %1, ticks stored %2, duplicates %3, malformed %4, other %5
</source>
        <translation>帧 %1，已存储逐笔 %2，重复 %3，格式错误 %4，其他 %5
</translation>
    </message>
    <message>
        <source>--idle-exit: expected a positive number of seconds
</source>
        <translation>--idle-exit：需要正的秒数
</translation>
    </message>
    <message>
        <source>--url: not a ws:// or wss:// URL: %1
</source>
        <translation>--url：不是 ws:// 或 wss:// URL：%1
</translation>
    </message>
    <message>
        <source>storage error: %1
</source>
        <translation>存储错误：%1
</translation>
    </message>
    <message>
        <source>frames %1, ticks stored %2, duplicates %3, malformed %4, other %5, reconnects %6
</source>
        <translation>帧 %1，已存储逐笔 %2，重复 %3，格式错误 %4，其他 %5，重连 %6
</translation>
    </message>
    <message>
        <source>export events needs --db and --out
</source>
        <translation>export events 需要 --db 和 --out
</translation>
    </message>
    <message>
        <source>no database at %1
</source>
        <translation>%1 处没有数据库
</translation>
    </message>
    <message>
        <source>alert events written to %1
</source>
        <translation>警报事件已写入 %1
</translation>
    </message>
    <message>
        <source>export ticks needs --db, --symbol and --out
</source>
        <translation>export ticks 需要 --db、--symbol 和 --out
</translation>
    </message>
    <message>
        <source>export bars needs --db, --symbol, --interval (1s, 1m, 5m) and --out (or --dataset with --interval-seconds)
</source>
        <translation>export bars 需要 --db、--symbol、--interval（1s、1m、5m）和 --out（或 --dataset 加 --interval-seconds）
</translation>
    </message>
    <message>
        <source>--%1: not a time: %2 (epoch ms or ISO-8601)
</source>
        <translation>--%1：不是时间：%2（纪元毫秒数或 ISO-8601）
</translation>
    </message>
    <message>
        <source>symbol %1 is not in %2</source>
        <translation>交易品种 %1 不在 %2 中</translation>
    </message>
    <message>
        <source>%1 %2 written to %3
</source>
        <translation>%1 %2 已写入 %3
</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 holds no trades
</source>
        <translation>%1 中没有成交
</translation>
    </message>
    <message>
        <source>usage: pairlab-cli bench postgres --db postgresql://… [--ticks N] [--readers K]
</source>
        <translation>用法：pairlab-cli bench postgres --db postgresql://… [--ticks N] [--readers K]
</translation>
    </message>
    <message>
        <source>the demo recording has no trades</source>
        <translation>演示录制中没有成交</translation>
    </message>
    <message>
        <source>--to (%1) must be after --from (%2)
</source>
        <translation>--to（%1）必须晚于 --from（%2）
</translation>
    </message>
    <message>
        <source>--rest-base: not an http(s)://host[:port] URL: %1
</source>
        <translation>--rest-base：不是 http(s)://host[:port] 形式的 URL：%1
</translation>
    </message>
    <message>
        <source>cannot open %1: %2
</source>
        <translation>无法打开 %1：%2
</translation>
    </message>
    <message>
        <source>%1 %2 bars from %3 to %4: %5 open times, %6 stored before, %7 to ask for in %8 range(s)
</source>
        <translation>%1 %2 K 线，%3 至 %4：%5 个开盘时间，已存储 %6 个，需请求 %7 个，共 %8 个区间
</translation>
    </message>
    <message>
        <source>%1: %2 bars received, %3 stored, %4 request(s)</source>
        <translation>%1：收到 %2 根 K 线，存储 %3 根，%4 次请求</translation>
    </message>
    <message>
        <source>, %1 rate-limited</source>
        <translation>，%1 次被限流</translation>
    </message>
    <message>
        <source> — not complete from %1: %2</source>
        <translation> — 自 %1 起未完成：%2</translation>
    </message>
    <message>
        <source>stored %1 new %2 bars of %3 (source %4) in %5 request(s) of weight %6
</source>
        <translation>已存储 %3 的 %1 根新 %2 K 线（来源 %4），%5 次请求，权重 %6
</translation>
    </message>
    <message>
        <source>history not complete (what was stored stays; run again to complete it):
  %1
</source>
        <translation>历史数据未完成（已存储的保留；再次运行即可补全）：
  %1
</translation>
    </message>
    <message>
        <source>export quotes needs --db, --symbol, --interval (1s, 1m, 5m) and --out
</source>
        <translation>export quotes 需要 --db、--symbol、--interval（1s、1m、5m）和 --out
</translation>
    </message>
    <message>
        <source>%1 quote bars written to %2
</source>
        <translation>%1 根报价K线已写入 %2
</translation>
    </message>
    <message>
        <source>usage: pairlab-cli export bars --db D --symbol S --interval 1s|1m|5m [--dataset NAME --interval-seconds N] --out F.csv
       pairlab-cli export ticks --db D --symbol S [--from T] [--to T] --out F.csv
       pairlab-cli export quotes --db D --symbol S --interval 1s|1m|5m --out F.csv
       pairlab-cli export events --db D [--filter TEXT] --out F.csv
       (T: epoch ms or ISO-8601, UTC unless an offset is given)
</source>
        <translation>用法： pairlab-cli export bars --db D --symbol S --interval 1s|1m|5m [--dataset NAME --interval-seconds N] --out F.csv
       pairlab-cli export ticks --db D --symbol S [--from T] [--to T] --out F.csv
       pairlab-cli export quotes --db D --symbol S --interval 1s|1m|5m --out F.csv
       pairlab-cli export events --db D [--filter TEXT] --out F.csv
       （T：纪元毫秒或 ISO-8601，未给出偏移时为 UTC）
</translation>
    </message>
    <message>
        <source>quotes binned %1, repeated %2
</source>
        <translation>已归档报价 %1，重复 %2
</translation>
    </message>
    <message>
        <source>history needs --db, --symbols, --interval (1m or 5m) and/or --funding, --from and --to
</source>
        <translation>history 需要 --db、--symbols、--interval（1m 或 5m）和/或 --funding、--from 和 --to
</translation>
    </message>
    <message>
        <source>%1 funding from %2 to %3: %4 event(s) stored before
</source>
        <translation>%1 资金费率 %2 至 %3：之前已存储 %4 个事件
</translation>
    </message>
    <message>
        <source>%1: %2 events received, %3 stored, %4 request(s)</source>
        <translation>%1：收到 %2 个事件，存储 %3 个，%4 次请求</translation>
    </message>
    <message>
        <source>stored %1 new funding events of %2
</source>
        <translation>已存储 %2 的 %1 个新资金费率事件
</translation>
    </message>
    <message>
        <source>history needs --db, --symbols, --interval (1m or 5m), --from and --to
</source>
        <translation>history 需要 --db、--symbols、--interval（1m 或 5m）、--from 和 --to
</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Try &apos;pairlab --help&apos;.</source>
        <translation>请尝试 &apos;pairlab --help&apos;。</translation>
    </message>
    <message>
        <source>--lang: unknown language &apos;%1&apos; (e.g. de, zh_CN, en)</source>
        <translation>--lang：未知语言 &apos;%1&apos;（例如 de、zh_CN、en）</translation>
    </message>
    <message>
        <source>Live statistical-arbitrage workbench for crypto futures.</source>
        <translation>加密货币期货实时统计套利工作台。</translation>
    </message>
    <message>
        <source>Start the bundled real Binance recording instead of the live feed.</source>
        <translation>启动内置的真实币安录制数据，而不是实时行情。</translation>
    </message>
    <message>
        <source>Comma-separated symbols.</source>
        <translation>以逗号分隔的交易品种。</translation>
    </message>
    <message>
        <source>WebSocket endpoint.</source>
        <translation>WebSocket 端点。</translation>
    </message>
    <message>
        <source>trade or aggTrade.</source>
        <translation>trade 或 aggTrade。</translation>
    </message>
    <message>
        <source>Open on a view: market or pair.</source>
        <translation>以指定视图打开：market 或 pair。</translation>
    </message>
    <message>
        <source>Language of the window, e.g. de or zh_CN (default: the setting &quot;language&quot;, else the system&apos;s).</source>
        <translation>窗口语言，例如 de 或 zh_CN（默认：设置项“language”，否则为系统语言）。</translation>
    </message>
    <message>
        <source>A workspace file (*.pairlab) to open.</source>
        <translation>要打开的工作区文件 (*.pairlab)。</translation>
    </message>
    <message>
        <source>--stream must be trade or aggTrade, not &apos;%1&apos;.</source>
        <translation>--stream 必须是 trade 或 aggTrade，而不是 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>--view must be market or pair, not &apos;%1&apos;.</source>
        <translation>--view 必须是 market 或 pair，而不是 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>Only one workspace file can be opened.</source>
        <translation>只能打开一个工作区文件。</translation>
    </message>
    <message>
        <source>--endpoint must be a ws:// or wss:// URL, not &apos;%1&apos;.</source>
        <translation>--endpoint 必须是 ws:// 或 wss:// URL，而不是 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>cannot create the data directory %1</source>
        <translation>无法创建数据目录 %1</translation>
    </message>
    <message>
        <source>Replay speed of the demo (1 = real time).</source>
        <translation>演示的回放速度（1 = 实时）。</translation>
    </message>
    <message>
        <source>Database: a SQLite file or a postgresql://user@host:port/dbname URL.</source>
        <translation>数据库：SQLite 文件或 postgresql://user@host:port/dbname 形式的 URL。</translation>
    </message>
</context>
<context>
    <name>pairlab</name>
    <message>
        <source>cannot start gzip decompression</source>
        <translation>无法开始 gzip 解压</translation>
    </message>
    <message>
        <source>damaged gzip data at compressed byte %1: %2</source>
        <translation>gzip 数据在压缩字节 %1 处损坏：%2</translation>
    </message>
    <message>
        <source>gzip data cut short</source>
        <translation>gzip 数据被截断</translation>
    </message>
    <message>
        <source>a gzip file over 4 GiB is not read whole; unpack it first</source>
        <translation>超过 4 GiB 的 gzip 文件不会整体读取；请先解压</translation>
    </message>
</context>
<context>
    <name>pairlab::AggTradesBackfill</name>
    <message numerus="yes">
        <source>%n trade id(s) not in Binance&apos;s aggregate trades</source>
        <translation>
            <numerusform>%n 个成交 ID 不在币安的归集成交中</numerusform>
        </translation>
    </message>
    <message>
        <source>not JSON: %1 at offset %2</source>
        <translation>不是 JSON：%1（偏移 %2）</translation>
    </message>
    <message>
        <source>not a list of aggregate trades</source>
        <translation>不是归集成交列表</translation>
    </message>
    <message>
        <source>aggregate trade %1 lacks a field or has one of the wrong type</source>
        <translation>归集成交 %1 缺少字段或字段类型错误</translation>
    </message>
    <message>
        <source>aggregate trade %1 is out of order</source>
        <translation>归集成交 %1 顺序错乱</translation>
    </message>
    <message numerus="yes">
        <source>stopped after %n request(s)</source>
        <translation>
            <numerusform>%n 次请求后停止</numerusform>
        </translation>
    </message>
    <message>
        <source>malformed answer: %1</source>
        <translation>响应格式错误：%1</translation>
    </message>
    <message>
        <source>Binance has no aggregate trades of %1 from %2 on</source>
        <translation>币安没有 %1 自 %2 起的归集成交</translation>
    </message>
    <message>
        <source>Binance has no aggregate trades of %1 after id %2</source>
        <translation>币安没有 %1 在 ID %2 之后的归集成交</translation>
    </message>
    <message numerus="yes">
        <source>%1 (after %n attempt(s))</source>
        <translation>
            <numerusform>%1（尝试 %n 次后）</numerusform>
        </translation>
    </message>
    <message>
        <source>not found in Binance&apos;s aggregate trades</source>
        <translation>在币安的归集成交中未找到</translation>
    </message>
</context>
<context>
    <name>pairlab::AlertDialog</name>
    <message>
        <source>Edit alert</source>
        <translation>编辑警报</translation>
    </message>
    <message>
        <source>New alert</source>
        <translation>新建警报</translation>
    </message>
    <message>
        <source>any pair</source>
        <translation>任意配对</translation>
    </message>
    <message>
        <source>Variables: %1
Functions: %2</source>
        <translation>变量：%1
函数：%2</translation>
    </message>
    <message>
        <source>when it becomes true</source>
        <translation>变为真时</translation>
    </message>
    <message>
        <source>on every update while true</source>
        <translation>为真期间每次更新时</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>The rule may fire only once the pair has this many aligned bars</source>
        <translation>只有当配对拥有这么多根对齐的 K 线后，规则才会触发</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Pair:</source>
        <translation>配对(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Expression:</source>
        <translation>表达式(&amp;E)：</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>当前：</translation>
    </message>
    <message>
        <source>&amp;Fires:</source>
        <translation>触发(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Cooldown:</source>
        <translation>冷却时间(&amp;C)：</translation>
    </message>
    <message>
        <source>Minimum &amp;bars:</source>
        <translation>最少 K 线数(&amp;B)：</translation>
    </message>
    <message>
        <source>Write a condition, e.g. abs(z) &gt; 2</source>
        <translation>输入条件，例如 abs(z) &gt; 2</translation>
    </message>
    <message>
        <source>uses %1</source>
        <translation>使用 %1</translation>
    </message>
    <message>
        <source>true (%1) — would fire</source>
        <translation>真（%1）— 将会触发</translation>
    </message>
    <message>
        <source>false (%1)</source>
        <translation>假（%1）</translation>
    </message>
    <message>
        <source>not evaluable now: %1</source>
        <translation>当前无法求值：%1</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>&amp;Variables:</source>
        <translation>变量(&amp;V)：</translation>
    </message>
</context>
<context>
    <name>pairlab::AlertEventsModel</name>
    <message>
        <source>Time (UTC)</source>
        <translation>时间 (UTC)</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>配对</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>数值</translation>
    </message>
</context>
<context>
    <name>pairlab::AlertRulesModel</name>
    <message>
        <source>any pair</source>
        <translation>任意配对</translation>
    </message>
    <message>
        <source>on becoming true</source>
        <translation>变为真时</translation>
    </message>
    <message>
        <source>while true</source>
        <translation>为真期间</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>配对</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>表达式</translation>
    </message>
    <message>
        <source>Fires</source>
        <translation>触发</translation>
    </message>
    <message>
        <source>Cooldown</source>
        <translation>冷却时间</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>最近的问题</translation>
    </message>
</context>
<context>
    <name>pairlab::AlertsPanel</name>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>声音</translation>
    </message>
    <message>
        <source>filter events (rule or message)</source>
        <translation>筛选事件（规则或消息）</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export alert events</source>
        <translation>导出警报事件</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>PairLab alerts</source>
        <translation>PairLab 警报</translation>
    </message>
    <message>
        <source>Alerts: %1</source>
        <translation>警报：%1</translation>
    </message>
    <message>
        <source>Alert events exported to %1</source>
        <translation>警报事件已导出到 %1</translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2：%3</translation>
    </message>
    <message>
        <source>PairLab alert</source>
        <translation>PairLab 警报</translation>
    </message>
    <message>
        <source>Alert %1</source>
        <translation>警报 %1</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Delete alert</source>
        <translation>删除警报</translation>
    </message>
    <message>
        <source>Delete the rule &quot;%1&quot;? Its past events are kept.</source>
        <translation>删除规则“%1”？其以往的事件将被保留。</translation>
    </message>
</context>
<context>
    <name>pairlab::BacktestDialog</name>
    <message>
        <source>Backtest %1</source>
        <translation>回测 %1</translation>
    </message>
    <message>
        <source>no bars</source>
        <translation>没有 K 线</translation>
    </message>
    <message numerus="yes">
        <source>%n bar(s), %1 to %2 UTC</source>
        <translation>
            <numerusform>%n 根 K 线，%1 至 %2 UTC</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (y = %2, x = %3): %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（y = %2，x = %3）：%4</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Stop at |z| &gt;</source>
        <translation>止损：|z| &gt;</translation>
    </message>
    <message>
        <source>Static OLS (in-sample)</source>
        <translation>静态 OLS（样本内）</translation>
    </message>
    <message>
        <source>Rolling OLS (out-of-sample)</source>
        <translation>滚动 OLS（样本外）</translation>
    </message>
    <message>
        <source>Kalman filter</source>
        <translation>卡尔曼滤波</translation>
    </message>
    <message>
        <source>One unit of spread</source>
        <translation>一个单位价差</translation>
    </message>
    <message>
        <source>Notional per trade</source>
        <translation>每笔交易名义金额</translation>
    </message>
    <message>
        <source>Entry |z| &gt;</source>
        <translation>入场 |z| &gt;</translation>
    </message>
    <message>
        <source>Exit |z| &lt;</source>
        <translation>出场 |z| &lt;</translation>
    </message>
    <message>
        <source>Window (bars)</source>
        <translation>窗口（K 线数）</translation>
    </message>
    <message>
        <source>Hedge ratio</source>
        <translation>对冲比率</translation>
    </message>
    <message>
        <source>Fee (bps per leg)</source>
        <translation>手续费（每腿基点）</translation>
    </message>
    <message>
        <source>Slippage (bps per leg)</source>
        <translation>滑点（每腿基点）</translation>
    </message>
    <message>
        <source>Spread cost (spread units)</source>
        <translation>价差成本（价差单位）</translation>
    </message>
    <message>
        <source>Sizing</source>
        <translation>仓位规模</translation>
    </message>
    <message>
        <source>&amp;Backtest</source>
        <translation>回测(&amp;B)</translation>
    </message>
    <message>
        <source>Parameter &amp;sweep</source>
        <translation>参数扫描(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Run backtest</source>
        <translation>运行回测(&amp;R)</translation>
    </message>
    <message>
        <source>Save &amp;result</source>
        <translation>保存结果(&amp;R)</translation>
    </message>
    <message>
        <source>Export &amp;trades CSV…</source>
        <translation>导出成交 CSV(&amp;T)…</translation>
    </message>
    <message>
        <source>Export &amp;equity CSV…</source>
        <translation>导出权益 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>胜率</translation>
    </message>
    <message>
        <source>Gross PnL</source>
        <translation>毛盈亏</translation>
    </message>
    <message>
        <source>Net PnL</source>
        <translation>净盈亏</translation>
    </message>
    <message>
        <source>Net Sharpe</source>
        <translation>净夏普比率</translation>
    </message>
    <message>
        <source>Sortino</source>
        <translation>索提诺比率</translation>
    </message>
    <message>
        <source>Max drawdown</source>
        <translation>最大回撤</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>持仓占比</translation>
    </message>
    <message>
        <source>Avg holding (bars)</source>
        <translation>平均持仓（K 线数）</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>权益</translation>
    </message>
    <message>
        <source>net</source>
        <translation>净</translation>
    </message>
    <message>
        <source>gross</source>
        <translation>毛</translation>
    </message>
    <message>
        <source>Drawdown (net)</source>
        <translation>回撤（净）</translation>
    </message>
    <message>
        <source>drawdown</source>
        <translation>回撤</translation>
    </message>
    <message>
        <source>Entry from</source>
        <translation>入场从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Exit from</source>
        <translation>出场从</translation>
    </message>
    <message>
        <source>Run s&amp;weep</source>
        <translation>运行扫描(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Net Sharpe of every entry × exit pair; click a cell to run it in the Backtest tab.</source>
        <translation>每个入场 × 出场组合的净夏普比率；点击单元格可在“回测”标签页中运行。</translation>
    </message>
    <message>
        <source>The pair has no bars to backtest.</source>
        <translation>该配对没有可回测的 K 线。</translation>
    </message>
    <message>
        <source>The sweep grid is empty: each range needs a step &gt; 0 and &apos;to&apos; ≥ &apos;from&apos;.</source>
        <translation>扫描网格为空：每个范围都需要步长 &gt; 0 且“至”≥“从”。</translation>
    </message>
    <message>
        <source>Preparing spread and z-scores…</source>
        <translation>正在准备价差和 Z 分数…</translation>
    </message>
    <message>
        <source>Sweep cancelled.</source>
        <translation>扫描已取消。</translation>
    </message>
    <message>
        <source>Sweep failed.</source>
        <translation>扫描失败。</translation>
    </message>
    <message numerus="yes">
        <source>Running %n backtest(s)…</source>
        <translation>
            <numerusform>正在运行 %n 次回测…</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save the result: %1</source>
        <translation>无法保存结果：%1</translation>
    </message>
    <message>
        <source>Export trades</source>
        <translation>导出成交</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Export equity</source>
        <translation>导出权益</translation>
    </message>
    <message>
        <source>Per leg, on the traded notional. The default is Binance USD-M futures&apos; regular taker fee, 5 bps (0.05 %).</source>
        <translation>每条腿，按成交名义价值计。默认值为币安 U 本位合约的常规吃单手续费 5 bps（0.05%）。</translation>
    </message>
    <message>
        <source>Run a backtest to see its equity</source>
        <translation>运行回测以查看其权益曲线</translation>
    </message>
    <message>
        <source>Sharpe and Sortino: %1.</source>
        <translation>夏普与索提诺：%1。</translation>
    </message>
    <message>
        <source>Done. Best net Sharpe %1 at entry %2, exit %3 (%4; cells with fewer than %5 trades are n/a).</source>
        <translation>完成。最佳净夏普 %1，入场 %2，出场 %3（%4；少于 %5 笔交易的格子为不适用）。</translation>
    </message>
    <message>
        <source>Cancelled. Best net Sharpe so far %1 at entry %2, exit %3 (%4; cells with fewer than %5 trades are n/a).</source>
        <translation>已取消。目前最佳净夏普 %1，入场 %2，出场 %3（%4；少于 %5 笔交易的格子为不适用）。</translation>
    </message>
    <message>
        <source>Done. No cell has a net Sharpe to show (each needs %1 trades).</source>
        <translation>完成。没有可显示净夏普的格子（每格需要 %1 笔交易）。</translation>
    </message>
    <message>
        <source>Trade closes</source>
        <translation>成交收盘价</translation>
    </message>
    <message>
        <source>Bid/ask quotes</source>
        <translation>买卖报价</translation>
    </message>
    <message>
        <source>Trade closes: every change is filled at the bar&apos;s close. Bid/ask quotes: a buy crosses the best ask, a sell the best bid, at the same close; the difference to the close is shown as &apos;bid/ask crossed&apos;.</source>
        <translation>成交收盘价：每次调仓按K线收盘价成交。买卖报价：买入穿越最优卖价，卖出穿越最优买价，时点相同；与收盘价的差额显示为“买卖价差成本”。</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>资金费率</translation>
    </message>
    <message>
        <source>A position held at a funding time pays (long, positive rate) or receives each leg&apos;s rate times its notional at that time&apos;s mark price.</source>
        <translation>在资金费率时点持有的仓位按每条腿的费率乘以该时点标记价格下的名义价值支付（多头、正费率）或收取资金费。</translation>
    </message>
    <message>
        <source>Fill at</source>
        <translation>成交价</translation>
    </message>
    <message>
        <source>Quotes and funding: not available (no database).</source>
        <translation>报价和资金费率：不可用（无数据库）。</translation>
    </message>
    <message>
        <source>Reading the legs&apos; quotes and funding from the database…</source>
        <translation>正在从数据库读取两条腿的报价和资金费率…</translation>
    </message>
    <message>
        <source>Quotes and funding could not be read: %1</source>
        <translation>无法读取报价和资金费率：%1</translation>
    </message>
    <message>
        <source>Quotes: %1 bid/ask of both legs for %2 of %3 bars (from %4 UTC).</source>
        <translation>报价：两条腿的 %1 买卖价，覆盖 %3 根K线中的 %2 根（自 %4 UTC 起）。</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Quotes: none stored for both legs over these bars (stream bookTicker or ingest a recording with quotes).</source>
        <translation>报价：这些K线范围内两条腿均无已存储报价（订阅 bookTicker 或导入含报价的录制）。</translation>
    </message>
    <message>
        <source>Funding: none stored over these bars (pairlab-cli history --funding).</source>
        <translation>资金费率：这些K线范围内无存储（pairlab-cli history --funding）。</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Bid/ask crossed</source>
        <translation>买卖价差成本</translation>
    </message>
    <message>
        <source>The legs&apos; quotes and funding are still being read; run again in a moment.</source>
        <translation>仍在读取两条腿的报价和资金费率；请稍后再运行。</translation>
    </message>
    <message>
        <source>— (close fills)</source>
        <translation>—（按收盘价成交）</translation>
    </message>
    <message>
        <source>— (off)</source>
        <translation>—（关闭）</translation>
    </message>
    <message>
        <source>Net %1 = gross %2 − costs %3 − bid/ask crossed %4 + funding %5.</source>
        <translation>净值 %1 = 毛收益 %2 − 成本 %3 − 买卖价差成本 %4 + 资金费 %5。</translation>
    </message>
    <message numerus="yes">
        <source>%n funding event(s) met an open position.</source>
        <translation>
            <numerusform>%n 个资金费率事件遇到持仓。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fill(s) on a quote older than its bar.</source>
        <translation>
            <numerusform>%n 次成交使用了早于其K线的报价。</numerusform>
        </translation>
    </message>
    <message>
        <source>Net after everything: costs, bid/ask crossed and funding.</source>
        <translation>扣除全部后的净值：成本、买卖价差成本和资金费。</translation>
    </message>
    <message>
        <source>Net of costs and bid/ask crossed (funding off).</source>
        <translation>扣除成本和买卖价差成本后的净值（资金费关闭）。</translation>
    </message>
    <message>
        <source>Net of costs and funding (filled at the closes).</source>
        <translation>扣除成本和资金费后的净值（按收盘价成交）。</translation>
    </message>
    <message>
        <source>Net of costs (filled at the closes, funding off).</source>
        <translation>扣除成本后的净值（按收盘价成交，资金费关闭）。</translation>
    </message>
    <message>
        <source>Funding events: %1 (%2), %3 (%4).</source>
        <translation>资金费率事件：%1（%2），%3（%4）。</translation>
    </message>
    <message numerus="yes">
        <source>%n fill(s) at the close: a leg had no quote in the minute (or 5 bars) before the bar&apos;s end.</source>
        <translation>
            <numerusform>%n 次按收盘价成交：某条腿在K线结束前一分钟（或 5 根K线）内没有报价。</numerusform>
        </translation>
    </message>
    <message>
        <source>Mid prices</source>
        <translation>中间价</translation>
    </message>
    <message>
        <source>&amp;Bootstrap</source>
        <translation>自助法(&amp;B)</translation>
    </message>
    <message>
        <source>Resample the run&apos;s net per-bar returns in blocks (1,000 times): how wide are its final return, Sharpe ratio and drawdown by luck of the path?</source>
        <translation>按块对本次回测每根 K 线的净收益重抽样（1,000 次）：仅凭路径的运气，最终收益、夏普比率和回撤的范围有多宽？</translation>
    </message>
    <message>
        <source>Bootstrap: %L1 of %L2 resamples…</source>
        <translation>自助法：已完成 %L1 / %L2 次重抽样…</translation>
    </message>
    <message>
        <source>the notional per trade</source>
        <translation>每笔交易的名义金额</translation>
    </message>
    <message>
        <source>one spread unit, y + |β|·x at the first bar with a hedge ratio</source>
        <translation>一个价差单位，即第一根有对冲比率的 K 线上的 y + |β|·x</translation>
    </message>
    <message>
        <source>Bootstrap not possible: no capital to take returns of (no bar has a hedge ratio yet).</source>
        <translation>无法进行自助法：没有可计算收益的资本（尚无 K 线具有对冲比率）。</translation>
    </message>
    <message>
        <source>Cancel &amp;bootstrap</source>
        <translation>取消自助法(&amp;B)</translation>
    </message>
    <message>
        <source>Bootstrap cancelled.</source>
        <translation>自助法已取消。</translation>
    </message>
    <message>
        <source>Bootstrap not possible: %1</source>
        <translation>无法进行自助法：%1</translation>
    </message>
    <message>
        <source>%1 / %2 / %3</source>
        <translation>%1 / %2 / %3</translation>
    </message>
    <message>
        <source>per bar</source>
        <translation>每根 K 线</translation>
    </message>
    <message>
        <source>(%L1 resamples without variation left out)</source>
        <translation>（已略去 %L1 次无波动的重抽样）</translation>
    </message>
    <message>
        <source>Bootstrap, 5 % / 50 % / 95 % of %L1 resamples of the net per-bar returns at a fixed size (stationary blocks of %L2 bars on average: round(n^⅓) or the average holding time, the longer; seed %3; returns on %4 = %5, not reinvested): final return %6; max drawdown %7; net Sharpe %8.</source>
        <translation>自助法，固定仓位下对每根 K 线净收益进行 %L1 次重抽样的 5 % / 50 % / 95 % 分位（平稳块，平均块长 %L2 根 K 线：取 round(n^⅓) 与平均持仓时间中较长者；种子 %3；收益基于 %4 = %5，不再投资）：最终收益 %6；最大回撤 %7；净夏普 %8。</translation>
    </message>
    <message>
        <source>&amp;Walk-forward</source>
        <translation>滚动前推(&amp;W)</translation>
    </message>
    <message>
        <source> bars</source>
        <translation> 根K线</translation>
    </message>
    <message>
        <source>Net P&amp;L</source>
        <translation>净盈亏</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Choose by</source>
        <translation>选择依据</translation>
    </message>
    <message>
        <source>Fewest training trades</source>
        <translation>训练期最少交易数</translation>
    </message>
    <message>
        <source>Run &amp;walk-forward</source>
        <translation>运行滚动前推(&amp;W)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Each fold runs the sweep tab&apos;s entry × exit grid on its training window, keeps the best cell and the training window&apos;s hedge, and trades the test window after it. The test windows&apos; equity is stitched.</source>
        <translation>每一折在其训练窗口上运行扫描标签页的入场 × 出场网格，保留最佳格子和训练窗口的对冲，并交易其后的测试窗口。各测试窗口的权益拼接在一起。</translation>
    </message>
    <message>
        <source>Out-of-sample equity (net, stitched)</source>
        <translation>样本外权益（净值，拼接）</translation>
    </message>
    <message>
        <source>Run a walk-forward to see its out-of-sample equity</source>
        <translation>运行滚动前推以查看其样本外权益</translation>
    </message>
    <message>
        <source>The sweep tab&apos;s grid is empty: each range needs a step &gt; 0 and &apos;to&apos; ≥ &apos;from&apos;.</source>
        <translation>扫描标签页的网格为空：每个范围都需要步长 &gt; 0 且“至”≥“从”。</translation>
    </message>
    <message>
        <source>Walk-forward: %1.</source>
        <translation>滚动前推：%1。</translation>
    </message>
    <message numerus="yes">
        <source>Running %n fold(s) of %1 backtests each…</source>
        <translation>
            <numerusform>正在运行 %n 折，每折 %1 次回测…</numerusform>
        </translation>
    </message>
    <message>
        <source>Walk-forward cancelled.</source>
        <translation>滚动前推已取消。</translation>
    </message>
    <message>
        <source>Walk-forward not possible: %1</source>
        <translation>无法进行滚动前推：%1</translation>
    </message>
    <message>
        <source>Out of sample (%L1 stitched bars): net Sharpe %2, net P&amp;L %3 (%4 per bar), max drawdown %5, %L6 trades. </source>
        <translation>样本外（拼接 %L1 根K线）：净夏普 %2，净盈亏 %3（每根K线 %4），最大回撤 %5，%L6 笔交易。 </translation>
    </message>
    <message>
        <source>Positive out-of-sample folds: %1 of %2 (%3 %). Sharpe: %4.</source>
        <translation>样本外为正的折：%2 折中 %1 折（%3 %）。夏普：%4。</translation>
    </message>
    <message>
        <source>Each test window trades the spread of its training window&apos;s OLS fit.</source>
        <translation>每个测试窗口交易其训练窗口 OLS 拟合的价差。</translation>
    </message>
    <message numerus="yes">
        <source>In sample (mean of the %n fold(s) whose training chose a cell): net Sharpe %1, net P&amp;L %2 per bar, max drawdown %3. </source>
        <translation>
            <numerusform>样本内（训练期选出单元的 %n 折的均值）：净夏普比率 %1，每根 K线净盈亏 %2，最大回撤 %3。 </numerusform>
        </translation>
    </message>
    <message>
        <source>In sample: no fold&apos;s training chose a cell (see the table&apos;s notes). </source>
        <translation>样本内：没有任何一折的训练选出单元（见表格备注）。 </translation>
    </message>
</context>
<context>
    <name>pairlab::BacktestTradesModel</name>
    <message>
        <source>%1 (open)</source>
        <translation>%1（未平仓）</translation>
    </message>
    <message>
        <source>long</source>
        <translation>做多</translation>
    </message>
    <message>
        <source>short</source>
        <translation>做空</translation>
    </message>
    <message>
        <source>Entry (UTC)</source>
        <translation>入场 (UTC)</translation>
    </message>
    <message>
        <source>Exit (UTC)</source>
        <translation>出场 (UTC)</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Entry z</source>
        <translation>入场 z</translation>
    </message>
    <message>
        <source>Exit z</source>
        <translation>出场 z</translation>
    </message>
    <message>
        <source>Bars held</source>
        <translation>持仓 K 线数</translation>
    </message>
    <message>
        <source>Gross PnL</source>
        <translation>毛盈亏</translation>
    </message>
    <message>
        <source>Net PnL</source>
        <translation>净盈亏</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Bid/ask crossed</source>
        <translation>买卖价差成本</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>资金费率</translation>
    </message>
</context>
<context>
    <name>pairlab::BarModel</name>
    <message>
        <source>Open time (UTC)</source>
        <translation>开盘时间 (UTC)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>开盘</translation>
    </message>
    <message>
        <source>High</source>
        <translation>最高</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>最低</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>收盘</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>成交量</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>交易</translation>
    </message>
</context>
<context>
    <name>pairlab::BasketController</name>
    <message>
        <source>Enter two or more symbols and their weights, or take Johansen&apos;s.</source>
        <translation>输入两个或更多品种及其权重，或采用 Johansen 权重。</translation>
    </message>
    <message>
        <source>No database.</source>
        <translation>无数据库。</translation>
    </message>
    <message>
        <source>Not a basket yet: %1.</source>
        <translation>尚不构成篮子：%1。</translation>
    </message>
    <message>
        <source>The bars could not be read: %1</source>
        <translation>无法读取K线：%1</translation>
    </message>
    <message>
        <source>Waiting for bars: %1 of %2 that every leg has.</source>
        <translation>等待K线：所有腿共有 %1 / %2 根。</translation>
    </message>
    <message>
        <source>%1 bars of every leg: enter the weights, or take Johansen&apos;s.</source>
        <translation>每条腿 %1 根K线：输入权重，或采用 Johansen 权重。</translation>
    </message>
    <message>
        <source>no analysis</source>
        <translation>无分析结果</translation>
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
        <translation>篮子的各条腿，用逗号分隔</translation>
    </message>
    <message>
        <source>1, −0.04, −2.5 (empty: take Johansen&apos;s)</source>
        <translation>1, −0.04, −2.5（留空：采用 Johansen 权重）</translation>
    </message>
    <message>
        <source>Quantity of each leg in one unit of the basket (a negative weight is a short leg); the spread is Σ wᵢ·pᵢ less its mean over the bars shown</source>
        <translation>一单位篮子中每条腿的数量（负权重为空头腿）；价差为 Σ wᵢ·pᵢ 减去其在所示K线上的均值</translation>
    </message>
    <message>
        <source>&amp;Johansen weights</source>
        <translation>Johansen 权重(&amp;J)</translation>
    </message>
    <message>
        <source>The eigenvector of the largest Johansen eigenvalue of these legs (constant, one lagged difference), scaled so that the first leg&apos;s weight is 1</source>
        <translation>这些腿最大 Johansen 特征值对应的特征向量（含常数项，一阶滞后差分），缩放至第一条腿的权重为 1</translation>
    </message>
    <message>
        <source>&amp;Legs:</source>
        <translation>腿(&amp;L)：</translation>
    </message>
    <message>
        <source>W&amp;eights:</source>
        <translation>权重(&amp;E)：</translation>
    </message>
    <message>
        <source>Basket spread Σ wᵢ·pᵢ − c</source>
        <translation>篮子价差 Σ wᵢ·pᵢ − c</translation>
    </message>
    <message>
        <source>spread</source>
        <translation>价差</translation>
    </message>
    <message>
        <source>Rolling z-score</source>
        <translation>滚动 z 分数</translation>
    </message>
    <message>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <source>Weight %1 is not a number: &apos;%2&apos;.</source>
        <translation>权重 %1 不是数字：&apos;%2&apos;。</translation>
    </message>
    <message numerus="yes">
        <source>%n leg(s) but %1 weight(s).</source>
        <translation>
            <numerusform>%n 条腿，但有 %1 个权重。</numerusform>
        </translation>
    </message>
    <message>
        <source>No Johansen result for these legs yet (they need %1 bars in common).</source>
        <translation>这些腿尚无 Johansen 结果（需要 %1 根共同K线）。</translation>
    </message>
    <message>
        <source>Loading the legs&apos; bars…</source>
        <translation>正在加载各条腿的K线…</translation>
    </message>
    <message>
        <source>%L1 bars that every leg has.</source>
        <translation>所有腿共有 %L1 根K线。</translation>
    </message>
    <message numerus="yes">
        <source>Johansen (constant, 1 lag) on these legs: trace %1 vs %2 at 95 % for r = 0; %n cointegrating vector(s) at 95 %.</source>
        <translation>
            <numerusform>这些腿的 Johansen 检验（含常数项，1 阶滞后）：r = 0 时迹统计量 %1，95 % 临界值 %2；95 % 水平下有 %n 个协整向量。</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (mean %2) · %L3 bars of %4 · ADF (c) %5, p %6 (lag %7) · half-life %8 bars · Hurst %9</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（均值 %2）· %L3 根 %4 K线 · ADF (c) %5，p %6（滞后 %7）· 半衰期 %8 根K线 · Hurst %9</translation>
    </message>
    <message>
        <source> · z now %1</source>
        <translation> · 当前 z %1</translation>
    </message>
    <message numerus="yes">
        <source>Backtest at ±%1 / %2, one unit of the basket, %3 bps per leg, filled at the closes: %n trade(s), net P&amp;L %4, net Sharpe %5 (%6), max drawdown %7.</source>
        <translation>
            <numerusform>回测（±%1 / %2，一单位篮子，每腿 %3 bps，按收盘价成交）：%n 笔交易，净盈亏 %4，净夏普 %5（%6），最大回撤 %7。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Funding %1 from %n event(s) that met a position.</source>
        <translation>
            <numerusform>资金费 %1，来自 %n 个遇到持仓的事件。</numerusform>
        </translation>
    </message>
    <message>
        <source>No funding: not stored for every leg over these bars.</source>
        <translation>无资金费：这些K线范围内并非每条腿都有存储。</translation>
    </message>
    <message>
        <source> Weights estimated on these same bars (Johansen&apos;s) make the ADF p-value optimistic: the trace test is the one for estimated weights.</source>
        <translation> 在同一批K线上估计的权重（Johansen 权重）会使 ADF p 值偏乐观：估计的权重应以迹检验为准。</translation>
    </message>
    <message>
        <source>No Johansen weights: %1.</source>
        <translation>无 Johansen 权重：%1。</translation>
    </message>
    <message>
        <source>No Johansen weights: the first leg&apos;s weight in the vector is 0.</source>
        <translation>无 Johansen 权重：向量中第一条腿的权重为 0。</translation>
    </message>
</context>
<context>
    <name>pairlab::BinanceFeed</name>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>rotated connection to %1</source>
        <translation>已轮换到 %1 的连接</translation>
    </message>
    <message>
        <source>%1 — reconnecting in %2 s</source>
        <translation>%1 — %2 秒后重新连接</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>连接已断开</translation>
    </message>
    <message>
        <source>connection refused by %1 (nothing listening there)</source>
        <translation>%1 拒绝连接（该端口无服务监听）</translation>
    </message>
    <message>
        <source>host %1 not found</source>
        <translation>找不到主机 %1</translation>
    </message>
    <message>
        <source>TLS/SSL error with %1: %2</source>
        <translation>与 %1 的 TLS/SSL 错误：%2</translation>
    </message>
    <message>
        <source>TLS/SSL handshake with %1 failed: %2</source>
        <translation>与 %1 的 TLS/SSL 握手失败：%2</translation>
    </message>
    <message>
        <source>TLS certificate of %1 not accepted: %2</source>
        <translation>未接受 %1 的 TLS 证书：%2</translation>
    </message>
    <message>
        <source>server closed the connection with code %1: %2</source>
        <translation>服务器以代码 %1 关闭了连接：%2</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未给出原因</translation>
    </message>
    <message>
        <source>TLS/SSL or WebSocket handshake with %1 not completed within %2 s</source>
        <translation>与 %1 的 TLS/SSL 或 WebSocket 握手未在 %2 秒内完成</translation>
    </message>
    <message>
        <source>no answer from %1 within %2 s</source>
        <translation>%1 在 %2 秒内无应答</translation>
    </message>
    <message>
        <source>no data for %1 s (stalled connection dropped)</source>
        <translation>%1 秒无数据（已断开停滞的连接）</translation>
    </message>
</context>
<context>
    <name>pairlab::CandleChartView</name>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>成交量</translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation>时间（本地）</translation>
    </message>
    <message>
        <source>%1  O %2  H %3  L %4  C %5  V %6</source>
        <translation>%1  开 %2  高 %3  低 %4  收 %5  量 %6</translation>
    </message>
    <message>
        <source>vol %1</source>
        <translation>量 %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>No bars yet</source>
        <translation>暂无 K 线</translation>
    </message>
    <message>
        <source>%1 · %2, candles of %3 × %2</source>
        <translation>%1 · %2，每根蜡烛 %3 × %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No bars in this range</source>
        <translation>此范围内没有K线</translation>
    </message>
    <message>
        <source>Bid/ask</source>
        <translation>买/卖价</translation>
    </message>
    <message>
        <source>  bid %1  ask %2</source>
        <translation>  买 %1  卖 %2</translation>
    </message>
</context>
<context>
    <name>pairlab::CorrelationMatrixModel</name>
    <message>
        <source>%1 / %2: correlation of log returns %3</source>
        <translation>%1 / %2：对数收益率相关系数 %3</translation>
    </message>
</context>
<context>
    <name>pairlab::FeedGroup</name>
    <message>
        <source>%1 of %2 connections up; connection %3: %4</source>
        <translation>%2 个连接中 %1 个已连接；连接 %3：%4</translation>
    </message>
    <message>
        <source>%1 connections, %2 streams: %3</source>
        <translation>%1 个连接，%2 个数据流：%3</translation>
    </message>
</context>
<context>
    <name>pairlab::GapRecorder</name>
    <message>
        <source>cannot record gaps: %1</source>
        <translation>无法记录缺口：%1</translation>
    </message>
    <message>
        <source>cannot read the recorded gaps: %1</source>
        <translation>无法读取已记录的缺口：%1</translation>
    </message>
</context>
<context>
    <name>pairlab::HistoryFiller</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>pairlab::ImportDialog</name>
    <message>
        <source>Import CSV — %1</source>
        <translation>导入 CSV — %1</translation>
    </message>
    <message>
        <source>detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>comma ,</source>
        <translation>逗号 ,</translation>
    </message>
    <message>
        <source>semicolon ;</source>
        <translation>分号 ;</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>pipe |</source>
        <translation>竖线 |</translation>
    </message>
    <message>
        <source>first line is a header</source>
        <translation>第一行是表头</translation>
    </message>
    <message>
        <source>no header</source>
        <translation>无表头</translation>
    </message>
    <message>
        <source>day first (31/12/2024)</source>
        <translation>日在前 (31/12/2024)</translation>
    </message>
    <message>
        <source>month first (12/31/2024)</source>
        <translation>月在前 (12/31/2024)</translation>
    </message>
    <message>
        <source>Time zone of times written without an offset</source>
        <translation>未写时差的时间所用的时区</translation>
    </message>
    <message>
        <source>from the file</source>
        <translation>取自文件</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>分隔符：</translation>
    </message>
    <message>
        <source>Header:</source>
        <translation>表头：</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>时区：</translation>
    </message>
    <message>
        <source>Interval:</source>
        <translation>周期：</translation>
    </message>
    <message>
        <source>Symbol:</source>
        <translation>交易品种：</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Symbol (wide files)</source>
        <translation>交易品种（宽格式文件）</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>First rows as they will be stored (times in UTC)</source>
        <translation>将要存储的前几行（时间为 UTC）</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Check the whole file</source>
        <translation>检查整个文件</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#2e7d32&apos;&gt;Imported&lt;/b&gt; %1 rows as dataset &lt;b&gt;%2&lt;/b&gt;: %3 bars, %4 ticks (%5 new), %6 warnings.</source>
        <translation>&lt;b style=&apos;color:#2e7d32&apos;&gt;已导入&lt;/b&gt; %1 行，数据集 &lt;b&gt;%2&lt;/b&gt;：%3 根 K 线，%4 笔逐笔数据（%5 笔新增），%6 个警告。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Import cancelled.&lt;/b&gt; The database is unchanged.</source>
        <translation>&lt;b&gt;导入已取消。&lt;/b&gt;数据库未改变。</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#c62828&apos;&gt;Not imported:&lt;/b&gt; %1&lt;br&gt;The database is unchanged.</source>
        <translation>&lt;b style=&apos;color:#c62828&apos;&gt;未导入：&lt;/b&gt;%1&lt;br&gt;数据库未改变。</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在检查每一行…</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>not understood</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <source>header on line %1</source>
        <translation>表头在第 %1 行</translation>
    </message>
    <message>
        <source>, day first</source>
        <translation>，日在前</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <source>line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>symbol</source>
        <translation>品种</translation>
    </message>
    <message>
        <source>time (UTC)</source>
        <translation>时间 (UTC)</translation>
    </message>
    <message>
        <source>price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>trade id</source>
        <translation>成交 ID</translation>
    </message>
    <message>
        <source>open</source>
        <translation>开盘价</translation>
    </message>
    <message>
        <source>high</source>
        <translation>最高</translation>
    </message>
    <message>
        <source>low</source>
        <translation>最低</translation>
    </message>
    <message>
        <source>close</source>
        <translation>收盘价</translation>
    </message>
    <message>
        <source>volume</source>
        <translation>成交量</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source> (the whole file)</source>
        <translation>（整个文件）</translation>
    </message>
    <message>
        <source> (the head; checking the rest…)</source>
        <translation>（文件开头；正在检查其余部分…）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;%2 · delimiter &lt;b&gt;%3&lt;/b&gt; · %4 · times: &lt;b&gt;%5&lt;/b&gt;%6 · interval &lt;b&gt;%7&lt;/b&gt; · symbols &lt;b&gt;%8&lt;/b&gt; · %9 rows read%13 · &lt;span style=&apos;color:%10&apos;&gt;%11 error(s)&lt;/span&gt;, %12 warning(s)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;%2 · 分隔符 &lt;b&gt;%3&lt;/b&gt; · %4 · 时间：&lt;b&gt;%5&lt;/b&gt;%6 · 周期 &lt;b&gt;%7&lt;/b&gt; · 品种 &lt;b&gt;%8&lt;/b&gt; · 已读取 %9 行%13 · &lt;span style=&apos;color:%10&apos;&gt;%11 个错误&lt;/span&gt;，%12 个警告</translation>
    </message>
    <message>
        <source> (the head; the rest is read once its errors are fixed)</source>
        <translation>（文件开头；修正其错误后再读取其余部分）</translation>
    </message>
</context>
<context>
    <name>pairlab::KlineHistory</name>
    <message>
        <source>not JSON: %1</source>
        <translation>不是 JSON：%1</translation>
    </message>
    <message>
        <source>not a list of klines</source>
        <translation>不是 K 线列表</translation>
    </message>
    <message>
        <source>kline %1 lacks a field or has one of the wrong type</source>
        <translation>K 线 %1 缺少字段或字段类型错误</translation>
    </message>
    <message>
        <source>kline %1 opens at %2, not after the one before on the %3 s grid</source>
        <translation>K 线 %1 开盘于 %2，不在前一根之后或不在 %3 秒网格上</translation>
    </message>
    <message>
        <source>%1 %2 %3 – %4 UTC</source>
        <translation>%1 %2 %3 – %4 UTC</translation>
    </message>
    <message>
        <source>malformed answer: %1</source>
        <translation>应答格式错误：%1</translation>
    </message>
    <message>
        <source>the bars could not be stored: %1</source>
        <translation>无法存储 K 线：%1</translation>
    </message>
    <message>
        <source>%1 (failed answers in a row: %2)</source>
        <translation>%1（连续失败的应答：%2）</translation>
    </message>
    <message>
        <source>%1 funding %2 – %3 UTC</source>
        <translation>%1 资金费率 %2 – %3 UTC</translation>
    </message>
    <message>
        <source>funding events have nowhere to go</source>
        <translation>资金费率事件无处存储</translation>
    </message>
    <message>
        <source>the funding events could not be stored: %1</source>
        <translation>无法存储资金费率事件：%1</translation>
    </message>
</context>
<context>
    <name>pairlab::LegStatsModel</name>
    <message>
        <source>log returns</source>
        <translation>对数收益率</translation>
    </message>
    <message>
        <source>prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Standard deviation, ddof = 1</source>
        <translation>标准差，ddof = 1</translation>
    </message>
    <message>
        <source>Skewness g1 (biased, as scipy&apos;s default)</source>
        <translation>偏度 g1（有偏，与 scipy 默认相同）</translation>
    </message>
    <message>
        <source>Excess kurtosis g2 (biased)</source>
        <translation>超额峰度 g2（有偏）</translation>
    </message>
    <message>
        <source>Skewness G1 (bias-corrected)</source>
        <translation>偏度 G1（偏差校正）</translation>
    </message>
    <message>
        <source>Excess kurtosis G2 (bias-corrected)</source>
        <translation>超额峰度 G2（偏差校正）</translation>
    </message>
    <message>
        <source>Standard deviation of log returns × √(bars per year)</source>
        <translation>对数收益率标准差 × √(每年 K 线数)</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Leg</source>
        <translation>腿</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Skew</source>
        <translation>偏度</translation>
    </message>
    <message>
        <source>Kurtosis</source>
        <translation>峰度</translation>
    </message>
    <message>
        <source>Skew (unbiased)</source>
        <translation>偏度（无偏）</translation>
    </message>
    <message>
        <source>Kurtosis (unbiased)</source>
        <translation>峰度（无偏）</translation>
    </message>
    <message>
        <source>Last return</source>
        <translation>最新收益率</translation>
    </message>
    <message>
        <source>Ann. volatility</source>
        <translation>年化波动率</translation>
    </message>
    <message>
        <source>analysed (%1 bars)</source>
        <translation>已分析（%1 根 K 线）</translation>
    </message>
    <message>
        <source>visible (%1 bars)</source>
        <translation>可见范围（%1 根 K 线）</translation>
    </message>
    <message>
        <source>last window (%1 bars)</source>
        <translation>最后一个窗口（%1 根 K 线）</translation>
    </message>
</context>
<context>
    <name>pairlab::LiveSession</name>
    <message numerus="yes">
        <source>gap of %n trade(s) in %1 (ids %2 to %3)</source>
        <translation>
            <numerusform>%1 中缺少 %n 笔成交（ID %2 至 %3）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>gap of %n trade(s) in %1 back-filled</source>
        <translation>
            <numerusform>%1 中 %n 笔成交的缺口已补齐</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>gap of %n trade(s) in %1 back-filled up to id %2; the rest could not be filled: %3</source>
        <translation>
            <numerusform>%1 中 %n 笔成交的缺口已补至 ID %2；其余无法补齐：%3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>gap of %n trade(s) in %1 could not be filled: %2</source>
        <translation>
            <numerusform>%1 中 %n 笔成交的缺口无法补齐：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>longer than %1 h: not filled trade by trade; the exchange&apos;s bars cover it</source>
        <translation>超过 %1 小时：不逐笔补齐，由交易所的 K 线覆盖</translation>
    </message>
</context>
<context>
    <name>pairlab::LogModel</name>
    <message>
        <source>Debug</source>
        <translation>调试</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Fatal</source>
        <translation>致命</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>pairlab::LogPanel</name>
    <message>
        <source>Debug and above</source>
        <translation>调试及以上</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>信息及以上</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>Filter: category or message text</source>
        <translation>筛选：类别或消息文本</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>pairlab::MainWindow</name>
    <message>
        <source>Start the demo recording</source>
        <translation>启动演示录制</translation>
    </message>
    <message>
        <source>Retry Binance</source>
        <translation>重试币安</translation>
    </message>
    <message>
        <source>&amp;Market</source>
        <translation>市场(&amp;M)</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>自选列表</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>警报</translation>
    </message>
    <message>
        <source>Recent trades</source>
        <translation>最近成交</translation>
    </message>
    <message>
        <source>WebSocket messages per second</source>
        <translation>每秒 WebSocket 消息数</translation>
    </message>
    <message>
        <source>Local receive time minus exchange trade time of the latest trade</source>
        <translation>最新一笔成交的本地接收时间减去交易所成交时间</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New workspace</source>
        <translation>新建工作区(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>PairLab workspaces (*.pairlab)</source>
        <translation>PairLab 工作区 (*.pairlab)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save workspace</source>
        <translation>保存工作区(&amp;S)</translation>
    </message>
    <message>
        <source>Save workspace</source>
        <translation>保存工作区</translation>
    </message>
    <message>
        <source>Save workspace &amp;as…</source>
        <translation>工作区另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save workspace as</source>
        <translation>工作区另存为</translation>
    </message>
    <message>
        <source>&amp;Record session…</source>
        <translation>录制会话(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Open recording as replay…</source>
        <translation>打开录制并回放(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>F&amp;eed</source>
        <translation>行情(&amp;E)</translation>
    </message>
    <message>
        <source>Connect to &amp;Binance</source>
        <translation>连接币安(&amp;B)</translation>
    </message>
    <message>
        <source>Start the &amp;demo recording</source>
        <translation>启动演示录制(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Follow live</source>
        <translation>跟随实时(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Backtest…</source>
        <translation>回测(&amp;B)…</translation>
    </message>
    <message>
        <source>Backtest</source>
        <translation>回测</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About PairLab</source>
        <translation>关于 PairLab(&amp;A)</translation>
    </message>
    <message>
        <source>About PairLab</source>
        <translation>关于 PairLab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PairLab %1&lt;/h3&gt;&lt;p&gt;A live statistical-arbitrage workbench for crypto futures.&lt;/p&gt;&lt;p&gt;The demo recording holds real Binance USD-M futures trades (BTCUSDT, ETHUSDT, 2024-08-08) recorded by the hftbacktest project (MIT licence).&lt;/p&gt;&lt;p&gt;Built with Qt %2, Eigen, Boost.Math, simdjson, muparser and SQLite.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PairLab %1&lt;/h3&gt;&lt;p&gt;加密货币期货实时统计套利工作台。&lt;/p&gt;&lt;p&gt;演示录制包含币安 U 本位合约的真实成交（BTCUSDT、ETHUSDT，2024-08-08），由 hftbacktest 项目录制（MIT 许可证）。&lt;/p&gt;&lt;p&gt;基于 Qt %2、Eigen、Boost.Math、simdjson、muparser 和 SQLite 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Imported dataset %1</source>
        <translation>已导入的数据集 %1</translation>
    </message>
    <message>
        <source>The workspace was not opened; nothing changed.

%1</source>
        <translation>工作区未打开；没有任何更改。

%1</translation>
    </message>
    <message>
        <source>Workspace saved to %1</source>
        <translation>工作区已保存到 %1</translation>
    </message>
    <message>
        <source>%1[*] — PairLab</source>
        <translation>%1[*] — PairLab</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The workspace has unsaved changes. Save them?</source>
        <translation>工作区有未保存的更改。是否保存？</translation>
    </message>
    <message>
        <source>Stop &amp;recording</source>
        <translation>停止录制(&amp;R)</translation>
    </message>
    <message>
        <source>● REC %1</source>
        <translation>● 录制 %1</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>录制</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Cannot start the demo recording: %1</source>
        <translation>无法启动演示录制：%1</translation>
    </message>
    <message>
        <source>Open recording</source>
        <translation>打开录制</translation>
    </message>
    <message>
        <source>Record session to</source>
        <translation>将会话录制到</translation>
    </message>
    <message>
        <source>Recordings (*.jsonl)</source>
        <translation>录制文件 (*.jsonl)</translation>
    </message>
    <message>
        <source>%L1 trades stored</source>
        <translation>已存储 %L1 笔成交</translation>
    </message>
    <message>
        <source>Demo replay connected</source>
        <translation>演示回放已连接</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 条/秒</translation>
    </message>
    <message>
        <source>lag n/a (replay)</source>
        <translation>延迟 不适用（回放）</translation>
    </message>
    <message>
        <source>lag %1 ms</source>
        <translation>延迟 %1 毫秒</translation>
    </message>
    <message>
        <source>%1 malformed frames skipped; last: %2</source>
        <translation>已跳过 %1 个格式错误的帧；最后一个：%2</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>&amp;Export alert events…</source>
        <translation>导出警报事件(&amp;E)…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Market view</source>
        <translation>市场视图(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Recompute now</source>
        <translation>立即重新计算(&amp;R)</translation>
    </message>
    <message>
        <source>New &amp;alert rule…</source>
        <translation>新建警报规则(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Welcome</source>
        <translation>欢迎(&amp;W)</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <source>Not connected: Feed → Connect to Binance (Ctrl+B) or the demo (Ctrl+D).</source>
        <translation>未连接：行情 → 连接币安（Ctrl+B）或启动演示（Ctrl+D）。</translation>
    </message>
    <message>
        <source>The log folder is %1</source>
        <translation>日志文件夹位于 %1</translation>
    </message>
    <message>
        <source>the live feed reconnected with the new settings</source>
        <translation>实时行情已按新设置重新连接</translation>
    </message>
    <message>
        <source>the new database is used from the next connect to Binance or start</source>
        <translation>新数据库将在下次连接币安或下次启动时生效</translation>
    </message>
    <message>
        <source>the language changes when PairLab is restarted</source>
        <translation>语言将在 PairLab 重启后更改</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>Settings saved: %1.</source>
        <translation>设置已保存：%1。</translation>
    </message>
    <message>
        <source>%L1 trades stored, %L2 not saved yet</source>
        <translation>已存储 %L1 笔成交，%L2 笔尚未保存</translation>
    </message>
    <message>
        <source>Data files (*.csv *.txt *.tsv *.json *.zip);;All files (*)</source>
        <translation>数据文件 (*.csv *.txt *.tsv *.json *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>alert rule %1: %2</source>
        <translation>警报规则 %1：%2</translation>
    </message>
    <message>
        <source>Workspace: not restored: %1</source>
        <translation>工作区：未能恢复：%1</translation>
    </message>
    <message>
        <source>%1
Now: %2</source>
        <translation>%1
当前：%2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop filling the exchange&apos;s history; the live feed goes on</source>
        <translation>停止补齐交易所历史数据；实时行情继续</translation>
    </message>
    <message>
        <source>Streaming %1 more symbols live; their history is being filled.</source>
        <translation>另有 %1 个品种开始实时订阅；正在补全其历史。</translation>
    </message>
    <message>
        <source>%1 more symbols join the feed of the next live session.</source>
        <translation>另有 %1 个品种将加入下一次实时会话的数据源。</translation>
    </message>
    <message>
        <source>the live feed reconnected with the new quotes setting</source>
        <translation>实时行情已按新的报价设置重新连接</translation>
    </message>
    <message>
        <source>Recordings (*.jsonl *.json *.txt *.gz);;All files (*)</source>
        <translation>录制文件 (*.jsonl *.json *.txt *.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Spread</source>
        <translation>价差(&amp;S)</translation>
    </message>
    <message>
        <source>The dataset &quot;%1&quot; is not in %2: the Spread tab shows live bars instead.</source>
        <translation>数据集“%1”不在 %2 中：“价差”标签页改为显示实时K线。</translation>
    </message>
    <message>
        <source>&amp;Spread view</source>
        <translation>价差视图(&amp;S)</translation>
    </message>
    <message>
        <source>The Backtest dialog (sweep, walk-forward, bootstrap) runs pairs. A basket&apos;s backtest (one unit, Binance&apos;s taker fee per leg, funding where every leg has it) is in the Spread tab&apos;s summary; pairlab-cli basket runs it with other costs and sizes.</source>
        <translation>回测对话框（扫描、滚动前推、自助法）用于配对。篮子的回测（一单位，每腿按币安吃单手续费，各腿均有资金费数据时计入资金费）见“价差”标签页的摘要；pairlab-cli basket 可按其他成本和规模运行。</translation>
    </message>
    <message>
        <source>The pair %1/%2 has no data yet. Choose a pair with stored bars in the Spread tab (or wait for live bars of both legs) and try again.</source>
        <translation>配对 %1/%2 尚无数据。请在“价差”标签页中选择有已存储K线的配对（或等待两条腿的实时K线），然后重试。</translation>
    </message>
    <message>
        <source>The local API is off: %1</source>
        <translation>本地 API 已关闭：%1</translation>
    </message>
    <message>
        <source>API :%1</source>
        <translation>API :%1</translation>
    </message>
    <message>
        <source>The local API serves http://%1:%2/v1/ (%3) from %4</source>
        <translation>本地 API 在 http://%1:%2/v1/ 提供服务（%3），数据来自 %4</translation>
    </message>
    <message>
        <source>reads and writes</source>
        <translation>读写</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>The local API listens on %1, not loopback: anyone who reaches it with the token can read your data.</source>
        <translation>本地 API 监听 %1（非回环地址）：任何持有令牌并能访问它的人都能读取您的数据。</translation>
    </message>
</context>
<context>
    <name>pairlab::MarketView</name>
    <message>
        <source>&amp;Symbol:</source>
        <translation>交易品种(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;econd leg:</source>
        <translation>第二条腿(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation>周期(&amp;I)：</translation>
    </message>
    <message>
        <source>Quoted spread (bps)</source>
        <translation>报价价差（基点）</translation>
    </message>
    <message>
        <source>Quotes could not be read: %1</source>
        <translation>无法读取报价：%1</translation>
    </message>
    <message>
        <source>No quotes stored for %1 / %2 at this interval (Settings → Feed → Quotes; a recording with bookTicker frames).</source>
        <translation>此周期下 %1 / %2 没有已存储的报价（设置 → 行情 → 报价；或含 bookTicker 帧的录制）。</translation>
    </message>
</context>
<context>
    <name>pairlab::PairController</name>
    <message>
        <source>Choose two symbols.</source>
        <translation>请选择两个交易品种。</translation>
    </message>
    <message>
        <source>Y and X are the same symbol: choose two.</source>
        <translation>Y 和 X 是同一个交易品种：请选择两个。</translation>
    </message>
    <message>
        <source>cannot load bars: %1</source>
        <translation>无法加载 K 线：%1</translation>
    </message>
    <message>
        <source>%1 aligned bars, fewer than the window of %2 (and at least 10 are needed)</source>
        <translation>%1 根对齐的 K 线，少于 %2 的窗口（且至少需要 10 根）</translation>
    </message>
    <message>
        <source>Loading %1 and %2 (%3 bars)…</source>
        <translation>正在加载 %1 和 %2（%3 K 线）…</translation>
    </message>
    <message>
        <source>%1 ~ %2: waiting for data: %3 of %4 %5 bars</source>
        <translation>%1 ~ %2：正在等待数据：%3 / %4 根 %5 K 线</translation>
    </message>
    <message>
        <source>%1 ~ %2: computing… (%3 aligned %4 bars, window %5)</source>
        <translation>%1 ~ %2：正在计算…（%3 根对齐的 %4 K 线，窗口 %5）</translation>
    </message>
    <message>
        <source>%1 ~ %2: %3 aligned %4 bars</source>
        <translation>%1 ~ %2：%3 根对齐的 %4 K 线</translation>
    </message>
    <message>
        <source>Analysis not possible: %1</source>
        <translation>无法分析：%1</translation>
    </message>
    <message>
        <source>No analysis</source>
        <translation>无分析</translation>
    </message>
    <message>
        <source>Cointegrated at 1%</source>
        <translation>在 1% 水平上协整</translation>
    </message>
    <message>
        <source>Cointegrated at 5%</source>
        <translation>在 5% 水平上协整</translation>
    </message>
    <message>
        <source>Weak: cointegrated at 10% only</source>
        <translation>弱：仅在 10% 水平上协整</translation>
    </message>
    <message>
        <source>Not cointegrated</source>
        <translation>不协整</translation>
    </message>
    <message>
        <source>mid prices exist for live 1s, 1m and 5m bars only</source>
        <translation>中间价仅适用于 1s、1m 和 5m 实时 K 线</translation>
    </message>
    <message>
        <source>%1 mid</source>
        <translation>%1 中间价</translation>
    </message>
    <message>
        <source>%1 ~ %2: waiting for bid/ask quotes of both legs (recorded while Settings → Feed → Quotes includes them): 0 of %3 %4 bars</source>
        <translation>%1 ~ %2：等待两条腿的买/卖报价（在 设置 → 行情 → 报价 包含它们时记录）：%3 根 %4 K 线中的 0 根</translation>
    </message>
</context>
<context>
    <name>pairlab::PairResearchPanel</name>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>相关性</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫描器</translation>
    </message>
    <message>
        <source>symbols, comma-separated</source>
        <translation>交易品种，以逗号分隔</translation>
    </message>
    <message>
        <source>Symbols of the correlation matrix and the pair scanner</source>
        <translation>相关矩阵和配对扫描器所用的交易品种</translation>
    </message>
    <message>
        <source>&amp;Universe:</source>
        <translation>品种池(&amp;U)：</translation>
    </message>
    <message>
        <source>Export statistics CSV…</source>
        <translation>导出统计 CSV…</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <source>Correlation of log returns on common bars; click a cell to analyse that pair</source>
        <translation>基于共同 K 线的对数收益率相关系数；点击单元格以分析该配对</translation>
    </message>
    <message>
        <source>Export matrix CSV…</source>
        <translation>导出矩阵 CSV…</translation>
    </message>
    <message>
        <source>Export correlation matrix</source>
        <translation>导出相关矩阵</translation>
    </message>
    <message>
        <source>&lt;b&gt;No analysis:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;无分析：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>above +entry: short spread</source>
        <translation>高于 +入场：做空价差</translation>
    </message>
    <message>
        <source>below −entry: long spread</source>
        <translation>低于 −入场：做多价差</translation>
    </message>
    <message>
        <source>inside ±exit</source>
        <translation>在 ±出场 以内</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;margin-top:2px&apos;&gt;%1 ~ %2 · %3 bars of %4 · window %5&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;margin-top:2px&apos;&gt;%1 ~ %2 · %3 根 %4 K 线 · 窗口 %5&lt;/p&gt;</translation>
    </message>
    <message>
        <source>last z</source>
        <translation>最新 z</translation>
    </message>
    <message>
        <source>Hedge ratio β</source>
        <translation>对冲比率 β</translation>
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
        <translation>OLS 价差的平稳性</translation>
    </message>
    <message>
        <source>ADF (%1) statistic</source>
        <translation>ADF（%1）统计量</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>p 值</translation>
    </message>
    <message>
        <source>lag / nobs</source>
        <translation>滞后阶数 / 观测数</translation>
    </message>
    <message>
        <source>critical 1% / 5% / 10%</source>
        <translation>临界值 1% / 5% / 10%</translation>
    </message>
    <message>
        <source>Engle-Granger p-value</source>
        <translation>Engle-Granger p 值</translation>
    </message>
    <message>
        <source>Mean reversion</source>
        <translation>均值回归</translation>
    </message>
    <message>
        <source>half-life</source>
        <translation>半衰期</translation>
    </message>
    <message>
        <source>none (λ ≥ 0)</source>
        <translation>无 (λ ≥ 0)</translation>
    </message>
    <message>
        <source>Hurst</source>
        <translation>Hurst 指数</translation>
    </message>
    <message>
        <source>Kalman innovation e/√S</source>
        <translation>卡尔曼新息 e/√S</translation>
    </message>
    <message>
        <source>%1 spread, rolling %2</source>
        <translation>%1 价差，滚动 %2</translation>
    </message>
    <message>
        <source>Kalman β_t (last)</source>
        <translation>卡尔曼 β_t（最新）</translation>
    </message>
    <message>
        <source>trades / net P&amp;L</source>
        <translation>交易数 / 净盈亏</translation>
    </message>
    <message>
        <source>net Sharpe</source>
        <translation>净夏普</translation>
    </message>
    <message>
        <source>Quick backtest</source>
        <translation>快速回测</translation>
    </message>
    <message>
        <source>Static OLS spread, entry ±%1, exit ±%2, cost 2 spread units per side, no fees; Analysis → Backtest runs the full model.</source>
        <translation>静态 OLS 价差，入场 ±%1，出场 ±%2，每边成本 2 个价差单位，无手续费；“分析 → 回测”运行完整模型。</translation>
    </message>
    <message>
        <source>Log returns on the %1 bars all %2 symbols share, %3 to %4 UTC.</source>
        <translation>基于全部 %2 个品种共有的 %1 根 K 线的对数收益，%3 至 %4 UTC。</translation>
    </message>
    <message>
        <source>No bars that all symbols share yet.</source>
        <translation>尚无所有品种共有的 K 线。</translation>
    </message>
    <message>
        <source>%1 bars (%2)</source>
        <translation>%1 根 K 线（%2）</translation>
    </message>
    <message>
        <source>corr prices / returns, last %1 bars</source>
        <translation>价格 / 收益相关性，最近 %1 根 K 线</translation>
    </message>
    <message>
        <source>&amp;Cluster related symbols</source>
        <translation>聚类相关品种(&amp;C)</translation>
    </message>
    <message>
        <source>Order rows and columns by an average-linkage clustering of 1 − correlation, so that symbols that move together sit together</source>
        <translation>按 1 − 相关系数的平均链接聚类排列行和列，使同向波动的品种相邻</translation>
    </message>
    <message>
        <source>C&amp;andidates only</source>
        <translation>仅候选(&amp;A)</translation>
    </message>
    <message>
        <source>No pairs yet: the universe needs two symbols with bars.</source>
        <translation>尚无配对：品种池至少需要两个有K线的品种。</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Pick the universe from the exchange&apos;s perpetuals: search, top by 24 h volume, all, a saved list</source>
        <translation>从交易所的永续合约中选择品种池：搜索、24 小时成交额最高、全部、已保存的列表</translation>
    </message>
    <message>
        <source>%v of %m pairs</source>
        <translation>%v / %m 个配对</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop this scan; the table keeps the last complete one and is not rescanned until you ask</source>
        <translation>停止本次扫描；表格保留上一次完整的扫描，直到您要求时才重新扫描</translation>
    </message>
    <message>
        <source>&amp;Rescan</source>
        <translation>重新扫描(&amp;R)</translation>
    </message>
    <message>
        <source>Scan the universe again now (it is rescanned every 5 s otherwise)</source>
        <translation>立即重新扫描品种池（否则每 5 秒扫描一次）</translation>
    </message>
    <message>
        <source>Scan stopped: the table shows the last complete scan. Rescan to start again.</source>
        <translation>扫描已停止：表格显示上一次完整的扫描。点击“重新扫描”再次开始。</translation>
    </message>
    <message>
        <source>Candidates: %1 of %2 pairs (%3).</source>
        <translation>候选：%2 个配对中的 %1 个（%3）。</translation>
    </message>
    <message>
        <source>Hedge and tests: each pair&apos;s bars (the newest %1 %2 bars) up to the bar of %3 UTC, scanned at %4 UTC. z over %5 bars with that hedge, up to the bar of %6 UTC.</source>
        <translation>对冲与检验：每个配对的K线（最新 %1 根 %2 K线），截至 %3 UTC 的K线，扫描于 %4 UTC。z 基于 %5 根K线并使用该对冲比率，截至 %6 UTC 的K线。</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;margin-top:2px&apos;&gt;%1 ~ %2 · %3 bid/ask mid bars of %4 · window %5&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;margin-top:2px&apos;&gt;%1 ~ %2 · %3 根 %4 买/卖中间价 K 线 · 窗口 %5&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>pairlab::PairScannerModel</name>
    <message>
        <source>Last rolling z-score of the OLS spread; sorts by its absolute value</source>
        <translation>OLS 价差的最新滚动 Z 分数；按其绝对值排序</translation>
    </message>
    <message>
        <source>Pair (Y ~ X)</source>
        <translation>配对 (Y ~ X)</translation>
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
        <translation>半衰期（K 线数）</translation>
    </message>
    <message>
        <source>bars</source>
        <translation>K 线</translation>
    </message>
    <message>
        <source>Correlation of the legs&apos; log returns over the pair&apos;s bars</source>
        <translation>两腿对数收益率在该配对K线上的相关系数</translation>
    </message>
    <message>
        <source>Engle-Granger p-value of Y on X (MacKinnon, autolag AIC)</source>
        <translation>Y 对 X 的 Engle-Granger p 值（MacKinnon，AIC 自动滞后）</translation>
    </message>
    <message>
        <source>Engle-Granger p-value of X on Y: the test is not symmetric</source>
        <translation>X 对 Y 的 Engle-Granger p 值：该检验不对称</translation>
    </message>
    <message>
        <source>Hurst exponent of the OLS spread (variance of lags 2-99): below 0.5 mean reverting</source>
        <translation>OLS 价差的 Hurst 指数（滞后 2–99 的方差法）：低于 0.5 为均值回归</translation>
    </message>
    <message>
        <source>Times the spread crossed its mean, per 1,000 bars</source>
        <translation>价差穿越其均值的次数，每 1,000 根K线</translation>
    </message>
    <message>
        <source>corr (returns)</source>
        <translation>相关（收益率）</translation>
    </message>
    <message>
        <source>EG p (Y~X)</source>
        <translation>EG p (Y~X)</translation>
    </message>
    <message>
        <source>EG p (X~Y)</source>
        <translation>EG p (X~Y)</translation>
    </message>
    <message>
        <source>Hurst</source>
        <translation>Hurst</translation>
    </message>
    <message>
        <source>crossings / 1,000 bars</source>
        <translation>穿越次数 / 1,000 根K线</translation>
    </message>
</context>
<context>
    <name>pairlab::PairWorkspace</name>
    <message>
        <source>Dependent leg Y</source>
        <translation>因变量腿 Y</translation>
    </message>
    <message>
        <source>Regressor leg X</source>
        <translation>自变量腿 X</translation>
    </message>
    <message>
        <source>⇄ Swap</source>
        <translation>⇄ 交换</translation>
    </message>
    <message>
        <source>Swap Y and X</source>
        <translation>交换 Y 和 X</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Analyse the live bars or an imported dataset</source>
        <translation>分析实时 K 线或已导入的数据集</translation>
    </message>
    <message>
        <source>Rolling window in bars (z-score, correlations, rolling β)</source>
        <translation>以 K 线数计的滚动窗口（Z 分数、相关系数、滚动 β）</translation>
    </message>
    <message>
        <source>entry ±</source>
        <translation>入场 ±</translation>
    </message>
    <message>
        <source>exit ±</source>
        <translation>出场 ±</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <source>Run the full analysis (ADF, Engle-Granger, Huber, Theil-Sen) now</source>
        <translation>立即运行完整分析（ADF、Engle-Granger、Huber、Theil-Sen）</translation>
    </message>
    <message>
        <source>&amp;Data:</source>
        <translation>数据(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Y:</source>
        <translation>&amp;Y：</translation>
    </message>
    <message>
        <source>&amp;X:</source>
        <translation>&amp;X：</translation>
    </message>
    <message>
        <source>Time&amp;frame:</source>
        <translation>时间周期(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>窗口(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Hedge:</source>
        <translation>对冲(&amp;H)：</translation>
    </message>
    <message>
        <source>Export pair CSV…</source>
        <translation>导出配对 CSV…</translation>
    </message>
    <message>
        <source>ts_ms, x, y, beta, spread, z-score, correlations of every bar shown</source>
        <translation>所显示每根 K 线的 ts_ms、x、y、beta、价差、Z 分数、相关系数</translation>
    </message>
    <message>
        <source>Export pair series</source>
        <translation>导出配对序列</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Both legs, normalised to 100</source>
        <translation>两条腿，归一化为 100</translation>
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
        <translation>价差 y − (α + βx)</translation>
    </message>
    <message>
        <source>spread</source>
        <translation>价差</translation>
    </message>
    <message>
        <source>Rolling z-score</source>
        <translation>滚动 Z 分数</translation>
    </message>
    <message>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <source>Hedge ratio β</source>
        <translation>对冲比率 β</translation>
    </message>
    <message>
        <source>β (method)</source>
        <translation>β（方法）</translation>
    </message>
    <message>
        <source>rolling OLS β</source>
        <translation>滚动 OLS β</translation>
    </message>
    <message>
        <source>Rolling correlation</source>
        <translation>滚动相关系数</translation>
    </message>
    <message>
        <source>prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>log returns</source>
        <translation>对数收益率</translation>
    </message>
    <message>
        <source>Dataset: %1</source>
        <translation>数据集：%1</translation>
    </message>
    <message>
        <source>ADF: %1</source>
        <translation>ADF：%1</translation>
    </message>
    <message>
        <source>Kalman filter on the prices, scaled to the data: its noise levels come from an OLS fit of the first window of bars; the spread is the innovation e_t (the prediction error before bar t is absorbed), its z is e_t/√S_t.</source>
        <translation>基于价格的卡尔曼滤波，按数据缩放：噪声水平来自首个窗口 K 线的 OLS 拟合；价差为新息 e_t（吸收第 t 根 K 线之前的预测误差），其 z 为 e_t/√S_t。</translation>
    </message>
    <message>
        <source>Kalman innovation e = y − (α + βx) with the prior α, β</source>
        <translation>卡尔曼新息 e = y − (α + βx)，使用先验 α、β</translation>
    </message>
    <message>
        <source>Kalman z = e / √S</source>
        <translation>卡尔曼 z = e / √S</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>成交价</translation>
    </message>
    <message>
        <source>Mid (bid/ask)</source>
        <translation>中间价（买/卖）</translation>
    </message>
    <message>
        <source>Each bar&apos;s last trade price</source>
        <translation>每根 K 线的最后成交价</translation>
    </message>
    <message>
        <source>Each bar&apos;s closing mid, (bid + ask) / 2 of its last best bid/offer update: live bars with recorded quotes only (Settings → Feed → Quotes)</source>
        <translation>每根 K 线收盘时的中间价，即其最后一次最优买卖报价更新的 (买 + 卖) / 2：仅限有报价记录的实时 K 线（设置 → 行情 → 报价）</translation>
    </message>
    <message>
        <source>&amp;Prices:</source>
        <translation>价格(&amp;P)：</translation>
    </message>
    <message>
        <source>Analyse each bar&apos;s last trade or its closing bid/ask mid</source>
        <translation>分析每根 K 线的最后成交价或其收盘买/卖中间价</translation>
    </message>
    <message>
        <source>Datasets hold trades only: mid prices need the live feed&apos;s quotes</source>
        <translation>数据集仅包含成交：中间价需要实时行情的报价</translation>
    </message>
    <message>
        <source>Both legs&apos; bid/ask mid, normalised to 100</source>
        <translation>两条腿的买/卖中间价，归一化为 100</translation>
    </message>
    <message>
        <source>Kalman innovation of the mids e = y − (α + βx) with the prior α, β</source>
        <translation>中间价的卡尔曼新息 e = y − (α + βx)，使用先验 α、β</translation>
    </message>
    <message>
        <source>Spread of the mids y − (α + βx)</source>
        <translation>中间价价差 y − (α + βx)</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>配对</translation>
    </message>
    <message>
        <source>Basket</source>
        <translation>篮子</translation>
    </message>
    <message>
        <source>The spread of a pair, y − (α + βx), or of a basket of legs, Σ wᵢ·pᵢ</source>
        <translation>配对的价差 y − (α + βx)，或多条腿组成的篮子的价差 Σ wᵢ·pᵢ</translation>
    </message>
    <message>
        <source>&amp;Spread of:</source>
        <translation>价差对象(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>pairlab::RecentTradesModel</name>
    <message>
        <source>Sell</source>
        <translation>卖出</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>买入</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间 (UTC)</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>交易品种</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Aggressor</source>
        <translation>主动方</translation>
    </message>
</context>
<context>
    <name>pairlab::ReplayServer</name>
    <message>
        <source>cannot listen on 127.0.0.1:%1: %2</source>
        <translation>无法在 127.0.0.1:%1 上监听：%2</translation>
    </message>
</context>
<context>
    <name>pairlab::ScanScatterView</name>
    <message>
        <source>other pairs</source>
        <translation>其他配对</translation>
    </message>
    <message>
        <source>candidates</source>
        <translation>候选</translation>
    </message>
    <message>
        <source>EG p-value (better order)</source>
        <translation>EG p 值（较优方向）</translation>
    </message>
    <message>
        <source>half-life (bars)</source>
        <translation>半衰期（K线数）</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 中的 %1</translation>
    </message>
    <message>
        <source>pairs: %1</source>
        <translation>配对：%1</translation>
    </message>
    <message>
        <source>Half-life ↑ vs EG p → · %1</source>
        <translation>半衰期 ↑ 对 EG p → · %1</translation>
    </message>
    <message>
        <source>Each point a pair: half-life in bars (log scale) against the better order&apos;s Engle-Granger p-value; candidates highlighted. The %1 pairs of the smallest p of %2 are drawn. Click a point to analyse the pair.</source>
        <translation>每个点代表一个配对：半衰期（K线数，对数刻度）对较优方向的 Engle-Granger p 值；候选已高亮。绘制的是 %2 个配对中 p 最小的 %1 个。点击某点即可分析该配对。</translation>
    </message>
    <message>
        <source>Each point a pair: half-life in bars (log scale) against the better order&apos;s Engle-Granger p-value; candidates highlighted. Click a point to analyse the pair.</source>
        <translation>每个点代表一个配对：半衰期（K线数，对数刻度）对较优方向的 Engle-Granger p 值；候选已高亮。点击某点即可分析该配对。</translation>
    </message>
</context>
<context>
    <name>pairlab::SessionController</name>
    <message>
        <source>Connecting to Binance USD-M futures…</source>
        <translation>正在连接币安 U 本位合约…</translation>
    </message>
    <message>
        <source>Replay of %1</source>
        <translation>回放 %1</translation>
    </message>
    <message>
        <source>Storage error: %1. The feed goes on; trades are held in memory and saved when the database works again.</source>
        <translation>存储错误：%1。数据流继续运行；成交暂存在内存中，数据库恢复后再保存。</translation>
    </message>
    <message>
        <source>The database works again: %L1 held trades stored.</source>
        <translation>数据库已恢复：已保存 %L1 笔暂存的成交。</translation>
    </message>
    <message>
        <source>Stream %1 has delivered nothing for %2 s.</source>
        <translation>数据流 %1 已有 %2 秒没有数据。</translation>
    </message>
    <message>
        <source>Stream %1 has delivered nothing for %2 s — is the endpoint path right?</source>
        <translation>数据流 %1 已有 %2 秒没有数据 — 端点路径是否正确？</translation>
    </message>
    <message>
        <source>Server error: %1</source>
        <translation>服务器错误：%1</translation>
    </message>
    <message>
        <source>The demo recording has ended (5 min 45 s of real trades).</source>
        <translation>演示录制已结束（5 分 45 秒的真实成交）。</translation>
    </message>
    <message>
        <source>The replay has ended.</source>
        <translation>回放已结束。</translation>
    </message>
    <message>
        <source>cannot empty the demo database %1: %2</source>
        <translation>无法清空演示数据库 %1：%2</translation>
    </message>
    <message>
        <source>Demo: recorded Binance futures trades, 2024-08-08; the first %1 arrive at once, as history, the rest as recorded</source>
        <translation>演示：2024-08-08 录制的币安合约成交；前 %1 作为历史一次性到达，其余按录制节奏回放</translation>
    </message>
    <message>
        <source>No trades from Binance after %1 s. The network may be unreachable.</source>
        <translation>%1 秒后仍未收到 Binance 的成交。网络可能无法访问。</translation>
    </message>
    <message>
        <source>history %1 %2: %3 of %4 days</source>
        <translation>历史数据 %1 %2：%3 / %4 天</translation>
    </message>
    <message>
        <source>History back-fill cancelled; the live feed goes on.</source>
        <translation>已取消历史数据补齐；实时行情继续。</translation>
    </message>
    <message>
        <source>History not complete (%1); it is tried again at the next start.</source>
        <translation>历史数据未完成（%1）；下次启动时会重试。</translation>
    </message>
    <message>
        <source>Demo: Binance trades recorded 2024-08-08 (the first %1 at once); history: real 1 m bars of May–June 2025, moved in time and scaled to the recording</source>
        <translation>演示：2024-08-08 录制的 Binance 成交（前 %1 立即到达）；历史：2025 年 5–6 月的真实 1 分钟 K 线，已平移时间并按录制缩放</translation>
    </message>
</context>
<context>
    <name>pairlab::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Feed</source>
        <translation>行情(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>数据库(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <source>Binance USD-M futures symbols, separated by commas</source>
        <translation>币安 U 本位合约交易对，以逗号分隔</translation>
    </message>
    <message>
        <source>Every trade (trade)</source>
        <translation>逐笔成交（trade）</translation>
    </message>
    <message>
        <source>Aggregated trades (aggTrade)</source>
        <translation>归集成交（aggTrade）</translation>
    </message>
    <message>
        <source>Binance default</source>
        <translation>币安默认</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Delay before the first reconnect attempt; it doubles with each failed attempt</source>
        <translation>首次重连前的等待时间；每次失败后加倍</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>A connection that delivers nothing for this long is dropped and reopened</source>
        <translation>连接在这么长时间内没有数据时会断开并重新建立</translation>
    </message>
    <message>
        <source>&amp;Symbols:</source>
        <translation>交易对(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;tream:</source>
        <translation>数据流(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>端点(&amp;E)：</translation>
    </message>
    <message>
        <source>First &amp;reconnect after:</source>
        <translation>首次重连等待(&amp;R)：</translation>
    </message>
    <message>
        <source>Longest reconnect &amp;delay:</source>
        <translation>最长重连延迟(&amp;D)：</translation>
    </message>
    <message>
        <source>Reconnect when &amp;silent for:</source>
        <translation>静默多久后重连(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Connect timeout:</source>
        <translation>连接超时(&amp;C)：</translation>
    </message>
    <message>
        <source>A live connection to Binance reconnects with these settings when you press OK.</source>
        <translation>按下确定后，与币安的实时连接将按这些设置重新连接。</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>SQLite 文件</translation>
    </message>
    <message>
        <source>PostgreSQL server</source>
        <translation>PostgreSQL 服务器</translation>
    </message>
    <message>
        <source>Empty: %1</source>
        <translation>留空：%1</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The password comes from ~/.pgpass or PGPASSWORD, not from this field</source>
        <translation>密码取自 ~/.pgpass 或 PGPASSWORD，而不是此字段</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>后端(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>位置(&amp;L)：</translation>
    </message>
    <message>
        <source>A new database takes effect the next time PairLab connects to Binance (Feed → Connect to Binance) or starts. The demo keeps its own database.</source>
        <translation>新数据库将在 PairLab 下次连接币安（行情 → 连接币安）或下次启动时生效。演示使用自己的数据库。</translation>
    </message>
    <message>
        <source> bars</source>
        <translation> 根K线</translation>
    </message>
    <message>
        <source>Rolling &amp;window:</source>
        <translation>滚动窗口(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Entry at |z| ≥</source>
        <translation>入场 |z| ≥(&amp;E)</translation>
    </message>
    <message>
        <source>E&amp;xit at |z| ≤</source>
        <translation>出场 |z| ≤(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Hedge ratio:</source>
        <translation>对冲比率(&amp;H)：</translation>
    </message>
    <message>
        <source>ADF &amp;trend:</source>
        <translation>ADF 趋势(&amp;T)：</translation>
    </message>
    <message>
        <source>A new workspace (File → New workspace) starts with these; a saved workspace keeps its own.</source>
        <translation>新工作区（文件 → 新建工作区）使用这些参数；已保存的工作区保留自己的参数。</translation>
    </message>
    <message>
        <source>Show a system tray message when an alert fires</source>
        <translation>警报触发时在系统托盘显示消息</translation>
    </message>
    <message>
        <source>Play a sound when an alert fires</source>
        <translation>警报触发时播放声音</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Alerts:</source>
        <translation>警报：</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language takes effect when PairLab is restarted.</source>
        <translation>新语言将在 PairLab 重启后生效。</translation>
    </message>
    <message>
        <source>This is a PostgreSQL URL: choose the backend “PostgreSQL server” for it.</source>
        <translation>这是一个 PostgreSQL URL：请为它选择“PostgreSQL 服务器”后端。</translation>
    </message>
    <message>
        <source>The exit band must be inside the entry band (exit &lt; entry).</source>
        <translation>出场带必须位于入场带之内（出场 &lt; 入场）。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>PairLab never stores a database password: a password typed into the URL is removed; PostgreSQL reads it from PGPASSWORD or ~/.pgpass.</source>
        <translation>PairLab 从不保存数据库密码：URL 中输入的密码会被移除；PostgreSQL 从 PGPASSWORD 或 ~/.pgpass 读取密码。</translation>
    </message>
    <message>
        <source>The legs of the pairs shown</source>
        <translation>所显示交易对的两条腿</translation>
    </message>
    <message>
        <source>Every streamed symbol</source>
        <translation>所有订阅的交易对</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Whose best bid and ask (bookTicker) are streamed beside the trades and stored as 1 s / 1 m / 5 m quote bars, for backtests filled at the bid/ask. Binance sends about ten quotes per trade.</source>
        <translation>哪些交易对的最优买卖价（bookTicker）与成交一起订阅，并存储为 1 秒 / 1 分钟 / 5 分钟报价K线，用于按买卖价成交的回测。Binance 每笔成交约发送十条报价。</translation>
    </message>
    <message>
        <source>&amp;Quotes (bid/ask):</source>
        <translation>报价（买/卖）(&amp;Q)：</translation>
    </message>
    <message>
        <source>Serve the &amp;local API (HTTP and WebSocket, for notebooks and scripts)</source>
        <translation>提供本地 API（HTTP 和 WebSocket，供笔记本和脚本使用）(&amp;L)</translation>
    </message>
    <message>
        <source>Allow &amp;writes: create and delete alert rules, import CSV files, run backtests</source>
        <translation>允许写入：创建和删除警报规则、导入 CSV 文件、运行回测(&amp;W)</translation>
    </message>
    <message>
        <source>made when the API is first turned on</source>
        <translation>首次开启 API 时生成</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New token</source>
        <translation>新令牌(&amp;N)</translation>
    </message>
    <message>
        <source>Replaces the token at once: clients with the old one are refused from now on.</source>
        <translation>立即替换令牌：持旧令牌的客户端从此将被拒绝。</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>令牌：</translation>
    </message>
    <message>
        <source>Not loopback: anyone who reaches this address and has the token can read and change your data. The traffic is not encrypted.</source>
        <translation>非回环地址：任何能访问此地址并持有令牌的人都能读取和更改您的数据。通信未加密。</translation>
    </message>
    <message>
        <source>Not loopback: anyone who reaches this address and has the token can read your data. The traffic is not encrypted.</source>
        <translation>非回环地址：任何能访问此地址并持有令牌的人都能读取您的数据。通信未加密。</translation>
    </message>
    <message>
        <source>Requests carry the token as “Authorization: Bearer &lt;token&gt;”; it is kept in %1, readable by you only. Try: curl -H &quot;Authorization: Bearer $(cat %1)&quot; http://%2:%3/v1/health — the endpoints are listed at /v1/openapi.json.%4</source>
        <translation>请求以“Authorization: Bearer &lt;令牌&gt;”携带令牌；令牌保存在 %1，仅您可读。试试：curl -H &quot;Authorization: Bearer $(cat %1)&quot; http://%2:%3/v1/health —— 所有端点见 /v1/openapi.json。%4</translation>
    </message>
    <message>
        <source> A new token was made: clients with the old one are refused.</source>
        <translation> 已生成新令牌：持旧令牌的客户端将被拒绝。</translation>
    </message>
    <message>
        <source>AP&amp;I</source>
        <translation>AP&amp;I</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>Addr&amp;ess:</source>
        <translation>地址(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>pairlab::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Find a command or key…</source>
        <translation>查找命令或按键…</translation>
    </message>
</context>
<context>
    <name>pairlab::SweepGridModel</name>
    <message>
        <source>not computed</source>
        <translation>未计算</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>入场 %1</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>出场 %1</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>entry %1, exit %2: net Sharpe %3, %5 trades, net PnL %6, max drawdown %7. %4.</source>
        <translation>入场 %1，出场 %2：净夏普 %3，%5 笔交易，净盈亏 %6，最大回撤 %7。%4。</translation>
    </message>
</context>
<context>
    <name>pairlab::SymbolCatalogController</name>
    <message>
        <source>the symbol list could not be stored: %1</source>
        <translation>无法保存品种列表：%1</translation>
    </message>
    <message>
        <source>Fetching the symbol list…</source>
        <translation>正在获取品种列表…</translation>
    </message>
    <message>
        <source>No symbol list yet: it is fetched when a session starts.</source>
        <translation>尚无品种列表：会话开始时获取。</translation>
    </message>
    <message>
        <source>No symbol list yet.</source>
        <translation>尚无品种列表。</translation>
    </message>
    <message>
        <source>%1 perpetuals, fetched %2 UTC</source>
        <translation>%1 个永续合约，获取于 %2 UTC</translation>
    </message>
    <message>
        <source>(last fetch: %1)</source>
        <translation>（上次获取：%1）</translation>
    </message>
</context>
<context>
    <name>pairlab::SymbolCatalogFetch</name>
    <message>
        <source>malformed answer: %1</source>
        <translation>应答格式错误：%1</translation>
    </message>
    <message>
        <source>%1 (failed answers in a row: %2)</source>
        <translation>%1（连续失败的应答：%2）</translation>
    </message>
    <message>
        <source>the 24 h volumes are missing: %1</source>
        <translation>缺少 24 小时成交额：%1</translation>
    </message>
</context>
<context>
    <name>pairlab::TickWriter</name>
    <message>
        <source>cannot add symbol %1: %2</source>
        <translation>无法添加交易品种 %1：%2</translation>
    </message>
    <message>
        <source>cannot store ticks: %1</source>
        <translation>无法存储逐笔数据：%1</translation>
    </message>
    <message>
        <source>the tick database is not open</source>
        <translation>逐笔数据库未打开</translation>
    </message>
    <message>
        <source>cannot start a transaction: %1</source>
        <translation>无法开始事务：%1</translation>
    </message>
    <message>
        <source>cannot update the ingest sequence: %1</source>
        <translation>无法更新写入序号：%1</translation>
    </message>
    <message>
        <source>cannot commit ticks: %1</source>
        <translation>无法提交逐笔数据：%1</translation>
    </message>
    <message>
        <source>cannot read the stored %1 ticks: %2</source>
        <translation>无法读取已存储的 %1 逐笔数据：%2</translation>
    </message>
    <message>
        <source>cannot store bars: %1</source>
        <translation>无法存储K线：%1</translation>
    </message>
    <message>
        <source>cannot prepare the database connection: %1</source>
        <translation>无法准备数据库连接：%1</translation>
    </message>
</context>
<context>
    <name>pairlab::TickerModel</name>
    <message>
        <source>Change since the first trade of this session</source>
        <translation>自本次会话第一笔成交以来的变化</translation>
    </message>
    <message>
        <source>Traded quantity in this session</source>
        <translation>本次会话的成交数量</translation>
    </message>
    <message>
        <source>Trades per second over the last 10 s of market time</source>
        <translation>最近 10 秒市场时间内的每秒成交笔数</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>交易品种</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最新价</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>涨跌</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>成交量</translation>
    </message>
    <message>
        <source>Trades/s</source>
        <translation>成交/秒</translation>
    </message>
    <message>
        <source>No mark price yet (streamed from Binance only)</source>
        <translation>尚无标记价格（仅从 Binance 订阅）</translation>
    </message>
    <message>
        <source>Funding rate %1 % per period, mark price %2: a long position pays it when positive</source>
        <translation>资金费率每期 %1 %，标记价格 %2：费率为正时多头支付</translation>
    </message>
    <message>
        <source>Next funding at %1 UTC</source>
        <translation>下次资金费结算：%1 UTC</translation>
    </message>
    <message>
        <source>Current funding rate per funding period (markPrice stream)</source>
        <translation>当前每期资金费率（markPrice 数据流）</translation>
    </message>
    <message>
        <source>Time left to the next funding</source>
        <translation>距下次资金费结算的时间</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>资金费率</translation>
    </message>
    <message>
        <source>Next funding</source>
        <translation>下次结算</translation>
    </message>
</context>
<context>
    <name>pairlab::TimeChartView</name>
    <message>
        <source>Save chart as PNG…</source>
        <translation>将图表保存为 PNG…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Reset zoom and follow live</source>
        <translation>重置缩放并跟随实时</translation>
    </message>
</context>
<context>
    <name>pairlab::TimeSeriesChartView</name>
    <message>
        <source>No data yet</source>
        <translation>暂无数据</translation>
    </message>
</context>
<context>
    <name>pairlab::UniverseDialog</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Scanner universe</source>
        <translation>扫描器品种池</translation>
    </message>
    <message>
        <source>Search symbols, e.g. sol</source>
        <translation>搜索品种，例如 sol</translation>
    </message>
    <message>
        <source>&amp;Add →</source>
        <translation>添加(&amp;A) →</translation>
    </message>
    <message>
        <source>← Re&amp;move</source>
        <translation>← 移除(&amp;M)</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清空(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Top by 24 h volume</source>
        <translation>按 24 小时成交额排名(&amp;T)</translation>
    </message>
    <message>
        <source>The symbols with the largest 24 h quote volume</source>
        <translation>24 小时报价成交额最大的品种</translation>
    </message>
    <message>
        <source>All &amp;perpetuals</source>
        <translation>全部永续合约(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Save list</source>
        <translation>保存列表(&amp;S)</translation>
    </message>
    <message>
        <source>Saved l&amp;ist</source>
        <translation>已保存的列表(&amp;I)</translation>
    </message>
    <message>
        <source>Chosen:</source>
        <translation>已选：</translation>
    </message>
    <message>
        <source>%1 bn</source>
        <translation>%1 十亿</translation>
    </message>
    <message>
        <source>%1 M</source>
        <translation>%1 百万</translation>
    </message>
    <message>
        <source>%1 k</source>
        <translation>%1 千</translation>
    </message>
    <message>
        <source>%1  ·  %2 USDT in 24 h</source>
        <translation>%1  ·  24 小时 %2 USDT</translation>
    </message>
    <message>
        <source>%1 symbols · pairs to scan: %2 (at most %3 symbols)</source>
        <translation>%1 个品种 · 待扫描配对：%2（最多 %3 个品种）</translation>
    </message>
    <message>
        <source>Also &amp;stream them live and fill their history</source>
        <translation>同时实时订阅并补全其历史(&amp;S)</translation>
    </message>
    <message>
        <source>Adds the chosen symbols to the live feed (Settings → Feed): trades stream in and the exchange&apos;s bars of the last days are filled. Without it, the scanner uses the bars the database already has.</source>
        <translation>将所选品种加入实时数据源（设置 → 数据源）：成交实时流入，并补全交易所最近几天的K线。不勾选时，扫描器只使用数据库中已有的K线。</translation>
    </message>
</context>
<context>
    <name>pairlab::WalkForwardFoldsModel</name>
    <message>
        <source>bars %L1–%L2</source>
        <translation>第 %L1–%L2 根K线</translation>
    </message>
    <message>
        <source>The rolling and Kalman hedges adapt bar by bar from the training window&apos;s first bar on.</source>
        <translation>滚动对冲和 Kalman 对冲从训练窗口的第一根K线起逐根自适应调整。</translation>
    </message>
    <message>
        <source>adaptive</source>
        <translation>自适应</translation>
    </message>
    <message>
        <source>flat: %1</source>
        <translation>空仓：%1</translation>
    </message>
    <message>
        <source>Fold</source>
        <translation>折</translation>
    </message>
    <message>
        <source>Training (UTC)</source>
        <translation>训练 (UTC)</translation>
    </message>
    <message>
        <source>Test (UTC)</source>
        <translation>测试 (UTC)</translation>
    </message>
    <message>
        <source>Entry |z|</source>
        <translation>入场 |z|</translation>
    </message>
    <message>
        <source>Exit |z|</source>
        <translation>出场 |z|</translation>
    </message>
    <message>
        <source>β (training)</source>
        <translation>β（训练）</translation>
    </message>
    <message>
        <source>IS Sharpe</source>
        <translation>样本内夏普</translation>
    </message>
    <message>
        <source>IS net P&amp;L</source>
        <translation>样本内净盈亏</translation>
    </message>
    <message>
        <source>OOS Sharpe</source>
        <translation>样本外夏普</translation>
    </message>
    <message>
        <source>OOS net P&amp;L</source>
        <translation>样本外净盈亏</translation>
    </message>
    <message>
        <source>OOS trades</source>
        <translation>样本外交易数</translation>
    </message>
    <message>
        <source>OOS max DD</source>
        <translation>样本外最大回撤</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>pairlab::WelcomeDialog</name>
    <message>
        <source>Welcome to PairLab</source>
        <translation>欢迎使用 PairLab</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to PairLab&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;欢迎使用 PairLab&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;PairLab streams Binance USD-M futures trades live and keeps every tick and bar in a local database.&lt;/p&gt;&lt;p&gt;It analyses pairs as the bars close: hedge ratio, spread, z-score, stationarity and cointegration tests.&lt;/p&gt;&lt;p&gt;Alerts and backtests show whether a mean-reversion trade on the pair would have paid.&lt;/p&gt;</source>
        <translation>&lt;p&gt;PairLab 实时接收币安 U 本位合约的成交，并把每笔成交和每根K线保存在本地数据库中。&lt;/p&gt;&lt;p&gt;每当K线收盘，它就分析配对：对冲比率、价差、z 分数、平稳性和协整检验。&lt;/p&gt;&lt;p&gt;警报和回测告诉你在该配对上做均值回归交易是否会盈利。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Without network access, the demo replays real recorded Binance trades.</source>
        <translation>没有网络时，演示会回放真实录制的币安成交。</translation>
    </message>
    <message>
        <source>Connect to Binance</source>
        <translation>连接币安</translation>
    </message>
    <message>
        <source>Start the demo recording</source>
        <translation>启动演示录制</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
</TS>
