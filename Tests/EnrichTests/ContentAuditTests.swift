import Clean
import EnbekshiCore
import Enrich
import Foundation
import Testing

@Suite("Content audit")
struct ContentAuditTests {
    static func version(_ body: String, title: String = "Key changes", language: Language = .en) -> ArticleVersion {
        ArticleVersion(
            language: language, title: title, originalTitle: title, bodyHTML: body, originalHTML: body, slug: nil,
            sourceURL: "https://www.gov.kz/", heropic: nil, createdRaw: nil, published: nil, fetchedAt: Date(),
            contentHash: "x", rawJSON: nil)
    }

    @Test("a body stored glued (as an old cleaner left it) counts each kind of glue, with the glued words")
    func glueKinds() {
        let findings = ContentAudit.findings(of: Self.version("""
            <p>Regulatory frameworkThe Minister of Finance approved the order on reporting.</p>
            <p>Procedure for making changes:After submission the forms can change.</p>
            <p>The Akim handed over his certificate.The Akim of Munaily District spoke.</p>
            <p>The meeting was chaired by AskarZhengis. Ambassador Zhengis thanked the hosts.</p>
            """))
        #expect(findings[.headingGlued]?.contains("frameworkThe") == true)
        #expect(findings[.colonGlued]?.contains("changes:After") == true)
        #expect(findings[.sentenceGlued]?.contains("certificate.The") == true)
        #expect(findings[.wordsGlued]?.contains("AskarZhengis") == true)
    }

    @Test("a Russian title over an English body and romanised Russian shown as English are counted")
    func languages() {
        let english = "<p>On October 9 at a briefing, the vice minister of education said that teachers will earn more from January.</p>"
        #expect(ContentAudit.defects(of: Self.version(english, title: "Учителям повысят зарплату на 30%")).contains(.titleLanguage))
        #expect(!ContentAudit.defects(of: Self.version(english, title: "Teachers' pay to rise by 30%")).contains(.titleLanguage))
        let romanised = "<p>15 sentyabrya 2025 goda sostoyalos' zasedanie kollegii upravleniya obrazovaniya oblasti. V rabote kollegii prinyali uchastie rukovoditeli.</p>"
        #expect(ContentAudit.defects(of: Self.version(romanised, title: "Zasedanie kollegii")).contains(.romanisedRussian))
        #expect(!ContentAudit.defects(of: Self.version(english, title: "Teachers' pay")).contains(.romanisedRussian))
    }

    @Test("the same body as the cleaner stores it has no glue; real words with capitals inside are not glue")
    func cleanedHasNone() {
        let cleaned = HTMLCleaner().clean("""
            <p>Regulatory frameworkThe Minister of Finance approved the order on reporting.</p>
            <p>Procedure for making changes:After submission the forms can change.</p>
            <p>The Akim handed over his certificate.The Akim of Munaily District spoke.</p>
            <p>KazMunayGas, eGov, the iPhone and JavaScript; write to Anara.Pavanova@finreg.kz.</p>
            """)
        #expect(ContentAudit.findings(of: Self.version(cleaned.html)).isEmpty)
    }
}
