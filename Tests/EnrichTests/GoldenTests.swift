import Clean
import EnbekshiCore
import Enrich
import Foundation
import Testing

/// One golden case per defect of the old site: a gov.kz-shaped item and what readers must get.
/// Set ENBEKSHI_UPDATE_GOLDEN=1 to write the current output into the files, then review the diff.
@Suite("Golden files: every defect of the old site, cleaned")
struct GoldenTests {
    struct Case: Codable {
        struct Item: Codable {
            var id: Int
            var title: String?
            var body: String?
            var created_date: String?
        }
        struct Expected: Codable, Equatable {
            var title: String
            var language: String
            var paragraphs: [String]
            var flags: [String]
            /// The sanitised body, so structure (headings, bold lead-ins) is pinned too.
            var html: String?
        }
        var requested: String
        var item: Item
        var expected: Expected?
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test("golden cases are present for every defect type")
    func present() {
        #expect(Self.names.count >= 21)
    }

    @Test("each golden input gives its expected output, passes the audit and is allow-listed", arguments: GoldenTests.names)
    func golden(_ name: String) throws {
        let url = Self.directory.appendingPathComponent(name)
        var golden = try JSONDecoder().decode(Case.self, from: Data(contentsOf: url))
        let requested = try #require(Language(rawValue: golden.requested))
        let published = golden.item.created_date.flatMap(GovKzDate.init)
        let prepared = VersionPreparer(cleaner: HTMLCleaner()).prepare(
            title: golden.item.title, bodyHTML: golden.item.body, published: published, requested: requested,
            fallbackLanguage: requested)
        let actual = Case.Expected(
            title: prepared.headline, language: prepared.language.rawValue, paragraphs: prepared.body.paragraphs,
            flags: prepared.flags.map(\.kind.rawValue), html: prepared.body.html)
        if ProcessInfo.processInfo.environment["ENBEKSHI_UPDATE_GOLDEN"] == "1" {
            golden.expected = actual
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(golden).write(to: url)
            return
        }
        let expected = try #require(golden.expected, "no expected output in \(name)")
        #expect(actual == expected)
        #expect(AllowList.permits(prepared.body.html))
        let version = ArticleVersion(
            language: prepared.language, title: prepared.headline, originalTitle: golden.item.title,
            bodyHTML: prepared.body.html, originalHTML: golden.item.body, slug: nil, sourceURL: "https://www.gov.kz/",
            heropic: nil, createdRaw: golden.item.created_date, published: published, fetchedAt: Date(), contentHash: "x",
            rawJSON: nil, flags: prepared.flags)
        // Content defects are gone; what cannot be repaired (a stray word) is flagged for an editor instead.
        let defects = ContentAudit.defects(of: version).subtracting([.cyrillicInEnglish])
        #expect(defects.isEmpty, "\(defects)")
    }
}
