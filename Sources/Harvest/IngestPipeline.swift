/// Ingests batch after batch with the next batch prepared (cleaned, classified, fingerprinted on
/// every core) while the previous one is written: writing is one thread's work, so without the
/// overlap one core sat idle for half of a long import.
///
/// `submit` returns the outcomes of the batch before (nil for the first); `finish` those of the
/// last. Batches are committed in the order submitted, so stories form as if one at a time.
public struct IngestPipeline: Sendable {
    public typealias Outcome = NewsIngestor.Outcome
    /// Items per batch for bulk work (`enbekshi ingest`): large enough that a transaction's fixed
    /// costs vanish, small enough that the next batch's preparation overlaps the write.
    public static let batchItems = 1_000
    let ingestor: NewsIngestor
    private var writing: Task<[[Outcome]], any Error>?

    public init(ingestor: NewsIngestor) {
        self.ingestor = ingestor
    }

    public mutating func submit(_ pages: [IngestPage]) async throws -> [[Outcome]]? {
        let prepared: NewsIngestor.PreparedBatch
        do {
            prepared = try await ingestor.prepare(pages)
        } catch {
            // The batch in flight is still written before the error is passed on.
            _ = try await writing?.value
            writing = nil
            throw error
        }
        // If the batch before failed, its error is passed on and this one is not written.
        let previous = writing
        writing = nil
        let done = try await previous?.value
        let ingestor = ingestor
        writing = Task { try await ingestor.commit(prepared) }
        return done
    }

    public mutating func finish() async throws -> [[Outcome]]? {
        defer { writing = nil }
        return try await writing?.value
    }
}
