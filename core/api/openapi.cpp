#include "api/api_routes.h"

namespace pairlab {

namespace {

// The OpenAPI 3.0 description of the local API (served at /v1/openapi.json; README "Local API").
const char kOpenApi[] = R"json({
"openapi": "3.0.3",
"info": {"title": "PairLab local API", "version": "1",
  "description": "Read the live workbench's stored bars, ticks, quotes, pair analytics, scans and alerts; with --allow-writes also create and delete alert rules, import CSV files and run backtests. Every request needs the token: Authorization: Bearer <token>. List endpoints answer CSV with Accept: text/csv or ?format=csv. Times are epoch milliseconds or ISO 8601 (UTC unless they say otherwise); a range is [from, to) and answers its newest `limit` rows (at most 100000)."},
"servers": [{"url": "http://127.0.0.1:8765"}],
"security": [{"bearer": []}],
"components": {
  "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
  "parameters": {
    "symbol": {"name": "symbol", "in": "query", "required": true, "schema": {"type": "string"}, "example": "BTCUSDT"},
    "interval": {"name": "interval", "in": "query", "schema": {"type": "string", "enum": ["1s", "1m", "5m"], "default": "1m"}},
    "source": {"name": "source", "in": "query", "schema": {"type": "string", "default": "live"}, "description": "live (the app's bars merged with the exchange's), rest (the exchange's), or an imported dataset's name"},
    "from": {"name": "from", "in": "query", "schema": {"type": "string"}, "description": "epoch ms or ISO 8601, inclusive"},
    "to": {"name": "to", "in": "query", "schema": {"type": "string"}, "description": "epoch ms or ISO 8601, exclusive"},
    "limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100000, "default": 1000}},
    "format": {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "csv"]}}
  },
  "schemas": {
    "Error": {"type": "object", "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}, "required": ["error", "status"]},
    "AlertRule": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "pair": {"type": "string", "description": "SYMX/SYMY or *"}, "expression": {"type": "string", "example": "abs(z) > 2"}, "enabled": {"type": "boolean"}, "trigger": {"type": "string"}, "cooldown_s": {"type": "number"}, "min_bars": {"type": "integer"}}, "required": ["name", "expression"]},
    "AlertEvent": {"type": "object", "properties": {"id": {"type": "integer"}, "rule_id": {"type": "integer"}, "ts_ms": {"type": "integer"}, "time_utc": {"type": "string"}, "rule": {"type": "string"}, "pair": {"type": "string"}, "message": {"type": "string"}, "values": {"type": "object", "additionalProperties": {"type": "number", "nullable": true}}}}
  },
  "responses": {
    "Error": {"description": "what was wrong", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
    "Unauthorized": {"description": "no or a wrong token (empty body)"},
    "Forbidden": {"description": "a write while writes are off", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
  }
},
"paths": {
  "/v1/health": {"get": {"summary": "feed state, lag, stored counts, API connections", "responses": {"200": {"description": "health"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}},
  "/v1/symbols": {"get": {"summary": "stored symbols and their newest trade", "parameters": [{"$ref": "#/components/parameters/format"}], "responses": {"200": {"description": "{count, symbols:[{symbol, last_trade_ms, last_trade_id}]}"}}}},
  "/v1/bars": {"get": {"summary": "bars of one symbol", "parameters": [{"$ref": "#/components/parameters/symbol"}, {"$ref": "#/components/parameters/interval"}, {"$ref": "#/components/parameters/source"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/format"}], "responses": {"200": {"description": "{symbol, interval, source, limit, count, bars:[{open_ms, open, high, low, close, volume, trades}]}"}, "400": {"$ref": "#/components/responses/Error"}}}},
  "/v1/ticks": {"get": {"summary": "trades of one symbol (the newest `limit` of the range, in trade-id order)", "parameters": [{"$ref": "#/components/parameters/symbol"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/format"}], "responses": {"200": {"description": "{symbol, limit, count, ticks:[{ts_ms, trade_id, price, qty, buyer_maker}]}"}, "400": {"$ref": "#/components/responses/Error"}}}},
  "/v1/quotes": {"get": {"summary": "bid/ask bars of one symbol (recorded while the feed's quotes include it)", "parameters": [{"$ref": "#/components/parameters/symbol"}, {"$ref": "#/components/parameters/interval"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/format"}], "responses": {"200": {"description": "{symbol, interval, limit, count, quotes:[{open_ms, bid_open, …, ask_close, updates}]}"}}}},
  "/v1/pair": {"get": {"summary": "the pair analysis: the object of pairlab-cli analyze, then a `request` member (what it answers, the chosen hedge's newest spread and z)", "parameters": [{"name": "y", "in": "query", "required": true, "schema": {"type": "string"}}, {"name": "x", "in": "query", "required": true, "schema": {"type": "string"}}, {"$ref": "#/components/parameters/interval"}, {"$ref": "#/components/parameters/source"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/limit"}, {"name": "window", "in": "query", "schema": {"type": "integer", "default": 120}}, {"name": "method", "in": "query", "schema": {"type": "string", "enum": ["ols", "huber", "theil-sen", "kalman"], "default": "ols"}}, {"name": "entry", "in": "query", "schema": {"type": "number", "default": 2}}, {"name": "exit", "in": "query", "schema": {"type": "number", "default": 0.5}}, {"name": "cost", "in": "query", "schema": {"type": "number", "default": 2}}, {"name": "bars_per_year", "in": "query", "schema": {"type": "number"}, "description": "default: a year of the interval's bars"}], "responses": {"200": {"description": "analysis"}, "400": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
  "/v1/scan": {"get": {"summary": "every pair of the symbols (all stored ones when left out): the object of pairlab-cli scan", "parameters": [{"name": "symbols", "in": "query", "schema": {"type": "string"}, "example": "BTCUSDT,ETHUSDT,SOLUSDT"}, {"$ref": "#/components/parameters/interval"}, {"$ref": "#/components/parameters/source"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/limit"}, {"name": "window", "in": "query", "schema": {"type": "integer", "default": 120}}, {"$ref": "#/components/parameters/format"}], "responses": {"200": {"description": "{n_symbols, n_pairs, n_rows, window, pairs:[…]}"}}}},
  "/v1/alerts": {
    "get": {"summary": "alert rules", "responses": {"200": {"description": "{count, rules:[AlertRule]}"}}},
    "post": {"summary": "create an alert rule (needs --allow-writes); the expression is compiled first", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AlertRule"}}}}, "responses": {"201": {"description": "the stored rule with its id"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
  "/v1/alerts/{id}": {"delete": {"summary": "delete an alert rule (needs --allow-writes); its events stay", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}], "responses": {"204": {"description": "deleted"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/Error"}}}},
  "/v1/alerts/events": {"get": {"summary": "alert events in the order they were stored", "parameters": [{"name": "since", "in": "query", "schema": {"type": "integer", "default": 0}, "description": "the last event id you have: only newer ones"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/limit"}, {"name": "pair", "in": "query", "schema": {"type": "string"}}, {"$ref": "#/components/parameters/format"}], "responses": {"200": {"description": "{since, last_id, count, events:[AlertEvent]}"}}}},
  "/v1/import": {"post": {"summary": "import a CSV (needs --allow-writes): all or nothing, as the Import dialog; a refusal is a 400 naming file, line and field", "parameters": [{"name": "filename", "in": "query", "schema": {"type": "string", "default": "upload.csv"}}, {"name": "symbol", "in": "query", "schema": {"type": "string"}}, {"name": "dataset", "in": "query", "schema": {"type": "string"}}, {"name": "import_format", "in": "query", "schema": {"type": "string", "enum": ["auto", "ohlc", "close", "wide", "trades", "binance-klines", "binance-trades", "binance-aggtrades"]}}, {"name": "interval_seconds", "in": "query", "schema": {"type": "integer"}}], "requestBody": {"required": true, "content": {"text/csv": {}}}, "responses": {"201": {"description": "what was stored"}, "400": {"description": "{error, first:{file, line, field, message}, problems:[…], stored: 0}"}, "403": {"$ref": "#/components/responses/Forbidden"}, "413": {"$ref": "#/components/responses/Error"}}}},
  "/v1/backtest": {"post": {"summary": "run a pair backtest (needs --allow-writes): {y, x, interval, source, from, to, limit, config}", "requestBody": {"required": true, "content": {"application/json": {}}}, "responses": {"200": {"description": "{y, x, interval, bars, config, summary}"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
  "/v1/stream": {"get": {"summary": "WebSocket: subscribe with ?topics=bars,pair,alerts (default all) and ?since=<event id> to receive the alert events stored after it first; messages are JSON {type: bar|pair|alert|hello, …}; bars and pair updates coalesce to the latest per key for a slow reader, alert events are never dropped", "responses": {"101": {"description": "upgraded"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}},
  "/v1/openapi.json": {"get": {"summary": "this document", "responses": {"200": {"description": "OpenAPI 3.0"}}}}
}
}
)json";

} // namespace

QByteArray apiOpenApiDocument()
{
    return QByteArray(kOpenApi);
}

} // namespace pairlab
