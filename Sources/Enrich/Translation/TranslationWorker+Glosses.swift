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

    /// The glossing part of a translation pass over the `limit` newest flagged versions, read once:
    /// Cyrillic runs left in English texts (`glossForeignRuns`) and titles in another language than
    /// their body (`translateForeignTitles`).
    public func glossPass(limit: Int = 500) async throws -> (runs: GlossReport, titles: GlossReport) {
        let flagged = try await store.flaggedVersions(limit: limit)
        return (try await glossForeignRuns(in: flagged), try await translateForeignTitles(in: flagged))
    }

    /// Glosses the Cyrillic runs left in gov.kz's English texts (a Kazakh service name, "юбилей"):
    /// each run once, by the first engine, stored for pages to show beside the run. A failed request
    /// is logged and left for the next pass.
    func glossForeignRuns(in flagged: [StoredVersion]) async throws -> GlossReport {
        var wanted: [String: Language] = [:]
        for stored in flagged
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
            let sent = try await storeGlosses(runs, from: source, to: .en, by: translator, what: "gloss", report: &report) {
                leftovers([$0], target: .en).isEmpty
            }
            guard sent else { return report }
        }
        return report
    }

    /// Translates texts in batches of 40 and stores each result `keep` accepts as the text's gloss.
    /// Returns false after a failed request (logged; the rest is left for the next pass).
    func storeGlosses(
        _ texts: [String], from source: Language, to target: Language, by translator: any Translator, what: String,
        report: inout GlossReport, keep: (String) -> Bool
    ) async throws -> Bool {
        for batch in texts.chunks(of: 40) {
            report.runsRequested += batch.count
            let translated: [String]
            do {
                try await limiter.acquire()
                translated = try await translator.translate(batch, from: source, to: target)
            } catch {
                logger.warning(
                    "\(what) request failed; asked again on the next pass",
                    metadata: ["engine": "\(translator.engine)", "texts": "\(batch.count)", "error": "\(error)"])
                report.failed += batch.count
                return false
            }
            let glosses = zip(batch, translated).compactMap { text, result -> Gloss? in
                let gloss = result.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !gloss.isEmpty, keep(gloss) else { return nil }
                return Gloss(run: text, source: source, target: target, text: gloss, engine: translator.engine)
            }
            try await store.saveGlosses(glosses)
            report.glossed += glosses.count
        }
        return true
    }
}
