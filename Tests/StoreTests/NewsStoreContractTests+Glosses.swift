import EnbekshiCore
import Foundation
import Store
import TestSupport
import Testing

extension NewsStoreContractTests {
    @Test("glosses are found by run and language, replaced by a later one, and bump the content generation",
          arguments: StoreImplementation.allCases)
    func glosses(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        #expect(try await store.glosses(of: ["юбилей"], to: .en).isEmpty)
        #expect(try await store.glosses(of: [], to: .en).isEmpty)
        let before = try await store.contentGeneration()
        try await store.saveGlosses([
            Gloss(run: "юбилей", source: .ru, target: .en, text: "anniversary", engine: "libretranslate"),
            Gloss(run: "Ақ жол", source: .kk, target: .en, text: "White road", engine: "libretranslate"),
        ])
        #expect(try await store.contentGeneration() > before, "pages showing the runs must be built again")
        let found = try await store.glosses(of: ["юбилей", "Ақ жол", "дворец"], to: .en)
        #expect(found.count == 2)
        #expect(found["Ақ жол"]?.source == .kk)
        #expect(found["юбилей"]?.text == "anniversary")
        #expect(found["юбилей"]?.engine == "libretranslate")
        #expect(try await store.glosses(of: ["юбилей"], to: .kk).isEmpty, "another target language is another gloss")
        try await store.saveGlosses([Gloss(run: "юбилей", source: .ru, target: .en, text: "jubilee", engine: "openai")])
        let replaced = try await store.glosses(of: ["юбилей"], to: .en)
        #expect(replaced["юбилей"]?.text == "jubilee")
        #expect(replaced["юбилей"]?.engine == "openai")
        // More runs than one statement binds.
        let many = (0..<1200).map { "слово \($0)" }
        try await store.saveGlosses(many.map { Gloss(run: $0, source: .ru, target: .en, text: "word", engine: "e") })
        #expect(try await store.glosses(of: many, to: .en).count == 1200)
    }
}
