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
}
