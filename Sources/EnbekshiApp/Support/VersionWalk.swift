import ArgumentParser
import Clean
import EnbekshiCore
import Enrich
import Foundation
import Logging
import Store

/// Walks every stored version in batches, with progress, for the maintenance commands.
enum VersionWalk {
    static func forEach(
        _ store: any NewsStore, label: String, logger: Logger, _ body: (StoredVersion) async throws -> Void
    ) async throws -> Int {
        let total = try await store.statistics().versions
        let progress = ProgressLine(label: label, logger: logger, logEvery: 1000)
        var cursor: VersionCursor?
        var done = 0
        while true {
            let batch = try await store.versions(after: cursor, limit: 500)
            guard let last = batch.last else { break }
            for stored in batch {
                try await body(stored)
                done += 1
            }
            cursor = last.cursor
            progress.update(done: done, total: max(total, done), detail: "versions")
        }
        return done
    }
}
