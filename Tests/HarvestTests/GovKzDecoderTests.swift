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
        #expect(wrapped.rejected.isEmpty)
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
        #expect(decoded.rejected.map(\.position) == [2, 3, 4, 5])
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

    @Test("one bad item costs only itself: its position and a plain reason; the good items are kept", arguments: [
        (Array("[{\"id\": 1, \"title\": \"Good\"}, {\"id\": 2, \"title\": \"".utf8) + [0xFF] + Array("\"}, {\"id\": 3}]".utf8), "invalid UTF-8"),
        (Array(#"{"content": [{"id": 1, "title": "Good"}, {"id": 2, "title": "\ud800 lone"}, {"id": 3}]}"#.utf8), "surrogate"),
        (Array(#"[{"id": 1, "title": "Good"}, {"id": 1e30}, {"id": 3}]"#.utf8), "not an exact integer"),
    ] as [([UInt8], String)])
    func oneBadItem(_ example: ([UInt8], String)) throws {
        let decoded = try GovKzDecoder.decodeList(example.0)
        #expect(decoded.items.map(\.id) == ["1", "3"])
        #expect(decoded.rejected.map(\.position) == [1])
        #expect(decoded.rejected.first?.reason.contains(example.1) == true, "\(decoded.rejected)")
    }

    @Test("ids beyond exact integers never collide: 1e30 and 1e30+1 are refused, big ids as strings kept")
    func hugeIDs() throws {
        let decoded = try GovKzDecoder.decodeList(Data(#"[{"id": 1e30}, {"id": 1000000000000000000000000000001}, {"id": "1000000000000000000000000000001"}, {"id": 12.5}]"#.utf8))
        #expect(decoded.items.map(\.id) == ["1000000000000000000000000000001"])
        #expect(decoded.rejected.map(\.position) == [0, 1, 3])
    }

    @Test("an answer in Windows-1251 is read as Cyrillic")
    func windows1251() throws {
        // "Налог" in Windows-1251.
        let bytes = Array(#"[{"id": 7, "title": ""#.utf8) + [0xCD, 0xE0, 0xEB, 0xEE, 0xE3] + Array(#""}]"#.utf8)
        let decoded = try GovKzDecoder.decodeList(bytes)
        #expect(decoded.items.first?.title == "Налог")
    }
}
