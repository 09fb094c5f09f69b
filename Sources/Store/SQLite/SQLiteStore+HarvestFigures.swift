import Foundation
import GRDB

extension SQLiteStore {
    static let figureColumns = [
        "requests", "ok", "throttled", "server_errors", "timeouts", "bad_json", "other_errors", "items_new", "items_updated",
        "items_rejected", "lag_count", "lag_seconds_sum",
    ]

    public func recordHarvestFigures(_ figures: HarvestHour) async throws {
        let values: [(any DatabaseValueConvertible)?] =
            [StoreDate.string(HarvestHour.start(of: figures.hour)), figures.source] + Self.values(figures) + [figures.lagSecondsMax]
        let arguments = StatementArguments(values)
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO harvest_figures (hour, source, \(Self.figureColumns.joined(separator: ", ")), lag_seconds_max)
                    VALUES (?, ?, \(Self.figureColumns.map { _ in "?" }.joined(separator: ", ")), ?)
                    ON CONFLICT (hour, source) DO UPDATE SET
                    \(Self.figureColumns.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", ")),
                    lag_seconds_max = max(lag_seconds_max, excluded.lag_seconds_max)
                    """,
                arguments: arguments)
        }
    }

    public func harvestFigures(since: Date, source: String?, daily: Bool) async throws -> [HarvestHour] {
        // Hours are ISO text ("2026-12-06T01:00:00.000Z"): a day is its first ten characters.
        let bucket = daily ? "substr(hour, 1, 10) || 'T00:00:00.000Z'" : "hour"
        return try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(bucket) AS bucket, \(Self.figureColumns.map { "sum(\($0)) AS \($0)" }.joined(separator: ", ")),
                    max(lag_seconds_max) AS lag_seconds_max
                    FROM harvest_figures WHERE hour >= ? AND (? IS NULL OR source = ?) GROUP BY bucket ORDER BY bucket
                    """,
                arguments: [StoreDate.string(HarvestHour.start(of: since, spanning: daily ? 86_400 : 3600)), source, source]
            ).map { row in
                var figures = HarvestHour(hour: StoreDate.date(row["bucket"]) ?? since, source: source ?? "")
                figures.requests = row["requests"]
                figures.ok = row["ok"]
                figures.throttled = row["throttled"]
                figures.serverErrors = row["server_errors"]
                figures.timeouts = row["timeouts"]
                figures.badJSON = row["bad_json"]
                figures.otherErrors = row["other_errors"]
                figures.itemsNew = row["items_new"]
                figures.itemsUpdated = row["items_updated"]
                figures.itemsRejected = row["items_rejected"]
                figures.lagCount = row["lag_count"]
                figures.lagSecondsSum = row["lag_seconds_sum"]
                figures.lagSecondsMax = row["lag_seconds_max"]
                return figures
            }
        }
    }

    static func values(_ figures: HarvestHour) -> [any DatabaseValueConvertible] {
        [
            figures.requests, figures.ok, figures.throttled, figures.serverErrors, figures.timeouts, figures.badJSON, figures.otherErrors,
            figures.itemsNew, figures.itemsUpdated, figures.itemsRejected, figures.lagCount, figures.lagSecondsSum,
        ]
    }
}
