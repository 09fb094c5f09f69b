import Clean
import EnbekshiCore
import Foundation
import Logging
import NIOPosix
import Store

/// Works through the picture queue: fetches each due picture from gov.kz (one request each, drawn
/// from the same politeness budget as the news), makes its sizes off the event loops, and stores
/// them. A failed fetch is retried later with growing delays; a file that is not a safe picture is
/// refused at once. Pictures never hold up news: this runs beside the harvest, not inside it.
public struct PictureFetcher: Sendable {
    public struct Round: Sendable, Equatable {
        public var stored = 0
        public var retrying = 0
        public var refused = 0
        public var handled: Int { stored + retrying + refused }

        public init(stored: Int = 0, retrying: Int = 0, refused: Int = 0) {
            self.stored = stored
            self.retrying = retrying
            self.refused = refused
        }
    }

    let store: any PictureLibrary
    let client: any GovKzClient
    let logger: Logger
    /// Delays before each retry; after the last, the picture is refused.
    static let retryDelays: [TimeInterval] = [60, 600, 3600, 6 * 3600, 24 * 3600]
    /// A missing file (404, 410) is tried twice more, in case gov.kz was mid-upload.
    static let missingTries = 3

    public init(store: any PictureLibrary, client: any GovKzClient, logger: Logger) {
        self.store = store
        self.client = client
        self.logger = logger
    }

    /// Claims up to `limit` due pictures and handles each in turn.
    public func runOnce(limit: Int = 4, now: @Sendable () -> Date = Date.init) async throws -> Round {
        var round = Round()
        for task in try await store.claimPictures(limit: limit, now: now(), duration: 600) {
            try Task.checkCancellation()
            switch await handle(task, now: now) {
            case .stored: round.stored += 1
            case .retrying: round.retrying += 1
            case .refused: round.refused += 1
            }
        }
        return round
    }

    enum Result { case stored, retrying, refused }

    func handle(_ task: PictureTask, now: @Sendable () -> Date) async -> Result {
        let bytes: [UInt8]
        do {
            bytes = try await client.picture(url: task.url)
        } catch {
            return await failed(task, reason: error.description, retry: retryable(error, attempts: task.attempts), now: now())
        }
        let processed: ProcessedPicture
        do {
            processed = try await NIOThreadPool.singleton.runIfActive { try PictureProcessor.process(bytes) }
        } catch let refusal as PictureRefusal {
            return await failed(task, reason: refusal.description, retry: false, now: now())
        } catch {
            return await failed(task, reason: "\(error)", retry: true, now: now())
        }
        do {
            try await store.storePicture(url: task.url, picture: processed, now: now())
            HarvestMetrics.pictureResult("stored")
            logger.debug("picture stored", metadata: ["url": "\(task.url)", "hash": "\(processed.hash)", "bytes": "\(bytes.count)"])
            return .stored
        } catch {
            // The claim runs out and the picture is fetched again: nothing is lost.
            logger.warning("could not store a picture; it will be fetched again", metadata: ["url": "\(task.url)", "error": "\(error)"])
            return .retrying
        }
    }

    func retryable(_ error: GovKzError, attempts: Int) -> Bool {
        switch error {
        case .notOnGovKz, .tooLarge: false
        case .http(let status, _) where status == 404 || status == 410: attempts + 1 < Self.missingTries
        case .http(let status, _) where (400..<500).contains(status) && status != 408 && status != 429: false
        default: true
        }
    }

    func failed(_ task: PictureTask, reason: String, retry: Bool, now: Date) async -> Result {
        let delay = retry && task.attempts < Self.retryDelays.count ? Self.retryDelays[task.attempts] : nil
        do {
            try await store.pictureFailed(url: task.url, reason: reason, retryAt: delay.map(now.addingTimeInterval), now: now)
        } catch {
            logger.warning("could not record a picture's failure", metadata: ["url": "\(task.url)", "error": "\(error)"])
        }
        if let delay {
            HarvestMetrics.pictureResult("retrying")
            logger.info("picture not fetched, will retry", metadata: [
                "url": "\(task.url)", "reason": "\(reason)", "attempt": "\(task.attempts + 1)", "retry_in_s": "\(Int(delay))",
            ])
            return .retrying
        }
        HarvestMetrics.pictureResult("refused")
        logger.warning("picture refused", metadata: ["url": "\(task.url)", "reason": "\(reason)", "attempts": "\(task.attempts + 1)"])
        return .refused
    }
}
