import Foundation
import Harvest
import Testing

@Suite("GovKzDecoder: tolerant decoding of gov.kz answers")
struct GovKzDecoderTests {
    @Test("a bare array and a {content:[…]} wrapper decode to the same kind of items")
    func listShapes() throws {
        let bare = try GovKzDecoder.decodeList(Fixtures.data("01_news_list_bare_array"))
        #expect(bare.items.map(\.id) == ["1127933", "1127926", "1127821"])
        #expect(bare.items[2].heropic == nil)
        let wrapped = try GovKzDecoder.decodeList(Fixtures.data("02_news_list_content_wrapper"))
        #expect(wrapped.items.count == 2)
        #expect(wrapped.skipped == 0)
        for key in ["data", "items"] {
            let other = try GovKzDecoder.decodeList(Data("{\"\(key)\":[{\"id\":1}]}".utf8))
            #expect(other.items.map(\.id) == ["1"])
        }
    }

    @Test("ids as numbers or strings; null, empty and unknown fields are accepted; no id is skipped")
    func lenientItems() throws {
        let json = """
            [{"id": 1128052, "title": null, "body": null, "extra": {"x": [1, 2]}},
             {"id": "1237295", "title": "-", "created_date": "2026-06-09T11:48:00Z", "short_description": "Short"},
             {"title": "no id"}, {"id": ""}, 42, null]
            """
        let decoded = try GovKzDecoder.decodeList(Data(json.utf8))
        #expect(decoded.items.map(\.id) == ["1128052", "1237295"])
        #expect(decoded.skipped == 4)
        #expect(decoded.items[0].title == nil)
        #expect(decoded.items[0].raw["extra"] != nil)
        #expect(decoded.items[1].shortDescription == "Short")
        #expect(decoded.items[1].createdDate == "2026-06-09T11:48:00Z")
    }

    @Test("a detail answer as an object, or wrapped in data/content")
    func details() throws {
        let detail = try #require(try GovKzDecoder.decodeDetail(Fixtures.data("03_news_detail")))
        #expect(detail.id == "1127504")
        #expect(detail.hasBody)
        let wrapped = try #require(try GovKzDecoder.decodeDetail(Data("{\"data\":{\"id\":7,\"text\":\"<p>t</p>\"}}".utf8)))
        #expect(wrapped.body == "<p>t</p>")
        #expect(try GovKzDecoder.decodeDetail(Data("{\"error\":\"x\"}".utf8)) == nil)
    }

    @Test("HTML where JSON was expected is a failed fetch, never content")
    func htmlIsNotJSON() {
        #expect(throws: GovKzError.notJSON(contentType: "text/html (by its first byte)")) {
            try GovKzDecoder.decodeList(Data("<html><body>502 Bad Gateway</body></html>".utf8))
        }
    }

    @Test("truncated, empty and odd JSON are errors, not crashes", arguments: [
        "[{\"id\": 1, \"title\": \"cut", "", "   ", "{\"content\": 5}", "\"a string\"", "{\"id\": 1",
    ])
    func malformed(_ text: String) {
        #expect(throws: GovKzError.self) { try GovKzDecoder.decodeList(Data(text.utf8)) }
    }
}
