import EnbekshiCore
import Testing

@Suite("Pictures in a body")
struct BodyPicturesTests {
    @Test("every <img> the cleaner wrote is found, with its address unescaped and its alt as written")
    func found() {
        let html = "<p>Text <img src=\"https://www.gov.kz/uploads/a.jpg?x=1&amp;y=2\" alt=\"A &amp; B\" loading=\"lazy\"> more</p>"
            + "<figure><img src=\"/relative.png\" alt=\"\" loading=\"lazy\"></figure><p>img src= in text</p><img alt=\"no source\">"
        let images = BodyPictures.images(inHTML: html)
        #expect(images.map(\.source) == ["https://www.gov.kz/uploads/a.jpg?x=1&y=2", "/relative.png"])
        #expect(images.map(\.escapedAlt) == ["A &amp; B", ""])
        #expect(html[images[0].range].hasPrefix("<img ") && html[images[0].range].hasSuffix(">"))
        #expect(BodyPictures.sources(inHTML: html) == ["https://www.gov.kz/uploads/a.jpg?x=1&y=2"], "only addresses on the web are fetched")
        #expect(BodyPictures.images(inHTML: "<p>No pictures</p><img src=\"unterminated").isEmpty)
    }

    @Test("ranges land on the element in text of any script, so a page swaps exactly the element")
    func rangesInAnyScript() {
        let image = "<img src=\"https://www.gov.kz/uploads/ә.jpg\" alt=\"Әкімдік ғимараты 🏛\" loading=\"lazy\">"
        let html = "<p>Әкімдік 🇰🇿 жаңа ғимарат ашты.</p>\n<figure>\(image)</figure><p>Қонақтар келді \(image) ертемен.</p>"
        let images = BodyPictures.images(inHTML: html)
        #expect(images.count == 2)
        for found in images {
            #expect(String(html[found.range]) == image)
            #expect(found.source == "https://www.gov.kz/uploads/ә.jpg" && found.escapedAlt == "Әкімдік ғимараты 🏛")
        }
        var replaced = html
        for found in images.reversed() { replaced.replaceSubrange(found.range, with: "[picture]") }
        #expect(replaced == "<p>Әкімдік 🇰🇿 жаңа ғимарат ашты.</p>\n<figure>[picture]</figure><p>Қонақтар келді [picture] ертемен.</p>")
    }
}
