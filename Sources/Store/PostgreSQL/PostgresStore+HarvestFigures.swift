import Foundation
import PostgresNIO

extension PostgresStore {
    public func recordHarvestFigures(_ figures: HarvestHour) async throws {
        try await execute(
            """
            INSERT INTO harvest_figures AS f (hour, source, requests, ok, throttled, server_errors, timeouts, bad_json, other_errors,
                items_new, items_updated, items_rejected, lag_count, lag_seconds_sum, lag_seconds_max)
            VALUES (\(HarvestHour.start(of: figures.hour)), \(figures.source), \(Int32(clamping: figures.requests)), \(Int32(clamping: figures.ok)),
                \(Int32(clamping: figures.throttled)), \(Int32(clamping: figures.serverErrors)), \(Int32(clamping: figures.timeouts)),
                \(Int32(clamping: figures.badJSON)), \(Int32(clamping: figures.otherErrors)), \(Int32(clamping: figures.itemsNew)),
                \(Int32(clamping: figures.itemsUpdated)), \(Int32(clamping: figures.itemsRejected)), \(Int32(clamping: figures.lagCount)),
                \(figures.lagSecondsSum), \(figures.lagSecondsMax))
            ON CONFLICT (hour, source) DO UPDATE SET requests = f.requests + excluded.requests, ok = f.ok + excluded.ok,
                throttled = f.throttled + excluded.throttled, server_errors = f.server_errors + excluded.server_errors,
                timeouts = f.timeouts + excluded.timeouts, bad_json = f.bad_json + excluded.bad_json,
                other_errors = f.other_errors + excluded.other_errors, items_new = f.items_new + excluded.items_new,
                items_updated = f.items_updated + excluded.items_updated, items_rejected = f.items_rejected + excluded.items_rejected,
                lag_count = f.lag_count + excluded.lag_count, lag_seconds_sum = f.lag_seconds_sum + excluded.lag_seconds_sum,
                lag_seconds_max = GREATEST(f.lag_seconds_max, excluded.lag_seconds_max)
            """)
    }

    public func harvestFigures(since: Date, source: String?, daily: Bool) async throws -> [HarvestHour] {
        let unit = daily ? "day" : "hour"
        return try await rows(
            """
            SELECT date_trunc(\(unit), hour, 'UTC') AS bucket, sum(requests) AS requests, sum(ok) AS ok, sum(throttled) AS throttled,
            sum(server_errors) AS server_errors, sum(timeouts) AS timeouts, sum(bad_json) AS bad_json, sum(other_errors) AS other_errors,
            sum(items_new) AS items_new, sum(items_updated) AS items_updated, sum(items_rejected) AS items_rejected,
            sum(lag_count) AS lag_count, sum(lag_seconds_sum) AS lag_seconds_sum, max(lag_seconds_max) AS lag_seconds_max
            FROM harvest_figures WHERE hour >= date_trunc(\(unit), \(since), 'UTC') AND (\(source)::text IS NULL OR source = \(source))
            GROUP BY bucket ORDER BY bucket
            """
        ).map { row in
            func count(_ column: String) throws -> Int { Int(try row[column].decode(Int64.self)) }
            var figures = HarvestHour(hour: try row["bucket"].decode(Date.self), source: source ?? "")
            figures.requests = try count("requests")
            figures.ok = try count("ok")
            figures.throttled = try count("throttled")
            figures.serverErrors = try count("server_errors")
            figures.timeouts = try count("timeouts")
            figures.badJSON = try count("bad_json")
            figures.otherErrors = try count("other_errors")
            figures.itemsNew = try count("items_new")
            figures.itemsUpdated = try count("items_updated")
            figures.itemsRejected = try count("items_rejected")
            figures.lagCount = try count("lag_count")
            figures.lagSecondsSum = try row["lag_seconds_sum"].decode(Double.self)
            figures.lagSecondsMax = try row["lag_seconds_max"].decode(Double.self)
            return figures
        }
    }
}
