import Clean
import EnbekshiCore
import Foundation
import Logging
import Metrics
import Store

/// Works through due translation jobs: paragraph by paragraph, from the cache where it can, with a
/// concurrency and a rate limit; failures are retried later with back-off.
public struct TranslationWorker: Sendable {
    public struct Report: Sendable, Hashable {
        public var translated = 0
        public var skipped = 0
        public var retried = 0
        public var failed = 0
        /// Paragraphs sent to an engine (the rest came from the cache).
        public var paragraphsRequested = 0
        public init() {}
    }

    public let store: any NewsStore
    /// The first engine translates; the next is asked once when the first leaves source-script words.
    public let translators: [any Translator]
    public let concurrency: Int
    public let maxAttempts: Int
    public let backoffBase: Double
    let limiter: RateLimiter
    let cleaner = HTMLCleaner()
    let logger: Logger
    /// This worker's name in the jobs it claims.
    public let owner: String
    /// Seconds a claimed job stays this worker's: past it, a worker that died has its jobs taken over.
    public let leaseDuration: TimeInterval

    public init(
        store: any NewsStore, translators: [any Translator], requestsPerSecond: Double = 2, concurrency: Int = 2,
        maxAttempts: Int = 6, backoffBase: Double = 30, owner: String = WorkerName.current, leaseDuration: TimeInterval = 600,
        logger: Logger
    ) {
        self.owner = owner
        self.leaseDuration = leaseDuration
        self.store = store
        self.translators = translators
        self.concurrency = max(1, concurrency)
        self.maxAttempts = maxAttempts
        self.backoffBase = backoffBase
        self.limiter = RateLimiter(perSecond: requestsPerSecond)
        self.logger = logger
    }

    enum Outcome: Sendable {
        case translated(paragraphsRequested: Int)
        case skipped
        case retry(String, paragraphsRequested: Int)
        case failed(String)
    }

    /// Runs the jobs due now, at most `limit`, claiming a few at a time so that other workers share
    /// the queue. `progress` is told after each job (done, claimed so far).
    public func runDue(limit: Int = 1000, progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> Report {
        var report = Report()
        var done = 0
        // Jobs due when the run began: one retried during it waits for the next run.
        let started = Date()
        while done < limit, !Task.isCancelled {
            let jobs = try await store.claimTranslationJobs(
                owner: owner, dueBy: started, now: Date(), limit: min(limit - done, concurrency * 4), duration: leaseDuration)
            if jobs.isEmpty { break }
            var next = 0
            await withTaskGroup(of: Outcome.self) { group in
                func startNext() {
                    guard next < jobs.count else { return }
                    let job = jobs[next]
                    next += 1
                    group.addTask { await run(job) }
                }
                for _ in 0..<concurrency { startNext() }
                while let outcome = await group.next() {
                    switch outcome {
                    case .translated(let count):
                        report.translated += 1
                        report.paragraphsRequested += count
                    case .skipped: report.skipped += 1
                    case .retry(_, let count):
                        report.retried += 1
                        report.paragraphsRequested += count
                    case .failed: report.failed += 1
                    }
                    done += 1
                    progress?(done, done + jobs.count - next)
                    if Task.isCancelled { break }
                    startNext()
                }
            }
        }
        return report
    }

    func run(_ job: TranslationJob) async -> Outcome {
        var requested = 0
        do {
            guard let article = try await store.article(id: job.articleID) else {
                try await store.finishTranslationJob(job, saving: nil)
                return .skipped
            }
            if let existing = article.versions[job.target], existing.machineTranslation == nil, !existing.title.isEmpty {
                // gov.kz published this language meanwhile: its text wins, nothing to translate.
                try await store.finishTranslationJob(job, saving: nil)
                return .skipped
            }
            guard let source = article.versions[job.source], source.machineTranslation == nil, !source.title.isEmpty else {
                try await store.failTranslationJob(job, error: "no \(job.source.rawValue) original", retryAt: nil)
                return .failed("no original")
            }
            let paragraphs = source.translationTexts(cleaner: cleaner)
            var lastResult: (texts: [String], translator: any Translator)?
            for translator in translators {
                let (texts, count) = try await translate(paragraphs, from: job.source, to: job.target, with: translator)
                requested += count
                lastResult = (texts, translator)
                if leftovers(texts, target: job.target).isEmpty { break }
                logger.info(
                    "translation left source-script words; asking the next engine",
                    metadata: ["article": "\(job.articleID)", "engine": "\(translator.engine)"])
            }
            guard let (texts, translator) = lastResult else { throw TranslationError.malformed("no engine configured") }
            let words = leftovers(texts, target: job.target)
            let version = source.machineTranslated(
                into: job.target, texts: texts, engine: translator.engine, model: translator.model,
                flags: words.isEmpty ? [] : [QualityFlag(.cyrillicInEnglish, words.prefix(5).joined(separator: ", "))], at: Date())
            guard try await store.finishTranslationJob(job, saving: version) else {
                logger.warning(
                    "translation job taken over by another worker; its result is dropped",
                    metadata: ["job": "\(job.id)", "article": "\(job.articleID)"])
                return .skipped
            }
            return .translated(paragraphsRequested: requested)
        } catch let error as TranslationError {
            let attempts = job.attempts + 1
            var delay = backoffBase * Double(1 << min(attempts, 16)) * Double.random(in: 0.5...1)
            if case .rateLimited(let after?) = error {
                delay = max(delay, after)
                await limiter.pause(for: .milliseconds(Int64(after * 1000)))
            }
            let retryAt = attempts >= maxAttempts ? nil : Date().addingTimeInterval(delay)
            logger.warning(
                "translation failed",
                metadata: [
                    "article": "\(job.articleID)", "to": "\(job.target.rawValue)", "error": "\(error)",
                    "attempt": "\(attempts)", "retry": "\(retryAt == nil ? "no more" : "in \(Int(delay)) s")",
                ])
            _ = try? await store.failTranslationJob(job, error: error.description, retryAt: retryAt)
            return retryAt == nil ? .failed(error.description) : .retry(error.description, paragraphsRequested: requested)
        } catch {
            logger.error("translation job failed", metadata: ["job": "\(job.id)", "error": "\(error)"])
            _ = try? await store.failTranslationJob(
                job, error: String(describing: error), retryAt: Date().addingTimeInterval(backoffBase))
            return .retry(String(describing: error), paragraphsRequested: requested)
        }
    }

    /// Paragraph by paragraph, through the cache: an unchanged text is never translated twice.
    func translate(_ paragraphs: [String], from source: Language, to target: Language, with translator: any Translator)
        async throws -> ([String], Int)
    {
        let hashes = paragraphs.map { ContentHash.of($0) }
        let cached = try await store.cachedTranslations(hashes: hashes, from: source, to: target, engine: translator.engine)
        let missing = paragraphs.indices.filter { cached[hashes[$0]] == nil }
        var fresh: [String: String] = [:]
        // Requests stay small (engines time out or refuse huge batches): at most 40 paragraphs and
        // about 6,000 characters each; a longer single paragraph goes alone.
        var batches: [[Int]] = []
        var current: [Int] = []
        var size = 0
        for index in missing {
            let length = paragraphs[index].count
            if !current.isEmpty && (current.count >= 40 || size + length > 6000) {
                batches.append(current)
                current = []
                size = 0
            }
            current.append(index)
            size += length
        }
        if !current.isEmpty { batches.append(current) }
        for batch in batches {
            try await limiter.acquire()
            let texts: [String]
            do {
                texts = try await translator.translate(batch.map { paragraphs[$0] }, from: source, to: target)
                Self.count(engine: translator.engine, outcome: "ok")
            } catch {
                Self.count(engine: translator.engine, outcome: error.outcome)
                throw error
            }
            var translated: [String: String] = [:]
            for (index, text) in zip(batch, texts) { translated[hashes[index]] = text }
            fresh.merge(translated) { _, new in new }
            // Cached batch by batch, so a failure later in a long article does not waste what came
            // back; leftovers are not cached, so the next engine or a later run can do better.
            let clean = translated.filter { leftovers([$0.value], target: target).isEmpty }
            try await store.cacheTranslations(clean, from: source, to: target, engine: translator.engine)
        }
        return (hashes.map { fresh[$0] ?? cached[$0] ?? "" }, missing.count)
    }

    /// Source-script words left in a translation into English.
    func leftovers(_ texts: [String], target: Language) -> [String] {
        guard target == .en else { return [] }
        return QualityInspector.cyrillicWords(texts.joined(separator: " "))
    }
}

extension TranslationWorker {
    /// Requests to translation engines by engine and outcome, for `/metrics`.
    static func count(engine: String, outcome: String) {
        Counter(label: "translation_requests_total", dimensions: [("engine", engine), ("outcome", outcome)]).increment()
    }
}

extension TranslationError {
    /// The outcome label of a failed request.
    var outcome: String {
        switch self {
        case .rateLimited: "429"
        case .server: "5xx"
        case .timeout: "timeout"
        case .transport: "transport"
        case .malformed: "bad_answer"
        }
    }
}
