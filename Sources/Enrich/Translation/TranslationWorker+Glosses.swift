import EnbekshiCore
import Foundation
import Store

extension TranslationWorker {
    public struct GlossReport: Sendable, Hashable {
        /// Runs glossed in this pass.
        public var glossed = 0
        /// Runs sent to an engine (some may come back unusable: still in their own script).
        public var runsRequested = 0
        /// Runs whose request failed; asked again on a later pass.
        public var failed = 0
        public init() {}
    }

    /// Glosses the Cyrillic runs left in gov.kz's English texts (a Kazakh service name, "юбилей"):
    /// each run once, by the first engine, stored for pages to show beside the run. Looks at the
    /// `limit` newest flagged versions; a failed request is logged and left for the next pass.
    public func glossForeignRuns(limit: Int = 500) async throws -> GlossReport {
        var wanted: [String: Language] = [:]
        for stored in try await store.flaggedVersions(limit: limit)
        where stored.version.language == .en && stored.version.machineTranslation == nil
            && stored.version.flags.contains(where: { $0.kind == .cyrillicInEnglish })
        {
            // A long run is an untranslated passage, not a word left behind: not a gloss's job.
            for run in CyrillicRuns.runs(inHTML: stored.version.bodyHTML) where run.text.count <= 200 {
                wanted[run.text] = run.language
            }
        }
        var report = GlossReport()
        guard let translator = translators.first, !wanted.isEmpty else { return report }
        let known = try await store.glosses(of: Array(wanted.keys), to: .en)
        for source in [Language.kk, .ru] {
            let runs = wanted.filter { $0.value == source && known[$0.key] == nil }.keys.sorted()
            for start in stride(from: 0, to: runs.count, by: 40) {
                let batch = Array(runs[start..<min(start + 40, runs.count)])
                report.runsRequested += batch.count
                let texts: [String]
                do {
                    try await limiter.acquire()
                    texts = try await translator.translate(batch, from: source, to: .en)
                } catch {
                    logger.warning(
                        "gloss request failed; asked again on the next pass",
                        metadata: ["engine": "\(translator.engine)", "runs": "\(batch.count)", "error": "\(error)"])
                    report.failed += batch.count
                    return report
                }
                let glosses = zip(batch, texts).compactMap { run, text -> Gloss? in
                    let gloss = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    guard !gloss.isEmpty, leftovers([gloss], target: .en).isEmpty else { return nil }
                    return Gloss(run: run, source: source, target: .en, text: gloss, engine: translator.engine)
                }
                try await store.saveGlosses(glosses)
                report.glossed += glosses.count
            }
        }
        return report
    }
}
