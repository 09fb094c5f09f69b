import EnbekshiCore
import Foundation
@testable import Clean
import TestSupport
import Testing

/// Real gov.kz titles and bodies (the demo corpus), cut into the pieces the properties glue.
enum RealTexts {
    static let items: [(title: String, body: String)] = DemoItems.all.map { ($0.title, $0.body) }

    /// Paragraphs of the cleaned bodies that start with a capitalised word and run to three words or more.
    static let paragraphs: [String] = {
        let cleaner = HTMLCleaner()
        return items.flatMap { cleaner.clean($0.body).paragraphs }.filter {
            guard let first = $0.unicodeScalars.first else { return false }
            // Paragraphs that start with a word (not an initial, "Ф.И.О.").
            return GlueRepair.isUpper(first) && GlueRepair.wordStart(Array($0.unicodeScalars), at: 0) != nil
                && $0.split(separator: " ").count >= 3 && !$0.contains("\n")
        }
    }()

    /// Titles shaped like headings: two to twelve words, the last a lower-case word.
    static let headings: [String] = items.map(\.title).compactMap { title in
        let words = title.split(separator: " ")
        guard words.count >= 2 else { return nil }
        let phrase = words.prefix(12).joined(separator: " ")
        let last = words.prefix(12).last ?? ""
        guard let end = phrase.unicodeScalars.last, GlueRepair.isLower(end), last.count >= 3,
            let lastStart = last.unicodeScalars.first, GlueRepair.isLower(lastStart),
            !GlueRepair.functionWords.contains(String(last).lowercased()),
            !phrase.contains(where: { ".!?;:,".contains($0) })
        else { return nil }
        return phrase
    }
}

@Suite("Glue repair")
struct GlueRepairTests {
    let cleaner = HTMLCleaner()

    func html(_ body: String) -> String { cleaner.clean(body).html }

    @Test("a heading run into its paragraph becomes an h3 before it, in English, Russian and Kazakh")
    func headings() {
        #expect(html("<p>Changes to the procedures for the withdrawal and correction of tax returnsFrom January 1, 2026, regulations come into force.</p>")
            == "<h3>Changes to the procedures for the withdrawal and correction of tax returns</h3>\n<p>From January 1, 2026, regulations come into force.</p>")
        #expect(html("<p>Taxpayers should update their dossier in advance.Automatic selection of the tax authority codeThe new Tax Administration Information System implements the function.</p>")
            == "<p>Taxpayers should update their dossier in advance.</p>\n<h3>Automatic selection of the tax authority code</h3>\n<p>The new Tax Administration Information System implements the function.</p>")
        #expect(html("<p>Исключение услуги «Отзыв налоговой отчетности»В целях минимизации ошибок сервис исключён.</p>")
            == "<h3>Исключение услуги «Отзыв налоговой отчетности»</h3>\n<p>В целях минимизации ошибок сервис исключён.</p>")
        #expect(html("<p>Салық есептілігін тапсыру тәртібіЖаңа ақпараттық жүйе салық органының кодын өзі анықтайды.</p>")
            == "<h3>Салық есептілігін тапсыру тәртібі</h3>\n<p>Жаңа ақпараттық жүйе салық органының кодын өзі анықтайды.</p>")
        // A bold heading run into the next run is found across runs.
        #expect(html("<p><strong>Regulatory framework</strong>The Minister of Finance approved Order No. 695.</p>")
            == "<h3>Regulatory framework</h3>\n<p>The Minister of Finance approved Order No. 695.</p>")
    }

    @Test("a lead-in run into its text after a colon becomes bold; other colons get their space")
    func colons() {
        #expect(html("<p>Procedure for making changes:After submission of tax reporting forms, changes are possible.</p>")
            == "<p><strong>Procedure for making changes:</strong> After submission of tax reporting forms, changes are possible.</p>")
        #expect(html("<p>Порядок внесения изменений:После сдачи форм налоговой отчётности изменения возможны.</p>")
            == "<p><strong>Порядок внесения изменений:</strong> После сдачи форм налоговой отчётности изменения возможны.</p>")
        #expect(html("<p>During the meeting held yesterday in the capital the ambassador quoted the words of the writer:Abai taught us patience.</p>")
            == "<p>During the meeting held yesterday in the capital the ambassador quoted the words of the writer: Abai taught us patience.</p>")
        // Times, addresses and e-mail are not colons run into words.
        for kept in ["Meeting at 10:30 in hall B.", "See https://Gov.kz/Memleket for details.", "Write to mailto:Press@gov.kz today."] {
            #expect(cleaner.clean("<p>\(kept)</p>").paragraphs == [kept], "\(kept)")
        }
    }

    @Test("words written with capitals inside are never parted")
    func realWords() {
        let kept = [
            "McDonald's opened a restaurant in Astana.", "Residents can use the iPhone app and the eGov portal.",
            "Courses teach JavaScript and Python.", "KazMunayGas reported its results.", "Enbekshi QazaQ publishes news.",
            "ТОО «КазМунайГаз» подвело итоги года.", "Mr.Smith arrived.", "Power lines of 220kV and 5MW plants.",
            "Details at www.gov.kz/memleket/entities/kgd-zhetysu and press@kgd.gov.kz.", "Ministry of Digital Development (MDDIAI)",
            "The YouTube channel and WhatsApp chat are open.", "ҚазҰУ студенттері жеңіске жетті.",
        ]
        for text in kept {
            #expect(cleaner.clean("<p>\(text)</p>").paragraphs == [text], "\(text)")
            #expect(GlueRepair.joins(in: text).isEmpty, "\(text)")
        }
    }

    @Test("two capitalised words run together are parted only when the text uses one of them alone")
    func names() {
        #expect(cleaner.clean("<p>The meeting was chaired by AskarZhengis.</p><p>Ambassador Zhengis thanked the hosts.</p>").paragraphs
            == ["The meeting was chaired by Askar Zhengis.", "Ambassador Zhengis thanked the hosts."])
        #expect(cleaner.clean("<p>The course covers JavaScript basics.</p>").paragraphs == ["The course covers JavaScript basics."])
    }

    @Test("a short sentence start before a capital is not taken for a heading")
    func notHeadings() {
        #expect(cleaner.clean("<p>The deputyAkim of the district met residents.</p>").paragraphs
            == ["The deputy Akim of the district met residents."])
        #expect(html("<p>The deputyAkim of the district met residents.</p>").hasPrefix("<p>"))
    }

    @Test("property: every real title glued to every kind of real paragraph is parted exactly there")
    func gluedRealText() {
        var random = SplitMix64(seed: 16)
        let headings = RealTexts.headings, paragraphs = RealTexts.paragraphs
        #expect(headings.count >= 20 && paragraphs.count >= 100)
        var tried = 0
        for _ in 0..<600 {
            guard let heading = headings.randomElement(using: &random), let paragraph = paragraphs.randomElement(using: &random) else { break }
            let words = heading.split(separator: " ")
            if words.count < 4, GlueRepair.runningStarts.contains(words[0].lowercased()) { continue }
            tried += 1
            let body = cleaner.clean("<p>\(HTMLEscaping.escape(heading + paragraph))</p>")
            #expect(body.paragraphs == [heading, paragraph], "\(heading) | \(paragraph.prefix(60))")
            #expect(body.html.hasPrefix("<h3>"), "\(heading)")
            // The same heading with its space, or as its own paragraph, is left as it is.
            #expect(cleaner.clean("<p>\(HTMLEscaping.escape(heading))</p><p>\(HTMLEscaping.escape(paragraph))</p>").paragraphs == [heading, paragraph])
        }
        #expect(tried >= 300)
    }

    @Test("property: cleaning real bodies keeps every letter, is idempotent and leaves no join the audit would count")
    func realBodies() throws {
        let raw = HTMLCleaner(repairing: false)
        #expect(RealTexts.items.count >= 30)
        for item in RealTexts.items {
            let repaired = cleaner.clean(item.body)
            let letters = { (body: CleanBody) in body.paragraphs.joined().unicodeScalars.filter { ScalarClass.isAlphabetic($0) } }
            #expect(String(String.UnicodeScalarView(letters(repaired))) == String(String.UnicodeScalarView(letters(raw.clean(item.body)))), "\(item.title)")
            #expect(cleaner.clean(repaired.html).html == repaired.html, "\(item.title)")
            let words = GlueRepair.standaloneWords(repaired.paragraphs)
            for paragraph in raw.clean(repaired.html).paragraphs {
                #expect(GlueRepair.joins(in: paragraph, standalone: { words.contains($0) }).isEmpty, "\(paragraph.prefix(80))")
            }
        }
    }

    @Test("property: real words with inner capitals, addresses and units put anywhere in real text change nothing")
    func protectedWordsAnywhere() {
        var random = SplitMix64(seed: 61)
        let inserts = [
            "McDonald's", "iPhone", "JavaScript", "KazMunayGas", "QazaQ", "eGov", "«КазМунайГаз»", "https://www.gov.kz/Memleket",
            "info@Akorda.kz", "220kV", "5MW", "10mAh", "Mr.Smith", "PhD", "ҚазҰУ", "macOS", "YouTube", "LinkedIn",
        ]
        for _ in 0..<400 {
            guard let paragraph = RealTexts.paragraphs.randomElement(using: &random), let insert = inserts.randomElement(using: &random) else { break }
            var words = paragraph.split(separator: " ").map(String.init)
            words.insert(insert, at: Int.random(in: 0...words.count, using: &random))
            let text = words.joined(separator: " ")
            #expect(GlueRepair.joins(in: text).isEmpty, "\(text)")
        }
    }
}

@Suite("Glued sentences")
struct GluedSentenceTests {
    @Test("a sentence run into the next gets its space; an e-mail address or a path with a dot does not")
    func sentences() {
        #expect(TextNormalizer.separateGluedSentences("his certificate.The Akim spoke") == "his certificate. The Akim spoke")
        for kept in ["write to Anara.Pavanova@finreg.kz today", "see gov.kz/memleket/entities/Anara.Pavanova", "т.е. далее"] {
            #expect(TextNormalizer.separateGluedSentences(kept) == kept)
        }
    }
}
